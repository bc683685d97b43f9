//! witty-run-report: what `wit run` and `wit test` print with `--format json`, and the
//! examples in doc comments that `wit test` runs. It links no wasmtime, so the language
//! server (which runs components through `wit` child processes) reads the reports and finds
//! the examples for its lenses without carrying a compiler.

pub mod examples;
pub mod report;

pub use examples::{Example, parse_examples, split_expectation};
pub use report::{
    ExportInfo, ExportsReport, FuncDocs, REPORT_VERSION, RunReport, TestCase, TestReport,
};
