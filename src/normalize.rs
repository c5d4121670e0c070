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
    /// Normalizes `query`. Returns `None` when nothing is left or the key would be longer than
    /// [`MAX_KEY_LEN`], since no key can match it then. Reads each byte of the query at most once.
    #[inline]
    pub fn new(query: &str) -> Option<Self> {
        if query.len() <= MAX_KEY_LEN && query.is_ascii() {
            Self::new_ascii(query.as_bytes())
        } else {
            Self::new_general(query)
        }
    }

    /// [`new`](Self::new) for ASCII queries of at most [`MAX_KEY_LEN`] bytes, nearly all of them: one
    /// table read per byte decides.
    #[inline]
    fn new_ascii(query: &[u8]) -> Option<Self> {
        let mut bytes = [0; MAX_KEY_LEN];
        // Kept in a local rather than in the struct, so that it stays in a register.
        let mut len = 0;
        for &byte in query {
            let folded = ASCII_FOLD[usize::from(byte & 0x7f)];
            if folded == DROP || (folded == b'#' && len == 0) {
                continue;
            }
            // `len` is below the number of bytes read so far, so below MAX_KEY_LEN here.
            bytes[len.min(MAX_KEY_LEN - 1)] = folded;
            len += 1;
        }
        (len > 0).then_some(NormalizedKey { bytes, len })
    }

    /// [`new`](Self::new) for any query, a character at a time.
    fn new_general(query: &str) -> Option<Self> {
        let mut bytes = [0; MAX_KEY_LEN];
        let mut len = 0;
        for c in query.chars() {
            let c = plain_char(c);
            if is_separator(c) || (c == '#' && len == 0) {
                continue;
            }
            for lower in c.to_lowercase() {
                let mut utf8 = [0; 4];
                let encoded = lower.encode_utf8(&mut utf8).as_bytes();
                bytes
                    .get_mut(len..len + encoded.len())?
                    .copy_from_slice(encoded);
                len += encoded.len();
            }
        }
        (len > 0).then_some(NormalizedKey { bytes, len })
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
        fn the_ascii_path_agrees_with_the_general_one(query in "[\\x00-\\x7f]{0,100}|[ #A-Za-z0-9_.'/-]{0,100}") {
            let fast = NormalizedKey::new(&query);
            let general = NormalizedKey::new_general(&query);
            proptest::prop_assert_eq!(fast.map(|k| (k.bytes, k.len)), general.map(|k| (k.bytes, k.len)));
        }
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
