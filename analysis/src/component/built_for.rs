//! Which world a built component was built for, among the worlds of the workspace's packages:
//! the ones sharing the most export names with it (by the semver rule). The editor's checks of
//! builds, its run, test and serve lenses, and compose sets all go by this one decision.

use std::path::PathBuf;

use wit_parser::{Resolve, WorldId, WorldKey};

use super::{Component, match_names};

/// The export names of a world, as a component names them (`ns:pkg/iface@1.0.0`, `name`).
pub fn export_names(resolve: &Resolve, world: WorldId) -> Vec<String> {
    resolve.worlds[world]
        .exports
        .keys()
        .map(|k| resolve.name_world_key(k))
        .collect()
}

/// A package folder, and each of its worlds with the names it exports.
pub type PackageWorlds = (PathBuf, Vec<(String, Vec<String>)>);

/// The worlds (of all `packages`) that `component` was built for: those sharing the most
/// export names with it, at least one; several when they tie.
pub fn built_for(packages: &[PackageWorlds], component: &Component) -> Vec<(PathBuf, String)> {
    let theirs = export_names(&component.resolve, component.world);
    let mut best = (0, Vec::new());
    for (root, worlds) in packages {
        for (name, ours) in worlds {
            let n = overlap(ours, &theirs);
            if n == 0 || n < best.0 {
                continue;
            }
            if n > best.0 {
                best = (n, Vec::new());
            }
            best.1.push((root.clone(), name.clone()));
        }
    }
    best.1
}

/// How many of `ours` a component exports (by name and the semver rule).
fn overlap(ours: &[String], theirs: &[String]) -> usize {
    ours.iter()
        .filter(|o| theirs.iter().any(|t| match_names(o, t).is_ok()))
        .count()
}

/// The `wasi:http/incoming-handler` (0.2.x) a component exports, named as it exports it:
/// what `wit serve` serves.
pub fn http_handler_export(component: &Component) -> Option<String> {
    let resolve = &component.resolve;
    resolve.worlds[component.world]
        .exports
        .keys()
        .filter(|k| matches!(k, WorldKey::Interface(_)))
        .map(|k| resolve.name_world_key(k))
        .find(|name| name.starts_with("wasi:http/incoming-handler@0.2."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::component::decode_component;

    fn component(wit: &str) -> Component {
        let bytes = crate::component::dummy_component_from_wit(wit).unwrap();
        decode_component(PathBuf::from("c.wasm"), bytes).unwrap()
    }

    #[test]
    fn the_world_sharing_most_exports_wins() {
        let c = component(
            "package a:b@1.0.0;\ninterface i { f: func(); }\n\
             world w { export i; export g: func(); }",
        );
        let packages = vec![(
            PathBuf::from("pkg"),
            vec![
                ("one".to_string(), vec!["a:b/i@1.0.0".to_string()]),
                (
                    "both".to_string(),
                    vec!["a:b/i@1.0.2".to_string(), "g".to_string()],
                ),
                ("none".to_string(), vec!["h".to_string()]),
            ],
        )];
        assert_eq!(
            built_for(&packages, &c),
            vec![(PathBuf::from("pkg"), "both".to_string())]
        );
        assert_eq!(http_handler_export(&c), None);
    }

    #[test]
    fn an_incoming_handler_at_any_0_2_version_is_served() {
        let c = component(
            "package a:b@1.0.0;\nworld w { export wasi:http/incoming-handler@0.2.3; }\n\
             package wasi:http@0.2.3 { interface incoming-handler { handle: func(); } }",
        );
        assert_eq!(
            http_handler_export(&c).as_deref(),
            Some("wasi:http/incoming-handler@0.2.3")
        );
    }
}
