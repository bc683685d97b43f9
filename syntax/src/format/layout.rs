//! The printer: layout commands to text, within a line width. Each group (a list) is decided
//! where it starts: if it is forced, or its enclosing group is broken and it does not fit on
//! the rest of the line, it is broken, one element per line; else it is written on one line,
//! and so is everything inside it. "Fits" measures the group on one line together with what
//! follows it up to the next line break, counting later groups on one line too: so the
//! outermost list that is too long breaks first (a signature's parameters before its result
//! type), as the WASI packages break them.
//!
//! Lines keep the file's line endings; where each significant token ended up is recorded for
//! range formatting.

use super::doc::{Cmd, Line, LineKind};
use super::{FormatOptions, IndentStyle};
use crate::{TextRange, TextSize};

pub(super) fn print(
    mut cmds: Vec<Cmd>,
    input: &str,
    options: &FormatOptions,
) -> (String, Vec<(TextRange, TextRange)>) {
    force_groups_with_lines(&mut cmds, input);
    let mut printer = Printer::new(input, options);
    let mut i = 0;
    while i < cmds.len() {
        printer.command(&cmds, i, input);
        i += 1;
    }
    printer.finish()
}

/// Marks every group that holds a line break it cannot avoid (a comment's, a broken list's)
/// as forced: a list with a line inside cannot be on one line.
fn force_groups_with_lines(cmds: &mut [Cmd], input: &str) {
    let mut open: Vec<usize> = Vec::new();
    let mut forced: Vec<bool> = Vec::new();
    for i in 0..cmds.len() {
        let breaks_line = match cmds[i] {
            Cmd::GroupStart { forced: f } => {
                open.push(i);
                forced.push(f);
                false
            }
            Cmd::GroupEnd => {
                let (Some(start), Some(f)) = (open.pop(), forced.pop()) else {
                    continue;
                };
                if f {
                    cmds[start] = Cmd::GroupStart { forced: true };
                }
                f
            }
            Cmd::Line(Line { kind, .. }) => kind.is_hard(),
            Cmd::Comment { start, end, line } => {
                line || input[start as usize..end as usize].contains('\n')
            }
            _ => false,
        };
        if breaks_line && let Some(top) = forced.last_mut() {
            *top = true;
        }
    }
}

/// Columns `text` takes on a line: its characters (WIT names are ASCII; comments may not be).
fn width(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

struct Printer {
    out: String,
    newline: &'static str,
    indent_unit: String,
    /// Columns one level of indentation takes.
    indent_columns: usize,
    max_width: usize,
    /// Length of what precedes the first token: a byte order mark, if the input had one.
    prefix_len: usize,
    /// The column the next character goes to.
    column: usize,
    /// Indentation of the lines of the current body, in levels.
    level: usize,
    /// A comment has broken the current statement across lines: the lines after its first
    /// are indented one level more, and so is a broken list opened on one of them.
    continued: bool,
    /// For each open indentation: the levels it added, and `continued` outside it.
    indents: Vec<(usize, bool)>,
    /// For each open group: whether it is broken. The file itself is.
    broken: Vec<bool>,
    /// For each significant token, in order: its range in the input and in the output.
    positions: Vec<(TextRange, TextRange)>,
}

impl Printer {
    fn new(input: &str, options: &FormatOptions) -> Printer {
        // Keep the file's line endings: a file whose first line ends in `\r\n` stays CRLF.
        let newline = match input.find('\n') {
            Some(i) if input[..i].ends_with('\r') => "\r\n",
            _ => "\n",
        };
        let mut out = String::with_capacity(input.len() + input.len() / 8);
        if input.starts_with('\u{feff}') {
            out.push('\u{feff}');
        }
        let indent_width = options.indent_width.max(1);
        let indent_unit = match options.indent_style {
            IndentStyle::Spaces => " ".repeat(indent_width),
            IndentStyle::Tabs => "\t".to_string(),
        };
        Printer {
            prefix_len: out.len(),
            out,
            newline,
            indent_unit,
            indent_columns: indent_width,
            max_width: options.max_width,
            column: 0,
            level: 0,
            continued: false,
            indents: Vec::new(),
            broken: vec![true],
            positions: Vec::new(),
        }
    }

    /// Nothing written yet: no line break or space is needed before the first token.
    fn at_start(&self) -> bool {
        self.out.len() == self.prefix_len
    }

    fn in_broken_group(&self) -> bool {
        self.broken.last().copied().unwrap_or(true)
    }

    fn command(&mut self, cmds: &[Cmd], i: usize, input: &str) {
        match cmds[i] {
            Cmd::Token { start, end } => {
                let from = self.offset();
                self.text(&input[start as usize..end as usize]);
                let to = self.offset();
                let input = TextRange::new(TextSize::new(start), TextSize::new(end));
                self.positions.push((input, TextRange::new(from, to)));
            }
            Cmd::Comment { start, end, .. } => self.text(&input[start as usize..end as usize]),
            Cmd::BrokenComma => {
                if self.in_broken_group() {
                    self.text(",");
                }
            }
            Cmd::Space => {
                if !self.at_start() {
                    self.text(" ");
                }
            }
            Cmd::Line(line) => self.line(line),
            Cmd::GroupStart { forced } => {
                let broken = if !self.in_broken_group() {
                    false
                } else {
                    forced || !self.fits(cmds, i + 1, input)
                };
                self.broken.push(broken);
            }
            Cmd::GroupEnd => {
                self.broken.pop();
            }
            Cmd::IndentStart => {
                let added = 1 + usize::from(self.continued);
                self.indents.push((added, self.continued));
                self.level += added;
                self.continued = false;
            }
            Cmd::IndentEnd => {
                if let Some((added, continued)) = self.indents.pop() {
                    self.level = self.level.saturating_sub(added);
                    self.continued = continued;
                }
            }
        }
    }

    fn text(&mut self, text: &str) {
        self.out.push_str(text);
        match text.rfind('\n') {
            Some(i) => self.column = width(&text[i + 1..]),
            None => self.column += width(text),
        }
    }

    fn line(&mut self, line: Line) {
        let breaks = match line.kind {
            LineKind::Soft | LineKind::SoftSpace => self.in_broken_group(),
            LineKind::Hard | LineKind::Continue => true,
        };
        if !breaks {
            if line.kind == LineKind::SoftSpace && !self.at_start() {
                self.text(" ");
            }
            return;
        }
        let level = if line.kind == LineKind::Continue {
            self.continued = true;
            self.level + 1
        } else {
            if line.starts_statement {
                self.continued = false;
            }
            self.level + usize::from(self.continued)
        };
        if self.at_start() {
            return;
        }
        self.out.push_str(self.newline);
        if line.blank {
            self.out.push_str(self.newline);
        }
        for _ in 0..level {
            self.out.push_str(&self.indent_unit);
        }
        self.column = level * self.indent_columns;
    }

    /// Whether the group whose contents start at `from` fits on the rest of the line, with
    /// what follows it up to the next line break.
    fn fits(&self, cmds: &[Cmd], from: usize, input: &str) -> bool {
        let Some(mut room) = self.max_width.checked_sub(self.column) else {
            return false;
        };
        // Groups opened while measuring (the measured one first): broken only if forced.
        let mut inner: Vec<bool> = vec![false];
        // Once the measured group is closed, the enclosing groups as printed.
        let mut outer = self.broken.len();
        for cmd in &cmds[from..] {
            let broken = match inner.last() {
                Some(&b) => b,
                None => outer
                    .checked_sub(1)
                    .and_then(|o| self.broken.get(o).copied())
                    .unwrap_or(true),
            };
            let used = match *cmd {
                Cmd::Token { start, end } => width(&input[start as usize..end as usize]),
                Cmd::Comment { line: true, .. } => return true,
                Cmd::Comment { start, end, .. } => {
                    let text = &input[start as usize..end as usize];
                    match text.split_once('\n') {
                        Some((first, _)) => return width(first) <= room,
                        None => width(text),
                    }
                }
                Cmd::BrokenComma => usize::from(broken),
                Cmd::Space => 1,
                Cmd::Line(line) => match line.kind {
                    _ if line.kind.is_hard() || broken => return true,
                    LineKind::Soft => 0,
                    _ => 1,
                },
                Cmd::GroupStart { forced } => {
                    inner.push(forced);
                    0
                }
                Cmd::GroupEnd => {
                    if inner.pop().is_none() {
                        outer = outer.saturating_sub(1);
                    }
                    0
                }
                Cmd::IndentStart | Cmd::IndentEnd => 0,
            };
            match room.checked_sub(used) {
                Some(left) => room = left,
                None => return false,
            }
        }
        true
    }

    /// The output's length; past 4 GiB (which rowan cannot measure anyway) it saturates.
    fn offset(&self) -> TextSize {
        TextSize::new(u32::try_from(self.out.len()).unwrap_or(u32::MAX))
    }

    /// Ends the last line; an empty file stays empty.
    fn finish(mut self) -> (String, Vec<(TextRange, TextRange)>) {
        if !self.at_start() {
            self.out.push_str(self.newline);
        }
        (self.out, self.positions)
    }
}
