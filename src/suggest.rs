//! Suggestions for misspelled or partial queries, and autocompletion, over names and aliases.
//!
//! Both run on the spelling table the compiler sorts by normalized key. Completion is a binary search
//! into it. Suggestions gather candidates through the trigram index and verify them with a bit-parallel
//! edit distance. An edit changes at most four of the query's trigrams (a swap of neighbours touches
//! every trigram holding either of them; an insertion, deletion or substitution three at most), so a
//! key within `k` edits holds at least `m - 4k` of any `m` of the query's trigrams: only keys that
//! enough of the rarest posting lists reach are verified. A query too short to rule anything out that way is checked against every
//! spelling.

use std::fmt;

use crate::best::Best;
use crate::edit_distance::Pattern;
use crate::glossary::Glossary;
use crate::normalize::{MAX_KEY_LEN, NormalizedKey, key_trigrams};
use crate::packed::Gaps;
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
/// for long phrases. From five bytes on, never so many that its `len` trigrams rule nothing out
/// (`4k` of them or more); three- and four-byte queries are checked against every spelling.
fn max_edits(len: usize) -> usize {
    match len {
        0..=2 => 0,
        3..=4 => 1,
        5..=15 => 2.min((len - 1) / 4),
        _ => 3.min((len - 1) / 4),
    }
}

/// How many spelling positions suggestions count trigrams for at a time, a byte each on the stack.
const CANDIDATE_WINDOW: usize = 1024;

/// How many prefix matches to gather before ranking, per suggestion asked for.
const PREFIX_CANDIDATES_PER_RESULT: usize = 4;

/// The most suggestions [`Glossary::suggest`] returns: a "did you mean" list, not a browser.
pub const MAX_SUGGESTIONS: usize = 32;

/// How a candidate spelling ranks among suggestions, lowest first: (rank, edits, length difference,
/// fewer related links first reversed, position in the spelling table). Ranks: 0 the same key, 1 one
/// edit, 2 a prefix, 3 two or three edits. Among equally close spellings, the term more entries link
/// to is the likelier one.
type CandidateKey = (u8, u8, usize, core::cmp::Reverse<usize>, usize);

/// What lookup finds ranks before every spelling.
const LOOKUP_KEY: CandidateKey = (0, 0, 0, core::cmp::Reverse(usize::MAX), 0);

impl Glossary {
    /// The terms closest to a misspelled or partial `query`, best first, at most `n` (and at most
    /// [`MAX_SUGGESTIONS`]), one per term.
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
        let mut best = Best::<CandidateKey, Suggestion, MAX_SUGGESTIONS>::new(n);
        self.suggestions(query, &mut best);
        best.iter().map(|(_, _, suggestion)| suggestion).collect()
    }

    /// The best suggestion for `query`, without allocating.
    pub(crate) fn best_suggestion(&self, query: &str) -> Option<Suggestion> {
        let mut best = Best::<CandidateKey, Suggestion, 1>::new(1);
        self.suggestions(query, &mut best);
        best.iter().next().map(|(_, _, suggestion)| suggestion)
    }

    /// Offers `best` the suggestions for `query`: what lookup finds, the spellings within reach of a
    /// misspelling, and the spellings the query starts.
    pub(crate) fn suggestions<const N: usize>(
        &self,
        query: &str,
        best: &mut Best<CandidateKey, Suggestion, N>,
    ) {
        let Some(key) = NormalizedKey::new(query) else {
            return;
        };
        if best.limit() == 0 {
            return;
        }
        // What lookup finds (a name, an alias, or a plural or singular the compiler derived) comes
        // first.
        if let Some(term) = self.lookup_key(&key) {
            let matched = term.name();
            let kind = SuggestionKind::Exact;
            best.offer(
                LOOKUP_KEY,
                term,
                Suggestion {
                    term,
                    matched,
                    kind,
                },
            );
        }
        let key = key.as_str();
        let prefix_candidates = best.limit().saturating_mul(PREFIX_CANDIDATES_PER_RESULT);
        let offer = |best: &mut Best<CandidateKey, Suggestion, N>, rank, edits, position: usize| {
            let spelling = self.spelling(position);
            let kind = match rank {
                0 => SuggestionKind::Exact,
                2 => SuggestionKind::Prefix,
                _ => SuggestionKind::Misspelling { edits },
            };
            let term = spelling.term;
            let candidate = (
                rank,
                edits,
                spelling.key.len().abs_diff(key.len()),
                core::cmp::Reverse(term.related().len()),
                position,
            );
            let matched = spelling.text;
            best.offer(
                candidate,
                term,
                Suggestion {
                    term,
                    matched,
                    kind,
                },
            );
        };
        let Some(pattern) = Pattern::new(key.as_bytes()) else {
            return;
        };
        let misspellings = |best: &mut Best<CandidateKey, Suggestion, N>, k: usize| {
            self.for_each_misspelling_candidate(key, k, |position| {
                if let Some(edits) = pattern.distance(self.spelling_key(position).as_bytes(), k) {
                    let rank = match edits {
                        0 => 0,
                        1 => 1,
                        _ => 3,
                    };
                    offer(best, rank, edits as u8, position);
                }
            });
        };
        // Prefixes first, then misspellings. Two or three edits rank after prefixes and one edit, so
        // when one suggestion is wanted, the far wider search for them runs only if the closer one
        // found nothing.
        let max_edits = max_edits(key.len());
        let start = self.first_spelling_at_or_after(key);
        let prefixes = (start..self.spelling_count())
            .take_while(|&position| self.spelling_key(position).starts_with(key))
            .take(prefix_candidates);
        for position in prefixes {
            offer(best, 2, 0, position);
        }
        if best.limit() == 1 && max_edits > 1 {
            misspellings(best, 1);
            if best.is_full() {
                return;
            }
        }
        misspellings(best, max_edits);
    }

    /// Calls `each` with the position in the spelling table of every key that may be within `k` edits
    /// of `key`, once each. An edit changes at most four of the query's trigrams, so such a
    /// key holds at least `m - 4k` of any `m` of them: the keys that enough of the rarest posting lists
    /// reach are the candidates (less the keys whose length alone puts them more than `k` edits away).
    fn for_each_misspelling_candidate(&self, key: &str, k: usize, mut each: impl FnMut(usize)) {
        let needed = key.len().saturating_sub(4 * k);
        if needed == 0 {
            // Too few trigrams to rule anything out: every spelling of a length within reach.
            (0..self.spelling_count())
                .filter(|&position| self.spelling_key(position).len().abs_diff(key.len()) <= k)
                .for_each(each);
            return;
        }
        // One posting list per key byte, kept on the stack, as this runs on every query.
        let mut lists = [Gaps::<0>::EMPTY; MAX_KEY_LEN];
        let mut count = 0;
        for (list, gram) in lists.iter_mut().zip(key_trigrams(key)) {
            *list = self.gram_postings(gram);
            count += 1;
        }
        // The rarest `4k + 4` lists (or all, if fewer; the shortest in bytes): a key within reach is
        // in at least `needed` of any of them. Reading more would rule out more keys than it costs
        // only when lists are short.
        lists[..count].sort_unstable_by_key(Gaps::byte_len);
        let read = count.min(4 * k + 4);
        let needed = read - 4 * k;
        let lists = &mut lists[..read];
        // How many of the lists reach each key. The lists are sorted, so a table of any size is
        // counted one window of positions at a time, with the counts on the stack.
        let mut counts = [0u8; CANDIDATE_WINDOW];
        for window_start in (0..self.spelling_count()).step_by(CANDIDATE_WINDOW) {
            for list in lists.iter_mut() {
                let mut rest = *list;
                while let Some((position, [])) = rest.next() {
                    let position = position as usize;
                    let Some(count) =
                        (position.checked_sub(window_start)).and_then(|slot| counts.get_mut(slot))
                    else {
                        break;
                    };
                    *count = count.saturating_add(1);
                    // A key's length is checked once, when enough lists reach it: far fewer keys
                    // than postings.
                    if usize::from(*count) == needed
                        && self.spelling_key_len(position).abs_diff(key.len()) <= k
                    {
                        each(position);
                    }
                    *list = rest;
                }
            }
            counts.fill(0);
        }
    }

    /// The length of the key of row `position` of the spelling table, read from the row alone (the
    /// low bits of its first number; see `GlossaryTables::spellings`), without touching the text.
    fn spelling_key_len(&self, position: usize) -> usize {
        (self.tables().spellings.get(position * 3) & 0x7f) as usize
    }

    /// The posting list of one trigram in `GlossaryTables::gram_postings` (empty for a trigram no key
    /// holds).
    fn gram_postings(&self, gram: u32) -> Gaps<0> {
        let tables = self.tables();
        let slot = tables.grams.slot_of_key(&gram.to_le_bytes());
        match tables.gram_rows.row::<2>(slot) {
            [stored, end] if stored == gram => {
                let start = tables.gram_rows.list_start(slot);
                (tables.gram_postings.get(start as usize..end as usize))
                    .map_or(Gaps::EMPTY, Gaps::new)
            }
            _ => Gaps::EMPTY,
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
