//! Edit distance for suggestions: Hyyrö's bit-parallel optimal-string-alignment distance (Levenshtein
//! plus adjacent transpositions), which compares a query of up to 128 bytes (longer than any key) with
//! a key in one pass of word operations per key byte.

/// A query prepared for repeated distance computations: one bit mask per byte value.
pub(crate) struct Pattern {
    masks: [u128; 256],
    len: usize,
}

impl Pattern {
    /// The longest pattern, in bytes, that fits the bit-parallel algorithm.
    pub const MAX_LEN: usize = 128;

    /// Prepares `pattern`; `None` if it is empty or longer than [`Self::MAX_LEN`].
    pub fn new(pattern: &[u8]) -> Option<Pattern> {
        if pattern.is_empty() || pattern.len() > Self::MAX_LEN {
            return None;
        }
        let mut masks = [0u128; 256];
        for (i, &b) in pattern.iter().enumerate() {
            masks[b as usize] |= 1 << i;
        }
        Some(Pattern {
            masks,
            len: pattern.len(),
        })
    }

    /// The optimal-string-alignment distance between the pattern and `text`, or `None` when it is
    /// larger than `max`.
    pub fn distance(&self, text: &[u8], max: usize) -> Option<usize> {
        if text.len().abs_diff(self.len) > max {
            return None;
        }
        let last = 1u128 << (self.len - 1);
        let (mut vp, mut vn, mut d0, mut pm_old) = (!0u128, 0u128, 0u128, 0u128);
        let mut distance = self.len;
        for (i, &b) in text.iter().enumerate() {
            let pm = self.masks[b as usize];
            let transposed = ((!d0 & pm) << 1) & pm_old;
            d0 = ((((pm & vp).wrapping_add(vp)) ^ vp) | pm | vn) | transposed;
            let mut hp = vn | !(d0 | vp);
            let mut hn = d0 & vp;
            if hp & last != 0 {
                distance += 1;
            } else if hn & last != 0 {
                distance -= 1;
            }
            hp = (hp << 1) | 1;
            hn <<= 1;
            vp = hn | !(d0 | hp);
            vn = hp & d0;
            pm_old = pm;
            // Each remaining byte of `text` can lower the distance by at most one.
            if distance > max + (text.len() - i - 1) {
                return None;
            }
        }
        (distance <= max).then_some(distance)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The textbook dynamic program for the same distance.
    fn osa(a: &[u8], b: &[u8]) -> usize {
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn known_distances() {
        let p = Pattern::new(b"microinfluencer").unwrap();
        assert_eq!(p.distance(b"microinfluencer", 3), Some(0));
        assert_eq!(
            p.distance(b"microinfleuncer", 3),
            Some(1),
            "one transposition"
        );
        assert_eq!(p.distance(b"microinfluenc", 3), Some(2));
        assert_eq!(p.distance(b"macroinfluencer", 3), Some(1));
        assert_eq!(p.distance(b"nanoinfluencer", 1), None);
        assert!(Pattern::new(b"").is_none());
        assert!(Pattern::new(&[b'a'; 129]).is_none());
        // The longest keys fit: a query of 128 bytes against one of 96.
        let long = Pattern::new(&[b'a'; 128]).unwrap();
        assert_eq!(long.distance(&[b'a'; 127], 1), Some(1));
    }

    #[test]
    fn agrees_with_the_dynamic_program() {
        // A small deterministic generator over a tiny alphabet, so that near-misses are common.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            // Mostly short, now and then past 64 bytes, where the bit vectors need their upper half.
            let long = if next() % 8 == 0 { 60 } else { 0 };
            let la = (next() % 12 + 1) as usize + long;
            let lb = (next() % 12) as usize + long;
            let a: Vec<u8> = (0..la).map(|_| b"abcd"[(next() % 4) as usize]).collect();
            let b: Vec<u8> = (0..lb).map(|_| b"abcd"[(next() % 4) as usize]).collect();
            let expected = osa(&a, &b);
            let max = (next() % 5) as usize;
            let bounded = Pattern::new(&a).unwrap().distance(&b, max);
            assert_eq!(bounded, (expected <= max).then_some(expected), "max {max}");
            let got = Pattern::new(&a).unwrap().distance(&b, 64);
            assert_eq!(
                got,
                Some(expected),
                "{:?} vs {:?}",
                String::from_utf8_lossy(&a),
                String::from_utf8_lossy(&b)
            );
        }
    }
}
