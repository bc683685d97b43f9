//! The one `SyntaxKind` enum naming every token and node of the WIT tree.

/// Every kind of token and node. Tokens come first, then nodes; `__LAST` closes the range
/// so that a raw `u16` can be checked before it is turned back into a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
#[repr(u16)]
pub enum SyntaxKind {
    // Trivia.
    WHITESPACE = 0,
    COMMENT,
    DOC_COMMENT,

    // Bytes that form no token, and nodes wrapping what the parser could not place.
    ERROR,

    // Literals and names.
    IDENT,
    INTEGER,
    VERSION_NUMBER,
    STRING,

    // Punctuation.
    EQ,
    COMMA,
    COLON,
    DOT,
    SEMICOLON,
    L_PAREN,
    R_PAREN,
    L_CURLY,
    R_CURLY,
    L_ANGLE,
    R_ANGLE,
    ARROW,
    STAR,
    AT,
    SLASH,
    PLUS,
    MINUS,

    // Keywords, as wit-parser reserves them.
    USE_KW,
    TYPE_KW,
    FUNC_KW,
    U8_KW,
    U16_KW,
    U32_KW,
    U64_KW,
    S8_KW,
    S16_KW,
    S32_KW,
    S64_KW,
    F32_KW,
    F64_KW,
    CHAR_KW,
    BOOL_KW,
    STRING_KW,
    RECORD_KW,
    RESOURCE_KW,
    OWN_KW,
    BORROW_KW,
    FLAGS_KW,
    VARIANT_KW,
    ENUM_KW,
    OPTION_KW,
    RESULT_KW,
    FUTURE_KW,
    STREAM_KW,
    ERROR_CONTEXT_KW,
    LIST_KW,
    MAP_KW,
    TUPLE_KW,
    UNDERSCORE,
    AS_KW,
    FROM_KW,
    STATIC_KW,
    INTERFACE_KW,
    WORLD_KW,
    IMPORT_KW,
    EXPORT_KW,
    PACKAGE_KW,
    CONSTRUCTOR_KW,
    ASYNC_KW,
    INCLUDE_KW,
    WITH_KW,

    // Contextual keywords: identifiers that act as keywords in one place only.
    GET_KW,
    SET_KW,

    EOF,
    /// An abandoned marker in the parser's event list; never in a tree.
    TOMBSTONE,

    // Nodes.
    SOURCE_FILE,
    PACKAGE_DECL,
    NESTED_PACKAGE,
    PACKAGE_NAME,
    VERSION,
    TOP_USE,
    INTERFACE,
    INTERFACE_BODY,
    WORLD,
    WORLD_BODY,
    USE,
    USE_PATH,
    USE_NAME_LIST,
    USE_NAME,
    IMPORT,
    EXPORT,
    INLINE_INTERFACE,
    INCLUDE,
    INCLUDE_NAME_LIST,
    INCLUDE_NAME,
    TYPE_ALIAS,
    RECORD,
    RECORD_BODY,
    FIELD,
    FLAGS,
    FLAGS_BODY,
    FLAG,
    VARIANT,
    VARIANT_BODY,
    VARIANT_CASE,
    ENUM,
    ENUM_BODY,
    ENUM_CASE,
    RESOURCE,
    RESOURCE_BODY,
    CONSTRUCTOR,
    FUNC,
    FUNC_TYPE,
    PARAM_LIST,
    PARAM,
    RET_TYPE,
    PRIMITIVE_TYPE,
    NAMED_TYPE,
    LIST_TYPE,
    MAP_TYPE,
    OPTION_TYPE,
    RESULT_TYPE,
    TUPLE_TYPE,
    FUTURE_TYPE,
    STREAM_TYPE,
    HANDLE_TYPE,
    ATTRIBUTE,
    NAME,
    NAME_REF,

    #[doc(hidden)]
    __LAST,
}

use SyntaxKind::*;

impl SyntaxKind {
    pub fn is_trivia(self) -> bool {
        matches!(self, WHITESPACE | COMMENT | DOC_COMMENT)
    }

    pub fn is_comment(self) -> bool {
        matches!(self, COMMENT | DOC_COMMENT)
    }

    pub fn is_keyword(self) -> bool {
        (USE_KW as u16..=SET_KW as u16).contains(&(self as u16))
    }

    pub fn is_token(self) -> bool {
        (self as u16) <= EOF as u16
    }

    /// Keywords that wit-parser reserves: a name spelt like one must be written `%name`.
    pub fn is_reserved_keyword(self) -> bool {
        self.is_keyword() && !matches!(self, GET_KW | SET_KW)
    }

    /// Nodes that are type expressions.
    pub fn is_type(self) -> bool {
        matches!(
            self,
            PRIMITIVE_TYPE
                | NAMED_TYPE
                | LIST_TYPE
                | MAP_TYPE
                | OPTION_TYPE
                | RESULT_TYPE
                | TUPLE_TYPE
                | FUTURE_TYPE
                | STREAM_TYPE
                | HANDLE_TYPE
        )
    }

    /// Nodes that are items of a file, a nested package, or an interface, world or resource
    /// body: each stands on lines of its own and may carry docs and gates.
    pub fn is_item(self) -> bool {
        matches!(
            self,
            PACKAGE_DECL
                | NESTED_PACKAGE
                | TOP_USE
                | INTERFACE
                | WORLD
                | USE
                | IMPORT
                | EXPORT
                | INCLUDE
                | TYPE_ALIAS
                | RECORD
                | FLAGS
                | VARIANT
                | ENUM
                | RESOURCE
                | CONSTRUCTOR
                | FUNC
        )
    }

    /// Primitive types named by a single keyword.
    pub fn is_primitive_type(self) -> bool {
        matches!(
            self,
            U8_KW
                | U16_KW
                | U32_KW
                | U64_KW
                | S8_KW
                | S16_KW
                | S32_KW
                | S64_KW
                | F32_KW
                | F64_KW
                | CHAR_KW
                | BOOL_KW
                | STRING_KW
                | ERROR_CONTEXT_KW
        )
    }

    /// The keyword spelt `text`, if `text` is one of WIT's reserved words.
    pub fn from_keyword(text: &str) -> Option<SyntaxKind> {
        let kind = match text {
            "use" => USE_KW,
            "type" => TYPE_KW,
            "func" => FUNC_KW,
            "u8" => U8_KW,
            "u16" => U16_KW,
            "u32" => U32_KW,
            "u64" => U64_KW,
            "s8" => S8_KW,
            "s16" => S16_KW,
            "s32" => S32_KW,
            "s64" => S64_KW,
            "f32" => F32_KW,
            "f64" => F64_KW,
            "char" => CHAR_KW,
            "bool" => BOOL_KW,
            "string" => STRING_KW,
            "record" => RECORD_KW,
            "resource" => RESOURCE_KW,
            "own" => OWN_KW,
            "borrow" => BORROW_KW,
            "flags" => FLAGS_KW,
            "variant" => VARIANT_KW,
            "enum" => ENUM_KW,
            "option" => OPTION_KW,
            "result" => RESULT_KW,
            "future" => FUTURE_KW,
            "stream" => STREAM_KW,
            "error-context" => ERROR_CONTEXT_KW,
            "list" => LIST_KW,
            "map" => MAP_KW,
            "tuple" => TUPLE_KW,
            "_" => UNDERSCORE,
            "as" => AS_KW,
            "from" => FROM_KW,
            "static" => STATIC_KW,
            "interface" => INTERFACE_KW,
            "world" => WORLD_KW,
            "import" => IMPORT_KW,
            "export" => EXPORT_KW,
            "package" => PACKAGE_KW,
            "constructor" => CONSTRUCTOR_KW,
            "async" => ASYNC_KW,
            "include" => INCLUDE_KW,
            "with" => WITH_KW,
            _ => return None,
        };
        Some(kind)
    }

    /// How a token is named in messages: `'{'`, keyword `record`, an identifier.
    pub fn describe(self) -> &'static str {
        match self {
            WHITESPACE => "whitespace",
            COMMENT => "a comment",
            DOC_COMMENT => "a doc comment",
            ERROR => "an invalid character",
            IDENT => "an identifier",
            INTEGER => "an integer",
            VERSION_NUMBER => "a version",
            STRING => "a string literal",
            EQ => "'='",
            COMMA => "','",
            COLON => "':'",
            DOT => "'.'",
            SEMICOLON => "';'",
            L_PAREN => "'('",
            R_PAREN => "')'",
            L_CURLY => "'{'",
            R_CURLY => "'}'",
            L_ANGLE => "'<'",
            R_ANGLE => "'>'",
            ARROW => "'->'",
            STAR => "'*'",
            AT => "'@'",
            SLASH => "'/'",
            PLUS => "'+'",
            MINUS => "'-'",
            USE_KW => "keyword `use`",
            TYPE_KW => "keyword `type`",
            FUNC_KW => "keyword `func`",
            U8_KW => "keyword `u8`",
            U16_KW => "keyword `u16`",
            U32_KW => "keyword `u32`",
            U64_KW => "keyword `u64`",
            S8_KW => "keyword `s8`",
            S16_KW => "keyword `s16`",
            S32_KW => "keyword `s32`",
            S64_KW => "keyword `s64`",
            F32_KW => "keyword `f32`",
            F64_KW => "keyword `f64`",
            CHAR_KW => "keyword `char`",
            BOOL_KW => "keyword `bool`",
            STRING_KW => "keyword `string`",
            RECORD_KW => "keyword `record`",
            RESOURCE_KW => "keyword `resource`",
            OWN_KW => "keyword `own`",
            BORROW_KW => "keyword `borrow`",
            FLAGS_KW => "keyword `flags`",
            VARIANT_KW => "keyword `variant`",
            ENUM_KW => "keyword `enum`",
            OPTION_KW => "keyword `option`",
            RESULT_KW => "keyword `result`",
            FUTURE_KW => "keyword `future`",
            STREAM_KW => "keyword `stream`",
            ERROR_CONTEXT_KW => "keyword `error-context`",
            LIST_KW => "keyword `list`",
            MAP_KW => "keyword `map`",
            TUPLE_KW => "keyword `tuple`",
            UNDERSCORE => "keyword `_`",
            AS_KW => "keyword `as`",
            FROM_KW => "keyword `from`",
            STATIC_KW => "keyword `static`",
            INTERFACE_KW => "keyword `interface`",
            WORLD_KW => "keyword `world`",
            IMPORT_KW => "keyword `import`",
            EXPORT_KW => "keyword `export`",
            PACKAGE_KW => "keyword `package`",
            CONSTRUCTOR_KW => "keyword `constructor`",
            ASYNC_KW => "keyword `async`",
            INCLUDE_KW => "keyword `include`",
            WITH_KW => "keyword `with`",
            GET_KW => "`get`",
            SET_KW => "`set`",
            EOF => "end of file",
            _ => "a syntax node",
        }
    }

    /// Whether every token of this kind has the same text (keywords and punctuation).
    pub fn has_fixed_text(self) -> bool {
        (EQ as u16..=SET_KW as u16).contains(&(self as u16))
    }

    /// The text of a keyword or punctuation token, if it has a fixed spelling.
    pub fn fixed_text(self) -> Option<&'static str> {
        let text = match self {
            EQ => "=",
            COMMA => ",",
            COLON => ":",
            DOT => ".",
            SEMICOLON => ";",
            L_PAREN => "(",
            R_PAREN => ")",
            L_CURLY => "{",
            R_CURLY => "}",
            L_ANGLE => "<",
            R_ANGLE => ">",
            ARROW => "->",
            STAR => "*",
            AT => "@",
            SLASH => "/",
            PLUS => "+",
            MINUS => "-",
            GET_KW => "get",
            SET_KW => "set",
            _ if self.is_keyword() => {
                let desc = self.describe();
                return desc
                    .strip_prefix("keyword `")
                    .and_then(|s| s.strip_suffix('`'));
            }
            _ => return None,
        };
        Some(text)
    }
}

impl From<SyntaxKind> for rowan::SyntaxKind {
    fn from(kind: SyntaxKind) -> Self {
        rowan::SyntaxKind(kind as u16)
    }
}

/// The rowan language of WIT trees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WitLanguage {}

impl rowan::Language for WitLanguage {
    type Kind = SyntaxKind;

    fn kind_from_raw(raw: rowan::SyntaxKind) -> SyntaxKind {
        assert!(
            raw.0 < __LAST as u16,
            "raw syntax kind {} out of range",
            raw.0
        );
        // SAFETY: `SyntaxKind` is `repr(u16)` and every value below `__LAST` is a variant.
        unsafe { std::mem::transmute::<u16, SyntaxKind>(raw.0) }
    }

    fn kind_to_raw(kind: SyntaxKind) -> rowan::SyntaxKind {
        kind.into()
    }
}

pub type SyntaxNode = rowan::SyntaxNode<WitLanguage>;
pub type SyntaxToken = rowan::SyntaxToken<WitLanguage>;
pub type SyntaxElement = rowan::SyntaxElement<WitLanguage>;
pub type SyntaxNodeChildren = rowan::SyntaxNodeChildren<WitLanguage>;

/// `T![;]`, `T![record]`: the kind of a punctuation or keyword token, by its spelling.
#[macro_export]
macro_rules! T {
    [=] => { $crate::SyntaxKind::EQ };
    [,] => { $crate::SyntaxKind::COMMA };
    [:] => { $crate::SyntaxKind::COLON };
    [.] => { $crate::SyntaxKind::DOT };
    [;] => { $crate::SyntaxKind::SEMICOLON };
    ['('] => { $crate::SyntaxKind::L_PAREN };
    [')'] => { $crate::SyntaxKind::R_PAREN };
    ['{'] => { $crate::SyntaxKind::L_CURLY };
    ['}'] => { $crate::SyntaxKind::R_CURLY };
    [<] => { $crate::SyntaxKind::L_ANGLE };
    [>] => { $crate::SyntaxKind::R_ANGLE };
    [->] => { $crate::SyntaxKind::ARROW };
    [*] => { $crate::SyntaxKind::STAR };
    [@] => { $crate::SyntaxKind::AT };
    [/] => { $crate::SyntaxKind::SLASH };
    [+] => { $crate::SyntaxKind::PLUS };
    [-] => { $crate::SyntaxKind::MINUS };
    [_] => { $crate::SyntaxKind::UNDERSCORE };
    [use] => { $crate::SyntaxKind::USE_KW };
    [type] => { $crate::SyntaxKind::TYPE_KW };
    [func] => { $crate::SyntaxKind::FUNC_KW };
    [record] => { $crate::SyntaxKind::RECORD_KW };
    [resource] => { $crate::SyntaxKind::RESOURCE_KW };
    [own] => { $crate::SyntaxKind::OWN_KW };
    [borrow] => { $crate::SyntaxKind::BORROW_KW };
    [flags] => { $crate::SyntaxKind::FLAGS_KW };
    [variant] => { $crate::SyntaxKind::VARIANT_KW };
    [enum] => { $crate::SyntaxKind::ENUM_KW };
    [option] => { $crate::SyntaxKind::OPTION_KW };
    [result] => { $crate::SyntaxKind::RESULT_KW };
    [future] => { $crate::SyntaxKind::FUTURE_KW };
    [stream] => { $crate::SyntaxKind::STREAM_KW };
    [list] => { $crate::SyntaxKind::LIST_KW };
    [map] => { $crate::SyntaxKind::MAP_KW };
    [tuple] => { $crate::SyntaxKind::TUPLE_KW };
    [as] => { $crate::SyntaxKind::AS_KW };
    [static] => { $crate::SyntaxKind::STATIC_KW };
    [interface] => { $crate::SyntaxKind::INTERFACE_KW };
    [world] => { $crate::SyntaxKind::WORLD_KW };
    [import] => { $crate::SyntaxKind::IMPORT_KW };
    [export] => { $crate::SyntaxKind::EXPORT_KW };
    [package] => { $crate::SyntaxKind::PACKAGE_KW };
    [constructor] => { $crate::SyntaxKind::CONSTRUCTOR_KW };
    [async] => { $crate::SyntaxKind::ASYNC_KW };
    [include] => { $crate::SyntaxKind::INCLUDE_KW };
    [with] => { $crate::SyntaxKind::WITH_KW };
    [get] => { $crate::SyntaxKind::GET_KW };
    [set] => { $crate::SyntaxKind::SET_KW };
}
