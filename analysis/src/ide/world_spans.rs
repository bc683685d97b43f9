//! Where a world says each of its imports and exports, by the names wit-parser gives them
//! (`ns:pkg/iface@1.0.0` for an interface by path, the plain name otherwise): what puts a
//! problem of a built component on the line concerned. An item that came through an
//! `include` is said by the `include`; an interface imported because another needs it, where
//! that other one is said.

use std::path::PathBuf;

use witty_syntax::TextRange;

use super::runnables::own_worlds_in;
use super::{Analysis, Cancellable};
use crate::hir::{TopItem, item_tree, span_map};
use crate::input::Root;
use crate::semantics::items::{ItemSrc, decl_list};
use crate::semantics::{
    WorldItem, WorldKey, interface_id_string, package_graph, package_items, world_elaboration,
};

/// A world of a root's own package and the places of its imports and exports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorldSpans {
    pub name: String,
    /// The file that defines it, and its name there.
    pub file: PathBuf,
    pub name_range: TextRange,
    /// Each import and export as wit-parser names it, and where the world says it.
    pub imports: Vec<(String, TextRange)>,
    pub exports: Vec<(String, TextRange)>,
}

impl Analysis {
    /// The worlds of a root's own package, each with where it says its imports and exports.
    pub fn world_spans(&self, root: Root) -> Cancellable<Vec<WorldSpans>> {
        self.catch(|db| world_spans(db, root))
    }
}

fn world_spans(db: &dyn salsa::Database, root: Root) -> Vec<WorldSpans> {
    let graph = package_graph(db, root);
    let items = package_items(db, root);
    let mut out = Vec::new();
    for (name, id) in own_worlds_in(db, root) {
        let Some(ItemSrc::Wit { file, list, index }) = items.def(&id).map(|d| d.src) else {
            continue;
        };
        let tree = item_tree(db, file);
        let Some(TopItem::World(world)) =
            decl_list(&tree, list).and_then(|l| l.items.get(index as usize))
        else {
            continue;
        };
        let spans = span_map(db, file);
        let elaborated = world_elaboration(db, root, id);
        let place = |map: &crate::fx::IndexMap<WorldKey, WorldItem>| {
            map.iter()
                .filter_map(|(key, item)| {
                    let (origin_file, span) = item.origin?;
                    // An origin in another file is another world's (through a binary
                    // package, say): nothing to point at here.
                    if origin_file != file {
                        return None;
                    }
                    let name = match key {
                        WorldKey::Name(n) => n.clone(),
                        WorldKey::Interface(iface) => interface_id_string(&graph, iface),
                    };
                    Some((name, spans.range(span)))
                })
                .collect()
        };
        out.push(WorldSpans {
            name,
            file: file.path(db).clone(),
            name_range: spans.range(world.name.span),
            imports: place(&elaborated.imports),
            exports: place(&elaborated.exports),
        });
    }
    out
}
