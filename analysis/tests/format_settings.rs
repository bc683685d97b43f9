//! The formatter's settings for a file, from `witty.toml`, `.editorconfig`, the editor and
//! the command line: each case is a set of files and the options (and problems) found for
//! `wit/a.wit` among them.

use witty_analysis::format_settings::{FormatSettings, for_file};

/// Writes `files` (path, text) into a new folder and reports the settings found for
/// `wit/a.wit` there, under `editor` settings, with the folder written `$DIR`.
fn found(files: &[(&str, &str)], editor: Option<FormatSettings>) -> String {
    let dir = tempfile::tempdir().unwrap();
    // A root .editorconfig, so that none above the temporary folder counts.
    let mut files = files.to_vec();
    if !files.iter().any(|(path, _)| *path == ".editorconfig") {
        files.push((".editorconfig", "root = true\n"));
    }
    for (path, text) in &files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let found = for_file(&dir.path().join("wit/a.wit"));
    let settings = found.settings.over(&editor.unwrap_or_default());
    let mut out = format!("{:?}", settings.to_options());
    for problem in &found.problems {
        out.push('\n');
        out.push_str(problem);
    }
    out.replace(&dir.path().display().to_string(), "$DIR")
}

#[test]
fn defaults_without_files() {
    insta::assert_snapshot!(found(&[], None), @"FormatOptions { indent_style: Spaces, indent_width: 2, max_width: 100 }");
}

#[test]
fn witty_toml_fmt_table() {
    let toml = "components = [\"out/*.wasm\"]\n[fmt]\nindent = 4\nmax-width = 80\n";
    insta::assert_snapshot!(found(&[("witty.toml", toml)], None), @"FormatOptions { indent_style: Spaces, indent_width: 4, max_width: 80 }");
    let tabs = "[fmt]\nindent = \"tab\"\ntab-width = 8\nmax-width = \"off\"\n";
    insta::assert_snapshot!(found(&[("witty.toml", tabs)], None), @"FormatOptions { indent_style: Tabs, indent_width: 8, max_width: 18446744073709551615 }");
}

#[test]
fn the_nearest_witty_toml_counts() {
    let files = [
        ("witty.toml", "[fmt]\nindent = 8\nmax-width = 50\n"),
        ("wit/witty.toml", "[fmt]\nindent = 3\n"),
    ];
    insta::assert_snapshot!(found(&files, None), @"FormatOptions { indent_style: Spaces, indent_width: 3, max_width: 100 }");
}

#[test]
fn editorconfig_sections_that_match() {
    let ec = "root = true\n[*]\nindent_style = space\nindent_size = 2\n[*.wit]\nindent_size = 4\nmax_line_length = 120\n[*.md]\nindent_size = 8\n";
    insta::assert_snapshot!(found(&[(".editorconfig", ec)], None), @"FormatOptions { indent_style: Spaces, indent_width: 4, max_width: 120 }");
    let tabs = "root = true\n[*.wit]\nindent_style = tab\ntab_width = 8\n";
    insta::assert_snapshot!(found(&[(".editorconfig", tabs)], None), @"FormatOptions { indent_style: Tabs, indent_width: 8, max_width: 100 }");
    let size_tab = "root = true\n[*]\nindent_style = space\nindent_size = tab\ntab_width = 3\n";
    insta::assert_snapshot!(found(&[(".editorconfig", size_tab)], None), @"FormatOptions { indent_style: Spaces, indent_width: 3, max_width: 100 }");
}

#[test]
fn witty_toml_wins_over_editorconfig_key_by_key_and_both_over_the_editor() {
    let files = [
        (
            ".editorconfig",
            "root = true\n[*.wit]\nindent_size = 4\nmax_line_length = 90\n",
        ),
        ("witty.toml", "[fmt]\nmax-width = 70\n"),
    ];
    let editor = FormatSettings::from_editor(8, false);
    insta::assert_snapshot!(found(&files, Some(editor.clone())), @"FormatOptions { indent_style: Tabs, indent_width: 4, max_width: 70 }");
    insta::assert_snapshot!(found(&[], Some(editor)), @"FormatOptions { indent_style: Tabs, indent_width: 8, max_width: 100 }");
}

#[test]
fn bad_values_are_named_with_file_line_and_key_and_left_out() {
    let toml = "[fmt]\nindent = \"four\"\nmax-width = 3\nwidth = 80\ntab-width = 2.5\n";
    insta::assert_snapshot!(found(&[("witty.toml", toml)], None), @r#"
    FormatOptions { indent_style: Spaces, indent_width: 2, max_width: 100 }
    $DIR/witty.toml:2:10: in [fmt]: `indent` takes a number of spaces (1 to 16), or "tab", not `"four"`; it is not used
    $DIR/witty.toml:3:13: in [fmt]: `max-width` takes a number of columns (10 to 10000), or "off", not `3`; it is not used
    $DIR/witty.toml:4:1: in [fmt]: unknown key `width`: the keys are indent, max-width, tab-width
    $DIR/witty.toml:5:13: in [fmt]: `tab-width` takes the columns a tab counts for (1 to 16), not `2.5`; it is not used
    "#);
    let ec =
        "root = true\n[*.wit]\nindent_style = spaces\nindent_size = 0\nmax_line_length = wide\n";
    insta::assert_snapshot!(found(&[(".editorconfig", ec)], None), @"
    FormatOptions { indent_style: Spaces, indent_width: 2, max_width: 100 }
    $DIR/.editorconfig:3: `indent_style` takes `space` or `tab`, not `spaces`; it is not used
    $DIR/.editorconfig:4: `indent_size` takes a number from 1 to 16, or `tab`, not `0`; it is not used
    $DIR/.editorconfig:5: `max_line_length` takes a number from 10 to 10000, or `off`, not `wide`; it is not used
    ");
}

#[test]
fn broken_files_are_reported_and_the_others_still_count() {
    let files = [
        ("witty.toml", "[fmt\nindent = 4\n"),
        (".editorconfig", "root = true\n[*.wit]\nindent_size = 4\n"),
    ];
    insta::assert_snapshot!(found(&files, None), @"
    FormatOptions { indent_style: Spaces, indent_width: 4, max_width: 100 }
    $DIR/witty.toml:1:5: unclosed table, expected `]`; the formatting settings in it are not used
    ");
    let files = [
        ("witty.toml", "[fmt]\nindent = 4\n"),
        (
            ".editorconfig",
            "root = true\n[*.wit]\nindent_size = 3\nnot a setting\n",
        ),
    ];
    insta::assert_snapshot!(found(&files, None), @"
    FormatOptions { indent_style: Spaces, indent_width: 4, max_width: 100 }
    $DIR/.editorconfig:4: invalid line; the .editorconfig settings are not used
    ");
    insta::assert_snapshot!(found(&[("witty.toml", "fmt = 4\n")], None), @"
    FormatOptions { indent_style: Spaces, indent_width: 2, max_width: 100 }
    $DIR/witty.toml:1:7: `fmt` should be a table (`[fmt]`); it is not used
    ");
}

#[test]
fn command_line_keys() {
    let mut settings = FormatSettings::default();
    settings.set("indent", "4").unwrap();
    settings.set("max-width", "off").unwrap();
    insta::assert_snapshot!(format!("{:?}", settings.to_options()), @"FormatOptions { indent_style: Spaces, indent_width: 4, max_width: 18446744073709551615 }");
    settings.set("indent", "tab").unwrap();
    insta::assert_snapshot!(format!("{:?}", settings.to_options()), @"FormatOptions { indent_style: Tabs, indent_width: 4, max_width: 18446744073709551615 }");
    insta::assert_snapshot!(settings.set("indent", "0").unwrap_err(), @r#"`indent` takes a number of spaces (1 to 16), or "tab", not `0`"#);
    insta::assert_snapshot!(settings.set("with", "0").unwrap_err(), @"unknown key `with`: the keys are indent, max-width, tab-width");
}
