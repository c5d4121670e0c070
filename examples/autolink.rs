//! Links glossary terms in a Markdown document: the first mention of each term becomes a link (or, with
//! options, the first per section, or every one), as Markdown or as HTML with a hover card. The
//! document is read with a real Markdown parser (pulldown-cmark), so only prose is touched: code
//! blocks and spans, links and images, headings, HTML (blocks, `<a>` and `<code>` elements,
//! comments), bare URLs and bracketed text come out byte for byte as they went in; the crate's
//! `LinkOptions` skips them and keeps the first mentions.
//!
//! ```text
//! cargo run --example autolink -- article.md > linked.md
//! cat article.md | cargo run --example autolink -- --base-url https://example.com/glossary/
//! ```

use std::io::Read;
use std::ops::Range;
use std::process::ExitCode;

use lexopt::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use social_glossary::{LinkOptions, Repeats};

#[macro_use]
#[path = "common/cli.rs"]
mod cli;

const USAGE: &str = "autolink [--base-url URL] [--per-section | --every] [--html] [FILE]";
const HELP: &str = "Links the first mention of each glossary term in a Markdown document.

Usage: autolink [--base-url URL] [--per-section | --every] [--html] [FILE]

Arguments:
  FILE              the Markdown file; standard input without it

Options:
  --base-url URL    what links start with; the term's slug follows (default https://example.com/glossary/)
  --per-section     link the first mention of each term in each section (after each # heading)
  --every           link every mention, not only the first
  --html            write each link as inline HTML with its hover card instead of Markdown
  -h, --help        print this help";

/// What the command line asks for.
struct Request {
    base_url: String,
    path: Option<std::path::PathBuf>,
    repeats: Repeats,
    style: Style,
}

fn parse() -> Result<Option<Request>, lexopt::Error> {
    let mut request = Request {
        base_url: "https://example.com/glossary/".to_owned(),
        path: None,
        repeats: Repeats::FirstPerDocument,
        style: Style::Markdown,
    };
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Long("base-url") => request.base_url = parser.value()?.string()?,
            Long("per-section") => request.repeats = Repeats::FirstPerSection,
            Long("every") => request.repeats = Repeats::All,
            Long("html") => request.style = Style::HtmlTooltip,
            Value(path) if request.path.is_none() => request.path = Some(path.into()),
            Value(_) => return Err("only one FILE at a time".into()),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Some(request))
}

fn main() -> ExitCode {
    let request = match parse() {
        Err(err) => return cli::usage_error(USAGE, err),
        Ok(None) => {
            say!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Ok(Some(request)) => request,
    };
    let mut markdown = String::new();
    let read = match &request.path {
        Some(path) => std::fs::read_to_string(path).map(|text| markdown = text),
        None => std::io::stdin().read_to_string(&mut markdown).map(|_| ()),
    };
    if let Err(err) = read {
        let source =
            (request.path.as_ref()).map_or("standard input".into(), |p| p.display().to_string());
        eprintln!("cannot read {source}: {err}");
        return ExitCode::FAILURE;
    }
    say_raw!(
        "{}",
        autolink(&markdown, &request.base_url, request.repeats, request.style)
    );
    ExitCode::SUCCESS
}

/// How to write the links.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `[text](url)`.
    Markdown,
    /// An inline HTML link with its hover card (see `Tooltip::to_html`).
    HtmlTooltip,
}

/// The Markdown with the mentions of glossary terms in its prose that `repeats` keeps turned into
/// links to `base_url` + slug; every other byte as it was.
fn autolink(markdown: &str, base_url: &str, repeats: Repeats, style: Style) -> String {
    let mut options = LinkOptions::new().repeats(repeats);
    for range in protected_ranges(markdown) {
        options = options.skip(range);
    }
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 8);
    let mut copied = 0;
    for mention in social_glossary::glossary().link_terms(markdown, &options) {
        out.push_str(&markdown[copied..mention.range.start]);
        match style {
            Style::Markdown => out.push_str(&format!(
                "[{}]({base_url}{})",
                mention.text,
                mention.term.slug()
            )),
            Style::HtmlTooltip => out.push_str(&mention.tooltip(base_url).to_html(mention.text)),
        }
        copied = mention.range.end;
    }
    out.push_str(&markdown[copied..]);
    out
}

/// The byte ranges no link may touch, for `LinkOptions::skip`: everything that is not running prose
/// (see [`prose_ranges`]), bare URLs (`https://example.com/blog/...`, `www.example.com`), and bracketed
/// text on one line (an unresolved `[reference]` or `[^note]`, where a link would nest in brackets).
fn protected_ranges(markdown: &str) -> Vec<Range<usize>> {
    let mut protected = Vec::new();
    let mut after_prose = 0;
    for prose in prose_ranges(markdown) {
        protected.push(after_prose..prose.start);
        after_prose = prose.end;
    }
    protected.push(after_prose..markdown.len());
    let mut token_start = None;
    for (at, c) in markdown
        .char_indices()
        .chain(std::iter::once((markdown.len(), ' ')))
    {
        match (c.is_whitespace(), token_start) {
            (false, None) => token_start = Some(at),
            (true, Some(start)) => {
                let token = &markdown[start..at];
                if token.contains("://") || token.starts_with("www.") {
                    protected.push(start..at);
                }
                token_start = None;
            }
            _ => {}
        }
    }
    for (line_start, line) in markdown.split_inclusive('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line))
    }) {
        let mut open = None;
        for (i, c) in line.char_indices() {
            match c {
                '[' => open = Some(i),
                ']' => {
                    if let Some(o) = open.take() {
                        protected.push(line_start + o..line_start + i + 1);
                    }
                }
                _ => {}
            }
        }
    }
    protected
}

/// The byte ranges of running prose, in order, joined where they touch (so that a term broken over a
/// line still counts): text and line breaks that are not inside a heading, a code block, a link, an
/// image, an HTML block or metadata, nor between an inline `<a>`, `<code>`, `<pre>`, `<kbd>`,
/// `<samp>`, `<script>` or `<style>` tag and its end.
fn prose_ranges(markdown: &str) -> Vec<Range<usize>> {
    let options = Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let (mut closed_blocks, mut open_html) = (0usize, 0usize);
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(tag) if no_links_inside(&tag) => closed_blocks += 1,
            Event::End(tag) if no_links_inside_end(tag) => {
                closed_blocks = closed_blocks.saturating_sub(1)
            }
            Event::InlineHtml(html) => match html_element(&html) {
                Some((true, name)) if PROTECTED_ELEMENTS.contains(&name.as_str()) => open_html += 1,
                Some((false, name)) if PROTECTED_ELEMENTS.contains(&name.as_str()) => {
                    open_html = open_html.saturating_sub(1)
                }
                _ => {}
            },
            Event::Text(_) | Event::SoftBreak if closed_blocks == 0 && open_html == 0 => {
                match ranges.last_mut() {
                    Some(last) if last.end == range.start => last.end = range.end,
                    _ => ranges.push(range),
                }
            }
            _ => {}
        }
    }
    ranges
}

/// Inline HTML elements whose content is not prose.
const PROTECTED_ELEMENTS: &[&str] = &["a", "code", "pre", "kbd", "samp", "script", "style"];

/// Whether nothing inside an element that starts with `tag` may be linked.
fn no_links_inside(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Heading { .. }
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::MetadataBlock(_)
    )
}

/// [`no_links_inside`] for the element's end.
fn no_links_inside_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::MetadataBlock(_)
    )
}

/// An inline HTML tag as (opens, lower-cased element name): `<a href=x>` is `(true, "a")`, `</A>` is
/// `(false, "a")`; `None` for comments, self-closing tags and anything else.
fn html_element(html: &str) -> Option<(bool, String)> {
    let inner = html.trim().strip_prefix('<')?.strip_suffix('>')?;
    if inner.ends_with('/') || inner.starts_with('!') || inner.starts_with('?') {
        return None;
    }
    let (opens, rest) = match inner.strip_prefix('/') {
        Some(rest) => (false, rest),
        None => (true, inner),
    };
    let name: String = rest
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    (!name.is_empty()).then(|| (opens, name.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::{Repeats, Style, autolink};

    /// Markdown whose every region but the marked prose must come out untouched.
    const CORPUS: &str = include_str!("../tests/data/autolink-corpus.md");

    #[test]
    fn regions_that_are_not_prose_come_out_byte_for_byte() {
        let output = autolink(CORPUS, "/g/", Repeats::FirstPerDocument, Style::Markdown);
        // Each protected region of the corpus sits between a `<!-- keep -->` line and a
        // `<!-- /keep -->` line, and holds glossary terms that must not be linked.
        let mut rest = CORPUS;
        let mut regions = 0;
        while let Some(start) = rest.find("<!-- keep -->\n") {
            let region_start = start + "<!-- keep -->\n".len();
            let region_end = region_start + rest[region_start..].find("<!-- /keep -->").unwrap();
            let region = &rest[region_start..region_end];
            assert!(
                output.contains(region),
                "changed:\n{region}\n--- in ---\n{output}"
            );
            assert!(
                !social_glossary::find_terms_raw(region).is_empty(),
                "no term in {region}"
            );
            regions += 1;
            rest = &rest[region_end..];
        }
        assert!(regions >= 10, "{regions}");
    }

    #[test]
    fn prose_is_linked_once_per_term_also_after_every_protected_region() {
        let output = autolink(CORPUS, "/g/", Repeats::FirstPerDocument, Style::Markdown);
        for expected in [
            "[Reach](/g/reach)",
            "[engagement rate](/g/engagement-rate)",
            "[influencer marketing](/g/influencer-marketing)",
            "[CTR](/g/click-through-rate)",
            "[hashtag](/g/hashtag)",
            "[brand\nambassadors](/g/brand-ambassador)",
        ] {
            assert_eq!(
                output.matches(expected).count(),
                1,
                "{expected} in\n{output}"
            );
        }
        assert!(
            !output.contains("[[") && !output.contains("](/g/reach)]"),
            "{output}"
        );
        assert!(
            !output.contains("[^[") && !output.contains("/[blog]"),
            "{output}"
        );
    }

    #[test]
    fn a_tilde_fence_is_not_closed_by_backticks() {
        let input =
            "~~~\nreach\n```\nengagement rate\n~~~\n\nAfter the fence, engagement rate is prose.\n";
        let output = autolink(input, "/g/", Repeats::FirstPerDocument, Style::Markdown);
        assert_eq!(
            output,
            "~~~\nreach\n```\nengagement rate\n~~~\n\nAfter the fence, [engagement rate](/g/engagement-rate) is prose.\n"
        );
    }

    #[test]
    fn first_mentions_per_section_and_html_hover_cards() {
        let input =
            "# One\n\nThe engagement rate and the CTR.\n\n# Two\n\nThe engagement rate again.\n";
        let per_document = autolink(input, "/g/", Repeats::FirstPerDocument, Style::Markdown);
        assert_eq!(per_document.matches("](/g/engagement-rate)").count(), 1);
        let per_section = autolink(input, "/g/", Repeats::FirstPerSection, Style::Markdown);
        assert_eq!(per_section.matches("](/g/engagement-rate)").count(), 2);
        let html = autolink(input, "/g/", Repeats::FirstPerDocument, Style::HtmlTooltip);
        assert!(
            html.contains("<a class=\"glossary-term\" href=\"/g/engagement-rate\""),
            "{html}"
        );
        assert!(html.contains("role=\"tooltip\""), "{html}");
        assert!(html.starts_with("# One\n\nThe <a "), "{html}");
    }
}
