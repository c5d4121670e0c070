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
    let terms = g.terms();
    let hit = terms[terms.len() / 2].name().to_uppercase();
    // One substitution in the middle of the name.
    let mut typo: Vec<char> = terms[terms.len() / 3].name().chars().collect();
    let middle = typo.len() / 2;
    typo[middle] = if typo[middle] == 'x' { 'y' } else { 'x' };
    let typo: String = typo.into_iter().collect();
    let prefix: String = terms[terms.len() / 4].name().chars().take(10).collect();
    let sentence = format!(
        "The {} met the {} while {} grew. ",
        terms[1].name(),
        terms[terms.len() - 2].name(),
        terms[7].name()
    );
    let synthetic_prose = sentence.repeat(90_000 / sentence.len());
    measure("synthetic", g, &hit, &typo, &prefix, &synthetic_prose);
}
