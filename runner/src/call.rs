//! The text of a CALL, `name(args)`, split into the function's name and its WAVE arguments.
//!
//! wasm-wave's own call parser takes only plain names, not `ns:pkg/iface@1.0.0.name`, so the
//! name is everything before the first `(` and the arguments are handed to wasm-wave on their
//! own; spans of its errors are mapped back onto the CALL as written.

use std::ops::Range;

use wasmtime::component::wasm_wave::parser::ParserError;
use wasmtime::component::wasm_wave::untyped::UntypedFuncCall;
use wasmtime::component::wasm_wave::wasm::WasmValue;

/// A CALL whose syntax is right; its arguments are not yet checked against any type.
pub(crate) struct Call {
    /// The CALL as written, trimmed.
    pub text: String,
    /// The function's name as written: `add`, `calc.add`, `a:b/calc@1.0.0.add`.
    pub name: String,
    /// The arguments, parsed as `f(args)` by wasm-wave.
    args: UntypedFuncCall<'static>,
    /// Where the `(` is in `text`; the `f` of the parsed text stands just before it.
    paren: usize,
}

/// Why a CALL's syntax is wrong: a message, and the bytes of the CALL it points at.
pub(crate) struct SyntaxError {
    pub message: String,
    pub span: Range<usize>,
}

impl Call {
    pub fn parse(text: &str) -> Result<Call, SyntaxError> {
        let text = text.trim();
        let Some(paren) = text.find('(') else {
            let hint = if text.is_empty() {
                "write a function and its arguments, such as `add(1, 2)`".to_string()
            } else {
                format!("arguments go in parentheses, as in `{text}()`")
            };
            return Err(SyntaxError {
                message: format!("a CALL is `name(arguments)`: {hint}"),
                span: 0..text.len(),
            });
        };
        let name = text[..paren].trim_end();
        if name.is_empty() {
            return Err(SyntaxError {
                message: "a CALL starts with the function's name, as in `add(1, 2)`".into(),
                span: 0..1,
            });
        }
        if let Some(bad) = name.find(char::is_whitespace) {
            return Err(SyntaxError {
                message: "a function's name has no spaces".into(),
                span: bad..bad + 1,
            });
        }
        let source = format!("f{}", &text[paren..]);
        let args = match UntypedFuncCall::parse(&source) {
            Ok(args) => args.into_owned(),
            Err(e) => {
                return Err(SyntaxError {
                    message: format!("the arguments are not valid WAVE: {}", wave_message(&e)),
                    span: shift(e.span(), paren, text.len()),
                });
            }
        };
        Ok(Call {
            text: text.to_string(),
            name: name.to_string(),
            args,
            paren,
        })
    }

    /// How many arguments are written.
    pub fn arg_count(&self) -> usize {
        self.args
            .params_node()
            .and_then(|n| n.as_tuple().ok().map(|t| t.len()))
            .unwrap_or(0)
    }

    /// Which argument (0-based) covers the start of `span`, a span of the CALL.
    pub fn arg_at(&self, span: &Range<usize>) -> Option<usize> {
        let args = self.args.params_node()?.as_tuple().ok()?;
        args.into_iter().position(|node| {
            let covered = shift(node.span(), self.paren, self.text.len());
            covered.start <= span.start && span.start < covered.end.max(covered.start + 1)
        })
    }

    /// The arguments as values of `types`; trailing `option` arguments may be left out.
    pub fn values<V: WasmValue + 'static>(&self, types: &[V::Type]) -> Result<Vec<V>, SyntaxError> {
        self.args.to_wasm_params::<V>(types).map_err(|e| {
            // With no arguments at all wasm-wave blames the name (the `f` that stands for
            // it); the empty parentheses are where the missing arguments belong.
            let span = if e.span().start == 0 {
                self.paren..self.text.len()
            } else {
                shift(e.span(), self.paren, self.text.len())
            };
            SyntaxError {
                message: wave_message(&e),
                span,
            }
        })
    }
}

/// A wasm-wave error without the span it prints as `at 3..5`: the span is drawn instead.
pub(crate) fn wave_message(e: &ParserError) -> String {
    let kind = e.kind().to_string();
    match e.detail() {
        Some(detail) => format!("{kind}: {detail}"),
        None => match std::error::Error::source(e) {
            Some(source) => format!("{kind}: {source}"),
            None => kind,
        },
    }
}

/// A span of the parsed `f(args)` as a span of the CALL, whose `(` is at `paren`.
fn shift(span: Range<usize>, paren: usize, len: usize) -> Range<usize> {
    let map = |at: usize| (at + paren).saturating_sub(1).min(len);
    let (start, end) = (map(span.start), map(span.end));
    start..end.max(start)
}

/// The CALL with a line of carets under `span`, indented by two spaces, for messages.
pub(crate) fn point_at(text: &str, span: &Range<usize>) -> String {
    let start = text[..span.start.min(text.len())].chars().count();
    let width = text
        .get(span.clone())
        .map_or(1, |s| s.chars().count())
        .max(1);
    format!("  {text}\n  {}{}", " ".repeat(start), "^".repeat(width))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        match Call::parse(text) {
            Ok(call) => format!("ok: {} with {} argument(s)", call.name, call.arg_count()),
            Err(e) => format!("{}\n{}", e.message, point_at(text.trim(), &e.span)),
        }
    }

    #[test]
    fn names_of_every_form() {
        insta::assert_snapshot!(error("add(1, 2)"), @"ok: add with 2 argument(s)");
        insta::assert_snapshot!(error("  calc.add(1, 2) "), @"ok: calc.add with 2 argument(s)");
        insta::assert_snapshot!(error("a:b/calc@1.0.0.add(1)"), @"ok: a:b/calc@1.0.0.add with 1 argument(s)");
        insta::assert_snapshot!(error("f()"), @"ok: f with 0 argument(s)");
        insta::assert_snapshot!(error("f ( [1, 2], {a: \"(\"} )"), @"ok: f with 2 argument(s)");
    }

    #[test]
    fn syntax_errors_point_into_the_call() {
        insta::assert_snapshot!(error("add"), @"
        a CALL is `name(arguments)`: arguments go in parentheses, as in `add()`
          add
          ^^^
        ");
        insta::assert_snapshot!(error(""), @"
        a CALL is `name(arguments)`: write a function and its arguments, such as `add(1, 2)`
          
          ^
        ");
        insta::assert_snapshot!(error("(1)"), @"
        a CALL starts with the function's name, as in `add(1, 2)`
          (1)
          ^
        ");
        insta::assert_snapshot!(error("my add(1)"), @"
        a function's name has no spaces
          my add(1)
            ^
        ");
        insta::assert_snapshot!(error("add(1, 2"), @"
        the arguments are not valid WAVE: unexpected end of input
          add(1, 2
                  ^
        ");
        insta::assert_snapshot!(error("add(1,, 2)"), @"
        the arguments are not valid WAVE: unexpected token: Comma
          add(1,, 2)
                ^
        ");
        insta::assert_snapshot!(error("add(1) x"), @"
        the arguments are not valid WAVE: trailing characters after value
          add(1) x
                 ^
        ");
        insta::assert_snapshot!(error("greet(\"unterminated)"), @r#"
        the arguments are not valid WAVE: invalid token
          greet("unterminated)
                ^^^^^^^^^^^^^^
        "#);
    }
}
