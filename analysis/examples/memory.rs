//! How much memory the database holds for a workspace, phase by phase: `cargo run --release
//! --example memory -- PACKAGE_DIR...` loads each folder as a root (as the language server
//! does) and prints the bytes allocated after loading, outlining, checking and diagnostics.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use witty_analysis::{AnalysisHost, Features, load_path};

/// Counts the bytes live on the heap.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn main() {
    let dirs: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let base = LIVE.load(Ordering::Relaxed);
    let mut host = AnalysisHost::new();
    let mut wit_bytes = 0;
    let mut roots = Vec::new();
    for dir in &dirs {
        let package = load_path(dir).expect("a loadable package");
        wit_bytes += package.files.iter().map(|f| f.text.len()).sum::<usize>();
        wit_bytes += package
            .deps
            .iter()
            .flat_map(|d| &d.files)
            .map(|f| f.text.len())
            .sum::<usize>();
        roots.push(host.add_root(&package, Features::default()));
    }
    let phase = |what: &str| {
        let live = LIVE.load(Ordering::Relaxed) - base;
        println!(
            "{what:<28} {:>10}  ({:.1}x the WIT)",
            mb(live),
            live as f64 / wit_bytes as f64
        );
    };
    println!("{} roots, {} of WIT", roots.len(), mb(wit_bytes));
    phase("loaded");
    for &root in &roots {
        host.diagnostics(root);
    }
    phase("diagnostics of every root");
    host.collect_garbage();
    phase("after the LRU clean-up");
}
