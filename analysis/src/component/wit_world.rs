//! A world of WIT files, as a target to check a component against: the package at a path
//! (a folder with `deps/`, a `.wit` file, or a binary package) read by wit-parser, and one
//! of its worlds chosen by name, or its only world.

use std::path::{Path, PathBuf};

use wit_parser::{PackageId, Resolve, WorldId};

use crate::LoadError;

/// A package read from WIT, with the world chosen in it.
#[derive(Debug, Clone)]
pub struct WitWorld {
    pub path: PathBuf,
    pub resolve: Resolve,
    pub package: PackageId,
    pub world: WorldId,
}

/// Reads the package at `path` (as `wit check` takes it) with wit-parser.
pub fn load_package(path: &Path) -> Result<(Resolve, PackageId), LoadError> {
    let fail = |message: String| LoadError {
        path: path.to_path_buf(),
        message,
    };
    if !path.exists() {
        return Err(fail("no such file or folder".to_string()));
    }
    let mut resolve = Resolve::new();
    // Deeply nested types make wit-parser recurse deeply; give it the stack the backstop
    // uses.
    let owned = path.to_path_buf();
    let result = std::thread::Builder::new()
        .stack_size(crate::backstop::STACK)
        .spawn(move || {
            let pushed = resolve.push_path(&owned).map(|(pkg, _)| pkg);
            pushed.map(|pkg| (resolve, pkg))
        })
        .map_err(|e| fail(format!("cannot start a thread to read it: {e}")))?
        .join()
        .map_err(|_| fail("wit-parser panicked while reading it".to_string()))?;
    result.map_err(|e| {
        fail(format!(
            "not a valid WIT package: {e:#} (`wit check` shows every error)"
        ))
    })
}

/// Reads the package at `path` and picks `world` in it (a name, or `ns:pkg/name`); with no
/// name, the package's only world.
pub fn load_world(path: &Path, world: Option<&str>) -> Result<WitWorld, LoadError> {
    let (resolve, package) = load_package(path)?;
    let world = select_world(&resolve, package, world).map_err(|message| LoadError {
        path: path.to_path_buf(),
        message,
    })?;
    Ok(WitWorld {
        path: path.to_path_buf(),
        resolve,
        package,
        world,
    })
}

/// The world named `name` in `package` (or anywhere, for a qualified name), or its only
/// world; the error lists the worlds there are.
pub fn select_world(
    resolve: &Resolve,
    package: PackageId,
    name: Option<&str>,
) -> Result<WorldId, String> {
    let pkg = &resolve.packages[package];
    let names: Vec<&str> = pkg.worlds.keys().map(String::as_str).collect();
    let listing = if names.is_empty() {
        "it has no worlds".to_string()
    } else {
        format!("its worlds are: {}", names.join(", "))
    };
    match name {
        Some(name) if name.contains(':') => resolve
            .select_world(&[package], Some(name))
            .map_err(|e| format!("no world `{name}`: {e:#}")),
        Some(name) => pkg
            .worlds
            .get(name)
            .copied()
            .ok_or_else(|| format!("package `{}` has no world `{name}`; {listing}", pkg.name)),
        None => match pkg.worlds.values().collect::<Vec<_>>()[..] {
            [only] => Ok(*only),
            [] => Err(format!(
                "package `{}` has no world to check against; add one, or name a package \
                 that has one",
                pkg.name
            )),
            _ => Err(format!(
                "package `{}` has several worlds; choose one with --world: {}",
                pkg.name,
                names.join(", ")
            )),
        },
    }
}
