//! `wit inspect COMPONENT [--json]`: the WIT world of a component, as WIT or as data.

use std::path::PathBuf;

use serde_json::{Value, json};
use witty_analysis::component::{
    FunctionShape, ItemShapeKind, TypeShape, WorldShape, read_component,
};

#[derive(clap::Args)]
pub struct InspectArgs {
    /// The component (`.wasm`, or WebAssembly text `.wat`)
    pub component: PathBuf,
    /// Print the world as JSON data instead of WIT
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: InspectArgs) -> u8 {
    let component = match crate::output::or_exit_2(read_component(&args.component)) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if args.json {
        let shape = component.shape();
        let value = json!({
            "version": 1,
            "file": args.component.display().to_string(),
            "world": shape.name,
            "imports": items(&shape, true),
            "exports": items(&shape, false),
        });
        crate::output::print(&format!("{value:#}\n"));
    } else {
        crate::output::print(&component.wit_text());
    }
    0
}

fn items(shape: &WorldShape, imports: bool) -> Vec<Value> {
    let items = if imports {
        &shape.imports
    } else {
        &shape.exports
    };
    items
        .iter()
        .map(|item| match &item.item {
            ItemShapeKind::Interface(i) => json!({
                "name": item.name,
                "kind": "interface",
                "package": i.package,
                "interface": i.name,
                "types": i.types.iter().map(type_json).collect::<Vec<_>>(),
                "functions": i.functions.iter().map(function_json).collect::<Vec<_>>(),
            }),
            ItemShapeKind::Function(f) => json!({
                "name": item.name,
                "kind": "function",
                "function": function_json(f),
            }),
            ItemShapeKind::Type(t) => json!({
                "name": item.name,
                "kind": "type",
                "type": type_json(t),
            }),
        })
        .collect()
}

fn type_json(t: &TypeShape) -> Value {
    json!({"name": t.name, "kind": t.kind, "wit": t.definition})
}

fn function_json(f: &FunctionShape) -> Value {
    json!({
        "name": f.name,
        "kind": f.kind,
        "resource": f.resource,
        "async": f.is_async,
        "params": f.params.iter().map(|p| json!({"name": p.name, "type": p.ty})).collect::<Vec<_>>(),
        "result": f.result,
    })
}
