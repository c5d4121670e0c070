//! Building the perfect-hash tables: keys are hashed with a seed and spread over buckets, and for each
//! bucket, largest first, the compiler searches the first pilot that sends all its keys to free slots.
//! When a seed gives two keys the same hash, or leaves a bucket without a pilot, the next seed is
//! tried. Deterministic: the same keys always give the same seed, pilots and slot order.

use crate::perfect_hash::{bucket, hash, slot};

/// Average keys per bucket: small enough that a pilot is always found quickly.
const KEYS_PER_BUCKET: usize = 3;

/// How many seeds to try. With a 64-bit hash of full avalanche one seed nearly always works; each
/// further seed fails independently.
const SEEDS: u64 = 64;

/// A perfect hash over a set of distinct keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    /// The seed of the hash.
    pub seed: u64,
    /// One pilot per bucket.
    pub pilots: Vec<u16>,
    /// For each slot, the index of the key stored there, if any.
    pub slots: Vec<Option<usize>>,
}

/// The table for `keys`, which must be distinct. Every key gets a slot of its own; one slot in 33
/// stays empty, few enough that empty rows cost little space and enough that the last buckets still
/// find a pilot among the 65,536 a `u16` holds. `None` only if no seed
/// works, which for distinct keys does not happen in practice; the caller reports it as a problem.
pub(crate) fn build(keys: &[&[u8]]) -> Option<Table> {
    (0..SEEDS).find_map(|seed| build_with_seed(keys, seed))
}

fn build_with_seed(keys: &[&[u8]], seed: u64) -> Option<Table> {
    let n = keys.len();
    let slot_count = n + n / 32 + 1;
    let buckets = n.div_ceil(KEYS_PER_BUCKET).max(1);
    let hashes: Vec<u64> = keys.iter().map(|k| hash(seed, k)).collect();
    let mut sorted = hashes.clone();
    sorted.sort_unstable();
    if sorted.windows(2).any(|w| w[0] == w[1]) {
        return None;
    }
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
        let pilot = (0..=u16::MAX).find(|&pilot| {
            taken.clear();
            for &i in &members[b] {
                let s = slot(hashes[i], pilot, slot_count);
                if slots[s].is_some() || taken.contains(&s) {
                    return false;
                }
                taken.push(s);
            }
            true
        })?;
        pilots[b] = pilot;
        for &i in &members[b] {
            slots[slot(hashes[i], pilot, slot_count)] = Some(i);
        }
    }
    Some(Table {
        seed,
        pilots,
        slots,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that every key of `keys` is found in its own slot of `table`.
    fn assert_finds_every_key(keys: &[&[u8]], table: &Table) {
        assert_eq!(table.slots.iter().flatten().count(), keys.len());
        for (i, key) in keys.iter().enumerate() {
            let h = hash(table.seed, key);
            let s = slot(
                h,
                table.pilots[bucket(h, table.pilots.len())],
                table.slots.len(),
            );
            assert_eq!(table.slots[s], Some(i), "{key:?}");
        }
    }

    #[test]
    fn an_empty_key_set_builds() {
        let table = build(&[]).unwrap();
        assert_eq!(table.pilots.len(), 1);
        assert!(table.slots.iter().all(Option::is_none));
    }

    #[test]
    fn every_key_finds_its_own_slot_deterministically() {
        let keys: Vec<String> = (0..5000).map(|i| format!("key{i}")).collect();
        let refs: Vec<&[u8]> = keys.iter().map(|k| k.as_bytes()).collect();
        let table = build(&refs).unwrap();
        assert_finds_every_key(&refs, &table);
        assert_eq!(build(&refs), Some(table), "deterministic");
    }

    #[test]
    fn numbered_keys_that_defeated_the_old_hash_build() {
        // "creator106" and "creator210" had equal hashes under the rotate-and-multiply word mix.
        let keys: Vec<String> = (0..20_000)
            .flat_map(|i| [format!("creator{i}"), format!("syntheticterm{i}")])
            .collect();
        let refs: Vec<&[u8]> = keys.iter().map(|k| k.as_bytes()).collect();
        assert_finds_every_key(&refs, &build(&refs).unwrap());
    }

    #[test]
    fn small_tables_always_find_pilots() {
        for n in 1..=200 {
            let keys: Vec<[u8; 4]> = (0..n as u32)
                .map(|i| (i * 7919 + n as u32).to_le_bytes())
                .collect();
            let refs: Vec<&[u8]> = keys.iter().map(|k| &k[..]).collect();
            assert_finds_every_key(&refs, &build(&refs).unwrap());
        }
    }

    #[test]
    fn a_seed_that_collides_is_skipped() {
        // Two keys are never stored under equal hashes: with a duplicate key every seed collides.
        assert_eq!(build(&[b"same", b"same"]), None);
    }
}
