//! Plugging: which imports each plug fills, by name and the semver rule, which stay open,
//! why a candidate does not fit; and the composition of what fits.

use insta::assert_snapshot;

use super::component;
use crate::component::{Component, compose, decode_component, plug};

const SOCKET: &str = r#"
package demo:app@0.1.0;
world app {
  import demo:kv/store@0.2.0;
  import demo:log/sink@1.0.0;
  export run: func();
}
package demo:kv@0.2.0 {
  interface store {
    get: func(key: string) -> option<list<u8>>;
    set: func(key: string, value: list<u8>);
  }
}
package demo:log@1.0.0 {
  interface sink {
    log: func(msg: string);
  }
}
"#;

/// A plug exporting `demo:kv/store` at `version` with the given functions.
fn kv(version: &str, funcs: &str) -> String {
    format!(
        "package demo:kv-impl;\n\
         world kv {{ export demo:kv/store@{version}; }}\n\
         package demo:kv@{version} {{ interface store {{ {funcs} }} }}\n"
    )
}

const KV_FUNCS: &str = "get: func(key: string) -> option<list<u8>>;\n\
                        set: func(key: string, value: list<u8>);";

/// Plugs the components made from `plugs` into the socket made from `socket`.
fn check(socket: &str, plugs: &[String]) -> String {
    let socket = component(socket);
    let plugs: Vec<Component> = plugs.iter().map(|p| component(p)).collect();
    let report = plug(&socket, &plugs);
    let name = |p: usize| format!("plug {p}");
    let mut out = report.render(name, "the socket");
    out.push_str(&report.render_conflicts(name, "the socket"));
    out.push_str(if report.all_fit() {
        "all fit"
    } else {
        "not all fit"
    });
    out
}

#[test]
fn exact_version() {
    assert_snapshot!(check(SOCKET, &[kv("0.2.0", KV_FUNCS)]), @"
    import demo:kv/store@0.2.0: filled by plug 0 (export demo:kv/store@0.2.0; same name and version)
    import demo:log/sink@1.0.0: open (no plug exports it)
    all fit
    ");
}

#[test]
fn semver_compatible_version() {
    assert_snapshot!(check(SOCKET, &[kv("0.2.3", KV_FUNCS)]), @"
    import demo:kv/store@0.2.0: filled by plug 0 (export demo:kv/store@0.2.3; semver: 0.2.0 and 0.2.3 are both on the 0.2 track)
    import demo:log/sink@1.0.0: open (no plug exports it)
    all fit
    ");
}

#[test]
fn semver_incompatible_version() {
    assert_snapshot!(check(SOCKET, &[kv("0.3.0", KV_FUNCS)]), @"
    import demo:kv/store@0.2.0: open (no plug exports it)
    import demo:log/sink@1.0.0: open (no plug exports it)
    import demo:kv/store@0.2.0: plug 0 does not fit (export demo:kv/store@0.3.0):
      version does not match: 0.2.0 and 0.3.0: below 1.0 the minor version is the compatibility track, and 0.2 is not 0.3
    plug 0: fills no import of the socket
    not all fit
    ");
}

#[test]
fn zero_zero_versions_match_only_exactly() {
    let socket = SOCKET
        .replace("demo:kv/store@0.2.0", "demo:kv/store@0.0.1")
        .replace("demo:kv@0.2.0", "demo:kv@0.0.1");
    assert_snapshot!(check(&socket, &[kv("0.0.2", KV_FUNCS)]), @"
    import demo:kv/store@0.0.1: open (no plug exports it)
    import demo:log/sink@1.0.0: open (no plug exports it)
    import demo:kv/store@0.0.1: plug 0 does not fit (export demo:kv/store@0.0.2):
      version does not match: 0.0.1 and 0.0.2: a 0.0.x version matches only exactly
    plug 0: fills no import of the socket
    not all fit
    ");
}

#[test]
fn pre_release_matches_only_exactly() {
    assert_snapshot!(check(SOCKET, &[kv("0.2.1-rc.1", KV_FUNCS)]), @"
    import demo:kv/store@0.2.0: open (no plug exports it)
    import demo:log/sink@1.0.0: open (no plug exports it)
    import demo:kv/store@0.2.0: plug 0 does not fit (export demo:kv/store@0.2.1-rc.1):
      version does not match: 0.2.0 and 0.2.1-rc.1: a pre-release version matches only exactly
    plug 0: fills no import of the socket
    not all fit
    ");
}

#[test]
fn result_type_differs() {
    let funcs = KV_FUNCS.replace("-> option<list<u8>>", "-> option<string>");
    assert_snapshot!(check(SOCKET, &[kv("0.2.0", &funcs)]), @"
    import demo:kv/store@0.2.0: open (no plug exports it)
    import demo:log/sink@1.0.0: open (no plug exports it)
    import demo:kv/store@0.2.0: plug 0 does not fit (export demo:kv/store@0.2.0):
      import demo:kv/store@0.2.0 > func get > result > option: expected list<u8>, found string
    plug 0: fills no import of the socket
    not all fit
    ");
}

#[test]
fn function_missing() {
    assert_snapshot!(check(SOCKET, &[kv("0.2.0", "get: func(key: string) -> option<list<u8>>;")]), @"
    import demo:kv/store@0.2.0: open (no plug exports it)
    import demo:log/sink@1.0.0: open (no plug exports it)
    import demo:kv/store@0.2.0: plug 0 does not fit (export demo:kv/store@0.2.0):
      import demo:kv/store@0.2.0: missing func set: func(key: string, value: list<u8>)
    plug 0: fills no import of the socket
    not all fit
    ");
}

#[test]
fn plug_that_fills_nothing() {
    let other = "package demo:other;\nworld w { export ping: func(); }\n".to_string();
    assert_snapshot!(check(SOCKET, &[kv("0.2.0", KV_FUNCS), other]), @"
    import demo:kv/store@0.2.0: filled by plug 0 (export demo:kv/store@0.2.0; same name and version)
    import demo:log/sink@1.0.0: open (no plug exports it)
    plug 1: fills no import of the socket
    not all fit
    ");
}

#[test]
fn two_plugs_export_the_same_interface() {
    assert_snapshot!(check(SOCKET, &[kv("0.2.0", KV_FUNCS), kv("0.2.1", KV_FUNCS)]), @"
    import demo:log/sink@1.0.0: open (no plug exports it)
    import demo:kv/store@0.2.0 of the socket can be filled by more than one plug: plug 0 (export demo:kv/store@0.2.0) and plug 1 (export demo:kv/store@0.2.1); pass only one of them
    not all fit
    ");
}

#[test]
fn composition_fills_the_import_and_keeps_the_rest() {
    let socket = component(SOCKET);
    let plugs = vec![component(&kv("0.2.3", KV_FUNCS))];
    let report = plug(&socket, &plugs);
    let bytes = compose(&socket, &plugs, &report.fills).unwrap();
    let composed = decode_component("composed.wasm".into(), bytes).unwrap();
    let shape = composed.shape();
    let names = |items: &[crate::component::ItemShape]| {
        items
            .iter()
            .map(|i| i.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    assert_snapshot!(
        format!("imports: {}\nexports: {}", names(&shape.imports), names(&shape.exports)),
        @"
    imports: demo:log/sink@1.0.0
    exports: run
    "
    );
}

/// For the editor: which known components export an import, at which version, by which rule.
fn check_providers(import: &str, components: &[String]) -> String {
    let components: Vec<Component> = components.iter().map(|c| component(c)).collect();
    let found = crate::component::providers(&components, import);
    let lines: Vec<String> = found
        .iter()
        .map(|(index, export, rule)| format!("component {index}: {export} ({})", rule.rule()))
        .collect();
    lines.join("\n")
}

#[test]
fn providers_of_an_import() {
    let components = [
        kv("0.2.0", KV_FUNCS),
        kv("0.2.4", KV_FUNCS),
        kv("0.3.0", KV_FUNCS),
    ];
    assert_snapshot!(check_providers("demo:kv/store@0.2.1", &components), @"
    component 0: demo:kv/store@0.2.0 (semver: 0.2.1 and 0.2.0 are both on the 0.2 track)
    component 1: demo:kv/store@0.2.4 (semver: 0.2.1 and 0.2.4 are both on the 0.2 track)
    ");
}
