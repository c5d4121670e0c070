//! Writes SCALE_TERMS synthetic entries (default 10,000) as TOML into OUT_DIR and compiles them with the
//! glossary compiler, timing the compilation and recording the generated code's size.
//!
//! Names are one to three words drawn from a vocabulary of 6,000 made-up words with a Zipf-like
//! distribution, as in real glossaries: a few words ("rate", "ad", "post") recur in many names, most
//! words in few. Generation is deterministic and prefix-stable: the first N entries are the same for
//! every size, so the same queries can be timed at every size.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::time::Instant;

const VOCABULARY: usize = 6_000;

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

    /// A rank in `0..n`, small ranks far more likely (probability about proportional to 1 / (rank + 8)).
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        let (a, b) = (8.0f64, n as f64 + 8.0);
        ((a * (b / a).powf(u)) - a) as usize % n
    }
}

/// `count` distinct pronounceable made-up words of two to four syllables.
fn vocabulary(count: usize) -> Vec<String> {
    const ONSETS: &[&str] = &[
        "b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p",
        "pl", "qu", "r", "s", "sh", "sk", "sp", "st", "t", "tr", "v", "w", "z",
    ];
    const NUCLEI: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "oo", "ou", "y"];
    const CODAS: &[&str] = &["", "", "", "n", "r", "s", "t", "l", "m", "ck", "nd", "st"];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut seen = HashSet::new();
    let mut words = Vec::with_capacity(count);
    while words.len() < count {
        let syllables = 2 + rng.next() % 3;
        let mut word = String::new();
        for _ in 0..syllables {
            word.push_str(ONSETS[rng.next() % ONSETS.len()]);
            word.push_str(NUCLEI[rng.next() % NUCLEI.len()]);
        }
        word.push_str(CODAS[rng.next() % CODAS.len()]);
        if seen.insert(word.clone()) {
            words.push(word);
        }
    }
    words
}

/// `count` distinct names (and, for each, a distinct alias), prefix-stable across counts.
fn names(count: usize, words: &[String]) -> Vec<(String, String)> {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(count);
    let phrase = |rng: &mut Rng| -> String {
        let length = [1, 2, 2, 2, 3, 3][rng.next() % 6];
        (0..length)
            .map(|_| words[rng.zipf(words.len())].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    while out.len() < count {
        let name = phrase(&mut rng);
        let alias = phrase(&mut rng);
        let (name_key, alias_key) = (name.replace(' ', ""), alias.replace(' ', ""));
        // Keys must be distinct across the whole glossary, plurals and slugs included.
        let clashes = |k: &str| {
            seen.contains(k) || seen.contains(&format!("{k}s")) || seen.contains(&format!("{k}es"))
        };
        if name_key == alias_key || clashes(&name_key) || clashes(&alias_key) {
            continue;
        }
        seen.insert(name_key);
        seen.insert(alias_key);
        out.push((name, alias));
    }
    out
}

fn slug(name: &str) -> String {
    name.replace(' ', "-")
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
    let words = vocabulary(VOCABULARY);
    let names = names(n, &words);
    let mut rng = Rng(0x5851_f42d_4c95_7f2d);
    let word = |rng: &mut Rng| words[rng.zipf(words.len())].clone();
    for (i, (name, alias)) in names.iter().enumerate() {
        let mut text = String::new();
        // Three distinct other entries: consecutive positions after a random offset, never `i` itself.
        let offset = rng.next() % (n - 4);
        let related: Vec<String> = (0..3)
            .map(|j| slug(&names[(i + 1 + offset + j) % n].0))
            .collect();
        let _ = write!(
            text,
            "name = {name:?}\naliases = [{alias:?}]\ncategory = {:?}\nsummary = {:?}\ndefinition = {:?}\nrelated = {related:?}\n\
             last_reviewed = \"2026-11-26\"\n\n[[benefits]]\ntitle = \"First\"\ndescription = {:?}\n\n\
             [[benefits]]\ntitle = \"Second\"\ndescription = {:?}\n",
            CATEGORIES[i % CATEGORIES.len()],
            format!(
                "Synthetic entry {i} about {} and {}.",
                word(&mut rng),
                word(&mut rng)
            ),
            format!(
                "Entry {i} describes the {} of a {}. It is generated to measure how the glossary scales with size.",
                word(&mut rng),
                word(&mut rng)
            ),
            format!("Why entry {i} matters for {}.", word(&mut rng)),
            format!("Another reason entry {i} helps with {}.", word(&mut rng)),
        );
        std::fs::write(folder.join(format!("{}.toml", slug(name))), text).unwrap();
    }
    let started = Instant::now();
    let code = social_glossary::compiler::compile_folder(&folder)
        .and_then(|compiled| compiled.to_rust("::social_glossary"))
        .unwrap_or_else(|p| panic!("{p}"));
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
