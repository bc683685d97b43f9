//! The typed node wrappers, one per node kind, and enums over the kinds that can stand in
//! one place (items, types).

use super::{AstChildren, AstNode, HasAttrs, HasDocs, HasName, child, children, token};
use crate::{
    SyntaxKind::{self, *},
    SyntaxNode, SyntaxToken, T,
};

macro_rules! ast_node {
    ($($(#[$meta:meta])* $name:ident = $kind:ident $(: $($tr:ident),*)?;)*) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct $name {
            pub(crate) syntax: SyntaxNode,
        }

        impl AstNode for $name {
            fn can_cast(kind: SyntaxKind) -> bool {
                kind == $kind
            }
            fn cast(syntax: SyntaxNode) -> Option<Self> {
                Self::can_cast(syntax.kind()).then_some($name { syntax })
            }
            fn syntax(&self) -> &SyntaxNode {
                &self.syntax
            }
        }

        $($(impl $tr for $name {})*)?
    )*};
}

macro_rules! ast_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident),* $(,)? } $(: $($tr:ident),*)?) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant($variant),)*
        }

        impl AstNode for $name {
            fn can_cast(kind: SyntaxKind) -> bool {
                $($variant::can_cast(kind))||*
            }
            fn cast(syntax: SyntaxNode) -> Option<Self> {
                $(if $variant::can_cast(syntax.kind()) {
                    return Some($name::$variant($variant { syntax }));
                })*
                None
            }
            fn syntax(&self) -> &SyntaxNode {
                match self {
                    $($name::$variant(it) => &it.syntax,)*
                }
            }
        }

        $($(impl $tr for $name {})*)?
    };
}

ast_node! {
    /// A whole `.wit` file.
    SourceFile = SOURCE_FILE;
    /// `package ns:name@1.0.0;` at the top of a file.
    PackageDecl = PACKAGE_DECL: HasAttrs, HasDocs;
    /// `package ns:name { ... }`
    NestedPackage = NESTED_PACKAGE: HasAttrs, HasDocs;
    /// `ns:name`
    PackageName = PACKAGE_NAME;
    /// `1.2.3-pre+build`
    Version = VERSION;
    /// `use ns:pkg/iface@1.0.0 as name;` at file level.
    TopUse = TOP_USE: HasAttrs, HasDocs;
    Interface = INTERFACE: HasName, HasAttrs, HasDocs;
    InterfaceBody = INTERFACE_BODY;
    World = WORLD: HasName, HasAttrs, HasDocs;
    WorldBody = WORLD_BODY;
    /// `use iface.{a, b as c};` in an interface or world.
    Use = USE: HasAttrs, HasDocs;
    /// `iface` or `ns:pkg/iface@1.0.0`
    UsePath = USE_PATH;
    UseNameList = USE_NAME_LIST;
    /// `a` or `a as b` in a `use` list.
    UseName = USE_NAME;
    Import = IMPORT: HasAttrs, HasDocs;
    Export = EXPORT: HasAttrs, HasDocs;
    /// `name: interface { ... }` in an import or export.
    InlineInterface = INLINE_INTERFACE: HasName;
    Include = INCLUDE: HasAttrs, HasDocs;
    IncludeNameList = INCLUDE_NAME_LIST;
    /// `a as b` in an `include ... with { }` list.
    IncludeName = INCLUDE_NAME;
    TypeAlias = TYPE_ALIAS: HasName, HasAttrs, HasDocs;
    Record = RECORD: HasName, HasAttrs, HasDocs;
    RecordBody = RECORD_BODY;
    Field = FIELD: HasName, HasDocs;
    Flags = FLAGS: HasName, HasAttrs, HasDocs;
    FlagsBody = FLAGS_BODY;
    Flag = FLAG: HasName, HasDocs;
    Variant = VARIANT: HasName, HasAttrs, HasDocs;
    VariantBody = VARIANT_BODY;
    VariantCase = VARIANT_CASE: HasName, HasDocs;
    Enum = ENUM: HasName, HasAttrs, HasDocs;
    EnumBody = ENUM_BODY;
    EnumCase = ENUM_CASE: HasName, HasDocs;
    Resource = RESOURCE: HasName, HasAttrs, HasDocs;
    ResourceBody = RESOURCE_BODY;
    Constructor = CONSTRUCTOR: HasAttrs, HasDocs;
    /// `name: func(...) -> t;`, in interfaces, worlds and resources.
    Func = FUNC: HasName, HasAttrs, HasDocs;
    /// `async? func(...) -> t`, `get() -> t`, `set(v: t)`
    FuncType = FUNC_TYPE;
    ParamList = PARAM_LIST;
    Param = PARAM: HasName, HasDocs;
    /// `-> t`
    RetType = RET_TYPE;
    PrimitiveType = PRIMITIVE_TYPE;
    NamedType = NAMED_TYPE;
    ListType = LIST_TYPE;
    MapType = MAP_TYPE;
    OptionType = OPTION_TYPE;
    ResultType = RESULT_TYPE;
    TupleType = TUPLE_TYPE;
    FutureType = FUTURE_TYPE;
    StreamType = STREAM_TYPE;
    /// `own<r>` or `borrow<r>`
    HandleType = HANDLE_TYPE;
    /// `@since(version = 1.0.0)` and the like.
    Attribute = ATTRIBUTE;
    /// A declared name.
    Name = NAME;
    /// A name that refers to a declaration.
    NameRef = NAME_REF;
}

ast_enum! {
    /// What a file or a nested package contains.
    Item { Interface, World, TopUse, NestedPackage }
}

ast_enum! {
    /// A named type definition.
    TypeDef { TypeAlias, Record, Flags, Variant, Enum, Resource } : HasName, HasAttrs, HasDocs
}

ast_enum! {
    /// What an interface contains.
    InterfaceItem { Use, TypeAlias, Record, Flags, Variant, Enum, Resource, Func } : HasAttrs, HasDocs
}

ast_enum! {
    /// What a world contains.
    WorldItem { Import, Export, Use, Include, TypeAlias, Record, Flags, Variant, Enum, Resource } : HasAttrs, HasDocs
}

ast_enum! {
    /// What a resource body contains.
    ResourceMember { Constructor, Func } : HasAttrs, HasDocs
}

ast_enum! {
    /// A type expression.
    Type {
        PrimitiveType, NamedType, ListType, MapType, OptionType, ResultType, TupleType,
        FutureType, StreamType, HandleType,
    }
}

fn text_of_name(ident: Option<SyntaxToken>) -> Option<String> {
    let t = ident?;
    Some(t.text().strip_prefix('%').unwrap_or(t.text()).to_string())
}

fn first_token(node: &SyntaxNode) -> Option<SyntaxToken> {
    node.children_with_tokens()
        .filter_map(|e| e.into_token())
        .find(|t| !t.kind().is_trivia())
}

impl Name {
    /// The name's token: an identifier, or a keyword misused as a name.
    pub fn token(&self) -> Option<SyntaxToken> {
        first_token(&self.syntax)
    }

    /// The name as WIT means it: without the `%` that escapes keywords.
    pub fn text(&self) -> String {
        text_of_name(self.token()).unwrap_or_default()
    }
}

impl NameRef {
    pub fn token(&self) -> Option<SyntaxToken> {
        first_token(&self.syntax)
    }

    pub fn text(&self) -> String {
        text_of_name(self.token()).unwrap_or_default()
    }
}

impl SourceFile {
    /// The `package ns:name;` line, if the file has one.
    pub fn package_decl(&self) -> Option<PackageDecl> {
        child(&self.syntax)
    }

    /// All `package ...;` lines; only the first item may be one, later ones are errors.
    pub fn package_decls(&self) -> AstChildren<PackageDecl> {
        children(&self.syntax)
    }

    pub fn items(&self) -> AstChildren<Item> {
        children(&self.syntax)
    }
}

impl PackageDecl {
    pub fn package_name(&self) -> Option<PackageName> {
        child(&self.syntax)
    }

    pub fn version(&self) -> Option<Version> {
        child(&self.syntax)
    }
}

impl NestedPackage {
    pub fn package_name(&self) -> Option<PackageName> {
        child(&self.syntax)
    }

    pub fn version(&self) -> Option<Version> {
        child(&self.syntax)
    }

    pub fn items(&self) -> AstChildren<Item> {
        children(&self.syntax)
    }
}

impl PackageName {
    fn part(&self, n: usize) -> Option<SyntaxToken> {
        let mut tokens = self
            .syntax
            .children_with_tokens()
            .filter_map(|e| e.into_token())
            .filter(|t| !t.kind().is_trivia());
        let first = tokens.next()?;
        match n {
            0 => (first.kind() != T![:]).then_some(first),
            _ => tokens.skip_while(|t| t.kind() != T![:]).nth(1),
        }
    }

    pub fn namespace_token(&self) -> Option<SyntaxToken> {
        self.part(0)
    }

    pub fn name_token(&self) -> Option<SyntaxToken> {
        self.part(1)
    }

    /// `ns` of `ns:name`, without a `%`.
    pub fn namespace(&self) -> Option<String> {
        text_of_name(self.namespace_token())
    }

    /// `name` of `ns:name`, without a `%`.
    pub fn name(&self) -> Option<String> {
        text_of_name(self.name_token())
    }
}

impl Version {
    /// The version as written.
    pub fn text(&self) -> String {
        self.syntax.text().to_string().trim().to_string()
    }

    pub fn value(&self) -> Option<semver::Version> {
        semver::Version::parse(&self.text()).ok()
    }
}

impl TopUse {
    pub fn use_path(&self) -> Option<UsePath> {
        child(&self.syntax)
    }

    /// `name` of `as name`.
    pub fn alias(&self) -> Option<Name> {
        child(&self.syntax)
    }
}

impl Interface {
    pub fn body(&self) -> Option<InterfaceBody> {
        child(&self.syntax)
    }

    pub fn items(&self) -> impl Iterator<Item = InterfaceItem> {
        self.body().into_iter().flat_map(|b| b.items())
    }
}

impl InterfaceBody {
    pub fn items(&self) -> AstChildren<InterfaceItem> {
        children(&self.syntax)
    }
}

impl World {
    pub fn body(&self) -> Option<WorldBody> {
        child(&self.syntax)
    }

    pub fn items(&self) -> impl Iterator<Item = WorldItem> {
        self.body().into_iter().flat_map(|b| b.items())
    }
}

impl WorldBody {
    pub fn items(&self) -> AstChildren<WorldItem> {
        children(&self.syntax)
    }
}

impl Use {
    pub fn use_path(&self) -> Option<UsePath> {
        child(&self.syntax)
    }

    pub fn names(&self) -> impl Iterator<Item = UseName> {
        child::<UseNameList>(&self.syntax)
            .into_iter()
            .flat_map(|l| children(&l.syntax))
    }
}

impl UsePath {
    /// `ns:pkg` of `ns:pkg/iface`; `None` for a plain `iface`.
    pub fn package(&self) -> Option<PackageName> {
        child(&self.syntax)
    }

    /// The interface or world named.
    pub fn name_ref(&self) -> Option<NameRef> {
        child(&self.syntax)
    }

    pub fn version(&self) -> Option<Version> {
        child(&self.syntax)
    }
}

impl UseName {
    /// The imported name.
    pub fn name_ref(&self) -> Option<NameRef> {
        child(&self.syntax)
    }

    /// `b` of `a as b`.
    pub fn alias(&self) -> Option<Name> {
        child(&self.syntax)
    }
}

/// What an import or export brings in.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ExternKind {
    /// `name: func(...)`
    Func(Func),
    /// `name: interface { ... }`
    Interface(InlineInterface),
    /// `path` or `label: path`
    Path { label: Option<Name>, path: UsePath },
}

macro_rules! extern_accessors {
    ($($ty:ident),*) => {$(
        impl $ty {
            pub fn kind(&self) -> Option<ExternKind> {
                if let Some(f) = child::<Func>(&self.syntax) {
                    return Some(ExternKind::Func(f));
                }
                if let Some(i) = child::<InlineInterface>(&self.syntax) {
                    return Some(ExternKind::Interface(i));
                }
                let path = child::<UsePath>(&self.syntax)?;
                Some(ExternKind::Path { label: child(&self.syntax), path })
            }
        }
    )*};
}
extern_accessors!(Import, Export);

impl InlineInterface {
    pub fn body(&self) -> Option<InterfaceBody> {
        child(&self.syntax)
    }

    pub fn items(&self) -> impl Iterator<Item = InterfaceItem> {
        self.body().into_iter().flat_map(|b| b.items())
    }
}

impl Include {
    pub fn use_path(&self) -> Option<UsePath> {
        child(&self.syntax)
    }

    pub fn names(&self) -> impl Iterator<Item = IncludeName> {
        child::<IncludeNameList>(&self.syntax)
            .into_iter()
            .flat_map(|l| children(&l.syntax))
    }
}

impl IncludeName {
    pub fn name_ref(&self) -> Option<NameRef> {
        child(&self.syntax)
    }

    /// `b` of `a as b`.
    pub fn alias(&self) -> Option<Name> {
        child(&self.syntax)
    }
}

impl TypeAlias {
    pub fn ty(&self) -> Option<Type> {
        child(&self.syntax)
    }
}

impl Record {
    pub fn fields(&self) -> impl Iterator<Item = Field> {
        child::<RecordBody>(&self.syntax)
            .into_iter()
            .flat_map(|b| children(&b.syntax))
    }
}

impl Field {
    pub fn ty(&self) -> Option<Type> {
        child(&self.syntax)
    }
}

impl Flags {
    pub fn flags(&self) -> impl Iterator<Item = Flag> {
        child::<FlagsBody>(&self.syntax)
            .into_iter()
            .flat_map(|b| children(&b.syntax))
    }
}

impl Variant {
    pub fn cases(&self) -> impl Iterator<Item = VariantCase> {
        child::<VariantBody>(&self.syntax)
            .into_iter()
            .flat_map(|b| children(&b.syntax))
    }
}

impl VariantCase {
    /// The payload type of `case(type)`.
    pub fn ty(&self) -> Option<Type> {
        child(&self.syntax)
    }
}

impl Enum {
    pub fn cases(&self) -> impl Iterator<Item = EnumCase> {
        child::<EnumBody>(&self.syntax)
            .into_iter()
            .flat_map(|b| children(&b.syntax))
    }
}

impl Resource {
    pub fn body(&self) -> Option<ResourceBody> {
        child(&self.syntax)
    }

    pub fn members(&self) -> impl Iterator<Item = ResourceMember> {
        self.body().into_iter().flat_map(|b| children(&b.syntax))
    }
}

impl Constructor {
    pub fn constructor_token(&self) -> Option<SyntaxToken> {
        token(&self.syntax, T![constructor])
    }

    pub fn param_list(&self) -> Option<ParamList> {
        child(&self.syntax)
    }

    pub fn params(&self) -> impl Iterator<Item = Param> {
        self.param_list().into_iter().flat_map(|l| l.params())
    }

    pub fn ret_type(&self) -> Option<RetType> {
        child(&self.syntax)
    }
}

impl Func {
    /// `static` (resources only).
    pub fn is_static(&self) -> bool {
        token(&self.syntax, T![static]).is_some()
    }

    pub fn func_type(&self) -> Option<FuncType> {
        child(&self.syntax)
    }
}

/// Which accessor a `get(...)` or `set(...)` function is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Accessor {
    Getter,
    Setter,
}

impl FuncType {
    pub fn is_async(&self) -> bool {
        token(&self.syntax, T![async]).is_some()
    }

    pub fn accessor(&self) -> Option<Accessor> {
        if token(&self.syntax, T![get]).is_some() {
            Some(Accessor::Getter)
        } else if token(&self.syntax, T![set]).is_some() {
            Some(Accessor::Setter)
        } else {
            None
        }
    }

    /// The keyword that says what kind of function this is: `func`, `get` or `set`.
    pub fn keyword(&self) -> Option<SyntaxToken> {
        [T![func], T![get], T![set]]
            .into_iter()
            .find_map(|k| token(&self.syntax, k))
    }

    pub fn param_list(&self) -> Option<ParamList> {
        child(&self.syntax)
    }

    pub fn params(&self) -> impl Iterator<Item = Param> {
        self.param_list().into_iter().flat_map(|l| l.params())
    }

    pub fn ret_type(&self) -> Option<RetType> {
        child(&self.syntax)
    }

    /// The result type, if the function has one.
    pub fn result(&self) -> Option<Type> {
        self.ret_type()?.ty()
    }
}

impl ParamList {
    pub fn params(&self) -> AstChildren<Param> {
        children(&self.syntax)
    }
}

impl Param {
    pub fn ty(&self) -> Option<Type> {
        child(&self.syntax)
    }
}

impl RetType {
    pub fn ty(&self) -> Option<Type> {
        child(&self.syntax)
    }
}

impl PrimitiveType {
    /// The keyword token: `u32`, `string`, `error-context`...
    pub fn keyword(&self) -> Option<SyntaxToken> {
        first_token(&self.syntax)
    }

    pub fn kind(&self) -> Option<SyntaxKind> {
        self.keyword().map(|t| t.kind())
    }
}

impl NamedType {
    pub fn name_ref(&self) -> Option<NameRef> {
        child(&self.syntax)
    }
}

impl ListType {
    pub fn element(&self) -> Option<Type> {
        child(&self.syntax)
    }

    /// The `N` of a fixed-length `list<T, N>`.
    pub fn length_token(&self) -> Option<SyntaxToken> {
        token(&self.syntax, INTEGER)
    }

    pub fn length(&self) -> Option<u32> {
        self.length_token()?.text().parse().ok()
    }
}

impl MapType {
    pub fn key(&self) -> Option<Type> {
        child(&self.syntax)
    }

    pub fn value(&self) -> Option<Type> {
        children::<Type>(&self.syntax).nth(1)
    }
}

impl OptionType {
    pub fn inner(&self) -> Option<Type> {
        child(&self.syntax)
    }
}

impl ResultType {
    fn has_underscore(&self) -> bool {
        token(&self.syntax, T![_]).is_some()
    }

    pub fn ok(&self) -> Option<Type> {
        if self.has_underscore() {
            None
        } else {
            child(&self.syntax)
        }
    }

    pub fn err(&self) -> Option<Type> {
        let skip = usize::from(!self.has_underscore());
        children::<Type>(&self.syntax).nth(skip)
    }
}

impl TupleType {
    pub fn types(&self) -> AstChildren<Type> {
        children(&self.syntax)
    }
}

impl FutureType {
    pub fn inner(&self) -> Option<Type> {
        child(&self.syntax)
    }
}

impl StreamType {
    pub fn inner(&self) -> Option<Type> {
        child(&self.syntax)
    }
}

impl HandleType {
    pub fn is_borrow(&self) -> bool {
        token(&self.syntax, T![borrow]).is_some()
    }

    pub fn resource(&self) -> Option<NameRef> {
        child(&self.syntax)
    }
}

/// What an attribute says, once its shape is known to be right.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AttributeKind {
    Since(Version),
    Unstable(String),
    Deprecated(Version),
    ExternalId(SyntaxToken),
}

impl Attribute {
    fn tokens(&self) -> impl Iterator<Item = SyntaxToken> {
        self.syntax
            .children_with_tokens()
            .filter_map(|e| e.into_token())
            .filter(|t| !t.kind().is_trivia())
    }

    /// `since` of `@since(...)`.
    pub fn name_token(&self) -> Option<SyntaxToken> {
        self.tokens().nth(1).filter(|t| t.kind() == IDENT)
    }

    pub fn name(&self) -> Option<String> {
        self.name_token().map(|t| t.text().to_string())
    }

    /// `version` or `feature` of `@since(version = ...)`.
    pub fn key(&self) -> Option<SyntaxToken> {
        self.tokens().skip(2).find(|t| t.kind() == IDENT)
    }

    pub fn version(&self) -> Option<Version> {
        child(&self.syntax)
    }

    /// The feature name of `@unstable(feature = name)`.
    pub fn feature_token(&self) -> Option<SyntaxToken> {
        self.tokens()
            .skip_while(|t| t.kind() != T![=])
            .nth(1)
            .filter(|t| t.kind() == IDENT)
    }

    pub fn string(&self) -> Option<SyntaxToken> {
        token(&self.syntax, STRING)
    }

    pub fn kind(&self) -> Option<AttributeKind> {
        match self.name()?.as_str() {
            "since" => self.version().map(AttributeKind::Since),
            "deprecated" => self.version().map(AttributeKind::Deprecated),
            "unstable" => text_of_name(self.feature_token()).map(AttributeKind::Unstable),
            "external-id" => self.string().map(AttributeKind::ExternalId),
            _ => None,
        }
    }
}
