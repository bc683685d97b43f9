//! Feature gates: `@since(version = ..)`, `@unstable(feature = ..)`, `@deprecated(..)`.
//! Which combinations are allowed, and whether a gated item is part of the package as
//! configured (enabled features, the package's version).

use super::{At, Diag};
use crate::hir::{Attrs, PackageName};
use crate::input::{Features, File};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Stability {
    #[default]
    Unknown,
    Stable {
        since: semver::Version,
        deprecated: Option<semver::Version>,
    },
    Unstable {
        feature: String,
        deprecated: Option<semver::Version>,
    },
}

/// The stability an item's attributes give it, reporting combinations wit-parser refuses.
pub fn stability(attrs: &Attrs, file: File, out: &mut Vec<Diag>) -> Stability {
    let twice = |what: &str, spans: &[crate::hir::SpanId], out: &mut Vec<Diag>| {
        if let Some(&second) = spans.get(1) {
            out.push(Diag::error(
                "invalid-attribute",
                format!("cannot specify {what} twice"),
                At::Span(file, second),
            ));
        }
    };
    twice(
        "@since",
        &attrs.since.iter().map(|a| a.1).collect::<Vec<_>>(),
        out,
    );
    twice(
        "@deprecated",
        &attrs.deprecated.iter().map(|a| a.1).collect::<Vec<_>>(),
        out,
    );
    twice(
        "@unstable",
        &attrs.unstable.iter().map(|a| a.1).collect::<Vec<_>>(),
        out,
    );
    twice(
        "@external-id",
        &attrs.external_id.iter().map(|a| a.1).collect::<Vec<_>>(),
        out,
    );
    let since = attrs.since.first();
    let deprecated = attrs.deprecated.first().map(|d| d.0.clone());
    let unstable = attrs.unstable.first();
    match (since, &deprecated, unstable) {
        (Some((since, _)), deprecated, None) => Stability::Stable {
            since: since.clone(),
            deprecated: deprecated.clone(),
        },
        (None, deprecated, Some((feature, _))) => Stability::Unstable {
            feature: feature.clone(),
            deprecated: deprecated.clone(),
        },
        (Some((_, span)), _, Some(_)) => {
            out.push(Diag::error(
                "invalid-attribute",
                "cannot specify both @since and @unstable",
                At::Span(file, *span),
            ));
            Stability::Unknown
        }
        (None, Some(_), None) => {
            out.push(Diag::error(
                "invalid-attribute",
                "cannot specify both @deprecated without @since or @unstable",
                At::Span(file, attrs.deprecated[0].1),
            ));
            Stability::Unknown
        }
        (None, None, None) => Stability::Unknown,
    }
}

/// Whether an item of this stability is part of package `package` as configured; reports
/// `@since` versions the package cannot have.
pub fn included(
    stability: &Stability,
    package: &PackageName,
    features: &Features,
    at: At,
    out: &mut Vec<Diag>,
) -> bool {
    match stability {
        Stability::Unknown => true,
        Stability::Stable { since, .. } => {
            match &package.version {
                None => out.push(Diag::error(
                    "invalid-gate",
                    format!(
                        "package [{package}] contains a feature gate with a version specifier, so it \
                         must have a version: write `package {package}@{since};` (or a later version)"
                    ),
                    at,
                )),
                Some(version) if since > version => out.push(Diag::error(
                    "invalid-gate",
                    format!(
                        "feature gate cannot reference unreleased version {since} of package \
                         [{package}] (current version {version})"
                    ),
                    at,
                )),
                Some(_) => {}
            }
            true
        }
        Stability::Unstable { feature, .. } => features.is_enabled(feature),
    }
}

/// Whether an item of this stability is part of the package, without reporting anything.
pub fn is_included(stability: &Stability, features: &Features) -> bool {
    match stability {
        Stability::Unstable { feature, .. } => features.is_enabled(feature),
        _ => true,
    }
}
