//! The layers of `src/` (see `lib.rs`): each imports only the layers below it, the engine touches no
//! terminal, command line or file, the explorer touches no file or terminal, and no overlay reaches into
//! another overlay's module. Read from the source as Rust reads it (syn): `use` trees with their groups,
//! paths written inline, `super::` resolved to the module it names, and the paths inside macros; code
//! under `#[cfg(test)]` is left out (tests may use anything).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// The layers, lowest first.
const LAYERS: [&str; 4] = ["engine", "explorer", "shell", "cli"];

/// What reaches the world: files, the environment, processes, the terminal's streams. Neither the engine
/// nor the explorer may name it.
const WORLD: &[&str] =
    &["tempfile", "std::fs", "std::env", "std::process", "std::io::stdin", "std::io::stdout", "std::io::stderr"];

/// What else a layer's code must not name: the terminal's and the command line's crates.
const FORBIDDEN: &[(&str, &[&str])] =
    &[("engine", &["ratatui", "crossterm", "clap"]), ("explorer", &["crossterm::execute", "crossterm::queue"])];

/// The overlays' folder, whose modules may use what their `mod.rs` shares but not each other.
const OVERLAYS: &str = "crate::explorer::overlays";

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The module a file under `src/` holds: `src/explorer/app/mod.rs` is `crate::explorer::app`.
fn module_of(relative: &Path) -> Vec<String> {
    let mut module = vec!["crate".to_owned()];
    let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i == parts.len() - 1;
        match part.strip_suffix(".rs") {
            Some("mod" | "lib") if last => {}
            Some(stem) => module.push(stem.to_owned()),
            None => module.push(part.clone()),
        }
    }
    module
}

/// Every path a module's code names, resolved where it starts from `crate`, `super` or `self`.
struct Paths {
    module: Vec<String>,
    found: BTreeSet<String>,
}

impl Paths {
    fn add(&mut self, segments: &[String]) {
        let Some(first) = segments.first() else { return };
        let mut resolved: Vec<String> = match first.as_str() {
            "crate" => vec!["crate".to_owned()],
            "self" => self.module.clone(),
            "super" => {
                let supers = segments.iter().take_while(|s| *s == "super").count();
                let keep = self.module.len().saturating_sub(supers).max(1);
                let mut base = self.module[..keep].to_vec();
                base.extend(segments[supers..].iter().cloned());
                self.found.insert(base.join("::"));
                return;
            }
            _ => Vec::new(),
        };
        let rest = if resolved.is_empty() { segments } else { &segments[1..] };
        resolved.extend(rest.iter().cloned());
        self.found.insert(resolved.join("::"));
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(path) => {
                prefix.push(path.ident.to_string());
                self.use_tree(prefix, &path.tree);
                prefix.pop();
            }
            syn::UseTree::Name(name) => self.leaf(prefix, &name.ident.to_string()),
            syn::UseTree::Rename(rename) => self.leaf(prefix, &rename.ident.to_string()),
            syn::UseTree::Glob(_) => self.add(prefix),
            syn::UseTree::Group(group) => group.items.iter().for_each(|item| self.use_tree(prefix, item)),
        }
    }

    /// `use a::b::{self}` names `a::b`; `use a::b::c` names `a::b::c`.
    fn leaf(&mut self, prefix: &[String], name: &str) {
        let mut path = prefix.to_vec();
        if name != "self" {
            path.push(name.to_owned());
        }
        self.add(&path);
    }

    /// Paths inside a macro's tokens (`format!("{}", crate::x::y())`): every run of `a :: b :: c`.
    fn tokens(&mut self, tokens: proc_macro2::TokenStream) {
        let mut run: Vec<String> = Vec::new();
        let mut colons = 0;
        for token in tokens {
            match token {
                proc_macro2::TokenTree::Ident(ident) if run.is_empty() || colons == 2 => {
                    run.push(ident.to_string());
                    colons = 0;
                }
                proc_macro2::TokenTree::Punct(p) if p.as_char() == ':' && !run.is_empty() && colons < 2 => colons += 1,
                proc_macro2::TokenTree::Group(group) => {
                    self.flush(&mut run);
                    self.tokens(group.stream());
                    colons = 0;
                }
                other => {
                    self.flush(&mut run);
                    colons = 0;
                    if let proc_macro2::TokenTree::Ident(ident) = other {
                        run.push(ident.to_string());
                    }
                }
            }
        }
        self.flush(&mut run);
    }

    fn flush(&mut self, run: &mut Vec<String>) {
        if run.len() > 1 {
            let segments = std::mem::take(run);
            self.add(&segments);
        }
        run.clear();
    }
}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && matches!(&attr.meta, syn::Meta::List(list) if list.tokens.to_string().split(|c: char| !c.is_alphanumeric()).any(|w| w == "test"))
    })
}

fn attrs_of(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Macro(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

impl<'ast> Visit<'ast> for Paths {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        if !is_test_only(attrs_of(item)) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &item.tree);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.add(&segments);
        syn::visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.visit_path(&mac.path);
        self.tokens(mac.tokens.clone());
    }
}

/// What the code of `module` (its source `text`) does that its place in the layers forbids.
fn violations(module: &[String], text: &str) -> Vec<String> {
    let file = syn::parse_file(text).unwrap_or_else(|e| panic!("{}: {e}", module.join("::")));
    let mut paths = Paths { module: module.to_vec(), found: BTreeSet::new() };
    paths.visit_file(&file);
    let layer = module.get(1).map_or("", String::as_str);
    let mut problems = Vec::new();
    let names = |path: &str, prefix: &str| path == prefix || path.starts_with(&format!("{prefix}::"));
    for path in &paths.found {
        if let Some(level) = LAYERS.iter().position(|l| *l == layer) {
            for above in &LAYERS[level + 1..] {
                if names(path, &format!("crate::{above}")) {
                    problems.push(format!("imports {above}: {path}"));
                }
            }
            if names(path, "crate::synthetic") {
                problems.push(format!("uses test support: {path}"));
            }
        }
        let pure = matches!(layer, "engine" | "explorer");
        let own_words = FORBIDDEN.iter().filter(|(restricted, _)| *restricted == layer).flat_map(|(_, words)| *words);
        for word in own_words.chain(WORLD.iter().filter(|_| pure)) {
            // `ratatui::crossterm::execute` names crossterm's as much as `crossterm::execute` does.
            if names(path, word) || names(path, &format!("ratatui::{word}")) {
                problems.push(format!("names {word}: {path}"));
            }
        }
        // An overlay may use what the overlays' mod.rs shares, not another overlay's module.
        let own = module.join("::");
        if let Some(rest) = own.strip_prefix(&format!("{OVERLAYS}::"))
            && let Some(other) = path.strip_prefix(&format!("{OVERLAYS}::")).and_then(|p| p.split("::").next())
            && other != rest
            && overlay_modules().contains(other)
        {
            problems.push(format!("reaches into the {other} overlay: {path}"));
        }
    }
    problems
}

/// The overlays' modules, one file (or folder) each.
fn overlay_modules() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/explorer/overlays");
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|name| name != "mod")
        .collect()
}

#[test]
fn each_layer_imports_only_the_layers_below_it_and_no_overlay_another() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for layer in LAYERS {
        assert!(!sources(&src.join(layer)).is_empty(), "src/{layer} has no code");
    }
    let mut problems = Vec::new();
    for file in sources(&src).into_iter().filter(|f| !f.ends_with("main.rs")) {
        let relative = file.strip_prefix(&src).unwrap();
        let module = module_of(relative);
        let text = std::fs::read_to_string(&file).unwrap();
        problems.extend(violations(&module, &text).into_iter().map(|p| format!("src/{}: {p}", relative.display())));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The check itself can fail: each way of naming another layer that text matching missed is caught.
#[test]
fn the_check_sees_grouped_imports_inline_paths_super_and_macros() {
    let module = |path: &str| path.split("::").map(str::to_owned).collect::<Vec<_>>();
    let engine = module("crate::engine::score");
    assert_eq!(violations(&engine, "use crate::{engine::data, shell::files};").len(), 1);
    assert_eq!(violations(&engine, "fn f() { crate::cli::run(); }").len(), 1);
    assert_eq!(violations(&engine, "fn f() -> String { format!(\"{}\", crate::explorer::x()) }").len(), 1);
    assert_eq!(violations(&engine, "use std::{fs, io::Write};").len(), 1, "std::fs, grouped");
    assert_eq!(violations(&module("crate::explorer::app"), "use super::super::shell::files;").len(), 1);
    assert_eq!(violations(&module("crate::explorer::app"), "fn f() { ratatui::crossterm::execute!(x); }").len(), 1);
    assert!(violations(&engine, "#[cfg(test)]\nmod tests { use crate::shell::files; }").is_empty(), "tests may");
    assert!(violations(&engine, "use crate::engine::data::Dataset; use std::io::Write;").is_empty());
    let presets = module("crate::explorer::overlays::presets");
    assert_eq!(violations(&presets, "use super::{claims::Claims, Ctx};").len(), 1);
    assert!(violations(&presets, "use super::{Ctx, Next, popup};").is_empty());
    assert!(violations(&module("crate::explorer::overlays"), "use claims::Claims;").is_empty(), "mod.rs lists them");
}

#[test]
fn the_binary_only_parses_runs_and_exits() {
    let main = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/main.rs")).unwrap();
    assert!(main.lines().count() < 40, "main.rs has {} lines", main.lines().count());
    assert!(!main.contains("versus::shell") && !main.contains("versus::explorer"), "main.rs reaches past cli");
}
