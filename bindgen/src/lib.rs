//! witty-bindgen: bindings for a WIT package by the real `wit-bindgen` generators (Rust, C,
//! C++, C#, MoonBit, Markdown, all of release 0.63), fed through their own wit-parser, for
//! `wit bindgen` and the language server. A generator's failure is reported at the WIT it
//! comes from.

mod guard;
mod lang;
mod locate;
mod resolve;
mod signature;
mod tracking;

use std::cell::RefCell;
use std::ops::Range;
use std::path::PathBuf;
use std::rc::Rc;

use wit_bindgen_core::wit_parser::{PackageId, Resolve, WorldId};
use wit_bindgen_core::{Files, WorldGenerator};
use witty_analysis::backstop::BackstopInput;

pub use lang::Lang;
pub use signature::{Target, signature};

/// The release of the generators, for messages and generated headers.
pub const GENERATOR_VERSION: &str = "0.63.0";

/// What a generator wrote for one world.
#[derive(Debug, Clone)]
pub struct Bindings {
    pub lang: Lang,
    /// The world, fully qualified (`example:kv-store/kv-service@0.1.0`).
    pub world: String,
    pub files: Vec<GeneratedFile>,
    /// Where each item of the world (its interfaces, their types and functions) is defined,
    /// and what to look for in the files.
    pub items: Vec<(Location, Target)>,
}

impl Bindings {
    /// What the generator wrote for the item defined at `offset` of `path` (the definition's
    /// name, or anywhere in it): the innermost item there.
    pub fn signature_at(&self, path: &std::path::Path, offset: usize) -> Option<String> {
        let (_, target) = self
            .items
            .iter()
            .filter(|(at, _)| {
                at.path == path
                    && at.range.start <= offset
                    && offset < at.range.end.max(at.range.start + 1)
            })
            .min_by_key(|(at, _)| at.range.len())?;
        signature(self, target)
    }
}

/// One file of the bindings, named as the generator names it (maybe in a subfolder).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    pub name: String,
    pub contents: Vec<u8>,
}

impl GeneratedFile {
    /// The file as text; `None` for a binary file (C's `*_component_type.o`).
    pub fn text(&self) -> Option<&str> {
        std::str::from_utf8(&self.contents).ok()
    }
}

/// A place in a WIT file: its path and a byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub range: Range<usize>,
}

/// Why there are no bindings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub kind: FailureKind,
    pub message: String,
    /// The WIT the failure comes from, when known.
    pub at: Option<Location>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The input cannot be used: no such world, a component instead of a package.
    Input,
    /// The generator refused the world, or failed on it.
    Generator,
}

impl Failure {
    fn input(message: String) -> Failure {
        Failure {
            kind: FailureKind::Input,
            message,
            at: None,
        }
    }

    /// The failure as one line, `file:line:col: message` when its place is known (1-based;
    /// columns count characters, as `wit check` counts them), the text read from `input`.
    pub fn to_line(&self, input: &BackstopInput) -> String {
        let Some(at) = &self.at else {
            return self.message.clone();
        };
        let text = std::iter::once(input.main())
            .chain(input.deps())
            .filter_map(|s| match s {
                witty_analysis::backstop::Source::Wit(files) => Some(files),
                witty_analysis::backstop::Source::Binary(..) => None,
            })
            .flatten()
            .find(|(path, _)| *path == at.path)
            .map(|(_, text)| text.clone());
        let (line, col) = match text.as_deref().and_then(|t| t.get(..at.range.start)) {
            Some(before) => {
                let line = before.matches('\n').count() + 1;
                let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                (line, col)
            }
            None => (1, 1),
        };
        format!("{}:{line}:{col}: {}", at.path.display(), self.message)
    }

    fn generator(message: String, at: Option<Location>) -> Failure {
        Failure {
            kind: FailureKind::Generator,
            message,
            at,
        }
    }
}

/// The bindings of `world` (a name, `ns:pkg/name`, or `None` for the package's only world)
/// in `lang`, for the package whose texts `input` holds (as witty checked them: the package
/// should have no errors).
pub fn generate(
    input: &BackstopInput,
    world: Option<&str>,
    lang: Lang,
) -> Result<Bindings, Failure> {
    let generated = guard::run(|| {
        let resolved = resolve::resolve(input)?;
        let world = select_world(&resolved.resolve, resolved.package, world)?;
        run_generator(resolved, world, lang)
    });
    match generated {
        Ok(result) => result,
        // A panic outside a generator: in resolving or choosing the world.
        Err(panic) => Err(Failure::generator(
            format!(
                "wit-parser (0.262, the generators') failed: {}",
                panic.message
            ),
            None,
        )),
    }
}

fn run_generator(
    mut resolved: resolve::Resolved,
    world: WorldId,
    lang: Lang,
) -> Result<Bindings, Failure> {
    let world_name = qualified_world(&resolved.resolve, world);
    let step = Rc::new(RefCell::new(tracking::Step::default()));
    let mut generator = tracking::Tracked {
        inner: lang.generator(),
        step: step.clone(),
    };
    let mut files = Files::default();
    // The generator may leave the resolve half changed when it panics: it is not used again
    // except to say where the failure is, from spans the generator does not touch.
    let outcome = guard::catch(|| generator.generate(&mut resolved.resolve, world, &mut files));
    let message = match outcome {
        Ok(Ok(())) => {
            return Ok(Bindings {
                lang,
                world: world_name,
                items: signature::items(&resolved, world),
                files: files
                    .iter()
                    .map(|(name, contents)| GeneratedFile {
                        name: name.to_string(),
                        contents: contents.to_vec(),
                    })
                    .collect(),
            });
        }
        Ok(Err(e)) => format!("{e:#}"),
        Err(panic) => {
            let place = panic
                .place
                .map(|place| {
                    // The crate's own path (`wit-bindgen-c-0.63.0/src/lib.rs:1119`), not
                    // where this machine's registry keeps it.
                    let short = place
                        .find("wit-bindgen-")
                        .map_or(&place[..], |at| &place[at..]);
                    format!(" (at {short})")
                })
                .unwrap_or_default();
            format!("not supported by this generator: {}{place}", panic.message)
        }
    };
    let step = step.borrow().clone();
    let (span, what) = locate::failure_span(&resolved.resolve, world, &step, &message);
    Err(Failure::generator(
        format!(
            "the {} generator (wit-bindgen {GENERATOR_VERSION}) failed on {what} of world `{world_name}`: {message}",
            lang.title()
        ),
        resolved.locate(span),
    ))
}

/// The world `name`, as `wit-bindgen --world` takes it; the error lists the worlds there are.
fn select_world(
    resolve: &Resolve,
    package: PackageId,
    name: Option<&str>,
) -> Result<WorldId, Failure> {
    let pkg = &resolve.packages[package];
    let names: Vec<&str> = pkg.worlds.keys().map(String::as_str).collect();
    let listing = if names.is_empty() {
        "it has no worlds: bindings are made for a world".to_string()
    } else {
        format!("its worlds are: {}", names.join(", "))
    };
    match name {
        Some(name) if name.contains(':') => resolve
            .select_world(&[package], Some(name))
            .map_err(|e| Failure::input(format!("no world `{name}`: {e:#}"))),
        Some(name) => pkg.worlds.get(name).copied().ok_or_else(|| {
            Failure::input(format!(
                "package `{}` has no world `{name}`; {listing}",
                pkg.name
            ))
        }),
        None => match pkg.worlds.values().collect::<Vec<_>>()[..] {
            [only] => Ok(*only),
            [] => Err(Failure::input(format!("package `{}`: {listing}", pkg.name))),
            _ => Err(Failure::input(format!(
                "package `{}` has several worlds; choose one with --world: {}",
                pkg.name,
                names.join(", ")
            ))),
        },
    }
}

fn qualified_world(resolve: &Resolve, world: WorldId) -> String {
    let w = &resolve.worlds[world];
    match w.package {
        Some(p) => resolve.id_of_name(p, &w.name),
        None => w.name.clone(),
    }
}

/// The worlds of the package in `input`, by name, in the order written.
pub fn worlds(input: &BackstopInput) -> Result<Vec<String>, Failure> {
    let resolved = guard::run(|| resolve::resolve(input))
        .map_err(|p| Failure::generator(p.message, None))??;
    Ok(resolved.resolve.packages[resolved.package]
        .worlds
        .keys()
        .cloned()
        .collect())
}
