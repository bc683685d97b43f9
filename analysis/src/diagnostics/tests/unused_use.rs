//! `unused-use`: a warning only where removing the `use` changes nothing wit-parser
//! resolves: a file-level `use ... as x;` that no path of the file names. A `use` in an
//! interface or a world is part of its API (the interface gains the type; the world imports
//! it and its interface), so an unused one is at most a hint that says so, with no fix.

use super::{check, check_crlf};

#[test]
fn an_unused_file_level_use() {
    check(
        r#"
//- /wit/main.wit
package a:b;
use wasi:io/streams@0.2.0 as streams;
//                           ^^^^^^^ warning unused-use: `streams` is not used: no path in this file names it; remove this `use` (it only names `wasi:io/streams@0.2.0` for this file)
use wasi:io/poll@0.2.0 as p;
use types as t;
//           ^ warning unused-use: `t` is not used: no path in this file names it; remove this `use` (it only names `types` for this file)
interface types {}
interface api {
  use p.{pollable};
//       ^^^^^^^^ hint unused-use: `pollable` is not used in interface `api`, but the `use` makes it part of `api` (others can `use api.{pollable}`): removing it would change the interface
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
interface streams { resource input-stream; }
interface poll { resource pollable; }
"#,
    );
}

#[test]
fn a_file_level_use_is_for_its_file_only() {
    check(
        r#"
//- /wit/a.wit
package a:b;
use types as t;
//           ^ warning unused-use: `t` is not used: no path in this file names it; remove this `use` (it only names `types` for this file)
interface types { type x = u8; }
//- /wit/b.wit
package a:b;
interface api {
  use t.{x};
//    ^ unresolved-name: interface or world `t` does not exist
}
"#,
    );
}

#[test]
fn file_level_uses_named_by_worlds() {
    check(
        r#"
//- /wit/main.wit
package a:b;
use wasi:io/streams@0.2.0 as s;
use wasi:io/poll@0.2.0 as p;
use base as b;
world base {}
world w {
  import s;
  export pl: p;
  include b;
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
interface streams {}
interface poll {}
"#,
    );
}

#[test]
fn an_interface_use_is_part_of_the_interface() {
    check(
        r#"
package a:b;
interface types {
  type x = u8;
  type y = u8;
}
interface api {
  use types.{x, y};
//              ^ hint unused-use: `y` is not used in interface `api`, but the `use` makes it part of `api` (others can `use api.{y}`): removing it would change the interface
  f: func(a: x);
}
"#,
    );
}

#[test]
fn used_through_another_interface() {
    check(
        r#"
package a:b;
interface types { type x = u8; }
interface api { use types.{x}; }
interface client { use api.{x}; f: func(a: x); }
"#,
    );
}

#[test]
fn a_world_use_is_an_import() {
    check(
        r#"
package a:b;
interface types { type x = u8; }
world w {
  use types.{x};
//           ^ hint unused-use: `x` is not used in world `w`, but the `use` makes the world import it (a type of interface `types`): removing it would change the world's imports
  export run: func();
}
world v {
  import f: interface {
    use types.{x};
//             ^ hint unused-use: `x` is not used in interface `f`, but the `use` makes it part of `f`: removing it would change the interface
  }
}
"#,
    );
}

#[test]
fn in_a_nested_package() {
    check(
        r#"
package a:b;
interface i {}
package a:c {
  use a:b/i as unused;
//             ^^^^^^ warning unused-use: `unused` is not used: no path in this file names it; remove this `use` (it only names `a:b/i` for this file)
  interface j {}
}
"#,
    );
}

#[test]
fn escaped_names() {
    check(
        r#"
package a:b;
use %interface as %use;
//                ^^^^ warning unused-use: `use` is not used: no path in this file names it; remove this `use` (it only names `interface` for this file)
interface %interface { type %type = u8; }
"#,
    );
}

#[test]
fn a_broken_use_is_reported_once() {
    check(
        r#"
package a:b;
use wasi:io/streams@0.2.0 as streams;
//  ^^^^^^^ unresolved-package: package `wasi:io@0.2.0` not found in `/wit/deps`: add it there as a folder of `.wit` files, a single `.wit` file, or a binary WIT package (`.wasm`/`.wat`) directly in `deps/` (`wkg wit fetch` or `wit-deps` fill `deps/` from a registry)
"#,
    );
}

#[test]
fn nothing_in_dependencies() {
    check(
        r#"
//- /wit/main.wit
package a:b;
interface api {}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
use poll as unused;
interface streams { use poll.{pollable}; }
interface poll { resource pollable; }
"#,
    );
}

#[test]
fn with_crlf_line_ends() {
    check_crlf(
        r#"
package a:b;
use types as t;
//           ^ warning unused-use: `t` is not used: no path in this file names it; remove this `use` (it only names `types` for this file)
interface types { type x = u8; }
interface api {
  use types.{x};
//           ^ hint unused-use: `x` is not used in interface `api`, but the `use` makes it part of `api` (others can `use api.{x}`): removing it would change the interface
}
"#,
    );
}

/// What wit-parser resolves of a fixture: every package, printed as WIT.
fn resolved(fixture: &str) -> String {
    let f = crate::ide::fixture::Fixture::parse(fixture);
    let analysis = f.host.analysis();
    let input = analysis.backstop_input(analysis.roots()[0]).unwrap();
    let (resolve, main) = input.resolve().expect("wit-parser resolves the fixture");
    let mut printer = wit_component::WitPrinter::default();
    let others: Vec<_> = resolve
        .packages
        .iter()
        .map(|(id, _)| id)
        .filter(|id| *id != main)
        .collect();
    printer.print(&resolve, main, &others).unwrap();
    printer.output.to_string()
}

/// The fixture with each quick fix of its `unused-use` warnings applied, one at a time.
fn fixed(fixture: &str) -> Vec<String> {
    let (f, found) = super::diagnostics_of(fixture);
    let analysis = f.host.analysis();
    let mut out = Vec::new();
    for d in found.iter().filter(|d| d.code == "unused-use") {
        for assist in analysis.assists(&d.file, d.range).unwrap() {
            let mut files = f.files.clone();
            for (path, edits) in &assist.change.files {
                let text = &mut files.iter_mut().find(|(p, _)| p == path).unwrap().1;
                for e in edits.iter().rev() {
                    text.replace_range(std::ops::Range::<usize>::from(e.range), &e.new_text);
                }
            }
            let mut after = String::new();
            for (path, text) in files {
                after.push_str(&format!("//- {}\n{text}", path.display()));
            }
            out.push(after);
        }
    }
    out
}

#[test]
fn the_fix_changes_nothing_wit_parser_resolves() {
    let fixture = r#"
//- /wit/main.wit
package a:b;
use wasi:io/streams@0.2.0 as streams;
use wasi:io/poll@0.2.0 as p;
use types as t;
interface types { type x = u8; }
interface api {
  use p.{pollable};
  f: func(p: pollable);
}
world w { import api; }
package a:c {
  use a:b/types as unused;
  interface j {}
}
//- /wit/deps/io/streams.wit
package wasi:io@0.2.0;
interface streams { resource input-stream; }
interface poll { resource pollable; }
"#;
    let before = resolved(fixture);
    let fixes = fixed(fixture);
    assert_eq!(fixes.len(), 3, "one fix per unused file-level `use`");
    for after in fixes {
        assert_eq!(resolved(&after), before, "after the fix:\n{after}");
    }
}

#[test]
fn what_the_hints_say_is_true() {
    // Removing an unused name of an interface's `use` removes a type from the interface...
    let with = "package a:b;\ninterface t { type x = u8; }\ninterface i { use t.{x}; }\n";
    let without = "package a:b;\ninterface t { type x = u8; }\ninterface i { }\n";
    assert_ne!(resolved(with), resolved(without));
    // ...and of a world's, an import of the world.
    let with = "package a:b;\ninterface t { type x = u8; }\nworld w { use t.{x}; }\n";
    let without = "package a:b;\ninterface t { type x = u8; }\nworld w { }\n";
    assert_ne!(resolved(with), resolved(without));
    // Neither gets a fix.
    for fixture in [
        "package a:b;\ninterface t { type x = u8; }\ninterface i { use t.{x}; }\n",
        "package a:b;\ninterface t { type x = u8; }\nworld w { use t.{x}; }\n",
    ] {
        let (_, found) = super::diagnostics_of(fixture);
        assert!(
            found.iter().all(|d| d.severity == crate::Severity::Hint),
            "{found:?}"
        );
        assert!(fixed(fixture).is_empty());
    }
}

#[test]
fn the_warning_fades_and_the_hint_does_not() {
    let (_, found) = super::diagnostics_of(
        "package a:b;\nuse t as u;\ninterface t { type x = u8; }\ninterface i { use t.{x}; }\n",
    );
    let faded: Vec<(crate::Severity, bool)> =
        found.iter().map(|d| (d.severity, d.unnecessary)).collect();
    assert_eq!(
        faded,
        [
            (crate::Severity::Warning, true),
            (crate::Severity::Hint, false)
        ]
    );
}
