//! `wit plug SOCKET PLUG... [-o OUT]`: which imports of the socket each plug fills, which
//! stay open, why a candidate does not fit; optionally the composed component.

use std::path::PathBuf;

use witty_analysis::component::{Component, compose, plug, read_component};

#[derive(clap::Args)]
pub struct PlugArgs {
    /// The component whose imports are to be filled
    pub socket: PathBuf,
    /// Components whose exports fill them
    #[arg(required = true)]
    pub plugs: Vec<PathBuf>,
    /// Write the composed component here (the socket's exports; open imports stay imports)
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
}

pub fn run(args: PlugArgs) -> u8 {
    let mut failed = false;
    let mut read = |path: &PathBuf| match read_component(path) {
        Ok(c) => Some(c),
        Err(e) => {
            eprintln!("error: {e}");
            failed = true;
            None
        }
    };
    let socket = read(&args.socket);
    let plugs: Vec<Option<Component>> = args.plugs.iter().map(&mut read).collect();
    let (Some(socket), false) = (socket, failed) else {
        return 2;
    };
    let plugs: Vec<Component> = plugs.into_iter().flatten().collect();
    let name = |i: usize| args.plugs[i].display().to_string();
    let report = plug(&socket, &plugs);

    let socket_name = args.socket.display().to_string();
    crate::output::print(&report.render(name, &socket_name));
    if !report.conflicts.is_empty() {
        for line in report.render_conflicts(name, &socket_name).lines() {
            eprintln!("error: {line}");
        }
        return 2;
    }
    if let Some(output) = &args.output {
        if report.fills.is_empty() {
            eprintln!(
                "error: nothing to compose: no plug fills an import of {}; {} not written",
                args.socket.display(),
                output.display()
            );
            return 1;
        }
        let bytes = match compose(&socket, &plugs, &report.fills) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("error: cannot compose: {e}");
                return 2;
            }
        };
        if let Err(e) = std::fs::write(output, bytes) {
            eprintln!("error: cannot write {}: {e}", output.display());
            return 2;
        }
        eprintln!("wrote {}", output.display());
    }
    u8::from(!report.all_fit())
}
