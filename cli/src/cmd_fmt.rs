//! `wit fmt [--check] [--config KEY=VALUE] [PATH...]`: formats WIT files in place, or says
//! which would change. Each file is formatted with the settings found above it (`witty.toml`,
//! `.editorconfig`), under those given on the command line.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use witty_analysis::format_settings::{self, FormatSettings};
use witty_syntax::FormatOptions;

use crate::diff;
use crate::text_file::TextFile;

#[derive(clap::Args)]
pub struct FmtArgs {
    /// `.wit` files, or package folders (their own `.wit` files; `deps/` is left alone);
    /// `-` reads stdin. Default: `./wit` if it exists, else `.`
    pub paths: Vec<PathBuf>,
    /// Write nothing: print a diff of each file that would change, and exit 1 if any would
    #[arg(long)]
    pub check: bool,
    /// Format stdin to stdout (the same as the path `-`)
    #[arg(long)]
    pub stdin: bool,
    /// A setting that wins over `witty.toml` and `.editorconfig`: `indent=4`, `indent=tab`,
    /// `max-width=80` (or `off`), `tab-width=8`. May be repeated
    #[arg(long, value_name = "KEY=VALUE")]
    pub config: Vec<String>,
}

/// What became of the files, for the exit code.
#[derive(Default)]
struct Outcome {
    /// A path could not be read or written, or the command line was wrong: exit 2.
    io_failed: bool,
    /// A file has syntax errors, or (with `--check`) is not formatted: exit 1.
    unformatted: bool,
}

/// Where each file's options come from: the command line's settings over those found above
/// the file. A problem with a settings file is reported once, however many files it covers.
struct Settings {
    command_line: FormatSettings,
    reported: HashSet<String>,
}

impl Settings {
    fn for_file(&mut self, path: &Path) -> FormatOptions {
        let found = format_settings::for_file(path);
        for problem in found.problems {
            if self.reported.insert(problem.clone()) {
                eprintln!("warning: {problem}");
            }
        }
        self.command_line.over(&found.settings).to_options()
    }
}

/// The `--config KEY=VALUE` settings, or the message for a bad one.
fn command_line(config: &[String]) -> Result<FormatSettings, String> {
    let mut settings = FormatSettings::default();
    for item in config {
        let Some((key, value)) = item.split_once('=') else {
            return Err(format!(
                "--config {item}: expected KEY=VALUE, such as indent=4"
            ));
        };
        settings
            .set(key.trim(), value)
            .map_err(|e| format!("--config {item}: {e}"))?;
    }
    Ok(settings)
}

pub fn run(args: FmtArgs) -> u8 {
    let mut settings = match command_line(&args.config) {
        Ok(command_line) => Settings {
            command_line,
            reported: HashSet::new(),
        },
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let dash = Path::new("-");
    let stdin = args.stdin || args.paths.iter().any(|p| p == dash);
    if stdin {
        if args.paths.iter().any(|p| p != dash) {
            eprintln!("error: stdin (`-` or `--stdin`) cannot be formatted together with paths");
            return 2;
        }
        // Stdin is formatted as a `.wit` file in the current folder would be.
        let options = settings.for_file(Path::new("stdin.wit"));
        return format_stdin(args.check, &options);
    }
    let paths = crate::paths::or_default(args.paths);

    let mut outcome = Outcome::default();
    let mut files: Vec<PathBuf> = Vec::new();
    for path in &paths {
        match wit_files(path) {
            Ok(found) => files.extend(found),
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", path.display());
                outcome.io_failed = true;
            }
        }
    }
    // A file named twice (a folder and a file in it) is formatted once.
    let mut seen = HashSet::new();
    files.retain(|f| seen.insert(f.clone()));

    let mut changed = 0;
    for file in &files {
        let options = settings.for_file(file);
        if format_file(file, args.check, &options, &mut outcome) {
            changed += 1;
        }
    }
    if args.check && changed > 0 {
        let s = if changed == 1 { "" } else { "s" };
        eprintln!("{changed} file{s} would be reformatted");
    }
    if outcome.io_failed {
        2
    } else {
        u8::from(outcome.unformatted)
    }
}

/// The files a path names: itself, or a folder's own `.wit` files in name order.
fn wit_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !std::fs::metadata(path)?.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path)? {
        let entry = entry?;
        let file = entry.path();
        if file.extension().is_some_and(|e| e == "wit") && entry.file_type()?.is_file() {
            files.push(file);
        }
    }
    files.sort();
    if files.is_empty() {
        eprintln!("note: no .wit files in {}", path.display());
    }
    Ok(files)
}

/// Formats one file (or, with `check`, prints its diff); returns whether it changes.
fn format_file(path: &Path, check: bool, options: &FormatOptions, outcome: &mut Outcome) -> bool {
    let file = match std::fs::read(path) {
        Ok(bytes) => TextFile::from_bytes(bytes),
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            outcome.io_failed = true;
            return false;
        }
    };
    let Some(formatted) = format_text(&file, path, options) else {
        eprintln!("{}: has syntax errors, left unchanged", path.display());
        outcome.unformatted = true;
        return false;
    };
    if formatted == file.text {
        return false;
    }
    if check {
        let name = path.display().to_string();
        print_stdout(&diff::unified(&name, &file.text, &formatted));
        outcome.unformatted = true;
    } else if let Err(e) = std::fs::write(path, &formatted) {
        eprintln!("error: cannot write {}: {e}", path.display());
        outcome.io_failed = true;
    }
    true
}

/// The formatted text, or `None` after reporting why there is none.
fn format_text(file: &TextFile, name: &Path, options: &FormatOptions) -> Option<String> {
    if file.bad_utf8.is_none()
        && let Some(formatted) = witty_syntax::format_with(&file.text, options)
    {
        return Some(formatted);
    }
    file.report(name, witty_syntax::parse(&file.text).errors());
    None
}

fn format_stdin(check: bool, options: &FormatOptions) -> u8 {
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("error: cannot read stdin: {e}");
        return 2;
    }
    let file = TextFile::from_bytes(bytes);
    let name = Path::new("<stdin>");
    let Some(formatted) = format_text(&file, name, options) else {
        eprintln!("<stdin>: has syntax errors, not formatted");
        return 1;
    };
    if !check {
        print_stdout(&formatted);
        return 0;
    }
    print_stdout(&diff::unified("<stdin>", &file.text, &formatted));
    u8::from(formatted != file.text)
}

/// Writes to stdout; a closed pipe (`wit fmt --check | head`) is not an error of ours.
fn print_stdout(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}
