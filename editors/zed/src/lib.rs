//! The witty extension for Zed: starts `wit lsp` for WIT files, from the `lsp.witty.binary`
//! setting when given, else `wit` on the worktree's `PATH`.

use zed_extension_api::{self as zed, LanguageServerId, Result, settings::LspSettings};

struct Witty;

/// The server's command: the configured binary and arguments, else `wit` found on `PATH`
/// with `lsp`; an error that says how to fix it when there is neither.
fn server_command(
    configured_path: Option<String>,
    configured_args: Option<Vec<String>>,
    on_path: Option<String>,
) -> Result<(String, Vec<String>)> {
    let command = configured_path.or(on_path).ok_or_else(|| {
        "witty: `wit` is not on PATH; install it (`cargo install --path cli` in the witty \
         repository) or set `lsp.witty.binary.path` in Zed's settings"
            .to_string()
    })?;
    let args = configured_args.unwrap_or_else(|| vec!["lsp".to_string()]);
    Ok((command, args))
}

impl zed::Extension for Witty {
    fn new() -> Self {
        Witty
    }

    fn language_server_command(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree("witty", worktree)
            .ok()
            .and_then(|s| s.binary);
        let (path, args) = binary.map_or((None, None), |b| (b.path, b.arguments));
        let (command, args) = server_command(path, args, worktree.which("wit"))?;
        Ok(zed::Command {
            command,
            args,
            env: worktree.shell_env(),
        })
    }

    /// The `lsp.witty.initialization_options` setting, as `{"witty": {"features": [...]}}`.
    fn language_server_initialization_options(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree("witty", worktree)
            .ok()
            .and_then(|s| s.initialization_options))
    }
}

zed::register_extension!(Witty);

#[cfg(test)]
mod tests {
    use super::server_command;

    #[test]
    fn configured_binary_wins_over_path() {
        let got = server_command(Some("/opt/wit".into()), None, Some("/usr/bin/wit".into()));
        assert_eq!(got, Ok(("/opt/wit".to_string(), vec!["lsp".to_string()])));
        let got = server_command(None, Some(vec!["lsp".into(), "-v".into()]), Some("wit".into()));
        assert_eq!(got.unwrap().1, ["lsp", "-v"]);
    }

    #[test]
    fn no_binary_says_how_to_get_one() {
        let err = server_command(None, None, None).unwrap_err();
        assert!(err.contains("lsp.witty.binary.path"), "{err}");
    }
}
