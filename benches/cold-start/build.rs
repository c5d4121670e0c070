//! Writes the built-in glossary as JSON into OUT_DIR, for the program that embeds it the usual way.
fn main() {
    let json = serde_json::to_string(&social_glossary::terms()).expect("the glossary serializes");
    let out = std::path::Path::new(&std::env::var_os("OUT_DIR").unwrap()).join("glossary.json");
    std::fs::write(out, json).unwrap();
    println!("cargo::rerun-if-changed=build.rs");
}
