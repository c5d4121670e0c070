//! The `serde` feature: every public data type serializes, and a term round-trips through JSON with
//! its links as slugs.

#![cfg(feature = "serde")]

use serde_json::{Value, json};

#[test]
fn a_term_round_trips_through_json() {
    let term = social_glossary::get("micro-influencer").unwrap();
    let value: Value = serde_json::from_str(&serde_json::to_string(term).unwrap()).unwrap();
    assert_eq!(value["slug"], "micro-influencer");
    assert_eq!(value["name"], term.name());
    assert_eq!(value["category"], "influencer-creator");
    assert_eq!(value["summary"], term.summary());
    assert_eq!(
        value["aliases"].as_array().unwrap().len(),
        term.aliases().len()
    );
    assert_eq!(
        value["benefits"][0]["title"],
        term.benefits().first().unwrap().title
    );
    assert_eq!(value["platforms"][0]["platform"], "instagram");
    assert_eq!(
        value["platforms"][0]["why"],
        term.platforms().first().unwrap().why
    );
    let related: Vec<&str> = value["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        related,
        term.related().map(|t| t.slug()).collect::<Vec<_>>()
    );
    assert_eq!(
        value["last_reviewed"],
        term.last_reviewed().unwrap().to_string()
    );
    let range = term.range().unwrap();
    assert_eq!(value["range"]["min"], json!(range.min));
    assert_eq!(value["deprecation"], Value::Null);
    assert_eq!(value["formula"], Value::Null);
}

#[test]
fn deprecation_names_its_replacement_by_slug() {
    let term = social_glossary::get("swipe-up-link").unwrap();
    let value = serde_json::to_value(term).unwrap();
    let dep = term.deprecation().unwrap();
    assert_eq!(value["deprecation"]["since"], dep.since);
    assert_eq!(
        value["deprecation"]["superseded_by"],
        dep.superseded_by.unwrap().slug()
    );
}

#[test]
fn enums_serialize_as_their_ids() {
    assert_eq!(
        serde_json::to_value(social_glossary::Platform::TikTok).unwrap(),
        "tiktok"
    );
    assert_eq!(
        serde_json::to_value(social_glossary::Category::SlangCulture).unwrap(),
        "slang-culture"
    );
}

#[test]
fn the_whole_glossary_exports() {
    let value = serde_json::to_value(social_glossary::terms()).unwrap();
    assert_eq!(
        value.as_array().unwrap().len(),
        social_glossary::glossary().len()
    );
}

#[test]
fn sources_serialize_with_url_title_and_accessed_date() {
    let term = social_glossary::terms()
        .iter()
        .find(|t| t.sources().any(|s| s.accessed.is_some()))
        .expect("some entry dates its sources");
    let value = serde_json::to_value(term).unwrap();
    let sources = value["sources"].as_array().unwrap();
    assert_eq!(sources.len(), term.sources().len());
    for (json, source) in sources.iter().zip(term.sources()) {
        assert_eq!(json["url"], source.url);
        assert_eq!(json["title"], source.title);
        match source.accessed {
            Some(date) => assert_eq!(json["accessed"], date.to_string()),
            None => assert_eq!(json["accessed"], Value::Null),
        }
    }
}
