//! Checks on a parsed tree that the grammar does not make: identifier spelling, attribute
//! names and arguments, versions, list lengths, string escapes, and characters that WIT
//! forbids anywhere in a file. wit-parser reports all of these while parsing.

use rowan::{GreenNode, GreenNodeData, Language};

use crate::{
    SyntaxError,
    SyntaxKind::{self, *},
    SyntaxNode, SyntaxToken, T, TextRange, TextSize, WitLanguage,
};

/// Checks made while the tree is built, token by token, so that validation needs no second
/// walk over the whole tree: identifiers, list lengths and versions outside `ERROR` nodes,
/// and where the attributes are (checked afterwards, being rare and many-sided).
#[derive(Default)]
pub(crate) struct TreeChecks {
    pub(crate) errors: Vec<SyntaxError>,
    attributes: Vec<TextRange>,
}

impl TreeChecks {
    /// A token outside `ERROR` and `VERSION` nodes; `parent` is the node it is in.
    pub(crate) fn token(
        &mut self,
        kind: SyntaxKind,
        text: &str,
        range: TextRange,
        parent: SyntaxKind,
    ) {
        match kind {
            IDENT => {
                if let Err(message) = check_identifier(text) {
                    self.errors
                        .push(SyntaxError::with_code("invalid-identifier", message, range));
                }
            }
            INTEGER if parent == LIST_TYPE => {
                if let Err(e) = text.parse::<u32>() {
                    self.errors.push(SyntaxError::with_code(
                        "invalid-list-size",
                        format!(
                            "invalid list size: {e}: a fixed-size list holds at most {} elements",
                            u32::MAX
                        ),
                        range,
                    ));
                }
            }
            _ => {}
        }
    }

    /// A node outside `ERROR` nodes, just finished.
    pub(crate) fn node(&mut self, kind: SyntaxKind, node: &GreenNodeData, range: TextRange) {
        match kind {
            VERSION => check_version(node, range, &mut self.errors),
            ATTRIBUTE => self.attributes.push(range),
            _ => {}
        }
    }
}

/// The checks that need the whole text or tree: forbidden characters, and attributes.
pub(crate) fn validate(green: &GreenNode, text: &str, checks: TreeChecks) -> Vec<SyntaxError> {
    let mut errors = checks.errors;
    check_codepoints(text, &mut errors);
    if !checks.attributes.is_empty() {
        let root = SyntaxNode::new_root(green.clone());
        for range in checks.attributes {
            let attr = root
                .covering_element(range)
                .ancestors()
                .find(|n| n.kind() == ATTRIBUTE);
            if let Some(attr) = attr {
                check_attribute(&attr, &mut errors);
            }
        }
    }
    errors
}

/// Why a character may not appear anywhere in a WIT file, as wit-parser words it.
pub(crate) fn forbidden_codepoint(ch: char) -> Option<String> {
    match ch {
        '\n' | '\r' | '\t' => None,
        // Bidirectional overrides can make code read differently from what it means
        // (CVE-2021-42574).
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some(format!(
            "bidirectional override codepoint '{}' is not allowed: it can make code read \
             differently from what it means",
            ch.escape_unicode()
        )),
        '\u{149}' | '\u{673}' | '\u{f77}' | '\u{f79}' | '\u{17a3}' | '\u{17a4}' | '\u{17b4}'
        | '\u{17b5}' => Some(format!(
            "codepoint '{}' is discouraged by Unicode and not allowed in WIT",
            ch.escape_unicode()
        )),
        ch if ch.is_control() => Some(format!(
            "control code '{}' is not allowed in WIT text",
            ch.escape_unicode()
        )),
        _ => None,
    }
}

fn check_codepoints(text: &str, errors: &mut Vec<SyntaxError>) {
    let bytes = text.as_bytes();
    let mut last_end = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Printable ASCII, and the whitespace WIT allows, is by far the common case.
        if (0x20..0x7f).contains(&b) || b == b'\n' || b == b'\t' || b == b'\r' {
            i += 1;
            continue;
        }
        let ch = text[i..].chars().next().unwrap_or('\u{fffd}');
        if let Some(message) = forbidden_codepoint(ch) {
            // A run of them is one mistake.
            if last_end != Some(i) {
                let range = TextRange::at(TextSize::new(i as u32), TextSize::of(ch));
                errors.push(SyntaxError::with_code(
                    "forbidden-character",
                    message,
                    range,
                ));
            }
            last_end = Some(i + ch.len_utf8());
        }
        i += ch.len_utf8();
    }
}

/// wit-parser's identifier rule: words joined by single `-`; each word all lowercase or all
/// uppercase ASCII letters and digits; the first word starts with a letter. A leading `%`
/// lets a keyword be a name.
pub fn check_identifier(text: &str) -> Result<(), String> {
    let id = text.strip_prefix('%').unwrap_or(text);
    if id.is_empty() {
        return Err("expected a name after `%`".to_string());
    }
    let rule = "identifiers are kebab-case: words of lowercase (or all uppercase) ASCII \
                letters and digits joined by '-', the first starting with a letter";
    for (idx, part) in id.split('-').enumerate() {
        let Some(first) = part.chars().next() else {
            return Err(format!(
                "identifiers must have characters between '-'s{}",
                suggest_kebab(id)
            ));
        };
        if idx == 0 && !first.is_ascii_alphabetic() {
            return Err(format!(
                "invalid character in identifier {first:?}: {rule}{}",
                suggest_kebab(id)
            ));
        }
        let mut upper = None;
        for ch in part.chars() {
            let case = if ch.is_ascii_digit() {
                continue;
            } else if ch.is_ascii_uppercase() {
                true
            } else if ch.is_ascii_lowercase() {
                false
            } else {
                return Err(format!(
                    "invalid character in identifier {ch:?}: {rule}{}",
                    suggest_kebab(id)
                ));
            };
            if *upper.get_or_insert(case) != case {
                return Err(format!(
                    "invalid character in identifier {ch:?}: {rule}{}",
                    suggest_kebab(id)
                ));
            }
        }
    }
    Ok(())
}

/// The kebab-case spelling of a name written in another case, as a hint, if there is one.
fn suggest_kebab(id: &str) -> String {
    // Only a change of case and separators: dropping other characters is no suggestion.
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_- ".contains(c))
    {
        return String::new();
    }
    let kebab = to_kebab_case(id);
    if !kebab.is_empty() && kebab != id && check_identifier(&kebab).is_ok() {
        format!("; try `{kebab}`")
    } else {
        String::new()
    }
}

/// `MyHTTPName`, `my_name`, `my--name` → `my-http-name`, `my-name`, `my-name`.
pub fn to_kebab_case(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' || c == '-' || c == ' ' {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            continue;
        }
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if (prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_lower))
                && !out.ends_with('-')
                && !out.is_empty()
            {
                out.push('-');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn check_attribute(attr: &SyntaxNode, errors: &mut Vec<SyntaxError>) {
    let tokens: Vec<SyntaxToken> = attr
        .children_with_tokens()
        .filter_map(|e| e.into_token())
        .filter(|t| !t.kind().is_trivia())
        .collect();
    let Some(name) = tokens.get(1).filter(|t| t.kind() == IDENT) else {
        return;
    };
    let key = tokens
        .iter()
        .skip(2)
        .find(|t| matches!(t.kind(), IDENT | STRING));
    let value_version = attr.children().find(|n| n.kind() == VERSION);
    let value_ident = tokens
        .iter()
        .position(|t| t.kind() == T![=])
        .and_then(|i| tokens.get(i + 1))
        .filter(|t| t.kind() == IDENT);
    let mut error = |message: String, range: TextRange| {
        errors.push(SyntaxError::with_code("invalid-attribute", message, range))
    };

    // Packages take no attributes; one report per package, at its keyword.
    let on_package = attr.parent().filter(|parent| {
        matches!(parent.kind(), NESTED_PACKAGE | PACKAGE_DECL)
            && parent.children().find(|n| n.kind() == ATTRIBUTE).as_ref() == Some(attr)
    });
    if let Some(kw) =
        on_package.and_then(|p| p.children_with_tokens().find(|e| e.kind() == T![package]))
    {
        error(
            "cannot place attributes on nested packages".to_string(),
            kw.text_range(),
        );
    }

    match name.text() {
        "since" | "deprecated" => {
            expect_key(key, "version", attr, &mut error);
            if let Some(ident) = value_ident {
                error(
                    format!(
                        "expected a version such as `1.0.0`, found identifier `{}`",
                        ident.text()
                    ),
                    ident.text_range(),
                );
            }
        }
        "unstable" => {
            expect_key(key, "feature", attr, &mut error);
            if let Some(version) = value_version {
                error(
                    "expected a feature name, found a version".to_string(),
                    version.text_range(),
                );
            }
        }
        "external-id" => {
            match key {
                Some(t) if t.kind() == STRING => check_string(t, &mut error),
                Some(t) => error(
                    format!("expected a string literal, found identifier `{}`", t.text()),
                    t.text_range(),
                ),
                None => {}
            }
            let on = attr.parent().map(|p| p.kind());
            let what = match on {
                Some(INTERFACE) => Some("interface declarations"),
                Some(WORLD) => Some("world declarations"),
                Some(INCLUDE) => Some("include statements"),
                _ => None,
            };
            if let Some(what) = what {
                error(
                    format!("@external-id is not allowed on {what}"),
                    name.text_range(),
                );
            }
        }
        other => error(
            format!(
                "unknown attribute `{other}`: expected `since`, `unstable`, `deprecated` or `external-id`"
            ),
            name.text_range(),
        ),
    }
}

fn expect_key(
    key: Option<&SyntaxToken>,
    expected: &str,
    attr: &SyntaxNode,
    error: &mut impl FnMut(String, TextRange),
) {
    let _ = attr;
    match key {
        Some(t) if t.kind() == IDENT && t.text() == expected => {}
        Some(t) if t.kind() == IDENT => error(
            format!("expected `{expected}`, found `{}`", t.text()),
            t.text_range(),
        ),
        Some(t) => error(
            format!("expected `{expected}`, found a string literal"),
            t.text_range(),
        ),
        None => {}
    }
}

/// String literals (only in `@external-id`) allow the escapes wit-parser allows.
fn check_string(token: &SyntaxToken, error: &mut impl FnMut(String, TextRange)) {
    let text = token.text();
    let start = token.text_range().start();
    let at = |i: usize, ch: char| TextRange::at(start + TextSize::new(i as u32), TextSize::of(ch));
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((i, ch)) = chars.next() {
        match ch {
            '"' => return,
            '\\' => match chars.next() {
                Some((_, '"' | '\'' | 't' | 'n' | 'r' | '\\')) => {}
                Some((j, 'u')) => {
                    let mut value = 0u32;
                    let mut digits = 0;
                    if chars.next().map(|(_, c)| c) != Some('{') {
                        return error("expected character '{'".to_string(), at(j, 'u'));
                    }
                    for (k, c) in chars.by_ref() {
                        match c {
                            '}' => break,
                            '_' => {}
                            c if c.is_ascii_hexdigit() => {
                                digits += 1;
                                value = value
                                    .saturating_mul(16)
                                    .saturating_add(c.to_digit(16).unwrap_or(0));
                            }
                            c => return error(format!("invalid hex digit {c:?}"), at(k, c)),
                        }
                    }
                    if digits == 0 || char::from_u32(value).is_none() {
                        return error(format!("invalid unicode value {value:#x}"), at(j, 'u'));
                    }
                }
                Some((_, c)) if c.is_ascii_hexdigit() => match chars.next() {
                    Some((_, c2)) if c2.is_ascii_hexdigit() => {}
                    Some((k, c2)) => return error(format!("invalid hex digit {c2:?}"), at(k, c2)),
                    None => return,
                },
                Some((j, c)) => return error(format!("invalid string escape {c:?}"), at(j, c)),
                None => return,
            },
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                return error(format!("invalid string character {c:?}"), at(i, c));
            }
            _ => {}
        }
    }
}

/// The tokens of a green node that are not trivia, with their offsets.
fn green_tokens(node: &GreenNodeData, start: TextSize) -> Vec<(SyntaxKind, &str, TextSize)> {
    let mut out = Vec::new();
    let mut offset = start;
    for child in node.children() {
        if let rowan::NodeOrToken::Token(t) = child {
            let kind = WitLanguage::kind_from_raw(t.kind());
            if !kind.is_trivia() {
                out.push((kind, t.text(), offset));
            }
        }
        offset += child.text_len();
    }
    out
}

fn check_version(node: &GreenNodeData, range: TextRange, errors: &mut Vec<SyntaxError>) {
    let tokens = green_tokens(node, range.start());
    // A version cut short was reported by the parser; only whole ones are checked here.
    let whole = match tokens.first().map(|t| t.0) {
        Some(VERSION_NUMBER) => true,
        Some(INTEGER) => {
            tokens.len() >= 5
                && tokens[..5]
                    .iter()
                    .map(|t| t.0)
                    .eq([INTEGER, T![.], INTEGER, T![.], INTEGER])
        }
        _ => false,
    };
    if !whole {
        return;
    }
    // wit-parser reads the version from the source text, spaces included, so a version
    // written with spaces is an error there and here.
    let text = node.to_string();
    if let Err(e) = semver::Version::parse(&text) {
        errors.push(SyntaxError::with_code(
            "invalid-version",
            e.to_string(),
            range,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        for ok in [
            "apple",
            "apple-pear",
            "a0",
            "APPLE-PEAR",
            "apple-PEAR-grape",
            "is-XML",
            "apple-0",
            "%record",
            "a0-000-3d4a-54FF",
        ] {
            assert_eq!(check_identifier(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "0",
            "%",
            "0a",
            "_",
            "-",
            "a-",
            "-a",
            "Apple",
            "applE",
            "apple_pear",
            "apple--pear",
            "Москва",
            "a0-000-3d4A-54Ff",
        ] {
            assert!(check_identifier(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn kebab_suggestions() {
        assert_eq!(to_kebab_case("MyHTTPName"), "my-http-name");
        assert_eq!(to_kebab_case("my_name"), "my-name");
        assert_eq!(to_kebab_case("apple--pear"), "apple-pear");
        assert!(
            check_identifier("MyType")
                .unwrap_err()
                .ends_with("try `my-type`")
        );
    }
}
