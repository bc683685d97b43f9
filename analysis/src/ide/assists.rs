//! Code actions: fixes for diagnostics (a name made kebab-case, a missing `use` added, an
//! unused one removed, a misspelt name replaced by the close one) and one refactor (add
//! `@since` with the package's version).

use witty_syntax::{SyntaxKind::*, SyntaxNode, TextRange, TextSize, check_identifier};

use super::assist_check::FixCheck;
use super::defs::{DefKind, file_index};
use super::rename::{SourceChange, TextEdit};
use super::syntax_nodes::{range_without_trivia, token_at};
use super::{Analysis, Cancellable};
use crate::Diagnostic;
use crate::hir::parse;
use crate::input::{File, Root};
use crate::semantics::suggest::edit_distance;
use crate::semantics::{
    ItemId, ItemKind, ScopeEntry, TypeShape, interface_scope, package_graph, package_items,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssistKind {
    QuickFix,
    Refactor,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assist {
    pub title: String,
    pub kind: AssistKind,
    /// The diagnostic it fixes, if it is a fix.
    pub fixes: Option<Diagnostic>,
    pub change: SourceChange,
}

impl Analysis {
    /// What can be done at a range of a file.
    pub fn assists(&self, path: &std::path::Path, range: TextRange) -> Cancellable<Vec<Assist>> {
        self.catch(|db| {
            let Some((root, file)) = self.locate(db, path) else {
                return Vec::new();
            };
            let all = crate::diagnostics::root_diagnostics(db, root);
            let diagnostics: Vec<Diagnostic> = all
                .iter()
                .filter(|d| d.file == path && d.range.intersect(range).is_some())
                .cloned()
                .collect();
            let cx = Assists {
                db,
                root,
                file,
                path,
                tree: parse(db, file).syntax_node(),
            };
            let mut out = Vec::new();
            for d in &diagnostics {
                match d.code {
                    "invalid-identifier" => out.extend(cx.kebab_case(d)),
                    "unresolved-name" => {
                        out.extend(cx.did_you_mean(d));
                        out.extend(cx.import_type(d));
                    }
                    // Only the warning: a hint says the name is part of the API.
                    "unused-use" if d.severity == crate::Severity::Warning => {
                        out.extend(cx.remove_unused_use(d))
                    }
                    _ => {}
                }
            }
            // A fix is offered only if it does what it says on the whole package.
            if out.iter().any(|a| a.fixes.is_some()) {
                let mut check = FixCheck::new(db, root, &all);
                out.retain(|a| a.fixes.as_ref().is_none_or(|d| check.holds(&a.change, d)));
            }
            out.extend(cx.add_since(range));
            out
        })
    }
}

struct Assists<'a> {
    db: &'a dyn salsa::Database,
    root: Root,
    file: File,
    path: &'a std::path::Path,
    tree: SyntaxNode,
}

impl Assists<'_> {
    fn text(&self) -> &str {
        self.file.text(self.db)
    }

    fn change(&self, edits: Vec<TextEdit>) -> SourceChange {
        SourceChange {
            files: vec![(self.path.to_path_buf(), edits)],
        }
    }

    fn fix(&self, title: String, d: &Diagnostic, edits: Vec<TextEdit>) -> Assist {
        Assist {
            title,
            kind: AssistKind::QuickFix,
            fixes: Some(d.clone()),
            change: self.change(edits),
        }
    }

    /// `myName` → `my-name`, everywhere the file spells it so: the spelling the message
    /// suggests (`try `my-name``), when it suggests one.
    fn kebab_case(&self, d: &Diagnostic) -> Option<Assist> {
        let old = &self.text()[d.range];
        let new = d
            .message
            .split("; try `")
            .nth(1)?
            .split('`')
            .next()?
            .to_string();
        if new.is_empty() || check_identifier(&new).is_err() || new == old {
            return None;
        }
        let edits: Vec<TextEdit> = self
            .tree
            .descendants_with_tokens()
            .filter_map(|e| e.into_token())
            .filter(|t| t.kind() == IDENT && t.text() == old)
            .map(|t| TextEdit {
                range: t.text_range(),
                new_text: new.clone(),
            })
            .collect();
        let places = if edits.len() > 1 {
            format!(" ({} places)", edits.len())
        } else {
            String::new()
        };
        Some(self.fix(format!("Rename `{old}` to `{new}`{places}"), d, edits))
    }

    /// "did you mean `x`?" in the message, or a close name among the types around.
    fn did_you_mean(&self, d: &Diagnostic) -> Vec<Assist> {
        let old = self.text()[d.range].to_string();
        let mut candidates: Vec<String> = Vec::new();
        if let Some(rest) = d.message.split("did you mean `").nth(1)
            && let Some(name) = rest.split('`').next()
        {
            candidates.push(name.to_string());
        }
        for name in local_type_names(&self.tree, d.range.start()) {
            let distance = edit_distance(&old, &name);
            if distance > 0 && distance <= 2 && distance < name.len() && !candidates.contains(&name)
            {
                candidates.push(name);
            }
        }
        candidates
            .into_iter()
            .map(|name| {
                let edit = TextEdit {
                    range: d.range,
                    new_text: name.clone(),
                };
                self.fix(format!("Replace with `{name}`"), d, vec![edit])
            })
            .collect()
    }

    /// An unknown type that an interface of this package or a dependency defines: add it to
    /// a `use` of that interface, or add such a `use`.
    fn import_type(&self, d: &Diagnostic) -> Vec<Assist> {
        let name = self.text()[d.range].to_string();
        let Some(token) = token_at(&self.tree, d.range.start()) else {
            return Vec::new();
        };
        // Only where a type is referred to: never for a name in a `use` list, nor for an
        // interface or world named by `import`, `export` or `include`.
        let at_type = token
            .parent_ancestors()
            .take(2)
            .any(|n| matches!(n.kind(), NAMED_TYPE | HANDLE_TYPE));
        if !at_type {
            return Vec::new();
        }
        let Some(body) = token
            .parent_ancestors()
            .find(|n| matches!(n.kind(), INTERFACE_BODY | WORLD_BODY))
        else {
            return Vec::new();
        };
        let here = body.parent().and_then(|c| {
            c.children()
                .find(|n| n.kind() == NAME)
                .map(|n| n.text().to_string())
        });
        let graph = package_graph(self.db, self.root);
        let items = package_items(self.db, self.root);
        let own = graph.owner(self.file, crate::hir::DeclListId::Top);
        let mut out = Vec::new();
        for pkg in graph.ids() {
            let Some(names) = items.per_pkg.get(pkg.0 as usize) else {
                continue;
            };
            for (iface, def) in names {
                if def.kind != ItemKind::Interface
                    || (Some(pkg) == own && here.as_deref() == Some(&**iface))
                {
                    continue;
                }
                let id = ItemId {
                    pkg,
                    name: iface.clone(),
                };
                let scope = interface_scope(self.db, self.root, id);
                let defined = matches!(
                    scope.entries.get(name.as_str()),
                    Some(ScopeEntry::Type {
                        shape: TypeShape::Def,
                        ..
                    })
                );
                if !defined {
                    continue;
                }
                let path = if Some(pkg) == own {
                    iface.to_string()
                } else {
                    let p = &graph.package(pkg).name;
                    let version = p
                        .version
                        .as_ref()
                        .map(|v| format!("@{v}"))
                        .unwrap_or_default();
                    format!("{}/{iface}{version}", p.unversioned())
                };
                let edit = add_to_use(&body, &path, &name, self.text());
                out.push(self.fix(format!("Import `{name}` from `{path}`"), d, vec![edit]));
            }
        }
        out
    }

    /// Drops a file-level `use` that no path names (removing it changes nothing that
    /// wit-parser resolves, which is what the warning says).
    fn remove_unused_use(&self, d: &Diagnostic) -> Option<Assist> {
        let token = token_at(&self.tree, d.range.start())?;
        let top_use = token.parent_ancestors().find(|n| n.kind() == TOP_USE)?;
        let range = whole_lines(self.text(), range_without_trivia(&top_use));
        let edit = TextEdit {
            range,
            new_text: String::new(),
        };
        let title = format!("Remove unused `{}`", &self.text()[d.range]);
        Some(self.fix(title, d, vec![edit]))
    }

    /// `@since(version = V)` for an item of a versioned package that has none.
    fn add_since(&self, range: TextRange) -> Option<Assist> {
        let index = file_index(self.db, self.root, self.file);
        let site = index
            .defs
            .iter()
            .find(|s| s.name.contains_range(range) || range.contains_range(s.name))?;
        let can_have_since = matches!(
            site.kind,
            DefKind::Interface
                | DefKind::World
                | DefKind::TypeAlias
                | DefKind::Record
                | DefKind::Variant
                | DefKind::Enum
                | DefKind::Flags
                | DefKind::Resource
                | DefKind::Func
                | DefKind::Constructor
                | DefKind::Method
                | DefKind::StaticFunc
                | DefKind::Import
                | DefKind::Export
        );
        if !can_have_since {
            return None;
        }
        let graph = package_graph(self.db, self.root);
        let version = graph
            .package(graph.owner(self.file, crate::hir::DeclListId::Top)?)
            .name
            .version
            .clone()?;
        let node = super::syntax_nodes::def_node(&self.tree, site.name)?;
        let has_since = node
            .children()
            .filter(|c| c.kind() == ATTRIBUTE)
            .any(|a| a.text().to_string().contains("since"));
        if has_since {
            return None;
        }
        let start = range_without_trivia(&node).start();
        let indent = line_indent(self.text(), start);
        let edit = TextEdit {
            range: TextRange::empty(start),
            new_text: format!("@since(version = {version})\n{indent}"),
        };
        Some(Assist {
            title: format!("Add `@since(version = {version})`"),
            kind: AssistKind::Refactor,
            fixes: None,
            change: self.change(vec![edit]),
        })
    }
}

/// The names of the types defined or `use`d in the interface or world around `offset`.
fn local_type_names(tree: &SyntaxNode, offset: TextSize) -> Vec<String> {
    let Some(body) = token_at(tree, offset).and_then(|t| {
        t.parent_ancestors()
            .find(|n| matches!(n.kind(), INTERFACE_BODY | WORLD_BODY))
    }) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in body.children() {
        match item.kind() {
            TYPE_ALIAS | RECORD | VARIANT | ENUM | FLAGS | RESOURCE => {
                if let Some(n) = item.children().find(|c| c.kind() == NAME) {
                    out.push(n.text().to_string());
                }
            }
            USE => {
                for n in item.descendants().filter(|n| n.kind() == USE_NAME) {
                    let local = n
                        .children()
                        .find(|c| c.kind() == NAME)
                        .or_else(|| n.children().find(|c| c.kind() == NAME_REF));
                    if let Some(local) = local {
                        out.push(local.text().to_string());
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Adds `name` to the body's `use` of `path`, or a new `use` line at the top of the body.
fn add_to_use(body: &SyntaxNode, path: &str, name: &str, text: &str) -> TextEdit {
    let existing = body.children().filter(|n| n.kind() == USE).find(|u| {
        u.children()
            .find(|c| c.kind() == USE_PATH)
            .is_some_and(|p| p.text().to_string().split_whitespace().collect::<String>() == path)
    });
    if let Some(list) = existing.and_then(|u| u.children().find(|c| c.kind() == USE_NAME_LIST))
        && let Some(close) = list.children_with_tokens().find(|t| t.kind() == R_CURLY)
    {
        let empty = !list.children().any(|n| n.kind() == USE_NAME);
        let separator = if empty { "" } else { ", " };
        return TextEdit {
            range: TextRange::empty(close.text_range().start()),
            new_text: format!("{separator}{name}"),
        };
    }
    let open = body
        .children_with_tokens()
        .find(|t| t.kind() == L_CURLY)
        .map_or(body.text_range().start(), |t| t.text_range().end());
    // Indent as the body's first item is, or one step more than the line of the `{`.
    let indent = body
        .children()
        .next()
        .map(|first| line_indent(text, range_without_trivia(&first).start()))
        .unwrap_or_else(|| format!("{}  ", line_indent(text, open)));
    TextEdit {
        range: TextRange::empty(open),
        new_text: format!("\n{indent}use {path}.{{{name}}};"),
    }
}

/// The whitespace that starts the line `offset` is on.
fn line_indent(text: &str, offset: TextSize) -> String {
    let line_start = text[..usize::from(offset)].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// A range grown to whole lines (with the line break after it), when only whitespace
/// shares those lines with it.
fn whole_lines(text: &str, range: TextRange) -> TextRange {
    let start = usize::from(range.start());
    let end = usize::from(range.end());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
    let alone = text[line_start..start].trim().is_empty() && text[end..line_end].trim().is_empty();
    if alone {
        TextRange::new(
            TextSize::new(line_start as u32),
            TextSize::new(line_end as u32),
        )
    } else {
        range
    }
}
