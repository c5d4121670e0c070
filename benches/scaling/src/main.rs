//! Query times on a synthetic glossary next to the same queries on the built-in one.

use std::hint::black_box;
use std::time::Instant;

use social_glossary::Glossary;

mod synthetic {
    include!(concat!(env!("OUT_DIR"), "/glossary.rs"));
}

static STATS: &str = include_str!(concat!(env!("OUT_DIR"), "/stats.txt"));

/// Median time per call, in nanoseconds, over 15 rounds of `iterations` calls.
fn time(iterations: u32, mut f: impl FnMut()) -> f64 {
    let mut rounds: Vec<f64> = (0..15)
        .map(|_| {
            let started = Instant::now();
            for _ in 0..iterations {
                f();
            }
            started.elapsed().as_nanos() as f64 / f64::from(iterations)
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    rounds[7]
}

fn measure(label: &str, g: &'static Glossary, hit: &str, typo: &str, prefix: &str, text: &str) {
    let lookup = time(200_000, || {
        black_box(g.lookup(black_box(hit)));
    });
    let suggest = time(2_000, || {
        black_box(g.suggest(black_box(typo), 5));
    });
    let complete = time(100_000, || {
        black_box(g.complete(black_box(prefix), 5));
    });
    let _ = g.find_terms("warm up");
    let find = time(20, || {
        black_box(g.find_terms(black_box(text)));
    });
    let mbs = text.len() as f64 / find * 1e3;
    println!(
        "| {label} | {} | {lookup:.0} ns | {:.2} µs | {complete:.0} ns | {mbs:.0} MB/s |",
        g.len(),
        suggest / 1e3
    );
}

fn main() {
    println!("{}", STATS.trim());
    let prose = "Our influencer marketing plan pairs micro-influencers with UGC ads and tracks CTR and reach. ".repeat(2000);
    println!(
        "| glossary | terms | lookup hit | suggest | complete | find_terms |\n| --- | ---: | ---: | ---: | ---: | ---: |"
    );
    measure(
        "built-in",
        social_glossary::glossary(),
        "Micro Influencer",
        "engagment rate",
        "engagement r",
        &prose,
    );
    let g = &synthetic::GLOSSARY;
    // Entries are generated in the same order at every size, so entry i is the same term in the 10k
    // and the 100k glossary: the same queries are timed at every size.
    let entry = |i: usize| -> &str {
        let marker = format!("Synthetic entry {i} about ");
        g.terms()
            .iter()
            .find(|t| t.summary().starts_with(&marker))
            .map(|t| t.name())
            .expect("the entry exists at every size")
    };
    let hit = entry(7).to_uppercase();
    // Two edits in the middle of a name: a substitution and a dropped letter.
    let mut typo: Vec<char> = entry(11).chars().collect();
    let middle = typo.len() / 2;
    typo[middle] = if typo[middle] == 'x' { 'y' } else { 'x' };
    typo.remove(middle + 2);
    let typo: String = typo.into_iter().collect();
    let prefix: String = entry(13).chars().take(6).collect();
    let sentence = format!(
        "The {} met the {} while {} grew. ",
        entry(1),
        entry(2),
        entry(7)
    );
    let synthetic_prose = sentence.repeat(90_000 / sentence.len());
    println!("queries: hit {hit:?}, typo {typo:?}, prefix {prefix:?}");
    measure("synthetic", g, &hit, &typo, &prefix, &synthetic_prose);
}
