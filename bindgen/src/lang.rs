//! The target languages and the generator of each, built with the options witty uses.

use wit_bindgen_core::WorldGenerator;

/// A language the `wit-bindgen` generators write bindings for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Rust,
    C,
    Cpp,
    CSharp,
    MoonBit,
    Markdown,
}

impl Lang {
    pub const ALL: [Lang; 6] = [
        Lang::Rust,
        Lang::C,
        Lang::Cpp,
        Lang::CSharp,
        Lang::MoonBit,
        Lang::Markdown,
    ];

    /// The name on the command line and in requests: `rust`, `c`, `cpp`, ...
    pub fn name(self) -> &'static str {
        match self {
            Lang::Rust => "rust",
            Lang::C => "c",
            Lang::Cpp => "cpp",
            Lang::CSharp => "csharp",
            Lang::MoonBit => "moonbit",
            Lang::Markdown => "markdown",
        }
    }

    /// The name people write: `Rust`, `C++`, `C#`, ...
    pub fn title(self) -> &'static str {
        match self {
            Lang::Rust => "Rust",
            Lang::C => "C",
            Lang::Cpp => "C++",
            Lang::CSharp => "C#",
            Lang::MoonBit => "MoonBit",
            Lang::Markdown => "Markdown",
        }
    }

    /// The language named `name` (as [`Lang::name`] gives it, any case), or a sentence that
    /// lists the names there are.
    pub fn from_name(name: &str) -> Result<Lang, String> {
        let lower = name.to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|l| l.name() == lower)
            .ok_or_else(|| {
                let names: Vec<&str> = Lang::ALL.iter().map(|l| l.name()).collect();
                format!(
                    "no bindings generator for `{name}`; the languages are: {}",
                    names.join(", ")
                )
            })
    }

    /// The generator, with its defaults except where a preview is better served: Rust's
    /// output is formatted (by prettyplease, in process, as `wit-bindgen rust --format`) and
    /// has every imported interface (`--generate-all`; else each needs a `with` mapping).
    pub(crate) fn generator(self) -> Box<dyn WorldGenerator> {
        match self {
            Lang::Rust => Box::new(
                wit_bindgen_rust::Opts {
                    format: true,
                    generate_all: true,
                    ..Default::default()
                }
                .build(),
            ),
            Lang::C => wit_bindgen_c::Opts::default().build(),
            Lang::Cpp => wit_bindgen_cpp::Opts::default().build(None),
            Lang::CSharp => wit_bindgen_csharp::Opts::default().build(),
            Lang::MoonBit => wit_bindgen_moonbit::Opts::default().build(),
            Lang::Markdown => wit_bindgen_markdown::Opts::default().build(),
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
