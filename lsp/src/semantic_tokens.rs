//! Semantic tokens: the legend, the encoding of highlight ranges as LSP's relative integers
//! (split per line), and deltas against the last result sent for a file.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use tower_lsp_server::ls_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokensEdit,
    SemanticTokensLegend,
};
use witty_analysis::ide::{DefKind, HlRange, HlTag, hl_mod};
use witty_syntax::{LineCol, LineIndex, TextRange};

use crate::convert::{Encoding, position};

const TYPES: &[SemanticTokenType] = &[
    SemanticTokenType::NAMESPACE,
    SemanticTokenType::INTERFACE,
    SemanticTokenType::TYPE,
    SemanticTokenType::STRUCT,
    SemanticTokenType::ENUM,
    SemanticTokenType::CLASS,
    SemanticTokenType::FUNCTION,
    SemanticTokenType::METHOD,
    SemanticTokenType::PARAMETER,
    SemanticTokenType::PROPERTY,
    SemanticTokenType::ENUM_MEMBER,
    SemanticTokenType::KEYWORD,
    SemanticTokenType::COMMENT,
    SemanticTokenType::STRING,
    SemanticTokenType::NUMBER,
    SemanticTokenType::DECORATOR,
];

const MODIFIERS: &[SemanticTokenModifier] = &[
    SemanticTokenModifier::DECLARATION,
    SemanticTokenModifier::DEPRECATED,
    SemanticTokenModifier::DOCUMENTATION,
    SemanticTokenModifier::DEFAULT_LIBRARY,
];

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: MODIFIERS.to_vec(),
    }
}

fn type_index(t: SemanticTokenType) -> u32 {
    TYPES.iter().position(|x| *x == t).unwrap_or(0) as u32
}

fn token_type(tag: HlTag) -> u32 {
    use SemanticTokenType as T;
    type_index(match tag {
        HlTag::Def(kind) => match kind {
            DefKind::Package | DefKind::World => T::NAMESPACE,
            DefKind::Interface | DefKind::Import | DefKind::Export => T::INTERFACE,
            DefKind::TypeAlias => T::TYPE,
            DefKind::Record => T::STRUCT,
            DefKind::Variant | DefKind::Enum | DefKind::Flags => T::ENUM,
            DefKind::Resource => T::CLASS,
            DefKind::Func => T::FUNCTION,
            DefKind::Constructor | DefKind::Method | DefKind::StaticFunc => T::METHOD,
            DefKind::Param => T::PARAMETER,
            DefKind::Field => T::PROPERTY,
            DefKind::Case | DefKind::EnumCase | DefKind::Flag => T::ENUM_MEMBER,
        },
        HlTag::Keyword => T::KEYWORD,
        HlTag::BuiltinType => T::TYPE,
        HlTag::Comment => T::COMMENT,
        HlTag::String => T::STRING,
        HlTag::Number => T::NUMBER,
        HlTag::Attribute => T::DECORATOR,
        HlTag::AttributeKey => T::PARAMETER,
    })
}

/// The analysis's modifier bits are in the legend's order already.
fn modifiers(mods: u32) -> u32 {
    mods & (hl_mod::DECLARATION
        | hl_mod::DEPRECATED
        | hl_mod::DOCUMENTATION
        | hl_mod::DEFAULT_LIBRARY)
}

/// Encodes ranges in text order as LSP tokens, one per line of a multi-line range.
pub fn encode(text: &str, ranges: &[HlRange], encoding: Encoding) -> Vec<SemanticToken> {
    let index = LineIndex::for_editor(text);
    let mut out = Vec::new();
    let (mut last_line, mut last_start) = (0u32, 0u32);
    for h in ranges {
        // One piece per line the range touches, each without its line break.
        let (first, last) = (
            index.line_col(h.range.start()).line,
            index.line_col(h.range.end()).line,
        );
        let pieces = (first..=last).filter_map(|line| {
            let start = index.offset(LineCol { line, col: 0 })?.max(h.range.start());
            let end = index.line_end(line)?.min(h.range.end());
            (start < end).then(|| TextRange::new(start, end))
        });
        for piece in pieces {
            let s = position(&index, encoding, piece.start());
            let e = position(&index, encoding, piece.end());
            let delta_line = s.line - last_line;
            let delta_start = if delta_line == 0 {
                s.character - last_start
            } else {
                s.character
            };
            out.push(SemanticToken {
                delta_line,
                delta_start,
                length: e.character - s.character,
                token_type: token_type(h.tag),
                token_modifiers_bitset: modifiers(h.mods),
            });
            (last_line, last_start) = (s.line, s.character);
        }
    }
    out
}

/// The last tokens sent per file, by result id, for deltas.
#[derive(Clone, Default)]
pub struct TokenCache {
    inner: Arc<Mutex<Sent>>,
}

#[derive(Default)]
struct Sent {
    last_id: u64,
    by_file: HashMap<PathBuf, (String, Vec<SemanticToken>)>,
}

impl TokenCache {
    /// Remembers the tokens and returns their new result id.
    pub fn store(&self, path: PathBuf, tokens: Vec<SemanticToken>) -> String {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner.last_id += 1;
        let id = inner.last_id.to_string();
        inner.by_file.insert(path, (id.clone(), tokens));
        id
    }

    pub fn previous(&self, path: &PathBuf, result_id: &str) -> Option<Vec<SemanticToken>> {
        let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let (id, tokens) = inner.by_file.get(path)?;
        (id == result_id).then(|| tokens.clone())
    }
}

/// One edit that turns `old` into `new`: what lies between their common start and end.
pub fn diff(old: &[SemanticToken], new: &[SemanticToken]) -> Vec<SemanticTokensEdit> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let max_suffix = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    if prefix == old.len() && prefix == new.len() {
        return Vec::new();
    }
    vec![SemanticTokensEdit {
        // Offsets count integers: five per token.
        start: (prefix * 5) as u32,
        delete_count: ((old.len() - prefix - suffix) * 5) as u32,
        data: Some(new[prefix..new.len() - suffix].to_vec()),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(delta_line: u32) -> SemanticToken {
        SemanticToken {
            delta_line,
            ..Default::default()
        }
    }

    #[test]
    fn diff_replaces_the_middle() {
        let old = [t(0), t(1), t(2), t(3)];
        let new = [t(0), t(9), t(9), t(3)];
        let edits = diff(&old, &new);
        assert_eq!(edits.len(), 1);
        assert_eq!((edits[0].start, edits[0].delete_count), (5, 10));
        assert_eq!(edits[0].data.as_deref(), Some(&[t(9), t(9)][..]));
        assert!(diff(&old, &old).is_empty());
        let grown = diff(&old[..2], &old);
        assert_eq!((grown[0].start, grown[0].delete_count), (10, 0));
    }
}
