//! `wit check [PATH...]`: diagnostics for WIT packages, for people and for CI.

use std::path::PathBuf;

use witty_analysis::{Features, Severity};

use crate::report::{self, Format};

#[derive(clap::Args)]
pub struct CheckArgs {
    /// `.wit` files or package folders (with `deps/`); default: `./wit` if it exists, else `.`
    pub paths: Vec<PathBuf>,
    /// How to print diagnostics
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Enable `@unstable(feature = ...)` items of these features
    #[arg(long, value_delimiter = ',')]
    pub features: Vec<String>,
    /// Enable every `@unstable` feature
    #[arg(long)]
    pub all_features: bool,
    /// Exit 1 on warnings too
    #[arg(long)]
    pub deny_warnings: bool,
    /// Do not re-check clean packages with wit-parser (measures witty's own coverage)
    #[arg(long)]
    pub no_backstop: bool,
}

pub fn run(args: CheckArgs) -> u8 {
    let paths = crate::paths::or_default(args.paths.clone());

    let features = Features {
        enabled: args.features.clone(),
        all: args.all_features,
    };
    let loaded = crate::checked::load(&paths, &features);
    let diagnostics = loaded.diagnostics(args.no_backstop);

    report::print(args.format, &diagnostics, &loaded.sources);

    let errors = crate::checked::count(&diagnostics, Severity::Error);
    let warnings = crate::checked::count(&diagnostics, Severity::Warning);
    if loaded.io_failed {
        2
    } else if errors > 0 || (args.deny_warnings && warnings > 0) {
        1
    } else {
        0
    }
}
