//! Tooltip text for an embedded UI, with no standard library: only the allocation-free core of
//! social-glossary is available here.

#![no_std]

use social_glossary::{Category, Term};

/// The one-line summary for whatever the user typed, if it names a term.
pub fn tooltip(query: &str) -> Option<&'static str> {
    social_glossary::lookup(query).map(Term::summary)
}

/// The name of the first related term, for a "see also" line.
pub fn see_also(slug: &str) -> Option<&'static str> {
    social_glossary::get(slug)?
        .related()
        .first()
        .map(|t| t.name())
}

/// How many terms a category holds.
pub fn category_size(category: Category) -> usize {
    social_glossary::by_category(category).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_core_works_without_std() {
        assert!(tooltip("Micro-Influencers").is_some());
        assert!(tooltip("no such term").is_none());
        assert!(see_also("reach").is_some());
        assert!(category_size(Category::MetricsAnalytics) > 10);
        assert_eq!(
            "tiktok".parse::<social_glossary::Platform>(),
            Ok(social_glossary::Platform::TikTok)
        );
    }
}
