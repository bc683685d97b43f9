//! Rename.

use insta::assert_snapshot;

use crate::ide::fixture::Fixture;

fn check(fixture: &str, new_name: &str) -> String {
    let f = Fixture::parse(fixture);
    let analysis = f.host.analysis();
    if let Err(e) = analysis.prepare_rename(f.position()).unwrap() {
        return format!("refused: {e}");
    }
    match analysis.rename(f.position(), new_name).unwrap() {
        Err(e) => format!("refused: {e}"),
        Ok(change) => {
            let mut out = String::new();
            for (path, edits) in &change.files {
                let mut text = f.text(path).to_string();
                for e in edits.iter().rev() {
                    text.replace_range(std::ops::Range::<usize>::from(e.range), &e.new_text);
                }
                out.push_str(&format!("//- {}\n{text}", path.display()));
            }
            out
        }
    }
}

use super::TYPES_ACROSS_FILES as TYPES;

#[test]
fn type_across_files_keeps_aliases() {
    assert_snapshot!(check(TYPES, "location"), @"
    //- /wit/a.wit
    package a:b;
    interface types {
      record location { x: u32 }
      type alias = location;
    }
    //- /wit/b.wit
    package a:b;
    interface api {
      use types.{location, location as p};
      f: func(a: location, b: list<p>);
    }
    world w {
      use types.{location};
      import g: func(x: location);
    }
    ");
}

#[test]
fn interface_used_by_world_and_use() {
    assert_snapshot!(check(r#"
//- /wit/a.wit
package a:b;
interface ty$0pes { type t = u8; }
world w { import types; }
//- /wit/b.wit
package a:b;
interface api { use types.{t}; }
"#, "shapes"), @"
    //- /wit/a.wit
    package a:b;
    interface shapes { type t = u8; }
    world w { import shapes; }
    //- /wit/b.wit
    package a:b;
    interface api { use shapes.{t}; }
    ");
}

#[test]
fn refuses_bad_names_and_dependencies() {
    assert_snapshot!(check(TYPES, "Location"), @"refused: `Location` is not a valid WIT name: invalid character in identifier 'o': identifiers are kebab-case: words of lowercase (or all uppercase) ASCII letters and digits joined by '-', the first starting with a letter; try `location`");
    assert_snapshot!(check(TYPES, "record"), @"refused: `record` is a keyword; write `%record` to use it as a name");
    assert_snapshot!(check(TYPES, "%record"), @"
    //- /wit/a.wit
    package a:b;
    interface types {
      record %record { x: u32 }
      type alias = %record;
    }
    //- /wit/b.wit
    package a:b;
    interface api {
      use types.{%record, %record as p};
      f: func(a: %record, b: list<p>);
    }
    world w {
      use types.{%record};
      import g: func(x: %record);
    }
    ");
    assert_snapshot!(check(r#"
//- /wit/main.wit
package a:b;
interface api { use x:y/dep.{t$0}; }
//- /wit/deps/d/d.wit
package x:y;
interface dep { type t = u8; }
"#, "u"), @"refused: `t` is defined in a dependency (/wit/deps/d/d.wit); rename it there, not in this package");
    assert_snapshot!(check("package a:b;\ninter$0face i {}\n", "x"), @"refused: there is no name here to rename");
}
