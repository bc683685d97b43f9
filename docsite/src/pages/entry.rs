//! One definition on a page: its heading (with an anchor), gates as badges, its source with
//! every name linked to its definition, its docs, and its parts (fields, cases, methods...).

use std::fmt::Write;

use witty_analysis::ide::{CodePiece, DefKind, DocEntry, Gate};

use super::Cx;
use crate::html::esc;
use crate::links::anchor;
use crate::markdown;

/// Gates as badges, in a paragraph; empty when there are none.
pub fn badges(gates: &[Gate]) -> String {
    if gates.is_empty() {
        return String::new();
    }
    let mut out = String::from("<p class=\"badges\">");
    for gate in gates {
        let (class, text) = match gate {
            Gate::Since(v) => ("since", format!("since {v}")),
            Gate::Unstable(f) => ("unstable", format!("unstable: {f}")),
            Gate::Deprecated(v) => ("deprecated", format!("deprecated since {v}")),
        };
        write!(
            out,
            "<span class=\"badge badge-{class}\">{}</span>",
            esc(&text)
        )
        .ok();
    }
    out.push_str("</p>\n");
    out
}

/// Source with links, as the inside of a `<code>`.
pub fn code(cx: &Cx<'_>, page: &str, pieces: &[CodePiece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece.link.as_ref().and_then(|d| cx.links.href(page, d)) {
            Some(href) => write!(out, "<a href=\"{}\">{}</a>", esc(&href), esc(&piece.text)),
            None => write!(out, "{}", esc(&piece.text)),
        }
        .ok();
    }
    out
}

/// The doc comment as HTML with headings from level `base`.
pub fn docs(docs: Option<&str>, base: usize) -> String {
    match docs {
        Some(d) => format!("<div class=\"docs\">{}</div>\n", markdown::render(d, base)),
        None => String::new(),
    }
}

/// A definition as a section whose heading is at `level`.
pub fn section(cx: &Cx<'_>, page: &str, e: &DocEntry, level: usize) -> String {
    let id = anchor(&e.def).unwrap_or_default();
    let mut out = String::new();
    let h = level.min(6);
    write!(
        out,
        "<section class=\"entry\" id=\"{id}\">\n<h{h} class=\"entry-title\"><span class=\"kind\">{}</span> <a class=\"anchor\" href=\"#{id}\">{}</a></h{h}>\n",
        e.kind.describe(),
        esc(&e.name),
        id = esc(&id),
    )
    .ok();
    out.push_str(&badges(&e.gates));
    if !e.code.is_empty() {
        writeln!(
            out,
            "<pre class=\"code\"><code>{}</code></pre>",
            code(cx, page, &e.code)
        )
        .ok();
    }
    out.push_str(&docs(e.docs.as_deref(), h + 1));
    out.push_str(&parts(cx, page, e, h + 1));
    out.push_str("</section>\n");
    out
}

/// What a definition is made of: fields, cases and flags as a list; functions of a resource
/// and members of an inline interface as sections of their own.
fn parts(cx: &Cx<'_>, page: &str, e: &DocEntry, level: usize) -> String {
    if e.children.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    let members: Vec<&DocEntry> = e
        .children
        .iter()
        .filter(|c| {
            matches!(
                c.kind,
                DefKind::Field | DefKind::Case | DefKind::EnumCase | DefKind::Flag
            )
        })
        .collect();
    if !members.is_empty() {
        let title = match e.kind {
            DefKind::Record => "Fields",
            DefKind::Flags => "Flags",
            _ => "Cases",
        };
        write!(
            out,
            "<h{level} class=\"parts-title\">{title}</h{level}>\n<dl class=\"members\">\n"
        )
        .ok();
        for m in &members {
            let id = anchor(&m.def).unwrap_or_default();
            let shown = if m.code.is_empty() {
                esc(&m.name)
            } else {
                code(cx, page, &m.code)
            };
            write!(
                out,
                "<dt id=\"{}\"><code>{shown}</code></dt>\n<dd>{}{}</dd>\n",
                esc(&id),
                badges(&m.gates),
                docs(m.docs.as_deref(), (level + 1).min(6)),
            )
            .ok();
        }
        out.push_str("</dl>\n");
    }
    let others: Vec<&DocEntry> = e
        .children
        .iter()
        .filter(|c| !members.iter().any(|m| std::ptr::eq(*m, *c)))
        .collect();
    if !others.is_empty() {
        let title = match e.kind {
            DefKind::Resource => "Functions",
            _ => "Members",
        };
        writeln!(out, "<h{level} class=\"parts-title\">{title}</h{level}>").ok();
        for c in others {
            out.push_str(&section(cx, page, c, level + 1));
        }
    }
    out
}
