//! The text that both drawing and scrolling need: a scrollable region's lines, built once here, so the
//! explorer bounds its scrolling by exactly what is drawn.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::engine::data::{Dataset, Meta};
use crate::engine::listing::source_line;
use crate::engine::score::{Evaluation, Stability};
use crate::engine::text::wrap;
use crate::explorer::keymap::Keymap;
use crate::explorer::theme::Theme;

/// The lines of option `option`'s pane for `dimension`, wrapped to `width`. Pure, so the app can measure
/// how far a pane scrolls with exactly what will be drawn.
#[must_use]
pub(crate) fn pane_lines(
    dataset: &Dataset,
    dimension: usize,
    option: usize,
    width: u16,
    theme: Theme,
) -> Vec<Line<'static>> {
    let Some(assessment) = dataset.dimensions.get(dimension).and_then(|row| row.assessments.get(option)) else {
        return Vec::new();
    };
    let width = usize::from(width.max(4));
    // Ten cells, one per rating point; assessment narrow pane gets five, two points each.
    let cells = if width >= 15 { 10 } else { 5 };
    let filled = usize::from(assessment.rating) * cells / 10;
    let glyph = Theme::option_glyph(option).to_string();
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{}/10 ", assessment.rating), theme.option(option)),
        Span::styled(glyph.repeat(filled), theme.option(option)),
        Span::styled("·".repeat(cells - filled), theme.dim()),
    ])];
    lines.extend(wrap(&assessment.rationale, width).into_iter().map(|l| Line::styled(l, theme.bold())));
    if !assessment.detail.is_empty() {
        lines.push(Line::default());
        lines.extend(wrap(&assessment.detail, width).into_iter().map(Line::from));
    }
    for (items, mark) in [(&assessment.pros, "+ "), (&assessment.cons, "− ")] {
        if !items.is_empty() {
            lines.push(Line::default());
        }
        for item in items {
            for (i, l) in wrap(item, width.saturating_sub(2).max(1)).into_iter().enumerate() {
                let prefix = if i == 0 { Span::styled(mark, theme.bold()) } else { Span::raw("  ") };
                lines.push(Line::from(vec![prefix, Span::raw(l)]));
            }
        }
    }
    lines
}

/// An expanded claim: the claim itself, the explanation, the related dimensions and the sources, all
/// wrapped to `width`. Pure, so the app can bound the scrolling by exactly what is drawn.
#[must_use]
pub(crate) fn claim_detail_lines(dataset: &Dataset, claim: usize, width: u16, theme: Theme) -> Vec<Line<'static>> {
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

/// The help text, generated from the keymap in force so it always shows the real bindings. Pure, so
/// the app can bound its scrolling by exactly what is drawn.
#[must_use]
/// Help's text, wrapped to the pop-up's inside width `width`: nothing is cut at any width.
pub(crate) fn help_lines(
    meta: &Meta,
    problems: &[String],
    keymap: &Keymap,
    mouse: bool,
    width: u16,
    theme: Theme,
) -> Vec<Line<'static>> {
    // Paragraphs are indented by two and keep a column spare.
    let text_width = usize::from(width).saturating_sub(4).max(16);
    let mut lines = problem_lines(problems, text_width, theme);
    lines.extend(about_lines(meta, text_width, theme));
    lines.extend(reading_lines(text_width, theme));
    for (context, rows) in keymap.help_sections() {
        lines.push(Line::styled(context.title(), theme.heading()));
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

/// The interview's question `question` as drawn, wrapped to `width`: each line with the answer it shows
/// (its label or its preview), so that a click picks what it lands on.
#[must_use]
pub(crate) fn interview_lines(
    dataset: &Dataset,
    question: usize,
    highlighted: usize,
    chosen: Option<usize>,
    width: usize,
    theme: Theme,
) -> Vec<(Line<'static>, Option<usize>)> {
    let Some(q) = dataset.questions.get(question) else { return Vec::new() };
    let mut lines: Vec<(Line<'static>, Option<usize>)> =
        wrap(&q.text, width).into_iter().map(|l| (Line::styled(l, theme.heading()), None)).collect();
    if let Some(help) = &q.help {
        lines.extend(wrap(help, width).into_iter().map(|l| (Line::styled(l, theme.dim()), None)));
    }
    lines.push((Line::default(), None));
    for (i, answer) in q.answers.iter().enumerate() {
        let pointer = if i == highlighted { "▸ " } else { "  " };
        let mark = if chosen == Some(i) { "● " } else { "  " };
        let style = if i == highlighted { theme.selected() } else { ratatui::style::Style::new() };
        lines.push((
            Line::styled(crate::engine::text::fit(&format!("{pointer}{mark}{}", answer.label), width), style),
            Some(i),
        ));
        let sets: Vec<String> =
            answer.weights.iter().map(|&(d, w)| format!("{} to {w}", dataset.dimensions[d].name)).collect();
        let preview = if sets.is_empty() { "changes nothing".to_owned() } else { format!("sets {}", sets.join(", ")) };
        let indented = wrap(&preview, width.saturating_sub(4)).into_iter().map(|l| format!("    {l}"));
        lines.extend(indented.map(|l| (Line::styled(l, theme.dim()), Some(i))));
    }
    lines
}

/// The row of a pairwise pair's 1-9 scale within the pop-up (under the question, a blank line and the
/// two names), and the judgement a column of it stands for: 17 marks two columns apart, from 9 for the
/// left item (8) through 1, equal (0), to 9 for the right item (-8).
pub(crate) const PAIRWISE_SCALE_ROW: u16 = 3;

#[must_use]
pub(crate) fn pairwise_mark_at(column: u16) -> Option<i8> {
    let mark = i8::try_from(column / 2).ok().filter(|m| *m <= 16 && column.is_multiple_of(2))?;
    Some(8 - mark)
}

/// The selected dimension's sources as the focused sources region shows them, wrapped to `width`: for
/// each, its numbered title, its dates and its whole URL; each line with the source it belongs to.
#[must_use]
pub(crate) fn source_lines(
    dataset: &Dataset,
    dimension: usize,
    selected: usize,
    width: u16,
    theme: Theme,
) -> Vec<(Line<'static>, usize)> {
    let width = usize::from(width.max(8));
    let mut lines = Vec::new();
    let index = dimension;
    let Some(dimension) = dataset.dimensions.get(index) else { return lines };
    for (i, source) in dimension.sources.iter().enumerate() {
        let marker = if i == selected { "▸" } else { " " };
        let title_style = if i == selected { theme.selected() } else { ratatui::style::Style::new() };
        for (n, line) in wrap(&source.title, width - 5).into_iter().enumerate() {
            let prefix = if n == 0 { format!("{marker}[{}]", i + 1) } else { String::new() };
            lines.push((Line::styled(format!("{prefix:<5}{line}"), title_style), i));
        }
        let dates = match &source.published {
            Some(published) => format!("published {published} · checked {}", source.checked),
            None => format!("checked {}", source.checked),
        };
        lines.extend(wrap(&dates, width - 5).into_iter().map(|l| (Line::styled(format!("     {l}"), theme.dim()), i)));
        let link = theme.bold().add_modifier(ratatui::style::Modifier::UNDERLINED);
        lines.extend(wrap(&source.url, width - 5).into_iter().map(|l| (Line::styled(format!("     {l}"), link), i)));
    }
    // The audited claims that cite this dimension close the list, shown with its last source.
    let citing: Vec<&crate::engine::data::Claim> =
        dataset.claims.iter().filter(|c| c.dimensions.contains(&index)).collect();
    let last = dimension.sources.len().saturating_sub(1);
    if !citing.is_empty() {
        lines.push((Line::default(), last));
        lines.push((
            Line::styled(format!("Claims that cite it ({}; c opens the audit)", citing.len()), theme.heading()),
            last,
        ));
        for claim in citing {
            let text = format!("[{}] {}", claim.verdict.label(), claim.claim);
            for (n, part) in wrap(&text, width - 2).into_iter().enumerate() {
                let indent = if n == 0 { "  " } else { "    " };
                lines.push((Line::styled(format!("{indent}{part}"), theme.verdict(claim.verdict)), last));
            }
        }
    }
    lines
}

/// The focused sources region as drawn in `width` x `rows`: a heading of keys, then the lines of
/// [`source_lines`] that keep source `selected` in view; each with its source (none for the heading),
/// so that a click finds what it lands on.
#[must_use]
pub(crate) fn focused_sources(
    dataset: &Dataset,
    dimension: usize,
    selected: usize,
    width: u16,
    rows: usize,
    theme: Theme,
) -> Vec<(Line<'static>, Option<usize>)> {
    let heading = "Sources · j/k select · o open · y copy URL";
    let mut lines = vec![(Line::styled(crate::engine::text::fit(heading, usize::from(width)), theme.heading()), None)];
    let all = source_lines(dataset, dimension, selected, width, theme);
    let first = source_scroll(&all, selected, rows.saturating_sub(1));
    lines.extend(all.into_iter().skip(first).take(rows.saturating_sub(1)).map(|(line, s)| (line, Some(s))));
    lines
}

/// The first line of [`source_lines`] to show in `rows` rows so that source `selected` is in view.
#[must_use]
pub(crate) fn source_scroll(lines: &[(Line<'static>, usize)], selected: usize, rows: usize) -> usize {
    let first = lines.iter().position(|(_, s)| *s == selected).unwrap_or(0);
    let end = lines.iter().rposition(|(_, s)| *s == selected).map_or(0, |last| last + 1);
    // Its last line at the bottom when it fits below the top, else its first at the top.
    end.saturating_sub(rows).min(first)
}

/// The selected dimension's header, wrapped to `width`: its name (bold) with what it adds to the lead,
/// its weight and category, then the question it asks. Nothing is cut; drawing and layout both count it.
#[must_use]
pub(crate) fn header_lines(
    dataset: &Dataset,
    evaluation: &Evaluation,
    weight: u8,
    dimension: usize,
    width: u16,
    team: Option<&TeamLine>,
    theme: Theme,
) -> Vec<Line<'static>> {
    let Some(d) = dataset.dimensions.get(dimension) else { return Vec::new() };
    let width = usize::from(width.max(8));
    // What this row adds to the lead, so that "why" is visible where the dimension is.
    let points = match evaluation.recommendation {
        crate::engine::score::Recommendation::Lead { option, .. } => {
            let share = evaluation.contributions.iter().find(|c| c.dimension == dimension);
            format!(" · {:+.1} pts to {}", share.map_or(0.0, |c| c.points), dataset.options[option].name)
        }
        _ => String::new(),
    };
    // The points first: the weight and the category are on the list already, so a narrow header drops
    // them before it gives the question a line less.
    let full = format!("{points} · weight {weight}/10 · {}", d.category);
    let fitting = [full, points.clone()].into_iter().find(|rest| d.name.width() + rest.width() <= width);
    let mut lines = Vec::new();
    if let Some(rest) = fitting {
        lines.push(Line::from(vec![Span::styled(d.name.clone(), theme.bold()), Span::styled(rest, theme.dim())]));
    } else {
        let rest = points;
        lines.extend(wrap(&d.name, width).into_iter().map(|l| Line::styled(l, theme.bold())));
        let rest = rest.trim_start_matches(" · ").to_owned();
        lines.extend(wrap(&rest, width).into_iter().map(|l| Line::styled(l, theme.dim())));
    }
    if let Some(team) = team {
        let style = if team.disputed { theme.close_call() } else { theme.dim() };
        lines.extend(wrap(&team.text, width).into_iter().map(|l| Line::styled(l, style)));
    }
    lines.extend(wrap(&d.summary, width).into_iter().map(|l| Line::styled(l, theme.dim())));
    lines
}

/// The detail header's line on the team's weights for one dimension: "team: Ann 10 · Ben 2 · Cy 4 →
/// median 4 (2-10, disputed)".
pub(crate) struct TeamLine {
    pub text: String,
    pub disputed: bool,
}

/// Help's first section when the user's files have problems: each in full (the status line has room
/// for the first line of one).
fn problem_lines(problems: &[String], text_width: usize, theme: Theme) -> Vec<Line<'static>> {
    if problems.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::styled("Problems with your files", theme.heading())];
    for problem in problems {
        for (n, part) in problem.lines().flat_map(|l| wrap(l, text_width - 2)).enumerate() {
            let bullet = if n == 0 { "• " } else { "  " };
            lines.push(Line::styled(format!("  {bullet}{part}"), theme.close_call()));
        }
    }
    lines.push(Line::default());
    lines
}

/// Help's first section: what is compared, how fresh the evidence is, and what the claims audit examines.
fn about_lines(meta: &Meta, text_width: usize, theme: Theme) -> Vec<Line<'static>> {
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
            "Lead: the leader's score less the runner-up's, in points. Under {close} points the verdict is a \
             close call: half a rating step on average, within the judgement behind the ratings."
        ),
        "In the list, ◀ means the dimension rates the left option higher, ▶ the right one, = both alike; \
         with more than two options, the number of the option it rates highest."
            .to_owned(),
        "why: each dimension's share of the lead (its weight times the gap in its ratings). flip: the \
         smallest change of one weight that would change the leader."
            .to_owned(),
        format!(
            "sure: how often each option comes first over {} plausible sets of ratings drawn within their \
             ranges (low..high); under {sure}% for the leader, the evidence cannot decide it.",
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

/// The dimensions in the sensitivity table's order: the most critical first (fewest weight steps to a
/// change of leader), those no single weight can change last, ties in dataset order.
#[must_use]
pub(crate) fn sensitivity_order(dataset: &Dataset, evaluation: &Evaluation) -> Vec<usize> {
    let mut order: Vec<usize> = (0..dataset.dimensions.len()).collect();
    let steps = |d: usize| evaluation.stability.get(d).and_then(Stability::criticality).unwrap_or(u8::MAX);
    order.sort_by_key(|&d| (steps(d), d));
    order
}
