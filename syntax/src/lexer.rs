//! The lexer: splits WIT text into tokens so that every byte belongs to exactly one token.

use logos::Logos;

use crate::{SyntaxError, SyntaxKind, TextRange, TextSize};

/// The tokens of a text: kinds and the offset each starts at. `starts` has one more entry than
/// `kinds`, the text's length, so that token `i` spans `starts[i]..starts[i + 1]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LexedTokens {
    pub kinds: Vec<SyntaxKind>,
    pub starts: Vec<u32>,
}

impl LexedTokens {
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    pub fn range(&self, i: usize) -> TextRange {
        TextRange::new(self.starts[i].into(), self.starts[i + 1].into())
    }

    pub fn text<'t>(&self, text: &'t str, i: usize) -> &'t str {
        &text[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

/// Token shapes as logos matches them; [`lex`] turns them into `SyntaxKind`s, splitting out
/// keywords and versions, which a plain regular language states less clearly.
#[derive(Logos, Debug, Clone, Copy, PartialEq, Eq)]
enum Raw {
    #[regex(r"([ \t\n]|\r\n)+")]
    Whitespace,
    #[token("//", line_comment)]
    LineComment(bool),
    #[token("/*", block_comment)]
    BlockComment((bool, bool)),
    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}\-]*")]
    Ident,
    #[regex(r"%([\p{XID_Start}_\-][\p{XID_Continue}\-]*)?")]
    ExplicitIdent,
    #[regex(r"[0-9]+")]
    Integer,
    #[token("\"", string_literal)]
    String(bool),
    #[token("=")]
    Eq,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(".")]
    Dot,
    #[token(";")]
    Semicolon,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("{")]
    LCurly,
    #[token("}")]
    RCurly,
    #[token("<")]
    LAngle,
    #[token(">")]
    RAngle,
    #[token("->")]
    Arrow,
    #[token("*")]
    Star,
    #[token("@")]
    At,
    #[token("/")]
    Slash,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
}

/// Eats a line comment up to, not including, its line end (`\n` or `\r\n`).
/// Returns whether it is a doc comment: `///` but not `////`.
fn line_comment(lex: &mut logos::Lexer<Raw>) -> bool {
    let rest = lex.remainder();
    let mut end = rest.find('\n').unwrap_or(rest.len());
    if rest[..end].ends_with('\r') {
        end -= 1;
    }
    lex.bump(end);
    rest.starts_with('/') && !rest.starts_with("//")
}

/// Eats a block comment, counting nested `/* */` pairs.
/// Returns (is a doc comment `/** */`, is terminated).
fn block_comment(lex: &mut logos::Lexer<Raw>) -> (bool, bool) {
    let rest = lex.remainder().as_bytes();
    let mut depth = 1usize;
    let mut i = 0;
    while i < rest.len() {
        match (rest[i], rest.get(i + 1)) {
            (b'/', Some(b'*')) => {
                depth += 1;
                i += 2;
            }
            (b'*', Some(b'/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    break;
                }
            }
            _ => i += 1,
        }
    }
    lex.bump(i);
    let body = &rest[..i];
    // `/**/` and `/***...` are plain comments, as in Rust.
    let doc = body.starts_with(b"*") && !body.starts_with(b"*/") && !body.starts_with(b"**");
    (doc, depth == 0)
}

/// Eats a string literal's body up to its closing quote; a line end or the end of the text
/// leaves it unterminated. Returns whether the closing quote was found.
fn string_literal(lex: &mut logos::Lexer<Raw>) -> bool {
    let rest = lex.remainder().as_bytes();
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            b'"' => {
                lex.bump(i + 1);
                return true;
            }
            b'\n' => break,
            b'\\' if i + 1 < rest.len() && rest[i + 1] != b'\n' => i += 2,
            _ => i += 1,
        }
    }
    // Stop before a `\r` of a CRLF line end, and never inside a UTF-8 sequence.
    let text = lex.remainder();
    let mut end = i.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if text[..end].ends_with('\r') {
        end -= 1;
    }
    lex.bump(end);
    false
}

/// Length of a semantic version (`1.2.3`, `0.2.0-rc.1+build`) at the start of `s`, which is
/// known to start with a digit; `None` unless it has all three numbers.
///
/// Pre-release and build parts follow wit-parser: after `-` or `+`, runs of identifier
/// characters and `-`, joined by `.` only where the `.` is followed by such a character
/// (so that in `use a:b/c@1.0.0.{x}` the last `.` stays punctuation).
fn version_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = digits(0);
    for _ in 0..2 {
        if b.get(i) != Some(&b'.') {
            return None;
        }
        let n = digits(i + 1);
        if n == 0 {
            return None;
        }
        i += 1 + n;
    }
    let part_char = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
    for prefix in [b'-', b'+'] {
        if b.get(i) != Some(&prefix) {
            continue;
        }
        i += 1;
        loop {
            while i < b.len() && part_char(b[i]) {
                i += 1;
            }
            if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(|&c| part_char(c)) {
                i += 1;
            } else {
                break;
            }
        }
    }
    Some(i)
}

/// Splits `text` into tokens. Never fails: bytes that start no token become `ERROR` tokens,
/// each run of them reported once.
pub fn lex(text: &str) -> (LexedTokens, Vec<SyntaxError>) {
    let mut tokens = LexedTokens {
        kinds: Vec::with_capacity(text.len() / 3),
        starts: Vec::with_capacity(text.len() / 3 + 1),
    };
    let mut errors = Vec::new();
    let push = |tokens: &mut LexedTokens, kind: SyntaxKind, start: usize| {
        // Runs of unknown characters become one token.
        if kind == SyntaxKind::ERROR && tokens.kinds.last() == Some(&SyntaxKind::ERROR) {
            return;
        }
        tokens.kinds.push(kind);
        tokens.starts.push(start as u32);
    };

    // A byte-order mark is allowed at the very start, as wit-parser allows it.
    let mut offset = 0;
    if text.starts_with('\u{feff}') {
        push(&mut tokens, SyntaxKind::WHITESPACE, 0);
        offset = '\u{feff}'.len_utf8();
    }

    let mut lexer = Raw::lexer(&text[offset..]);
    while let Some(raw) = lexer.next() {
        let span = lexer.span();
        let start = offset + span.start;
        let kind = match raw {
            Ok(raw) => match raw {
                Raw::Whitespace => SyntaxKind::WHITESPACE,
                Raw::LineComment(doc) => comment_kind(doc),
                Raw::BlockComment((doc, terminated)) => {
                    if !terminated {
                        errors.push(SyntaxError::with_code(
                            "unterminated-comment",
                            "unterminated block comment: add `*/` to close it",
                            TextRange::at(TextSize::new(start as u32), TextSize::new(2)),
                        ));
                    }
                    comment_kind(doc)
                }
                Raw::Ident => {
                    let word = &text[start..offset + span.end];
                    SyntaxKind::from_keyword(word).unwrap_or(SyntaxKind::IDENT)
                }
                Raw::ExplicitIdent => SyntaxKind::IDENT,
                Raw::Integer => match version_len(lexer.remainder_with(span.start)) {
                    Some(len) => {
                        lexer.bump(len - (span.end - span.start));
                        SyntaxKind::VERSION_NUMBER
                    }
                    None => SyntaxKind::INTEGER,
                },
                Raw::String(terminated) => {
                    if !terminated {
                        errors.push(SyntaxError::with_code(
                            "unterminated-string",
                            "unterminated string literal: add `\"` before the end of the line",
                            TextRange::at(TextSize::new(start as u32), TextSize::new(1)),
                        ));
                    }
                    SyntaxKind::STRING
                }
                Raw::Eq => SyntaxKind::EQ,
                Raw::Comma => SyntaxKind::COMMA,
                Raw::Colon => SyntaxKind::COLON,
                Raw::Dot => SyntaxKind::DOT,
                Raw::Semicolon => SyntaxKind::SEMICOLON,
                Raw::LParen => SyntaxKind::L_PAREN,
                Raw::RParen => SyntaxKind::R_PAREN,
                Raw::LCurly => SyntaxKind::L_CURLY,
                Raw::RCurly => SyntaxKind::R_CURLY,
                Raw::LAngle => SyntaxKind::L_ANGLE,
                Raw::RAngle => SyntaxKind::R_ANGLE,
                Raw::Arrow => SyntaxKind::ARROW,
                Raw::Star => SyntaxKind::STAR,
                Raw::At => SyntaxKind::AT,
                Raw::Slash => SyntaxKind::SLASH,
                Raw::Plus => SyntaxKind::PLUS,
                Raw::Minus => SyntaxKind::MINUS,
            },
            Err(()) => {
                // logos may stop inside a multi-byte character: take the whole character.
                let rest = &text[start..];
                let ch = rest.chars().next().unwrap_or('\u{fffd}');
                let consumed = span.end - span.start;
                if consumed < ch.len_utf8() {
                    lexer.bump(ch.len_utf8() - consumed);
                }
                // Forbidden characters (control codes and the like) are reported by validation,
                // which also finds them inside comments.
                let forbidden = crate::validation::forbidden_codepoint(ch).is_some();
                if tokens.kinds.last() != Some(&SyntaxKind::ERROR) && !forbidden {
                    errors.push(SyntaxError::with_code(
                        "invalid-character",
                        format!("unexpected character {ch:?}"),
                        TextRange::at(
                            TextSize::new(start as u32),
                            TextSize::new(ch.len_utf8() as u32),
                        ),
                    ));
                }
                SyntaxKind::ERROR
            }
        };
        push(&mut tokens, kind, start);
    }
    tokens.starts.push(text.len() as u32);
    (tokens, errors)
}

fn comment_kind(doc: bool) -> SyntaxKind {
    if doc {
        SyntaxKind::DOC_COMMENT
    } else {
        SyntaxKind::COMMENT
    }
}

trait RemainderWith<'s> {
    /// The source from `start` (an offset into the lexer's source) to its end.
    fn remainder_with(&self, start: usize) -> &'s str;
}

impl<'s> RemainderWith<'s> for logos::Lexer<'s, Raw> {
    fn remainder_with(&self, start: usize) -> &'s str {
        &self.source()[start..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &str) {
        let (tokens, errors) = lex(text);
        let mut out = String::new();
        for i in 0..tokens.len() {
            out.push_str(&format!(
                "{:?} {:?}\n",
                tokens.kinds[i],
                tokens.text(text, i)
            ));
        }
        for e in errors {
            out.push_str(&format!("error {:?}: {}\n", e.range(), e.message()));
        }
        assert_eq!(out.trim_end(), expect.trim(), "\n{out}");
    }

    #[test]
    fn versions_and_integers() {
        check(
            "1.0.0-rc.1+b.2 12 1.2 0.2.0.{",
            r#"
VERSION_NUMBER "1.0.0-rc.1+b.2"
WHITESPACE " "
INTEGER "12"
WHITESPACE " "
INTEGER "1"
DOT "."
INTEGER "2"
WHITESPACE " "
VERSION_NUMBER "0.2.0"
DOT "."
L_CURLY "{"
"#,
        );
    }

    #[test]
    fn comments_nest_and_docs_are_told_apart() {
        check(
            "/// doc\r\n// plain\n//// plain\n/** doc */ /**/ /* a /* b */ c */",
            r#"
DOC_COMMENT "/// doc"
WHITESPACE "\r\n"
COMMENT "// plain"
WHITESPACE "\n"
COMMENT "//// plain"
WHITESPACE "\n"
DOC_COMMENT "/** doc */"
WHITESPACE " "
COMMENT "/**/"
WHITESPACE " "
COMMENT "/* a /* b */ c */"
"#,
        );
    }

    #[test]
    fn unknown_bytes_become_one_error_token() {
        check(
            "a $$é\r b",
            r#"
IDENT "a"
WHITESPACE " "
ERROR "$$"
IDENT "é"
ERROR "\r"
WHITESPACE " "
IDENT "b"
error 2..3: unexpected character '$'
error 6..7: unexpected character '\r'
"#,
        );
    }

    #[test]
    fn keywords_idents_and_explicit_idents() {
        check(
            "error-context %record %  record-x _",
            r#"
ERROR_CONTEXT_KW "error-context"
WHITESPACE " "
IDENT "%record"
WHITESPACE " "
IDENT "%"
WHITESPACE "  "
IDENT "record-x"
WHITESPACE " "
UNDERSCORE "_"
"#,
        );
    }

    #[test]
    fn unterminated_things() {
        check(
            "\"abc\n/* x",
            r#"
STRING "\"abc"
WHITESPACE "\n"
COMMENT "/* x"
error 0..1: unterminated string literal: add `"` before the end of the line
error 5..7: unterminated block comment: add `*/` to close it
"#,
        );
    }
}
