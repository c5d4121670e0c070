//! The same program without a glossary, for the binary-size comparison.
fn main() {
    let query = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "micro influencer".to_owned());
    println!("{}", query.len());
}
