//! The dimension list: its rows (grouped by category, or a search's matches), the search query and its
//! hits, the selected dimension, and the first row on screen.

use std::collections::HashMap;

use crate::engine::data::Dataset;
use crate::engine::search::{Hit, Searcher};

/// The longest search query: far past any real one, and it bounds what a keystroke can cost (each
/// changed word is scored against itself, in time quadratic in its length).
pub const MAX_QUERY_CHARS: usize = 128;

/// One row of the dimension list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A category heading (unfiltered list only).
    Category {
        first_dimension: usize,
    },
    Dimension(usize),
}

pub(crate) struct List {
    searcher: Searcher,
    /// The search query; the list shows only its matches while it is not empty.
    query: String,
    /// The matches of `query`, best first (every dimension, in order, when it is empty).
    hits: Vec<Hit>,
    /// The list's rows: grouped by category when unfiltered, else the matches.
    rows: Vec<Row>,
    /// The unfiltered rows, computed once.
    grouped: Vec<Row>,
    /// The selected dimension (an index into the dataset, not a row).
    selected: usize,
    /// The first row on screen.
    offset: usize,
}

impl List {
    pub(crate) fn new(dataset: &Dataset) -> Self {
        let searcher = Searcher::new(dataset);
        let hits = searcher.search("");
        let grouped = grouped_rows(dataset);
        let selected = grouped.iter().find_map(|row| listed(*row)).unwrap_or(0);
        Self { searcher, query: String::new(), hits, rows: grouped.clone(), grouped, selected, offset: 0 }
    }

    pub(crate) fn rows(&self) -> &[Row] {
        &self.rows
    }

    pub(crate) fn query(&self) -> &str {
        &self.query
    }

    pub(crate) fn hits(&self) -> &[Hit] {
        &self.hits
    }

    pub(crate) fn selected(&self) -> usize {
        self.selected
    }

    pub(crate) fn offset(&self) -> usize {
        self.offset
    }

    /// The characters of dimension `dimension`'s name the search matched (none unfiltered).
    pub(crate) fn match_positions(&self, dimension: usize) -> Vec<usize> {
        if self.query.trim().is_empty() { Vec::new() } else { self.searcher.positions(dimension, &self.query) }
    }

    /// Selects `dimension`; whether the selection changed.
    pub(crate) fn select(&mut self, dimension: usize) -> bool {
        let changed = dimension != self.selected;
        self.selected = dimension;
        changed
    }

    /// Moves the selection `delta` listed dimensions down (up if negative), stopping at the ends;
    /// whether it changed.
    pub(crate) fn move_selection(&mut self, delta: isize) -> bool {
        let listed = || self.rows.iter().filter_map(|row| listed(*row));
        let Some(last) = listed().count().checked_sub(1) else { return false };
        let current = listed().position(|dimension| dimension == self.selected).unwrap_or(0);
        let target = current.saturating_add_signed(delta).min(last);
        let dimension = listed().nth(target).unwrap_or(self.selected);
        self.select(dimension)
    }

    /// Whether `dimension` matches the query (every dimension does when there is none).
    pub(crate) fn is_listed(&self, dimension: usize) -> bool {
        self.hits.iter().any(|hit| hit.dimension == dimension)
    }

    /// Filters the list by `query`; whether the selection changed.
    pub(crate) fn set_query(&mut self, query: String) -> bool {
        let words_changed = !self.query.split_whitespace().eq(query.split_whitespace());
        // Typing on narrows the last hits instead of searching everything.
        self.hits = self.searcher.refine(&self.query, &self.hits, &query);
        self.query = query;
        self.rows = if self.query.trim().is_empty() {
            self.grouped.clone()
        } else {
            self.hits.iter().map(|hit| Row::Dimension(hit.dimension)).collect()
        };
        self.offset = 0;
        // As in other fuzzy pickers, a changed query selects its best match, so the list opens on the
        // best hits rather than on a weak one around the old selection. A space alone changes no word.
        match self.hits.first() {
            Some(best) if words_changed && !self.query.trim().is_empty() => self.select(best.dimension),
            _ => false,
        }
    }

    /// Types `c` at the end of the query, unless it is full; whether the selection changed.
    pub(crate) fn push(&mut self, c: char) -> bool {
        if self.is_full() {
            return false;
        }
        let mut query = self.query.clone();
        query.push(c);
        self.set_query(query)
    }

    pub(crate) fn is_full(&self) -> bool {
        self.query.chars().count() >= MAX_QUERY_CHARS
    }

    pub(crate) fn pop(&mut self) -> bool {
        let mut query = self.query.clone();
        query.pop();
        self.set_query(query)
    }

    /// The dimension on the list's `row`-th visible row, if that row is a dimension.
    pub(crate) fn dimension_on_row(&self, row: usize) -> Option<usize> {
        self.rows.get(self.offset + row).copied().and_then(listed)
    }

    /// Keeps the selected row within `height` visible rows, with its category heading when it is the
    /// category's first.
    pub(crate) fn keep_in_view(&mut self, height: usize) {
        let rows = &self.rows;
        if let Some(row) = rows.iter().position(|r| *r == Row::Dimension(self.selected)) {
            let top = if row > 0 && matches!(rows[row - 1], Row::Category { .. }) { row - 1 } else { row };
            if top < self.offset {
                self.offset = top;
            } else if row >= self.offset + height {
                self.offset = row + 1 - height;
            }
        }
        self.offset = self.offset.min(rows.len().saturating_sub(height));
    }
}

/// The dimension a row lists, if it is not a heading.
fn listed(row: Row) -> Option<usize> {
    match row {
        Row::Dimension(dimension) => Some(dimension),
        Row::Category { .. } => None,
    }
}

/// Every dimension under its category's heading, categories in order of first appearance.
fn grouped_rows(dataset: &Dataset) -> Vec<Row> {
    let mut categories: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (dimension, info) in dataset.dimensions.iter().enumerate() {
        let slot = *index.entry(info.category.as_str()).or_insert_with(|| {
            categories.push(Vec::new());
            categories.len() - 1
        });
        categories[slot].push(dimension);
    }
    let mut rows = Vec::with_capacity(dataset.dimensions.len() + categories.len());
    for members in categories {
        rows.push(Row::Category { first_dimension: members[0] });
        rows.extend(members.into_iter().map(Row::Dimension));
    }
    rows
}
