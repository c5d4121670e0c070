//! The glossary compiler: reads a folder of TOML entries, validates them all, and writes the Rust code
//! of a [`Glossary`](crate::Glossary). The crate's build script runs it on `glossary/`; with the
//! `compiler` feature, other crates' build scripts can run it on their own folders.
//!
//! In `build.rs` of a crate that keeps its own entries in `terms/`:
//! ```no_run
//! social_glossary::compiler::build_script("terms", "glossary.rs");
//! ```
//! and in its `src/lib.rs`:
//! ```ignore
//! mod terms {
//!     include!(concat!(env!("OUT_DIR"), "/glossary.rs"));
//! }
//! let term = terms::GLOSSARY.lookup("our jargon");
//! ```

mod codegen;
mod entry;
mod index;
mod problem;
mod validate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use problem::{Problem, Problems};
pub use validate::{Entry, MAX_SUMMARY_CHARS, TextMatch, is_valid_slug};

/// A glossary folder that passed every check, ready to be written out as Rust.
#[derive(Debug, Clone)]
pub struct CompiledGlossary {
    entries: Vec<Entry>,
    keys: BTreeMap<String, usize>,
}

impl CompiledGlossary {
    /// The entries, in slug order; `Entry::related` holds positions in this list.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The lookup keys (normalized names, aliases, slugs and derived singulars) with the position of
    /// the entry each one finds.
    pub fn keys(&self) -> &BTreeMap<String, usize> {
        &self.keys
    }

    /// The generated Rust code. It defines `pub static GLOSSARY: Glossary` and needs the
    /// `social_glossary` crate to be reachable as `krate` (`"::social_glossary"` from another crate).
    pub fn to_rust(&self, krate: &str) -> String {
        codegen::render(&self.entries, &self.keys, krate)
    }
}

/// Reads and checks every `*.toml` file in `folder`. On failure, returns every problem found, each with
/// its file and line.
pub fn compile_folder(folder: impl AsRef<Path>) -> Result<CompiledGlossary, Problems> {
    let folder = folder.as_ref();
    let mut problems = Problems::default();
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    match std::fs::read_dir(folder) {
        Err(err) => problems.push(
            folder,
            None,
            format!("cannot read the glossary folder: {err}"),
        ),
        Ok(dir) => {
            for item in dir {
                let path = match item {
                    Ok(item) => item.path(),
                    Err(err) => {
                        problems.push(
                            folder,
                            None,
                            format!("cannot list the glossary folder: {err}"),
                        );
                        continue;
                    }
                };
                let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if path.is_dir()
                    || file_name.starts_with('.')
                    || file_name.eq_ignore_ascii_case("README.md")
                {
                    continue;
                }
                if path.extension().and_then(|e| e.to_str()) != Some("toml") {
                    problems.push(
                        &path,
                        None,
                        "not a glossary entry: entries are *.toml files; move or rename this file",
                    );
                    continue;
                }
                match std::fs::read(&path) {
                    Ok(bytes) => files.push((path, bytes)),
                    Err(err) => problems.push(&path, None, format!("cannot read the file: {err}")),
                }
            }
        }
    }
    // Slug order, which is not file-name order: "ad" < "ad-budget" but "ad-budget.toml" < "ad.toml".
    files.sort_by(|a, b| (a.0.file_stem(), &a.0).cmp(&(b.0.file_stem(), &b.0)));
    match validate::validate(&files, folder) {
        Ok((entries, keys)) => problems.into_result(CompiledGlossary { entries, keys }),
        Err(more) => {
            for p in more.iter() {
                problems.push(&p.file, p.line, p.message.clone());
            }
            problems.into_result(CompiledGlossary {
                entries: Vec::new(),
                keys: BTreeMap::new(),
            })
        }
    }
}

/// Compiles `folder` into `$OUT_DIR/out_file` for the calling crate, from its build script.
///
/// Tells Cargo to rerun only when the folder changes. When the glossary has problems, prints every one
/// (file and line each) and ends the build script with an error.
pub fn build_script(folder: impl AsRef<Path>, out_file: &str) {
    build_script_for(folder, out_file, "::social_glossary");
}

/// [`build_script`] with the path under which the generated code reaches this crate.
#[doc(hidden)]
pub fn build_script_for(folder: impl AsRef<Path>, out_file: &str, krate: &str) {
    let folder = folder.as_ref();
    println!("cargo::rerun-if-changed={}", folder.display());
    let out_dir = std::env::var_os("OUT_DIR").expect("OUT_DIR is set by Cargo for build scripts");
    let out = Path::new(&out_dir).join(out_file);
    match compile_folder(folder) {
        Ok(glossary) => {
            let code = glossary.to_rust(krate);
            // Rewriting identical output would still bump the mtime and recompile dependents.
            if std::fs::read_to_string(&out).ok().as_deref() != Some(code.as_str()) {
                if let Err(err) = std::fs::write(&out, code) {
                    eprintln!("cannot write {}: {err}", out.display());
                    std::process::exit(1);
                }
            }
        }
        Err(problems) => {
            eprintln!("{problems}");
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod tests;
