//! Semver checks: each breaking and compatible change with its path, the bump it needs with
//! the 0.x rules, and whether the new version number makes it.

use insta::assert_snapshot;

use super::{component, edit};
use crate::component::{WorldRole, semver_packages, semver_worlds};

const OLD: &str = r#"
package demo:calc@0.2.0;
interface math {
  add: func(a: s32, b: s32) -> s32;
  sub: func(a: s32, b: s32) -> s32;
}
interface types {
  record point { x: u32, y: u32 }
  variant shape { circle(u32), square(u32) }
  enum color { red, green, blue }
}
world calc {
  import types;
  export math;
}
"#;

fn package(wit: &str) -> (wit_parser::Resolve, wit_parser::PackageId) {
    let mut resolve = wit_parser::Resolve::new();
    let package = resolve
        .push_str("test.wit", wit)
        .expect("the test WIT is valid");
    (resolve, package)
}

fn render(report: &crate::component::SemverReport) -> String {
    let verdict = if report.passes() { "passes" } else { "fails" };
    format!("{}{verdict}", report.render())
}

/// Compares `OLD` with `OLD` edited.
fn check(edits: &[(&str, &str)]) -> String {
    let (old, op) = package(OLD);
    let (new, np) = package(&edit(OLD, edits));
    render(&semver_packages(&old, op, &new, np))
}

#[test]
fn unchanged() {
    assert_snapshot!(check(&[]), @"
    needs: no bump
    version: 0.2.0 -> 0.2.0: enough
    passes
    ");
}

#[test]
fn function_added_needs_a_patch_bump_below_1() {
    let add = (
        "  sub: func",
        "  mul: func(a: s32, b: s32) -> s32;\n  sub: func",
    );
    assert_snapshot!(check(&[add]), @"
    compatible changes:
      interface demo:calc/math: added func mul: func(a: s32, b: s32) -> s32
    needs: a patch bump (0.2.0 -> 0.2.1; below 1.0 a compatible change bumps the patch version)
    version: 0.2.0 is not enough after 0.2.0: the changes need a patch bump (0.2.0 -> 0.2.1; below 1.0 a compatible change bumps the patch version)
    fails
    ");
    assert_snapshot!(check(&[add, ("@0.2.0", "@0.2.1")]), @"
    compatible changes:
      interface demo:calc/math: added func mul: func(a: s32, b: s32) -> s32
    needs: a patch bump (0.2.0 -> 0.2.1; below 1.0 a compatible change bumps the patch version)
    version: 0.2.0 -> 0.2.1: enough
    passes
    ");
}

#[test]
fn function_removed() {
    assert_snapshot!(check(&[("  sub: func(a: s32, b: s32) -> s32;\n", "")]), @"
    breaking changes:
      interface demo:calc/math: removed func sub: func(a: s32, b: s32) -> s32
    needs: a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    version: 0.2.0 is not enough after 0.2.0: the changes need a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    fails
    ");
}

#[test]
fn param_type_changed() {
    assert_snapshot!(check(&[("add: func(a: s32", "add: func(a: s64")]), @"
    breaking changes:
      interface demo:calc/math > func add > param a: changed from s32 to s64
    needs: a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    version: 0.2.0 is not enough after 0.2.0: the changes need a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    fails
    ");
}

#[test]
fn record_field_renamed() {
    assert_snapshot!(check(&[("y: u32 }", "z: u32 }")]), @"
    breaking changes:
      interface demo:calc/types > record point: changed from field `y` to field `z`
    needs: a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    version: 0.2.0 is not enough after 0.2.0: the changes need a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    fails
    ");
}

#[test]
fn variant_case_added() {
    assert_snapshot!(check(&[("square(u32) }", "square(u32), triangle(u32) }")]), @"
    breaking changes:
      interface demo:calc/types > variant shape: added case `triangle: u32`
    needs: a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    version: 0.2.0 is not enough after 0.2.0: the changes need a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    fails
    ");
}

#[test]
fn enum_case_removed() {
    assert_snapshot!(check(&[("green, blue }", "green }")]), @"
    breaking changes:
      interface demo:calc/types > enum color: removed case `blue`
    needs: a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    version: 0.2.0 is not enough after 0.2.0: the changes need a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    fails
    ");
}

#[test]
fn interface_removed_and_added() {
    assert_snapshot!(check(&[("interface math {", "interface arith {"), ("export math;", "export arith;")]), @"
    breaking changes:
      interface demo:calc/math: removed
      world calc > export demo:calc/arith@0.2.0: added
    compatible changes:
      interface demo:calc/arith: added
      world calc > export demo:calc/math@0.2.0: removed
    needs: a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    version: 0.2.0 is not enough after 0.2.0: the changes need a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    fails
    ");
}

#[test]
fn world_import_added_and_export_added() {
    assert_snapshot!(check(&[
        ("  import types;", "  import types;\n  import clock: func() -> u64;"),
        ("  export math;", "  export math;\n  export run: func();"),
    ]), @"
    breaking changes:
      world calc > export run: added
    compatible changes:
      world calc > import clock: added
    needs: a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    version: 0.2.0 is not enough after 0.2.0: the changes need a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    fails
    ");
}

#[test]
fn breaking_change_with_bumps() {
    let change = ("add: func(a: s32", "add: func(a: s64");
    // Below 1.0 a breaking change needs the minor version bumped.
    assert_snapshot!(check(&[change, ("@0.2.0", "@0.2.5")]), @"
    breaking changes:
      interface demo:calc/math > func add > param a: changed from s32 to s64
    needs: a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    version: 0.2.5 is not enough after 0.2.0: the changes need a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    fails
    ");
    assert_snapshot!(check(&[change, ("@0.2.0", "@0.3.0")]), @"
    breaking changes:
      interface demo:calc/math > func add > param a: changed from s32 to s64
    needs: a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    version: 0.2.0 -> 0.3.0: enough
    passes
    ");
    // At 1.0 and above it needs the major version.
    let old = OLD.replace("@0.2.0", "@1.4.0");
    let (o, op) = package(&old);
    let (n, np) = package(&edit(&old, &[change, ("@1.4.0", "@1.5.0")]));
    assert_snapshot!(render(&semver_packages(&o, op, &n, np)), @"
    breaking changes:
      interface demo:calc/math > func add > param a: changed from s32 to s64
    needs: a major bump (1.4.0 -> 2.0.0)
    version: 1.5.0 is not enough after 1.4.0: the changes need a major bump (1.4.0 -> 2.0.0)
    fails
    ");
    let (n, np) = package(&edit(&old, &[change, ("@1.4.0", "@2.0.0")]));
    assert_snapshot!(render(&semver_packages(&o, op, &n, np)), @"
    breaking changes:
      interface demo:calc/math > func add > param a: changed from s32 to s64
    needs: a major bump (1.4.0 -> 2.0.0)
    version: 1.4.0 -> 2.0.0: enough
    passes
    ");
}

#[test]
fn zero_zero_and_pre_release_bumps() {
    let change = ("add: func(a: s32", "add: func(a: s64");
    let old = OLD.replace("@0.2.0", "@0.0.3");
    let (o, op) = package(&old);
    let (n, np) = package(&edit(&old, &[change, ("@0.0.3", "@0.0.4")]));
    assert_snapshot!(render(&semver_packages(&o, op, &n, np)), @"
    breaking changes:
      interface demo:calc/math > func add > param a: changed from s32 to s64
    needs: a patch bump (0.0.3 -> 0.0.4; every 0.0.x version is its own compatibility track)
    version: 0.0.3 -> 0.0.4: enough
    passes
    ");
    let (n, np) = package(&edit(OLD, &[change, ("@0.2.0", "@0.2.1-rc.1")]));
    let (o, op) = package(OLD);
    assert_snapshot!(render(&semver_packages(&o, op, &n, np)), @"
    breaking changes:
      interface demo:calc/math > func add > param a: changed from s32 to s64
    needs: a minor bump (0.2.0 -> 0.3.0; below 1.0 a breaking change bumps the minor version)
    version: 0.2.0 -> 0.2.1-rc.1: enough
    passes
    ");
}

#[test]
fn version_goes_down() {
    assert_snapshot!(check(&[("@0.2.0", "@0.1.9")]), @"
    needs: no bump
    version: the version goes down from 0.2.0 to 0.1.9
    fails
    ");
}

#[test]
fn components_replace_each_other_when_they_import_less_and_export_more() {
    let old = component(OLD);
    let new = component(&edit(
        OLD,
        &[
            ("  import types;\n", ""),
            ("  export math;", "  export math;\n  export types;"),
        ],
    ));
    assert_snapshot!(render(&semver_worlds(&old.resolve, old.world, &new.resolve, new.world, WorldRole::Component)), @"
    compatible changes:
      export demo:calc/types@0.2.0: added
    needs: a minor bump (compatible additions)
    passes
    ");
    assert_snapshot!(render(&semver_worlds(&new.resolve, new.world, &old.resolve, old.world, WorldRole::Component)), @"
    breaking changes:
      export demo:calc/types@0.2.0: removed
    needs: a major bump (a breaking change)
    fails
    ");
}
