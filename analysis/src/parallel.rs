//! Computes the per-file queries of roots on every core before the package-wide work, and
//! the package-wide work of many roots on every core.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::RootDatabase;
use crate::diagnostics::{root_files, syntax_errors};
use crate::hir::file_summary;
use crate::input::Root;
use crate::semantics::file_check;

/// Worker threads get the stack a main thread has, since the queries they run are the same.
const STACK: usize = 16 << 20;

/// Fewer files than this are not worth a thread.
pub const MIN_FILES: usize = 8;

/// Parses and outlines every file in parallel, then checks every file in parallel. Both
/// phases only fill salsa's memo tables, so the answers are the same as without them; a
/// second phase is needed because checking any file first needs the outlines of all.
pub fn warm(db: &RootDatabase, root: Root) {
    let files = root_files(db, root);
    if files.len() < MIN_FILES {
        return;
    }
    let jobs: Vec<_> = files.iter().map(|&f| (root, f)).collect();
    warm_files(db, &jobs);
}

/// Fills the memo tables of several roots on every core: every file's outline and checks,
/// then each root's diagnostics. An edit meanwhile cancels the work (the caller's next
/// query finds what was computed before it).
pub fn warm_roots(db: &RootDatabase, roots: &[Root]) {
    let jobs: Vec<_> = roots
        .iter()
        .flat_map(|&r| root_files(db, r).into_iter().map(move |f| (r, f)))
        .collect();
    if jobs.len() < MIN_FILES {
        return;
    }
    warm_files(db, &jobs);
    each(db, roots.len(), &|db, i| {
        crate::diagnostics::root_diagnostics(db, roots[i]);
    });
}

fn warm_files(db: &RootDatabase, jobs: &[(Root, crate::input::File)]) {
    each(db, jobs.len(), &|db, i| {
        file_summary(db, jobs[i].1);
        syntax_errors(db, jobs[i].1);
    });
    each(db, jobs.len(), &|db, i| {
        file_check(db, jobs[i].0, jobs[i].1);
    });
}

/// Runs `work` for `0..n` on every core, each thread taking the next index.
fn each(db: &RootDatabase, n: usize, work: &(dyn Fn(&RootDatabase, usize) + Sync)) {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let next = AtomicUsize::new(0);
    let run = |db: &RootDatabase| {
        // A cancelled query (an edit came) ends this thread's share of the work.
        let _ = salsa::Cancelled::catch(std::panic::AssertUnwindSafe(|| {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                work(db, i);
            }
        }));
    };
    if workers < 2 || n < 2 {
        return run(db);
    }
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
}
