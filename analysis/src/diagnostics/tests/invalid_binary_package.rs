//! `invalid-binary-package`: a `.wasm` or `.wat` file in `deps/` that is not a WIT package
//! encoded as WebAssembly (a component, a core module, or garbage). Read from disk.

fn check_deps(files: &[(&str, &[u8])]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.wit"), "package a:b;\ninterface i {}\n").unwrap();
    std::fs::create_dir(dir.path().join("deps")).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join("deps").join(name), bytes).unwrap();
    }
    super::diagnostics_on_disk(dir.path(), dir.path())
}

#[test]
fn garbage_and_a_component() {
    let found = check_deps(&[
        ("garbage.wasm", b"\0asm\x0d\0\x01\0garbage"),
        ("text.wat", b"(not webassembly"),
        ("component.wat", b"(component)"),
        ("module.wat", b"(module)"),
    ]);
    insta::assert_debug_snapshot!(found, @r#"
    [
        "deps/component.wat: invalid-binary-package: a component, not a WIT package: `deps/` holds WIT packages encoded as WebAssembly; to use a component's WIT, extract it with `wasm-tools component wit COMPONENT --wasm`",
        "deps/garbage.wasm: invalid-binary-package: failed to decode the WIT package: unexpected end-of-file (at offset 0xa)",
        "deps/module.wat: invalid-binary-package: a core WebAssembly module, not a WIT package: `deps/` holds WIT packages encoded as WebAssembly (made with `wasm-tools component wit --wasm`)",
        "deps/text.wat: invalid-binary-package: not a WIT package: neither WebAssembly nor WebAssembly text (expected valid module field\n     --> <anon>:1:2\n      |\n    1 | (not webassembly\n      |  ^)",
    ]
    "#);
}

#[test]
fn a_package_encoded_as_webassembly_is_fine() {
    let wit = "package x:y@1.0.0;\ninterface j { type t = u8; }\n";
    let mut resolve = wit_parser::Resolve::new();
    let pkg = resolve.push_str("x.wit", wit).unwrap();
    let bytes = wit_component::encode(&resolve, pkg, false).unwrap();
    assert_eq!(check_deps(&[("x.wasm", &bytes)]), Vec::<String>::new());
}
