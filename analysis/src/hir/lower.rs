//! Lowering a file's syntax tree into its item tree, and recording where each element is.
//! Elements the parser could not complete (no name, no type) are left out: the syntax error
//! already says what is wrong, and half an item would only cause noise.

use witty_syntax::ast::{self, AstNode, HasAttrs, HasName};
use witty_syntax::{SyntaxKind, SyntaxToken, TextRange};

use super::items::*;

/// Where each `SpanId` of a file is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanMap {
    ranges: Vec<TextRange>,
}

impl SpanMap {
    pub fn range(&self, id: SpanId) -> TextRange {
        self.ranges.get(id.0 as usize).copied().unwrap_or_default()
    }

    /// The element whose span contains `offset` most tightly, if any.
    pub fn find(&self, offset: witty_syntax::TextSize) -> Option<SpanId> {
        self.ranges
            .iter()
            .enumerate()
            .filter(|(_, r)| r.contains_inclusive(offset))
            .min_by_key(|(_, r)| r.len())
            .map(|(i, _)| SpanId(i as u32))
    }

    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }
}

pub fn lower(file: &ast::SourceFile) -> (ItemTree, SpanMap) {
    let mut cx = Lower::default();
    let mut tree = ItemTree::default();
    let mut nested = Vec::new();
    if let Some(decl) = file.package_decl() {
        tree.header = cx.header(file, &decl);
    }
    for item in file.items() {
        match item {
            ast::Item::NestedPackage(p) => nested.push(p),
            item => {
                if let Some(item) = cx.top_item(item) {
                    tree.top.items.push(item);
                }
            }
        }
    }
    for p in nested {
        if let Some(pkg) = cx.nested_package(&p) {
            tree.nested.push(pkg);
        }
    }
    (tree, SpanMap { ranges: cx.spans })
}

#[derive(Default)]
struct Lower {
    spans: Vec<TextRange>,
}

impl Lower {
    fn span(&mut self, range: TextRange) -> SpanId {
        self.spans.push(range);
        SpanId(self.spans.len() as u32 - 1)
    }

    fn token_span(&mut self, token: &SyntaxToken) -> SpanId {
        self.span(token.text_range())
    }

    fn ident(&mut self, name: Option<impl NameLike>) -> Option<Ident> {
        let name = name?;
        let token = name.token()?;
        if name.text().is_empty() {
            return None;
        }
        Some(Ident {
            name: name.text(),
            span: self.token_span(&token),
        })
    }

    fn header(&mut self, file: &ast::SourceFile, decl: &ast::PackageDecl) -> Option<PackageHeader> {
        let (name, span) = self.package_name(decl.package_name(), decl.version())?;
        // wit-parser takes every comment above the `package` line as its documentation.
        let keyword = decl
            .syntax()
            .children_with_tokens()
            .find(|e| e.kind() == SyntaxKind::PACKAGE_KW)?;
        let docs_token = file
            .syntax()
            .descendants_with_tokens()
            .filter_map(|e| e.into_token())
            .take_while(|t| t.text_range().start() < keyword.text_range().start())
            .find(|t| t.kind().is_comment());
        let docs_span = docs_token.map(|t| self.token_span(&t));
        Some(PackageHeader {
            name,
            span,
            has_docs: docs_span.is_some(),
            docs_span,
        })
    }

    fn package_name(
        &mut self,
        name: Option<ast::PackageName>,
        version: Option<ast::Version>,
    ) -> Option<(PackageName, SpanId)> {
        let name = name?;
        let namespace = name.namespace()?;
        let pkg = name.name()?;
        let mut range = name.syntax().text_range();
        if let Some(v) = &version {
            range = range.cover(v.syntax().text_range());
        }
        let version = match version {
            Some(v) => Some(v.value()?),
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

    fn nested_package(&mut self, p: &ast::NestedPackage) -> Option<NestedPackage> {
        let (name, span) = self.package_name(p.package_name(), p.version())?;
        let mut items = DeclList::default();
        let mut nested_spans = Vec::new();
        for item in p.items() {
            match item {
                ast::Item::NestedPackage(inner) => {
                    if let Some(n) = inner.package_name() {
                        nested_spans.push(self.span(n.syntax().text_range()));
                    }
                }
                item => {
                    if let Some(item) = self.top_item(item) {
                        items.items.push(item);
                    }
                }
            }
        }
        Some(NestedPackage {
            name,
            span,
            items,
            nested_spans,
        })
    }

    fn top_item(&mut self, item: ast::Item) -> Option<TopItem> {
        match item {
            ast::Item::Interface(i) => {
                let attrs = self.attrs(&i);
                let name = self.ident(i.name())?;
                let members = self.members(i.items());
                Some(TopItem::Interface(Interface {
                    name,
                    attrs,
                    members,
                }))
            }
            ast::Item::World(w) => {
                let attrs = self.attrs(&w);
                let name = self.ident(w.name())?;
                let members = w.items().filter_map(|m| self.world_member(m)).collect();
                Some(TopItem::World(World {
                    name,
                    attrs,
                    members,
                }))
            }
            ast::Item::TopUse(u) => {
                let attrs = self.attrs(&u);
                let keyword = u
                    .syntax()
                    .children_with_tokens()
                    .find(|e| e.kind() == SyntaxKind::USE_KW)?;
                let span = self.span(keyword.text_range());
                let path = self.use_path(u.use_path()?)?;
                let alias = match u.alias() {
                    Some(a) => Some(self.ident(Some(a))?),
                    None => None,
                };
                Some(TopItem::Use(TopUse {
                    attrs,
                    path,
                    alias,
                    span,
                }))
            }
            ast::Item::NestedPackage(_) => None,
        }
    }

    fn attrs(&mut self, node: &impl HasAttrs) -> Attrs {
        let mut attrs = Attrs::default();
        for attr in node.attributes() {
            let Some(name) = attr.name_token() else {
                continue;
            };
            let Some(kind) = attr.kind() else { continue };
            let span = self.token_span(&name);
            match kind {
                ast::AttributeKind::Since(v) => {
                    if let Some(v) = v.value() {
                        attrs.since.push((v, span));
                    }
                }
                ast::AttributeKind::Deprecated(v) => {
                    if let Some(v) = v.value() {
                        attrs.deprecated.push((v, span));
                    }
                }
                ast::AttributeKind::Unstable(feature) => attrs.unstable.push((feature, span)),
                ast::AttributeKind::ExternalId(s) => {
                    attrs.external_id.push((unquote(s.text()), span));
                }
            }
        }
        attrs
    }

    fn use_path(&mut self, path: ast::UsePath) -> Option<UsePath> {
        let name = self.ident(path.name_ref())?;
        match path.package() {
            None => Some(UsePath::Local(name)),
            Some(pkg) => {
                let namespace = pkg.namespace()?;
                let pkg_name = pkg.name()?;
                let version = match path.version() {
                    Some(v) => Some(v.value()?),
                    None => None,
                };
                let package_span = self.span(pkg.syntax().text_range());
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

    fn members(&mut self, items: impl Iterator<Item = ast::InterfaceItem>) -> Vec<Member> {
        let mut out = Vec::new();
        for item in items {
            let member = match item {
                ast::InterfaceItem::Use(u) => self.use_(&u).map(Member::Use),
                ast::InterfaceItem::Func(f) => self.func(&f).map(Member::Func),
                ast::InterfaceItem::TypeAlias(t) => {
                    self.type_def(ast::TypeDef::TypeAlias(t)).map(Member::Type)
                }
                ast::InterfaceItem::Record(t) => {
                    self.type_def(ast::TypeDef::Record(t)).map(Member::Type)
                }
                ast::InterfaceItem::Flags(t) => {
                    self.type_def(ast::TypeDef::Flags(t)).map(Member::Type)
                }
                ast::InterfaceItem::Variant(t) => {
                    self.type_def(ast::TypeDef::Variant(t)).map(Member::Type)
                }
                ast::InterfaceItem::Enum(t) => {
                    self.type_def(ast::TypeDef::Enum(t)).map(Member::Type)
                }
                ast::InterfaceItem::Resource(t) => {
                    self.type_def(ast::TypeDef::Resource(t)).map(Member::Type)
                }
            };
            out.extend(member);
        }
        out
    }

    fn world_member(&mut self, item: ast::WorldItem) -> Option<WorldMember> {
        Some(match item {
            ast::WorldItem::Import(i) => {
                let attrs = self.attrs(&i);
                WorldMember::Import(Extern {
                    attrs,
                    kind: self.extern_kind(i.kind()?)?,
                })
            }
            ast::WorldItem::Export(e) => {
                let attrs = self.attrs(&e);
                WorldMember::Export(Extern {
                    attrs,
                    kind: self.extern_kind(e.kind()?)?,
                })
            }
            ast::WorldItem::Use(u) => WorldMember::Use(self.use_(&u)?),
            ast::WorldItem::Include(i) => {
                let attrs = self.attrs(&i);
                let path = self.use_path(i.use_path()?)?;
                let mut names = Vec::new();
                for n in i.names() {
                    let (Some(from), Some(to)) = (self.ident(n.name_ref()), self.ident(n.alias()))
                    else {
                        continue;
                    };
                    names.push((from, to));
                }
                WorldMember::Include(Include { attrs, path, names })
            }
            ast::WorldItem::TypeAlias(t) => {
                WorldMember::Type(self.type_def(ast::TypeDef::TypeAlias(t))?)
            }
            ast::WorldItem::Record(t) => WorldMember::Type(self.type_def(ast::TypeDef::Record(t))?),
            ast::WorldItem::Flags(t) => WorldMember::Type(self.type_def(ast::TypeDef::Flags(t))?),
            ast::WorldItem::Variant(t) => {
                WorldMember::Type(self.type_def(ast::TypeDef::Variant(t))?)
            }
            ast::WorldItem::Enum(t) => WorldMember::Type(self.type_def(ast::TypeDef::Enum(t))?),
            ast::WorldItem::Resource(t) => {
                WorldMember::Type(self.type_def(ast::TypeDef::Resource(t))?)
            }
        })
    }

    fn extern_kind(&mut self, kind: ast::ExternKind) -> Option<ExternKind> {
        Some(match kind {
            ast::ExternKind::Func(f) => ExternKind::Func(self.func(&f)?),
            ast::ExternKind::Interface(i) => {
                let name = self.ident(i.name())?;
                let members = self.members(i.items());
                ExternKind::Interface { name, members }
            }
            ast::ExternKind::Path { label: None, path } => ExternKind::Path(self.use_path(path)?),
            ast::ExternKind::Path {
                label: Some(label),
                path,
            } => {
                let label = self.ident(Some(label))?;
                ExternKind::NamedPath {
                    label,
                    path: self.use_path(path)?,
                }
            }
        })
    }

    fn use_(&mut self, u: &ast::Use) -> Option<Use> {
        let attrs = self.attrs(u);
        let path = self.use_path(u.use_path()?)?;
        let mut names = Vec::new();
        for n in u.names() {
            let Some(name) = self.ident(n.name_ref()) else {
                continue;
            };
            let alias = match n.alias() {
                Some(a) => match self.ident(Some(a)) {
                    Some(a) => Some(a),
                    None => continue,
                },
                None => None,
            };
            names.push(UseName { name, alias });
        }
        Some(Use { attrs, path, names })
    }

    fn type_def(&mut self, def: ast::TypeDef) -> Option<TypeDef> {
        let attrs = self.attrs(&def);
        let name = self.ident(def.name())?;
        let kind = match &def {
            ast::TypeDef::TypeAlias(t) => TypeDefKind::Alias(self.ty(t.ty())),
            ast::TypeDef::Record(r) => TypeDefKind::Record(
                r.fields()
                    .filter_map(|f| {
                        let name = self.ident(f.name())?;
                        Some(Field {
                            name,
                            ty: self.ty(f.ty()),
                        })
                    })
                    .collect(),
            ),
            ast::TypeDef::Flags(f) => {
                TypeDefKind::Flags(f.flags().filter_map(|f| self.ident(f.name())).collect())
            }
            ast::TypeDef::Variant(v) => TypeDefKind::Variant(
                v.cases()
                    .filter_map(|c| {
                        let name = self.ident(c.name())?;
                        let ty = c.ty().map(|t| self.ty(Some(t)));
                        Some(Case { name, ty })
                    })
                    .collect(),
            ),
            ast::TypeDef::Enum(e) => {
                TypeDefKind::Enum(e.cases().filter_map(|c| self.ident(c.name())).collect())
            }
            ast::TypeDef::Resource(r) => {
                let mut funcs = Vec::new();
                for m in r.members() {
                    match m {
                        ast::ResourceMember::Constructor(c) => {
                            let attrs = self.attrs(&c);
                            let Some(keyword) = c.constructor_token() else {
                                continue;
                            };
                            let span = self.token_span(&keyword);
                            let params = self.params(c.params());
                            let result = c.ret_type().map(|r| self.ty(r.ty()));
                            let name = Ident {
                                name: "constructor".to_string(),
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
                        ast::ResourceMember::Func(f) => {
                            let kind = if f.is_static() {
                                ResourceFuncKind::Static
                            } else {
                                ResourceFuncKind::Method
                            };
                            if let Some(func) = self.func(&f) {
                                funcs.push(ResourceFunc { kind, func });
                            }
                        }
                    }
                }
                TypeDefKind::Resource(funcs)
            }
        };
        Some(TypeDef { attrs, name, kind })
    }

    fn func(&mut self, f: &ast::Func) -> Option<Func> {
        let attrs = self.attrs(f);
        let name = self.ident(f.name())?;
        let ft = f.func_type()?;
        let keyword = ft.keyword()?;
        let span = self.token_span(&keyword);
        let accessor = ft.accessor().map(|a| match a {
            ast::Accessor::Getter => Accessor::Getter,
            ast::Accessor::Setter => Accessor::Setter,
        });
        let params = self.params(ft.params());
        let result = ft.ret_type().map(|r| self.ty(r.ty()));
        Some(Func {
            attrs,
            name,
            is_async: ft.is_async(),
            accessor,
            params,
            result,
            span,
        })
    }

    fn params(&mut self, params: impl Iterator<Item = ast::Param>) -> Vec<(Ident, TypeRef)> {
        params
            .filter_map(|p| {
                let name = self.ident(p.name())?;
                Some((name, self.ty(p.ty())))
            })
            .collect()
    }

    fn ty(&mut self, ty: Option<ast::Type>) -> TypeRef {
        let Some(ty) = ty else {
            return TypeRef {
                kind: TypeRefKind::Error,
                span: SpanId(u32::MAX),
            };
        };
        let first = ty
            .syntax()
            .descendants_with_tokens()
            .filter_map(|e| e.into_token())
            .find(|t| !t.kind().is_trivia());
        let span = match &first {
            Some(t) => self.token_span(t),
            None => self.span(ty.syntax().text_range()),
        };
        let boxed = |this: &mut Self, t: Option<ast::Type>| Box::new(this.ty(t));
        let kind = match ty {
            ast::Type::PrimitiveType(p) => match p.kind().and_then(primitive) {
                Some(p) => TypeRefKind::Primitive(p),
                None => TypeRefKind::Error,
            },
            ast::Type::NamedType(n) => match n.name_ref() {
                Some(n) if !n.text().is_empty() => TypeRefKind::Named(n.text()),
                _ => TypeRefKind::Error,
            },
            ast::Type::ListType(l) => {
                let elem = boxed(self, l.element());
                match l.length_token() {
                    Some(_) => match l.length() {
                        Some(n) => TypeRefKind::FixedList(elem, n),
                        None => TypeRefKind::Error,
                    },
                    None => TypeRefKind::List(elem),
                }
            }
            ast::Type::MapType(m) => TypeRefKind::Map(boxed(self, m.key()), boxed(self, m.value())),
            ast::Type::OptionType(o) => TypeRefKind::Option(boxed(self, o.inner())),
            ast::Type::ResultType(r) => {
                let ok = r.ok().map(|t| boxed(self, Some(t)));
                let err = r.err().map(|t| boxed(self, Some(t)));
                TypeRefKind::Result(ok, err)
            }
            ast::Type::TupleType(t) => {
                TypeRefKind::Tuple(t.types().map(|t| self.ty(Some(t))).collect())
            }
            ast::Type::FutureType(f) => {
                TypeRefKind::Future(f.inner().map(|t| boxed(self, Some(t))))
            }
            ast::Type::StreamType(s) => {
                TypeRefKind::Stream(s.inner().map(|t| boxed(self, Some(t))))
            }
            ast::Type::HandleType(h) => {
                let borrow = h.is_borrow();
                match self.ident(h.resource()) {
                    Some(id) if borrow => TypeRefKind::Borrow(id),
                    Some(id) => TypeRefKind::Own(id),
                    None => TypeRefKind::Error,
                }
            }
        };
        TypeRef { kind, span }
    }
}

fn primitive(kind: SyntaxKind) -> Option<Primitive> {
    Some(match kind {
        SyntaxKind::BOOL_KW => Primitive::Bool,
        SyntaxKind::U8_KW => Primitive::U8,
        SyntaxKind::U16_KW => Primitive::U16,
        SyntaxKind::U32_KW => Primitive::U32,
        SyntaxKind::U64_KW => Primitive::U64,
        SyntaxKind::S8_KW => Primitive::S8,
        SyntaxKind::S16_KW => Primitive::S16,
        SyntaxKind::S32_KW => Primitive::S32,
        SyntaxKind::S64_KW => Primitive::S64,
        SyntaxKind::F32_KW => Primitive::F32,
        SyntaxKind::F64_KW => Primitive::F64,
        SyntaxKind::CHAR_KW => Primitive::Char,
        SyntaxKind::STRING_KW => Primitive::String,
        SyntaxKind::ERROR_CONTEXT_KW => Primitive::ErrorContext,
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

/// `Name` and `NameRef` alike.
trait NameLike {
    fn token(&self) -> Option<SyntaxToken>;
    fn text(&self) -> String;
}

impl NameLike for ast::Name {
    fn token(&self) -> Option<SyntaxToken> {
        ast::Name::token(self)
    }
    fn text(&self) -> String {
        ast::Name::text(self)
    }
}

impl NameLike for ast::NameRef {
    fn token(&self) -> Option<SyntaxToken> {
        ast::NameRef::token(self)
    }
    fn text(&self) -> String {
        ast::NameRef::text(self)
    }
}
