//! [`Glossary::resolve`]: one call for whatever a person typed, from an exact name to a misspelling, a
//! question or a description, built on lookup, suggestions and search, and silent when nothing in the
//! glossary is about the query.

use crate::best::Best;
use crate::glossary::Glossary;
use crate::search::{HitOrder, correction};
use crate::suggest::{Suggestion, SuggestionKind};
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

/// The most terms `resolve` returns: it answers a query; [`search`](Glossary::search) and the
/// browsing functions list.
pub const MAX_RESOLUTIONS: usize = 32;

/// The least share of a query's words a search hit must match in its name, an alias, its summary or a
/// phrasing to be about the query at all. Below it, a hit shares a word or two with the query by chance
/// ("linux kernel scheduler" and Scheduling).
const MIN_COVERAGE: f32 = 0.45;
/// The least search score of a hit `resolve` returns (scores are the search's own; see
/// `tests/resolve.rs` for how these were calibrated on the development set).
const MIN_SCORE: f32 = 7.0;
/// The least share of what a query says (its words weighted by their rarity in the glossary; see
/// `RankedHit::defining_share`) that a search hit must match in its defining fields when the query
/// has a foreign word (see `correct_words`): then one shared word ("filter" in "how to change a
/// furnace filter") is chance, not a subject. Calibrated like the thresholds above.
const MIN_SHARE_BESIDE_FOREIGN_WORDS: f32 = 0.45;
/// The least length, in bytes, of a foreign word: shorter unknown words are often abbreviations or
/// nicknames ("biz", "masto").
const FOREIGN_WORD_LEN: usize = 6;
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
    /// The terms a person most likely means by whatever they typed, best first, at most `limit` (and
    /// at most [`MAX_RESOLUTIONS`]): a name, alias or slug in any case, a misspelling, a question around
    /// a term ("what does fomo mean"), or a description in plain words ("what a brand pays each time
    /// someone clicks its ad"). Returns nothing at all when nothing in the glossary is about the query.
    ///
    /// Each [`Resolution`] says how sure it is: [`Exact`](Confidence::Exact) for a name, alias or slug,
    /// [`Strong`](Confidence::Strong) for a close misspelling or a clear search winner,
    /// [`Weak`](Confidence::Weak) for the rest. It reads at most [`MAX_RESOLVE_LEN`] bytes of the query,
    /// and allocates nothing but the returned `Vec`.
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
        let limit = limit.min(MAX_RESOLUTIONS);
        let mut found = Found {
            out: Vec::with_capacity(limit),
            limit,
        };
        let query = clip(query, MAX_RESOLVE_LEN);
        let core = strip_question(query);
        let mut spelled_right = false;
        let asked = [core, query];
        let asked = if core == query {
            &asked[..1]
        } else {
            &asked[..]
        };
        for exact in asked.iter().filter_map(|q| self.lookup(q)) {
            found.add(exact, Confidence::Exact);
            spelled_right = true;
        }
        // Each step below only adds terms after those found before: once `limit` are found, the
        // answer is complete.
        if found.is_full() {
            return found.out;
        }
        // A misspelled name or alias, however many words it has (names have four at most), unless
        // the query is spelled right: then spellings an edit away are other words.
        let short = core.split_whitespace().nth(MAX_NAME_WORDS).is_none();
        let misspelled = short && !spelled_right;
        let mut suggestions =
            Best::<_, _, MAX_RESOLUTIONS>::new(if misspelled { limit } else { 0 });
        self.suggestions(core, &mut suggestions);
        for (_, term, suggestion) in suggestions.iter() {
            match suggestion.kind {
                SuggestionKind::Exact => found.add(term, Confidence::Exact),
                SuggestionKind::Misspelling { .. } => found.add(term, Confidence::Strong),
                _ => {}
            }
        }
        if found.is_full() {
            return found.out;
        }
        // From here on, words the glossary never uses are read as the name they misspell, if they
        // misspell one ("hashtagg strategy", "retargetting ads"). A query of one word was just
        // looked at as a whole: its best suggestion is that word's.
        let one_word = misspelled && !core.contains(char::is_whitespace);
        let best = one_word.then(|| suggestions.iter().next().map(|(_, _, best)| best));
        let (corrected, foreign) = self.correct_words(core, best);
        let core = if corrected.as_str() == core {
            core
        } else {
            let corrected = corrected.as_str();
            if let Some(term) = self.lookup(corrected) {
                found.add(term, Confidence::Strong);
            }
            corrected
        };
        // Names and aliases inside the query ("fake followers you can buy", "whitelisting in influencer
        // marketing"), the first first: a question names its subject before its context.
        let (words, count) = first_words(core);
        let words = &words[..count];
        self.names_inside(core, words, |term, share| {
            let confidence = if share >= 0.5 {
                Confidence::Strong
            } else {
                Confidence::Weak
            };
            found.add(term, confidence);
        });
        if found.is_full() {
            return found.out;
        }
        // A platform's name and what it calls a feature ("insta reels", "bsky post"): the terms of
        // that platform that the rest of the query is about.
        let mut network_alone = None;
        if let Some((network, platform, rest)) = self.platform_qualifier(words) {
            // The network's nickname for its own name ("insta live" is "Instagram Live").
            let mut own_name = Phrase::default();
            if own_name.push_word(network.name()) && own_name.push_word(rest.as_str()) {
                if let Some(term) = self.lookup(own_name.as_str()) {
                    found.add(term, Confidence::Strong);
                }
            }
            let mut on_platform = false;
            self.about::<PLATFORM_CANDIDATES>(
                rest.as_str(),
                MIN_SCORE / 2.0,
                foreign,
                |term, confidence| {
                    if term.is_used_on(platform) && term != network {
                        on_platform = true;
                        found.add(term, confidence);
                    }
                },
            );
            // Nothing of that platform is about the rest, and the rest is the glossary's own
            // vocabulary ("is bereal still popular"): the query is about the network itself.
            if !on_platform && rest.as_str().split_whitespace().all(|w| self.knows_word(w)) {
                network_alone = Some(network);
            }
        }
        // A description, or a name with other words around it.
        if !found.is_full() {
            self.about::<MAX_RESOLUTIONS>(core, MIN_SCORE, foreign, |term, confidence| {
                found.add(term, confidence);
            });
        }
        if let Some(network) = network_alone {
            found.add(network, Confidence::Weak);
        }
        found.out
    }
}

/// The terms `resolve` has found so far, best first: at most `limit`, each once.
struct Found {
    out: Vec<Resolution>,
    limit: usize,
}

impl Found {
    fn add(&mut self, term: &'static Term, confidence: Confidence) {
        if !self.is_full() && !self.out.iter().any(|r| core::ptr::eq(r.term, term)) {
            self.out.push(Resolution { term, confidence });
        }
    }

    fn is_full(&self) -> bool {
        self.out.len() >= self.limit
    }
}

impl Glossary {
    /// Calls `each` with the search hits that are about `query`, best first (at most `N`), with their
    /// confidence: a hit must match at least [`MIN_COVERAGE`] of the query's words in fields that say
    /// what a term is (name, alias, summary, phrasing), and score at least `min_score`. Words shared
    /// with a definition alone are too common to mean anything: "post office opening hours" shares
    /// three with an entry's prose.
    fn about<const N: usize>(
        &self,
        query: &str,
        min_score: f32,
        foreign: bool,
        mut each: impl FnMut(&'static Term, Confidence),
    ) {
        // The hits that pass, keyed by rank, with their score and whether they matched every word; and
        // the two best hits of all, to tell a clear winner.
        let mut about = Best::<_, (f32, bool), N>::new(N);
        let mut first: Option<(HitOrder, &'static Term, f32)> = None;
        let mut runner_up = 0.0f32;
        self.rank(query, false, |hit| {
            let order = hit.order();
            match first {
                Some((best, _, _)) if best <= order => runner_up = runner_up.max(hit.score),
                _ => {
                    if let Some((_, _, score)) = first {
                        runner_up = runner_up.max(score);
                    }
                    first = Some((order, hit.term, hit.score));
                }
            }
            let words = hit.query_words.max(1) as f32;
            let informative = !foreign || hit.defining_share >= MIN_SHARE_BESIDE_FOREIGN_WORDS;
            if (hit.defining_words as f32) >= MIN_COVERAGE * words
                && informative
                && hit.score >= min_score
            {
                let matched_all = hit.matched_words == hit.query_words;
                about.offer(order, hit.term, (hit.score, matched_all));
            }
        });
        for (_, term, (score, matched_all)) in about.iter() {
            let clear_winner = first.is_some_and(|(_, best, _)| core::ptr::eq(best, term))
                && matched_all
                && score >= STRONG_SCORE
                && score >= 1.5 * runner_up;
            let confidence = if clear_winner {
                Confidence::Strong
            } else {
                Confidence::Weak
            };
            each(term, confidence);
        }
    }

    /// Calls `each` with the terms whose names or aliases stand in the query (whose first words are
    /// `words`), in the order they appear, each with the share of the query's words its name covers; longer names first where they
    /// overlap. Networks are left out (they qualify a query: see
    /// [`platform_qualifier`](Self::platform_qualifier)). Found only when they are telling: among them
    /// a name of two words or more, and together at least [`NAMES_SHARE`] of the query. Single words
    /// that are names ("post" in "post office opening hours", "sharing" and "post" in a description)
    /// say little on their own.
    fn names_inside(&self, query: &str, words: &[&str], mut each: impl FnMut(&'static Term, f32)) {
        let offset = |word: &str| word.as_ptr() as usize - query.as_ptr() as usize;
        // (first word, words, term), longest names first, then in reading order. Each covers a word
        // no other covers, so there are at most as many as words.
        let mut found: [(usize, usize, Option<&'static Term>); MAX_WORDS] =
            [(0, 0, None); MAX_WORDS];
        let mut found_count = 0;
        let mut covered = [false; MAX_WORDS];
        for len in (1..=MAX_NAME_WORDS.min(words.len())).rev() {
            // Names of one word count only beside a longer one.
            if len == 1 && found_count == 0 {
                return;
            }
            for start in 0..=words.len() - len {
                if covered[start..start + len].iter().any(|&c| c) {
                    continue;
                }
                let last = words[start + len - 1];
                let phrase = &query[offset(words[start])..offset(last) + last.len()];
                let Some(term) = self.lookup(phrase) else {
                    continue;
                };
                let seen = found[..found_count].iter().any(|f| f.2 == Some(term));
                if term.category() == Category::Platforms || seen {
                    continue;
                }
                covered[start..start + len]
                    .iter_mut()
                    .for_each(|c| *c = true);
                found[found_count] = (start, len, Some(term));
                found_count += 1;
            }
        }
        let found = &mut found[..found_count];
        let name_words: usize = found.iter().map(|&(_, len, _)| len).sum();
        let telling = found.iter().any(|&(_, len, _)| len >= 2);
        if !telling || words.len() < 2 || (name_words as f32) < NAMES_SHARE * words.len() as f32 {
            return;
        }
        found.sort_unstable_by_key(|&(start, _, _)| start);
        for &(_, len, term) in found.iter() {
            if let Some(term) = term {
                each(term, len as f32 / words.len() as f32);
            }
        }
    }

    /// The network a query (its first `words`) names by one of its words ("insta", "bsky", "fb") when
    /// it has other words too: its entry, its platform, and those other words.
    fn platform_qualifier(&self, words: &[&str]) -> Option<(&'static Term, Platform, Phrase)> {
        // A platform named in a longer description is context, not a qualifier of a feature's name.
        if !(2..=MAX_QUALIFIED_WORDS).contains(&words.len()) {
            return None;
        }
        words.iter().enumerate().find_map(|(i, word)| {
            let term = self
                .lookup(word)
                .filter(|t| t.category() == Category::Platforms)?;
            let platform = term.platforms().first()?.platform;
            let mut rest = Phrase::default();
            for (_, other) in words.iter().enumerate().filter(|&(j, _)| j != i) {
                rest.push_word(other);
            }
            Some((term, platform, rest))
        })
    }
}

/// The first [`MAX_WORDS`] words of a query, and how many there are.
fn first_words(query: &str) -> ([&str; MAX_WORDS], usize) {
    let mut words = [""; MAX_WORDS];
    let mut count = 0;
    for (slot, word) in words.iter_mut().zip(query.split_whitespace()) {
        *slot = word;
        count += 1;
    }
    (words, count)
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
    /// name or alias it misspells, if any. `best` is the best suggestion for a one-word query, when it
    /// is known already.
    ///
    /// Also says whether the query has a foreign word: one of [`FOREIGN_WORD_LEN`] bytes or more that
    /// the glossary never uses and that misspells none of its names ("furnace", "luggage", "python"),
    /// a sign that the query is about something else.
    fn correct_words(&self, query: &str, best: Option<Option<Suggestion>>) -> (Phrase, bool) {
        let mut corrected = Phrase::default();
        let mut foreign = false;
        for word in query.split_whitespace().take(MAX_WORDS) {
            let known = self.knows_word(word);
            let replacement = if known {
                None
            } else if let Some(best) = best {
                correction(word, best)
            } else {
                self.correct_word(word)
            };
            foreign |= !known && replacement.is_none() && word.len() >= FOREIGN_WORD_LEN;
            let replacement = replacement.filter(|name| !name.contains(char::is_whitespace));
            if !corrected.push_word(replacement.unwrap_or(word)) {
                break;
            }
        }
        (corrected, foreign)
    }
}

/// The most bytes of text `resolve` builds from a query's words (corrected, or some of them joined):
/// room for every word of the longest query it reads to grow by its corrections.
const PHRASE_LEN: usize = 2 * MAX_RESOLVE_LEN;

/// Words joined by spaces in a buffer on the stack, so that `resolve` builds text without allocating.
struct Phrase {
    bytes: [u8; PHRASE_LEN],
    len: usize,
}

impl Default for Phrase {
    fn default() -> Self {
        Phrase {
            bytes: [0; PHRASE_LEN],
            len: 0,
        }
    }
}

impl Phrase {
    /// Appends `word`, after a space unless the phrase is empty; appends nothing and returns false if
    /// it does not fit.
    fn push_word(&mut self, word: &str) -> bool {
        let space = usize::from(self.len > 0);
        let Some(room) = self.bytes.get_mut(self.len..self.len + space + word.len()) else {
            return false;
        };
        room[..space].fill(b' ');
        room[space..].copy_from_slice(word.as_bytes());
        self.len += space + word.len();
        true
    }

    fn as_str(&self) -> &str {
        // Only whole strings and spaces are appended, so the bytes are UTF-8.
        core::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
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
