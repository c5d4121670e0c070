//! The indexes computed at build time from validated entries: the as-typed spellings, the sorted
//! spelling table (for completion and suggestions), its trigram index, the word index for ranked search,
//! and the patterns for finding terms in text.

use std::collections::{BTreeMap, BTreeSet};

use super::english::{looks_plural, regular_plural, singular_forms};
use super::validate::{Entry, TextMatch};
use crate::normalize::{NormalizedKey, key_trigrams};
use crate::tokenize::{field, for_each_token};
use crate::typed::{FOLD_AMBIGUOUS, fold};

/// One way to write a term: its normalized key, the text as written, and the entry.
pub(crate) struct Spelling {
    pub key: String,
    pub text: String,
    pub entry: usize,
}

/// The spellings as typed of the lookup table (see `src/typed.rs`), [folded](fold), each with the entry
/// its normalized key finds, so that the table answers exactly what normalizing would. For every slug,
/// name and alias that is ASCII: the text as written and with its spaces and hyphens dropped, and the
/// regular plural and the possessive "s" of each. A spelling longer than the table takes, holding a
/// byte the fold confuses, or whose key is not a lookup key is left out.
pub(crate) fn typed_forms(
    entries: &[Entry],
    keys: &BTreeMap<String, usize>,
) -> BTreeMap<String, usize> {
    let mut forms = BTreeMap::new();
    let spellings = entries.iter().flat_map(|e| {
        std::iter::once(&e.slug)
            .chain(std::iter::once(&e.name))
            .chain(&e.aliases)
    });
    for text in spellings.filter(|text| text.is_ascii()) {
        let mut variants = vec![text.clone(), text.replace([' ', '-'], "")];
        let plurals: Vec<String> = (variants.iter())
            .filter(|v| !looks_plural(v))
            .flat_map(|v| [regular_plural(v), format!("{v}s")])
            .collect();
        variants.extend(plurals);
        for form in variants {
            if form.bytes().any(|b| FOLD_AMBIGUOUS.contains(&b)) {
                continue;
            }
            let owner = NormalizedKey::new(&form).and_then(|key| keys.get(key.as_str()));
            if let (Some(folded), Some(&owner)) = (fold(&form), owner) {
                let folded = String::from_utf8_lossy(&folded[..form.len()]).into_owned();
                forms.insert(folded, owner);
            }
        }
    }
    forms
}

/// Every name and alias, one per normalized key, sorted by key.
pub(crate) fn spellings(entries: &[Entry]) -> Vec<Spelling> {
    let mut by_key: BTreeMap<String, Spelling> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        for text in std::iter::once(&e.name).chain(&e.aliases) {
            if let Some(key) = NormalizedKey::new(text) {
                by_key
                    .entry(key.as_str().to_owned())
                    .or_insert_with(|| Spelling {
                        key: key.as_str().to_owned(),
                        text: text.clone(),
                        entry: i,
                    });
            }
        }
    }
    by_key.into_values().collect()
}

/// Trigram -> ascending positions in the spelling table of the spellings that contain it.
pub(crate) fn gram_index(spellings: &[Spelling]) -> BTreeMap<u32, Vec<u32>> {
    let mut index: BTreeMap<u32, BTreeSet<u32>> = BTreeMap::new();
    for (i, s) in spellings.iter().enumerate() {
        for gram in key_trigrams(&s.key) {
            index.entry(gram).or_default().insert(i as u32);
        }
    }
    index
        .into_iter()
        .map(|(g, set)| (g, set.into_iter().collect()))
        .collect()
}

/// BM25's term-frequency saturation and length normalization, for the summary and the definition.
const BM25_K1: f32 = 1.2;
const BM25_B: f32 = 0.75;
/// How much a word counts in each field. A name or alias counts in full only when the word is all of
/// it: "post" is a third of "saved posts" and the whole of "Post".
const NAME_WEIGHT: f32 = 3.0;
const ALIAS_WEIGHT: f32 = 2.5;
const SUMMARY_WEIGHT: f32 = 1.5;
/// Phrasings are written to be what people type, so a word there counts like one in the summary.
const PHRASING_WEIGHT: f32 = 1.5;
const DEFINITION_WEIGHT: f32 = 1.0;
const CATEGORY_WEIGHT: f32 = 0.5;
/// How much an entry's number of related links raises its weights: a prior for vague queries, as terms
/// many entries link to (reach, engagement) are likelier to be meant than narrow ones that happen to
/// share the words.
const PROMINENCE_WEIGHT: f32 = 0.25;

/// Word -> (entry, fields it occurs in, weight), entries ascending. The weight is what one occurrence of
/// the word in a query adds to the entry's score, before the word's rarity (idf) is applied at run time:
/// where and how often the word occurs, times the entry's prominence.
pub(crate) fn word_index(entries: &[Entry]) -> BTreeMap<String, Vec<(usize, u8, f32)>> {
    #[derive(Default)]
    struct Occurrences {
        fields: u8,
        name_share: f32,
        alias_share: f32,
        summary: u32,
        definition: u32,
        phrasings: u32,
    }
    fn tokens(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_token(text, |t| out.push(t.to_owned()));
        out
    }
    fn occurrences<'a>(
        index: &'a mut BTreeMap<String, BTreeMap<usize, Occurrences>>,
        word: &str,
        entry: usize,
    ) -> &'a mut Occurrences {
        index
            .entry(word.to_owned())
            .or_default()
            .entry(entry)
            .or_default()
    }
    let mut index: BTreeMap<String, BTreeMap<usize, Occurrences>> = BTreeMap::new();
    let mut lengths = vec![(0usize, 0usize, 0usize); entries.len()];
    for (i, e) in entries.iter().enumerate() {
        for (text, is_name) in
            std::iter::once((&e.name, true)).chain(e.aliases.iter().map(|a| (a, false)))
        {
            let words = tokens(text);
            let share = 1.0 / words.len().max(1) as f32;
            for word in &words {
                let o = occurrences(&mut index, word, i);
                if is_name {
                    o.fields |= field::NAME;
                    o.name_share = o.name_share.max(share);
                } else {
                    o.fields |= field::ALIAS;
                    o.alias_share = o.alias_share.max(share);
                }
            }
        }
        let summary = tokens(&e.summary);
        lengths[i].0 = summary.len();
        for word in &summary {
            let o = occurrences(&mut index, word, i);
            o.fields |= field::SUMMARY;
            o.summary += 1;
        }
        let definition = tokens(&e.definition);
        lengths[i].1 = definition.len();
        for word in &definition {
            let o = occurrences(&mut index, word, i);
            o.fields |= field::DEFINITION;
            o.definition += 1;
        }
        let phrasings: Vec<String> = e.phrasings.iter().flat_map(|p| tokens(p)).collect();
        lengths[i].2 = phrasings.len();
        for word in &phrasings {
            let o = occurrences(&mut index, word, i);
            o.fields |= field::PHRASING;
            o.phrasings += 1;
        }
        for word in tokens(e.category.as_str()) {
            occurrences(&mut index, &word, i).fields |= field::CATEGORY;
        }
    }
    let n = entries.len().max(1) as f32;
    let average_summary = lengths.iter().map(|l| l.0).sum::<usize>().max(1) as f32 / n;
    let average_definition = lengths.iter().map(|l| l.1).sum::<usize>().max(1) as f32 / n;
    let average_phrasings = lengths.iter().map(|l| l.2).sum::<usize>().max(1) as f32 / n;
    let bm25 = |count: u32, length: usize, average: f32| {
        if count == 0 {
            return 0.0;
        }
        let count = count as f32;
        count * (BM25_K1 + 1.0)
            / (count + BM25_K1 * (1.0 - BM25_B + BM25_B * length as f32 / average))
    };
    index
        .into_iter()
        .map(|(word, postings)| {
            let postings = postings
                .into_iter()
                .map(|(i, o)| {
                    let mut weight = NAME_WEIGHT * o.name_share
                        + ALIAS_WEIGHT * o.alias_share
                        + SUMMARY_WEIGHT * bm25(o.summary, lengths[i].0, average_summary)
                        + DEFINITION_WEIGHT * bm25(o.definition, lengths[i].1, average_definition)
                        + PHRASING_WEIGHT * bm25(o.phrasings, lengths[i].2, average_phrasings);
                    if o.fields & field::CATEGORY != 0 {
                        weight += CATEGORY_WEIGHT;
                    }
                    weight *=
                        1.0 + PROMINENCE_WEIGHT * (1.0 + entries[i].related.len() as f32).ln();
                    (i, o.fields, weight)
                })
                .collect();
            (word, postings)
        })
        .collect()
}

/// A literal to look for in running text, the entry it finds, and whether its case must match (short
/// all-capital acronyms such as "AR" or "ER", which would otherwise match ordinary words).
pub(crate) struct FindPattern {
    pub text: String,
    pub entry: usize,
    pub exact_case: bool,
    /// The pattern is an everyday word (`everyday-words.txt`): a mention only where the text is about
    /// social media.
    pub needs_context: bool,
}

/// The everyday words of `everyday-words.txt`.
fn everyday_words() -> BTreeSet<&'static str> {
    (include_str!("everyday-words.txt").lines())
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|word| !word.is_empty())
        .collect()
}

/// The texts that mention an entry in prose: every name and alias as written, with hyphens as spaces or
/// dropped, and their plurals. One-letter spellings ("X") are left out: in prose they
/// are almost never the term. A pattern two entries could claim goes to the entry that wrote it, and is
/// dropped when neither did. Entries whose `text_match` is `never` give no pattern; `exact-case` ones
/// give patterns whose case must match.
pub(crate) fn find_patterns(entries: &[Entry]) -> Vec<FindPattern> {
    let everyday = everyday_words();
    // ASCII-lower-cased pattern -> (entry, written by that entry, exact case)
    let mut claims: BTreeMap<String, (Option<usize>, bool, bool, String)> = BTreeMap::new();
    let mut claim = |text: String, entry: usize, written: bool, exact_case: bool| {
        if text.trim().chars().count() < 2 {
            return;
        }
        let lower = text.to_ascii_lowercase();
        match claims.get_mut(&lower) {
            None => {
                claims.insert(lower, (Some(entry), written, exact_case, text));
            }
            Some(slot) if slot.0 == Some(entry) => slot.1 |= written,
            Some(slot) if slot.1 => {}
            Some(slot) if written => *slot = (Some(entry), true, exact_case, text),
            Some(slot) => slot.0 = None,
        }
    };
    let in_text = || {
        entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.text_match != TextMatch::Never)
    };
    for (i, e) in in_text() {
        for text in std::iter::once(&e.name).chain(&e.aliases) {
            let text = text.trim();
            let exact_case = e.text_match == TextMatch::ExactCase || is_short_acronym(text);
            claim(text.to_owned(), i, true, exact_case);
        }
    }
    for (i, e) in in_text() {
        for text in std::iter::once(&e.name).chain(&e.aliases) {
            let text = text.trim();
            let exact_case = e.text_match == TextMatch::ExactCase || is_short_acronym(text);
            let mut forms: BTreeSet<String> = BTreeSet::new();
            forms.insert(text.to_owned());
            forms.insert(text.replace('-', " "));
            forms.insert(text.replace('-', ""));
            forms.insert(text.replace(' ', "-"));
            for form in forms {
                if !looks_plural(&form) {
                    claim(plural(&form, exact_case), i, false, exact_case);
                }
                // The singular of a plural name ("a Reel" for Reels, "a story highlight"): for names of
                // several words, and for one word only if it is an everyday word, which is found in
                // context only ("news" is not "new").
                if !exact_case {
                    let lower = form.to_ascii_lowercase();
                    for singular in singular_forms(&lower) {
                        let one_word = !singular.contains([' ', '-']);
                        if singular.len() >= 4
                            && (!one_word || everyday.contains(singular.as_str()))
                        {
                            claim(singular, i, false, false);
                        }
                    }
                }
                claim(form, i, false, exact_case);
            }
        }
    }
    let is_everyday = |text: &str| {
        let lower = text.to_ascii_lowercase();
        everyday.contains(lower.as_str())
            || (lower.strip_suffix('s')).is_some_and(|singular| everyday.contains(singular))
    };
    claims
        .into_values()
        .filter_map(|(entry, _, exact_case, text)| {
            entry.map(|entry| FindPattern {
                needs_context: !exact_case && is_everyday(&text),
                text,
                entry,
                exact_case,
            })
        })
        .collect()
}

fn is_short_acronym(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 5 && text.chars().all(|c| !c.is_lowercase())
}

/// The plural of a spelling. Possessives need no pattern of their own: in "Instagram's" the name is
/// followed by an apostrophe, which ends a word, so the name itself matches.
fn plural(text: &str, acronym: bool) -> String {
    if acronym {
        format!("{text}s")
    } else {
        regular_plural(text)
    }
}
