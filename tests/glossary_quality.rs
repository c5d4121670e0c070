//! The editorial rules every shipped entry keeps (issue: "the glossary itself"). Structural rules live in
//! the build's validation; these are the content rules that only this glossary promises.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

use social_glossary::{Category, Platform, Term};

const MIN_ENTRIES: usize = 700;

fn glossary_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// Splits prose into sentences: a `.`, `!` or `?` followed by white space and an upper-case letter or digit.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'!' | b'?')
            && bytes.get(i + 1) == Some(&b' ')
            && bytes
                .get(i + 2)
                .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'"')
            && !ends_with_abbreviation(&text[start..=i])
        {
            out.push(text[start..=i].trim());
            start = i + 1;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}

fn ends_with_abbreviation(s: &str) -> bool {
    [
        "e.g.", "i.e.", "vs.", "etc.", "U.S.", "U.K.", "Inc.", "St.", "approx.", "Dr.", "Mr.",
        "Ms.",
    ]
    .iter()
    .any(|a| s.ends_with(a))
}

#[test]
fn the_glossary_has_at_least_700_entries() {
    let n = social_glossary::glossary().len();
    assert!(
        n >= MIN_ENTRIES,
        "{n} entries; the glossary promises at least {MIN_ENTRIES}"
    );
    assert_eq!(n, glossary_files().len());
}

#[test]
fn every_category_and_platform_has_entries() {
    for &category in Category::ALL {
        assert!(
            !social_glossary::by_category(category).is_empty(),
            "no entry in {category}"
        );
    }
    for &platform in Platform::ALL {
        assert!(
            !social_glossary::by_platform(platform).is_empty(),
            "no entry on {platform}"
        );
    }
}

#[test]
fn summaries_are_one_sentence_and_definitions_two_to_five() {
    let mut bad = Vec::new();
    for term in social_glossary::terms() {
        let s = sentences(term.summary()).len();
        let d = sentences(term.definition()).len();
        if s != 1 {
            bad.push(format!("{}: summary has {s} sentences", term.slug()));
        }
        if !(2..=5).contains(&d) {
            bad.push(format!("{}: definition has {d} sentences", term.slug()));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_entry_has_two_benefits_and_a_review_date() {
    let mut bad = Vec::new();
    for term in social_glossary::terms() {
        if term.benefits().len() < 2 {
            bad.push(format!(
                "{}: {} benefit(s)",
                term.slug(),
                term.benefits().len()
            ));
        }
        if term.last_reviewed().is_none() {
            bad.push(format!("{}: no last_reviewed", term.slug()));
        }
        for benefit in term.benefits() {
            if benefit.title.eq_ignore_ascii_case(term.name()) {
                bad.push(format!(
                    "{}: a benefit title repeats the term's name",
                    term.slug()
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_entry_links_at_least_three_related_terms_itself() {
    let mut bad = Vec::new();
    for path in glossary_files() {
        let table: toml::Table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
        let n = table
            .get("related")
            .and_then(|r| r.as_array())
            .map_or(0, Vec::len);
        if n < 3 {
            bad.push(format!("{}: {n} related", path.display()));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn no_sentence_is_repeated_across_entries() {
    let mut owner: HashMap<String, &str> = HashMap::new();
    let mut bad = Vec::new();
    for term in social_glossary::terms() {
        let mut texts: Vec<&str> = vec![term.summary(), term.definition()];
        texts.extend(term.benefits().map(|b| b.description));
        texts.extend(term.platforms().map(|p| p.why));
        texts.extend(term.examples());
        let mut own = HashSet::new();
        for text in texts {
            for sentence in sentences(text) {
                let key = sentence.to_lowercase();
                if key.split_whitespace().count() < 6 || !own.insert(key.clone()) {
                    continue;
                }
                if let Some(first) = owner.insert(key, term.slug()) {
                    bad.push(format!("{} and {} share: {sentence}", first, term.slug()));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn related_links_connect_the_whole_glossary() {
    let terms = social_glossary::terms();
    let first = terms.first().unwrap();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut queue: VecDeque<&Term> = VecDeque::from([first]);
    seen.insert(first.slug());
    while let Some(term) = queue.pop_front() {
        for next in term.related() {
            if seen.insert(next.slug()) {
                queue.push_back(next);
            }
        }
    }
    let unreachable: Vec<&str> = terms
        .iter()
        .map(|t| t.slug())
        .filter(|s| !seen.contains(s))
        .collect();
    assert!(
        unreachable.is_empty(),
        "not reachable from {}: {unreachable:?}",
        first.slug()
    );
}

#[test]
fn retired_features_are_marked() {
    for slug in [
        "fleets",
        "igtv",
        "periscope",
        "google-plus",
        "vine",
        "swipe-up-link",
        "idea-pins",
    ] {
        let term = social_glossary::get(slug).unwrap_or_else(|| panic!("{slug} is missing"));
        assert!(term.is_deprecated(), "{slug} should be marked deprecated");
    }
}

#[test]
fn the_readme_coverage_table_matches_the_data() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let g = social_glossary::glossary();
    let mut expected = vec![format!("| all | {} |", g.len())];
    expected.extend(g.categories().map(|(c, n)| format!("| {c} | {n} |")));
    expected.extend(g.platforms().map(|(p, n)| format!("| {p} | {n} |")));
    for line in expected {
        assert!(
            readme.contains(&line),
            "README.md lacks {line:?}; paste `cargo run --example coverage` into it"
        );
    }
}

/// The terms public social-media glossaries list (`tests/data/anchor-terms.tsv`: name, aliases, and how
/// many glossaries list it). A user who types any of them should find an entry.
#[test]
fn lookup_finds_the_published_vocabulary() {
    let list = include_str!("data/anchor-terms.tsv");
    let mut missed = Vec::new();
    let mut total = 0;
    for line in list.lines().skip(1) {
        let mut columns = line.split('\t');
        let name = columns.next().unwrap_or("");
        let aliases = columns.next().unwrap_or("");
        total += 1;
        let found = std::iter::once(name)
            .chain(aliases.split('|').filter(|a| !a.is_empty()))
            .any(|spelling| social_glossary::lookup(spelling).is_some());
        if !found {
            missed.push(name);
        }
    }
    let share = 1.0 - missed.len() as f64 / total as f64;
    println!(
        "lookup finds {} of {total} published terms ({:.1}%); missed: {missed:?}",
        total - missed.len(),
        share * 100.0
    );
    assert!(
        share >= 0.95,
        "lookup finds {:.1}% of the published vocabulary, below 95%; missed: {missed:?}",
        share * 100.0
    );
}

/// The prose of an entry that states its facts: summary, definition, benefits and platform reasons.
fn fact_prose(term: &Term) -> String {
    let mut prose = vec![term.summary(), term.definition()];
    for benefit in term.benefits() {
        prose.extend([benefit.title, benefit.description]);
    }
    prose.extend(term.platforms().map(|usage| usage.why));
    prose.join(" ")
}

/// Words that state a law or a platform rule.
const RULE_WORDS: &[&str] = &[
    "law",
    "laws",
    "act",
    "regulation",
    "regulations",
    "directive",
    "ftc",
    "gdpr",
    "ccpa",
    "coppa",
    "dsa",
    "asa",
    "require",
    "requires",
    "required",
    "must",
    "limit",
    "limits",
    "banned",
    "prohibit",
    "prohibits",
    "prohibited",
];

#[test]
fn every_entry_that_states_a_figure_date_price_law_or_rule_cites_a_source() {
    let mut unsourced = Vec::new();
    let mut fact_bearing = 0;
    for term in social_glossary::terms() {
        let prose = fact_prose(term);
        let figure = prose
            .chars()
            .any(|c| c.is_ascii_digit() || "$€£".contains(c));
        let rule = prose
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| RULE_WORDS.contains(&word.to_lowercase().as_str()));
        if figure || rule {
            fact_bearing += 1;
            if term.sources().is_empty() {
                unsourced.push(term.slug());
            }
        }
    }
    println!(
        "{fact_bearing} fact-bearing entries, {} without a source",
        unsourced.len()
    );
    assert!(
        unsourced.is_empty(),
        "entries that state facts without a source: {unsourced:?}"
    );
}

#[test]
fn the_glossary_is_written_in_american_english() {
    // British forms that have an American spelling; each is matched as a whole word, in any case.
    const BRITISH: &[&str] = &[
        "colour",
        "colours",
        "behaviour",
        "behaviours",
        "favour",
        "favourite",
        "favourites",
        "honour",
        "labour",
        "rumour",
        "centre",
        "centres",
        "programme",
        "programmes",
        "catalogue",
        "defence",
        "licence",
        "offence",
        "travelled",
        "modelling",
        "analyse",
        "analysed",
        "judgement",
        "ageing",
        "grey",
        "enquiry",
        "enquiries",
        "organise",
        "organised",
        "organisation",
        "organisations",
        "recognise",
        "recognised",
        "monetise",
        "monetised",
        "monetisation",
        "prioritise",
        "optimise",
        "optimised",
        "optimisation",
        "personalise",
        "personalised",
        "customise",
        "customised",
        "realise",
        "categorise",
        "summarise",
        "emphasise",
        "minimise",
        "maximise",
        "utilise",
        "authorise",
        "criticise",
        "apologise",
        "specialise",
        "normalise",
        "visualise",
        "finalise",
        "mobilise",
        "incentivise",
        "capitalise",
        "legitimise",
        "memorise",
        "centralise",
        "decentralised",
        "labelled",
        "labelling",
        "cancelled",
        "cancelling",
        "instalment",
        "fulfil",
        "enrol",
        "sceptical",
    ];
    let mut found = Vec::new();
    for term in social_glossary::terms() {
        // Aliases may keep British spellings on purpose: people type them.
        let mut texts = vec![term.name(), term.summary(), term.definition()];
        texts.extend(term.examples());
        for benefit in term.benefits() {
            texts.extend([benefit.title, benefit.description]);
        }
        texts.extend(term.platforms().map(|usage| usage.why));
        for text in texts {
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                if BRITISH.contains(&word.to_lowercase().as_str()) {
                    found.push(format!("{}: {word}", term.slug()));
                }
            }
        }
    }
    assert!(found.is_empty(), "British spellings: {found:?}");
}
