//! The WIT grammar, as recursive descent over the parser's cursor. Each function parses one
//! construct; its comment shows the shape it accepts.

mod common;
mod interface;
mod top_level;
mod type_defs;
mod types;
mod world;

pub(crate) use top_level::source_file;
