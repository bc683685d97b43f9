//! The compiled-code cache: a second load skips compiling, a damaged entry is compiled
//! again instead of crashing, and different settings never share an entry.

use witty_runner::test_components::component;
use witty_runner::{CacheUse, RunOptions, Runner};

const WIT: &str = "package test:cache;\nworld w { export seven: func() -> u32; }\n";
const WAT: &str =
    r#"(module (func (export "seven") (result i32) (i32.const 7)) (memory (export "memory") 1))"#;

fn load(options: &RunOptions, path: &std::path::Path) -> (CacheUse, String) {
    let loaded = Runner::new(options.clone()).unwrap().load(path).unwrap();
    let output = loaded.call("seven()");
    (
        loaded.cache().expect("compiled by the call"),
        output
            .wave()
            .unwrap_or_else(|| format!("{:?}", output.result)),
    )
}

fn entries(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "cwasm"))
        .collect()
}

#[test]
fn second_load_hits_and_damage_is_recompiled() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let path = dir.path().join("c.wasm");
    std::fs::write(&path, component(WIT, WAT)).unwrap();
    let options = RunOptions {
        cache_dir: Some(cache.clone()),
        ..RunOptions::default()
    };

    assert_eq!(load(&options, &path), (CacheUse::Miss, "7".into()));
    assert_eq!(load(&options, &path), (CacheUse::Hit, "7".into()));
    let [entry] = entries(&cache).try_into().unwrap();

    // Every kind of damage: a flipped byte in the code, a cut file, garbage, nothing.
    let good = std::fs::read(&entry).unwrap();
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0xff;
    let damaged: [&[u8]; 4] = [&flipped, &good[..good.len() / 3], b"garbage", b""];
    for bytes in damaged {
        std::fs::write(&entry, bytes).unwrap();
        assert_eq!(load(&options, &path), (CacheUse::Miss, "7".into()));
        assert_eq!(load(&options, &path), (CacheUse::Hit, "7".into()));
    }
}

#[test]
fn other_settings_and_other_components_get_their_own_entries() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let path = dir.path().join("c.wasm");
    std::fs::write(&path, component(WIT, WAT)).unwrap();
    let plain = RunOptions {
        cache_dir: Some(cache.clone()),
        ..RunOptions::default()
    };
    let fueled = RunOptions {
        fuel: Some(1_000_000),
        ..plain.clone()
    };
    assert_eq!(load(&plain, &path).0, CacheUse::Miss);
    // Fuel changes the compiled code: the plain entry must not be used.
    assert_eq!(load(&fueled, &path).0, CacheUse::Miss);
    assert_eq!(load(&fueled, &path).0, CacheUse::Hit);
    // A changed component is a new entry, never the old code.
    std::fs::write(
        &path,
        component(WIT, &WAT.replace("i32.const 7", "i32.const 8")),
    )
    .unwrap();
    assert_eq!(load(&plain, &path), (CacheUse::Miss, "8".into()));
    assert_eq!(entries(&cache).len(), 3);
}

#[test]
fn an_unwritable_cache_only_costs_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.wasm");
    std::fs::write(&path, component(WIT, WAT)).unwrap();
    // A file where the folder should be: nothing can be stored, and nothing fails.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "").unwrap();
    let options = RunOptions {
        cache_dir: Some(blocked.join("cache")),
        ..RunOptions::default()
    };
    assert_eq!(load(&options, &path), (CacheUse::Miss, "7".into()));
    assert_eq!(load(&options, &path), (CacheUse::Miss, "7".into()));
}
