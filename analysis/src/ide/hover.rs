//! Hover: what a name is (its signature on one line), its documentation, then where it comes
//! from, its gates, its whole definition and what an alias finally stands for. The signature
//! and the docs lead because clients that show a hover in one or two lines (Emacs' eldoc in
//! the echo area) show only the start.

use std::fmt::Write;

use witty_syntax::{SyntaxKind::*, SyntaxNode, TextRange};

use super::defs::{Def, DefKind, DefSite, file_index, find_def};
use super::syntax_nodes::{attributes, def_node, docs, signature, token_at};
use super::{Analysis, Cancellable, FilePosition};
use crate::hir::parse;
use crate::input::{File, Root};
use crate::semantics::{ItemId, Owner, package_graph};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverResult {
    /// The name hovered.
    pub range: TextRange,
    /// The parts of the answer, rendered by [`HoverResult::markdown`] or
    /// [`HoverResult::plain_text`] as the client prefers.
    pub parts: HoverParts,
    /// The name a component's export has when it provides what is hovered: an interface's
    /// full name (`ns:pkg/name@version`), a world's named import. The editor adds which built
    /// components export it.
    pub export_name: Option<String>,
}

/// Lines of a definition shown before the rest is cut short.
const MAX_LINES: usize = 24;

impl Analysis {
    pub fn hover(&self, pos: FilePosition<'_>) -> Cancellable<Option<HoverResult>> {
        self.catch(|db| {
            let (root, file) = self.locate(db, pos.path)?;
            let index = file_index(db, root, file);
            let Some((range, def, _)) = index.at(pos.offset) else {
                return builtin_hover(db, file, pos);
            };
            let (def_file, site) = find_def(db, root, def)?;
            let parts = describe(db, root, def_file, &site)?;
            let export_name = match &site.def {
                Def::Item(id) if site.kind == DefKind::Interface => {
                    Some(qualified_name(db, root, id))
                }
                // A world's named import (`import log: func(...)`, `import x: interface {}`)
                // is filled by an export of the same name.
                Def::Func { name, .. } | Def::Extern { name, .. }
                    if site.kind == DefKind::Import =>
                {
                    Some(name.to_string())
                }
                _ => None,
            };
            Some(HoverResult {
                range,
                parts,
                export_name,
            })
        })
    }
}

/// What a hover says, in the order it is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HoverParts {
    /// The definition's first line, or all of it on one line when it has no body:
    /// `record point`, `add: func(a: u32, b: u32) -> u32`.
    pub signature: String,
    /// The doc comment, as Markdown.
    pub docs: Option<String>,
    /// What it belongs to: ``record of interface `a:b/types` ``.
    pub context: Option<String>,
    /// The whole definition when it is more than its signature (a body).
    pub definition: Option<String>,
    /// More, each a paragraph with `code` in backticks: gates, what an alias resolves to,
    /// a package's items, the components that export an interface.
    pub notes: Vec<String>,
}

impl HoverResult {
    pub fn markdown(&self) -> String {
        self.parts.markdown()
    }

    pub fn plain_text(&self) -> String {
        self.parts.plain_text()
    }
}

impl HoverParts {
    /// The signature in a WIT code block, the docs, a rule, then the rest.
    pub fn markdown(&self) -> String {
        let mut out = format!("```wit\n{}\n```", self.signature);
        if let Some(docs) = &self.docs {
            write!(out, "\n\n{docs}").ok();
        }
        let mut rest: Vec<String> = Vec::new();
        rest.extend(self.context.clone());
        rest.extend(
            self.definition
                .as_ref()
                .map(|d| format!("```wit\n{d}\n```")),
        );
        rest.extend(self.notes.iter().cloned());
        if !rest.is_empty() {
            write!(out, "\n\n---\n\n{}", rest.join("\n\n")).ok();
        }
        out
    }

    /// The same without Markdown: no code fences or rules, and the backticks of witty's own
    /// lines dropped (the docs stay as their author wrote them).
    pub fn plain_text(&self) -> String {
        let unquote = |s: &str| s.replace('`', "").replace("  \n", "\n");
        let mut blocks = vec![self.signature.clone()];
        blocks.extend(self.docs.clone());
        blocks.extend(self.context.as_deref().map(unquote));
        blocks.extend(self.definition.clone());
        blocks.extend(self.notes.iter().map(|n| unquote(n)));
        blocks.join("\n\n")
    }
}

/// The hover of a definition.
pub(super) fn describe(
    db: &dyn salsa::Database,
    root: Root,
    file: File,
    site: &DefSite,
) -> Option<HoverParts> {
    let tree = parse(db, file).syntax_node();
    let node = def_node(&tree, site.name)?;
    let text = render(&node, site.kind);
    let (signature, definition) = signature_line(&text);
    let mut notes = Vec::new();
    let gates = attributes(&node);
    if !gates.is_empty() {
        notes.push(
            gates
                .iter()
                .map(|g| format!("`{g}`"))
                .collect::<Vec<_>>()
                .join(" · "),
        );
    }
    if site.kind == DefKind::TypeAlias
        && let Some(end) = alias_end(db, root, file, site)
    {
        notes.push(format!("Resolves to `{end}`"));
    }
    if let Def::Package(pkg) = &site.def {
        notes.push(package_contents(db, root, *pkg));
    }
    notes.retain(|n| !n.is_empty());
    Some(HoverParts {
        signature,
        docs: docs(&node),
        context: context_line(db, root, site),
        definition,
        notes,
    })
}

/// A definition's one-line signature, and the whole of it when it has a body: the header
/// before `{` of a record or an interface; anything else on one line, without its `;`.
fn signature_line(text: &str) -> (String, Option<String>) {
    if let Some((head, _)) = text.split_once('{') {
        return (one_line(head), Some(text.to_string()));
    }
    (one_line(text.trim_end().trim_end_matches(';')), None)
}

/// Text on one line: runs of whitespace squeezed to a space, none inside parentheses or
/// angle brackets, no comma before a closing one.
fn one_line(text: &str) -> String {
    let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    squeezed
        .replace("( ", "(")
        .replace("< ", "<")
        .replace(", )", ")")
        .replace(",)", ")")
        .replace(" )", ")")
        .replace(", >", ">")
        .replace(" >", ">")
        .trim()
        .to_string()
}

/// How a definition is shown: a member with its type; an interface or world with its items.
fn render(node: &SyntaxNode, kind: DefKind) -> String {
    let text = signature(node, MAX_LINES);
    match kind {
        DefKind::Field | DefKind::Case | DefKind::Param => text.trim_end_matches(',').to_string(),
        DefKind::EnumCase | DefKind::Flag => text.trim_end_matches(',').to_string(),
        _ => text,
    }
}

/// An interface's or world's full name: `wasi:io/streams@0.2.0`.
fn qualified_name(db: &dyn salsa::Database, root: Root, id: &ItemId) -> String {
    let graph = package_graph(db, root);
    let pkg = &graph.package(id.pkg).name;
    let version = pkg
        .version
        .as_ref()
        .map(|v| format!("@{v}"))
        .unwrap_or_default();
    format!("{}/{}{version}", pkg.unversioned(), id.name)
}

/// Where a definition lives: `wasi:io/streams@0.2.0`, or for a member, what it is part of.
fn context_line(db: &dyn salsa::Database, root: Root, site: &DefSite) -> Option<String> {
    let graph = package_graph(db, root);
    let item = |id: &ItemId| qualified_name(db, root, id);
    let owner = |o: &Owner| match o {
        Owner::Interface(id) => format!("interface `{}`", item(id)),
        Owner::World(id) => format!("world `{}`", item(id)),
        Owner::Inline { world, name } => format!("interface `{name}` of world `{}`", item(world)),
    };
    let described = |what: &str| format!("{} of {what}", site.kind.describe());
    Some(match &site.def {
        Def::Package(p) => {
            let pkg = graph.package(*p);
            let from = if pkg.is_dep { " (a dependency)" } else { "" };
            format!("package `{}`{from}", pkg.name)
        }
        Def::Item(id) => format!("{} `{}`", site.kind.describe(), item(id)),
        Def::Type { owner: o, .. } | Def::Func { owner: o, .. } => described(&owner(o)),
        Def::ResourceFunc {
            owner: o, resource, ..
        } => described(&format!("resource `{resource}` in {}", owner(o))),
        Def::Member {
            owner: o, parent, ..
        } => described(&format!("`{parent}` in {}", owner(o))),
        Def::Param { owner: o, func, .. } => described(&format!("`{func}` in {}", owner(o))),
        Def::Extern { world, .. } => format!("{} of world `{}`", site.kind.describe(), item(world)),
    })
}

/// What an alias stands for at the end of its chain: the type expression of the last
/// alias, or the kind and name of the definition it names.
pub(super) fn alias_end(
    db: &dyn salsa::Database,
    root: Root,
    file: File,
    site: &DefSite,
) -> Option<String> {
    let (mut file, mut site) = (file, site.clone());
    // Each step follows one alias; a longer chain is a cycle (an error reported elsewhere).
    for _ in 0..64 {
        let tree = parse(db, file).syntax_node();
        let node = def_node(&tree, site.name)?;
        let ty = node
            .children()
            .find(|n| n.kind() != NAME && n.kind() != ATTRIBUTE)?;
        let text = ty.text().to_string();
        if ty.kind() != NAMED_TYPE {
            return Some(text);
        }
        let index = file_index(db, root, file);
        let range = ty.text_range();
        let def = index
            .refs
            .iter()
            .find(|(r, _)| range.contains_range(*r))
            .map(|(_, d)| d.clone())?;
        let (next_file, next) = find_def(db, root, &def)?;
        if next.kind != DefKind::TypeAlias {
            let name = &next_file.text(db)[next.name];
            return Some(format!("{} {name}", next.kind.describe()));
        }
        (file, site) = (next_file, next);
    }
    None
}

/// Hover on a built-in type or a keyword: what it means.
fn builtin_hover(
    db: &dyn salsa::Database,
    file: File,
    pos: FilePosition<'_>,
) -> Option<HoverResult> {
    let tree = parse(db, file).syntax_node();
    let token = token_at(&tree, pos.offset)?;
    let text = builtin_docs(token.kind())?;
    Some(HoverResult {
        range: token.text_range(),
        parts: HoverParts {
            signature: token.text().to_string(),
            docs: Some(text.to_string()),
            ..Default::default()
        },
        export_name: None,
    })
}

fn builtin_docs(kind: witty_syntax::SyntaxKind) -> Option<&'static str> {
    Some(match kind {
        BOOL_KW => "A boolean: `true` or `false`.",
        U8_KW => "An unsigned 8-bit integer (0 to 255).",
        U16_KW => "An unsigned 16-bit integer (0 to 65,535).",
        U32_KW => "An unsigned 32-bit integer (0 to 4,294,967,295).",
        U64_KW => "An unsigned 64-bit integer.",
        S8_KW => "A signed 8-bit integer (-128 to 127).",
        S16_KW => "A signed 16-bit integer.",
        S32_KW => "A signed 32-bit integer.",
        S64_KW => "A signed 64-bit integer.",
        F32_KW => "A 32-bit IEEE 754 floating-point number.",
        F64_KW => "A 64-bit IEEE 754 floating-point number.",
        CHAR_KW => "A Unicode scalar value (a code point that is not a surrogate).",
        STRING_KW => "A string of Unicode scalar values.",
        LIST_KW => "`list<T>`: a sequence of values of type `T`; `list<T, N>` has exactly `N`.",
        MAP_KW => "`map<K, V>`: a map from keys of type `K` to values of type `V`.",
        OPTION_KW => "`option<T>`: a value of type `T`, or none.",
        RESULT_KW => {
            "`result<T, E>`: success with a `T` or failure with an `E`; either may be left out (`result`, `result<T>`, `result<_, E>`)."
        }
        TUPLE_KW => "`tuple<A, B, ...>`: a fixed sequence of values of the given types.",
        FUTURE_KW => "`future<T>`: a value of type `T` that will be ready later (async).",
        STREAM_KW => "`stream<T>`: values of type `T` that arrive over time (async).",
        ERROR_CONTEXT_KW => "`error-context`: debugging information about an error (async).",
        BORROW_KW => {
            "`borrow<R>`: a handle to a resource `R` lent for the duration of a call; only allowed in parameters."
        }
        OWN_KW => "`own<R>`: a handle that owns the resource `R` (the same as writing `R`).",
        RESOURCE_KW => {
            "`resource`: an abstract type with an identity, used through handles, with a constructor, methods and static functions."
        }
        RECORD_KW => "`record`: a named set of fields, each with a type.",
        VARIANT_KW => "`variant`: one of several cases, each optionally carrying a value.",
        ENUM_KW => "`enum`: one of several cases that carry no value.",
        FLAGS_KW => "`flags`: a set of named booleans.",
        ASYNC_KW => "`async`: the function may be called concurrently (Component Model async).",
        _ => return None,
    })
}

/// What a package holds: its interfaces and worlds, by name.
fn package_contents(db: &dyn salsa::Database, root: Root, pkg: crate::semantics::PkgId) -> String {
    let items = crate::semantics::package_items(db, root);
    let Some(names) = items.per_pkg.get(pkg.0 as usize) else {
        return String::new();
    };
    let list = |kind: crate::semantics::ItemKind| {
        names
            .iter()
            .filter(|(_, d)| d.kind == kind)
            .map(|(n, _)| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    for (kind, label) in [
        (crate::semantics::ItemKind::Interface, "Interfaces"),
        (crate::semantics::ItemKind::World, "Worlds"),
    ] {
        let names = list(kind);
        if !names.is_empty() {
            parts.push(format!("{label}: {names}"));
        }
    }
    parts.join("  \n")
}
