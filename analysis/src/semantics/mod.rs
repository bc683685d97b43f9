//! Semantic analysis over a root (a package and its dependencies): which packages there
//! are, what each interface and world defines, what every name refers to, and every rule
//! wit-parser enforces, each reported where wit-parser points, and all of them at once.

pub mod binary;
pub(crate) mod check;
pub mod cycles;
mod gates;
pub mod items;
mod names;
pub mod packages;
pub mod scope;
pub(crate) mod suggest;
mod unused;
mod world;

use std::path::PathBuf;

use crate::Severity;
use crate::hir::SpanId;
use crate::input::{BinaryFile, File};

pub use check::{FileCheck, Owner, Target, file_check};
pub use items::{ItemDef, ItemSrc, PackageItems, package_items, package_items_diags};
pub use packages::{Package, PackageGraph, PackageSrc, PkgId, package_graph, package_graph_diags};
pub use scope::{IfaceScope, ScopeEntry, TypeShape, interface_scope};
pub use unused::unused_use_diags;
pub use world::{
    WorldItem, WorldItemKind, WorldItems, WorldKey, interface_id_string, world_diags,
    world_elaboration,
};

pub use crate::hir::ItemKind;

/// An interface or world of a package, by name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId {
    pub pkg: PkgId,
    pub name: crate::hir::Name,
}

/// Where a diagnostic points, before it is turned into a file and a range.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum At {
    /// An element of a `.wit` file.
    Span(File, SpanId),
    /// The start of a file (for problems of the file as a whole).
    FileStart(File),
    /// A binary package in `deps/`.
    Binary(BinaryFile),
    /// A folder or file on disk.
    Path(PathBuf),
}

/// A diagnostic before its position is looked up.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diag {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub at: At,
    pub related: Vec<(At, String)>,
    /// The item is deprecated (shown struck through) or unused (shown faded) in editors.
    pub tag: Option<DiagTag>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiagTag {
    Deprecated,
    Unnecessary,
}

impl Diag {
    pub fn error(code: &'static str, message: impl Into<String>, at: At) -> Diag {
        Diag {
            severity: Severity::Error,
            code,
            message: message.into(),
            at,
            related: Vec::new(),
            tag: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>, at: At) -> Diag {
        Diag {
            severity: Severity::Warning,
            code,
            message: message.into(),
            at,
            related: Vec::new(),
            tag: None,
        }
    }

    pub fn with_related(mut self, at: At, message: impl Into<String>) -> Diag {
        self.related.push((at, message.into()));
        self
    }

    pub fn with_tag(mut self, tag: DiagTag) -> Diag {
        self.tag = Some(tag);
        self
    }
}
