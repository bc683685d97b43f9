//! The formatter's settings for a file, from where users keep them: the `[fmt]` table of the
//! nearest `witty.toml` above the file, the `.editorconfig` sections that match it, the
//! editor's own settings, and `KEY=VALUE` overrides on the command line. Each source may say
//! some keys only; the more specific one wins key by key (command line, then `witty.toml`,
//! then `.editorconfig`, then the editor). A value that makes no sense is reported with the
//! file, line and key, and left out, so that the next source or the default applies.

use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};
use witty_syntax::{FormatOptions, IndentStyle};

/// The name of the project file whose `[fmt]` table holds the settings.
pub const PROJECT_FILE: &str = "witty.toml";

/// Settings as one source gives them; a key it does not set is `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormatSettings {
    pub indent_style: Option<IndentStyle>,
    /// Spaces per level when indenting with spaces.
    pub indent_size: Option<usize>,
    /// The columns a tab counts for when indenting with tabs.
    pub tab_width: Option<usize>,
    pub max_width: Option<usize>,
}

/// The keys of `[fmt]` and of `--config`, with what each takes.
pub const KEYS: &[(&str, &str)] = &[
    ("indent", "a number of spaces (1 to 16), or \"tab\""),
    ("max-width", "a number of columns (10 to 10000), or \"off\""),
    ("tab-width", "the columns a tab counts for (1 to 16)"),
];

/// Settings found for a file, and what was wrong with the files they came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FoundSettings {
    pub settings: FormatSettings,
    /// One line each: `file:line:column: what is wrong`.
    pub problems: Vec<String>,
}

impl FormatSettings {
    /// These settings, and `lower`'s where these say nothing.
    pub fn over(&self, lower: &FormatSettings) -> FormatSettings {
        FormatSettings {
            indent_style: self.indent_style.or(lower.indent_style),
            indent_size: self.indent_size.or(lower.indent_size),
            tab_width: self.tab_width.or(lower.tab_width),
            max_width: self.max_width.or(lower.max_width),
        }
    }

    /// An editor's settings (LSP's `tabSize` and `insertSpaces`).
    pub fn from_editor(tab_size: u32, insert_spaces: bool) -> FormatSettings {
        let size = usize::try_from(tab_size)
            .ok()
            .filter(|s| (1..=MAX_INDENT).contains(s));
        FormatSettings {
            indent_style: Some(if insert_spaces {
                IndentStyle::Spaces
            } else {
                IndentStyle::Tabs
            }),
            indent_size: size,
            tab_width: size,
            max_width: None,
        }
    }

    /// Sets one key from its text, as `--config KEY=VALUE` gives it; `Err` says what is
    /// wrong.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let value = value.trim();
        let unquoted = value.trim_matches('"');
        match key {
            "indent" => {
                if unquoted.eq_ignore_ascii_case("tab") || unquoted.eq_ignore_ascii_case("tabs") {
                    self.indent_style = Some(IndentStyle::Tabs);
                } else {
                    let size = number(value, 1, MAX_INDENT).ok_or_else(|| expected(key, value))?;
                    self.indent_style = Some(IndentStyle::Spaces);
                    self.indent_size = Some(size);
                }
            }
            "max-width" => {
                self.max_width = Some(if unquoted.eq_ignore_ascii_case("off") {
                    usize::MAX
                } else {
                    number(value, MIN_WIDTH, MAX_WIDTH).ok_or_else(|| expected(key, value))?
                });
            }
            "tab-width" => {
                self.tab_width =
                    Some(number(value, 1, MAX_INDENT).ok_or_else(|| expected(key, value))?);
            }
            _ => {
                let known: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
                return Err(format!(
                    "unknown key `{key}`: the keys are {}",
                    known.join(", ")
                ));
            }
        }
        Ok(())
    }

    /// The formatter's options: these settings over the defaults (two spaces; a tab counts
    /// for four columns; 100 columns).
    pub fn to_options(&self) -> FormatOptions {
        let style = self.indent_style.unwrap_or(IndentStyle::Spaces);
        let indent_width = match style {
            IndentStyle::Spaces => self
                .indent_size
                .unwrap_or(FormatOptions::DEFAULT_INDENT_WIDTH),
            IndentStyle::Tabs => self.tab_width.unwrap_or(DEFAULT_TAB_WIDTH),
        };
        FormatOptions {
            indent_style: style,
            indent_width,
            max_width: self.max_width.unwrap_or(FormatOptions::DEFAULT_MAX_WIDTH),
        }
    }
}

const MAX_INDENT: usize = 16;
const MIN_WIDTH: usize = 10;
const MAX_WIDTH: usize = 10_000;
const DEFAULT_TAB_WIDTH: usize = 4;

fn number(text: &str, min: usize, max: usize) -> Option<usize> {
    text.parse::<usize>()
        .ok()
        .filter(|n| (min..=max).contains(n))
}

/// What a key takes, for a message about a bad value.
fn expected(key: &str, found: &str) -> String {
    let takes = KEYS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("something else", |(_, t)| t);
    format!("`{key}` takes {takes}, not `{found}`")
}

/// The settings the files above `file` give it: the nearest `witty.toml`'s `[fmt]` over
/// the `.editorconfig` sections that match `file`. `file` need not exist (stdin is
/// formatted as a file in the current folder).
pub fn for_file(file: &Path) -> FoundSettings {
    let file = absolute(file);
    let mut problems = Vec::new();
    let editorconfig = editorconfig(&file, &mut problems);
    let project = project_file(&file)
        .map(|path| from_project_file(&path, &mut problems))
        .unwrap_or_default();
    FoundSettings {
        settings: project.over(&editorconfig),
        problems,
    }
}

fn absolute(file: &Path) -> PathBuf {
    if file.is_absolute() {
        file.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|cwd| cwd.join(file))
            .unwrap_or_else(|_| file.to_path_buf())
    }
}

/// The nearest `witty.toml` in the folders above `file`.
pub fn project_file(file: &Path) -> Option<PathBuf> {
    file.ancestors()
        .skip(1)
        .map(|dir| dir.join(PROJECT_FILE))
        .find(|candidate| candidate.is_file())
}

/// The `[fmt]` table of a `witty.toml`.
fn from_project_file(path: &Path, problems: &mut Vec<String>) -> FormatSettings {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            problems.push(format!("{}: cannot read: {e}", path.display()));
            return FormatSettings::default();
        }
    };
    from_toml(path, &text, problems)
}

/// The `[fmt]` table of a `witty.toml` read from `path`, whose text is `text`.
pub fn from_toml(path: &Path, text: &str, problems: &mut Vec<String>) -> FormatSettings {
    let at = |offset: usize| {
        let (line, column) = line_column(text, offset);
        format!("{}:{line}:{column}", path.display())
    };
    let document = match DeTable::parse(text) {
        Ok(document) => document,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            problems.push(format!(
                "{}: {}; the formatting settings in it are not used",
                at(offset),
                e.message()
            ));
            return FormatSettings::default();
        }
    };
    let mut settings = FormatSettings::default();
    let Some(fmt) = document.get_ref().get("fmt") else {
        return settings;
    };
    let DeValue::Table(table) = fmt.get_ref() else {
        problems.push(format!(
            "{}: `fmt` should be a table (`[fmt]`); it is not used",
            at(fmt.span().start)
        ));
        return settings;
    };
    // In the order they are written, for messages in that order.
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    for (key, value) in entries {
        let key_name: &str = key.get_ref();
        if !KEYS.iter().any(|(k, _)| *k == key_name) {
            let e = settings.set(key_name, "").unwrap_err();
            problems.push(format!("{}: in [fmt]: {e}", at(key.span().start)));
            continue;
        }
        // The value as written, so that the message shows what the user wrote.
        let written = text.get(value.span()).unwrap_or_default();
        if let Err(e) = settings.set(key_name, written) {
            problems.push(format!(
                "{}: in [fmt]: {e}; it is not used",
                at(value.span().start)
            ));
        }
    }
    settings
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// The `.editorconfig` properties that apply to `file`, as settings.
fn editorconfig(file: &Path, problems: &mut Vec<String>) -> FormatSettings {
    let properties = match ec4rs::properties_of(file) {
        Ok(properties) => properties,
        Err(e) => {
            problems.push(format!("{e}; the .editorconfig settings are not used"));
            return FormatSettings::default();
        }
    };
    let mut settings = FormatSettings::default();
    let value = |key: &str| -> Option<(String, String)> {
        let raw = properties.get_raw_for_key(key);
        let text = raw.into_option()?.trim().to_ascii_lowercase();
        if text == "unset" {
            return None;
        }
        let place = match raw.source() {
            Some((path, line)) => format!("{}:{line}", path.display()),
            None => ".editorconfig".to_string(),
        };
        Some((text, place))
    };
    let mut bad = |place: &str, key: &str, takes: &str, found: &str| {
        problems.push(format!(
            "{place}: `{key}` takes {takes}, not `{found}`; it is not used"
        ));
    };
    let style = value("indent_style");
    let size = value("indent_size");
    let tab = value("tab_width");
    let max = value("max_line_length");
    if let Some((text, place)) = &tab {
        match number(text, 1, MAX_INDENT) {
            Some(n) => settings.tab_width = Some(n),
            None => bad(place, "tab_width", "a number from 1 to 16", text),
        }
    }
    if let Some((text, place)) = &style {
        match text.as_str() {
            "space" => settings.indent_style = Some(IndentStyle::Spaces),
            "tab" => settings.indent_style = Some(IndentStyle::Tabs),
            _ => bad(place, "indent_style", "`space` or `tab`", text),
        }
    }
    if let Some((text, place)) = &size {
        if text == "tab" {
            settings.indent_size = settings.tab_width;
        } else {
            match number(text, 1, MAX_INDENT) {
                Some(n) => {
                    settings.indent_size = Some(n);
                    // EditorConfig: a tab is as wide as an indentation level unless said.
                    settings.tab_width = settings.tab_width.or(Some(n));
                }
                None => bad(
                    place,
                    "indent_size",
                    "a number from 1 to 16, or `tab`",
                    text,
                ),
            }
        }
    }
    if let Some((text, place)) = &max {
        if text == "off" {
            settings.max_width = Some(usize::MAX);
        } else {
            match number(text, MIN_WIDTH, MAX_WIDTH) {
                Some(n) => settings.max_width = Some(n),
                None => bad(
                    place,
                    "max_line_length",
                    "a number from 10 to 10000, or `off`",
                    text,
                ),
            }
        }
    }
    settings
}
