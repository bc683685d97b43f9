//! The backstop: when witty's own checks find no error in a root, wit-parser (the reference)
//! resolves the same texts, and an error it reports is shown where it points. witty's rules
//! aim to make this never fire; `wit check --no-backstop` measures how close they come.

use crate::fx::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use witty_syntax::{TextRange, TextSize};

use crate::Diagnostic;
use crate::input::{Features, PackageSource, Root};

/// wit-parser's stack, deep enough for the longest type chains it recurses on.
pub const STACK: usize = 256 << 20;

/// What wit-parser needs of a root: texts and bytes, copied out of the database so that it
/// can run without holding a snapshot (which would hold up the next edit).
pub struct BackstopInput {
    root: PathBuf,
    features: Features,
    main: Source,
    deps: Vec<Source>,
}

/// One package's sources, as wit-parser reads them.
pub enum Source {
    /// The files of a package, by path, sorted.
    Wit(Vec<(PathBuf, Arc<str>)>),
    Binary(PathBuf, Arc<[u8]>),
}

impl Source {
    fn collect(db: &dyn salsa::Database, source: &PackageSource) -> Source {
        match source {
            PackageSource::Binary(file) => {
                Source::Binary(file.path(db).clone(), file.bytes(db).clone())
            }
            PackageSource::Wit { files, .. } => {
                let mut files: Vec<(PathBuf, Arc<str>)> = files
                    .iter()
                    .map(|f| (f.path(db).clone(), f.text(db).clone()))
                    .collect();
                files.sort_by(|a, b| a.0.cmp(&b.0));
                Source::Wit(files)
            }
        }
    }
}

impl BackstopInput {
    pub fn collect(db: &dyn salsa::Database, root: Root) -> BackstopInput {
        BackstopInput {
            root: root.path(db).clone(),
            features: root.features(db).clone(),
            main: Source::collect(db, root.main(db)),
            deps: root
                .deps(db)
                .iter()
                .map(|d| Source::collect(db, d))
                .collect(),
        }
    }

    /// The folder or file the root was read from.
    pub fn root(&self) -> &std::path::Path {
        &self.root
    }

    /// The `@unstable` features enabled for the root.
    pub fn features(&self) -> &Features {
        &self.features
    }

    /// The root's own package: the same texts again for another reader of them (the bindings
    /// generators bring a wit-parser of their own version).
    pub fn main(&self) -> &Source {
        &self.main
    }

    /// The packages of `deps/`, in the order wit-parser's `push_dir` reads them.
    pub fn deps(&self) -> &[Source] {
        &self.deps
    }

    /// wit-parser's first error for the root, if it finds one.
    pub fn run(&self) -> Option<Diagnostic> {
        self.resolve().err()
    }

    /// The root resolved by wit-parser, with the id of its own package (the last one pushed),
    /// or wit-parser's first error. A binary root has no package of its own: its error is
    /// wit-parser's, else it is reported as not resolvable here. A panic in wit-parser is an
    /// error of this root only, said without a backtrace.
    pub fn resolve(&self) -> Result<(wit_parser::Resolve, wit_parser::PackageId), Diagnostic> {
        match crate::reference::catch(|| self.resolve_uncaught()) {
            Ok(resolved) => resolved,
            Err(panic) => Err(self.crash(&panic)),
        }
    }

    /// Where and how to report that wit-parser crashed on this root: at the construct known
    /// to make it crash, else at the start of the package.
    fn crash(&self, panic: &str) -> Diagnostic {
        let files = std::iter::once(&self.main)
            .chain(&self.deps)
            .filter_map(|s| match s {
                Source::Wit(files) => Some(files),
                Source::Binary(..) => None,
            })
            .flatten();
        for (path, text) in files {
            if let Some(at) = crate::reference::empty_block_comment(text) {
                return Diagnostic::error(
                    "wit-parser-crash",
                    format!(
                        "wit-parser, the reference, crashed on this file: it takes the empty block comment `/**/` for a doc comment and panics (it said: {panic}); write `/* */` instead, or remove it"
                    ),
                    path.clone(),
                    TextRange::at(TextSize::new(at as u32), TextSize::new(4)),
                );
            }
        }
        let (path, range) = match &self.main {
            Source::Wit(files) if !files.is_empty() => {
                (files[0].0.clone(), TextRange::empty(TextSize::new(0)))
            }
            Source::Binary(path, _) => (path.clone(), TextRange::empty(TextSize::new(0))),
            Source::Wit(_) => (self.root.clone(), TextRange::empty(TextSize::new(0))),
        };
        Diagnostic::error(
            "wit-parser-crash",
            format!(
                "wit-parser, the reference, crashed on this package (it said: {panic}); witty's own checks still apply. Tools built on wit-parser (wasm-tools, wit-bindgen, cargo-component) will crash on it too"
            ),
            path,
            range,
        )
    }

    fn resolve_uncaught(&self) -> Result<(wit_parser::Resolve, wit_parser::PackageId), Diagnostic> {
        let mut names: HashMap<String, PathBuf> = HashMap::default();
        let mut resolve = wit_parser::Resolve::new();
        resolve.all_features = self.features.all;
        for f in &self.features.enabled {
            resolve.features.insert(f.clone());
        }
        let root = &self.root;
        let mut parse = |files: &[(PathBuf, Arc<str>)]| {
            let mut map = wit_parser::SourceMap::new();
            for (path, text) in files {
                let name = path.display().to_string();
                names.insert(name.clone(), path.clone());
                map.push_str(&name, text.to_string());
            }
            map.parse()
                .map_err(|(map, e)| locate(&map, e.kind().span(), &e.to_string(), &names, root))
        };

        // As `Resolve::push_dir`: the package's own files first, then `deps/`.
        let main = match &self.main {
            // A binary package checked on its own: decoding it is all wit-parser does.
            Source::Binary(path, bytes) => {
                return match wit_parser::decoding::decode(&wasm_bytes(bytes)) {
                    Ok(wit_parser::decoding::DecodedWasm::WitPackage(resolve, pkg)) => {
                        Ok((resolve, pkg))
                    }
                    Ok(_) => Err(at_path(
                        path.clone(),
                        "a component, not a WIT package".to_string(),
                    )),
                    Err(e) => Err(at_path(path.clone(), format!("{e:#}"))),
                };
            }
            Source::Wit(files) => parse(files)?,
        };
        let mut deps = Vec::new();
        for dep in &self.deps {
            match dep {
                Source::Binary(path, bytes) => {
                    let decoded = wit_parser::decoding::decode(&wasm_bytes(bytes));
                    // A binary that does not decode was reported by witty's own checks.
                    if let Ok(wit_parser::decoding::DecodedWasm::WitPackage(r, _)) = decoded
                        && let Err(e) = resolve.merge(r)
                    {
                        return Err(at_path(path.clone(), format!("{e:#}")));
                    }
                }
                Source::Wit(files) => match parse(files) {
                    Ok(group) => deps.push(group),
                    Err(d) => return Err(d),
                },
            }
        }
        match resolve.push_groups(main, deps) {
            Ok(pkg) => Ok((resolve, pkg)),
            Err(e) => Err(locate(
                &resolve.source_map,
                e.kind().span(),
                &e.to_string(),
                &names,
                &self.root,
            )),
        }
    }
}

/// The binary form of a `.wasm` or `.wat` package (empty when the text does not parse).
fn wasm_bytes(bytes: &[u8]) -> Vec<u8> {
    wat::parse_bytes(bytes)
        .map(|b| b.into_owned())
        .unwrap_or_default()
}

fn locate(
    map: &wit_parser::SourceMap,
    span: wit_parser::Span,
    message: &str,
    names: &HashMap<String, PathBuf>,
    fallback: &std::path::Path,
) -> Diagnostic {
    match map.resolve_span(span) {
        Some(loc) => {
            let file = names
                .get(loc.path)
                .cloned()
                .unwrap_or_else(|| PathBuf::from(loc.path));
            let range = TextRange::new(
                TextSize::new(loc.range.start as u32),
                TextSize::new(loc.range.end as u32),
            );
            Diagnostic::error("wit-parser", message, file, range)
        }
        None => at_path(fallback.to_path_buf(), message.to_string()),
    }
}

fn at_path(path: PathBuf, message: String) -> Diagnostic {
    Diagnostic::error(
        "wit-parser",
        message,
        path,
        TextRange::empty(TextSize::new(0)),
    )
}
