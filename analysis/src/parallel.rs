//! Computes the per-file queries of a root on every core before the package-wide work,
//! which runs on one.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::RootDatabase;
use crate::diagnostics::{file_diagnostics, root_files};
use crate::hir::file_summary;
use crate::input::Root;

/// Worker threads get the stack a main thread has, since the queries they run are the same.
const STACK: usize = 16 << 20;

/// Fewer files than this are not worth a thread.
pub const MIN_FILES: usize = 8;

/// Parses and outlines every file in parallel, then checks every file in parallel. Both
/// phases only fill salsa's memo tables, so the answers are the same as without them; a
/// second phase is needed because checking any file first needs the outlines of all.
pub fn warm(db: &RootDatabase, root: Root) {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let files = root_files(db, root);
    if workers < 2 || files.len() < MIN_FILES {
        return;
    }
    let each = |work: &(dyn Fn(&RootDatabase, usize) + Sync)| {
        let next = AtomicUsize::new(0);
        let run = |db: &RootDatabase| {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= files.len() {
                    break;
                }
                work(db, i);
            }
        };
        std::thread::scope(|s| {
            for _ in 1..workers {
                let db = db.clone();
                let run = &run;
                // A helper that cannot start only leaves more work for this thread.
                let _ = std::thread::Builder::new()
                    .stack_size(STACK)
                    .spawn_scoped(s, move || run(&db));
            }
            run(db);
        });
    };
    each(&|db, i| {
        file_summary(db, files[i]);
    });
    each(&|db, i| {
        file_diagnostics(db, root, files[i]);
    });
}
