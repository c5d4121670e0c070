//! Writes SCALE_TERMS synthetic entries (default 10,000) as TOML into OUT_DIR and compiles them with the
//! glossary compiler, timing the compilation and recording the generated code's size.

use std::fmt::Write as _;
use std::time::Instant;

const WORDS: &[&str] = &[
    "audience", "brand", "creator", "reel", "story", "metric", "signal", "pixel", "budget",
    "caption", "channel", "comment", "campaign", "content", "feed", "growth", "hashtag", "impact",
    "launch", "loyalty", "market", "moment", "network", "outreach", "partner", "pulse", "ranking",
    "reach", "review", "share", "spark", "stream", "trend", "value", "video", "voice", "wave",
    "window", "yield", "zone",
];

const CATEGORIES: &[&str] = &[
    "metrics-analytics",
    "advertising",
    "content-formats",
    "slang-culture",
    "tools-workflow",
];

/// A deterministic generator (xorshift), so that every build gives the same glossary.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
}

fn name(i: usize) -> String {
    let (a, b, c) = (
        i % WORDS.len(),
        (i / WORDS.len()) % WORDS.len(),
        i / (WORDS.len() * WORDS.len()),
    );
    format!("{} {} {}", WORDS[a], WORDS[b], c)
}

fn slug(i: usize) -> String {
    name(i).replace(' ', "-")
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=SCALE_TERMS");
    let n: usize = std::env::var("SCALE_TERMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    let folder = out.join("terms");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for i in 0..n {
        let mut text = String::new();
        // Three distinct other entries: consecutive positions after a random offset, never `i` itself.
        let offset = rng.next() % (n - 4);
        let related: Vec<String> = (0..3).map(|j| slug((i + 1 + offset + j) % n)).collect();
        let _ = write!(
            text,
            "name = {:?}\naliases = [{:?}]\ncategory = {:?}\nsummary = {:?}\ndefinition = {:?}\nrelated = {:?}\n\
             last_reviewed = \"2026-11-26\"\n\n[[benefits]]\ntitle = \"First\"\ndescription = {:?}\n\n\
             [[benefits]]\ntitle = \"Second\"\ndescription = {:?}\n",
            name(i),
            format!("term{i}"),
            CATEGORIES[i % CATEGORIES.len()],
            format!(
                "Synthetic entry {i} about {} and {}.",
                WORDS[rng.next() % WORDS.len()],
                WORDS[rng.next() % WORDS.len()]
            ),
            format!(
                "Entry {i} describes the {} of a {}. It is generated to measure how the glossary scales with size.",
                WORDS[rng.next() % WORDS.len()],
                WORDS[rng.next() % WORDS.len()]
            ),
            related,
            format!(
                "Why entry {i} matters for {}.",
                WORDS[rng.next() % WORDS.len()]
            ),
            format!(
                "Another reason entry {i} helps with {}.",
                WORDS[rng.next() % WORDS.len()]
            ),
        );
        std::fs::write(folder.join(format!("{}.toml", slug(i))), text).unwrap();
    }
    let started = Instant::now();
    let compiled =
        social_glossary::compiler::compile_folder(&folder).unwrap_or_else(|p| panic!("{p}"));
    let code = compiled.to_rust("::social_glossary");
    let elapsed = started.elapsed();
    std::fs::write(out.join("glossary.rs"), &code).unwrap();
    std::fs::write(
        out.join("stats.txt"),
        format!(
            "terms {n}\ncompile_ms {}\ngenerated_bytes {}\n",
            elapsed.as_millis(),
            code.len()
        ),
    )
    .unwrap();
}
