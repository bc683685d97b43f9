//! witty-runner: a wasmtime host that loads a built component, lists its exports with their
//! WIT signatures, calls one with arguments in WAVE, and runs the examples of its docs.
//!
//! ```no_run
//! use witty_runner::{RunOptions, Runner};
//!
//! let runner = Runner::new(RunOptions::default()).unwrap();
//! let component = runner.load("calc.wasm".as_ref()).unwrap();
//! let output = component.call("add(1, 2)");
//! println!("{}", output.wave().unwrap());
//! ```
//!
//! Every call gets a fresh store and instance, sandboxed (no files, environment or network
//! unless given) and limited in time, memory and, if asked, fuel. Compiled components are
//! cached on disk. This crate knows nothing of LSP: the language server runs `wit run` and
//! `wit test` with `--format json` in a child process and reads the shapes of [`report`]
//! (the crate `witty-run-report`, which does not link wasmtime).

mod cache;
mod call;
mod error;
mod exports;
mod failure;
mod host;
mod http;
mod imports;
mod load;
mod options;
mod runner;
mod serve;
mod signature;
mod suite;
#[cfg(feature = "test-components")]
pub mod test_components;
mod values;

pub use cache::{CACHE_DIR_VAR, CacheUse, WASMTIME_VERSION, default_dir as default_cache_dir};
pub use error::{ErrorKind, RunError};
pub use options::{DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, RunOptions};
pub use runner::{CallOutput, Loaded, Runner};
pub use values::{same_value, show, show_results};
pub use wasmtime::component::Val;
/// The report shapes and the examples parser, which live in a crate without wasmtime.
pub use witty_run_report::{
    self as report, Example, ExportInfo, FuncDocs, TestCase, parse_examples,
};
