//! A social-media marketing glossary for Rust programs: what "engagement rate", "Duet" or "shadowban"
//! means, why it matters, and where it is used, compiled into perfect-hash maps at build time.
//!
//! Lookups allocate nothing and need no start-up work: every term is a `'static` value in a table
//! generated from the TOML files in `glossary/`.
//!
//! ```
//! use social_glossary::{Category, Platform};
//!
//! // Forgiving lookup: case, spacing, hyphens, plurals, aliases and acronyms.
//! let term = social_glossary::lookup("micro influencers").unwrap();
//! assert_eq!(term.name(), "Micro-Influencer");
//! println!("{}", term.summary());
//!
//! // Why it matters, and where.
//! for benefit in term.benefits() {
//!     println!("{}: {}", benefit.title, benefit.description);
//! }
//! assert!(term.platforms().any(|usage| usage.platform == Platform::Instagram));
//!
//! // Related terms, browsing.
//! let next: Vec<&str> = term.related().map(|t| t.name()).collect();
//! assert!(next.contains(&"Nano-Influencer"));
//! assert!(social_glossary::by_category(Category::InfluencerCreator).contains(&term));
//! ```
//!
//! # Data model
//! A [`Term`] has a slug, a name, aliases, a [`Category`], a one-sentence summary, a definition,
//! examples, [`Benefit`]s (why it matters), [`PlatformUsage`]s (where it is used most, and why),
//! related terms, and for some terms a formula, a [`TypicalRange`], a review date and a
//! [`Deprecation`] for retired features.
//!
//! # Performance
//! Lookups, `get`, related terms and browsing allocate nothing and need no start-up work; each query is
//! measured against the obvious alternative in `BENCHMARKS.md`, with the commands that reproduce it.
//!
//! # Feature flags
//! - `std` (default): `resolve`, `suggest`, `complete`, `search`, `find_terms` and `try_lookup`, which
//!   allocate. Without it the crate is `no_std` and needs no allocator: `get`, `lookup`, related terms,
//!   browsing and the types work.
//! - `serde`: `Serialize` for the public data types.
//! - `compiler`: the `social_glossary::compiler` module, for build scripts of crates that compile their
//!   own glossary.

#![cfg_attr(not(any(feature = "std", test)), no_std)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

// Shared by build time and run time: build.rs includes these files by path too, so the compiler writes
// the tables with the very code that reads them.
#[cfg(any(feature = "compiler", test))]
pub mod compiler;
mod normalize;
mod packed;
mod perfect_hash;
mod swar;
mod taxonomy;
#[cfg(any(feature = "std", feature = "compiler", test))]
mod tokenize;
mod typed;

// Run time only.
#[cfg(feature = "std")]
mod best;
mod builtin;
#[cfg(feature = "std")]
mod edit_distance;
#[cfg(feature = "std")]
mod find;
mod glossary;
#[cfg(feature = "std")]
mod link;
#[cfg(feature = "std")]
mod resolve;
#[cfg(feature = "std")]
mod search;
#[cfg(feature = "std")]
mod suggest;
mod term;

use builtin::GLOSSARY;
#[cfg(feature = "std")]
pub use find::Mention;
pub use glossary::Glossary;
#[cfg(feature = "std")]
pub use link::{LinkOptions, Repeats, Tooltip};
pub use normalize::MAX_KEY_LEN;
#[cfg(feature = "std")]
pub use resolve::{Confidence, MAX_RESOLUTIONS, MAX_RESOLVE_LEN, Resolution};
#[cfg(feature = "std")]
pub use search::{MAX_QUERY_WORDS, MatchedField, SearchHit};
#[cfg(feature = "std")]
pub use suggest::{Completion, MAX_SUGGESTIONS, Suggestion, SuggestionKind, UnknownTerm};
pub use taxonomy::{Category, ParseCategoryError, ParsePlatformError, Platform};
pub use term::{
    Benefit, Deprecation, List, PlatformUsage, ReviewDate, Source, Term, TermList, TypicalRange,
};

#[cfg(feature = "compiler")]
impl compiler::Builder {
    /// Lets the entries link to the built-in glossary's slugs (in `related` and `superseded_by`), and
    /// makes the generated glossary's [`get`](Glossary::get) and [`lookup`](Glossary::lookup) fall
    /// back to the built-in terms. The downstream crate's own terms come first, so it can redefine a
    /// built-in term under the same name.
    pub fn extend_builtin(mut self) -> compiler::Builder {
        self.base = Some(compiler::BaseGlossary {
            slugs: GLOSSARY
                .terms_by_slug()
                .iter()
                .map(|t| t.slug().to_owned())
                .collect(),
            terms_path: format!("{}::__private::BUILTIN_TERMS", self.krate),
            glossary_path: format!("{}::__private::GLOSSARY", self.krate),
        });
        self
    }
}

/// Items that generated code refers to. Not part of the public API; may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::glossary::{Glossary, GlossaryTables, MatcherCell};
    pub use crate::packed::{U16s, U32s};
    pub use crate::perfect_hash::PerfectHash;
    pub use crate::taxonomy::Category;
    pub use crate::term::{ReviewDate, Term, TermTable};

    /// The built-in glossary and its term table, for glossaries that extend it. Users reach it
    /// through [`glossary()`](crate::glossary()).
    pub use crate::builtin::{BUILTIN_TERMS, GLOSSARY};
}

/// The crate's built-in glossary, the one way to reach it as a [`Glossary`] value. The free functions
/// of this crate delegate to it.
///
/// ```
/// let g = social_glossary::glossary();
/// assert_eq!(g.get("reach").unwrap().name(), "Reach");
/// ```
#[inline]
pub const fn glossary() -> &'static Glossary {
    &GLOSSARY
}

/// The term with exactly this slug, in the built-in glossary. See [`Glossary::get`].
///
/// ```
/// assert_eq!(social_glossary::get("engagement-rate").unwrap().name(), "Engagement Rate");
/// ```
#[inline]
pub fn get(slug: &str) -> Option<&'static Term> {
    GLOSSARY.get(slug)
}

/// Forgiving lookup in the built-in glossary. See [`Glossary::lookup`].
///
/// ```
/// assert_eq!(social_glossary::lookup("CTAs").unwrap().slug(), "call-to-action");
/// assert_eq!(social_glossary::lookup("#hashtag").unwrap().slug(), "hashtag");
/// ```
#[inline]
pub fn lookup(query: &str) -> Option<&'static Term> {
    GLOSSARY.lookup(query)
}

/// Every term of the built-in glossary, in alphabetical order of name. See [`Glossary::terms`].
pub fn terms() -> TermList {
    GLOSSARY.terms()
}

/// The built-in terms of one category, alphabetically. See [`Glossary::by_category`].
///
/// ```
/// use social_glossary::Category;
/// assert!(!social_glossary::by_category(Category::SlangCulture).is_empty());
/// ```
#[inline]
pub fn by_category(category: Category) -> TermList {
    GLOSSARY.by_category(category)
}

/// The built-in terms tied to one platform, alphabetically. See [`Glossary::by_platform`].
///
/// ```
/// use social_glossary::Platform;
/// assert!(social_glossary::by_platform(Platform::Instagram).any(|t| t.slug() == "reels"));
/// ```
#[inline]
pub fn by_platform(platform: Platform) -> TermList {
    GLOSSARY.by_platform(platform)
}

/// Every category with its number of built-in terms. See [`Glossary::categories`].
pub fn categories() -> impl ExactSizeIterator<Item = (Category, usize)> {
    GLOSSARY.categories()
}

/// Every platform with its number of built-in terms. See [`Glossary::platforms`].
pub fn platforms() -> impl ExactSizeIterator<Item = (Platform, usize)> {
    GLOSSARY.platforms()
}

/// The built-in terms a person most likely means by whatever they typed: the first thing to reach for.
/// See [`Glossary::resolve`].
///
/// ```
/// let best = social_glossary::resolve("what is a micro influencer", 3);
/// assert_eq!(best[0].term.slug(), "micro-influencer");
/// assert!(social_glossary::resolve("how to train a puppy", 3).is_empty());
/// ```
#[cfg(feature = "std")]
pub fn resolve(query: &str, limit: usize) -> Vec<Resolution> {
    GLOSSARY.resolve(query, limit)
}

/// Closest built-in terms to a misspelled or partial query. See [`Glossary::suggest`].
///
/// ```
/// let best = &social_glossary::suggest("shadow bann", 3)[0];
/// assert_eq!(best.term.slug(), "shadowban");
/// ```
#[cfg(feature = "std")]
pub fn suggest(query: &str, n: usize) -> Vec<Suggestion> {
    GLOSSARY.suggest(query, n)
}

/// Autocompletion over built-in names and aliases. See [`Glossary::complete`].
///
/// ```
/// assert!(social_glossary::complete("hasht", 5).iter().any(|c| c.term.slug() == "hashtag"));
/// ```
#[cfg(feature = "std")]
pub fn complete(prefix: &str, n: usize) -> Vec<Completion> {
    GLOSSARY.complete(prefix, n)
}

/// Ranked search over the built-in glossary. See [`Glossary::search`].
///
/// ```
/// let hits = social_glossary::search("unique people who saw a post", 3);
/// assert_eq!(hits[0].term.slug(), "reach");
/// ```
#[cfg(feature = "std")]
pub fn search(query: &str, n: usize) -> Vec<SearchHit> {
    GLOSSARY.search(query, n)
}

/// Built-in terms mentioned in a text. See [`Glossary::find_terms`].
///
/// ```
/// let mentions = social_glossary::find_terms("We track CTR and CPM weekly.");
/// let slugs: Vec<&str> = mentions.iter().map(|m| m.term.slug()).collect();
/// assert_eq!(slugs, ["click-through-rate", "cpm"]);
/// ```
#[cfg(feature = "std")]
pub fn find_terms(text: &str) -> Vec<Mention<'_>> {
    GLOSSARY.find_terms(text)
}

/// Every mention of a built-in term in a text, everyday words included wherever they stand. See
/// [`Glossary::find_terms_raw`].
#[cfg(feature = "std")]
pub fn find_terms_raw(text: &str) -> Vec<Mention<'_>> {
    GLOSSARY.find_terms_raw(text)
}

/// Forgiving lookup that turns a miss into an error carrying suggestions. See [`Glossary::try_lookup`].
///
/// ```
/// let err = social_glossary::try_lookup("hashtagg").unwrap_err();
/// assert_eq!(err.suggestions()[0].slug(), "hashtag");
/// ```
#[cfg(feature = "std")]
pub fn try_lookup(query: &str) -> Result<&'static Term, UnknownTerm> {
    GLOSSARY.try_lookup(query)
}

/// The README's Rust snippets, compiled and run as doctests so that they stay true.
#[cfg(all(doctest, feature = "std"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
