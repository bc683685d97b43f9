//! wit-deps' files, both in the package's `wit/` folder: `deps.toml` names each dependency by
//! the folder it gets in `deps/` (a URL of a `.tar.gz`, a local path, or a table with `url`,
//! `path`, `sha256`, `sha512`, `prefix`), and `deps.lock` records, per folder, where it came
//! from, the digests of its `.wit` files (see `wit_deps_digest`) and the other folders it needs
//! (`deps`).

use std::path::Path;

use toml::de::DeValue;

use super::toml_doc::{self, Doc, INVALID_LOCK_FILE, INVALID_MANIFEST};
use super::{Declared, Locked, Tool};
use crate::Diagnostic;

const ENTRY: &[&str] = &["path", "sha256", "sha512", "url", "prefix"];
const LOCK_ENTRY: &[&str] = &["path", "sha256", "sha512", "url", "prefix", "deps"];

fn unknown(
    doc: &Doc<'_>,
    key: &toml::Spanned<std::borrow::Cow<'_, str>>,
    id: &str,
    known: &[&str],
    file: &str,
) -> Diagnostic {
    let known: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
    doc.problem(
        key.span(),
        format!(
            "unknown field `{}` in the entry `{id}` of {file}: wit-deps refuses it; expected one of {}",
            key.get_ref(),
            known.join(", ")
        ),
    )
}

/// Reads a `deps.toml`.
pub fn read_manifest(path: &Path, text: &str, problems: &mut Vec<Diagnostic>) -> Vec<Declared> {
    let doc = Doc {
        path,
        text,
        code: INVALID_MANIFEST,
    };
    let Some(table) = doc.parse_or_report(problems) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (id, value) in toml_doc::entries(&table) {
        let mut declared = Declared {
            tool: Tool::WitDeps,
            name: id.get_ref().to_string(),
            requirement: None,
            source: None,
            file: path.to_path_buf(),
            range: doc.problem(id.span(), "").range,
        };
        match value.get_ref() {
            DeValue::String(s) => declared.source = Some(s.to_string()),
            DeValue::Table(t) => {
                for (k, v) in toml_doc::entries(t) {
                    let key: &str = k.get_ref();
                    if !ENTRY.contains(&key) {
                        problems.push(unknown(&doc, k, id.get_ref(), ENTRY, "deps.toml"));
                        continue;
                    }
                    let Some(s) = toml_doc::string(&doc, v, &format!("`{key}`"), problems) else {
                        continue;
                    };
                    match key {
                        "url" | "path" => declared.source = Some(s.to_string()),
                        "sha256" => hex(&doc, v.span(), s, 64, problems),
                        "sha512" => hex(&doc, v.span(), s, 128, problems),
                        _ => {}
                    }
                }
                if declared.source.is_none() {
                    problems.push(doc.problem(
                        id.span(),
                        format!("the entry `{}` says neither `url` nor `path`: wit-deps cannot fetch it", id.get_ref()),
                    ));
                }
            }
            other => problems.push(doc.problem(
                value.span(),
                format!(
                    "`{}` should be a URL or path string, or a table with `url` or `path`; this is {}",
                    id.get_ref(),
                    toml_doc::kind(other)
                ),
            )),
        }
        out.push(declared);
    }
    out
}

fn hex(
    doc: &Doc<'_>,
    span: std::ops::Range<usize>,
    s: &str,
    len: usize,
    problems: &mut Vec<Diagnostic>,
) {
    if s.len() != len || !s.chars().all(|c| c.is_ascii_hexdigit()) {
        problems.push(doc.problem(
            span,
            format!(
                "a digest of {len} hex digits was expected; this has {} characters",
                s.len()
            ),
        ));
    }
}

/// Reads a `deps.lock`.
pub fn read_lock(path: &Path, text: &str, problems: &mut Vec<Diagnostic>) -> Vec<Locked> {
    let doc = Doc {
        path,
        text,
        code: INVALID_LOCK_FILE,
    };
    let Some(table) = doc.parse_or_report(problems) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (id, value) in toml_doc::entries(&table) {
        let Some(t) = toml_doc::table(
            &doc,
            value,
            &format!("the lock entry `{}`", id.get_ref()),
            problems,
        ) else {
            continue;
        };
        let mut locked = Locked {
            tool: Tool::WitDeps,
            name: id.get_ref().to_string(),
            registry: None,
            requirement: None,
            version: None,
            digest: None,
            needs: Vec::new(),
            file: path.to_path_buf(),
            range: doc.problem(id.span(), "").range,
            digest_range: doc.problem(id.span(), "").range,
            sha512: None,
        };
        for (k, v) in toml_doc::entries(t) {
            let key: &str = k.get_ref();
            match key {
                "deps" => match v.get_ref() {
                    DeValue::Array(items) => {
                        for item in items {
                            if let Some(s) =
                                toml_doc::string(&doc, item, "a `deps` entry", problems)
                            {
                                locked.needs.push(s.to_string());
                            }
                        }
                    }
                    other => problems.push(doc.problem(
                        v.span(),
                        format!(
                            "`deps` should be an array of folder names; this is {}",
                            toml_doc::kind(other)
                        ),
                    )),
                },
                "url" | "path" => {
                    if let Some(s) = toml_doc::string(&doc, v, &format!("`{key}`"), problems) {
                        locked.registry = Some(s.to_string());
                    }
                }
                "sha256" => {
                    if let Some(s) = toml_doc::string(&doc, v, "`sha256`", problems) {
                        hex(&doc, v.span(), s, 64, problems);
                        locked.digest = Some(format!("sha256:{}", s.to_ascii_lowercase()));
                        locked.digest_range = doc.problem(v.span(), "").range;
                    }
                }
                "sha512" => {
                    if let Some(s) = toml_doc::string(&doc, v, "`sha512`", problems) {
                        hex(&doc, v.span(), s, 128, problems);
                        locked.sha512 = Some((
                            format!("sha512:{}", s.to_ascii_lowercase()),
                            doc.problem(v.span(), "").range,
                        ));
                    }
                }
                "prefix" => {
                    toml_doc::string(&doc, v, "`prefix`", problems);
                }
                _ => problems.push(unknown(&doc, k, id.get_ref(), LOCK_ENTRY, "deps.lock")),
            }
        }
        if locked.digest.is_none() {
            problems.push(doc.problem(
                id.span(),
                format!(
                    "the lock entry `{}` has no `sha256`, which wit-deps always writes",
                    id.get_ref()
                ),
            ));
        }
        out.push(locked);
    }
    out
}
