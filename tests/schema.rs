//! `versus schema` describes the format the loader reads: the built-in data and `versus new`'s file
//! validate against it, and files the loader refuses for their structure do not.

use std::process::Command;

use versus::engine::data::{SCHEMA_JSON, builtin_source, parse};

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA_JSON).expect("the schema is JSON");
    jsonschema::draft7::new(&schema).expect("the schema is a valid draft-07 schema")
}

fn as_json(toml_text: &str) -> serde_json::Value {
    toml::from_str(toml_text).expect("TOML")
}

fn problems(toml_text: &str) -> Vec<String> {
    validator().iter_errors(&as_json(toml_text)).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

fn versus(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_versus")).args(args).env("VERSUS_CONFIG_DIR", "/nonexistent").output().unwrap()
}

#[test]
fn the_built_in_data_and_the_test_data_validate() {
    assert_eq!(problems(builtin_source()), Vec::<String>::new());
    let three = std::fs::read_to_string("tests/data/three-options.toml").unwrap();
    assert_eq!(problems(&three), Vec::<String>::new());
}

#[test]
fn versus_schema_prints_it_and_versus_new_writes_a_file_that_validates() {
    let printed = versus(&["schema"]);
    assert!(printed.status.success());
    assert_eq!(String::from_utf8(printed.stdout).unwrap(), SCHEMA_JSON);
    let made = versus(&["new", "Go vs Rust", "--option", "go=Go", "--option", "rust=Rust"]);
    assert!(made.status.success());
    let text = String::from_utf8(made.stdout).unwrap();
    assert!(text.starts_with("#:schema ./versus-dataset.schema.json\n"));
    assert_eq!(problems(&text), Vec::<String>::new());
    assert!(parse(&text, "new.toml").is_ok());
}

#[test]
fn structurally_wrong_files_do_not_validate() {
    let builtin = builtin_source();
    let broken = [
        ("a field the format lacks", builtin.replacen("weight = ", "wieght = ", 1)),
        ("a rating out of range", builtin.replacen("rating = 9", "rating = 11", 1)),
        ("an invalid id", builtin.replacen("id = \"cpu-bound\"", "id = \"CPU bound\"", 1)),
        ("a schema-1 source date", builtin.replacen("checked = ", "date = ", 1)),
        ("an older schema", builtin.replacen("schema = 2", "schema = 1", 1)),
        ("an unknown verdict", builtin.replacen("verdict = \"wrong\"", "verdict = \"false\"", 1)),
        ("a date of another form", builtin.replacen("as_of = \"20", "as_of = \"1/1/20", 1)),
    ];
    for (what, text) in broken {
        assert_ne!(text, builtin, "{what}: the replacement applies");
        assert!(!problems(&text).is_empty(), "{what}: the schema accepts it");
        assert!(parse(&text, "broken.toml").is_err() || what == "an older schema", "{what}: the loader accepts it");
    }
}
