//! Checks a folder many times, for profiling: `cargo run --release --example check_dir -- DIR N`
//! (cold checks), or `... DIR N FILE` (N re-checks after one-character edits of FILE).

use witty_analysis::{AnalysisHost, Features, load_path};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: check_dir DIR [N] [FILE]"));
    let n: usize = args
        .next()
        .map_or(10, |n| n.parse().expect("N is a number"));
    let start = std::time::Instant::now();
    let mut count = 0;
    match args.next() {
        None => {
            for _ in 0..n {
                let mut host = AnalysisHost::new();
                let root = host.add_root(&load_path(&dir).expect("loadable"), Features::default());
                count += host.diagnostics(root).len();
            }
            println!("{n} checks in {:?} ({count} diagnostics)", start.elapsed());
        }
        Some(file) => {
            let mut host = AnalysisHost::new();
            let root = host.add_root(&load_path(&dir).expect("loadable"), Features::default());
            host.diagnostics(root);
            let path = dir.join(file);
            let original = std::fs::read_to_string(&path).expect("readable file");
            // Flip one character of the first parameter name back and forth, or with
            // WITTY_EDIT=OLD=NEW, the first OLD and NEW.
            let edited = match std::env::var("WITTY_EDIT") {
                Ok(edit) => {
                    let (old, new) = edit.split_once('=').expect("WITTY_EDIT=OLD=NEW");
                    original.replacen(old, new, 1)
                }
                Err(_) => {
                    let at = original.find("(a:").expect("a parameter `a`") + 1;
                    format!("{}b{}", &original[..at], &original[at + 1..])
                }
            };
            // One edit and its undo first, not counted: the first edit of a file changes how
            // often salsa expects it to change, which re-checks its whole package once.
            edit_and_check(&mut host, root, &path, [&original, &edited], 2);
            let start = std::time::Instant::now();
            count += rechecks(&mut host, root, &path, [&original, &edited], n);
            println!(
                "{n} re-checks in {:?} ({count} diagnostics)",
                start.elapsed()
            );
        }
    }
}

/// The re-checks alone, in a function of their own so that a profiler can count only them
/// (`valgrind --tool=callgrind --toggle-collect='*rechecks*'`).
#[inline(never)]
fn rechecks(
    host: &mut AnalysisHost,
    root: witty_analysis::input::Root,
    path: &std::path::Path,
    texts: [&str; 2],
    n: usize,
) -> usize {
    edit_and_check(host, root, path, texts, n)
}

fn edit_and_check(
    host: &mut AnalysisHost,
    root: witty_analysis::input::Root,
    path: &std::path::Path,
    texts: [&str; 2],
    n: usize,
) -> usize {
    let mut count = 0;
    for i in 0..n {
        host.set_file_text(path, texts[(i + 1) % 2]);
        count += host.diagnostics(root).len();
    }
    count
}
