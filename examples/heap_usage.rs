//! Heap use of each query over a workload, counted by a global allocator:
//! `cargo run --release --example heap_usage`. Lookups and browsing allocate nothing; the finding
//! queries return `Vec`s, and `find_terms` builds its automaton once, on first use.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

#[macro_use]
#[path = "common/cli.rs"]
mod cli;

struct Counting;

static CALLS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        CALLS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn measure(label: &str, runs: usize, mut work: impl FnMut()) {
    let (calls, bytes) = (CALLS.load(Ordering::Relaxed), BYTES.load(Ordering::Relaxed));
    for _ in 0..runs {
        work();
    }
    let calls = CALLS.load(Ordering::Relaxed) - calls;
    let bytes = BYTES.load(Ordering::Relaxed) - bytes;
    say!(
        "| {label} | {runs} | {calls} | {bytes} | {:.1} |",
        bytes as f64 / runs as f64
    );
}

fn main() -> std::process::ExitCode {
    match cli::no_arguments(
        "Prints the heap use of each query over a workload.\n\nUsage: heap_usage\n\nOptions:\n  -h, --help  print this help",
    ) {
        Err(err) => return cli::usage_error("heap_usage", err),
        Ok(false) => return std::process::ExitCode::SUCCESS,
        Ok(true) => {}
    }
    let queries = [
        "micro-influencer",
        "Micro-Influencers",
        "UGC",
        "CTAs",
        "#hashtag",
        "not a term",
    ];
    let prose = "Our influencer marketing plan pairs micro-influencers with UGC ads and tracks CTR, CPM and reach.";
    say!(
        "| workload | runs | allocations | bytes | bytes per run |\n| --- | ---: | ---: | ---: | ---: |"
    );
    measure("get + lookup, 6 queries", 10_000, || {
        for q in queries {
            std::hint::black_box(social_glossary::get(q));
            std::hint::black_box(social_glossary::lookup(q));
        }
    });
    let term = social_glossary::get("reach").unwrap();
    measure("related + browsing", 10_000, || {
        std::hint::black_box(term.related().len());
        std::hint::black_box(
            social_glossary::by_category(social_glossary::Category::MetricsAnalytics).len(),
        );
        std::hint::black_box(social_glossary::by_platform(social_glossary::Platform::TikTok).len());
    });
    measure("suggest(\"engagment rate\", 5)", 1_000, || {
        std::hint::black_box(social_glossary::suggest("engagment rate", 5));
    });
    measure("complete(\"engagement r\", 5)", 1_000, || {
        std::hint::black_box(social_glossary::complete("engagement r", 5));
    });
    measure("search(\"unique people who saw a post\", 5)", 1_000, || {
        std::hint::black_box(social_glossary::search("unique people who saw a post", 5));
    });
    measure("find_terms, first call (builds the automaton)", 1, || {
        std::hint::black_box(social_glossary::find_terms(prose));
    });
    measure("find_terms, later calls (100-byte text)", 1_000, || {
        std::hint::black_box(social_glossary::find_terms(prose));
    });
    std::process::ExitCode::SUCCESS
}
