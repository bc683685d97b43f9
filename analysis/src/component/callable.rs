//! The functions of a built component that `wit run` can call by themselves (freestanding
//! ones, sync or async), named as `wit run` takes them, and matching a WIT's name for an
//! export to the component's: what the run and test lenses and `wit test` agree on.

use wit_parser::{FunctionKind, WorldItem};

use super::{Component, match_names};

/// The freestanding functions a component exports, as `wit run` calls them: `name` at the
/// root, `PREFIX.name` in an exported instance (`ns:pkg/iface@1.0.0.name`, `inline.name`).
pub fn callable_exports(component: &Component) -> Vec<String> {
    let resolve = &component.resolve;
    let mut out = Vec::new();
    for (key, item) in &resolve.worlds[component.world].exports {
        match item {
            WorldItem::Function(f) => out.push(f.name.clone()),
            WorldItem::Interface { id, .. } => {
                let prefix = resolve.name_world_key(key);
                for f in resolve.interfaces[*id].functions.values() {
                    if matches!(
                        f.kind,
                        FunctionKind::Freestanding | FunctionKind::AsyncFreestanding
                    ) {
                        out.push(format!("{prefix}.{}", f.name));
                    }
                }
            }
            WorldItem::Type { .. } => {}
        }
    }
    out
}

/// The component's name for the export the WIT calls `ours`: the same, or the same
/// interface at a compatible version.
pub fn find_export<'a>(callable: &'a [String], ours: &str) -> Option<&'a str> {
    let (our_prefix, our_func) = split_export(ours);
    callable.iter().map(String::as_str).find(|theirs| {
        let (their_prefix, their_func) = split_export(theirs);
        their_func == our_func
            && match (our_prefix, their_prefix) {
                (None, None) => true,
                (Some(o), Some(t)) => match_names(o, t).is_ok(),
                _ => false,
            }
    })
}

/// `ns:pkg/iface@1.0.0.add` into its instance and function: a version's dots come before the
/// function's name, which has none.
pub fn split_export(name: &str) -> (Option<&str>, &str) {
    match name.rsplit_once('.') {
        Some((prefix, func)) => (Some(prefix), func),
        None => (None, name),
    }
}

/// An example's call, named as the component names the export: `add(1, 2)` stays, an
/// example written with the interface's name at another version gets the component's.
pub fn call_with_export(call: &str, export: &str) -> String {
    match call.find('(') {
        Some(open) => format!("{export}{}", &call[open..]),
        None => call.to_string(),
    }
}

/// An exported `test-*` function with no parameters: a test of its own, as `wit test` runs
/// it.
pub fn is_test_export(export: &str, params: usize) -> bool {
    split_export(export).1.starts_with("test-") && params == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_across_compatible_versions() {
        let callable = vec![
            "run".to_string(),
            "demo:calc/math@0.2.1.add".to_string(),
            "inline.ping".to_string(),
        ];
        assert_eq!(find_export(&callable, "run"), Some("run"));
        assert_eq!(
            find_export(&callable, "demo:calc/math@0.2.0.add"),
            Some("demo:calc/math@0.2.1.add")
        );
        assert_eq!(find_export(&callable, "demo:calc/math@0.3.0.add"), None);
        assert_eq!(find_export(&callable, "inline.ping"), Some("inline.ping"));
        assert_eq!(find_export(&callable, "ping"), None);
        assert_eq!(
            call_with_export("add(1, 2)", "demo:calc/math@0.2.1.add"),
            "demo:calc/math@0.2.1.add(1, 2)"
        );
        assert!(is_test_export("a:b/c@1.0.0.test-x", 0));
        assert!(!is_test_export("test-x", 1) && !is_test_export("testx", 0));
    }
}
