//! The claims audit (`c`): each claim of the article the data started from, with its verdict; Enter
//! expands one (its explanation, related dimensions and sources, scrolled with the page keys), `v` shows
//! one verdict at a time, `d` goes to the claim's first related dimension, `o` opens the claim's first
//! source and `y` copies its URL.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ctx, Next, PAGE, Room, Seen, large, large_split, popup, pressed_row};
use crate::engine::data::{Dataset, Verdict};
use crate::engine::listing::source_line;
use crate::engine::text::{fit, wrap};
use crate::explorer::keymap::{Action, Context};
use crate::explorer::layout::scroll_for;
use crate::explorer::state::{Effect, Pointer, Status, step};
use crate::explorer::theme::Theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claims {
    /// The selected claim (an index into the dataset's claims).
    pub selected: usize,
    pub expanded: bool,
    /// The expanded claim's scroll offset.
    pub scroll: u16,
    /// Only this verdict's claims are listed (`v`).
    pub filter: Option<Verdict>,
}

impl Claims {
    /// The audit on its first claim; none for a dataset without claims.
    pub(crate) fn open(ctx: &Ctx) -> Option<Self> {
        (!ctx.dataset.claims.is_empty()).then_some(Self { selected: 0, expanded: false, scroll: 0, filter: None })
    }

    /// The claims listed: every one, or those of the verdict filtered on (indexes into the dataset's).
    #[must_use]
    pub fn listed(&self, dataset: &Dataset) -> Vec<usize> {
        let claims = &dataset.claims;
        (0..claims.len()).filter(|&c| self.filter.is_none_or(|v| claims[c].verdict == v)).collect()
    }

    /// The pop-up's list and, when a claim is expanded, its detail area below (a row apart).
    fn parts(area: Rect, expanded: bool) -> (Rect, Rect) {
        large_split(area, |height| if expanded { (height / 3).max(3) } else { height })
    }

    /// The list's rows: under the row that counts the verdicts.
    fn rows(area: Rect, expanded: bool) -> Rect {
        let (list, _) = Self::parts(area, expanded);
        Rect::new(list.x, list.y + 1.min(list.height), list.width, list.height.saturating_sub(1))
    }
}

/// An expanded claim: the claim itself, the explanation, the related dimensions and the sources, all
/// wrapped to `width`. Drawing shows them and scrolling is bounded by them.
#[must_use]
pub(crate) fn detail_lines(dataset: &Dataset, claim: usize, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let Some(claim) = dataset.claims.get(claim) else { return Vec::new() };
    let width = usize::from(width.max(1));
    let heading = format!("[{}] {}", claim.verdict.label().to_uppercase(), claim.claim);
    let mut text: Vec<Line> = wrap(&heading, width).into_iter().map(|l| Line::styled(l, theme.bold())).collect();
    if let Some(first) = text.first_mut() {
        first.spans[0].style = theme.verdict(claim.verdict);
    }
    text.extend(wrap(&claim.explanation, width).into_iter().map(Line::from));
    if !claim.dimensions.is_empty() {
        let names: Vec<&str> = claim.dimensions.iter().map(|&i| dataset.dimensions[i].name.as_str()).collect();
        let related = format!("related (d jumps to the first): {}", names.join(", "));
        text.extend(wrap(&related, width).into_iter().map(|l| Line::styled(l, theme.dim())));
    }
    for source in &claim.sources {
        text.extend(wrap(&source_line(source), width).into_iter().map(|l| Line::styled(l, theme.dim())));
    }
    text
}

impl Room for Claims {
    fn context(&self) -> Context {
        Context::Claims
    }

    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Next {
        let dataset = ctx.dataset;
        let listed = self.listed(dataset);
        let at = listed.iter().position(|&c| c == self.selected).unwrap_or(0);
        let (_, detail) = Self::parts(ctx.area, true);
        let page = detail.height.max(1);
        let max_scroll = || {
            let lines = detail_lines(dataset, self.selected, detail.width, Theme::new(false));
            (lines.len() as u16).saturating_sub(detail.height)
        };
        // Expanded, the page keys scroll the explanation; otherwise they move in the list like the rest.
        match (action, step(at, action, listed.len().saturating_sub(1), PAGE)) {
            (Action::PageDown, _) if self.expanded => self.scroll = (self.scroll + page).min(max_scroll()),
            (Action::PageUp, _) if self.expanded => self.scroll = self.scroll.saturating_sub(page),
            (_, Some(position)) => {
                self.selected = listed.get(position).copied().unwrap_or(self.selected);
                self.scroll = 0;
            }
            (Action::FilterVerdict, _) => {
                // The next verdict that some claim has, after the one shown; after the last, all again.
                let verdicts = Verdict::ALL;
                let from = self.filter.and_then(|v| verdicts.iter().position(|&w| w == v)).map_or(0, |p| p + 1);
                self.filter = verdicts[from..].iter().copied().find(|&v| dataset.claims.iter().any(|c| c.verdict == v));
                self.selected = self.listed(dataset).first().copied().unwrap_or(0);
                self.scroll = 0;
            }
            (Action::Expand, _) => {
                self.expanded = !self.expanded;
                self.scroll = 0;
            }
            (Action::GoToDimension, _) => {
                if let Some(&dimension) = dataset.claims[self.selected].dimensions.first() {
                    ctx.go_to(dimension);
                    return Next::Close;
                }
            }
            (Action::OpenSource | Action::Copy, _) => match dataset.claims[self.selected].sources.first() {
                Some(source) if action == Action::OpenSource => ctx.emit(Effect::OpenUrl { url: source.url.clone() }),
                Some(source) => ctx.emit(Effect::Copy { text: source.url.clone() }),
                None => ctx.set_status(Status::info("This claim cites no source.")),
            },
            (Action::Back, _) => return Next::Close,
            _ => {}
        }
        Next::Stay
    }

    /// A click selects the claim under it; the wheel moves the selection, as j and k do.
    fn point(&mut self, pointer: Pointer, ctx: &mut Ctx) -> bool {
        let before = self.clone();
        if let Some(action) = pointer.kind.wheel() {
            let _ = self.act(action, ctx);
        } else {
            let listed = self.listed(ctx.dataset);
            let rows = Self::rows(ctx.area, self.expanded);
            let at = listed.iter().position(|&c| c == self.selected).unwrap_or(0);
            let first = scroll_for(at, usize::from(rows.height));
            if let Some(&claim) = pressed_row(pointer, rows).and_then(|row| listed.get(first + row)) {
                self.selected = claim;
                self.scroll = 0;
            }
        }
        *self != before
    }

    fn draw(&self, frame: &mut Frame, seen: &Seen, theme: Theme) {
        let area = frame.area();
        let dataset = seen.dataset;
        let title = match (&dataset.meta.audits, self.expanded) {
            (_, true) => "Claims audit (PgUp/PgDn scroll the explanation)".to_owned(),
            (Some(audits), false) => format!("Claims audit: {audits}"),
            (None, false) => "Claims audit: the claims against the evidence".to_owned(),
        };
        popup(frame, large(area), &title, theme);
        let (list, detail) = Self::parts(area, self.expanded);
        let width = usize::from(list.width);
        // The verdicts counted on the first row; `v` shows one at a time.
        let claims = &dataset.claims;
        let counts: Vec<String> = Verdict::ALL
            .iter()
            .map(|&v| (v, claims.iter().filter(|c| c.verdict == v).count()))
            .filter(|&(_, n)| n > 0)
            .map(|(v, n)| format!("{n} {}", v.label()))
            .collect();
        let listed = self.listed(dataset);
        let summary = match self.filter {
            None => format!("{} claims: {}", claims.len(), counts.join(" · ")),
            Some(v) => format!("only {} ({} of {}) · v: the next verdict", v.label(), listed.len(), claims.len()),
        };
        let mut lines = vec![Line::styled(fit(&summary, width), theme.dim())];
        let rows = usize::from(Self::rows(area, self.expanded).height);
        let at = listed.iter().position(|&c| c == self.selected).unwrap_or(0);
        let first = scroll_for(at, rows);
        let badge_width = 13;
        lines.extend(listed.iter().skip(first).take(rows).map(|&i| (i, &claims[i])).map(|(i, c)| {
            let badge = format!("{:<badge_width$}", format!("[{}]", c.verdict.label().to_uppercase()));
            let text_style = if i == self.selected { theme.selected() } else { ratatui::style::Style::new() };
            let pointer = if i == self.selected { "▸ " } else { "  " };
            Line::from(vec![
                Span::raw(pointer),
                Span::styled(badge, theme.verdict(c.verdict)),
                Span::styled(fit(&format!(" {}", c.claim), width.saturating_sub(badge_width + 2)), text_style),
            ])
        }));
        frame.render_widget(Paragraph::new(lines), list);
        if self.expanded {
            let text = detail_lines(dataset, self.selected, detail.width, theme);
            frame.render_widget(Paragraph::new(text).scroll((self.scroll, 0)), detail);
        }
    }
}
