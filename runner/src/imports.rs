//! Linking a component: WASI 0.2 and 0.3 come from wasmtime-wasi; whatever instantiation
//! still lacks is named in the message, with the flag that stubs it, or (with
//! `--trap-unknown-imports`) replaced by a stub that traps when called. Only what is really
//! missing is stubbed: an import WASI satisfies by the semver rule (`@0.2.3` by the 0.2.12
//! witty has) is never replaced, and a newer WASI interface only lacks its newer functions.

use wasmtime::Engine;
use wasmtime::component::types::ComponentItem;
use wasmtime::component::{Component, InstancePre, Linker, LinkerInstance, ResourceType};

use crate::error::chain;
use crate::host::{self, Host};
use crate::options::RunOptions;

/// The WASI packages wasmtime-wasi 48 and wasmtime-wasi-http 48 provide, and their
/// versions (the crates' `wit` folders): an import of one of them at a compatible version is linked
/// to these.
const WASI_PROVIDED: [(&str, &[&str]); 7] = [
    ("wasi:http", &["0.2.12"]),
    ("wasi:cli", &["0.2.12", "0.3.0"]),
    ("wasi:clocks", &["0.2.12", "0.3.0"]),
    ("wasi:filesystem", &["0.2.12", "0.3.0"]),
    ("wasi:io", &["0.2.12"]),
    ("wasi:random", &["0.2.12", "0.3.0"]),
    ("wasi:sockets", &["0.2.12", "0.3.0"]),
];

/// What the runner provides, for messages.
pub(crate) const PROVIDED: &str = "WASI 0.2.12 and 0.3.0: wasi:cli, wasi:clocks, \
                                   wasi:filesystem, wasi:io, wasi:random, wasi:sockets, and \
                                   wasi:http 0.2.12";

/// A component ready to instantiate, and the imports stubbed to get there.
pub(crate) struct Linked {
    pub pre: InstancePre<Host>,
    /// `import` or `import#member`, for each stub, in the order they were made.
    pub stubbed: Vec<String>,
}

/// Links `component`, stubbing what is missing if `options` allow it. The error is the whole
/// message (without the file name).
pub(crate) fn link(
    engine: &Engine,
    component: &Component,
    options: &RunOptions,
) -> Result<Linked, String> {
    let mut linker =
        host::wasi_linker(engine).map_err(|e| format!("cannot set up WASI: {}", chain(&e)))?;
    let imports: Vec<(String, ComponentItem)> = component
        .component_type()
        .imports(engine)
        .map(|(name, item)| (name.to_string(), item.ty))
        .collect();
    let mut stubbed = Vec::new();
    // Each round stubs at least one member of one import, so this many rounds are enough.
    let rounds = 1 + imports
        .iter()
        .map(|(_, item)| match item {
            ComponentItem::ComponentInstance(i) => i.exports(engine).len(),
            _ => 1,
        })
        .sum::<usize>();
    for _ in 0..rounds {
        let error = match linker.instantiate_pre(component) {
            Ok(pre) => return Ok(Linked { pre, stubbed }),
            Err(e) => chain(&e),
        };
        let Some(missing) = Missing::parse(&error) else {
            return Err(format!("cannot link the component: {error}"));
        };
        if !missing.is_missing {
            return Err(missing.mismatch_message(&error));
        }
        if !options.trap_unknown_imports {
            return Err(missing.message());
        }
        let made = stub(&mut linker, engine, &imports, &missing)
            .map_err(|e| format!("cannot stub `{}`: {}", missing.import, chain(&e)))?;
        if made.is_empty() {
            return Err(format!("cannot link the component: {error}"));
        }
        stubbed.extend(made);
    }
    Err("cannot link the component: its imports kept missing parts after every stub".into())
}

/// An import instantiation lacks, read from wasmtime's message.
#[derive(Debug, PartialEq, Eq)]
struct Missing {
    /// The import: `wasi:http/types@0.2.4`, or a function imported at the root.
    import: String,
    /// The part of the import instance that is missing (`[method]fields.get`), if it is one.
    member: Option<String>,
    /// Missing, as opposed to present with another type.
    is_missing: bool,
}

impl Missing {
    /// Reads "component imports instance `X`, but a matching implementation was not found in
    /// the linker: instance export `f` has the wrong type: function implementation is
    /// missing".
    fn parse(text: &str) -> Option<Missing> {
        let rest = &text[text.find("component imports ")?..];
        let import = between_backticks(rest)?;
        let member = rest
            .find("instance export `")
            .and_then(|at| between_backticks(&rest[at..]));
        Some(Missing {
            import: import.to_string(),
            member: member.map(String::from),
            is_missing: text.ends_with("implementation is missing"),
        })
    }

    /// `wasi:http/types@0.2.4`, or `wasi:clocks/monotonic-clock@0.2.13#wait-for`.
    fn display(&self) -> String {
        match &self.member {
            Some(member) => format!("{}#{member}", self.import),
            None => self.import.clone(),
        }
    }

    fn message(&self) -> String {
        let flag = "run with --trap-unknown-imports to run it anyway: a call of what is \
                    missing then traps";
        match (&self.member, provided_version(&self.import)) {
            (Some(member), Some(version)) => format!(
                "the component imports `{}`, and witty's WASI {version} has no `{member}` in \
                 it (witty provides {PROVIDED}); {flag}",
                self.import
            ),
            _ => format!(
                "the component imports `{}`, which witty does not provide (it provides \
                 {PROVIDED}); {flag}",
                self.import
            ),
        }
    }

    fn mismatch_message(&self, error: &str) -> String {
        let why = error.rsplit(": ").next().unwrap_or(error);
        format!(
            "the component imports `{}`, and what witty provides under that name has \
             another type ({why}); a stub cannot stand in for it",
            self.display()
        )
    }
}

fn between_backticks(text: &str) -> Option<&str> {
    let start = text.find('`')? + 1;
    let len = text[start..].find('`')?;
    Some(&text[start..start + len])
}

/// The WASI version witty links an import of `name` (`ns:pkg/iface@version`) to, if it is
/// a WASI package witty provides at a compatible version.
fn provided_version(name: &str) -> Option<&'static str> {
    let (path, version) = name.split_once('@')?;
    let package = path.split_once('/').map_or(path, |(p, _)| p);
    let (_, versions) = WASI_PROVIDED.iter().find(|(p, _)| *p == package)?;
    versions.iter().copied().find(|v| compatible(v, version))
}

/// Whether two versions are compatible as wasmtime's linker matches them: the same major
/// version, or for 0.x the same minor; prereleases only match themselves.
fn compatible(a: &str, b: &str) -> bool {
    if a.contains('-') || b.contains('-') {
        return a == b;
    }
    let parts = |v: &str| -> Vec<u64> { v.split('.').filter_map(|p| p.parse().ok()).collect() };
    match (parts(a).as_slice(), parts(b).as_slice()) {
        ([0, x, ..], [0, y, ..]) => x == y,
        ([x, ..], [y, ..]) => x == y && *x != 0,
        _ => false,
    }
}

/// Defines trap stubs for what `missing` lacks: only the missing member of an import WASI
/// provides (in WASI's own instance, so nothing it has is shadowed), every function and
/// resource of any other import. Returns what was stubbed.
fn stub(
    linker: &mut Linker<Host>,
    engine: &Engine,
    imports: &[(String, ComponentItem)],
    missing: &Missing,
) -> wasmtime::Result<Vec<String>> {
    let Some((_, item)) = imports.iter().find(|(name, _)| *name == missing.import) else {
        return Ok(Vec::new());
    };
    let mut made = Vec::new();
    match item {
        ComponentItem::ComponentInstance(instance) => {
            let (linked_name, only) = match provided_version(&missing.import) {
                Some(version) => {
                    let unversioned = missing.import.split('@').next().unwrap_or_default();
                    (
                        format!("{unversioned}@{version}"),
                        missing.member.as_deref(),
                    )
                }
                None => (missing.import.clone(), None),
            };
            let mut into = linker.instance(&linked_name)?;
            for (member, ty) in instance.exports(engine) {
                if only.is_some_and(|o| o != member) {
                    continue;
                }
                let qualified = format!("{}#{member}", missing.import);
                if stub_item(&mut into, member, &ty.ty, &qualified)? {
                    made.push(qualified);
                }
            }
        }
        other => {
            let mut root = linker.root();
            if stub_item(&mut root, &missing.import, other, &missing.import)? {
                made.push(missing.import.clone());
            }
        }
    }
    Ok(made)
}

/// A function that traps with the message `failure` recognizes, or a resource nothing
/// can make; false for what needs no stub (types).
fn stub_item(
    into: &mut LinkerInstance<'_, Host>,
    name: &str,
    item: &ComponentItem,
    qualified: &str,
) -> wasmtime::Result<bool> {
    let message = format!("unknown import: `{qualified}` has not been defined");
    match item {
        ComponentItem::ComponentFunc(f) if f.async_() => {
            into.func_new_concurrent(name, move |_, _, _, _| {
                let message = message.clone();
                Box::pin(async move { Err(wasmtime::Error::msg(message)) })
            })?;
        }
        ComponentItem::ComponentFunc(_) => {
            into.func_new(name, move |_, _, _, _| {
                Err(wasmtime::Error::msg(message.clone()))
            })?;
        }
        ComponentItem::Resource(_) => {
            into.resource(name, ResourceType::host::<()>(), |_, _| Ok(()))?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_is_missing() {
        let text = "component imports instance `wasi:clocks/monotonic-clock@0.2.13`, but a \
                    matching implementation was not found in the linker: instance export \
                    `wait-for` has the wrong type: function implementation is missing";
        let missing = Missing::parse(text).unwrap();
        assert_eq!(
            missing.display(),
            "wasi:clocks/monotonic-clock@0.2.13#wait-for"
        );
        assert!(missing.is_missing);
        insta::assert_snapshot!(missing.message(), @"the component imports `wasi:clocks/monotonic-clock@0.2.13`, and witty's WASI 0.2.12 has no `wait-for` in it (witty provides WASI 0.2.12 and 0.3.0: wasi:cli, wasi:clocks, wasi:filesystem, wasi:io, wasi:random, wasi:sockets, and wasi:http 0.2.12); run with --trap-unknown-imports to run it anyway: a call of what is missing then traps");
        let keyvalue = Missing::parse(
            "component imports instance `wasi:keyvalue/store@0.2.0-draft`, but a matching \
             implementation was not found in the linker: instance export `bucket` has the \
             wrong type: resource implementation is missing",
        )
        .unwrap();
        insta::assert_snapshot!(keyvalue.message(), @"the component imports `wasi:keyvalue/store@0.2.0-draft`, which witty does not provide (it provides WASI 0.2.12 and 0.3.0: wasi:cli, wasi:clocks, wasi:filesystem, wasi:io, wasi:random, wasi:sockets, and wasi:http 0.2.12); run with --trap-unknown-imports to run it anyway: a call of what is missing then traps");
    }

    #[test]
    fn wasi_versions_by_the_semver_rule() {
        assert_eq!(
            provided_version("wasi:cli/environment@0.2.0"),
            Some("0.2.12")
        );
        assert_eq!(
            provided_version("wasi:cli/environment@0.2.13"),
            Some("0.2.12")
        );
        assert_eq!(provided_version("wasi:cli/run@0.3.0"), Some("0.3.0"));
        assert_eq!(provided_version("wasi:io/streams@0.3.0"), None);
        assert_eq!(provided_version("wasi:cli/run@0.3.0-rc-2025-09-16"), None);
        assert_eq!(provided_version("wasi:http/types@0.2.4"), Some("0.2.12"));
        assert_eq!(provided_version("wasi:http/handler@0.3.0"), None);
        assert_eq!(provided_version("my:pkg/api@0.2.0"), None);
    }
}
