//! The parser's machinery: a cursor over significant tokens, markers, and the event list
//! it produces. The grammar itself lives in `grammar/`.

mod event;
mod grammar;
mod token_set;

pub(crate) use event::Event;
pub(crate) use token_set::TokenSet;

use crate::{
    SyntaxError,
    SyntaxKind::{self, *},
    TextRange, TextSize,
    lexer::LexedTokens,
};

/// Parses the tokens of `text` into events and errors.
pub(crate) fn parse_tokens(text: &str, tokens: &LexedTokens) -> (Vec<Event>, Vec<SyntaxError>) {
    let mut p = Parser::new(text, tokens);
    grammar::source_file(&mut p);
    (p.events, p.errors)
}

/// The deepest nesting of types, and of `package { }` blocks, that is parsed; wit-parser has
/// the same limits, and they keep recursion (and the tree) shallow.
pub(crate) const MAX_DEPTH: u32 = 100;

pub(crate) struct Parser<'t> {
    text: &'t str,
    tokens: &'t LexedTokens,
    /// Indices into `tokens` of the tokens that are not trivia.
    significant: Vec<u32>,
    pos: usize,
    events: Vec<Event>,
    errors: Vec<SyntaxError>,
    pub(crate) type_depth: u32,
    pub(crate) package_depth: u32,
}

impl<'t> Parser<'t> {
    fn new(text: &'t str, tokens: &'t LexedTokens) -> Parser<'t> {
        let significant = (0..tokens.len() as u32)
            .filter(|&i| !tokens.kinds[i as usize].is_trivia())
            .collect();
        Parser {
            text,
            tokens,
            significant,
            pos: 0,
            events: Vec::new(),
            errors: Vec::new(),
            type_depth: 0,
            package_depth: 0,
        }
    }

    pub(crate) fn current(&self) -> SyntaxKind {
        self.nth(0)
    }

    pub(crate) fn nth(&self, n: usize) -> SyntaxKind {
        match self.significant.get(self.pos + n) {
            Some(&i) => self.tokens.kinds[i as usize],
            None => EOF,
        }
    }

    pub(crate) fn nth_text(&self, n: usize) -> &'t str {
        match self.significant.get(self.pos + n) {
            Some(&i) => self.tokens.text(self.text, i as usize),
            None => "",
        }
    }

    pub(crate) fn at(&self, kind: SyntaxKind) -> bool {
        self.current() == kind
    }

    pub(crate) fn at_ts(&self, set: TokenSet) -> bool {
        set.contains(self.current())
    }

    /// Whether the current token is the identifier `word` (a contextual keyword).
    pub(crate) fn at_contextual(&self, word: &str) -> bool {
        self.at(IDENT) && self.nth_text(0) == word
    }

    /// Whether trivia (whitespace, comments) stands between the previous token and this one.
    pub(crate) fn after_trivia(&self) -> bool {
        match (self.significant.get(self.pos), self.pos.checked_sub(1)) {
            (Some(&here), Some(prev)) => here > self.significant[prev] + 1,
            _ => false,
        }
    }

    /// The position in significant tokens, to check that a loop made progress.
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    pub(crate) fn start(&mut self) -> Marker {
        let pos = self.events.len() as u32;
        self.events.push(Event::Start { kind: TOMBSTONE });
        Marker { pos }
    }

    pub(crate) fn bump(&mut self, kind: SyntaxKind) {
        debug_assert_eq!(self.current(), kind);
        self.bump_any();
    }

    pub(crate) fn bump_any(&mut self) {
        let kind = self.current();
        if kind == EOF {
            return;
        }
        self.bump_remap(kind);
    }

    /// Consumes the current token, giving it `kind` in the tree (for contextual keywords).
    pub(crate) fn bump_remap(&mut self, kind: SyntaxKind) {
        if self.current() == EOF {
            return;
        }
        self.pos += 1;
        self.events.push(Event::Token { kind });
    }

    pub(crate) fn eat(&mut self, kind: SyntaxKind) -> bool {
        if !self.at(kind) {
            return false;
        }
        self.bump_any();
        true
    }

    /// Consumes `kind`, or reports what was expected and what was found instead.
    pub(crate) fn expect(&mut self, kind: SyntaxKind) -> bool {
        if self.eat(kind) {
            return true;
        }
        self.error_expected(kind.describe());
        false
    }

    /// Reports `expected X, found Y` at the current token.
    pub(crate) fn error_expected(&mut self, expected: &str) {
        let found = self.describe_current();
        self.error(format!("expected {expected}, found {found}"));
    }

    /// How the current token is named in messages, with its text where that helps.
    pub(crate) fn describe_current(&self) -> String {
        match self.current() {
            IDENT => format!("identifier `{}`", self.nth_text(0)),
            INTEGER | VERSION_NUMBER => format!("`{}`", self.nth_text(0)),
            ERROR => format!("{:?}", self.nth_text(0)),
            kind => kind.describe().to_string(),
        }
    }

    /// Reports an error at the current token (or at the end of the text). One position gets
    /// one error: the first is the most precise, later ones would only repeat it.
    pub(crate) fn error(&mut self, message: impl Into<String>) {
        self.error_with_code("syntax-error", message);
    }

    pub(crate) fn error_with_code(&mut self, code: &'static str, message: impl Into<String>) {
        let range = self.current_range();
        if self
            .errors
            .last()
            .is_some_and(|e| e.range().start() == range.start())
        {
            return;
        }
        self.errors
            .push(SyntaxError::with_code(code, message, range));
    }

    pub(crate) fn current_range(&self) -> TextRange {
        match self.significant.get(self.pos) {
            Some(&i) => self.tokens.range(i as usize),
            None => TextRange::empty(TextSize::of(self.text)),
        }
    }

    /// Wraps the current token in an `ERROR` node, after reporting `message`.
    pub(crate) fn err_and_bump(&mut self, message: impl Into<String>) {
        self.error(message);
        let m = self.start();
        self.bump_any();
        m.complete(self, ERROR);
    }
}

/// The start of a node whose kind is known only once its end is reached.
#[must_use]
pub(crate) struct Marker {
    pos: u32,
}

impl Marker {
    pub(crate) fn complete(self, p: &mut Parser<'_>, kind: SyntaxKind) {
        match &mut p.events[self.pos as usize] {
            Event::Start { kind: slot } => *slot = kind,
            _ => unreachable!("a marker always points at a start event"),
        }
        p.events.push(Event::Finish);
    }

    /// Drops the node; its children stay, in its parent.
    pub(crate) fn abandon(self, p: &mut Parser<'_>) {
        if self.pos as usize == p.events.len() - 1 {
            p.events.pop();
        }
    }
}
