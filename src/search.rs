//! Ranked full-text search over names, aliases, summaries and definitions, on the word index the
//! compiler builds.

use std::collections::HashMap;

use crate::glossary::Glossary;
use crate::normalize::NormalizedKey;
use crate::term::Term;
use crate::tokenize::field::{ALIAS, DEFINITION, NAME, SUMMARY};
use crate::tokenize::{for_each_synonym, for_each_token};

/// How much a term's number of related links raises its score.
const PROMINENCE_WEIGHT: f32 = 0.25;
/// What a match through a synonym ("saw" finding "displayed") counts, against 1 for the word itself.
const SYNONYM_WEIGHT: f32 = 0.75;
/// Added when the whole query is a name or alias of the term.
const WHOLE_QUERY_BONUS: f32 = 100.0;

/// Where a [`SearchHit`] matched, strongest field first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchedField {
    /// The term's name.
    Name,
    /// One of its aliases.
    Alias,
    /// Its one-sentence summary.
    Summary,
    /// Its definition.
    Definition,
    /// Its category's id (e.g. "metrics" in `metrics-analytics`).
    Category,
}

/// A result of [`Glossary::search`].
#[derive(Debug, Clone, Copy, PartialEq)]
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
    /// the glossary and where they occur (name, alias, summary, definition, category). A few query words
    /// also find their near-synonyms at a lower weight ("saw" finds "displayed", "buy" finds
    /// "purchase"). A query that is itself a name or alias puts that term first.
    ///
    /// ```
    /// let g = social_glossary::glossary();
    /// let hits = g.search("number of times a post was displayed", 5);
    /// assert_eq!(hits[0].term.slug(), "impressions");
    /// assert!(hits.iter().any(|hit| hit.term.slug() == "reach"));
    /// ```
    pub fn search(&self, query: &str, n: usize) -> Vec<SearchHit> {
        if n == 0 {
            return Vec::new();
        }
        let tables = self.tables();
        let total = tables.terms.len() as f32;
        let mut words: Vec<String> = Vec::new();
        for_each_token(query, |token| {
            if !words.iter().any(|w| w == token) {
                words.push(token.to_owned());
            }
        });
        // term -> (score, fields matched, query words matched)
        let mut scores: HashMap<u32, (f32, u8, u16)> = HashMap::new();
        // term -> (best score, fields) for the current query word, over the word and its synonyms: a
        // term counts each query word once, however many of its synonyms it contains.
        let mut per_word: HashMap<u32, (f32, u8)> = HashMap::new();
        for word in &words {
            per_word.clear();
            let mut score_word = |word: &str, factor: f32| {
                let Some(&(start, len)) = tables.words.get(word) else {
                    return;
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
                    let best = per_word.entry(term).or_insert((0.0, 0));
                    best.0 = best.0.max(factor * idf * weight);
                    best.1 |= fields;
                }
            };
            score_word(word, 1.0);
            for_each_synonym(word, |synonym| score_word(synonym, SYNONYM_WEIGHT));
            for (&term, &(score, fields)) in &per_word {
                let slot = scores.entry(term).or_insert((0.0, 0, 0));
                slot.0 += score;
                slot.1 |= fields;
                slot.2 += 1;
            }
        }
        // Only this glossary's own terms: a term found through the base glossary has no position here.
        let own = NormalizedKey::new(query).and_then(|key| self.lookup_key(&key));
        if let Some(index) = own.and_then(|term| {
            tables
                .terms
                .binary_search_by(|t| t.slug().cmp(term.slug()))
                .ok()
        }) {
            let slot = scores.entry(index as u32).or_insert((0.0, 0, 0));
            slot.0 += WHOLE_QUERY_BONUS;
            slot.1 |= NAME;
        }
        let mut hits: Vec<SearchHit> = scores
            .into_iter()
            .map(|(index, (score, fields, matched_words))| SearchHit {
                term: &tables.terms[index as usize],
                // A term that matches more of the query's words beats one that matches a rare word
                // strongly: "people saw a post" is about reach, not about every term named "post".
                score: score
                    * coverage(matched_words, words.len())
                    * prominence(&tables.terms[index as usize]),
                matched: strongest(fields),
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.term.slug().cmp(b.term.slug()))
        });
        hits.truncate(n);
        hits
    }
}

/// The share of the query's words a term matched, squared, so that partial matches fall off quickly.
fn coverage(matched: u16, total: usize) -> f32 {
    if total == 0 {
        return 1.0;
    }
    let share = f32::from(matched) / total as f32;
    share * share
}

/// A prior for vague queries: terms many entries link to (reach, engagement) are likelier to be meant
/// than narrow ones that happen to share the words.
fn prominence(term: &Term) -> f32 {
    1.0 + PROMINENCE_WEIGHT * (1.0 + term.related_slice().len() as f32).ln()
}

fn strongest(fields: u8) -> MatchedField {
    match fields {
        f if f & NAME != 0 => MatchedField::Name,
        f if f & ALIAS != 0 => MatchedField::Alias,
        f if f & SUMMARY != 0 => MatchedField::Summary,
        f if f & DEFINITION != 0 => MatchedField::Definition,
        _ => MatchedField::Category,
    }
}
