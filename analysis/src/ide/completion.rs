//! Completion that knows where the cursor is: the keywords that may stand there, types in
//! scope in a type position, names of an interface after `use iface.{`, interfaces (and
//! worlds) after `use`, `import`, `export` and `include`, package paths from `deps/`.

use witty_syntax::{SyntaxKind, SyntaxKind::*, SyntaxNode, SyntaxToken, TextRange, TextSize};

use super::defs::{Def, DefKind, file_index, find_def};
use super::syntax_nodes::{def_node, docs};
use super::{Analysis, Cancellable, FilePosition};
use crate::hir::parse;
use crate::input::{File, Root};
use crate::semantics::{
    ItemId, ItemKind, ScopeEntry, interface_scope, package_graph, package_items,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    Keyword,
    Snippet,
    BuiltinType,
    Def(DefKind),
    Attribute,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionItem {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: Option<String>,
    /// Markdown.
    pub documentation: Option<String>,
    /// What replaces `range` (the word being typed); a snippet with `$1` tab stops when
    /// `is_snippet`.
    pub insert: String,
    pub is_snippet: bool,
    /// What replaces `range` for a client without snippets: the placeholders' text, or for
    /// a built-in type with parameters only its name (`result`, not `result<, >`).
    pub plain: String,
    pub range: TextRange,
}

/// Where the cursor stands, as far as completion cares.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Context {
    /// The start of an item at file level or in a nested package.
    TopItem,
    InterfaceItem,
    WorldItem,
    ResourceItem,
    /// After `name:` in an interface or resource: a function type.
    FuncType {
        in_resource: bool,
    },
    /// After `import name:` or `export name:`.
    ExternType,
    /// A type; `resources_only` inside `borrow<` and `own<`.
    Type {
        resources_only: bool,
    },
    /// A path after `use`, `import`, `export` or `include`; `prefix` is what is typed of it
    /// (`wasi:io/`), `worlds` whether worlds may be named.
    Path {
        prefix: String,
        interfaces: bool,
        worlds: bool,
    },
    /// The names in `use path.{ ... }`.
    UseNames {
        path: SyntaxNode,
    },
    /// After `@`.
    Attribute,
    Nothing,
}

const TOP_SNIPPETS: &[(&str, &str, &str)] = &[
    (
        "interface",
        "interface ${1:name} {\n\t$0\n}",
        "an interface: types and functions",
    ),
    (
        "world",
        "world ${1:name} {\n\t$0\n}",
        "a world: what a component imports and exports",
    ),
    (
        "use",
        "use ${1:ns:pkg/iface@1.0.0}${2: as name};",
        "give an item of another package a name here",
    ),
    (
        "package",
        "package ${1:ns}:${2:name}${3:@0.1.0};",
        "the package the file belongs to",
    ),
];

const TYPE_SNIPPETS: &[(&str, &str, &str)] = &[
    (
        "record",
        "record ${1:name} {\n\t${2:field}: ${3:u32},\n}",
        "named fields",
    ),
    (
        "variant",
        "variant ${1:name} {\n\t${2:case}(${3:u32}),\n}",
        "one of several cases, each with an optional value",
    ),
    (
        "enum",
        "enum ${1:name} {\n\t${2:case},\n}",
        "one of several cases without values",
    ),
    (
        "flags",
        "flags ${1:name} {\n\t${2:flag},\n}",
        "a set of named booleans",
    ),
    (
        "resource",
        "resource ${1:name} {\n\tconstructor($2);\n\t$0\n}",
        "an abstract type with methods",
    ),
    ("type", "type ${1:name} = ${2:u32};", "a type alias"),
    (
        "use",
        "use ${1:iface}.{${2:name}};",
        "bring in types of another interface",
    ),
];

const RESOURCE_SNIPPETS: &[(&str, &str, &str)] = &[
    (
        "constructor",
        "constructor($1);",
        "how the resource is made",
    ),
    (
        "method",
        "${1:name}: func($2)$3;",
        "a method: called on a resource",
    ),
    (
        "static",
        "${1:name}: static func($2)$3;",
        "a function of the resource type",
    ),
];

const FUNC_SNIPPETS: &[(&str, &str, &str)] = &[
    ("func", "func($1)$2;", ""),
    ("async func", "async func($1)$2;", ""),
];

const BUILTIN_TYPES: &[(&str, &str)] = &[
    ("bool", "bool"),
    ("u8", "u8"),
    ("u16", "u16"),
    ("u32", "u32"),
    ("u64", "u64"),
    ("s8", "s8"),
    ("s16", "s16"),
    ("s32", "s32"),
    ("s64", "s64"),
    ("f32", "f32"),
    ("f64", "f64"),
    ("char", "char"),
    ("string", "string"),
    ("error-context", "error-context"),
    ("list<T>", "list<$1>"),
    ("option<T>", "option<$1>"),
    ("result<T, E>", "result<$1, $2>"),
    ("tuple<..>", "tuple<$1>"),
    ("borrow<R>", "borrow<$1>"),
    ("own<R>", "own<$1>"),
    ("future<T>", "future<$1>"),
    ("stream<T>", "stream<$1>"),
    ("map<K, V>", "map<$1, $2>"),
];

impl Analysis {
    pub fn completions(&self, pos: FilePosition<'_>) -> Cancellable<Vec<CompletionItem>> {
        self.catch(|db| {
            let Some(&file) = self.files.get(pos.path) else {
                return Vec::new();
            };
            let text = file.text(db);
            let offset = pos.offset.min(TextSize::of(&**text));
            let start = word_start(text, offset);
            let range = TextRange::new(start, offset);
            let tree = parse(db, file).syntax_node();
            let context = context(&tree, text, start);
            let root = self.locate(db, pos.path).map(|(r, _)| r);
            let mut cx = Completer {
                db,
                root,
                file,
                tree: &tree,
                at: start,
                range,
                out: Vec::new(),
            };
            cx.complete(&context);
            let typed = &text[range];
            cx.out.retain(|i| {
                typed.is_empty() || i.label.starts_with(typed) || word_match(&i.label, typed)
            });
            cx.out
        })
    }
}

/// Whether a word of the label (words split at `-`, ` `, `:`, `/`, `@`) starts with what
/// is typed: `stream` finds `input-stream`.
fn word_match(label: &str, typed: &str) -> bool {
    label
        .split(['-', ' ', ':', '/', '@'])
        .any(|w| w.starts_with(typed))
}

/// Where the word being typed at `offset` starts.
fn word_start(text: &str, offset: TextSize) -> TextSize {
    let before = &text[..usize::from(offset)];
    let len = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '%')
        .count();
    offset - TextSize::new(len as u32)
}

/// The last non-trivia token that ends at or before `offset`.
fn token_before(tree: &SyntaxNode, offset: TextSize) -> Option<SyntaxToken> {
    if offset == TextSize::new(0) {
        return None;
    }
    let mut token = tree.token_at_offset(offset).left_biased()?;
    if token.text_range().start() >= offset {
        token = token.prev_token()?;
    }
    while token.kind().is_trivia() || token.kind() == EOF {
        token = token.prev_token()?;
    }
    Some(token)
}

fn context(tree: &SyntaxNode, text: &str, at: TextSize) -> Context {
    let Some(prev) = token_before(tree, at) else {
        return Context::TopItem;
    };
    let parent = prev.parent();
    let parent_kind = parent.as_ref().map(SyntaxNode::kind);
    let in_kind = |k: SyntaxKind| prev.parent_ancestors().any(|n| n.kind() == k);
    // Inside an attribute's parentheses nothing is completed.
    if parent_kind == Some(ATTRIBUTE) && prev.kind() != R_PAREN {
        return if prev.kind() == AT {
            Context::Attribute
        } else {
            Context::Nothing
        };
    }
    if prev.kind() == AT {
        return Context::Attribute;
    }
    // `use path.{a, |`
    if matches!(prev.kind(), L_CURLY | COMMA) && in_kind(USE_NAME_LIST) {
        let use_node = prev.parent_ancestors().find(|n| n.kind() == USE);
        if let Some(path) = use_node.and_then(|u| u.children().find(|c| c.kind() == USE_PATH)) {
            return Context::UseNames { path };
        }
    }
    // A path being written: after the keyword, or inside `ns:pkg/`.
    let path_keyword = |t: &SyntaxToken| -> Option<(bool, bool)> {
        match t.kind() {
            USE_KW => {
                let top = t.parent().is_some_and(|p| p.kind() == TOP_USE)
                    || !t
                        .parent_ancestors()
                        .any(|n| matches!(n.kind(), INTERFACE_BODY | WORLD_BODY));
                Some((true, top))
            }
            IMPORT_KW | EXPORT_KW => Some((true, false)),
            INCLUDE_KW => Some((false, true)),
            _ => None,
        }
    };
    if let Some((interfaces, worlds)) = path_keyword(&prev) {
        return Context::Path {
            prefix: String::new(),
            interfaces,
            worlds,
        };
    }
    if matches!(
        prev.kind(),
        COLON | SLASH | IDENT | AT | VERSION_NUMBER | DOT
    ) && (in_kind(USE_PATH) || in_kind(PACKAGE_NAME) || parent_kind == Some(ERROR))
        && !in_kind(PACKAGE_DECL)
    {
        // Walk back to the keyword that starts the path.
        let mut t = prev.clone();
        while let Some(p) = t.prev_token() {
            if let Some((interfaces, worlds)) = path_keyword(&p) {
                let start = p.text_range().end();
                let prefix = text[usize::from(start)..usize::from(at)].trim().to_string();
                if prefix.contains('.') {
                    break;
                }
                return Context::Path {
                    prefix,
                    interfaces,
                    worlds,
                };
            }
            if matches!(p.kind(), SEMICOLON | L_CURLY | R_CURLY) {
                break;
            }
            t = p;
        }
    }
    // `import name: |`
    if prev.kind() == COLON && extern_keyword_before(&prev).is_some() {
        return Context::ExternType;
    }
    // A type position.
    let type_position = match prev.kind() {
        COLON => matches!(parent_kind, Some(FIELD | PARAM)),
        ARROW | L_ANGLE => true,
        EQ => parent_kind == Some(TYPE_ALIAS),
        COMMA => prev
            .parent_ancestors()
            .next()
            .is_some_and(|n| n.kind().is_type()),
        L_PAREN => parent_kind == Some(VARIANT_CASE),
        _ => false,
    };
    if type_position {
        let resources_only = prev.kind() == L_ANGLE && parent_kind == Some(HANDLE_TYPE);
        return Context::Type { resources_only };
    }
    // `name: |` in an interface or resource: a function.
    if prev.kind() == COLON && matches!(parent_kind, Some(FUNC) | Some(ERROR)) {
        return Context::FuncType {
            in_resource: in_kind(RESOURCE_BODY),
        };
    }
    let item_start = matches!(prev.kind(), L_CURLY | SEMICOLON | R_CURLY | R_PAREN)
        && (prev.kind() != R_PAREN || parent_kind == Some(ATTRIBUTE));
    if !item_start {
        return Context::Nothing;
    }
    // The container the next item goes in: where the `{` opens, or what holds the item
    // that just ended (or that the attribute starts).
    let container = if prev.kind() == L_CURLY {
        parent.clone()
    } else {
        prev.parent_ancestors()
            .find(|n| is_item(n.kind()))
            .and_then(|item| item.parent())
    };
    match container.map(|c| c.kind()) {
        Some(INTERFACE_BODY | INTERFACE | INLINE_INTERFACE) => Context::InterfaceItem,
        Some(WORLD_BODY | WORLD) => Context::WorldItem,
        Some(RESOURCE_BODY | RESOURCE) => Context::ResourceItem,
        Some(SOURCE_FILE | NESTED_PACKAGE) => Context::TopItem,
        _ => Context::Nothing,
    }
}

/// An item, or what the parser made of an unfinished one.
fn is_item(kind: SyntaxKind) -> bool {
    kind.is_item() || kind == ERROR
}

/// For `import name:` and `export name:`, the keyword.
fn extern_keyword_before(colon: &SyntaxToken) -> Option<SyntaxToken> {
    let name = colon
        .prev_token()
        .filter(|t| !t.kind().is_trivia())
        .or_else(|| {
            let mut t = colon.prev_token()?;
            while t.kind().is_trivia() {
                t = t.prev_token()?;
            }
            Some(t)
        })?;
    let mut t = name.prev_token()?;
    while t.kind().is_trivia() {
        t = t.prev_token()?;
    }
    matches!(t.kind(), IMPORT_KW | EXPORT_KW).then_some(t)
}

struct Completer<'a> {
    db: &'a dyn salsa::Database,
    root: Option<Root>,
    file: File,
    tree: &'a SyntaxNode,
    at: TextSize,
    range: TextRange,
    out: Vec<CompletionItem>,
}

impl Completer<'_> {
    fn push(
        &mut self,
        label: &str,
        kind: CompletionKind,
        insert: &str,
        detail: Option<String>,
        documentation: Option<String>,
    ) {
        let plain = match kind {
            // `list<$1>` without snippets is `list`: the `<` comes next, typed.
            CompletionKind::BuiltinType => label.split('<').next().unwrap_or(label).to_string(),
            _ => plain_text(insert),
        };
        self.out.push(CompletionItem {
            label: label.to_string(),
            kind,
            detail,
            documentation,
            insert: insert.to_string(),
            is_snippet: insert.contains('$'),
            plain,
            range: self.range,
        });
    }

    fn snippets(&mut self, list: &[(&str, &str, &str)]) {
        for (label, body, doc) in list {
            self.push(
                label,
                CompletionKind::Snippet,
                body,
                Some(doc.to_string()),
                None,
            );
        }
    }

    fn complete(&mut self, context: &Context) {
        match context {
            Context::TopItem => {
                self.snippets(TOP_SNIPPETS);
                self.gates();
            }
            Context::InterfaceItem => {
                self.snippets(TYPE_SNIPPETS);
                self.push(
                    "func",
                    CompletionKind::Snippet,
                    "${1:name}: func(${2}) -> ${3:u32};",
                    Some("a function".to_string()),
                    None,
                );
                self.gates();
            }
            Context::WorldItem => {
                self.snippets(&[
                    (
                        "import",
                        "import ${1:iface};",
                        "something the component needs",
                    ),
                    (
                        "export",
                        "export ${1:iface};",
                        "something the component provides",
                    ),
                    (
                        "include",
                        "include ${1:world};",
                        "everything another world imports and exports",
                    ),
                    (
                        "import func",
                        "import ${1:name}: func($2)$3;",
                        "a function the component needs",
                    ),
                    (
                        "export func",
                        "export ${1:name}: func($2)$3;",
                        "a function the component provides",
                    ),
                    (
                        "import interface",
                        "import ${1:name}: interface {\n\t$0\n}",
                        "an interface written in place",
                    ),
                    (
                        "export interface",
                        "export ${1:name}: interface {\n\t$0\n}",
                        "an interface written in place",
                    ),
                ]);
                self.snippets(TYPE_SNIPPETS);
                self.gates();
            }
            Context::ResourceItem => {
                self.snippets(RESOURCE_SNIPPETS);
                self.gates();
            }
            Context::FuncType { in_resource } => {
                self.snippets(FUNC_SNIPPETS);
                if *in_resource {
                    self.snippets(&[("static func", "static func($1)$2;", "")]);
                }
            }
            Context::ExternType => {
                self.snippets(FUNC_SNIPPETS);
                self.snippets(&[("interface", "interface {\n\t$0\n}", "")]);
                self.paths("", true, false);
            }
            Context::Type { resources_only } => self.types(*resources_only),
            Context::Path {
                prefix,
                interfaces,
                worlds,
            } => self.paths(prefix, *interfaces, *worlds),
            Context::UseNames { path } => self.use_names(path),
            Context::Attribute => {
                for (label, insert, doc) in [
                    (
                        "since",
                        "since(version = ${1:0.1.0})",
                        "the version that added the item",
                    ),
                    (
                        "unstable",
                        "unstable(feature = ${1:name})",
                        "hidden unless the feature is enabled",
                    ),
                    (
                        "deprecated",
                        "deprecated(version = ${1:0.1.0})",
                        "the version that deprecated the item",
                    ),
                ] {
                    self.push(
                        label,
                        CompletionKind::Attribute,
                        insert,
                        Some(doc.to_string()),
                        None,
                    );
                }
            }
            Context::Nothing => {}
        }
    }

    fn gates(&mut self) {
        for (label, insert) in [
            ("@since", "@since(version = ${1:0.1.0})"),
            ("@unstable", "@unstable(feature = ${1:name})"),
            ("@deprecated", "@deprecated(version = ${1:0.1.0})"),
        ] {
            self.push(label, CompletionKind::Attribute, insert, None, None);
        }
    }

    /// Types: the names defined or `use`d in the interface or world around the cursor
    /// (what the author most likely means), then the built-in ones.
    fn types(&mut self, resources_only: bool) {
        self.own_types(resources_only);
        if !resources_only {
            for (label, insert) in BUILTIN_TYPES {
                self.push(label, CompletionKind::BuiltinType, insert, None, None);
            }
        }
    }

    /// The types defined or `use`d in the interface or world around the cursor.
    fn own_types(&mut self, resources_only: bool) {
        let token = self.tree.token_at_offset(self.at).left_biased();
        let Some(container) = token.and_then(|t| {
            t.parent_ancestors()
                .find(|n| matches!(n.kind(), INTERFACE_BODY | WORLD_BODY))
        }) else {
            return;
        };
        let index = self.root.map(|r| file_index(self.db, r, self.file));
        for item in container.children() {
            match item.kind() {
                TYPE_ALIAS | RECORD | VARIANT | ENUM | FLAGS | RESOURCE => {
                    let Some(name) = item.children().find(|c| c.kind() == NAME) else {
                        continue;
                    };
                    let kind = match item.kind() {
                        TYPE_ALIAS => DefKind::TypeAlias,
                        RECORD => DefKind::Record,
                        VARIANT => DefKind::Variant,
                        ENUM => DefKind::Enum,
                        FLAGS => DefKind::Flags,
                        _ => DefKind::Resource,
                    };
                    if resources_only && kind != DefKind::Resource && kind != DefKind::TypeAlias {
                        continue;
                    }
                    let label = name.text().to_string();
                    self.push(
                        &label,
                        CompletionKind::Def(kind),
                        &label,
                        Some(kind.describe().to_string()),
                        docs(&item),
                    );
                }
                USE => {
                    for use_name in item.descendants().filter(|n| n.kind() == USE_NAME) {
                        let local = use_name
                            .children()
                            .find(|c| c.kind() == NAME)
                            .or_else(|| use_name.children().find(|c| c.kind() == NAME_REF));
                        let Some(local) = local else { continue };
                        let original = use_name.children().find(|c| c.kind() == NAME_REF);
                        let target = original.zip(index.as_ref()).and_then(|(o, index)| {
                            let range = o.text_range();
                            let def = index.refs.iter().find(|(r, _)| *r == range)?.1.clone();
                            self.describe_def(&def)
                        });
                        let (kind, doc) = target.unwrap_or((DefKind::TypeAlias, None));
                        if resources_only && kind != DefKind::Resource && kind != DefKind::TypeAlias
                        {
                            continue;
                        }
                        let label = local.text().to_string();
                        self.push(
                            &label,
                            CompletionKind::Def(kind),
                            &label,
                            Some(format!("{} (used)", kind.describe())),
                            doc,
                        );
                    }
                }
                _ => {}
            }
        }
    }

    /// The kind and docs of a definition.
    fn describe_def(&self, def: &Def) -> Option<(DefKind, Option<String>)> {
        let root = self.root?;
        let (file, site) = find_def(self.db, root, def)?;
        let tree = parse(self.db, file).syntax_node();
        let node = def_node(&tree, site.name)?;
        Some((site.kind, docs(&node)))
    }

    /// Interfaces (and worlds) for a path: this package's by name, other packages' as
    /// `ns:pkg/name@version`; after `ns:pkg/`, that package's items.
    fn paths(&mut self, prefix: &str, interfaces: bool, worlds: bool) {
        let Some(root) = self.root else { return };
        let graph = package_graph(self.db, root);
        let items = package_items(self.db, root);
        let here = graph.owner(self.file, crate::hir::DeclListId::Top);
        let wanted = |k: ItemKind| match k {
            ItemKind::Interface => interfaces,
            ItemKind::World => worlds,
        };
        let typed_package = prefix.split_once('/').map(|(p, _)| p.to_string());
        for pkg in graph.ids() {
            let package = graph.package(pkg);
            let Some(names) = items.per_pkg.get(pkg.0 as usize) else {
                continue;
            };
            let full = package.name.unversioned();
            let version = package
                .name
                .version
                .as_ref()
                .map(|v| format!("@{v}"))
                .unwrap_or_default();
            for (name, def) in names {
                if !wanted(def.kind) {
                    continue;
                }
                let id = ItemId {
                    pkg,
                    name: name.clone(),
                };
                let doc = self.describe_def(&Def::Item(id)).and_then(|(_, d)| d);
                let kind = CompletionKind::Def(match def.kind {
                    ItemKind::Interface => DefKind::Interface,
                    ItemKind::World => DefKind::World,
                });
                let detail = Some(format!("{} in {}", def.kind.as_str(), package.name));
                match &typed_package {
                    // After `ns:pkg/`, only that package's items, completed from there.
                    Some(typed) => {
                        if *typed == full {
                            let label = format!("{name}{version}");
                            self.push(&label, kind, &label, detail, doc);
                        }
                    }
                    None if Some(pkg) == here => self.push(name, kind, name, detail, doc),
                    None => {
                        let label = format!("{full}/{name}{version}");
                        self.push(&label, kind, &label, detail, doc);
                    }
                }
            }
        }
    }

    /// The types an interface named by a `use` path offers.
    fn use_names(&mut self, path: &SyntaxNode) {
        let Some(root) = self.root else { return };
        let index = file_index(self.db, root, self.file);
        let Some(name_ref) = path.children().find(|c| c.kind() == NAME_REF) else {
            return;
        };
        let range = name_ref.text_range();
        let Some((_, Def::Item(iface))) = index.refs.iter().find(|(r, _)| *r == range) else {
            return;
        };
        let scope = interface_scope(self.db, root, iface.clone());
        let already: Vec<String> = path
            .parent()
            .into_iter()
            .flat_map(|u| {
                u.descendants()
                    .filter(|n| n.kind() == USE_NAME)
                    .collect::<Vec<_>>()
            })
            .filter_map(|n| n.children().find(|c| c.kind() == NAME_REF))
            .map(|n| n.text().to_string())
            .collect();
        for (name, entry) in &scope.entries {
            if !matches!(entry, ScopeEntry::Type { .. }) || already.iter().any(|a| **a == **name) {
                continue;
            }
            let def = Def::Type {
                owner: crate::semantics::Owner::Interface(iface.clone()),
                name: name.clone(),
            };
            let (kind, doc) = self
                .describe_def(&def)
                .unwrap_or((DefKind::TypeAlias, None));
            self.push(
                name,
                CompletionKind::Def(kind),
                name,
                Some(kind.describe().to_string()),
                doc,
            );
        }
    }
}

/// A snippet as plain text: tab stops dropped, their placeholders' text kept
/// (`record ${1:name} {}` is `record name {}`).
fn plain_text(snippet: &str) -> String {
    let mut out = String::new();
    let mut chars = snippet.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '$' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'{') {
            chars.next();
            let inner: String = chars.by_ref().take_while(|c| *c != '}').collect();
            out.push_str(inner.split_once(':').map_or("", |(_, t)| t));
        } else {
            while chars.peek().is_some_and(|c| c.is_ascii_digit()) {
                chars.next();
            }
        }
    }
    out
}
