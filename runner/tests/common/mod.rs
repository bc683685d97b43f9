//! What the runner's tests share: loading a component built in the test, calling it, and
//! showing the outcome as one stable text for a snapshot.

#![allow(dead_code)]

use std::path::PathBuf;

use witty_runner::{CallOutput, Loaded, RunOptions, Runner};

/// The bump allocator and memory a core module needs when strings or lists cross.
pub const ALLOC: &str = r#"
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 4096))
  (func $realloc (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and
      (i32.add (global.get $heap) (i32.sub (local.get 2) (i32.const 1)))
      (i32.xor (i32.sub (local.get 2) (i32.const 1)) (i32.const -1))))
    (global.set $heap (i32.add (local.get $p) (local.get 3)))
    (local.get $p))
"#;

/// A component written to a fresh folder as `comp.wasm`, and loaded with `options` (the
/// cache off unless the options say otherwise).
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub loaded: Loaded,
}

impl Fixture {
    pub fn new(bytes: &[u8], options: RunOptions) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("comp.wasm");
        std::fs::write(&path, bytes).unwrap();
        let loaded = Runner::new(options)
            .unwrap()
            .load(&path)
            .unwrap_or_else(|e| panic!("{}", e.message));
        Fixture { dir, loaded }
    }

    /// The outcome of a call, as `show` writes it.
    pub fn call(&self, call: &str) -> String {
        self.show(self.loaded.call(call))
    }

    /// `=> result` or `error (exit N): message`, then what the guest printed; paths inside
    /// the test's folder are written relative to it.
    pub fn show(&self, output: CallOutput) -> String {
        let mut text = match &output.result {
            Ok(_) => format!("=> {}", output.wave().unwrap()),
            Err(e) => format!("error (exit {}): {}", e.exit_code(), e.message),
        };
        for (name, printed) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            if !printed.is_empty() {
                text.push_str(&format!("\n{name}: {printed:?}"));
            }
        }
        self.relative(&text)
    }

    pub fn relative(&self, text: &str) -> String {
        text.replace(&format!("{}/", self.dir.path().display()), "")
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("comp.wasm")
    }
}

/// The runner's options with the cache off, so tests never share compiled code.
pub fn no_cache() -> RunOptions {
    RunOptions {
        cache_dir: None,
        ..RunOptions::default()
    }
}
