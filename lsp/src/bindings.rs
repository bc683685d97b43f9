//! Bindings for the editor (`witty/bindings`, and the hover's "In Rust:" section): generated
//! by the real wit-bindgen generators off the async threads and outside any snapshot (so an
//! edit never waits for a generator), kept per package, language and world until the
//! package changes.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use witty_analysis::backstop::BackstopInput;
use witty_bindgen::{Bindings, Failure, Lang};

/// The package, language and world (`None`: the package's only one) of some bindings.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub root: PathBuf,
    pub lang: Lang,
    pub world: Option<String>,
}

/// A package's texts as of one version, for generating without a snapshot.
pub struct Prepared {
    pub key: Key,
    /// `Analysis::root_version` of the package when its texts were copied.
    pub version: u64,
    pub input: Arc<BackstopInput>,
}

pub type Generated = Arc<Result<Bindings, Failure>>;

#[derive(Default)]
pub struct Service {
    cache: Mutex<HashMap<Key, (u64, Generated)>>,
    /// The language of the hover's bindings section (`witty.bindings.hoverLanguage`), or none.
    hover_lang: Mutex<Option<Lang>>,
}

impl Service {
    pub fn hover_lang(&self) -> Option<Lang> {
        *self.hover_lang.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Reads `witty.bindings.hoverLanguage` from the client's settings, where they say it:
    /// a language name, or `off` / `null` / empty for none. A name witty does not know is
    /// returned as a warning for the user.
    pub fn configure(&self, settings: &serde_json::Value) -> Option<String> {
        let witty = settings.get("witty").unwrap_or(settings);
        let value = witty.get("bindings")?.get("hoverLanguage")?;
        let lang = match value.as_str().map(str::trim) {
            None | Some("") | Some("off") => None,
            Some(name) => match Lang::from_name(name) {
                Ok(lang) => Some(lang),
                Err(e) => return Some(format!("witty.bindings.hoverLanguage: {e}")),
            },
        };
        *self.hover_lang.lock().unwrap_or_else(|e| e.into_inner()) = lang;
        None
    }

    /// The bindings for the prepared package: from the cache when generated for this version,
    /// else generated on a blocking thread (and kept, replacing older versions' entries).
    pub async fn get(self: &Arc<Self>, prepared: Prepared) -> Generated {
        if let Some((version, found)) = self.lock().get(&prepared.key)
            && *version == prepared.version
        {
            return found.clone();
        }
        let Prepared {
            key,
            version,
            input,
        } = prepared;
        let (lang, world) = (key.lang, key.world.clone());
        let started = std::time::Instant::now();
        let generated = tokio::task::spawn_blocking(move || {
            Arc::new(witty_bindgen::generate(&input, world.as_deref(), lang))
        })
        .await
        .unwrap_or_else(|e| {
            Arc::new(Err(Failure {
                kind: witty_bindgen::FailureKind::Generator,
                message: format!("the generator's thread failed: {e}"),
                at: None,
            }))
        });
        tracing::debug!(
            root = %key.root.display(),
            lang = %key.lang,
            ok = generated.is_ok(),
            "bindings generated in {:?}",
            started.elapsed()
        );
        let mut cache = self.lock();
        // A newer version of the package makes every entry of an older one useless.
        cache.retain(|k, (v, _)| k.root != key.root || *v >= version);
        let newer = cache.get(&key).is_some_and(|(v, _)| *v > version);
        if !newer {
            cache.insert(key, (version, generated.clone()));
        }
        generated
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, (u64, Generated)>> {
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }
}
