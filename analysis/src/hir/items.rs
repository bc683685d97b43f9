//! The item tree of one file: the names and shapes of its items, without text ranges or
//! documentation, so that it stays equal when only whitespace, comments or docs change.
//! Every element that diagnostics may point at carries a `SpanId`, an index into the file's
//! `SpanMap` (which holds the ranges and changes with every edit).

use std::fmt;

/// A span-bearing element of a file: the top-level item it is in (0 for the package header,
/// then each interface, world and `use` in order) and its index within that item. Numbered
/// per item, so that an edit inside one item (a new field, a new function) leaves the ids of
/// every other item as they were, and what depends only on those is not computed again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpanId {
    pub item: u32,
    pub local: u32,
}

impl SpanId {
    /// An element that is not in the file (a type the parser could not read).
    pub const NONE: SpanId = SpanId {
        item: u32::MAX,
        local: u32::MAX,
    };
}

/// A name: shared, so that copying it into scopes and lookups costs no allocation.
pub type Name = std::sync::Arc<str>;

/// A name as written (without `%`) and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ident {
    pub name: Name,
    pub span: SpanId,
}

/// Whether an item is an interface or a world.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    Interface,
    World,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Interface => "interface",
            ItemKind::World => "world",
        }
    }
}

/// `ns:name@version`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PackageName {
    pub namespace: String,
    pub name: String,
    pub version: Option<semver::Version>,
}

impl fmt::Display for PackageName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.namespace, self.name)?;
        if let Some(v) = &self.version {
            write!(f, "@{v}")?;
        }
        Ok(())
    }
}

impl PackageName {
    /// `ns:name` without the version.
    pub fn unversioned(&self) -> String {
        format!("{}:{}", self.namespace, self.name)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ItemTree {
    /// The file's `package ns:name;` line.
    pub header: Option<PackageHeader>,
    /// The items at file level: they belong to the package of the folder.
    pub top: DeclList,
    /// `package ns:name { ... }` blocks: packages of their own.
    pub nested: Vec<NestedPackage>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PackageHeader {
    pub name: PackageName,
    /// `ns:name@version`, as a whole.
    pub span: SpanId,
    /// Whether doc comments document it (only one `package` line of a package may have them).
    pub has_docs: bool,
    /// The first doc comment, where an error about docs points.
    pub docs_span: Option<SpanId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NestedPackage {
    pub name: PackageName,
    pub span: SpanId,
    pub items: DeclList,
    /// Nested packages inside this one (an error: they must be at the top level).
    pub nested_spans: Vec<SpanId>,
}

/// Which list of items of a file: the file level, or the body of the `i`th nested package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeclListId {
    Top,
    Nested(u32),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct DeclList {
    pub items: Vec<TopItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TopItem {
    Interface(Interface),
    World(World),
    Use(TopUse),
}

impl TopItem {
    /// The name this item takes in its file's scope.
    pub fn name(&self) -> &Ident {
        match self {
            TopItem::Interface(i) => &i.name,
            TopItem::World(w) => &w.name,
            TopItem::Use(u) => u.alias.as_ref().unwrap_or(u.path.name()),
        }
    }
}

/// Attributes of an item, as written (misuse is a diagnostic, not a lowering failure).
/// Most items have none: they cost one pointer, and read as empty lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Attrs(Option<Box<AttrList>>);

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct AttrList {
    pub since: Vec<(semver::Version, SpanId)>,
    pub deprecated: Vec<(semver::Version, SpanId)>,
    pub unstable: Vec<(String, SpanId)>,
    pub external_id: Vec<(String, SpanId)>,
}

static NO_ATTRS: AttrList = AttrList {
    since: Vec::new(),
    deprecated: Vec::new(),
    unstable: Vec::new(),
    external_id: Vec::new(),
};

impl std::ops::Deref for Attrs {
    type Target = AttrList;

    fn deref(&self) -> &AttrList {
        self.0.as_deref().unwrap_or(&NO_ATTRS)
    }
}

impl Attrs {
    /// The lists, to add to (allocated on the first attribute).
    pub fn lists_mut(&mut self) -> &mut AttrList {
        self.0.get_or_insert_default()
    }
}

impl AttrList {
    pub fn is_empty(&self) -> bool {
        self.since.is_empty()
            && self.deprecated.is_empty()
            && self.unstable.is_empty()
            && self.external_id.is_empty()
    }

    /// The attribute that appears first, where "not allowed here" points.
    pub fn first_span(&self) -> Option<SpanId> {
        let all = self.since.iter().map(|a| a.1);
        let all = all.chain(self.deprecated.iter().map(|a| a.1));
        let all = all.chain(self.unstable.iter().map(|a| a.1));
        all.chain(self.external_id.iter().map(|a| a.1)).min()
    }

    pub fn unstable_feature(&self) -> Option<&str> {
        self.unstable.first().map(|(f, _)| f.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Interface {
    pub name: Ident,
    pub attrs: Attrs,
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct World {
    pub name: Ident,
    pub attrs: Attrs,
    pub members: Vec<WorldMember>,
}

/// `use path as name;` at file level.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TopUse {
    pub attrs: Attrs,
    pub path: UsePath,
    pub alias: Option<Ident>,
    /// The `use` keyword.
    pub span: SpanId,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UsePath {
    /// `iface`: an interface or world of this package (or a name `use`d at file level).
    Local(Ident),
    /// `ns:pkg/iface@1.0.0`
    Package {
        package: PackageName,
        package_span: SpanId,
        name: Ident,
    },
}

impl UsePath {
    /// The interface or world named.
    pub fn name(&self) -> &Ident {
        match self {
            UsePath::Local(id) => id,
            UsePath::Package { name, .. } => name,
        }
    }
}

/// What an interface (or inline interface) contains.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Member {
    Use(Use),
    Type(TypeDef),
    Func(Func),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum WorldMember {
    Import(Extern),
    Export(Extern),
    Use(Use),
    Type(TypeDef),
    Include(Include),
}

/// `use path.{a, b as c};`
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Use {
    pub attrs: Attrs,
    pub path: UsePath,
    pub names: Vec<UseName>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UseName {
    pub name: Ident,
    pub alias: Option<Ident>,
}

impl UseName {
    /// The name this brings into scope.
    pub fn local(&self) -> &Ident {
        self.alias.as_ref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Extern {
    pub attrs: Attrs,
    pub kind: ExternKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ExternKind {
    /// `name: func(...)`
    Func(Func),
    /// `name: interface { ... }`
    Interface { name: Ident, members: Vec<Member> },
    /// `path`
    Path(UsePath),
    /// `label: path`
    NamedPath { label: Ident, path: UsePath },
}

impl ExternKind {
    /// Where errors about the whole import or export point (as wit-parser does).
    pub fn span(&self) -> SpanId {
        match self {
            ExternKind::Func(f) => f.name.span,
            ExternKind::Interface { name, .. } => name.span,
            ExternKind::Path(UsePath::Local(id)) => id.span,
            ExternKind::Path(UsePath::Package { name, .. }) => name.span,
            ExternKind::NamedPath { label, .. } => label.span,
        }
    }
}

/// `include path with { a as b };`
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Include {
    pub attrs: Attrs,
    pub path: UsePath,
    pub names: Vec<(Ident, Ident)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TypeDef {
    pub attrs: Attrs,
    pub name: Ident,
    pub kind: TypeDefKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeDefKind {
    Alias(TypeRef),
    Record(Vec<Field>),
    Flags(Vec<Ident>),
    Variant(Vec<Case>),
    Enum(Vec<Ident>),
    /// `None` for `resource r;`, the members for `resource r { ... }`.
    Resource(Vec<ResourceFunc>),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: Ident,
    pub ty: TypeRef,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Case {
    pub name: Ident,
    pub ty: Option<TypeRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResourceFuncKind {
    Constructor,
    Method,
    Static,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResourceFunc {
    pub kind: ResourceFuncKind,
    pub func: Func,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Accessor {
    Getter,
    Setter,
}

/// A named function: in an interface, a world, or a resource (`constructor` is named by its
/// keyword).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Func {
    pub attrs: Attrs,
    pub name: Ident,
    pub is_async: bool,
    pub accessor: Option<Accessor>,
    pub params: Vec<(Ident, TypeRef)>,
    pub result: Option<TypeRef>,
    /// The `func` (or `get`/`set`, or `constructor`) keyword.
    pub span: SpanId,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Primitive {
    Bool,
    U8,
    U16,
    U32,
    U64,
    S8,
    S16,
    S32,
    S64,
    F32,
    F64,
    Char,
    String,
    ErrorContext,
}

impl Primitive {
    pub fn as_str(self) -> &'static str {
        match self {
            Primitive::Bool => "bool",
            Primitive::U8 => "u8",
            Primitive::U16 => "u16",
            Primitive::U32 => "u32",
            Primitive::U64 => "u64",
            Primitive::S8 => "s8",
            Primitive::S16 => "s16",
            Primitive::S32 => "s32",
            Primitive::S64 => "s64",
            Primitive::F32 => "f32",
            Primitive::F64 => "f64",
            Primitive::Char => "char",
            Primitive::String => "string",
            Primitive::ErrorContext => "error-context",
        }
    }

    /// Whether maps may use this type as their key.
    pub fn is_map_key(self) -> bool {
        !matches!(
            self,
            Primitive::F32 | Primitive::F64 | Primitive::ErrorContext
        )
    }
}

/// A type expression. `span` is its first token (the keyword, or the name), where
/// wit-parser points.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TypeRef {
    pub kind: TypeRefKind,
    pub span: SpanId,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeRefKind {
    Primitive(Primitive),
    Named(Name),
    List(Box<TypeRef>),
    FixedList(Box<TypeRef>, u32),
    Map(Box<TypeRef>, Box<TypeRef>),
    Option(Box<TypeRef>),
    Result(Option<Box<TypeRef>>, Option<Box<TypeRef>>),
    Tuple(Vec<TypeRef>),
    Future(Option<Box<TypeRef>>),
    Stream(Option<Box<TypeRef>>),
    Own(Ident),
    Borrow(Ident),
    /// A type the parser could not read; it produces no further diagnostics.
    Error,
}

impl TypeRef {
    /// Calls `f` on this type and every type inside it, outermost first. Types nest at most
    /// 100 deep (the parser's limit), so recursion is bounded; a fixed-size stack keeps the
    /// common shallow walk free of allocation.
    pub fn walk<'a>(&'a self, mut f: impl FnMut(&'a TypeRef)) {
        fn go<'a>(ty: &'a TypeRef, f: &mut dyn FnMut(&'a TypeRef), depth: u32) {
            if depth > 200 {
                return;
            }
            f(ty);
            match &ty.kind {
                TypeRefKind::List(t) | TypeRefKind::FixedList(t, _) | TypeRefKind::Option(t) => {
                    go(t, f, depth + 1)
                }
                TypeRefKind::Map(k, v) => {
                    go(k, f, depth + 1);
                    go(v, f, depth + 1);
                }
                TypeRefKind::Result(ok, err) => {
                    if let Some(t) = ok {
                        go(t, f, depth + 1);
                    }
                    if let Some(t) = err {
                        go(t, f, depth + 1);
                    }
                }
                TypeRefKind::Tuple(ts) => ts.iter().for_each(|t| go(t, f, depth + 1)),
                TypeRefKind::Future(Some(t)) | TypeRefKind::Stream(Some(t)) => go(t, f, depth + 1),
                _ => {}
            }
        }
        go(self, &mut f, 0);
    }

    /// The names this type refers to, in order, with where each is written: plain names and
    /// the resources of `own<r>` and `borrow<r>`.
    pub fn names(&self) -> Vec<(&str, SpanId)> {
        let mut out = Vec::new();
        self.walk(|t| match &t.kind {
            TypeRefKind::Named(n) => out.push((&**n, t.span)),
            TypeRefKind::Own(id) | TypeRefKind::Borrow(id) => out.push((&*id.name, id.span)),
            _ => {}
        });
        out
    }
}
