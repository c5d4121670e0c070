//! Ranked full-text search over names, aliases, summaries and definitions, on the word index the
//! compiler builds.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::glossary::Glossary;
use crate::normalize::NormalizedKey;
use crate::suggest::SuggestionKind;
use crate::term::Term;
use crate::tokenize::field::{ALIAS, DEFINITION, NAME, PHRASING, SUMMARY};

/// The fields that say what a term is, as opposed to its definition's wider discussion.
const DEFINING_FIELDS: u8 = NAME | ALIAS | SUMMARY | PHRASING;
use crate::tokenize::{for_each_synonym, for_each_token};

/// How much a term's number of related links raises its score.
const PROMINENCE_WEIGHT: f32 = 0.25;
/// What a match through a synonym ("saw" finding "displayed") counts, against 1 for the word itself.
const SYNONYM_WEIGHT: f32 = 0.75;
/// What a match through a corrected misspelling ("shaddowban" finding "shadowban") counts.
const TYPO_WEIGHT: f32 = 0.9;
/// Added when the whole query is a name or alias of the term.
const WHOLE_QUERY_BONUS: f32 = 100.0;
/// The most distinct words of a query that are scored; later ones are ignored. Queries are a few
/// words, so this only bounds the work a pasted document can cause: tokenizing stays linear in the
/// query's length and scoring costs at most this many posting lists.
pub const MAX_QUERY_WORDS: usize = 32;

/// Where a [`SearchHit`] matched, strongest field first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum MatchedField {
    /// The term's name.
    Name,
    /// One of its aliases.
    Alias,
    /// Its one-sentence summary.
    Summary,
    /// One of the plain phrasings people use for it (the entry's `phrasings`, which are not shown).
    Phrasing,
    /// Its definition.
    Definition,
    /// Its category's id (e.g. "metrics" in `metrics-analytics`).
    Category,
}

/// A result of [`Glossary::search`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct SearchHit {
    /// The term.
    pub term: &'static Term,
    /// The relevance score; higher is better. Only comparable within one search.
    pub score: f32,
    /// The strongest field any query word matched in.
    pub matched: MatchedField,
}

impl Glossary {
    /// Ranked search: the `n` terms most relevant to a free-text `query`, best first.
    ///
    /// Words are lower-cased, stemmed and stripped of stop words, then scored by how rare they are in
    /// the glossary and where they occur (name, alias, summary, plain phrasings, definition,
    /// category). A few query words also find their near-synonyms at a lower weight ("saw" finds
    /// "displayed", "buy" finds "purchase"). A query that is itself a name or alias puts that term first.
    ///
    /// ```
    /// let g = social_glossary::glossary();
    /// let hits = g.search("number of times a post was displayed", 5);
    /// assert_eq!(hits[0].term.slug(), "impressions");
    /// assert!(hits.iter().any(|hit| hit.term.slug() == "reach"));
    /// ```
    pub fn search(&self, query: &str, n: usize) -> Vec<SearchHit> {
        (self.rank(query, n, true).hits.into_iter())
            .map(|hit| SearchHit {
                term: hit.term,
                score: hit.score,
                matched: strongest(hit.fields),
            })
            .collect()
    }

    /// [`search`](Self::search) with what `resolve` needs to judge the hits: how many of the query's
    /// words each hit matched, out of how many. With `correct_typos`, a word the glossary never uses
    /// is scored as the name it misspells, if any (`resolve` corrects the words itself first).
    pub(crate) fn rank(&self, query: &str, n: usize, correct_typos: bool) -> Ranking {
        let mut ranking = Ranking {
            hits: Vec::new(),
            words: 0,
        };
        if n == 0 {
            return ranking;
        }
        let tables = self.tables();
        let total = tables.terms.len() as f32;
        let mut words: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for_each_token(query, |token| {
            if words.len() < MAX_QUERY_WORDS && seen.insert(token.to_owned()) {
                words.push(token.to_owned());
            }
        });
        ranking.words = words.len();
        // Sized for a typical query up front: growing the map was a sixth of the time.
        let mut scores: HashMap<u32, Score, BuildTermHasher> =
            HashMap::with_capacity_and_hasher(tables.terms.len().min(1024), Default::default());
        for (word_index, word) in words.iter().enumerate() {
            let mut score_word = |word: &str, factor: f32| {
                let Some((start, len)) = self.word_postings(word) else {
                    return false;
                };
                let range = start as usize..(start + len) as usize;
                let df = len as f32;
                let idf = (1.0 + (total - df + 0.5) / (df + 0.5)).ln();
                let postings = tables
                    .posting_terms
                    .range(start, len)
                    .zip(&tables.posting_fields[range])
                    .zip(tables.posting_weights.range(start, len).map(f32::from_bits));
                for ((term, &fields), weight) in postings {
                    scores
                        .entry(term)
                        .or_default()
                        .add(word_index, factor * idf * weight, fields);
                }
                true
            };
            if !score_word(word, 1.0) && correct_typos {
                // A word the glossary never uses may be a misspelling of one of its names.
                if let Some(corrected) = self.correct_word(word) {
                    for_each_token(corrected, |token| {
                        score_word(token, TYPO_WEIGHT);
                    });
                }
            }
            for_each_synonym(word, |synonym| {
                score_word(synonym, SYNONYM_WEIGHT);
            });
        }
        // Only this glossary's own terms: a term found through the base glossary has no position here.
        let own = NormalizedKey::new(query).and_then(|key| self.lookup_key(&key));
        if let Some(index) = own.and_then(|term| {
            tables
                .terms
                .binary_search_by(|t| t.slug().cmp(term.slug()))
                .ok()
        }) {
            let score = scores.entry(index as u32).or_default();
            score.total += WHOLE_QUERY_BONUS;
            score.fields |= NAME;
        }
        let mut hits: Vec<RankedHit> = scores
            .into_iter()
            .map(|(index, mut score)| {
                score.settle_word();
                (index, score)
            })
            .map(|(index, score)| RankedHit {
                term: &tables.terms[index as usize],
                // A term that matches more of the query's words beats one that matches a rare word
                // strongly: "people saw a post" is about reach, not about every term named "post".
                score: score.total
                    * coverage(score.matched_words, words.len())
                    * prominence(&tables.terms[index as usize]),
                fields: score.fields,
                matched_words: score.matched_words as usize,
                defining_words: score.defining_words as usize,
            })
            .collect();
        let best_first = |a: &RankedHit, b: &RankedHit| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.term.slug().cmp(b.term.slug()))
        };
        // Most queries touch hundreds of terms and want a handful: pick the best n, then sort only them.
        if hits.len() > n {
            hits.select_nth_unstable_by(n - 1, best_first);
            hits.truncate(n);
        }
        hits.sort_by(best_first);
        ranking.hits = hits;
        ranking
    }

    /// The one-word name or alias a query word not in the glossary's vocabulary is a misspelling of
    /// ("shaddowban", "hashtagg", "engagment"), as suggestions find it; `None` for short words, which
    /// are one edit from too much.
    pub(crate) fn correct_word(&self, word: &str) -> Option<&'static str> {
        if word.len() < 5 {
            return None;
        }
        let best = self.suggest(word, 1).into_iter().next()?;
        match best.kind {
            SuggestionKind::Misspelling { .. } | SuggestionKind::Exact => Some(best.matched),
            _ => None,
        }
    }

    /// Whether the glossary's texts use `word` (in any form the search stems to the same word), or it
    /// is a stop word: a word a query about social media is made of.
    pub(crate) fn knows_word(&self, word: &str) -> bool {
        let mut known = true;
        for_each_token(word, |token| known &= self.word_postings(token).is_some());
        known
    }

    /// Where the postings of a stemmed word lie in the `posting_*` arrays, as (start, len).
    fn word_postings(&self, word: &str) -> Option<(u32, u32)> {
        let tables = self.tables();
        let [text_start, text_len, start, len] =
            (tables.word_rows).row::<4>(tables.words.slot_of_key(word.as_bytes()));
        (crate::packed::text_at(tables.text, text_start, text_len) == word && text_len > 0)
            .then_some((start, len))
    }
}

/// A hit of [`Glossary::rank`].
pub(crate) struct RankedHit {
    pub term: &'static Term,
    pub score: f32,
    /// The fields any query word matched in (bits of `tokenize::field`).
    pub fields: u8,
    /// How many of the query's distinct words matched the term.
    pub matched_words: usize,
    /// How many of them matched its name, an alias, its summary or a phrasing.
    pub defining_words: usize,
}

/// What [`Glossary::rank`] found: the hits, best first, and the query's number of distinct words.
pub(crate) struct Ranking {
    pub hits: Vec<RankedHit>,
    pub words: usize,
}

/// Hashes the term positions that key a search's scores: one multiply, where SipHash would guard
/// against collisions an attacker cannot choose here (positions come from the glossary, not the query).
#[derive(Default)]
struct TermHasher(u64);

impl Hasher for TermHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u8(b);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.write_u64(u64::from(b));
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
}

type BuildTermHasher = BuildHasherDefault<TermHasher>;

/// One term's score while a search runs. Each query word counts once per term: the best of its
/// matches through the word itself and through its synonyms. Query words are scored one after another,
/// so a word's best is added to the total when the next word first reaches the term.
#[derive(Default)]
struct Score {
    /// The settled sum over the earlier query words.
    total: f32,
    /// Which field bits any match set.
    fields: u8,
    /// How many query words matched.
    matched_words: u32,
    /// How many query words matched in a field that says what the term is: its name, an alias, its
    /// summary or a phrasing, rather than only its definition or category.
    defining_words: u32,
    /// The query word being scored, plus one (0: none yet), its best contribution so far, and the
    /// fields it matched in.
    word: usize,
    word_best: f32,
    word_fields: u8,
}

impl Score {
    fn add(&mut self, word_index: usize, contribution: f32, fields: u8) {
        if self.word != word_index + 1 {
            self.settle_word();
            self.word = word_index + 1;
            self.matched_words += 1;
        }
        self.word_best = self.word_best.max(contribution);
        self.word_fields |= fields;
        self.fields |= fields;
    }

    /// Adds the word being scored to the totals.
    fn settle_word(&mut self) {
        self.total += self.word_best;
        self.defining_words += u32::from(self.word_fields & DEFINING_FIELDS != 0);
        self.word_best = 0.0;
        self.word_fields = 0;
    }
}

/// The share of the query's words a term matched, squared, so that partial matches fall off quickly.
fn coverage(matched: u32, total: usize) -> f32 {
    if total == 0 {
        return 1.0;
    }
    let share = matched as f32 / total as f32;
    share * share
}

/// A prior for vague queries: terms many entries link to (reach, engagement) are likelier to be meant
/// than narrow ones that happen to share the words.
fn prominence(term: &Term) -> f32 {
    1.0 + PROMINENCE_WEIGHT * (1.0 + term.related().len() as f32).ln()
}

fn strongest(fields: u8) -> MatchedField {
    match fields {
        f if f & NAME != 0 => MatchedField::Name,
        f if f & ALIAS != 0 => MatchedField::Alias,
        f if f & SUMMARY != 0 => MatchedField::Summary,
        f if f & PHRASING != 0 => MatchedField::Phrasing,
        f if f & DEFINITION != 0 => MatchedField::Definition,
        _ => MatchedField::Category,
    }
}
