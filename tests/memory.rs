//! A readings file of garbage costs bounded memory, however big: warnings are counted, not
//! kept, and no line is held whole. An allocator that tracks the bytes live watches a read.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, tracking the bytes live and their highest mark.
struct Tracking;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Tracking {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        grew(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Tracking = Tracking;

#[test]
fn reading_megabytes_of_garbage_takes_a_bounded_few_hundred_kib() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.readings.csv");
    // 4 MB of bad lines (250,000 warnings), a 4 MB line, and 4 MB without a line end.
    let mut bytes = b"2022-04-24T15:00:00Z,x\n".repeat(4 << 20 >> 4);
    bytes.truncate(4 << 20);
    bytes.extend(b"\n");
    bytes.extend(vec![b'x'; 4 << 20]);
    bytes.extend(b"\r");
    bytes.extend(vec![b'y'; 4 << 20]);
    std::fs::write(&path, &bytes).unwrap();
    drop(bytes);
    // Only this thread allocates from here: the test harness waits for it.
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let r = dropwatch::readings::read(&path).unwrap();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    assert_eq!(r.len(), 0);
    assert_eq!(r.warnings.count(), 182_364);
    assert!(r.warnings.kept().len() <= 20);
    assert!(
        peak < 512 << 10,
        "the read took {} KiB at its peak",
        peak >> 10
    );
}
