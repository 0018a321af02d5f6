//! Nothing allocates in the steady per-second path. A counting allocator watches each second
//! the loop brings up to date by drawing only the parts that show seconds: the clock's tick of
//! the app, the runtime's turn, the view's advance, the parts drawn and compared, the changed
//! cells and the title written, and the wait for the next event. The full renders between are
//! not counted.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::mpsc;
use std::time::Duration;

use chrono::TimeDelta;
use dropwatch::app::App;
use dropwatch::commands::dashboard::frame;
use dropwatch::lang::{Choice, Lang};
use dropwatch::runtime::Runtime;
use dropwatch::terminal::screen::{self, Screen};
use dropwatch::testing::{Sink, app};
use dropwatch::values::clock::Clock;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

/// The system allocator, counting this thread's allocations while `COUNTING` is on.
struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn note() {
    // `try_with`: the allocator may run while a thread's locals are being torn down.
    let _ = COUNTING.try_with(|on| {
        if on.get() {
            let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        }
    });
}

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note();
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note();
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Allocations made while `f` runs on this thread.
fn counted(f: impl FnOnce()) -> usize {
    ALLOCATIONS.with(|n| n.set(0));
    COUNTING.with(|on| on.set(true));
    f();
    COUNTING.with(|on| on.set(false));
    ALLOCATIONS.with(|n| n.get())
}

/// What happened over a run.
#[derive(Debug, Default)]
struct Run {
    /// Seconds brought up to date by the per-second path.
    steady: usize,
    /// Allocations in those seconds.
    allocations: usize,
    /// Bytes those seconds wrote to the terminal.
    bytes: usize,
}

/// Runs `app` for `seconds` from its `now` at `width` x `height` as the loop does, counting
/// what the per-second path allocates.
fn run(mut app: App, seconds: i64, width: u16, height: u16) -> Run {
    // The terminal: room for everything, so that writing never grows it.
    let sink = Sink::with_capacity(1 << 22);
    let mut backend = CrosstermBackend::new(sink.clone());
    let mut out = sink.clone();
    let mut screen = Screen::default();
    screen.forget(Rect::new(0, 0, width, height));
    let mut view = None;
    frame(&mut backend, &mut screen, &app, &mut view, true).expect("first frame");
    // The runtime's turn runs every second too (the locks' retry, the sources compared).
    let clock = Clock::Fixed(app.now);
    let mut runtime = Runtime::start(&mut app, clock, "the dashboard", false).expect("the runtime");
    let mut title = String::with_capacity(256);
    let (_tx, rx) = mpsc::channel::<()>();
    // The channel's first wait that blocks sets up its thread's waiting context, once (in
    // the loop, the first frame's wait does).
    let _ = rx.recv_timeout(Duration::from_millis(5));
    let mut run = Run::default();
    let start = app.now;
    for s in 1..=seconds {
        let before = sink.0.borrow().len();
        let mut steady = false;
        // What the loop does each second; a full render's allocations are not counted.
        let allocations = counted(|| {
            app.tick(start + TimeDelta::seconds(s));
            let changed = !app.effects.is_empty();
            app.effects.clear();
            let outcomes = runtime.effects(&mut app);
            assert!(outcomes.is_empty());
            steady = frame(&mut backend, &mut screen, &app, &mut view, changed).expect("a second");
            if let Some(v) = &view
                && v.title != title
            {
                screen::set_title(&mut out, &v.title).expect("title");
                title.clone_from(&v.title);
            }
            let _ = rx.recv_timeout(Duration::from_micros(1));
        });
        if steady {
            run.steady += 1;
            run.allocations += allocations;
            run.bytes += sink.0.borrow().len() - before;
        }
        sink.0.borrow_mut().clear();
    }
    run
}

/// The embedded default today (anniversaries, the clock ticking) and the hour before a
/// release (big digits and the list ticking, the title counting down), at the sizes that
/// draw the digits big, half height and inline.
#[test]
fn the_steady_second_allocates_nothing() {
    let scenes = [
        ("today", "2026-11-26T11:58:00Z"),
        ("the hour before a release", "2022-04-24T13:00:00Z"),
    ];
    for (scene, at) in scenes {
        for (width, height) in [(120, 40), (80, 24), (60, 15)] {
            let run = run(app(at), 300, width, height);
            assert!(run.steady >= 280, "{scene} at {width}x{height}: {run:?}");
            assert_eq!(run.allocations, 0, "{scene} at {width}x{height}: {run:?}");
            assert!(run.bytes > 0, "{scene} at {width}x{height}: {run:?}");
        }
    }
}

/// The same seconds in Korean and Japanese: the title's and the digits' words (anniversary,
/// units, "후", "あと") come from static tables, so a translated second allocates nothing
/// either.
#[test]
fn the_steady_second_allocates_nothing_in_korean_and_japanese() {
    for lang in [Lang::Ko, Lang::Ja] {
        for at in ["2026-11-26T11:58:00Z", "2022-04-24T13:00:00Z"] {
            let mut a = app(at);
            a.set_lang_choice(Choice {
                flag: Some(lang.code().to_string()),
                env: Vec::new(),
            });
            let run = run(a, 120, 120, 40);
            assert!(run.steady >= 100, "{} {at}: {run:?}", lang.code());
            assert_eq!(run.allocations, 0, "{} {at}: {run:?}", lang.code());
        }
    }
}
