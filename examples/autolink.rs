//! Links glossary terms in a Markdown document: the first mention of each term becomes a link, while
//! code blocks, code spans and existing links are left alone.
//!
//! ```text
//! cargo run --example autolink -- article.md > linked.md
//! cat article.md | cargo run --example autolink -- --base-url https://example.com/glossary/
//! ```

use std::collections::HashSet;
use std::io::Read;
use std::ops::Range;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut base_url = "https://example.com/glossary/".to_owned();
    let mut path = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--base-url" => match args.next() {
                Some(url) => base_url = url,
                None => return usage("--base-url needs a value"),
            },
            "-h" | "--help" => return usage(""),
            _ => path = Some(arg),
        }
    }
    let mut markdown = String::new();
    let read = match &path {
        Some(path) => std::fs::read_to_string(path).map(|text| markdown = text),
        None => std::io::stdin().read_to_string(&mut markdown).map(|_| ()),
    };
    if let Err(err) = read {
        eprintln!(
            "cannot read {}: {err}",
            path.as_deref().unwrap_or("standard input")
        );
        return ExitCode::FAILURE;
    }
    print!("{}", autolink(&markdown, &base_url));
    ExitCode::SUCCESS
}

fn usage(problem: &str) -> ExitCode {
    if !problem.is_empty() {
        eprintln!("{problem}");
    }
    eprintln!("usage: autolink [--base-url URL] [FILE]   (reads standard input without FILE)");
    if problem.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The Markdown with the first mention of every glossary term turned into `[text](base_url + slug)`.
fn autolink(markdown: &str, base_url: &str) -> String {
    let protected = protected_ranges(markdown);
    let mut linked: HashSet<&str> = HashSet::new();
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 8);
    let mut copied = 0;
    for mention in social_glossary::find_terms(markdown) {
        let inside = protected
            .iter()
            .any(|p| p.start < mention.range.end && mention.range.start < p.end);
        if inside || !linked.insert(mention.term.slug()) {
            continue;
        }
        out.push_str(&markdown[copied..mention.range.start]);
        out.push_str(&format!(
            "[{}]({}{})",
            mention.text,
            base_url,
            mention.term.slug()
        ));
        copied = mention.range.end;
    }
    out.push_str(&markdown[copied..]);
    out
}

/// Byte ranges where no link may be added: fenced code blocks, code spans, existing links and
/// autolinks, and link reference definitions.
fn protected_ranges(markdown: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut offset = 0;
    let mut fence_start: Option<usize> = None;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            match fence_start.take() {
                Some(start) => ranges.push(start..offset + line.len()),
                None => fence_start = Some(offset),
            }
        } else if fence_start.is_none() {
            if trimmed.starts_with('[') && trimmed.contains("]:") {
                ranges.push(offset..offset + line.len());
            } else {
                inline_ranges(line, offset, &mut ranges);
            }
        }
        offset += line.len();
    }
    if let Some(start) = fence_start {
        ranges.push(start..markdown.len());
    }
    ranges
}

/// Code spans, `[text](url)` / `[text][ref]` links and `<...>` autolinks within one line.
fn inline_ranges(line: &str, offset: usize, ranges: &mut Vec<Range<usize>>) {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'`' => {
                let ticks = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                let fence = &line[i..i + ticks];
                match line[i + ticks..].find(fence) {
                    Some(end) => {
                        let stop = i + ticks + end + ticks;
                        ranges.push(offset + i..offset + stop);
                        i = stop;
                    }
                    None => i += ticks,
                }
            }
            b'[' => match link_end(line, i) {
                Some(stop) => {
                    ranges.push(offset + i..offset + stop);
                    i = stop;
                }
                None => i += 1,
            },
            b'<' => match line[i..].find('>') {
                Some(end)
                    if line[i + 1..i + end].contains(':') || line[i + 1..i + end].contains('@') =>
                {
                    ranges.push(offset + i..offset + i + end + 1);
                    i += end + 1;
                }
                _ => i += 1,
            },
            _ => i += 1,
        }
    }
}

/// Where a link starting with `[` at `start` ends, if it is `[text](url)` or `[text][ref]`.
fn link_end(line: &str, start: usize) -> Option<usize> {
    let close = start + line[start..].find(']')?;
    let rest = &line[close + 1..];
    let closer = match rest.chars().next()? {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    Some(close + 1 + rest.find(closer)? + 1)
}

#[cfg(test)]
mod tests {
    use super::autolink;

    #[test]
    fn links_first_mentions_outside_code_and_links() {
        let input = "Reach matters. `reach` in code. [reach](x) again.\n```\nreach\n```\nReach twice, CTR once.\n";
        let output = autolink(input, "/g/");
        assert_eq!(
            output,
            "[Reach](/g/reach) matters. `reach` in code. [reach](x) again.\n```\nreach\n```\nReach twice, [CTR](/g/click-through-rate) once.\n"
        );
    }
}
