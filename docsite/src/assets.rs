//! The site's stylesheet and search script, written for it and embedded in the binary, so
//! that a generated site needs no network.

/// Each asset by its path in the site.
pub const ALL: &[(&str, &[u8])] = &[
    (crate::links::STYLE, include_bytes!("../assets/style.css")),
    (
        crate::links::SEARCH_SCRIPT,
        include_bytes!("../assets/search.js"),
    ),
];
