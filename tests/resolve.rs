//! The quality of `resolve`, measured on sets of queries people type (query, the slugs that answer it,
//! group), not asserted by example: the development set its thresholds were calibrated on
//! (`tests/data/queries.tsv`) and a held-out set (`tests/data/holdout.tsv`).

#![cfg(feature = "std")]

use std::collections::BTreeMap;

/// Per group: queries, hits at rank 1, hits in the top 3, the sum of reciprocal ranks; for off-topic
/// queries, how many got nothing back.
#[derive(Default)]
struct Tally {
    queries: usize,
    first: usize,
    top3: usize,
    reciprocal_ranks: f64,
    silent: usize,
}

/// Scores `resolve` on a query set, prints the table by group and the misses, and returns recall@1,
/// recall@3 and off-topic silence over the whole set, after checking that the set is big enough.
fn score(set: &str) -> (f64, f64, f64) {
    let mut groups: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    for line in set.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let mut columns = line.split('\t');
        let (query, expected, group) = (
            columns.next().unwrap_or(""),
            columns.next().unwrap_or(""),
            columns.next().unwrap_or("").trim(),
        );
        let found = social_glossary::resolve(query, 3);
        let tally = groups.entry(group).or_default();
        tally.queries += 1;
        if expected == "-" {
            if found.is_empty() {
                tally.silent += 1;
            } else {
                misses.push(format!("{group}: {query:?} gave {}", found[0].term.slug()));
            }
            continue;
        }
        let expected: Vec<&str> = expected.split('|').collect();
        let rank = found.iter().position(|r| expected.contains(&r.term.slug()));
        if let Some(rank) = rank {
            tally.first += usize::from(rank == 0);
            tally.top3 += 1;
            tally.reciprocal_ranks += 1.0 / (rank + 1) as f64;
        }
        if rank != Some(0) {
            let got: Vec<&str> = found.iter().map(|r| r.term.slug()).collect();
            misses.push(format!(
                "{group}: {query:?} wants {expected:?}, got {got:?}"
            ));
        }
    }

    let (mut answerable, mut first, mut top3, mut rr) = (0, 0, 0, 0.0);
    let (mut off_topic, mut silent) = (0, 0);
    println!("| group | queries | recall@1 | recall@3 | MRR | off-topic silence |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (group, t) in &groups {
        if *group == "offtopic" {
            off_topic += t.queries;
            silent += t.silent;
            println!(
                "| {group} | {} | | | | {:.2} |",
                t.queries,
                t.silent as f64 / t.queries as f64
            );
        } else {
            answerable += t.queries;
            first += t.first;
            top3 += t.top3;
            rr += t.reciprocal_ranks;
            let n = t.queries as f64;
            println!(
                "| {group} | {} | {:.2} | {:.2} | {:.2} | |",
                t.queries,
                t.first as f64 / n,
                t.top3 as f64 / n,
                t.reciprocal_ranks / n
            );
        }
    }
    let n = answerable as f64;
    let (recall1, recall3, silence) = (
        first as f64 / n,
        top3 as f64 / n,
        silent as f64 / off_topic.max(1) as f64,
    );
    println!(
        "| all | {answerable} + {off_topic} | {recall1:.2} | {recall3:.2} | {:.2} | {silence:.2} |",
        rr / n
    );
    for miss in &misses {
        println!("miss: {miss}");
    }
    assert!(off_topic >= 20 && answerable >= 150, "the set is too small");
    (recall1, recall3, silence)
}

#[test]
fn resolve_answers_the_development_set() {
    // The set the thresholds were calibrated on.
    let (recall1, recall3, silence) = score(include_str!("data/queries.tsv"));
    assert!(recall1 >= 0.90, "recall@1 {recall1:.3} is below 0.90");
    assert!(recall3 >= 0.98, "recall@3 {recall3:.3} is below 0.98");
    assert!(
        silence >= 0.90,
        "off-topic silence {silence:.3} is below 0.90"
    );
}

#[test]
fn resolve_holds_on_queries_written_without_seeing_the_entries() {
    // 200 queries written from the terms' names and summaries alone, by someone who saw neither the
    // phrasings nor the development set. Only the foreign-word rule was chosen with it in view. The
    // floors sit just under today's figures, so that a change that loses ground here is noticed;
    // everyday questions that share a word or two with an entry are the known gap.
    let (recall1, recall3, silence) = score(include_str!("data/holdout.tsv"));
    assert!(recall1 >= 0.90, "recall@1 {recall1:.3} is below 0.90");
    assert!(recall3 >= 0.95, "recall@3 {recall3:.3} is below 0.95");
    assert!(
        silence >= 0.76,
        "off-topic silence {silence:.3} is below 0.76"
    );
}
