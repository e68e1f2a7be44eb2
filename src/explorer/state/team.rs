//! The team `--team` loaded: its members, the verdict of each one's own weights, and the files they came
//! from. It never changes; who counts toward the group's weights is the weights' state
//! ([`super::weights::Weights::counted`]), with its undo, and the group derives from that.

use crate::engine::data::Dataset;
use crate::engine::score::{Recommendation, recommend_with};
use crate::engine::team::{Group, Member};

pub struct Roster {
    members: Vec<Member>,
    /// Per member: the verdict of their own weights and must-haves.
    verdicts: Vec<Recommendation>,
    /// The files the members came from, for the command that reproduces the team's report.
    files: Vec<String>,
}

impl Roster {
    /// The roster of `members` (none: no team).
    pub(crate) fn new(dataset: &Dataset, members: Vec<Member>, files: Vec<String>) -> Option<Self> {
        if members.is_empty() {
            return None;
        }
        let verdicts = members.iter().map(|m| recommend_with(dataset, &m.weights, &m.requirements)).collect();
        Some(Self { members, verdicts, files })
    }

    #[must_use]
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    #[must_use]
    pub fn verdict(&self, member: usize) -> &Recommendation {
        &self.verdicts[member]
    }

    #[must_use]
    pub fn files(&self) -> &[String] {
        &self.files
    }
}

/// The team as it stands: the roster, who counts (the weights' state) and the group of those counted.
/// Derived on each call from the one place each fact lives.
#[derive(Clone, Copy)]
pub struct Team<'a> {
    roster: &'a Roster,
    counted: &'a [bool],
    group: &'a Group,
    median: &'a Recommendation,
}

impl<'a> Team<'a> {
    pub(crate) fn new(roster: &'a Roster, counted: &'a [bool], group: &'a Group, median: &'a Recommendation) -> Self {
        Self { roster, counted, group, median }
    }

    #[must_use]
    pub fn members(&self) -> &'a [Member] {
        self.roster.members()
    }

    #[must_use]
    pub fn roster(&self) -> &'a Roster {
        self.roster
    }

    #[must_use]
    pub fn counts(&self, member: usize) -> bool {
        self.counted[member]
    }

    /// Per member, whether they count.
    #[must_use]
    pub fn counted_flags(&self) -> &'a [bool] {
        self.counted
    }

    /// The members counted, in order.
    #[must_use]
    pub fn counted(&self) -> Vec<&'a Member> {
        self.members().iter().zip(self.counted).filter(|(_, c)| **c).map(|(m, _)| m).collect()
    }

    /// Whether every member counts (the group is the whole team's).
    #[must_use]
    pub fn whole(&self) -> bool {
        self.counted.iter().all(|&c| c)
    }

    /// The group of the members counted.
    #[must_use]
    pub fn group(&self) -> &'a Group {
        self.group
    }

    /// The verdict of the group's median weights.
    #[must_use]
    pub fn median_verdict(&self) -> &'a Recommendation {
        self.median
    }
}
