//! Conformance of a component to a world: every mismatch with its path, and the same verdict
//! as the Component Model's validator (wit-component's `targets`) on every case.

use insta::assert_snapshot;

use super::{component, edit, world};
use crate::component::compare_worlds;

const WORLD: &str = r#"
package demo:calc@0.2.0;
interface math {
  add: func(a: s32, b: s32) -> s32;
}
interface types {
  record point { x: u32, y: u32 }
  variant shape { circle(u32), square(u32) }
  enum color { red, green, blue }
  resource counter {
    constructor(start: u32);
    get: func() -> u32;
    bump: func();
    merge: func(other: borrow<counter>);
  }
  area: func(s: shape, at: point, c: color) -> f64;
}
interface log {
  log: func(msg: string);
}
world calc {
  import log;
  export math;
  export types;
}
"#;

/// Checks a component made from `WORLD` with `edits` against `WORLD` itself: mismatches,
/// then notes. The verdict must be the validator's.
fn check(edits: &[(&str, &str)]) -> String {
    let found = component(&edit(WORLD, edits));
    let (resolve, target) = world(WORLD);
    let result = compare_worlds(&found.resolve, found.world, &resolve, target);
    let oracle = wit_component::targets(&resolve, target, &found.bytes, true);
    assert_eq!(
        result.conforms(),
        oracle.is_ok(),
        "witty and the validator disagree: {result:?} / {oracle:?}"
    );
    let mut out = result.render();
    if out.is_empty() {
        out.push_str("conforms");
    }
    out
}

#[test]
fn exact_match() {
    assert_snapshot!(check(&[]), @"conforms");
}

#[test]
fn extra_export() {
    assert_snapshot!(check(&[("  export types;", "  export types;\n  export extra: func();")]), @"note: export extra: not in world `calc` (allowed: a component may export more than its world)");
}

#[test]
fn missing_export() {
    assert_snapshot!(check(&[("  export types;\n", "")]), @"export demo:calc/types@0.2.0: missing: world `calc` exports it and the component does not");
}

#[test]
fn import_not_allowed() {
    assert_snapshot!(check(&[("  import log;", "  import log;\n  import clock: func() -> u64;")]), @"import clock: not allowed: world `calc` does not import it");
}

#[test]
fn param_type() {
    assert_snapshot!(check(&[("add: func(a: s32", "add: func(a: s64")]), @"export demo:calc/math@0.2.0 > func add > param a: expected s32, found s64");
}

#[test]
fn param_renamed() {
    assert_snapshot!(check(&[("add: func(a: s32", "add: func(x: s32")]), @"export demo:calc/math@0.2.0 > func add: expected param `a`, found param `x`");
}

#[test]
fn result_type() {
    assert_snapshot!(check(&[(") -> s32;", ") -> option<s32>;")]), @"export demo:calc/math@0.2.0 > func add > result: expected s32, found option<s32>");
}

#[test]
fn record_field_renamed() {
    assert_snapshot!(check(&[("y: u32 }", "z: u32 }")]), @"
    export demo:calc/types@0.2.0 > record point: expected field `y`, found field `z`
    export demo:calc/types@0.2.0 > func area > param at > record point: expected field `y`, found field `z`
    ");
}

#[test]
fn variant_case_added() {
    assert_snapshot!(check(&[("square(u32) }", "square(u32), triangle(u32) }")]), @"
    export demo:calc/types@0.2.0 > variant shape: found case `triangle: u32`, which is not expected
    export demo:calc/types@0.2.0 > func area > param s > variant shape: found case `triangle: u32`, which is not expected
    ");
}

#[test]
fn enum_case_removed() {
    assert_snapshot!(check(&[("green, blue }", "green }")]), @"
    export demo:calc/types@0.2.0 > enum color: expected case `blue`, found none
    export demo:calc/types@0.2.0 > func area > param c > enum color: expected case `blue`, found none
    ");
}

#[test]
fn resource_method_missing() {
    assert_snapshot!(check(&[("    bump: func();\n", "")]), @"export demo:calc/types@0.2.0 > resource counter: missing method bump: func(self: borrow<counter>)");
}

#[test]
fn semver_compatible_version() {
    assert_snapshot!(check(&[("demo:calc@0.2.0", "demo:calc@0.2.3")]), @"
    note: import demo:calc/log@0.2.3: matched to `demo:calc/log@0.2.0` (semver: 0.2.3 and 0.2.0 are both on the 0.2 track)
    note: export demo:calc/math@0.2.0: matched to `demo:calc/math@0.2.3` (semver: 0.2.0 and 0.2.3 are both on the 0.2 track)
    note: export demo:calc/types@0.2.0: matched to `demo:calc/types@0.2.3` (semver: 0.2.0 and 0.2.3 are both on the 0.2 track)
    ");
}

#[test]
fn semver_incompatible_version() {
    assert_snapshot!(check(&[("demo:calc@0.2.0", "demo:calc@0.3.0")]), @"
    import demo:calc/log@0.3.0: not allowed: world `calc` does not import it (it has `demo:calc/log@0.2.0`, which does not match: 0.3.0 and 0.2.0: below 1.0 the minor version is the compatibility track, and 0.3 is not 0.2)
    export demo:calc/math@0.2.0: missing: world `calc` exports it and the component does not (it has `demo:calc/math@0.3.0`, which does not match: 0.2.0 and 0.3.0: below 1.0 the minor version is the compatibility track, and 0.2 is not 0.3)
    export demo:calc/types@0.2.0: missing: world `calc` exports it and the component does not (it has `demo:calc/types@0.3.0`, which does not match: 0.2.0 and 0.3.0: below 1.0 the minor version is the compatibility track, and 0.2 is not 0.3)
    note: export demo:calc/math@0.3.0: not in world `calc` (allowed: a component may export more than its world)
    note: export demo:calc/types@0.3.0: not in world `calc` (allowed: a component may export more than its world)
    ");
}

#[test]
fn pre_release_version() {
    assert_snapshot!(check(&[("demo:calc@0.2.0", "demo:calc@0.2.1-rc.1")]), @"
    import demo:calc/log@0.2.1-rc.1: not allowed: world `calc` does not import it (it has `demo:calc/log@0.2.0`, which does not match: 0.2.1-rc.1 and 0.2.0: a pre-release version matches only exactly)
    export demo:calc/math@0.2.0: missing: world `calc` exports it and the component does not (it has `demo:calc/math@0.2.1-rc.1`, which does not match: 0.2.0 and 0.2.1-rc.1: a pre-release version matches only exactly)
    export demo:calc/types@0.2.0: missing: world `calc` exports it and the component does not (it has `demo:calc/types@0.2.1-rc.1`, which does not match: 0.2.0 and 0.2.1-rc.1: a pre-release version matches only exactly)
    note: export demo:calc/math@0.2.1-rc.1: not in world `calc` (allowed: a component may export more than its world)
    note: export demo:calc/types@0.2.1-rc.1: not in world `calc` (allowed: a component may export more than its world)
    ");
}

#[test]
fn resources_compare_by_identity() {
    let other = (
        "merge: func(other: borrow<counter>);\n  }",
        "merge: func(other: borrow<gauge>);\n  }\n  resource gauge;",
    );
    assert_snapshot!(check(&[other]), @"export demo:calc/types@0.2.0 > resource counter > method merge > param other: expected borrow<counter> (demo:calc/types.counter), found borrow<gauge> (demo:calc/types.gauge)");
}

/// For the editor: each mismatch says which import or export it concerns.
#[test]
fn mismatches_as_data() {
    let found = component(&edit(WORLD, &[("add: func(a: s32", "add: func(a: s64")]));
    let (resolve, target) = world(WORLD);
    let result = crate::component::conformance(&found, &resolve, target);
    let data: Vec<String> = result
        .mismatches
        .iter()
        .map(|m| format!("{:?} {} {:?}: {}", m.direction, m.item, m.path, m.message))
        .collect();
    assert_snapshot!(data.join("\n"), @r#"Export demo:calc/math@0.2.0 ["export demo:calc/math@0.2.0", "func add", "param a"]: expected s32, found s64"#);
}
