//! Finding terms when the user does not type them exactly: suggestions, completion, ranked search,
//! terms inside a text, and the error that carries suggestions.

#![cfg(feature = "std")]

use proptest::prelude::*;
use social_glossary::{SuggestionKind, Term};

fn first_suggestion(query: &str) -> &'static str {
    social_glossary::suggest(query, 5)
        .first()
        .map_or("<none>", |s| s.term.slug())
}

#[test]
fn suggest_fixes_the_usual_misspellings() {
    for (query, slug) in [
        ("micro-infleuncer", "micro-influencer"),
        ("engagment rate", "engagement-rate"),
        ("hashtagg", "hashtag"),
        ("shadow ban", "shadowban"),
        ("shaddowban", "shadowban"),
        ("algoritm", "algorithm"),
        ("influencr marketing", "influencer-marketing"),
        ("impresions", "impressions"),
    ] {
        assert_eq!(first_suggestion(query), slug, "suggest({query:?})");
    }
}

#[test]
fn suggest_ranks_exact_then_typos_then_prefixes_one_per_term() {
    let exact = social_glossary::suggest("reach", 5);
    assert_eq!(exact[0].kind, SuggestionKind::Exact);
    assert_eq!(exact[0].term.slug(), "reach");

    let partial = social_glossary::suggest("engagem", 10);
    assert!(
        partial
            .iter()
            .any(|s| s.term.slug() == "engagement-rate" && s.kind == SuggestionKind::Prefix)
    );
    let mut terms: Vec<&str> = partial.iter().map(|s| s.term.slug()).collect();
    let before = terms.len();
    terms.dedup();
    assert_eq!(before, terms.len(), "one suggestion per term");

    let typo = social_glossary::suggest("hashtagg", 1);
    assert_eq!(typo.len(), 1);
    assert_eq!(typo[0].kind, SuggestionKind::Misspelling { edits: 1 });
    assert!(social_glossary::suggest("hashtagg", 0).is_empty());
}

#[test]
fn complete_is_forgiving_alphabetical_and_bounded() {
    let completions = social_glossary::complete("ENGAGEMENT-", 20);
    assert!(completions.len() >= 3);
    let keys: Vec<String> = completions
        .iter()
        .map(|c| c.matched.to_lowercase().replace([' ', '-'], ""))
        .collect();
    assert!(keys.iter().all(|k| k.starts_with("engagement")), "{keys:?}");
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
    assert!(
        completions
            .iter()
            .any(|c| c.term.slug() == "engagement-rate")
    );
    assert_eq!(social_glossary::complete("e", 3).len(), 3);
    assert!(social_glossary::complete("zzzzzz", 3).is_empty());
    assert!(social_glossary::complete("", 3).is_empty());
}

#[test]
fn search_ranks_the_defining_terms_first() {
    let slugs = |q: &str| -> Vec<&'static str> {
        social_glossary::search(q, 3)
            .iter()
            .map(|h| h.term.slug())
            .collect()
    };
    assert_eq!(slugs("unique people who saw a post")[0], "reach");
    // A question finds the count that answers it: "how many" meets "the number of".
    assert_eq!(slugs("metric for how many people saw a post")[0], "reach");
    assert_eq!(slugs("how many people saw a post")[0], "reach");
    assert_eq!(
        slugs("number of times a post was displayed")[0],
        "impressions"
    );
    assert_eq!(slugs("times a post was shown")[0], "impressions");
    assert_eq!(slugs("fake followers")[0], "fake-followers");
    let hits = social_glossary::search("engagement rate", 3);
    assert_eq!(hits[0].term.slug(), "engagement-rate");
    assert_eq!(hits[0].matched, social_glossary::MatchedField::Name);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(social_glossary::search("", 3).is_empty());
    assert!(social_glossary::search("the of and", 3).is_empty());
}

#[test]
fn find_terms_in_a_marketing_article() {
    // An article the project wrote about micro-influencer programs (tests/data/).
    let article = include_str!("data/micro-influencer-article.md");
    let mentions = social_glossary::find_terms(article);
    let found = |slug: &str| mentions.iter().filter(|m| m.term.slug() == slug).count();
    // The article's subject is found wherever it is named, singular or plural.
    assert!(
        found("micro-influencer") >= 3,
        "{}",
        found("micro-influencer")
    );
    for slug in [
        "niche",
        "influencer-marketing",
        "engagement-rate",
        "macro-influencer",
        "affiliate-link",
        "discount-code",
        "fake-followers",
        "engagement-pod",
        "instagram",
        "tiktok",
        "for-you-page",
        "user-generated-content",
        "creator-brief",
        "sponsored-post",
        "paid-partnership-label",
        "usage-rights",
        "brand-ambassador",
    ] {
        assert!(found(slug) >= 1, "{slug} is not found in the article");
    }
    for m in &mentions {
        assert_eq!(&article[m.range.clone()], m.text);
        assert!(article.is_char_boundary(m.range.start) && article.is_char_boundary(m.range.end));
    }
    assert!(
        mentions
            .windows(2)
            .all(|w| w[0].range.end <= w[1].range.start),
        "in order, not overlapping"
    );
    // "influencer marketing" is one mention of influencer-marketing, not also one of influencer.
    assert!(
        !mentions.iter().any(|m| m.term.slug() == "influencer"
            && m.text.eq_ignore_ascii_case("influencer marketing"))
    );
}

#[test]
fn find_terms_takes_whole_words_longest_first() {
    let text =
        "Influencer marketing works. Reachable? No: reach. The CTAs and #hashtags, plus Stories.";
    let found: Vec<(&str, &str)> = social_glossary::find_terms(text)
        .iter()
        .map(|m| (m.term.slug(), m.text))
        .collect();
    assert_eq!(
        found,
        [
            ("influencer-marketing", "Influencer marketing"),
            ("reach", "reach"),
            ("call-to-action", "CTAs"),
            ("hashtag", "hashtags"),
            ("stories", "Stories"),
        ]
    );
    // Short capital acronyms match only in capitals: "er" in prose is not engagement rate.
    assert!(social_glossary::find_terms("er, well").is_empty());
}

#[test]
fn a_miss_becomes_an_error_with_suggestions() {
    let err = social_glossary::try_lookup("engagment rate").unwrap_err();
    assert_eq!(err.query(), "engagment rate");
    assert_eq!(err.suggestions()[0].slug(), "engagement-rate");
    let message = err.to_string();
    assert!(
        message.contains("engagment rate") && message.contains("Engagement Rate"),
        "{message}"
    );
    assert_eq!(
        social_glossary::try_lookup("UGC").map(Term::slug),
        Ok("user-generated-content")
    );
    let nothing = social_glossary::try_lookup("\u{0}").unwrap_err();
    assert!(nothing.suggestions().is_empty());
}

#[test]
fn huge_and_odd_inputs_give_sensible_results() {
    let huge = "influencer ".repeat(100_000);
    assert_eq!(social_glossary::find_terms(&huge).len(), 100_000);
    assert!(social_glossary::suggest(&huge, 3).len() <= 3);
    assert!(social_glossary::complete(&huge, 3).is_empty());
    assert!(social_glossary::search(&huge, 3).len() <= 3);
    for odd in [
        "\u{0301}",
        "\u{0301}reach",
        "\0\u{1b}",
        "😀 reach 😀",
        "\u{feff}UGC",
        "#",
        "",
    ] {
        let _ = social_glossary::suggest(odd, 3);
        let _ = social_glossary::complete(odd, 3);
        let _ = social_glossary::search(odd, 3);
        for m in social_glossary::find_terms(odd) {
            assert!(odd.is_char_boundary(m.range.start) && odd.is_char_boundary(m.range.end));
        }
    }
    // "reach" alone is an everyday word: found raw, not linked without context.
    assert!(social_glossary::find_terms("😀 reach 😀").is_empty());
    let mentions = social_glossary::find_terms_raw("😀 reach 😀");
    assert_eq!(mentions.len(), 1);
    assert_eq!(mentions[0].text, "reach");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn queries_never_panic(query in "\\PC{0,80}") {
        let _ = social_glossary::lookup(&query);
        let _ = social_glossary::get(&query);
        prop_assert!(social_glossary::suggest(&query, 5).len() <= 5);
        prop_assert!(social_glossary::complete(&query, 5).len() <= 5);
        prop_assert!(social_glossary::search(&query, 5).len() <= 5);
        let resolved = social_glossary::resolve(&query, 5);
        prop_assert!(resolved.len() <= 5);
        for (i, r) in resolved.iter().enumerate() {
            prop_assert!(resolved[..i].iter().all(|earlier| earlier.term != r.term));
        }
    }

    #[test]
    fn resolve_never_panics_on_long_or_wordy_queries(query in "(\\PC{1,12} ){0,80}") {
        let resolved = social_glossary::resolve(&query, usize::MAX);
        prop_assert!(resolved.len() <= social_glossary::MAX_RESOLUTIONS);
    }

    #[test]
    fn find_terms_ranges_are_char_boundaries_in_order(text in "(\\PC|reach|CTA|influencer marketing| ){0,60}") {
        let mentions = social_glossary::find_terms(&text);
        for m in &mentions {
            prop_assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
            prop_assert_eq!(&text[m.range.clone()], m.text);
        }
        for pair in mentions.windows(2) {
            prop_assert!(pair[0].range.end <= pair[1].range.start);
        }
    }

    #[test]
    fn every_spelling_with_noise_still_finds_its_term(index in 0usize..10_000, upper in any::<bool>(), hyphens in any::<bool>()) {
        let terms = social_glossary::terms();
        let term = terms.get(index % terms.len()).unwrap();
        let mut query = if upper { term.name().to_uppercase() } else { term.name().to_lowercase() };
        if hyphens {
            query = query.replace(' ', "-");
        }
        prop_assert_eq!(social_glossary::lookup(&query), Some(term));
        prop_assert_eq!(social_glossary::suggest(&query, 1)[0].term, term);
    }
}

/// Every way one edit can misspell `key`: each neighbour swap, each deletion, and at each position one
/// insertion and one substitution (with a letter chosen by position, so the sweep stays small).
fn single_edits(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let letter = |i: usize| char::from(b'a' + (i * 7 % 26) as u8);
    let mut out = Vec::new();
    for i in 0..chars.len() {
        let mut edited = chars.clone();
        if i + 1 < chars.len() && chars[i] != chars[i + 1] {
            edited.swap(i, i + 1);
            out.push(edited.iter().collect());
        }
        let mut deleted = chars.clone();
        deleted.remove(i);
        out.push(deleted.iter().collect());
        let mut inserted = chars.clone();
        inserted.insert(i, letter(i));
        out.push(inserted.iter().collect());
        let mut substituted = chars.clone();
        if substituted[i] != letter(i + 1) {
            substituted[i] = letter(i + 1);
            out.push(substituted.iter().collect());
        }
    }
    out
}

#[test]
fn suggest_finds_every_spelling_after_any_single_edit() {
    let mut misses = Vec::new();
    let mut tried = 0;
    for term in social_glossary::terms() {
        for spelling in std::iter::once(term.name()).chain(term.aliases()) {
            // The spelling as lookup normalizes it: lower case, without the separators.
            let key: String = spelling
                .chars()
                .filter(|c| !matches!(c, ' ' | '-' | '_' | '.' | '\'' | '/' | '\u{2019}'))
                .flat_map(char::to_lowercase)
                .collect();
            let key = key.trim_start_matches('#');
            if key.len() < 5 || !key.is_ascii() {
                continue;
            }
            for typo in single_edits(key) {
                tried += 1;
                let found = social_glossary::suggest(&typo, 3);
                // A typo one edit from three other spellings too ("roll": A-roll, B-roll, troll,
                // poll) may leave the term fourth; anything else must not.
                let ambiguous = found.len() == 3
                    && found.iter().all(|s| {
                        matches!(
                            s.kind,
                            SuggestionKind::Exact | SuggestionKind::Misspelling { edits: 1 }
                        )
                    });
                if !found.iter().any(|s| s.term == term) && !ambiguous {
                    misses.push(format!("{typo:?} (for {spelling:?})"));
                }
            }
        }
    }
    assert!(tried > 50_000, "{tried}");
    assert!(
        misses.is_empty(),
        "{} of {tried} single-edit typos miss their term in the top 3: {:?}",
        misses.len(),
        &misses[..misses.len().min(40)]
    );
}

#[test]
fn typographic_separators_and_fullwidth_letters_are_found_as_lookup_finds_them() {
    for (text, slug) in [
        ("Our engagement\u{a0}rate rose.", "engagement-rate"),
        ("A micro\u{2010}influencer posted.", "micro-influencer"),
        ("A micro\u{2013}influencer posted.", "micro-influencer"),
        ("Organic ＲＥＡＣＨ fell.", "organic-reach"),
        ("The brand\n  ambassadors met.", "brand-ambassador"),
    ] {
        let found = social_glossary::find_terms(text);
        assert!(
            found.iter().any(|m| m.term.slug() == slug),
            "{text:?}: {:?}",
            found.iter().map(|m| m.term.slug()).collect::<Vec<_>>()
        );
        for m in &found {
            assert_eq!(&text[m.range.clone()], m.text);
        }
        let spelled = &found.iter().find(|m| m.term.slug() == slug).unwrap().text;
        assert_eq!(social_glossary::lookup(spelled).map(Term::slug), Some(slug));
    }
}

#[test]
fn search_reads_a_bounded_number_of_distinct_words() {
    // A pasted document scores like its first MAX_QUERY_WORDS distinct words: the rest is ignored, so
    // the cost stays linear in the length of the query.
    let first: Vec<String> = (0..social_glossary::MAX_QUERY_WORDS)
        .map(|i| format!("engagement{i}"))
        .collect();
    let long = format!(
        "{} {}",
        first.join(" "),
        (0..100_000)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    assert_eq!(
        social_glossary::search(&long, 5),
        social_glossary::search(&first.join(" "), 5)
    );
}

#[test]
fn link_policies_keep_first_mentions_skip_ranges_and_require_case() {
    use social_glossary::{LinkOptions, Repeats};
    let g = social_glossary::glossary();
    let text = "Engagement rate, then engagement rate, then CTR and the Threads app and threads.";
    let texts = |options: &LinkOptions| -> Vec<&str> {
        g.link_terms(text, options).iter().map(|m| m.text).collect()
    };
    // The default: the first mention of each term, as find_terms finds them.
    assert_eq!(
        texts(&LinkOptions::new()),
        ["Engagement rate", "CTR", "Threads app"]
    );
    let every = texts(&LinkOptions::new().repeats(Repeats::All));
    assert_eq!(
        every
            .iter()
            .filter(|t| t.eq_ignore_ascii_case("engagement rate"))
            .count(),
        2
    );
    // A skipped range hides the first mention; the next one is the first that counts.
    let skipped = g.link_terms(text, &LinkOptions::new().skip(0..15));
    assert_eq!(
        skipped[0].range.start,
        text.find("engagement rate").unwrap()
    );
    // Exact case for a term: "CTR" qualifies, "ctr" would not.
    let lower = "We track ctr and CTR and engagement rate.";
    let cased: Vec<&str> = g
        .link_terms(lower, &LinkOptions::new().exact_case("click-through-rate"))
        .iter()
        .map(|m| m.text)
        .collect();
    assert_eq!(cased, ["CTR", "engagement rate"]);
    // Raw: everyday words without context count too.
    let plain = "Post the letter.";
    assert!(g.link_terms(plain, &LinkOptions::new()).is_empty());
    assert_eq!(g.link_terms(plain, &LinkOptions::new().raw(true)).len(), 1);
}
