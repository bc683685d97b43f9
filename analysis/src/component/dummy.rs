//! Components with the shape of a world and no behaviour (every export traps): what tests,
//! here and in the other crates, check, plug and compare, built from WIT in the test itself.

use wit_parser::{ManglingAndAbi, Resolve, WorldId};

/// A component whose imports and exports are those of `world`.
pub fn dummy_component(resolve: &Resolve, world: WorldId) -> Result<Vec<u8>, String> {
    let mut module = wit_component::dummy_module(resolve, world, ManglingAndAbi::Standard32);
    wit_component::embed_component_metadata(
        &mut module,
        resolve,
        world,
        wit_component::StringEncoding::UTF8,
        true,
    )
    .map_err(|e| format!("cannot embed the world: {e:#}"))?;
    wit_component::ComponentEncoder::default()
        .module(&module)
        .map_err(|e| format!("cannot read the dummy module: {e:#}"))?
        .validate(true)
        .encode()
        .map_err(|e| format!("cannot encode the component: {e:#}"))
}

/// A component with the shape of the only world of the package in `wit` (one file's text,
/// which may nest the packages it uses).
pub fn dummy_component_from_wit(wit: &str) -> Result<Vec<u8>, String> {
    let mut resolve = Resolve::new();
    let package = resolve
        .push_str("dummy.wit", wit)
        .map_err(|e| format!("invalid WIT: {e:#}"))?;
    let world = super::select_world(&resolve, package, None)?;
    dummy_component(&resolve, world)
}
