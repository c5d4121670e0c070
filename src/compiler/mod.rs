//! The glossary compiler: reads a folder of TOML entries, validates them all, and writes the Rust code
//! of a [`Glossary`](crate::Glossary). Shared by build time and run time: the crate's build script
//! includes this module by path and runs it on `glossary/`; with the `compiler` feature, other
//! crates' build scripts can run it on their own folders.
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
mod english;
mod index;
mod perfect_hash;
mod problem;
mod schema;
mod validate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use problem::{Problem, Problems};
pub use validate::{
    Entry, EntryBenefit, EntryDate, EntryDeprecation, EntryPlatform, EntryRange, EntrySource,
    MAX_FILE_BYTES, MAX_LIST_LEN, MAX_SUMMARY_CHARS, MAX_TEXT_CHARS, TextMatch, is_valid_slug,
};

/// A glossary folder that passed every check, ready to be written out as Rust.
#[derive(Debug, Clone)]
pub struct CompiledGlossary {
    entries: Vec<Entry>,
    keys: BTreeMap<String, usize>,
    base: Option<BaseGlossary>,
}

impl CompiledGlossary {
    /// The entries, in slug order; `Entry::related` holds positions in this list.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The lookup keys (normalized names, aliases, slugs, and derived singulars and plurals) with the
    /// position of the entry each one finds.
    pub fn keys(&self) -> &BTreeMap<String, usize> {
        &self.keys
    }

    /// The generated Rust code. It defines `pub static GLOSSARY: Glossary` and needs the
    /// `social_glossary` crate to be reachable as `krate` (`"::social_glossary"` from another crate).
    ///
    /// Fails, with the reason, only for a glossary too large for the tables' packed rows (more than
    /// 65,536 terms), or in the practically impossible case that no seed gives its keys a perfect
    /// hash.
    pub fn to_rust(&self, krate: &str) -> Result<String, Problems> {
        codegen::render(&self.entries, &self.keys, krate, self.base.as_ref()).map_err(|err| {
            let mut problems = Problems::default();
            let folder = self.entries.first().and_then(|e| e.file.parent());
            problems.push(folder.unwrap_or(Path::new(".")), None, err.to_string());
            problems
        })
    }
}

/// A compiled glossary that a new one extends: its terms can be linked to, and its lookups answer
/// what the new glossary's own terms do not.
#[derive(Debug, Clone)]
#[doc(hidden)]
pub struct BaseGlossary {
    /// Its slugs, in slug order (the order of its term table).
    pub slugs: Vec<String>,
    /// The Rust path of its term table, e.g. `::social_glossary::__private::BUILTIN_TERMS`.
    pub terms_path: String,
    /// The Rust path of its `Glossary` static.
    pub glossary_path: String,
}

/// Compiles a folder of glossary entries, with options; [`compile_folder`] and [`build_script`] are
/// its shortcuts.
///
/// ```no_run
/// // build.rs of a crate whose entries in `terms/` may link to the built-in glossary's slugs:
/// social_glossary::compiler::Builder::new("terms").extend_builtin().build_script();
/// ```
#[derive(Debug, Clone)]
pub struct Builder {
    pub(crate) folder: PathBuf,
    pub(crate) out_file: String,
    pub(crate) krate: String,
    pub(crate) base: Option<BaseGlossary>,
}

impl Builder {
    /// Compiles the entries in `folder` into `$OUT_DIR/glossary.rs`, for use by another crate.
    pub fn new(folder: impl AsRef<Path>) -> Builder {
        Builder {
            folder: folder.as_ref().to_path_buf(),
            out_file: "glossary.rs".to_owned(),
            krate: "::social_glossary".to_owned(),
            base: None,
        }
    }

    /// The name of the generated file in `$OUT_DIR` (default `glossary.rs`).
    pub fn out_file(mut self, name: &str) -> Builder {
        self.out_file = name.to_owned();
        self
    }

    /// The path under which the generated code reaches this crate (default `::social_glossary`).
    #[doc(hidden)]
    pub fn crate_path(mut self, krate: &str) -> Builder {
        self.krate = krate.to_owned();
        self
    }

    /// Reads and checks every `*.toml` file of the folder. On failure, returns every problem found,
    /// each with its file and line.
    pub fn compile(&self) -> Result<CompiledGlossary, Problems> {
        let folder = self.folder.as_path();
        let mut problems = Problems::default();
        let files = read_folder(folder, &mut problems);
        let base_slugs: &[String] = self.base.as_ref().map_or(&[], |b| &b.slugs);
        match validate::validate(&files, folder, base_slugs) {
            Ok((entries, keys)) => problems.into_result(CompiledGlossary {
                entries,
                keys,
                base: self.base.clone(),
            }),
            Err(more) => {
                for p in more.iter() {
                    problems.push(&p.file, p.line, p.message.clone());
                }
                Err(problems.sorted())
            }
        }
    }

    /// Compiles from a build script: tells Cargo to rerun only when the folder changes, writes the
    /// generated code to `$OUT_DIR`, and when the glossary has problems, prints every one (file and
    /// line each) and ends the build script with an error.
    pub fn build_script(&self) {
        println!("cargo::rerun-if-changed={}", self.folder.display());
        let out_dir =
            std::env::var_os("OUT_DIR").expect("OUT_DIR is set by Cargo for build scripts");
        let out = Path::new(&out_dir).join(&self.out_file);
        match self
            .compile()
            .and_then(|glossary| glossary.to_rust(&self.krate))
        {
            Ok(code) => {
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
}

/// Reads and checks every `*.toml` file in `folder`. On failure, returns every problem found, each with
/// its file and line.
pub fn compile_folder(folder: impl AsRef<Path>) -> Result<CompiledGlossary, Problems> {
    Builder::new(folder).compile()
}

/// Compiles `folder` into `$OUT_DIR/out_file` from a build script; see [`Builder::build_script`].
pub fn build_script(folder: impl AsRef<Path>, out_file: &str) {
    Builder::new(folder).out_file(out_file).build_script();
}

/// Every `*.toml` file of the folder, in slug order, with its bytes. Other files are problems (so a
/// typo such as `reach.tml` is not dropped silently), except hidden files, folders and a README.
fn read_folder(folder: &Path, problems: &mut Problems) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let dir = match std::fs::read_dir(folder) {
        Ok(dir) => dir,
        Err(err) => {
            problems.push(
                folder,
                None,
                format!("cannot read the glossary folder: {err}"),
            );
            return files;
        }
    };
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
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
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
    // Slug order, which is not file-name order: "ad" < "ad-budget" but "ad-budget.toml" < "ad.toml".
    files.sort_by(|a, b| (a.0.file_stem(), &a.0).cmp(&(b.0.file_stem(), &b.0)));
    files
}

#[cfg(test)]
mod tests;
