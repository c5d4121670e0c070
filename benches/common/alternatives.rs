//! What a user would write instead of this crate, shared by the benches that compare against it.

use std::collections::HashMap;

use social_glossary::Term;

/// A std `HashMap` (SipHash) from slug to term: the exact lookup a user would write first.
pub fn exact_map() -> HashMap<&'static str, &'static Term> {
    social_glossary::terms()
        .iter()
        .map(|t| (t.slug(), t))
        .collect()
}

/// The naive forgiving lookup's map: every name, alias and slug lower-cased, for queries that are
/// lower-cased into a new `String` before the probe.
pub fn naive_map() -> HashMap<String, &'static Term> {
    let mut naive = HashMap::new();
    for t in social_glossary::terms() {
        for spelling in std::iter::once(t.name()).chain(t.aliases()) {
            naive.insert(spelling.to_lowercase(), t);
        }
        naive.insert(t.slug().to_owned(), t);
    }
    naive
}

/// A `phf::Map` from slug to term, as `phf_codegen` would generate it, built here from the same
/// generator so the benches need no build step of their own. The map's fields are public only for
/// generated code; filling them from `phf_generator`'s output is exactly what that code does.
pub fn phf_map_of_slugs() -> phf::Map<&'static str, &'static Term> {
    let terms: Vec<&'static Term> = social_glossary::terms().collect();
    let slugs: Vec<&'static str> = terms.iter().map(|t| t.slug()).collect();
    let state = phf_generator::generate_hash(&slugs);
    let entries: Vec<(&'static str, &'static Term)> =
        state.map.iter().map(|&i| (slugs[i], terms[i])).collect();
    phf::Map {
        key: state.key,
        disps: Vec::leak(state.disps),
        entries: Vec::leak(entries),
    }
}
