//! Finding glossary terms inside running text, with an Aho-Corasick automaton over every name, alias
//! and their plurals. The automaton is built on first use, so programs that never
//! scan text pay nothing for it.
//!
//! A mention is a whole word, so it can only start where a word (or a non-alphanumeric character such
//! as the `#` of "#FollowFriday") starts. Rather than run the automaton over every byte, the text is
//! walked word by word, eight bytes at a time, and the automaton runs, anchored, only where a pattern
//! may start: where the word is a pattern's first word, or with the next word and what separates
//! them, a pattern's first two words ("the" alone is no key, "the algorithm" is). Small bitsets of
//! hashes answer that. Most words of English prose start no pattern, so most bytes are only looked at
//! once, and the automaton stays the matcher of record: at every start the filters let through, the
//! same anchored searches as a plain scan decide.

use std::ops::Range;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use crate::normalize::plain_char;
use crate::packed::{U32s, text_at};
use crate::swar::{HIGH_BITS, ascii_alphanumeric, load_word, low_bytes};
use crate::term::Term;

/// A glossary term mentioned in a text, found by [`Glossary::find_terms`](crate::Glossary::find_terms).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Mention<'t> {
    /// The term.
    pub term: &'static Term,
    /// Where in the text, in bytes; always on character boundaries.
    pub range: Range<usize>,
    /// The mentioning text itself (`&text[range]`).
    pub text: &'t str,
}

/// A literal that mentions a term in running text: a row of `GlossaryTables::patterns`, decoded.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FindPattern {
    /// The text to look for (ASCII case is ignored unless `exact_case`).
    pub text: &'static str,
    /// The term it mentions.
    pub term: &'static Term,
    /// Whether the case must match too (short all-capital acronyms).
    pub exact_case: bool,
    /// Whether the pattern is an everyday word, a mention only where the text is about social media.
    pub needs_context: bool,
}

impl FindPattern {
    /// The rows of a pattern table (see `GlossaryTables::patterns`), which point into `text` and
    /// `terms`.
    pub(crate) fn decode(
        rows: U32s,
        text: &'static str,
        terms: &'static [Term],
    ) -> Vec<FindPattern> {
        (0..rows.len() / 2)
            .map(|row| {
                let [start, packed] = rows.row::<2>(row);
                let (term, len, flags) = (packed >> 15, packed >> 2 & 0x1fff, packed & 3);
                FindPattern {
                    text: text_at(text, start, len),
                    term: &terms[term as usize],
                    exact_case: flags & 1 != 0,
                    needs_context: flags & 2 != 0,
                }
            })
            .collect()
    }
}

/// The mentions to return: those [`in_context`], or all of them.
fn keep(found: Vec<(Mention<'_>, bool)>, in_context_only: bool) -> Vec<Mention<'_>> {
    if in_context_only {
        in_context(found)
    } else {
        found.into_iter().map(|(mention, _)| mention).collect()
    }
}

/// How far around a mention of an everyday word, in bytes of text (about a paragraph), other mentions
/// count as context.
const CONTEXT_WINDOW: usize = 500;
/// How many mentions of unambiguous terms within [`CONTEXT_WINDOW`] make a text about social media.
const CONTEXT_MENTIONS: usize = 2;

/// The mentions an auto-linker should link: every mention of a term whose spelling is unambiguous, and
/// a mention of an everyday word ("post", "reach", "story") only where the text is about social media:
/// where at least [`CONTEXT_MENTIONS`] unambiguous mentions stand within [`CONTEXT_WINDOW`] bytes of it,
/// or one stands right before it ("Instagram post", "TikTok's story"). Mentions come in order, so one
/// pass with two pointers over the unambiguous ones decides them all.
fn in_context(found: Vec<(Mention<'_>, bool)>) -> Vec<Mention<'_>> {
    let anchors: Vec<(usize, usize)> = (found.iter())
        .filter(|(_, everyday)| !everyday)
        .map(|(m, _)| (m.range.start, m.range.end))
        .collect();
    let (mut first, mut past) = (0, 0);
    (found.into_iter())
        .filter(|(mention, everyday)| {
            if !everyday {
                return true;
            }
            let (start, end) = (mention.range.start, mention.range.end);
            while anchors
                .get(first)
                .is_some_and(|a| a.1 + CONTEXT_WINDOW < start)
            {
                first += 1;
            }
            while anchors
                .get(past)
                .is_some_and(|a| a.0 <= end + CONTEXT_WINDOW)
            {
                past += 1;
            }
            let right_before = anchors[first..past]
                .iter()
                .any(|a| a.1 <= start && start - a.1 <= 3);
            past - first >= CONTEXT_MENTIONS || right_before
        })
        .map(|(mention, _)| mention)
        .collect()
}

/// A text with its typographic characters made plain ([`plain_char`]: no-break spaces, Unicode dashes,
/// curly apostrophes, fullwidth letters) and each run of white space made one space, so that "engagement
/// rate" is found across a line break or a no-break space, as lookup finds it. Offsets into it map back
/// to the original text.
struct PlainText {
    text: String,
    /// Where the difference between original and plain offsets changes: (plain offset, original
    /// offset) of the first character from which the new difference holds.
    shifts: Vec<(usize, usize)>,
}

impl PlainText {
    /// The plain form of `text`, or `None` when `text` is plain already (the common case of ASCII
    /// text with single spaces; checked without copying).
    fn new(text: &str) -> Option<PlainText> {
        let bytes = text.as_bytes();
        // Where the next byte that is not plain already sits: a byte of a multi-byte character, white
        // space other than a space, or a space that another white-space character follows.
        let next_special = |from: usize| {
            (from..bytes.len())
                .find(|&i| {
                    let b = bytes[i];
                    !b.is_ascii()
                        || (b.is_ascii_whitespace()
                            && (b != b' '
                                || bytes
                                    .get(i + 1)
                                    .is_some_and(|&n| n.is_ascii_whitespace() || !n.is_ascii())))
                })
                .unwrap_or(bytes.len())
        };
        let mut at = next_special(0);
        if at == bytes.len() {
            return None;
        }
        let mut plain = PlainText {
            text: String::with_capacity(text.len()),
            shifts: Vec::new(),
        };
        plain.text.push_str(&text[..at]);
        let mut shift = 0;
        while let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) {
            let c_len = c.len_utf8();
            let c = plain_char(c);
            if !(c == ' ' && plain.text.ends_with(' ')) {
                if at - plain.text.len() != shift {
                    shift = at - plain.text.len();
                    plain.shifts.push((plain.text.len(), at));
                }
                plain.text.push(c);
            }
            at += c_len;
            // A space after the space just written belongs to the same run of white space.
            while plain.text.ends_with(' ') && bytes.get(at) == Some(&b' ') {
                at += 1;
            }
            // Copy the plain run that follows in one go.
            let run_end = next_special(at);
            if run_end > at {
                if at - plain.text.len() != shift {
                    shift = at - plain.text.len();
                    plain.shifts.push((plain.text.len(), at));
                }
                plain.text.push_str(&text[at..run_end]);
                at = run_end;
            }
        }
        if text.len() - plain.text.len() != shift {
            plain.shifts.push((plain.text.len(), text.len()));
        }
        Some(plain)
    }

    /// The mentions found in the plain text, as mentions of the original `text`. They come in order,
    /// so one pass over the shifts maps them all.
    fn map_back<'t>(&self, text: &'t str, found: Vec<Mention<'_>>) -> Vec<Mention<'t>> {
        let mut next_shift = 0;
        let mut last = (0, 0);
        let mut map = |plain_offset: usize| {
            while let Some(&shift) = self.shifts.get(next_shift) {
                if shift.0 > plain_offset {
                    break;
                }
                last = shift;
                next_shift += 1;
            }
            plain_offset - last.0 + last.1
        };
        found
            .into_iter()
            .filter_map(|m| {
                let range = map(m.range.start)..map(m.range.end);
                Some(Mention {
                    term: m.term,
                    text: text.get(range.clone())?,
                    range,
                })
            })
            .collect()
    }
}

/// The longest pattern matched at `start` that is a whole word and has the right case, as a plain
/// left-to-right scan would report it there.
fn mention_at<'t>(
    automaton: &AhoCorasick,
    patterns: &[FindPattern],
    text: &'t str,
    start: usize,
) -> Option<(Mention<'t>, bool)> {
    let bytes = text.as_bytes();
    let mut candidate = automaton.find(
        Input::new(text)
            .span(start..text.len())
            .anchored(Anchored::Yes),
    );
    // The longest pattern at this start may fail the word or case test while a shorter one passes: try
    // the shorter ones, anchored at the same start.
    while let Some(m) = candidate {
        let pattern = &patterns[m.pattern().as_usize()];
        if is_whole_word(text, m.start(), m.end())
            && (!pattern.exact_case || bytes[m.start()..m.end()] == *pattern.text.as_bytes())
        {
            let mention = Mention {
                term: pattern.term,
                range: m.start()..m.end(),
                text: &text[m.start()..m.end()],
            };
            return Some((mention, pattern.needs_context));
        }
        candidate = if m.end() - m.start() > 1 {
            automaton.find(
                Input::new(text)
                    .span(m.start()..m.end() - 1)
                    .anchored(Anchored::Yes),
            )
        } else {
            None
        };
    }
    None
}

/// What [`find_terms`](crate::Glossary::find_terms) builds on first use: the patterns, the automaton
/// over them, and which words can start a mention.
pub(crate) struct Finder {
    patterns: Vec<FindPattern>,
    /// Leftmost-longest, ASCII-case-insensitive, over every find pattern; searched anchored only.
    automaton: AhoCorasick,
    /// Bit `b` is set if a pattern starts with the ASCII sign `b` ("#FF", "@mention").
    signs: u128,
    /// The first words of the patterns: those that are a key alone, and those that start a two-word
    /// key.
    words: WordFilter,
    /// The two-word keys: two words and the separator between them.
    pairs: BitFilter,
    /// The longest separator (in bytes, at most 7) in a two-word key.
    max_separator: usize,
}

impl Finder {
    pub(crate) fn new(patterns: Vec<FindPattern>) -> Finder {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            // Only anchored searches run, at the starts the filters let through.
            .start_kind(StartKind::Anchored)
            // The default (a contiguous NFA for this many patterns): a full DFA scans a little faster,
            // but takes many times the memory and the time to build.
            .build(patterns.iter().map(|p| p.text))
            .expect("the glossary's find patterns are few and short enough for an automaton");
        let mut signs = 0;
        // Most patterns have two words or more.
        let (mut firsts, mut pairs) = (
            Vec::with_capacity(patterns.len()),
            Vec::with_capacity(patterns.len()),
        );
        let mut alone = Vec::new();
        let mut max_separator = 0;
        for pattern in &patterns {
            let text = pattern.text;
            let bytes = text.as_bytes();
            let (first_end, first) = word_at(text, 0);
            if first_end == 0 {
                // Starts with a sign ("#FF", "@mention"): the walk looks at that character alone.
                match text.chars().next() {
                    Some(c) if c.is_ascii() => signs |= 1 << u32::from(c),
                    Some(c) => alone.push(sign_hash(bytes, 0, c.len_utf8())),
                    // An empty pattern matches nowhere as a whole word.
                    None => {}
                }
                continue;
            }
            // The walk finds the separator in the text by these same rules.
            match separator(text, first_end, 7) {
                Some((code, second_start)) => {
                    let second = word_at(text, second_start).1;
                    firsts.push(first);
                    pairs.push(pair_hash(first, code, second));
                    max_separator = max_separator.max(second_start - first_end);
                }
                // One word, or one word and signs ("Google+"): the first word is the key alone.
                None => alone.push(first),
            }
        }
        Finder {
            patterns,
            automaton,
            signs,
            words: WordFilter::new(alone, firsts),
            pairs: BitFilter::new(pairs),
            max_separator,
        }
    }

    /// The mentions in `text`, with the rule for everyday words of
    /// [`find_terms`](crate::Glossary::find_terms) or without it.
    pub(crate) fn mentions<'t>(&self, text: &'t str, in_context_only: bool) -> Vec<Mention<'t>> {
        match PlainText::new(text) {
            None => keep(self.find(text), in_context_only),
            Some(plain) => plain.map_back(text, keep(self.find(&plain.text), in_context_only)),
        }
    }

    /// Every mention in `text`, with whether its pattern is an everyday word.
    fn find<'t>(&self, text: &'t str) -> Vec<(Mention<'t>, bool)> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        // The word after the last one looked at, if the two-word test read it: (start, end, hash).
        let mut ahead = (usize::MAX, 0, 0);
        // Invariant: `at` is a character boundary and the character before it, if any, ends a word or
        // is not alphanumeric, so a word that contains `at` starts at `at`.
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            let start = at;
            // Plain tests in order of frequency: a `match` on a class table compiles to an indirect
            // jump, which mispredicts at almost every word.
            let (next, try_here) = if byte.is_ascii_alphanumeric() {
                let (end, hash) = if ahead.0 == start {
                    (ahead.1, ahead.2)
                } else {
                    word_at(text, start)
                };
                (end, self.word_may_start(text, end, hash, &mut ahead))
            } else if byte.is_ascii() {
                // A sign: it starts a mention only if some pattern starts with it ("#", "@").
                (start + 1, self.signs & (1 << byte) != 0)
            } else {
                self.non_ascii_may_start(text, start, &mut ahead)
            };
            let mention = if try_here {
                mention_at(&self.automaton, &self.patterns, text, start)
            } else {
                None
            };
            match mention {
                Some(mention) => {
                    // A mention ends a word, so the invariant holds at its end. (It ends at or after
                    // `next`; `max` only guarantees progress.)
                    at = mention.0.range.end.max(next);
                    out.push(mention);
                }
                None => at = next,
            }
        }
        out
    }

    /// Whether a mention may start with the word hashed `hash` that ends at `end`: it is a key alone,
    /// or it starts a two-word key and the next word completes one. The next word, if read, is left
    /// in `ahead`.
    #[inline]
    fn word_may_start(
        &self,
        text: &str,
        end: usize,
        hash: u64,
        ahead: &mut (usize, usize, u64),
    ) -> bool {
        let (alone, first) = self.words.roles(hash);
        alone || (first && self.pair_may_start(text, hash, end, ahead))
    }

    /// Whether the word hashed `first`, ending at `end`, and the word after it make a two-word key.
    /// Out of line: most words need no two-word test, and the walk measured faster without it inline.
    #[inline(never)]
    fn pair_may_start(
        &self,
        text: &str,
        first: u64,
        end: usize,
        ahead: &mut (usize, usize, u64),
    ) -> bool {
        separator(text, end, self.max_separator).is_some_and(|(code, second_start)| {
            let (second_end, second) = word_at(text, second_start);
            *ahead = (second_start, second_end, second);
            self.pairs.may_contain(pair_hash(first, code, second))
        })
    }

    /// Where the token at `start`, which begins with a multi-byte character, ends (a word, or that
    /// character if it is not alphanumeric), and whether a mention may start there.
    #[cold]
    fn non_ascii_may_start(
        &self,
        text: &str,
        start: usize,
        ahead: &mut (usize, usize, u64),
    ) -> (usize, bool) {
        match char_at(text, start) {
            Some(c) if c.is_alphanumeric() => {
                let (end, hash) = word_at(text, start);
                (end, self.word_may_start(text, end, hash, ahead))
            }
            Some(c) => {
                let end = start + c.len_utf8();
                let hash = sign_hash(text.as_bytes(), start, c.len_utf8());
                (end, self.words.roles(hash).0)
            }
            // Unreachable (`start` is a character boundary); stepping one byte stays panic-free.
            None => (start + 1, false),
        }
    }
}

/// Two sets of word hashes, answered with one memory read (a blocked Bloom filter with one bit per
/// set): words that are a key alone, and words that start a two-word key. Either may answer "yes" for
/// a word not in it (a few percent of words), never "no" for one in it.
struct WordFilter {
    blocks: Box<[u64]>,
    /// `64 - log2(blocks.len())`: the hash's top bits pick the block.
    shift: u32,
}

impl WordFilter {
    fn new(mut alone: Vec<u64>, mut firsts: Vec<u64>) -> WordFilter {
        for hashes in [&mut alone, &mut firsts] {
            hashes.sort_unstable();
            hashes.dedup();
        }
        // One or two words per 64-bit block: a false "yes" comes with probability about 1/32 per set.
        let len = ((alone.len() + firsts.len()) / 2 + 1).next_power_of_two();
        let mut filter = WordFilter {
            blocks: vec![0; len].into_boxed_slice(),
            shift: 64 - len.trailing_zeros(),
        };
        for hash in alone {
            let (block, bit, _) = filter.bits(hash);
            filter.blocks[block] |= bit;
        }
        for hash in firsts {
            let (block, _, bit) = filter.bits(hash);
            filter.blocks[block] |= bit;
        }
        filter
    }

    /// The block of a hash, and its bit in the block for each set: the top bits pick the block, the
    /// next twelve the bits (the top bits of a product are the well-mixed ones).
    #[inline]
    fn bits(&self, hash: u64) -> (usize, u64, u64) {
        let block = hash.checked_shr(self.shift).unwrap_or(0) as usize;
        let alone = (hash >> (self.shift - 6)) & 63;
        let first = (hash >> (self.shift - 12)) & 63;
        (block, 1 << alone, 1 << first)
    }

    /// Whether the word hashed `hash` may be a key alone, and whether it may start a two-word key.
    #[inline]
    fn roles(&self, hash: u64) -> (bool, bool) {
        let (block, alone, first) = self.bits(hash);
        let bits = self.blocks.get(block).copied().unwrap_or(0);
        (bits & alone != 0, bits & first != 0)
    }

    #[cfg(test)]
    fn memory_usage(&self) -> usize {
        self.blocks.len() * 8
    }
}

/// A set of hashes that may answer "yes" for a hash not in it (about one in 16) but never "no" for one
/// in it: one bit per hash.
struct BitFilter {
    bits: Box<[u64]>,
    /// `64 - log2(bits.len() * 64)`: the hash's top bits pick the bit.
    shift: u32,
}

impl BitFilter {
    fn new(mut hashes: Vec<u64>) -> BitFilter {
        hashes.sort_unstable();
        hashes.dedup();
        // 16 bits per key, read only for words that start a two-word key (8 bits per key measured no
        // faster on prose).
        let len = (hashes.len() * 16).next_power_of_two().max(64);
        let mut filter = BitFilter {
            bits: vec![0; len / 64].into_boxed_slice(),
            shift: 64 - len.trailing_zeros(),
        };
        for hash in hashes {
            let slot = filter.slot(hash);
            filter.bits[slot / 64] |= 1 << (slot % 64);
        }
        filter
    }

    #[inline]
    fn slot(&self, hash: u64) -> usize {
        // The top `log2(bits.len() * 64)` bits: below `bits.len() * 64`.
        (hash >> self.shift) as usize
    }

    #[inline]
    fn may_contain(&self, hash: u64) -> bool {
        let slot = self.slot(hash);
        self.bits
            .get(slot / 64)
            .is_some_and(|bits| bits & (1 << (slot % 64)) != 0)
    }

    #[cfg(test)]
    fn memory_usage(&self) -> usize {
        self.bits.len() * 8
    }
}

/// Mixes the next eight bytes into a running hash for the filters: a false "yes" from a weak mix only
/// costs an anchored search that finds nothing.
#[inline(always)]
const fn mix_word(h: u64, word: u64) -> u64 {
    (h.rotate_left(23) ^ word).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The key of two words and what separates them, from their hashes and the separator's bytes.
#[inline]
fn pair_hash(first: u64, separator: u64, second: u64) -> u64 {
    mix_word(mix_word(first, separator), second)
}

/// The word that starts at `start`: where it ends, and its hash.
#[inline]
fn word_at(text: &str, start: usize) -> (usize, u64) {
    let eight = load_word(text.as_bytes(), start);
    // Set at each byte that is not an ASCII letter or digit, including the zeros past the end.
    let stops = !ascii_alphanumeric(eight) & HIGH_BITS;
    let first_stop = stops & stops.wrapping_neg();
    if stops != 0 && eight & first_stop == 0 {
        // Most words: up to seven ASCII letters and digits, then an ASCII byte; one load for both.
        let len = (first_stop.trailing_zeros() / 8) as usize;
        (start + len, hash_chunk(0, eight & low_bytes(len)))
    } else {
        long_word_at(text, start)
    }
}

/// [`word_at`] for words of eight bytes or more, or with multi-byte characters.
#[inline(never)]
fn long_word_at(text: &str, start: usize) -> (usize, u64) {
    let bytes = text.as_bytes();
    let (mut at, mut hash) = (start, 0);
    loop {
        let eight = load_word(bytes, at);
        let stops = !ascii_alphanumeric(eight) & HIGH_BITS;
        let first_stop = stops & stops.wrapping_neg();
        if stops == 0 {
            hash = hash_chunk(hash, eight);
            at += 8;
        } else if eight & first_stop == 0 {
            let len = (first_stop.trailing_zeros() / 8) as usize;
            if len > 0 {
                hash = hash_chunk(hash, eight & low_bytes(len));
            }
            return (at + len, hash);
        } else {
            break;
        }
    }
    // A multi-byte character, which may be a letter: find the end first, then hash the same chunks.
    let end = word_end(text, at);
    let (mut at, mut hash) = (start, 0);
    while at < end {
        hash = hash_chunk(hash, load_word(bytes, at) & low_bytes(end - at));
        at += 8;
    }
    (end, hash)
}

/// The hash of the one character of `len` bytes at `at`, a key alone when a pattern starts with it.
fn sign_hash(bytes: &[u8], at: usize, len: usize) -> u64 {
    hash_chunk(0, load_word(bytes, at) & low_bytes(len))
}

/// Adds eight bytes of a word (zero past its end) to its hash, ignoring ASCII case. Setting bit 5 of
/// every byte folds ASCII letters to lower case and leaves digits alone; other bytes it may conflate,
/// which only costs a false positive. No letter or digit folds to the `0x20` of a byte past the end, so
/// words of different lengths differ in their last chunk.
#[inline]
fn hash_chunk(hash: u64, chunk: u64) -> u64 {
    const FOLD: u64 = 0x2020_2020_2020_2020;
    mix_word(hash, chunk | FOLD)
}

/// The non-alphanumeric characters from `from` to the next word, as up to 7 bytes in a `u64`, and where
/// that word starts; `None` if there is no next word or the separator is longer than `max_len` bytes.
#[inline]
fn separator(text: &str, from: usize, max_len: usize) -> Option<(u64, usize)> {
    let max_len = max_len.min(7);
    let eight = load_word(text.as_bytes(), from);
    // The ASCII bytes before the first ASCII letter or digit or multi-byte character; past the end of
    // the text they are zeros, so a text that ends in a separator has no second word.
    let boundary = ascii_alphanumeric(eight) | (eight & HIGH_BITS);
    let len = (boundary.trailing_zeros() / 8) as usize;
    if len < 8 && eight & (1 << (8 * len + 7)) != 0 {
        return multi_byte_separator(text, from, max_len);
    }
    (len > 0 && len <= max_len).then_some((eight & low_bytes(len), from + len))
}

/// [`separator`] where a multi-byte character, which may be a letter, comes first.
#[cold]
fn multi_byte_separator(text: &str, from: usize, max_len: usize) -> Option<(u64, usize)> {
    let mut end = from;
    loop {
        let c = char_at(text, end)?;
        if c.is_alphanumeric() {
            break;
        }
        end += c.len_utf8();
        if end - from > max_len {
            return None;
        }
    }
    (end > from).then_some((
        load_word(text.as_bytes(), from) & low_bytes(end - from),
        end,
    ))
}

/// Where the word that continues at `from` ends: the first character from there that is not
/// alphanumeric, or the end of the text.
#[inline]
fn word_end(text: &str, mut from: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        let eight = load_word(bytes, from);
        // Set at each byte that is not an ASCII letter or digit, including the zeros past the end.
        let stops = !ascii_alphanumeric(eight) & HIGH_BITS;
        from += (stops.trailing_zeros() / 8) as usize;
        if stops == 0 {
            continue;
        }
        match bytes.get(from) {
            Some(byte) if !byte.is_ascii() => match char_at(text, from) {
                Some(c) if c.is_alphanumeric() => from += c.len_utf8(),
                _ => return from,
            },
            _ => return from,
        }
    }
}

/// The character starting at byte `at`, if `at` is a character boundary inside the text.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&byte) if byte.is_ascii() => Some(char::from(byte)),
        Some(_) => text.get(at..)?.chars().next(),
        None => None,
    }
}

/// Whether `text[start..end]` is neither preceded nor followed by a letter or digit.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn memory_added_to_the_automaton_is_small() {
        let finder = crate::GLOSSARY.finder();
        let filters = finder.words.memory_usage() + finder.pairs.memory_usage();
        let automaton = finder.automaton.memory_usage();
        let patterns = finder.patterns.len();
        assert!(filters <= 32 * 1024, "{filters}");
        // A contiguous NFA, not a full DFA: a couple of hundred bytes per pattern.
        assert!(
            automaton < 256 * patterns,
            "{automaton} bytes for {patterns} patterns"
        );
    }

    /// Spellings the built-in glossary lacks but another glossary may have: multi-byte letters and
    /// separators, signs, long separators and words, exact case.
    const ODD_PATTERNS: &[(&str, bool)] = &[
        ("the 微博", false),
        ("微博", false),
        ("naïve café", false),
        ("über—cool", false),
        ("x’s y", false),
        ("e-mail", false),
        ("G+", false),
        ("C++ code", false),
        ("#tag", false),
        ("@handle", false),
        ("«quoted»", false),
        ("a/b test", false),
        ("AR", true),
        ("ar glasses", false),
        ("far -- -- x", false),
        ("far  --  -- y", false),
        ("İstanbul", false),
        ("ﬁx it", false),
        ("\u{301}mark", false),
        ("9to5", false),
        ("abcdefghijk", false),
        ("abcdefgh ij", false),
        ("abcdefg hij", false),
        ("Ωmega", false),
        ("tail.", false),
    ];

    fn odd_patterns() -> Vec<FindPattern> {
        let terms = crate::GLOSSARY.terms_by_slug();
        ODD_PATTERNS
            .iter()
            .enumerate()
            .map(|(i, &(text, exact_case))| FindPattern {
                text,
                term: &terms[i],
                exact_case,
                needs_context: false,
            })
            .collect()
    }

    /// The reference the word walk must agree with: an unanchored scan over every byte, with the same
    /// test at each start it stops at.
    fn plain_scan(
        automaton: &AhoCorasick,
        patterns: &[FindPattern],
        text: &str,
    ) -> Vec<(&'static str, Range<usize>)> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(found) = automaton.find(Input::new(text).range(at..)) {
            match mention_at(automaton, patterns, text, found.start()) {
                Some((m, _)) => {
                    out.push((m.term.slug(), m.range.clone()));
                    at = m.range.end;
                }
                None => {
                    at = found.start() + 1;
                    while !text.is_char_boundary(at) {
                        at += 1;
                    }
                }
            }
        }
        out
    }

    /// The automaton of [`plain_scan`] over `patterns`.
    fn unanchored(patterns: &[FindPattern]) -> AhoCorasick {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Both)
            .build(patterns.iter().map(|p| p.text))
            .unwrap()
    }

    fn word_walk(finder: &Finder, text: &str) -> Vec<(&'static str, Range<usize>)> {
        (finder.find(text).into_iter())
            .map(|(m, _)| (m.term.slug(), m.range))
            .collect()
    }

    #[test]
    fn odd_spellings_are_found_where_a_plain_scan_finds_them() {
        let finder = Finder::new(odd_patterns());
        let automaton = unanchored(&finder.patterns);
        for &(text, _) in ODD_PATTERNS {
            for context in [
                text.to_owned(),
                format!("Say {text}, then {}.", text.to_uppercase()),
                format!("x{text} {text}x {text}"),
                format!("«{text}»"),
            ] {
                let found = word_walk(&finder, &context);
                let expected = plain_scan(&automaton, &finder.patterns, &context);
                assert_eq!(found, expected, "{context:?}");
            }
            assert!(!word_walk(&finder, text).is_empty(), "{text:?}");
        }
    }

    /// The reference for `find_terms_raw`: the text made plain character by character (typographic
    /// spaces, dashes, apostrophes and fullwidth letters as their ASCII forms, runs of white space as
    /// one space), a [`plain_scan`] over that, and each match mapped back through a table of offsets.
    fn find_terms_reference(text: &str) -> Vec<(&'static str, Range<usize>)> {
        static AUTOMATON: LazyLock<AhoCorasick> =
            LazyLock::new(|| unanchored(&crate::GLOSSARY.finder().patterns));
        let mut plain = String::new();
        let mut original_offset = Vec::new();
        for (at, c) in text.char_indices() {
            let c = match c {
                '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' => '-',
                '\u{2018}' | '\u{2019}' | '\u{02bc}' => '\'',
                '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap(),
                c if c.is_whitespace() => ' ',
                c => c,
            };
            if c == ' ' && plain.ends_with(' ') {
                continue;
            }
            original_offset.extend(std::iter::repeat_n(at, c.len_utf8()));
            plain.push(c);
        }
        original_offset.push(text.len());
        plain_scan(&AUTOMATON, &crate::GLOSSARY.finder().patterns, &plain)
            .into_iter()
            .map(|(slug, range)| {
                let range = original_offset[range.start]..original_offset[range.end];
                (slug, range)
            })
            .collect()
    }

    /// `find_terms_raw`, which must agree with [`find_terms_reference`] exactly (the context rule for
    /// everyday words is tested on the corpora).
    fn find_terms_slugs(text: &str) -> Vec<(&'static str, Range<usize>)> {
        (crate::GLOSSARY.find_terms_raw(text).into_iter())
            .map(|m| {
                assert_eq!(&text[m.range.clone()], m.text);
                (m.term.slug(), m.range)
            })
            .collect()
    }

    #[test]
    fn find_terms_agrees_with_a_plain_scan_on_every_pattern_in_context() {
        let patterns = &crate::GLOSSARY.finder().patterns;
        let contexts = [
            ("", ""),
            ("Our ", " works."),
            ("x", ""),
            ("", "x"),
            ("7", "s"),
            ("#", "'s"),
            ("é", ""),
            ("", "é"),
            ("«", "»"),
            ("the ", "-"),
            ("a/", "/b"),
            ("\u{301}", " \u{301}"),
            ("(", ")"),
        ];
        let mut checked = 0;
        for (i, pattern) in patterns.iter().enumerate() {
            let next = patterns[(i * 7919 + 1) % patterns.len()].text;
            for (before, after) in contexts {
                for spelling in [
                    pattern.text.to_owned(),
                    pattern.text.to_ascii_uppercase(),
                    pattern.text.to_ascii_lowercase(),
                ] {
                    let text = format!("{before}{spelling}{after} {next}");
                    assert_eq!(
                        find_terms_slugs(&text),
                        find_terms_reference(&text),
                        "{text:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    /// One piece of a random text: a pattern of the glossary in some case, a word, digits, a sign or a
    /// non-ASCII character.
    fn piece() -> impl Strategy<Value = String> {
        let patterns = &crate::GLOSSARY.finder().patterns;
        prop_oneof![
            4 => (0..patterns.len(), 0..4u8, any::<u64>()).prop_map(move |(i, case, flips)| {
                let text = patterns[i].text;
                match case {
                    0 => text.to_owned(),
                    1 => text.to_ascii_uppercase(),
                    2 => text.to_ascii_lowercase(),
                    _ => text
                        .chars()
                        .enumerate()
                        .map(|(j, c)| {
                            if flips >> (j % 64) & 1 == 1 {
                                c.to_ascii_uppercase()
                            } else {
                                c.to_ascii_lowercase()
                            }
                        })
                        .collect(),
                }
            }),
            2 => prop::sample::select(vec![
                "the", "a", "in", "for", "on", "social", "media", "micro", "influencer", "brand",
                "content", "reach", "engagement", "rate", "the ick", "A/B", "AR", "ar", "ER", "er",
                "UGC", "CTA", "CTAs", "s", "it's", "go", "not", "Instagram", "TikTok", "G", "X",
            ])
            .prop_map(str::to_owned),
            2 => prop::sample::select(vec![
                " ", " ", " ", ", ", ". ", "-", "--", "'", "’", "#", "@", "/", "\n", "", "", "_", "+",
                " - ", "  ", "\t", "!", "?", "\"", "(", ")", "&",
            ])
            .prop_map(str::to_owned),
            1 => "[a-zA-Z0-9]{1,10}",
            1 => "[0-9]{1,4}",
            1 => prop::sample::select(vec![
                "é", "É", "ß", "😀", "\u{301}", "中", "微博", "Ω", "ﬁ", "İ", "\u{212a}", "\u{a0}", "“",
                "—", "\u{feff}", "ǅ", "٣",
            ])
            .prop_map(str::to_owned),
            1 => "\\PC{1,3}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        #[test]
        fn find_terms_agrees_with_a_plain_scan(pieces in prop::collection::vec(piece(), 0..40)) {
            let text = pieces.concat();
            prop_assert_eq!(find_terms_slugs(&text), find_terms_reference(&text), "{:?}", text);
        }

        #[test]
        fn find_terms_agrees_with_a_plain_scan_on_any_text(text in "\\PC{0,120}") {
            prop_assert_eq!(find_terms_slugs(&text), find_terms_reference(&text), "{:?}", text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        #[test]
        fn odd_spellings_agree_with_a_plain_scan(
            pieces in prop::collection::vec(
                prop_oneof![
                    prop::sample::select(ODD_PATTERNS).prop_map(|(text, _)| text.to_owned()),
                    prop::sample::select(ODD_PATTERNS).prop_map(|(text, _)| text.to_uppercase()),
                    "[ a-z\u{301}微博ﬁ—’«».#@+-]{1,4}",
                ],
                0..16,
            )
        ) {
            let finder = Finder::new(odd_patterns());
            let text = pieces.concat();
            let expected = plain_scan(&unanchored(&finder.patterns), &finder.patterns, &text);
            prop_assert_eq!(word_walk(&finder, &text), expected, "{:?}", text);
        }
    }
}
