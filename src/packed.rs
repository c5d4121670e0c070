//! Packed tables: the index tables that generated code writes as one byte-string literal each, and the
//! reads that decode them.
//!
//! Shared by build time and run time: the build script includes this file, so the compiler lays out
//! the bytes for the very code that reads them.
//!
//! An array literal costs the Rust compiler type-checking work for every element, and a table of
//! structs several expressions per row; a byte string is a single expression however long it is, so a
//! large glossary builds in a fraction of the time and memory that element-wise tables take. Strings
//! live in one text blob and are addressed by offsets.

/// A table of little-endian `u32`s stored as bytes. Not part of the public API.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct U32s(pub &'static [u8]);

impl U32s {
    /// How many numbers the table holds.
    #[inline]
    pub const fn len(&self) -> usize {
        self.0.len() / 4
    }

    /// Whether the table is empty.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.0.len() < 4
    }

    /// The number at `index`, or 0 past the end (generated tables are never read past their end; the
    /// 0 only keeps a read that would be a bug from panicking).
    #[inline]
    pub fn get(&self, index: usize) -> u32 {
        self.0
            .get(index * 4..index * 4 + 4)
            .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Row `row` of a table of rows of `N` numbers (zeros past the end), read with one bounds check.
    #[inline]
    pub fn row<const N: usize>(&self, row: usize) -> [u32; N] {
        match self.0.get(row * N * 4..(row + 1) * N * 4) {
            Some(bytes) => core::array::from_fn(|i| {
                u32::from_le_bytes([
                    bytes[4 * i],
                    bytes[4 * i + 1],
                    bytes[4 * i + 2],
                    bytes[4 * i + 3],
                ])
            }),
            None => [0; N],
        }
    }

    /// Where the list of row `row` starts, in a table of two-number rows whose second number is
    /// where the row's list ends, the lists lying in row order: where the previous row's ends (0 for
    /// the first row).
    #[inline]
    #[cfg_attr(not(feature = "std"), allow(dead_code))] // read by search and suggestions (std)
    pub fn list_start(&self, row: usize) -> u32 {
        row.checked_sub(1)
            .map_or(0, |previous| self.get(previous * 2 + 1))
    }
}

/// A table of little-endian `u16`s stored as bytes (perfect-hash pilots, term layouts, lists of term
/// positions). Not part of the public API.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct U16s(pub &'static [u8]);

impl U16s {
    /// How many numbers the table holds.
    #[inline]
    pub const fn len(&self) -> usize {
        self.0.len() / 2
    }

    /// Whether the table is empty.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.0.len() < 2
    }

    /// The number at `index`, or 0 past the end.
    #[inline]
    pub fn get(&self, index: usize) -> u16 {
        self.0
            .get(index * 2..index * 2 + 2)
            .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]))
    }
}

/// The bytes of one gap of a [`Gaps`] list, and how many of them it takes: seven bits a byte, low bits
/// first, the high bit set on every byte but the last (LEB128).
#[cfg_attr(not(any(feature = "compiler", test)), allow(dead_code))] // written by the compiler
pub fn gap_bytes(gap: u32) -> ([u8; 5], usize) {
    let mut bytes = [0; 5];
    let (mut rest, mut len) = (gap, 0);
    while let Some(byte) = bytes.get_mut(len) {
        *byte = (rest & 0x7f) as u8;
        rest >>= 7;
        len += 1;
        if rest == 0 {
            break;
        }
        *byte |= 0x80;
    }
    (bytes, len)
}

/// An ascending list of numbers (a posting list), stored as the first number and then the gaps
/// between neighbours, each in the fewest bytes of [`gap_bytes`], and after each number `EXTRA` bytes
/// of its own (a search posting's weight and fields). Most gaps fit in one byte, where the numbers
/// take two. Iterating yields each number with its bytes.
#[derive(Clone, Copy, Debug)]
pub struct Gaps<const EXTRA: usize> {
    bytes: &'static [u8],
    last: u32,
}

impl<const EXTRA: usize> Gaps<EXTRA> {
    /// No numbers.
    #[cfg_attr(not(feature = "std"), allow(dead_code))] // read by search and suggestions (std)
    pub const EMPTY: Self = Gaps::new(&[]);

    /// The list stored in `bytes`.
    #[inline]
    pub const fn new(bytes: &'static [u8]) -> Self {
        Gaps { bytes, last: 0 }
    }

    /// How many bytes are left to read: a measure of how long the list is, without reading it.
    #[inline]
    #[cfg_attr(not(feature = "std"), allow(dead_code))] // read by suggestions (std)
    pub const fn byte_len(&self) -> usize {
        self.bytes.len()
    }
}

impl<const EXTRA: usize> Iterator for Gaps<EXTRA> {
    type Item = (u32, [u8; EXTRA]);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let mut gap = 0u32;
        for (i, &byte) in self.bytes.iter().take(5).enumerate() {
            gap |= u32::from(byte & 0x7f) << (7 * i);
            if byte < 0x80 {
                let Some((extra, rest)) = self.bytes[i + 1..].split_first_chunk::<EXTRA>() else {
                    break;
                };
                self.bytes = rest;
                self.last = self.last.wrapping_add(gap);
                return Some((self.last, *extra));
            }
        }
        // Generated lists always end on a whole entry; anything else ends the list.
        self.bytes = &[];
        None
    }
}

/// How many low bits of a search posting's 16-bit `weight << 6 | fields` hold the fields (the bits of
/// `tokenize::field`).
pub const POSTING_FIELD_BITS: u32 = 6;
/// The least weight a search posting holds (1/8); a smaller one is stored as this.
pub const MIN_POSTING_WEIGHT: f32 = 0.125;
/// The greatest weight a search posting holds (31.875, the last bfloat16 below 32); a greater one is
/// stored as this.
pub const MAX_POSTING_WEIGHT: f32 = 31.875;
/// The bfloat16 of [`MIN_POSTING_WEIGHT`]: the weight's ten bits are a bfloat16 less this.
const MIN_WEIGHT_BFLOAT16: u16 = 0x3e00;

/// A search posting's weight and fields in 16 bits, `weight << 6 | fields`: the weight rounded to the
/// nearest bfloat16 (the top half of an `f32`: eight significant bits) less [`MIN_WEIGHT_BFLOAT16`],
/// which keeps every bfloat16 from [`MIN_POSTING_WEIGHT`] to [`MAX_POSTING_WEIGHT`] (three bits of
/// exponent, seven of mantissa); a weight outside that range, or not a number, is clamped to it.
#[cfg_attr(not(any(feature = "compiler", test)), allow(dead_code))] // written by the compiler
pub fn pack_posting(weight: f32, fields: u8) -> u16 {
    // Rounding cannot carry past the maximum, whose low half is 0.
    let clamped = if weight.is_nan() {
        MIN_POSTING_WEIGHT
    } else {
        weight.clamp(MIN_POSTING_WEIGHT, MAX_POSTING_WEIGHT)
    };
    let bits = clamped.to_bits();
    let bfloat16 = (bits.saturating_add(0x7FFF + ((bits >> 16) & 1)) >> 16) as u16;
    let weight = bfloat16.saturating_sub(MIN_WEIGHT_BFLOAT16).min(0x3ff);
    weight << POSTING_FIELD_BITS | (u16::from(fields) & ((1 << POSTING_FIELD_BITS) - 1))
}

/// The weight of a search posting's `weight << 6 | fields` (see [`pack_posting`]).
#[inline]
#[cfg_attr(not(feature = "std"), allow(dead_code))] // read by search, a std query
pub fn posting_weight(packed: u16) -> f32 {
    f32::from_bits(u32::from((packed >> POSTING_FIELD_BITS) + MIN_WEIGHT_BFLOAT16) << 16)
}

/// The fields of a search posting's `weight << 6 | fields` (bits of `tokenize::field`).
#[inline]
#[cfg_attr(not(feature = "std"), allow(dead_code))] // read by search, a std query
pub fn posting_fields(packed: u16) -> u8 {
    (packed & ((1 << POSTING_FIELD_BITS) - 1)) as u8
}

/// The string at `start..start + len` of a text blob; empty if that is not a string of it (generated
/// offsets always are).
#[inline]
#[cfg_attr(not(feature = "std"), allow(dead_code))] // the spelling table is read by std queries only
pub fn text_at(text: &'static str, start: u32, len: u32) -> &'static str {
    text.get(start as usize..(start + len) as usize)
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_rows_and_ranges() {
        static BYTES: [u8; 12] = [1, 0, 0, 0, 0, 1, 0, 0, 255, 255, 255, 255];
        let table = U32s(&BYTES);
        assert_eq!(table.len(), 3);
        assert_eq!(
            [table.get(0), table.get(1), table.get(2)],
            [1, 256, u32::MAX]
        );
        assert_eq!(table.get(3), 0);
        assert_eq!(table.row::<2>(0), [1, 256]);
        assert_eq!([table.list_start(0), table.list_start(1)], [0, 256]);
    }

    #[test]
    fn reads_sixteen_bit_numbers() {
        static BYTES: [u8; 4] = [1, 0, 0xff, 0xff];
        let table = U16s(&BYTES);
        assert_eq!(table.len(), 2);
        assert_eq!([table.get(0), table.get(1), table.get(2)], [1, u16::MAX, 0]);
    }

    #[test]
    fn posting_weights_keep_bfloat16_precision_within_their_range_and_clamp_outside() {
        let bfloat16 = |w: f32| {
            let bits = w.to_bits();
            f32::from_bits((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16 << 16)
        };
        let mut w = MIN_POSTING_WEIGHT;
        while w <= MAX_POSTING_WEIGHT {
            for fields in [0, 1, 0x2a, 0x3f] {
                let packed = pack_posting(w, fields);
                assert_eq!(posting_weight(packed), bfloat16(w), "{w}");
                assert_eq!(posting_fields(packed), fields);
            }
            w *= 1.0013;
        }
        assert_eq!(posting_weight(pack_posting(0.125, 0)), 0.125);
        assert_eq!(posting_weight(pack_posting(31.875, 0)), 31.875);
        for (weight, clamped) in [
            (0.1, MIN_POSTING_WEIGHT),
            (0.0, MIN_POSTING_WEIGHT),
            (-3.0, MIN_POSTING_WEIGHT),
            (f32::NAN, MIN_POSTING_WEIGHT),
            (31.9, MAX_POSTING_WEIGHT),
            (1e9, MAX_POSTING_WEIGHT),
            (f32::INFINITY, MAX_POSTING_WEIGHT),
        ] {
            assert_eq!(
                posting_weight(pack_posting(weight, 0x3f)),
                clamped,
                "{weight}"
            );
            assert_eq!(posting_fields(pack_posting(weight, 0x3f)), 0x3f);
        }
        assert_eq!(posting_weight(0), MIN_POSTING_WEIGHT);
        assert_eq!(posting_weight(u16::MAX), MAX_POSTING_WEIGHT);
    }

    #[test]
    fn gap_lists_read_back_what_was_written() {
        let numbers = [0u32, 1, 127, 128, 300, 16_511, 16_512, 70_000, u32::MAX];
        let mut bytes = Vec::new();
        let mut last = 0;
        for (i, &n) in numbers.iter().enumerate() {
            let (gap, len) = gap_bytes(n - last);
            bytes.extend_from_slice(&gap[..len]);
            bytes.push(i as u8);
            last = n;
        }
        assert_eq!(gap_bytes(127).1, 1);
        assert_eq!(gap_bytes(128).1, 2);
        assert_eq!(gap_bytes(u32::MAX).1, 5);
        let bytes: &'static [u8] = Vec::leak(bytes);
        let read: Vec<(u32, [u8; 1])> = Gaps::<1>::new(bytes).collect();
        let expected: Vec<(u32, [u8; 1])> = (numbers.iter().enumerate())
            .map(|(i, &n)| (n, [i as u8]))
            .collect();
        assert_eq!(read, expected);
        // A list cut short ends early instead of reading past it.
        assert_eq!(
            Gaps::<1>::new(&bytes[..bytes.len() - 1]).count(),
            numbers.len() - 1
        );
        assert_eq!(Gaps::<0>::new(&[0x80, 0x80]).count(), 0);
    }

    #[test]
    fn text_offsets_that_do_not_fit_give_empty_strings() {
        assert_eq!(text_at("héllo", 0, 3), "hé");
        assert_eq!(text_at("héllo", 0, 2), "");
        assert_eq!(text_at("héllo", 4, 9), "");
    }
}
