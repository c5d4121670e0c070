//! [`Glossary::resolve`]: one call for whatever a person typed, from an exact name to a misspelling, a
//! question or a description, built on lookup, suggestions and search, and silent when nothing in the
//! glossary is about the query.

use crate::glossary::Glossary;
use crate::suggest::SuggestionKind;
use crate::taxonomy::{Category, Platform};
use crate::term::Term;

/// A term [`Glossary::resolve`] found for a query, with how sure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Resolution {
    /// The term.
    pub term: &'static Term,
    /// How surely the query means it.
    pub confidence: Confidence,
}

/// How surely a query means the term of a [`Resolution`], strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Confidence {
    /// The query is one of the term's names, aliases or its slug, or a plural or possessive of one,
    /// ignoring case, separators and a question around it ("what does FOMO mean").
    Exact,
    /// The query is a close misspelling of a name or alias ("shaddowban"), or search ranks the term
    /// clearly first with most of the query's words.
    Strong,
    /// The term is about the query, but the match is partial or close to other terms'.
    Weak,
}

/// The longest query `resolve` reads, in bytes; the rest of a longer one is ignored, so that any input
/// costs bounded time. Queries are a few words.
pub const MAX_RESOLVE_LEN: usize = 256;

/// The least share of a query's words a search hit must match in its name, an alias, its summary or a
/// phrasing to be about the query at all. Below it, a hit shares a word or two with the query by chance
/// ("linux kernel scheduler" and Scheduling).
const MIN_COVERAGE: f32 = 0.5;
/// The least search score of a hit `resolve` returns (scores are the search's own; see
/// `tests/resolve.rs` for how these were calibrated on the development set).
const MIN_SCORE: f32 = 7.0;
/// The search score from which the first hit, if it matched every word, is called `Strong`.
const STRONG_SCORE: f32 = 6.0;

/// Words around a term that ask what it is, as they start or end a query: stripped before lookup, in
/// any case. Longest first, so that "what is a" goes before "what is".
const QUESTION_STARTS: &[&str] = &[
    "what is the difference between ",
    "what's the difference between ",
    "whats the difference between ",
    "difference between ",
    "what is the meaning of ",
    "what's the meaning of ",
    "what is meant by ",
    "what do you mean by ",
    "what does it mean ",
    "what is an ",
    "what is a ",
    "what is the ",
    "what is ",
    "what's an ",
    "what's a ",
    "what's ",
    "whats ",
    "what are ",
    "what does ",
    "what do ",
    "meaning of ",
    "definition of ",
    "define ",
    "explain ",
    "tell me about ",
    "what counts as an ",
    "what counts as a ",
    "what counts as ",
    "how does ",
    "how do you ",
    "how do i ",
    "how can i ",
    "how do ",
    "how to ",
    "who is ",
    "is ",
    "the ",
    "an ",
    "a ",
];
const QUESTION_ENDS: &[&str] = &[
    " on social media",
    " in social media",
    " in marketing",
    " stand for",
    " stands for",
    " meaning",
    " means",
    " mean",
    " definition",
    " work",
    " works",
];

impl Glossary {
    /// The terms a person most likely means by whatever they typed, best first, at most `limit`: a
    /// name, alias or slug in any case, a misspelling, a question around a term ("what does fomo
    /// mean"), or a description in plain words ("what a brand pays each time someone clicks its ad").
    /// Returns nothing at all when nothing in the glossary is about the query.
    ///
    /// Each [`Resolution`] says how sure it is: [`Exact`](Confidence::Exact) for a name, alias or slug,
    /// [`Strong`](Confidence::Strong) for a close misspelling or a clear search winner,
    /// [`Weak`](Confidence::Weak) for the rest. It reads at most [`MAX_RESOLVE_LEN`] bytes of the query.
    ///
    /// ```
    /// use social_glossary::Confidence;
    ///
    /// let g = social_glossary::glossary();
    /// let best = g.resolve("what does FOMO mean?", 3)[0];
    /// assert_eq!((best.term.slug(), best.confidence), ("fomo", Confidence::Exact));
    /// assert_eq!(g.resolve("shaddowban", 3)[0].term.slug(), "shadowban");
    /// assert_eq!(g.resolve("what a brand pays each time someone clicks its ad", 3)[0].term.slug(), "cpc");
    /// assert!(g.resolve("chocolate cake recipe", 3).is_empty());
    /// ```
    pub fn resolve(&self, query: &str, limit: usize) -> Vec<Resolution> {
        let mut out: Vec<Resolution> = Vec::with_capacity(limit);
        if limit == 0 {
            return out;
        }
        let query = clip(query, MAX_RESOLVE_LEN);
        let core = strip_question(query);
        let add = |out: &mut Vec<Resolution>, term: &'static Term, confidence| {
            if out.len() < limit && !out.iter().any(|r| r.term == term) {
                out.push(Resolution { term, confidence });
            }
        };
        for exact in [core, query].into_iter().filter_map(|q| self.lookup(q)) {
            add(&mut out, exact, Confidence::Exact);
        }
        // A misspelled name or alias, however many words it has (names have four at most).
        let short = core.split_whitespace().nth(MAX_NAME_WORDS).is_none();
        for suggestion in self.suggest(core, if short { limit } else { 0 }) {
            match suggestion.kind {
                SuggestionKind::Exact => add(&mut out, suggestion.term, Confidence::Exact),
                SuggestionKind::Misspelling { .. } => {
                    add(&mut out, suggestion.term, Confidence::Strong)
                }
                SuggestionKind::Prefix => {}
            }
        }
        // From here on, words the glossary never uses are read as the name they misspell, if they
        // misspell one ("hashtagg strategy", "retargetting ads").
        let corrected = self.correct_words(core);
        let core = corrected.as_str();
        if let Some(term) = self.lookup(core) {
            add(&mut out, term, Confidence::Strong);
        }
        // Names and aliases inside the query ("fake followers you can buy", "whitelisting in influencer
        // marketing"), the first first: a question names its subject before its context.
        for (term, share) in self.names_inside(core) {
            let confidence = if share >= 0.5 {
                Confidence::Strong
            } else {
                Confidence::Weak
            };
            add(&mut out, term, confidence);
        }
        // A platform's name and what it calls a feature ("insta reels", "bsky post"): the terms of
        // that platform that the rest of the query is about.
        let mut network_alone = None;
        if let Some((network, platform, rest)) = self.platform_qualifier(core) {
            // The network's nickname for its own name ("insta live" is "Instagram Live").
            if let Some(term) = self.lookup(&format!("{} {rest}", network.name())) {
                add(&mut out, term, Confidence::Strong);
            }
            let on_platform: Vec<Resolution> =
                (self.about(&rest, PLATFORM_CANDIDATES, MIN_SCORE / 2.0))
                    .into_iter()
                    .filter(|hit| hit.term.is_used_on(platform) && hit.term != network)
                    .collect();
            // Nothing of that platform is about the rest, and the rest is the glossary's own
            // vocabulary ("is bereal still popular"): the query is about the network itself.
            if on_platform.is_empty() && rest.split_whitespace().all(|w| self.knows_word(w)) {
                network_alone = Some(network);
            }
            for hit in on_platform {
                add(&mut out, hit.term, hit.confidence);
            }
        }
        // A description, or a name with other words around it.
        for hit in self.about(core, limit, MIN_SCORE) {
            add(&mut out, hit.term, hit.confidence);
        }
        if let Some(network) = network_alone {
            add(&mut out, network, Confidence::Weak);
        }
        out
    }
}

impl Glossary {
    /// The search hits that are about `query`, best first, with their confidence: a hit must match
    /// at least [`MIN_COVERAGE`] of the query's words in fields that say what a term is (name, alias,
    /// summary, phrasing), and score at least `min_score`. Words shared with a definition alone are
    /// too common to mean anything: "post office opening hours" shares three with an entry's prose.
    fn about(&self, query: &str, n: usize, min_score: f32) -> Vec<Resolution> {
        let ranking = self.rank(query, n, false);
        let runner_up = ranking.hits.get(1).map_or(0.0, |hit| hit.score);
        let words = ranking.words.max(1) as f32;
        let mut out = Vec::new();
        for (i, hit) in ranking.hits.iter().enumerate() {
            if (hit.defining_words as f32) < MIN_COVERAGE * words || hit.score < min_score {
                continue;
            }
            let clear_winner = i == 0
                && hit.matched_words == ranking.words
                && hit.score >= STRONG_SCORE
                && hit.score >= 1.5 * runner_up;
            let confidence = if clear_winner {
                Confidence::Strong
            } else {
                Confidence::Weak
            };
            out.push(Resolution {
                term: hit.term,
                confidence,
            });
        }
        out
    }

    /// The terms whose names or aliases stand in the query, in the order they appear, each with the
    /// share of the query's words its name covers; longer names first where they overlap. Networks are
    /// left out (they qualify a query: see [`platform_qualifier`](Self::platform_qualifier)). Found only
    /// when they are telling: among them a name of two words or more, and together at least
    /// [`NAMES_SHARE`] of the query. Single words that are names ("post" in "post office opening
    /// hours", "sharing" and "post" in a description) say little on their own.
    fn names_inside(&self, query: &str) -> Vec<(&'static Term, f32)> {
        let words: Vec<&str> = query.split_whitespace().take(MAX_WORDS).collect();
        let offset = |word: &str| word.as_ptr() as usize - query.as_ptr() as usize;
        // (first word, words, term), longest names first, then in reading order.
        let mut found: Vec<(usize, usize, &'static Term)> = Vec::new();
        let mut covered = vec![false; words.len()];
        for len in (1..=MAX_NAME_WORDS.min(words.len())).rev() {
            for start in 0..=words.len() - len {
                if covered[start..start + len].iter().any(|&c| c) {
                    continue;
                }
                let last = words[start + len - 1];
                let phrase = &query[offset(words[start])..offset(last) + last.len()];
                let Some(term) = self.lookup(phrase) else {
                    continue;
                };
                if term.category() == Category::Platforms || found.iter().any(|f| f.2 == term) {
                    continue;
                }
                covered[start..start + len]
                    .iter_mut()
                    .for_each(|c| *c = true);
                found.push((start, len, term));
            }
        }
        let name_words: usize = found.iter().map(|&(_, len, _)| len).sum();
        let telling = found.iter().any(|&(_, len, _)| len >= 2);
        if !telling || words.len() < 2 || (name_words as f32) < NAMES_SHARE * words.len() as f32 {
            return Vec::new();
        }
        found.sort_by_key(|&(start, _, _)| start);
        (found.into_iter())
            .map(|(_, len, term)| (term, len as f32 / words.len() as f32))
            .collect()
    }

    /// The network a query names by one of its words ("insta", "bsky", "fb") when it has other words
    /// too: its entry, its platform, and those other words.
    fn platform_qualifier(&self, query: &str) -> Option<(&'static Term, Platform, String)> {
        let words: Vec<&str> = query.split_whitespace().take(MAX_WORDS).collect();
        // A platform named in a longer description is context, not a qualifier of a feature's name.
        if !(2..=MAX_QUALIFIED_WORDS).contains(&words.len()) {
            return None;
        }
        words.iter().enumerate().find_map(|(i, word)| {
            let term = self
                .lookup(word)
                .filter(|t| t.category() == Category::Platforms)?;
            let platform = term.platforms().first()?.platform;
            let rest: Vec<&str> = (words.iter().enumerate())
                .filter(|&(j, _)| j != i)
                .map(|(_, w)| *w)
                .collect();
            Some((term, platform, rest.join(" ")))
        })
    }
}

/// The most words of a query that `resolve` looks at for names and platforms inside it.
const MAX_WORDS: usize = 32;
/// The most words a name or alias has, for looking for names inside a query; a query with more words
/// is no misspelling of one.
const MAX_NAME_WORDS: usize = 4;
/// The least share of a query's words that the names inside it must make up to be its subject.
const NAMES_SHARE: f32 = 0.4;
/// The most words a query may have for a network's name in it to qualify the rest ("ig close friends
/// list").
const MAX_QUALIFIED_WORDS: usize = 4;
/// How many search hits are read to find the ones on a platform the query names.
const PLATFORM_CANDIDATES: usize = 40;

impl Glossary {
    /// `query` with each word the glossary never uses, of five letters or more, replaced by the one-word
    /// name or alias it misspells, if any.
    fn correct_words(&self, query: &str) -> String {
        let mut corrected = String::with_capacity(query.len());
        for (i, word) in query.split_whitespace().take(MAX_WORDS).enumerate() {
            if i > 0 {
                corrected.push(' ');
            }
            let replacement = (!self.knows_word(word))
                .then(|| self.correct_word(word))
                .flatten()
                .filter(|name| !name.contains(char::is_whitespace));
            corrected.push_str(replacement.unwrap_or(word));
        }
        corrected
    }
}

/// The first `max` bytes of `text`, cut back to a character boundary.
fn clip(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The query without the question around it: surrounding white space and punctuation, then the words
/// that ask what a term is ("what is a", "meaning of", "... mean"), as often as they wrap it.
fn strip_question(query: &str) -> &str {
    let mut core = query;
    loop {
        let before = core;
        core = core.trim_matches(|c: char| c.is_whitespace() || matches!(c, '?' | '!' | '.' | '"'));
        for start in QUESTION_STARTS {
            if let Some(rest) = strip_prefix_ignoring_case(core, start) {
                core = rest;
                break;
            }
        }
        for end in QUESTION_ENDS {
            if let Some(rest) = strip_suffix_ignoring_case(core, end) {
                core = rest;
                break;
            }
        }
        if core == before || core.is_empty() {
            return if core.trim().is_empty() { query } else { core };
        }
    }
}

fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    (head.eq_ignore_ascii_case(prefix) && text.len() > prefix.len()).then(|| &text[prefix.len()..])
}

fn strip_suffix_ignoring_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(suffix.len())?;
    let tail = text.get(cut..)?;
    (tail.eq_ignore_ascii_case(suffix) && cut > 0).then(|| &text[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_are_stripped_down_to_the_term() {
        for (query, core) in [
            ("what is a dark post?", "dark post"),
            ("What does FOMO mean", "FOMO"),
            ("meaning of ratio on twitter", "ratio on twitter"),
            ("define cpm", "cpm"),
            ("how does the for you page work", "for you page"),
            (
                "whats the difference between reach and impressions",
                "reach and impressions",
            ),
            ("what is", "what is"),
            ("reach", "reach"),
            ("  engagement rate  ", "engagement rate"),
        ] {
            assert_eq!(strip_question(query), core, "{query}");
        }
    }

    #[test]
    fn clipping_keeps_whole_characters() {
        assert_eq!(clip("héllo", 2), "h");
        assert_eq!(clip("hello", 10), "hello");
    }
}
