//! Component binaries: reading a component's WIT world, checking that it targets a world,
//! which components fill which imports of another (and composing them), and whether one
//! version of an interface is a compatible evolution of another. Plain data, no LSP.
//!
//! For the editor: [`read_component`] gives a [`Component`]; [`conformance`] lists its
//! [`Mismatch`]es against a world of a wit-parser `Resolve` (built with [`load_world`], or by
//! any other means); [`providers`] says which components export an import.

mod built_for;
mod callable;
mod compare;
mod compose;
mod dummy;
mod evolution;
mod names;
mod plug;
mod read;
mod shape;
mod targets;
mod text;
mod wit_world;

#[cfg(test)]
mod tests;

pub use built_for::{PackageWorlds, built_for, export_names, http_handler_export};
pub use callable::{call_with_export, callable_exports, find_export, is_test_export, split_export};
pub use compose::compose;
pub use dummy::{dummy_component, dummy_component_from_wit};
pub use evolution::{
    Change, Evolving, Need, SemverReport, WorldRole, load_evolving, semver_packages, semver_worlds,
};
pub use names::{NameMatch, NameMismatch, compatible_versions, match_names, split_version};
pub use plug::{Conflict, Fill, PlugReport, Rejection, plug, providers};
pub use read::{Component, ComponentError, decode_component, read_component};
pub use semver::Version;
pub use shape::{
    FunctionShape, InterfaceShape, ItemShape, ItemShapeKind, ParamShape, TypeShape, WorldShape,
    world_shape,
};
pub use targets::{Conformance, Direction, Mismatch, compare_worlds, conformance};
pub use wit_world::{WitWorld, load_package, load_world, select_world};
