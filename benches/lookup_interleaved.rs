//! Forgiving lookup against a std `HashMap` probe, a raw `phf::Map` probe and the naive forgiving lookup,
//! interleaved: `cargo bench --bench lookup_interleaved`.
//!
//! criterion times one benchmark after another, and on a shared virtual machine the speed drifts between
//! them by more than the difference being measured. Here every query runs once per round, 40 rounds in
//! turn, and the fastest round of each is kept, so all of them see the same machine.

use std::hint::black_box;
use std::time::Instant;

use social_glossary::Term;

#[path = "common/alternatives.rs"]
mod alternatives;

type Query<'a> = (&'a str, Box<dyn Fn() -> Option<&'static Term> + 'a>);

fn main() {
    let (exact, raw_phf, naive) = (
        &alternatives::exact_map(),
        &alternatives::phf_map_of_slugs(),
        &alternatives::naive_map(),
    );
    let queries: Vec<Query> = vec![
        (
            "std HashMap exact (SipHash), \"micro-influencer\"",
            Box::new(move || exact.get(black_box("micro-influencer")).copied()),
        ),
        (
            "raw phf::Map probe, \"micro-influencer\"",
            Box::new(move || raw_phf.get(black_box("micro-influencer")).copied()),
        ),
        (
            "naive: to_lowercase + HashMap, \"Micro Influencer\"",
            Box::new(move || {
                naive
                    .get(&black_box("Micro Influencer").to_lowercase())
                    .copied()
            }),
        ),
        (
            "lookup(\"micro-influencer\")",
            Box::new(|| social_glossary::lookup(black_box("micro-influencer"))),
        ),
        (
            "lookup(\"Micro Influencer\")",
            Box::new(|| social_glossary::lookup(black_box("Micro Influencer"))),
        ),
        (
            "lookup(\"Micro-Influencers\")",
            Box::new(|| social_glossary::lookup(black_box("Micro-Influencers"))),
        ),
        (
            "lookup(\"user-generated content\") (over 16 bytes: normalized)",
            Box::new(|| social_glossary::lookup(black_box("user-generated content"))),
        ),
        (
            "lookup(\"Micro Influencer’s\") (not ASCII: normalized)",
            Box::new(|| social_glossary::lookup(black_box("Micro Influencer’s"))),
        ),
        (
            "lookup miss, \"not a real term\" (both tiers)",
            Box::new(|| social_glossary::lookup(black_box("not a real term"))),
        ),
        (
            "lookup miss, \"not a social media term\"",
            Box::new(|| social_glossary::lookup(black_box("not a social media term"))),
        ),
        (
            "get(\"micro-influencer\")",
            Box::new(|| social_glossary::get(black_box("micro-influencer"))),
        ),
        (
            "naive miss",
            Box::new(move || {
                naive
                    .get(&black_box("not a social media term").to_lowercase())
                    .copied()
            }),
        ),
    ];
    const CALLS: u32 = 300_000;
    let mut best = vec![f64::MAX; queries.len()];
    for _ in 0..40 {
        for (i, (_, query)) in queries.iter().enumerate() {
            let started = Instant::now();
            for _ in 0..CALLS {
                black_box(query());
            }
            best[i] = best[i].min(started.elapsed().as_nanos() as f64 / f64::from(CALLS));
        }
    }
    // Rows 0 and 2 are the alternatives the ratios are taken against.
    let (hash_map, naive) = (best[0], best[2]);
    println!(
        "| query | fastest round | vs the HashMap probe | naive hit ÷ this |\n| --- | ---: | ---: | ---: |"
    );
    for ((name, _), time) in queries.iter().zip(&best) {
        println!(
            "| {name} | {time:.1} ns | {:.2}x | {:.2}x |",
            time / hash_map,
            naive / time
        );
    }
}
