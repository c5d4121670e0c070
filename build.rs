//! Compiles `glossary/*.toml` into static tables and perfect-hash maps (`$OUT_DIR/glossary.rs`).
//!
//! The compiler and the modules it shares with the library (the first group of `mod`s in `src/lib.rs`,
//! each saying "Shared by build time and run time") are included here by path, so that build time and
//! run time share one definition.

#[allow(dead_code, unused_imports)]
#[path = "src/compiler/mod.rs"]
mod compiler;
#[allow(dead_code)]
#[path = "src/normalize.rs"]
mod normalize;
#[allow(dead_code)]
#[path = "src/packed.rs"]
mod packed;
#[allow(dead_code)]
#[path = "src/perfect_hash.rs"]
mod perfect_hash;
#[allow(dead_code)]
#[path = "src/swar.rs"]
mod swar;
#[allow(dead_code)]
#[path = "src/taxonomy.rs"]
mod taxonomy;
#[allow(dead_code)]
#[path = "src/tokenize.rs"]
mod tokenize;
#[allow(dead_code)]
#[path = "src/typed.rs"]
mod typed;

fn main() {
    // Every file this script includes by path, so that editing any of them reruns it.
    for input in [
        "build.rs",
        "src/compiler",
        "src/normalize.rs",
        "src/packed.rs",
        "src/perfect_hash.rs",
        "src/swar.rs",
        "src/taxonomy.rs",
        "src/tokenize.rs",
        "src/typed.rs",
    ] {
        println!("cargo::rerun-if-changed={input}");
    }
    compiler::Builder::new("glossary")
        .crate_path("crate")
        .build_script();
}
