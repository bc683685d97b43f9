//! The package as the generators' own wit-parser reads it: the same texts witty checked (the
//! package's files, then `deps/`, as `Resolve::push_dir` orders them), so that the bindings
//! are those of what is in the editor, not only of what is saved.

use std::collections::HashMap;
use std::path::PathBuf;

use wit_bindgen_core::wit_parser::{self, PackageId, Resolve, SourceMap, Span};
use witty_analysis::backstop::{BackstopInput, Source};

use crate::{Failure, Location};

/// The resolved package and the path of each source name in its source map.
pub struct Resolved {
    pub resolve: Resolve,
    pub package: PackageId,
    paths: HashMap<String, PathBuf>,
}

impl Resolved {
    /// Where a span of the generators' wit-parser points, as a file and byte range.
    pub fn locate(&self, span: Span) -> Option<Location> {
        location(&self.resolve.source_map, &self.paths, span)
    }
}

fn location(map: &SourceMap, paths: &HashMap<String, PathBuf>, span: Span) -> Option<Location> {
    let loc = map.resolve_span(span)?;
    let path = paths
        .get(loc.path)
        .cloned()
        .unwrap_or_else(|| PathBuf::from(loc.path));
    Some(Location {
        path,
        range: loc.range,
    })
}

/// Resolves the package. witty's checks have passed by now, so an error here is a difference
/// between wit-parser versions; it is reported where that wit-parser points.
pub fn resolve(input: &BackstopInput) -> Result<Resolved, Failure> {
    let mut paths: HashMap<String, PathBuf> = HashMap::new();
    let mut resolve = Resolve::new();
    resolve.all_features = input.features().all;
    resolve
        .features
        .extend(input.features().enabled.iter().cloned());
    let parse = |files: &[(PathBuf, std::sync::Arc<str>)], paths: &mut HashMap<_, _>| {
        let mut map = SourceMap::new();
        for (path, text) in files {
            let name = path.display().to_string();
            paths.insert(name.clone(), path.clone());
            map.push_str(&name, text.to_string());
        }
        map.parse().map_err(|(map, e)| {
            let at = location(&map, paths, e.kind().span());
            Failure::generator(e.to_string(), at)
        })
    };
    let main = match input.main() {
        Source::Binary(path, bytes) => {
            let decoded = wit_parser::decoding::decode(&wasm_bytes(bytes));
            return match decoded {
                Ok(wit_parser::decoding::DecodedWasm::WitPackage(resolve, package)) => {
                    Ok(Resolved {
                        resolve,
                        package,
                        paths,
                    })
                }
                Ok(_) => Err(Failure::input(format!(
                    "{}: a component, not a WIT package (`wit inspect` shows its WIT)",
                    path.display()
                ))),
                Err(e) => Err(Failure::input(format!("{}: {e:#}", path.display()))),
            };
        }
        Source::Wit(files) => parse(files, &mut paths)?,
    };
    let mut deps = Vec::new();
    for dep in input.deps() {
        match dep {
            Source::Binary(path, bytes) => {
                let decoded = wit_parser::decoding::decode(&wasm_bytes(bytes));
                if let Ok(wit_parser::decoding::DecodedWasm::WitPackage(r, _)) = decoded
                    && let Err(e) = resolve.merge(r)
                {
                    return Err(Failure::generator(
                        format!("{e:#}"),
                        Some(Location {
                            path: path.clone(),
                            range: 0..0,
                        }),
                    ));
                }
            }
            Source::Wit(files) => deps.push(parse(files, &mut paths)?),
        }
    }
    match resolve.push_groups(main, deps) {
        Ok(package) => Ok(Resolved {
            resolve,
            package,
            paths,
        }),
        Err(e) => {
            let at = location(&resolve.source_map, &paths, e.kind().span());
            Err(Failure::generator(e.to_string(), at))
        }
    }
}

/// The binary form of a `.wasm` or `.wat` package (empty when the text does not parse).
fn wasm_bytes(bytes: &[u8]) -> Vec<u8> {
    wat::parse_bytes(bytes)
        .map(|b| b.into_owned())
        .unwrap_or_default()
}
