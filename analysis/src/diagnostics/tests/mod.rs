//! One test file per diagnostic code, each named for it. A fixture is WIT (files under
//! `/wit`, as `ide::fixture` reads them) annotated with what must be reported: under the line
//! of each diagnostic, `//  ^^^ code: message` with the carets under its range (`warning
//! code: ...` for a warning, `info` and `hint` likewise), and `//  ~~~ related: message`
//! under a place it names. `check` renders what witty finds into the fixture the same way
//! and compares, so a fixture is its own expectation. docs/diagnostics.md explains exactly
//! the codes that have a file here.

mod annotate;

mod borrow_in_result;
mod component_mismatch;
mod composition;
mod conflicting_dependency_tools;
mod cycle;
mod dependency_from_cache;
mod dependency_not_fetched;
mod deprecated;
mod duplicate_dependency_version;
mod duplicate_name;
mod duplicate_package;
mod duplicate_package_docs;
mod empty_type;
mod excluded_reference;
mod file_too_large;
mod forbidden_character;
mod incompatible_dependencies;
mod invalid_accessor;
mod invalid_attribute;
mod invalid_binary_package;
mod invalid_character;
mod invalid_constructor;
mod invalid_gate;
mod invalid_handle;
mod invalid_identifier;
mod invalid_list_size;
mod invalid_lock_file;
mod invalid_manifest;
mod invalid_map_key;
mod invalid_name;
mod invalid_utf8;
mod invalid_version;
mod lock_digest_mismatch;
mod missing_package_header;
mod nested_package;
mod nesting_too_deep;
mod package_mismatch;
mod syntax_error;
mod too_many_errors;
mod too_many_flags;
mod unlocked_dependency;
mod unresolved_name;
mod unresolved_package;
mod unterminated_comment;
mod unterminated_string;
mod unused_use;
mod wit_parser;
mod wit_parser_crash;
mod wrong_item_kind;

pub(crate) use annotate::{
    check, check_crlf, check_found, check_with_backstop, diagnostics_of, diagnostics_on_disk,
};

/// The codes docs/diagnostics.md explains (its `## code` headings) are the codes tested here
/// (a file `code.rs` each, dashes as underscores), and the modules above are those files.
#[test]
fn docs_and_tests_list_the_same_codes() {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/diagnostics/tests");
    let docs = std::fs::read_to_string(here.join("../../../../docs/diagnostics.md")).unwrap();
    let documented: std::collections::BTreeSet<String> = docs
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .map(|code| code.trim().to_string())
        .collect();
    let tested: std::collections::BTreeSet<String> = std::fs::read_dir(&here)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.strip_suffix(".rs").map(str::to_string))
        .filter(|name| name != "mod" && name != "annotate")
        .map(|name| name.replace('_', "-"))
        .collect();
    assert_eq!(
        documented, tested,
        "docs/diagnostics.md headings and src/diagnostics/tests/*.rs differ"
    );
    let declared: std::collections::BTreeSet<String> = include_str!("mod.rs")
        .lines()
        .filter_map(|l| l.strip_prefix("mod ")?.strip_suffix(';'))
        .filter(|name| *name != "annotate")
        .map(|name| name.replace('_', "-"))
        .collect();
    assert_eq!(declared, tested, "a test file is not declared in mod.rs");
}
