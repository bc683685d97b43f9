//! `wit bindgen PATH --lang L [--world W] [--out-dir DIR]`: bindings by the real wit-bindgen
//! generators, for a package that `wit check` passes.

use std::path::PathBuf;

use witty_analysis::{Diagnostic, Features};
use witty_bindgen::{Bindings, FailureKind, Lang};
use witty_syntax::{TextRange, TextSize};

use crate::report::{self, Format};

#[derive(clap::Args)]
pub struct BindgenArgs {
    /// A `.wit` file or a package folder (with `deps/`); default: `./wit` if it exists, else `.`
    pub path: Option<PathBuf>,
    /// The language: rust, c, cpp, csharp, moonbit or markdown
    #[arg(long, value_parser = parse_lang)]
    pub lang: Lang,
    /// The world to generate for: a name or `ns:pkg/name` (default: the package's only world)
    #[arg(long)]
    pub world: Option<String>,
    /// Write the files here (default: print them on stdout)
    #[arg(long)]
    pub out_dir: Option<PathBuf>,
    /// Write into an --out-dir that holds files witty did not write (they are left alone)
    #[arg(long)]
    pub force: bool,
    /// Enable `@unstable(feature = ...)` items of these features
    #[arg(long, value_delimiter = ',')]
    pub features: Vec<String>,
    /// Enable every `@unstable` feature
    #[arg(long)]
    pub all_features: bool,
}

fn parse_lang(name: &str) -> Result<Lang, String> {
    Lang::from_name(name)
}

pub fn run(args: BindgenArgs) -> u8 {
    let path = crate::paths::or_default(args.path.clone().into_iter().collect()).remove(0);
    let features = Features {
        enabled: args.features.clone(),
        all: args.all_features,
    };
    // The package must be one `wit check` passes: its report is the same, and nothing is
    // written.
    let checked = crate::cmd_check::check(std::slice::from_ref(&path), &features, true);
    if checked.io_failed {
        return 2;
    }
    if checked.errors() > 0 {
        report::print(Format::Human, &checked.diagnostics, &checked.sources);
        return 1;
    }
    let Some(&root) = checked.roots.first() else {
        return 2;
    };
    let Ok(input) = checked.host.analysis().backstop_input(root) else {
        eprintln!(
            "error: {}: the package changed while it was read",
            path.display()
        );
        return 2;
    };
    let bindings = match witty_bindgen::generate(&input, args.world.as_deref(), args.lang) {
        Ok(bindings) => bindings,
        Err(failure) if failure.kind == FailureKind::Input => {
            eprintln!("error: {}: {}", path.display(), failure.message);
            return 2;
        }
        Err(failure) => {
            match failure.at {
                Some(at) => {
                    let range = TextRange::new(
                        TextSize::new(at.range.start as u32),
                        TextSize::new(at.range.end as u32),
                    );
                    let d = Diagnostic::error("bindgen", failure.message, at.path, range);
                    report::print(Format::Human, &[d], &checked.sources);
                }
                None => eprintln!("error: {}: {}", path.display(), failure.message),
            }
            return 1;
        }
    };
    match &args.out_dir {
        None => {
            print_files(&bindings);
            0
        }
        Some(dir) => match crate::out_dir::write(dir, &bindings, args.force) {
            Ok(written) => {
                eprintln!(
                    "wrote {written} files for world {} ({}, wit-bindgen {}) to {}",
                    bindings.world,
                    bindings.lang.title(),
                    witty_bindgen::GENERATOR_VERSION,
                    dir.display()
                );
                0
            }
            Err(e) => {
                eprintln!("error: {e}");
                2
            }
        },
    }
}

/// The files on stdout: one file as it is; several each after a `==> name <==` line (as
/// `head` shows several files). A binary file is only named, on stderr.
fn print_files(bindings: &Bindings) {
    let texts: Vec<_> = bindings
        .files
        .iter()
        .filter_map(|f| f.text().map(|t| (&f.name, t)))
        .collect();
    let mut out = String::new();
    for (name, text) in &texts {
        if texts.len() > 1 {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&format!("==> {name} <==\n"));
        }
        out.push_str(text);
    }
    crate::output::print(&out);
    for f in bindings.files.iter().filter(|f| f.text().is_none()) {
        eprintln!(
            "note: {} ({} bytes) is binary and not printed; --out-dir DIR writes it",
            f.name,
            f.contents.len()
        );
    }
}
