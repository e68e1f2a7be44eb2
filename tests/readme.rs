//! The README's key reference is the keymap's: regenerate it from the code, never by hand.

#[test]
fn the_readme_key_table_matches_the_keymap() {
    let readme = include_str!("../README.md");
    let start = readme.find("<!-- keys:start -->\n").expect("the README has a keys:start marker") + 20;
    let end = readme.find("<!-- keys:end -->").expect("the README has a keys:end marker");
    let expected = versus::explorer::keymap::Keymap::default().markdown_reference();
    assert!(readme[start..end] == expected, "the README's key table is out of date; replace it with:\n{expected}");
}

/// The README's Layout section lists every source file, and only those: the tree under `src/`, one entry
/// a line, a folder's entries indented under it.
#[test]
fn the_readme_layout_lists_every_source_file() {
    let readme = include_str!("../README.md");
    let layout = &readme[readme.find("## Layout").expect("a Layout section")..];
    let tree = layout.split("```").nth(1).expect("the tree, fenced");
    let mut listed = Vec::new();
    let mut folders: Vec<(usize, String)> = Vec::new();
    for line in tree.lines().filter(|l| !l.trim().is_empty()) {
        let indent = line.len() - line.trim_start().len();
        let entry = line.split_whitespace().next().unwrap_or_default();
        // A description's second line is indented further and is no entry: entries name a file or folder.
        let source = std::path::Path::new(entry).extension().is_some_and(|e| e == "rs");
        if !(source || entry.ends_with('/')) {
            continue;
        }
        folders.retain(|(depth, _)| *depth < indent);
        let parent: String = folders.iter().map(|(_, name)| name.as_str()).collect();
        if entry.ends_with('/') {
            folders.push((indent, entry.to_owned()));
        } else {
            listed.push(format!("{parent}{entry}"));
        }
    }
    listed.sort();
    let mut actual = Vec::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                actual.push(path.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    actual.sort();
    assert_eq!(listed, actual, "the README's Layout tree and src/ differ");
}
