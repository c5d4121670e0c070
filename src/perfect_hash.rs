//! The perfect hash behind every table the queries probe (lookup keys, suggestion trigrams, search
//! words): a seeded 64-bit hash of the key, its bucket, the bucket's pilot, and the one slot where the
//! key can be.
//!
//! Shared by build time and run time: the build script includes this file, so the compiler
//! (`src/compiler/perfect_hash.rs`) searches the seed and the pilots with the very code that probes.
//!
//! phf hashes with SipHash-1-3, which alone costs about what a whole std `HashMap` probe does; the keys
//! here are our own static data, so a keyed, DoS-resistant hash buys nothing (BENCHMARKS.md has the
//! figures).

use crate::packed::U16s;

/// The 128-bit product of `a` and `b`, its halves XORed: every bit of either input reaches the middle
/// bits of the result, and through the fold, the low half too.
#[inline(always)]
const fn folded_multiply(a: u64, b: u64) -> u64 {
    let product = a as u128 * b as u128;
    (product as u64) ^ ((product >> 64) as u64)
}

const WORD_MIX: u64 = 0x9E37_79B9_7F4A_7C15;
const LEN_MIX: u64 = 0xA076_1D64_78BD_642F;
const FINAL_MIX: u64 = 0xE703_7ED1_A0B4_28DB;

/// Hashes `bytes` with `seed`, as little-endian 8-byte words (the last one zero-padded), two words a
/// step: each step multiplies one word, mixed with the running state, by the other, so a change
/// anywhere in the key changes every bit of the hash (no byte can cancel another, as a
/// rotate-and-multiply lets it). Build time hashes keys with this, and so do the queries whose keys
/// are not already in a zero-padded buffer (search words, suggestion trigrams).
#[cfg_attr(
    not(any(feature = "std", feature = "compiler", test)),
    allow(dead_code)
)]
pub fn hash(seed: u64, bytes: &[u8]) -> u64 {
    hash_words(seed, bytes.len(), |at| {
        let mut word = [0u8; 8];
        let tail = bytes.get(at..).unwrap_or(&[]);
        let n = tail.len().min(8);
        word[..n].copy_from_slice(&tail[..n]);
        u64::from_le_bytes(word)
    })
}

/// [`hash`] of a key of `len` bytes given as `padded`: the key followed by zeros to a whole number of
/// 8-byte words (more bytes are ignored). Lookup hashes its normalized key's zero-filled buffer this
/// way, without copying it.
#[inline]
pub fn hash_padded(seed: u64, padded: &[u8], len: usize) -> u64 {
    hash_words(seed, len, |at| match padded.get(at..at + 8) {
        Some(&[a, b, c, d, e, f, g, h]) => u64::from_le_bytes([a, b, c, d, e, f, g, h]),
        _ => 0,
    })
}

/// The hash of a key of `len` bytes whose word at byte offset `at` is `word(at)`.
#[inline(always)]
fn hash_words(seed: u64, len: usize, word: impl Fn(usize) -> u64) -> u64 {
    let mut h = seed ^ len as u64 ^ LEN_MIX;
    let mut at = 0;
    while at + 8 < len {
        h = folded_multiply(word(at) ^ h, word(at + 8) ^ WORD_MIX);
        at += 16;
    }
    if at < len {
        h = folded_multiply(word(at) ^ h, WORD_MIX);
    }
    folded_multiply(h ^ FINAL_MIX, WORD_MIX)
}

/// `x` scaled into `0..n` (Lemire's multiply-shift range reduction): uses the high bits of `x`.
#[inline]
const fn reduce(x: u64, n: usize) -> usize {
    ((x as u128 * n as u128) >> 64) as usize
}

/// The bucket of a hash, for a table of `buckets` buckets.
#[inline]
pub const fn bucket(hash: u64, buckets: usize) -> usize {
    reduce(hash, buckets)
}

/// The slot of a hash in a table of `slots` slots, given its bucket's pilot: each pilot sends the keys
/// of a bucket to an unrelated set of slots.
#[inline]
pub const fn slot(hash: u64, pilot: u16, slots: usize) -> usize {
    reduce(folded_multiply(hash ^ pilot as u64, FINAL_MIX), slots)
}

/// A perfect hash as generated code stores it: the seed the compiler settled on, one pilot per bucket,
/// and the number of slots. Not part of the public API.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct PerfectHash {
    /// The seed of [`hash`].
    pub seed: u64,
    /// One pilot per bucket.
    pub pilots: U16s,
    /// How many slots the table has; the rows of the table it indexes are in slot order.
    pub slots: usize,
}

impl PerfectHash {
    /// The one slot where a key can be, given as for [`hash_padded`]. The caller compares the key
    /// stored there, since a key that is not in the table lands on some slot too.
    #[inline]
    pub fn slot_of(&self, padded: &[u8], len: usize) -> usize {
        self.slot_of_hash(hash_padded(self.seed, padded, len))
    }

    /// The one slot where `key` can be, for a key held as it is (see [`slot_of`](Self::slot_of)).
    #[cfg(feature = "std")]
    #[inline]
    pub fn slot_of_key(&self, key: &[u8]) -> usize {
        self.slot_of_hash(hash(self.seed, key))
    }

    /// The slot of a key whose hash, under this table's seed, is `hash`.
    #[inline]
    fn slot_of_hash(&self, hash: u64) -> usize {
        slot(
            hash,
            self.pilots.get(bucket(hash, self.pilots.len())),
            self.slots,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn hashing_padded_words_is_hashing_the_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..100), seed in 0u64..4) {
            let mut padded = bytes.clone();
            padded.resize(bytes.len().next_multiple_of(8) + 8, 0);
            proptest::prop_assert_eq!(hash(seed, &bytes), hash_padded(seed, &padded, bytes.len()));
        }
    }

    #[test]
    fn a_one_byte_change_anywhere_changes_about_half_the_bits() {
        let key = *b"creator 106 and creator 210 are two keys";
        let base = hash(0, &key);
        for at in 0..key.len() {
            let mut changed = key;
            changed[at] ^= 1;
            let flipped = (hash(0, &changed) ^ base).count_ones();
            assert!((12..=52).contains(&flipped), "byte {at}: {flipped} bits");
        }
    }
}
