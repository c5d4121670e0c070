//! Suggestions for misspelled or partial queries, and autocompletion, over names and aliases.
//!
//! Both run on the spelling table the compiler sorts by normalized key. Completion is a binary search
//! into it. Suggestions gather candidates through the trigram index and verify them with a bit-parallel
//! edit distance. An edit changes at most four of the query's trigrams (a swap of neighbours touches
//! every trigram holding either of them; an insertion, deletion or substitution three at most), so a
//! key within `k` edits shares at least one of any `4k + 1` of them, and only the rarest `4k + 1` posting
//! lists are read. A query too short to have that many trigrams is checked against every spelling.

use std::fmt;

use crate::edit_distance::Pattern;
use crate::glossary::Glossary;
use crate::normalize::{MAX_KEY_LEN, NormalizedKey, key_trigrams};
use crate::term::Term;

/// A term proposed for a query by [`Glossary::suggest`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Suggestion {
    /// The term.
    pub term: &'static Term,
    /// The name or alias that was close to the query.
    pub matched: &'static str,
    /// How the query relates to `matched`.
    pub kind: SuggestionKind,
}

/// How a query relates to the spelling a [`Suggestion`] matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum SuggestionKind {
    /// The query is this spelling, once normalized.
    Exact,
    /// The query is this many edits (insertions, deletions, substitutions, swaps of neighbours) away.
    Misspelling {
        /// The number of edits, at least 1.
        edits: u8,
    },
    /// The query is the start of this spelling.
    Prefix,
}

/// A name or alias offered by [`Glossary::complete`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Completion {
    /// The term.
    pub term: &'static Term,
    /// The name or alias that starts with the prefix.
    pub matched: &'static str,
}

/// The error for a query that names no term, with the closest terms (see [`Glossary::try_lookup`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no glossary term matches {query:?}{}", DidYouMean(suggestions))]
pub struct UnknownTerm {
    query: String,
    suggestions: Vec<&'static Term>,
}

impl UnknownTerm {
    /// The query that found nothing.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The closest terms, best first; may be empty.
    pub fn suggestions(&self) -> &[&'static Term] {
        &self.suggestions
    }
}

struct DidYouMean<'a>(&'a [&'static Term]);

impl fmt::Display for DidYouMean<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, term) in self.0.iter().enumerate() {
            f.write_str(if i == 0 { "; did you mean " } else { ", " })?;
            write!(f, "{:?}", term.name())?;
        }
        if !self.0.is_empty() {
            f.write_str("?")?;
        }
        Ok(())
    }
}

/// How many edits a query of `len` normalized bytes may be away from a suggestion: none for one or two
/// bytes (anything that short is one edit from dozens of acronyms), one for short words, up to three
/// for long phrases. From five bytes on, never more than its `len` trigrams can rule out (`4k + 1` of
/// them); three- and four-byte queries are checked against every spelling.
fn max_edits(len: usize) -> usize {
    match len {
        0..=2 => 0,
        3..=4 => 1,
        5..=15 => 2.min((len - 1) / 4),
        _ => 3.min((len - 1) / 4),
    }
}

/// How many prefix matches to gather before ranking, per suggestion asked for.
const PREFIX_CANDIDATES_PER_RESULT: usize = 4;

impl Glossary {
    /// The terms closest to a misspelled or partial `query`, best first, at most `n`, one per term.
    ///
    /// An exact match (after normalization) comes first, then spellings one edit away, then names
    /// that start with the query, then spellings two or three edits away.
    ///
    /// ```
    /// let g = social_glossary::glossary();
    /// assert_eq!(g.suggest("engagment rate", 3)[0].term.slug(), "engagement-rate");
    /// assert_eq!(g.suggest("micro-infleuncer", 3)[0].term.slug(), "micro-influencer");
    /// assert_eq!(g.suggest("hashtagg", 3)[0].term.slug(), "hashtag");
    /// ```
    pub fn suggest(&self, query: &str, n: usize) -> Vec<Suggestion> {
        let Some(key) = NormalizedKey::new(query) else {
            return Vec::new();
        };
        if n == 0 {
            return Vec::new();
        }
        // What lookup finds (a name, an alias, or a plural or singular the compiler derived) comes
        // first.
        let mut out: Vec<Suggestion> = Vec::with_capacity(n);
        if let Some(term) = self.lookup_key(&key) {
            out.push(Suggestion {
                term,
                matched: term.name(),
                kind: SuggestionKind::Exact,
            });
        }
        let key = key.as_str();
        // (rank, edits, length difference, fewer related links first reversed, position in the
        // spelling table): among equally close spellings, the term more entries link to is the
        // likelier one.
        let mut ranked: Vec<(u8, usize, usize, core::cmp::Reverse<usize>, usize)> = Vec::new();
        let prominence =
            |position: usize| core::cmp::Reverse(self.spelling(position).term.related().len());

        if let Some(pattern) = Pattern::new(key.as_bytes()) {
            let k = max_edits(key.len());
            for position in self.misspelling_candidates(key, k) {
                let spelling_key = self.spelling_key(position);
                if let Some(edits) = pattern.distance(spelling_key.as_bytes(), k) {
                    let rank = match edits {
                        0 => 0,
                        1 => 1,
                        _ => 3,
                    };
                    ranked.push((
                        rank,
                        edits,
                        spelling_key.len().abs_diff(key.len()),
                        prominence(position),
                        position,
                    ));
                }
            }
        }
        let start = self.first_spelling_at_or_after(key);
        for (offset, spelling) in (start..self.spelling_count())
            .map(|position| self.spelling(position))
            .take_while(|s| s.key.starts_with(key))
            .take(n.saturating_mul(PREFIX_CANDIDATES_PER_RESULT))
            .enumerate()
        {
            let position = start + offset;
            ranked.push((
                2,
                0,
                spelling.key.len() - key.len(),
                prominence(position),
                position,
            ));
        }
        ranked.sort_unstable();

        for (rank, edits, _, _, position) in ranked {
            if out.len() >= n {
                break;
            }
            let spelling = self.spelling(position);
            if out.iter().any(|s| s.term == spelling.term) {
                continue;
            }
            let kind = match rank {
                0 => SuggestionKind::Exact,
                2 => SuggestionKind::Prefix,
                _ => SuggestionKind::Misspelling { edits: edits as u8 },
            };
            out.push(Suggestion {
                term: spelling.term,
                matched: spelling.text,
                kind,
            });
        }
        out
    }

    /// Positions in the spelling table of every key that may be within `k` edits of `key`, ascending:
    /// the union of the posting lists of the query's `3k + 1` rarest trigrams, less the keys whose
    /// length alone puts them more than `k` edits away.
    fn misspelling_candidates<'a>(
        &'a self,
        key: &'a str,
        k: usize,
    ) -> Box<dyn Iterator<Item = usize> + 'a> {
        if key.len() < 4 * k + 1 {
            // Too few trigrams to rule anything out: every spelling of a length within reach.
            let near =
                move |&position: &usize| self.spelling_key(position).len().abs_diff(key.len()) <= k;
            return Box::new((0..self.spelling_count()).filter(near));
        }
        // One trigram per key byte; kept on the stack, as this runs on every query.
        let mut lists = [(0u32, 0u32); MAX_KEY_LEN];
        let mut count = 0;
        for (list, gram) in lists.iter_mut().zip(key_trigrams(key)) {
            *list = self.gram_postings(gram);
            count += 1;
        }
        let lists = &mut lists[..count];
        let needed = 4 * k + 1;
        lists.sort_unstable_by_key(|&(_, len)| len);
        let postings = self.tables().gram_postings;
        // The lists overlap; a bitset over the table unites them in one pass and yields positions in
        // order without sorting (one bit per spelling: a few tens of KiB at 100,000 terms).
        let mut seen = vec![0u64; self.spelling_count().div_ceil(64)];
        for &(start, len) in &lists[..needed] {
            for posting in postings.range(start, len) {
                let len = (posting & 0x7f) as usize;
                if len.abs_diff(key.len()) <= k {
                    let position = (posting >> 7) as usize;
                    if let Some(word) = seen.get_mut(position / 64) {
                        *word |= 1 << (position % 64);
                    }
                }
            }
        }
        Box::new(seen.into_iter().enumerate().flat_map(|(index, mut word)| {
            core::iter::from_fn(move || {
                (word != 0).then(|| {
                    let bit = word.trailing_zeros() as usize;
                    word &= word - 1;
                    index * 64 + bit
                })
            })
        }))
    }

    /// Where the posting list of one trigram lies in `GlossaryTables::gram_postings`, as (start, len);
    /// empty when no key has the trigram.
    fn gram_postings(&self, gram: u32) -> (u32, u32) {
        let tables = self.tables();
        let slot = tables.grams.slot_of_key(&gram.to_le_bytes());
        match tables.gram_rows.row::<3>(slot) {
            [stored, start, len] if stored == gram => (start, len),
            _ => (0, 0),
        }
    }

    /// Autocompletion: names and aliases that start with `prefix`, in alphabetical order of their
    /// normalized form, at most `n`, one per term. Forgiving like [`lookup`](Self::lookup): case,
    /// spaces, hyphens and the other ignored characters do not matter.
    ///
    /// ```
    /// let g = social_glossary::glossary();
    /// let completions = g.complete("Micro-Inf", 5);
    /// assert_eq!(completions[0].term.slug(), "micro-influencer");
    /// assert!(g.complete("engagement r", 10).iter().any(|c| c.term.slug() == "engagement-rate"));
    /// ```
    pub fn complete(&self, prefix: &str, n: usize) -> Vec<Completion> {
        let Some(key) = NormalizedKey::new(prefix) else {
            return Vec::new();
        };
        let key = key.as_str();
        let start = self.first_spelling_at_or_after(key);
        let mut out: Vec<Completion> = Vec::with_capacity(n.min(16));
        for spelling in (start..self.spelling_count())
            .map(|position| self.spelling(position))
            .take_while(|s| s.key.starts_with(key))
        {
            if out.len() == n {
                break;
            }
            if out.iter().all(|c| c.term != spelling.term) {
                out.push(Completion {
                    term: spelling.term,
                    matched: spelling.text,
                });
            }
        }
        out
    }

    /// [`lookup`](Self::lookup) for callers who want a `Result`: a miss becomes an [`UnknownTerm`] error
    /// that carries up to five terms the query may mean (see [`resolve`](Self::resolve)).
    ///
    /// ```
    /// let g = social_glossary::glossary();
    /// assert!(g.try_lookup("UGC").is_ok());
    /// let err = g.try_lookup("engagment rate").unwrap_err();
    /// assert_eq!(err.suggestions()[0].slug(), "engagement-rate");
    /// assert!(err.to_string().contains("did you mean \"Engagement Rate\""));
    /// ```
    pub fn try_lookup(&self, query: &str) -> Result<&'static Term, UnknownTerm> {
        self.lookup(query).ok_or_else(|| UnknownTerm {
            query: query.chars().take(200).collect(),
            suggestions: self.resolve(query, 5).into_iter().map(|r| r.term).collect(),
        })
    }
}
