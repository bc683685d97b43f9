//! `wit check` on a generated package of 200 interfaces in 200 files (about 23,000 lines)
//! with a `deps/` package, next to wit-parser's `Resolve::push_path` of the same folder, in
//! the same run: (a) a cold check, (b) a re-check after a one-character edit. Ratios are
//! printed at the end; figures go to docs/performance.md.

use std::fmt::Write;
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use witty_analysis::{AnalysisHost, Features, load_path};

const FILES: usize = 200;

fn interface(i: usize) -> String {
    let mut s =
        format!("package bench:app@1.0.0;\n\n/// Interface number {i}.\ninterface iface{i} {{\n");
    s.push_str("  use bench:base/types@1.0.0.{id, error};\n");
    if i > 0 {
        writeln!(
            s,
            "  use iface{}.{{rec{}, res{} as prev-res}};",
            i - 1,
            i - 1,
            i - 1
        )
        .unwrap();
        writeln!(s, "  link: func(p: rec{}, r: borrow<prev-res>);", i - 1).unwrap();
    }
    for part in 0..4 {
        write!(
            s,
            r#"
  /// A record with documentation.
  record rec{i}-{part} {{
    /// The first field.
    a: u32,
    b: string,
    c: list<option<u64>>,
    d: tuple<s8, f64, char>,
    key: id,
  }}

  variant var{i}-{part} {{
    none,
    some(rec{i}-{part}),
    many(list<rec{i}-{part}>),
  }}

  enum en{i}-{part} {{ one, two, three }}

  flags fl{i}-{part} {{ read, write, exec }}

  type alias{i}-{part} = result<list<rec{i}-{part}>, error>;

  run{i}-{part}: func(a: rec{i}-{part}, c: list<tuple<string, u32>>) -> option<alias{i}-{part}>;
"#
        )
        .unwrap();
    }
    write!(
        s,
        r#"
  record rec{i} {{ x: u32 }}

  resource res{i} {{
    constructor(name: string);
    name: func() -> string;
    update: func(value: rec{i}) -> result<_, error>;
    make: static func(f: fl{i}-0) -> res{i};
  }}
}}
"#
    )
    .unwrap();
    s
}

fn generate(dir: &Path) -> usize {
    let mut lines = 0;
    for i in 0..FILES {
        let text = interface(i);
        lines += text.lines().count();
        std::fs::write(dir.join(format!("iface{i:03}.wit")), text).unwrap();
    }
    let mut world = String::from("package bench:app@1.0.0;\n\nworld everything {\n");
    for i in 0..FILES {
        writeln!(world, "  import iface{i};").unwrap();
    }
    world.push_str("}\n");
    lines += world.lines().count();
    std::fs::write(dir.join("world.wit"), world).unwrap();
    let deps = dir.join("deps/base");
    std::fs::create_dir_all(&deps).unwrap();
    let base = "package bench:base@1.0.0;\n\ninterface types {\n  type id = string;\n  variant error { not-found(id), denied, other(string) }\n}\n";
    lines += base.lines().count();
    std::fs::write(deps.join("types.wit"), base).unwrap();
    lines
}

fn witty_cold(dir: &Path, backstop: bool) -> usize {
    let mut host = AnalysisHost::new();
    let root = host.add_root(&load_path(dir).unwrap(), Features::default());
    let d = if backstop {
        host.diagnostics_with_backstop(root)
    } else {
        host.diagnostics(root)
    };
    d.len()
}

fn wit_parser(dir: &Path) {
    wit_parser::Resolve::new()
        .push_path(dir)
        .expect("wit-parser accepts the package");
}

fn bench(c: &mut Criterion) {
    // `WITTY_BENCH_GENERATE=DIR cargo bench --bench check` writes the package for profiling.
    if let Ok(dir) = std::env::var("WITTY_BENCH_GENERATE") {
        std::fs::create_dir_all(&dir).unwrap();
        println!("{} lines in {dir}", generate(Path::new(&dir)));
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let lines = generate(dir);
    assert_eq!(witty_cold(dir, true), 0, "the generated package is clean");
    wit_parser(dir);

    // A warm host, and a one-character edit to type into one file: a parameter's name
    // (`a:` becomes `b:` and back), which no other file refers to.
    let mut host = AnalysisHost::new();
    let root = host.add_root(&load_path(dir).unwrap(), Features::default());
    host.diagnostics(root);
    let edited = dir.join("iface100.wit");
    let original = interface(100);
    let variant = original.replacen("(a: rec100-0", "(b: rec100-0", 1);
    let mut flip = false;
    let mut edit = |host: &mut AnalysisHost| {
        flip = !flip;
        host.set_file_text(&edited, if flip { &variant } else { &original });
        host.diagnostics(root).len()
    };

    let mut group = c.benchmark_group(format!("check {FILES} files, {lines} lines"));
    group.sample_size(10);
    group.bench_function("witty cold (no backstop)", |b| {
        b.iter(|| witty_cold(black_box(dir), false))
    });
    group.bench_function("witty cold (with backstop)", |b| {
        b.iter(|| witty_cold(black_box(dir), true))
    });
    group.bench_function("wit-parser push_path", |b| {
        b.iter(|| wit_parser(black_box(dir)))
    });
    group.bench_function("witty re-check after a one-character edit", |b| {
        b.iter(|| edit(&mut host))
    });
    group.finish();

    // Ratios from interleaved runs, so that both sides see the same machine state.
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let time = |f: &mut dyn FnMut()| {
        let t = Instant::now();
        f();
        t.elapsed().as_secs_f64()
    };
    let (mut cold, mut cold_backstop, mut reference, mut recheck) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..7 {
        cold.push(time(&mut || {
            black_box(witty_cold(dir, false));
        }));
        cold_backstop.push(time(&mut || {
            black_box(witty_cold(dir, true));
        }));
        reference.push(time(&mut || wit_parser(dir)));
        recheck.push(time(&mut || {
            black_box(edit(&mut host));
        }));
    }
    let (cold, cold_backstop, reference, recheck) = (
        median(cold),
        median(cold_backstop),
        median(reference),
        median(recheck),
    );
    println!(
        "RATIO cold check, witty alone / wit-parser: {:.1} ms / {:.1} ms = {:.2} (target <= 1.0)",
        cold * 1e3,
        reference * 1e3,
        cold / reference
    );
    println!(
        "RATIO cold check with backstop / wit-parser: {:.1} ms / {:.1} ms = {:.2}",
        cold_backstop * 1e3,
        reference * 1e3,
        cold_backstop / reference
    );
    println!(
        "RATIO re-check after a one-character edit / wit-parser full resolve: {:.2} ms / {:.1} ms = {:.3} (target <= 0.05)",
        recheck * 1e3,
        reference * 1e3,
        recheck / reference
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
