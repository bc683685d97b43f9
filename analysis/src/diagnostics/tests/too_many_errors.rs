//! `too-many-errors`: more than 1000 errors in one file; the rest are not reported.

#[test]
fn the_first_thousand_and_where_the_rest_start() {
    let mut text = String::from("package a:b;\ninterface i {\n");
    for i in 0..1200 {
        text.push_str(&format!("  type a{i} = $;\n"));
    }
    text.push_str("}\n");
    let (_, found) = super::diagnostics_of(&text);
    let syntax: Vec<_> = found
        .iter()
        .filter(|d| d.code != "too-many-errors")
        .collect();
    assert_eq!(syntax.len(), 1000);
    let last: Vec<_> = found
        .iter()
        .filter(|d| d.code == "too-many-errors")
        .collect();
    assert_eq!(last.len(), 1);
    assert_eq!(
        last[0].message,
        "too many errors: only the first 1000 are reported"
    );
    // It points at the 1001st error.
    let line = text[..usize::from(last[0].range.start())].lines().count();
    assert_eq!(line, 2 + 1001);
}

#[test]
fn a_thousand_are_all_reported() {
    let mut text = String::from("package a:b;\ninterface i {\n");
    for i in 0..1000 {
        text.push_str(&format!("  type a{i} = $;\n"));
    }
    text.push_str("}\n");
    let (_, found) = super::diagnostics_of(&text);
    assert!(found.iter().all(|d| d.code != "too-many-errors"));
}
