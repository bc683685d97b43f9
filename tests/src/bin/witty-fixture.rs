//! Builds the components that the editor end-to-end tests (pytest-lsp, VS Code) load, so they
//! work on real binaries made in the test from WIT and, where behaviour matters, a WAT module.
//!
//! `witty-fixture WIT_PATH [--world W] [--wat MODULE.wat] -o OUT.wasm`: without `--wat` every
//! export traps (only the shape matters); with it, the module's exports implement the world.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use wit_parser::Resolve;

struct Args {
    wit: PathBuf,
    world: Option<String>,
    wat: Option<PathBuf>,
    out: PathBuf,
}

fn parse_args() -> Result<Args> {
    let mut wit = None;
    let mut world = None;
    let mut wat = None;
    let mut out = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().with_context(|| format!("{name} needs a value"));
        match arg.to_str() {
            Some("--world") => world = Some(value("--world")?.to_string_lossy().into_owned()),
            Some("--wat") => wat = Some(PathBuf::from(value("--wat")?)),
            Some("-o") => out = Some(PathBuf::from(value("-o")?)),
            Some(flag) if flag.starts_with('-') => bail!("unknown option `{flag}`"),
            _ if wit.is_none() => wit = Some(PathBuf::from(arg)),
            _ => bail!(
                "one WIT path only; usage: witty-fixture WIT_PATH [--world W] [--wat MODULE.wat] -o OUT.wasm"
            ),
        }
    }
    Ok(Args {
        wit: wit
            .context("usage: witty-fixture WIT_PATH [--world W] [--wat MODULE.wat] -o OUT.wasm")?,
        world,
        wat,
        out: out.context("-o OUT.wasm is required")?,
    })
}

fn build(args: &Args) -> Result<Vec<u8>> {
    let mut resolve = Resolve::new();
    let (package, _) = resolve
        .push_path(&args.wit)
        .with_context(|| format!("cannot read the WIT at {}", args.wit.display()))?;
    let world = resolve.select_world(&[package], args.world.as_deref())?;
    let Some(wat) = &args.wat else {
        return witty_analysis::component::dummy_component(&resolve, world)
            .map_err(anyhow::Error::msg);
    };
    let module = wat::parse_file(wat)?;
    Ok(witty_runner::test_components::component_of_module(
        &resolve, world, module,
    ))
}

fn main() -> ExitCode {
    let result = parse_args().and_then(|args| {
        let bytes = build(&args)?;
        std::fs::write(&args.out, bytes)
            .with_context(|| format!("cannot write {}", args.out.display()))
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("witty-fixture: {e:#}");
            ExitCode::from(2)
        }
    }
}
