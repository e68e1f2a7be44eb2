//! The preset picker (`p`): the default weights, the team's median (with `--team`), the dataset's presets
//! and the user's saved profiles, each with the verdict its weights give; Enter applies one as a single
//! undoable step, `x` deletes a saved profile.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Confirmation, Ctx, Next, PAGE, Request, Room, Seen, popup, pressed_row};
use crate::engine::data::Dataset;
use crate::engine::profiles::Profile;
use crate::engine::requirements::Requirements;
use crate::engine::score::{Recommendation, recommend_with};
use crate::engine::text::{fit, pluralize, wrap};
use crate::engine::verdict::{lead_sentence, points};
use crate::engine::weights::{Origin, changes};
use crate::explorer::keymap::{Action, Context};
use crate::explorer::layout::{centred, inner, scroll_for};
use crate::explorer::state::{Pointer, Status, step};
use crate::explorer::theme::Theme;

#[derive(Debug, Clone, PartialEq)]
pub struct Presets {
    pub selected: usize,
    /// Worked out as the picker opens (nothing it lists changes while it is open).
    entries: Vec<Entry>,
}

/// One entry of the picker: where its weights come from, the weights, the must-haves it brings, and the
/// verdict they give.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    origin: Origin,
    weights: Vec<u8>,
    requirements: Requirements,
    verdict: Recommendation,
}

impl Presets {
    /// The picker on the entry the weights now come from (a profile by its name: its weights may have
    /// been saved again since).
    pub(crate) fn open(ctx: &Ctx) -> Self {
        let dataset = ctx.dataset;
        let entries: Vec<Entry> = ctx
            .weights
            .picker_entries(dataset)
            .into_iter()
            .map(|origin| {
                let weights = origin.weights(dataset);
                // A preset's verdict with its must-haves; a profile's with those it was saved with.
                let requirements = origin.requirements(dataset);
                let verdict = recommend_with(dataset, &weights, &requirements);
                Entry { origin, weights, requirements, verdict }
            })
            .collect();
        let current = &ctx.weights.weighting().origin;
        let same = |entry: &Entry| match (&entry.origin, current) {
            (Origin::Profile { name, .. }, Origin::Profile { name: now, .. }) => name == now,
            (Origin::Team { .. }, Origin::Team { .. }) => true,
            (entry, current) => entry == current,
        };
        let selected = entries.iter().position(same).unwrap_or(0);
        Self { selected, entries }
    }

    /// The pop-up, for `entries` entries.
    fn area(area: Rect, entries: usize) -> Rect {
        centred(area, 76, (entries as u16).saturating_add(8).max(10))
    }

    /// The list of entries inside the pop-up, above the four rows that describe the selected one.
    fn list(area: Rect, entries: usize) -> Rect {
        let inside = inner(Self::area(area, entries));
        let describe = 4.min(inside.height / 2);
        Rect::new(inside.x, inside.y, inside.width, inside.height - describe)
    }

    fn apply(&self, ctx: &mut Ctx) {
        let Some(entry) = self.entries.get(self.selected) else { return };
        if let Origin::Profile { name, .. } = &entry.origin
            && let Some(warning) = ctx.weights.profile(name).and_then(Profile::warning)
        {
            ctx.set_status(Status::warning(warning));
        }
        let name = entry.origin.name(ctx.dataset);
        // Must-haves set by hand are replaced too: said, so that none goes without a word.
        let replaced = ctx.weights.weighting().requirements.clone();
        if replaced != entry.requirements && !replaced.is_empty() && ctx.status.is_none() {
            let now = must_haves(ctx.dataset, &entry.requirements);
            let before = replaced.describe(ctx.dataset);
            ctx.set_status(Status::info(format!(
                "{name} brings its own must-haves: {now} (yours were {before}); u undoes"
            )));
        }
        if ctx.weights.weighting().is_modified(ctx.dataset) && ctx.status.is_none() {
            ctx.set_status(Status::info(format!("{name} applied over modified weights; u undoes")));
        }
        ctx.weights.apply(ctx.dataset, entry.origin.clone(), format!("applying {name}"));
    }
}

impl Room for Presets {
    fn context(&self) -> Context {
        Context::Presets
    }

    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Next {
        if let Some(selected) = step(self.selected, action, self.entries.len().saturating_sub(1), PAGE) {
            self.selected = selected;
            return Next::Stay;
        }
        match action {
            Action::Confirm => {
                self.apply(ctx);
                Next::Close
            }
            Action::DeleteProfile => {
                if let Some(Origin::Profile { name, .. }) = self.entries.get(self.selected).map(|entry| &entry.origin) {
                    return Next::Open(Request::Confirm(Confirmation::DeleteProfile(name.clone())));
                }
                ctx.set_status(Status::error("only saved profiles can be deleted; presets come with the dataset"));
                Next::Stay
            }
            Action::Back => Next::Close,
            _ => Next::Stay,
        }
    }

    /// A click selects the row under it; the wheel moves the selection, as j and k do.
    fn point(&mut self, pointer: Pointer, ctx: &mut Ctx) -> bool {
        let before = self.selected;
        if let Some(action) = pointer.kind.wheel() {
            let _ = self.act(action, ctx);
        } else {
            let rows = Self::list(ctx.area, self.entries.len());
            let first = scroll_for(self.selected, usize::from(rows.height));
            if let Some(row) = pressed_row(pointer, rows).filter(|row| first + row < self.entries.len()) {
                self.selected = first + row;
            }
        }
        self.selected != before
    }

    fn draw(&self, frame: &mut Frame, seen: &Seen, theme: Theme) {
        let area = frame.area();
        let dataset = seen.dataset;
        let entries = &self.entries;
        let inner = popup(frame, Self::area(area, entries.len()), "Presets and saved profiles (Enter applies)", theme);
        let width = usize::from(inner.width);
        let list_area = Self::list(area, entries.len());
        let list_height = usize::from(list_area.height);
        let first = scroll_for(self.selected, list_height);
        let mut lines = Vec::new();
        for (i, entry) in entries.iter().enumerate().skip(first).take(list_height) {
            let origin = &entry.origin;
            let pointer = if i == self.selected { "▸" } else { " " };
            let current = if &seen.weights.weighting().origin == origin { "●" } else { " " };
            // Profiles are marked apart from the dataset's presets, in words as well as the star.
            let name = match origin {
                Origin::Defaults => "Default weights".to_owned(),
                Origin::Preset(preset) => dataset.presets[*preset].name.clone(),
                Origin::Profile { name, .. } => format!("★ {name} (saved profile)"),
                Origin::Team { .. } => format!("Team: the median of {}", origin.team_size().unwrap_or(0)),
            };
            let outcome = match entry.verdict {
                Recommendation::Lead { option, margin, .. } => Span::styled(
                    // The winner's name gives way before the entry's: an option may be named in 80 characters.
                    format!("{} +{}", fit(&dataset.options[option].name, width / 3), points(margin)),
                    theme.option(option),
                ),
                Recommendation::Tie { .. } => Span::styled("tie", theme.close_call()),
                Recommendation::NoWeights => Span::styled("no weights", theme.dim()),
                Recommendation::Only { option } => Span::styled(
                    format!("{} only", fit(&dataset.options[option].name, width / 3)),
                    theme.option(option),
                ),
                Recommendation::NoneEligible { .. } => Span::styled("none eligible", theme.close_call()),
            };
            let outcome_width = outcome.content.width();
            let name_width = width.saturating_sub(outcome_width + 6);
            let name = fit(&name, name_width);
            let pad = " ".repeat(name_width.saturating_sub(name.width()) + 1);
            let style = if i == self.selected { theme.selected() } else { ratatui::style::Style::new() };
            lines.push(Line::from(vec![
                Span::styled(format!("{pointer}{current} {name}{pad}"), style),
                Span::raw("→ "),
                outcome,
            ]));
        }
        frame.render_widget(Paragraph::new(lines), list_area);
        let selected = entries.get(self.selected);
        let description = match selected.map(|entry| &entry.origin) {
            Some(Origin::Preset(preset)) => dataset.presets[*preset].description.clone(),
            Some(Origin::Profile { name, .. }) => {
                let warning = seen.weights.profile(name).and_then(Profile::warning);
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
        let preview = selected.map_or_else(String::new, |entry| {
            let changes: Vec<String> = changes(seen.weights.weights(), &entry.weights)
                .into_iter()
                .map(|(d, now, then)| format!("{} {now}→{then}", dataset.dimensions[d].name))
                .collect();
            let now = &seen.weights.weighting().requirements;
            let requirements = if entry.requirements == *now {
                String::new()
            } else {
                format!(
                    " Its must-haves: {} (now: {}).",
                    must_haves(dataset, &entry.requirements),
                    must_haves(dataset, now)
                )
            };
            match changes.len() {
                0 if requirements.is_empty() => " It changes no weight.".to_owned(),
                0 => format!(" With it: {}{requirements}", lead_sentence(dataset, &entry.verdict)),
                n => format!(
                    " With it: {}{requirements} It changes {}: {}.",
                    lead_sentence(dataset, &entry.verdict),
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
}

/// Must-haves in words, or "none".
fn must_haves(dataset: &Dataset, requirements: &Requirements) -> String {
    if requirements.is_empty() { "none".to_owned() } else { requirements.describe(dataset) }
}
