//! The exact tool command that fixes a dependency problem: the program, its arguments and the
//! folder to run it in, as each tool's own command line takes them (wkg 0.16's `wkg wit fetch
//! [DIR]`, wit-deps 0.6's `--manifest/--lock/--deps` defaults of `wit/…`, cargo-component's
//! crate folder). witty only says it; the language server runs it when the user asks.

use std::path::{Path, PathBuf};

use witty_syntax::TextRange;

use super::{Project, Tool};

/// A command line and where to run it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Invocation {
    pub tool: Tool,
    /// What is run: `wkg`, `wit-deps`, or `cargo` (for cargo-component).
    pub program: &'static str,
    pub args: Vec<String>,
    /// The folder to run it in.
    pub cwd: PathBuf,
}

impl Invocation {
    /// The executable that must be installed for the command to work (a cargo subcommand is
    /// an executable of its own).
    pub fn requires(&self) -> &'static str {
        match self.tool {
            Tool::Wkg => "wkg",
            Tool::WitDeps => "wit-deps",
            Tool::CargoComponent => "cargo-component",
        }
    }

    /// How to install the tool, for a message when it is not found.
    pub fn install_hint(&self) -> &'static str {
        match self.tool {
            Tool::Wkg => "cargo install wkg",
            Tool::WitDeps => "cargo install wit-deps-cli",
            Tool::CargoComponent => "cargo install cargo-component",
        }
    }

    /// The command line as a user would type it.
    pub fn display(&self) -> String {
        std::iter::once(self.program.to_string())
            .chain(self.args.iter().map(|a| shell_word(a)))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A problem that a tool command fixes, at the place of its diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ToolFix {
    /// The diagnostic's code.
    pub code: &'static str,
    pub file: PathBuf,
    pub range: TextRange,
    pub invocation: Invocation,
}

fn shell_word(a: &str) -> String {
    if !a.is_empty()
        && a.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:@=".contains(c))
    {
        a.to_string()
    } else {
        format!("'{}'", a.replace('\'', r"'\''"))
    }
}

/// `path` relative to `base` with `/` between names, or the whole path when it is not below.
fn relative(path: &Path, base: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The folder above the package folder (the project, when the package is its `wit/`).
fn project_dir(project: &Project) -> PathBuf {
    match project.package_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The command that fetches what `tool`'s files declare for the project's package; `locked`
/// says whether a lock exists (wit-deps then only brings the folders out of step with it).
pub fn fetch(project: &Project, tool: Tool, locked: bool) -> Invocation {
    let file_of = |name: &str| {
        project
            .files
            .iter()
            .find(|f| f.tool == tool && f.path.file_name().is_some_and(|n| n == name))
            .and_then(|f| f.path.parent())
            .map(|p| {
                // A lock named by a relative path `wkg.lock` is in the current folder.
                if p.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    p.to_path_buf()
                }
            })
    };
    match tool {
        Tool::Wkg => {
            let mut args = vec!["wit".to_string(), "fetch".to_string()];
            // A workspace is fetched from its root, all members at once, into `wkg/deps`.
            if let Some(root) = project
                .workspace_deps
                .as_deref()
                .and_then(Path::parent)
                .and_then(Path::parent)
            {
                return Invocation {
                    tool,
                    program: "wkg",
                    args,
                    cwd: root.to_path_buf(),
                };
            }
            // wkg takes the lock beside the nearest `wkg.toml`, else in the folder it runs
            // in; the package folder is `wit` unless given.
            let cwd = file_of("wkg.toml")
                .or_else(|| file_of("wkg.lock"))
                .unwrap_or_else(|| project_dir(project));
            let dir = relative(&project.package_dir, &cwd);
            if dir != "wit" {
                args.push(if dir.is_empty() { ".".into() } else { dir });
            }
            Invocation {
                tool,
                program: "wkg",
                args,
                cwd,
            }
        }
        Tool::WitDeps => {
            let cwd = project_dir(project);
            let dir = relative(&project.package_dir, &cwd);
            let mut args = Vec::new();
            if dir != "wit" {
                // wit-deps' paths default to `wit/deps.toml`, `wit/deps.lock`, `wit/deps`.
                for (flag, name) in [
                    ("--manifest", "deps.toml"),
                    ("--lock", "deps.lock"),
                    ("--deps", "deps"),
                ] {
                    args.push(flag.to_string());
                    args.push(format!("{dir}/{name}"));
                }
            }
            args.push(if locked { "lock" } else { "update" }.to_string());
            Invocation {
                tool,
                program: "wit-deps",
                args,
                cwd,
            }
        }
        Tool::CargoComponent => Invocation {
            tool,
            program: "cargo",
            args: vec!["component".into(), "build".into()],
            cwd: file_of("Cargo.toml").unwrap_or_else(|| project_dir(project)),
        },
    }
}
