//! What auto-linkers ask of [`Glossary::find_terms`]: link policies ([`LinkOptions`]: first mention
//! only, ranges to leave alone, exact case for chosen terms) and the hover card of a mention
//! ([`Tooltip`], with escaped, accessible HTML).

use std::collections::HashSet;
use std::ops::Range;

use crate::find::Mention;
use crate::glossary::Glossary;
use crate::taxonomy::Category;

/// Which mentions of one term [`Glossary::link_terms`] keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Repeats {
    /// The first mention of each term in the whole text (the default).
    #[default]
    FirstPerDocument,
    /// The first mention of each term in each section; a section starts at a line that starts with `#`
    /// (a Markdown heading).
    FirstPerSection,
    /// Every mention.
    All,
}

/// The link policy of [`Glossary::link_terms`], built up from [`LinkOptions::new`].
///
/// ```
/// use social_glossary::{LinkOptions, Repeats};
///
/// let text = "# Reach\nReach and engagement rate. Engagement rate again.\n# Next\nEngagement rate.";
/// let options = LinkOptions::new()
///     .repeats(Repeats::FirstPerSection)
///     .skip(0..7); // the first heading
/// let linked: Vec<&str> = social_glossary::glossary()
///     .link_terms(text, &options)
///     .iter()
///     .map(|m| m.text)
///     .collect();
/// // "Reach" in the heading is skipped; the one in prose counts, near two other terms.
/// assert_eq!(linked, ["Reach", "engagement rate", "Engagement rate"]);
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct LinkOptions {
    repeats: Repeats,
    skip: Vec<Range<usize>>,
    exact_case: Vec<&'static str>,
    raw: bool,
}

impl LinkOptions {
    /// The first mention of each term in the document, everyday words only in context, nothing
    /// skipped.
    pub fn new() -> LinkOptions {
        LinkOptions::default()
    }

    /// Which mentions of one term to keep.
    pub fn repeats(mut self, repeats: Repeats) -> LinkOptions {
        self.repeats = repeats;
        self
    }

    /// Leaves a byte range alone: a mention that overlaps it is not linked (code, headings, existing
    /// links). May be called for as many ranges as needed, in any order.
    pub fn skip(mut self, range: Range<usize>) -> LinkOptions {
        self.skip.push(range);
        self
    }

    /// Links the term with this slug only where it is written in the case of its name or one of its
    /// aliases ("Threads", not "threads").
    pub fn exact_case(mut self, slug: &'static str) -> LinkOptions {
        self.exact_case.push(slug);
        self
    }

    /// Every match, everyday words included wherever they stand (see
    /// [`Glossary::find_terms_raw`]).
    pub fn raw(mut self, raw: bool) -> LinkOptions {
        self.raw = raw;
        self
    }
}

impl Glossary {
    /// The mentions an auto-linker should turn into links under `options`: [`find_terms`]'s mentions
    /// (or [`find_terms_raw`]'s), less those in a skipped range, those not in the required case, and
    /// repeats the options drop. Linear in the text and the number of skipped ranges.
    ///
    /// [`find_terms`]: Self::find_terms
    /// [`find_terms_raw`]: Self::find_terms_raw
    pub fn link_terms<'t>(&self, text: &'t str, options: &LinkOptions) -> Vec<Mention<'t>> {
        let found = if options.raw {
            self.find_terms_raw(text)
        } else {
            self.find_terms(text)
        };
        let mut skip = options.skip.clone();
        skip.sort_by_key(|r| r.start);
        let mut next_skip = 0;
        // Where each section starts: at every line that starts with `#`.
        let headings: Vec<usize> = if options.repeats == Repeats::FirstPerSection {
            (std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)))
                .filter(|&line| text[line..].starts_with('#'))
                .collect()
        } else {
            Vec::new()
        };
        let mut sections_passed = 0;
        let mut seen: HashSet<&str> = HashSet::new();
        let mut out = Vec::new();
        for mention in found {
            let range = mention.range.clone();
            // Skipped ranges come sorted, mentions in order: one pass over both.
            while skip.get(next_skip).is_some_and(|r| r.end <= range.start) {
                next_skip += 1;
            }
            let skipped = skip[next_skip.min(skip.len())..]
                .iter()
                .take_while(|r| r.start < range.end)
                .any(|r| r.end > range.start);
            if skipped || !in_required_case(&mention, options) {
                continue;
            }
            let before = sections_passed;
            while headings
                .get(sections_passed)
                .is_some_and(|&h| h <= range.start)
            {
                sections_passed += 1;
            }
            if sections_passed != before {
                seen.clear();
            }
            let slug = mention.term.slug();
            if options.repeats != Repeats::All && !seen.insert(slug) {
                continue;
            }
            out.push(mention);
        }
        out
    }
}

/// Whether a mention is written as its term's name or an alias is, for terms the options want in
/// exact case; a plural ends differently, so only the spelling's length is compared.
fn in_required_case(mention: &Mention<'_>, options: &LinkOptions) -> bool {
    let term = mention.term;
    if !options.exact_case.contains(&term.slug()) {
        return true;
    }
    std::iter::once(term.name())
        .chain(term.aliases())
        .any(|spelling| mention.text.get(..spelling.len()) == Some(spelling))
}

/// What a hover card shows for a mentioned term: see [`Mention::tooltip`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Tooltip {
    /// The term's name.
    pub name: &'static str,
    /// Its one-sentence summary.
    pub summary: &'static str,
    /// Its category.
    pub category: Category,
    /// The page of the term: the caller's base URL followed by the slug.
    pub url: String,
    /// A stable id for the term's card in a page: `glossary-` and the slug.
    pub anchor: String,
}

impl Mention<'_> {
    /// The hover card for this mention, with links built from `base_url` (`https://example.com/glossary/`
    /// gives `https://example.com/glossary/engagement-rate`).
    ///
    /// ```
    /// let text = "Track your engagement rate.";
    /// let mention = &social_glossary::find_terms(text)[0];
    /// let card = mention.tooltip("/glossary/");
    /// assert_eq!(card.url, "/glossary/engagement-rate");
    /// assert_eq!(card.anchor, "glossary-engagement-rate");
    /// assert!(card.to_html(mention.text).starts_with("<a class=\"glossary-term\" href=\"/glossary/engagement-rate\""));
    /// ```
    pub fn tooltip(&self, base_url: &str) -> Tooltip {
        Tooltip {
            name: self.term.name(),
            summary: self.term.summary(),
            category: self.term.category(),
            url: format!("{base_url}{}", self.term.slug()),
            anchor: format!("glossary-{}", self.term.slug()),
        }
    }
}

impl Tooltip {
    /// The link as accessible HTML: an `<a>` around `link_text` that points to the term's page and is
    /// described by a `role="tooltip"` element holding the name, category and summary. Every text and
    /// attribute is escaped (`&`, `<`, `>`, `"` and `'`).
    ///
    /// ```
    /// let card = social_glossary::find_terms("A CTR of 2%.")[0].tooltip("/g/");
    /// let html = card.to_html("CTR <b>");
    /// assert!(html.contains(">CTR &lt;b&gt;</a>"));
    /// assert!(html.contains("role=\"tooltip\""));
    /// ```
    pub fn to_html(&self, link_text: &str) -> String {
        let id = format!("{}-tip", self.anchor);
        format!(
            "<a class=\"glossary-term\" href=\"{url}\" aria-describedby=\"{id}\">{text}</a>\
             <span class=\"glossary-tooltip\" role=\"tooltip\" id=\"{id}\" hidden>\
             <strong>{name}</strong> ({category}): {summary}</span>",
            url = escape(&self.url),
            id = escape(&id),
            text = escape(link_text),
            name = escape(self.name),
            category = escape(self.category.as_str()),
            summary = escape(self.summary),
        )
    }
}

/// `text` with the characters that mean something in HTML text and attributes escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_text_and_attributes() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        let card = Tooltip {
            name: "A \"quoted\" <name>",
            summary: "It's 1 < 2 & 3 > 2.",
            category: Category::ALL[0],
            url: "/g/?a=1&b=\"2\"".to_owned(),
            anchor: "glossary-x".to_owned(),
        };
        let html = card.to_html("<script>");
        assert!(
            !html.contains("<script>") && !html.contains("<name>"),
            "{html}"
        );
        assert!(
            html.contains("href=\"/g/?a=1&amp;b=&quot;2&quot;\""),
            "{html}"
        );
        assert!(html.contains("It&#39;s 1 &lt; 2 &amp; 3 &gt; 2."), "{html}");
    }
}
