//! The doc comments of the functions of a WIT package (a folder or a file), for
//! `wit test COMPONENT WIT_PATH`: read by the analysis the run and test lenses use, so that
//! the command and the editor find the same examples.

use std::path::Path;

use witty_analysis::{AnalysisHost, Features};
use witty_runner::FuncDocs;

/// Every documented function of the package at `path`: in interfaces (as
/// `ns:pkg/iface@version`), in interfaces declared inside worlds (by their name), of worlds
/// themselves, and of resources (by their names in a component). Its `deps/` are not read
/// for docs: their functions are not this component's.
pub fn collect(path: &Path) -> Result<Vec<FuncDocs>, String> {
    let package = witty_analysis::load_path(path).map_err(|e| {
        format!("{e} (WIT_PATH is the package folder or .wit file whose docs hold the examples)")
    })?;
    if package.files.is_empty() {
        return Err(format!(
            "{}: no .wit files to read doc comments from",
            path.display()
        ));
    }
    for file in &package.files {
        if let Some(witty_analysis::FileProblem::Unreadable(message)) = &file.problem {
            return Err(format!("{}: {message}", file.path.display()));
        }
    }
    let mut host = AnalysisHost::new();
    // Gated functions are still the component's when it was built with their feature.
    let features = Features {
        all: true,
        ..Features::default()
    };
    host.add_root(&package, features);
    let documented = host
        .analysis()
        .documented_funcs(&package.files[0].path)
        .map_err(|_| format!("{}: reading the docs was cancelled", path.display()))?;
    Ok(documented
        .into_iter()
        .map(|d| FuncDocs {
            instance: d.instance,
            function: d.function,
            docs: d.docs,
        })
        .collect())
}
