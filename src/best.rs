//! [`Best`]: the best few items of a stream of candidates, at most one per term, kept in order in an
//! array on the stack, so that suggestions and `resolve` rank without allocating.

use crate::term::Term;

/// The best `limit` (at most `N`) items offered, one per term, sorted by key, lowest first. An item
/// offered for a term already held replaces it only if its key is lower; among equal keys the first
/// offered stays first.
pub(crate) struct Best<K, V, const N: usize> {
    items: [Option<(K, &'static Term, V)>; N],
    len: usize,
    limit: usize,
}

impl<K: Ord + Copy, V: Copy, const N: usize> Best<K, V, N> {
    /// An empty list that keeps at most `limit` items, and never more than `N`.
    pub fn new(limit: usize) -> Self {
        Best {
            items: [None; N],
            len: 0,
            limit: limit.min(N),
        }
    }

    /// How many items the list keeps at most.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Whether the list holds `limit` items, so that only a key lower than its last gets in.
    pub fn is_full(&self) -> bool {
        self.len == self.limit
    }

    /// Keeps `value` for `term` if its key is among the best `limit` and better than what `term` has.
    pub fn offer(&mut self, key: K, term: &'static Term, value: V) {
        let held = |item: &Option<(K, &'static Term, V)>| item.map(|(key, term, _)| (key, term));
        if let Some(i) = (self.items[..self.len].iter())
            .position(|item| held(item).is_some_and(|(_, t)| core::ptr::eq(t, term)))
        {
            if held(&self.items[i]).is_some_and(|(held_key, _)| held_key <= key) {
                return;
            }
            self.items[i..self.len].rotate_left(1);
            self.len -= 1;
        }
        if self.len == self.limit {
            let worst = self
                .len
                .checked_sub(1)
                .and_then(|last| held(&self.items[last]));
            if worst.is_none_or(|(worst_key, _)| worst_key <= key) {
                return;
            }
            self.len -= 1;
        }
        let at = (self.items[..self.len])
            .partition_point(|item| held(item).is_some_and(|(held_key, _)| held_key <= key));
        self.items[at..=self.len].rotate_right(1);
        self.items[at] = Some((key, term, value));
        self.len += 1;
    }

    /// The items, best first.
    pub fn iter(&self) -> impl Iterator<Item = (K, &'static Term, V)> + '_ {
        self.items[..self.len].iter().flatten().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_lowest_keys_one_per_term_in_order() {
        let terms = crate::terms();
        let mut best: Best<u32, usize, 3> = Best::new(usize::MAX);
        assert_eq!(best.limit(), 3);
        for (key, term) in [(5, 0), (3, 1), (4, 0), (9, 2), (1, 3), (2, 1), (3, 4)] {
            best.offer(key, terms.get(term).unwrap(), term);
        }
        let kept: Vec<(u32, usize)> = best.iter().map(|(key, _, term)| (key, term)).collect();
        assert_eq!(kept, [(1, 3), (2, 1), (3, 4)]);
    }

    #[test]
    fn a_limit_of_zero_keeps_nothing() {
        let mut best: Best<u32, (), 4> = Best::new(0);
        best.offer(1, crate::terms().first().unwrap(), ());
        assert_eq!(best.iter().count(), 0);
    }
}
