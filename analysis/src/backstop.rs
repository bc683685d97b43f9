//! The backstop: when witty's own checks find no error in a root, wit-parser (the reference)
//! resolves the same texts, and an error it reports is shown where it points. witty's rules
//! aim to make this never fire; `wit check --no-backstop` measures how close they come.

use crate::fx::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use witty_syntax::{TextRange, TextSize};

use crate::Diagnostic;
use crate::input::{PackageSource, Root};

/// wit-parser's first error for the root, if it finds one.
#[salsa::tracked(returns(clone))]
pub fn backstop(db: &dyn salsa::Database, root: Root) -> Option<Arc<Diagnostic>> {
    let mut names: HashMap<String, PathBuf> = HashMap::default();
    let mut resolve = wit_parser::Resolve::new();
    let features = root.features(db);
    resolve.all_features = features.all;
    for f in &features.enabled {
        resolve.features.insert(f.clone());
    }

    let mut source_map = |source: &PackageSource| -> wit_parser::SourceMap {
        let mut map = wit_parser::SourceMap::new();
        let mut files: Vec<_> = source.files().to_vec();
        files.sort_by(|a, b| a.path(db).cmp(b.path(db)));
        for file in files {
            let name = file.path(db).display().to_string();
            names.insert(name.clone(), file.path(db).clone());
            map.push_str(&name, file.text(db).to_string());
        }
        map
    };

    // A binary package checked on its own: decoding it is all wit-parser does.
    if let PackageSource::Binary(file) = root.main(db) {
        let bytes = wat::parse_bytes(file.bytes(db))
            .map(|b| b.into_owned())
            .unwrap_or_default();
        return match wit_parser::decoding::decode(&bytes) {
            Ok(_) => None,
            Err(e) => Some(Arc::new(at_path(file.path(db).clone(), format!("{e:#}")))),
        };
    }

    // As `Resolve::push_dir`: the package's own files first, then `deps/`.
    let main_map = source_map(root.main(db));
    let main = match main_map.parse() {
        Ok(group) => group,
        Err((map, e)) => {
            return Some(Arc::new(locate(
                &map,
                e.kind().span(),
                &e.to_string(),
                &names,
                root.path(db),
            )));
        }
    };
    let mut deps = Vec::new();
    for dep in root.deps(db) {
        match dep {
            PackageSource::Binary(file) => {
                let bytes = file.bytes(db);
                let decoded = wit_parser::decoding::decode(
                    &wat::parse_bytes(bytes)
                        .map(|b| b.into_owned())
                        .unwrap_or_default(),
                );
                // A binary that does not decode was reported by witty's own checks already.
                if let Ok(wit_parser::decoding::DecodedWasm::WitPackage(r, _)) = decoded
                    && let Err(e) = resolve.merge(r)
                {
                    return Some(Arc::new(at_path(file.path(db).clone(), format!("{e:#}"))));
                }
            }
            wit => match source_map(wit).parse() {
                Ok(group) => deps.push(group),
                Err((map, e)) => {
                    return Some(Arc::new(locate(
                        &map,
                        e.kind().span(),
                        &e.to_string(),
                        &names,
                        root.path(db),
                    )));
                }
            },
        }
    }
    match resolve.push_groups(main, deps) {
        Ok(_) => None,
        Err(e) => {
            let span = e.kind().span();
            Some(Arc::new(locate(
                &resolve.source_map,
                span,
                &e.to_string(),
                &names,
                root.path(db),
            )))
        }
    }
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
