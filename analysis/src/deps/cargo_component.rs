//! cargo-component's `[package.metadata.component]` in `Cargo.toml`: the folder of the
//! component's WIT (`target.path`, `wit` by default) and the WIT packages it depends on
//! (`target.dependencies`: a version requirement from a registry, or a table with `path`,
//! `package`, `version`, `registry`).

use std::path::{Path, PathBuf};

use toml::de::DeValue;

use super::toml_doc::{self, Doc, INVALID_MANIFEST};
use super::{Declared, Tool};
use crate::Diagnostic;

const DEPENDENCY: &[&str] = &["path", "package", "version", "registry"];

/// What a `Cargo.toml` says of a component, if it says anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentMetadata {
    /// The folder of the component's own WIT package.
    pub wit_dir: PathBuf,
    pub dependencies: Vec<Declared>,
}

/// Reads the component metadata of a `Cargo.toml`; `None` when it has none (a crate that is
/// no component), or when the file is no TOML (that is cargo's to report, not ours).
pub fn read(path: &Path, text: &str, problems: &mut Vec<Diagnostic>) -> Option<ComponentMetadata> {
    let doc = Doc {
        path,
        text,
        code: INVALID_MANIFEST,
    };
    let table = doc.parse().ok()?;
    let component = table
        .get("package")?
        .get_ref()
        .get("metadata")?
        .get_ref()
        .get("component")?;
    let component = toml_doc::table(&doc, component, "`package.metadata.component`", problems)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut out = ComponentMetadata {
        wit_dir: dir.join("wit"),
        dependencies: Vec::new(),
    };
    let Some(target) = component.get("target") else {
        return Some(out);
    };
    // A string target names a world in a registry: no local WIT folder, no dependencies.
    let DeValue::Table(target) = target.get_ref() else {
        return Some(out);
    };
    if let Some(p) = target.get("path")
        && let Some(p) = toml_doc::string(&doc, p, "`target.path`", problems)
    {
        out.wit_dir = dir.join(p);
    }
    let Some(deps) = target.get("dependencies") else {
        return Some(out);
    };
    let Some(deps) = toml_doc::table(&doc, deps, "`target.dependencies`", problems) else {
        return Some(out);
    };
    for (name, value) in toml_doc::entries(deps) {
        let mut declared = Declared {
            tool: Tool::CargoComponent,
            name: name.get_ref().to_string(),
            requirement: None,
            source: None,
            file: path.to_path_buf(),
            range: doc.problem(name.span(), "").range,
        };
        match value.get_ref() {
            DeValue::String(req) => declared.requirement = Some(req.to_string()),
            DeValue::Table(t) => {
                for (k, v) in toml_doc::entries(t) {
                    let key: &str = k.get_ref();
                    if !DEPENDENCY.contains(&key) {
                        let known: Vec<String> = DEPENDENCY.iter().map(|k| format!("`{k}`")).collect();
                        problems.push(doc.problem(
                            k.span(),
                            format!("unknown field `{key}` in the dependency `{}`: cargo-component refuses it; expected one of {}", name.get_ref(), known.join(", ")),
                        ));
                        continue;
                    }
                    let Some(s) = toml_doc::string(&doc, v, &format!("`{key}`"), problems) else {
                        continue;
                    };
                    match key {
                        "path" => declared.source = Some(format!("path {s}")),
                        "version" => declared.requirement = Some(s.to_string()),
                        "registry" => declared.source = Some(format!("registry {s}")),
                        _ => {}
                    }
                }
            }
            other => problems.push(doc.problem(
                value.span(),
                format!("the dependency `{}` should be a version requirement string or a table with `path` or `version`; this is {}", name.get_ref(), toml_doc::kind(other)),
            )),
        }
        out.dependencies.push(declared);
    }
    Some(out)
}
