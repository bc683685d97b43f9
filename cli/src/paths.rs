//! The paths a command works on when none are given, shared by `check` and `fmt`.

use std::path::{Path, PathBuf};

/// `paths`, or if there are none, `./wit` if it exists, else `.`: where a project keeps its
/// WIT package by convention.
pub fn or_default(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if !paths.is_empty() {
        return paths;
    }
    vec![if Path::new("wit").is_dir() {
        PathBuf::from("wit")
    } else {
        PathBuf::from(".")
    }]
}
