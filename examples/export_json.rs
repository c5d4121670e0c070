//! Exports the built-in glossary, or one term, as JSON (needs the `serde` feature).
//!
//! ```text
//! cargo run --features serde --example export_json > glossary.json
//! cargo run --features serde --example export_json -- "engagement rate"
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let query = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let json = if query.is_empty() {
        serde_json::to_string_pretty(social_glossary::terms())
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
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("cannot serialize: {err}");
            ExitCode::FAILURE
        }
    }
}
