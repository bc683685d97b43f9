//! witty-docsite: the static HTML site of `wit doc`, rendered from witty's own model of a
//! package and its dependencies (`witty_analysis::ide::DocModel`): one page per package,
//! interface and world, every name linked to its definition, doc comments from Markdown,
//! gates as badges, a picture of each world, a client-side search and a versions page.
//! Everything it needs (CSS, script) is written by us and embedded: the site works offline.

mod assets;
mod html;
mod links;
mod markdown;
mod output;
mod pages;
mod search;
mod svg;

use std::collections::BTreeMap;

use witty_analysis::component::SemverReport;
use witty_analysis::ide::DocModel;

pub use output::{MANIFEST, WriteError, write_site};

/// What the versions page compares: the report of `wit semver-check OLD NEW` and the path
/// of OLD as the user gave it.
pub struct Comparison {
    pub old_path: String,
    pub report: SemverReport,
}

/// A generated site: file contents by path relative to the output folder (`/`-separated).
#[derive(Debug, Default)]
pub struct Site {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Site {
    /// The page to open first.
    pub const INDEX: &'static str = "index.html";
}

/// Renders the site of a model; `compare` fills the versions page.
pub fn generate(model: &DocModel, compare: Option<&Comparison>) -> Site {
    let links = links::Links::new(model);
    let mut site = Site::default();
    for (path, text) in pages::all(model, &links, compare) {
        site.files.insert(path, text.into_bytes());
    }
    site.files.insert(
        links::SEARCH_INDEX.to_string(),
        search::index(model, &links).into_bytes(),
    );
    for (path, bytes) in assets::ALL {
        site.files.insert(path.to_string(), bytes.to_vec());
    }
    site
}

#[cfg(test)]
mod tests;
