//! Rename: a type, function, interface, world, field, case or parameter, in every file that
//! names it. Names defined in dependencies are left alone: they are someone else's.

use std::path::PathBuf;

use witty_syntax::{SyntaxKind, TextRange, check_identifier};

use super::defs::{Def, file_index, find_def};
use super::{Analysis, Cancellable, FilePosition};
use crate::fx::HashSet;

/// A text edit in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub range: TextRange,
    pub new_text: String,
}

/// Edits to several files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceChange {
    pub files: Vec<(PathBuf, Vec<TextEdit>)>,
}

impl Analysis {
    /// The name that a rename at the position would change, or why it cannot.
    pub fn prepare_rename(&self, pos: FilePosition<'_>) -> Cancellable<Result<TextRange, String>> {
        self.catch(|db| self.renamable(db, pos).map(|(range, _)| range))
    }

    pub fn rename(
        &self,
        pos: FilePosition<'_>,
        new_name: &str,
    ) -> Cancellable<Result<SourceChange, String>> {
        self.catch(|db| {
            let (range, _) = self.renamable(db, pos)?;
            let new_text = valid_new_name(new_name)?;
            let text = self.file_text(pos.path).unwrap_or_default();
            let old = strip(&text[range]).to_string();
            let Some(&file) = self.files.get(pos.path) else {
                return Err("the file is not part of any package".to_string());
            };
            let mut edits: Vec<(PathBuf, TextEdit)> = Vec::new();
            let mut seen: HashSet<(PathBuf, TextRange)> = HashSet::default();
            for root in self.roots_with(db, file) {
                for (f, range, _) in super::navigation::references_in(db, root, file, pos) {
                    let path = f.path(db).clone();
                    // A name brought in under another name (`use a.{x as y}`) keeps its own.
                    if strip(&f.text(db)[range]) != old || !seen.insert((path.clone(), range)) {
                        continue;
                    }
                    edits.push((
                        path,
                        TextEdit {
                            range,
                            new_text: new_text.clone(),
                        },
                    ));
                }
            }
            let mut change = SourceChange::default();
            edits.sort_by(|a, b| (&a.0, a.1.range.start()).cmp(&(&b.0, b.1.range.start())));
            for (path, edit) in edits {
                match change.files.last_mut() {
                    Some((p, list)) if *p == path => list.push(edit),
                    _ => change.files.push((path, vec![edit])),
                }
            }
            Ok(change)
        })
    }

    /// The name at the position and what it defines, if renaming it is allowed.
    fn renamable(
        &self,
        db: &crate::RootDatabase,
        pos: FilePosition<'_>,
    ) -> Result<(TextRange, Def), String> {
        let (root, file) = self
            .locate(db, pos.path)
            .ok_or_else(|| "the file is not part of any package".to_string())?;
        let index = file_index(db, root, file);
        let (range, def, _) = index
            .at(pos.offset)
            .ok_or_else(|| "there is no name here to rename".to_string())?;
        if matches!(def, Def::Package(_)) {
            return Err("a package is renamed by editing its `package` line".to_string());
        }
        let (def_file, _) = find_def(db, root, def).ok_or_else(|| {
            "this name is defined in a binary package (a .wasm in deps/), which cannot be edited"
                .to_string()
        })?;
        if !root.main(db).files().contains(&def_file) {
            return Err(format!(
                "`{}` is defined in a dependency ({}); rename it there, not in this package",
                strip(&file.text(db)[range]),
                def_file.path(db).display()
            ));
        }
        Ok((range, def.clone()))
    }
}

fn strip(name: &str) -> &str {
    name.strip_prefix('%').unwrap_or(name)
}

/// The new name as it must be written, or why it is not a name.
fn valid_new_name(new_name: &str) -> Result<String, String> {
    let name = new_name.trim();
    check_identifier(name).map_err(|e| format!("`{name}` is not a valid WIT name: {e}"))?;
    if !name.starts_with('%') && SyntaxKind::from_keyword(name).is_some() {
        return Err(format!(
            "`{name}` is a keyword; write `%{name}` to use it as a name"
        ));
    }
    Ok(name.to_string())
}
