//! The README's key reference is the keymap's: regenerate it from the code, never by hand.

#[test]
fn the_readme_key_table_matches_the_keymap() {
    let readme = include_str!("../README.md");
    let start = readme.find("<!-- keys:start -->\n").expect("the README has a keys:start marker") + 20;
    let end = readme.find("<!-- keys:end -->").expect("the README has a keys:end marker");
    let expected = versus::explorer::keymap::Keymap::default().markdown_reference();
    assert!(readme[start..end] == expected, "the README's key table is out of date; replace it with:\n{expected}");
}
