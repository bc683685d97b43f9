//! Doc comments to HTML with pulldown-cmark. Raw HTML in a comment is shown as text (a doc
//! comment must not inject markup or script into the site), headings are moved below the
//! heading of what they document, links are kept only to the web (`http`, `https`, `mailto`:
//! a relative link would point outside the site), and images become links (the site stays
//! offline).

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// The HTML of a doc comment whose headings start at level `base` (1..=6): its highest
/// heading becomes `base`, and the others keep their distance from it.
pub fn render(markdown: &str, base: usize) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let top = Parser::new_ext(markdown, options)
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let shift = |level: HeadingLevel| {
        HeadingLevel::try_from((level as usize + base - top).clamp(1, 6))
            .unwrap_or(HeadingLevel::H6)
    };
    // Whether each open link was kept, to drop the end of those that were not.
    let mut links: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, options).filter_map(|event| {
        Some(match event {
            Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => return None,
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: shift(level),
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shift(level))),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
            | Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep = is_web(&dest_url);
                links.push(keep);
                if !keep {
                    return None;
                }
                Event::Start(Tag::Link {
                    link_type: web_link(link_type),
                    dest_url,
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                if !links.pop().unwrap_or(false) {
                    return None;
                }
                Event::End(TagEnd::Link)
            }
            other => other,
        })
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

fn is_web(url: &CowStr<'_>) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// Autolinks stay autolinks; everything else is an inline link.
fn web_link(kind: LinkType) -> LinkType {
    match kind {
        LinkType::Autolink | LinkType::Email => kind,
        _ => LinkType::Inline,
    }
}

/// The first sentence of a doc comment, as plain text, for lists and search results.
pub fn summary(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Heading(_)) => break,
            _ => {}
        }
    }
    let end = text
        .char_indices()
        .find(|&(i, c)| c == '.' && text[i + 1..].starts_with([' ', '\n']))
        .map_or(text.len(), |(i, _)| i + 1);
    let sentence = text[..end].trim();
    match sentence.char_indices().nth(160) {
        Some((cut, _)) => format!("{}…", &sentence[..cut]),
        None => sentence.to_string(),
    }
}
