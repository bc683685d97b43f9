//! Profiling helper: find references many times on a package (`cargo run --release -p
//! witty-analysis --example references -- DIR FILE LINE COL`, 0-based line and byte column).

use std::path::PathBuf;

use witty_analysis::ide::FilePosition;
use witty_analysis::{AnalysisHost, Features, load_path};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = PathBuf::from(&args[1]);
    let file = dir.join(&args[2]);
    let (line, col): (u32, u32) = (args[3].parse().unwrap(), args[4].parse().unwrap());
    let mut host = AnalysisHost::new();
    let root = host.add_root(&load_path(&dir).unwrap(), Features::default());
    host.diagnostics(root);
    let analysis = host.analysis();
    let text = analysis.file_text(&file).unwrap();
    let offset = witty_syntax::LineIndex::new(&text)
        .offset(witty_syntax::LineCol { line, col })
        .unwrap();
    let first = std::time::Instant::now();
    analysis
        .references(
            FilePosition {
                path: &file,
                offset,
            },
            true,
        )
        .unwrap();
    println!(
        "first call (resolving every file's names): {:?}",
        first.elapsed()
    );
    let start = std::time::Instant::now();
    let mut n = 0;
    let iterations: u32 = std::env::var("ITER")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100);
    for _ in 0..iterations {
        n = analysis
            .references(
                FilePosition {
                    path: &file,
                    offset,
                },
                true,
            )
            .unwrap()
            .len();
    }
    println!(
        "{n} references, {:?} per call",
        start.elapsed() / iterations
    );
}
