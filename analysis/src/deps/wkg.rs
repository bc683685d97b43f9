//! wkg's files: the optional `wkg.toml` manifest (`[overrides]`, `[metadata]`, `[workspace]`)
//! and the `wkg.lock` lock file (`version = 1`, `[[packages]]` with `name`, `registry` and
//! `[[packages.versions]]` of `requirement`, `version`, `digest`). cargo-component writes the
//! same lock format as `Cargo-component.lock`, with `[[package]]` and `[[package.version]]`.
//! wkg refuses a manifest with a field it does not know, so every unknown field is an error.

use std::path::Path;

use toml::de::DeValue;

use super::toml_doc::{self, Doc, INVALID_LOCK_FILE, INVALID_MANIFEST};
use super::{Declared, Locked, Tool};
use crate::Diagnostic;

/// What a `wkg.toml` says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WkgManifest {
    /// `[overrides]`: packages taken from a local folder or held at a version.
    pub overrides: Vec<Declared>,
    /// `[workspace] members`, as written; `None` when the file has no `[workspace]`.
    pub members: Option<Vec<String>>,
}

const TOP: &[&str] = &["workspace", "overrides", "metadata"];
const OVERRIDE: &[&str] = &["path", "version"];
const METADATA: &[&str] = &[
    "authors",
    "author",
    "description",
    "licenses",
    "license",
    "source",
    "repository",
    "homepage",
    "revision",
];

fn unknown(
    doc: &Doc<'_>,
    key: &toml::Spanned<std::borrow::Cow<'_, str>>,
    place: &str,
    known: &[&str],
) -> Diagnostic {
    let known: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
    doc.problem(
        key.span(),
        format!(
            "unknown field `{}` {place}: wkg refuses a manifest with fields it does not know; expected one of {}",
            key.get_ref(),
            known.join(", ")
        ),
    )
}

/// Reads a `wkg.toml`; its problems are added to `problems`.
pub fn read_manifest(path: &Path, text: &str, problems: &mut Vec<Diagnostic>) -> WkgManifest {
    let doc = Doc {
        path,
        text,
        code: INVALID_MANIFEST,
    };
    let mut out = WkgManifest::default();
    let Some(table) = doc.parse_or_report(problems) else {
        return out;
    };
    let mut workspace_at = None;
    let mut conflicts = Vec::new();
    for (key, value) in toml_doc::entries(&table) {
        match key.get_ref().as_ref() {
            "workspace" => {
                workspace_at = Some(key.span());
                let Some(ws) = toml_doc::table(&doc, value, "`workspace`", problems) else {
                    continue;
                };
                let mut members = Vec::new();
                if let Some(m) = ws.get("members") {
                    match m.get_ref() {
                        DeValue::Array(items) => {
                            for item in items {
                                if let Some(s) = toml_doc::string(&doc, item, "a workspace member", problems) {
                                    members.push(s.to_string());
                                }
                            }
                        }
                        other => problems.push(doc.problem(
                            m.span(),
                            format!(
                                "`workspace.members` should be an array of paths, as in `members = [\"pkg-a/wit\"]`; this is {}",
                                toml_doc::kind(other)
                            ),
                        )),
                    }
                } else if ws.get("root").is_none() {
                    problems.push(doc.problem(
                        key.span(),
                        "`[workspace]` needs `members`, a list of the folders of the workspace's packages (as in `members = [\"pkg-a/wit\"]`)",
                    ));
                }
                if let Some(meta) = ws.get("metadata")
                    && let Some(meta) =
                        toml_doc::table(&doc, meta, "`workspace.metadata`", problems)
                {
                    metadata(&doc, meta, "in `[workspace.metadata]`", problems);
                }
                out.members = Some(members);
            }
            "overrides" => {
                conflicts.push(("overrides", key.span()));
                let Some(overrides) = toml_doc::table(&doc, value, "`overrides`", problems) else {
                    continue;
                };
                for (name, o) in toml_doc::entries(overrides) {
                    let Some(o) = toml_doc::table(
                        &doc,
                        o,
                        &format!("the override of `{}`", name.get_ref()),
                        problems,
                    ) else {
                        continue;
                    };
                    let mut declared = Declared {
                        tool: Tool::Wkg,
                        name: name.get_ref().to_string(),
                        requirement: None,
                        source: None,
                        file: path.to_path_buf(),
                        range: doc.problem(name.span(), "").range,
                    };
                    for (k, v) in toml_doc::entries(o) {
                        match k.get_ref().as_ref() {
                            "path" => {
                                declared.source = toml_doc::string(&doc, v, "`path`", problems)
                                    .map(|p| format!("path {p}"))
                            }
                            "version" => {
                                if let Some(req) = toml_doc::string(&doc, v, "`version`", problems)
                                {
                                    if semver::VersionReq::parse(req).is_err() {
                                        problems.push(doc.problem(v.span(), format!("`{req}` is not a version requirement; write one as Cargo does, as in `\"0.2.0\"` or `\"=0.2.3\"`")));
                                    }
                                    declared.requirement = Some(req.to_string());
                                }
                            }
                            _ => problems.push(unknown(
                                &doc,
                                k,
                                &format!("in the override of `{}`", name.get_ref()),
                                OVERRIDE,
                            )),
                        }
                    }
                    out.overrides.push(declared);
                }
            }
            "metadata" => {
                conflicts.push(("metadata", key.span()));
                if let Some(meta) = toml_doc::table(&doc, value, "`metadata`", problems) {
                    metadata(&doc, meta, "in `[metadata]`", problems);
                }
            }
            _ => problems.push(unknown(&doc, key, "in wkg.toml", TOP)),
        }
    }
    if workspace_at.is_some() {
        for (name, span) in conflicts {
            problems.push(doc.problem(
                span,
                format!("`[workspace]` cannot coexist with `[{name}]` (wkg refuses the file): use `[workspace.metadata]` for workspace-wide values, and `[overrides]` in a member's own wkg.toml"),
            ));
        }
    }
    out
}

fn metadata(
    doc: &Doc<'_>,
    meta: &toml::de::DeTable<'_>,
    place: &str,
    problems: &mut Vec<Diagnostic>,
) {
    for (k, v) in toml_doc::entries(meta) {
        if METADATA.contains(&k.get_ref().as_ref()) {
            toml_doc::string(doc, v, &format!("`{}`", k.get_ref()), problems);
        } else {
            problems.push(unknown(doc, k, place, METADATA));
        }
    }
}

/// Reads a `wkg.lock` (or a `Cargo-component.lock`, for `tool` cargo-component).
pub fn read_lock(
    path: &Path,
    text: &str,
    tool: Tool,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Locked> {
    let doc = Doc {
        path,
        text,
        code: INVALID_LOCK_FILE,
    };
    let Some(table) = doc.parse_or_report(problems) else {
        return Vec::new();
    };
    match table.get("version").map(|v| (v, v.get_ref())) {
        Some((_, DeValue::Integer(i))) if i.as_str() == "1" => {}
        Some((v, _)) => {
            problems.push(doc.problem(
                v.span(),
                format!("unsupported lock file version `{}`: only `version = 1` is known (as wkg 0.16 writes it)", &text[v.span()]),
            ));
            return Vec::new();
        }
        None => problems.push(doc.problem(
            0..0,
            "the lock file has no `version = 1` line, which wkg writes first and needs",
        )),
    }
    let mut out = Vec::new();
    let packages = table.get("packages").or_else(|| table.get("package"));
    let Some(packages) = packages else {
        return out;
    };
    let DeValue::Array(packages) = packages.get_ref() else {
        problems.push(doc.problem(
            packages.span(),
            "`packages` should be an array of tables (`[[packages]]`)",
        ));
        return out;
    };
    for package in packages {
        let Some(p) = toml_doc::table(&doc, package, "a `[[packages]]` entry", problems) else {
            continue;
        };
        let Some(name_value) = p.get("name") else {
            problems.push(doc.problem(
                package.span(),
                "a `[[packages]]` entry needs `name`, as in `name = \"wasi:io\"`",
            ));
            continue;
        };
        let Some(name) = toml_doc::string(&doc, name_value, "`name`", problems) else {
            continue;
        };
        if !is_package_ref(name) {
            problems.push(doc.problem(
                name_value.span(),
                format!(
                    "`{name}` is not a package name: it should be `namespace:name`, as in `wasi:io`"
                ),
            ));
            continue;
        }
        let registry = p
            .get("registry")
            .and_then(|r| toml_doc::string(&doc, r, "`registry`", problems))
            .map(str::to_string);
        let versions = p.get("versions").or_else(|| p.get("version"));
        let Some(versions) = versions else {
            continue;
        };
        let DeValue::Array(versions) = versions.get_ref() else {
            problems.push(doc.problem(
                versions.span(),
                "`versions` should be an array of tables (`[[packages.versions]]`)",
            ));
            continue;
        };
        for version in versions {
            let Some(v) =
                toml_doc::table(&doc, version, "a `[[packages.versions]]` entry", problems)
            else {
                continue;
            };
            let mut field = |key: &str, example: &str| match v.get(key) {
                Some(value) => toml_doc::string(&doc, value, &format!("`{key}`"), problems)
                    .map(|s| (s.to_string(), value.span())),
                None => {
                    problems.push(doc.problem(version.span(), format!("a `[[packages.versions]]` entry of `{name}` needs `{key}`, as in `{key} = \"{example}\"`")));
                    None
                }
            };
            let requirement = field("requirement", "=0.2.0");
            let exact = field("version", "0.2.0");
            let digest = field("digest", "sha256:<64 hex digits>");
            let (Some(requirement), Some(exact), Some(digest)) = (requirement, exact, digest)
            else {
                continue;
            };
            if semver::VersionReq::parse(&requirement.0).is_err() {
                problems.push(doc.problem(
                    requirement.1.clone(),
                    format!(
                        "`{}` is not a version requirement, as in `=0.2.0` or `^0.2.0`",
                        requirement.0
                    ),
                ));
            }
            let parsed = match semver::Version::parse(&exact.0) {
                Ok(v) => Some(v),
                Err(e) => {
                    problems.push(doc.problem(
                        exact.1.clone(),
                        format!("`{}` is not a version ({e}); write one as `0.2.0`", exact.0),
                    ));
                    None
                }
            };
            if let Err(why) = check_digest(&digest.0) {
                problems.push(doc.problem(
                    digest.1.clone(),
                    format!("`{}` is not a digest: {why}", digest.0),
                ));
            }
            out.push(Locked {
                tool,
                name: name.to_string(),
                registry: registry.clone(),
                requirement: Some(requirement.0),
                version: parsed,
                digest: Some(digest.0.to_ascii_lowercase()),
                needs: Vec::new(),
                file: path.to_path_buf(),
                range: doc.problem(version.span(), "").range,
                digest_range: doc.problem(digest.1, "").range,
                sha512: None,
            });
        }
    }
    out
}

/// `ns:name`, as wkg's `PackageRef` parses it (labels of lowercase letters, digits and dashes).
fn is_package_ref(name: &str) -> bool {
    let label = |l: &str| {
        !l.is_empty()
            && l.split('-').all(|w| {
                !w.is_empty()
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            })
    };
    matches!(name.split_once(':'), Some((ns, n)) if label(ns) && label(n))
}

/// A digest as wkg writes it: `sha256:` and 64 hex digits.
pub fn check_digest(digest: &str) -> Result<(), String> {
    let Some(hex) = digest.strip_prefix("sha256:") else {
        return Err("it should start with `sha256:`".into());
    };
    if hex.len() != 64 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!(
            "`sha256:` should be followed by 64 hex digits; there are {} characters",
            hex.len()
        ));
    }
    Ok(())
}
