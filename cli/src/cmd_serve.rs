//! `wit serve COMPONENT [--addr 127.0.0.1:8080]`: runs a component that exports
//! `wasi:http/incoming-handler` (0.2) as an HTTP server, like `wasmtime serve`.

use std::net::SocketAddr;
use std::path::PathBuf;

use witty_runner::Runner;

use crate::run_options::{SandboxArgs, eprint};

#[derive(clap::Args, Debug)]
#[command(after_help = "\
Each request runs on a fresh instance of the component, in the sandbox of `wit run`: no
files, environment variables or network unless given, outgoing HTTP only to the hosts of
--allow-http (or any with --inherit-network), and --timeout, --max-memory and --fuel for
each request. A handler that traps or fails answers 500 with the reason; one that does not
answer within --timeout answers 504; a request body larger than --max-memory gets 413. The
server goes on with the next request.

Once listening, it prints `serving http://ADDRESS/` on stderr; it runs until stopped.

Exit codes: 1 the address cannot be listened on, 2 not a component or not an HTTP handler.")]
pub struct ServeArgs {
    /// The component (`.wasm`, or WebAssembly text `.wat`) exporting
    /// `wasi:http/incoming-handler`
    pub component: PathBuf,
    /// The address to listen on; port 0 picks a free one
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    #[command(flatten)]
    pub sandbox: SandboxArgs,
}

pub fn run(args: ServeArgs) -> u8 {
    let mut options = args.sandbox.options();
    // The guest's logs go to the server's own stdout and stderr as they are written.
    options.stream_output = true;
    let served = Runner::new(options)
        .and_then(|r| r.load(&args.component))
        .and_then(|loaded| {
            loaded.serve(args.addr, |addr| {
                eprint(&format!("serving http://{addr}/\n"));
            })
        });
    match served {
        Ok(()) => 0,
        Err(e) => {
            eprint(&format!("error: {}\n", e.message));
            e.exit_code()
        }
    }
}
