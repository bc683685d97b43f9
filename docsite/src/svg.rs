//! The picture of a world: its imports on the left flowing into it, its exports on the right
//! flowing out, each a box that links to what it names. Plain SVG laid out here (no script,
//! no font metrics: names are set in a monospace font whose advance is known), coloured by
//! the site's stylesheet so that it follows the light or dark scheme.

use std::fmt::Write;

use witty_analysis::ide::{WorldEnd, WorldEnds};
use witty_analysis::semantics::WorldItemKind;

use crate::html::esc;

const FONT: f64 = 13.0;
/// The advance of one character of a monospace font, as a share of its size.
const ADVANCE: f64 = 0.6;
const BOX_H: f64 = 28.0;
const GAP: f64 = 10.0;
const PAD: f64 = 12.0;
const COLUMN_GAP: f64 = 56.0;
const TOP: f64 = 30.0;

/// `1 import`, `2 imports`.
fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// The SVG of a world's imports and exports; `href` gives the link of an end, if any.
pub fn world_picture(
    world: &str,
    ends: &WorldEnds,
    href: &dyn Fn(&WorldEnd) -> Option<String>,
) -> String {
    let label = |e: &WorldEnd| match e.kind {
        WorldItemKind::Func => format!("{}()", e.name),
        WorldItemKind::Type => format!("type {}", e.name),
        WorldItemKind::Interface => e.name.clone(),
    };
    let width_of = |text: &str| text.chars().count() as f64 * FONT * ADVANCE + 2.0 * PAD;
    let column = |ends: &[WorldEnd]| {
        ends.iter()
            .map(|e| width_of(&label(e)))
            .fold(width_of("(none)"), f64::max)
    };
    let (left_w, right_w) = (column(&ends.imports), column(&ends.exports));
    let world_w = width_of(world).max(96.0);
    let rows = ends.imports.len().max(ends.exports.len()).max(1) as f64;
    let height = TOP + rows * (BOX_H + GAP) + GAP;
    let world_x = left_w + COLUMN_GAP;
    let right_x = world_x + world_w + COLUMN_GAP;
    let width = right_x + right_w + 1.0;
    let world_h = rows * (BOX_H + GAP) - GAP;
    let id = format!(
        "arrow-{}",
        world.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );

    let mut out = String::new();
    write!(
        out,
        r#"<svg class="world-picture" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" role="group" aria-labelledby="{id}-title"><title id="{id}-title">World {w}: {ni}, {ne}</title><defs><marker id="{id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="wp-arrowhead" d="M0 0L10 5L0 10z"/></marker></defs>"#,
        w = esc(world),
        ni = count(ends.imports.len(), "import"),
        ne = count(ends.exports.len(), "export"),
    )
    .ok();
    let heading = |out: &mut String, x: f64, text: &str| {
        write!(
            out,
            r#"<text class="wp-heading" x="{x:.1}" y="{y:.1}">{text}</text>"#,
            y = TOP - 12.0
        )
        .ok();
    };
    heading(&mut out, 0.0, "imports");
    heading(&mut out, right_x, "exports");
    write!(
        out,
        r#"<rect class="wp-world" x="{world_x:.1}" y="{TOP:.1}" width="{world_w:.1}" height="{world_h:.1}" rx="8"/><text class="wp-world-name" x="{cx:.1}" y="{cy:.1}" text-anchor="middle" dominant-baseline="middle">{name}</text>"#,
        cx = world_x + world_w / 2.0,
        cy = TOP + world_h / 2.0,
        name = esc(world),
    )
    .ok();
    let side = |out: &mut String, items: &[WorldEnd], x: f64, w: f64, import: bool| {
        if items.is_empty() {
            write!(
                out,
                r#"<text class="wp-none" x="{x:.1}" y="{y:.1}" dominant-baseline="middle">(none)</text>"#,
                y = TOP + BOX_H / 2.0
            )
            .ok();
        }
        for (i, e) in items.iter().enumerate() {
            let y = TOP + i as f64 * (BOX_H + GAP);
            let mid = y + BOX_H / 2.0;
            let (x1, x2) = if import {
                (x + w, world_x)
            } else {
                (world_x + world_w, x)
            };
            write!(
                out,
                r#"<line class="wp-edge" x1="{x1:.1}" y1="{mid:.1}" x2="{x2:.1}" y2="{mid:.1}" marker-end="url(#{id})"/>"#
            )
            .ok();
            let class = if import { "wp-import" } else { "wp-export" };
            let body = format!(
                r#"<rect class="{class}" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{BOX_H:.1}" rx="4"/><text class="wp-label" x="{tx:.1}" y="{mid:.1}" dominant-baseline="middle">{text}</text>"#,
                tx = x + PAD,
                text = esc(&label(e)),
            );
            match href(e) {
                Some(link) => write!(out, r#"<a href="{}">{body}</a>"#, esc(&link)),
                None => write!(out, "<g>{body}</g>"),
            }
            .ok();
        }
    };
    side(&mut out, &ends.imports, 0.0, left_w, true);
    side(&mut out, &ends.exports, right_x, right_w, false);
    out.push_str("</svg>");
    out
}
