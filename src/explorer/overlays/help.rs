//! Help (`?`, F1): the problems with the user's files, what is compared, how to read the screen, every
//! key of every context (from the keymap in force, each section with a legend of the symbols its view
//! shows) and the mouse. It opens at the section of the view it was opened from (at the top when a
//! message is showing, to read it whole); opened over another overlay, closing it goes back there. `/`
//! finds text: the view jumps to the next line that has it, and every match is highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Ctx, Next, Overlay, Room, Seen, popup};
use crate::engine::data::{Dimension, Meta};
use crate::engine::diagnostic::Diagnostic;
use crate::engine::text::{pluralize, wrap};
use crate::explorer::keymap::{Action, Context, Keymap};
use crate::explorer::layout::centred;
use crate::explorer::state::{Pointer, Status, step};
use crate::explorer::theme::Theme;

/// Lines a page key scrolls.
const PAGE: usize = 20;
/// The pop-up's width where the screen has room.
const WIDTH: u16 = 72;
/// The longest text help finds.
const MAX_FIND_CHARS: usize = 64;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Help {
    pub scroll: u16,
    /// The overlay help was opened over, to go back to when it closes.
    back: Box<Overlay>,
    /// The text being found (`/`), while finding.
    pub find: Option<String>,
}

impl Help {
    /// Help over `back` (none: over the main view), scrolled to the section of `back`'s keys, where its
    /// legend is; at the top when a message is showing or the user's files have problems (help has them
    /// in full there).
    pub(crate) fn over(back: Overlay, ctx: &Ctx) -> Self {
        let heading = back.context().title();
        let mut help = Self { scroll: 0, back: Box::new(back), find: None };
        if ctx.status.is_none() && ctx.problems.is_empty() {
            let seen = ctx.seen();
            let lines = lines(&seen, Self::inner_width(ctx.area), Theme::new(false));
            let at = lines.iter().position(|line| line.spans.len() == 1 && line.spans[0].content == heading);
            let max = Self::max_scroll(&seen, ctx.area);
            help.scroll = at.map_or(0, |at| u16::try_from(at).unwrap_or(max).min(max));
        }
        help
    }

    /// The context of what help was opened over.
    #[must_use]
    pub fn opened_from(&self) -> Context {
        self.back.context()
    }

    /// Scrolls to the first line at or after `from` (before it, going `back`) that has the text found,
    /// round the end; whether one has it.
    fn jump(&mut self, ctx: &Ctx, from: usize, back: bool) -> bool {
        let Some(find) = self.find.as_deref().filter(|f| !f.is_empty()) else { return false };
        let seen = ctx.seen();
        let lines = lines(&seen, Self::inner_width(ctx.area), Theme::new(false));
        let has: Vec<usize> = (0..lines.len()).filter(|&n| !matches(&lines[n], find).is_empty()).collect();
        let found = if back {
            has.iter().rev().find(|&&n| n <= from).or_else(|| has.last())
        } else {
            has.iter().find(|&&n| n >= from).or_else(|| has.first())
        };
        let Some(&line) = found else { return false };
        let max = Self::max_scroll(&seen, ctx.area);
        self.scroll = u16::try_from(line).unwrap_or(max).min(max);
        true
    }

    /// What help was opened over.
    pub(crate) fn back(self) -> Overlay {
        *self.back
    }

    /// The pop-up, for `lines` lines of text.
    fn area(area: Rect, lines: usize) -> Rect {
        centred(area, WIDTH, (lines as u16).saturating_add(2))
    }

    /// The width inside the pop-up, which its text wraps to.
    fn inner_width(area: Rect) -> u16 {
        area.width.min(WIDTH).saturating_sub(2)
    }

    /// How far help scrolls on a screen of `area`: its length less the pop-up's inside height.
    fn max_scroll(seen: &Seen, area: Rect) -> u16 {
        let lines = lines(seen, Self::inner_width(area), Theme::new(false)).len();
        let rect = Self::area(area, lines);
        (lines as u16).saturating_sub(rect.height.saturating_sub(2))
    }
}

/// Help's text for what `seen` shows, wrapped to the pop-up's inside width `width`: nothing is cut at any
/// width. Drawing shows it and scrolling is bounded by it.
fn lines(seen: &Seen, width: u16, theme: Theme) -> Vec<Line<'static>> {
    // A message that is one of the problems listed below is not said twice.
    let listed = |status: &&Status| {
        seen.problems.iter().any(|p| status.text.starts_with(&p.headline().chars().take(24).collect::<String>()))
    };
    let status = seen.last_status.filter(|status| !listed(status));
    let mut out = status_lines(status, usize::from(width).saturating_sub(4).max(16), theme);
    let dimension = seen.selected.and_then(|d| seen.dataset.dimensions.get(d));
    out.extend(help_lines(&seen.dataset.meta, dimension, seen.problems, seen.keymap, seen.mouse, width, theme));
    out
}

impl Room for Help {
    fn context(&self) -> Context {
        if self.find.is_some() { Context::HelpFind } else { Context::Help }
    }

    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Next {
        if let Some(find) = &mut self.find {
            let at = usize::from(self.scroll);
            let (from, back) = match action {
                Action::Type(_) if find.chars().count() >= MAX_FIND_CHARS => {
                    ctx.set_status(Status::error(format!("help finds at most {MAX_FIND_CHARS} characters")));
                    return Next::Stay;
                }
                Action::Type(c) => {
                    find.push(c);
                    (at, false)
                }
                Action::DeleteChar => {
                    find.pop();
                    (at, false)
                }
                Action::Down | Action::Confirm => (at + 1, false),
                Action::Up => (at.saturating_sub(1), true),
                Action::Back => {
                    self.find = None;
                    return Next::Stay;
                }
                _ => return Next::Stay,
            };
            if !self.jump(ctx, from, back) && !find_is_empty(self.find.as_deref()) {
                ctx.set_status(Status::info("help has no such text"));
            }
            return Next::Stay;
        }
        match action {
            Action::Back => return Next::Close,
            Action::OpenSearch => {
                self.find = Some(String::new());
                return Next::Stay;
            }
            _ => {}
        }
        // How far help scrolls means laying all of it out: only for a key that moves.
        if step(0, action, 1, 1).is_none() {
            return Next::Stay;
        }
        let max = Self::max_scroll(&ctx.seen(), ctx.area);
        if let Some(scroll) = step(usize::from(self.scroll), action, usize::from(max), PAGE) {
            self.scroll = u16::try_from(scroll).unwrap_or(max);
        }
        Next::Stay
    }

    /// The wheel scrolls, as j and k do.
    fn point(&mut self, pointer: Pointer, ctx: &mut Ctx) -> bool {
        let Some(action) = pointer.kind.wheel() else { return false };
        let before = self.scroll;
        let find = self.find.take();
        let _ = self.act(action, ctx);
        self.find = find;
        self.scroll != before
    }

    fn draw(&self, frame: &mut Frame, seen: &Seen, theme: Theme) {
        // Over the overlay it was opened from, so that what the legend explains stays in view around it.
        self.back.draw(frame, seen, theme);
        let width = Self::inner_width(frame.area());
        let mut lines = lines(seen, width, theme);
        let rect = Self::area(frame.area(), lines.len());
        let title = match self.find.as_deref() {
            Some(find) => {
                let count: usize = lines.iter().map(|l| matches(l, find).len()).sum();
                let found = if find.is_empty() { "type to find".to_owned() } else { pluralize(count, "match") };
                format!("Help · find: {find}_ ({found}; ↓ next, Esc stops)")
            }
            None if rect.height < lines.len() as u16 + 2 => "Help (j/k scroll, / finds)".to_owned(),
            None => "Help (/ finds)".to_owned(),
        };
        if let Some(find) = self.find.as_deref().filter(|f| !f.is_empty()) {
            for line in &mut lines {
                highlight(line, find, theme.highlight());
            }
        }
        let title = crate::engine::text::fit(&title, usize::from(rect.width.saturating_sub(4)));
        let inner = popup(frame, rect, &title, theme);
        frame.render_widget(Paragraph::new(lines).scroll((self.scroll, 0)), inner);
    }
}

fn find_is_empty(find: Option<&str>) -> bool {
    find.is_none_or(str::is_empty)
}

/// Where `find` occurs in `line`, case aside: the characters' ranges (start, end).
fn matches(line: &Line, find: &str) -> Vec<(usize, usize)> {
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let text: Vec<char> = line.spans.iter().flat_map(|s| s.content.chars()).map(fold).collect();
    let find: Vec<char> = find.chars().map(fold).collect();
    if find.is_empty() || find.len() > text.len() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut at = 0;
    while at + find.len() <= text.len() {
        if text[at..at + find.len()] == find[..] {
            found.push((at, at + find.len()));
            at += find.len();
        } else {
            at += 1;
        }
    }
    found
}

/// Gives the characters of `line` that `find` matches the style `style` on top of theirs.
fn highlight(line: &mut Line<'static>, find: &str, style: Style) {
    let found = matches(line, find);
    if found.is_empty() {
        return;
    }
    let mut spans = Vec::new();
    let mut at = 0;
    for span in &line.spans {
        // Runs of characters inside a match or out of one, each a span.
        let mut run = String::new();
        let mut inside = false;
        for c in span.content.chars() {
            let here = found.iter().any(|&(start, end)| at >= start && at < end);
            if here != inside && !run.is_empty() {
                let s = if inside { span.style.patch(style) } else { span.style };
                spans.push(Span::styled(std::mem::take(&mut run), s));
            }
            inside = here;
            run.push(c);
            at += 1;
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, if inside { span.style.patch(style) } else { span.style }));
        }
    }
    line.spans = spans;
}

/// The help text, generated from the keymap in force so it always shows the real bindings.
fn help_lines(
    meta: &Meta,
    dimension: Option<&Dimension>,
    problems: &[Diagnostic],
    keymap: &Keymap,
    mouse: bool,
    width: u16,
    theme: Theme,
) -> Vec<Line<'static>> {
    // Paragraphs are indented by two and keep a column spare.
    let text_width = usize::from(width).saturating_sub(4).max(16);
    let mut lines = problem_lines(problems, text_width, theme);
    lines.extend(about_lines(meta, dimension, text_width, theme));
    lines.extend(reading_lines(text_width, theme));
    for (context, rows) in keymap.help_sections() {
        lines.push(Line::styled(context.title(), theme.heading()));
        if let Some(legend) = legend(context) {
            lines.extend(wrap(legend, text_width).into_iter().map(|l| Line::raw(format!("  {l}"))));
        }
        let key_width = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
        // A long label wraps under itself rather than being cut at the pop-up's edge.
        let label_width = (text_width + 2).saturating_sub(key_width + 4).max(12);
        for (keys, label) in rows {
            for (n, part) in wrap(&label, label_width).into_iter().enumerate() {
                let keys = if n == 0 { keys.clone() } else { String::new() };
                lines.push(Line::from(vec![
                    Span::styled(format!("  {keys}{}", " ".repeat(key_width - keys.width() + 2)), theme.key()),
                    Span::raw(part),
                ]));
            }
        }
        lines.push(Line::default());
    }
    if mouse {
        lines.push(Line::styled("Mouse", theme.heading()));
        // Wrapped to the pop-up, as every paragraph of help is (fixed lines were cut at 80 columns).
        let text = "click a row to select it; click or drag on a slider to set its weight; the wheel scrolls \
                    the pane under the pointer; in the interview a click picks an answer, in pairwise \
                    weighting a click on the 1-9 scale sets the judgement, in the team a click on a member \
                    leaves them out or counts them (--no-mouse turns the mouse off)";
        lines.extend(wrap(text, text_width).into_iter().map(|l| Line::raw(format!("  {l}"))));
    }
    lines
}

/// What the symbols a context's view shows mean, at the head of its section in help (which opens there).
fn legend(context: Context) -> Option<&'static str> {
    Some(match context {
        Context::Main => {
            "In the list, each slider's ■ is a filled cell, ◧ a cell half filled (a 5-cell slider's cell \
             is two steps), □ an empty one; the number is the weight (– muted). ◀ the left option rates \
             the dimension higher, ▶ the right one, = both alike (with more options, the number of the one \
             rated highest). The bar on the list's right border is where the view is in a long list. The \
             detail header's \"+0.4 pts to Node.js\" is what the dimension adds to the leader's lead at its \
             weight. With weights pinned (b), a row's 3→ is the pinned weight it changed from, and a score's \
             +1.4 the points it moved since. A ! before a row's name marks a must-have (set with !): an \
             option rated below its minimum cannot be recommended. The detail header says who fails it, and \
             a score's ✗ marks an option that fails one."
        }
        Context::Sensitivity => {
            "holds: the weights of the dimension at which the leader still leads (the others as they are), \
             or 'any weight'. steps: how many weight steps from the weight now the leader changes; the \
             fewest first. ◆ on the chart is where the lead changes hands."
        }
        _ => return None,
    })
}

/// The latest status message in full, first: the status line has one row, and cuts a long one.
fn status_lines(status: Option<&Status>, text_width: usize, theme: Theme) -> Vec<Line<'static>> {
    let Some(status) = status else { return Vec::new() };
    let text = status.problem.map_or_else(|| status.text.clone(), |word| format!("{word}: {}", status.text));
    let mut lines = vec![Line::styled("The latest message", theme.heading())];
    let style = theme.status(status.is_problem());
    lines.extend(wrap(&text, text_width).into_iter().map(|l| Line::styled(format!("  {l}"), style)));
    lines.push(Line::default());
    lines
}

/// Help's first section when the user's files have problems: each in full (the status line has room
/// for the first line of one).
fn problem_lines(problems: &[Diagnostic], text_width: usize, theme: Theme) -> Vec<Line<'static>> {
    if problems.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::styled("Problems with your files", theme.heading())];
    for problem in problems {
        for (n, part) in wrap(&problem.to_string(), text_width - 2).into_iter().enumerate() {
            let bullet = if n == 0 { "• " } else { "  " };
            lines.push(Line::styled(format!("  {bullet}{part}"), theme.close_call()));
        }
    }
    lines.push(Line::default());
    lines
}

/// Help's first section: what is compared, how fresh the evidence is, and what the claims audit examines.
fn about_lines(meta: &Meta, dimension: Option<&Dimension>, text_width: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("About this comparison", theme.heading())];
    let mut paragraph =
        |text: &str| lines.extend(wrap(text, text_width).into_iter().map(|l| Line::raw(format!("  {l}"))));
    paragraph(&format!("{}. Evidence as of {}.", meta.title, meta.as_of));
    if let Some(description) = &meta.description {
        paragraph(description);
    }
    if let Some(audits) = &meta.audits {
        paragraph(&format!("The claims audit (c) examines {audits}."));
    }
    // The selected dimension's default weight, and why it is what it is.
    if let Some(d) = dimension {
        let reason = d.weight_reason.as_deref().unwrap_or("the dataset gives no reason for it.");
        paragraph(&format!("{} (selected): default weight {}. {} {reason}", d.name, d.weight, d.summary));
    }
    lines.push(Line::default());
    lines
}

/// Help's "How to read this": what each number and mark means, from the constants the engine uses.
fn reading_lines(text_width: usize, theme: Theme) -> Vec<Line<'static>> {
    use crate::engine::robustness::{CONFIDENT_SHARE, DEFAULT_SAMPLES};
    use crate::engine::score::CLOSE_CALL_POINTS;
    let close = CLOSE_CALL_POINTS;
    let sure = (CONFIDENT_SHARE * 100.0).round();
    let paragraphs = [
        "Score: each option's ratings (0-10) averaged with the weights as the weights of the mean, times \
         10: out of 100. A weight of 0 (muted) leaves a dimension out of the mean."
            .to_owned(),
        format!(
            "Lead: the leader's score less the runner-up's, in points ({close} points is half a rating step \
             on average, within the judgement behind the ratings)."
        ),
        format!(
            "The verdict says how close and how sure in one word. {}",
            crate::engine::verdict::DEFINITION.replacen("clear", "Clear", 1)
        ),
        "why: each dimension's share of the lead (its weight times the gap in its ratings). flip: the \
         smallest change of one weight that would change the leader."
            .to_owned(),
        format!(
            "sure: how often each option comes first over {} plausible sets of ratings drawn within their \
             ranges (low..high); {sure}% or more for the leader is sure.",
            crate::engine::report::thousands(DEFAULT_SAMPLES)
        ),
        format!(
            "team (versus --team FILES): the sliders are each dimension's median of the members' weights; \
             left of each slider a bar per member shows theirs (· is 0, █ is 10), marked when they are \
             {} or more apart (disputed). T lists the members and leaves one out.",
            crate::engine::team::DISPUTED_SPREAD
        ),
    ];
    let mut lines = vec![Line::styled("How to read this", theme.heading())];
    for text in paragraphs {
        lines.extend(wrap(&text, text_width).into_iter().map(|l| Line::raw(format!("  {l}"))));
    }
    lines.push(Line::default());
    lines
}
