//! Lowering a file's syntax tree into its item tree, and recording where each element is.
//! Elements the parser could not complete (no name, no type) are left out: the syntax error
//! already says what is wrong, and half an item would only cause noise.
//!
//! The walk is over the green tree (see `green`), in the order the typed AST would give.

use witty_syntax::{GreenNode, SyntaxKind::*, TextRange};

use super::green::{Elem, Node, Token};
use super::items::*;
use witty_syntax::SyntaxKind;

/// Where each `SpanId` of a file is: per item, its elements' ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanMap {
    ranges: Vec<Vec<TextRange>>,
}

impl SpanMap {
    pub fn range(&self, id: SpanId) -> TextRange {
        self.ranges
            .get(id.item as usize)
            .and_then(|item| item.get(id.local as usize))
            .copied()
            .unwrap_or_default()
    }

    /// The element whose span contains `offset` most tightly, if any.
    pub fn find(&self, offset: witty_syntax::TextSize) -> Option<SpanId> {
        self.ranges
            .iter()
            .enumerate()
            .flat_map(|(item, ranges)| {
                ranges.iter().enumerate().map(move |(local, r)| {
                    let id = SpanId {
                        item: item as u32,
                        local: local as u32,
                    };
                    (id, *r)
                })
            })
            .filter(|(_, r)| r.contains_inclusive(offset))
            .min_by_key(|(_, r)| r.len())
            .map(|(id, _)| id)
    }

    pub fn len(&self) -> usize {
        self.ranges.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

pub fn lower(green: &GreenNode) -> (ItemTree, SpanMap) {
    let root = Node::root(green);
    let mut cx = Lower::default();
    let mut tree = ItemTree::default();
    let mut nested = Vec::new();
    let mut header_seen = false;
    for node in root.nodes() {
        match node.kind() {
            PACKAGE_DECL if !header_seen => {
                header_seen = true;
                tree.header = cx.header(root, node);
            }
            NESTED_PACKAGE => nested.push(node),
            _ => {
                if let Some(item) = cx.top_item(node) {
                    tree.top.items.push(item);
                }
            }
        }
    }
    for p in nested {
        if let Some(pkg) = cx.nested_package(p) {
            tree.nested.push(pkg);
        }
    }
    (tree, SpanMap { ranges: cx.spans })
}

struct Lower {
    /// Per item (the header first), the ranges of its elements.
    spans: Vec<Vec<TextRange>>,
    /// The file's names, each allocated once however often it is written.
    names: std::collections::HashSet<Name>,
}

impl Default for Lower {
    fn default() -> Lower {
        Lower {
            spans: vec![Vec::new()],
            names: Default::default(),
        }
    }
}

/// A name's text as WIT means it (without the `%` that escapes keywords).
fn name_text(token: Token<'_>) -> &str {
    token.text.strip_prefix('%').unwrap_or(token.text)
}

impl Lower {
    fn span(&mut self, range: TextRange) -> SpanId {
        let item = self.spans.len() - 1;
        let ranges = &mut self.spans[item];
        ranges.push(range);
        SpanId {
            item: item as u32,
            local: ranges.len() as u32 - 1,
        }
    }

    fn intern(&mut self, text: &str) -> Name {
        if let Some(name) = self.names.get(text) {
            return name.clone();
        }
        let name: Name = text.into();
        self.names.insert(name.clone());
        name
    }

    /// The elements met from now on belong to a new item.
    fn next_item(&mut self) {
        self.spans.push(Vec::new());
    }

    /// The `NAME` (or `NAME_REF`) child of `node`, as an identifier.
    fn ident(&mut self, node: Node<'_>, kind: SyntaxKind) -> Option<Ident> {
        let name = node.child(kind)?;
        self.name_node(name)
    }

    fn name_node(&mut self, name: Node<'_>) -> Option<Ident> {
        let token = name.first_token()?;
        let text = name_text(token);
        if text.is_empty() {
            return None;
        }
        Some(Ident {
            name: self.intern(text),
            span: self.span(token.range),
        })
    }

    fn header(&mut self, root: Node<'_>, decl: Node<'_>) -> Option<PackageHeader> {
        let (name, span) = self.package_name(decl)?;
        // wit-parser takes every comment above the `package` line as its documentation.
        let mut docs = None;
        'scan: for e in root.elems() {
            match e {
                Elem::Token(t) if t.kind.is_comment() => {
                    docs = Some(t.range);
                    break;
                }
                Elem::Node(n) if n.range() == decl.range() => {
                    for e in n.elems() {
                        match e {
                            Elem::Token(t) if t.kind.is_comment() => {
                                docs = Some(t.range);
                                break 'scan;
                            }
                            Elem::Token(t) if t.kind.is_trivia() => {}
                            _ => break 'scan,
                        }
                    }
                    break;
                }
                _ => {}
            }
        }
        let docs_span = docs.map(|r| self.span(r));
        Some(PackageHeader {
            name,
            span,
            has_docs: docs_span.is_some(),
            docs_span,
        })
    }

    /// `ns:name` of a `PACKAGE_NAME` child, with the version of a `VERSION` child of `node`.
    fn package_name(&mut self, node: Node<'_>) -> Option<(PackageName, SpanId)> {
        let name = node.child(PACKAGE_NAME)?;
        let (namespace, pkg) = package_parts(name)?;
        let mut range = name.range();
        let version = match node.child(VERSION) {
            Some(v) => {
                range = range.cover(v.range());
                Some(semver::Version::parse(v.text().trim()).ok()?)
            }
            None => None,
        };
        let span = self.span(range);
        Some((
            PackageName {
                namespace,
                name: pkg,
                version,
            },
            span,
        ))
    }

    fn nested_package(&mut self, p: Node<'_>) -> Option<NestedPackage> {
        self.next_item();
        let (name, span) = self.package_name(p)?;
        let mut items = DeclList::default();
        let mut nested_spans = Vec::new();
        for node in p.nodes() {
            if node.kind() == NESTED_PACKAGE {
                if let Some(n) = node.child(PACKAGE_NAME) {
                    self.next_item();
                    nested_spans.push(self.span(n.range()));
                }
            } else if let Some(item) = self.top_item(node) {
                items.items.push(item);
            }
        }
        Some(NestedPackage {
            name,
            span,
            items,
            nested_spans,
        })
    }

    fn top_item(&mut self, node: Node<'_>) -> Option<TopItem> {
        self.next_item();
        match node.kind() {
            INTERFACE => {
                let attrs = self.attrs(node);
                let name = self.ident(node, NAME)?;
                let members = match node.child(INTERFACE_BODY) {
                    Some(body) => self.members(body),
                    None => Vec::new(),
                };
                Some(TopItem::Interface(Interface {
                    name,
                    attrs,
                    members,
                }))
            }
            WORLD => {
                let attrs = self.attrs(node);
                let name = self.ident(node, NAME)?;
                let members = match node.child(WORLD_BODY) {
                    Some(body) => body.nodes().filter_map(|m| self.world_member(m)).collect(),
                    None => Vec::new(),
                };
                Some(TopItem::World(World {
                    name,
                    attrs,
                    members,
                }))
            }
            TOP_USE => {
                let attrs = self.attrs(node);
                let keyword = node.token(USE_KW)?;
                let span = self.span(keyword.range);
                let path = self.use_path(node.child(USE_PATH)?)?;
                let alias = match node.child(NAME) {
                    Some(a) => Some(self.name_node(a)?),
                    None => None,
                };
                Some(TopItem::Use(TopUse {
                    attrs,
                    path,
                    alias,
                    span,
                }))
            }
            _ => None,
        }
    }

    fn attrs(&mut self, node: Node<'_>) -> Attrs {
        let mut attrs = Attrs::default();
        for attr in node.children(ATTRIBUTE) {
            let tokens: Vec<Token<'_>> = attr.tokens().collect();
            let Some(name) = tokens.get(1).filter(|t| t.kind == IDENT) else {
                continue;
            };
            let version = || {
                attr.child(VERSION)
                    .and_then(|v| semver::Version::parse(v.text().trim()).ok())
            };
            match name.text {
                "since" => {
                    if let Some(v) = version() {
                        let span = self.span(name.range);
                        attrs.lists_mut().since.push((v, span));
                    }
                }
                "deprecated" => {
                    if let Some(v) = version() {
                        let span = self.span(name.range);
                        attrs.lists_mut().deprecated.push((v, span));
                    }
                }
                "unstable" => {
                    let eq = tokens.iter().position(|t| t.kind == SyntaxKind::EQ);
                    let feature = eq
                        .and_then(|i| tokens.get(i + 1))
                        .filter(|t| t.kind == IDENT);
                    if let Some(f) = feature {
                        let span = self.span(name.range);
                        attrs
                            .lists_mut()
                            .unstable
                            .push((name_text(*f).to_string(), span));
                    }
                }
                "external-id" => {
                    if let Some(s) = tokens.iter().find(|t| t.kind == STRING) {
                        let span = self.span(name.range);
                        attrs.lists_mut().external_id.push((unquote(s.text), span));
                    }
                }
                _ => {}
            }
        }
        attrs
    }

    fn use_path(&mut self, path: Node<'_>) -> Option<UsePath> {
        let name = self.ident(path, NAME_REF)?;
        match path.child(PACKAGE_NAME) {
            None => Some(UsePath::Local(name)),
            Some(pkg) => {
                let (namespace, pkg_name) = package_parts(pkg)?;
                let version = match path.child(VERSION) {
                    Some(v) => Some(semver::Version::parse(v.text().trim()).ok()?),
                    None => None,
                };
                let package_span = self.span(pkg.range());
                Some(UsePath::Package {
                    package: PackageName {
                        namespace,
                        name: pkg_name,
                        version,
                    },
                    package_span,
                    name,
                })
            }
        }
    }

    fn members(&mut self, body: Node<'_>) -> Vec<Member> {
        let mut out = Vec::new();
        for node in body.nodes() {
            let member = match node.kind() {
                USE => self.use_(node).map(Member::Use),
                FUNC => self.func(node).map(Member::Func),
                TYPE_ALIAS | RECORD | FLAGS | VARIANT | ENUM | RESOURCE => {
                    self.type_def(node).map(Member::Type)
                }
                _ => None,
            };
            out.extend(member);
        }
        out
    }

    fn world_member(&mut self, node: Node<'_>) -> Option<WorldMember> {
        Some(match node.kind() {
            IMPORT => {
                let attrs = self.attrs(node);
                WorldMember::Import(Extern {
                    attrs,
                    kind: self.extern_kind(node)?,
                })
            }
            EXPORT => {
                let attrs = self.attrs(node);
                WorldMember::Export(Extern {
                    attrs,
                    kind: self.extern_kind(node)?,
                })
            }
            USE => WorldMember::Use(self.use_(node)?),
            INCLUDE => {
                let attrs = self.attrs(node);
                let path = self.use_path(node.child(USE_PATH)?)?;
                let mut names = Vec::new();
                if let Some(list) = node.child(INCLUDE_NAME_LIST) {
                    for n in list.children(INCLUDE_NAME) {
                        let (Some(from), Some(to)) = (self.ident(n, NAME_REF), self.ident(n, NAME))
                        else {
                            continue;
                        };
                        names.push((from, to));
                    }
                }
                WorldMember::Include(Include { attrs, path, names })
            }
            TYPE_ALIAS | RECORD | FLAGS | VARIANT | ENUM | RESOURCE => {
                WorldMember::Type(self.type_def(node)?)
            }
            _ => return None,
        })
    }

    fn extern_kind(&mut self, node: Node<'_>) -> Option<ExternKind> {
        if let Some(f) = node.child(FUNC) {
            return Some(ExternKind::Func(self.func(f)?));
        }
        if let Some(i) = node.child(INLINE_INTERFACE) {
            let name = self.ident(i, NAME)?;
            let members = match i.child(INTERFACE_BODY) {
                Some(body) => self.members(body),
                None => Vec::new(),
            };
            return Some(ExternKind::Interface { name, members });
        }
        let label = match node.child(NAME) {
            Some(l) => Some(self.name_node(l)?),
            None => None,
        };
        let path = self.use_path(node.child(USE_PATH)?)?;
        Some(match label {
            Some(label) => ExternKind::NamedPath { label, path },
            None => ExternKind::Path(path),
        })
    }

    fn use_(&mut self, node: Node<'_>) -> Option<Use> {
        let attrs = self.attrs(node);
        let path = self.use_path(node.child(USE_PATH)?)?;
        let mut names = Vec::new();
        if let Some(list) = node.child(USE_NAME_LIST) {
            for n in list.children(USE_NAME) {
                let Some(name) = self.ident(n, NAME_REF) else {
                    continue;
                };
                let alias = match n.child(NAME) {
                    Some(a) => match self.name_node(a) {
                        Some(a) => Some(a),
                        None => continue,
                    },
                    None => None,
                };
                names.push(UseName { name, alias });
            }
        }
        Some(Use { attrs, path, names })
    }

    fn type_def(&mut self, node: Node<'_>) -> Option<TypeDef> {
        let attrs = self.attrs(node);
        let name = self.ident(node, NAME)?;
        let kind = match node.kind() {
            TYPE_ALIAS => TypeDefKind::Alias(self.ty(type_child(node))),
            RECORD => {
                let mut fields = Vec::new();
                if let Some(body) = node.child(RECORD_BODY) {
                    for f in body.children(FIELD) {
                        let Some(name) = self.ident(f, NAME) else {
                            continue;
                        };
                        let ty = self.ty(type_child(f));
                        fields.push(Field { name, ty });
                    }
                }
                TypeDefKind::Record(fields)
            }
            FLAGS => {
                let mut flags = Vec::new();
                if let Some(body) = node.child(FLAGS_BODY) {
                    for f in body.children(FLAG) {
                        flags.extend(self.ident(f, NAME));
                    }
                }
                TypeDefKind::Flags(flags)
            }
            VARIANT => {
                let mut cases = Vec::new();
                if let Some(body) = node.child(VARIANT_BODY) {
                    for c in body.children(VARIANT_CASE) {
                        let Some(name) = self.ident(c, NAME) else {
                            continue;
                        };
                        let ty = type_child(c).map(|t| self.ty(Some(t)));
                        cases.push(Case { name, ty });
                    }
                }
                TypeDefKind::Variant(cases)
            }
            ENUM => {
                let mut cases = Vec::new();
                if let Some(body) = node.child(ENUM_BODY) {
                    for c in body.children(ENUM_CASE) {
                        cases.extend(self.ident(c, NAME));
                    }
                }
                TypeDefKind::Enum(cases)
            }
            RESOURCE => {
                let mut funcs = Vec::new();
                if let Some(body) = node.child(RESOURCE_BODY) {
                    for m in body.nodes() {
                        match m.kind() {
                            CONSTRUCTOR => {
                                let attrs = self.attrs(m);
                                let Some(keyword) = m.token(CONSTRUCTOR_KW) else {
                                    continue;
                                };
                                let span = self.span(keyword.range);
                                let params = self.params(m.child(PARAM_LIST));
                                let result = m.child(RET_TYPE).map(|r| self.ty(type_child(r)));
                                let name = Ident {
                                    name: "constructor".into(),
                                    span,
                                };
                                funcs.push(ResourceFunc {
                                    kind: ResourceFuncKind::Constructor,
                                    func: Func {
                                        attrs,
                                        name,
                                        is_async: false,
                                        accessor: None,
                                        params,
                                        result,
                                        span,
                                    },
                                });
                            }
                            FUNC => {
                                let kind = if m.token(STATIC_KW).is_some() {
                                    ResourceFuncKind::Static
                                } else {
                                    ResourceFuncKind::Method
                                };
                                if let Some(func) = self.func(m) {
                                    funcs.push(ResourceFunc { kind, func });
                                }
                            }
                            _ => {}
                        }
                    }
                }
                TypeDefKind::Resource(funcs)
            }
            _ => return None,
        };
        Some(TypeDef { attrs, name, kind })
    }

    fn func(&mut self, node: Node<'_>) -> Option<Func> {
        let attrs = self.attrs(node);
        let name = self.ident(node, NAME)?;
        let ft = node.child(FUNC_TYPE)?;
        let keyword = [FUNC_KW, GET_KW, SET_KW]
            .into_iter()
            .find_map(|k| ft.token(k))?;
        let span = self.span(keyword.range);
        let accessor = match keyword.kind {
            GET_KW => Some(Accessor::Getter),
            SET_KW => Some(Accessor::Setter),
            _ => None,
        };
        let params = self.params(ft.child(PARAM_LIST));
        let result = ft.child(RET_TYPE).map(|r| self.ty(type_child(r)));
        let is_async = ft.token(ASYNC_KW).is_some();
        Some(Func {
            attrs,
            name,
            is_async,
            accessor,
            params,
            result,
            span,
        })
    }

    fn params(&mut self, list: Option<Node<'_>>) -> Vec<(Ident, TypeRef)> {
        let Some(list) = list else { return Vec::new() };
        let mut out = Vec::new();
        for p in list.children(PARAM) {
            let Some(name) = self.ident(p, NAME) else {
                continue;
            };
            let ty = self.ty(type_child(p));
            out.push((name, ty));
        }
        out
    }

    fn ty(&mut self, ty: Option<Node<'_>>) -> TypeRef {
        let Some(ty) = ty else {
            return TypeRef {
                kind: TypeRefKind::Error,
                span: SpanId::NONE,
            };
        };
        let span = match ty.first_token() {
            Some(t) => self.span(t.range),
            None => self.span(ty.range()),
        };
        let kind = match ty.kind() {
            PRIMITIVE_TYPE => match ty.first_token().and_then(|t| primitive(t.kind)) {
                Some(p) => TypeRefKind::Primitive(p),
                None => TypeRefKind::Error,
            },
            NAMED_TYPE => match ty.child(NAME_REF).and_then(|n| n.first_token()) {
                Some(t) if !name_text(t).is_empty() => {
                    TypeRefKind::Named(self.intern(name_text(t)))
                }
                _ => TypeRefKind::Error,
            },
            LIST_TYPE => {
                let elem = Box::new(self.ty(type_child(ty)));
                match ty.token(INTEGER) {
                    Some(len) => match len.text.parse() {
                        Ok(n) => TypeRefKind::FixedList(elem, n),
                        Err(_) => TypeRefKind::Error,
                    },
                    None => TypeRefKind::List(elem),
                }
            }
            MAP_TYPE => {
                let mut types = type_children(ty);
                let key = Box::new(self.ty(types.next()));
                let value = Box::new(self.ty(types.next()));
                TypeRefKind::Map(key, value)
            }
            OPTION_TYPE => TypeRefKind::Option(Box::new(self.ty(type_child(ty)))),
            RESULT_TYPE => {
                let mut types = type_children(ty);
                let ok = if ty.token(UNDERSCORE).is_some() {
                    None
                } else {
                    types.next()
                };
                let err = types.next();
                let ok = ok.map(|t| Box::new(self.ty(Some(t))));
                let err = err.map(|t| Box::new(self.ty(Some(t))));
                TypeRefKind::Result(ok, err)
            }
            TUPLE_TYPE => {
                let types: Vec<Node<'_>> = type_children(ty).collect();
                TypeRefKind::Tuple(types.into_iter().map(|t| self.ty(Some(t))).collect())
            }
            FUTURE_TYPE => TypeRefKind::Future(type_child(ty).map(|t| Box::new(self.ty(Some(t))))),
            STREAM_TYPE => TypeRefKind::Stream(type_child(ty).map(|t| Box::new(self.ty(Some(t))))),
            HANDLE_TYPE => {
                let borrow = ty.token(BORROW_KW).is_some();
                match self.ident(ty, NAME_REF) {
                    Some(id) if borrow => TypeRefKind::Borrow(id),
                    Some(id) => TypeRefKind::Own(id),
                    None => TypeRefKind::Error,
                }
            }
            _ => TypeRefKind::Error,
        };
        TypeRef { kind, span }
    }
}

fn type_child(node: Node<'_>) -> Option<Node<'_>> {
    node.nodes().find(|n| n.kind().is_type())
}

fn type_children(node: Node<'_>) -> impl Iterator<Item = Node<'_>> {
    node.nodes().filter(|n| n.kind().is_type())
}

/// `ns` and `name` of a `PACKAGE_NAME` node (without `%`).
fn package_parts(name: Node<'_>) -> Option<(String, String)> {
    let mut tokens = name.tokens();
    let first = tokens.next().filter(|t| t.kind != SyntaxKind::COLON)?;
    let second = tokens.skip_while(|t| t.kind != SyntaxKind::COLON).nth(1)?;
    Some((name_text(first).to_string(), name_text(second).to_string()))
}

fn primitive(kind: SyntaxKind) -> Option<Primitive> {
    Some(match kind {
        BOOL_KW => Primitive::Bool,
        U8_KW => Primitive::U8,
        U16_KW => Primitive::U16,
        U32_KW => Primitive::U32,
        U64_KW => Primitive::U64,
        S8_KW => Primitive::S8,
        S16_KW => Primitive::S16,
        S32_KW => Primitive::S32,
        S64_KW => Primitive::S64,
        F32_KW => Primitive::F32,
        F64_KW => Primitive::F64,
        CHAR_KW => Primitive::Char,
        STRING_KW => Primitive::String,
        ERROR_CONTEXT_KW => Primitive::ErrorContext,
        _ => return None,
    })
}

/// The value of a string literal, escapes resolved (validation already checked them).
fn unquote(text: &str) -> String {
    let inner = text.strip_prefix('"').unwrap_or(text);
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    let mut out = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('u') => {
                chars.next();
                let mut value = 0u32;
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    value = value
                        .saturating_mul(16)
                        .saturating_add(c.to_digit(16).unwrap_or(0));
                }
                out.extend(char::from_u32(value));
            }
            Some(c) if c.is_ascii_hexdigit() => {
                let hi = c.to_digit(16).unwrap_or(0);
                let lo = chars.next().and_then(|c| c.to_digit(16)).unwrap_or(0);
                out.extend(char::from_u32(hi * 16 + lo));
            }
            Some(c) => out.push(c),
            None => {}
        }
    }
    out
}
