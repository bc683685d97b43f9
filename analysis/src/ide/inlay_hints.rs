//! Inlay hints: what a type alias finally stands for, where the alias names another alias or
//! a `use`d name, and after `use`d names that are aliases.

use witty_syntax::{SyntaxKind::*, TextRange, TextSize};

use super::defs::{DefKind, file_index, find_def};
use super::hover::alias_end;
use super::syntax_nodes::{def_node, token_at};
use super::{Analysis, Cancellable};
use crate::hir::parse;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayHint {
    /// Where the hint goes: after this offset.
    pub offset: TextSize,
    pub label: String,
}

impl Analysis {
    pub fn inlay_hints(
        &self,
        path: &std::path::Path,
        range: Option<TextRange>,
    ) -> Cancellable<Vec<InlayHint>> {
        self.catch(|db| {
            let Some((root, file)) = self.locate(db, path) else {
                return Vec::new();
            };
            let index = file_index(db, root, file);
            let tree = parse(db, file).syntax_node();
            let wanted = |r: TextRange| range.is_none_or(|w| w.intersect(r).is_some());
            let mut out = Vec::new();
            // An alias of a named type: the named type may itself be an alias.
            for site in index.defs.iter().filter(|d| d.kind == DefKind::TypeAlias) {
                let Some(node) = def_node(&tree, site.name) else {
                    continue;
                };
                let Some(ty) = node.children().find(|n| n.kind() == NAMED_TYPE) else {
                    continue;
                };
                if !wanted(ty.text_range()) {
                    continue;
                }
                let named = ty.text().to_string();
                // `type p = point;` where `point` is a record needs no hint.
                if let Some(end) = alias_end(db, root, file, site)
                    && end != named
                    && !end.ends_with(&format!(" {named}"))
                {
                    out.push(InlayHint {
                        offset: ty.text_range().end(),
                        label: format!("→ {end}"),
                    });
                }
            }
            // A `use`d name that is an alias.
            for (range, def) in &index.refs {
                let in_use = token_at(&tree, range.start())
                    .and_then(|t| t.parent_ancestors().nth(1))
                    .is_some_and(|n| n.kind() == USE_NAME);
                if !in_use || !wanted(*range) {
                    continue;
                }
                let Some((def_file, site)) = find_def(db, root, def) else {
                    continue;
                };
                if site.kind != DefKind::TypeAlias {
                    continue;
                }
                if let Some(end) = alias_end(db, root, def_file, &site) {
                    out.push(InlayHint {
                        offset: range.end(),
                        label: format!("→ {end}"),
                    });
                }
            }
            out.sort_by_key(|h| h.offset);
            out
        })
    }
}
