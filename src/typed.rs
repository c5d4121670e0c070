//! Spellings as typed: lookup's first probe, for queries that are a term's spelling in some mix of
//! cases ("Micro-Influencer", "micro influencers", "CTR"), which it answers without normalizing.
//!
//! Shared by build time and run time: the build script includes this file, so the compiler stores each
//! ASCII spelling lower-cased as written, marked as typed, in the lookup table beside the normalized
//! keys, and a query is only case-folded, eight bytes in three operations, before the probe.

/// The longest query, in bytes, the table answers; longer ones go straight to normalizing.
pub const MAX_TYPED_LEN: usize = 32;

/// The bytes [`fold_case`] confuses with a byte that is not their case partner: setting bit 5 wherever
/// bit 6 is set lower-cases ASCII letters, but also turns `@` into `` ` ``, `[` into `{`, `\` into `|`,
/// `]` into `}`, `^` into `~` and `_` into DEL. The table holds no spelling with any of them, so for
/// every spelling it holds, a query folds to it exactly when it is that spelling in some mix of cases.
#[cfg_attr(not(any(feature = "compiler", test)), allow(dead_code))] // build time and tests
pub const FOLD_AMBIGUOUS: &[u8] = b"@`[{\\|]}^~_\x7f";

/// `query` case-folded into a zero-padded buffer, when it is 1 to [`MAX_TYPED_LEN`] bytes of ASCII:
/// the string lookup probes for among the spellings as typed. `None` for any other query.
#[inline]
pub fn fold_case(query: &str) -> Option<[u8; MAX_TYPED_LEN]> {
    let bytes = query.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_TYPED_LEN || !bytes.is_ascii() {
        return None;
    }
    let mut folded = [0u8; MAX_TYPED_LEN];
    folded[..bytes.len()].copy_from_slice(bytes);
    for word in folded.chunks_exact_mut(8) {
        let value = u64::from_le_bytes([
            word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7],
        ]);
        // Bit 5 set in every byte whose bit 6 is set.
        let lower = value | ((value & 0x4040_4040_4040_4040) >> 1);
        word.copy_from_slice(&lower.to_le_bytes());
    }
    Some(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_is_exact_for_every_byte_a_spelling_may_hold() {
        let fold = |b: u8| fold_case(core::str::from_utf8(&[b]).unwrap()).unwrap()[0];
        for stored in (1u8..128).filter(|b| !b.is_ascii_uppercase() && !FOLD_AMBIGUOUS.contains(b))
        {
            for typed in 1u8..128 {
                assert_eq!(
                    fold(typed) == stored,
                    typed.to_ascii_lowercase() == stored,
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
        assert_eq!(
            &fold_case("Micro-Influencer").unwrap()[..17],
            b"micro-influencer\0"
        );
        assert!(fold_case("").is_none());
        assert!(fold_case("été").is_none());
        assert!(fold_case(&"a".repeat(MAX_TYPED_LEN + 1)).is_none());
        assert!(fold_case(&"a".repeat(MAX_TYPED_LEN)).is_some());
    }
}
