//! `wit doc [PATH] [--out DIR] [--open] [--compare OLD]`: an offline HTML site documenting a
//! package and its dependencies, refused (as `wit check` reports it) when the package has
//! errors.

use std::path::{Path, PathBuf};

use witty_analysis::component::{Evolving, load_evolving, semver_packages};
use witty_analysis::{Features, Severity};

use crate::report::{self, Format};

/// Where the site goes without `--out`: beside cargo's `target/doc`, as `cargo doc` users
/// expect, and in the folder most projects already keep out of version control.
pub const DEFAULT_OUT: &str = "target/wit-doc";

#[derive(clap::Args)]
pub struct DocArgs {
    /// A `.wit` file or package folder (with `deps/`); default: `./wit` if it exists, else `.`
    pub path: Option<PathBuf>,
    /// The folder to write the site into
    #[arg(long, default_value = DEFAULT_OUT)]
    pub out: PathBuf,
    /// Open the site's index page with the system's opener when it is written
    #[arg(long)]
    pub open: bool,
    /// An older version of the package (a folder, `.wit` file or binary package): the
    /// versions page then shows what changed, as `wit semver-check OLD PATH` judges it
    #[arg(long, value_name = "OLD")]
    pub compare: Option<PathBuf>,
    /// Write into an `--out` folder that holds files `wit doc` did not write (they are kept;
    /// none is replaced)
    #[arg(long)]
    pub force: bool,
    /// Check `@unstable(feature = ...)` items of these features as enabled
    #[arg(long, value_delimiter = ',')]
    pub features: Vec<String>,
    /// Check every `@unstable` feature as enabled
    #[arg(long)]
    pub all_features: bool,
}

pub fn run(args: DocArgs) -> u8 {
    let paths = crate::paths::or_default(args.path.clone().into_iter().collect());
    let path = &paths[0];
    let features = Features {
        enabled: args.features.clone(),
        all: args.all_features,
    };
    let loaded = crate::checked::load(&paths, &features);
    if loaded.io_failed {
        return 2;
    }
    let Some(&(_, root)) = loaded.roots.first() else {
        return 2;
    };
    let diagnostics = loaded.diagnostics(false);
    if crate::checked::count(&diagnostics, Severity::Error) > 0 {
        report::print(Format::Human, &diagnostics, &loaded.sources);
        eprintln!(
            "error: {} has errors (above); no documentation was written",
            path.display()
        );
        return 1;
    }
    let compare = match &args.compare {
        Some(old) => match comparison(old, path) {
            Ok(c) => Some(c),
            Err(message) => {
                eprintln!("error: {message}");
                return 2;
            }
        },
        None => None,
    };
    let Ok(model) = loaded.host.analysis().doc_model(root) else {
        eprintln!("error: reading the package was interrupted");
        return 2;
    };
    let site = witty_docsite::generate(&model, compare.as_ref());
    let written = match witty_docsite::write_site(&site, &args.out, args.force) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let index = args.out.join(witty_docsite::Site::INDEX);
    println!(
        "wrote {written} files to {}; open {}",
        args.out.display(),
        index.display()
    );
    if args.open {
        open(&index);
    }
    0
}

/// The versions page's comparison: `wit semver-check OLD NEW`'s report for two packages.
fn comparison(old: &Path, new: &Path) -> Result<witty_docsite::Comparison, String> {
    let load = |path: &Path| match load_evolving(path) {
        Ok(Evolving::Package(resolve, id)) => Ok((resolve, id)),
        Ok(Evolving::Component(_)) => Err(format!(
            "{}: a component; --compare takes an older version of the WIT package (a folder, \
             .wit file or binary package)",
            path.display()
        )),
        Err(e) => Err(format!("--compare: {e}")),
    };
    let (old_resolve, old_id) = load(old)?;
    let (new_resolve, new_id) = load(new)?;
    Ok(witty_docsite::Comparison {
        old_path: old.display().to_string(),
        report: semver_packages(&old_resolve, old_id, &new_resolve, new_id),
    })
}

/// Opens a file with the system's opener; says so when there is none.
fn open(file: &Path) {
    let opener: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["cmd", "/C", "start", ""]
    } else {
        &["xdg-open"]
    };
    let status = std::process::Command::new(opener[0])
        .args(&opener[1..])
        .arg(file)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    match status {
        Ok(s) if s.success() => println!("opened {} with {}", file.display(), opener[0]),
        Ok(s) => eprintln!(
            "warning: {} could not open {} ({s}); open it in a browser yourself",
            opener[0],
            file.display()
        ),
        Err(e) => eprintln!(
            "warning: no system opener to open {} ({}: {e}); open it in a browser yourself",
            file.display(),
            opener[0]
        ),
    }
}
