//! Small components built from WIT and WAT, for the tests of the runner and of `wit`
//! (the `test-components` feature). Panics say which input was wrong: these are test inputs.

use wit_component::{ComponentEncoder, StringEncoding, embed_component_metadata};
use wit_parser::{ManglingAndAbi, Resolve, WorldId};

/// A component of the single world in `wit`, whose core module is `wat`. The module follows
/// the canonical ABI by hand: exports named as wit-component expects (`add`,
/// `ns:pkg/iface#add`), `memory` and `cabi_realloc` when strings or lists cross.
pub fn component(wit: &str, wat: &str) -> Vec<u8> {
    let (resolve, world) = world(wit);
    let mut module = wat::parse_str(wat).unwrap_or_else(|e| panic!("bad test WAT: {e}"));
    encode(&resolve, world, &mut module)
}

/// A component of `world` whose core module is `module` (binary), for test tools that read
/// their WIT from disk.
pub fn component_of_module(resolve: &Resolve, world: WorldId, mut module: Vec<u8>) -> Vec<u8> {
    encode(resolve, world, &mut module)
}

/// A component of the world in `wit` whose every function traps (`unreachable`): for tests
/// where only the shape matters.
pub fn dummy(wit: &str) -> Vec<u8> {
    let (resolve, world) = world(wit);
    let mut module = wit_component::dummy_module(&resolve, world, ManglingAndAbi::Standard32);
    encode(&resolve, world, &mut module)
}

fn world(wit: &str) -> (Resolve, WorldId) {
    let mut resolve = Resolve::default();
    let package = resolve
        .push_str("test.wit", wit)
        .unwrap_or_else(|e| panic!("bad test WIT: {e:?}"));
    let world = resolve
        .select_world(&[package], None)
        .unwrap_or_else(|e| panic!("the test WIT needs one world: {e:?}"));
    (resolve, world)
}

fn encode(resolve: &Resolve, world: WorldId, module: &mut Vec<u8>) -> Vec<u8> {
    embed_component_metadata(module, resolve, world, StringEncoding::UTF8, false)
        .unwrap_or_else(|e| panic!("cannot embed the WIT: {e:?}"));
    ComponentEncoder::default()
        .module(module)
        .and_then(|encoder| encoder.validate(true).encode())
        .unwrap_or_else(|e| panic!("cannot make the component: {e:?}"))
}
