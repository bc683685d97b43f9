//! A model of an editor's document, written from LSP 3.17 and independent of the server's
//! line index: `\n`, `\r\n` and a lone `\r` end lines; a column counts UTF-16 code units (or
//! bytes); a column past a line's end means the line's end.

use tower_lsp_server::ls_types as lsp;

use crate::convert::Encoding;

pub struct Editor {
    text: String,
    encoding: Encoding,
}

impl Editor {
    pub fn new(text: String, encoding: Encoding) -> Editor {
        Editor { text, encoding }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Each line's text, as byte ranges without their line breaks.
    fn lines(&self) -> Vec<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let mut out = Vec::new();
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    out.push((start, i));
                    i += 2;
                    start = i;
                }
                b'\r' | b'\n' => {
                    out.push((start, i));
                    i += 1;
                    start = i;
                }
                _ => i += 1,
            }
        }
        out.push((start, bytes.len()));
        out
    }

    fn width(&self, c: char) -> usize {
        match self.encoding {
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf8 => c.len_utf8(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.lines().len()
    }

    /// A line's length in the client's units.
    pub fn line_width(&self, line: u32) -> Option<usize> {
        let (start, end) = *self.lines().get(line as usize)?;
        Some(self.text[start..end].chars().map(|c| self.width(c)).sum())
    }

    /// The offset of a position; past a line's end is the line's end, past the last line
    /// the text's end, inside a character its start.
    pub fn offset(&self, pos: lsp::Position) -> usize {
        let lines = self.lines();
        let Some(&(start, end)) = lines.get(pos.line as usize) else {
            return self.text.len();
        };
        let mut units = 0;
        for (i, c) in self.text[start..end].char_indices() {
            units += self.width(c);
            if units > pos.character as usize {
                return start + i;
            }
        }
        end
    }

    /// Whether a position names a place in the document exactly: an existing line, a
    /// column at most its length and between two characters.
    pub fn is_exact(&self, pos: lsp::Position) -> bool {
        let lines = self.lines();
        let Some(&(start, end)) = lines.get(pos.line as usize) else {
            return false;
        };
        let mut units = 0;
        if pos.character == 0 {
            return true;
        }
        for c in self.text[start..end].chars() {
            units += self.width(c);
            if units == pos.character as usize {
                return true;
            }
        }
        false
    }

    pub fn contains(&self, range: &lsp::Range) -> bool {
        self.is_exact(range.start)
            && self.is_exact(range.end)
            && self.offset(range.start) <= self.offset(range.end)
    }

    pub fn apply(&mut self, change: &lsp::TextDocumentContentChangeEvent) {
        match change.range {
            None => self.text = change.text.clone(),
            Some(range) => {
                let (start, end) = (self.offset(range.start), self.offset(range.end));
                self.text.replace_range(start..end, &change.text);
            }
        }
    }

    /// The text after a list of edits, all relative to the current text, as LSP applies
    /// them; an error when one is out of bounds or two overlap.
    pub fn with_edits(&self, edits: &[lsp::TextEdit]) -> Result<String, String> {
        let mut spans = Vec::new();
        for e in edits {
            if !self.contains(&e.range) {
                return Err(format!("edit out of bounds: {e:?}"));
            }
            spans.push((
                self.offset(e.range.start),
                self.offset(e.range.end),
                &e.new_text,
            ));
        }
        spans.sort_by_key(|s| (s.0, s.1));
        if spans.windows(2).any(|w| w[0].1 > w[1].0) {
            return Err(format!("overlapping edits: {edits:?}"));
        }
        let mut text = self.text.clone();
        for (start, end, new) in spans.into_iter().rev() {
            text.replace_range(start..end, new);
        }
        Ok(text)
    }
}

/// A small deterministic generator (splitmix64): the same seed, the same sequence, on every
/// machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}
