//! Link integrity of `wit doc` sites on real packages: WASI 0.2's WIT (from the cargo
//! registry) and every bundled example. The site is written to disk as `wit doc` writes it,
//! and every `href` and `src` in every page must name a file of the site and, with a
//! fragment, an element of that page with that id.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use witty_analysis::{AnalysisHost, Features, Severity};

/// Writes the site of the package at `path`; returns its folder and the number of links
/// checked, after checking every one of them.
fn check_links(path: &Path) -> usize {
    let package = witty_analysis::load_path(path).unwrap();
    let mut host = AnalysisHost::without_projects();
    let root = host.add_root(&package, Features::default());
    let errors: Vec<_> = host
        .diagnostics(root)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    let model = host.analysis().doc_model(root).unwrap();
    let site = witty_docsite::generate(&model, None);
    let out = tempfile::tempdir().unwrap();
    witty_docsite::write_site(&site, out.path(), false).unwrap();

    let mut pages: BTreeMap<PathBuf, String> = BTreeMap::new();
    for rel in site.files.keys().filter(|p| p.ends_with(".html")) {
        let file = out.path().join(rel);
        pages.insert(file.clone(), std::fs::read_to_string(&file).unwrap());
    }
    let ids: BTreeMap<&PathBuf, HashSet<String>> = pages
        .iter()
        .map(|(p, html)| (p, attribute_values(html, "id").into_iter().collect()))
        .collect();
    let mut checked = 0;
    let mut broken = Vec::new();
    for (page, html) in &pages {
        let mut targets = attribute_values(html, "href");
        targets.extend(attribute_values(html, "src"));
        for target in targets {
            if ["http://", "https://", "mailto:"]
                .iter()
                .any(|s| target.starts_with(s))
            {
                continue;
            }
            let (file, fragment) = target.split_once('#').unwrap_or((&target, ""));
            let file = if file.is_empty() {
                page.clone()
            } else {
                normalize(&page.parent().unwrap().join(file))
            };
            let ok = file.starts_with(out.path())
                && file.is_file()
                && (fragment.is_empty() || ids.get(&file).is_some_and(|i| i.contains(fragment)));
            if !ok {
                broken.push(format!("{}: {target}", page.display()));
            }
            checked += 1;
        }
    }
    // The search index links from the site's root.
    let index = std::fs::read_to_string(out.path().join("static/search-index.js")).unwrap();
    let json = index
        .trim_end()
        .strip_prefix("window.wittySearchIndex = ")
        .and_then(|j| j.strip_suffix(';'))
        .expect("the index sets one global");
    let rows: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
    assert!(!rows.is_empty());
    for row in &rows {
        let target = row["u"].as_str().unwrap();
        let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
        let file = out.path().join(file);
        let ok = file.is_file()
            && (fragment.is_empty() || ids.get(&file).is_some_and(|i| i.contains(fragment)));
        if !ok {
            broken.push(format!("search index: {target}"));
        }
        checked += 1;
    }
    assert!(
        broken.is_empty(),
        "{}: {} broken links, e.g. {:?}",
        path.display(),
        broken.len(),
        &broken[..broken.len().min(10)]
    );
    checked
}

/// The values of an attribute in a page, entities decoded (the site writes only `&amp;`,
/// `&quot;`, `&#39;`, `&lt;` and `&gt;`).
fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            let end = rest.find('"')?;
            Some(
                rest[..end]
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&"),
            )
        })
        .collect()
}

/// `a/b/../c` as `a/c`, without touching the disk.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn every_link_of_the_wasi_site_resolves() {
    let checked = check_links(&witty_tests::wasi_p2_wit_dir());
    // WASI has hundreds of types and functions, each linked from the navigation, the search
    // and the code that names them.
    assert!(checked > 1000, "only {checked} links");
}

#[test]
fn every_link_of_the_example_sites_resolves() {
    let examples = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples"));
    let mut sites = 0;
    for entry in std::fs::read_dir(examples).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            assert!(check_links(&path) > 10);
            sites += 1;
        }
    }
    assert!(sites >= 2);
}
