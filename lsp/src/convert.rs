//! Between witty's byte offsets and LSP's lines and columns (UTF-8 or UTF-16, as negotiated),
//! and between paths and URIs.

use std::path::{Path, PathBuf};

use tower_lsp_server::ls_types::{self as lsp, Uri};
use witty_syntax::{LineCol, LineIndex, TextRange, TextSize};

/// How the client counts columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// A text with its line index, for converting positions in both directions.
pub struct LineMap<'a> {
    pub text: &'a str,
    pub index: LineIndex,
    pub encoding: Encoding,
}

impl<'a> LineMap<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> LineMap<'a> {
        LineMap {
            text,
            index: LineIndex::for_editor(text),
            encoding,
        }
    }

    /// The offset of a position; a column past the end of its line means the line's end,
    /// a line past the end of the text means the text's end.
    pub fn position(&self, offset: TextSize) -> lsp::Position {
        position(&self.index, self.encoding, offset)
    }

    pub fn range(&self, r: TextRange) -> lsp::Range {
        range(&self.index, self.encoding, r)
    }

    pub fn offset(&self, pos: lsp::Position) -> TextSize {
        offset(&self.index, self.encoding, pos)
    }

    /// An edit of `range`, widened so that it neither starts nor ends between `\r` and `\n`,
    /// where no LSP position is: the same change, in positions every client can apply.
    pub fn edit(&self, range: TextRange, new_text: &str) -> lsp::TextEdit {
        let bytes = self.text.as_bytes();
        let splits_crlf =
            |at: usize| at > 0 && at < bytes.len() && bytes[at - 1] == b'\r' && bytes[at] == b'\n';
        let (mut start, mut end) = (usize::from(range.start()), usize::from(range.end()));
        let mut text = String::with_capacity(new_text.len() + 2);
        if splits_crlf(start) {
            start -= 1;
            text.push('\r');
        }
        text.push_str(new_text);
        if splits_crlf(end) {
            end += 1;
            text.push('\n');
        }
        let range = TextRange::new(TextSize::new(start as u32), TextSize::new(end as u32));
        lsp::TextEdit::new(self.range(range), text)
    }

    pub fn text_range(&self, range: lsp::Range) -> TextRange {
        let (start, end) = (self.offset(range.start), self.offset(range.end));
        TextRange::new(start.min(end), end.max(start))
    }
}

/// The offset of a position: a column past the end of its line (or inside a character) means
/// the line's end (the character's start), a line past the end of the text the text's end.
pub fn offset(index: &LineIndex, encoding: Encoding, pos: lsp::Position) -> TextSize {
    let lc = LineCol {
        line: pos.line,
        col: pos.character,
    };
    let found = match encoding {
        Encoding::Utf16 => index.offset_utf16(lc),
        Encoding::Utf8 => index.offset_utf8(lc),
    };
    found.unwrap_or(index.len())
}

pub fn position(index: &LineIndex, encoding: Encoding, offset: TextSize) -> lsp::Position {
    let lc = match encoding {
        Encoding::Utf8 => index.line_col(offset),
        Encoding::Utf16 => index.line_col_utf16(offset),
    };
    lsp::Position::new(lc.line, lc.col)
}

pub fn range(index: &LineIndex, encoding: Encoding, range: TextRange) -> lsp::Range {
    lsp::Range::new(
        position(index, encoding, range.start()),
        position(index, encoding, range.end()),
    )
}

/// Line indexes of the files a response mentions, built once per file.
pub struct Lines<'a> {
    analysis: &'a witty_analysis::ide::Analysis,
    encoding: Encoding,
    indexes: std::collections::HashMap<PathBuf, std::sync::Arc<LineIndex>>,
    uris: std::collections::HashMap<PathBuf, Option<Uri>>,
}

impl<'a> Lines<'a> {
    pub fn new(analysis: &'a witty_analysis::ide::Analysis, encoding: Encoding) -> Lines<'a> {
        Lines {
            analysis,
            encoding,
            indexes: Default::default(),
            uris: Default::default(),
        }
    }

    /// The LSP range of a range in a file (the file's start if the file is unknown).
    pub fn range(&mut self, path: &Path, r: TextRange) -> lsp::Range {
        let analysis = self.analysis;
        let index = self.indexes.entry(path.to_path_buf()).or_insert_with(|| {
            match analysis.line_index(path) {
                Ok(Some(index)) => index,
                // An unknown file (or a cancelled query): positions at its start.
                _ => std::sync::Arc::new(LineIndex::for_editor("")),
            }
        });
        range(index, self.encoding, r)
    }

    pub fn location(&mut self, path: &Path, r: TextRange) -> Option<lsp::Location> {
        let uri = self
            .uris
            .entry(path.to_path_buf())
            .or_insert_with(|| uri(path))
            .clone()?;
        Some(lsp::Location::new(uri, self.range(path, r)))
    }
}

/// Where documents that are not files live (a component shown as WIT): a path of their own
/// under this folder, which no real file has.
const VIRTUAL_ROOT: &str = "/.witty-virtual";

/// The URIs of the documents that are not files, by the path given to each.
static VIRTUAL: std::sync::LazyLock<std::sync::Mutex<std::collections::HashMap<PathBuf, Uri>>> =
    std::sync::LazyLock::new(Default::default);

pub fn path(uri: &Uri) -> Option<PathBuf> {
    let scheme = uri.scheme().as_str();
    if scheme.eq_ignore_ascii_case("file") {
        return uri.to_file_path().map(|p| p.into_owned());
    }
    // Any other scheme names a document only the editor has: it gets a path that keeps
    // the whole URI apart from every other, so that it can be analysed like a file.
    let mut name: String = uri
        .as_str()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !name.ends_with(".wit") {
        name.push_str(".wit");
    }
    let path = Path::new(VIRTUAL_ROOT).join(scheme).join(name);
    VIRTUAL
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(path.clone(), uri.clone());
    Some(path)
}

pub fn uri(path: &Path) -> Option<Uri> {
    if let Some(uri) = VIRTUAL.lock().unwrap_or_else(|e| e.into_inner()).get(path) {
        return Some(uri.clone());
    }
    Uri::from_file_path(path)
}

/// Whether a path stands for a document that is not a file.
pub fn is_virtual(path: &Path) -> bool {
    path.starts_with(VIRTUAL_ROOT)
}
