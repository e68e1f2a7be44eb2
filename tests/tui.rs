//! The explorer as a user sees it: screens rendered into a `TestBackend` (insta snapshots), key and mouse
//! flows through the real keymap, and colour handling checked cell by cell.

mod support;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEventKind};
use ratatui::style::{Color, Modifier};
use support::{app, buffer, explorer, key, keys, mouse, press_with, text};
use versus::engine::data::Dataset;
use versus::engine::diagnostic::{Diagnostic, Position};
use versus::engine::profiles::StoredProfile;
use versus::engine::score::evaluate;
use versus::engine::weights::Weighting;
use versus::explorer::app::{App, Document, Effect, Event, Export, Focus, Outcome, Overlay, Startup};
use versus::explorer::keymap::Action;
use versus::explorer::layout::Screen;
use versus::explorer::overlays::Prompt;
use versus::explorer::overlays::claims::Claims;
use versus::explorer::overlays::help::Help;
use versus::explorer::overlays::interview::Interview;
use versus::explorer::overlays::pairwise::Pairwise;
use versus::explorer::overlays::presets::Presets;
use versus::explorer::overlays::sensitivity::Sensitivity;
use versus::explorer::overlays::team::TeamList;
use versus::shell::files::load_dataset;

#[test]
fn main_screen_80x24() {
    insta::assert_snapshot!(text(&app(80, 24)));
}

#[test]
fn main_screen_120x40() {
    insta::assert_snapshot!(text(&app(120, 40)));
}

#[test]
fn search_filters_and_highlights() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('/'));
    keys(&mut a, "rtime");
    insta::assert_snapshot!(text(&a));
    // The matched letters of "Real-time and WebSockets" are drawn bold and underlined.
    let b = buffer(&a, true);
    let Screen::Main(regions) = a.screen() else { panic!() };
    let list = regions.list_inner();
    let row = list.y; // the only match, first in the list
    let underlined: String = (list.x..list.right())
        .filter(|&x| b[(x, row)].modifier.contains(Modifier::UNDERLINED))
        .map(|x| b[(x, row)].symbol())
        .collect();
    assert_eq!(underlined.to_lowercase(), "rtime");
    // Enter keeps the filter; Esc in the main view clears it.
    key(&mut a, KeyCode::Enter);
    assert_eq!(*a.overlay(), Overlay::None);
    assert!(text(&a).contains("filter: rtime"));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.query(), "");
}

#[test]
fn each_query_selects_its_best_match_and_the_list_opens_at_the_top() {
    // At 1,000 dimensions a weak match of the old selection would sit pages below the best ones.
    let mut a = explorer(versus::synthetic::dataset(1_000, 2, 1), 80, 24);
    key(&mut a, KeyCode::Char('/'));
    for typed in ["t", "h", "r"] {
        keys(&mut a, typed);
        assert!(a.hits().len() > 100, "{} hits for {:?}", a.hits().len(), a.query());
        assert_eq!(a.selected(), a.hits()[0].dimension, "after {:?}", a.query());
        let best = &a.dataset().dimensions[a.hits()[0].dimension].name;
        let Screen::Main(regions) = a.screen() else { panic!() };
        let first_row = text(&a).lines().nth(usize::from(regions.list_inner().y)).unwrap_or_default().to_owned();
        let start: String = best.chars().take(10).collect();
        assert!(first_row.contains(&format!("▸ {start}")), "{first_row:?} for {best:?}");
    }
    // A space changes no word: the selection the user moved to stays.
    key(&mut a, KeyCode::Down);
    let chosen = a.selected();
    assert_ne!(chosen, a.hits()[0].dimension);
    keys(&mut a, " ");
    assert_eq!(a.selected(), chosen);
}

#[test]
fn preset_picker() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('p'));
    key(&mut a, KeyCode::Char('j'));
    insta::assert_snapshot!(text(&a));
    key(&mut a, KeyCode::Enter);
    assert!(text(&a).contains("preset: Real-time chat / collaboration"));
    assert_eq!(a.weights(), a.dataset().presets[0].weights);
}

#[test]
fn claims_audit() {
    let mut a = app(100, 30);
    key(&mut a, KeyCode::Char('c'));
    insta::assert_snapshot!("claims_list", text(&a));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Enter);
    insta::assert_snapshot!("claims_expanded", text(&a));
    key(&mut a, KeyCode::Char('d'));
    assert_eq!(*a.overlay(), Overlay::None);
    assert_eq!(a.selected(), a.dataset().claims[2].dimensions[0]);
}

#[test]
fn the_claims_audit_opens_and_copies_the_claims_first_source() {
    let mut a = app(100, 30);
    let claim = a.dataset().claims.iter().position(|c| !c.sources.is_empty()).expect("a claim with sources");
    let url = a.dataset().claims[claim].sources[0].url.clone();
    key(&mut a, KeyCode::Char('c'));
    for _ in 0..claim {
        key(&mut a, KeyCode::Char('j'));
    }
    assert_eq!(key(&mut a, KeyCode::Char('o')), vec![Effect::OpenUrl { url: url.clone() }]);
    assert_eq!(key(&mut a, KeyCode::Char('y')), vec![Effect::Copy { text: url }]);
    assert!(matches!(a.overlay(), Overlay::Claims(_)), "the audit stays open");
    // The keymap names the keys in the audit's help section.
    key(&mut a, KeyCode::Char('?'));
    let help: String = (0..60)
        .map(|_| {
            let t = text(&a);
            key(&mut a, KeyCode::PageDown);
            t
        })
        .collect();
    assert!(help.contains("o       open its source"), "{help}");
}

#[test]
fn help_lists_the_keymap() {
    // Tall enough for all of help.
    let mut a = app(80, 280);
    key(&mut a, KeyCode::Char('?'));
    let screen = text(&a);
    insta::assert_snapshot!(screen);
    // The pop-up's inside, its lines joined: a wrapped label reads as one.
    let top = screen.lines().find(|l| l.contains("┌ Help")).unwrap();
    let left = top.chars().position(|c| c == '┌').unwrap() + 1;
    let width = top.chars().skip(left).position(|c| c == '┐').unwrap();
    let rows = screen.lines().skip_while(|l| !l.contains("┌ Help")).skip(1).take_while(|l| !l.contains('└'));
    let inside: Vec<String> = rows.map(|l| l.chars().skip(left).take(width).collect()).collect();
    let flat = inside.join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    // Every binding's label is in help, whole: it is generated from the keymap.
    for binding in versus::explorer::keymap::DEFAULT_BINDINGS {
        if !matches!(binding.action, versus::explorer::keymap::Action::SetWeight(0..=9))
            && binding.context != versus::explorer::keymap::Context::Global
        {
            assert!(flat.contains(binding.label) || binding.label.starts_with("weight"), "{} missing", binding.label);
        }
    }
    assert!(inside.iter().all(|l| !l.contains('…')), "help cuts nothing");
    // The mouse's paragraph too (it was fixed lines, cut at the pop-up's edge).
    for phrase in
        ["click or drag on a slider to set its weight", "sets the judgement", "(--no-mouse turns the mouse off)"]
    {
        assert!(flat.contains(phrase), "{phrase} in help");
    }
}

#[test]
fn too_small_and_degenerate_sizes() {
    insta::assert_snapshot!(text(&app(40, 10)));
    for (w, h) in [(0, 0), (1, 1), (0, 30), (200, 0), (59, 16), (60, 15)] {
        let a = app(w, h);
        assert_eq!(a.screen(), Screen::TooSmall);
        let _ = buffer(&a, true); // no panic
    }
}

#[test]
fn three_option_dataset() {
    let a = explorer(load_dataset(std::path::Path::new("tests/data/three-options.toml")).unwrap(), 80, 24);
    insta::assert_snapshot!(text(&a));
}

/// The pairwise weighting open.
fn pairwise(a: &App) -> &Pairwise {
    let Overlay::Pairwise(pairwise) = a.overlay() else { panic!("{:?}", a.overlay()) };
    pairwise
}

/// The claims audit open.
fn open_claims(a: &App) -> &Claims {
    let Overlay::Claims(claims) = a.overlay() else { panic!("{:?}", a.overlay()) };
    claims
}

/// The shell's word on an effect.
fn report(a: &mut App, outcome: Outcome) {
    let _ = a.update(Event::Outcome(outcome));
}

/// Back to the main view, keeping a search filter.
fn close_overlay(a: &mut App) {
    let action = match a.overlay() {
        Overlay::None => return,
        Overlay::Search(_) => Action::Confirm,
        _ => Action::Back,
    };
    let _ = a.update(Event::Action(action));
    assert_eq!(*a.overlay(), Overlay::None);
}

#[test]
fn no_color_means_no_colour_anywhere() {
    let mut a = app(100, 30);
    let states: Vec<&str> = vec!["", "/ti", "p", "c", "?"];
    for typed in states {
        close_overlay(&mut a);
        if let Some(first) = typed.chars().next() {
            key(&mut a, KeyCode::Char(first));
            keys(&mut a, &typed[1..]);
        }
        let mono = buffer(&a, false);
        for cell in &mono.content {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "state {typed:?}: {cell:?}");
        }
        // The selection stays visible without colour: it is drawn reversed.
        if typed.is_empty() {
            assert!(mono.content.iter().any(|c| c.modifier.contains(Modifier::REVERSED)));
        }
        let coloured = buffer(&a, true);
        assert!(coloured.content.iter().any(|c| c.fg != Color::Reset), "state {typed:?} has colour when allowed");
        // Same text either way: colour adds, it never carries meaning alone.
        let symbols = |b: &Buffer| b.content.iter().map(|c| c.symbol().to_owned()).collect::<Vec<_>>();
        assert_eq!(symbols(&mono), symbols(&coloured));
    }
}

#[test]
fn weight_keys_move_the_slider_and_the_gauge() {
    let mut a = app(80, 24);
    let before = a.evaluation().scores.clone();
    let selected = a.selected();
    key(&mut a, KeyCode::Right);
    assert_eq!(a.weights()[selected], a.dataset().dimensions[selected].weight + 1);
    key(&mut a, KeyCode::Char('9'));
    assert_eq!(a.weights()[selected], 9);
    key(&mut a, KeyCode::Char('*'));
    assert_eq!(a.weights()[selected], 10);
    assert_ne!(a.evaluation().scores, before);
    assert_eq!(*a.evaluation(), evaluate(a.dataset(), a.weights()));
    assert!(text(&a).contains("default weights · modified"));
    key(&mut a, KeyCode::Char(' '));
    assert_eq!(a.weights()[selected], 0);
    key(&mut a, KeyCode::Char(' '));
    assert_eq!(a.weights()[selected], 10, "unmute restores the weight");
    key(&mut a, KeyCode::Char('r'));
    assert_eq!(a.weights(), a.dataset().default_weights());
}

#[test]
fn navigation_keys_and_focus() {
    let mut a = app(80, 24);
    let first = a.selected();
    key(&mut a, KeyCode::Char('G'));
    let last = a.selected();
    assert_ne!(first, last);
    key(&mut a, KeyCode::Char('g'));
    assert_eq!(a.selected(), first);
    key(&mut a, KeyCode::Tab);
    assert_eq!(a.focus(), Focus::Pane(0));
    key(&mut a, KeyCode::Char('j'));
    assert_eq!(a.selected(), first, "j scrolls the focused pane, not the list");
    assert_eq!(a.pane_scroll(0), 1);
    key(&mut a, KeyCode::BackTab);
    assert_eq!(a.focus(), Focus::List);
}

#[test]
fn mouse_selects_rows_and_sets_weights() {
    let mut a = app(80, 24);
    let Screen::Main(regions) = a.screen() else { panic!() };
    let inner = regions.list_inner();
    // Row 2 of the list is the second dimension (row 0 is a category heading).
    assert!(mouse(&mut a, MouseEventKind::Down(MouseButton::Left), inner.x + 3, inner.y + 2));
    let clicked = a.selected();
    assert_eq!(a.dataset().dimensions[clicked].id, "http-throughput", "the second in its category");
    // The 5-cell slider's last cell is weight 10, its first weight 2.
    let x = regions.slider_x();
    mouse(&mut a, MouseEventKind::Down(MouseButton::Left), x + 4, inner.y + 2);
    assert_eq!(a.weights()[clicked], 10);
    mouse(&mut a, MouseEventKind::Drag(MouseButton::Left), x, inner.y + 2);
    assert_eq!(a.weights()[clicked], 2);
    mouse(&mut a, MouseEventKind::Drag(MouseButton::Left), 0, inner.y + 9);
    assert_eq!(a.weights()[clicked], 0, "dragging past the start pins the weight to 0");
    mouse(&mut a, MouseEventKind::Up(MouseButton::Left), 0, inner.y + 9);
    // A click on the cell where the weight ends takes it one step back: odd weights by click too.
    for (cell, expected) in [(0, 2), (0, 1), (2, 6), (2, 5), (4, 10), (4, 9)] {
        mouse(&mut a, MouseEventKind::Down(MouseButton::Left), x + cell, inner.y + 2);
        mouse(&mut a, MouseEventKind::Up(MouseButton::Left), x + cell, inner.y + 2);
        assert_eq!(a.weights()[clicked], expected, "cell {cell}");
    }
    // On 5 cells a half-reached cell is half filled: 3 and 4 look different.
    key(&mut a, KeyCode::Char('3'));
    let three = text(&a).lines().find(|l| l.contains("▸ ")).unwrap().to_owned();
    key(&mut a, KeyCode::Char('4'));
    let four = text(&a).lines().find(|l| l.contains("▸ ")).unwrap().to_owned();
    assert!(three.contains("■◧□□□") && four.contains("■■□□□"), "{three}\n{four}");
    // The wheel over a pane scrolls it.
    let pane = regions.panes[1];
    assert!(mouse(&mut a, MouseEventKind::ScrollDown, pane.x + 2, pane.y + 2));
    assert_eq!(a.pane_scroll(1), 3);
}

#[test]
fn remapped_keys_drive_the_app_and_appear_in_help() {
    let config = versus::shell::config::parse(
        "[keys.main]\nquit = [\"ctrl-q\"]\nsearch = [\"ctrl-f\", \"s\"]\nsave-profile = \"S\"\n",
        "config.toml",
    )
    .unwrap();
    let dataset = Dataset::builtin();
    let weighting = versus::engine::weights::Weighting::defaults(&dataset);
    let mut a = support::sized(App::new(Startup { keymap: config.keymap, ..Startup::new(dataset, weighting) }), 80, 90);
    let ctrl = |a: &mut App, c| press_with(a, KeyCode::Char(c), KeyModifiers::CONTROL).map(|update| update.effects);
    assert!(press_with(&mut a, KeyCode::Char('q'), KeyModifiers::NONE).is_none(), "q no longer quits");
    ctrl(&mut a, 'f');
    assert!(matches!(a.overlay(), Overlay::Search(_)));
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('s'));
    assert!(matches!(a.overlay(), Overlay::Search(_)), "s now searches: the user's binding took it from save-profile");
    key(&mut a, KeyCode::Esc);
    assert!(text(&a).contains("Ctrl-F search"), "the footer shows the binding in force");
    key(&mut a, KeyCode::Char('?'));
    insta::assert_snapshot!(text(&a));
    key(&mut a, KeyCode::Esc);
    assert_eq!(ctrl(&mut a, 'q'), Some(vec![Effect::Quit]));
}

#[test]
fn saving_a_profile_asks_before_replacing_one() {
    use versus::explorer::app::Confirmation;
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Right);
    key(&mut a, KeyCode::Char('s'));
    keys(&mut a, "team");
    insta::assert_snapshot!("save_prompt", text(&a));
    let effects = key(&mut a, KeyCode::Enter);
    let weights = a.weights().to_vec();
    let notes = versus::engine::profiles::Notes::default();
    let profile = StoredProfile::new(a.dataset(), "team", &weights, &notes);
    let saved = Effect::SaveProfile { profile: profile.clone(), replace: false };
    assert_eq!(effects, vec![saved]);
    // Until the shell says the file was written, nothing claims the profile exists.
    report(&mut a, Outcome::Failed("cannot create /x: not a directory".into()));
    assert!(a.profiles().is_empty() && !text(&a).contains("profile: team"));
    report(&mut a, Outcome::ProfileSaved { profile, message: "saved".into() });
    assert!(text(&a).contains("profile: team"));
    // The picker lists it after the presets, marked as a saved profile.
    key(&mut a, KeyCode::Char('p'));
    assert!(text(&a).contains("★ team (saved profile)"));
    key(&mut a, KeyCode::Esc);
    // Saving under the same name asks first; "n" changes nothing.
    key(&mut a, KeyCode::Char('s'));
    key(&mut a, KeyCode::Enter);
    assert!(matches!(a.overlay(), Overlay::Confirm(c) if c.question == Confirmation::OverwriteProfile("team".into())));
    let effects = key(&mut a, KeyCode::Char('n'));
    assert!(effects.is_empty());
    assert!(text(&a).contains("nothing changed"));
}

#[test]
fn the_status_line_shows_what_the_shell_reports() {
    let mut a = app(80, 24);
    report(&mut a, Outcome::Failed("cannot write /x: read-only file system".into()));
    assert!(text(&a).lines().last().unwrap().starts_with("error: cannot write /x: read-only file system"));
    key(&mut a, KeyCode::Char('j'));
    assert!(!text(&a).contains("read-only"), "the next key clears it");
    let export = Export { path: "r.md".into(), document: Document::Report, text: "# report".into() };
    report(&mut a, Outcome::FileExists(export.clone()));
    assert!(text(&a).contains("r.md exists. Replace it?"));
    let effects = key(&mut a, KeyCode::Char('y'));
    assert_eq!(effects, vec![Effect::Export { export, overwrite: true }]);
}

/// A message longer than the status line is cut with word of where to read it, and help shows it whole.
#[test]
fn no_status_message_is_lost_to_the_edge() {
    let mut a = app(80, 24);
    let long = "cannot write reports/2026/december/decision.md: the directory reports/2026/december does not exist";
    report(&mut a, Outcome::Failed(long.into()));
    let footer = text(&a).lines().last().unwrap().trim_end().to_owned();
    assert!(footer.starts_with("error: cannot write") && footer.ends_with("? shows it all"), "{footer}");
    key(&mut a, KeyCode::Char('?'));
    let help = text(&a);
    assert!(help.contains("The latest message"), "{help}");
    let flat: String = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("december does not exist"), "help shows it whole: {flat}");
}

#[test]
fn only_a_drag_that_starts_on_a_slider_moves_it() {
    let mut a = app(80, 24);
    let Screen::Main(regions) = a.screen() else { panic!() };
    let inner = regions.list_inner();
    let weights = a.weights().to_vec();
    // Press on a row's name, then drag: selects, changes no weight.
    mouse(&mut a, MouseEventKind::Down(MouseButton::Left), inner.x + 3, inner.y + 2);
    mouse(&mut a, MouseEventKind::Drag(MouseButton::Left), inner.x + 2, inner.y + 2);
    assert_eq!(a.weights(), weights);
    // Press in a pane and drag: nothing moves either; the click still took the focus (and asked for a
    // redraw, since the border changes). The layout is the selected dimension's (its header's height).
    let Screen::Main(regions) = a.screen() else { panic!() };
    let pane = regions.panes[0];
    assert!(mouse(&mut a, MouseEventKind::Down(MouseButton::Left), pane.x + 2, pane.y + 2));
    assert_eq!(a.focus(), Focus::Pane(0));
    mouse(&mut a, MouseEventKind::Drag(MouseButton::Left), pane.x + 30, pane.y + 2);
    assert_eq!(a.weights(), weights);
    // After the button is released, a stray drag does nothing.
    mouse(&mut a, MouseEventKind::Down(MouseButton::Left), regions.slider_x(), inner.y + 2);
    mouse(&mut a, MouseEventKind::Up(MouseButton::Left), regions.slider_x(), inner.y + 2);
    let after_click = a.weights().to_vec();
    mouse(&mut a, MouseEventKind::Drag(MouseButton::Left), 0, inner.y + 2);
    assert_eq!(a.weights(), after_click);
}

#[test]
fn weight_keys_do_nothing_when_the_filter_lists_nothing() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('/'));
    keys(&mut a, "cold");
    key(&mut a, KeyCode::Enter);
    keys(&mut a, "/zzzq");
    key(&mut a, KeyCode::Enter);
    assert!(a.rows().is_empty());
    let weights = a.weights().to_vec();
    key(&mut a, KeyCode::Char('9'));
    assert_eq!(a.weights(), weights, "the hidden selection is not changed");
    assert!(a.status().unwrap().text.contains("no dimension is listed"));
}

/// The first line inside help's pop-up, trimmed.
fn help_first_line(a: &App) -> String {
    let screen = text(a);
    let top = screen.lines().find(|l| l.contains("┌ Help")).unwrap_or_else(|| panic!("no help:\n{screen}"));
    let left = top.chars().position(|c| c == '┌').unwrap() + 1;
    let row = screen.lines().skip_while(|l| !l.contains("┌ Help")).nth(1).unwrap();
    row.chars().skip(left).take_while(|&c| c != '│').collect::<String>().trim().to_owned()
}

#[test]
fn help_opens_at_the_section_of_the_view_it_was_opened_from_with_its_legend() {
    for (size, open, heading) in [
        ((80, 24), None, "Main view"),
        ((80, 24), Some('i'), "Project interview"),
        ((80, 24), Some('f'), "Sensitivity"),
        ((80, 24), Some('c'), "Claims audit"),
        ((160, 48), Some('p'), "Presets and profiles"),
        ((160, 48), None, "Main view"),
    ] {
        let mut a = app(size.0, size.1);
        if let Some(open) = open {
            key(&mut a, KeyCode::Char(open));
        }
        key(&mut a, KeyCode::Char('?'));
        let Overlay::Help(help) = a.overlay() else { panic!("{:?}", a.overlay()) };
        assert!(help.scroll > 0, "{heading} is not help's first section");
        assert_eq!(help_first_line(&a), heading, "{size:?} {open:?}\n{}", text(&a));
    }
    // The legend is under the heading: the main view's symbols, the sensitivity table's words.
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('?'));
    insta::assert_snapshot!("help_at_the_main_view_80x24", text(&a));
    let mut a = app(160, 48);
    key(&mut a, KeyCode::Char('f'));
    key(&mut a, KeyCode::Char('?'));
    // Help is drawn over the view it explains, which stays in sight around it.
    assert!(text(&a).contains("┌ Sensitivity: "), "{}", text(&a));
    insta::assert_snapshot!("help_over_sensitivity_160x48", text(&a));
    // With a message showing, help opens at the top, where the message is whole.
    let mut a = app(80, 24);
    report(&mut a, Outcome::Failed("cannot write r.md: read-only file system".into()));
    key(&mut a, KeyCode::Char('?'));
    assert!(matches!(a.overlay(), Overlay::Help(Help { scroll: 0, .. })), "{}", text(&a));
}

#[test]
fn help_finds_text_highlights_it_and_esc_stops() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('?'));
    let Overlay::Help(opened) = a.overlay().clone() else { panic!() };
    key(&mut a, KeyCode::Char('/'));
    keys(&mut a, "OSC 52");
    let Overlay::Help(help) = a.overlay().clone() else { panic!() };
    assert_eq!(help.find.as_deref(), Some("OSC 52"));
    assert_ne!(help.scroll, opened.scroll, "the view jumps to the text");
    assert!(text(&a).contains("find: OSC 52_"), "{}", text(&a));
    // The match is in view, drawn highlighted (underlined), and nothing else is.
    let buffer = buffer(&a, true);
    let lit: String = buffer
        .content
        .iter()
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(lit.starts_with("OSC 52") && lit.replace("OSC 52", "").is_empty(), "highlighted: {lit:?}");
    // Down goes on to the next line that has it, round the end; Up back.
    key(&mut a, KeyCode::Down);
    let Overlay::Help(next) = a.overlay().clone() else { panic!() };
    assert_ne!(next.scroll, help.scroll, "another line has it");
    key(&mut a, KeyCode::Up);
    assert!(matches!(a.overlay(), Overlay::Help(h) if h.scroll == help.scroll));
    // Text help does not have: no match, and the view stays.
    keys(&mut a, "zzqx");
    assert!(text(&a).contains("0 matches"), "{}", text(&a));
    assert!(matches!(a.overlay(), Overlay::Help(h) if h.scroll == help.scroll));
    // Esc stops finding (k scrolls again), a second Esc closes help.
    key(&mut a, KeyCode::Esc);
    assert!(matches!(a.overlay(), Overlay::Help(Help { find: None, .. })));
    key(&mut a, KeyCode::Char('k'));
    assert!(matches!(a.overlay(), Overlay::Help(h) if h.scroll + 1 == help.scroll));
    key(&mut a, KeyCode::Esc);
    assert_eq!(*a.overlay(), Overlay::None);
}

#[test]
fn the_wheel_scrolls_help_and_moves_the_sensitivity_tables_selection() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('?'));
    let Overlay::Help(h) = a.overlay().clone() else { panic!() };
    assert!(mouse(&mut a, MouseEventKind::ScrollDown, 40, 12));
    assert!(matches!(a.overlay(), Overlay::Help(k) if k.scroll == h.scroll + 1));
    assert!(mouse(&mut a, MouseEventKind::ScrollUp, 40, 12));
    assert!(matches!(a.overlay(), Overlay::Help(k) if k.scroll == h.scroll));
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('f'));
    key(&mut a, KeyCode::Home);
    assert!(matches!(a.overlay(), Overlay::Sensitivity(Sensitivity { selected: 0, .. })));
    assert!(mouse(&mut a, MouseEventKind::ScrollDown, 40, 12));
    assert!(mouse(&mut a, MouseEventKind::ScrollDown, 40, 12));
    assert!(matches!(a.overlay(), Overlay::Sensitivity(Sensitivity { selected: 2, .. })), "{:?}", a.overlay());
    assert!(mouse(&mut a, MouseEventKind::ScrollUp, 40, 12));
    assert!(matches!(a.overlay(), Overlay::Sensitivity(Sensitivity { selected: 1, .. })));
}

#[test]
fn help_scrolling_stops_at_the_end() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('?'));
    // More presses than help has lines (the dataset's description alone takes dozens at 80 columns).
    let Overlay::Help(help) = a.overlay() else { panic!() };
    let opened = help.scroll;
    for _ in 0..400 {
        key(&mut a, KeyCode::Char('j'));
    }
    let Overlay::Help(help) = a.overlay() else { panic!() };
    let bottom = help.scroll;
    assert!(bottom > opened && bottom < opened + 400);
    key(&mut a, KeyCode::Char('k'));
    assert!(matches!(a.overlay(), Overlay::Help(h) if h.scroll == bottom - 1), "one k is one line up");
}

#[test]
fn a_paste_types_into_the_search_or_a_prompt_as_one_event_and_nowhere_else() {
    use versus::explorer::app::{MAX_INPUT_CHARS, MAX_QUERY_CHARS};
    let mut a = app(80, 24);
    let weights = a.weights().to_vec();
    let update = a.update(Event::Paste("e?q".into()));
    assert!(!update.redraw && update.effects.is_empty(), "a paste is not keys");
    assert_eq!((a.weights(), a.overlay()), (&weights[..], &Overlay::None));
    key(&mut a, KeyCode::Char('/'));
    let _ = a.update(Event::Paste(format!("real\ntime\u{1b}[2J{}", "x".repeat(10_000))));
    assert_eq!(a.query().chars().count(), MAX_QUERY_CHARS);
    assert!(a.query().starts_with("real time[2J"), "one line, cleaned: {:?}", &a.query()[..20]);
    key(&mut a, KeyCode::Char('y'));
    assert!(
        a.query().chars().count() == MAX_QUERY_CHARS
            && a.status().is_some_and(versus::explorer::app::Status::is_problem)
    );
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('e'));
    let _ = a.update(Event::Paste("/tmp/report.md".into()));
    assert!(
        matches!(a.overlay(), Overlay::Prompt(Prompt { input, .. }) if input == "versus-node-js-vs-python.md/tmp/report.md")
    );
    let _ = a.update(Event::Paste("x".repeat(2 * MAX_INPUT_CHARS)));
    assert!(matches!(a.overlay(), Overlay::Prompt(Prompt { input, .. }) if input.chars().count() == MAX_INPUT_CHARS));
}

#[test]
fn the_preset_picker_keeps_entry_names_readable_beside_long_option_names() {
    let mut dataset = Dataset::builtin();
    for option in &mut dataset.options {
        option.name =
            format!("{} {}", option.name, "with a very long name indeed".repeat(2)).chars().take(80).collect();
    }
    let mut a = explorer(dataset, 80, 24);
    key(&mut a, KeyCode::Char('p'));
    let screen = text(&a);
    // A close call adds "(close)" and shortens the name beside it; these three are whole in this data.
    for preset in ["Default weights", "Real-time chat / collaboration", "CLI tooling / dev automation"] {
        assert!(screen.contains(preset), "{preset} in\n{screen}");
    }
    assert!(screen.contains("→ Node.js with a very lon… +18.5"), "the winner is named, shortened: \n{screen}");
}

#[test]
fn robustness_is_sampled_between_events_on_a_large_dataset_and_ends() {
    use versus::engine::robustness::{
        DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_WEIGHT_SPREAD, WeightRanges, robustness_over,
    };
    // 2,000 dimensions: far more draws than one update takes.
    let mut a = explorer(versus::synthetic::dataset(2_000, 2, 3), 80, 24);
    let (_, (drawn, asked)) = a.robustness();
    assert!(drawn > 0 && drawn < asked, "{drawn} of {asked} after the first update");
    assert!(text(&a).contains(&format!("sampling {drawn} of {asked}")));
    // A key press starts afresh at the new weights; ticks (no input waiting) finish the job.
    let update = a.update(Event::Action(Action::WeightUp));
    assert!(update.pending);
    let mut ticks = 0;
    while a.update(Event::Tick).pending {
        ticks += 1;
        assert!(ticks < 1_000, "sampling ends");
    }
    let (shares, (drawn, asked)) = a.robustness();
    assert_eq!((drawn, asked), (DEFAULT_SAMPLES, DEFAULT_SAMPLES));
    let ranges = WeightRanges::within(a.weights(), DEFAULT_WEIGHT_SPREAD);
    assert_eq!(
        shares,
        robustness_over(
            a.dataset(),
            &ranges,
            &versus::engine::requirements::Requirements::NONE,
            DEFAULT_SAMPLES,
            DEFAULT_SEED
        ),
        "as one run would"
    );
    assert!(!text(&a).contains("sampling"));
    // Once done, nothing is pending: the shell blocks.
    assert!(!a.update(Event::Tick).pending);
    // The built-in dataset is sampled in full within the first update.
    let b = app(80, 24);
    assert_eq!(b.robustness().1, (DEFAULT_SAMPLES, DEFAULT_SAMPLES));
}

#[test]
fn the_gauges_draw_each_score_on_its_real_scale_and_nothing_without_weights() {
    let a = app(80, 24);
    let Screen::Main(regions) = a.screen() else { panic!() };
    let buffer = buffer(&a, true);
    let bar = |y: u16| (0..80).filter(|&x| matches!(buffer[(x, y)].symbol(), "█" | "▒")).count();
    let (first, second) = (bar(regions.recommendation.y + 1), bar(regions.recommendation.y + 2));
    // 70.5 and 69.1 of 100: bars of nearly the same length, each about 70% of the room after its label.
    assert!(first >= second && first - second <= 1, "{first} vs {second}");
    assert!((43..=50).contains(&first), "{first} cells for 70.5 of 66");
    let mut dataset = Dataset::builtin();
    dataset.dimensions.iter_mut().for_each(|d| d.weight = 0);
    let none = explorer(dataset, 80, 24);
    assert!(text(&none).contains("no scores to draw: every weight is 0"), "{}", text(&none));
}

#[test]
fn the_sensitivity_view_charts_the_selected_dimension_and_lists_every_one() {
    let mut a = app(80, 24);
    let first = a.selected();
    key(&mut a, KeyCode::Char('l')); // a leader whose stability to chart (the defaults may tie)
    key(&mut a, KeyCode::Char('f'));
    insta::assert_snapshot!("sensitivity_80x24", text(&a));
    let screen = text(&a);
    let name = &a.dataset().dimensions[first].name;
    assert!(screen.contains(&format!("Sensitivity: {name}")), "it opens on the selected dimension");
    assert!(screen.contains(&format!("▸ {name}")), "its row is selected");
    // The most critical dimension comes first in the table.
    let order = a.evaluation().stability.iter().filter_map(|s| s.criticality().map(|c| (c, s.dimension))).min();
    let (_, most_critical) = order.unwrap();
    let table_top = screen.lines().position(|l| l.contains("nearest rating flip")).unwrap();
    assert!(screen.lines().nth(table_top + 1).unwrap().contains(&a.dataset().dimensions[most_critical].name));
    // j moves the chart to the next row's dimension; Enter goes to it in the list.
    key(&mut a, KeyCode::Char('j'));
    let Overlay::Sensitivity(view) = a.overlay() else { panic!() };
    let selected = view.selected;
    key(&mut a, KeyCode::Enter);
    assert_eq!(*a.overlay(), Overlay::None);
    assert_ne!(a.selected(), first, "row {selected} is another dimension");
    let mut big = app(160, 48);
    key(&mut big, KeyCode::Char('f'));
    insta::assert_snapshot!("sensitivity_160x48", text(&big));
}

#[test]
fn the_selected_dimension_says_what_it_adds_to_the_lead() {
    let mut a = app(120, 30);
    key(&mut a, KeyCode::Char('l')); // a leader to add to (the defaults may tie)
    for _ in 0..3 {
        let leader = a.evaluation().recommendation.leader().unwrap();
        let points =
            a.evaluation().contributions.iter().find(|c| c.dimension == a.selected()).map_or(0.0, |c| c.points);
        let expected = format!("{points:+.1} pts to {}", a.dataset().options[leader].name);
        assert!(text(&a).lines().nth(1).unwrap().contains(&expected), "{expected}");
        key(&mut a, KeyCode::Char('j'));
    }
}

#[test]
fn undo_and_redo_take_back_any_change_of_weights() {
    let mut a = app(80, 24);
    let start = a.weights().to_vec();
    let selected = a.selected();
    // A run of changes to one weight is one step.
    keys(&mut a, "lll");
    assert_eq!(a.weights()[selected], start[selected] + 3);
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(a.weights(), &start[..]);
    let name = &a.dataset().dimensions[selected].name;
    assert!(a.status().unwrap().text.starts_with(&format!("undid the weight of {name}")), "{:?}", a.status());
    assert!(press_with(&mut a, KeyCode::Char('r'), KeyModifiers::CONTROL).is_some(), "Ctrl-R is bound");
    assert_eq!(a.weights()[selected], start[selected] + 3);
    // A preset over modified weights says it can be undone, and is.
    key(&mut a, KeyCode::Char('p'));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Enter);
    assert!(a.status().unwrap().text.ends_with("applied over modified weights; u undoes"), "{:?}", a.status());
    assert_eq!(a.weights(), a.dataset().presets[0].weights);
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(a.weights()[selected], start[selected] + 3);
    key(&mut a, KeyCode::Char('u'));
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(a.weights(), &start[..]);
    assert_eq!(a.status().unwrap().text, "nothing to undo");
}

#[test]
fn quitting_with_weights_no_profile_holds_asks_first() {
    use versus::explorer::app::Confirmation;
    let mut a = app(80, 24);
    assert_eq!(key(&mut a, KeyCode::Char('q')), vec![Effect::Quit], "nothing to lose: q quits");
    key(&mut a, KeyCode::Char('l'));
    assert!(key(&mut a, KeyCode::Char('q')).is_empty());
    assert!(matches!(a.overlay(), Overlay::Confirm(c) if c.question == Confirmation::QuitUnsaved));
    assert!(key(&mut a, KeyCode::Char('n')).is_empty(), "n stays");
    key(&mut a, KeyCode::Char('q'));
    assert_eq!(key(&mut a, KeyCode::Char('q')), vec![Effect::Quit], "a second q answers yes");
    // Off in the config, or when a saved profile holds the weights: no question.
    let dataset = Dataset::builtin();
    let weighting = versus::engine::weights::Weighting::defaults(&dataset);
    let mut b = support::sized(App::new(Startup { confirm_quit: false, ..Startup::new(dataset, weighting) }), 80, 24);
    key(&mut b, KeyCode::Char('l'));
    assert_eq!(key(&mut b, KeyCode::Char('q')), vec![Effect::Quit]);
    // A must-have alone is work to lose too.
    let mut c = app(80, 24);
    key(&mut c, KeyCode::Char('!'));
    keys(&mut c, "6");
    key(&mut c, KeyCode::Enter);
    assert!(key(&mut c, KeyCode::Char('q')).is_empty());
    assert!(matches!(c.overlay(), Overlay::Confirm(q) if q.question == Confirmation::QuitUnsaved));
}

#[test]
fn a_pinned_weighting_is_compared_row_by_row_and_in_the_verdict() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('b'));
    assert!(a.pinned().is_some());
    let pinned = a.evaluation().clone();
    let changed = a.selected();
    let was = a.weights()[changed];
    key(&mut a, KeyCode::Char('9'));
    let screen = text(&a);
    let row = screen.lines().find(|l| l.contains("▸ ")).unwrap();
    assert!(row.contains(&format!("{was}→")) && row.contains(" 9 ◀"), "{row}");
    let moved = a.evaluation().scores[0] - pinned.scores[0];
    assert!(screen.contains(&format!("{moved:+5.1}")), "scores say how far they moved:\n{screen}");
    // The pinned verdict, worked out here from the pinned evaluation.
    let then = match pinned.recommendation.leader() {
        Some(o) => format!("{} +{:.1}", a.dataset().options[o].name, pinned.recommendation.margin()),
        None => "a tie".to_owned(),
    };
    assert!(screen.contains(&format!("(pinned: {then})")), "{then}: {screen}");
    // The picker previews what an entry would change against the weights now.
    key(&mut a, KeyCode::Char('p'));
    assert!(text(&a).contains("It changes"), "{}", text(&a));
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('b'));
    assert!(a.pinned().is_none() && !text(&a).contains("pinned:"));
}

#[test]
fn the_interview_asks_one_question_at_a_time_and_applies_its_weights_as_one_step() {
    let mut a = app(80, 24);
    let start = a.weights().to_vec();
    key(&mut a, KeyCode::Char('i'));
    insta::assert_snapshot!("interview_question", text(&a));
    assert!(text(&a).contains("sets CPU-bound pure code to 3, ML and AI ecosystem to 10"));
    key(&mut a, KeyCode::Enter); // yes: models in the service
    key(&mut a, KeyCode::Tab); // skip the connections question
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Enter); // no TypeScript front end
    for _ in 3..a.dataset().questions.len() {
        key(&mut a, KeyCode::Tab); // skip the rest
    }
    insta::assert_snapshot!("interview_summary", text(&a));
    assert!(text(&a).contains("ML and AI ecosystem 4 -> 10"));
    key(&mut a, KeyCode::Enter);
    assert_eq!(*a.overlay(), Overlay::None);
    let ml = a.dataset().dimensions.iter().position(|d| d.id == "ml-ecosystem").unwrap();
    assert_eq!(a.weights()[ml], 10);
    // The answers are kept for the decision record, through a slider's change, and go with an undo.
    let answers = a.interview_answers().to_vec();
    assert_eq!(answers.len(), 2, "{answers:?}");
    assert!(answers[0].starts_with(&format!("{}=", a.dataset().questions[0].id)), "{answers:?}");
    key(&mut a, KeyCode::Char('5'));
    assert_eq!(a.interview_answers(), &answers[..]);
    key(&mut a, KeyCode::Char('u'));
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(a.weights(), &start[..], "one undo takes the interview back");
    assert!(a.interview_answers().is_empty());
    // Esc leaves everything as it was: once answered, after asking.
    key(&mut a, KeyCode::Char('i'));
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Esc);
    assert!(matches!(a.overlay(), Overlay::Interview(_)), "the first Esc asks");
    assert!(text(&a).contains("Esc again discards 1 changed answer"), "{}", text(&a));
    key(&mut a, KeyCode::Esc);
    assert_eq!(*a.overlay(), Overlay::None);
    assert_eq!(a.weights(), &start[..]);
}

fn interview(a: &App) -> &Interview {
    match a.overlay() {
        Overlay::Interview(interview) => interview,
        other => panic!("not the interview: {other:?}"),
    }
}

/// Shift-Tab back to a question highlights the answer chosen there, so Enter keeps it; the answers
/// applied are reopened at the summary, one changed answer is one question, and undo brings the
/// answers back with the weights.
#[test]
fn the_interview_keeps_what_you_enter() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('i'));
    assert!(text(&a).lines().last().unwrap().contains("Shift-Tab back"), "the footer says how to go back");
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Enter); // the second answer to the first question
    let after_one = interview(&a).chosen.clone();
    press_with(&mut a, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!((interview(&a).question, interview(&a).highlighted), (0, 1), "back on the answer chosen");
    key(&mut a, KeyCode::Enter);
    assert_eq!(interview(&a).chosen, after_one, "Enter on the way back changes nothing");
    // The box says what the answers so far give.
    let so_far = text(&a);
    assert!(so_far.contains("So far: ") && so_far.contains(" leads ") || so_far.contains("score the same"), "{so_far}");
    for _ in 1..a.dataset().questions.len() {
        key(&mut a, KeyCode::Enter); // the first answer to every other question
    }
    key(&mut a, KeyCode::Enter); // apply
    let applied = a.interview_answers().to_vec();
    let weights = a.weights().to_vec();
    assert_eq!(applied.len(), a.dataset().questions.len());
    // Reopened: at the summary, every answer chosen as applied; nothing changes if it is applied again.
    key(&mut a, KeyCode::Char('i'));
    assert_eq!(interview(&a).question, a.dataset().questions.len(), "it resumes at the summary");
    assert!(interview(&a).chosen.iter().all(Option::is_some));
    assert!(text(&a).contains("They change no weight."), "{}", text(&a));
    // Changing one answer is one question: Tab to the first, pick another, and back at the summary.
    key(&mut a, KeyCode::Tab);
    assert_eq!((interview(&a).question, interview(&a).highlighted), (0, 1));
    key(&mut a, KeyCode::Char('k'));
    key(&mut a, KeyCode::Enter);
    assert_eq!(interview(&a).question, a.dataset().questions.len(), "back at the summary");
    key(&mut a, KeyCode::Enter);
    let changed = a.interview_answers().to_vec();
    assert_ne!(changed, applied);
    assert_eq!(changed[1..], applied[1..], "only the first answer changed");
    assert_ne!(a.weights(), &weights[..]);
    // Undo brings back the answers with the weights, and the interview reopens with them.
    key(&mut a, KeyCode::Char('u'));
    assert_eq!((a.interview_answers(), a.weights()), (&applied[..], &weights[..]));
    key(&mut a, KeyCode::Char('i'));
    assert_eq!(interview(&a).chosen[0], Some(1));
    // Nothing changed yet: Esc leaves at once.
    key(&mut a, KeyCode::Esc);
    assert_eq!(*a.overlay(), Overlay::None);
}

/// Changing an answer starts from the weights the old one was applied over: a weight only the old answer
/// set goes back to what it was, and one changed by hand since stays.
#[test]
fn a_changed_answer_undoes_what_only_the_old_one_set() {
    let mut a = app(80, 24);
    let before = a.weights().to_vec();
    let at = |a: &versus::explorer::App, id: &str| a.dataset().dimensions.iter().position(|d| d.id == id).unwrap();
    let (realtime, io, typing) = (at(&a, "realtime"), at(&a, "io-concurrency"), at(&a, "typing"));
    assert_eq!(a.dataset().questions[1].id, "open-connections");
    key(&mut a, KeyCode::Char('i'));
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Enter); // many: realtime 10, io-concurrency 9
    for _ in 2..a.dataset().questions.len() {
        key(&mut a, KeyCode::Tab); // every other question skipped
    }
    key(&mut a, KeyCode::Enter);
    assert_eq!((a.weights()[realtime], a.weights()[io]), (10, 9));
    assert_ne!(before[io], 9, "the test needs an answer that moves io-concurrency");
    // typing set by hand after the interview.
    let hand = if before[typing] == 9 { 8 } else { 9 };
    key(&mut a, KeyCode::Char('/'));
    keys(&mut a, "typing");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.selected(), typing);
    key(&mut a, KeyCode::Char(char::from(b'0' + hand)));
    assert_eq!(a.weights()[typing], hand);
    // Now the answer is few: realtime 2, and io-concurrency back to what it was before the interview.
    key(&mut a, KeyCode::Char('i'));
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    assert_eq!((interview(&a).question, interview(&a).highlighted), (1, 0));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    let mut expected = before.clone();
    (expected[realtime], expected[typing]) = (2, hand);
    assert_eq!(a.weights(), &expected[..]);
    assert_eq!(a.interview_answers(), ["open-connections=few"]);
}

/// The summary's list of changes scrolls when it does not fit, and says how many lie beyond.
#[test]
fn the_interview_summary_scrolls_its_changes() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('i'));
    for _ in 0..a.dataset().questions.len() {
        key(&mut a, KeyCode::Enter);
    }
    let Overlay::Interview(_) = a.overlay() else { panic!("the summary is open") };
    let screen = text(&a);
    assert!(screen.contains("more below (j scrolls)"), "{screen}");
    for _ in 0..30 {
        key(&mut a, KeyCode::Char('j'));
    }
    let scrolled = text(&a);
    assert!(scrolled.contains("more above (k scrolls)") && !scrolled.contains("more below"), "{scrolled}");
    insta::assert_snapshot!("interview_summary_scrolled_80x24", scrolled);
    key(&mut a, KeyCode::Char('g'));
    assert_eq!(text(&a), screen, "g goes back to the top");
}

#[test]
fn pairwise_weighting_judges_two_categories_at_a_time_and_applies_as_one_step() {
    let mut a = app(80, 24);
    let start = a.weights().to_vec();
    key(&mut a, KeyCode::Char('a'));
    keys(&mut a, "hhhh"); // the left category much more
    insta::assert_snapshot!("pairwise_pair", text(&a));
    assert!(text(&a).contains("Performance matters more than Data & ML (5)"), "{}", text(&a));
    key(&mut a, KeyCode::Enter);
    let pairs = pairwise(&a).pairs().len();
    for _ in 1..pairs {
        key(&mut a, KeyCode::Tab); // the rest equal
    }
    insta::assert_snapshot!("pairwise_summary", text(&a));
    assert!(text(&a).contains("Consistency ratio"));
    key(&mut a, KeyCode::Enter);
    assert_eq!(*a.overlay(), Overlay::None);
    let performance = a.dataset().dimensions.iter().position(|d| d.category == "Performance").unwrap();
    let data = a.dataset().dimensions.iter().position(|d| d.category == "Data & ML").unwrap();
    assert!(a.weights()[performance] > a.weights()[data], "{:?}", a.weights());
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(a.weights(), &start[..], "one undo takes it back");
}

#[test]
fn from_the_sensitivity_view_pairwise_weighs_the_most_critical_dimensions() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('l')); // a leader, so that the table has an order of criticality
    let start = a.weights().to_vec();
    key(&mut a, KeyCode::Char('f'));
    // The table's first rows, as its own test reads them: the most critical first.
    let order = {
        let e = a.evaluation();
        let mut order: Vec<usize> = (0..a.dataset().dimensions.len()).collect();
        order.sort_by_key(|&d| (e.stability[d].criticality().unwrap_or(u8::MAX), d));
        order.truncate(8);
        order
    };
    key(&mut a, KeyCode::Char('a'));
    assert!(matches!(a.overlay(), Overlay::Pairwise(Pairwise { pair: 0, .. })), "{:?}", a.overlay());
    assert!(!pairwise(&a).compared().categories);
    let names: Vec<&str> = order.iter().map(|&d| a.dataset().dimensions[d].name.as_str()).collect();
    assert_eq!(pairwise(&a).compared().names, names);
    assert_eq!(pairwise(&a).pairs().len(), 28, "8 dimensions, 28 pairs");
    keys(&mut a, "hhhhhhhh"); // the first far more than the second
    insta::assert_snapshot!("pairwise_dimensions_pair", text(&a));
    key(&mut a, KeyCode::Enter);
    for _ in 1..28 {
        key(&mut a, KeyCode::Tab);
    }
    let mut a = support::sized(a, 160, 48);
    insta::assert_snapshot!("pairwise_dimensions_summary_160x48", text(&a));
    key(&mut a, KeyCode::Enter);
    assert_eq!(*a.overlay(), Overlay::None);
    // Only the compared dimensions change; the first, judged far more important, gets the top weight.
    let w = a.weights();
    assert_eq!(w[order[0]], 10, "{w:?}");
    assert!(w[order[0]] > w[order[1]], "{w:?}");
    for d in (0..w.len()).filter(|d| !order.contains(d)) {
        assert_eq!(w[d], start[d], "{} is not compared", a.dataset().dimensions[d].id);
    }
}

#[test]
fn the_mouse_picks_interview_answers_and_sets_pairwise_judgements() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('i'));
    // Find the second answer's label on screen and click it: it is chosen, as Enter would.
    let second = a.dataset().questions[0].answers[1].label.clone();
    let screen = text(&a);
    let (row, line) = screen.lines().enumerate().find(|(_, l)| l.contains(&second)).unwrap();
    let column = u16::try_from(line[..line.find(&second).unwrap()].chars().count()).unwrap();
    assert!(mouse(&mut a, MouseEventKind::Down(MouseButton::Left), column, u16::try_from(row).unwrap()));
    let Overlay::Interview(Interview { question, chosen, .. }) = a.overlay().clone() else {
        panic!("{:?}", a.overlay())
    };
    assert_eq!((question, chosen[0]), (1, Some(1)), "the click chose the second answer and moved on");
    // A click on the help text chooses nothing.
    let help_row = text(&a).lines().position(|l| l.contains("Will it hold many")).unwrap();
    assert!(!mouse(&mut a, MouseEventKind::Down(MouseButton::Left), column, u16::try_from(help_row).unwrap()));
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Esc); // discard the answer the click chose

    key(&mut a, KeyCode::Char('a'));
    // The scale's marks: a click on the leftmost 9 makes the left category far more important.
    let screen = text(&a);
    let (row, line) = screen.lines().enumerate().find(|(_, l)| l.contains("9 8 7 6 5 4 3 2 1 2 3")).unwrap();
    let start = u16::try_from(line[..line.find("9 8 7").unwrap()].chars().count()).unwrap();
    let row = u16::try_from(row).unwrap();
    assert!(mouse(&mut a, MouseEventKind::Down(MouseButton::Left), start, row));
    assert!(matches!(a.overlay(), Overlay::Pairwise(Pairwise { pair: 0, judged, .. }) if judged[0] == Some(8)));
    assert!(text(&a).contains("matters far more than"), "{}", text(&a));
    // The rightmost 9, then the 1 in the middle (equal).
    assert!(mouse(&mut a, MouseEventKind::Down(MouseButton::Left), start + 32, row));
    assert!(matches!(a.overlay(), Overlay::Pairwise(Pairwise { pair: 0, judged, .. }) if judged[0] == Some(-8)));
    assert!(mouse(&mut a, MouseEventKind::Down(MouseButton::Left), start + 16, row));
    assert!(matches!(a.overlay(), Overlay::Pairwise(Pairwise { pair: 0, judged, .. }) if judged[0] == Some(0)));
    // Between marks, nothing.
    assert!(!mouse(&mut a, MouseEventKind::Down(MouseButton::Left), start + 1, row));
}

#[test]
fn contradictory_pairwise_judgements_are_named_and_r_goes_back_to_the_worst() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('a'));
    let pairs = pairwise(&a).pairs().to_vec();
    // A cycle: Performance over Data & ML, Data & ML over Concurrency, Concurrency over Performance,
    // each by 9; every other pair left equal.
    for (index, &pair) in pairs.iter().enumerate() {
        match pair {
            (0, 1) | (1, 2) => keys(&mut a, "hhhhhhhh"),
            (0, 2) => keys(&mut a, "llllllll"),
            _ => {}
        }
        key(&mut a, if pair.1 <= 2 { KeyCode::Enter } else { KeyCode::Tab });
        assert!(matches!(a.overlay(), Overlay::Pairwise(Pairwise { pair, .. }) if *pair == index + 1));
    }
    let summary = text(&a);
    assert!(summary.contains("above 0.10"), "{summary}");
    // Most weights change; the list gives way so that the verdict and the keys stay on screen.
    let changed: usize = summary
        .split("They change ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_default();
    assert!(changed > a.dataset().dimensions.len() / 2 && summary.contains("more"), "{summary}");
    assert!(summary.contains("With them:") && summary.contains("Esc leaves everything"), "{summary}");
    key(&mut a, KeyCode::Char('r'));
    let Overlay::Pairwise(Pairwise { pair, .. }) = a.overlay() else { panic!("r left the overlay") };
    assert!([(0, 1), (0, 2), (1, 2)].contains(&pairs[*pair]), "r went to {:?}", pairs[*pair]);
    // On a pair, r does nothing.
    let before = a.overlay().clone();
    key(&mut a, KeyCode::Char('r'));
    assert_eq!(*a.overlay(), before);
}

#[test]
fn the_weighting_overlays_at_160x48() {
    // The interview's first question and summary, the pairwise pair and summary, and the pinned
    // comparison, on a large terminal: the overlays grow with it and nothing is cut short.
    let mut a = app(160, 48);
    key(&mut a, KeyCode::Char('i'));
    insta::assert_snapshot!("interview_question_160x48", text(&a));
    for _ in 0..a.dataset().questions.len() {
        key(&mut a, KeyCode::Enter);
    }
    insta::assert_snapshot!("interview_summary_160x48", text(&a));
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Esc); // discard the answers
    key(&mut a, KeyCode::Char('a'));
    keys(&mut a, "lll");
    insta::assert_snapshot!("pairwise_pair_160x48", text(&a));
    for _ in 0..pairwise(&a).pairs().len() {
        key(&mut a, KeyCode::Enter);
    }
    insta::assert_snapshot!("pairwise_summary_160x48", text(&a));
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('b'));
    key(&mut a, KeyCode::Char('7'));
    insta::assert_snapshot!("pinned_comparison_160x48", text(&a));
    assert!(text(&a).contains("pinned:"), "{}", text(&a));
}

#[test]
fn pairwise_weighting_says_when_it_cannot_compare_every_category() {
    let mut one = Dataset::builtin();
    one.dimensions.iter_mut().for_each(|d| d.category = "Everything".to_owned());
    let mut a = explorer(one, 80, 24);
    key(&mut a, KeyCode::Char('a'));
    assert_eq!(*a.overlay(), Overlay::None);
    assert!(text(&a).contains("needs at least two categories"), "{}", text(&a));

    let mut many = Dataset::builtin();
    many.dimensions.iter_mut().enumerate().for_each(|(i, d)| d.category = format!("Category {i}"));
    let all = many.dimensions.len();
    let mut a = explorer(many, 80, 24);
    key(&mut a, KeyCode::Char('a'));
    assert!(matches!(a.overlay(), Overlay::Pairwise(Pairwise { .. })));
    assert_eq!(pairwise(&a).pairs().len(), 10 * 9 / 2);
    assert!(text(&a).contains(&format!("comparing the first 10 of {all} categories")), "{}", text(&a));
}

#[test]
fn the_footer_shows_whole_hints_only() {
    // In every overlay with footer hints, at the narrowest width drawn (60) and at 80, the last line ends with a whole
    // label from the keymap (or is the status line), never half of one.
    for width in [60, 80] {
        let mut a = app(width, 24);
        for opening in ['i', 'a', 'f', 'p', 'c'] {
            key(&mut a, KeyCode::Char(opening));
            let screen = text(&a);
            let footer = screen.lines().last().unwrap_or_default().trim_end();
            let labels: Vec<String> =
                a.keymap().footer(a.context()).into_iter().map(|(_, label)| label.to_owned()).collect();
            assert!(labels.iter().any(|label| footer.ends_with(label.as_str())), "{opening}: {footer:?} in {labels:?}");
            key(&mut a, KeyCode::Esc);
        }
    }
}

#[test]
fn the_sensitivity_views_rating_flips_follow_every_weight_change() {
    // The explorer keeps the flips between draws; after any change they must be those of the new weights.
    let mut a = app(80, 24);
    for keys_pressed in ["f", "\u{1b}", "9", "f", "\u{1b}", "j0", "u", "f"] {
        for c in keys_pressed.chars() {
            key(&mut a, if c == '\u{1b}' { KeyCode::Esc } else { KeyCode::Char(c) });
        }
        let fresh = versus::engine::score::rating_flips(a.dataset(), a.weights());
        assert_eq!(a.rating_flips(), &fresh[..], "after {keys_pressed:?}");
    }
}

#[test]
fn every_source_is_reachable_at_80x24_shown_whole_and_opened_or_copied() {
    let mut a = app(80, 24);
    let urls: Vec<String> = a.dataset().dimensions[a.selected()].sources.iter().map(|s| s.url.clone()).collect();
    assert!(urls.len() > 3, "the first dimension has more sources than the unfocused region shows");
    // Tab: the list, each pane, then the sources.
    for _ in 0..=a.dataset().options.len() {
        key(&mut a, KeyCode::Tab);
    }
    assert_eq!(a.focus(), Focus::Sources);
    for (i, url) in urls.iter().enumerate() {
        assert_eq!(a.selected_source(), i);
        // The region's rows, read back from the screen, hold the whole URL (wrapped, not cut).
        let Screen::Main(regions) = a.screen() else { panic!() };
        let area = regions.sources;
        let screen = text(&a);
        let rows: String = screen
            .lines()
            .skip(usize::from(area.y))
            .take(usize::from(area.height))
            .map(|l| {
                l.chars().skip(usize::from(area.x)).take(usize::from(area.width)).collect::<String>().trim().to_owned()
            })
            .collect();
        assert!(rows.contains(url.as_str()), "source {} not whole on screen:\n{screen}", i + 1);
        assert_eq!(key(&mut a, KeyCode::Char('o')), vec![Effect::OpenUrl { url: url.clone() }]);
        assert_eq!(key(&mut a, KeyCode::Char('y')), vec![Effect::Copy { text: url.clone() }]);
        key(&mut a, KeyCode::Char('j'));
    }
    insta::assert_snapshot!("sources_focused_80x24", text(&a));
    // Back on the list, y copies the verdict again, and a new dimension starts at its first source.
    key(&mut a, KeyCode::Tab);
    assert_eq!(a.focus(), Focus::List);
    assert!(matches!(&key(&mut a, KeyCode::Char('y'))[..], [Effect::Copy { text }] if text.contains("Reproduce")));
    key(&mut a, KeyCode::Char('j'));
    assert_eq!(a.selected_source(), 0);
    // Every source of every dimension fits whole at 80x24 once selected.
    let mut b = app(80, 24);
    for _ in 0..b.dataset().dimensions.len() {
        let dimension = b.selected();
        let sources = b.dataset().dimensions[dimension].sources.clone();
        while b.focus() != Focus::Sources {
            key(&mut b, KeyCode::Tab);
        }
        for source in &sources {
            let Screen::Main(regions) = b.screen() else { panic!() };
            let area = regions.sources;
            let rows: String = text(&b)
                .lines()
                .skip(usize::from(area.y))
                .take(usize::from(area.height))
                .map(|l| {
                    l.chars()
                        .skip(usize::from(area.x))
                        .take(usize::from(area.width))
                        .collect::<String>()
                        .trim()
                        .to_owned()
                })
                .collect();
            assert!(
                rows.contains(source.url.as_str()),
                "{}: {} not whole",
                b.dataset().dimensions[dimension].id,
                source.url
            );
            key(&mut b, KeyCode::Char('j'));
        }
        key(&mut b, KeyCode::Tab); // back to the list
        key(&mut b, KeyCode::Char('j'));
    }
}

#[test]
fn help_opens_from_every_view_and_closes_back_to_it_and_lists_move_alike() {
    let mut a = app(80, 24);
    for (open, change) in [('c', 'j'), ('p', 'j'), ('f', 'j'), ('i', 'j'), ('a', 'l')] {
        key(&mut a, KeyCode::Char(open));
        key(&mut a, KeyCode::Char(change));
        let before = a.overlay().clone();
        key(&mut a, KeyCode::Char('?'));
        assert!(matches!(a.overlay(), Overlay::Help(Help { .. })), "? from {open}: {:?}", a.overlay());
        key(&mut a, KeyCode::Esc);
        assert_eq!(*a.overlay(), before, "Esc on help goes back to {open}, as it was");
        key(&mut a, KeyCode::Esc);
        assert_eq!(*a.overlay(), Overlay::None, "{open}");
    }
    // The same moving keys in every list: G/End to the last, g/Home to the first, PgDn a page.
    key(&mut a, KeyCode::Char('c'));
    key(&mut a, KeyCode::Char('G'));
    assert!(
        matches!(a.overlay(), Overlay::Claims(Claims { selected, .. }) if *selected == a.dataset().claims.len() - 1)
    );
    key(&mut a, KeyCode::Home);
    assert!(matches!(a.overlay(), Overlay::Claims(Claims { selected: 0, .. })));
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('f'));
    key(&mut a, KeyCode::PageDown);
    assert!(matches!(a.overlay(), Overlay::Sensitivity(Sensitivity { selected: 11, .. })), "{:?}", a.overlay());
    key(&mut a, KeyCode::End);
    assert!(
        matches!(a.overlay(), Overlay::Sensitivity(Sensitivity { selected, .. }) if *selected == a.dataset().dimensions.len() - 1)
    );
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('?'));
    key(&mut a, KeyCode::Char('G'));
    let Overlay::Help(help) = a.overlay() else { panic!() };
    let bottom = help.scroll;
    assert!(bottom > 0);
    key(&mut a, KeyCode::Char('g'));
    assert!(matches!(a.overlay(), Overlay::Help(Help { scroll: 0, .. })));
}

#[test]
fn brackets_jump_between_categories_and_the_list_says_where_it_is() {
    let mut a = app(80, 24);
    let d = a.dataset().clone();
    let firsts: Vec<usize> = {
        let mut seen = Vec::new();
        for (i, dim) in d.dimensions.iter().enumerate() {
            if !seen.iter().any(|&s: &usize| d.dimensions[s].category == dim.category) {
                seen.push(i);
            }
        }
        seen
    };
    // ] visits each category's first dimension in turn; at the last category it stays.
    for &first in &firsts[1..] {
        key(&mut a, KeyCode::Char(']'));
        assert_eq!(a.selected(), first, "{}", d.dimensions[first].category);
    }
    key(&mut a, KeyCode::Char(']'));
    assert_eq!(a.selected(), *firsts.last().unwrap());
    // [ on a category's first dimension goes to the previous category; inside one, to its first.
    key(&mut a, KeyCode::Char('['));
    assert_eq!(a.selected(), firsts[firsts.len() - 2]);
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Char('['));
    assert_eq!(a.selected(), firsts[firsts.len() - 2]);
    // The title counts the selection's place among the listed dimensions; the bottom border what is
    // out of sight.
    key(&mut a, KeyCode::Char('g'));
    let screen = text(&a);
    assert!(screen.contains(&format!("Dimensions 1/{}", d.dimensions.len())), "{screen}");
    assert!(screen.contains(" below ┛"), "{screen}");
    key(&mut a, KeyCode::Char('G'));
    let screen = text(&a);
    assert!(screen.contains(&format!("Dimensions {0}/{0}", d.dimensions.len())), "{screen}");
    assert!(screen.contains(" above ┛") && !screen.contains(" below ┛"), "{screen}");
}

#[test]
fn the_claims_audit_counts_its_verdicts_filters_by_one_and_takes_the_mouse() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('c'));
    let claims = a.dataset().claims.clone();
    let count = |v: &str| claims.iter().filter(|c| c.verdict.label() == v).count();
    let screen = text(&a);
    assert!(screen.contains(&format!("{} claims: {} accurate", claims.len(), count("accurate"))), "{screen}");
    // v shows one verdict at a time, in the order of the file format's verdicts, then all again.
    let mut seen = Vec::new();
    loop {
        key(&mut a, KeyCode::Char('v'));
        let Some(v) = open_claims(&a).filter else { break };
        assert!(open_claims(&a).listed(a.dataset()).iter().all(|&c| claims[c].verdict == v));
        assert_eq!(open_claims(&a).listed(a.dataset()).len(), count(v.label()));
        assert!(text(&a).contains(&format!("only {} ({} of {})", v.label(), count(v.label()), claims.len())));
        // j stays within the filtered claims.
        key(&mut a, KeyCode::Char('j'));
        let Overlay::Claims(Claims { selected, .. }) = *a.overlay() else { panic!() };
        assert_eq!(claims[selected].verdict, v);
        seen.push(v);
    }
    assert_eq!(seen.len(), claims.iter().map(|c| c.verdict).collect::<std::collections::HashSet<_>>().len());
    assert_eq!(open_claims(&a).listed(a.dataset()).len(), claims.len());
    // A click on the third listed claim selects it; the wheel moves on from there.
    let screen = text(&a);
    let third = screen.lines().position(|l| l.contains(&claims[2].claim[..20])).unwrap();
    assert!(mouse(&mut a, MouseEventKind::Down(MouseButton::Left), 10, u16::try_from(third).unwrap()));
    assert!(matches!(a.overlay(), Overlay::Claims(Claims { selected: 2, .. })));
    assert!(mouse(&mut a, MouseEventKind::ScrollDown, 10, 10));
    assert!(matches!(a.overlay(), Overlay::Claims(Claims { selected: 3, .. })));
    key(&mut a, KeyCode::Esc);
    // In the picker too.
    key(&mut a, KeyCode::Char('p'));
    let screen = text(&a);
    let name = &a.dataset().presets[1].name;
    let row = screen.lines().position(|l| l.contains(name.as_str())).unwrap();
    assert!(mouse(&mut a, MouseEventKind::Down(MouseButton::Left), 20, u16::try_from(row).unwrap()));
    let Overlay::Presets(Presets { selected, .. }) = *a.overlay() else { panic!() };
    assert!(matches!(&a.picker_entries()[selected], versus::engine::weights::Origin::Preset(1)));
}

#[test]
fn a_dimensions_sources_end_with_the_claims_that_cite_it() {
    let mut a = app(100, 40);
    let d = a.dataset().clone();
    let citing: Vec<&str> =
        d.claims.iter().filter(|c| c.dimensions.contains(&a.selected())).map(|c| c.claim.as_str()).collect();
    assert!(!citing.is_empty());
    while a.focus() != Focus::Sources {
        key(&mut a, KeyCode::Tab);
    }
    key(&mut a, KeyCode::Char('G'));
    let screen = text(&a);
    assert!(screen.contains(&format!("Claims that cite it ({};", citing.len())), "{screen}");
    // Each claim's first words are there (the rest may wrap).
    for claim in citing {
        let start: String = claim.chars().take(20).collect();
        assert!(screen.contains(&start), "{start}: {screen}");
    }
}

#[test]
fn a_filter_that_matches_nothing_shows_an_empty_state_not_a_dimension() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('/'));
    keys(&mut a, "zzzq");
    key(&mut a, KeyCode::Enter);
    let screen = text(&a);
    assert!(screen.contains("No dimension matches `zzzq`.") && screen.contains("Esc clears the filter"), "{screen}");
    let name = a.dataset().dimensions[a.selected()].name.clone();
    assert!(!screen.contains(name.as_str()), "no dimension's detail: {screen}");
    assert!(screen.contains("filter: zzzq"), "the kept filter stays visible");
    key(&mut a, KeyCode::Esc);
    assert!(text(&a).contains(name.as_str()));
}

#[test]
fn every_problem_with_the_users_files_can_be_read_in_help() {
    let dataset = Dataset::builtin();
    let weighting = versus::engine::weights::Weighting::defaults(&dataset);
    let at = |line, column| Position { line, column };
    let problems = vec![
        Diagnostic::warning("config set aside: versus runs on the defaults").in_file("config.toml"),
        Diagnostic::warning("invalid type").field("quit").at(at(4, 8)).in_file("config.toml"),
        Diagnostic::warning("a second problem, reported in full").at(at(2, 1)).in_file("profiles.toml"),
    ];
    let startup = Startup { problems: problems.clone(), ..Startup::new(dataset, weighting) };
    let mut a = support::sized(App::new(startup), 80, 24);
    key(&mut a, KeyCode::Char('?'));
    let screen = text(&a);
    assert!(screen.contains("Problems with your files"), "{screen}");
    // Help's text, inside the pop-up's borders, its wrapped lines joined again.
    let help: Vec<&str> =
        screen.lines().filter_map(|l| Some(l.get(l.find('│')? + '│'.len_utf8()..l.rfind('│')?)?.trim())).collect();
    let help = help.join(" ");
    for diagnostic in problems.iter().map(ToString::to_string) {
        assert!(help.contains(&diagnostic), "{diagnostic}: {help}");
    }
}

#[test]
fn shift_j_and_k_scroll_both_panes_together_so_pros_and_cons_are_reachable() {
    let mut a = app(80, 24);
    for _ in 0..200 {
        key(&mut a, KeyCode::Char('J'));
    }
    assert_eq!(a.focus(), Focus::List, "the focus stays on the list");
    assert!(a.pane_scroll(0) > 0 && a.pane_scroll(1) > 0);
    // Scrolled to the end, each pane shows its last con.
    let d = a.dataset().dimensions[a.selected()].clone();
    let screen = text(&a);
    for assessment in &d.assessments {
        let last = assessment.cons.last().unwrap();
        let start: String = last.chars().take(12).collect();
        assert!(screen.contains(&start), "{start}: {screen}");
    }
    key(&mut a, KeyCode::Char('K'));
    assert!(a.pane_scroll(0) < 200);
}

#[test]
fn pop_ups_keep_a_blank_column_each_side() {
    for open in ['i', 'a', 'c', 'p', '?'] {
        let mut a = app(80, 24);
        key(&mut a, KeyCode::Char(open));
        let screen = text(&a);
        let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
        let top = rows.iter().position(|r| r.contains(&'┌')).unwrap();
        let left = rows[top].iter().position(|&c| c == '┌').unwrap();
        let right = rows[top].iter().position(|&c| c == '┐').unwrap();
        let bottom = rows.iter().rposition(|r| r.get(left) == Some(&'└')).unwrap();
        for row in &rows[top..=bottom] {
            for column in [left.checked_sub(1), Some(right + 1)].into_iter().flatten() {
                if let Some(&c) = row.get(column) {
                    assert_eq!(c, ' ', "{open}: column {column} of\n{screen}");
                }
            }
        }
    }
}

#[test]
fn the_lists_scrollbar_follows_the_view() {
    let mut a = app(80, 24);
    let Screen::Main(regions) = a.screen() else { panic!() };
    let column = usize::from(regions.list.right() - 1);
    let thumb_rows = |a: &App| -> Vec<usize> {
        let rows = text(a);
        let list = usize::from(regions.list_inner().y)..usize::from(regions.list_inner().bottom());
        rows.lines()
            .enumerate()
            .filter(|(i, l)| list.contains(i) && l.chars().nth(column) == Some('█'))
            .map(|(i, _)| i)
            .collect()
    };
    let top = thumb_rows(&a);
    assert_eq!(top.first().copied(), Some(usize::from(regions.list_inner().y)), "at the top: {top:?}");
    key(&mut a, KeyCode::Char('G'));
    let bottom = thumb_rows(&a);
    assert_eq!(bottom.last().copied(), Some(usize::from(regions.list_inner().bottom() - 1)), "at the end: {bottom:?}");
}

#[test]
fn help_wraps_to_a_narrow_screen_and_cuts_nothing() {
    let mut a = app(60, 400);
    key(&mut a, KeyCode::Char('?'));
    let screen = text(&a);
    let rows: Vec<&str> =
        screen.lines().skip_while(|l| !l.contains("┌ Help")).skip(1).take_while(|l| !l.contains('└')).collect();
    assert!(rows.len() > 50, "{screen}");
    assert!(rows.iter().all(|l| !l.contains('…')), "help cuts nothing at 60 columns:\n{screen}");
    let flat = rows.iter().map(|l| l.trim_matches('│')).collect::<Vec<_>>().join(" ");
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("copy the verdict and weights, or the focused source's URL (OSC 52)"), "{flat}");
}

#[test]
fn the_interviews_answers_move_like_every_list() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('i'));
    let answers = a.dataset().questions[0].answers.len();
    key(&mut a, KeyCode::Char('G'));
    assert!(matches!(a.overlay(), Overlay::Interview(Interview { highlighted, .. }) if *highlighted == answers - 1));
    key(&mut a, KeyCode::Home);
    assert!(matches!(a.overlay(), Overlay::Interview(Interview { highlighted: 0, .. })));
}

#[test]
fn a_click_focuses_the_sources_then_picks_the_one_under_it() {
    let mut a = app(80, 24);
    let Screen::Main(regions) = a.screen() else { panic!() };
    let area = regions.sources;
    assert!(mouse(&mut a, MouseEventKind::Down(MouseButton::Left), area.x + 2, area.y));
    assert_eq!(a.focus(), Focus::Sources);
    let screen = text(&a);
    let row = screen.lines().position(|l| l.contains("[2] ")).unwrap();
    assert!(mouse(&mut a, MouseEventKind::Down(MouseButton::Left), area.x + 8, u16::try_from(row).unwrap()));
    assert_eq!(a.selected_source(), 1);
}

/// The explorer as `versus --team` starts it: three members, from three presets of the built-in data.
fn team_app(width: u16, height: u16) -> App {
    team_app_where_alice_requires(width, height, &[])
}

/// [`team_app`] with Alice's weight file holding `[requirements]`: `requires` as (dimension id, minimum).
fn team_app_where_alice_requires(width: u16, height: u16, requires: &[(&str, u8)]) -> App {
    use versus::engine::team::{Group, Member};
    use versus::engine::weights::{Origin, Weighting};
    let d = Dataset::builtin();
    let preset = |id: &str| d.presets.iter().find(|p| p.id == id).unwrap().weights.clone();
    let mut alice = Member::new("Alice", preset("ml-api"));
    for &(id, min) in requires {
        alice.requirements.set(d.dimensions.iter().position(|dimension| dimension.id == id).unwrap(), min);
    }
    let members = vec![alice, Member::new("Bob", preset("realtime-chat")), Member::new("Carol", preset("crud-admin"))];
    let group = Group::of(&d, &members.iter().collect::<Vec<_>>()).unwrap();
    let weighting = Weighting {
        origin: Origin::Team { counted: vec![true; 3], weights: group.weights.clone() },
        weights: group.weights,
        requirements: versus::engine::requirements::Requirements::NONE,
    };
    let startup = Startup {
        team: members,
        team_files: vec!["/decisions/alice.toml".into(), "/decisions/bob.toml".into(), "/decisions/carol.toml".into()],
        ..Startup::new(d, weighting)
    };
    support::sized(App::new(startup), width, height)
}

#[test]
fn team_view_80x24_and_160x48() {
    let a = team_app(80, 24);
    let screen = text(&a);
    insta::assert_snapshot!("team_main_80x24", screen);
    // Each member's weight is in the strip and in the header; the border counts the verdicts.
    assert!(screen.contains("team median 0: Alice 0 · Bob 0 · Carol 0"), "{screen}");
    assert!(screen.contains("3 members' own: Node.js 1 · Python 2 (T)"), "{screen}");
    insta::assert_snapshot!("team_main_160x48", text(&team_app(160, 48)));
    let mut a = team_app(80, 24);
    key(&mut a, KeyCode::Char('T'));
    insta::assert_snapshot!("team_overlay_80x24", text(&a));
    let mut big = team_app(160, 48);
    key(&mut big, KeyCode::Char('T'));
    insta::assert_snapshot!("team_overlay_160x48", text(&big));
}

/// A member's own must-haves decide their verdict (the border's count and the overlay's row, which names
/// them) but not the group's weighting, which the overlay says once with the flag that would apply them.
#[test]
fn a_members_own_must_have_shows_beside_their_verdict_80x24_and_160x48() {
    let plain = text(&team_app(80, 24));
    assert!(plain.contains("3 members' own: Node.js 1 · Python 2 (T)"), "{plain}");
    let a = team_app_where_alice_requires(80, 24, &[("realtime", 8)]);
    let screen = text(&a);
    // Alice's ML weights favour Python, which real-time >= 8 rules out: Node.js is hers now.
    assert!(screen.contains("3 members' own: Node.js 2 · Python 1 (T)"), "{screen}");
    insta::assert_snapshot!("team_own_requirements_main_80x24", screen);
    insta::assert_snapshot!(
        "team_own_requirements_main_160x48",
        text(&team_app_where_alice_requires(160, 48, &[("realtime", 8)]))
    );
    for (width, height) in [(80, 24), (160, 48)] {
        let mut a = team_app_where_alice_requires(width, height, &[("realtime", 8)]);
        let weights = a.weights().to_vec();
        key(&mut a, KeyCode::Char('T'));
        let overlay = text(&a);
        assert!(overlay.contains("Alice → Node.js only  requires Real-time and WebSockets >= 8"), "{overlay}");
        assert!(overlay.contains("--require") && overlay.contains("'realtime>=8'"), "{overlay}");
        insta::assert_snapshot!(format!("team_own_requirements_overlay_{width}x{height}"), overlay);
        // The group's weighting is the members' median still, without Alice's must-have.
        assert_eq!(a.weights(), weights.as_slice());
        assert!(a.weighting().requirements.is_empty());
    }
}

/// A must-have set with `!` is the team's: the disputes are weighed again under it (with only Node.js
/// eligible no one weight changes who leads), and undo weighs them as before.
#[test]
fn a_must_have_set_in_the_explorer_weighs_the_teams_disputes_again() {
    let mut a = team_app(80, 24);
    let material = a.team().unwrap().group().material();
    assert!(material > 0);
    let realtime = a.dataset().dimensions.iter().position(|d| d.id == "realtime").unwrap();
    key(&mut a, KeyCode::Char('/'));
    keys(&mut a, "Real-time and WebSockets");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.selected(), realtime);
    key(&mut a, KeyCode::Char('!'));
    keys(&mut a, "8");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.weighting().requirements.get(realtime), Some(8));
    assert_eq!(a.team().unwrap().group().material(), 0);
    assert_eq!(*a.team().unwrap().median_verdict(), versus::engine::score::Recommendation::Only { option: 0 });
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(a.team().unwrap().group().material(), material);
}

/// The detail header says of a disputed dimension whether settling it could change the verdict.
#[test]
fn the_header_says_whether_a_dispute_could_change_the_verdict() {
    let mut a = team_app(160, 48);
    let disputes = a.team().unwrap().group().disputes.clone();
    let material = disputes.iter().find(|d| d.is_material()).expect("the test team has a material dispute");
    let immaterial = disputes.iter().find(|d| !d.is_material()).expect("and an immaterial one");
    for (dispute, words) in
        [(material, "disputed: could change the verdict"), (immaterial, "disputed, the verdict stands either way")]
    {
        let name = a.dataset().dimensions[dispute.dimension].name.clone();
        key(&mut a, KeyCode::Char('/'));
        keys(&mut a, &name);
        key(&mut a, KeyCode::Enter);
        assert_eq!(a.selected(), dispute.dimension, "{name}");
        assert!(text(&a).contains(words), "{name}: {}", text(&a));
        key(&mut a, KeyCode::Esc);
    }
}

#[test]
fn leaving_a_member_out_makes_the_sliders_the_median_of_the_others_and_undo_brings_them_back() {
    use versus::engine::team::{Group, Member};
    let mut a = team_app(80, 24);
    let whole = a.weights().to_vec();
    key(&mut a, KeyCode::Char('T'));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Enter);
    let team = a.team().unwrap();
    assert!(!team.counts(1) && team.counts(0) && team.counts(2));
    // The sliders are the median of Alice and Carol, worked out again here from their own weights.
    let rest: Vec<Member> = [0, 2].iter().map(|&i| team.members()[i].clone()).collect();
    let expected = Group::of(a.dataset(), &rest.iter().collect::<Vec<_>>()).unwrap().weights;
    assert_eq!(a.weights(), expected.as_slice());
    assert!(text(&a).contains("(Bob 0)"), "left out members are bracketed");
    assert!(a.status().unwrap().text.starts_with("leaving out Bob: the median of 2 → "));
    // Counting Bob again is the whole team's median; the last member counted cannot be left out.
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.weights(), whole.as_slice());
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Char('k'));
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Char('G'));
    key(&mut a, KeyCode::Enter);
    assert!(a.status().unwrap().text.contains("the only member left counting"), "{:?}", a.status());
    assert_eq!(a.team().unwrap().counted().len(), 1);
    // `s` saves the group's weights: the save prompt, named "team".
    key(&mut a, KeyCode::Char('s'));
    assert!(matches!(a.overlay(), Overlay::Prompt(Prompt { input, .. }) if input == "team"));
    key(&mut a, KeyCode::Esc);
    // Back in the main view, undo goes back through the members' changes, who counts included.
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(a.team().unwrap().counted().len(), 2);
    key(&mut a, KeyCode::Char('u'));
    key(&mut a, KeyCode::Char('u'));
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(a.weights(), whole.as_slice());
    assert!(a.team().unwrap().whole(), "everyone counts again");
    assert!(text(&a).contains("3 members' own: "));
}

#[test]
fn without_a_team_t_says_how_to_load_one() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('T'));
    assert_eq!(*a.overlay(), Overlay::None);
    assert!(a.status().unwrap().text.contains("--team FILE_OR_DIR"));
    // The team's command names its files while the whole team counts.
    let mut a = team_app(80, 24);
    assert_eq!(
        a.command_line(),
        "versus report --team '/decisions/alice.toml' '/decisions/bob.toml' '/decisions/carol.toml'"
    );
    // A weight moved from the median is an override after the files.
    key(&mut a, KeyCode::Char('7'));
    assert!(a.command_line().ends_with("'/decisions/carol.toml' --weight=cpu-bound=7"), "{}", a.command_line());
}

#[test]
fn a_click_on_a_member_leaves_them_out_and_the_wheel_moves_the_selection() {
    let mut a = team_app(80, 24);
    key(&mut a, KeyCode::Char('T'));
    let screen = text(&a);
    let (row, line) = screen.lines().enumerate().find(|(_, l)| l.contains("[x] Carol")).unwrap();
    let column = line.chars().position(|c| c == 'C').unwrap() as u16;
    assert!(mouse(&mut a, MouseEventKind::Down(MouseButton::Left), column, row as u16));
    assert!(!a.team().unwrap().counts(2));
    assert!(matches!(a.overlay(), Overlay::Team(TeamList { selected: 2 })));
    assert!(text(&a).contains("[ ] Carol"));
    assert!(mouse(&mut a, MouseEventKind::ScrollUp, column, row as u16));
    assert!(matches!(a.overlay(), Overlay::Team(TeamList { selected: 1 })));
}

#[test]
fn the_picker_lists_the_teams_median_after_the_defaults_and_brings_it_back() {
    let mut a = team_app(80, 24);
    let median = a.weights().to_vec();
    key(&mut a, KeyCode::Char('p'));
    assert!(
        matches!(a.overlay(), Overlay::Presets(Presets { selected: 1, .. })),
        "the team's entry is the current one"
    );
    assert!(text(&a).contains("● Team: the median of 3"));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Enter);
    assert_ne!(a.weights(), median.as_slice());
    key(&mut a, KeyCode::Char('p'));
    key(&mut a, KeyCode::Char('g'));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.weights(), median.as_slice());
}

#[test]
fn saving_over_a_profile_keeps_its_note_and_records_the_interviews_answers() {
    use versus::engine::profiles::{Notes, Profile};
    use versus::engine::weights::Weighting;
    let d = Dataset::builtin();
    let notes = Notes {
        note: Some("Backend lead".into()),
        answers: Vec::new(),
        requirements: versus::engine::requirements::Requirements::NONE,
    };
    let profile = Profile {
        name: "Alice".into(),
        stored_name: "Alice".into(),
        weights: d.default_weights(),
        notes,
        ..Profile::default()
    };
    let weighting = Weighting::profile(std::slice::from_ref(&profile), "Alice").unwrap();
    let mut a = support::sized(App::new(Startup { profiles: vec![profile], ..Startup::new(d, weighting) }), 80, 24);
    key(&mut a, KeyCode::Char('i'));
    key(&mut a, KeyCode::Enter);
    for _ in 1..a.dataset().questions.len() {
        key(&mut a, KeyCode::Tab);
    }
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Char('s'));
    key(&mut a, KeyCode::Enter); // the name offered is the profile's
    let effects = key(&mut a, KeyCode::Char('y')); // replace it
    let [Effect::SaveProfile { profile, replace: true }] = effects.as_slice() else { panic!("{effects:?}") };
    let notes = profile.resolve(a.dataset()).notes;
    assert_eq!(profile.name, "Alice");
    assert_eq!(notes.note.as_deref(), Some("Backend lead"));
    assert_eq!(notes.answers, a.interview_answers());
    assert_eq!(notes.answers.len(), 1);
}

#[test]
fn a_team_larger_than_the_strip_ends_it_with_a_plus() {
    use versus::engine::team::{Group, Member};
    use versus::engine::weights::{Origin, Weighting};
    let d = Dataset::builtin();
    let members: Vec<Member> =
        (0..20u8).map(|i| Member::new(format!("M{i}"), d.dimensions.iter().map(|_| i % 11).collect())).collect();
    let group = Group::of(&d, &members.iter().collect::<Vec<_>>()).unwrap();
    let origin = Origin::Team { counted: vec![true; 20], weights: group.weights.clone() };
    let weighting =
        Weighting { origin, weights: group.weights, requirements: versus::engine::requirements::Requirements::NONE };
    let app = App::new(Startup { team: members, ..Startup::new(d, weighting) });
    // Member i weighs every dimension i % 11: bars of heights 0, 1, 2, 3, 4, 4, 5, ...
    let a = support::sized(app, 80, 24);
    let screen = text(&a);
    let row = screen.lines().find(|l| l.contains("▸ CPU-bound")).unwrap();
    // At 80 columns the name keeps its room: six members, then "+" for the fourteen more.
    assert!(row.contains(" ·▁▂▃▄▄+ "), "{row}");
    // Wider, sixteen cells at most: fifteen members, then "+".
    let wide = support::sized(a, 160, 48);
    let screen = text(&wide);
    let row = screen.lines().find(|l| l.contains("▸ CPU-bound")).unwrap();
    assert!(row.contains(" ·▁▂▃▄▄▅▆▇██·▁▂▃+ "), "{row}");
}

#[test]
fn undo_brings_back_who_counts_even_past_a_preset() {
    let mut a = team_app(80, 24);
    key(&mut a, KeyCode::Char('T'));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Enter); // Bob out
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('p'));
    key(&mut a, KeyCode::Char('G'));
    key(&mut a, KeyCode::Enter); // the last entry: a preset
    key(&mut a, KeyCode::Char('T'));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Enter); // Bob back in
    key(&mut a, KeyCode::Esc);
    assert!(a.team().unwrap().whole());
    key(&mut a, KeyCode::Char('u')); // back to the preset, with Bob out as he was then
    assert!(!a.team().unwrap().counts(1), "Bob is out again");
    key(&mut a, KeyCode::Char('u'));
    assert!(!a.team().unwrap().counts(1));
    key(&mut a, KeyCode::Char('u'));
    assert!(a.team().unwrap().whole());
}

/// The main footer fills the width it has with whole hints, most useful first: the interview and the
/// presets before the rest, far more than seven keys at 200 columns, and help and quit at every width.
#[test]
fn the_main_footer_fills_its_width_most_useful_first() {
    let footer = |width: u16| text(&app(width, 24)).lines().last().unwrap().trim_end().to_owned();
    for width in [60, 80, 120, 200] {
        let line = footer(width);
        assert!(line.starts_with("i interview  p presets"), "{width}: {line}");
        assert!(line.ends_with("? help  q quit"), "{width}: {line}");
    }
    let wide = footer(200);
    let shown = a_count(&wide);
    assert!(shown >= 15, "{shown} hints at 200 columns: {wide}");
    assert!(a_count(&footer(80)) < shown);
}

/// How many hints a footer line shows: they are two spaces apart, a key then its label.
fn a_count(footer: &str) -> usize {
    footer.split("  ").filter(|hint| !hint.trim().is_empty()).count()
}

/// At the default weights the verdict says the project decides it and how to tell versus about it; a
/// weight moved, it no longer does. Bars keep the options' order whoever leads; at 60x16, the smallest
/// size promised, every option's bar shows.
#[test]
fn the_first_screen_says_what_to_do_and_the_bars_keep_their_place() {
    let mut a = app(80, 24);
    let screen = text(&a);
    let hint = format!("i answers {} questions about your project, p picks a scenario", a.dataset().questions.len());
    assert!(screen.contains(&hint), "{screen}");
    let (robustness, _) = a.robustness();
    let class = versus::engine::verdict::Classification::of(&a.evaluation().recommendation, &robustness);
    if class == versus::engine::verdict::Classification::TossUp {
        assert!(screen.contains("the defaults describe a generic service; your project decides it"), "{screen}");
    }
    // The bars: the options' order, at any weights.
    let bars = |a: &App| {
        let screen = text(a);
        let names: Vec<&str> = a.dataset().options.iter().map(|o| o.name.as_str()).collect();
        let rows: Vec<String> = screen
            .lines()
            .skip_while(|l| !l.contains("Recommendation"))
            .filter(|l| names.iter().any(|n| l.starts_with(n)))
            .map(|l| l.split_whitespace().next().unwrap().to_owned())
            .collect();
        rows
    };
    let order: Vec<String> = a.dataset().options.iter().map(|o| o.name.clone()).collect();
    assert_eq!(bars(&a), order);
    let leaders = [a.evaluation().recommendation.leader()];
    key(&mut a, KeyCode::Char('0')); // CPU-bound pure code to 0 moves the lead to Python
    assert_ne!([a.evaluation().recommendation.leader()], leaders, "the lead changed");
    assert_eq!(bars(&a), order, "the bars did not swap");
    assert!(!text(&a).contains("picks a scenario"), "moved from the defaults, the hint goes");
    // 60x16: every bar, the verdict; why gives way first.
    let small = app(60, 16);
    assert_eq!(bars(&small), order);
    insta::assert_snapshot!("main_screen_60x16", text(&small));
}

/// The preset picker says when applying an entry replaces the must-haves set by hand, and the status
/// says so once applied; undo brings them back.
#[test]
fn a_preset_says_it_replaces_the_must_haves_set_by_hand() {
    let mut a = app(80, 24);
    let cpu = a.selected();
    key(&mut a, KeyCode::Char('!'));
    keys(&mut a, "6");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Char('p'));
    key(&mut a, KeyCode::Char('j'));
    let picker = support::plain_text(&a);
    assert!(picker.contains("must-haves: none (now: CPU-bound pure code at least 6)."), "{picker}");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.weighting().requirements.get(cpu), None);
    let status = a.status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(status.contains("brings its own must-haves: none (yours were CPU-bound pure code at least 6)"), "{status}");
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(a.weighting().requirements.get(cpu), Some(6));
}

/// At the smallest size a dialog keeps what it is for: the must-have prompt names its dimension whole,
/// and E's footer keeps Ctrl-S, which writes, beside Esc.
#[test]
fn dialogs_keep_what_they_are_for_at_60x16() {
    let mut small = app(60, 16);
    key(&mut small, KeyCode::Char('!'));
    assert!(text(&small).contains("┌ Must-have: CPU-bound pure code ─"), "{}", text(&small));
    key(&mut small, KeyCode::Esc);
    key(&mut small, KeyCode::Char('E'));
    let footer = text(&small).lines().last().unwrap_or_default().to_owned();
    assert!(footer.contains("Ctrl-S write the record") && footer.contains("Esc close"), "{footer}");
}

/// Each default weight's reason shows in the detail header where it fits and whole in help; a source
/// past its freshness limit is marked STALE in words (so without colour too), fresh ones are not.
#[test]
fn the_default_weights_reason_and_stale_sources_show_where_the_dimension_is() {
    let dataset = Dataset::builtin();
    let reason = dataset.dimensions[0].weight_reason.clone().expect("the built-in data gives every reason");
    let mut a = support::sized(
        App::new(Startup {
            today: dataset.meta.as_of.clone(),
            ..Startup::new(dataset.clone(), Weighting::defaults(&dataset))
        }),
        100,
        30,
    );
    let head: String = reason.chars().take(20).collect();
    assert!(text(&a).contains(&format!("default weight {}: {head}", dataset.dimensions[0].weight)), "{}", text(&a));
    assert!(!text(&a).contains("STALE"), "fresh on the day the data was checked");
    key(&mut a, KeyCode::Char('?'));
    // Help opens at the main view's keys; its About is at the top.
    key(&mut a, KeyCode::Char('g'));
    let mut seen = String::new();
    for _ in 0..20 {
        seen.push_str(&text(&a));
        key(&mut a, KeyCode::Char('j'));
    }
    let help: String = seen.split_whitespace().collect::<Vec<_>>().join(" ");
    let words: String = reason.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    assert!(help.contains(&words), "help has the reason: {help}");
    // Five years on, every source is stale: the list says so, and so does the focused view.
    let later = Startup { today: "2031-12-06".into(), ..Startup::new(dataset.clone(), Weighting::defaults(&dataset)) };
    let mut old = support::sized(App::new(later), 100, 30);
    let screen = text(&old);
    assert!(screen.contains("[1] STALE · "), "{screen}");
    key(&mut old, KeyCode::Tab);
    key(&mut old, KeyCode::Tab);
    key(&mut old, KeyCode::Tab);
    assert_eq!(old.focus(), Focus::Sources);
    let focused = text(&old);
    assert!(focused.contains("STALE:") && focused.contains("days ago"), "{focused}");
    insta::assert_snapshot!("stale_sources_focused_100x30", focused);
}

/// The sensitivity chart draws the flip as the ◆ its legend names, also without colour; the score axis
/// spans the scores drawn; a dimension no single weight can change says "any weight"; the table says
/// what its columns mean.
#[test]
fn the_sensitivity_chart_marks_the_flip_as_its_legend_says() {
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('f'));
    let Overlay::Sensitivity(_) = a.overlay() else { panic!("the view is open") };
    let plain = support::plain_text(&a);
    let chart: Vec<&str> = plain.lines().skip(3).take(8).collect();
    let flip = a.evaluation().flips.iter().find(|f| f.dimension == a.selected());
    if flip.is_some() {
        assert!(plain.lines().nth(2).unwrap().contains("◆ flip:"), "{plain}");
        assert!(chart.iter().any(|l| l.contains('◆')), "the ◆ is in the chart, without colour too:\n{plain}");
        // In colour, its cell does not keep the chart's block background, which would hide it.
        let coloured = buffer(&a, true);
        let cell = coloured.content.iter().find(|c| c.symbol() == "◆" && c.bg != Color::Reset);
        assert!(cell.is_none(), "the ◆ sits on a coloured background: {cell:?}");
    }
    assert!(plain.contains("holds: weights at which the leader still leads"), "{plain}");
    // The axis: the lowest label is at most the lowest score drawn, and within a point of it.
    let along = versus::engine::score::scores_along(a.dataset(), a.weights(), a.selected());
    let lowest = along.iter().flatten().copied().fold(100.0_f64, f64::min);
    let label =
        |l: &str| l.trim_start_matches(['┃', ' ', '│']).split('│').next().and_then(|n| n.trim().parse::<f64>().ok());
    let labels: Vec<f64> = chart.iter().filter_map(|l| label(l)).collect();
    let bottom = labels.iter().copied().fold(f64::MAX, f64::min);
    assert!(bottom <= lowest && lowest - bottom < 1.0, "axis from {bottom}, scores from {lowest}: {labels:?}");
    key(&mut a, KeyCode::Char('G'));
    assert!(text(&a).contains("any weight"), "{}", text(&a));
    assert!(!text(&a).contains("0-10  none"));
}

#[test]
fn the_lists_scroll_thumb_has_a_column_of_its_own_apart_from_the_favour_marks() {
    for (width, height, scrolls) in [(80, 24, true), (160, 48, false)] {
        let mut a = app(width, height);
        for end in [false, true] {
            if end {
                key(&mut a, KeyCode::Char('G'));
            }
            let Screen::Main(regions) = a.screen() else { panic!() };
            let list = regions.list;
            let screen = text(&a);
            let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
            let inside = (usize::from(list.y) + 1)..(usize::from(list.bottom()) - 1);
            let border = usize::from(list.right() - 1);
            // Where the list is longer than its box, the thumb is on the border: top, then bottom.
            let thumb: Vec<usize> = inside.clone().filter(|&y| rows[y][border] == '█').collect();
            assert_eq!(!thumb.is_empty(), scrolls, "{width}x{height}: a thumb only where the list scrolls\n{screen}");
            if scrolls {
                let at = if end { *thumb.last().unwrap() + 1 == inside.end } else { thumb[0] == inside.start };
                assert!(at, "{width}x{height}: the thumb at the {} \n{screen}", if end { "bottom" } else { "top" });
            }
            for y in inside {
                assert_eq!(
                    rows[y][border - 1],
                    ' ',
                    "{width}x{height} row {y}: a blank column before the border\n{screen}"
                );
            }
            // The marks stand a column further in.
            let marks = rows.iter().filter(|r| matches!(r.get(border - 2), Some('◀' | '▶' | '='))).count();
            assert!(marks >= 5, "{width}x{height}: the favour marks two columns left of the border\n{screen}");
        }
    }
}

#[test]
fn a_tall_screen_gives_the_recommendation_room_for_why_and_the_first_screens_hint() {
    let a = app(160, 48);
    let Screen::Main(regions) = a.screen() else { panic!() };
    let screen = text(&a);
    let panel: Vec<&str> = screen
        .lines()
        .skip(usize::from(regions.recommendation.y))
        .take(usize::from(regions.recommendation.height))
        .collect();
    let panel = panel.join("\n");
    assert!(panel.contains("i answers"), "the hint at the default weights:\n{panel}");
    assert!(panel.lines().any(|l| l.starts_with("why ")), "why is not dropped for the hint:\n{panel}");
    assert!(panel.contains("flip:") && panel.contains("sure:"), "{panel}");
    // At 80x24 the panel keeps its height: the list and panes need the rows.
    let small = app(80, 24);
    let Screen::Main(small_regions) = small.screen() else { panic!() };
    assert_eq!(small_regions.recommendation.height, 7);
}

#[test]
fn the_list_gives_a_dimensions_short_name_where_the_whole_one_does_not_fit() {
    let a = app(80, 24);
    let d = a.dataset().clone();
    let http = d.dimensions.iter().find(|x| x.id == "http-throughput").expect("the built-in data has it");
    assert_eq!(http.short.as_deref(), Some("HTTP throughput"));
    let screen = text(&a);
    assert!(screen.contains("  HTTP throughput "), "{screen}");
    assert!(!screen.contains("HTTP framework th"), "the short name, not the long one cut: {screen}");
    // At 80x24 every row's name shows whole, the whole name or the short one: nothing in the list is cut.
    let Screen::Main(regions) = a.screen() else { panic!() };
    let list: Vec<String> = screen
        .lines()
        .skip(usize::from(regions.list.y) + 1)
        .take(usize::from(regions.list.height) - 2)
        .map(|l| l.chars().take(usize::from(regions.list.width)).collect())
        .collect();
    assert!(list.iter().all(|l| !l.contains('…')), "{}", list.join("\n"));
    // Where the whole name fits, it is the one shown.
    let wide = app(160, 48);
    assert!(text(&wide).contains("HTTP framework throughput"));
    // A search shows the whole name, with its matched characters.
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('/'));
    keys(&mut a, "framework");
    assert!(text(&a).contains("HTTP framework th"), "{}", text(&a));
}

/// The explorer on the built-in data at its default weights with `required` must-haves (id, minimum).
fn requiring(required: &[(&str, u8)], width: u16, height: u16) -> App {
    let dataset = Dataset::builtin();
    let mut weighting = Weighting::defaults(&dataset);
    for &(id, min) in required {
        let dimension = dataset.dimensions.iter().position(|d| d.id == id).unwrap();
        weighting.requirements.set(dimension, min);
    }
    support::sized(App::new(Startup::new(dataset, weighting)), width, height)
}

#[test]
fn bang_sets_and_clears_a_must_have_through_a_prompt_and_undo_brings_it_back() {
    let mut a = app(80, 24);
    let cpu = a.selected();
    assert_eq!(a.dataset().dimensions[cpu].id, "cpu-bound");
    key(&mut a, KeyCode::Char('!'));
    assert!(matches!(a.overlay(), Overlay::Prompt(_)));
    insta::assert_snapshot!("must_have_prompt_80x24", text(&a));
    // Off the scale: the prompt stays and says the form.
    keys(&mut a, "11");
    key(&mut a, KeyCode::Enter);
    assert!(matches!(a.overlay(), Overlay::Prompt(_)));
    assert!(text(&a).contains("a must-have is a whole number from 0 to 10"), "{}", text(&a));
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    keys(&mut a, "6");
    key(&mut a, KeyCode::Enter);
    assert_eq!(*a.overlay(), Overlay::None);
    assert_eq!(a.weighting().requirements.get(cpu), Some(6));
    // Python rates it 4: it fails, so Node.js is the only option left.
    assert_eq!(a.evaluation().recommendation.leader(), Some(0));
    // The mark shows without colour: `!` before the selected row's name.
    assert!(support::plain_text(&a).contains("▸!CPU-bound"), "{}", support::plain_text(&a));
    // The prompt opens on the minimum in force; emptied, it clears it.
    key(&mut a, KeyCode::Char('!'));
    assert!(text(&a).contains("(empty clears): 6"), "{}", text(&a));
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.weighting().requirements.get(cpu), None);
    // Undo brings the must-have back, redo clears it again.
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(a.weighting().requirements.get(cpu), Some(6));
    assert!(text(&a).contains("must-have on CPU-bound pure code"), "{}", text(&a));
    press_with(&mut a, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(a.weighting().requirements.get(cpu), None);
    assert_eq!(a.evaluation(), &evaluate(a.dataset(), a.weights()));
}

#[test]
fn an_option_failing_a_must_have_80x24() {
    insta::assert_snapshot!(text(&requiring(&[("cpu-bound", 6), ("realtime", 5)], 80, 24)));
}

#[test]
fn an_option_failing_a_must_have_160x48() {
    insta::assert_snapshot!(text(&requiring(&[("cpu-bound", 6), ("realtime", 5)], 160, 48)));
}

#[test]
fn every_option_failing_a_must_have_80x24() {
    let mut a = requiring(&[("cpu-bound", 10), ("ml-ecosystem", 10)], 80, 24);
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Char('j'));
    insta::assert_snapshot!(text(&a));
}

#[test]
fn every_option_failing_a_must_have_160x48() {
    let mut a = requiring(&[("cpu-bound", 10), ("ml-ecosystem", 10)], 160, 48);
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Char('j'));
    insta::assert_snapshot!(text(&a));
}

#[test]
fn must_have_prompt_160x48() {
    let mut a = requiring(&[("cpu-bound", 6)], 160, 48);
    key(&mut a, KeyCode::Char('!'));
    insta::assert_snapshot!(text(&a));
}

#[test]
fn a_profile_saves_its_must_haves_and_brings_them_back_from_the_picker() {
    use versus::engine::profiles::Profile;
    let mut a = app(80, 24);
    let cpu = a.selected();
    key(&mut a, KeyCode::Char('!'));
    keys(&mut a, "6");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Char('s'));
    keys(&mut a, "strict");
    let effects = key(&mut a, KeyCode::Enter);
    let [Effect::SaveProfile { profile, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    let saved: Profile = profile.resolve(a.dataset());
    assert_eq!(saved.notes.requirements.get(cpu), Some(6));
    // Started afresh with that profile listed: choosing it in the picker brings the must-have back.
    let d = Dataset::builtin();
    let weighting = Weighting::defaults(&d);
    let mut b = support::sized(App::new(Startup { profiles: vec![saved], ..Startup::new(d, weighting) }), 80, 24);
    assert_eq!(b.weighting().requirements.get(cpu), None);
    key(&mut b, KeyCode::Char('p'));
    key(&mut b, KeyCode::Char('G'));
    key(&mut b, KeyCode::Enter);
    assert_eq!(b.weighting().origin.name(b.dataset()), "profile strict");
    assert_eq!(b.weighting().requirements.get(cpu), Some(6));
    assert_eq!(b.evaluation().recommendation.leader(), Some(0), "Python fails it: Node.js is the only option");
}

/// `E`: the decision record's dialog takes a title, a context of several lines and a review date
/// (prefilled by the default rule), and asks the shell to write what `versus record` would write.
#[test]
fn big_e_writes_the_decision_record_typed_into_its_dialog() {
    use versus::explorer::overlays::record;
    let mut a = app(80, 24);
    key(&mut a, KeyCode::Char('E'));
    let Overlay::Record(dialog) = a.overlay().clone() else { panic!("{:?}", a.overlay()) };
    let default_review = dialog.review_by.clone();
    // The built-in data at its defaults is a toss-up: two months ahead.
    assert_eq!(default_review, versus::engine::decision::add_months(&a.dataset().meta.as_of, 2));
    keys(&mut a, "Backend language");
    key(&mut a, KeyCode::Tab);
    keys(&mut a, "We serve mobile apps.");
    key(&mut a, KeyCode::Enter);
    keys(&mut a, "Two of us know Python.");
    insta::assert_snapshot!("record_dialog_80x24", text(&a));
    let effects = press_with(&mut a, KeyCode::Char('s'), KeyModifiers::CONTROL).unwrap().effects;
    let source = a.record_source();
    let expected = record::text(
        a.dataset(),
        &source,
        "Backend language",
        "We serve mobile apps.\nTwo of us know Python.",
        &default_review,
    )
    .unwrap();
    assert_eq!(effects, vec![Effect::WriteRecord { dir: "docs/decisions".into(), text: expected.clone() }]);
    assert_eq!(*a.overlay(), Overlay::None);
    assert!(expected.contains("\n# Backend language\n"), "{expected}");
    assert!(expected.contains("## Context and Problem Statement\n\nWe serve mobile apps.\nTwo of us know Python.\n\n"));
    assert!(expected.contains(&format!("review-by: {default_review}\n")));
    report(&mut a, Outcome::Done("wrote the decision record to /r/docs/decisions/0001-backend-language.md".into()));
    assert!(text(&a).contains("wrote the decision record to /r/docs/decisions/0001-backend-language.md"));
}

/// A review date that is not one keeps the dialog open and says so; Esc with text typed asks first.
#[test]
fn the_record_dialog_checks_its_date_and_asks_before_losing_text() {
    let mut a = app(160, 48);
    key(&mut a, KeyCode::Char('E'));
    insta::assert_snapshot!("record_dialog_160x48", text(&a));
    key(&mut a, KeyCode::BackTab);
    press_with(&mut a, KeyCode::Char('u'), KeyModifiers::CONTROL);
    keys(&mut a, "soon");
    let effects = press_with(&mut a, KeyCode::Char('s'), KeyModifiers::CONTROL).unwrap().effects;
    assert!(effects.is_empty());
    assert!(matches!(a.overlay(), Overlay::Record(_)));
    assert!(a.status().unwrap().text.contains("review date `soon`: give it as YYYY-MM-DD"));
    key(&mut a, KeyCode::Esc);
    let Overlay::Record(dialog) = a.overlay().clone() else { panic!("asks first") };
    assert!(dialog.asking && text(&a).contains("Discard what you typed?"));
    key(&mut a, KeyCode::Char('n'));
    let Overlay::Record(dialog) = a.overlay().clone() else { panic!("back to the text") };
    assert!(!dialog.asking && dialog.review_by == "soon");
    key(&mut a, KeyCode::Esc);
    let effects = key(&mut a, KeyCode::Char('y'));
    assert!(effects.is_empty());
    assert_eq!(*a.overlay(), Overlay::None);
    // Nothing typed: Esc closes at once.
    key(&mut a, KeyCode::Char('E'));
    key(&mut a, KeyCode::Esc);
    assert_eq!(*a.overlay(), Overlay::None);
}

/// The recommendation's sure line and verdict say what the shares were drawn over: the ratings alone with
/// `--weight-spread 0`, the weights ±N otherwise; the shares come first, so a narrow screen keeps them.
#[test]
fn the_sure_line_says_what_the_shares_were_drawn_over_at_80x24_and_160x48() {
    let at = |spread: u8, width: u16, height: u16| {
        let d = Dataset::builtin();
        let weighting = Weighting::preset(&d, "crud-admin").unwrap();
        support::sized(App::new(Startup { weight_spread: spread, ..Startup::new(d, weighting) }), width, height)
    };
    let fixed = text(&at(0, 80, 24));
    assert!(fixed.contains(", over plausible ratings\n"), "{fixed}");
    assert!(!fixed.contains('±'), "{fixed}");
    let wide = text(&at(3, 160, 48));
    assert!(wide.contains("of plausible ratings and weights ±3."), "{wide}");
    assert!(wide.contains(", over plausible ratings and weights ±3\n"), "{wide}");
    insta::assert_snapshot!("sure_line_fixed_weights_80x24", fixed);
    insta::assert_snapshot!("sure_line_weights_3_160x48", wide);
    // The command `y` copies reproduces the spread when it is not the default.
    assert!(at(3, 80, 24).command_line().ends_with(" --weight-spread 3"), "{}", at(3, 80, 24).command_line());
    assert!(!at(1, 80, 24).command_line().contains("--weight-spread"));
}

/// `w` steps the weight spread of the sure share, ±1 to ±2, ±3, fixed and back, sampling afresh each time
/// as `--weight-spread` would; with a team, any spread above 0 is the team's range.
#[test]
fn w_steps_the_weight_spread_and_the_sure_line_follows() {
    use versus::engine::robustness::{DEFAULT_SAMPLES, DEFAULT_SEED, WeightRanges, robustness_over};
    let mut a = app(80, 24);
    for (spread, said) in
        [(2, "over plausible ratings and weights ±2"), (3, "weights ±3"), (0, "over plausible ratings\n")]
    {
        key(&mut a, KeyCode::Char('w'));
        let screen = text(&a);
        assert!(screen.contains(said), "±{spread}: {screen}");
        let expected = robustness_over(
            a.dataset(),
            &WeightRanges::within(a.weights(), spread),
            &versus::engine::requirements::Requirements::NONE,
            DEFAULT_SAMPLES,
            DEFAULT_SEED,
        );
        assert_eq!(a.robustness().0, expected, "±{spread}");
    }
    assert!(a.status().unwrap().text.starts_with("weights fixed"), "{:?}", a.status());
    key(&mut a, KeyCode::Char('w'));
    assert!(text(&a).contains("weights ±1"));
    // With a team every spread above 0 is the members' range: w goes from it to fixed and back.
    let mut team = team_app(80, 24);
    key(&mut team, KeyCode::Char('w'));
    assert!(team.status().unwrap().text.starts_with("weights fixed"), "{:?}", team.status());
    assert!(text(&team).contains("over plausible ratings\n"), "{}", text(&team));
    key(&mut team, KeyCode::Char('w'));
    assert!(team.status().unwrap().text.starts_with("the team's range of weights"), "{:?}", team.status());
}

/// The interview's "So far" counts the must-haves in force, as its summary does.
#[test]
fn the_interviews_verdict_so_far_counts_the_must_haves() {
    let mut a = app(160, 48);
    assert_eq!(a.dataset().dimensions[a.selected()].id, "cpu-bound");
    key(&mut a, KeyCode::Char('!'));
    keys(&mut a, "6");
    key(&mut a, KeyCode::Enter); // Python rates CPU-bound pure code 4: it fails
    key(&mut a, KeyCode::Char('i'));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Enter); // models in process: no
    let screen = text(&a);
    assert!(screen.contains("So far: Node.js is the only option"), "{screen}");
}

/// The sensitivity view's nearest rating flips, and the report the explorer exports, count the
/// must-haves in force, as `versus report` does: with Python failing one, "Python leads" after a Node.js
/// rating drop would be false.
#[test]
fn rating_flips_in_the_explorer_count_the_must_haves() {
    use versus::engine::score::{rating_flips, rating_flips_with};
    let mut a = app(160, 48);
    key(&mut a, KeyCode::Char('!'));
    keys(&mut a, "6");
    key(&mut a, KeyCode::Enter);
    let (dataset, weights) = (Dataset::builtin(), a.weights().to_vec());
    let expected = rating_flips_with(&dataset, &weights, &a.weighting().requirements);
    assert_ne!(expected, rating_flips(&dataset, &weights), "the must-have changes the flips");
    assert_eq!(a.rating_flips(), expected);
    key(&mut a, KeyCode::Char('f'));
    assert_eq!(a.rating_flips(), expected, "the view's own");
    // A Node.js rating cannot put Python ahead while Python fails the must-have.
    let screen = support::plain_text(&a);
    assert!(!screen.lines().any(|l| l.contains("Node.js") && l.contains(": Python leads")), "{screen}");
    assert!(screen.contains("Python 4 -> 7: Python leads"), "{screen}");
}

/// The team overlay words as many material disputes as fit and says how many more there are: none goes
/// unmentioned (it showed four and folded the rest away).
#[test]
fn the_team_overlay_counts_every_material_dispute() {
    use versus::engine::team::{Group, Member};
    use versus::engine::weights::{Origin, Weighting};
    let d = Dataset::builtin();
    // Members of whole-number weights from a small generator: the first team with six material
    // disputes or more.
    let mut state = 7_u64;
    let mut next = move || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % 11) as u8
    };
    let (members, group) = std::iter::repeat_with(|| {
        let members: Vec<Member> = ["Ann", "Bob", "Cat"]
            .iter()
            .map(|&name| Member::new(name, (0..d.dimensions.len()).map(|_| next()).collect()))
            .collect();
        let group = Group::of(&d, &members.iter().collect::<Vec<_>>()).unwrap();
        (members, group)
    })
    .take(200)
    .find(|(_, group)| group.material() >= 6)
    .expect("a team of many material disputes");
    let weighting = Weighting {
        origin: Origin::Team { counted: vec![true; 3], weights: group.weights.clone() },
        weights: group.weights.clone(),
        requirements: versus::engine::requirements::Requirements::NONE,
    };
    let mut a = support::sized(App::new(Startup { team: members, ..Startup::new(d, weighting) }), 80, 24);
    key(&mut a, KeyCode::Char('T'));
    let said = text(&a).replace(['│', '┃'], " ");
    let said = said.split_whitespace().collect::<Vec<_>>().join(" ");
    // Each dispute worded says "would make" (an option lead, or it a tie).
    let shown = said.matches("would make").count();
    let more: usize =
        said.split("; and ").nth(1).and_then(|rest| rest.split(' ').next()).and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(more > 0, "{said}");
    assert_eq!(shown + more, group.material(), "{said}");
}

/// The must-have prompt opens on the minimum in force, and a digit typed replaces it (8 over 7 is 8, not
/// 78); Backspace edits it instead.
#[test]
fn typing_over_a_must_haves_minimum_replaces_it() {
    let mut a = app(80, 24);
    let cpu = a.selected();
    for (typed, expected) in [("7", 7), ("8", 8), ("10", 10)] {
        key(&mut a, KeyCode::Char('!'));
        keys(&mut a, typed);
        key(&mut a, KeyCode::Enter);
        assert_eq!(a.weighting().requirements.get(cpu), Some(expected), "typed {typed}");
    }
    key(&mut a, KeyCode::Char('!'));
    key(&mut a, KeyCode::Backspace);
    keys(&mut a, "5");
    key(&mut a, KeyCode::Enter);
    // "10" less its 0, then 5: 15, refused; the prompt stays and the minimum in force with it.
    assert!(matches!(a.overlay(), Overlay::Prompt(Prompt { input, .. }) if input == "15"), "{:?}", a.overlay());
    assert_eq!(a.weighting().requirements.get(cpu), Some(10));
}
