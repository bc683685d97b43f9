//! witty-analysis: everything between a parsed file and a finished answer. Finds the files of
//! packages and their dependencies, and reports diagnostics as plain data (byte ranges into
//! files), which the command line and the language server present each in their own way.

mod diagnostic;
mod loader;
mod syntax_check;

pub use diagnostic::{Diagnostic, Related, Severity};
pub use loader::{FileProblem, LoadError, LoadedFile, LoadedPackage, PackageLayout, load_path};
pub use syntax_check::{all_files, syntax_diagnostics};
