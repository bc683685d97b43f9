//! `wit check [PATH...]`: diagnostics for WIT packages, for people and for CI.

use std::path::PathBuf;

use witty_analysis::{AnalysisHost, Diagnostic, Features, FileProblem, Severity};

use crate::report::{self, Format};
use crate::sources::Sources;

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

/// What checking some paths found: the host with a root per path, and the diagnostics of
/// them all (each once), with the texts they point into.
pub struct Checked {
    pub host: AnalysisHost,
    pub roots: Vec<witty_analysis::input::Root>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
    /// A path or file could not be read (said on stderr already).
    pub io_failed: bool,
}

impl Checked {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Loads and checks each path as `wit check` does (`bindgen` checks its package this way too).
pub fn check(paths: &[PathBuf], features: &Features, backstop: bool) -> Checked {
    let mut host = AnalysisHost::new();
    let mut sources = Sources::default();
    let mut roots = Vec::new();
    let mut io_failed = false;
    for path in paths {
        let package = match witty_analysis::load_path(path) {
            Ok(package) => package,
            Err(e) => {
                eprintln!("error: {e}");
                io_failed = true;
                continue;
            }
        };
        for file in witty_analysis::all_files(&package) {
            if let Some(FileProblem::Unreadable(message)) = &file.problem {
                eprintln!("error: {}: {message}", file.path.display());
                io_failed = true;
                continue;
            }
            sources.add(&file.path, &file.text);
        }
        let root = host.add_root(&package, features.clone());
        // Dependency problems point into the tools' manifests and locks too.
        if let Some(project) = host.project(root) {
            for file in &project.files {
                sources.add(&file.path, &file.text);
            }
        }
        roots.push(root);
    }
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut seen: std::collections::HashSet<Diagnostic> = std::collections::HashSet::new();
    for &root in &roots {
        let found = if backstop {
            host.diagnostics_with_backstop(root)
        } else {
            host.diagnostics(root)
        };
        for d in found {
            // A file in two roots (a path given twice) is reported once.
            if !seen.contains(&d) {
                seen.insert(d.clone());
                diagnostics.push(d);
            }
        }
    }
    Checked {
        host,
        roots,
        diagnostics,
        sources,
        io_failed,
    }
}

pub fn run(args: CheckArgs) -> u8 {
    let paths = crate::paths::or_default(args.paths.clone());
    let features = Features {
        enabled: args.features.clone(),
        all: args.all_features,
    };
    let checked = check(&paths, &features, !args.no_backstop);
    report::print(args.format, &checked.diagnostics, &checked.sources);
    if checked.io_failed {
        2
    } else if checked.errors() > 0 || (args.deny_warnings && checked.count(Severity::Warning) > 0) {
        1
    } else {
        0
    }
}
