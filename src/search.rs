//! Ranked full-text search over names, aliases, summaries and definitions, on the word index the
//! compiler builds.

use crate::glossary::Glossary;
use crate::normalize::NormalizedKey;
use crate::packed::{Gaps, posting_fields, posting_weight};
use crate::suggest::{Suggestion, SuggestionKind};
use crate::term::Term;
use crate::tokenize::field::{ALIAS, DEFINITION, NAME, PHRASING, SUMMARY};

/// The fields that say what a term is, as opposed to its definition's wider discussion.
const DEFINING_FIELDS: u8 = NAME | ALIAS | SUMMARY | PHRASING;
use crate::tokenize::{MAX_WORD_LEN, for_each_synonym, for_each_token};

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
        let mut hits = Vec::new();
        if n == 0 {
            return Vec::new();
        }
        self.rank(query, true, |hit| hits.push(hit));
        // Most queries touch hundreds of terms and want a handful: pick the best n, then sort only them.
        if hits.len() > n {
            hits.select_nth_unstable_by_key(n - 1, RankedHit::order);
            hits.truncate(n);
        }
        hits.sort_unstable_by_key(RankedHit::order);
        (hits.into_iter())
            .map(|hit| SearchHit {
                term: hit.term,
                score: hit.score,
                matched: strongest(hit.fields),
            })
            .collect()
    }

    /// Scores every term that matches a word of `query` and hands each to `each`, in no particular
    /// order; returns how many distinct words the query has. This is what [`search`](Self::search)
    /// ranks, with what `resolve` needs to judge a hit: how many of the query's words it matched, and
    /// where. With `correct_typos`, a word the glossary never uses is scored as the name it misspells,
    /// if any (`resolve` corrects the words itself first).
    ///
    /// Allocates nothing: posting lists are sorted by term, so they are merged into a dense array of
    /// scores on the stack, one window of [`WINDOW`] terms at a time.
    pub(crate) fn rank(
        &self,
        query: &str,
        correct_typos: bool,
        mut each: impl FnMut(RankedHit),
    ) -> usize {
        let tables = self.tables();
        let words = QueryWords::new(query);
        let mut lists = [PostingList::EMPTY; MAX_LISTS];
        let mut count = 0;
        let total = tables.table.own().len() as f32;
        let idf = |df: f32| (1.0 + (total - df + 0.5) / (df + 0.5)).ln();
        // What each query word tells (see `RankedHit::defining_share`): its rarity in the glossary;
        // for a longer word the glossary never uses, the most; a short one may be an abbreviation.
        let mut information = [0.0f32; MAX_QUERY_WORDS];
        for (word_index, word) in words.iter().enumerate() {
            // Reads the postings of `token` for this word, if the glossary uses it: their idf.
            let mut add_list = |token: &str, factor: f32| {
                let postings = self.word_postings(token)?;
                let idf = idf(postings.count() as f32);
                if let Some(list) = lists.get_mut(count) {
                    *list = PostingList {
                        postings,
                        weight: factor * idf,
                        word: word_index as u8,
                    };
                    count += 1;
                }
                Some(idf)
            };
            match add_list(word, 1.0) {
                Some(idf) => information[word_index] = idf,
                None => {
                    if word.len() >= UNKNOWN_WORD_LEN {
                        information[word_index] = idf(0.0);
                    }
                    // A word the glossary never uses may be a misspelling of one of its names.
                    if let Some(corrected) =
                        correct_typos.then(|| self.correct_word(word)).flatten()
                    {
                        for_each_token(corrected, |token| {
                            add_list(token, TYPO_WEIGHT);
                        });
                    }
                }
            }
            for_each_synonym(word, |synonym| {
                add_list(synonym, SYNONYM_WEIGHT);
            });
        }
        let lists = &mut lists[..count];
        let total_information = information.iter().sum::<f32>().max(f32::MIN_POSITIVE);
        // Only this glossary's own terms: a term found through the base glossary has no position here.
        let whole_query = NormalizedKey::new(query)
            .and_then(|key| self.lookup_key(&key))
            .and_then(|term| {
                (tables.table.own())
                    .binary_search_by(|t| t.slug().cmp(term.slug()))
                    .ok()
            });

        let mut scores = [Score::NONE; WINDOW];
        let mut touched = [0u16; WINDOW];
        for window_start in (0..tables.table.own().len()).step_by(WINDOW) {
            let window_end = (window_start + WINDOW).min(tables.table.own().len());
            let mut touched_count = 0;
            // The slot of a term in this window, noted as touched the first time.
            let mut slot_of = |term: usize, scores: &[Score; WINDOW]| {
                let slot = term
                    .checked_sub(window_start)
                    .filter(|&slot| slot < WINDOW)?;
                if scores[slot].is_none() {
                    touched[touched_count] = slot as u16;
                    touched_count += 1;
                }
                Some(slot)
            };
            for list in lists.iter_mut() {
                let mut rest = list.postings;
                while let Some((term, packed)) = rest.next() {
                    let term = term as usize;
                    if term >= window_end {
                        break;
                    }
                    let packed = u16::from_le_bytes(packed);
                    let (fields, weight) = (posting_fields(packed), posting_weight(packed));
                    if let Some(slot) = slot_of(term, &scores) {
                        scores[slot].add(list.word, list.weight * weight, fields, &information);
                    }
                    list.postings = rest;
                }
            }
            let whole_query = whole_query.filter(|&i| (window_start..window_end).contains(&i));
            if let Some(slot) = whole_query.and_then(|term| slot_of(term, &scores)) {
                scores[slot].total += WHOLE_QUERY_BONUS;
                scores[slot].fields |= NAME;
            }
            for &slot in &touched[..touched_count] {
                let score = &mut scores[usize::from(slot)];
                score.settle_word(&information);
                let index = window_start + usize::from(slot);
                if let Some(term) = tables.table.own().get(index) {
                    each(RankedHit {
                        term,
                        index: index as u32,
                        // A term that matches more of the query's words beats one that matches a rare
                        // word strongly: "people saw a post" is about reach, not every term named "post".
                        score: score.total * coverage(score.matched_words, words.len()),
                        fields: score.fields,
                        matched_words: usize::from(score.matched_words),
                        defining_words: usize::from(score.defining_words),
                        defining_share: score.defining_information / total_information,
                        query_words: words.len(),
                    });
                }
                *score = Score::NONE;
            }
        }
        words.len()
    }

    /// The one-word name or alias a query word not in the glossary's vocabulary is a misspelling of
    /// ("shaddowban", "hashtagg", "engagment"), as suggestions find it; `None` for short words, which
    /// are one edit from too much.
    pub(crate) fn correct_word(&self, word: &str) -> Option<&'static str> {
        if word.len() < 5 {
            return None;
        }
        correction(word, self.best_suggestion(word))
    }

    /// Whether the glossary's texts use `word` (in any form the search stems to the same word), or it
    /// is a stop word: a word a query about social media is made of.
    pub(crate) fn knows_word(&self, word: &str) -> bool {
        let mut known = true;
        for_each_token(word, |token| known &= self.word_postings(token).is_some());
        known
    }

    /// The postings of a stemmed word, if the glossary uses it.
    fn word_postings(&self, word: &str) -> Option<Gaps<2>> {
        let tables = self.tables();
        let slot = tables.words.slot_of_key(word.as_bytes());
        let [text_start, len_end] = (tables.word_rows).row::<2>(slot);
        let (text_len, end) = (len_end >> 24, len_end & 0xff_ffff);
        let start = tables.word_rows.list_start(slot) & 0xff_ffff;
        let postings = tables.postings.get(start as usize..end as usize)?;
        (crate::packed::text_at(tables.table.text(), text_start, text_len) == word && text_len > 0)
            .then_some(Gaps::new(postings))
    }
}

/// The correction of `word` given its best suggestion: the name or alias it misspells (or is, once
/// normalized); `None` for words of fewer than five bytes, which are one edit from too much.
pub(crate) fn correction(word: &str, best: Option<Suggestion>) -> Option<&'static str> {
    let best = best.filter(|_| word.len() >= 5)?;
    match best.kind {
        SuggestionKind::Misspelling { .. } | SuggestionKind::Exact => Some(best.matched),
        _ => None,
    }
}

/// The least length, in bytes once stemmed, of a query word the glossary never uses that weighs in
/// [`RankedHit::defining_share`]; shorter ones are often abbreviations ("biz", "thru").
const UNKNOWN_WORD_LEN: usize = 5;

/// How many terms [`Glossary::rank`] scores at a time, in an array on the stack.
const WINDOW: usize = 256;
/// The most posting lists one search reads: a query's words, their synonyms and their corrections.
const MAX_LISTS: usize = 4 * MAX_QUERY_WORDS;

/// A hit of [`Glossary::rank`].
pub(crate) struct RankedHit {
    pub term: &'static Term,
    /// The term's position in the glossary's slug-ordered table, which breaks ties between scores.
    pub index: u32,
    pub score: f32,
    /// The fields any query word matched in (bits of `tokenize::field`).
    pub fields: u8,
    /// How many of the query's distinct words matched the term.
    pub matched_words: usize,
    /// How many of them matched its name, an alias, its summary or a phrasing.
    pub defining_words: usize,
    /// The share of what the query says that those matches cover: each query word weighted by its
    /// rarity in the glossary (idf), a long word the glossary never uses weighing the most.
    pub defining_share: f32,
    /// How many distinct words the query has.
    pub query_words: usize,
}

/// The key that sorts hits best first: higher scores, then earlier slugs.
pub(crate) type HitOrder = (core::cmp::Reverse<u32>, u32);

impl RankedHit {
    /// Where the hit sorts.
    pub fn order(&self) -> HitOrder {
        // Scores are never negative, and the bits of non-negative floats sort like their values.
        (
            core::cmp::Reverse(self.score.max(0.0).to_bits()),
            self.index,
        )
    }
}

/// A query's distinct words, lower-cased and stemmed, at most [`MAX_QUERY_WORDS`], in a buffer on the
/// stack.
struct QueryWords {
    bytes: [u8; MAX_QUERY_WORDS * MAX_WORD_LEN],
    ends: [usize; MAX_QUERY_WORDS],
    count: usize,
}

impl QueryWords {
    fn new(query: &str) -> QueryWords {
        let mut words = QueryWords {
            bytes: [0; MAX_QUERY_WORDS * MAX_WORD_LEN],
            ends: [0; MAX_QUERY_WORDS],
            count: 0,
        };
        for_each_token(query, |token| {
            if words.count == MAX_QUERY_WORDS || words.iter().any(|word| word == token) {
                return;
            }
            let start = words
                .count
                .checked_sub(1)
                .map_or(0, |last| words.ends[last]);
            if let Some(room) = words.bytes.get_mut(start..start + token.len()) {
                room.copy_from_slice(token.as_bytes());
                words.ends[words.count] = start + token.len();
                words.count += 1;
            }
        });
        words
    }

    fn len(&self) -> usize {
        self.count
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.count).map(|i| {
            let start = i.checked_sub(1).map_or(0, |last| self.ends[last]);
            // Whole tokens were copied, so the bytes are UTF-8.
            core::str::from_utf8(&self.bytes[start..self.ends[i]]).unwrap_or("")
        })
    }
}

/// Where [`Glossary::rank`] reads one posting list: the postings not read yet (a term's position
/// and its packed weight and fields), what a match counts (the word's rarity, lowered for a synonym
/// or a correction), and which query word it stands for.
#[derive(Clone, Copy)]
struct PostingList {
    postings: Gaps<2>,
    weight: f32,
    word: u8,
}

impl PostingList {
    const EMPTY: PostingList = PostingList {
        postings: Gaps::EMPTY,
        weight: 0.0,
        word: 0,
    };
}

/// One term's score while a search runs. Each query word counts once per term: the best of its
/// matches through the word itself, its synonyms and its correction. Lists are read in the order of
/// their words, so a word's best is added to the total when the next word first reaches the term.
#[derive(Clone, Copy)]
struct Score {
    /// The settled sum over the earlier query words.
    total: f32,
    /// The best contribution of the word being scored.
    word_best: f32,
    /// The query word being scored, plus one (0: none yet).
    word: u8,
    /// The fields the word being scored matched in.
    word_fields: u8,
    /// Which field bits any match set.
    fields: u8,
    /// How many query words matched.
    matched_words: u8,
    /// How many query words matched in a field that says what the term is: its name, an alias, its
    /// summary or a phrasing, rather than only its definition or category.
    defining_words: u8,
    /// What those words tell, summed (see `RankedHit::defining_share`).
    defining_information: f32,
}

impl Score {
    const NONE: Score = Score {
        total: 0.0,
        word_best: 0.0,
        word: 0,
        word_fields: 0,
        fields: 0,
        matched_words: 0,
        defining_words: 0,
        defining_information: 0.0,
    };

    /// Whether nothing has reached the term yet in this search.
    fn is_none(&self) -> bool {
        self.word == 0 && self.fields == 0
    }

    fn add(&mut self, word_index: u8, contribution: f32, fields: u8, information: &[f32]) {
        if self.word != word_index + 1 {
            self.settle_word(information);
            self.word = word_index + 1;
            self.matched_words += 1;
        }
        self.word_best = self.word_best.max(contribution);
        self.word_fields |= fields;
        self.fields |= fields;
    }

    /// Adds the word being scored to the totals; `information` is what each query word tells.
    fn settle_word(&mut self, information: &[f32]) {
        self.total += self.word_best;
        if self.word_fields & DEFINING_FIELDS != 0 {
            self.defining_words += 1;
            let word = usize::from(self.word).saturating_sub(1);
            self.defining_information += information.get(word).copied().unwrap_or(0.0);
        }
        self.word_best = 0.0;
        self.word_fields = 0;
    }
}

/// The share of the query's words a term matched, squared, so that partial matches fall off quickly.
fn coverage(matched: u8, total: usize) -> f32 {
    if total == 0 {
        return 1.0;
    }
    let share = matched as f32 / total as f32;
    share * share
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
