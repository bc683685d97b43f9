//! The versions page: the version of every package in the site and, with `--compare OLD`,
//! what changed since OLD, judged by `wit semver-check`'s own rules (its report, rendered).

use std::collections::BTreeMap;
use std::fmt::Write;

use witty_analysis::component::SemverReport;

use super::Cx;
use crate::Comparison;
use crate::html::esc;
use crate::links::relative;

pub fn main(cx: &Cx<'_>, page: &str, compare: Option<&Comparison>) -> String {
    let mut out = String::from("<h1>Versions</h1>\n");
    let mut by_name: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for pkg in &cx.model.packages {
        let version = pkg
            .name
            .version
            .as_ref()
            .map_or_else(|| "(no version)".to_string(), |v| v.to_string());
        let link = format!(
            "<a href=\"{}\">{}</a>",
            esc(&relative(page, &cx.links.package_page(pkg.id), None)),
            esc(&version)
        );
        by_name
            .entry(pkg.name.unversioned())
            .or_default()
            .push(link);
    }
    out.push_str(
        "<table class=\"versions\">\n<caption>Packages in this site</caption>\n<thead><tr><th scope=\"col\">Package</th><th scope=\"col\">Versions</th></tr></thead>\n<tbody>\n",
    );
    for (name, versions) in &by_name {
        writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td></tr>",
            esc(name),
            versions.join(", ")
        )
        .ok();
    }
    out.push_str("</tbody>\n</table>\n");
    match compare {
        Some(c) => out.push_str(&changes(c)),
        None => out.push_str(
            "<p class=\"note\">Run <code>wit doc PATH --compare OLD</code> to show here what \
             changed since an older version OLD, as <code>wit semver-check</code> judges it.</p>\n",
        ),
    }
    out
}

fn changes(c: &Comparison) -> String {
    let r: &SemverReport = &c.report;
    let show = |v: &Option<witty_analysis::component::Version>| {
        v.as_ref().map_or("(none)".to_string(), |v| v.to_string())
    };
    let mut out = String::new();
    write!(
        out,
        "<h2 id=\"changes\">Changes from {} to {}</h2>\n<p class=\"meta\">Compared with <code>{}</code> by the rules of <code>wit semver-check</code>.</p>\n",
        esc(&show(&r.old_version)),
        esc(&show(&r.new_version)),
        esc(&c.old_path),
    )
    .ok();
    for (id, title, list) in [
        ("breaking", "Breaking changes", &r.breaking),
        ("compatible", "Compatible changes", &r.compatible),
    ] {
        writeln!(out, "<h3 id=\"{id}\">{title}</h3>").ok();
        if list.is_empty() {
            out.push_str("<p>None.</p>\n");
            continue;
        }
        out.push_str("<ul class=\"changes\">\n");
        for change in list {
            let path = change
                .path
                .iter()
                .map(|p| format!("<code>{}</code>", esc(p)))
                .collect::<Vec<_>>()
                .join(" › ");
            let sep = if path.is_empty() { "" } else { ": " };
            writeln!(out, "<li>{path}{sep}{}</li>", esc(&change.message)).ok();
        }
        out.push_str("</ul>\n");
    }
    writeln!(
        out,
        "<p><strong>Needs:</strong> {}.</p>",
        esc(&r.needed_bump())
    )
    .ok();
    let verdict = match r.bump_check() {
        Some(Ok(())) => Some(format!(
            "{} → {}: enough.",
            show(&r.old_version),
            show(&r.new_version)
        )),
        Some(Err(why)) => Some(format!("{why}.")),
        None if r.new_version.is_some() => {
            Some("the old version has none, so the bump is not checked.".to_string())
        }
        None => None,
    };
    if let Some(v) = verdict {
        let class = if r.passes() { "ok" } else { "bad" };
        writeln!(
            out,
            "<p class=\"verdict verdict-{class}\"><strong>Version:</strong> {}</p>",
            esc(&v)
        )
        .ok();
    }
    out
}
