//! The team overlay (`T`, with `--team`): each member with the verdict of their own weights, whether they
//! count toward the group's median, what the group's weights give, and where the members disagree: first
//! the disputes that could change the verdict (who would, and to what), then the rest in one line.
//! Enter leaves a member out or counts them again (the sliders become the new median); `s` saves the
//! weights in force.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Ctx, Next, PAGE, Purpose, Request, Room, Seen, popup, pressed_row};
use crate::engine::data::Dataset;
use crate::engine::report::{
    dispute_sentence, immaterial_sentence, own_requirements_sentence, requirements_short, short_verdict,
};
use crate::engine::score::Recommendation;
use crate::engine::team::{DISPUTED_SPREAD, Member, median_weights};
use crate::engine::text::{fit, pluralize, wrap};
use crate::engine::verdict::points;
use crate::engine::weights::Origin;
use crate::explorer::keymap::{Action, Context};
use crate::explorer::layout::{centred, inner, scroll_for};
use crate::explorer::state::{Pointer, Status, step};
use crate::explorer::theme::Theme;

/// Rows under the members: a blank, the group's verdict (up to two), its wins, when the group and most
/// members disagree why (up to two), the disputes that could change the verdict (up to two), and the
/// rest in one.
const SUMMARY_ROWS: u16 = 9;
/// Rows more when members have must-haves of their own: that the group's weighting leaves them out, and
/// the flag that would not (up to two).
const OWN_REQUIREMENTS_ROWS: u16 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TeamList {
    /// The selected member.
    pub selected: usize,
}

impl TeamList {
    /// The member list on its first member; none (and a message) without a team.
    pub(crate) fn open(ctx: &mut Ctx) -> Option<Self> {
        if ctx.weights.roster().is_none() {
            ctx.set_status(Status::error(
                "no team: start versus with --team FILE_OR_DIR... (weight files; see versus profile export)",
            ));
            return None;
        }
        Some(Self { selected: 0 })
    }

    /// The pop-up: one row per member over the group's summary.
    fn area(area: Rect, members: &[Member]) -> Rect {
        centred(area, 76, (members.len() as u16).saturating_add(summary_rows(members) + 2).max(12))
    }

    /// The list of members, above the summary.
    fn list(area: Rect, members: &[Member]) -> Rect {
        let inside = inner(Self::area(area, members));
        let summary = summary_rows(members).min(inside.height.saturating_sub(1));
        Rect::new(inside.x, inside.y, inside.width, inside.height - summary)
    }

    /// Counts the selected member in, or leaves them out: the weights take who counts into their state
    /// (and undo), and become the median of those counted.
    fn toggle(self, ctx: &mut Ctx) {
        let Some(roster) = ctx.weights.roster() else { return };
        let name = roster.members()[self.selected].name.clone();
        let Some(counted) = ctx.weights.toggled(self.selected) else {
            ctx.set_status(Status::info(format!("{name} is the only member left counting; count another first")));
            return;
        };
        let verb = if counted[self.selected] { "counting" } else { "leaving out" };
        let members: Vec<_> = roster.members().iter().zip(&counted).filter(|(_, c)| **c).map(|(m, _)| m).collect();
        let weights = median_weights(&members);
        let size = members.len();
        ctx.weights.apply(ctx.dataset, Origin::Team { counted, weights }, format!("{verb} {name}"));
        let verdict = short_verdict(ctx.dataset, &ctx.weights.evaluation().recommendation);
        ctx.set_status(Status::info(format!("{verb} {name}: the median of {size} → {verdict}")));
    }
}

impl Room for TeamList {
    fn context(&self) -> Context {
        Context::Team
    }

    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Next {
        let members = ctx.weights.roster().map_or(0, |roster| roster.members().len());
        if let Some(selected) = step(self.selected, action, members.saturating_sub(1), PAGE) {
            self.selected = selected;
            return Next::Stay;
        }
        match action {
            Action::ToggleMember => {
                self.toggle(ctx);
                Next::Stay
            }
            Action::SaveProfile => Next::Open(Request::Prompt(Purpose::SaveProfile, "team".to_owned())),
            Action::Back => Next::Close,
            _ => Next::Stay,
        }
    }

    /// A click on a member selects them and counts them in or leaves them out (as Enter does); the wheel
    /// moves the selection, as j and k do.
    fn point(&mut self, pointer: Pointer, ctx: &mut Ctx) -> bool {
        let before = (*self, ctx.weights.counted().to_vec());
        let Some(roster) = ctx.weights.roster() else { return false };
        let members = roster.members().len();
        let rows = Self::list(ctx.area, roster.members());
        let first = scroll_for(self.selected, usize::from(rows.height));
        if let Some(action) = pointer.kind.wheel() {
            let _ = self.act(action, ctx);
        } else if let Some(row) = pressed_row(pointer, rows).filter(|row| first + row < members) {
            self.selected = first + row;
            self.toggle(ctx);
        }
        (*self, ctx.weights.counted().to_vec()) != before
    }

    fn draw(&self, frame: &mut Frame, seen: &Seen, theme: Theme) {
        let weights = seen.weights;
        let (Some(roster), Some((group, median))) = (weights.roster(), weights.group()) else { return };
        let dataset = seen.dataset;
        let selected = self.selected;
        let area = frame.area();
        let rect = Self::area(area, roster.members());
        let title = format!("Team of {}: the sliders are the median of those counted", roster.members().len());
        let inner = popup(frame, rect, &title, theme);
        let width = usize::from(inner.width);
        let list = Self::list(area, roster.members());
        let first = scroll_for(selected, usize::from(list.height));
        let name_width = roster.members().iter().map(|m| m.name.width()).max().unwrap_or(0).min(width / 3);
        let mut lines = Vec::new();
        for (i, member) in roster.members().iter().enumerate().skip(first).take(usize::from(list.height)) {
            let pointer = if i == selected { "▸" } else { " " };
            let counted = if weights.counted()[i] { "[x]" } else { "[ ]" };
            let name = fit(&member.name, name_width);
            let pad = " ".repeat(name_width.saturating_sub(name.width()));
            let outcome = outcome(dataset, roster.verdict(i), width, name_width, theme);
            let style = if i == selected {
                theme.selected()
            } else if weights.counted()[i] {
                theme.bold()
            } else {
                theme.dim()
            };
            // The member's own must-haves, which their verdict honours, after it in the room left.
            let room = width.saturating_sub(5 + name_width + 3 + outcome.width() + 2);
            let requires = (!member.requirements.is_empty() && room > 0).then(|| {
                let said = format!("  requires {}", requirements_short(dataset, &member.requirements));
                Span::styled(fit(&said, room + 2), theme.dim())
            });
            let mut row = vec![Span::styled(format!("{pointer}{counted} {name}{pad} → "), style), outcome];
            row.extend(requires);
            lines.push(Line::from(row));
        }
        frame.render_widget(Paragraph::new(lines), list);

        let counted = weights.counted().iter().filter(|&&c| c).count();
        let mut summary = vec![Line::default()];
        // The median's own verdict: the sliders may have moved from it since, or another preset be applied.
        let verdict = short_verdict(dataset, median);
        let moved = if weights.weights() == group.weights.as_slice() { "" } else { " (the sliders are elsewhere now)" };
        let said = format!("The median of {} → {verdict}{moved}", pluralize(counted, "member"));
        summary.extend(wrap(&said, width).into_iter().take(2).map(|l| Line::styled(l, theme.bold())));
        let wins: Vec<String> = dataset
            .options
            .iter()
            .zip(&group.wins)
            .filter(|(_, n)| **n > 0)
            .map(|(option, n)| format!("{} leads for {n}", option.name))
            .collect();
        let wins = if wins.is_empty() { "no option leads for any member".to_owned() } else { wins.join(", ") };
        summary.push(Line::raw(fit(&format!("Of those counted: {wins}."), width)));
        let team_requirements = &weights.weighting().requirements;
        if let Some(sentence) = own_requirements_sentence(dataset, roster.members(), team_requirements) {
            let said = format!("{sentence} (! sets one here.)");
            summary.extend(at_most(&said, width, 2).into_iter().map(|l| Line::styled(l, theme.dim())));
        }
        let leader = median.leader();
        if let Some(note) = crate::engine::report::majority_note(dataset, group, leader) {
            summary.extend(at_most(&note, width, 2).into_iter().map(|l| Line::styled(l, theme.close_call())));
        }
        // The rows left show a handful at most; a large dataset may dispute thousands.
        let counted_members: Vec<&Member> =
            roster.members().iter().zip(weights.counted()).filter(|(_, c)| **c).map(|(m, _)| m).collect();
        let all_material = group.material();
        let material: Vec<String> = group
            .disputes
            .iter()
            .take(all_material.min(MOST_DISPUTES_SAID))
            .map(|dispute| dispute_sentence(dataset, &counted_members, dispute))
            .collect();
        let rows = inner.height.saturating_sub(list.height);
        if !material.is_empty() {
            // The rows left, less the folded line after: at least two. As many as fit whole, then how many
            // more there are: none goes unmentioned.
            let room = usize::from(rows).saturating_sub(summary.len() + 1).max(2);
            let said = |shown: usize| match all_material - shown {
                0 => format!("Could change the verdict: {}.", material[..shown].join("; ")),
                more => format!(
                    "Could change the verdict: {}; and {more} more (versus report --team lists them).",
                    material[..shown].join("; ")
                ),
            };
            let fits = (1..=material.len()).rev().find(|&shown| wrap(&said(shown), width).len() <= room).unwrap_or(1);
            summary.extend(at_most(&said(fits), width, room).into_iter().map(|l| Line::styled(l, theme.close_call())));
        }
        let folded = match immaterial_sentence(group) {
            Some(sentence) => Some(sentence),
            None if group.disputes.is_empty() => Some(match counted {
                1 => "One member counted: there is no one to disagree with.".to_owned(),
                _ => format!("No dimension disputed: the members counted are under {DISPUTED_SPREAD} apart on each."),
            }),
            None => None,
        };
        summary.extend(folded.map(|line| Line::styled(fit(&line, width), theme.dim())));
        let below = ratatui::layout::Rect::new(inner.x, list.bottom(), inner.width, rows);
        frame.render_widget(Paragraph::new(summary), below);
    }
}

/// The most material disputes the overlay words: a large dataset may have thousands.
const MOST_DISPUTES_SAID: usize = 12;

/// `text` wrapped to `width` in `count` lines at most, the last ending in "…" when more was cut.
fn at_most(text: &str, width: usize, count: usize) -> Vec<String> {
    let mut lines = wrap(text, width);
    if lines.len() > count && count > 0 {
        lines.truncate(count);
        // Cut or not, it ends in "…".
        lines[count - 1] = fit(&format!("{} …", lines[count - 1]), width);
    }
    lines
}

/// The rows under the members: more when any member has must-haves of their own.
fn summary_rows(members: &[Member]) -> u16 {
    let own = members.iter().any(|m| !m.requirements.is_empty());
    SUMMARY_ROWS + if own { OWN_REQUIREMENTS_ROWS } else { 0 }
}

/// A member's verdict in a few words, in the leader's colour, fitted to the row beside a name of
/// `name_width` in an overlay `width` wide.
fn outcome(
    dataset: &Dataset,
    verdict: &Recommendation,
    width: usize,
    name_width: usize,
    theme: Theme,
) -> Span<'static> {
    match *verdict {
        Recommendation::Lead { option, margin, .. } => Span::styled(
            fit(
                &format!("{} +{}", dataset.options[option].name, points(margin)),
                width.saturating_sub(name_width + 10),
            ),
            theme.option(option),
        ),
        Recommendation::Tie { .. } => Span::styled("tie", theme.close_call()),
        Recommendation::NoWeights => Span::styled("no weights", theme.dim()),
        Recommendation::Only { option } => {
            Span::styled(format!("{} only", fit(&dataset.options[option].name, width / 3)), theme.option(option))
        }
        Recommendation::NoneEligible { .. } => Span::styled("none eligible", theme.close_call()),
    }
}
