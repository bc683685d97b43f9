//! `wit bindgen` end to end: the bindings on stdout and in a folder (never losing a file witty
//! did not write), a package with errors reported as `wit check` reports it, a world a
//! generator cannot handle reported at its WIT, and the Rust bindings of the bundled examples
//! compiled with wit-bindgen's runtime crate.

mod common;

use std::path::{Path, PathBuf};

use common::*;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(name)
}

#[test]
fn one_language_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let calc = example("calculator");
    let out = wit(
        &["bindgen", calc.to_str().unwrap(), "--lang", "rust"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rust = stdout(&out);
    assert!(rust.contains("pub mod math {"), "{rust}");
    assert!(rust.contains("fn add(a: i32, b: i32) -> i32;"), "{rust}");
    // C's header, its code, and a binary object that is only named.
    let out = wit(
        &["bindgen", calc.to_str().unwrap(), "--lang", "c"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let c = stdout(&out);
    assert!(c.starts_with("==> calculator.c <==\n"), "{c}");
    assert!(c.contains("\n==> calculator.h <==\n"), "{c}");
    assert!(
        stderr(&out).contains("calculator_component_type.o"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_package_with_errors_is_reported_as_check_reports_it_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "wit/app.wit",
        "package demo:app;\n\nworld app {\n  export run: func(x: missing-type);\n}\n",
    );
    let check = wit(&["check", "wit"], dir.path());
    let bindgen = wit(
        &["bindgen", "wit", "--lang", "rust", "--out-dir", "out"],
        dir.path(),
    );
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(bindgen.status.code(), Some(1));
    assert_eq!(stdout(&bindgen), stdout(&check));
    assert!(
        stdout(&check).contains("missing-type"),
        "{}",
        stdout(&check)
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn no_world_or_an_unknown_one_is_bad_usage() {
    let dir = tempfile::tempdir().unwrap();
    let kv = example("kv-store");
    let out = wit(
        &[
            "bindgen",
            kv.to_str().unwrap(),
            "--lang",
            "rust",
            "--world",
            "nope",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("has no world `nope`; its worlds are: kv-service"),
        "{}",
        stderr(&out)
    );
    let out = wit(
        &["bindgen", kv.to_str().unwrap(), "--lang", "cobol"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("rust, c, cpp, csharp, moonbit, markdown"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_out_dir_with_other_files_is_refused_unless_forced_and_they_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let calc = example("calculator");
    write(dir.path(), "out/notes.txt", "mine");
    let args = |lang: &'static str, force: bool| {
        let mut a = vec![
            "bindgen",
            calc.to_str().unwrap(),
            "--lang",
            lang,
            "--out-dir",
            "out",
        ];
        if force {
            a.push("--force");
        }
        wit(&a, dir.path())
    };
    let refused = args("c", false);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("notes.txt"),
        "{}",
        stderr(&refused)
    );
    assert!(!dir.path().join("out/calculator.h").exists());
    let forced = args("c", true);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert!(dir.path().join("out/calculator.h").is_file());
    assert!(dir.path().join("out/calculator_component_type.o").is_file());
    // Markdown over C in the same folder: witty's own C files go, the notes stay.
    let again = args("markdown", true);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(dir.path().join("out/calculator.md").is_file());
    assert!(!dir.path().join("out/calculator.h").exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/notes.txt")).unwrap(),
        "mine"
    );
    // A folder holding only what witty wrote is written again without --force.
    std::fs::remove_file(dir.path().join("out/notes.txt")).unwrap();
    let rewritten = args("markdown", false);
    assert_eq!(rewritten.status.code(), Some(0), "{}", stderr(&rewritten));
}

#[test]
fn a_world_the_generator_cannot_handle_is_reported_at_its_wit() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "wit/types.wit",
        "package demo:fixed;\n\ninterface types {\n  record pixel {\n    rgba: list<u8, 4>,\n  }\n\n  paint: func(p: pixel);\n}\n\nworld app {\n  import types;\n}\n",
    );
    let out = wit(&["bindgen", "wit", "--lang", "c"], dir.path());
    let text = text(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("the C generator (wit-bindgen 0.63.0) failed on `pixel`"),
        "{text}"
    );
    assert!(text.contains("wit/types.wit:4:10"), "{text}");
}

#[test]
fn the_rust_bindings_of_the_examples_compile_with_the_runtime_crate() {
    let dir = tempfile::tempdir().unwrap();
    let krate = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bindings-check");
    for file in ["Cargo.toml", "Cargo.lock", "src/lib.rs"] {
        write(dir.path(), file, std::fs::read(krate.join(file)).unwrap());
    }
    for (example, sub) in [("calculator", "calculator"), ("kv-store", "kv")] {
        let path = self::example(example);
        let out_dir = format!("src/bindings/{sub}");
        let out = wit(
            &[
                "bindgen",
                path.to_str().unwrap(),
                "--lang",
                "rust",
                "--out-dir",
                &out_dir,
            ],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    // Offline and locked: the runtime crate is in the registry cache (the CLI's
    // dev-dependency brings it), so this fetches nothing.
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bindings-check");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let out = std::process::Command::new(cargo)
        .args(["check", "--offline", "--locked", "--quiet", "--target-dir"])
        .arg(&target)
        .current_dir(dir.path())
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo check of the bindings failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
