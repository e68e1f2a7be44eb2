//! Pop-ups over the main view: the preset picker, the claims audit and help.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::engine::profiles::Profile;
use crate::engine::report::verdict_sentence;
use crate::engine::score::{Recommendation, recommend};
use crate::engine::text::{fit, pluralize, wrap};
use crate::engine::weights::{Origin, changes};
use crate::explorer::app::{App, Document, Purpose, Question};
use crate::explorer::theme::Theme;
use crate::explorer::{layout, view};

/// Draws an empty bordered pop-up and returns its inside.
pub(super) fn popup(frame: &mut Frame, area: Rect, title: &str, theme: Theme) -> Rect {
    let block = Block::bordered().title(Span::styled(format!(" {title} "), theme.bold()));
    let inner = block.inner(area);
    // A column of blank each side, so that the screen underneath does not run up against the border.
    let screen = frame.area();
    let x = area.x.saturating_sub(1);
    let gutter = Rect::new(x, area.y, (area.right() + 1).min(screen.right()) - x, area.height);
    // A wide character just left of that would be drawn over it (the terminal gives it two columns), so
    // it goes too.
    if let Some(left) = gutter.x.checked_sub(1) {
        let buffer = frame.buffer_mut();
        for y in gutter.top()..gutter.bottom() {
            if buffer[(left, y)].symbol().width() > 1 {
                buffer[(left, y)].set_symbol(" ");
            }
        }
    }
    frame.render_widget(Clear, gutter);
    frame.render_widget(block, area);
    inner
}

/// The end of a weighting overlay (interview, pairwise), in `rows` rows: the weights it would set that
/// differ from the weights now (dimension, now -> then; as many as fit), the verdict they give, and
/// `keys`, how to apply or leave.
pub(super) fn proposal(
    app: &App,
    weights: &[u8],
    keys: &str,
    width: usize,
    rows: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let dataset = app.dataset();
    let verdict = verdict_sentence(dataset, &recommend(dataset, weights));
    let verdict = wrap(&format!("With them: {verdict}"), width);
    let keys = wrap(keys, width);
    let changed = changes(app.weights(), weights);
    let mut lines = Vec::new();
    if changed.is_empty() {
        lines.push(Line::raw("They change no weight."));
    } else {
        let heading = format!("They change {} (dimension, now -> then):", pluralize(changed.len(), "weight"));
        lines.push(Line::raw(fit(&heading, width)));
        // Room for the list once the heading, a blank line, the verdict and the keys have theirs.
        let room = rows.saturating_sub(2 + verdict.len() + keys.len()).max(1);
        let shown = if changed.len() > room { room - 1 } else { changed.len() };
        for &(d, now, then) in &changed[..shown] {
            lines.push(Line::raw(fit(&format!("  {} {now} -> {then}", dataset.dimensions[d].name), width)));
        }
        if shown < changed.len() {
            lines.push(Line::styled(format!("  … and {} more", changed.len() - shown), theme.dim()));
        }
    }
    lines.push(Line::default());
    lines.extend(verdict.into_iter().map(|l| Line::styled(l, theme.bold())));
    lines.extend(keys.into_iter().map(|l| Line::styled(l, theme.dim())));
    lines
}

pub fn presets(frame: &mut Frame, app: &App, selected: usize, theme: Theme) {
    let area = frame.area();
    let dataset = app.dataset();
    let entries = app.picker_entries();
    let rect = layout::presets(area, entries.len());
    let inner = popup(frame, rect, "Presets and saved profiles (Enter applies)", theme);
    let width = usize::from(inner.width);
    let list_area = layout::presets_list(area, entries.len());
    let list_height = usize::from(list_area.height);
    let first = layout::scroll_for(selected, list_height);
    let mut lines = Vec::new();
    for (i, origin) in entries.iter().enumerate().skip(first).take(list_height) {
        let pointer = if i == selected { "▸" } else { " " };
        let current = if &app.weighting().origin == origin { "●" } else { " " };
        // Profiles are marked apart from the dataset's presets, in words as well as the star.
        let name = match origin {
            Origin::Defaults => "Default weights".to_owned(),
            Origin::Preset(preset) => dataset.presets[*preset].name.clone(),
            Origin::Profile { name, .. } => format!("★ {name} (saved profile)"),
            Origin::Team { .. } => format!("Team: the median of {}", origin.team_size().unwrap_or(0)),
        };
        let outcome = match recommend(dataset, &origin.weights(dataset)) {
            Recommendation::Lead { option, margin, close_call, .. } => Span::styled(
                // The winner's name gives way before the entry's: an option may be named in 80 characters.
                format!(
                    "{} +{margin:.1}{}",
                    fit(&dataset.options[option].name, width / 3),
                    if close_call { " (close)" } else { "" }
                ),
                theme.option(option),
            ),
            Recommendation::Tie { .. } => Span::styled("tie", theme.close_call()),
            Recommendation::NoWeights => Span::styled("no weights", theme.dim()),
        };
        let outcome_width = outcome.content.width();
        let name_width = width.saturating_sub(outcome_width + 6);
        let name = fit(&name, name_width);
        let pad = " ".repeat(name_width.saturating_sub(name.width()) + 1);
        let style = if i == selected { theme.selected() } else { ratatui::style::Style::new() };
        lines.push(Line::from(vec![
            Span::styled(format!("{pointer}{current} {name}{pad}"), style),
            Span::raw("→ "),
            outcome,
        ]));
    }
    frame.render_widget(Paragraph::new(lines), list_area);
    let description = match entries.get(selected) {
        Some(Origin::Preset(preset)) => dataset.presets[*preset].description.clone(),
        Some(Origin::Profile { name, .. }) => {
            let warning = app.profiles().iter().find(|profile| &profile.name == name).and_then(Profile::warning);
            warning.unwrap_or_else(|| format!("Your saved weights `{name}`. x deletes it."))
        }
        Some(origin @ Origin::Team { .. }) => {
            let members = origin.team_size().unwrap_or(0);
            format!("Each dimension's median of the weights of the {members} team members counted (T lists them).")
        }
        _ => "Every dimension at the default weight the dataset gives it.".to_owned(),
    };
    // What applying the entry would change, against the weights now, and the verdict it would give
    // (the verdict first: a long list of changes may not fit).
    let preview = entries.get(selected).map_or_else(String::new, |origin| {
        let weights = origin.weights(dataset);
        let changes: Vec<String> = changes(app.weights(), &weights)
            .into_iter()
            .map(|(d, now, then)| format!("{} {now}→{then}", dataset.dimensions[d].name))
            .collect();
        match changes.len() {
            0 => " It changes no weight.".to_owned(),
            n => format!(
                " With it: {} It changes {}: {}.",
                verdict_sentence(dataset, &recommend(dataset, &weights)),
                pluralize(n, "weight"),
                changes.join(", ")
            ),
        }
    });
    let description = format!("{description}{preview}");
    let text: Vec<Line> = wrap(&description, width).into_iter().map(|l| Line::styled(l, theme.dim())).collect();
    frame.render_widget(
        Paragraph::new(text),
        Rect::new(inner.x, inner.y + list_height as u16, inner.width, inner.height - list_area.height),
    );
}

/// A one-line text prompt near the bottom of the screen.
pub(crate) fn prompt(frame: &mut Frame, purpose: Purpose, input: &str, theme: Theme) {
    let area = frame.area();
    let (title, hint) = match purpose {
        Purpose::SaveProfile => ("Save the weights as a profile", "name:"),
        Purpose::Export(Document::Report) => ("Export the report as markdown", "file:"),
        Purpose::Export(Document::Record) => ("Export a decision record (MADR)", "file:"),
    };
    let rect = layout::prompt(area);
    let inner = popup(frame, rect, title, theme);
    let width = usize::from(inner.width).saturating_sub(hint.width() + 2);
    // Show the end of a long input: that is where the cursor is.
    let shown: String = {
        let chars: Vec<char> = input.chars().collect();
        let mut start = chars.len();
        let mut used = 0;
        while start > 0 && used + chars[start - 1].width().unwrap_or(0) < width {
            start -= 1;
            used += chars[start].width().unwrap_or(0);
        }
        chars[start..].iter().collect()
    };
    let line = Line::from(vec![
        Span::styled(format!("{hint} "), theme.bold()),
        Span::raw(shown),
        Span::styled("█", theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), inner);
}

/// A yes/no question.
pub(crate) fn confirm(frame: &mut Frame, question: &Question, theme: Theme) {
    let area = frame.area();
    let text = match question {
        Question::QuitUnsaved => "Quit? These weights are in no saved profile (n, then s, saves them).".to_owned(),
        Question::OverwriteProfile(name) => format!("A profile named `{name}` exists. Replace it?"),
        Question::DeleteProfile(name) => format!("Delete the saved profile `{name}`?"),
        Question::OverwriteFile { path, .. } => format!("{path} exists. Replace it?"),
    };
    let rect = layout::confirm(area);
    let inner = popup(frame, rect, "Confirm", theme);
    let lines = vec![
        Line::styled(fit(&text, usize::from(inner.width)), theme.bold()),
        Line::styled("y yes · n no", theme.dim()),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn claims(frame: &mut Frame, app: &App, selected: usize, expanded: bool, scroll: u16, theme: Theme) {
    let area = frame.area();
    let rect = layout::claims(area);
    let title = match (&app.dataset().meta.audits, expanded) {
        (_, true) => "Claims audit (PgUp/PgDn scroll the explanation)".to_owned(),
        (Some(audits), false) => format!("Claims audit: {audits}"),
        (None, false) => "Claims audit: the claims against the evidence".to_owned(),
    };
    popup(frame, rect, &title, theme);
    let (list, detail) = layout::claims_parts(area, expanded);
    let width = usize::from(list.width);
    // The verdicts counted on the first row; `v` shows one at a time.
    let claims = &app.dataset().claims;
    let counts: Vec<String> = crate::engine::data::Verdict::ALL
        .iter()
        .map(|&v| (v, claims.iter().filter(|c| c.verdict == v).count()))
        .filter(|&(_, n)| n > 0)
        .map(|(v, n)| format!("{n} {}", v.label()))
        .collect();
    let listed = app.listed_claims();
    let summary = match app.claims_filter() {
        None => format!("{} claims: {}", claims.len(), counts.join(" · ")),
        Some(v) => format!("only {} ({} of {}) · v: the next verdict", v.label(), listed.len(), claims.len()),
    };
    let mut lines = vec![Line::styled(fit(&summary, width), theme.dim())];
    let rows = usize::from(layout::claims_rows(area, expanded).height);
    let at = listed.iter().position(|&c| c == selected).unwrap_or(0);
    let first = layout::scroll_for(at, rows);
    let badge_width = 13;
    lines.extend(listed.iter().skip(first).take(rows).map(|&i| (i, &claims[i])).map(|(i, c)| {
        let badge = format!("{:<badge_width$}", format!("[{}]", c.verdict.label().to_uppercase()));
        let text_style = if i == selected { theme.selected() } else { ratatui::style::Style::new() };
        let pointer = if i == selected { "▸ " } else { "  " };
        Line::from(vec![
            Span::raw(pointer),
            Span::styled(badge, theme.verdict(c.verdict)),
            Span::styled(fit(&format!(" {}", c.claim), width.saturating_sub(badge_width + 2)), text_style),
        ])
    }));
    frame.render_widget(Paragraph::new(lines), list);
    if expanded {
        let text = view::claim_detail_lines(app.dataset(), selected, detail.width, theme);
        frame.render_widget(Paragraph::new(text).scroll((scroll, 0)), detail);
    }
}

pub fn help(frame: &mut Frame, app: &App, scroll: u16, theme: Theme) {
    let width = layout::help_inner_width(frame.area());
    let lines = view::help_lines(&app.dataset().meta, app.problems(), app.keymap(), app.mouse(), width, theme);
    let rect = layout::help(frame.area(), lines.len());
    let title = if rect.height < lines.len() as u16 + 2 { "Help (j/k scroll)" } else { "Help" };
    let inner = popup(frame, rect, title, theme);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
