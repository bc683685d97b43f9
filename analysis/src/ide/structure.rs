//! The outline of a file, read from its syntax alone (so it works while the file has
//! errors): document symbols, folding ranges, selection ranges.

use witty_syntax::{SyntaxKind, SyntaxKind::*, SyntaxNode, TextRange, TextSize};

use super::defs::DefKind;
use super::syntax_nodes::{range_without_trivia, token_at};
use super::{Analysis, Cancellable};
use crate::hir::parse;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructureSymbol {
    pub name: String,
    /// A short signature: a function's type, a field's type, what an alias stands for.
    pub detail: Option<String>,
    pub kind: DefKind,
    pub full_range: TextRange,
    pub focus_range: TextRange,
    pub deprecated: bool,
    pub children: Vec<StructureSymbol>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldKind {
    Comment,
    /// A run of `use` lines.
    Imports,
    Region,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fold {
    pub range: TextRange,
    pub kind: FoldKind,
}

impl Analysis {
    pub fn document_symbols(&self, path: &std::path::Path) -> Cancellable<Vec<StructureSymbol>> {
        self.catch(|db| {
            let Some(&file) = self.files.get(path) else {
                return Vec::new();
            };
            symbols_of(&parse(db, file).syntax_node())
        })
    }

    /// The file's lossless syntax tree in rowan's debug form, as `wit parse` prints it.
    pub fn syntax_tree(&self, path: &std::path::Path) -> Cancellable<Option<String>> {
        self.catch(|db| {
            let file = *self.files.get(path)?;
            Some(parse(db, file).debug_tree())
        })
    }

    pub fn folding_ranges(&self, path: &std::path::Path) -> Cancellable<Vec<Fold>> {
        self.catch(|db| {
            let Some(&file) = self.files.get(path) else {
                return Vec::new();
            };
            folds(&parse(db, file).syntax_node(), file.text(db))
        })
    }

    /// For each offset, the ranges around it from the smallest out: the name, the item,
    /// the body, the interface, the file.
    pub fn selection_ranges(
        &self,
        path: &std::path::Path,
        offsets: &[TextSize],
    ) -> Cancellable<Vec<Vec<TextRange>>> {
        self.catch(|db| {
            let Some(&file) = self.files.get(path) else {
                return offsets.iter().map(|_| Vec::new()).collect();
            };
            let tree = parse(db, file).syntax_node();
            offsets.iter().map(|&o| selections(&tree, o)).collect()
        })
    }
}

pub(super) fn symbol_kind(node: &SyntaxNode) -> Option<DefKind> {
    Some(match node.kind() {
        PACKAGE_DECL | NESTED_PACKAGE => DefKind::Package,
        INTERFACE => DefKind::Interface,
        WORLD => DefKind::World,
        TYPE_ALIAS => DefKind::TypeAlias,
        RECORD => DefKind::Record,
        VARIANT => DefKind::Variant,
        ENUM => DefKind::Enum,
        FLAGS => DefKind::Flags,
        RESOURCE => DefKind::Resource,
        CONSTRUCTOR => DefKind::Constructor,
        FUNC => match node.parent().map(|p| p.kind()) {
            Some(IMPORT | EXPORT) => return None,
            Some(RESOURCE_BODY) if node.children_with_tokens().any(|t| t.kind() == STATIC_KW) => {
                DefKind::StaticFunc
            }
            Some(RESOURCE_BODY) => DefKind::Method,
            _ => DefKind::Func,
        },
        FIELD => DefKind::Field,
        VARIANT_CASE => DefKind::Case,
        ENUM_CASE => DefKind::EnumCase,
        FLAG => DefKind::Flag,
        IMPORT => DefKind::Import,
        EXPORT => DefKind::Export,
        _ => return None,
    })
}

/// Text with its whitespace runs (and comments) squeezed, for one-line details.
fn compact(node: &SyntaxNode) -> String {
    let mut out = String::new();
    for t in node
        .descendants_with_tokens()
        .filter_map(|e| e.into_token())
    {
        match t.kind() {
            COMMENT | DOC_COMMENT => {}
            WHITESPACE => {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
            }
            _ => out.push_str(t.text()),
        }
    }
    out.trim()
        .replace("( ", "(")
        .replace(" )", ")")
        .replace("< ", "<")
        .replace(" >", ">")
}

fn name_of(node: &SyntaxNode) -> Option<(String, TextRange)> {
    let named = |n: &SyntaxNode| {
        n.children()
            .find(|c| c.kind() == NAME)
            .map(|c| (c.text().to_string(), c.text_range()))
    };
    match node.kind() {
        PACKAGE_DECL | NESTED_PACKAGE => {
            let name = node.children().find(|c| c.kind() == PACKAGE_NAME)?;
            let mut range = name.text_range();
            let mut text = name.text().to_string();
            if let Some(v) = node.children().find(|c| c.kind() == VERSION) {
                range = range.cover(v.text_range());
                text = format!("{text}@{}", v.text());
            }
            Some((text, range))
        }
        CONSTRUCTOR => {
            let kw = node
                .children_with_tokens()
                .find(|t| t.kind() == CONSTRUCTOR_KW)?;
            Some(("constructor".to_string(), kw.text_range()))
        }
        IMPORT | EXPORT => {
            if let Some(inner) = node
                .children()
                .find(|c| matches!(c.kind(), FUNC | INLINE_INTERFACE))
            {
                return named(&inner);
            }
            if let Some(label) = named(node) {
                return Some(label);
            }
            let path = node.children().find(|c| c.kind() == USE_PATH)?;
            Some((compact(&path), path.text_range()))
        }
        _ => named(node),
    }
}

fn detail_of(node: &SyntaxNode, kind: DefKind) -> Option<String> {
    let child = |k: &[SyntaxKind]| node.children().find(|c| k.contains(&c.kind()));
    match kind {
        DefKind::Func | DefKind::Method | DefKind::StaticFunc => {
            child(&[FUNC_TYPE]).map(|t| compact(&t))
        }
        DefKind::Constructor => child(&[PARAM_LIST]).map(|t| compact(&t)),
        DefKind::Field | DefKind::TypeAlias | DefKind::Case => node
            .children()
            .find(|c| c.kind().is_type())
            .map(|t| compact(&t)),
        DefKind::Import | DefKind::Export => {
            let inner = child(&[FUNC, INLINE_INTERFACE, USE_PATH])?;
            match inner.kind() {
                FUNC => inner
                    .children()
                    .find(|c| c.kind() == FUNC_TYPE)
                    .map(|t| compact(&t)),
                INLINE_INTERFACE => Some("interface".to_string()),
                _ => node
                    .children()
                    .any(|c| c.kind() == NAME)
                    .then(|| compact(&inner)),
            }
        }
        _ => None,
    }
}

pub(super) fn is_deprecated(node: &SyntaxNode) -> bool {
    node.children()
        .filter(|c| c.kind() == ATTRIBUTE)
        .any(|a| a.text().to_string().trim_start().starts_with("@deprecated"))
}

/// The symbols under `root`, nested as the items are. Nesting is bounded by the parser's
/// depth limit, so the recursion is too.
fn symbols_of(root: &SyntaxNode) -> Vec<StructureSymbol> {
    let mut out = Vec::new();
    for child in root.children() {
        match symbol_kind(&child) {
            Some(kind) => {
                let Some((name, focus_range)) = name_of(&child) else {
                    continue;
                };
                let children = if kind == DefKind::Import || kind == DefKind::Export {
                    child
                        .children()
                        .filter(|c| c.kind() == INLINE_INTERFACE)
                        .flat_map(|c| symbols_of(&c))
                        .collect()
                } else {
                    symbols_of(&child)
                };
                out.push(StructureSymbol {
                    name,
                    detail: detail_of(&child, kind),
                    kind,
                    full_range: range_without_trivia(&child),
                    focus_range,
                    deprecated: is_deprecated(&child),
                    children,
                });
            }
            // Bodies and lists hold the symbols of the item around them.
            None => out.extend(symbols_of(&child)),
        }
    }
    out
}

fn folds(root: &SyntaxNode, text: &str) -> Vec<Fold> {
    let spans_lines = |r: TextRange| text[r].contains('\n');
    let mut out = Vec::new();
    for node in root.descendants() {
        let region = matches!(
            node.kind(),
            INTERFACE_BODY
                | WORLD_BODY
                | RECORD_BODY
                | VARIANT_BODY
                | ENUM_BODY
                | FLAGS_BODY
                | RESOURCE_BODY
                | PARAM_LIST
                | USE_NAME_LIST
                | INCLUDE_NAME_LIST
        ) || node.kind() == NESTED_PACKAGE;
        if region {
            let range = match node.kind() {
                // The block of a nested package, from its `{`.
                NESTED_PACKAGE => {
                    let Some(open) = node.children_with_tokens().find(|t| t.kind() == L_CURLY)
                    else {
                        continue;
                    };
                    TextRange::new(open.text_range().start(), node.text_range().end())
                }
                _ => node.text_range(),
            };
            if spans_lines(range) {
                out.push(Fold {
                    range,
                    kind: FoldKind::Region,
                });
            }
        }
    }
    // Runs of comments, and of `use` lines, each fold as one.
    let mut comment_run: Option<TextRange> = None;
    let flush = |run: &mut Option<TextRange>, out: &mut Vec<Fold>| {
        if let Some(r) = run.take()
            && spans_lines(r)
        {
            out.push(Fold {
                range: r,
                kind: FoldKind::Comment,
            });
        }
    };
    for token in root
        .descendants_with_tokens()
        .filter_map(|e| e.into_token())
    {
        match token.kind() {
            COMMENT | DOC_COMMENT => {
                let r = token.text_range();
                comment_run = Some(comment_run.map_or(r, |run| run.cover(r)));
            }
            // A blank line ends a run.
            WHITESPACE if token.text().matches('\n').count() < 2 => {}
            _ => flush(&mut comment_run, &mut out),
        }
    }
    flush(&mut comment_run, &mut out);
    for parent in root.descendants() {
        let mut run: Option<TextRange> = None;
        for child in parent.children() {
            if matches!(child.kind(), USE | TOP_USE) {
                let r = range_without_trivia(&child);
                run = Some(run.map_or(r, |run| run.cover(r)));
            } else if let Some(r) = run.take()
                && spans_lines(r)
            {
                out.push(Fold {
                    range: r,
                    kind: FoldKind::Imports,
                });
            }
        }
        if let Some(r) = run
            && spans_lines(r)
        {
            out.push(Fold {
                range: r,
                kind: FoldKind::Imports,
            });
        }
    }
    out.sort_by_key(|f| (f.range.start(), std::cmp::Reverse(f.range.end())));
    out
}

fn selections(root: &SyntaxNode, offset: TextSize) -> Vec<TextRange> {
    let mut out: Vec<TextRange> = Vec::new();
    let Some(token) = token_at(root, offset) else {
        return out;
    };
    // Every range contains the position (editors reject an answer where one does not), and
    // each contains the one before it.
    let mut push = |r: TextRange| {
        if r.contains_inclusive(offset)
            && out
                .last()
                .is_none_or(|last| r != *last && r.contains_range(*last))
        {
            out.push(r);
        }
    };
    // A comment is a range worth selecting; whitespace is not.
    if token.kind() != WHITESPACE {
        push(token.text_range());
    }
    for node in token.parent_ancestors() {
        // An item without its docs first, then with them.
        push(range_without_trivia(&node));
        push(node.text_range());
    }
    out
}
