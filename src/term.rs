//! The typed glossary entry, [`Term`], and the small value types it hands out.

use core::fmt;

use crate::taxonomy::{Category, Platform};

/// One glossary entry. Terms live in static tables; every accessor returns `'static` data, so a
/// `&'static Term` can be kept and passed around freely.
///
/// ```
/// let term = social_glossary::lookup("micro influencers").unwrap();
/// assert_eq!(term.slug(), "micro-influencer");
/// assert_eq!(term.name(), "Micro-Influencer");
/// assert_eq!(term.category(), social_glossary::Category::InfluencerCreator);
/// assert!(term.benefits().len() >= 2);
/// assert!(term.related().iter().any(|t| t.slug() == "nano-influencer"));
/// ```
#[derive(Clone, Copy)]
pub struct Term {
    data: TermData,
}

/// The fields of a [`Term`], filled in by generated code. Not part of the public API.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct TermData {
    pub slug: &'static str,
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub category: Category,
    pub summary: &'static str,
    pub definition: &'static str,
    pub examples: &'static [&'static str],
    pub benefits: &'static [Benefit],
    pub platforms: &'static [PlatformUsage],
    pub related: &'static [&'static Term],
    pub formula: Option<&'static str>,
    pub range: Option<TypicalRange>,
    pub last_reviewed: Option<ReviewDate>,
    pub deprecation: Option<Deprecation>,
    pub sources: &'static [Source],
}

impl Term {
    /// Builds a term from generated code. Not part of the public API.
    #[doc(hidden)]
    pub const fn __new(data: TermData) -> Term {
        Term { data }
    }

    /// The unique, URL-safe id, also the glossary file's name: `"engagement-rate"`.
    pub const fn slug(&self) -> &'static str {
        self.data.slug
    }

    /// The display name: `"Engagement Rate"`.
    pub const fn name(&self) -> &'static str {
        self.data.name
    }

    /// Other names, spellings and acronyms that find this term through [`lookup`](crate::lookup).
    ///
    /// ```
    /// let ugc = social_glossary::get("user-generated-content").unwrap();
    /// assert!(ugc.aliases().contains(&"UGC"));
    /// ```
    pub const fn aliases(&self) -> &'static [&'static str] {
        self.data.aliases
    }

    /// The subject area the term is filed under.
    pub const fn category(&self) -> Category {
        self.data.category
    }

    /// One sentence, short enough for a tooltip.
    pub const fn summary(&self) -> &'static str {
        self.data.summary
    }

    /// The full definition: two to five sentences.
    pub const fn definition(&self) -> &'static str {
        self.data.definition
    }

    /// Concrete illustrations of the term; may be empty.
    pub const fn examples(&self) -> &'static [&'static str] {
        self.data.examples
    }

    /// Why the term matters to a brand, marketer or creator.
    pub const fn benefits(&self) -> &'static [Benefit] {
        self.data.benefits
    }

    /// The platforms where the term is used most, each with the reason. Empty for platform-neutral terms.
    pub const fn platforms(&self) -> &'static [PlatformUsage] {
        self.data.platforms
    }

    /// Whether the term is tied to `platform`.
    ///
    /// ```
    /// use social_glossary::Platform;
    /// let duet = social_glossary::get("duet").unwrap();
    /// assert!(duet.is_used_on(Platform::TikTok));
    /// ```
    pub fn is_used_on(&self, platform: Platform) -> bool {
        self.data.platforms.iter().any(|p| p.platform == platform)
    }

    /// Related terms: the entry's own links first, then every term of the same glossary that links to
    /// this one. Within one glossary the links are symmetric (if A lists B, B lists A); a glossary that
    /// extends the built-in one may link to built-in terms, which do not link back.
    ///
    /// ```
    /// let reach = social_glossary::get("reach").unwrap();
    /// for related in reach.related() {
    ///     assert!(related.related().iter().any(|back| back.slug() == "reach"));
    /// }
    /// ```
    pub const fn related(&self) -> &'static [&'static Term] {
        self.data.related
    }

    /// How a metric is calculated, in plain text, for terms that have a formula.
    ///
    /// ```
    /// let ctr = social_glossary::lookup("CTR").unwrap();
    /// assert!(ctr.formula().unwrap().contains("clicks"));
    /// ```
    pub const fn formula(&self) -> Option<&'static str> {
        self.data.formula
    }

    /// A typical numeric band (a follower tier, a price range) with a note on where sources disagree.
    pub const fn range(&self) -> Option<&TypicalRange> {
        self.data.range.as_ref()
    }

    /// When the entry was last checked against the platforms it describes.
    pub const fn last_reviewed(&self) -> Option<ReviewDate> {
        self.data.last_reviewed
    }

    /// Set when the term names a retired feature or product.
    pub const fn deprecation(&self) -> Option<&Deprecation> {
        self.data.deprecation.as_ref()
    }

    /// The pages the entry's facts come from: figures, dates, limits, prices, laws and platform rules.
    ///
    /// ```
    /// for term in social_glossary::terms() {
    ///     for source in term.sources() {
    ///         assert!(source.url.starts_with("https://"));
    ///         assert!(!source.title.is_empty());
    ///     }
    /// }
    /// ```
    pub const fn sources(&self) -> &'static [Source] {
        self.data.sources
    }

    /// Whether the term names a retired feature or product.
    pub const fn is_deprecated(&self) -> bool {
        self.data.deprecation.is_some()
    }
}

impl PartialEq for Term {
    /// Two terms are equal when they are the same entry (slugs are unique within a glossary).
    fn eq(&self, other: &Self) -> bool {
        self.data.slug == other.data.slug
    }
}

impl Eq for Term {}

impl PartialEq<str> for Term {
    /// Compares the slug.
    fn eq(&self, other: &str) -> bool {
        self.data.slug == other
    }
}

impl core::hash::Hash for Term {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.data.slug.hash(state);
    }
}

impl AsRef<str> for Term {
    /// The display name.
    fn as_ref(&self) -> &str {
        self.data.name
    }
}

impl fmt::Debug for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Term")
            .field("slug", &self.data.slug)
            .field("name", &self.data.name)
            .field("category", &self.data.category)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for Term {
    /// A readable, plain-text rendering of the whole entry. The alternate form (`{:#}`) prints only
    /// `Name: summary`.
    ///
    /// ```
    /// let term = social_glossary::get("micro-influencer").unwrap();
    /// let text = term.to_string();
    /// assert!(text.starts_with("Micro-Influencer"));
    /// assert!(text.contains("Why it matters"));
    /// assert_eq!(format!("{term:#}"), format!("Micro-Influencer: {}", term.summary()));
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.data;
        if f.alternate() {
            return write!(f, "{}: {}", d.name, d.summary);
        }
        write!(f, "{} ({})", d.name, d.category)?;
        if !d.aliases.is_empty() {
            f.write_str("\nAlso called: ")?;
            write_joined(f, d.aliases.iter().copied())?;
        }
        if let Some(dep) = &d.deprecation {
            write!(f, "\nRetired ({})", dep.since)?;
            if let Some(next) = dep.superseded_by {
                write!(f, ", replaced by {}", next.name())?;
            }
            write!(f, ": {}", dep.note)?;
        }
        write!(f, "\n\n{}\n\n{}", d.summary, d.definition)?;
        if let Some(formula) = d.formula {
            write!(f, "\n\nFormula: {formula}")?;
        }
        if let Some(range) = &d.range {
            write!(f, "\n\nTypical range: {range}. {}", range.note)?;
        }
        if !d.examples.is_empty() {
            f.write_str("\n\nExamples:")?;
            for example in d.examples {
                write!(f, "\n  - {example}")?;
            }
        }
        if !d.benefits.is_empty() {
            f.write_str("\n\nWhy it matters:")?;
            for benefit in d.benefits {
                write!(f, "\n  - {}: {}", benefit.title, benefit.description)?;
            }
        }
        if !d.platforms.is_empty() {
            f.write_str("\n\nWhere it is used most:")?;
            for usage in d.platforms {
                write!(f, "\n  - {}: {}", usage.platform, usage.why)?;
            }
        }
        if !d.related.is_empty() {
            f.write_str("\n\nRelated: ")?;
            write_joined(f, d.related.iter().map(|t| t.name()))?;
        }
        if !d.sources.is_empty() {
            f.write_str("\n\nSources:")?;
            for source in d.sources {
                write!(f, "\n  - {source}")?;
            }
        }
        if let Some(date) = d.last_reviewed {
            write!(f, "\n\nLast reviewed: {date}")?;
        }
        Ok(())
    }
}

fn write_joined<'a>(
    f: &mut fmt::Formatter<'_>,
    items: impl Iterator<Item = &'a str>,
) -> fmt::Result {
    for (i, item) in items.enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        f.write_str(item)?;
    }
    Ok(())
}

/// Why a term matters: a short title and a sentence or two of explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Benefit {
    /// A short title, e.g. "Trust that converts".
    pub title: &'static str,
    /// The explanation.
    pub description: &'static str,
}

impl Benefit {
    /// Builds a value from generated code. Not part of the public API.
    #[doc(hidden)]
    pub const fn __new(title: &'static str, description: &'static str) -> Benefit {
        Benefit { title, description }
    }
}

/// A platform where a term is used most, and why there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PlatformUsage {
    /// The platform.
    pub platform: Platform,
    /// Why the term lives there.
    pub why: &'static str,
}

impl PlatformUsage {
    /// Builds a value from generated code. Not part of the public API.
    #[doc(hidden)]
    pub const fn __new(platform: Platform, why: &'static str) -> PlatformUsage {
        PlatformUsage { platform, why }
    }
}

/// A typical numeric band for a term, such as a follower tier, with a note where sources disagree.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TypicalRange {
    /// The lower bound.
    pub min: f64,
    /// The upper bound; `None` for open-ended bands ("1M and up").
    pub max: Option<f64>,
    /// What is counted, e.g. "followers".
    pub unit: &'static str,
    /// Where sources disagree and how much.
    pub note: &'static str,
}

impl TypicalRange {
    /// Builds a value from generated code. Not part of the public API.
    #[doc(hidden)]
    pub const fn __new(
        min: f64,
        max: Option<f64>,
        unit: &'static str,
        note: &'static str,
    ) -> TypicalRange {
        TypicalRange {
            min,
            max,
            unit,
            note,
        }
    }
}

impl fmt::Display for TypicalRange {
    /// `10,000 to 100,000 followers` or `1,000,000 and more followers`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_thousands(f, self.min)?;
        match self.max {
            Some(max) => {
                f.write_str(" to ")?;
                write_thousands(f, max)?;
            }
            None => f.write_str(" and more")?,
        }
        write!(f, " {}", self.unit)
    }
}

/// Writes whole numbers with thousands separators (`100,000`) and fractions as they are (`0.5`).
fn write_thousands(f: &mut fmt::Formatter<'_>, n: f64) -> fmt::Result {
    // `as` truncates toward zero; comparing back tells whole numbers apart without `f64::fract` (std only).
    if n.abs() < 1e15 && (n as i64) as f64 == n {
        write_grouped(f, (n as i64).unsigned_abs(), n < 0.0)
    } else {
        write!(f, "{n}")
    }
}

fn write_grouped(f: &mut fmt::Formatter<'_>, n: u64, negative: bool) -> fmt::Result {
    if negative {
        f.write_str("-")?;
    }
    if n >= 1000 {
        write_grouped(f, n / 1000, false)?;
        write!(f, ",{:03}", n % 1000)
    } else {
        write!(f, "{n}")
    }
}

/// A calendar date, used for [`Term::last_reviewed`]. Displays as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub struct ReviewDate {
    /// The year, e.g. 2026.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31.
    pub day: u8,
}

impl ReviewDate {
    /// Builds a value from generated code. Not part of the public API.
    #[doc(hidden)]
    pub const fn __new(year: u16, month: u8, day: u8) -> ReviewDate {
        ReviewDate { year, month, day }
    }
}

impl fmt::Display for ReviewDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ReviewDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A page that an entry cites for its facts; see [`Term::sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Source {
    /// The page's `https://` address.
    pub url: &'static str,
    /// The page's title.
    pub title: &'static str,
    /// When the page was read, if the entry says.
    pub accessed: Option<ReviewDate>,
}

impl Source {
    /// Builds a source from generated code. Not part of the public API.
    #[doc(hidden)]
    pub const fn __new(
        url: &'static str,
        title: &'static str,
        accessed: Option<ReviewDate>,
    ) -> Source {
        Source {
            url,
            title,
            accessed,
        }
    }
}

impl fmt::Display for Source {
    /// `title <url>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} <{}>", self.title, self.url)
    }
}

/// Marks a term that names a retired feature or product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Deprecation {
    /// When it was retired: `"2021"` or `"2021-08"`.
    pub since: &'static str,
    /// The term that replaced it, if one did.
    pub superseded_by: Option<&'static Term>,
    /// What happened.
    pub note: &'static str,
}

impl Deprecation {
    /// Builds a value from generated code. Not part of the public API.
    #[doc(hidden)]
    pub const fn __new(
        since: &'static str,
        superseded_by: Option<&'static Term>,
        note: &'static str,
    ) -> Deprecation {
        Deprecation {
            since,
            superseded_by,
            note,
        }
    }
}

#[cfg(feature = "serde")]
mod serialize {
    //! `Serialize` for [`Term`] and [`Deprecation`]: links to other terms are written as slugs.

    use serde::ser::{Serialize, SerializeStruct, Serializer};

    use super::{Deprecation, Term};

    /// A list of terms, serialized as their slugs.
    struct Slugs(&'static [&'static Term]);

    impl Serialize for Slugs {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.0.iter().map(|t| t.slug()))
        }
    }

    impl Serialize for Term {
        /// Every field, with `related` as a list of slugs.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let d = &self.data;
            let mut s = serializer.serialize_struct("Term", 15)?;
            s.serialize_field("slug", d.slug)?;
            s.serialize_field("name", d.name)?;
            s.serialize_field("aliases", d.aliases)?;
            s.serialize_field("category", &d.category)?;
            s.serialize_field("summary", d.summary)?;
            s.serialize_field("definition", d.definition)?;
            s.serialize_field("examples", d.examples)?;
            s.serialize_field("benefits", d.benefits)?;
            s.serialize_field("platforms", d.platforms)?;
            s.serialize_field("related", &Slugs(d.related))?;
            s.serialize_field("formula", &d.formula)?;
            s.serialize_field("range", &d.range)?;
            s.serialize_field("last_reviewed", &d.last_reviewed)?;
            s.serialize_field("deprecation", &d.deprecation)?;
            s.serialize_field("sources", d.sources)?;
            s.end()
        }
    }

    impl Serialize for Deprecation {
        /// `since`, `superseded_by` (a slug or null) and `note`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut s = serializer.serialize_struct("Deprecation", 3)?;
            s.serialize_field("since", self.since)?;
            s.serialize_field("superseded_by", &self.superseded_by.map(Term::slug))?;
            s.serialize_field("note", self.note)?;
            s.end()
        }
    }
}
