//! The perfect hash behind forgiving lookup: a fast 64-bit hash of the normalized key, a bucket, the
//! bucket's pilot from a table the compiler searched, and one slot to compare. The compiler
//! (`src/compiler/perfect_hash.rs`) builds the tables with this very hash, so both sides agree.
//!
//! phf's maps hash with 128-bit SipHash-1-3, which alone costs more than a std `HashMap` probe; keys
//! here are a few dozen bytes of our own static data, so a keyed, DoS-resistant hash buys nothing.

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// Hashes `bytes` eight at a time as little-endian words, the last one zero-padded, then mixes in
/// the length and finishes with one more multiply. Build time hashes keys with this.
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
    finish_hash(words.fold(0, mix_word), len)
}

/// Mixes the next 8-byte word of a key into the running hash `h` (which starts at 0). The
/// normalizer calls this word by word as it writes a key, so hashing overlaps with normalizing. It is
/// also the crate's one cheap mixing step elsewhere: search's per-term score map and the word hashes of
/// finding terms in text are built from it.
#[inline(always)]
pub const fn mix_word(h: u64, word: u64) -> u64 {
    (h.rotate_left(23) ^ word).wrapping_mul(MULTIPLIER)
}

/// The hash of a key of `len` bytes whose words were mixed into `h`.
#[inline(always)]
pub const fn finish_hash(h: u64, len: usize) -> u64 {
    finish(h ^ len as u64)
}

/// The last step: one more multiply, whose high bits depend on every input bit, folded onto the
/// low half. Buckets and slots are taken from the high bits, so this is all the mixing they need.
#[inline]
const fn finish(h: u64) -> u64 {
    let h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^ (h >> 32)
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

/// The slot of a hash in a table of `slots` slots, given its bucket's pilot. The pilot is XORed into
/// the hash's low bits and the result multiplied again: a change in the low bits reaches the high bits
/// that pick the slot through the multiply, so every pilot sends the keys of a bucket to an unrelated
/// set of slots (without the multiply, pilots would only permute the slots, and small tables would run
/// out of pilots). Nothing is done to the pilot itself, so that after its load the slot is two steps
/// away: an XOR and a multiply. Searching pilots for 100,000 keys, the largest one needed is about 400.
#[inline]
pub const fn slot(hash: u64, pilot: u16, slots: usize) -> usize {
    reduce(
        (hash ^ pilot as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93),
        slots,
    )
}
