//! The database's inputs: raw facts only (file texts, which files make up which packages,
//! binary packages, enabled features). Everything else is derived from them.

use std::path::PathBuf;
use std::sync::Arc;

/// A `.wit` file and its text.
#[salsa::input(debug)]
pub struct File {
    #[returns(ref)]
    pub path: PathBuf,
    #[returns(ref)]
    pub text: Arc<str>,
}

/// A WIT package encoded as WebAssembly (`.wasm`, or `.wat` text), in a `deps/` folder.
#[salsa::input(debug)]
pub struct BinaryFile {
    #[returns(ref)]
    pub path: PathBuf,
    #[returns(ref)]
    pub bytes: Arc<[u8]>,
}

/// Where a package's items come from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PackageSource {
    /// A folder of `.wit` files, or a single `.wit` file (then `files` has one element).
    Wit {
        path: PathBuf,
        files: Vec<File>,
    },
    Binary(BinaryFile),
}

impl PackageSource {
    pub fn files(&self) -> &[File] {
        match self {
            PackageSource::Wit { files, .. } => files,
            PackageSource::Binary(_) => &[],
        }
    }
}

/// Which `@unstable` features are enabled.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Features {
    pub enabled: Vec<String>,
    pub all: bool,
}

impl Features {
    pub fn is_enabled(&self, feature: &str) -> bool {
        self.all || self.enabled.iter().any(|f| f == feature)
    }
}

/// What one checks at once: a package (a folder or a file) with its dependencies, as
/// `wasm-tools component wit PATH` resolves it.
#[salsa::input(debug)]
pub struct Root {
    #[returns(ref)]
    pub path: PathBuf,
    #[returns(ref)]
    pub main: PackageSource,
    #[returns(ref)]
    pub deps: Vec<PackageSource>,
    #[returns(ref)]
    pub features: Features,
    /// What the dependency tools' files beside a folder package say (`None` when there are
    /// none, or for a package that is one file).
    #[returns(ref)]
    pub project: Option<Arc<crate::deps::Project>>,
}
