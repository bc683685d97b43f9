//! `wit semver-check OLD NEW [--world W]`: is NEW a compatible evolution of OLD, and does its
//! version number say so?

use std::path::PathBuf;

use witty_analysis::component::{
    Evolving, WorldRole, load_evolving, select_world, semver_packages, semver_worlds,
};

#[derive(clap::Args)]
pub struct SemverArgs {
    /// The old version: a WIT package (folder, `.wit` file, binary package) or a component
    pub old: PathBuf,
    /// The new version, of the same kind
    pub new: PathBuf,
    /// Compare only this world of both packages
    #[arg(long)]
    pub world: Option<String>,
}

pub fn run(args: SemverArgs) -> u8 {
    let load = |path: &PathBuf| {
        load_evolving(path).map_err(|e| {
            eprintln!("error: {e}");
        })
    };
    let (Ok(old), Ok(new)) = (load(&args.old), load(&args.new)) else {
        return 2;
    };
    let report = match (&old, &new) {
        (Evolving::Package(or, op), Evolving::Package(nr, np)) => match &args.world {
            None => semver_packages(or, *op, nr, *np),
            Some(world) => {
                let pick = |r, p, path: &PathBuf| {
                    select_world(r, p, Some(world))
                        .map_err(|e| eprintln!("error: {}: {e}", path.display()))
                };
                let (Ok(ow), Ok(nw)) = (pick(or, *op, &args.old), pick(nr, *np, &args.new)) else {
                    return 2;
                };
                semver_worlds(or, ow, nr, nw, WorldRole::Target)
            }
        },
        (Evolving::Component(o), Evolving::Component(n)) => {
            if args.world.is_some() {
                eprintln!("error: --world selects a world of WIT packages; a component has one");
                return 2;
            }
            semver_worlds(
                &o.resolve,
                o.world,
                &n.resolve,
                n.world,
                WorldRole::Component,
            )
        }
        _ => {
            eprintln!(
                "error: {} and {} are not of one kind: compare two WIT packages or two \
                 components",
                args.old.display(),
                args.new.display()
            );
            return 2;
        }
    };
    crate::output::print(&report.render());
    u8::from(!report.passes())
}
