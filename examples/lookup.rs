//! Look a term up from the command line and print its entry.
//!
//! ```text
//! cargo run --example lookup -- "micro influencers"
//! cargo run --example lookup -- --list      # categories and platforms with their term counts
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!("usage: lookup <term>   (for example: lookup \"micro influencers\")");
        eprintln!("       lookup --list   (categories and platforms with their term counts)");
        return if args.is_empty() {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        };
    }
    if args[0] == "--list" {
        println!("Categories:");
        for (category, count) in social_glossary::categories() {
            println!("  {category:<26} {count:>4}");
        }
        println!("Platforms:");
        for (platform, count) in social_glossary::platforms() {
            println!("  {platform:<26} {count:>4}");
        }
        return ExitCode::SUCCESS;
    }

    let query = args.join(" ");
    match social_glossary::lookup(&query) {
        Some(term) => {
            println!("{term}");
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("No glossary term matches {query:?}.");
            eprintln!("Try another spelling, or run with --list to browse the categories.");
            ExitCode::FAILURE
        }
    }
}
