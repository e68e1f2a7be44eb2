//! The team view's state: the members `--team` loaded, which of them count toward the group's weights,
//! and what the group of those comes to.

use crate::engine::data::Dataset;
use crate::engine::score::{Recommendation, recommend};
use crate::engine::team::{Group, Member};

pub struct Team {
    members: Vec<Member>,
    /// Per member: whether their weights count toward the group's.
    counted: Vec<bool>,
    /// Per member: the verdict of their own weights (it does not change).
    verdicts: Vec<Recommendation>,
    /// The group of the members counted.
    group: Group,
    /// The files the members came from, for the command that reproduces the team's report.
    files: Vec<String>,
}

impl Team {
    /// The team of `members` (none: no team).
    pub(super) fn new(dataset: &Dataset, members: Vec<Member>, files: Vec<String>) -> Option<Self> {
        let group = Group::of(dataset, &members.iter().collect::<Vec<_>>())?;
        let verdicts = members.iter().map(|m| recommend(dataset, &m.weights)).collect();
        Some(Self { counted: vec![true; members.len()], members, verdicts, group, files })
    }

    #[must_use]
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    #[must_use]
    pub fn counts(&self, member: usize) -> bool {
        self.counted[member]
    }

    #[must_use]
    pub fn verdict(&self, member: usize) -> &Recommendation {
        &self.verdicts[member]
    }

    /// The group of the members counted.
    #[must_use]
    pub fn group(&self) -> &Group {
        &self.group
    }

    /// The members counted, in order.
    #[must_use]
    pub fn counted(&self) -> Vec<&Member> {
        self.members.iter().zip(&self.counted).filter(|(_, c)| **c).map(|(m, _)| m).collect()
    }

    /// Per member, whether they count.
    #[must_use]
    pub fn counted_flags(&self) -> &[bool] {
        &self.counted
    }

    /// Counts exactly the members `counted` says (one flag per member; at least one): the explorer's
    /// weights hold who counts, with their undo, and the team follows them after every update.
    pub(super) fn set_counted(&mut self, dataset: &Dataset, counted: &[bool]) {
        if counted.len() == self.members.len() && counted.iter().any(|&c| c) && counted != self.counted {
            self.counted = counted.to_vec();
            if let Some(group) = Group::of(dataset, &self.counted()) {
                self.group = group;
            }
        }
    }

    /// Whether every member counts (the group is the whole team's).
    #[must_use]
    pub fn whole(&self) -> bool {
        self.counted.iter().all(|&c| c)
    }

    #[must_use]
    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// Who would count with `member` counted in or left out; `None` for the last member counted, who
    /// cannot be left out. The weights' undo state holds who counts ([`Self::set_counted`] follows it).
    pub(super) fn toggled(&self, member: usize) -> Option<Vec<bool>> {
        let leaving = self.counted[member];
        if leaving && self.counted.iter().filter(|&&c| c).count() == 1 {
            return None;
        }
        let mut counted = self.counted.clone();
        counted[member] = !leaving;
        Some(counted)
    }
}
