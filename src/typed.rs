//! Spellings as typed: lookup's first probe, for short queries that are a term's spelling in some mix
//! of cases and separators ("Micro-Influencer", "micro influencers", "CTR"), which it answers without
//! normalizing.
//!
//! Shared by build time and run time: the build script includes this file, so the compiler stores each
//! ASCII spelling [folded](fold) as written, marked as typed, in the lookup table beside the normalized
//! keys, and a query is only folded, eight bytes in a few operations, before the probe.

use crate::swar::{HIGH_BITS, bytes_in_range, pack};

/// The longest query, in bytes, the table answers; longer ones go straight to normalizing. Most names
/// fit, and longer queries are more often phrases that miss: for those, folding and probing first
/// would only add to the normalizing they need anyway (BENCHMARKS.md has the figures).
pub const MAX_TYPED_LEN: usize = 16;

/// The bytes [`fold`] confuses with a byte that is not their case partner: setting bit 5 wherever
/// bit 6 is set lower-cases ASCII letters, but also turns `@` into `` ` ``, `[` into `{`, `\` into `|`,
/// `]` into `}`, `^` into `~` and `_` into DEL. The table holds no spelling with any of them, so for
/// every spelling it holds, a query folds to it exactly when it is that spelling in some mix of cases,
/// with `-`, `.` or `/` for any of its spaces; all four are separators, which normalizing drops.
#[cfg_attr(not(any(feature = "compiler", test)), allow(dead_code))] // build time and tests
pub const FOLD_AMBIGUOUS: &[u8] = b"@`[{\\|]}^~_\x7f";

/// `query` folded into a zero-padded buffer, when it is 1 to [`MAX_TYPED_LEN`] bytes of ASCII: its
/// letters lower-cased and its `-`, `.` and `/` made spaces, so that one stored spelling answers
/// "Micro-Influencer", "micro influencer" and "MICRO.INFLUENCER". The string lookup probes for among
/// the spellings as typed; `None` for any other query.
#[inline]
pub fn fold(query: &str) -> Option<[u8; MAX_TYPED_LEN]> {
    let bytes = query.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_TYPED_LEN {
        return None;
    }
    let mut folded = [0u8; MAX_TYPED_LEN];
    let mut seen = 0;
    let words = (0..bytes.len()).step_by(8).zip(folded.chunks_exact_mut(8));
    for (at, out) in words {
        // Eight bytes read from the query (zeros past its end), folded in a register and stored
        // whole: the probe reads them back as words, and a word load from narrower stores would
        // wait for every one of them.
        let word = match bytes.get(at..at + 8) {
            Some(&[a, b, c, d, e, f, g, h]) => u64::from_le_bytes([a, b, c, d, e, f, g, h]),
            _ => pack(bytes.get(at..).unwrap_or_default()),
        };
        seen |= word;
        // Bit 5 set in every byte whose bit 6 is set lower-cases the letters.
        let lower = word | ((word & 0x4040_4040_4040_4040) >> 1);
        // `-`, `.` and `/` (0x2d to 0x2f) lose their low four bits and become ` ` (0x20).
        let spaced = lower & !((bytes_in_range(lower, b'-', b'/') >> 7) * 0x0f);
        out.copy_from_slice(&spaced.to_le_bytes());
    }
    (seen & HIGH_BITS == 0).then_some(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_is_exact_for_every_byte_a_spelling_may_hold() {
        let fold = |b: u8| fold(core::str::from_utf8(&[b]).unwrap()).unwrap()[0];
        let stored_bytes = (1u8..128).filter(|b| {
            !b.is_ascii_uppercase() && !FOLD_AMBIGUOUS.contains(b) && !b"-./".contains(b)
        });
        for stored in stored_bytes {
            for typed in 1u8..128 {
                let same_spelling = typed.to_ascii_lowercase() == stored
                    || (stored == b' ' && b"-./".contains(&typed));
                assert_eq!(
                    fold(typed) == stored,
                    same_spelling,
                    "{typed:#x} against {stored:#x}"
                );
            }
        }
        for b in FOLD_AMBIGUOUS {
            assert!((1u8..128).any(|other| other != *b && fold(other) == fold(*b)));
        }
    }

    #[test]
    fn only_short_ascii_queries_are_folded() {
        assert_eq!(&fold("Micro-Infl/A.B").unwrap()[..15], b"micro infl a b\0");
        assert!(fold("").is_none());
        assert!(fold("été").is_none());
        assert!(fold(&format!("{}é", "a".repeat(MAX_TYPED_LEN - 2))).is_none());
        assert!(fold(&"a".repeat(MAX_TYPED_LEN + 1)).is_none());
        assert!(fold(&"a".repeat(MAX_TYPED_LEN)).is_some());
    }
}
