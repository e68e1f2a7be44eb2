//! A cheap count of a file's structure, before the TOML parser builds a tree of all of it: that tree
//! costs about 150 bytes a node, so a crafted 16 MiB file of `1,1,1,...` asked for 1.3 GB only to be
//! refused. Real data is far sparser: 10,000 rich dimensions in 15 MB hold 420,000 items.

/// The most keys, array items, arrays and tables a file may hold.
pub const MAX_ITEMS: usize = 1_500_000;
/// Files smaller than this are not counted: they cannot hold enough items to matter.
pub(super) const COUNTED_FROM_BYTES: usize = 1024 * 1024;

/// Whether `source` holds more than [`MAX_ITEMS`]; small files are not counted.
pub(super) fn too_many_items(source: &str) -> bool {
    source.len() >= COUNTED_FROM_BYTES && items(source, MAX_ITEMS + 1) > MAX_ITEMS
}

/// How many keys, array items, arrays and tables `source` holds (its `=`, `,`, `[` and `{` outside
/// strings and comments), counting no further than `stop`. A lexer of TOML's strings and comments only.
fn items(source: &str, stop: usize) -> usize {
    let bytes = source.as_bytes();
    let find = |from: usize, what: &[u8]| memchr::memmem::find(&bytes[from..], what).map(|i| from + i);
    let (mut count, mut at) = (0, 0);
    while at < bytes.len() && count < stop {
        let rest = &bytes[at..];
        at = match rest[0] {
            b'#' => memchr::memchr(b'\n', rest).map_or(bytes.len(), |i| at + i),
            b'"' if rest.starts_with(br#"""""#) => {
                // A multi-line basic string ends at the first unescaped `"""`.
                let mut from = at + 3;
                loop {
                    match find(from, br#"""""#) {
                        Some(end) if escaped(bytes, end) => from = end + 1,
                        Some(end) => break end + 3,
                        None => break bytes.len(),
                    }
                }
            }
            b'\'' if rest.starts_with(b"'''") => find(at + 3, b"'''").map_or(bytes.len(), |end| end + 3),
            b'"' => {
                let mut from = at + 1;
                loop {
                    match memchr::memchr2(b'"', b'\n', &bytes[from..]).map(|i| from + i) {
                        Some(end) if bytes[end] == b'"' && escaped(bytes, end) => from = end + 1,
                        Some(end) => break end + 1,
                        None => break bytes.len(),
                    }
                }
            }
            b'\'' => memchr::memchr2(b'\'', b'\n', &rest[1..]).map_or(bytes.len(), |i| at + 2 + i),
            b'=' | b',' | b'[' | b'{' => {
                count += 1;
                at + 1
            }
            _ => at + 1,
        };
    }
    count
}

/// Whether the byte at `at` follows an odd number of backslashes.
fn escaped(bytes: &[u8], at: usize) -> bool {
    bytes[..at].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_is_counted_outside_strings_and_comments() {
        let source = concat!(
            "a = [1, 2]\n",                          // = [ ,
            "# [x] = , {\n",                         // a comment
            "b = \"x = [1, {\\\" ,\"\n",             // =, and an escaped quote inside the string
            "c = 'y = [,'\n",                        // =
            "d = \"\"\"\n= , [ \\\"\"\" { \"\"\"\n", // =, and an escaped quote in a multi-line string
            "e = '''[,='''\n",                       // =
            "[t]\n",                                 // [
            "f = { g = 1 }\n",                       // = { =
        );
        assert_eq!(items(source, usize::MAX), 3 + 1 + 1 + 1 + 1 + 1 + 3);
        assert_eq!(items(source, 2), 2, "stops counting at the limit");
    }

    #[test]
    fn a_dense_file_is_too_many_and_real_data_is_not() {
        assert!(too_many_items(&format!("x = [{}]\n", "1,".repeat(MAX_ITEMS))));
        assert!(!too_many_items(&format!("x = [{}]\n", "1,".repeat(100))), "small files are not counted");
        let generated = crate::synthetic::to_toml(&crate::synthetic::dataset(2_000, 8, 1));
        assert!(generated.len() >= COUNTED_FROM_BYTES, "{} bytes", generated.len());
        assert!(!too_many_items(&generated));
        assert!(!too_many_items(&"# a comment, [with] = {things}\n".repeat(100_000)), "comments do not count");
    }
}
