//! The same lookup the way many programs would do it: the glossary embedded as JSON, parsed into a
//! HashMap keyed by lower-cased name and alias at start-up.
use std::collections::HashMap;

#[derive(serde::Deserialize)]
struct Term {
    name: String,
    aliases: Vec<String>,
    summary: String,
}

static JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/glossary.json"));

fn main() {
    let started = std::time::Instant::now();
    let terms: Vec<Term> = serde_json::from_str(JSON).expect("valid JSON");
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, term) in terms.iter().enumerate() {
        by_key.insert(term.name.to_lowercase(), i);
        for alias in &term.aliases {
            by_key.insert(alias.to_lowercase(), i);
        }
    }
    let query = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "micro influencer".to_owned());
    match by_key.get(&query.to_lowercase()) {
        Some(&i) => {
            println!("{}", terms[i].summary);
            eprintln!("in-process: {} ns", started.elapsed().as_nanos());
        }
        None => std::process::exit(1),
    }
}
