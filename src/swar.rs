//! Eight bytes at a time (SWAR): the byte tests and loads that folding queries for lookup and finding
//! terms in text share, on plain `u64` arithmetic.

/// One in every byte of a word.
pub const LOW_BITS: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a word.
pub const HIGH_BITS: u64 = LOW_BITS * 0x80;

/// The high bit of each byte of `word` (all ASCII) that lies in `lo..=hi`, and no other bit. No byte
/// carries into the next: every sum stays below 256.
#[inline]
pub const fn bytes_in_range(word: u64, lo: u8, hi: u8) -> u64 {
    let at_least_lo = word.wrapping_add(LOW_BITS * (0x80 - lo as u64));
    let above_hi = word.wrapping_add(LOW_BITS * (0x7f - hi as u64));
    at_least_lo & !above_hi & HIGH_BITS
}

/// The high bit of each byte of `word` that is an ASCII letter (either case); bytes must be ASCII.
/// Setting bit 5 of every byte maps exactly the letters of both cases onto `a..=z`.
#[inline]
pub const fn ascii_letters(word: u64) -> u64 {
    bytes_in_range(word | (LOW_BITS * 0x20), b'a', b'z')
}

/// The high bit of each byte of `word` that is an ASCII letter or digit; bytes that are not ASCII
/// (high bit set) are never marked.
#[inline]
#[cfg_attr(not(feature = "std"), allow(dead_code))] // finding terms (std)
pub const fn ascii_alphanumeric(word: u64) -> u64 {
    let low = word & !HIGH_BITS;
    (ascii_letters(low) | bytes_in_range(low, b'0', b'9')) & !word
}

/// How many bytes at the start of `bytes` are ASCII, found eight at a time.
#[inline]
pub fn ascii_prefix_len(bytes: &[u8]) -> usize {
    let mut at = 0;
    while let Some(&[a, b, c, d, e, f, g, h]) = bytes.get(at..at + 8) {
        let high = u64::from_le_bytes([a, b, c, d, e, f, g, h]) & HIGH_BITS;
        if high != 0 {
            return at + high.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    let tail = bytes.get(at..).unwrap_or_default();
    at + tail
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(tail.len())
}

/// The eight bytes of `bytes` from `at`, little-endian, zero past its end. Near the end of a slice of
/// at least eight bytes, the last eight are read and shifted down instead of copied byte by byte.
#[inline(always)]
#[cfg_attr(not(feature = "std"), allow(dead_code))] // finding terms (std)
pub fn load_word(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at.wrapping_add(8)) {
        Some(eight) => u64::from_le_bytes([
            eight[0], eight[1], eight[2], eight[3], eight[4], eight[5], eight[6], eight[7],
        ]),
        None => load_tail(bytes, at),
    }
}

/// [`load_word`] within eight bytes of the end, kept out of line so that the common load stays small.
#[cold]
#[inline(never)]
#[cfg_attr(not(feature = "std"), allow(dead_code))] // finding terms (std)
fn load_tail(bytes: &[u8], at: usize) -> u64 {
    match bytes.len().checked_sub(8) {
        Some(last) if at < bytes.len() && at >= last => load_word(bytes, last) >> (8 * (at - last)),
        _ => pack(bytes.get(at..).unwrap_or_default()),
    }
}

/// The first eight bytes of `bytes` (all of them when fewer) as a little-endian word, zero-padded.
/// Two loads that may overlap, instead of a loop over the bytes: the overlapping bytes are the same
/// bytes at the same positions, so OR-ing the two halves together is exact.
#[inline]
pub fn pack(bytes: &[u8]) -> u64 {
    let n = bytes.len().min(8);
    let at = |i: usize| u64::from(bytes[i]);
    let two = |i: usize| at(i) | at(i + 1) << 8;
    let four = |i: usize| two(i) | two(i + 2) << 16;
    match n {
        0 => 0,
        1 => at(0),
        2..=3 => two(0) | two(n - 2) << (8 * (n - 2)),
        _ => four(0) | four(n - 4) << (8 * (n - 4)),
    }
}

/// A mask of the low `n` bytes (all eight for `n >= 8`).
#[inline]
#[cfg_attr(not(feature = "std"), allow(dead_code))] // finding terms (std)
pub const fn low_bytes(n: usize) -> u64 {
    if n >= 8 { u64::MAX } else { (1 << (8 * n)) - 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_every_byte_like_the_standard_library() {
        for b in 0..=255u8 {
            let word = u64::from(b) << 24;
            let marked = |mask: u64| mask & (0x80 << 24) != 0;
            assert_eq!(
                marked(ascii_alphanumeric(word)),
                b.is_ascii_alphanumeric(),
                "{b:#x}"
            );
            if b.is_ascii() {
                assert_eq!(
                    marked(ascii_letters(word)),
                    b.is_ascii_alphabetic(),
                    "{b:#x}"
                );
            }
        }
    }

    #[test]
    fn pack_reads_the_first_eight_bytes_zero_padded() {
        let bytes: Vec<u8> = (0xA1..=0xAC).collect();
        for len in 0..=bytes.len() {
            let expected = bytes[..len]
                .iter()
                .take(8)
                .enumerate()
                .fold(0u64, |word, (i, &b)| word | u64::from(b) << (8 * i));
            assert_eq!(pack(&bytes[..len]), expected, "len {len}");
        }
    }

    #[test]
    fn the_ascii_prefix_ends_at_the_first_byte_that_is_not() {
        for len in 0..20 {
            for at in 0..=len {
                let mut bytes = vec![b'a'; len];
                if let Some(byte) = bytes.get_mut(at) {
                    *byte = 0xc3;
                }
                assert_eq!(ascii_prefix_len(&bytes), at, "len {len}, at {at}");
            }
        }
    }

    #[test]
    fn loads_are_zero_padded_at_every_offset() {
        for len in 0..20 {
            let bytes: Vec<u8> = (1..=len as u8).collect();
            for at in 0..=len + 2 {
                let expected = pack(bytes.get(at..).unwrap_or_default());
                assert_eq!(load_word(&bytes, at), expected, "len {len}, at {at}");
            }
        }
    }
}
