//! One test per validation rule, each feeding the compiler a small folder with exactly that fault;
//! the faults of the malformed corpus (`tests/malformed/`) are tested by the corpus alone.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;

/// A scratch glossary folder under the system temp dir, removed on drop.
struct Folder(PathBuf);

impl Folder {
    fn new<N: AsRef<str>, T: AsRef<str>>(files: &[(N, T)]) -> Folder {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "social-glossary-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            std::fs::write(dir.join(name.as_ref()), text.as_ref()).unwrap();
        }
        Folder(dir)
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A valid entry named `name` that relates to `related`.
fn entry(name: &str, related: &[&str]) -> String {
    format!(
        r#"name = "{name}"
aliases = []
category = "metrics-analytics"
summary = "A short summary of {name}."
definition = """
First sentence about {name}.
Second sentence about {name}.
"""
related = {related:?}
last_reviewed = "2026-11-26"

[[benefits]]
title = "One"
description = "Why {name} matters."

[[platforms]]
platform = "instagram"
why = "Because."
"#
    )
}

fn three() -> Vec<(String, String)> {
    vec![
        ("alpha.toml".into(), entry("Alpha", &["beta", "gamma"])),
        ("beta.toml".into(), entry("Beta", &["alpha"])),
        ("gamma.toml".into(), entry("Gamma", &[])),
    ]
}

/// Compiles `three()` with `edit` applied to the file named `file`, and returns the problems.
fn problems_after(file: &str, edit: impl Fn(&str) -> String) -> Vec<Problem> {
    let files: Vec<(String, String)> = three()
        .into_iter()
        .map(|(n, t)| if n == file { (n, edit(&t)) } else { (n, t) })
        .collect();
    let folder = Folder::new(&files);
    compile_folder(&folder.0)
        .expect_err("the edit should be rejected")
        .iter()
        .cloned()
        .collect()
}

/// Asserts that exactly one problem is reported, in `file` at `line`, with a message containing `needle`.
fn assert_one(problems: &[Problem], file: &str, line: Option<usize>, needle: &str) {
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let p = &problems[0];
    assert!(p.file.ends_with(file), "{p}");
    assert_eq!(p.line, line, "{p}");
    assert!(p.message.contains(needle), "{p}");
}

#[test]
fn a_valid_folder_compiles_with_symmetric_related_links() {
    let files = three();
    let folder = Folder::new(&files);
    let compiled = compile_folder(&folder.0).unwrap();
    let slugs: Vec<&str> = compiled.entries().iter().map(|e| e.slug.as_str()).collect();
    assert_eq!(slugs, ["alpha", "beta", "gamma"]);
    let related = |i: usize| compiled.entries()[i].related.clone();
    assert_eq!(related(0), [1, 2]);
    assert_eq!(
        related(1),
        [0],
        "beta listed alpha and alpha listed beta: one link, not two"
    );
    assert_eq!(related(2), [0], "gamma gets the back-link from alpha");
    assert_eq!(compiled.entries()[2].explicit_related, 0);
    assert_eq!(
        compiled.entries()[0].definition,
        "First sentence about Alpha. Second sentence about Alpha."
    );
}

#[test]
fn unknown_category_names_the_valid_ones() {
    let p = problems_after("beta.toml", |t| {
        t.replace("\"metrics-analytics\"", "\"metrics\"")
    });
    assert_one(&p, "beta.toml", Some(3), "unknown category \"metrics\"");
    assert!(p[0].message.contains("slang-culture"));
}

#[test]
fn unknown_platform() {
    let p = problems_after("beta.toml", |t| t.replace("\"instagram\"", "\"myspace\""));
    assert_one(&p, "beta.toml", Some(17), "unknown platform \"myspace\"");
}

#[test]
fn duplicate_platform() {
    let p = problems_after("beta.toml", |t| {
        format!("{t}\n[[platforms]]\nplatform = \"instagram\"\nwhy = \"Again.\"\n")
    });
    assert_one(&p, "beta.toml", Some(21), "listed twice");
}

#[test]
fn bad_slug_file_name() {
    let mut files = three();
    files.push(("Delta_Term.toml".into(), entry("Delta Term", &[])));
    let problems: Vec<Problem> = compile_folder(&Folder::new(&files).0)
        .unwrap_err()
        .iter()
        .cloned()
        .collect();
    assert_one(&problems, "Delta_Term.toml", None, "not a valid slug");
}

#[test]
fn file_name_that_differs_from_the_term() {
    let mut files = three();
    files.push(("delta.toml".into(), entry("Epsilon", &[])));
    let problems: Vec<Problem> = compile_folder(&Folder::new(&files).0)
        .unwrap_err()
        .iter()
        .cloned()
        .collect();
    assert_one(
        &problems,
        "delta.toml",
        Some(1),
        "does not match the name \"Epsilon\"",
    );
}

#[test]
fn alias_listed_twice_in_one_entry() {
    let p = problems_after("gamma.toml", |t| {
        t.replace("aliases = []", "aliases = [\"G\", \"g\"]")
    });
    assert_one(&p, "gamma.toml", Some(2), "listed twice");
}

#[test]
fn term_relating_to_itself() {
    let p = problems_after("beta.toml", |t| {
        t.replace("related = [\"alpha\"]", "related = [\"beta\"]")
    });
    assert_one(&p, "beta.toml", Some(9), "the entry itself");
}

#[test]
fn related_slug_listed_twice() {
    let p = problems_after("beta.toml", |t| {
        t.replace("related = [\"alpha\"]", "related = [\"alpha\", \"alpha\"]")
    });
    assert_one(&p, "beta.toml", Some(9), "twice");
}

#[test]
fn empty_summary() {
    let p = problems_after("beta.toml", |t| {
        t.replace("summary = \"A short summary of Beta.\"", "summary = \"  \"")
    });
    assert_one(&p, "beta.toml", Some(4), "`summary` is empty");
}

#[test]
fn over_long_summary() {
    let long = "word ".repeat(40);
    let p = problems_after("beta.toml", |t| {
        t.replace("A short summary of Beta.", &long)
    });
    assert_one(&p, "beta.toml", Some(4), "keep it to 160 or fewer");
}

#[test]
fn empty_definition() {
    let p = problems_after("beta.toml", |t| {
        t.replace(
            "First sentence about Beta.\nSecond sentence about Beta.",
            " ",
        )
    });
    assert_one(&p, "beta.toml", Some(5), "`definition` is empty");
}

#[test]
fn superseded_by_pointing_nowhere() {
    let p = problems_after("beta.toml", |t| {
        format!(
            "{t}\n[deprecated]\nsince = \"2021-08\"\nsuperseded_by = \"omega\"\nnote = \"Retired.\"\n"
        )
    });
    assert_one(&p, "beta.toml", Some(22), "`superseded_by` names \"omega\"");
}

#[test]
fn bad_deprecation_date() {
    let p = problems_after("beta.toml", |t| {
        format!("{t}\n[deprecated]\nsince = \"August 2021\"\nnote = \"Retired.\"\n")
    });
    assert_one(&p, "beta.toml", Some(21), "YYYY, YYYY-MM or YYYY-MM-DD");
}

#[test]
fn unknown_field() {
    let p = problems_after("beta.toml", |t| {
        t.replace("aliases = []", "aliases = []\ncolour = \"blue\"")
    });
    assert_one(&p, "beta.toml", Some(3), "colour");
}

#[test]
fn bad_review_date() {
    let p = problems_after("beta.toml", |t| t.replace("2026-11-26", "2026-02-30"));
    assert_one(&p, "beta.toml", Some(10), "YYYY-MM-DD");
}

#[test]
fn range_with_max_below_min() {
    let p = problems_after("beta.toml", |t| {
        format!("{t}\n[range]\nmin = 10\nmax = 5\nunit = \"followers\"\nnote = \"n\"\n")
    });
    assert_one(&p, "beta.toml", Some(20), "smaller than `range.min`");
}

#[test]
fn stray_non_toml_file() {
    let mut files = three();
    files.push(("delta.tml".into(), "name = \"Delta\"".into()));
    let problems: Vec<Problem> = compile_folder(&Folder::new(&files).0)
        .unwrap_err()
        .iter()
        .cloned()
        .collect();
    assert_one(&problems, "delta.tml", None, "*.toml");
}

#[test]
fn every_problem_is_reported_at_once() {
    let files = [
        (
            "alpha.toml".to_owned(),
            entry("Alpha", &["nowhere"]).replace("\"instagram\"", "\"myspace\""),
        ),
        (
            "beta.toml".to_owned(),
            entry("Beta", &["beta"]).replace("\"metrics-analytics\"", "\"x\""),
        ),
        ("gamma.toml".to_owned(), "not toml at all".to_owned()),
    ];
    let problems = compile_folder(&Folder::new(&files).0).unwrap_err();
    let text = problems.to_string();
    assert_eq!(problems.len(), 5, "{text}");
    for needle in [
        "alpha.toml:9:",
        "alpha.toml:17:",
        "beta.toml:3:",
        "beta.toml:9:",
        "gamma.toml:1:",
        "5 problems",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

/// Compiles `files` and returns every lookup key with the slug of the entry it finds.
fn key_owners(files: &[(String, String)]) -> BTreeMap<String, String> {
    let compiled = compile_folder(&Folder::new(files).0).unwrap();
    compiled
        .keys()
        .iter()
        .map(|(key, &i)| (key.clone(), compiled.entries()[i].slug.clone()))
        .collect()
}

#[test]
fn plural_names_get_a_singular_key_unless_ambiguous() {
    let files = [
        ("reels.toml".to_owned(), entry("Reels", &["stories"])),
        ("stories.toml".to_owned(), entry("Stories", &["reels"])),
        (
            "pins.toml".to_owned(),
            entry("Pins", &["reels"]).replace("aliases = []", "aliases = [\"Boards\"]"),
        ),
        (
            "board-games.toml".to_owned(),
            entry("Board Games", &["reels"]).replace("aliases = []", "aliases = [\"Boardss\"]"),
        ),
    ];
    let owners = key_owners(&files);
    let owner = |key: &str| owners.get(key).map(String::as_str);
    assert_eq!(owner("reel"), Some("reels"));
    assert_eq!(owner("story"), Some("stories"));
    assert_eq!(owner("pin"), Some("pins"));
    assert_eq!(owner("board"), Some("pins"));
    // "boardss" -> "boards" is pins' own key, so it is not derived again for board-games.
    assert_eq!(owner("boards"), Some("pins"));
}

#[test]
fn regular_plurals_become_keys_without_displacing_written_ones() {
    let files = [
        ("box.toml".to_owned(), entry("Box", &["story"])),
        ("story.toml".to_owned(), entry("Story", &["box"])),
        ("reel.toml".to_owned(), entry("Reel", &["box"])),
        (
            "reels-hub.toml".to_owned(),
            entry("Reels Hub", &["box"]).replace("aliases = []", "aliases = [\"Reels\"]"),
        ),
    ];
    let owners = key_owners(&files);
    let owner = |key: &str| owners.get(key).map(String::as_str);
    assert_eq!(owner("boxes"), Some("box"));
    assert_eq!(owner("stories"), Some("story"));
    assert_eq!(owner("reelshubs"), Some("reels-hub"));
    // "reels" is written as an alias of another entry: the derived plural of "reel" does not take it.
    assert_eq!(owner("reels"), Some("reels-hub"));
}

#[test]
fn names_that_read_as_plurals_get_no_plural_or_possessive() {
    let files = [
        (
            "threads-tags.toml".to_owned(),
            entry("Threads Tags", &["status"]),
        ),
        ("status.toml".to_owned(), entry("Status", &["threads-tags"])),
    ];
    let owners = key_owners(&files);
    let owner = |key: &str| owners.get(key).map(String::as_str);
    assert_eq!(owner("threadstag"), Some("threads-tags"));
    assert_eq!(owner("threadstagses"), None);
    assert_eq!(owner("threadstagss"), None);
    // A singular that ends in "s" still gets both.
    assert_eq!(owner("statuses"), Some("status"));
    assert_eq!(owner("statuss"), Some("status"));
}

#[test]
fn unknown_text_match_value() {
    let p = problems_after("beta.toml", |t| {
        t.replace("aliases = []", "aliases = []\ntext_match = \"sometimes\"")
    });
    assert_one(&p, "beta.toml", Some(3), "`text_match`");
}

#[test]
fn text_match_controls_the_find_patterns() {
    let files = [
        (
            "alpha.toml".to_owned(),
            entry("Alpha", &["beta"]).replace("aliases = []", "text_match = \"never\""),
        ),
        (
            "beta.toml".to_owned(),
            entry("Beta", &["alpha"]).replace("aliases = []", "text_match = \"exact-case\""),
        ),
        ("gamma.toml".to_owned(), entry("Gamma", &["alpha"])),
    ];
    let compiled = compile_folder(Folder::new(&files).0.as_path()).unwrap();
    let patterns = index::find_patterns(compiled.entries());
    assert!(
        patterns.iter().all(|p| p.entry != 0),
        "never: no pattern for alpha"
    );
    assert!(
        patterns
            .iter()
            .filter(|p| p.entry == 1)
            .all(|p| p.exact_case)
    );
    assert!(
        patterns
            .iter()
            .any(|p| p.entry == 2 && !p.exact_case && p.text == "Gammas")
    );
}

#[test]
fn every_malformed_folder_is_rejected_with_exactly_the_expected_problems() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 7, "the corpus has {} cases", cases.len());
    for case in cases {
        let name = case.file_name().unwrap().to_str().unwrap().to_owned();
        let scratch = Folder::new::<&str, &str>(&[]);
        let folder = scratch.0.join(&name);
        std::fs::create_dir_all(&folder).unwrap();
        for file in std::fs::read_dir(&case).unwrap().map(|e| e.unwrap().path()) {
            if file.extension().is_some_and(|e| e == "toml") {
                std::fs::copy(&file, folder.join(file.file_name().unwrap())).unwrap();
            }
        }
        let problems = compile_folder(&folder).expect_err(&name);
        let reported: Vec<String> = problems
            .iter()
            .map(|p| {
                p.to_string()
                    .replace(&format!("{}/", scratch.0.display()), "")
            })
            .collect();
        let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap();
        let expected: Vec<&str> = expected.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(
            reported.len(),
            expected.len(),
            "{name}: reported {reported:#?}"
        );
        for want in &expected {
            let (location, needle) = want.split_once(": ").unwrap();
            assert!(
                reported
                    .iter()
                    .any(|r| r.starts_with(&format!("{location}:")) && r.contains(needle)),
                "{name}: no problem at {location} containing {needle:?} in {reported:#?}"
            );
        }
    }
}

#[test]
fn control_bidi_and_invisible_characters_are_rejected_in_every_text() {
    // As TOML escapes, so that the files themselves stay plain.
    for (edit_from, edit_to, line) in [
        ("name = \"Beta\"", "name = \"Be\\u202Eta\"", 1),
        ("name = \"Beta\"", "name = \"Beta\\u0000\"", 1),
        ("aliases = []", "aliases = [\"Be\\u200Bta\"]", 2),
        ("summary = \"A short", "summary = \"\\u001B[31mA short", 4),
        ("title = \"One\"", "title = \"O\\u2066ne\"", 12),
        ("why = \"Because.\"", "why = \"Because.\\u007F\"", 16),
    ] {
        let p = problems_after("beta.toml", |t| t.replace(edit_from, edit_to));
        assert_eq!(p.len(), 1, "{edit_to}: {p:#?}");
        assert_eq!(p[0].line, Some(line), "{edit_to}: {}", p[0]);
        assert!(
            p[0].message.contains("control, bidi or invisible"),
            "{}",
            p[0]
        );
    }
}

#[test]
fn a_cycle_of_replacements_is_rejected_at_each_link() {
    let retire = |text: &str, by: &str| {
        format!(
            "{text}\n[deprecated]\nsince = \"2021\"\nsuperseded_by = \"{by}\"\nnote = \"Retired.\"\n"
        )
    };
    let two = [
        (
            "alpha.toml".to_owned(),
            retire(&entry("Alpha", &["beta"]), "beta"),
        ),
        (
            "beta.toml".to_owned(),
            retire(&entry("Beta", &["alpha"]), "alpha"),
        ),
    ];
    let folder = Folder::new(&two);
    let problems = compile_folder(&folder.0).unwrap_err();
    assert_eq!(problems.iter().count(), 2, "{problems}");
    assert!(
        problems.iter().all(|p| p.message.contains("cycle (")),
        "{problems}"
    );

    let three = [
        (
            "alpha.toml".to_owned(),
            retire(&entry("Alpha", &["beta"]), "beta"),
        ),
        (
            "beta.toml".to_owned(),
            retire(&entry("Beta", &["gamma"]), "gamma"),
        ),
        (
            "gamma.toml".to_owned(),
            retire(&entry("Gamma", &["alpha"]), "alpha"),
        ),
    ];
    let folder = Folder::new(&three);
    let problems = compile_folder(&folder.0).unwrap_err();
    assert_eq!(problems.iter().count(), 3, "{problems}");
    assert!(
        problems
            .iter()
            .all(|p| p.message.contains("alpha -> beta -> gamma -> alpha")
                || p.message.contains("cycle")),
        "{problems}"
    );
}

#[test]
fn dates_with_signs_or_out_of_range_parts_are_rejected() {
    for date in [
        "2024-+1-01",
        "2026-13-01",
        "2026-01-32",
        "2026-02-30",
        "+202-01-01",
    ] {
        let p = problems_after("beta.toml", |t| t.replace("2026-11-26", date));
        assert_one(&p, "beta.toml", Some(10), "YYYY-MM-DD");
    }
    for since in ["2021-+8", "2021-13", "+202"] {
        let p = problems_after("beta.toml", |t| {
            format!("{t}\n[deprecated]\nsince = \"{since}\"\nnote = \"Retired.\"\n")
        });
        assert_one(&p, "beta.toml", Some(21), "YYYY, YYYY-MM or YYYY-MM-DD");
    }
}

#[test]
fn an_alias_of_punctuation_alone_is_called_that() {
    for alias in ["---", "#", "\u{2019}"] {
        let p = problems_after("beta.toml", |t| {
            t.replace("aliases = []", &format!("aliases = [{alias:?}]"))
        });
        assert_one(&p, "beta.toml", Some(2), "only punctuation and spaces");
    }
}

#[test]
fn oversized_files_texts_and_lists_are_rejected() {
    let p = problems_after("beta.toml", |t| {
        t.replace("First sentence", &"Long. ".repeat(MAX_TEXT_CHARS / 5))
    });
    assert_one(&p, "beta.toml", Some(5), "characters; keep it to");

    let aliases: Vec<String> = (0..=MAX_LIST_LEN).map(|i| format!("beta {i}")).collect();
    let p = problems_after("beta.toml", |t| {
        t.replace("aliases = []", &format!("aliases = {aliases:?}"))
    });
    assert_one(&p, "beta.toml", None, "`aliases` has 65 items");

    let p = problems_after("beta.toml", |t| {
        format!("{t}\n# {}\n", "padding ".repeat(MAX_FILE_BYTES / 8))
    });
    assert_one(&p, "beta.toml", None, "bytes, more than");
}

#[test]
fn thousands_of_aliases_get_one_problem() {
    // As many aliases as fit the size limit: one problem for the list, none per alias.
    let aliases: Vec<String> = (0..5_000).map(|i| format!("b{i}")).collect();
    let p = problems_after("beta.toml", |t| {
        t.replace("aliases = []", &format!("aliases = {aliases:?}"))
    });
    assert_one(&p, "beta.toml", None, "`aliases` has 5000 items");
}

#[test]
fn a_source_needs_an_https_url_with_a_host_and_a_title() {
    for (url, needle) in [
        ("http://example.com/page", "https://"),
        ("https://", "host name"),
        ("https://example .com", "spaces"),
        ("https://localhost/x", "host name"),
    ] {
        let p = problems_after("beta.toml", |t| {
            format!("{t}\n[[sources]]\nurl = {url:?}\ntitle = \"A page\"\n")
        });
        assert_one(&p, "beta.toml", Some(21), needle);
    }
    let p = problems_after("beta.toml", |t| {
        format!("{t}\n[[sources]]\nurl = \"https://example.com/\"\ntitle = \" \"\n")
    });
    assert_one(&p, "beta.toml", Some(20), "non-empty `title`");
    let ok = [
        (
            "beta.toml".to_owned(),
            format!(
                "{}\n[[sources]]\nurl = \"https://example.com/a?b=c#d\"\ntitle = \"A page\"\naccessed = \"2026-12-04\"\n",
                entry("Beta", &["alpha"])
            ),
        ),
        ("alpha.toml".to_owned(), entry("Alpha", &["beta"])),
    ];
    let folder = Folder::new(&ok);
    let compiled = compile_folder(&folder.0).unwrap();
    assert_eq!(
        compiled.entries()[1].sources[0].accessed,
        Some(EntryDate {
            year: 2026,
            month: 12,
            day: 4
        })
    );
}

#[test]
fn a_file_name_that_is_not_utf8_is_reported_by_its_lossy_name() {
    use std::os::unix::ffi::OsStrExt;
    let folder = Folder::new(&three());
    let name = std::ffi::OsStr::from_bytes(b"bad\xffname.toml");
    std::fs::write(folder.0.join(name), entry("Bad", &["alpha"])).unwrap();
    let problems = compile_folder(&folder.0).unwrap_err();
    let text = problems.to_string();
    assert!(text.contains("bad\u{fffd}name"), "{text}");
    assert!(!text.contains("file name \"\""), "{text}");
}

/// Validates and renders in-memory files, as the build does with a folder: the glossary's code, or its
/// problems. Any panic fails the calling test.
fn compile_in_memory(files: &[(String, String)]) -> Result<String, Problems> {
    let files: Vec<(PathBuf, Vec<u8>)> = files
        .iter()
        .map(|(name, text)| (PathBuf::from("mem").join(name), text.clone().into_bytes()))
        .collect();
    let (entries, keys) = validate::validate(&files, Path::new("mem"), &[])?;
    CompiledGlossary {
        entries,
        keys,
        base: None,
    }
    .to_rust("crate")
}

#[test]
fn ten_thousand_numbered_entries_build() {
    let files: Vec<(String, String)> = (0..10_000)
        .map(|i| {
            let next = format!("synthetic-term-{}", (i + 1) % 10_000);
            (
                format!("synthetic-term-{i}.toml"),
                entry(&format!("Synthetic Term {i}"), &[next.as_str()]),
            )
        })
        .collect();
    let code = compile_in_memory(&files).expect("numbered names build");
    assert!(code.contains("pub static GLOSSARY"));
}

/// A name for a generated entry: numbered, near-identical, long, or Unicode.
fn generated_name() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        (0u32..100_000).prop_map(|n| format!("Creator {n}")),
        "[A-Za-z]{1,3}( [A-Za-z]{1,3}){0,2}",
        "[a-z ]{60,140}",
        "\\PC{1,12}",
        "[-#'. ]{1,4}",
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn any_entry_set_gives_a_glossary_or_its_problems(
        names in proptest::collection::vec(generated_name(), 1..40),
        aliases in proptest::collection::vec(generated_name(), 0..80),
    ) {
        let files: Vec<(String, String)> = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let own: Vec<&String> = aliases.iter().skip(i).step_by(names.len()).collect();
                let text = entry(name, &["entry-0"])
                    .replace("aliases = []", &format!("aliases = {own:?}"));
                (format!("entry-{i}.toml"), text)
            })
            .collect();
        // Either outcome is fine; a panic is not. Problems always say which file.
        if let Err(problems) = compile_in_memory(&files) {
            proptest::prop_assert!(problems.iter().all(|p| p.file.starts_with("mem")));
        }
    }
}

#[test]
fn more_names_and_aliases_than_sixteen_bits_count_compile() {
    // 1,040 entries of a name and 63 aliases each: 66,560 spellings, past what a 16-bit position in
    // the suggestions' posting lists would address (they store gaps of any size).
    let files: Vec<(String, String)> = (0..1_040)
        .map(|i| {
            let aliases: Vec<String> = (0..63).map(|a| format!("Alias {i} ö {a}")).collect();
            let next = format!("synthetic-term-{}", (i + 1) % 1_040);
            let text = entry(&format!("Synthetic Term {i}"), &[next.as_str()])
                .replace("aliases = []", &format!("aliases = {aliases:?}"));
            (format!("synthetic-term-{i}.toml"), text)
        })
        .collect();
    let code = compile_in_memory(&files).expect("66,560 names and aliases build");
    assert!(code.contains("static GRAM_POSTINGS"));
}

#[test]
fn the_built_in_glossary_has_no_search_weight_that_postings_clamp() {
    use crate::packed::{MAX_POSTING_WEIGHT, MIN_POSTING_WEIGHT};
    let compiled = compile_folder(concat!(env!("CARGO_MANIFEST_DIR"), "/glossary")).unwrap();
    let (mut least, mut most) = (f32::MAX, 0.0f32);
    for postings in index::word_index(compiled.entries()).values() {
        for &(_, _, weight) in postings {
            (least, most) = (least.min(weight), most.max(weight));
        }
    }
    // 0.68 to 15.8 today: well inside the range.
    assert!(
        least >= MIN_POSTING_WEIGHT && most <= MAX_POSTING_WEIGHT,
        "{least} to {most}"
    );
}
