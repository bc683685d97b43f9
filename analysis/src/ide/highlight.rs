//! Semantic highlighting: what each token of a file is, from its syntax and, for names that
//! refer to something, from what they resolve to (a record, a resource, a deprecated item).

use witty_syntax::{SyntaxKind::*, SyntaxNode, SyntaxToken, TextRange};

use super::defs::{Def, DefKind, file_index, find_def};
use super::structure::{is_deprecated as deprecated, symbol_kind};
use super::syntax_nodes::def_node;
use super::{Analysis, Cancellable};
use crate::fx::HashMap;
use crate::hir::parse;
use crate::input::{File, Root};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HlTag {
    /// A name, by what it names.
    Def(DefKind),
    Keyword,
    /// `u32`, `string`, `list`, `result`...
    BuiltinType,
    Comment,
    String,
    Number,
    /// `@since`, `@unstable`, `@deprecated`
    Attribute,
    /// `version`, `feature` inside an attribute.
    AttributeKey,
}

/// Modifiers, as bits.
pub mod hl_mod {
    pub const DECLARATION: u32 = 1;
    pub const DEPRECATED: u32 = 1 << 1;
    pub const DOCUMENTATION: u32 = 1 << 2;
    pub const DEFAULT_LIBRARY: u32 = 1 << 3;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HlRange {
    pub range: TextRange,
    pub tag: HlTag,
    pub mods: u32,
}

impl Analysis {
    /// Every token worth a colour, in text order; `range` limits them to part of the file.
    pub fn highlight_ranges(
        &self,
        path: &std::path::Path,
        range: Option<TextRange>,
    ) -> Cancellable<Vec<HlRange>> {
        self.catch(|db| {
            let Some(&file) = self.files.get(path) else {
                return Vec::new();
            };
            let root = self.locate(db, path).map(|(r, _)| r);
            let tree = parse(db, file).syntax_node();
            let mut cx = Highlighter {
                db,
                root,
                file,
                resolved: HashMap::default(),
            };
            let mut out = Vec::new();
            for token in tree
                .descendants_with_tokens()
                .filter_map(|e| e.into_token())
            {
                if range.is_some_and(|r| r.intersect(token.text_range()).is_none()) {
                    continue;
                }
                if let Some((tag, mods)) = cx.classify(&token) {
                    out.push(HlRange {
                        range: token.text_range(),
                        tag,
                        mods,
                    });
                }
            }
            out
        })
    }
}

struct Highlighter<'a> {
    db: &'a dyn salsa::Database,
    root: Option<Root>,
    file: File,
    /// What each definition referred to is, and whether it is deprecated.
    resolved: HashMap<Def, Option<(DefKind, bool)>>,
}

impl Highlighter<'_> {
    fn classify(&mut self, token: &SyntaxToken) -> Option<(HlTag, u32)> {
        use hl_mod::*;
        let kind = token.kind();
        let parent = token.parent()?;
        Some(match kind {
            COMMENT => (HlTag::Comment, 0),
            DOC_COMMENT => (HlTag::Comment, DOCUMENTATION),
            STRING => (HlTag::String, 0),
            INTEGER | VERSION_NUMBER => (HlTag::Number, 0),
            AT if parent.kind() == ATTRIBUTE => (HlTag::Attribute, 0),
            _ if parent.kind() == ATTRIBUTE && kind == IDENT => {
                // `@since(version = ...)`: the name right after `@`, then keys.
                let after_at = token.prev_token().is_some_and(|t| t.kind() == AT);
                if after_at {
                    (HlTag::Attribute, 0)
                } else {
                    (HlTag::AttributeKey, 0)
                }
            }
            _ if parent.kind() == NAME => {
                let def = parent.parent()?;
                let kind = match def.kind() {
                    INLINE_INTERFACE => DefKind::Interface,
                    IMPORT | EXPORT => DefKind::Interface,
                    PARAM => DefKind::Param,
                    _ => symbol_kind(&def)
                        .or_else(|| def.parent().as_ref().and_then(symbol_kind))
                        .unwrap_or(DefKind::Func),
                };
                let owner = if matches!(def.kind(), FUNC | INLINE_INTERFACE)
                    && def
                        .parent()
                        .is_some_and(|p| matches!(p.kind(), IMPORT | EXPORT))
                {
                    def.parent()?
                } else {
                    def
                };
                let mods = DECLARATION | if deprecated(&owner) { DEPRECATED } else { 0 };
                (HlTag::Def(kind), mods)
            }
            _ if parent.kind() == NAME_REF => self.reference(token, &parent),
            _ if parent.kind() == PACKAGE_NAME && kind != COLON => {
                (HlTag::Def(DefKind::Package), 0)
            }
            _ if kind.is_primitive_type()
                || matches!(
                    kind,
                    LIST_KW
                        | MAP_KW
                        | OPTION_KW
                        | RESULT_KW
                        | TUPLE_KW
                        | FUTURE_KW
                        | STREAM_KW
                        | BORROW_KW
                        | OWN_KW
                ) =>
            {
                (HlTag::BuiltinType, DEFAULT_LIBRARY)
            }
            _ if kind.is_keyword() => (HlTag::Keyword, 0),
            _ => return None,
        })
    }

    /// A name that refers to something: what the analysis resolved it to, else a guess
    /// from where it stands.
    fn reference(&mut self, token: &SyntaxToken, name_ref: &SyntaxNode) -> (HlTag, u32) {
        let range = token.text_range();
        if let Some(root) = self.root {
            let index = file_index(self.db, root, self.file);
            if let Some((_, def)) = index.refs.iter().find(|(r, _)| *r == range) {
                let db = self.db;
                let found = self
                    .resolved
                    .entry(def.clone())
                    .or_insert_with(|| {
                        let (file, site) = find_def(db, root, def)?;
                        let tree = parse(db, file).syntax_node();
                        let node = def_node(&tree, site.name)?;
                        Some((site.kind, deprecated(&node)))
                    })
                    .to_owned();
                if let Some((kind, is_deprecated)) = found {
                    let mods = if is_deprecated { hl_mod::DEPRECATED } else { 0 };
                    return (HlTag::Def(kind), mods);
                }
            }
        }
        let guess = match name_ref.parent().map(|p| p.kind()) {
            Some(USE_PATH) => DefKind::Interface,
            Some(INCLUDE_NAME) => DefKind::Func,
            _ => DefKind::TypeAlias,
        };
        (HlTag::Def(guess), 0)
    }
}
