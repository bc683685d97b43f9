//! `composition`: in the editor, a compose set (a socket and its plugs, from the settings)
//! whose plug does not fit the import it is named for, or whose import several plugs could
//! fill: a warning on the socket world's import concerned. The components are built here
//! (by wit-component) from the WIT they were built with.

use std::path::{Path, PathBuf};

use super::check_found;
use crate::Diagnostic;
use crate::component::{decode_component, dummy_component, plug};
use crate::ide::composition_diagnostics;
use crate::ide::fixture::Fixture;

fn component(name: &str, wit: &str, world: &str) -> crate::component::Component {
    let mut resolve = wit_parser::Resolve::new();
    let main = resolve.push_str(format!("{name}.wit"), wit).unwrap();
    let bytes = dummy_component(&resolve, resolve.packages[main].worlds[world]).unwrap();
    decode_component(PathBuf::from(format!("{name}.wasm")), bytes).unwrap()
}

/// The socket is built from the fixture's world `app`; each plug from its own WIT.
fn composed(
    plugs: &'static [(&'static str, &'static str)],
) -> impl Fn(&Fixture) -> Vec<Diagnostic> {
    move |f| {
        let analysis = f.host.analysis();
        let root = analysis.roots()[0];
        let (resolve, pkg) = analysis.backstop_input(root).unwrap().resolve().unwrap();
        let bytes = dummy_component(&resolve, resolve.packages[pkg].worlds["app"]).unwrap();
        let socket = decode_component(PathBuf::from("app.wasm"), bytes).unwrap();
        let built: Vec<_> = plugs
            .iter()
            .map(|(name, wit)| component(name, wit, "plug"))
            .collect();
        let report = plug(&socket, &built);
        let names: Vec<&Path> = built.iter().map(|c| c.path.as_path()).collect();
        let spans = analysis.world_spans(root).unwrap();
        let app = spans.iter().find(|w| w.name == "app").unwrap();
        composition_diagnostics(&report, &names, app)
    }
}

const LOGGER: &str = "package demo:log@1.0.0;\ninterface sink { write: func(line: string); }\nworld plug { export sink; }\n";
const OLD_LOGGER: &str = "package demo:log@1.0.0;\ninterface sink { write: func(line: string, level: u8); }\nworld plug { export sink; }\n";

#[test]
fn plugs_that_fit_say_nothing() {
    check_found(
        r#"
//- /wit/main.wit
package demo:app;
world app {
  import demo:log/sink@1.0.0;
  export run: func();
}
//- /wit/deps/log.wit
package demo:log@1.0.0;
interface sink { write: func(line: string); }
"#,
        composed(&[("logger", LOGGER)]),
    );
}

#[test]
fn a_plug_that_does_not_fit_its_import() {
    check_found(
        r#"
//- /wit/main.wit
package demo:app;
world app {
  import demo:log/sink@1.0.0;
//                ^^^^ warning composition: old-logger.wasm does not fit import `demo:log/sink@1.0.0`: import demo:log/sink@1.0.0 > func write: found param `level: u8`, which is not expected
  export run: func();
}
//- /wit/deps/log.wit
package demo:log@1.0.0;
interface sink { write: func(line: string); }
"#,
        composed(&[("old-logger", OLD_LOGGER)]),
    );
}

#[test]
fn an_import_two_plugs_could_fill() {
    check_found(
        r#"
//- /wit/main.wit
package demo:app;
world app {
  export run: func();
  import demo:log/sink@1.0.0;
//                ^^^^ warning composition: import `demo:log/sink@1.0.0` could be filled by several plugs: logger.wasm, other-logger.wasm; keep only one of them in the set
}
//- /wit/deps/log.wit
package demo:log@1.0.0;
interface sink { write: func(line: string); }
"#,
        composed(&[("logger", LOGGER), ("other-logger", LOGGER)]),
    );
}
