//! Exports the related-terms graph as Graphviz DOT: around one term, or for one category.
//!
//! ```text
//! cargo run --example graph_dot -- engagement-rate | dot -Tsvg > engagement-rate.svg
//! cargo run --example graph_dot -- --category metrics-analytics > metrics.dot
//! ```

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::process::ExitCode;

use social_glossary::{Category, Term};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let terms: Vec<&'static Term> = match args.as_slice() {
        [flag, category] if flag == "--category" => match category.parse::<Category>() {
            Ok(category) => social_glossary::by_category(category).to_vec(),
            Err(err) => {
                eprintln!("{err}");
                return ExitCode::FAILURE;
            }
        },
        [query] => match social_glossary::try_lookup(query) {
            Ok(term) => std::iter::once(term).chain(term.related()).collect(),
            Err(err) => {
                eprintln!("{err}");
                return ExitCode::FAILURE;
            }
        },
        _ => {
            eprintln!("usage: graph_dot <term> | graph_dot --category <category-id>");
            return ExitCode::FAILURE;
        }
    };
    print!("{}", to_dot(&terms));
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
