//! `wit targets COMPONENT WIT_PATH [--world W]`: does the component conform to the world?

use std::path::PathBuf;

use witty_analysis::component::{conformance, load_world, read_component};

#[derive(clap::Args)]
pub struct TargetsArgs {
    /// The component (`.wasm`, or WebAssembly text `.wat`)
    pub component: PathBuf,
    /// The WIT package with the world: a `.wit` file or a package folder (with `deps/`)
    pub wit_path: PathBuf,
    /// The world to check against (default: the package's only world)
    #[arg(long)]
    pub world: Option<String>,
}

pub fn run(args: TargetsArgs) -> u8 {
    let read = || {
        let component = crate::output::or_exit_2(read_component(&args.component))?;
        let target = crate::output::or_exit_2(load_world(&args.wit_path, args.world.as_deref()))?;
        Ok((component, target))
    };
    let (component, target) = match read() {
        Ok(both) => both,
        Err(code) => return code,
    };
    let result = conformance(&component, &target.resolve, target.world);
    let world = &target.resolve.worlds[target.world];
    let world_name = match world.package {
        Some(p) => {
            let name = &target.resolve.packages[p].name;
            let version = name
                .version
                .as_ref()
                .map(|v| format!("@{v}"))
                .unwrap_or_default();
            format!("{}:{}/{}{version}", name.namespace, name.name, world.name)
        }
        None => world.name.clone(),
    };
    let mut out = result.render();
    let file = args.component.display();
    let count = result.mismatches.len();
    if result.conforms() {
        out.push_str(&format!("{file} conforms to world {world_name}\n"));
    } else {
        let s = if count == 1 { "" } else { "es" };
        out.push_str(&format!(
            "{file} does not conform to world {world_name}: {count} mismatch{s}\n"
        ));
    }
    crate::output::print(&out);
    u8::from(!result.conforms())
}
