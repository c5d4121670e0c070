//! `social_glossary::resolve(query, 3)` against tantivy, side by side on the development query set
//! (`tests/data/queries.tsv`, the set `tests/resolve.rs` scores resolve on): quality and speed.
//!
//! tantivy indexes every built-in term in a RAM index: slug (stored), name, aliases, summary and a
//! body (definition, examples, benefits, platforms), all analyzed with the simple tokenizer, lower
//! case and the English stemmer. Queries go through `QueryParser::parse_query_lenient` over name,
//! aliases, summary and body, with boosted name and alias fields and fuzzy matching (distance 1,
//! transpositions cost 1, no prefix) on name and aliases. Scores are BM25, tantivy's default, except
//! on the fuzzy fields: a fuzzy term query scores a constant, the field's boost.
//!
//! Quality: recall@1, recall@3 and MRR over the answerable queries, and off-topic silence (the
//! share of off-topic queries that get nothing back), per group and overall, computed as
//! `tests/resolve.rs` does. Several boost settings are tried, with and without fuzzy names, and
//! the best of each by recall@1 (then MRR) is kept. tantivy answers any query that shares a word
//! with a term, so the fuzzy setting is also scored with two minimum BM25 scores: the highest that
//! loses no rank-1 hit, and the one with the best recall@1 + silence. Both are tuned on this very
//! set, which favors tantivy.
//!
//! Speed: per query, a warm-up and then the median of individually timed calls; the table gives
//! the median, p90 and p99 of those per-query medians. tantivy's call is parse + top 3 + fetching
//! the slugs from the doc store; resolve's is `resolve(query, 3)`. The three run interleaved, query
//! by query, in one process; nothing else should be running.
//!
//! Run (not part of CI; tantivy takes minutes to compile):
//!
//! ```text
//! cargo run --release --manifest-path benches/tantivy-compare/Cargo.toml
//! ```

#![forbid(unsafe_code)]

use std::collections::BTreeMap;
use std::error::Error;
use std::hint::black_box;
use std::time::Instant;

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};
use tantivy::{Index, ReloadPolicy, Searcher, TantivyDocument};

const QUERIES: &str = include_str!("../../../tests/data/queries.tsv");
const LOCK: &str = include_str!("../Cargo.lock");
const LIMIT: usize = 3;
const WARM_UP: usize = 20;
const REPEATS: usize = 200;
const ANALYZER: &str = "english";

/// Boosts for name, aliases, summary and body, each tried with and without fuzzy names; the first
/// setting that scores best (recall@1, then MRR) is kept, the fuzzy one for the table.
const BOOSTS: [[f32; 4]; 7] = [
    [1.0, 1.0, 1.0, 1.0],
    [1.5, 1.5, 1.0, 1.0],
    [2.0, 2.0, 1.0, 1.0],
    [2.0, 1.5, 1.0, 1.0],
    [3.0, 2.5, 1.5, 1.0],
    [5.0, 4.0, 2.0, 1.0],
    [8.0, 6.0, 2.0, 1.0],
];

/// One line of the query set; `expected` is empty for off-topic queries.
struct Case {
    query: &'static str,
    expected: Vec<&'static str>,
    group: &'static str,
}

/// A ranked answer: score (BM25 for tantivy, 0 for resolve) and slug.
type Hits = Vec<(f32, String)>;

struct Engine {
    searcher: Searcher,
    parser: QueryParser,
    slug: Field,
}

impl Engine {
    /// `fields` are name, aliases, summary and body, boosted by `boosts`.
    fn new(index: &Index, slug: Field, fields: [Field; 4], boosts: [f32; 4], fuzzy: bool) -> Self {
        let mut parser = QueryParser::for_index(index, fields.to_vec());
        for (field, boost) in fields.into_iter().zip(boosts) {
            parser.set_field_boost(field, boost);
        }
        if fuzzy {
            parser.set_field_fuzzy(fields[0], false, 1, true);
            parser.set_field_fuzzy(fields[1], false, 1, true);
        }
        let searcher = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into();
        let searcher = searcher.map(|r: tantivy::IndexReader| r.searcher());
        Engine {
            searcher: searcher.expect("a reader on the RAM index"),
            parser,
            slug,
        }
    }

    /// Parse, top 3 by score, and the slugs from the doc store.
    fn search(&self, query: &str) -> tantivy::Result<Hits> {
        let (query, _ignored) = self.parser.parse_query_lenient(query);
        let top = self
            .searcher
            .search(&query, &TopDocs::with_limit(LIMIT).order_by_score())?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = self.searcher.doc(address)?;
            let slug = doc
                .get_first(self.slug)
                .and_then(|v| v.as_str())
                .unwrap_or_default();
            hits.push((score, slug.to_owned()));
        }
        Ok(hits)
    }
}

/// Every built-in term in a RAM index, one segment; the slug field and the searched fields.
fn build_index() -> tantivy::Result<(Index, Field, [Field; 4])> {
    let mut builder = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(ANALYZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = TextOptions::default().set_indexing_options(indexing);
    let slug = builder.add_text_field("slug", STRING | STORED);
    let fields =
        ["name", "aliases", "summary", "body"].map(|f| builder.add_text_field(f, text.clone()));
    let [name, aliases, summary, body] = fields;
    let index = Index::create_in_ram(builder.build());
    let analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::English))
        .build();
    index.tokenizers().register(ANALYZER, analyzer);

    let mut writer = index.writer_with_num_threads(1, 20_000_000)?;
    for term in social_glossary::terms() {
        let mut doc = TantivyDocument::default();
        doc.add_text(slug, term.slug());
        doc.add_text(name, term.name());
        for alias in term.aliases() {
            doc.add_text(aliases, alias);
        }
        doc.add_text(summary, term.summary());
        let mut text = term.definition().to_owned();
        for example in term.examples() {
            text = format!("{text}\n{example}");
        }
        for benefit in term.benefits() {
            text = format!("{text}\n{}: {}", benefit.title, benefit.description);
        }
        for usage in term.platforms() {
            text = format!("{text}\n{}: {}", usage.platform, usage.why);
        }
        doc.add_text(body, text);
        writer.add_document(doc)?;
    }
    writer.commit()?;
    Ok((index, slug, fields))
}

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

/// recall@1, recall@3, MRR over the answerable queries; off-topic silence.
type Scores = [f64; 4];

fn rank(case: &Case, hits: &[(f32, String)]) -> Option<usize> {
    hits.iter()
        .position(|(_, slug)| case.expected.contains(&slug.as_str()))
}

/// Per group and overall, with hits scoring below `threshold` dropped.
fn score(
    cases: &[Case],
    results: &[Hits],
    threshold: f32,
) -> (BTreeMap<&'static str, Tally>, Scores) {
    let mut groups: BTreeMap<&str, Tally> = BTreeMap::new();
    let (mut answerable, mut off_topic) = (Tally::default(), Tally::default());
    for (case, hits) in cases.iter().zip(results) {
        let kept = hits.iter().take_while(|(s, _)| *s >= threshold).count();
        let total = if case.group == "offtopic" {
            &mut off_topic
        } else {
            &mut answerable
        };
        for tally in [groups.entry(case.group).or_default(), total] {
            tally.queries += 1;
            if case.expected.is_empty() {
                tally.silent += usize::from(kept == 0);
            } else if let Some(rank) = rank(case, &hits[..kept]) {
                tally.first += usize::from(rank == 0);
                tally.top3 += 1;
                tally.reciprocal_ranks += 1.0 / (rank + 1) as f64;
            }
        }
    }
    let n = answerable.queries.max(1) as f64;
    let silence = off_topic.silent as f64 / off_topic.queries.max(1) as f64;
    let scores = [
        answerable.first as f64 / n,
        answerable.top3 as f64 / n,
        answerable.reciprocal_ranks / n,
        silence,
    ];
    (groups, scores)
}

/// The median of `REPEATS` individually timed calls, after a warm-up, in microseconds.
fn median_micros(mut call: impl FnMut()) -> f64 {
    for _ in 0..WARM_UP {
        call();
    }
    let mut times: Vec<f64> = (0..REPEATS)
        .map(|_| {
            let start = Instant::now();
            call();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[REPEATS / 2]
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// The highest threshold that keeps every rank-1 hit, and the one with the best recall@1 + silence.
fn thresholds(cases: &[Case], results: &[Hits]) -> (f32, f32) {
    let tops = || {
        results
            .iter()
            .filter_map(|hits| hits.first().map(|(s, _)| *s))
    };
    let keep = cases
        .iter()
        .zip(results)
        .filter(|(case, hits)| rank(case, hits) == Some(0))
        .map(|(_, hits)| hits[0].0)
        .fold(f32::INFINITY, f32::min);
    let mut candidates: Vec<f32> = tops().chain(tops().map(f32::next_up)).collect();
    candidates.sort_by(f32::total_cmp);
    let mut balanced = (f64::NEG_INFINITY, f32::NEG_INFINITY);
    for t in candidates {
        let s = score(cases, results, t).1;
        if s[0] + s[3] > balanced.0 {
            balanced = (s[0] + s[3], t);
        }
    }
    (keep, balanced.1)
}

fn read_cases() -> Vec<Case> {
    let lines = QUERIES.lines().skip(1).filter(|l| !l.trim().is_empty());
    let case = |line: &'static str| {
        let mut columns = line.split('\t');
        let (query, expected) = (columns.next().unwrap_or(""), columns.next().unwrap_or("-"));
        let expected = if expected == "-" {
            Vec::new()
        } else {
            expected.split('|').collect()
        };
        Case {
            query,
            expected,
            group: columns.next().unwrap_or("").trim(),
        }
    };
    lines.map(case).collect()
}

/// The best setting so far: its scores, engine, results and boosts.
type Best = Option<(Scores, Engine, Vec<Hits>, [f32; 4])>;

fn main() -> Result<(), Box<dyn Error>> {
    let cases = read_cases();
    let version = LOCK
        .split("[[package]]")
        .find(|p| p.contains("name = \"tantivy\"\n"))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map_or("?", |v| v.trim_end_matches('"'));
    let start = Instant::now();
    let (index, slug, fields) = build_index()?;
    let build = start.elapsed().as_secs_f64() * 1e3;
    let n = social_glossary::terms().len();
    println!(
        "tantivy {version}: {n} terms indexed in {build:.1} ms; {} queries\n",
        cases.len()
    );

    println!(
        "| boosts name / aliases / summary / body | fuzzy names | recall@1 | recall@3 | MRR |"
    );
    println!("| --- | --- | ---: | ---: | ---: |");
    let (mut fuzzy_best, mut plain_best): (Best, Best) = (None, None);
    for fuzzy in [true, false] {
        for boosts in BOOSTS {
            let engine = Engine::new(&index, slug, fields, boosts, fuzzy);
            let results: Vec<Hits> = cases
                .iter()
                .map(|c| engine.search(c.query))
                .collect::<Result<_, _>>()?;
            let s = score(&cases, &results, f32::NEG_INFINITY).1;
            let [b0, b1, b2, b3] = boosts;
            let yes = if fuzzy { "yes" } else { "no" };
            println!(
                "| {b0} / {b1} / {b2} / {b3} | {yes} | {:.3} | {:.3} | {:.3} |",
                s[0], s[1], s[2]
            );
            let best = if fuzzy {
                &mut fuzzy_best
            } else {
                &mut plain_best
            };
            if best
                .as_ref()
                .is_none_or(|b| (s[0], s[2]) > (b.0[0], b.0[2]))
            {
                *best = Some((s, engine, results, boosts));
            }
        }
    }
    let (_, engine, tantivy, boosts) = fuzzy_best.ok_or("no fuzzy setting")?;
    let (_, plain, plain_results, plain_boosts) = plain_best.ok_or("no plain setting")?;

    let (keep, balanced) = thresholds(&cases, &tantivy);

    let resolve: Vec<Hits> = cases
        .iter()
        .map(|c| {
            let found = social_glossary::resolve(c.query, LIMIT);
            found
                .iter()
                .map(|r| (0.0, r.term.slug().to_owned()))
                .collect()
        })
        .collect();

    // Per query, interleaved so that all three see the same machine state.
    let mut times = [Vec::new(), Vec::new(), Vec::new()];
    for case in &cases {
        let q = case.query;
        times[0].push(median_micros(|| {
            drop(black_box(social_glossary::resolve(black_box(q), LIMIT)))
        }));
        times[1].push(median_micros(|| {
            drop(black_box(engine.search(black_box(q))))
        }));
        times[2].push(median_micros(|| {
            drop(black_box(plain.search(black_box(q))))
        }));
    }
    for t in &mut times {
        t.sort_by(f64::total_cmp);
    }

    let b = |b: [f32; 4]| format!("{} / {} / {} / {}", b[0], b[1], b[2], b[3]);
    let rows = [
        ("resolve".to_owned(), &resolve, f32::NEG_INFINITY, &times[0]),
        (
            format!("tantivy {}, fuzzy names", b(boosts)),
            &tantivy,
            f32::NEG_INFINITY,
            &times[1],
        ),
        (
            format!("same, BM25 ≥ {keep:.2} (no rank-1 loss)"),
            &tantivy,
            keep,
            &times[1],
        ),
        (
            format!("same, BM25 ≥ {balanced:.2} (best recall@1 + silence)"),
            &tantivy,
            balanced,
            &times[1],
        ),
        (
            format!("tantivy {}, no fuzzy", b(plain_boosts)),
            &plain_results,
            f32::NEG_INFINITY,
            &times[2],
        ),
    ];
    println!("\n| | recall@1 | recall@3 | MRR | off-topic silence | median µs | p90 µs | p99 µs |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut per_group = Vec::new();
    for (label, results, threshold, times) in &rows {
        let (groups, s) = score(&cases, results, *threshold);
        let [p50, p90, p99] = [0.5, 0.9, 0.99].map(|p| percentile(times, p));
        println!(
            "| {label} | {:.3} | {:.3} | {:.3} | {:.3} | {p50:.1} | {p90:.1} | {p99:.1} |",
            s[0], s[1], s[2], s[3]
        );
        per_group.push(groups);
    }

    println!(
        "\nEach cell: the rows above in order (resolve / tantivy / ≥ {keep:.2} / ≥ {balanced:.2} / no fuzzy).\n"
    );
    println!("| group | queries | recall@1 | recall@3 | MRR | off-topic silence |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (group, tally) in &per_group[0] {
        let n = tally.queries as f64;
        let cell = |f: fn(&Tally) -> f64| {
            let v: Vec<String> = per_group
                .iter()
                .map(|g| format!("{:.2}", f(&g[group]) / n))
                .collect();
            v.join(" / ")
        };
        if *group == "offtopic" {
            println!(
                "| {group} | {} | | | | {} |",
                tally.queries,
                cell(|t| t.silent as f64)
            );
        } else {
            let (first, top3) = (cell(|t| t.first as f64), cell(|t| t.top3 as f64));
            let mrr = cell(|t| t.reciprocal_ranks);
            println!(
                "| {group} | {} | {first} | {top3} | {mrr} | |",
                tally.queries
            );
        }
    }

    // Answerable queries where tantivy (fuzzy, no threshold) ranks an expected term higher.
    let better: Vec<_> = cases
        .iter()
        .zip(resolve.iter().zip(&tantivy))
        .filter(|(case, (r, t))| rank(case, t).is_some_and(|t| rank(case, r).is_none_or(|r| t < r)))
        .collect();
    println!(
        "\ntantivy ranks the expected term higher than resolve on {} queries:",
        better.len()
    );
    for (case, (r, t)) in better.iter().take(10) {
        let r: Vec<&str> = r.iter().map(|(_, slug)| slug.as_str()).collect();
        let t: Vec<String> = t.iter().map(|(s, slug)| format!("{slug} {s:.1}")).collect();
        let (q, g, want) = (case.query, case.group, case.expected.join("|"));
        println!(
            "- {q:?} ({g}, wants {want}): resolve [{}], tantivy [{}]",
            r.join(", "),
            t.join(", ")
        );
    }
    Ok(())
}
