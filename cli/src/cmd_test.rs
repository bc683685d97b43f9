//! `wit test COMPONENT [WIT_PATH]`: runs the examples in the doc comments of the exported
//! functions and the exported `test-*` functions, and reports each.

use std::path::PathBuf;

use witty_runner::report::TestReport;
use witty_runner::{FuncDocs, RunError, Runner, TestCase};

use crate::cmd_run::print_json;
use crate::output::print;
use crate::run_options::{Format, SandboxArgs, eprint};

#[derive(clap::Args, Debug)]
#[command(after_help = "\
An example is a line `call == expected` in a fenced block tagged `wave` in the doc comment
of an exported function; the call and the value are WAVE, and the result is compared as a
value of the function's result type, not as text:

  /// ```wave
  /// add(1, 2) == 3
  /// parse(\"x\") == err(\"bad\")
  /// ```
  add: func(a: u32, b: u32) -> u32;

A line without `==` only has to return. An exported function named `test-*` with no
parameters that returns nothing or result<_, string> is a test too; `err` fails it.

The doc comments come from WIT_PATH (a package folder or a .wit file) if given, else from the
component's own WIT, when it was built with its docs.

--format json prints one object on one line of stdout: {\"version\": 1, \"ok\": bool,
\"passed\": n, \"failed\": n, \"cases\": [{\"name\", \"call\", \"expected\", \"actual\",
\"passed\", \"error\", \"line\", \"stdout\", \"stderr\"}]}, with \"error\": \"...\" when
nothing could run.

Exit codes: 0 all passed, 1 a test failed, 2 bad usage (unreadable file, not a component,
unreadable WIT_PATH).")]
pub struct TestArgs {
    /// The component (`.wasm`, or WebAssembly text `.wat`)
    pub component: PathBuf,
    /// The WIT package (folder or .wit file) whose doc comments hold the examples
    pub wit_path: Option<PathBuf>,
    /// Run only the tests of this export (`add`, or `ns:pkg/iface@1.0.0.add`)
    #[arg(long, value_name = "EXPORT")]
    pub only: Option<String>,
    #[command(flatten)]
    pub sandbox: SandboxArgs,
    /// Output for people, or one JSON object for programs
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

pub fn run(args: TestArgs) -> u8 {
    let loaded = match Runner::new(args.sandbox.options()).and_then(|r| r.load(&args.component)) {
        Ok(loaded) => loaded,
        Err(e) => return report_error(&e, args.format),
    };
    let docs: Vec<FuncDocs> = match &args.wit_path {
        Some(path) => match crate::wit_docs::collect(path) {
            Ok(docs) => docs,
            Err(message) => return report_error(&RunError::usage(message), args.format),
        },
        None => {
            let docs = loaded.embedded_docs();
            if docs.is_empty() && args.format == Format::Human {
                eprint(&format!(
                    "note: {} carries no doc comments, so only its test-* exports run; give \
                     WIT_PATH (its WIT folder or file) to run the examples in its docs\n",
                    loaded.path().display()
                ));
            }
            docs
        }
    };
    if let Some(only) = &args.only {
        let exports = match loaded.exports() {
            Ok(exports) => exports,
            Err(e) => return report_error(&e, args.format),
        };
        if !exports
            .iter()
            .any(|e| &e.name == only || &e.function == only)
        {
            let names: Vec<&str> = exports.iter().map(|e| e.name.as_str()).collect();
            let message = format!(
                "{}: --only {only}: no such export; the exports are {}",
                loaded.path().display(),
                names.join(", ")
            );
            return report_error(&RunError::usage(message), args.format);
        }
    }
    let cases = loaded.run_tests_of(&docs, args.only.as_deref());
    let report = TestReport::of_cases(cases);
    match args.format {
        Format::Json => print_json(&report),
        Format::Human => {
            if report.cases.is_empty() {
                let from = match &args.wit_path {
                    Some(path) => format!("the docs in {}", path.display()),
                    None => "the component's own docs".to_string(),
                };
                eprint(&format!(
                    "{}: no tests: no ```wave examples in {from} match an export, and no \
                     export is named test-*\n",
                    loaded.path().display()
                ));
            }
            for case in &report.cases {
                print(&describe(case));
            }
            print(&format!(
                "{} passed, {} failed\n",
                report.passed, report.failed
            ));
        }
    }
    u8::from(!report.ok)
}

/// `PASS name: call == expected`, and for a failure what came instead and what it printed.
fn describe(case: &TestCase) -> String {
    let verdict = if case.passed { "PASS" } else { "FAIL" };
    let mut text = match &case.expected {
        Some(expected) => format!("{verdict} {}: {} == {expected}\n", case.name, case.call),
        None => format!("{verdict} {}: {}\n", case.name, case.call),
    };
    if case.passed {
        return text;
    }
    if let Some(error) = &case.error {
        for line in error.lines() {
            text.push_str(&format!("     {line}\n"));
        }
    } else if let Some(actual) = &case.actual {
        text.push_str(&format!("     got {actual}\n"));
    }
    for (stream, printed) in [("stdout", &case.stdout), ("stderr", &case.stderr)] {
        if !printed.is_empty() {
            text.push_str(&format!("     {stream}:\n"));
            for line in printed.lines() {
                text.push_str(&format!("       {line}\n"));
            }
        }
    }
    text
}

fn report_error(error: &RunError, format: Format) -> u8 {
    match format {
        Format::Json => print_json(&TestReport::of_error(&error.message)),
        Format::Human => eprint(&format!("error: {}\n", error.message)),
    }
    error.exit_code()
}
