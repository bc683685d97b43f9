//! The JSON that `wit run --format json` and `wit test --format json` print, one object on
//! one line of stdout, for programs such as the language server that run `wit` in a child
//! process.
//!
//! These shapes are an interface: a field is never renamed or removed, and its meaning never
//! changes, without raising [`REPORT_VERSION`]. Fields may be added. Every object has
//! `"version"` and `"ok"`; an `"error"` says what went wrong in the same words the human
//! output uses (several lines for a trap with its wasm backtrace). The exit code tells
//! whose fault a failure is: 1 the call or a test failed, 2 bad usage (unreadable file, not
//! a component, a bad CALL, an unknown export, wrong arguments). A command line the argument
//! parser refuses (an unknown flag, `--timeout soon`) is not JSON: clap's message on stderr,
//! exit 2.
//!
//! | command | success | failure |
//! |---|---|---|
//! | `wit run C CALL` | [`RunReport`] with `result` | [`RunReport`] with `error` |
//! | `wit run C` | [`ExportsReport`] | [`RunReport`] with `error` (the file cannot be loaded) |
//! | `wit test C [WIT]` | [`TestReport`] | [`TestReport`] with failed cases, or with `error` |

use serde::{Deserialize, Serialize};

/// The version of the shapes below, the `"version"` of every report.
pub const REPORT_VERSION: u32 = 1;

/// `wit run --format json COMPONENT CALL`, and any `wit run` that fails before it can call:
///
/// ```json
/// {"version": 1, "ok": true, "result": "3", "stdout": "", "stderr": ""}
/// {"version": 1, "ok": false, "error": "calc.wasm: `spin` did not finish within 10 s ...",
///  "stdout": "what the guest printed before it failed", "stderr": ""}
/// ```
///
/// `result` is the results in WAVE on one line, as the human output prints them (`()` for a
/// function that returns nothing); it is present exactly when `ok` is true, and `error`
/// exactly when it is false. `stdout` and `stderr` are what the guest printed (lossy UTF-8),
/// also when the call failed; empty when it never ran.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunReport {
    pub version: u32,
    pub ok: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub stdout: String,
    pub stderr: String,
    /// What the host has to say of the run (an HTTP request the sandbox refused, with the
    /// flag that allows it); left out when there is nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl RunReport {
    /// The report of a call: its result in WAVE, or why it failed, and what it printed.
    pub fn of_call(result: Result<String, String>, stdout: String, stderr: String) -> RunReport {
        RunReport {
            version: REPORT_VERSION,
            ok: result.is_ok(),
            error: result.as_ref().err().cloned(),
            result: result.ok(),
            stdout,
            stderr,
            notes: Vec::new(),
        }
    }

    /// The report of a run that never got to call: the file or the command was wrong.
    pub fn of_error(message: &str) -> RunReport {
        RunReport::of_call(Err(message.to_string()), String::new(), String::new())
    }
}

/// `wit run --format json COMPONENT` (no CALL), the exported functions in the component's
/// order, each an [`ExportInfo`]:
///
/// ```json
/// {"version": 1, "ok": true, "exports": [
///   {"name": "test:calc/ops@0.1.0.add", "instance": "test:calc/ops@0.1.0", "function": "add",
///    "signature": "add: func(a: u32, b: u32) -> u32", "docs": null}]}
/// ```
///
/// `name` is what a CALL may use to reach the function from anywhere; `instance` is `null`
/// for a function exported at the root; `docs` is `null` unless the component carries its
/// WIT's doc comments (components built by wit-component do not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportsReport {
    pub version: u32,
    pub ok: bool,
    pub exports: Vec<ExportInfo>,
}

impl ExportsReport {
    pub fn of_exports(exports: Vec<ExportInfo>) -> ExportsReport {
        ExportsReport {
            version: REPORT_VERSION,
            ok: true,
            exports,
        }
    }
}

/// `wit test --format json COMPONENT [WIT_PATH]`, every test in the order of the exports,
/// each a [`TestCase`]:
///
/// ```json
/// {"version": 1, "ok": false, "passed": 1, "failed": 1, "cases": [
///   {"name": "test:calc/ops@0.1.0.add", "call": "add(1, 2)", "expected": "4", "actual": "3",
///    "passed": false, "error": null, "line": 4, "stdout": "", "stderr": ""},
///   {"name": "test-math", "call": "test-math()", "expected": null, "actual": "ok",
///    "passed": true, "error": null, "line": null, "stdout": "", "stderr": ""}]}
/// ```
///
/// `ok` is true when every case passed (also when there are none). A case's `name` is the
/// qualified name of the function it documents (or of the `test-*` export); `expected` is
/// `null` for a line that only has to return and for a `test-*` export; `actual` is the
/// result in WAVE when the call returned; `error` says why it failed when that is not just
/// a different value (a trap, a bad call, an expected value that is not of the result type,
/// the `err` of a `test-*` export); `line` is the 1-based line of the example within its doc
/// comment, `null` for a `test-*` export.
///
/// When no test could run at all (the component cannot be read, WIT_PATH cannot be read):
/// `{"version": 1, "ok": false, "passed": 0, "failed": 0, "cases": [], "error": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestReport {
    pub version: u32,
    pub ok: bool,
    pub passed: usize,
    pub failed: usize,
    pub cases: Vec<TestCase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl TestReport {
    pub fn of_cases(cases: Vec<TestCase>) -> TestReport {
        let passed = cases.iter().filter(|c| c.passed).count();
        TestReport {
            version: REPORT_VERSION,
            ok: passed == cases.len(),
            passed,
            failed: cases.len() - passed,
            cases,
            error: None,
        }
    }

    pub fn of_error(message: &str) -> TestReport {
        TestReport {
            version: REPORT_VERSION,
            ok: false,
            passed: 0,
            failed: 0,
            cases: Vec::new(),
            error: Some(message.to_string()),
        }
    }
}

/// An exported function as the component's WIT describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportInfo {
    /// The name that calls it from anywhere: `add`, or `ns:pkg/iface@1.0.0.add`.
    pub name: String,
    /// The exported instance it is in, if any: `ns:pkg/iface@1.0.0`.
    pub instance: Option<String>,
    /// Its own name: `add`, `[method]counter.get`.
    pub function: String,
    /// Its WIT signature: `add: func(a: u32, b: u32) -> u32`.
    pub signature: String,
    /// Its doc comment, when the component carries its WIT's docs.
    pub docs: Option<String>,
}

/// One test and how it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestCase {
    /// The function the test belongs to: the one documented, or the `test-*` export.
    pub name: String,
    /// The call as written (in the docs, or `test-x()`).
    pub call: String,
    /// The expected value in WAVE; `None` when the call only has to succeed.
    pub expected: Option<String>,
    /// What the call returned, in WAVE, if it returned.
    pub actual: Option<String>,
    pub passed: bool,
    /// Why it failed when that is not a wrong value: a trap, a bad call, an `err` of a test.
    pub error: Option<String>,
    /// For an example, its 1-based line within the doc comment.
    pub line: Option<usize>,
    pub stdout: String,
    pub stderr: String,
}

/// The doc comment of one function, from a WIT package or the component's own WIT: where
/// `wit test` finds the examples of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuncDocs {
    /// The interface it is in (`ns:pkg/iface@1.0.0`, `ns:pkg/iface`, or the name of an
    /// interface declared inside a world), or `None` for a function of a world.
    pub instance: Option<String>,
    /// Its name in the component: `add`, `[method]counter.get`, `[constructor]counter`.
    pub function: String,
    pub docs: String,
}
