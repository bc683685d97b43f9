//! The formatter's driver: one walk over the lossless tree, in text order and without
//! recursion (so that deep trees cannot overflow the stack). Every significant token and
//! every comment is written exactly once, in its original order; only whitespace is decided
//! anew, by the rules, and commas are added to close broken lists.

use rowan::{NodeOrToken, WalkEvent};

use super::frame::{Frame, List};
use super::gap::Gap;
use super::printer::Printer;
use super::rules::{self, Sep};
use crate::{SyntaxKind, SyntaxNode, SyntaxToken, T, TextRange};

/// The formatted text, and for each significant token its range in the input and output.
pub(super) struct Output {
    pub(super) text: String,
    pub(super) positions: Vec<(TextRange, TextRange)>,
}

pub(super) fn format_tree(root: &SyntaxNode, input: &str, indent_width: usize) -> Output {
    let mut walker = Walker {
        printer: Printer::new(input, indent_width),
        frames: Vec::new(),
        next_id: 0,
        depth: 0,
        continued: false,
        blocks: Vec::new(),
        item_starts: false,
        // The start of the file behaves like the end of an item: comments and the first
        // token go on lines of their own, and leading blank lines vanish at the start.
        prev: Prev {
            kind: SyntaxKind::EOF,
            after: Sep::Line,
            glue: None,
            frame: u32::MAX,
        },
    };
    let mut gap = Gap::default();
    for event in root.preorder_with_tokens() {
        match event {
            WalkEvent::Enter(NodeOrToken::Node(node)) => walker.enter(&node),
            WalkEvent::Leave(NodeOrToken::Node(_)) => {
                walker.frames.pop();
            }
            WalkEvent::Enter(NodeOrToken::Token(token)) => {
                if token.kind().is_trivia() {
                    gap.push(token.kind(), text_of(&token, input));
                } else {
                    walker.token(&token, std::mem::take(&mut gap));
                }
            }
            WalkEvent::Leave(NodeOrToken::Token(_)) => {}
        }
    }
    walker.end(gap);
    let (text, positions) = walker.printer.finish();
    Output { text, positions }
}

/// A token's text as a slice of the input, so that comments can be borrowed, not copied.
fn text_of<'a>(token: &SyntaxToken, input: &'a str) -> &'a str {
    let range = token.text_range();
    &input[usize::from(range.start())..usize::from(range.end())]
}

/// What the walker remembers of the last significant token written.
struct Prev {
    kind: SyntaxKind,
    after: Sep,
    glue: Option<u32>,
    /// The id of the node the token is directly in.
    frame: u32,
}

struct Walker {
    printer: Printer,
    /// The nodes the walk is inside, outermost first.
    frames: Vec<Frame>,
    next_id: u32,
    /// Indentation level of the lines of the current body, in units.
    depth: usize,
    /// A comment has broken the current statement across lines: the lines after the first
    /// are indented one level more, and so is a broken list opened on one of them.
    continued: bool,
    /// For each open broken list: how much it indented its body, and `continued` outside it.
    blocks: Vec<(usize, bool)>,
    /// An item node was entered and its first token is still to come.
    item_starts: bool,
    prev: Prev,
}

impl Walker {
    fn enter(&mut self, node: &SyntaxNode) {
        let parent = self.frames.last();
        if node.kind().is_item() && parent.is_some_and(|p| rules::is_container(p.kind)) {
            self.item_starts = true;
        }
        let frame = Frame::new(node, parent, self.next_id);
        self.next_id += 1;
        self.frames.push(frame);
    }

    fn token(&mut self, token: &SyntaxToken, gap: Gap<'_>) {
        let kind = token.kind();
        let Some(frame) = self.frames.last() else {
            return;
        };
        let (frame_id, glue) = (frame.id, frame.glue);
        let opens = frame.broken && frame.opener() == Some(kind);
        let closes = frame.broken && frame.closer() == Some(kind);
        let mut before = rules::before(kind, frame);
        if std::mem::take(&mut self.item_starts) {
            before = Sep::Line;
        }
        let after = rules::after(kind, frame);
        // A broken list of commas ends with one, so that adding an element touches one line.
        if closes
            && frame.list == List::Commas
            && self.prev.kind != T![,]
            && !(self.prev.frame == frame_id && Some(self.prev.kind) == frame.opener())
        {
            self.printer.push(",");
            self.prev.after = Sep::Line;
        }
        let glued = glue.is_some() && glue == self.prev.glue;
        if self.prev.after.is_line() {
            // The previous token ended a statement (or opened a body): a new one starts.
            self.continued = false;
        }
        self.separate(&gap, before, glued, closes);
        self.printer.token(token.text(), token.text_range());
        if opens {
            let indent = 1 + usize::from(self.continued);
            self.blocks.push((indent, self.continued));
            self.depth += indent;
            self.continued = false;
        }
        self.prev = Prev {
            kind,
            after,
            glue,
            frame: frame_id,
        };
    }

    /// Writes the comments of the gap before a token, and the whitespace around them.
    ///
    /// A comment that followed the previous token on its line stays there; one that stood on
    /// a line of its own still does, indented like the token after it (or one level deeper,
    /// inside a construct that is otherwise on one line). After a `//` comment, or where the
    /// author broke the line, the next token starts a new line. Blank lines survive only
    /// between items and comments, one at most, never right after `{` or right before `}`.
    fn separate(&mut self, gap: &Gap<'_>, before: Sep, glued: bool, dedent: bool) {
        let after = self.prev.after;
        let on_lines = !glued && (after.is_line() || before.is_line());
        let blank_after_prev = on_lines && after != Sep::LineNoBlank;
        let blank_before_next = on_lines && before != Sep::LineNoBlank;
        self.comments(gap, blank_after_prev, on_lines);
        if dedent && let Some((indent, continued)) = self.blocks.pop() {
            self.depth = self.depth.saturating_sub(indent);
            self.continued = continued;
        }
        let blank = gap.newlines_after > 1;
        match gap.comments.last() {
            Some(last) if last.ends_line || gap.newlines_after > 0 || on_lines => {
                self.line_break(blank && blank_before_next, on_lines);
            }
            Some(_) => self.printer.space(),
            None if on_lines => {
                self.line_break(blank && blank_after_prev && blank_before_next, true);
            }
            None if glued || after == Sep::Glue || before == Sep::Glue => {}
            None => self.printer.space(),
        }
    }

    /// The end of the file: the comments after the last token, then one line break.
    fn end(&mut self, gap: Gap<'_>) {
        let blank_after_prev = self.prev.after != Sep::LineNoBlank;
        self.continued = false;
        self.comments(&gap, blank_after_prev, true);
    }

    /// Writes a gap's comments: on the previous token's line if they were, else each on a
    /// line of its own, with a blank line before it where one was and may be.
    fn comments(&mut self, gap: &Gap<'_>, blank_after_prev: bool, on_lines: bool) {
        for (i, comment) in gap.comments.iter().enumerate() {
            if comment.newlines_before == 0 && !self.printer.at_start() {
                self.printer.space();
            } else {
                let blank_ok = if i == 0 { blank_after_prev } else { on_lines };
                self.line_break(blank_ok && comment.newlines_before > 1, on_lines);
            }
            self.printer.push(comment.text);
        }
    }

    /// Starts a new line: a line of the body (`on_lines`), indented like the statement, or
    /// a continuation of the statement, one level deeper.
    fn line_break(&mut self, blank: bool, on_lines: bool) {
        let level = if on_lines {
            self.depth + usize::from(self.continued)
        } else {
            self.continued = true;
            self.depth + 1
        };
        self.printer.line_break(blank, level);
    }
}
