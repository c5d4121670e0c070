//! A long randomized run of the queries that take arbitrary input, for fuzzing by time rather than by
//! case count. Ignored in normal runs; run it with
//!
//! ```text
//! FUZZ_SECONDS=600 cargo test --release --test fuzz -- --ignored --nocapture
//! ```
//!
//! It generates strings that mix glossary spellings, separators, ASCII, control characters, combining
//! marks and other Unicode, and checks what must hold for any input: no panic, bounded results,
//! mentions on character boundaries and in order, idempotent normalization (through lookup), and
//! every name finding its term.

#![cfg(feature = "std")]

use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift), so that a failing seed can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    " ",
    "-",
    "_",
    ".",
    "'",
    "’",
    "#",
    "/",
    "s",
    "es",
    "ies",
    "'s",
    "\u{0301}",
    "\u{200d}",
    "\0",
    "\u{1b}[31m",
    "😀",
    "İ",
    "ß",
    "ﬁ",
    "\u{feff}",
    "\r\n",
    "\t",
    "[",
    "](",
    ")",
    "`",
    "é",
    "日本",
    "ǅ",
];

fn random_text(rng: &mut Rng, terms: &[&social_glossary::Term]) -> String {
    let mut text = String::new();
    for _ in 0..rng.below(24) {
        match rng.below(4) {
            0 => {
                let term = terms[rng.below(terms.len())];
                let spellings: Vec<&str> =
                    std::iter::once(term.name()).chain(term.aliases()).collect();
                let s = spellings[rng.below(spellings.len())];
                text.push_str(&if rng.below(2) == 0 {
                    s.to_uppercase()
                } else {
                    s.to_owned()
                });
            }
            1 => text.push_str(PIECES[rng.below(PIECES.len())]),
            2 => text.push(char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('?')),
            _ => text.push((b' ' + rng.below(95) as u8) as char),
        }
    }
    text
}

#[test]
#[ignore = "long-running; see the module docs"]
fn fuzz_queries_for_a_while() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    let mut rng = Rng(seed);
    let terms: Vec<&social_glossary::Term> = social_glossary::terms().collect();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut cases = 0u64;
    while Instant::now() < deadline {
        for _ in 0..1000 {
            let text = random_text(&mut rng, &terms);
            if let Some(term) = social_glossary::lookup(&text) {
                // Lookup normalizes; looking up a term's own name must find the same term again.
                assert_eq!(social_glossary::lookup(term.name()), Some(term), "{text:?}");
            }
            let _ = social_glossary::get(&text);
            assert!(social_glossary::suggest(&text, 5).len() <= 5, "{text:?}");
            assert!(social_glossary::complete(&text, 5).len() <= 5, "{text:?}");
            assert!(social_glossary::search(&text, 5).len() <= 5, "{text:?}");
            assert!(social_glossary::resolve(&text, 5).len() <= 5, "{text:?}");
            let mentions = social_glossary::find_terms(&text);
            for m in &mentions {
                assert!(
                    text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end),
                    "{text:?}"
                );
                assert_eq!(&text[m.range.clone()], m.text);
            }
            assert!(
                mentions
                    .windows(2)
                    .all(|w| w[0].range.end <= w[1].range.start),
                "{text:?}"
            );
            cases += 1;
        }
    }
    println!("fuzz: {cases} generated inputs in {seconds} s (seed {seed}), no failure");
}
