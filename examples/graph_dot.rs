//! Exports the related-terms graph as Graphviz DOT: around one term, or for one category.
//!
//! ```text
//! cargo run --example graph_dot -- engagement-rate | dot -Tsvg > engagement-rate.svg
//! cargo run --example graph_dot -- --category metrics-analytics > metrics.dot
//! ```

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::process::ExitCode;

use lexopt::prelude::*;
use social_glossary::{Category, Term};

#[macro_use]
#[path = "common/cli.rs"]
mod cli;

const USAGE: &str = "graph_dot <term>...  |  graph_dot --category <category-id>";
const HELP: &str =
    "Prints the related-terms graph as Graphviz DOT: a term and its related terms, or a category.

Usage: graph_dot <term>...
       graph_dot --category <category-id>

Options:
  --category <id>  every term of one category (metrics-analytics, slang-culture, ...)
  -h, --help       print this help";

/// What the command line asks for.
enum Request {
    Help,
    Category(Category),
    Around(String),
}

fn parse() -> Result<Request, lexopt::Error> {
    let (mut words, mut category) = (Vec::new(), None);
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Request::Help),
            Long("category") => category = Some(parser.value()?.parse::<Category>()?),
            Value(word) => words.push(word.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    match (category, words.is_empty()) {
        (Some(category), true) => Ok(Request::Category(category)),
        (Some(_), false) => Err("give either a term or --category, not both".into()),
        (None, true) => Err("missing the term or --category".into()),
        (None, false) => Ok(Request::Around(words.join(" "))),
    }
}

fn main() -> ExitCode {
    let terms: Vec<&'static Term> = match parse() {
        Err(err) => return cli::usage_error(USAGE, err),
        Ok(Request::Help) => {
            say!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Ok(Request::Category(category)) => social_glossary::by_category(category).collect(),
        Ok(Request::Around(query)) => match social_glossary::try_lookup(&query) {
            Ok(term) => std::iter::once(term).chain(term.related()).collect(),
            Err(err) => {
                eprintln!("{err}");
                return ExitCode::FAILURE;
            }
        },
    };
    say_raw!("{}", to_dot(&terms));
    ExitCode::SUCCESS
}

/// A DOT graph of `terms` and the related links among them, each link drawn once.
fn to_dot(terms: &[&'static Term]) -> String {
    let included: BTreeSet<&str> = terms.iter().map(|t| t.slug()).collect();
    let mut dot = String::from("graph glossary {\n  node [shape=box, style=rounded];\n");
    for term in terms {
        let _ = writeln!(
            dot,
            "  {} [label={}, tooltip={}];",
            quote(term.slug()),
            quote(term.name()),
            quote(term.summary())
        );
    }
    for term in terms {
        for related in term
            .related()
            .iter()
            .filter(|r| included.contains(r.slug()) && term.slug() < r.slug())
        {
            let _ = writeln!(
                dot,
                "  {} -- {};",
                quote(term.slug()),
                quote(related.slug())
            );
        }
    }
    dot.push_str("}\n");
    dot
}

/// A DOT double-quoted string.
fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}
