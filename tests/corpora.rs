//! `find_terms` on texts the project wrote, as an auto-linker uses it: no links on everyday words in
//! ordinary prose (`tests/data/everyday-prose.md`), and the terms of marketing prose found
//! (`tests/data/marketing-prose.md`, each paragraph followed by `<!-- terms: ... -->`, the slugs it
//! should link). Measured, not asserted by example.

#![cfg(feature = "std")]

use std::collections::BTreeSet;

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[test]
fn everyday_prose_gets_at_most_one_false_link_per_thousand_words() {
    let text = include_str!("data/everyday-prose.md");
    let found = social_glossary::find_terms(text);
    let raw = social_glossary::find_terms_raw(text);
    let per_thousand = found.len() as f64 * 1000.0 / words(text) as f64;
    println!(
        "everyday prose, {} words: {} false links ({per_thousand:.2} per 1,000 words); {} raw matches",
        words(text),
        found.len(),
        raw.len()
    );
    for m in &found {
        println!("false link: {:?} ({})", m.text, m.term.slug());
    }
    assert!(words(text) >= 3000, "the corpus is too short");
    assert!(
        per_thousand <= 1.0,
        "{per_thousand:.2} false links per 1,000 words"
    );
}

#[test]
fn marketing_prose_has_its_terms_found() {
    let corpus = include_str!("data/marketing-prose.md");
    // The prose without the comment lines, and each paragraph's range in it with its expected slugs.
    let mut text = String::new();
    let mut paragraphs: Vec<(std::ops::Range<usize>, BTreeSet<&str>)> = Vec::new();
    let mut start = 0;
    for line in corpus.lines() {
        if let Some(list) = line.trim().strip_prefix("<!-- terms:") {
            let expected = list
                .trim_end_matches("-->")
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            paragraphs.push((start..text.len(), expected));
            text.push('\n');
            start = text.len();
        } else {
            text.push_str(line);
            text.push('\n');
        }
    }
    let found = social_glossary::find_terms(&text);
    let (mut expected_total, mut hits, mut found_total, mut correct) = (0, 0, 0, 0);
    let mut missed = Vec::new();
    let mut extra = Vec::new();
    for (range, expected) in &paragraphs {
        let here: BTreeSet<&str> = found
            .iter()
            .filter(|m| range.start <= m.range.start && m.range.end <= range.end)
            .map(|m| m.term.slug())
            .collect();
        expected_total += expected.len();
        hits += expected.intersection(&here).count();
        found_total += here.len();
        correct += here.intersection(expected).count();
        missed.extend(expected.difference(&here).copied());
        extra.extend(here.difference(expected).copied());
    }
    let recall = hits as f64 / expected_total.max(1) as f64;
    let precision = correct as f64 / found_total.max(1) as f64;
    println!(
        "marketing prose, {} words, {} paragraphs: recall {recall:.3}, precision {precision:.3}",
        words(&text),
        paragraphs.len()
    );
    println!("missed: {missed:?}");
    println!("not expected: {extra:?}");
    assert!(words(&text) >= 3000, "the corpus is too short");
    assert!(recall >= 0.95, "recall {recall:.3} is below 0.95");
}
