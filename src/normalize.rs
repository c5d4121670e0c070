//! Normalization: the one definition of when two spellings name the same term.
//!
//! Shared by build time and run time: the build script includes this file, so the compiler derives every
//! lookup key with exactly the code that normalizes queries. Normalizing works in a fixed-size stack
//! buffer and never allocates.

/// The longest normalized key, in bytes, that a glossary may contain. The compiler rejects longer names
/// and aliases; a query that normalizes to more than this cannot match any term.
pub const MAX_KEY_LEN: usize = 96;
const _: () = assert!(
    MAX_KEY_LEN.is_multiple_of(8),
    "the key buffer holds whole words"
);

/// The plain character a typographic variant stands for: any white space (the no-break space of
/// text copied from HTML included) is a space; Unicode hyphens, dashes and the minus sign are `-`;
/// curly apostrophes are `'`; fullwidth ASCII (`Ｒ`) is ASCII. Every other character is itself.
///
/// Lookup and finding terms in text both see characters through this function, so they agree on
/// what separates the words of a term.
#[inline]
pub const fn plain_char(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{02bc}' => '\'',
        // Fullwidth forms of the printable ASCII characters sit 0xFEE0 above them.
        '\u{ff01}'..='\u{ff5e}' => match char::from_u32(c as u32 - 0xfee0) {
            Some(ascii) => ascii,
            None => c,
        },
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// Whether normalization drops `c` (once made [plain](plain_char)): white space and the separators
/// people use interchangeably inside a term ("micro-influencer", "micro_influencer", "A/B", "Q.A",
/// "creator's").
#[inline]
pub const fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '_' | '.' | '\'' | '/')
}

/// Marks an ASCII byte that normalization drops.
const DROP: u8 = 0xFF;

/// What each ASCII byte becomes: [`DROP`] for separators and white space, itself lower-cased otherwise.
static ASCII_FOLD: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        table[b] = if is_separator(plain_char(c)) {
            DROP
        } else {
            c.to_ascii_lowercase() as u8
        };
        b += 1;
    }
    table
};

/// A normalized key held on the stack: the query lower-cased, with [separators](is_separator) and any
/// leading `#` removed. Bytes past the key are zero, so the key reads as whole zero-padded words.
#[derive(Clone, Copy)]
pub struct NormalizedKey {
    bytes: [u8; MAX_KEY_LEN],
    len: usize,
}

impl NormalizedKey {
    /// No key yet: what [`normalize`](Self::normalize) fills in.
    pub const EMPTY: NormalizedKey = NormalizedKey {
        bytes: [0; MAX_KEY_LEN],
        len: 0,
    };

    /// Normalizes `query`. Returns `None` when nothing is left or the key would be longer than
    /// [`MAX_KEY_LEN`], since no key can match it then. Takes time linear in the query's length.
    #[inline]
    #[cfg_attr(
        not(any(feature = "std", feature = "compiler", test)),
        allow(dead_code)
    )] // std queries, build time
    pub fn new(query: &str) -> Option<Self> {
        let mut key = Self::EMPTY;
        key.normalize(query).then_some(key)
    }

    /// [`new`](Self::new) into this [empty](Self::EMPTY) key, in place: whether a key is left.
    /// Lookup normalizes this way, since moving a key just written costs more than writing it (the
    /// move reads back, sixteen bytes at a time, what was just stored eight at a time).
    #[inline]
    pub fn normalize(&mut self, query: &str) -> bool {
        // A leading `#` is dropped like the separators around it; past the first kept character it
        // is kept.
        let leading = |c: char| c == '#' || is_separator(plain_char(c));
        let query = query.trim_start_matches(leading);
        let mut key = KeyWriter::default();
        // ASCII, nearly every query and the start of most others, takes one table read per byte.
        // (`is_ascii` is the faster check where it holds, the prefix's length where it does not.)
        let ascii_len = match query.is_ascii() {
            true => query.len(),
            false => crate::swar::ascii_prefix_len(query.as_bytes()),
        };
        let (ascii, rest) = query.split_at(ascii_len);
        for &byte in ascii.as_bytes() {
            match ASCII_FOLD[usize::from(byte & 0x7f)] {
                DROP => continue,
                folded => key.push(&mut self.bytes, folded),
            }
        }
        for c in rest.chars() {
            // What is plainly ASCII (fullwidth letters, dashes, no-break spaces) takes the same table;
            // only the rest is lower-cased by Unicode's rules.
            let c = if c.is_ascii() { c } else { plain_char(c) };
            if let Some(&byte) = ASCII_FOLD.get(c as usize) {
                if byte != DROP {
                    key.push(&mut self.bytes, byte);
                }
                continue;
            }
            for lower in c.to_lowercase() {
                let mut utf8 = [0; 4];
                for &byte in lower.encode_utf8(&mut utf8).as_bytes() {
                    key.push(&mut self.bytes, byte);
                }
            }
        }
        self.len = key.finish(&mut self.bytes);
        if self.len > MAX_KEY_LEN {
            // The key outgrew the buffer: no key can match it.
            *self = Self::EMPTY;
        }
        self.len > 0
    }

    /// The key followed by zeros to a whole number of 8-byte words: what the perfect hash reads.
    #[inline]
    pub fn padded(&self) -> &[u8] {
        &self.bytes
    }

    /// The normalized bytes (UTF-8).
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// The normalized text.
    #[inline]
    pub fn as_str(&self) -> &str {
        // Only whole UTF-8 encodings of chars are ever pushed, so the bytes are always valid UTF-8.
        core::str::from_utf8(self.as_bytes()).unwrap_or("")
    }
}

/// Writes a key into a [`NormalizedKey`]'s buffer: the bytes are gathered in a register and stored
/// a whole word at a time, the way the hash reads them back, since a word load from single-byte
/// stores waits for every one of them.
#[derive(Default)]
struct KeyWriter {
    /// How many bytes are stored, in whole words.
    stored: usize,
    /// The bytes pushed since, the first in the lowest bits.
    word: u64,
    /// How many bits of `word` are pushed.
    bits: u32,
}

impl KeyWriter {
    /// Appends one byte.
    #[inline(always)]
    fn push(&mut self, buffer: &mut [u8; MAX_KEY_LEN], byte: u8) {
        self.word |= u64::from(byte) << self.bits;
        self.bits += 8;
        if self.bits == 64 {
            self.store(buffer);
            (self.stored, self.word, self.bits) = (self.stored + 8, 0, 0);
        }
    }

    /// Stores the pending word after the whole words (or nowhere, once the key outgrew the buffer).
    #[inline(always)]
    fn store(&self, buffer: &mut [u8; MAX_KEY_LEN]) {
        if let Some(at) = buffer.get_mut(self.stored..self.stored + 8) {
            at.copy_from_slice(&self.word.to_le_bytes());
        }
    }

    /// Stores the last, partial word: the key's length (over [`MAX_KEY_LEN`] if it outgrew the
    /// buffer).
    #[inline]
    fn finish(self, buffer: &mut [u8; MAX_KEY_LEN]) -> usize {
        if self.bits > 0 {
            self.store(buffer);
        }
        self.stored + self.bits as usize / 8
    }
}

impl core::fmt::Debug for NormalizedKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// The padded byte trigrams of a normalized key, as `u32`s: a zero byte marks both ends, so "abc" gives
/// `\0ab`, `abc`, `bc\0` (one trigram per byte). The suggestion index is built from these, and a query
/// is cut into them the same way.
#[cfg_attr(not(feature = "std"), allow(dead_code))] // used by suggestions (std) and the compiler
pub fn key_trigrams(key: &str) -> impl Iterator<Item = u32> + '_ {
    let bytes = key.as_bytes();
    let at = move |i: usize| -> u32 {
        if i == 0 {
            0
        } else {
            bytes.get(i - 1).copied().map_or(0, u32::from)
        }
    };
    (1..=bytes.len()).map(move |i| (at(i - 1) << 16) | (at(i) << 8) | at(i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> Option<String> {
        NormalizedKey::new(s).map(|k| k.as_str().to_owned())
    }

    #[test]
    fn folds_case_separators_and_a_leading_hash() {
        for q in [
            "Micro-Influencer",
            "micro influencer",
            "MICROINFLUENCER",
            " micro_influencer ",
            "micro.influencer",
            "micro\u{a0}influencer",
            "micro\u{2010}influencer",
            "micro\u{2013}influencer",
            "ＭＩＣＲＯ ＩＮＦＬＵＥＮＣＥＲ",
        ] {
            assert_eq!(norm(q).as_deref(), Some("microinfluencer"), "{q}");
        }
        assert_eq!(norm("#hashtag").as_deref(), Some("hashtag"));
        assert_eq!(norm(" ##hashtag").as_deref(), Some("hashtag"));
        assert_eq!(norm("c#").as_deref(), Some("c#"));
        assert_eq!(norm("A/B testing").as_deref(), Some("abtesting"));
        assert_eq!(norm("it\u{2019}s giving").as_deref(), Some("itsgiving"));
        assert_eq!(norm("ÉTÉ").as_deref(), Some("été"));
        assert_eq!(norm("İ").as_deref(), Some("i\u{307}"));
    }

    #[test]
    fn empty_and_overlong_queries_have_no_key() {
        assert_eq!(norm(""), None);
        assert_eq!(norm("  - _ \u{2014} "), None);
        assert_eq!(norm("# #"), None);
        assert_eq!(
            norm(&"a".repeat(MAX_KEY_LEN)),
            Some("a".repeat(MAX_KEY_LEN))
        );
        assert_eq!(norm(&"a".repeat(MAX_KEY_LEN + 1)), None);
        // A multi-byte char that would straddle the end is rejected whole, never split.
        assert_eq!(norm(&format!("{}é", "a".repeat(MAX_KEY_LEN - 1))), None);
    }

    proptest::proptest! {
        #[test]
        fn normalization_is_idempotent_and_zero_padded(query in "\\PC{0,40}|[ #A-Za-z_.'/-]{0,40}") {
            if let Some(once) = NormalizedKey::new(&query) {
                let twice = NormalizedKey::new(once.as_str()).expect("a key normalizes to itself");
                proptest::prop_assert_eq!(once.as_str(), twice.as_str());
                proptest::prop_assert!(once.bytes[once.len..].iter().all(|&b| b == 0));
            }
        }
    }
}
