//! Turns the parser's events and the lexed tokens into a lossless rowan tree, putting trivia
//! back between the significant tokens and attaching leading comments to the items they
//! document.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rowan::{GreenNode, GreenToken, NodeOrToken};

use crate::{TextRange, TextSize};

use crate::{
    SyntaxKind::{self, *},
    lexer::LexedTokens,
    parser::Event,
    validation::TreeChecks,
};

/// The tree, and what validation found while it was built (see `validation::TreeChecks`).
pub(crate) fn build_tree(
    text: &str,
    tokens: &LexedTokens,
    events: Vec<Event>,
) -> (GreenNode, TreeChecks) {
    let mut builder = Builder {
        text,
        tokens,
        pos: 0,
        state: State::PendingStart,
        inner: GreenSink::new(text),
    };
    for event in events {
        match event {
            Event::Start { kind: TOMBSTONE } => {}
            Event::Start { kind } => builder.start_node(kind),
            Event::Finish => builder.finish_node(),
            Event::Token { kind } => builder.token(kind),
        }
    }
    builder.finish()
}

enum State {
    PendingStart,
    Normal,
    PendingFinish,
}

struct Builder<'a> {
    text: &'a str,
    tokens: &'a LexedTokens,
    /// The next raw token (trivia included) to add.
    pos: usize,
    state: State,
    inner: GreenSink<'a>,
}

impl Builder<'_> {
    fn start_node(&mut self, kind: SyntaxKind) {
        match std::mem::replace(&mut self.state, State::Normal) {
            State::PendingStart => {
                self.inner.start_node(kind);
                return;
            }
            State::PendingFinish => self.inner.finish_node(),
            State::Normal => {}
        }
        let n_trivia = self.tokens.kinds[self.pos..]
            .iter()
            .take_while(|k| k.is_trivia())
            .count();
        let n_attached = self.n_attached_trivia(kind, n_trivia);
        self.eat_n_trivia(n_trivia - n_attached);
        self.inner.start_node(kind);
        self.eat_n_trivia(n_attached);
    }

    fn finish_node(&mut self) {
        match std::mem::replace(&mut self.state, State::PendingFinish) {
            State::PendingStart => unreachable!("finish before start"),
            State::PendingFinish => self.inner.finish_node(),
            State::Normal => {}
        }
    }

    fn token(&mut self, kind: SyntaxKind) {
        match std::mem::replace(&mut self.state, State::Normal) {
            State::PendingStart => unreachable!("token before the root starts"),
            State::PendingFinish => self.inner.finish_node(),
            State::Normal => {}
        }
        self.eat_trivia();
        self.add_token(kind);
    }

    fn finish(mut self) -> (GreenNode, TreeChecks) {
        match std::mem::replace(&mut self.state, State::Normal) {
            State::PendingFinish => {
                // Whatever trails the last significant token belongs to the root.
                self.eat_trivia();
                while self.pos < self.tokens.len() {
                    self.add_token(self.tokens.kinds[self.pos]);
                }
                self.inner.finish_node();
            }
            State::PendingStart | State::Normal => unreachable!("the root node is not finished"),
        }
        self.inner.finish()
    }

    fn add_token(&mut self, kind: SyntaxKind) {
        let text = self.tokens.text(self.text, self.pos);
        self.inner.token(kind, text);
        self.pos += 1;
    }

    fn eat_trivia(&mut self) {
        while self.pos < self.tokens.len() && self.tokens.kinds[self.pos].is_trivia() {
            self.add_token(self.tokens.kinds[self.pos]);
        }
    }

    fn eat_n_trivia(&mut self, n: usize) {
        for _ in 0..n {
            self.add_token(self.tokens.kinds[self.pos]);
        }
    }

    /// How many of the `n_trivia` trivia tokens before a node of `kind` belong inside it:
    /// the comments right above an item document it. A blank line cuts plain comments off,
    /// but not doc comments, which always belong to the next item.
    fn n_attached_trivia(&self, kind: SyntaxKind, n_trivia: usize) -> usize {
        if !is_documented(kind) {
            return 0;
        }
        let mut attached = 0;
        let mut trivia = (0..n_trivia)
            .rev()
            .map(|i| self.pos + i)
            .enumerate()
            .peekable();
        while let Some((i, raw)) = trivia.next() {
            match self.tokens.kinds[raw] {
                WHITESPACE if has_blank_line(self.tokens.text(self.text, raw)) => {
                    match trivia.peek() {
                        Some(&(_, next)) if self.tokens.kinds[next] == DOC_COMMENT => continue,
                        _ => break,
                    }
                }
                COMMENT | DOC_COMMENT => attached = i + 1,
                _ => {}
            }
        }
        attached
    }
}

fn has_blank_line(ws: &str) -> bool {
    ws.bytes().filter(|&b| b == b'\n').count() >= 2
}

/// Nodes that can carry documentation: items, and the members of their lists.
fn is_documented(kind: SyntaxKind) -> bool {
    kind.is_item() || matches!(kind, FIELD | FLAG | VARIANT_CASE | ENUM_CASE | PARAM)
}

/// Nodes with at most this many children are shared when they repeat.
const SHARED_MAX_CHILDREN: usize = 1;

/// Builds green nodes bottom-up. Unlike rowan's `GreenNodeBuilder` it does not intern nodes,
/// and it interns tokens by their text without copying it: parsing is faster, and the
/// common tokens (keywords, punctuation, indentation, repeated names) are still shared.
struct GreenSink<'a> {
    children: Vec<NodeOrToken<GreenNode, GreenToken>>,
    parents: Vec<(SyntaxKind, usize, TextSize)>,
    tokens: HashMap<(SyntaxKind, &'a str), GreenToken, BuildHasherDefault<FxHasher>>,
    /// Tokens whose text is fixed by their kind (keywords, punctuation), by kind.
    fixed: Vec<Option<GreenToken>>,
    /// Small nodes by kind and children, to share the ones that repeat.
    shared: HashMap<
        (SyntaxKind, [usize; SHARED_MAX_CHILDREN]),
        GreenNode,
        BuildHasherDefault<FxHasher>,
    >,
    offset: TextSize,
    /// Open `ERROR` nodes: nothing inside them is validated (it was reported already).
    errors_open: u32,
    /// Open `VERSION` nodes: their pre-release parts are not identifiers.
    versions_open: u32,
    checks: TreeChecks,
}

impl<'a> GreenSink<'a> {
    fn new(text: &'a str) -> GreenSink<'a> {
        GreenSink {
            children: Vec::with_capacity(64),
            parents: Vec::with_capacity(32),
            tokens: HashMap::with_capacity_and_hasher(text.len() / 64, Default::default()),
            fixed: vec![None; TOMBSTONE as usize],
            shared: HashMap::with_capacity_and_hasher(text.len() / 256, Default::default()),
            offset: TextSize::new(0),
            errors_open: 0,
            versions_open: 0,
            checks: TreeChecks::default(),
        }
    }

    fn start_node(&mut self, kind: SyntaxKind) {
        match kind {
            ERROR => self.errors_open += 1,
            VERSION => self.versions_open += 1,
            _ => {}
        }
        self.parents.push((kind, self.children.len(), self.offset));
    }

    fn finish_node(&mut self) {
        let (kind, first, start) = self
            .parents
            .pop()
            .expect("finish_node matches a start_node");
        let n = self.children.len() - first;
        let node = if n <= SHARED_MAX_CHILDREN {
            // Small nodes repeat (`u32`, `-> string`, `list<u8>`): share them. The map keeps
            // the children alive, so their addresses identify them.
            let mut key = [0usize; SHARED_MAX_CHILDREN];
            for (slot, child) in key.iter_mut().zip(&self.children[first..]) {
                *slot = match child {
                    NodeOrToken::Node(n) => &**n as *const _ as *const u8 as usize,
                    NodeOrToken::Token(t) => &**t as *const _ as *const u8 as usize,
                };
            }
            let children = &self.children[first..];
            let node = self
                .shared
                .entry((kind, key))
                .or_insert_with(|| GreenNode::new(kind.into(), children.iter().cloned()))
                .clone();
            self.children.truncate(first);
            node
        } else {
            GreenNode::new(kind.into(), self.children.drain(first..))
        };
        match kind {
            ERROR => self.errors_open -= 1,
            VERSION => self.versions_open -= 1,
            _ => {}
        }
        if self.errors_open == 0 {
            self.checks
                .node(kind, &node, TextRange::new(start, self.offset));
        }
        self.children.push(NodeOrToken::Node(node));
    }

    fn token(&mut self, kind: SyntaxKind, text: &'a str) {
        let range = TextRange::at(self.offset, TextSize::of(text));
        self.offset = range.end();
        if self.errors_open == 0 && self.versions_open == 0 {
            let parent = self.parents.last().map_or(SOURCE_FILE, |p| p.0);
            self.checks.token(kind, text, range, parent);
        }
        let token = if kind.has_fixed_text() {
            self.fixed[kind as usize]
                .get_or_insert_with(|| GreenToken::new(kind.into(), text))
                .clone()
        } else {
            self.tokens
                .entry((kind, text))
                .or_insert_with(|| GreenToken::new(kind.into(), text))
                .clone()
        };
        self.children.push(NodeOrToken::Token(token));
    }

    fn finish(mut self) -> (GreenNode, TreeChecks) {
        match self.children.pop() {
            Some(NodeOrToken::Node(node)) if self.children.is_empty() => (node, self.checks),
            _ => unreachable!("the events describe exactly one root node"),
        }
    }
}

/// The Fx hash (as in rustc): a multiply and a rotate per word; plenty for short keys.
#[derive(Default)]
struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn write_isize(&mut self, i: isize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}
