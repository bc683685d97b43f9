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

/// Line starts of one text, and where its multi-byte characters are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    line_starts: Vec<TextSize>,
    len: TextSize,
    wide_chars: HashMap<u32, Vec<WideChar>>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![TextSize::new(0)];
        let mut wide_chars: HashMap<u32, Vec<WideChar>> = HashMap::new();
        let mut line = 0u32;
        let mut line_start = 0usize;
        for (i, c) in text.char_indices() {
            if c == '\n' {
                line += 1;
                line_start = i + 1;
                line_starts.push(TextSize::new(line_start as u32));
            } else if !c.is_ascii() {
                wide_chars.entry(line).or_default().push(WideChar {
                    start: (i - line_start) as u32,
                    len_utf8: c.len_utf8() as u8,
                    len_utf16: c.len_utf16() as u8,
                });
            }
        }
        LineIndex {
            line_starts,
            len: TextSize::of(text),
            wide_chars,
        }
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
        LineCol {
            line: line as u32,
            col: u32::from(offset - self.line_starts[line]),
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
        let line_end = self
            .line_starts
            .get(lc.line as usize + 1)
            .map_or(self.len, |&next| next - TextSize::new(1));
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
}
