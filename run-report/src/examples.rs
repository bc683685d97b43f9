//! Examples in doc comments: the lines `call == expected` of fenced blocks tagged `wave`.
//!
//! ````text
//! /// Adds two numbers.
//! ///
//! /// ```wave
//! /// add(1, 2) == 3
//! /// parse("x") == err("bad")
//! /// ```
//! ````
//!
//! A line with no top-level `==` is a call that must only succeed. Blank lines and lines
//! starting with `//` inside a block are skipped, so an example can be commented.

/// One example line of a doc comment.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Example {
    /// The call, as `wit run` takes it: `add(1, 2)`.
    pub call: String,
    /// The expected result in WAVE, or `None` when the line only calls.
    pub expected: Option<String>,
    /// The 1-based line of the example within the doc text it was parsed from.
    pub line: usize,
}

/// Every example of the fenced ```` ```wave ```` blocks in `docs`, in order.
pub fn parse_examples(docs: &str) -> Vec<Example> {
    let mut examples = Vec::new();
    // The fence that opened the current `wave` block (its backticks or tildes), if inside one.
    let mut open: Option<&str> = None;
    // Inside a fenced block of another language, whose lines are not examples.
    let mut other: Option<&str> = None;
    for (index, raw) in docs.lines().enumerate() {
        let line = raw.trim();
        if let Some(fence) = open.or(other) {
            match fence_of(line) {
                // As in Markdown, a block closes at a bare fence at least as long as the one
                // that opened it, of the same character; a shorter one is not an example.
                Some((close, "")) if close.len() >= fence.len() && close[..1] == fence[..1] => {
                    open = None;
                    other = None;
                }
                Some(_) => {}
                None if open.is_some() && !line.is_empty() && !line.starts_with("//") => {
                    examples.push(example(line, index + 1));
                }
                None => {}
            }
            continue;
        }
        if let Some((fence, info)) = fence_of(line) {
            // The first word of the info string is the language, as in Markdown.
            if info.split_whitespace().next() == Some("wave") {
                open = Some(fence);
            } else {
                other = Some(fence);
            }
        }
    }
    examples
}

/// The fence (three or more backticks or tildes) and info string of a line that opens a block.
fn fence_of(line: &str) -> Option<(&str, &str)> {
    let marker = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = line.len() - line.trim_start_matches(marker).len();
    (len >= 3).then(|| (&line[..len], &line[len..]))
}

fn example(line: &str, number: usize) -> Example {
    match split_expectation(line) {
        Some((call, expected)) => Example {
            call: call.trim().to_string(),
            expected: Some(expected.trim().to_string()),
            line: number,
        },
        None => Example {
            call: line.to_string(),
            expected: None,
            line: number,
        },
    }
}

/// Splits `call == expected` at the first `==` outside strings, chars and brackets, so that
/// `eq("a == b") == true` splits where it should.
pub fn split_expectation(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    let mut depth = 0i32;
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None => match b {
                b'"' | b'\'' => quote = Some(b),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                b'=' if depth == 0 && bytes.get(i + 1) == Some(&b'=') => {
                    return Some((&line[..i], &line[i + 2..]));
                }
                _ => {}
            },
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The examples of `docs`, one line each: `line: call => expected`.
    fn show(docs: &str) -> String {
        let shown: Vec<String> = parse_examples(docs)
            .iter()
            .map(|e| match &e.expected {
                Some(x) => format!("{}: {} => {}", e.line, e.call, x),
                None => format!("{}: {} (must succeed)", e.line, e.call),
            })
            .collect();
        shown.join("\n")
    }

    #[test]
    fn lines_of_wave_blocks() {
        insta::assert_snapshot!(
            show("Adds.\n\n```wave\nadd(1, 2) == 3\n  parse(\"x\") == err(\"bad\")\n```\nafter(1) == 2\n"),
            @r#"
        4: add(1, 2) => 3
        5: parse("x") => err("bad")
        "#
        );
    }

    #[test]
    fn equals_inside_strings_chars_and_brackets() {
        insta::assert_snapshot!(
            show("```wave\neq(\"a == b\") == true\nf('=', [1]) == {a: \"==\"}\ng(\"\\\"==\") == 1\n```"),
            @r#"
        2: eq("a == b") => true
        3: f('=', [1]) => {a: "=="}
        4: g("\"==") => 1
        "#
        );
    }

    #[test]
    fn other_blocks_comments_and_calls_without_expectation() {
        insta::assert_snapshot!(
            show("```rust\nadd(1, 2) == 3\n```\n````wave extra\n// a comment\n\nreset()\n```\nstill(1) == 1\n````\n~~~\nno() == 1\n~~~"),
            @"
        7: reset() (must succeed)
        9: still(1) => 1
        "
        );
    }

    #[test]
    fn unclosed_block_runs_to_the_end() {
        insta::assert_snapshot!(show("```wave\nf() == 1"), @"2: f() => 1");
    }
}
