//! Maps byte offsets to lines and columns, counted in Unicode scalar values (as `wit check`
//! reports them) or in UTF-16 code units (as most LSP clients count).

use std::collections::HashMap;

use crate::TextSize;

/// A 0-based line and column; `col` counts bytes unless said otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WideChar {
    /// Byte offset of the character within its line.
    start: u32,
    len_utf8: u8,
    len_utf16: u8,
}

/// Which characters end a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnds {
    /// Only `\n` (a `\r` before it is the line's last character): how wit-parser counts
    /// lines, and so how `wit check` reports them.
    LineFeed,
    /// `\n`, `\r\n` and a lone `\r`, none of them part of the line: how editors count lines
    /// (LSP 3.17).
    Editor,
}

/// Line starts of one text, and where its multi-byte characters are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    line_starts: Vec<TextSize>,
    /// The length of each line's line break (0 for the last line), so that a column past a
    /// line's end can be clamped to the end of its text, never between `\r` and `\n`.
    breaks: Vec<u8>,
    len: TextSize,
    wide_chars: HashMap<u32, Vec<WideChar>>,
}

impl LineIndex {
    /// Lines as wit-parser counts them (ended by `\n` only).
    pub fn new(text: &str) -> LineIndex {
        LineIndex::with_line_ends(text, LineEnds::LineFeed)
    }

    /// Lines as editors count them (ended by `\n`, `\r\n` or `\r`).
    pub fn for_editor(text: &str) -> LineIndex {
        LineIndex::with_line_ends(text, LineEnds::Editor)
    }

    pub fn with_line_ends(text: &str, ends: LineEnds) -> LineIndex {
        let mut line_starts = vec![TextSize::new(0)];
        let mut breaks = Vec::new();
        let mut wide_chars: HashMap<u32, Vec<WideChar>> = HashMap::new();
        let bytes = text.as_bytes();
        let mut line = 0u32;
        let mut line_start = 0usize;
        for (i, c) in text.char_indices() {
            let break_len = match c {
                '\n' if ends == LineEnds::Editor && i > 0 && bytes[i - 1] == b'\r' => 2,
                '\n' => 1,
                // A `\r` followed by `\n` ends its line with the `\n`.
                '\r' if ends == LineEnds::Editor && bytes.get(i + 1) != Some(&b'\n') => 1,
                _ => 0,
            };
            if break_len > 0 {
                line += 1;
                line_start = i + 1;
                line_starts.push(TextSize::new(line_start as u32));
                breaks.push(break_len);
            } else if !c.is_ascii() {
                wide_chars.entry(line).or_default().push(WideChar {
                    start: (i - line_start) as u32,
                    len_utf8: c.len_utf8() as u8,
                    len_utf16: c.len_utf16() as u8,
                });
            }
        }
        breaks.push(0);
        LineIndex {
            line_starts,
            breaks,
            len: TextSize::of(text),
            wide_chars,
        }
    }

    /// Where a line's text ends: before its line break.
    pub fn line_end(&self, line: u32) -> Option<TextSize> {
        let line = line as usize;
        let next = self.line_starts.get(line + 1).copied().unwrap_or(self.len);
        let start = *self.line_starts.get(line)?;
        Some((next - TextSize::new(u32::from(self.breaks[line]))).max(start))
    }

    pub fn len(&self) -> TextSize {
        self.len
    }

    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// Line and byte column of `offset` (clamped to the text).
    pub fn line_col(&self, offset: TextSize) -> LineCol {
        let offset = offset.min(self.len);
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        // An offset inside a line break (between `\r` and `\n`) is the line's end.
        let end = self.line_end(line as u32).unwrap_or(self.len);
        LineCol {
            line: line as u32,
            col: u32::from(offset.min(end) - self.line_starts[line]),
        }
    }

    /// Line and column of `offset`, the column counted in Unicode scalar values.
    pub fn line_col_chars(&self, offset: TextSize) -> LineCol {
        let lc = self.line_col(offset);
        let extra: u32 = self
            .wide_before(lc)
            .map(|w| u32::from(w.len_utf8) - 1)
            .sum();
        LineCol {
            line: lc.line,
            col: lc.col - extra,
        }
    }

    /// Line and column of `offset`, the column counted in UTF-16 code units.
    pub fn line_col_utf16(&self, offset: TextSize) -> LineCol {
        let lc = self.line_col(offset);
        let extra: u32 = self
            .wide_before(lc)
            .map(|w| u32::from(w.len_utf8) - u32::from(w.len_utf16))
            .sum();
        LineCol {
            line: lc.line,
            col: lc.col - extra,
        }
    }

    /// The offset of a line and byte column; `None` past the end of the text.
    pub fn offset(&self, lc: LineCol) -> Option<TextSize> {
        let start = *self.line_starts.get(lc.line as usize)?;
        let offset = start + TextSize::new(lc.col);
        (offset <= self.len).then_some(offset)
    }

    /// The offset of a line and byte column, clamped to the line's end; a column inside a
    /// character means the character's start.
    pub fn offset_utf8(&self, lc: LineCol) -> Option<TextSize> {
        self.offset_in_units(lc, |w| u32::from(w.len_utf8))
    }

    /// The offset of a line and UTF-16 column, clamped to the line's end.
    pub fn offset_utf16(&self, lc: LineCol) -> Option<TextSize> {
        self.offset_in_units(lc, |w| u32::from(w.len_utf16))
    }

    /// The offset of a line and column in Unicode scalar values, clamped to the line's end.
    pub fn offset_chars(&self, lc: LineCol) -> Option<TextSize> {
        self.offset_in_units(lc, |_| 1)
    }

    fn offset_in_units(&self, lc: LineCol, units: impl Fn(&WideChar) -> u32) -> Option<TextSize> {
        let start = *self.line_starts.get(lc.line as usize)?;
        let line_end = self.line_end(lc.line)?;
        let mut remaining = lc.col;
        let mut prev_end = 0u32;
        for w in self.wide_chars.get(&lc.line).into_iter().flatten() {
            // Between wide characters, a byte is one unit.
            let ascii_run = w.start - prev_end;
            if remaining <= ascii_run {
                break;
            }
            remaining -= ascii_run;
            let n = units(w);
            if remaining < n {
                // A column inside a character snaps to its start.
                return Some((start + TextSize::new(w.start)).min(line_end));
            }
            remaining -= n;
            prev_end = w.start + u32::from(w.len_utf8);
        }
        Some((start + TextSize::new(prev_end + remaining)).min(line_end))
    }

    fn wide_before(&self, lc: LineCol) -> impl Iterator<Item = &WideChar> {
        self.wide_chars
            .get(&lc.line)
            .into_iter()
            .flatten()
            .filter(move |w| w.start < lc.col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_each_unit() {
        let text = "ab\n// é😀x\r\nz";
        let index = LineIndex::new(text);
        let x = TextSize::new(text.find('x').unwrap() as u32);
        assert_eq!(index.line_col(x), LineCol { line: 1, col: 9 });
        assert_eq!(index.line_col_chars(x), LineCol { line: 1, col: 5 });
        assert_eq!(index.line_col_utf16(x), LineCol { line: 1, col: 6 });
        assert_eq!(index.offset_utf16(LineCol { line: 1, col: 6 }), Some(x));
        assert_eq!(index.offset_chars(LineCol { line: 1, col: 5 }), Some(x));
        let z = TextSize::new(text.len() as u32 - 1);
        assert_eq!(index.line_col_chars(z), LineCol { line: 2, col: 0 });
        assert_eq!(index.offset(LineCol { line: 9, col: 0 }), None);
    }

    #[test]
    fn editors_end_lines_at_lf_crlf_and_lone_cr() {
        let text = "a\r\nb\rc\nd";
        let index = LineIndex::for_editor(text);
        assert_eq!(index.line_count(), 4);
        let at = |line, col| index.offset_utf16(LineCol { line, col }).map(u32::from);
        // Past a line's end is the line's end, before its line break.
        assert_eq!(at(0, 9), Some(1));
        assert_eq!(at(1, 9), Some(4));
        assert_eq!(at(2, 0), Some(5));
        assert_eq!(at(3, 1), Some(8));
        // Between `\r` and `\n` is the end of the line, not a column after it.
        assert_eq!(
            index.line_col(TextSize::new(2)),
            LineCol { line: 0, col: 1 }
        );
        assert_eq!(
            index.line_col(TextSize::new(4)),
            LineCol { line: 1, col: 1 }
        );
        // wit-parser's lines end at `\n` only; the `\r` belongs to its line.
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 3);
        assert_eq!(
            index.line_col(TextSize::new(5)),
            LineCol { line: 1, col: 2 }
        );
        assert_eq!(
            index.offset_utf8(LineCol { line: 0, col: 9 }),
            Some(TextSize::new(2))
        );
    }
}
