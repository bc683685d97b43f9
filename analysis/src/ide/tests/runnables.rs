//! Runnables: the exported functions of each world, as the run and test lenses see them.

use insta::assert_snapshot;

use crate::ide::fixture::Fixture;

fn check(fixture: &str) -> String {
    let f = Fixture::parse(fixture);
    let path = f.position().path.to_path_buf();
    let mut out = String::new();
    for world in f.host.analysis().runnables(&path).unwrap() {
        out.push_str(&format!(
            "world {}\n",
            f.show(&world.path, world.focus_range)
        ));
        for func in world.funcs {
            out.push_str(&format!(
                "  {} ({} params) at {}\n    {}\n",
                func.export,
                func.params,
                f.show(&func.path, func.focus_range),
                func.signature
            ));
            if let Some(docs) = func.docs {
                out.push_str(&format!("    docs: {docs:?}\n"));
            }
        }
    }
    out
}

#[test]
fn own_functions_interfaces_inline_and_named_exports() {
    assert_snapshot!(check(r#"
//- /wit/api.wit
package demo:calc@0.2.0;
interface math {
  /// Adds.
  ///
  /// ```wave
  /// add(1, 2) == 3
  /// ```
  add: func(a: s32, b: s32) -> s32;
  resource acc {
    constructor();
    push: func(x: s32);
  }
  zero: func() -> s32;
}
//- /wit/world.wit
package demo:calc@0.2.0;
world calc$0ulator {
  import log: func(msg: string);
  export math;
  export also: math;
  export inline: interface {
    ping: func() -> string;
  }
  /// Runs the checks.
  export test-all: func() -> result<_, string>;
}
world empty {}
"#), @r#"
    world /wit/world.wit:2:7-2:17 "calculator"
      test-all (0 params) at /wit/world.wit:10:10-10:18 "test-all"
        export test-all: func() -> result<_, string>;
        docs: "Runs the checks."
      demo:calc/math@0.2.0.add (2 params) at /wit/api.wit:8:3-8:6 "add"
        add: func(a: s32, b: s32) -> s32;
        docs: "Adds.\n\n```wave\nadd(1, 2) == 3\n```"
      demo:calc/math@0.2.0.zero (0 params) at /wit/api.wit:13:3-13:7 "zero"
        zero: func() -> s32;
      also.add (2 params) at /wit/api.wit:8:3-8:6 "add"
        add: func(a: s32, b: s32) -> s32;
        docs: "Adds.\n\n```wave\nadd(1, 2) == 3\n```"
      also.zero (0 params) at /wit/api.wit:13:3-13:7 "zero"
        zero: func() -> s32;
      inline.ping (0 params) at /wit/world.wit:7:5-7:9 "ping"
        ping: func() -> string;
    world /wit/world.wit:12:7-12:12 "empty"
    "#);
}

#[test]
fn included_exports_run_from_the_world_that_defines_them() {
    assert_snapshot!(check(r#"
//- /wit/world.wit
package a:b;
world base {
  export run: func();
}
world full$0 {
  include base;
  export extra: func(n: u32) -> u32;
}
"#), @r#"
    world /wit/world.wit:2:7-2:11 "base"
      run (0 params) at /wit/world.wit:3:10-3:13 "run"
        export run: func();
    world /wit/world.wit:5:7-5:11 "full"
      extra (1 params) at /wit/world.wit:7:10-7:15 "extra"
        export extra: func(n: u32) -> u32;
      run (0 params) at /wit/world.wit:3:10-3:13 "run"
        export run: func();
    "#);
}

/// The documented functions of a package as `wit test WIT_PATH` matches them to exports.
fn documented(fixture: &str) -> String {
    let f = Fixture::parse(fixture);
    let path = f.position().path.to_path_buf();
    let mut out = String::new();
    for d in f.host.analysis().documented_funcs(&path).unwrap() {
        let instance = d.instance.as_deref().unwrap_or("<world>");
        out.push_str(&format!("{instance} {}: {:?}\n", d.function, d.docs));
    }
    out
}

#[test]
fn documented_functions_of_interfaces_resources_worlds_and_nested_packages() {
    assert_snapshot!(documented(r#"
//- /wit/api.wit
package demo:calc@0.2.0;
interface math {
  /// Adds.
  add: func(a: s32, b: s32) -> s32;
  resource acc {
    /// Makes one.
    constructor();
    /// Pushes.
    push: func(x: s32);
    /// Makes from.
    make: static func(x: s32) -> acc;
  }
  undocumented: func();
}
//- /wit/world.wit
package demo:calc@0.2.0;
world c$0alc {
  /// Logs, but imported: not the component's.
  import log: func(msg: string);
  /// Checks.
  export test-all: func() -> result<_, string>;
  export inline: interface {
    /// Pings.
    ping: func() -> string;
  }
}
package demo:nested@1.0.0 {
  interface extra {
    /// Extra.
    more: func();
  }
}
"#), @r#"
    demo:calc/math@0.2.0 add: "Adds."
    demo:calc/math@0.2.0 [constructor]acc: "Makes one."
    demo:calc/math@0.2.0 [method]acc.push: "Pushes."
    demo:calc/math@0.2.0 [static]acc.make: "Makes from."
    <world> test-all: "Checks."
    inline ping: "Pings."
    demo:nested/extra@1.0.0 more: "Extra."
    "#);
}
