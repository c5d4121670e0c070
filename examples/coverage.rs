//! Prints what the built-in glossary covers: entries per category and platform, and the share of
//! entries with platforms, formulas, ranges, examples, retirement notes and sources. The README's coverage table
//! comes from this program.
//!
//! ```text
//! cargo run --example coverage
//! ```

fn main() {
    let g = social_glossary::glossary();
    let terms = g.terms();
    let total = terms.len();
    let share = |n: usize| format!("{n} ({:.0}%)", 100.0 * n as f64 / total as f64);

    println!("| category | entries |\n| --- | ---: |");
    for (category, count) in g.categories() {
        println!("| {category} | {count} |");
    }
    println!("\n| platform | entries |\n| --- | ---: |");
    for (platform, count) in g.platforms() {
        println!("| {platform} | {count} |");
    }
    let with =
        |f: &dyn Fn(&social_glossary::Term) -> bool| share(terms.iter().filter(|t| f(t)).count());
    println!("\n| | entries |\n| --- | ---: |");
    println!("| all | {total} |");
    println!(
        "| tied to at least one platform | {} |",
        with(&|t| !t.platforms().is_empty())
    );
    println!("| with a formula | {} |", with(&|t| t.formula().is_some()));
    println!(
        "| with a typical range | {} |",
        with(&|t| t.range().is_some())
    );
    println!(
        "| with examples | {} |",
        with(&|t| !t.examples().is_empty())
    );
    println!(
        "| retired (deprecated) | {} |",
        with(&|t| t.is_deprecated())
    );
    println!(
        "| citing at least one source | {} |",
        with(&|t| !t.sources().is_empty())
    );
    let aliases: usize = terms.iter().map(|t| t.aliases().len()).sum();
    let links: usize = terms.iter().map(|t| t.related().len()).sum();
    println!("| aliases, in all | {aliases} |");
    let sources: usize = terms.iter().map(|t| t.sources().len()).sum();
    println!("| related links, in all (both directions) | {links} |");
    println!("| sources cited, in all | {sources} |");
}
