//! One forgiving lookup in the compiled glossary: nothing to load at start-up.
fn main() {
    let started = std::time::Instant::now();
    let query = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "micro influencers".to_owned());
    match social_glossary::lookup(&query) {
        Some(term) => {
            println!("{}", term.summary());
            eprintln!("in-process: {} ns", started.elapsed().as_nanos());
        }
        None => std::process::exit(1),
    }
}
