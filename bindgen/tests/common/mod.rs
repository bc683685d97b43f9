//! What the bindings tests share: a package read as witty reads it, the generators run
//! directly on wit-parser's own reading of a folder, and the registry folder of a crate.

use std::path::{Path, PathBuf};

use wit_bindgen_core::WorldGenerator;
use wit_bindgen_core::wit_parser::Resolve;
use witty_analysis::backstop::BackstopInput;
use witty_analysis::{AnalysisHost, Features};
use witty_bindgen::Lang;

/// The package at `path` as witty checks it: its texts, `deps/` included.
pub fn input(path: &Path) -> BackstopInput {
    let package = witty_analysis::load_path(path).expect("the package loads");
    let mut host = AnalysisHost::new();
    let root = host.add_root(&package, Features::default());
    let errors: Vec<_> = host
        .diagnostics(root)
        .into_iter()
        .filter(|d| d.severity == witty_analysis::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    host.analysis().backstop_input(root).expect("not cancelled")
}

/// A package written in a temporary folder from `//- name` sections.
pub fn fixture(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut current: Option<(PathBuf, String)> = None;
    let write = |c: Option<(PathBuf, String)>| {
        if let Some((path, body)) = c {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, body).unwrap();
        }
    };
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("//- ") {
            write(current.take());
            current = Some((dir.path().join(name.trim()), String::new()));
        } else if let Some((_, body)) = &mut current {
            body.push_str(line);
            body.push('\n');
        }
    }
    write(current);
    dir
}

/// The generator's files for `world` of the folder, run directly: wit-parser's own
/// `push_path` and the generator crate with the options `wit bindgen` documents (its
/// defaults; Rust formatted).
pub fn direct(path: &Path, world: Option<&str>, lang: Lang) -> Vec<(String, Vec<u8>)> {
    let mut resolve = Resolve::new();
    let (package, _) = resolve.push_path(path).expect("wit-parser reads it");
    let world = resolve.select_world(&[package], world).expect("the world");
    let mut generator: Box<dyn WorldGenerator> = match lang {
        Lang::Rust => Box::new(
            wit_bindgen_rust::Opts {
                format: true,
                generate_all: true,
                ..Default::default()
            }
            .build(),
        ),
        Lang::C => wit_bindgen_c::Opts::default().build(),
        Lang::Cpp => wit_bindgen_cpp::Opts::default().build(None),
        Lang::CSharp => wit_bindgen_csharp::Opts::default().build(),
        Lang::MoonBit => wit_bindgen_moonbit::Opts::default().build(),
        Lang::Markdown => wit_bindgen_markdown::Opts::default().build(),
    };
    let mut files = wit_bindgen_core::Files::default();
    generator
        .generate(&mut resolve, world, &mut files)
        .expect("the generator succeeds");
    files
        .iter()
        .map(|(name, contents)| (name.to_string(), contents.to_vec()))
        .collect()
}

/// The folder of a crate of the dependency graph, found through `cargo metadata`.
pub fn package_dir(name: &str) -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml");
    let out = std::process::Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--manifest-path",
            manifest,
        ])
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let pkg = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("{name} is in the workspace's dependency graph"));
    Path::new(pkg["manifest_path"].as_str().unwrap())
        .parent()
        .unwrap()
        .to_path_buf()
}
