//! `nesting-too-deep`: types or packages nested more than 100 levels (wit-parser's limits).

use super::check;

/// `type a = list<list<...<u8>...>>;` with `depth` lists, and its error under it.
fn deep_type(depth: usize, annotation: &str) -> String {
    let ty = format!("{}u8{}", "list<".repeat(depth), ">".repeat(depth));
    format!("\npackage a:b;\ninterface i {{\n  type a = {ty};\n{annotation}}}\n")
}

#[test]
fn a_hundred_levels_of_types_are_allowed() {
    // 99 lists and the `u8` in them.
    check(&deep_type(99, ""));
}

#[test]
fn a_type_nested_deeper() {
    // The error points at the type at the 101st level (wit-parser's place): the `u8`.
    let column = "  type a = ".len() + "list<".len() * 100;
    let annotation = format!(
        "//{}^^ nesting-too-deep: type nesting too deep: at most 100 levels of nested types are allowed\n",
        " ".repeat(column - 2)
    );
    check(&deep_type(100, &annotation));
}

#[test]
fn packages_nested_deeper() {
    // Nested packages are an error from the second level on; past 100 the parser stops
    // descending.
    let depth = 102;
    let mut text = String::from("\npackage a:b;\n");
    for i in 0..depth {
        text.push_str(&format!("package a:p{i} {{\n"));
    }
    text.push_str(&"}\n".repeat(depth));
    let (_, found) = super::diagnostics_of(&text);
    let found: Vec<_> = found
        .iter()
        .map(|d| (d.code, d.message.as_str(), usize::from(d.range.start())))
        .collect();
    // One error for the nesting, at the 101st `package` as wit-parser has it.
    let at = text.match_indices("package a:p").nth(100).unwrap().0;
    assert_eq!(
        found,
        [
            (
                "nested-package",
                "nested packages must be placed at the top-level",
                37
            ),
            (
                "nesting-too-deep",
                "package nesting too deep: at most 100 levels are allowed",
                at
            ),
        ]
    );
}
