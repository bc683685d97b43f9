//! Component tests: components are built here from WIT (a dummy core module that has the
//! world's shape, its metadata embedded, made a component by wit-component); one `check`
//! helper per feature renders its answer for an inline snapshot.

mod inspect;
mod plug;
mod semver;
mod targets;

use std::path::PathBuf;

use wit_parser::{Resolve, WorldId};

use super::{Component, decode_component};

/// The package in `wit` (one `.wit` text) and its only world.
pub(super) fn world(wit: &str) -> (Resolve, WorldId) {
    let mut resolve = Resolve::new();
    let package = resolve
        .push_str("test.wit", wit)
        .expect("the test WIT is valid");
    let world = super::select_world(&resolve, package, None).expect("one world");
    (resolve, world)
}

/// A component with the shape of the only world of `wit`.
pub(super) fn component_bytes(wit: &str) -> Vec<u8> {
    super::dummy_component_from_wit(wit).unwrap()
}

pub(super) fn component(wit: &str) -> Component {
    decode_component(PathBuf::from("test.wasm"), component_bytes(wit)).unwrap()
}

/// `base` with each `(from, to)` replaced once; a replacement that does not apply is a
/// mistake in the test.
pub(super) fn edit(base: &str, edits: &[(&str, &str)]) -> String {
    let mut text = base.to_string();
    for (from, to) in edits {
        assert!(text.contains(from), "`{from}` is not in the base WIT");
        text = text.replacen(from, to, 1);
    }
    text
}
