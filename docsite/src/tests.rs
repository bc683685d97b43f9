//! Snapshots of generated pages for small packages, and the rules for writing a site.
//! Fixtures are one string with `//- path` headers, written to a temporary package folder.

use std::path::Path;

use witty_analysis::{AnalysisHost, Features};

use crate::{Comparison, Site, generate};

/// Writes the fixture's files under `dir`.
fn write_fixture(dir: &Path, fixture: &str) {
    for part in fixture.split("//- ").filter(|p| !p.trim().is_empty()) {
        let (path, text) = part.split_once('\n').expect("a header line");
        let path = dir.join(path.trim().trim_start_matches('/'));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// The site of the fixture's package (with `deps/`), compared with `old` if given.
fn site(fixture: &str, old: Option<&str>) -> Site {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(&dir.path().join("new"), fixture);
    let package = witty_analysis::load_path(&dir.path().join("new")).unwrap();
    let mut host = AnalysisHost::without_projects();
    let root = host.add_root(&package, Features::default());
    let errors: Vec<_> = host
        .diagnostics(root)
        .into_iter()
        .filter(|d| d.severity == witty_analysis::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "the fixture has errors: {errors:?}");
    let model = host.analysis().doc_model(root).unwrap();
    let compare = old.map(|old| {
        write_fixture(&dir.path().join("old"), old);
        let load = |p: &Path| match witty_analysis::component::load_evolving(p).unwrap() {
            witty_analysis::component::Evolving::Package(r, id) => (r, id),
            _ => panic!("not a package"),
        };
        let (or, op) = load(&dir.path().join("old"));
        let (nr, np) = load(&dir.path().join("new"));
        Comparison {
            old_path: "old".to_string(),
            report: witty_analysis::component::semver_packages(&or, op, &nr, np),
        }
    });
    generate(&model, compare.as_ref())
}

/// The inside of a page's `<main>`.
fn main_of(site: &Site, page: &str) -> String {
    let html = String::from_utf8(
        site.files
            .get(page)
            .unwrap_or_else(|| panic!("no page {page}; the site has {:?}", site.files.keys()))
            .clone(),
    )
    .unwrap();
    let start = html
        .find("<main id=\"main\" tabindex=\"-1\">\n")
        .expect("a main")
        + 31;
    let end = html.find("</main>").expect("the end of main");
    html[start..end].to_string()
}

/// Checks the `<main>` of one page of the fixture's site against an inline snapshot.
macro_rules! check {
    ($fixture:expr, $page:expr, @$snapshot:literal) => {
        insta::assert_snapshot!(main_of(&site($fixture, None), $page), @$snapshot)
    };
}

const TYPES: &str = r#"
//- types.wit
/// Shapes and how to draw them.
package demo:shapes@0.2.0;

/// Points and *sizes*.
@since(version = 0.2.0)
interface geometry {
    use demo:units/lengths@1.0.0.{length};

    /// A point on the plane.
    record point {
        /// Across.
        x: length,
        y: length,
    }

    @unstable(feature = fancy)
    enum fill { solid, hatched }

    /// Moves a point.
    @since(version = 0.1.0)
    @deprecated(version = 0.2.0)
    move: func(p: point, by: length) -> point;
}
//- deps/units/lengths.wit
package demo:units@1.0.0;

interface lengths {
    /// Millimetres.
    type length = f64;
}
"#;

#[test]
fn interface_page_links_types_across_packages() {
    check!(TYPES, "demo/shapes@0.2.0/interface.geometry.html", @r##"
<h1><span class="kind">interface</span> geometry</h1>
<p class="meta">in package <a href="index.html">demo:shapes@0.2.0</a> · defined in <span class="source">types.wit:6</span></p>
<p class="badges"><span class="badge badge-since">since 0.2.0</span></p>
<div class="docs"><p>Points and <em>sizes</em>.</p>
</div>
<h2 id="types">Types</h2>
<section class="entry" id="type.point">
<h3 class="entry-title"><span class="kind">record</span> <a class="anchor" href="#type.point">point</a></h3>
<pre class="code"><code>record point {
    x: <a href="../../deps/demo/units@1.0.0/interface.lengths.html#type.length">length</a>,
    y: <a href="../../deps/demo/units@1.0.0/interface.lengths.html#type.length">length</a>,
}</code></pre>
<div class="docs"><p>A point on the plane.</p>
</div>
<h4 class="parts-title">Fields</h4>
<dl class="members">
<dt id="type.point.x"><code>x: <a href="../../deps/demo/units@1.0.0/interface.lengths.html#type.length">length</a></code></dt>
<dd><div class="docs"><p>Across.</p>
</div>
</dd>
<dt id="type.point.y"><code>y: <a href="../../deps/demo/units@1.0.0/interface.lengths.html#type.length">length</a></code></dt>
<dd></dd>
</dl>
</section>
<section class="entry" id="type.fill">
<h3 class="entry-title"><span class="kind">enum</span> <a class="anchor" href="#type.fill">fill</a></h3>
<p class="badges"><span class="badge badge-unstable">unstable: fancy</span></p>
<pre class="code"><code>enum fill { solid, hatched }</code></pre>
<h4 class="parts-title">Cases</h4>
<dl class="members">
<dt id="type.fill.solid"><code>solid</code></dt>
<dd></dd>
<dt id="type.fill.hatched"><code>hatched</code></dt>
<dd></dd>
</dl>
</section>
<h2 id="functions">Functions</h2>
<section class="entry" id="func.move">
<h3 class="entry-title"><span class="kind">function</span> <a class="anchor" href="#func.move">move</a></h3>
<p class="badges"><span class="badge badge-since">since 0.1.0</span><span class="badge badge-deprecated">deprecated since 0.2.0</span></p>
<pre class="code"><code>move: func(p: <a href="#type.point">point</a>, by: <a href="../../deps/demo/units@1.0.0/interface.lengths.html#type.length">length</a>) -&gt; <a href="#type.point">point</a>;</code></pre>
<div class="docs"><p>Moves a point.</p>
</div>
</section>
"##);
}

const WORLD: &str = r#"
//- world.wit
package demo:app;

interface api {
    resource handle {
        /// Opens one.
        constructor(name: string);
        read: func(n: u32) -> list<u8>;
    }
}

/// The app.
world app {
    import api;
    import log: func(msg: string);
    export run: func(h: borrow<handle>);
    use api.{handle};
}
"#;

#[test]
fn world_page_draws_imports_and_exports() {
    check!(WORLD, "demo/app/world.app.html", @r##"
<h1><span class="kind">world</span> app</h1>
<p class="meta">in package <a href="index.html">demo:app</a> · defined in <span class="source">world.wit:12</span></p>
<div class="docs"><p>The app.</p>
</div>
<figure class="world-figure">
<div class="picture"><svg class="world-picture" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 397 154" width="397" height="154" role="group" aria-labelledby="arrow-app-title"><title id="arrow-app-title">World app: 3 imports, 1 export</title><defs><marker id="arrow-app" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="wp-arrowhead" d="M0 0L10 5L0 10z"/></marker></defs><text class="wp-heading" x="0.0" y="18.0">imports</text><text class="wp-heading" x="325.6" y="18.0">exports</text><rect class="wp-world" x="173.6" y="30.0" width="96.0" height="104.0" rx="8"/><text class="wp-world-name" x="221.6" y="82.0" text-anchor="middle" dominant-baseline="middle">app</text><line class="wp-edge" x1="117.6" y1="44.0" x2="173.6" y2="44.0" marker-end="url(#arrow-app)"/><a href="interface.api.html"><rect class="wp-import" x="0.0" y="30.0" width="117.6" height="28.0" rx="4"/><text class="wp-label" x="12.0" y="44.0" dominant-baseline="middle">demo:app/api</text></a><line class="wp-edge" x1="117.6" y1="82.0" x2="173.6" y2="82.0" marker-end="url(#arrow-app)"/><a href="interface.api.html#type.handle"><rect class="wp-import" x="0.0" y="68.0" width="117.6" height="28.0" rx="4"/><text class="wp-label" x="12.0" y="82.0" dominant-baseline="middle">type handle</text></a><line class="wp-edge" x1="117.6" y1="120.0" x2="173.6" y2="120.0" marker-end="url(#arrow-app)"/><a href="#func.log"><rect class="wp-import" x="0.0" y="106.0" width="117.6" height="28.0" rx="4"/><text class="wp-label" x="12.0" y="120.0" dominant-baseline="middle">log()</text></a><line class="wp-edge" x1="269.6" y1="44.0" x2="325.6" y2="44.0" marker-end="url(#arrow-app)"/><a href="#func.run"><rect class="wp-export" x="325.6" y="30.0" width="70.8" height="28.0" rx="4"/><text class="wp-label" x="337.6" y="44.0" dominant-baseline="middle">run()</text></a></svg></div>
<figcaption>What world <code>app</code> imports (left) and exports (right)</figcaption>
</figure>
<h2 id="imports">Imports</h2>
<ul class="ends">
<li><span class="kind">interface</span> <code><a href="interface.api.html">demo:app/api</a></code></li>
<li><span class="kind">type</span> <code><a href="interface.api.html#type.handle">handle</a></code></li>
<li><span class="kind">function</span> <code><a href="#func.log">log</a></code></li>
</ul>
<h2 id="exports">Exports</h2>
<ul class="ends">
<li><span class="kind">function</span> <code><a href="#func.run">run</a></code></li>
</ul>
<h2 id="externs">Defined in this world</h2>
<section class="entry" id="func.log">
<h3 class="entry-title"><span class="kind">import</span> <a class="anchor" href="#func.log">log</a></h3>
<pre class="code"><code>import log: func(msg: string);</code></pre>
</section>
<section class="entry" id="func.run">
<h3 class="entry-title"><span class="kind">export</span> <a class="anchor" href="#func.run">run</a></h3>
<pre class="code"><code>export run: func(h: borrow&lt;<a href="interface.api.html#type.handle">handle</a>&gt;);</code></pre>
</section>
"##);
}

#[test]
fn resource_functions_are_entries_of_their_own() {
    check!(WORLD, "demo/app/interface.api.html", @r##"
<h1><span class="kind">interface</span> api</h1>
<p class="meta">in package <a href="index.html">demo:app</a> · defined in <span class="source">world.wit:3</span></p>
<h2 id="types">Types</h2>
<section class="entry" id="type.handle">
<h3 class="entry-title"><span class="kind">resource</span> <a class="anchor" href="#type.handle">handle</a></h3>
<pre class="code"><code>resource handle</code></pre>
<h4 class="parts-title">Functions</h4>
<section class="entry" id="type.handle.constructor">
<h5 class="entry-title"><span class="kind">constructor</span> <a class="anchor" href="#type.handle.constructor">constructor</a></h5>
<pre class="code"><code>constructor(name: string);</code></pre>
<div class="docs"><p>Opens one.</p>
</div>
</section>
<section class="entry" id="type.handle.read">
<h5 class="entry-title"><span class="kind">method</span> <a class="anchor" href="#type.handle.read">read</a></h5>
<pre class="code"><code>read: func(n: u32) -&gt; list&lt;u8&gt;;</code></pre>
</section>
</section>
"##);
}

const MARKDOWN: &str = r#"
//- docs.wit
package demo:docs;

/// # Usage
///
/// Call <script>alert(1)</script> *carefully*; see [the spec](https://example.com/spec),
/// [a relative page](other.md) and ![a picture](https://example.com/p.png).
///
/// | a | b |
/// |---|---|
/// | 1 | 2 |
interface notes {
    /// ## Errors
    ///
    /// None.
    f: func();
}
"#;

#[test]
fn markdown_is_rendered_safely_and_headings_follow_the_page() {
    check!(MARKDOWN, "demo/docs/interface.notes.html", @r##"
<h1><span class="kind">interface</span> notes</h1>
<p class="meta">in package <a href="index.html">demo:docs</a> · defined in <span class="source">docs.wit:11</span></p>
<div class="docs"><h2>Usage</h2>
<p>Call &lt;script&gt;alert(1)&lt;/script&gt; <em>carefully</em>; see <a href="https://example.com/spec">the spec</a>,
a relative page and <a href="https://example.com/p.png">a picture</a>.</p>
<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>
<tr><td>1</td><td>2</td></tr>
</tbody></table>
</div>
<h2 id="functions">Functions</h2>
<section class="entry" id="func.f">
<h3 class="entry-title"><span class="kind">function</span> <a class="anchor" href="#func.f">f</a></h3>
<pre class="code"><code>f: func();</code></pre>
<div class="docs"><h4>Errors</h4>
<p>None.</p>
</div>
</section>
"##);
}

#[test]
fn versions_page_shows_the_semver_report() {
    let old =
        "//- a.wit\npackage demo:v@0.1.0;\ninterface i {\n    f: func();\n    g: func();\n}\n";
    let new = "//- a.wit\npackage demo:v@0.1.1;\ninterface i {\n    f: func(x: u32);\n}\ninterface j {}\n";
    insta::assert_snapshot!(main_of(&site(new, Some(old)), "versions.html"), @r#"
<h1>Versions</h1>
<table class="versions">
<caption>Packages in this site</caption>
<thead><tr><th scope="col">Package</th><th scope="col">Versions</th></tr></thead>
<tbody>
<tr><td><code>demo:v</code></td><td><a href="demo/v@0.1.1/index.html">0.1.1</a></td></tr>
</tbody>
</table>
<h2 id="changes">Changes from 0.1.0 to 0.1.1</h2>
<p class="meta">Compared with <code>old</code> by the rules of <code>wit semver-check</code>.</p>
<h3 id="breaking">Breaking changes</h3>
<ul class="changes">
<li><code>interface demo:v/i</code> › <code>func f</code>: added param `x: u32`</li>
<li><code>interface demo:v/i</code>: removed func g: func()</li>
</ul>
<h3 id="compatible">Compatible changes</h3>
<ul class="changes">
<li><code>interface demo:v/j</code>: added</li>
</ul>
<p><strong>Needs:</strong> a minor bump (0.1.0 -&gt; 0.2.0; below 1.0 a breaking change bumps the minor version).</p>
<p class="verdict verdict-bad"><strong>Version:</strong> 0.1.1 is not enough after 0.1.0: the changes need a minor bump (0.1.0 -&gt; 0.2.0; below 1.0 a breaking change bumps the minor version).</p>
"#);
}

/// A site of the fixture with one page, to write into folders.
fn small_site() -> Site {
    site("//- a.wit\npackage demo:w;\ninterface i {}\n", None)
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walk(dir, dir);
    out.sort();
    out
}

fn walk(base: &Path, dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(base, &path));
        } else {
            out.push(path.strip_prefix(base).unwrap().display().to_string());
        }
    }
    out
}

#[test]
fn writing_keeps_a_manifest_and_removes_only_its_own_stale_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let mut site = small_site();
    site.files
        .insert("old/page.html".to_string(), b"stale".to_vec());
    crate::write_site(&site, &out, false).unwrap();
    assert!(out.join("old/page.html").is_file());
    let manifest = std::fs::read_to_string(out.join(crate::MANIFEST)).unwrap();
    assert!(manifest.lines().any(|l| l == "old/page.html"));
    // A second run that no longer writes the page removes it (and its empty folder), and
    // nothing else.
    let written = crate::write_site(&small_site(), &out, false).unwrap();
    assert!(!out.join("old").exists());
    assert_eq!(files_under(&out).len(), written + 1);
}

#[test]
fn a_folder_with_other_files_is_refused_unless_forced_and_they_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    std::fs::create_dir_all(out.join("notes")).unwrap();
    std::fs::write(out.join("notes/mine.txt"), "mine").unwrap();
    let err = crate::write_site(&small_site(), &out, false).unwrap_err();
    insta::assert_snapshot!(
        err.to_string().replace(&out.display().to_string(), "OUT"),
        @r#"OUT: the folder holds files `wit doc` did not write (notes/mine.txt); choose a new or empty folder with --out, or pass --force to write beside them (they are kept)"#
    );
    assert_eq!(files_under(&out), ["notes/mine.txt"]);
    crate::write_site(&small_site(), &out, true).unwrap();
    assert_eq!(
        std::fs::read_to_string(out.join("notes/mine.txt")).unwrap(),
        "mine"
    );
    // Forced again: the user's file is still not witty's to delete.
    crate::write_site(&small_site(), &out, true).unwrap();
    assert!(out.join("notes/mine.txt").is_file());
}

#[test]
fn a_file_witty_did_not_write_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("index.html"), "my own page").unwrap();
    let err = crate::write_site(&small_site(), &out, true).unwrap_err();
    insta::assert_snapshot!(
        err.to_string().replace(&out.display().to_string(), "OUT"),
        @r#"OUT/index.html: `wit doc` would replace this file, which it did not write; move it away or choose another folder with --out"#
    );
    assert_eq!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        "my own page"
    );
    assert_eq!(files_under(&out), ["index.html"]);
}
