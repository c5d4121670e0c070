//! The rules a glossary must satisfy, checked across all files at once: every violation becomes a
//! [`Problem`](super::Problem) with its file and line, and nothing is dropped silently.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use super::english::{looks_plural, regular_plural, singular_forms};
use super::problem::{Problems, line_of};
use super::schema::{self, RawEntry, collapse_whitespace};
use crate::normalize::{MAX_KEY_LEN, NormalizedKey};
use crate::taxonomy::{Category, Platform};
use toml::Spanned;

/// The longest summary, in characters: it has to fit a tooltip.
pub const MAX_SUMMARY_CHARS: usize = 160;
/// The longest any other text of an entry may be, in characters (a definition of five long sentences
/// is about 1,000).
pub const MAX_TEXT_CHARS: usize = 2_000;
/// The most items any list of an entry (aliases, examples, benefits, related, sources, ...) may hold.
pub const MAX_LIST_LEN: usize = 64;
/// The largest glossary file, in bytes; a real entry is a few kilobytes.
pub const MAX_FILE_BYTES: usize = 64 * 1024;

/// A validated entry, with its links resolved to positions in [`CompiledGlossary::entries`](super::CompiledGlossary::entries).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The file it came from.
    pub file: PathBuf,
    /// The slug (the file's name without `.toml`).
    pub slug: String,
    /// The display name.
    pub name: String,
    /// Other names, as written.
    pub aliases: Vec<String>,
    /// The category.
    pub category: Category,
    /// The one-sentence summary, white space collapsed.
    pub summary: String,
    /// The definition, white space collapsed.
    pub definition: String,
    /// Examples, white space collapsed.
    pub examples: Vec<String>,
    /// Why the term matters.
    pub benefits: Vec<EntryBenefit>,
    /// Where the term is used most, and why.
    pub platforms: Vec<EntryPlatform>,
    /// Related entries: the explicit links in file order, then the entries that link here, in slug order.
    /// A position `p` at or past the number of entries names term `p - entries.len()` of the base
    /// glossary (see [`Builder::extend_builtin`](super::Builder::extend_builtin)).
    pub related: Vec<usize>,
    /// How many of `related` the entry listed itself.
    pub explicit_related: usize,
    /// The formula, for metrics.
    pub formula: Option<String>,
    /// A typical numeric band.
    pub range: Option<EntryRange>,
    /// When the entry was last checked.
    pub last_reviewed: Option<EntryDate>,
    /// For a retired feature: when, what replaced it, what happened.
    pub deprecation: Option<EntryDeprecation>,
    /// How the entry's spellings may be found in running text.
    pub text_match: TextMatch,
    /// Plain descriptions people type when they look for the term without knowing its name
    /// (indexed by search, never shown).
    pub phrasings: Vec<String>,
    /// Where the entry's facts come from.
    pub sources: Vec<EntrySource>,
}

/// A page an entry cites for its facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntrySource {
    /// An `https://` URL.
    pub url: String,
    /// The page's title.
    pub title: String,
    /// When the page was read.
    pub accessed: Option<EntryDate>,
}

/// Why an entry's term matters: one of its `[[benefits]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryBenefit {
    /// The benefit in a few words.
    pub title: String,
    /// What it brings, white space collapsed.
    pub description: String,
}

/// A platform where an entry's term is used most: one of its `[[platforms]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryPlatform {
    /// The platform.
    pub platform: Platform,
    /// Why the term matters there, white space collapsed.
    pub why: String,
}

/// An entry's typical numeric band (`[range]`).
#[derive(Debug, Clone, PartialEq)]
pub struct EntryRange {
    /// The lower bound.
    pub min: f64,
    /// The upper bound, if the band has one.
    pub max: Option<f64>,
    /// What the numbers count ("followers", "USD").
    pub unit: String,
    /// Where sources disagree.
    pub note: String,
}

/// A calendar date an entry states (`last_reviewed`, a source's `accessed`), checked to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct EntryDate {
    /// The year.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, from 1.
    pub day: u8,
}

/// An entry's `[deprecated]` table: a retired feature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryDeprecation {
    /// When it was retired: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub since: String,
    /// The entry that replaced it: a position in
    /// [`CompiledGlossary::entries`](super::CompiledGlossary::entries), as `Entry::related` counts.
    pub superseded_by: Option<usize>,
    /// What happened, white space collapsed.
    pub note: String,
}

/// How [`find_terms`](crate::Glossary::find_terms) may spot an entry in running text. Set with
/// `text_match` in the entry's file, for names that are also everyday words ("Threads", "Ban").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum TextMatch {
    /// Any ASCII case (`text_match = "any-case"`, the default).
    #[default]
    AnyCase,
    /// Only as capitalized in the name or alias (`"exact-case"`): "Threads" is the app, "threads" is not.
    ExactCase,
    /// Never (`"never"`): the everyday sense dominates ("ban", "mute", "mid").
    Never,
}

/// Links as written, kept with their lines until every slug is known.
struct PendingLinks {
    related: Vec<(String, usize)>,
    superseded_by: Option<(String, usize)>,
}

/// Checks every file and, when all pass, returns the entries in slug order and the lookup keys.
pub(crate) fn validate(
    files: &[(PathBuf, Vec<u8>)],
    folder: &Path,
    base_slugs: &[String],
) -> Result<(Vec<Entry>, BTreeMap<String, usize>), Problems> {
    let mut problems = Problems::default();
    if files.is_empty() {
        problems.push(
            folder,
            None,
            "no glossary entries (*.toml files) found in this folder",
        );
        return problems.into_result((Vec::new(), BTreeMap::new()));
    }
    let mut entries = Vec::new();
    let mut pending = Vec::new();
    let mut key_lines: Vec<Vec<(String, usize)>> = Vec::new();
    // Files that could not be read are already reported; links to them are not reported again.
    let mut unreadable: BTreeSet<String> = BTreeSet::new();
    for (path, bytes) in files {
        let slug = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        if bytes.len() > MAX_FILE_BYTES {
            problems.push(
                path,
                None,
                format!(
                    "the file has {} bytes, more than the {MAX_FILE_BYTES} an entry may have",
                    bytes.len()
                ),
            );
            unreadable.insert(slug);
            continue;
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                let valid = std::str::from_utf8(&bytes[..err.valid_up_to()]).unwrap_or("");
                problems.push(
                    path,
                    Some(line_of(valid, valid.len())),
                    "the file is not valid UTF-8",
                );
                unreadable.insert(slug);
                continue;
            }
        };
        let raw = match schema::parse(text) {
            Ok(raw) => raw,
            Err((offset, message)) => {
                problems.push(path, Some(line_of(text, offset)), message);
                unreadable.insert(slug);
                continue;
            }
        };
        let (entry, links, keys) = check_entry(path, text, &slug, raw, &mut problems);
        entries.push(entry);
        pending.push(links);
        key_lines.push(keys);
    }

    // Entries arrive in slug order; positions are final from here on.
    let own: BTreeMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.slug.as_str(), i))
        .collect();
    // Own entries first, then the base glossary's, numbered after the own ones.
    let count = entries.len();
    let position = |slug: &str| -> Option<usize> {
        own.get(slug).copied().or_else(|| {
            base_slugs
                .binary_search_by(|s| s.as_str().cmp(slug))
                .ok()
                .map(|b| count + b)
        })
    };
    let mut explicit: Vec<Vec<usize>> = Vec::with_capacity(entries.len());
    let mut superseded = Vec::with_capacity(entries.len());
    for (i, links) in pending.iter().enumerate() {
        let entry = &entries[i];
        let mut list = Vec::new();
        let mut listed = HashSet::new();
        for (slug, line) in &links.related {
            match position(slug.as_str()).as_ref() {
                _ if *slug == entry.slug => problems.push(
                    &entry.file,
                    Some(*line),
                    format!("`related` lists the entry itself ({slug})"),
                ),
                Some(&j) if !listed.insert(j) => problems.push(
                    &entry.file,
                    Some(*line),
                    format!("`related` lists {slug} twice"),
                ),
                Some(&j) => list.push(j),
                None if unreadable.contains(slug) => {}
                None => problems.push(
                    &entry.file,
                    Some(*line),
                    format!("`related` names {slug:?}, but there is no {slug}.toml"),
                ),
            }
        }
        explicit.push(list);
        superseded.push(match &links.superseded_by {
            None => None,
            Some((slug, line)) => match position(slug.as_str()).as_ref() {
                _ if *slug == entry.slug => {
                    problems.push(
                        &entry.file,
                        Some(*line),
                        "`superseded_by` names the entry itself",
                    );
                    None
                }
                Some(&j) => Some(j),
                None if unreadable.contains(slug) => None,
                None => {
                    problems.push(
                        &entry.file,
                        Some(*line),
                        format!("`superseded_by` names {slug:?}, but there is no {slug}.toml"),
                    );
                    None
                }
            },
        });
    }

    report_replacement_cycles(&entries, &pending, &superseded, &mut problems);

    // Lookup keys: a key may belong to one entry only.
    let mut keys: BTreeMap<String, usize> = BTreeMap::new();
    for (i, entry_keys) in key_lines.iter().enumerate() {
        for (key, line) in entry_keys {
            match keys.get(key) {
                Some(&owner) if owner != i => {
                    let other = &entries[owner];
                    problems.push(
                        &entries[i].file,
                        Some(*line),
                        format!(
                            "{key:?} is already a name, alias or slug of {} ({})",
                            other.slug,
                            other.file.display()
                        ),
                    );
                }
                _ => {
                    keys.insert(key.clone(), i);
                }
            }
        }
    }
    add_derived_keys(&mut keys);

    // Related links are symmetric: explicit links first, then back-links in slug order.
    let mut backlinks: Vec<Vec<usize>> = vec![Vec::new(); entries.len()];
    for (i, list) in explicit.iter().enumerate() {
        // Base terms are compiled already and cannot link back.
        for &j in list.iter().filter(|&&j| j < count) {
            backlinks[j].push(i);
        }
    }
    for (i, entry) in entries.iter_mut().enumerate() {
        let mut related = explicit[i].clone();
        entry.explicit_related = related.len();
        let mut listed: HashSet<usize> = related.iter().copied().collect();
        for &j in &backlinks[i] {
            if listed.insert(j) {
                related.push(j);
            }
        }
        entry.related = related;
        if let Some(dep) = entry.deprecation.as_mut() {
            dep.superseded_by = superseded[i];
        }
    }
    problems.into_result((entries, keys))
}

/// Reports every cycle of `superseded_by` (A replaced by B, B replaced by A), once, at each link of it:
/// a retired feature cannot be replaced by itself. Each entry names at most one successor, so
/// following the links from every entry, and never twice through the same entry, is linear.
fn report_replacement_cycles(
    entries: &[Entry],
    pending: &[PendingLinks],
    superseded: &[Option<usize>],
    problems: &mut Problems,
) {
    // 0: not visited, 1: on the path being followed, 2: done.
    let mut state = vec![0u8; entries.len()];
    for start in 0..entries.len() {
        let mut path = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at.filter(|&i| i < entries.len() && state[i] == 0) {
            state[i] = 1;
            path.push(i);
            at = superseded[i];
        }
        if let Some(i) = at.filter(|&i| i < entries.len() && state[i] == 1) {
            let cycle = &path[path.iter().position(|&p| p == i).unwrap_or(0)..];
            let names: Vec<&str> = cycle.iter().map(|&c| entries[c].slug.as_str()).collect();
            for &c in cycle {
                let line = pending[c].superseded_by.as_ref().map(|(_, line)| *line);
                problems.push(
                    &entries[c].file,
                    line,
                    format!(
                        "`superseded_by` makes a cycle ({} -> {}): a replacement cannot lead back",
                        names.join(" -> "),
                        names[0]
                    ),
                );
            }
        }
        for i in path {
            state[i] = 2;
        }
    }
}

/// Every text of a raw entry with the name of its field and where it starts, for the checks that
/// apply to all text alike.
fn raw_texts(raw: &RawEntry) -> Vec<(&'static str, &str, usize)> {
    let mut texts = vec![
        ("name", raw.name.get_ref().as_str(), raw.name.span().start),
        (
            "category",
            raw.category.get_ref(),
            raw.category.span().start,
        ),
        ("summary", raw.summary.get_ref(), raw.summary.span().start),
        (
            "definition",
            raw.definition.get_ref(),
            raw.definition.span().start,
        ),
    ];
    for (field, items) in [
        ("aliases", &raw.aliases),
        ("examples", &raw.examples),
        ("related", &raw.related),
        ("phrasings", &raw.phrasings),
    ] {
        texts
            .extend((items.iter()).map(|item| (field, item.get_ref().as_str(), item.span().start)));
    }
    for b in &raw.benefits {
        let at = b.span().start;
        texts.push(("benefits.title", &b.get_ref().title, at));
        texts.push(("benefits.description", &b.get_ref().description, at));
    }
    for p in &raw.platforms {
        let at = p.span().start;
        texts.push(("platforms.platform", p.get_ref().platform.get_ref(), at));
        texts.push(("platforms.why", &p.get_ref().why, at));
    }
    for s in &raw.sources {
        let at = s.span().start;
        texts.push(("sources.url", s.get_ref().url.get_ref(), at));
        texts.push(("sources.title", &s.get_ref().title, at));
    }
    for (field, item) in [
        ("formula", &raw.formula),
        ("last_reviewed", &raw.last_reviewed),
        ("text_match", &raw.text_match),
    ] {
        if let Some(item) = item {
            texts.push((field, item.get_ref(), item.span().start));
        }
    }
    if let Some(r) = &raw.range {
        texts.push(("range.unit", &r.get_ref().unit, r.span().start));
        texts.push(("range.note", &r.get_ref().note, r.span().start));
    }
    if let Some(d) = &raw.deprecated {
        texts.push((
            "deprecated.since",
            d.get_ref().since.get_ref(),
            d.span().start,
        ));
        texts.push(("deprecated.note", &d.get_ref().note, d.span().start));
    }
    texts
}

/// The checks every text and list of an entry gets: no control, bidi or invisible format characters
/// (they would reach terminals and web pages, reorder or hide text, and make equal-looking names
/// differ), no text longer than [`MAX_TEXT_CHARS`], no list longer than [`MAX_LIST_LEN`].
fn check_texts(path: &Path, text: &str, raw: &RawEntry, problems: &mut Problems) {
    for (field, value, at) in raw_texts(raw) {
        if let Some(c) = value.chars().find(|&c| is_forbidden(c)) {
            problems.push(
                path,
                Some(line_of(text, at)),
                format!(
                    "`{field}` holds U+{:04X}, a control, bidi or invisible format character; remove it",
                    u32::from(c)
                ),
            );
        }
        let chars = value.chars().count();
        if chars > MAX_TEXT_CHARS {
            problems.push(
                path,
                Some(line_of(text, at)),
                format!("`{field}` has {chars} characters; keep it to {MAX_TEXT_CHARS} or fewer"),
            );
        }
    }
    let lists = [
        ("aliases", raw.aliases.len()),
        ("examples", raw.examples.len()),
        ("benefits", raw.benefits.len()),
        ("platforms", raw.platforms.len()),
        ("related", raw.related.len()),
        ("phrasings", raw.phrasings.len()),
        ("sources", raw.sources.len()),
    ];
    for (field, len) in lists {
        if len > MAX_LIST_LEN {
            problems.push(
                path,
                None,
                format!("`{field}` has {len} items; keep it to {MAX_LIST_LEN} or fewer"),
            );
        }
    }
}

/// Characters no entry may hold: C0 and C1 controls other than the tab and line breaks that folding
/// white space removes, DEL, bidi controls and marks, and the invisible format characters (zero-width
/// spaces and joiners, word joiners, the byte-order mark, soft hyphens, tag characters, ...).
fn is_forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// Adds the forms people type beyond the written keys: the singular of a plural name ("reels" finds
/// "Reels" as "reel", "stories" as "story"), then the regular plural and the possessive of every key
/// ("ctas", "stories", and "storys" for "story's", whose apostrophe normalizing drops). A derived form
/// never displaces a written key (nor a plural a singular), and a form derived for two different
/// entries is left out, since it would be ambiguous. Lookup then needs one probe for any of them.
fn add_derived_keys(keys: &mut BTreeMap<String, usize>) {
    let singulars = derived_forms(keys, singular_forms);
    keys.extend(singulars);
    let plurals = derived_forms(keys, |key| {
        if looks_plural(key) {
            return Vec::new();
        }
        let (plural, possessive) = (regular_plural(key), format!("{key}s"));
        if plural == possessive {
            vec![plural]
        } else {
            vec![plural, possessive]
        }
    });
    keys.extend(plurals);
}

/// The forms `derive` gives for the keys, each mapped to its key's owner, without those that are keys
/// already or that two owners would share.
fn derived_forms(
    keys: &BTreeMap<String, usize>,
    derive: impl Fn(&str) -> Vec<String>,
) -> BTreeMap<String, usize> {
    let mut found: BTreeMap<String, Option<usize>> = BTreeMap::new();
    for (key, &owner) in keys {
        for form in derive(key) {
            if form.len() > MAX_KEY_LEN || keys.contains_key(&form) {
                continue;
            }
            found
                .entry(form)
                .and_modify(|o| {
                    if *o != Some(owner) {
                        *o = None;
                    }
                })
                .or_insert(Some(owner));
        }
    }
    (found.into_iter())
        .filter_map(|(form, owner)| Some((form, owner?)))
        .collect()
}

/// Checks one parsed entry on its own. Returns the entry (links unresolved), its links with their
/// lines, and its normalized keys with their lines.
fn check_entry(
    path: &Path,
    text: &str,
    slug: &str,
    raw: RawEntry,
    problems: &mut Problems,
) -> (Entry, PendingLinks, Vec<(String, usize)>) {
    let line = |offset: usize| Some(line_of(text, offset));
    if !is_valid_slug(slug) {
        problems.push(
            path,
            None,
            format!("the file name {slug:?} is not a valid slug: use lowercase ASCII letters and digits joined by single hyphens"),
        );
    }

    check_texts(path, text, &raw, problems);

    let mut keys: Vec<(String, usize)> = Vec::new();
    let mut seen_keys: HashSet<String> = HashSet::new();
    let mut add_key = |written: &str, at: usize, what: &str, problems: &mut Problems| {
        if written.trim().is_empty() {
            problems.push(path, line(at), format!("{what} is empty"));
            return;
        }
        match NormalizedKey::new(written) {
            Some(key) => {
                let key = key.as_str().to_owned();
                if seen_keys.insert(key.clone()) {
                    keys.push((key, line_of(text, at)));
                }
            }
            None if written.chars().any(char::is_alphanumeric) => problems.push(
                path,
                line(at),
                format!("{what} {written:?} is longer than {MAX_KEY_LEN} bytes once normalized"),
            ),
            None => problems.push(
                path,
                line(at),
                format!(
                    "{what} {written:?} is only punctuation and spaces, which lookup ignores; \
                     give it letters or digits"
                ),
            ),
        }
    };
    let name = raw.name.get_ref().trim().to_owned();
    add_key(&name, raw.name.span().start, "`name`", problems);
    let mut aliases = Vec::new();
    let mut seen_aliases: HashSet<String> = HashSet::from([name.to_ascii_lowercase()]);
    for alias in &raw.aliases {
        let written = alias.get_ref().trim();
        if !seen_aliases.insert(written.to_ascii_lowercase()) {
            problems.push(
                path,
                line(alias.span().start),
                format!("alias {written:?} is listed twice"),
            );
            continue;
        }
        add_key(written, alias.span().start, "an alias", problems);
        aliases.push(written.to_owned());
    }
    if is_valid_slug(slug) {
        let slug_key = NormalizedKey::new(slug).map(|k| k.as_str().to_owned());
        let spelled = letters_and_digits(slug);
        if !std::iter::once(&name)
            .chain(&aliases)
            .any(|written| letters_and_digits(written) == spelled)
        {
            problems.push(
                path,
                line(raw.name.span().start),
                format!("the file name {slug:?} does not match the name {name:?} or any alias; name the file after the term"),
            );
        }
        if let Some(slug_key) = slug_key {
            if seen_keys.insert(slug_key.clone()) {
                keys.push((slug_key, 1));
            }
        }
    }

    let category = match raw.category.get_ref().parse::<Category>() {
        Ok(c) => c,
        Err(err) => {
            problems.push(path, line(raw.category.span().start), err.to_string());
            Category::ALL[0]
        }
    };

    let summary = collapse_whitespace(raw.summary.get_ref());
    let summary_chars = summary.chars().count();
    if summary.is_empty() {
        problems.push(path, line(raw.summary.span().start), "`summary` is empty");
    } else if summary_chars > MAX_SUMMARY_CHARS {
        problems.push(
            path,
            line(raw.summary.span().start),
            format!(
                "`summary` has {summary_chars} characters; keep it to {MAX_SUMMARY_CHARS} or fewer"
            ),
        );
    }
    let definition = collapse_whitespace(raw.definition.get_ref());
    if definition.is_empty() {
        problems.push(
            path,
            line(raw.definition.span().start),
            "`definition` is empty",
        );
    }

    // Each text of a list, white space collapsed; an empty one is a problem.
    let texts_of = |items: &[Spanned<String>], what: &str, problems: &mut Problems| {
        (items.iter())
            .map(|item| {
                let folded = collapse_whitespace(item.get_ref());
                if folded.is_empty() {
                    problems.push(path, line(item.span().start), format!("{what} is empty"));
                }
                folded
            })
            .collect::<Vec<String>>()
    };
    let examples = texts_of(&raw.examples, "an example", problems);
    let phrasings = texts_of(&raw.phrasings, "a phrasing", problems);
    // A date of the form YYYY-MM-DD, or a problem that names the field.
    let date_of = |d: &Spanned<String>, field: &str, problems: &mut Problems| {
        let parsed = parse_date(d.get_ref());
        if parsed.is_none() {
            problems.push(
                path,
                line(d.span().start),
                format!(
                    "{field} {:?} is not a date of the form YYYY-MM-DD",
                    d.get_ref()
                ),
            );
        }
        parsed
    };

    let mut benefits = Vec::new();
    for benefit in &raw.benefits {
        let (title, description) = (
            collapse_whitespace(&benefit.get_ref().title),
            collapse_whitespace(&benefit.get_ref().description),
        );
        if title.is_empty() || description.is_empty() {
            problems.push(
                path,
                line(benefit.span().start),
                "a benefit needs a non-empty `title` and `description`",
            );
        }
        benefits.push(EntryBenefit { title, description });
    }

    let mut platforms: Vec<EntryPlatform> = Vec::new();
    for usage in &raw.platforms {
        let usage_ = usage.get_ref();
        let why = collapse_whitespace(&usage_.why);
        if why.is_empty() {
            problems.push(
                path,
                line(usage.span().start),
                "a platform needs a non-empty `why`",
            );
        }
        match usage_.platform.get_ref().parse::<Platform>() {
            Ok(p) if platforms.iter().any(|usage| usage.platform == p) => problems.push(
                path,
                line(usage_.platform.span().start),
                format!("platform {p} is listed twice"),
            ),
            Ok(platform) => platforms.push(EntryPlatform { platform, why }),
            Err(err) => problems.push(path, line(usage_.platform.span().start), err.to_string()),
        }
    }

    let formula = raw.formula.as_ref().map(|f| {
        let text_ = collapse_whitespace(f.get_ref());
        if text_.is_empty() {
            problems.push(
                path,
                line(f.span().start),
                "`formula` is empty; leave it out instead",
            );
        }
        text_
    });

    let range = raw.range.as_ref().map(|r| {
        let r_ = r.get_ref();
        let (min, max) = (r_.min.value(), r_.max.map(|m| m.value()));
        if !min.is_finite() || max.is_some_and(|m| !m.is_finite()) {
            problems.push(
                path,
                line(r.span().start),
                "`range` bounds must be finite numbers",
            );
        } else if max.is_some_and(|max| max < min) {
            problems.push(
                path,
                line(r.span().start),
                "`range.max` is smaller than `range.min`",
            );
        }
        let (unit, note) = (collapse_whitespace(&r_.unit), collapse_whitespace(&r_.note));
        if unit.is_empty() || note.is_empty() {
            problems.push(
                path,
                line(r.span().start),
                "`range` needs a non-empty `unit` and `note`",
            );
        }
        EntryRange {
            min,
            max,
            unit,
            note,
        }
    });

    let last_reviewed =
        (raw.last_reviewed.as_ref()).and_then(|d| date_of(d, "`last_reviewed`", problems));

    let mut superseded_by = None;
    let deprecation = raw.deprecated.as_ref().map(|d| {
        let d_ = d.get_ref();
        let since = d_.since.get_ref().trim().to_owned();
        if !is_partial_date(&since) {
            problems.push(
                path,
                line(d_.since.span().start),
                format!("`deprecated.since` {since:?} must be YYYY, YYYY-MM or YYYY-MM-DD"),
            );
        }
        let note = collapse_whitespace(&d_.note);
        if note.is_empty() {
            problems.push(
                path,
                line(d.span().start),
                "`deprecated.note` is empty: say what happened",
            );
        }
        superseded_by = d_
            .superseded_by
            .as_ref()
            .map(|s| (s.get_ref().trim().to_owned(), line_of(text, s.span().start)));
        EntryDeprecation {
            since,
            superseded_by: None,
            note,
        }
    });

    let text_match = match raw
        .text_match
        .as_ref()
        .map(|t| (t.get_ref().as_str(), t.span().start))
    {
        None | Some(("any-case", _)) => TextMatch::AnyCase,
        Some(("exact-case", _)) => TextMatch::ExactCase,
        Some(("never", _)) => TextMatch::Never,
        Some((other, at)) => {
            problems.push(
                path,
                line(at),
                format!("`text_match` {other:?} must be \"any-case\", \"exact-case\" or \"never\""),
            );
            TextMatch::AnyCase
        }
    };

    let mut sources = Vec::new();
    for source in &raw.sources {
        let source_ = source.get_ref();
        let url = source_.url.get_ref().trim().to_owned();
        if let Err(why) = check_url(&url) {
            problems.push(
                path,
                line(source_.url.span().start),
                format!("source url {url:?} {why}"),
            );
        }
        let title = collapse_whitespace(&source_.title);
        if title.is_empty() {
            problems.push(
                path,
                line(source.span().start),
                "a source needs a non-empty `title`",
            );
        }
        let accessed =
            (source_.accessed.as_ref()).and_then(|d| date_of(d, "source `accessed`", problems));
        sources.push(EntrySource {
            url,
            title,
            accessed,
        });
    }

    let related = raw
        .related
        .iter()
        .map(|r| (r.get_ref().trim().to_owned(), line_of(text, r.span().start)))
        .collect();

    let entry = Entry {
        file: path.to_path_buf(),
        slug: slug.to_owned(),
        name,
        aliases,
        category,
        summary,
        definition,
        examples,
        benefits,
        platforms,
        related: Vec::new(),
        explicit_related: 0,
        formula,
        range,
        last_reviewed,
        deprecation,
        text_match,
        phrasings,
        sources,
    };
    (
        entry,
        PendingLinks {
            related,
            superseded_by,
        },
        keys,
    )
}

/// Checks that `url` is a well-formed `https://` URL: a host, and no white space or control
/// characters anywhere. Returns what is wrong otherwise.
fn check_url(url: &str) -> Result<(), &'static str> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Err("must start with https://");
    };
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must not contain spaces or control characters");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host_name = host.split(':').next().unwrap_or(host);
    let labels_ok = host_name.split('.').count() >= 2
        && host_name.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    if !labels_ok {
        return Err("needs a host name such as example.com");
    }
    Ok(())
}

/// The letters and digits of `s`, lower-cased: what a slug must share with the name or an alias.
fn letters_and_digits(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `s` is lowercase ASCII letters and digits joined by single hyphens.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn parse_date(s: &str) -> Option<EntryDate> {
    let mut parts = s.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits =
        |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    let (year, month, day): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&day)
        .then_some(EntryDate { year, month, day })
}

fn is_partial_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [y] => y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()),
        [y, m] => parse_date(&format!("{y}-{m}-01")).is_some(),
        [_, _, _] => parse_date(s).is_some(),
        _ => false,
    }
}
