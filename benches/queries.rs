//! Every query of the crate against what a user would otherwise write, in one run, so the ratios hold on
//! whatever machine runs it: `cargo bench --bench queries`.
//!
//! - `get` / `lookup` vs a std `HashMap` (SipHash) exact lookup of the same key, vs a raw `phf::Map` probe
//!   of the same key without normalization, and vs the naive forgiving lookup (query lower-cased into a
//!   new `String`, then a `HashMap` lookup).
//! - `related`, `by_category`, `by_platform`: slices handed out, nothing computed.
//! - `suggest` vs brute force (edit distance to every name and alias); `complete` vs a linear scan.
//! - `search`; `find_terms` in MB/s against a bare aho-corasick pass over the same text.

use std::hint::black_box;

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use social_glossary::{Category, Platform, Term};

#[path = "common/alternatives.rs"]
mod alternatives;

/// A hit that both the forgiving and the naive lookup find: an alias spelled with capitals.
const HIT: &str = "Micro Influencer";
/// A hit only the forgiving lookup finds: hyphen and plural.
const HIT_PLURAL: &str = "Micro-Influencers";
const HIT_SLUG: &str = "micro-influencer";
const MISS: &str = "not a social media term";

fn lookups(c: &mut Criterion) {
    let exact = alternatives::exact_map();
    let raw_phf = alternatives::phf_map_of_slugs();
    let naive = alternatives::naive_map();

    let mut group = c.benchmark_group("lookup");
    group.bench_function("get (exact slug)", |b| {
        b.iter(|| social_glossary::get(black_box(HIT_SLUG)))
    });
    group.bench_function("std HashMap exact (SipHash)", |b| {
        b.iter(|| exact.get(black_box(HIT_SLUG)).copied())
    });
    group.bench_function("raw phf::Map probe (exact slug)", |b| {
        b.iter(|| raw_phf.get(black_box(HIT_SLUG)).copied())
    });
    group.bench_function("lookup hit (forgiving)", |b| {
        b.iter(|| social_glossary::lookup(black_box(HIT)))
    });
    group.bench_function("lookup hit, the slug itself (forgiving)", |b| {
        b.iter(|| social_glossary::lookup(black_box(HIT_SLUG)))
    });
    group.bench_function("lookup hit, plural (forgiving)", |b| {
        b.iter(|| social_glossary::lookup(black_box(HIT_PLURAL)))
    });
    group.bench_function("lookup miss (forgiving)", |b| {
        b.iter(|| social_glossary::lookup(black_box(MISS)))
    });
    group.bench_function("naive forgiving hit (to_lowercase + HashMap)", |b| {
        b.iter(|| {
            let key = black_box(HIT).to_lowercase();
            naive.get(&key).copied()
        })
    });
    group.bench_function("naive forgiving miss (to_lowercase + HashMap)", |b| {
        b.iter(|| {
            let key = black_box(MISS).to_lowercase();
            naive.get(&key).copied()
        })
    });
    group.finish();
}

fn browsing(c: &mut Criterion) {
    let term = social_glossary::get(HIT_SLUG).unwrap();
    let mut group = c.benchmark_group("browse");
    group.bench_function("related (iterate all)", |b| {
        b.iter(|| {
            black_box(term)
                .related()
                .iter()
                .map(|t| t.name().len())
                .sum::<usize>()
        })
    });
    group.bench_function("by_category", |b| {
        b.iter(|| social_glossary::by_category(black_box(Category::MetricsAnalytics)).len())
    });
    group.bench_function("by_platform", |b| {
        b.iter(|| social_glossary::by_platform(black_box(Platform::TikTok)).len())
    });
    group.bench_function("by_platform (linear filter)", |b| {
        b.iter(|| {
            social_glossary::terms()
                .iter()
                .filter(|t| t.is_used_on(black_box(Platform::TikTok)))
                .count()
        })
    });
    group.finish();
}

/// The textbook edit distance, as a user without an index would write it.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(previous + usize::from(ca != *cb));
            previous = current;
        }
    }
    row[b.len()]
}

fn finding(c: &mut Criterion) {
    let terms = social_glossary::terms();
    let spellings: Vec<(String, &Term)> = terms
        .iter()
        .flat_map(|t| {
            std::iter::once(t.name())
                .chain(t.aliases())
                .map(move |s| (s.to_lowercase(), t))
        })
        .collect();
    let mut sorted: Vec<(String, &Term)> = spellings.clone();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));

    let mut group = c.benchmark_group("suggest");
    for query in ["engagment rate", "micro-infleuncer", "hashtagg"] {
        group.bench_with_input(BenchmarkId::new("suggest", query), query, |b, q| {
            b.iter(|| social_glossary::suggest(black_box(q), 5))
        });
        group.bench_with_input(
            BenchmarkId::new("brute force levenshtein", query),
            query,
            |b, q| {
                b.iter(|| {
                    let q = q.to_lowercase();
                    let mut best: Vec<(usize, &Term)> = spellings
                        .iter()
                        .map(|(s, t)| (levenshtein(&q, s), *t))
                        .collect();
                    best.sort_by_key(|(d, _)| *d);
                    best.truncate(5);
                    best
                })
            },
        );
    }
    group.finish();

    let mut group = c.benchmark_group("complete");
    group.bench_function("complete (binary search)", |b| {
        b.iter(|| social_glossary::complete(black_box("engagement r"), 5))
    });
    group.bench_function("linear scan", |b| {
        b.iter(|| {
            let prefix = black_box("engagement r");
            sorted
                .iter()
                .filter(|(s, _)| s.starts_with(prefix))
                .take(5)
                .map(|(_, t)| *t)
                .collect::<Vec<_>>()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("search");
    group.bench_function("search (5 words)", |b| {
        b.iter(|| social_glossary::search(black_box("unique people who saw a post"), 5))
    });
    group.finish();

    // Marketing prose that mentions terms often (an article the project wrote), repeated to about 1 MB.
    let paragraph = include_str!("../tests/data/micro-influencer-article.md");
    let text = paragraph.repeat((1 << 20) / paragraph.len() + 1);
    let bare = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(spellings.iter().map(|(s, _)| s.as_str()))
        .unwrap();
    let _ = social_glossary::find_terms("warm up the lazily built matcher");
    let mut group = c.benchmark_group("find_terms");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("find_terms", |b| {
        b.iter(|| social_glossary::find_terms(black_box(&text)).len())
    });
    group.bench_function("bare aho-corasick pass", |b| {
        b.iter(|| bare.find_iter(black_box(&text)).count())
    });
    // Everyday English, about 1 MB, that mentions a term only now and then: most of its words start no
    // glossary term, unlike the article, which is about them.
    let everyday = everyday_prose(1 << 20);
    group.throughput(Throughput::Bytes(everyday.len() as u64));
    group.bench_function("find_terms, everyday prose", |b| {
        b.iter(|| social_glossary::find_terms(black_box(&everyday)).len())
    });
    group.bench_function("bare aho-corasick pass, everyday prose", |b| {
        b.iter(|| bare.find_iter(black_box(&everyday)).count())
    });
    group.finish();

    /// Sentences put together from a small fixed vocabulary with a fixed-seed generator, so every
    /// machine benchmarks the same text: the function words English is full of (many of which start
    /// a glossary term's name, "the", "a", "in", "for"), everyday nouns, verbs and adjectives, and
    /// a few marketing nouns.
    fn everyday_prose(len: usize) -> String {
        const DETERMINERS: &[&str] = &[
            "the", "a", "this", "that", "every", "some", "our", "their", "her", "his", "no", "one",
        ];
        const ADJECTIVES: &[&str] = &[
            "small", "quiet", "early", "late", "old", "new", "bright", "cold", "warm", "long",
            "short", "busy", "simple", "careful", "strange", "happy", "tired", "green", "heavy",
            "local", "recent", "whole", "clear", "honest",
        ];
        const NOUNS: &[&str] = &[
            "house",
            "river",
            "morning",
            "letter",
            "garden",
            "window",
            "teacher",
            "market",
            "street",
            "question",
            "kitchen",
            "friend",
            "village",
            "problem",
            "dinner",
            "station",
            "winter",
            "office",
            "story",
            "family",
            "road",
            "table",
            "answer",
            "weekend",
            "student",
            "doctor",
            "bridge",
            "picture",
            "neighbour",
            "meeting",
            "price",
            "brand",
            "video",
            "audience",
            "post",
        ];
        const VERBS: &[&str] = &[
            "opened",
            "found",
            "carried",
            "watched",
            "left",
            "painted",
            "wrote",
            "closed",
            "remembered",
            "followed",
            "cleaned",
            "visited",
            "moved",
            "explained",
            "noticed",
            "forgot",
            "helped",
            "built",
            "reached",
            "shared",
            "checked",
            "answered",
        ];
        const ADVERBS: &[&str] = &[
            "slowly", "again", "together", "quickly", "almost", "never", "often", "still",
            "suddenly", "finally", "rather", "really",
        ];
        const PREPOSITIONS: &[&str] = &[
            "in", "on", "near", "behind", "after", "before", "under", "with", "without", "across",
            "from", "into", "for", "at", "by", "of",
        ];
        const LINKS: &[&str] = &[
            "and then", "but", "because", "so", "while", "although", "when", "until", "and",
        ];
        const SUBJECTS: &[&str] = &[
            "she", "he", "they", "we", "it", "I", "you", "nobody", "everyone",
        ];
        // xorshift64 from a fixed seed: a number below `n`.
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut below = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut out = String::with_capacity(len + 200);
        while out.len() < len {
            let mut sentence = String::new();
            for clause in 0..1 + below(3) {
                if clause > 0 {
                    sentence.push_str(if below(3) == 0 { ", " } else { " " });
                    sentence.push_str(LINKS[below(LINKS.len())]);
                    sentence.push(' ');
                }
                if below(2) == 0 {
                    sentence.push_str(SUBJECTS[below(SUBJECTS.len())]);
                } else {
                    sentence.push_str(DETERMINERS[below(DETERMINERS.len())]);
                    sentence.push(' ');
                    if below(2) == 0 {
                        sentence.push_str(ADJECTIVES[below(ADJECTIVES.len())]);
                        sentence.push(' ');
                    }
                    sentence.push_str(NOUNS[below(NOUNS.len())]);
                }
                if below(4) == 0 {
                    sentence.push(' ');
                    sentence.push_str(ADVERBS[below(ADVERBS.len())]);
                }
                for words in [VERBS, DETERMINERS, NOUNS] {
                    sentence.push(' ');
                    sentence.push_str(words[below(words.len())]);
                }
                if below(2) == 0 {
                    sentence.push(' ');
                    sentence.push_str(PREPOSITIONS[below(PREPOSITIONS.len())]);
                    sentence.push_str(" the ");
                    sentence.push_str(NOUNS[below(NOUNS.len())]);
                }
            }
            let mut chars = sentence.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
            out.push_str(match below(8) {
                0 => "? ",
                1 => "!\n",
                2 => ".\n\n",
                _ => ". ",
            });
        }
        out
    }
}

criterion_group!(benches, lookups, browsing, finding);
criterion_main!(benches);
