//! Proves that the hot paths (get, lookup hit and miss, related terms, browsing) never touch the heap,
//! and that `resolve` allocates its returned `Vec` and nothing else.
//!
//! A counting global allocator records allocations made by the test thread while a flag is set. This file
//! holds a single test so that no other test shares the allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use social_glossary::{Category, Platform};

struct CountingAllocator;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn record() {
    // `try_with`: the allocator may run while thread-locals are being torn down.
    let _ = COUNTING.try_with(|counting| {
        if counting.get() {
            let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        }
    });
}

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record();
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        record();
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        record();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// Runs `f` and returns how many allocations it made on this thread.
fn allocations_in(f: impl FnOnce()) -> usize {
    ALLOCATIONS.with(|n| n.set(0));
    COUNTING.with(|c| c.set(true));
    f();
    COUNTING.with(|c| c.set(false));
    ALLOCATIONS.with(Cell::get)
}

#[test]
fn hot_paths_allocate_nothing() {
    // The queries are built before counting starts.
    let long_miss = "not a term ".repeat(100);
    let queries = [
        "micro-influencer",
        "Micro-Influencers",
        "UGC",
        "CTAs",
        "#hashtag",
        "no such term",
        "",
        long_miss.as_str(),
    ];

    // The counter itself must work, or the zeros below prove nothing.
    assert_eq!(
        allocations_in(|| drop(std::hint::black_box(vec![1u8; 16]))),
        1
    );

    let mut found = 0usize;
    let n = allocations_in(|| {
        for query in queries {
            found += usize::from(social_glossary::get(query).is_some());
            found += usize::from(social_glossary::lookup(query).is_some());
        }
    });
    assert_eq!(n, 0, "get/lookup allocated");
    assert!(found >= 5);

    let term = social_glossary::get("micro-influencer").unwrap();
    let mut related = 0usize;
    let n = allocations_in(|| {
        for t in term.related() {
            related += t.related().len();
        }
    });
    assert_eq!(n, 0, "related allocated");
    assert!(related > 0);

    let mut browsed = 0usize;
    let n = allocations_in(|| {
        for &category in Category::ALL {
            browsed += social_glossary::by_category(category).len();
        }
        for &platform in Platform::ALL {
            browsed += social_glossary::by_platform(platform).len();
        }
        browsed += social_glossary::categories()
            .map(|(_, count)| count)
            .sum::<usize>();
        browsed += social_glossary::platforms()
            .map(|(_, count)| count)
            .sum::<usize>();
        browsed += social_glossary::terms().len();
    });
    assert_eq!(n, 0, "browsing allocated");
    assert!(browsed > 0);

    // resolve (std only): one allocation, the returned Vec, for every query of the development set
    // (names, misspellings, questions, descriptions, off-topic) and for pathological ones.
    #[cfg(feature = "std")]
    {
        let long_word = "x".repeat(10_000);
        let many_words = "shadowban engagment reels ".repeat(400);
        let accents = "é".repeat(300);
        let mut queries: Vec<&str> = include_str!("data/queries.tsv")
            .lines()
            .skip(1)
            .filter_map(|line| line.split('\t').next())
            .collect();
        queries.extend([
            "",
            "?",
            long_word.as_str(),
            many_words.as_str(),
            accents.as_str(),
        ]);
        let mut answered = 0usize;
        for query in queries {
            for limit in [1, 3, usize::MAX] {
                let n = allocations_in(|| {
                    answered += social_glossary::resolve(query, limit).len();
                });
                assert_eq!(n, 1, "resolve({query:?}, {limit}) made {n} allocations");
            }
        }
        assert!(answered > 200);
    }
}
