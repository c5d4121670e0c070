//! A company glossary of its own jargon, compiled from `terms/` and extending the built-in one.

mod generated {
    include!(concat!(env!("OUT_DIR"), "/glossary.rs"));
}

pub use generated::GLOSSARY;

#[cfg(test)]
mod tests {
    use super::GLOSSARY;
    use social_glossary::{Category, Platform};

    #[test]
    fn own_terms_answer_every_query() {
        let term = GLOSSARY.lookup("creator scorecards").unwrap();
        assert_eq!(term.slug(), "creator-scorecard");
        assert_eq!(GLOSSARY.get("creator-scorecard"), Some(term));
        assert_eq!(
            GLOSSARY.lookup("CSC").map(|t| t.slug()),
            Some("creator-scorecard")
        );
        assert!(
            GLOSSARY
                .by_category(Category::MetricsAnalytics)
                .contains(&term)
        );
        assert!(
            GLOSSARY
                .by_platform(Platform::Instagram)
                .iter()
                .any(|t| t.slug() == "story-sprint")
        );
        assert_eq!(GLOSSARY.suggest("creator scorcard", 1)[0].term, term);
        assert_eq!(
            GLOSSARY.complete("story sp", 3)[0].term.slug(),
            "story-sprint"
        );
        assert_eq!(
            GLOSSARY.search("weekly review of creator results", 1)[0].term,
            term
        );
        let found: Vec<&str> = GLOSSARY
            .find_terms("The Story Sprint fed the creator scorecard.")
            .iter()
            .map(|m| m.term.slug())
            .collect();
        assert_eq!(found, ["story-sprint", "creator-scorecard"]);
        assert_eq!(GLOSSARY.len(), 3);
    }

    #[test]
    fn own_terms_link_to_built_in_terms() {
        let term = GLOSSARY.get("creator-scorecard").unwrap();
        let builtin_engagement_rate = social_glossary::get("engagement-rate").unwrap();
        assert!(term.related().contains(&builtin_engagement_rate));
        // Links among the own terms are symmetric as usual.
        let sprint = GLOSSARY.get("story-sprint").unwrap();
        assert!(sprint.related().contains(&term));
        assert!(term.related().contains(&sprint));
    }

    #[test]
    fn lookups_fall_back_to_the_built_in_glossary_own_terms_first() {
        assert_eq!(
            GLOSSARY.lookup("UGC").map(|t| t.slug()),
            Some("user-generated-content")
        );
        assert_eq!(GLOSSARY.get("reach"), social_glossary::get("reach"));
        // "Hook" is redefined here: the own entry wins.
        let hook = GLOSSARY.lookup("hook").unwrap();
        assert!(
            hook.definition().contains("internal"),
            "{}",
            hook.definition()
        );
        assert!(!std::ptr::eq(hook, social_glossary::get("hook").unwrap()));
        assert!(GLOSSARY.base().is_some());
        // Search covers the own terms only: a built-in name gives no own hit a whole-query bonus.
        assert!(GLOSSARY.search("UGC", 3).is_empty());
    }

    #[test]
    fn problems_point_into_this_crates_files() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/bad-terms");
        let problems = social_glossary::compiler::compile_folder(folder).unwrap_err();
        let text = problems.to_string();
        assert!(text.contains("bad-terms/broken.toml:3:"), "{text}");
        assert!(text.contains("unknown category"), "{text}");
    }
}
