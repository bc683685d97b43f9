//! Matching an import's name to an export's name as the Component Model does: the same
//! name, or the same interface at a semver-compatible version (`@0.2.0` and `@0.2.3`), and
//! which rule decided.

use semver::Version;

/// Why two names match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameMatch {
    /// The same name, version included.
    Exact,
    /// The same interface at two versions of one compatibility track (`0.2` for 0.2.0 and
    /// 0.2.3, `1` for 1.0.0 and 1.4.2).
    Compatible {
        wanted: Version,
        offered: Version,
        track: String,
    },
}

impl NameMatch {
    /// Which rule decided, in words.
    pub fn rule(&self) -> String {
        match self {
            NameMatch::Exact => "same name and version".to_string(),
            NameMatch::Compatible {
                wanted,
                offered,
                track,
            } => format!("semver: {wanted} and {offered} are both on the {track} track"),
        }
    }
}

/// Why two names do not match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameMismatch {
    /// Not the same interface (or function) at all.
    DifferentName,
    /// The same interface, at versions that are not interchangeable; the reason says which
    /// rule refused them.
    Incompatible(String),
}

/// `ns:pkg/iface` and the version after `@`, if any.
pub fn split_version(name: &str) -> (&str, Option<&str>) {
    match name.split_once('@') {
        Some((base, version)) => (base, Some(version)),
        None => (name, None),
    }
}

/// Whether an export named `offered` can fill an import named `wanted`.
pub fn match_names(wanted: &str, offered: &str) -> Result<NameMatch, NameMismatch> {
    if wanted == offered {
        return Ok(NameMatch::Exact);
    }
    let (wanted_base, wanted_version) = split_version(wanted);
    let (offered_base, offered_version) = split_version(offered);
    if wanted_base != offered_base {
        return Err(NameMismatch::DifferentName);
    }
    let (Some(w), Some(o)) = (wanted_version, offered_version) else {
        return Err(NameMismatch::Incompatible(
            "a versioned and an unversioned name match only exactly".to_string(),
        ));
    };
    let (Ok(w), Ok(o)) = (Version::parse(w), Version::parse(o)) else {
        return Err(NameMismatch::Incompatible(format!(
            "`{w}` or `{o}` is not a semver version, so they match only exactly"
        )));
    };
    compatible_versions(&w, &o).map(|track| NameMatch::Compatible {
        wanted: w,
        offered: o,
        track,
    })
}

/// The compatibility track two different versions share, or the rule that separates them.
pub fn compatible_versions(a: &Version, b: &Version) -> Result<String, NameMismatch> {
    let refuse = |why: String| Err(NameMismatch::Incompatible(why));
    if !a.pre.is_empty() || !b.pre.is_empty() {
        return refuse(format!(
            "{a} and {b}: a pre-release version matches only exactly"
        ));
    }
    if a.major != b.major {
        return refuse(format!("{a} and {b}: the major versions differ"));
    }
    if a.major > 0 {
        return Ok(a.major.to_string());
    }
    if a.minor != b.minor {
        return refuse(format!(
            "{a} and {b}: below 1.0 the minor version is the compatibility track, and 0.{} \
             is not 0.{}",
            a.minor, b.minor
        ));
    }
    if a.minor > 0 {
        return Ok(format!("0.{}", a.minor));
    }
    refuse(format!("{a} and {b}: a 0.0.x version matches only exactly"))
}
