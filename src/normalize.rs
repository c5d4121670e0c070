//! Query normalization: the one definition of when two spellings name the same term.
//!
//! The build script includes this file, so keys are normalized at build time by exactly the code that
//! normalizes queries at run time. Normalization works in a fixed-size stack buffer and never allocates.

/// The longest normalized key, in bytes, that a glossary may contain. The compiler rejects longer names
/// and aliases; a query that normalizes to more than this cannot match any term.
pub const MAX_KEY_LEN: usize = 96;

/// Returns true for characters that normalization drops: white space and the separators people use
/// interchangeably inside a term ("micro-influencer", "micro_influencer", "micro influencer", "A/B", "Q.A").
#[inline]
pub fn is_ignored(c: char) -> bool {
    matches!(
        c,
        '-' | '_' | '.' | '\'' | '/' | '\u{2019}' | '\u{2018}' | '\u{2010}' | '\u{2011}'
    ) || c.is_whitespace()
}

/// One in every byte of a word.
const LOW_BITS: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a word.
const HIGH_BITS: u64 = LOW_BITS * 0x80;

/// The high bit of each byte of `word` (all ASCII) that lies in `lo..=hi`, and no other bit.
#[inline]
const fn bytes_in_range(word: u64, lo: u8, hi: u8) -> u64 {
    let at_least_lo = word.wrapping_add(LOW_BITS * (0x80 - lo as u64));
    let above_hi = word.wrapping_add(LOW_BITS * (0x7f - hi as u64));
    at_least_lo & !above_hi & HIGH_BITS
}

/// Marks an ASCII byte that normalization drops.
const DROP: u8 = 0xFF;

/// What each ASCII byte becomes: itself lower-cased, or [`DROP`] for the ignored ones.
static ASCII_FOLD: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        table[b] = if matches!(c, '-' | '_' | '.' | '\'' | '/')
            || c.is_ascii_whitespace()
            || c == '\u{0b}'
        {
            DROP
        } else {
            c.to_ascii_lowercase() as u8
        };
        b += 1;
    }
    table
};

/// A normalized key held on the stack.
#[derive(Clone, Copy)]
pub struct NormalizedKey {
    bytes: [u8; MAX_KEY_LEN],
    len: usize,
}

impl NormalizedKey {
    /// Normalizes `query`: letters are lower-cased, [ignored](is_ignored) characters are removed, and
    /// `#` signs before the first kept character are dropped. Returns `None` when the result is empty or
    /// longer than [`MAX_KEY_LEN`], since no key can match it then.
    #[inline]
    pub fn new(query: &str) -> Option<Self> {
        let mut key = NormalizedKey {
            bytes: [0; MAX_KEY_LEN],
            len: 0,
        };
        let bytes = query.as_bytes();
        if bytes.len() <= MAX_KEY_LEN && bytes.is_ascii() {
            key.fold_ascii(bytes);
            return (key.len > 0).then_some(key);
        }
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                // ASCII, the common case: one table look-up decides drop, keep or lower-case.
                i += 1;
                let folded = ASCII_FOLD[b as usize];
                if folded == DROP {
                    continue;
                }
                if folded == b'#' && key.len == 0 {
                    continue;
                }
                key.push_byte(folded)?;
            } else {
                let c = query[i..].chars().next()?;
                i += c.len_utf8();
                if is_ignored(c) {
                    continue;
                }
                for lower in c.to_lowercase() {
                    let mut utf8 = [0u8; 4];
                    for &b in lower.encode_utf8(&mut utf8).as_bytes() {
                        key.push_byte(b)?;
                    }
                }
            }
        }
        (key.len > 0).then_some(key)
    }

    /// The common case, an ASCII query that fits. Eight bytes at a time where all eight are letters or
    /// digits (lower-casing them with one OR), byte by byte otherwise: every byte is written and the
    /// length advances only past the kept ones, so that loop has no data-dependent branch either. The
    /// bytes written past the final length are zeroed again, keeping the buffer's tail zero (see
    /// [`Self::padded_words`]).
    #[inline]
    fn fold_ascii(&mut self, bytes: &[u8]) {
        let mut len = 0;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes([
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ]);
            let upper = bytes_in_range(word, b'A', b'Z');
            if (upper | bytes_in_range(word, b'a', b'z') | bytes_in_range(word, b'0', b'9'))
                == HIGH_BITS
            {
                // `len` never passes the number of bytes read, so `len + 8 <= MAX_KEY_LEN` here.
                let end = (len + 8).min(MAX_KEY_LEN);
                self.bytes[end - 8..end].copy_from_slice(&(word | (upper >> 2)).to_le_bytes());
                len = end;
            } else {
                len = self.fold_bytes(chunk, len);
            }
        }
        len = self.fold_bytes(chunks.remainder(), len);
        for byte in &mut self.bytes[len..bytes.len()] {
            *byte = 0;
        }
        self.len = len;
    }

    /// Folds ASCII `bytes` one at a time into the buffer after `len` kept bytes; returns the new length.
    #[inline]
    fn fold_bytes(&mut self, bytes: &[u8], mut len: usize) -> usize {
        for &b in bytes {
            let folded = ASCII_FOLD[usize::from(b & 0x7f)];
            let keep = folded != DROP && !(folded == b'#' && len == 0);
            // `len` never passes the number of bytes read, at most MAX_KEY_LEN - 1 here.
            self.bytes[len.min(MAX_KEY_LEN - 1)] = folded;
            len += usize::from(keep);
        }
        len
    }

    /// The key as little-endian 64-bit words, zero-padded: what [`hash_key`](crate::perfect_hash::hash_key)
    /// hashes. Reads whole words straight from the buffer, whose bytes past `len` are always zero.
    #[inline]
    pub fn padded_words(&self) -> impl Iterator<Item = u64> + '_ {
        self.bytes[..self.len.div_ceil(8) * 8]
            .chunks_exact(8)
            .map(|chunk| {
                u64::from_le_bytes([
                    chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
                ])
            })
    }

    #[inline]
    fn push_byte(&mut self, b: u8) -> Option<()> {
        *self.bytes.get_mut(self.len)? = b;
        self.len += 1;
        Some(())
    }

    /// The normalized bytes (UTF-8).
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// The normalized text.
    #[inline]
    pub fn as_str(&self) -> &str {
        // Only whole UTF-8 encodings of chars are ever pushed, and a push that does not fit aborts
        // the whole key, so the bytes are always valid UTF-8.
        core::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }

    /// The singular forms a plural or possessive query may stand for, most likely first:
    /// "ctas" -> "cta", "boxes" -> "box", "stories" -> "story". Possessives arrive here as plurals,
    /// because the apostrophe is already dropped ("creator's" -> "creators").
    pub fn singular_candidates(&self) -> SingularCandidates {
        SingularCandidates {
            key: *self,
            step: 0,
        }
    }
}

impl core::fmt::Debug for NormalizedKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Iterator over the singular forms of a normalized key; see [`NormalizedKey::singular_candidates`].
pub struct SingularCandidates {
    key: NormalizedKey,
    step: u8,
}

impl Iterator for SingularCandidates {
    type Item = NormalizedKey;

    fn next(&mut self) -> Option<NormalizedKey> {
        while self.step < 3 {
            self.step += 1;
            let candidate = match self.step {
                1 => singular_by_stripping(&self.key, b"s", b""),
                2 => singular_by_stripping(&self.key, b"es", b""),
                _ => singular_by_stripping(&self.key, b"ies", b"y"),
            };
            if let Some(candidate) = candidate {
                return Some(candidate);
            }
        }
        None
    }
}

/// Replaces the suffix `plural` of `key` with `singular`, keeping at least two bytes of stem so that
/// short keys such as "ss" or "es" are not mangled. Works on a copy of the buffer: the stem is already
/// in place, so only the suffix changes and the tail is zeroed again.
fn singular_by_stripping(
    key: &NormalizedKey,
    plural: &[u8],
    singular: &[u8],
) -> Option<NormalizedKey> {
    let stem_len = key.as_bytes().strip_suffix(plural)?.len();
    if stem_len < 2 {
        return None;
    }
    let mut out = *key;
    out.bytes[stem_len..key.len].fill(0);
    out.bytes[stem_len..stem_len + singular.len()].copy_from_slice(singular);
    out.len = stem_len + singular.len();
    Some(out)
}

/// The padded byte trigrams of a normalized key, as `u32`s: a zero byte marks both ends, so "abc" gives
/// `\0ab`, `abc`, `bc\0` (one trigram per byte). The suggestion index is built from these, and a query
/// is cut into them the same way. An edit changes at most three of them.
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

    fn norm(s: &str) -> Option<&'static str> {
        NormalizedKey::new(s).map(|k| &*Box::leak(k.as_str().to_owned().into_boxed_str()))
    }

    #[test]
    fn folds_case_separators_and_leading_hash() {
        for q in [
            "Micro-Influencer",
            "micro influencer",
            "MICROINFLUENCER",
            " micro_influencer ",
            "micro.influencer",
        ] {
            assert_eq!(norm(q), Some("microinfluencer"), "{q}");
        }
        assert_eq!(norm("#hashtag"), Some("hashtag"));
        assert_eq!(norm("A/B testing"), Some("abtesting"));
        assert_eq!(norm("it\u{2019}s giving"), Some("itsgiving"));
    }

    #[test]
    fn the_ascii_table_agrees_with_is_ignored() {
        for b in 0u8..128 {
            let c = b as char;
            assert_eq!(ASCII_FOLD[b as usize] == DROP, is_ignored(c), "{b:#x}");
        }
    }

    #[test]
    fn the_ascii_fast_path_matches_the_general_path_and_keeps_the_tail_zero() {
        for q in [
            "Micro-Influencer",
            "#Hash-Tag_s",
            "a b c d e f g h i",
            "--x--",
            "###",
            "ALLCAPS.DOTS.",
            "c#",
        ] {
            let key = NormalizedKey::new(q);
            // Forcing the general path: a trailing non-ASCII space is ignored but skips the fast path.
            let general = NormalizedKey::new(&format!("{q}\u{00a0}"));
            assert_eq!(
                key.map(|k| k.as_str().to_owned()),
                general.map(|k| k.as_str().to_owned()),
                "{q}"
            );
            if let Some(key) = key {
                assert!(key.bytes[key.len..].iter().all(|&b| b == 0), "{q}");
                let words: Vec<u64> = key.padded_words().collect();
                assert_eq!(
                    crate::perfect_hash::hash_words(words.into_iter(), key.len),
                    crate::perfect_hash::hash_key(key.as_bytes())
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_word_at_a_time_path_agrees_with_the_general_one(query in "[ -~]{0,60}") {
            let fast = NormalizedKey::new(&query).map(|k| (k.as_str().to_owned(), k.bytes));
            let general = NormalizedKey::new(&format!("{query}\u{00a0}")).map(|k| (k.as_str().to_owned(), k.bytes));
            proptest::prop_assert_eq!(fast, general);
        }
    }

    #[test]
    fn only_a_leading_hash_is_dropped() {
        assert_eq!(norm(" #hashtag"), Some("hashtag"));
        assert_eq!(norm("##hashtag"), Some("hashtag"));
        assert_eq!(norm("# #"), None);
        assert_eq!(norm("c#"), Some("c#"));
    }

    #[test]
    fn lowercases_non_ascii_letters() {
        assert_eq!(norm("ÉTÉ"), Some("été"));
        assert_eq!(norm("İ"), Some("i\u{307}"));
    }

    #[test]
    fn empty_and_overlong_queries_have_no_key() {
        assert_eq!(norm(""), None);
        assert_eq!(norm("  - _ "), None);
        assert_eq!(norm("#"), None);
        assert_eq!(
            norm(&"a".repeat(MAX_KEY_LEN)),
            Some(&*"a".repeat(MAX_KEY_LEN).leak())
        );
        assert_eq!(norm(&"a".repeat(MAX_KEY_LEN + 1)), None);
        // A multi-byte char that would straddle the end is rejected whole, never split.
        assert_eq!(norm(&format!("{}é", "a".repeat(MAX_KEY_LEN - 1))), None);
    }

    #[test]
    fn normalization_is_idempotent() {
        for q in ["Micro-Influencers", "#Hashtag", "ÉTÉ", "a b c"] {
            let once = NormalizedKey::new(q).unwrap();
            let twice = NormalizedKey::new(once.as_str()).unwrap();
            assert_eq!(once.as_str(), twice.as_str());
        }
    }

    proptest::proptest! {
        #[test]
        fn normalization_is_idempotent_for_any_input(query in "\\PC{0,40}|[ #A-Za-z_.'/-]{0,40}") {
            if let Some(once) = NormalizedKey::new(&query) {
                let twice = NormalizedKey::new(once.as_str()).expect("a normalized key normalizes to itself");
                proptest::prop_assert_eq!(once.as_str(), twice.as_str());
                proptest::prop_assert!(once.as_str().len() <= MAX_KEY_LEN);
            }
        }
    }

    #[test]
    fn singular_candidates_cover_plurals_and_possessives() {
        let cands = |q: &str| -> Vec<String> {
            NormalizedKey::new(q)
                .unwrap()
                .singular_candidates()
                .map(|k| k.as_str().to_owned())
                .collect()
        };
        assert_eq!(cands("CTAs"), ["cta"]);
        assert_eq!(cands("boxes"), ["boxe", "box"]);
        assert_eq!(cands("stories"), ["storie", "stori", "story"]);
        assert_eq!(cands("creator's"), ["creator"]);
        assert!(cands("reach").is_empty());
        assert!(cands("es").is_empty());
    }
}
