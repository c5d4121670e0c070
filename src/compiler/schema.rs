//! The TOML schema of a glossary file: an entry as written, parsed with spans so that every check in
//! `validate.rs`, which turns it into an [`Entry`](super::Entry), can name the line it is about.

use serde::Deserialize;
use toml::Spanned;

/// An entry exactly as written in its file, before validation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEntry {
    pub name: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    pub category: Spanned<String>,
    pub summary: Spanned<String>,
    pub definition: Spanned<String>,
    #[serde(default)]
    pub examples: Vec<Spanned<String>>,
    #[serde(default)]
    pub benefits: Vec<Spanned<RawBenefit>>,
    #[serde(default)]
    pub platforms: Vec<Spanned<RawPlatformUsage>>,
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    pub formula: Option<Spanned<String>>,
    pub range: Option<Spanned<RawRange>>,
    pub last_reviewed: Option<Spanned<String>>,
    pub deprecated: Option<Spanned<RawDeprecation>>,
    pub text_match: Option<Spanned<String>>,
    #[serde(default)]
    pub phrasings: Vec<Spanned<String>>,
    #[serde(default)]
    pub sources: Vec<Spanned<RawSource>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    pub url: Spanned<String>,
    pub title: String,
    pub accessed: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBenefit {
    pub title: String,
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlatformUsage {
    pub platform: Spanned<String>,
    pub why: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRange {
    pub min: RawNumber,
    pub max: Option<RawNumber>,
    pub unit: String,
    pub note: String,
}

/// A TOML integer or float.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawNumber {
    Integer(i64),
    Float(f64),
}

impl RawNumber {
    pub fn value(self) -> f64 {
        match self {
            RawNumber::Integer(i) => i as f64,
            RawNumber::Float(f) => f,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDeprecation {
    pub since: Spanned<String>,
    pub superseded_by: Option<Spanned<String>>,
    pub note: String,
}

/// Parses one file's text. A syntax or schema error comes back as (byte offset, message).
pub(crate) fn parse(text: &str) -> Result<RawEntry, (usize, String)> {
    toml::from_str(text).map_err(|err| {
        let offset = err.span().map_or(0, |span| span.start);
        (offset, err.message().trim().to_owned())
    })
}

/// Collapses runs of white space (including the line breaks of multi-line TOML strings) into one space.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
