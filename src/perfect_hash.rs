//! The perfect hash behind forgiving lookup: a fast 64-bit hash of the normalized key, a bucket, the
//! bucket's pilot from a table the compiler searched, and one slot to compare. The compiler
//! (`src/compiler/perfect_hash.rs`) builds the tables with this very hash, so both sides agree.
//!
//! phf's maps hash with 128-bit SipHash-1-3, which alone costs more than a std `HashMap` probe; keys
//! here are a few dozen bytes of our own static data, so a keyed, DoS-resistant hash buys nothing.

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// Hashes `bytes` eight at a time as little-endian words, the last one zero-padded, then mixes in
/// the length and finishes with the MurmurHash3 avalanche. Build time hashes keys with this.
#[cfg_attr(not(any(feature = "compiler", test)), allow(dead_code))] // build time and tests
pub fn hash_key(bytes: &[u8]) -> u64 {
    let words = bytes.chunks(8).map(|chunk| {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        u64::from_le_bytes(word)
    });
    hash_words(words, bytes.len())
}

/// [`hash_key`] over words already padded: run time hashes the normalized key's buffer this way.
#[inline]
pub fn hash_words(words: impl Iterator<Item = u64>, len: usize) -> u64 {
    let mut h: u64 = 0;
    for word in words {
        h = (h.rotate_left(23) ^ word).wrapping_mul(MULTIPLIER);
    }
    finish(h ^ len as u64)
}

/// MurmurHash3's 64-bit finalizer: every input bit affects every output bit.
#[inline]
const fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// `x` scaled into `0..n` (Lemire's multiply-shift range reduction).
#[inline]
const fn reduce(x: u64, n: usize) -> usize {
    ((x as u128 * n as u128) >> 64) as usize
}

/// The bucket of a hash, for a table of `buckets` buckets.
#[inline]
pub const fn bucket(hash: u64, buckets: usize) -> usize {
    reduce(hash, buckets)
}

/// The slot of a hash in a table of `slots` slots, given its bucket's pilot. The hash is already
/// avalanched, so one multiply spreads each pilot's choice over the table.
#[inline]
pub const fn slot(hash: u64, pilot: u16, slots: usize) -> usize {
    reduce(
        (hash ^ (pilot as u64 + 1).wrapping_mul(MULTIPLIER)).wrapping_mul(0xD6E8_FEB8_6659_FD93),
        slots,
    )
}
