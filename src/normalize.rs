//! Query normalization: the one definition of when two spellings name the same term.
//!
//! The build script includes this file, so keys are normalized at build time by exactly the code that
//! normalizes queries at run time. Normalization works in a fixed-size stack buffer and never allocates.
//! The as-typed table, which lookup probes before normalizing, keys on the cheaper case fold defined
//! here too ([`QueryWords::case_folded`]).

use crate::perfect_hash::{finish_hash, hash_words, mix_word};
use crate::swar::{HIGH_BITS, LOW_BITS, ascii_letters, bytes_in_range, load_word, pack};

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
    /// [`hash_key`](crate::perfect_hash::hash_key) of the key, computed as it is written.
    hash: u64,
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
            hash: 0,
        };
        let bytes = query.as_bytes();
        if bytes.len() <= MAX_KEY_LEN {
            if key.fold_ascii(bytes) {
                return (key.len > 0).then_some(key);
            }
            // Not ASCII after all: start again on the general path with a clean buffer.
            key.bytes = [0; MAX_KEY_LEN];
            key.len = 0;
        }
        key.fold_general(query)?;
        key.rehash();
        (key.len > 0).then_some(key)
    }

    /// Hashes the key again from its buffer, after it was written by other means than [`WordWriter`].
    fn rehash(&mut self) {
        self.hash = hash_words(self.padded_words(), self.len);
    }

    /// Any query, one character at a time; `None` when the key does not fit.
    fn fold_general(&mut self, query: &str) -> Option<()> {
        let bytes = query.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                // ASCII: one table look-up decides drop, keep or lower-case.
                i += 1;
                let folded = ASCII_FOLD[b as usize];
                if folded == DROP {
                    continue;
                }
                if folded == b'#' && self.len == 0 {
                    continue;
                }
                self.push_byte(folded)?;
            } else {
                let c = query[i..].chars().next()?;
                i += c.len_utf8();
                if is_ignored(c) {
                    continue;
                }
                for lower in c.to_lowercase() {
                    let mut utf8 = [0u8; 4];
                    for &b in lower.encode_utf8(&mut utf8).as_bytes() {
                        self.push_byte(b)?;
                    }
                }
            }
        }
        Some(())
    }

    /// The common case, an ASCII query that fits, eight bytes at a time. Returns false, as soon as it
    /// meets a byte that is not ASCII, for the general path to take over.
    ///
    /// Each input word is classified with a few SWAR range tests; when it holds only letters, digits
    /// and separators (nearly always), its capitals are lower-cased with one OR and its separators are
    /// squeezed out with shifts (see [`fold_word`]). The kept bytes gather in a register,
    /// [`WordWriter`], which stores each output word once, whole and aligned: the hash then reads back
    /// exactly the words that were stored, which the CPU forwards straight from its store buffer
    /// instead of waiting on overlapping partial writes. A word holding anything else (`#`, `&`,
    /// control characters, ...) goes through the byte-at-a-time loop.
    #[inline]
    fn fold_ascii(&mut self, bytes: &[u8]) -> bool {
        let mut writer = WordWriter::default();
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes([
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ]);
            if !self.fold_into(&mut writer, word, chunk) {
                return false;
            }
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The last 1-7 bytes as a zero-padded word.
            let word = load_word(bytes, bytes.len() - rest.len());
            if !self.fold_into(&mut writer, word, rest) {
                return false;
            }
        }
        let Some((len, hash)) = writer.finish(&mut self.bytes) else {
            return false;
        };
        if writer.byte_loop_ran {
            // The byte loop writes every byte it reads, kept or not: clear what lies past the end.
            for byte in &mut self.bytes[len..bytes.len()] {
                *byte = 0;
            }
        }
        self.len = len;
        self.hash = hash;
        true
    }

    /// Folds one input word (`chunk`'s bytes, zero-padded) through `writer`: word at a time when it
    /// can, byte at a time otherwise. Returns false when the word is not ASCII or the key overflows.
    #[inline(always)]
    fn fold_into(&mut self, writer: &mut WordWriter, word: u64, chunk: &[u8]) -> bool {
        if word & HIGH_BITS != 0 {
            return false;
        }
        if let Some((folded, kept)) = fold_word(word, chunk.len()) {
            return writer.push(&mut self.bytes, folded, kept).is_some();
        }
        // The rare slow case: put what the writer holds into the buffer, fold this word's bytes
        // one at a time after it, and pick up again from the buffer.
        let Some((len, _)) = writer.finish(&mut self.bytes) else {
            return false;
        };
        let len = self.fold_bytes(chunk, len);
        *writer = WordWriter::resume(&self.bytes, len);
        true
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
        (0..self.len.div_ceil(8)).map(|i| self.word(i))
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
    pub fn singular_candidates(&self) -> SingularCandidates<'_> {
        SingularCandidates {
            key: self,
            // Every plural suffix ends in "s": for any other key there is nothing to try.
            step: if self.as_bytes().last() == Some(&b's') {
                0
            } else {
                3
            },
        }
    }

    /// The `index`th 8-byte word of the zero-padded key.
    #[inline]
    fn word(&self, index: usize) -> u64 {
        // Whole words of the fixed buffer (zero past its end): the tail path of load_word never runs.
        load_word(&self.bytes, index * 8)
    }
}

/// A key as the perfect hash of lookup probes it: its length, its [`hash_key`](crate::perfect_hash::hash_key)
/// and its zero-padded 8-byte words. Implemented by [`NormalizedKey`] and by the [`SingularForm`]s
/// derived from one, which patch a single word instead of copying the key.
pub trait ProbeKey {
    /// The key's length in bytes.
    fn key_len(&self) -> usize;
    /// The key's hash.
    fn key_hash(&self) -> u64;
    /// The `index`th word of the zero-padded key, for `index < key_len().div_ceil(8)`.
    fn key_word(&self, index: usize) -> u64;
}

impl ProbeKey for NormalizedKey {
    #[inline]
    fn key_len(&self) -> usize {
        self.len
    }
    #[inline]
    fn key_hash(&self) -> u64 {
        self.hash
    }
    #[inline]
    fn key_word(&self, index: usize) -> u64 {
        self.word(index)
    }
}

/// A short ASCII query read into three zero-padded little-endian words: where both fast paths of
/// [`Glossary::lookup`](crate::Glossary::lookup) and [`Glossary::get`](crate::Glossary::get) start.
///
/// Nearly every query is a term's name, slug or acronym typed as is: at most 24 bytes (95% of the
/// glossary's names and aliases) of ASCII. Three words held in registers need neither
/// [`NormalizedKey`]'s 96-byte buffer (zeroed, written, then read back) nor a byte loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QueryWords {
    /// The query's bytes as little-endian words, zero-padded.
    words: [u64; Self::MAX_LEN / 8],
    len: usize,
}

impl QueryWords {
    /// The longest query the fast paths take, in bytes.
    pub const MAX_LEN: usize = 24;

    /// `query` as three words, when it is 1 to 24 bytes of ASCII; `None` for any other query.
    #[inline(always)]
    pub fn load(query: &[u8]) -> Option<QueryWords> {
        let n = query.len();
        // A last word shorter than eight bytes is read as the query's last eight, shifted down past
        // the bytes the word before already holds.
        let tail =
            |words_before: usize| load_word(query, n - 8) >> (8 * (8 * words_before + 8 - n));
        let words = match n {
            1..=8 => [pack(query), 0, 0],
            9..=16 => [load_word(query, 0), tail(1), 0],
            17..=24 => [load_word(query, 0), load_word(query, 8), tail(2)],
            _ => return None,
        };
        if (words[0] | words[1] | words[2]) & HIGH_BITS != 0 {
            return None;
        }
        Some(QueryWords { words, len: n })
    }

    /// The query [case-folded](fold_case_of_word): the key of the as-typed table, which answers the
    /// spellings of the glossary's terms exactly as people type them.
    #[inline(always)]
    pub fn case_folded(self) -> TypedKey {
        let words = self.words.map(fold_case_of_word);
        TypedKey {
            words,
            len: self.len,
            hash: hash_words(words.into_iter().take(self.len.div_ceil(8)), self.len),
        }
    }
}

/// Sets bit 5 of every byte of `word` that has bit 6 set, three operations for eight bytes. For ASCII
/// that lower-cases the capitals and changes nothing else but six punctuation marks, which become the
/// ones 32 above them: `@` `` ` ``, `[` `{`, `\` `|`, `]` `}`, `^` `~`, `_` DEL. The as-typed table
/// holds no form containing any of those twelve ([`FOLD_AMBIGUOUS`]), so for every form it does hold,
/// a query folds to it exactly when it is the form in some mix of cases.
#[inline(always)]
pub const fn fold_case_of_word(word: u64) -> u64 {
    word | ((word & (LOW_BITS * 0x40)) >> 1)
}

/// The bytes that [`fold_case_of_word`] confuses with another byte that is not their case partner.
#[cfg_attr(not(any(feature = "compiler", test)), allow(dead_code))] // build time and tests
pub const FOLD_AMBIGUOUS: &[u8] = b"@`[{\\|]}^~_\x7f";

/// A short ASCII query, case-folded: the key of the as-typed table (see [`QueryWords::case_folded`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypedKey {
    /// The case-folded query as little-endian words, zero-padded.
    pub words: [u64; QueryWords::MAX_LEN / 8],
    /// The query's length in bytes, 1 to 24.
    pub len: usize,
    /// [`hash_key`](crate::perfect_hash::hash_key) of the case-folded query.
    pub hash: u64,
}

/// The normalized key of a short, plain query, held in three words: the second fast path of
/// [`Glossary::lookup`](crate::Glossary::lookup) and [`Glossary::get`](crate::Glossary::get), for the
/// queries the as-typed table does not answer.
///
/// Its key is three folded words at most, so it needs neither [`NormalizedKey`]'s 96-byte buffer nor
/// its byte loop. [`fold`](Self::fold) declines queries that hold anything but ASCII letters, digits
/// and separators, for the general path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShortKey {
    /// The key's bytes as little-endian words, zero-padded.
    words: [u64; QueryWords::MAX_LEN / 8],
    len: usize,
    /// [`hash_key`](crate::perfect_hash::hash_key) of the key.
    hash: u64,
}

impl ShortKey {
    /// The key [`NormalizedKey::new`] would give the query, when it is made of ASCII letters, digits and
    /// separators and keeps at least one of them; `None` for any other query.
    #[inline(always)]
    pub fn fold(query: QueryWords) -> Option<ShortKey> {
        let (input, n) = (query.words, query.len);
        // Fold each word and append its kept bytes to the key: the first two words' worth into a
        // u128, whose shifts move bytes across the word boundary, and anything past 16 bytes into a
        // third word. A shift by the full width (nothing to move) gives 0.
        let (first, mut len) = fold_word(input[0], n.min(8))?;
        let mut low = u128::from(first);
        let mut high = 0;
        if n > 8 {
            let (second, kept) = fold_word(input[1], (n - 8).min(8))?;
            low |= u128::from(second) << (8 * len);
            len += kept;
        }
        if n > 16 {
            let (third, kept) = fold_word(input[2], n - 16)?;
            let shift = 8 * len as u32;
            low |= u128::from(third).checked_shl(shift).unwrap_or(0);
            high = third.checked_shr(128 - shift).unwrap_or(0);
            len += kept;
        }
        if len == 0 {
            return None;
        }
        let words = [low as u64, (low >> 64) as u64, high];
        Some(ShortKey {
            words,
            len,
            hash: hash_words(words.into_iter().take(len.div_ceil(8)), len),
        })
    }

    /// Whether the key's last byte is `byte`.
    #[inline]
    pub fn ends_with(&self, byte: u8) -> bool {
        let last = self.len.saturating_sub(1);
        (self.words.get(last / 8)).is_some_and(|word| (word >> (8 * (last % 8))) as u8 == byte)
    }
}

impl From<ShortKey> for NormalizedKey {
    /// The same key in a [`NormalizedKey`]'s buffer, for the steps that need one (singular forms).
    #[inline]
    fn from(short: ShortKey) -> NormalizedKey {
        let mut key = NormalizedKey {
            bytes: [0; MAX_KEY_LEN],
            len: short.len,
            hash: short.hash,
        };
        for (eight, word) in key.bytes.chunks_exact_mut(8).zip(short.words) {
            eight.copy_from_slice(&word.to_le_bytes());
        }
        key
    }
}

impl ProbeKey for ShortKey {
    #[inline]
    fn key_len(&self) -> usize {
        self.len
    }
    #[inline]
    fn key_hash(&self) -> u64 {
        self.hash
    }
    #[inline]
    fn key_word(&self, index: usize) -> u64 {
        self.words.get(index).copied().unwrap_or(0)
    }
}

/// Folds the first `valid_len` bytes of a little-endian word of ASCII (its other bytes are zero):
/// returns the folded word, its kept bytes first and zeros after them, and how many bytes it kept;
/// or `None` when the word holds a byte other than a letter, digit or separator.
#[inline(always)]
fn fold_word(word: u64, valid_len: usize) -> Option<(u64, usize)> {
    let valid = HIGH_BITS >> (8 * (8 - valid_len));
    // Setting bit 5 again on just the letters lower-cases them.
    let letters = ascii_letters(word);
    let alphanumeric = letters | bytes_in_range(word, b'0', b'9');
    let mut folded = word | (letters >> 2);
    let others = valid & !alphanumeric;
    let mut kept = valid_len;
    if others != 0 {
        // The separators of ASCII_FOLD: \t \n \x0b \x0c \r, space, ', - . /, _.
        let separators = bytes_in_range(word, 0x09, 0x0d)
            | bytes_in_range(word, b' ', b' ')
            | bytes_in_range(word, b'\'', b'\'')
            | bytes_in_range(word, b'-', b'/')
            | bytes_in_range(word, b'_', b'_');
        if separators & valid != others {
            return None;
        }
        // Squeeze the separators out, highest first so the lower positions stay put: the bytes above
        // one move down a byte and a zero comes in at the top.
        let mut remaining = others;
        while remaining != 0 {
            let high_bit = 63 - remaining.leading_zeros();
            let below = (1u64 << (high_bit - 7)) - 1;
            folded = (folded & below) | ((folded >> 8) & !below);
            remaining &= !(1u64 << high_bit);
            // Counted here rather than from `others` afterwards: the loop's trip count is
            // predicted, so the length is known before the squeezing is done.
            kept -= 1;
        }
    }
    Some((folded, kept))
}

/// Gathers folded bytes in a register and stores them into a key buffer one whole, aligned 8-byte
/// word at a time, mixing each word into the key's hash as it goes. Its methods return `None`
/// instead of writing past the buffer.
#[derive(Default)]
struct WordWriter {
    /// The bytes of the word being filled, lowest first; zero above `pending`.
    word: u64,
    /// How many bytes `word` holds (0-7).
    pending: usize,
    /// Whole words stored so far.
    stored: usize,
    /// Those words mixed by [`mix_word`].
    hash: u64,
    /// Whether the byte loop wrote into the buffer (it may leave bytes past the end behind).
    byte_loop_ran: bool,
}

impl WordWriter {
    /// Appends the low `kept` bytes of `folded`, whose higher bytes are zero.
    #[inline(always)]
    fn push(&mut self, buffer: &mut [u8; MAX_KEY_LEN], folded: u64, kept: usize) -> Option<()> {
        self.word |= folded << (8 * self.pending);
        let filled = self.pending + kept;
        if filled >= 8 {
            let at = self.stored * 8;
            buffer
                .get_mut(at..at + 8)?
                .copy_from_slice(&self.word.to_le_bytes());
            self.hash = mix_word(self.hash, self.word);
            self.stored += 1;
            // What did not fit: the bytes of `folded` above the 8 - pending that did.
            self.word = if self.pending == 0 {
                0
            } else {
                folded >> (8 * (8 - self.pending))
            };
            self.pending = filled - 8;
        } else {
            self.pending = filled;
        }
        Some(())
    }

    /// Stores the partial last word, zero-padded, and returns the key's length and hash so far.
    #[inline(always)]
    fn finish(&self, buffer: &mut [u8; MAX_KEY_LEN]) -> Option<(usize, u64)> {
        let at = self.stored * 8;
        let mut hash = self.hash;
        if self.pending > 0 {
            buffer
                .get_mut(at..at + 8)?
                .copy_from_slice(&self.word.to_le_bytes());
            hash = mix_word(hash, self.word);
        }
        let len = at + self.pending;
        Some((len, finish_hash(hash, len)))
    }

    /// A writer that continues after the first `len` bytes of `buffer`, which the byte loop wrote.
    #[cold]
    fn resume(buffer: &[u8; MAX_KEY_LEN], len: usize) -> WordWriter {
        let (stored, pending) = (len / 8, len % 8);
        let word = pack(&buffer[stored * 8..stored * 8 + pending]);
        let hash = (0..stored)
            .map(|i| load_word(buffer, i * 8))
            .fold(0, mix_word);
        WordWriter {
            word,
            pending,
            stored,
            hash,
            byte_loop_ran: true,
        }
    }
}

impl core::fmt::Debug for NormalizedKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Iterator over the singular forms of a normalized key; see [`NormalizedKey::singular_candidates`].
pub struct SingularCandidates<'a> {
    key: &'a NormalizedKey,
    step: u8,
}

impl<'a> Iterator for SingularCandidates<'a> {
    type Item = SingularForm<'a>;

    fn next(&mut self) -> Option<SingularForm<'a>> {
        while self.step < 3 {
            self.step += 1;
            let candidate = match self.step {
                1 => SingularForm::new(self.key, b"s", b""),
                2 => SingularForm::new(self.key, b"es", b""),
                _ => SingularForm::new(self.key, b"ies", b"y"),
            };
            if let Some(candidate) = candidate {
                return Some(candidate);
            }
        }
        None
    }
}

/// A key with its plural suffix replaced by a singular one, without copying it: only the word where
/// the suffix started differs from the plural key's, and the shorter length leaves out any word after.
pub struct SingularForm<'a> {
    plural: &'a NormalizedKey,
    stem_len: usize,
    singular: &'static [u8],
    /// The word where the stem ends, holding the stem's last bytes and then the singular suffix.
    patched_word: u64,
    hash: u64,
}

impl<'a> SingularForm<'a> {
    /// Replaces the suffix `plural` of `key` with `singular` (at most one byte), keeping at least two
    /// bytes of stem so that short keys such as "ss" or "es" are not mangled.
    #[inline]
    fn new(key: &'a NormalizedKey, plural: &[u8], singular: &'static [u8]) -> Option<Self> {
        let bytes = key.as_bytes();
        let stem_len = bytes.len().checked_sub(plural.len())?;
        // Byte by byte: the suffixes are one to three bytes, too short to be worth a `memcmp` call.
        if stem_len < 2 || bytes[stem_len..].iter().zip(plural).any(|(a, b)| a != b) {
            return None;
        }
        let offset = stem_len % 8;
        let stem_mask = if offset == 0 {
            0
        } else {
            u64::MAX >> (64 - 8 * offset)
        };
        let singular_bits = pack(singular);
        let mut form = SingularForm {
            plural: key,
            stem_len,
            singular,
            patched_word: (key.word(stem_len / 8) & stem_mask) | (singular_bits << (8 * offset)),
            hash: 0,
        };
        let words = (0..form.key_len().div_ceil(8)).map(|i| form.key_word(i));
        form.hash = hash_words(words, form.key_len());
        Some(form)
    }

    /// The singular form as a key of its own (a copy; lookup never needs one).
    #[cfg_attr(not(any(feature = "compiler", test)), allow(dead_code))] // build time and tests
    pub fn to_key(&self) -> NormalizedKey {
        let mut key = *self.plural;
        key.bytes[self.stem_len..self.plural.len].fill(0);
        key.bytes[self.stem_len..self.key_len()].copy_from_slice(self.singular);
        key.len = self.key_len();
        key.hash = self.hash;
        key
    }
}

impl ProbeKey for SingularForm<'_> {
    #[inline]
    fn key_len(&self) -> usize {
        self.stem_len + self.singular.len()
    }
    #[inline]
    fn key_hash(&self) -> u64 {
        self.hash
    }
    #[inline]
    fn key_word(&self, index: usize) -> u64 {
        if index == self.stem_len / 8 {
            self.patched_word
        } else {
            self.plural.word(index)
        }
    }
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
        fn the_word_at_a_time_path_agrees_with_the_general_one(
            query in "[\\x00-\\x7f]{0,60}|[ A-Za-z0-9_.'/#\t-]{0,100}"
        ) {
            let fast = NormalizedKey::new(&query).map(|k| (k.as_str().to_owned(), k.bytes, k.key_hash()));
            let general = NormalizedKey::new(&format!("{query}\u{00a0}")).map(|k| (k.as_str().to_owned(), k.bytes, k.key_hash()));
            proptest::prop_assert_eq!(&fast, &general);
            if let Some(key) = NormalizedKey::new(&query) {
                // The hash computed while writing is the build-time hash of the finished key, for
                // the key and for each singular form derived from it.
                proptest::prop_assert_eq!(key.key_hash(), crate::perfect_hash::hash_key(key.as_bytes()));
                for singular in key.singular_candidates() {
                    let copy = singular.to_key();
                    proptest::prop_assert_eq!(singular.key_hash(), crate::perfect_hash::hash_key(copy.as_bytes()));
                    let words: Vec<u64> = (0..copy.len.div_ceil(8)).map(|i| singular.key_word(i)).collect();
                    proptest::prop_assert_eq!(words, copy.padded_words().collect::<Vec<_>>());
                    proptest::prop_assert!(copy.bytes[copy.len..].iter().all(|&b| b == 0));
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_short_key_is_the_normalized_key(
            query in "[ A-Za-z0-9_.'/#\t-]{0,26}|[\x00-\x7f]{0,26}|\\PC{0,12}"
        ) {
            let short = QueryWords::load(query.as_bytes()).and_then(ShortKey::fold);
            let general = NormalizedKey::new(&query);
            if let Some(short) = short {
                let general = general.expect("a query with a short key has a normalized key");
                proptest::prop_assert_eq!(short.key_len(), general.key_len());
                proptest::prop_assert_eq!(short.key_hash(), general.key_hash());
                proptest::prop_assert_eq!(short.ends_with(b's'), general.as_bytes().ends_with(b"s"));
                for i in 0..short.words.len() {
                    proptest::prop_assert_eq!(short.key_word(i), general.word(i), "word {}", i);
                }
                let converted = NormalizedKey::from(short);
                proptest::prop_assert_eq!(
                    (converted.bytes, converted.len, converted.hash),
                    (general.bytes, general.len, general.hash)
                );
            }
            // The fast path declines only queries it was not built for: too long, or holding
            // something other than letters, digits and separators.
            let plain = query.len() <= QueryWords::MAX_LEN
                && query.bytes().all(|b| b.is_ascii_alphanumeric() || (b.is_ascii() && ASCII_FOLD[usize::from(b)] == DROP));
            if plain && general.is_some() {
                proptest::prop_assert!(short.is_some(), "declined {:?}", query);
            }
        }
    }

    /// [`fold_case_of_word`] of one byte.
    fn fold_byte(b: u8) -> u8 {
        fold_case_of_word(u64::from(b)) as u8
    }

    #[test]
    fn the_case_fold_is_exact_for_every_byte_a_form_may_hold() {
        // A form is lower-cased and holds none of the ambiguous bytes; a query byte folds to a form's
        // byte exactly when it is that byte in either case.
        for form_byte in
            (0u8..128).filter(|b| !b.is_ascii_uppercase() && !FOLD_AMBIGUOUS.contains(b))
        {
            for query_byte in 0u8..128 {
                assert_eq!(
                    fold_byte(query_byte) == fold_byte(form_byte),
                    query_byte.to_ascii_lowercase() == form_byte,
                    "{query_byte:#x} against {form_byte:#x}"
                );
            }
            assert_eq!(
                fold_byte(form_byte),
                form_byte,
                "forms are stored as they are"
            );
        }
        // And the ambiguous bytes are exactly those it confuses.
        for b in FOLD_AMBIGUOUS {
            assert!((0u8..128).any(|other| other != *b && fold_byte(other) == fold_byte(*b)));
        }
    }

    proptest::proptest! {
        #[test]
        fn the_typed_key_is_the_query_case_folded(query in "[\\x00-\\x7f]{0,26}|[ A-Za-z-]{0,26}|\\PC{0,12}") {
            let typed = QueryWords::load(query.as_bytes()).map(QueryWords::case_folded);
            let fits = (1..=QueryWords::MAX_LEN).contains(&query.len()) && query.is_ascii();
            proptest::prop_assert_eq!(typed.is_some(), fits);
            if let Some(typed) = typed {
                let folded: Vec<u8> = query.bytes().map(fold_byte).collect();
                proptest::prop_assert_eq!(typed.len, folded.len());
                proptest::prop_assert_eq!(typed.hash, crate::perfect_hash::hash_key(&folded));
                for (i, word) in typed.words.into_iter().enumerate() {
                    proptest::prop_assert_eq!(word, load_word(&folded, 8 * i), "word {}", i);
                }
            }
        }
    }

    #[test]
    fn the_short_key_takes_every_length_up_to_its_limit() {
        let query = "Ab-c".repeat(8);
        for len in 0..=query.len() {
            let short = QueryWords::load(&query.as_bytes()[..len]).and_then(ShortKey::fold);
            let general = NormalizedKey::new(&query[..len]);
            assert_eq!(
                short.map(|k| (k.key_len(), k.key_hash())),
                general
                    .filter(|_| len <= QueryWords::MAX_LEN)
                    .map(|k| (k.key_len(), k.key_hash())),
                "len {len}"
            );
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
                .map(|k| k.to_key().as_str().to_owned())
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
