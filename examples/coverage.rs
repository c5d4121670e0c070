//! Prints what the built-in glossary covers: entries per category and platform, and the share of
//! entries with platforms, formulas, ranges, examples, retirement notes and sources. The README's coverage table
//! comes from this program.
//!
//! ```text
//! cargo run --example coverage
//! ```

#[macro_use]
#[path = "common/cli.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    match cli::no_arguments(
        "Prints what the built-in glossary covers, as the Markdown tables of the README.\n\nUsage: coverage\n\nOptions:\n  -h, --help  print this help",
    ) {
        Err(err) => return cli::usage_error("coverage", err),
        Ok(false) => return std::process::ExitCode::SUCCESS,
        Ok(true) => {}
    }
    let g = social_glossary::glossary();
    let terms = g.terms();
    let total = terms.len();
    let share = |n: usize| format!("{n} ({:.0}%)", 100.0 * n as f64 / total as f64);

    say!("| category | entries |\n| --- | ---: |");
    for (category, count) in g.categories() {
        say!("| {category} | {count} |");
    }
    say!("\n| platform | entries |\n| --- | ---: |");
    for (platform, count) in g.platforms() {
        say!("| {platform} | {count} |");
    }
    let with =
        |f: &dyn Fn(&social_glossary::Term) -> bool| share(terms.iter().filter(|t| f(t)).count());
    say!("\n| | entries |\n| --- | ---: |");
    say!("| all | {total} |");
    say!(
        "| tied to at least one platform | {} |",
        with(&|t| !t.platforms().is_empty())
    );
    say!("| with a formula | {} |", with(&|t| t.formula().is_some()));
    say!(
        "| with a typical range | {} |",
        with(&|t| t.range().is_some())
    );
    say!(
        "| with examples | {} |",
        with(&|t| !t.examples().is_empty())
    );
    say!(
        "| retired (deprecated) | {} |",
        with(&|t| t.is_deprecated())
    );
    say!(
        "| citing at least one source | {} |",
        with(&|t| !t.sources().is_empty())
    );
    let aliases: usize = terms.iter().map(|t| t.aliases().len()).sum();
    let links: usize = terms.iter().map(|t| t.related().len()).sum();
    say!("| aliases, in all | {aliases} |");
    let sources: usize = terms.iter().map(|t| t.sources().len()).sum();
    say!("| related links, in all (both directions) | {links} |");
    say!("| sources cited, in all | {sources} |");
    std::process::ExitCode::SUCCESS
}
