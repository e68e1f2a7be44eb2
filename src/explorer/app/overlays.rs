//! What each overlay does with an action: search, the preset picker, the claims audit, help, prompts and
//! questions.

use super::{
    App, Compared, Effect, MAX_INPUT_CHARS, MAX_QUERY_CHARS, Overlay, PAIRWISE_DIMENSIONS, Purpose, Question, Status,
    step,
};
use crate::engine::profiles::{Notes, Profile, check_name};
use crate::engine::team::{Member, median_weights};
use crate::engine::weights::Origin;
use crate::explorer::keymap::Action;
use crate::explorer::layout;
use crate::explorer::theme::Theme;
use crate::explorer::view;

/// Rows a page key moves in the overlays' lists, and lines in help.
const PAGE: usize = 10;
const HELP_PAGE: usize = 20;

impl App {
    pub(super) fn search_action(&mut self, action: Action) {
        match action {
            Action::Type(_) if self.list.is_full() => {
                self.set_status(Status::error(format!("a search is at most {MAX_QUERY_CHARS} characters")));
            }
            Action::Type(c) => {
                let changed = self.list.push(c);
                self.dimension_changed(changed);
            }
            Action::DeleteChar => {
                let changed = self.list.pop();
                self.dimension_changed(changed);
            }
            Action::ClearInput => self.set_query(String::new()),
            Action::Down => self.move_selection(1),
            Action::Up => self.move_selection(-1),
            Action::Confirm => self.overlay = Overlay::None,
            Action::Back => {
                self.set_query(String::new());
                self.overlay = Overlay::None;
            }
            _ => {}
        }
    }

    pub(super) fn presets_action(&mut self, selected: usize, action: Action) {
        let entries = self.picker_entries();
        if let Some(selected) = step(selected, action, entries.len() - 1, PAGE) {
            self.overlay = Overlay::Presets { selected };
            return;
        }
        match action {
            Action::Confirm => {
                if let Some(Origin::Profile { name, .. }) = entries.get(selected)
                    && let Some(warning) = self.weights.profile(name).and_then(Profile::warning)
                {
                    self.set_status(Status::warning(warning));
                }
                let origin = entries[selected].clone();
                let name = origin.name(&self.dataset);
                if self.weighting().is_modified(&self.dataset) && self.status.is_none() {
                    self.set_status(Status::info(format!("{name} applied over modified weights; u undoes")));
                }
                self.weights.apply(&self.dataset, origin, format!("applying {name}"));
                self.overlay = Overlay::None;
            }
            Action::DeleteProfile => match entries.get(selected) {
                Some(Origin::Profile { name, .. }) => {
                    self.overlay = Overlay::Confirm { question: Question::DeleteProfile(name.clone()) };
                }
                _ => {
                    self.set_status(Status::error("only saved profiles can be deleted; presets come with the dataset"));
                }
            },
            Action::Back => self.overlay = Overlay::None,
            _ => {}
        }
    }

    pub(super) fn team_action(&mut self, selected: usize, action: Action) {
        let Some(team) = &self.team else { return };
        let last = team.members().len().saturating_sub(1);
        if let Some(selected) = step(selected, action, last, PAGE) {
            self.overlay = Overlay::Team { selected };
            return;
        }
        match action {
            Action::Confirm => {
                let name = team.members()[selected].name.clone();
                let Some(counted) = team.toggled(selected) else {
                    self.set_status(Status::info(format!(
                        "{name} is the only member left counting; count another first"
                    )));
                    return;
                };
                let verb = if counted[selected] { "counting" } else { "leaving out" };
                let members: Vec<&Member> =
                    team.members().iter().zip(&counted).filter(|(_, c)| **c).map(|(m, _)| m).collect();
                let weights = median_weights(&members);
                let size = members.len();
                // The weights take who counts into their state (and undo); the team follows in update.
                self.weights.apply(&self.dataset, Origin::Team { counted, weights }, format!("{verb} {name}"));
                let counted = size;
                let verdict = crate::engine::report::short_verdict(&self.dataset, &self.evaluation().recommendation);
                self.set_status(Status::info(format!("{verb} {name}: the median of {counted} → {verdict}")));
            }
            Action::SaveProfile => {
                self.overlay = Overlay::Prompt { purpose: Purpose::SaveProfile, input: "team".to_owned() };
            }
            Action::Back => self.overlay = Overlay::None,
            _ => {}
        }
    }

    pub(super) fn prompt_action(&mut self, purpose: Purpose, mut input: String, action: Action) {
        match action {
            Action::Type(c) if input.chars().count() < MAX_INPUT_CHARS => input.push(c),
            Action::DeleteChar => {
                input.pop();
            }
            Action::ClearInput => input.clear(),
            Action::Back => {
                self.overlay = Overlay::None;
                return;
            }
            Action::Confirm => {
                self.overlay = Overlay::None;
                match purpose {
                    Purpose::SaveProfile => match check_name(&input) {
                        Err(message) => {
                            self.set_status(Status::error(message));
                            self.overlay = Overlay::Prompt { purpose, input };
                        }
                        Ok(name) if self.weights.profile(&name).is_some() => {
                            self.overlay = Overlay::Confirm { question: Question::OverwriteProfile(name) };
                        }
                        Ok(name) => self.save_profile(name, false),
                    },
                    Purpose::Export(_) if input.trim().is_empty() => {
                        self.set_status(Status::error("no file name given"));
                    }
                    Purpose::Export(document) => {
                        let path = input.trim().to_owned();
                        self.effects.push(Effect::Export { path, overwrite: false, document });
                    }
                }
                return;
            }
            _ => {}
        }
        self.overlay = Overlay::Prompt { purpose, input };
    }

    pub(super) fn confirm_action(&mut self, question: Question, action: Action) {
        match action {
            Action::Yes => {
                self.overlay = Overlay::None;
                match question {
                    Question::QuitUnsaved => self.effects.push(Effect::Quit),
                    Question::OverwriteProfile(name) => self.save_profile(name, true),
                    Question::DeleteProfile(name) => {
                        if let Some(profile) = self.weights.profile(&name) {
                            let stored_name = profile.stored_name.clone();
                            self.effects.push(Effect::DeleteProfile { stored_name });
                        }
                    }
                    Question::OverwriteFile { path, document } => {
                        self.effects.push(Effect::Export { path, overwrite: true, document });
                    }
                }
            }
            Action::No => {
                self.overlay = Overlay::None;
                self.set_status(Status::info("nothing changed"));
            }
            _ => {}
        }
    }

    /// Asks the shell to store the weights as profile `name`; the picker lists it once that succeeded.
    fn save_profile(&mut self, name: String, replace: bool) {
        let weights = self.weights().to_vec();
        // A profile replaced keeps its note (the explorer has no way to write one); the answers are
        // those the weights came from now.
        let note = self.weights.profile(&name).and_then(|p| p.notes.note.clone());
        let notes = Notes { note, answers: self.interview_answers().to_vec() };
        self.effects.push(Effect::SaveProfile { name, weights, notes, replace });
    }

    pub(super) fn claims_action(&mut self, selected: usize, expanded: bool, scroll: u16, action: Action) {
        let listed = self.listed_claims();
        let last = listed.len().saturating_sub(1);
        let at = listed.iter().position(|&c| c == selected).unwrap_or(0);
        let (_, detail) = layout::claims_parts(self.area(), true);
        let page = detail.height.max(1);
        let max_scroll = || {
            let lines = view::claim_detail_lines(&self.dataset, selected, detail.width, Theme::new(false));
            (lines.len() as u16).saturating_sub(detail.height)
        };
        // Expanded, the page keys scroll the explanation; otherwise they move in the list like the rest.
        match (action, step(at, action, last, PAGE)) {
            (Action::PageDown, _) if expanded => {
                self.overlay = Overlay::Claims { selected, expanded, scroll: (scroll + page).min(max_scroll()) };
            }
            (Action::PageUp, _) if expanded => {
                self.overlay = Overlay::Claims { selected, expanded, scroll: scroll.saturating_sub(page) };
            }
            (_, Some(position)) => {
                let selected = listed.get(position).copied().unwrap_or(selected);
                self.overlay = Overlay::Claims { selected, expanded, scroll: 0 };
            }
            (Action::FilterVerdict, _) => {
                // The next verdict that some claim has, after the one shown; after the last, all again.
                let verdicts = crate::engine::data::Verdict::ALL;
                let from = self.claims_filter.and_then(|v| verdicts.iter().position(|&w| w == v)).map_or(0, |p| p + 1);
                self.claims_filter =
                    verdicts[from..].iter().copied().find(|&v| self.dataset.claims.iter().any(|c| c.verdict == v));
                let selected = self.listed_claims().first().copied().unwrap_or(0);
                self.overlay = Overlay::Claims { selected, expanded, scroll: 0 };
            }
            (Action::Confirm, _) => self.overlay = Overlay::Claims { selected, expanded: !expanded, scroll: 0 },
            (Action::GoToDimension, _) => {
                if let Some(&dimension) = self.dataset.claims[selected].dimensions.first() {
                    self.go_to(dimension);
                }
            }
            (Action::Back, _) => self.overlay = Overlay::None,
            _ => {}
        }
    }

    pub(super) fn sensitivity_action(&mut self, selected: usize, action: Action) {
        let order = view::sensitivity_order(&self.dataset, self.evaluation());
        let last = order.len().saturating_sub(1);
        if let Some(selected) = step(selected, action, last, PAGE) {
            self.overlay = Overlay::Sensitivity { selected };
            return;
        }
        match action {
            Action::Confirm => match order.get(selected) {
                Some(&dimension) => self.go_to(dimension),
                None => self.overlay = Overlay::None,
            },
            Action::Back => self.overlay = Overlay::None,
            // The most critical dimensions: the table's first rows.
            Action::OpenPairwise => {
                let chosen: Vec<usize> = order.into_iter().take(PAIRWISE_DIMENSIONS).collect();
                self.open_pairwise(Compared::dimensions(&self.dataset, &chosen));
            }
            _ => {}
        }
    }

    /// One question at a time: j/k pick an answer, Enter takes it, Tab skips the question, Esc leaves
    /// everything as it was; after the last, the summary's Enter applies the weights (one undoable step).
    pub(super) fn interview_action(
        &mut self,
        question: usize,
        highlighted: usize,
        mut chosen: Vec<Option<usize>>,
        action: Action,
    ) {
        let questions = self.dataset.questions.len();
        let answers = self.dataset.questions.get(question).map_or(0, |q| q.answers.len());
        let next = |chosen| Overlay::Interview { question: question + 1, highlighted: 0, chosen };
        if let Some(highlighted) = step(highlighted, action, answers.saturating_sub(1), PAGE) {
            self.overlay = Overlay::Interview { question, highlighted, chosen };
            return;
        }
        self.overlay = match action {
            Action::Confirm if question < questions => {
                chosen[question] = Some(highlighted);
                next(chosen)
            }
            Action::FocusNext if question < questions => next(chosen),
            Action::FocusPrev => Overlay::Interview { question: question.saturating_sub(1), highlighted: 0, chosen },
            Action::Confirm => {
                let answers = chosen
                    .iter()
                    .zip(&self.dataset.questions)
                    .filter_map(|(answer, q)| answer.map(|a| format!("{}={}", q.id, q.answers[a].id)))
                    .collect();
                self.apply_derived(self.interview_weights(&chosen), "the interview's weights", answers)
            }
            Action::Back => self.leave("interview"),
            _ => Overlay::Interview { question, highlighted, chosen },
        };
    }

    /// One pair at a time: h/l move the judgement toward the first or second category, Enter takes it,
    /// Tab skips (equal), Shift-Tab goes back, Esc leaves everything as it was; after the last pair, the
    /// summary's Enter applies the weights (one undoable step).
    pub(super) fn pairwise_action(&mut self, pair: usize, mut judged: Vec<Option<i8>>, action: Action) {
        let pairs = judged.len();
        let current = judged.get(pair).copied().flatten().unwrap_or(0);
        self.overlay = match action {
            Action::WeightDown | Action::WeightUp if pair < pairs => {
                // The first category is on the left: h (down) moves toward it, l toward the second.
                let step = if action == Action::WeightUp { -1 } else { 1 };
                judged[pair] = Some((current + step).clamp(-8, 8));
                Overlay::Pairwise { pair, judged }
            }
            Action::Confirm if pair < pairs => {
                judged[pair] = Some(current);
                Overlay::Pairwise { pair: pair + 1, judged }
            }
            Action::FocusNext if pair < pairs => Overlay::Pairwise { pair: pair + 1, judged },
            Action::FocusPrev => Overlay::Pairwise { pair: pair.saturating_sub(1), judged },
            Action::Revise if pair == pairs => {
                let (_, p, _) = self.pairwise_result(&judged);
                let worst = p
                    .most_inconsistent
                    .filter(|_| !p.is_consistent())
                    .and_then(|(a, b)| self.pairwise_pairs().iter().position(|&pair| pair == (a.min(b), a.max(b))));
                Overlay::Pairwise { pair: worst.unwrap_or(pair), judged }
            }
            Action::Confirm => self.apply_derived(self.pairwise_result(&judged).2, "the pairwise weights", Vec::new()),
            Action::Back => self.leave("pairwise weighting"),
            _ => Overlay::Pairwise { pair, judged },
        };
    }

    /// Ends a weighting overlay by applying the `weights` it derived, named `what`, as one undoable step.
    fn apply_derived(&mut self, weights: Vec<u8>, what: &str, answers: Vec<String>) -> Overlay {
        self.weights.set_all(&self.dataset, weights, what.to_owned(), answers);
        self.set_status(Status::info(format!("applied {what}; u undoes")));
        Overlay::None
    }

    /// Ends a weighting overlay, `what`, changing nothing.
    fn leave(&mut self, what: &str) -> Overlay {
        self.set_status(Status::info(format!("{what} left; nothing changed")));
        Overlay::None
    }

    /// Closes the overlay on `dimension`, selected in the list (the filter dropped if it hides it).
    fn go_to(&mut self, dimension: usize) {
        if !self.list.is_listed(dimension) {
            self.set_query(String::new());
        }
        self.select(dimension);
        self.overlay = Overlay::None;
    }

    pub(super) fn help_action(&mut self, scroll: u16, action: Action) {
        if action == Action::Back {
            self.overlay = self.help_return.take().unwrap_or(Overlay::None);
            return;
        }
        // How far help scrolls means laying all of it out: only for a key that moves.
        if step(0, action, 1, 1).is_none() {
            return;
        }
        let max = self.max_help_scroll();
        if let Some(scroll) = step(usize::from(scroll), action, usize::from(max), HELP_PAGE) {
            self.overlay = Overlay::Help { scroll: u16::try_from(scroll).unwrap_or(max) };
        }
    }
}
