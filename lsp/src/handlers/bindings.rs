//! `witty/bindings` (`{uri, world?, lang}` → the generated files) and what the hover needs for
//! its bindings section: the snapshot's part only, which copies the package's texts out; the
//! generation itself runs outside the snapshot (see `crate::bindings`).

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::{self as lsp, Uri};
use witty_analysis::Severity;
use witty_analysis::backstop::BackstopInput;
use witty_analysis::ide::FilePosition;
use witty_analysis::input::Root;
use witty_bindgen::{Bindings, Lang};

use super::{cancellable, position};
use crate::bindings::{Key, Prepared};
use crate::state::Snapshot;

#[derive(Clone, serde::Deserialize)]
pub struct BindingsParams {
    /// A `.wit` file of the package.
    pub uri: Uri,
    /// A world of the package (`name` or `ns:pkg/name`); by default its only one.
    #[serde(default)]
    pub world: Option<String>,
    /// `rust`, `c`, `cpp`, `csharp`, `moonbit` or `markdown`.
    pub lang: String,
}

fn failed(message: String) -> Error {
    Error {
        code: ErrorCode::ServerError(-32803),
        message: message.into(),
        data: None,
    }
}

/// The package of the file, with its texts, if it has no errors (else its first error, as
/// `wit check` says it).
pub fn prepare_bindings(snap: &Snapshot, params: BindingsParams) -> Result<Prepared> {
    let lang = Lang::from_name(&params.lang).map_err(Error::invalid_params)?;
    let path = crate::convert::path(&params.uri)
        .ok_or_else(|| Error::invalid_params(format!("{} is not a file", params.uri.as_str())))?;
    let Some(root) = cancellable(snap.analysis.home_root(&path))? else {
        return Err(Error::invalid_params(format!(
            "{} is not in a WIT package witty knows",
            path.display()
        )));
    };
    if cancellable(snap.analysis.root_has_errors(root))? {
        return Err(failed(first_error(snap, root)?));
    }
    let input = Arc::new(cancellable(snap.analysis.backstop_input(root))?);
    Ok(prepared(snap, root, &input, lang, params.world))
}

fn prepared(
    snap: &Snapshot,
    root: Root,
    input: &Arc<BackstopInput>,
    lang: Lang,
    world: Option<String>,
) -> Prepared {
    Prepared {
        key: Key {
            root: snap.analysis.root_path(root).to_path_buf(),
            lang,
            world,
        },
        version: snap.analysis.root_version(root),
        input: input.clone(),
    }
}

/// "the package has errors" with the first of them at `file:line:col`.
fn first_error(snap: &Snapshot, root: Root) -> Result<String> {
    let diagnostics = cancellable(snap.analysis.root_diagnostics(root))?;
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let Some(first) = errors.first() else {
        return Ok("the package has errors; `wit check` lists them".to_string());
    };
    let (line, col) = match cancellable(snap.analysis.line_index(&first.file))? {
        Some(index) => {
            let lc = index.line_col_chars(first.range.start());
            (lc.line + 1, lc.col + 1)
        }
        None => (1, 1),
    };
    Ok(format!(
        "the package has {} error{}, so no bindings; the first: {}:{line}:{col}: {}",
        errors.len(),
        if errors.len() == 1 { "" } else { "s" },
        first.file.display(),
        first.message
    ))
}

/// The answer of `witty/bindings`: the world, the generator, and each file (a binary one by
/// its size only).
pub fn bindings_answer(bindings: &Bindings) -> Value {
    let files: Vec<Value> = bindings
        .files
        .iter()
        .map(|f| match f.text() {
            Some(text) => json!({"name": f.name, "text": text}),
            None => json!({"name": f.name, "text": null, "bytes": f.contents.len()}),
        })
        .collect();
    json!({
        "world": bindings.world,
        "lang": bindings.lang.name(),
        "generator": format!("wit-bindgen {}", witty_bindgen::GENERATOR_VERSION),
        "files": files,
    })
}

/// A generator's failure as an error answer: `file:line:col: message`.
pub fn bindings_failure(failure: &witty_bindgen::Failure, input: &BackstopInput) -> Error {
    let line = failure.to_line(input);
    match failure.kind {
        witty_bindgen::FailureKind::Input => Error::invalid_params(line),
        witty_bindgen::FailureKind::Generator => failed(line),
    }
}

/// What the hover's bindings section needs: the definition hovered, and the package's worlds
/// to find it in (each world's bindings are generated once per version).
pub struct HoverBindings {
    pub definition: PathBuf,
    pub offset: usize,
    /// One per world of the package; `world: None` when it has only one.
    pub worlds: Vec<Prepared>,
}

/// The hover, and (when the client set a language) where to look for the bindings of what
/// is hovered.
pub fn hover_with_bindings(
    snap: &Snapshot,
    (params, lang): (lsp::HoverParams, Option<Lang>),
) -> Result<(Option<lsp::Hover>, Option<HoverBindings>)> {
    let hover = super::hover(snap, params.clone())?;
    let Some(lang) = lang.filter(|_| hover.is_some()) else {
        return Ok((hover, None));
    };
    let Some((path, offset)) = position(snap, &params.text_document_position_params) else {
        return Ok((hover, None));
    };
    let targets = cancellable(snap.analysis.goto_definition(FilePosition {
        path: &path,
        offset,
    }))?;
    let Some(target) = targets.first() else {
        return Ok((hover, None));
    };
    let Some(root) = cancellable(snap.analysis.home_root(&path))? else {
        return Ok((hover, None));
    };
    if cancellable(snap.analysis.root_has_errors(root))? {
        return Ok((hover, None));
    }
    let names: Vec<String> = cancellable(snap.analysis.world_spans(root))?
        .into_iter()
        .map(|w| w.name)
        .collect();
    let input = Arc::new(cancellable(snap.analysis.backstop_input(root))?);
    let worlds = match names.len() {
        0 => Vec::new(),
        1 => vec![prepared(snap, root, &input, lang, None)],
        _ => names
            .into_iter()
            .map(|n| prepared(snap, root, &input, lang, Some(n)))
            .collect(),
    };
    Ok((
        hover,
        Some(HoverBindings {
            definition: target.path.clone(),
            offset: usize::from(target.focus_range.start()),
            worlds,
        }),
    ))
}
