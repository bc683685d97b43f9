//! The formatter's driver: one walk over the lossless tree, in text order and without
//! recursion (so that deep trees cannot overflow the stack), writing layout commands. Every
//! significant token and every comment is written exactly once, in its original order; only
//! whitespace is decided anew, by the rules and then the printer, and the commas at the end
//! of lists follow the list's layout.

use rowan::{NodeOrToken, WalkEvent};

use super::FormatOptions;
use super::doc::{Cmd, Line, LineKind};
use super::frame::{Frame, Layout, List};
use super::gap::Gap;
use super::layout;
use super::rules::{self, Sep};
use crate::{SyntaxNode, SyntaxToken, TextRange};

/// The formatted text, and for each significant token its range in the input and output.
pub(super) struct Output {
    pub(super) text: String,
    pub(super) positions: Vec<(TextRange, TextRange)>,
}

pub(super) fn format_tree(root: &SyntaxNode, input: &str, options: &FormatOptions) -> Output {
    let cmds = commands(root, input);
    let (text, positions) = layout::print(cmds, input, options);
    Output { text, positions }
}

/// The layout commands of a tree.
fn commands(root: &SyntaxNode, input: &str) -> Vec<Cmd> {
    let mut walker = Walker {
        cmds: Vec::with_capacity(input.len() / 4),
        frames: Vec::new(),
        next_id: 0,
        item_starts: false,
        // The start of the file behaves like the end of an item: comments and the first
        // token go on lines of their own, and leading blank lines vanish at the start.
        prev: Prev {
            after: Sep::LINE,
            glue: None,
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
                    gap.push(token.kind(), token.text_range(), token.text());
                } else if !walker.is_trailing_comma(&token) {
                    walker.token(&token, std::mem::take(&mut gap));
                }
            }
            WalkEvent::Leave(NodeOrToken::Token(_)) => {}
        }
    }
    walker.end(gap);
    walker.cmds
}

/// What the walker remembers of the last significant token written.
struct Prev {
    after: Sep,
    glue: Option<u32>,
}

struct Walker {
    cmds: Vec<Cmd>,
    /// The nodes the walk is inside, outermost first.
    frames: Vec<Frame>,
    next_id: u32,
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

    fn token(&mut self, token: &SyntaxToken, gap: Gap) {
        let Some(&frame) = self.frames.last() else {
            return;
        };
        let group = |list: Option<List>| {
            list.and_then(|l| match l.layout {
                Layout::Group { forced } => Some((l, forced)),
                _ => None,
            })
        };
        let opens = group(frame.opens(token));
        let closes = group(frame.closes(token));
        let mut before = rules::before(token, &frame);
        if std::mem::take(&mut self.item_starts) {
            before = Sep::LINE;
        }
        // A broken list ends with a comma, so that adding an element touches one line.
        if closes.is_some_and(|(list, _)| list.trailing_comma) {
            self.cmds.push(Cmd::BrokenComma);
            // What follows is laid out as if the author had written the comma.
            self.prev.after = rules::after_comma();
        }
        let glued = frame.glue.is_some() && frame.glue == self.prev.glue;
        let sep = if glued {
            Sep::Glue
        } else {
            Sep::between(self.prev.after, before)
        };
        self.separate(&gap, sep, before, closes.is_some());
        if let Some((_, forced)) = opens {
            self.cmds.push(Cmd::GroupStart { forced });
        }
        let range = token.text_range();
        self.cmds.push(Cmd::Token {
            start: range.start().into(),
            end: range.end().into(),
        });
        if opens.is_some() {
            self.cmds.push(Cmd::IndentStart);
        }
        if closes.is_some() {
            self.cmds.push(Cmd::GroupEnd);
        }
        self.prev = Prev {
            after: rules::after(token, &frame),
            glue: frame.glue,
        };
    }

    /// A comma right before the closing delimiter of its list. It is left out, and its gap
    /// joins the next: the list gets a trailing comma when it breaks, none on one line.
    fn is_trailing_comma(&self, token: &SyntaxToken) -> bool {
        self.frames.last().is_some_and(|frame| {
            frame.comma_list(token.kind()).is_some()
                && next_significant(token).is_some_and(|next| frame.closes(&next).is_some())
        })
    }

    /// Writes the comments of the gap before a token, and the whitespace around them; for
    /// a list's closing delimiter, ends the list's indentation before the last line break.
    ///
    /// A comment that followed the previous token on its line stays there; one that stood on
    /// a line of its own still does, indented like the token after it (or one level deeper,
    /// inside a statement that is otherwise on one line). After a `//` comment, or where the
    /// author broke the line after a comment, the next token starts a new line. Blank lines
    /// survive only where the rules allow one, one at most.
    fn separate(&mut self, gap: &Gap, sep: Sep, before: Sep, dedent: bool) {
        let structural = sep.is_line();
        let starts_statement = self.prev.after.is_line();
        let blank_after_prev = structural && self.prev.after.blank_ok();
        let blank_before_next = structural && before.blank_ok();
        self.comments(gap, blank_after_prev, structural, starts_statement);
        if dedent {
            self.cmds.push(Cmd::IndentEnd);
        }
        // The line before a closing delimiter is not a statement's start: it keeps the
        // indentation the list had.
        let starts_statement = starts_statement && !dedent;
        let blank = gap.newlines_after > 1;
        match (gap.comments.last(), sep) {
            (Some(last), _) if last.ends_line || gap.newlines_after > 0 => {
                self.line(blank && blank_before_next, structural, starts_statement);
            }
            // After a block comment, a list on one line goes on after a space.
            (Some(_), Sep::Soft { .. }) => self.cmds.push(Cmd::Line(Line {
                kind: LineKind::SoftSpace,
                blank: false,
                starts_statement,
            })),
            (Some(_), Sep::Line { .. }) => self.line(false, true, starts_statement),
            (Some(_), _) => self.cmds.push(Cmd::Space),
            (None, Sep::Soft { space, .. }) => self.cmds.push(Cmd::Line(Line {
                kind: if space {
                    LineKind::SoftSpace
                } else {
                    LineKind::Soft
                },
                blank: blank && blank_after_prev && blank_before_next,
                starts_statement,
            })),
            (None, Sep::Line { .. }) => self.line(
                blank && blank_after_prev && blank_before_next,
                true,
                starts_statement,
            ),
            (None, Sep::Glue) => {}
            (None, Sep::Space) => self.cmds.push(Cmd::Space),
        }
    }

    /// The end of the file: the comments after the last token.
    fn end(&mut self, gap: Gap) {
        self.comments(&gap, self.prev.after.blank_ok(), true, true);
    }

    /// Writes a gap's comments: on the previous token's line if they were, else each on a
    /// line of its own, with a blank line before it where one was and may be.
    fn comments(
        &mut self,
        gap: &Gap,
        blank_after_prev: bool,
        structural: bool,
        starts_statement: bool,
    ) {
        for (i, comment) in gap.comments.iter().enumerate() {
            if comment.newlines_before == 0 {
                self.cmds.push(Cmd::Space);
            } else {
                let blank_ok = if i == 0 { blank_after_prev } else { structural };
                self.line(
                    blank_ok && comment.newlines_before > 1,
                    structural,
                    starts_statement,
                );
            }
            self.cmds.push(Cmd::Comment {
                start: comment.start,
                end: comment.end,
                line: comment.ends_line,
            });
        }
    }

    /// A line break that must be: a line of the body (`structural`), or one that goes on
    /// with the statement, one level deeper.
    fn line(&mut self, blank: bool, structural: bool, starts_statement: bool) {
        self.cmds.push(Cmd::Line(Line {
            kind: if structural {
                LineKind::Hard
            } else {
                LineKind::Continue
            },
            blank: blank && structural,
            starts_statement,
        }));
    }
}

fn next_significant(token: &SyntaxToken) -> Option<SyntaxToken> {
    std::iter::successors(token.next_token(), |t| t.next_token()).find(|t| !t.kind().is_trivia())
}
