//! Look a term up from the command line and print its entry.
//!
//! ```text
//! cargo run --example lookup -- "micro influencers"
//! cargo run --example lookup -- --list                          # categories and platforms with counts
//! cargo run --features serde --example lookup -- --json reach   # the entry as JSON
//! ```
//!
//! The query goes through `resolve`, so misspellings, questions and descriptions find their entry. A
//! query that is about no term, or only loosely, prints what it may mean to standard error and exits with
//! status 1; a bad command line exits with status 2.

use std::process::ExitCode;

use lexopt::prelude::*;
use social_glossary::Confidence;

#[macro_use]
#[path = "common/cli.rs"]
mod cli;

const USAGE: &str = "lookup [--json] <term>...  |  lookup --list";
const HELP: &str =
    "Prints the glossary entry a query names, forgiving case, spacing, plurals and typos.

Usage: lookup [--json] <term>...
       lookup --list

Arguments:
  <term>...   the words of the query, joined by spaces (\"micro influencers\", \"CTR\")

Options:
  --json      print the entry as JSON (needs the serde feature)
  --list      print the categories and platforms with their term counts
  -h, --help  print this help";

/// What the command line asks for.
enum Request {
    Help,
    List,
    Entry { query: String, json: bool },
}

fn parse() -> Result<Request, lexopt::Error> {
    let (mut words, mut json, mut list) = (Vec::new(), false, false);
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Request::Help),
            Long("json") => json = true,
            Long("list") => list = true,
            Value(word) => words.push(word.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    match (list, words.is_empty()) {
        (true, true) if !json => Ok(Request::List),
        (true, _) => Err("--list takes no query and no --json".into()),
        (false, true) => Err("missing the term to look up".into()),
        (false, false) => Ok(Request::Entry {
            query: words.join(" "),
            json,
        }),
    }
}

fn main() -> ExitCode {
    match parse() {
        Err(err) => cli::usage_error(USAGE, err),
        Ok(Request::Help) => {
            say!("{HELP}");
            ExitCode::SUCCESS
        }
        Ok(Request::List) => {
            print_counts();
            ExitCode::SUCCESS
        }
        Ok(Request::Entry { query, json }) => look_up(&query, json),
    }
}

fn look_up(query: &str, json: bool) -> ExitCode {
    let found = social_glossary::resolve(query, 5);
    match found.first() {
        Some(best) if best.confidence <= Confidence::Strong => {
            if best.confidence != Confidence::Exact {
                eprintln!("(showing {:?} for {query:?})", best.term.name());
            }
            if json {
                print_json(best.term)
            } else {
                say!("{}", best.term);
                ExitCode::SUCCESS
            }
        }
        Some(_) => {
            eprintln!("No entry is named {query:?}. Terms it may mean:");
            for resolution in &found {
                eprintln!("  {:#}", resolution.term);
            }
            ExitCode::FAILURE
        }
        None => {
            eprintln!("Nothing in the glossary is about {query:?}.");
            eprintln!("Run with --list to browse the categories and platforms.");
            ExitCode::FAILURE
        }
    }
}

fn print_counts() {
    say!("Categories:");
    for (category, count) in social_glossary::categories() {
        say!("  {category:<26} {count:>4}");
    }
    say!("Platforms:");
    for (platform, count) in social_glossary::platforms() {
        say!("  {platform:<26} {count:>4}");
    }
}

#[cfg(feature = "serde")]
fn print_json(term: &social_glossary::Term) -> ExitCode {
    match serde_json::to_string_pretty(term) {
        Ok(json) => {
            say!("{json}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("cannot serialize: {err}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "serde"))]
fn print_json(_: &social_glossary::Term) -> ExitCode {
    eprintln!(
        "--json needs the serde feature: cargo run --features serde --example lookup -- --json <term>"
    );
    ExitCode::FAILURE
}
