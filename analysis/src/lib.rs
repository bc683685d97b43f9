//! witty-analysis: everything between a parsed file and a finished answer. Finds the files of
//! packages and their dependencies, holds them in a salsa database, resolves names, validates
//! them as wit-parser does (and more), and reports diagnostics as plain data (byte ranges into
//! files), which the command line and the language server present each in their own way.

pub mod backstop;
pub mod component;
mod db;
pub mod deps;
mod diagnostic;
pub mod diagnostics;
pub mod format_settings;
mod fx;
pub mod hir;
mod host;
pub mod ide;
pub mod input;
pub mod layout;
mod loader;
mod parallel;
pub mod reference;
pub mod semantics;

pub use db::{ExecutionLog, RootDatabase};
pub use diagnostic::{Diagnostic, Related, Severity};
pub use host::AnalysisHost;
pub use input::Features;
pub use loader::{
    FileProblem, LoadError, LoadedFile, LoadedPackage, PackageLayout, all_files, load_path,
};
