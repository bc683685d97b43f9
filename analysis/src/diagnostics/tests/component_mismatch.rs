//! `component-mismatch`: a built component that does not match the world it was built for,
//! shown in the editor. A member that differs is a warning on the line of the import or
//! export concerned; the WASI interfaces a toolchain's runtime imports beyond the world are
//! one note on the world. Each component is built here (by wit-component, as toolchains
//! encode them) from the WIT it was built with, and checked against the fixture's world `app`.

use std::path::PathBuf;

use super::check_found;
use crate::Diagnostic;
use crate::component::{conformance, decode_component, dummy_component};
use crate::ide::component_diagnostics;
use crate::ide::fixture::Fixture;

/// The diagnostics of a component built for `world` of `wit` (one text, nesting the packages
/// it uses), checked against world `app` of the fixture.
fn built_from(wit: &'static str, world: &'static str) -> impl Fn(&Fixture) -> Vec<Diagnostic> {
    move |f| {
        let analysis = f.host.analysis();
        let root = analysis.roots()[0];
        let (resolve, pkg) = analysis.backstop_input(root).unwrap().resolve().unwrap();
        let mut built = wit_parser::Resolve::new();
        let main = built.push_str("built.wit", wit).unwrap();
        let bytes = dummy_component(&built, built.packages[main].worlds[world]).unwrap();
        let component = decode_component(PathBuf::from("app.wasm"), bytes).unwrap();
        let result = conformance(&component, &resolve, resolve.packages[pkg].worlds["app"]);
        let spans = analysis.world_spans(root).unwrap();
        let app = spans.iter().find(|w| w.name == "app").unwrap();
        component_diagnostics(&component.path, &result, app)
    }
}

/// The shop as its author wrote it, and the WASI it uses.
const SHOP: &str = r#"
package demo:shop;
interface catalogue {
  record item { name: string, price: u64 }
  find: func(name: string) -> option<item>;
}
world app {
  import wasi:io/streams@0.2.3;
  import log: func(message: string);
  export catalogue;
  export run: func();
}
package wasi:io@0.2.3 {
  interface error { resource error; }
  interface streams { resource output-stream; }
}
"#;

#[test]
fn a_build_that_matches_says_nothing() {
    check_found(
        r#"
//- /wit/main.wit
// Built from this very WIT.
package demo:shop;
interface catalogue {
  record item { name: string, price: u64 }
  find: func(name: string) -> option<item>;
}
world app {
  import wasi:io/streams@0.2.3;
  import log: func(message: string);
  export catalogue;
  export run: func();
}
//- /wit/deps/io.wit
package wasi:io@0.2.3;
interface error { resource error; }
interface streams { resource output-stream; }
"#,
        built_from(SHOP, "app"),
    );
}

/// What componentize-py (or Rust's `wasm32-wasip2` standard library) builds of the shop:
/// the world and its runtime's imports.
const PYTHON: &str = r#"
package demo:shop;
interface catalogue {
  record item { name: string, price: u64 }
  find: func(name: string) -> option<item>;
}
world app {
  import wasi:io/streams@0.2.3;
  import log: func(message: string);
  export catalogue;
  export run: func();
}
world built {
  include app;
  import wasi:cli/environment@0.2.3;
  import wasi:cli/stdout@0.2.3;
  import wasi:io/error@0.2.3;
}
package wasi:io@0.2.3 {
  interface error { resource error; }
  interface streams { resource output-stream; }
}
package wasi:cli@0.2.3 {
  interface environment { get-environment: func() -> list<tuple<string, string>>; }
  interface stdout { use wasi:io/streams@0.2.3.{output-stream}; get-stdout: func() -> output-stream; }
}
"#;

#[test]
fn a_toolchains_wasi_imports_are_one_note() {
    check_found(
        r#"
//- /wit/main.wit
package demo:shop;
interface catalogue {
  record item { name: string, price: u64 }
  find: func(name: string) -> option<item>;
}
world app {
//    ^^^ info component-mismatch: the built component app.wasm also imports 3 WASI interfaces that world `app` does not list: `wasi:cli@0.2.3` (environment, stdout), `wasi:io@0.2.3` (error). A toolchain's runtime imports these (normal for componentize-py, componentize-js, or Rust's wasm32-wasip2); the host that runs it must provide them. To check them against WIT, add `include wasi:cli/imports@0.2.3;` to the world
  import wasi:io/streams@0.2.3;
  import log: func(message: string);
  export catalogue;
  export run: func();
}
//- /wit/deps/io.wit
package wasi:io@0.2.3;
interface error { resource error; }
interface streams { resource output-stream; }
"#,
        built_from(PYTHON, "built"),
    );
}

/// A build from before `run` returned a status and `item` had a price, that also imports
/// something the world no longer does, and is missing an export.
const STALE: &str = r#"
package demo:shop;
interface catalogue {
  record item { name: string }
  find: func(name: string) -> option<item>;
}
world app {
  import wasi:io/streams@0.2.3;
  import log: func(message: string);
  import demo:extra/tracing@1.0.0;
  export catalogue;
  export run: func() -> u32;
}
package wasi:io@0.2.3 {
  interface streams { resource output-stream; }
}
package demo:extra@1.0.0 {
  interface tracing { emit: func(); }
}
"#;

#[test]
fn a_stale_build_is_flagged_on_each_member() {
    check_found(
        r#"
//- /wit/main.wit
package demo:shop;
interface catalogue {
  record item { name: string, price: u64 }
  find: func(name: string) -> option<item>;
}
world app {
//    ^^^ warning component-mismatch: the built component app.wasm imports `demo:extra/tracing@1.0.0`, which world `app` does not: rebuild it, or import it in the world
  import wasi:io/streams@0.2.3;
  import log: func(message: string);
  export catalogue;
//       ^^^^^^^^^ warning component-mismatch: the built component app.wasm does not match world `app`: export demo:shop/catalogue > record item: expected field `price: u64`, found none; rebuild it, or change the WIT back
  export run: func();
//       ^^^ warning component-mismatch: the built component app.wasm does not match world `app`: export run: expected no result, found result `u32`; rebuild it, or change the WIT back
  export stop: func();
//       ^^^^ warning component-mismatch: the built component app.wasm does not match world `app`: export stop: missing: world `app` exports it and the component does not; rebuild it, or change the WIT back
}
//- /wit/deps/io.wit
package wasi:io@0.2.3;
interface streams { resource output-stream; }
"#,
        built_from(STALE, "app"),
    );
}

#[test]
fn an_import_of_the_world_at_another_version() {
    check_found(
        r#"
//- /wit/main.wit
package demo:shop;
world app {
  import wasi:io/streams@0.3.0;
//               ^^^^^^^ warning component-mismatch: the built component app.wasm does not match world `app`: import wasi:io/streams@0.2.3: not allowed: world `app` does not import it (it has `wasi:io/streams@0.3.0`, which does not match: 0.2.3 and 0.3.0: below 1.0 the minor version is the compatibility track, and 0.2 is not 0.3); rebuild it, or change the WIT back
  export run: func();
}
//- /wit/deps/io.wit
package wasi:io@0.3.0;
interface streams { resource output-stream; }
"#,
        built_from(
            "package demo:shop;\nworld app { import wasi:io/streams@0.2.3; export run: func(); }\npackage wasi:io@0.2.3 { interface streams { resource output-stream; } }\n",
            "app",
        ),
    );
}
