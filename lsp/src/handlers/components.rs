//! Requests about built components: `witty/inspectComponent` shows a `.wasm` file's WIT.

use tower_lsp_server::jsonrpc::{Error, Result};
use witty_analysis::component::read_component;

use crate::state::Snapshot;

#[derive(Clone, serde::Deserialize)]
pub struct InspectParams {
    /// The `.wasm` file.
    pub uri: tower_lsp_server::ls_types::Uri,
}

#[derive(serde::Serialize)]
pub struct InspectResult {
    /// The component's world as WIT, with the packages it uses nested in the same text.
    pub wit: String,
}

/// `witty/inspectComponent`: the WIT of a component, for the editor to show as a document.
pub fn inspect_component(_: &Snapshot, params: InspectParams) -> Result<InspectResult> {
    let Some(path) = crate::convert::path(&params.uri) else {
        return Err(Error::invalid_params(format!(
            "{} is not a file",
            params.uri.as_str()
        )));
    };
    match read_component(&path) {
        Ok(component) => Ok(InspectResult {
            wit: component.wit_text(),
        }),
        Err(e) => Err(Error::invalid_params(e.to_string())),
    }
}
