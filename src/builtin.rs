//! The crate's own glossary, compiled from `glossary/*.toml` by the build script.

#[rustfmt::skip]
#[allow(clippy::all, clippy::pedantic)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/glossary.rs"));
}

pub use generated::GLOSSARY;
pub use generated::TERMS as BUILTIN_TERMS;
