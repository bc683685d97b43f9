//! The layout commands that the walk writes and the printer reads: the file's tokens and
//! comments in order, the places where a line may break, and groups, the lists whose line
//! breaks are decided together (all on one line, or one element per line).

/// One layout command. Text is referred to by its range in the input, so that a file of
/// millions of tokens costs a few bytes per command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cmd {
    /// A significant token.
    Token {
        start: u32,
        end: u32,
    },
    /// A comment; a line comment (`//`) runs to the end of its line.
    Comment {
        start: u32,
        end: u32,
        line: bool,
    },
    /// A comma that is written only when the innermost group is broken: the trailing comma
    /// of a list laid out one element per line.
    BrokenComma,
    Space,
    Line(Line),
    /// Opens a group. `forced`: broken whatever the width (the author wrote the list across
    /// lines, or it is a body laid out one element per line); the printer also forces every
    /// group that holds a line break of its own, such as a comment's.
    GroupStart {
        forced: bool,
    },
    GroupEnd,
    /// The lines up to the matching `IndentEnd` are indented one level more.
    IndentStart,
    IndentEnd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Line {
    pub(super) kind: LineKind,
    /// The author left a blank line here and one may stand here.
    pub(super) blank: bool,
    /// What follows starts a new statement (an item, a list element): lines that a comment
    /// added to the statement before it no longer indent it.
    pub(super) starts_statement: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LineKind {
    /// A line break when the innermost group is broken, else nothing.
    Soft,
    /// A line break when the innermost group is broken, else a space.
    SoftSpace,
    /// Always a line break, at the indentation of the statements around it.
    Hard,
    /// Always a line break inside a statement (after a comment that ends its line, where the
    /// grammar has no line of its own): the statement goes on one level deeper.
    Continue,
}

impl LineKind {
    /// Breaks whatever group it is in.
    pub(super) fn is_hard(self) -> bool {
        matches!(self, LineKind::Hard | LineKind::Continue)
    }
}
