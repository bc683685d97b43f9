//! The settings of a workspace for components: which built components to look at, which
//! socket/plug sets to check, the limits of a run. From the client's `witty` settings, else
//! from `witty.toml` at the workspace root.

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ProjectSettings {
    /// Globs of built components, relative to the workspace folder.
    pub components: Vec<String>,
    pub compose: Vec<ComposeSet>,
    pub run: RunLimits,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ComposeSet {
    pub socket: String,
    pub plugs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct RunLimits {
    /// Seconds.
    pub timeout: f64,
    /// MiB.
    pub max_memory: u64,
}

impl Default for RunLimits {
    fn default() -> RunLimits {
        RunLimits {
            timeout: 10.0,
            max_memory: 512,
        }
    }
}

/// `witty.toml`: the same settings, in kebab-case keys.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
struct FileSettings {
    components: Vec<String>,
    compose: Vec<ComposeSet>,
    run: FileRunLimits,
}

#[derive(Debug, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
struct FileRunLimits {
    timeout: f64,
    max_memory: u64,
}

impl Default for FileRunLimits {
    fn default() -> FileRunLimits {
        let d = RunLimits::default();
        FileRunLimits {
            timeout: d.timeout,
            max_memory: d.max_memory,
        }
    }
}

impl ProjectSettings {
    /// The client's settings (`{"witty": {...}}` or the inner object), where it gives them.
    pub fn from_client(value: &serde_json::Value) -> Option<ProjectSettings> {
        let witty = value.get("witty").unwrap_or(value);
        serde_json::from_value(witty.clone()).ok()
    }

    /// `witty.toml` in a workspace folder; `Err` says what is wrong with it.
    pub fn from_file(folder: &Path) -> Result<Option<ProjectSettings>, String> {
        let path = folder.join("witty.toml");
        let Ok(text) = std::fs::read_to_string(&path) else {
            return Ok(None);
        };
        let parsed: FileSettings =
            toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Some(ProjectSettings {
            components: parsed.components,
            compose: parsed.compose,
            run: RunLimits {
                timeout: parsed.run.timeout,
                max_memory: parsed.run.max_memory,
            },
        }))
    }

    /// The client's settings where it set them, else the file's.
    pub fn merged(client: &ProjectSettings, file: Option<ProjectSettings>) -> ProjectSettings {
        let Some(file) = file else {
            return client.clone();
        };
        ProjectSettings {
            components: if client.components.is_empty() {
                file.components
            } else {
                client.components.clone()
            },
            compose: if client.compose.is_empty() {
                file.compose
            } else {
                client.compose.clone()
            },
            run: if client.run == RunLimits::default() {
                file.run
            } else {
                client.run.clone()
            },
        }
    }
}

/// A path written in the settings, relative to the workspace folder unless absolute.
pub fn resolve(folder: &Path, path: &str) -> PathBuf {
    let p = Path::new(path);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        folder.join(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_settings_win_over_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("witty.toml"),
            "components = [\"out/*.wasm\"]\n[run]\ntimeout = 2.5\nmax-memory = 64\n[[compose]]\nsocket = \"app.wasm\"\nplugs = [\"a.wasm\"]\n",
        )
        .unwrap();
        let file = ProjectSettings::from_file(dir.path()).unwrap().unwrap();
        assert_eq!(file.components, ["out/*.wasm"]);
        assert_eq!(
            file.run,
            RunLimits {
                timeout: 2.5,
                max_memory: 64
            }
        );
        assert_eq!(file.compose[0].plugs, ["a.wasm"]);
        let client = ProjectSettings::from_client(
            &serde_json::json!({"witty": {"components": ["x/*.wasm"]}}),
        )
        .unwrap();
        let merged = ProjectSettings::merged(&client, Some(file));
        assert_eq!(merged.components, ["x/*.wasm"]);
        assert_eq!(merged.run.timeout, 2.5);
        std::fs::write(dir.path().join("witty.toml"), "components = 3").unwrap();
        let err = ProjectSettings::from_file(dir.path()).unwrap_err();
        assert!(err.contains("witty.toml"), "{err}");
    }
}
