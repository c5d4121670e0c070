//! `resolve` over the development set of queries people type (`tests/data/queries.tsv`): each query runs
//! many times in a row, its fastest mean is kept, and the median, 90th and 99th percentiles over the set
//! are printed, next to lookup followed by search for the same queries (what a caller chains by hand
//! without `resolve`). `cargo bench --bench resolve_latency`.

use std::hint::black_box;
use std::time::Instant;

/// Calls per timing, and timings per query (the fastest is kept).
const CALLS: u32 = 200;
const ROUNDS: usize = 5;

fn time_per_call(mut f: impl FnMut()) -> f64 {
    (0..ROUNDS)
        .map(|_| {
            let started = Instant::now();
            for _ in 0..CALLS {
                f();
            }
            started.elapsed().as_nanos() as f64 / f64::from(CALLS)
        })
        .fold(f64::MAX, f64::min)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let queries: Vec<&str> = include_str!("../tests/data/queries.tsv")
        .lines()
        .skip(1)
        .filter_map(|line| line.split('\t').next())
        .collect();
    let mut resolve: Vec<f64> = queries
        .iter()
        .map(|q| time_per_call(|| drop(black_box(social_glossary::resolve(black_box(q), 3)))))
        .collect();
    let mut chained: Vec<f64> = queries
        .iter()
        .map(|q| {
            time_per_call(|| {
                let q = black_box(*q);
                if social_glossary::lookup(q).is_none() {
                    drop(black_box(social_glossary::search(q, 3)));
                }
            })
        })
        .collect();
    resolve.sort_by(f64::total_cmp);
    chained.sort_by(f64::total_cmp);
    println!(
        "| over {} queries | median | p90 | p99 | max |",
        queries.len()
    );
    println!("| --- | ---: | ---: | ---: | ---: |");
    for (name, times) in [
        ("resolve(q, 3)", &resolve),
        ("lookup, then search(q, 3) on a miss", &chained),
    ] {
        println!(
            "| {name} | {:.1} µs | {:.1} µs | {:.1} µs | {:.1} µs |",
            percentile(times, 0.5) / 1000.0,
            percentile(times, 0.9) / 1000.0,
            percentile(times, 0.99) / 1000.0,
            times[times.len() - 1] / 1000.0
        );
    }
}
