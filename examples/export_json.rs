//! Exports the built-in glossary, or one term, as JSON (needs the `serde` feature).
//!
//! ```text
//! cargo run --features serde --example export_json > glossary.json
//! cargo run --features serde --example export_json -- "engagement rate"
//! ```

use std::process::ExitCode;

use lexopt::prelude::*;

#[macro_use]
#[path = "common/cli.rs"]
mod cli;

const USAGE: &str = "export_json [<term>...]";
const HELP: &str = "Prints the whole glossary, or the entry a query names, as JSON.

Usage: export_json [<term>...]

Arguments:
  <term>...   the words of a query; without one, every term is printed

Options:
  -h, --help  print this help";

/// The query, if any; `None` when help was asked for.
fn parse() -> Result<Option<String>, lexopt::Error> {
    let mut words = Vec::new();
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Value(word) => words.push(word.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Some(words.join(" ")))
}

fn main() -> ExitCode {
    let query = match parse() {
        Err(err) => return cli::usage_error(USAGE, err),
        Ok(None) => {
            say!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Ok(Some(query)) => query,
    };
    let json = if query.is_empty() {
        serde_json::to_string_pretty(&social_glossary::terms())
    } else {
        match social_glossary::try_lookup(&query) {
            Ok(term) => serde_json::to_string_pretty(term),
            Err(err) => {
                eprintln!("{err}");
                return ExitCode::FAILURE;
            }
        }
    };
    match json {
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
