//! Building the perfect-hash tables of forgiving lookup: keys are spread over buckets, and for each
//! bucket, largest first, the compiler searches the first pilot that sends all its keys to free slots.
//! Deterministic: the same keys always give the same pilots and slot order.

use crate::perfect_hash::{bucket, hash_key, slot};

/// Average keys per bucket: small enough that a pilot is always found quickly.
const KEYS_PER_BUCKET: usize = 3;

/// The tables for `keys`: one pilot per bucket, and for each slot the index of the key stored there,
/// if any. Every key gets a slot of its own; an eighth of the slots stay empty so that the last
/// buckets still find a pilot quickly, however many keys there are.
pub(crate) fn build(keys: &[&[u8]]) -> (Vec<u16>, Vec<Option<usize>>) {
    let n = keys.len();
    let slot_count = n + n / 8 + 1;
    let buckets = n.div_ceil(KEYS_PER_BUCKET).max(1);
    let hashes: Vec<u64> = keys.iter().map(|k| hash_key(k)).collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
    for (i, &h) in hashes.iter().enumerate() {
        members[bucket(h, buckets)].push(i);
    }
    let mut order: Vec<usize> = (0..buckets).collect();
    order.sort_by_key(|&b| (std::cmp::Reverse(members[b].len()), b));

    let mut pilots = vec![0u16; buckets];
    let mut slots: Vec<Option<usize>> = vec![None; slot_count];
    let mut taken: Vec<usize> = Vec::new();
    for b in order {
        if members[b].is_empty() {
            continue;
        }
        let found = (0..=u16::MAX).find(|&pilot| {
            taken.clear();
            for &i in &members[b] {
                let s = slot(hashes[i], pilot, slot_count);
                if slots[s].is_some() || taken.contains(&s) {
                    return false;
                }
                taken.push(s);
            }
            true
        });
        let pilot = found.expect("a pilot exists: keys are distinct and buckets are small");
        pilots[b] = pilot;
        for &i in &members[b] {
            slots[slot(hashes[i], pilot, slot_count)] = Some(i);
        }
    }
    (pilots, slots)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_key_set_builds() {
        let (pilots, slots) = build(&[]);
        assert_eq!(pilots.len(), 1);
        assert!(slots.iter().all(Option::is_none));
    }

    #[test]
    fn every_key_finds_its_own_slot() {
        let keys: Vec<String> = (0..5000).map(|i| format!("key{i}")).collect();
        let refs: Vec<&[u8]> = keys.iter().map(|k| k.as_bytes()).collect();
        let (pilots, slots) = build(&refs);
        assert!(slots.len() >= refs.len());
        assert_eq!(slots.iter().flatten().count(), refs.len());
        for (i, key) in refs.iter().enumerate() {
            let h = hash_key(key);
            let s = slot(h, pilots[bucket(h, pilots.len())], slots.len());
            assert_eq!(slots[s], Some(i), "{key:?}");
        }
        assert_eq!(build(&refs), (pilots, slots), "deterministic");
    }

    #[test]
    fn small_tables_always_find_pilots() {
        // Small tables leave few free slots for the last buckets: the slot formula must give every
        // pilot a fresh arrangement, not a permutation of the same one.
        for n in 1..=200 {
            let keys: Vec<[u8; 4]> = (0..n as u32)
                .map(|i| (i * 7919 + n as u32).to_le_bytes())
                .collect();
            let refs: Vec<&[u8]> = keys.iter().map(|k| &k[..]).collect();
            let (pilots, slots) = build(&refs);
            for (i, key) in refs.iter().enumerate() {
                let h = hash_key(key);
                assert_eq!(
                    slots[slot(h, pilots[bucket(h, pilots.len())], slots.len())],
                    Some(i)
                );
            }
        }
    }
}
