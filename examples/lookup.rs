//! Look a term up from the command line and print its entry.
//!
//! ```text
//! cargo run --example lookup -- "micro influencers"
//! cargo run --example lookup -- --list                          # categories and platforms with counts
//! cargo run --features serde --example lookup -- --json reach   # the entry as JSON
//! ```
//!
//! A query that names no term prints the closest terms to stderr and exits with status 1.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!("usage: lookup [--json] <term>   (for example: lookup \"micro influencers\")");
        eprintln!(
            "       lookup --list            (categories and platforms with their term counts)"
        );
        return if args.is_empty() {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        };
    }
    if args[0] == "--list" {
        print_counts();
        return ExitCode::SUCCESS;
    }
    let json = args[0] == "--json";
    if json {
        args.remove(0);
    }

    let query = args.join(" ");
    match social_glossary::try_lookup(&query) {
        Ok(term) if json => print_json(term),
        Ok(term) => {
            println!("{term}");
            ExitCode::SUCCESS
        }
        Err(miss) => {
            eprintln!("No glossary term matches {query:?}.");
            if !miss.suggestions().is_empty() {
                eprintln!("Did you mean:");
                for term in miss.suggestions() {
                    eprintln!("  {term:#}");
                }
            }
            eprintln!("Run with --list to browse the categories and platforms.");
            ExitCode::FAILURE
        }
    }
}

fn print_counts() {
    println!("Categories:");
    for (category, count) in social_glossary::categories() {
        println!("  {category:<26} {count:>4}");
    }
    println!("Platforms:");
    for (platform, count) in social_glossary::platforms() {
        println!("  {platform:<26} {count:>4}");
    }
}

#[cfg(feature = "serde")]
fn print_json(term: &social_glossary::Term) -> ExitCode {
    match serde_json::to_string_pretty(term) {
        Ok(json) => {
            println!("{json}");
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
