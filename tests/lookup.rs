//! The public API as a user calls it: exact and forgiving lookup, related terms, browsing, display.

use social_glossary::{Category, Glossary, Platform, Term};

fn slug_of(query: &str) -> Option<&'static str> {
    social_glossary::lookup(query).map(Term::slug)
}

#[test]
fn forgiving_lookup_finds_every_documented_form() {
    for (query, slug) in [
        ("Micro-Influencers", "micro-influencer"),
        ("micro influencer", "micro-influencer"),
        ("MICROINFLUENCER", "micro-influencer"),
        ("micro_influencer", "micro-influencer"),
        ("  Micro-Influencer's ", "micro-influencer"),
        ("UGC", "user-generated-content"),
        ("ugc", "user-generated-content"),
        ("CTAs", "call-to-action"),
        ("CTA", "call-to-action"),
        ("#hashtag", "hashtag"),
        ("Hashtags", "hashtag"),
        ("engagement rate", "engagement-rate"),
        ("Engagement-Rate", "engagement-rate"),
        ("A/B testing", "a-b-testing"),
        ("ab testing", "a-b-testing"),
        ("stories", "stories"),
        ("story", "stories"),
        ("reel", "reels"),
        ("Twitter", "x"),
    ] {
        assert_eq!(slug_of(query), Some(slug), "lookup({query:?})");
    }
}

#[test]
fn every_slug_name_and_alias_finds_its_own_term() {
    for term in social_glossary::terms() {
        assert_eq!(social_glossary::get(term.slug()), Some(term));
        assert_eq!(
            social_glossary::lookup(term.slug()),
            Some(term),
            "slug {}",
            term.slug()
        );
        assert_eq!(
            social_glossary::lookup(term.name()),
            Some(term),
            "name {}",
            term.name()
        );
        assert_eq!(
            social_glossary::lookup(&term.name().to_uppercase()),
            Some(term),
            "upper-case name {}",
            term.name()
        );
        for alias in term.aliases() {
            assert_eq!(
                social_glossary::lookup(alias),
                Some(term),
                "alias {alias:?} of {}",
                term.slug()
            );
        }
    }
}

#[test]
fn any_separators_and_case_find_the_same_term() {
    for term in social_glossary::terms() {
        for spelling in std::iter::once(term.name()).chain(term.aliases()) {
            for separator in ["", " ", "-", "_", ".", "/", " - "] {
                let respelled = spelling.replace([' ', '-'], separator);
                for query in [
                    respelled.to_ascii_lowercase(),
                    respelled.to_ascii_uppercase(),
                ] {
                    assert_eq!(
                        social_glossary::lookup(&query),
                        Some(term),
                        "{query:?} for {}",
                        term.slug()
                    );
                }
            }
        }
    }
}

#[test]
fn get_takes_exact_slugs_only() {
    assert!(social_glossary::get("micro-influencer").is_some());
    for not_a_slug in [
        "Micro-Influencer",
        "micro influencer",
        "microinfluencer",
        " micro-influencer",
        "",
    ] {
        assert!(social_glossary::get(not_a_slug).is_none(), "{not_a_slug:?}");
    }
}

#[test]
fn misses_are_none_and_odd_input_never_panics() {
    let long = "x".repeat(1 << 20);
    for query in [
        "",
        " ",
        "#",
        "##",
        "-",
        "'s",
        "s",
        "definitely not a term",
        "\u{0301}",
        "\0\u{7}\u{1b}[31m",
        "😀😀😀",
        "İİİ",
        long.as_str(),
    ] {
        let _ = social_glossary::lookup(query);
        let _ = social_glossary::get(query);
    }
    assert!(social_glossary::lookup("definitely not a term").is_none());
    assert!(social_glossary::lookup("").is_none());
}

#[test]
fn related_links_are_symmetric_resolved_and_never_self() {
    for term in social_glossary::terms() {
        let mut seen = std::collections::HashSet::new();
        for related in term.related() {
            assert_ne!(related, term, "{} relates to itself", term.slug());
            assert!(
                seen.insert(related.slug()),
                "{} lists {} twice",
                term.slug(),
                related.slug()
            );
            assert!(
                related.related().contains(term),
                "{} -> {} has no way back",
                term.slug(),
                related.slug()
            );
            assert_eq!(social_glossary::get(related.slug()), Some(related));
        }
    }
}

#[test]
fn micro_influencer_entry_has_the_seed_shape() {
    let term = social_glossary::get("micro-influencer").unwrap();
    assert_eq!(term.category(), Category::InfluencerCreator);
    assert!(term.benefits().len() >= 3);
    assert_eq!(
        term.platforms().first().unwrap().platform,
        Platform::Instagram
    );
    assert!(term.is_used_on(Platform::Instagram));
    let range = term.range().expect("follower tiers carry a range");
    assert!(range.min < range.max.unwrap());
    assert!(!range.note.is_empty());
    let related: Vec<&str> = term.related().map(|t| t.slug()).collect();
    for slug in [
        "nano-influencer",
        "macro-influencer",
        "influencer-marketing",
        "engagement-rate",
        "niche",
    ] {
        assert!(related.contains(&slug), "{related:?}");
    }
}

#[test]
fn terms_are_alphabetical_and_complete() {
    let g: &Glossary = social_glossary::glossary();
    let terms = g.terms();
    assert_eq!(terms.len(), g.len());
    let names: Vec<String> = terms.map(|t| t.name().to_lowercase()).collect();
    assert!(names.is_sorted());
    let by_slug = g.terms_by_slug();
    assert!(by_slug.windows(2).all(|w| w[0].slug() < w[1].slug()));
    let mut from_alphabetical: Vec<&str> = terms.iter().map(|t| t.slug()).collect();
    from_alphabetical.sort_unstable();
    assert_eq!(
        from_alphabetical,
        by_slug.iter().map(Term::slug).collect::<Vec<_>>()
    );
}

#[test]
fn browsing_by_category_and_platform_matches_the_terms() {
    let g = social_glossary::glossary();
    for (category, count) in g.categories() {
        let members = g.by_category(category);
        assert_eq!(members.len(), count);
        assert_eq!(
            count,
            g.terms()
                .iter()
                .filter(|t| t.category() == category)
                .count(),
            "{category}"
        );
        let names: Vec<String> = members.map(|t| t.name().to_lowercase()).collect();
        assert!(names.is_sorted());
    }
    for (platform, count) in g.platforms() {
        let members = g.by_platform(platform);
        assert_eq!(members.len(), count);
        assert_eq!(
            count,
            g.terms().filter(|t| t.is_used_on(platform)).count(),
            "{platform}"
        );
    }
    assert_eq!(g.categories().map(|(_, n)| n).sum::<usize>(), g.len());
}

#[test]
fn category_and_platform_parse_display_and_list_all_values() {
    for category in Category::ALL {
        assert_eq!(category.to_string().parse::<Category>(), Ok(*category));
    }
    for platform in Platform::ALL {
        assert_eq!(platform.as_str().parse::<Platform>(), Ok(*platform));
    }
    let err = "friendster".parse::<Platform>().unwrap_err();
    assert_eq!(err.value(), "friendster");
    assert!(err.to_string().contains("bluesky"));
}

#[test]
fn display_prints_a_readable_entry() {
    let term = social_glossary::get("micro-influencer").unwrap();
    let text = term.to_string();
    for part in [
        term.name(),
        term.summary(),
        term.definition(),
        "Why it matters",
        "Where it is used most",
        "Related:",
    ] {
        assert!(text.contains(part), "missing {part:?} in\n{text}");
    }
    for benefit in term.benefits() {
        assert!(text.contains(benefit.title));
    }
}

#[test]
fn deprecated_terms_name_their_replacement_when_there_is_one() {
    let retired: Vec<&Term> = social_glossary::terms()
        .filter(|t| t.is_deprecated())
        .collect();
    assert!(!retired.is_empty());
    for term in retired {
        let dep = term.deprecation().unwrap();
        assert!(!dep.note.is_empty());
        if let Some(next) = dep.superseded_by {
            assert!(!next.is_deprecated() || next.deprecation().unwrap().superseded_by.is_some());
            assert_ne!(next, term);
        }
    }
    let fleets = social_glossary::get("fleets").unwrap();
    assert!(fleets.is_deprecated());
}
