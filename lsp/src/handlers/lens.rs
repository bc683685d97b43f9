//! Code lenses: "▶ Run" above each exported function that a built component of its world
//! can call, "▶ Test (k)" above one with examples in its docs, "▶ Run tests (N)" above the
//! world, "▶ Serve" above a world whose build is an HTTP handler. Executing them is
//! `crate::run`'s and `crate::serve`'s business.

use std::collections::HashSet;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types as lsp;
use witty_analysis::component::{
    call_with_export, callable_exports, find_export, http_handler_export, is_test_export,
    split_export,
};

use super::cancellable;
use crate::convert::{self, Lines};
use crate::run::{RUN, RunArguments, TEST, TestArguments};
use crate::serve::{SERVE, ServeArguments};
use crate::state::Snapshot;

pub fn code_lens(
    snap: &Snapshot,
    params: lsp::CodeLensParams,
) -> Result<Option<Vec<lsp::CodeLens>>> {
    let Some(path) = convert::path(&params.text_document.uri) else {
        return Ok(None);
    };
    // Most workspaces have no build at all: then there is nothing to run, and nothing to ask.
    if snap.known.built.is_empty() {
        return Ok(Some(Vec::new()));
    }
    let worlds = cancellable(snap.analysis.runnables(&path))?;
    let mut lines = Lines::new(&snap.analysis, snap.encoding);
    let mut lenses = Vec::new();
    // A function reached through several exports (`export math; export also: math;`) or
    // worlds gets one lens, the first.
    let mut seen = HashSet::new();
    for world in worlds {
        let Some(component) = snap.known.component_for(&world.path, &world.name) else {
            continue;
        };
        let callable = callable_exports(component);
        let mut tests = 0;
        for func in &world.funcs {
            let Some(export) = find_export(&callable, &func.export) else {
                continue;
            };
            let examples = witty_run_report::parse_examples(func.docs.as_deref().unwrap_or(""));
            tests += examples.len() + usize::from(is_test_export(export, func.params));
            if func.path != path || !seen.insert(func.focus_range) {
                continue;
            }
            let range = lines.range(&path, func.focus_range);
            // The title says what a click does: run the function, run its first example,
            // or ask for arguments (`…`).
            let (call, title) = match (func.params, examples.first()) {
                (0, _) => (format!("{export}()"), "▶ Run".to_string()),
                (_, Some(example)) => (
                    call_with_export(&example.call, export),
                    format!("▶ Run {}", example.call.trim()),
                ),
                (_, None) => (
                    String::new(),
                    format!("▶ Run {}(…)", split_export(export).1),
                ),
            };
            let run = RunArguments {
                component: component.path.clone(),
                export: export.to_string(),
                signature: func.signature.clone(),
                call,
                needs_args: func.params > 0,
            };
            lenses.push(lens(range, &title, RUN, serde_json::to_value(run)));
            if !examples.is_empty() {
                let test = TestArguments {
                    component: component.path.clone(),
                    wit: world.root.clone(),
                    only: Some(export.to_string()),
                };
                let title = format!("▶ Test ({})", examples.len());
                lenses.push(lens(range, &title, TEST, serde_json::to_value(test)));
            }
        }
        // A world whose build is an HTTP handler (its export may come in through an
        // `include`, so the lens sits on the world): `wit serve` it.
        if world.path == path && http_handler_export(component).is_some() {
            let serve = ServeArguments {
                component: component.path.clone(),
                document: path.clone(),
                addr: crate::serve::DEFAULT_ADDR.to_string(),
            };
            let range = lines.range(&path, world.focus_range);
            let title = crate::serve::title(&component.path);
            lenses.push(lens(range, &title, SERVE, serde_json::to_value(serve)));
        }
        if world.path == path && tests > 0 {
            let test = TestArguments {
                component: component.path.clone(),
                wit: world.root.clone(),
                only: None,
            };
            let range = lines.range(&path, world.focus_range);
            let title = format!("▶ Run tests ({tests})");
            lenses.push(lens(range, &title, TEST, serde_json::to_value(test)));
        }
    }
    Ok(Some(lenses))
}

fn lens(
    range: lsp::Range,
    title: &str,
    command: &str,
    args: serde_json::Result<serde_json::Value>,
) -> lsp::CodeLens {
    lsp::CodeLens {
        range,
        command: Some(lsp::Command {
            title: title.to_string(),
            command: command.to_string(),
            arguments: args.ok().map(|a| vec![a]),
        }),
        data: None,
    }
}
