//! Composing: a new component in which the socket's imports that plugs fill are wired to
//! the plugs' exports (by wac-graph), with the socket's exports as its own and every import
//! left open as its own imports.

use wac_graph::types::Package;
use wac_graph::{CompositionGraph, EncodeOptions};

use super::Component;
use super::plug::Fill;

/// The composed component's bytes, or why it could not be made.
pub fn compose(socket: &Component, plugs: &[Component], fills: &[Fill]) -> Result<Vec<u8>, String> {
    let mut graph = CompositionGraph::new();
    let register = |name: String, c: &Component, graph: &mut CompositionGraph| {
        let package = Package::from_bytes(&name, None, c.bytes.to_vec(), graph.types_mut())
            .map_err(|e| format!("{}: cannot be composed: {e:#}", c.path.display()))?;
        graph
            .register_package(package)
            .map_err(|e| format!("{}: cannot be composed: {e}", c.path.display()))
    };
    let socket_package = register("witty:socket".to_string(), socket, &mut graph)?;
    let socket_instance = graph.instantiate(socket_package);

    let mut plug_instances = vec![None; plugs.len()];
    for fill in fills {
        let instance = match plug_instances[fill.plug] {
            Some(instance) => instance,
            None => {
                let name = format!("witty:plug{}", fill.plug);
                let package = register(name, &plugs[fill.plug], &mut graph)?;
                let instance = graph.instantiate(package);
                plug_instances[fill.plug] = Some(instance);
                instance
            }
        };
        let plug_path = plugs[fill.plug].path.display();
        let export = graph
            .alias_instance_export(instance, &fill.export)
            .map_err(|e| format!("{plug_path}: export `{}`: {e}", fill.export))?;
        graph
            .set_instantiation_argument(socket_instance, &fill.import, export)
            .map_err(|e| {
                format!(
                    "{plug_path}: export `{}` cannot fill import `{}`: {}",
                    fill.export,
                    fill.import,
                    error_chain(&e)
                )
            })?;
    }

    let socket_world = &socket.resolve.worlds[socket.world];
    for key in socket_world.exports.keys() {
        let name = socket.resolve.name_world_key(key);
        let export = graph
            .alias_instance_export(socket_instance, &name)
            .map_err(|e| format!("{}: export `{name}`: {e}", socket.path.display()))?;
        graph
            .export(export, &name)
            .map_err(|e| format!("{}: export `{name}`: {e}", socket.path.display()))?;
    }
    graph
        .encode(EncodeOptions::default())
        .map_err(|e| format!("the composition cannot be encoded: {}", error_chain(&e)))
}

/// An error and its causes on one line.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
