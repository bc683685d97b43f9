//! The texts of the files that diagnostics point into, with their line indexes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use witty_syntax::{LineIndex, TextSize};

#[derive(Default)]
pub struct Sources {
    files: Vec<(PathBuf, String, LineIndex)>,
    by_path: HashMap<PathBuf, usize>,
}

impl Sources {
    pub fn add(&mut self, path: &Path, text: &str) {
        if self.by_path.contains_key(path) {
            return;
        }
        self.by_path.insert(path.to_path_buf(), self.files.len());
        self.files
            .push((path.to_path_buf(), text.to_string(), LineIndex::new(text)));
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn id(&self, path: &Path) -> Option<usize> {
        self.by_path.get(path).copied()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.files.iter().map(|(p, t, _)| (p.as_path(), t.as_str()))
    }

    /// 1-based line and column (in Unicode scalar values) of an offset in a file.
    pub fn line_col(&self, path: &Path, offset: TextSize) -> (u32, u32) {
        match self.id(path) {
            Some(id) => {
                let lc = self.files[id].2.line_col_chars(offset);
                (lc.line + 1, lc.col + 1)
            }
            None => (1, 1),
        }
    }
}
