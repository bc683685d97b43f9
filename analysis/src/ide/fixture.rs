//! Test fixtures: one string holding several files (`//- /wit/a.wit` headers) and a
//! cursor (`$0`), loaded into a host without touching the disk.

use std::path::{Path, PathBuf};

use witty_syntax::{TextRange, TextSize};

use crate::{AnalysisHost, Features, LoadedFile, LoadedPackage, PackageLayout};

pub const CURSOR: &str = "$0";

pub struct Fixture {
    pub host: AnalysisHost,
    /// The file with the cursor, and the cursor's offset.
    pub cursor: Option<(PathBuf, TextSize)>,
    pub files: Vec<(PathBuf, String)>,
}

impl Fixture {
    /// Files directly under `/wit` make the package; `/wit/deps/NAME/...` and
    /// `/wit/deps/NAME.wit` are its dependencies. Without headers the text is `/wit/main.wit`.
    pub fn parse(text: &str) -> Fixture {
        let mut files: Vec<(PathBuf, String)> = Vec::new();
        if !text.trim_start().starts_with("//- ") {
            files.push((PathBuf::from("/wit/main.wit"), text.to_string()));
        } else {
            for chunk in text.split("//- ").skip(1) {
                let (header, body) = chunk.split_once('\n').unwrap_or((chunk, ""));
                files.push((PathBuf::from(header.trim()), body.to_string()));
            }
        }
        let mut cursor = None;
        for (path, body) in &mut files {
            if let Some(at) = body.find(CURSOR) {
                body.replace_range(at..at + CURSOR.len(), "");
                cursor = Some((path.clone(), TextSize::new(at as u32)));
            }
        }
        let root = Path::new("/wit");
        let loaded = |path: &Path, text: &str| LoadedFile {
            path: path.to_path_buf(),
            text: text.to_string(),
            problem: None,
        };
        let mut package = LoadedPackage {
            root: root.to_path_buf(),
            layout: PackageLayout::Folder,
            files: Vec::new(),
            deps: Vec::new(),
        };
        for (path, body) in &files {
            let rel = path
                .strip_prefix(root)
                .expect("fixture files are under /wit");
            let parts: Vec<_> = rel.iter().collect();
            match parts.as_slice() {
                [_] => package.files.push(loaded(path, body)),
                [deps, name] if *deps == "deps" => package.deps.push(LoadedPackage {
                    root: root.join("deps").join(name),
                    layout: PackageLayout::File,
                    files: vec![loaded(path, body)],
                    deps: Vec::new(),
                }),
                [deps, dir, _] if *deps == "deps" => {
                    let dir = root.join("deps").join(dir);
                    match package.deps.iter_mut().find(|d| d.root == dir) {
                        Some(dep) => dep.files.push(loaded(path, body)),
                        None => package.deps.push(LoadedPackage {
                            root: dir,
                            layout: PackageLayout::Folder,
                            files: vec![loaded(path, body)],
                            deps: Vec::new(),
                        }),
                    }
                }
                _ => panic!("unexpected fixture path {}", path.display()),
            }
        }
        let mut host = AnalysisHost::new();
        host.add_root(
            &package,
            Features {
                enabled: vec!["active".to_string()],
                all: false,
            },
        );
        Fixture {
            host,
            cursor,
            files,
        }
    }

    pub fn position(&self) -> super::FilePosition<'_> {
        let (path, offset) = self.cursor.as_ref().expect("the fixture has a $0 cursor");
        super::FilePosition {
            path,
            offset: *offset,
        }
    }

    pub fn text(&self, path: &Path) -> &str {
        &self
            .files
            .iter()
            .find(|(p, _)| p == path)
            .expect("a fixture file")
            .1
    }

    /// `path:line:col-line:col "text"` for a range, as snapshots show it.
    pub fn show(&self, path: &Path, range: TextRange) -> String {
        let text = self.text(path);
        let index = witty_syntax::LineIndex::new(text);
        let (s, e) = (index.line_col(range.start()), index.line_col(range.end()));
        let slice = &text[range];
        let slice = if slice.len() > 40 {
            format!("{}...", &slice[..slice.floor_char_boundary(37)])
        } else {
            slice.to_string()
        };
        format!(
            "{}:{}:{}-{}:{} {slice:?}",
            path.display(),
            s.line + 1,
            s.col + 1,
            e.line + 1,
            e.col + 1
        )
    }
}
