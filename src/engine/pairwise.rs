//! Weights from pairwise judgements: the analytic hierarchy process (Saaty, "A scaling method for
//! priorities in hierarchical structures", Journal of Mathematical Psychology 15, 1977). Each judgement
//! says which of two items matters more and by how much on Saaty's 1-9 scale; the weights are the
//! principal eigenvector of the reciprocal matrix, and the consistency ratio says how far the
//! judgements contradict each other.

use crate::engine::data::{Dataset, LoadError, toml_diagnostic};
use crate::engine::diagnostic::Diagnostic;

/// At most this many items are compared: Saaty's random index is tabled to 10.
pub const MAX_ITEMS: usize = 10;
/// A consistency ratio above this is too inconsistent to trust (Saaty's 10%).
pub const MAX_CONSISTENCY_RATIO: f64 = 0.10;
/// Power iteration stops once no weight moves by more than this.
pub const TOLERANCE: f64 = 1e-12;

/// Saaty's random index: the mean consistency index of random reciprocal matrices of each size.
const RANDOM_INDEX: [f64; MAX_ITEMS + 1] = [0.0, 0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/// Item `more` matters more than item `less`, `by` 1 (equally) to 9 (extremely).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judgement {
    pub more: usize,
    pub less: usize,
    pub by: u8,
}

/// What the judgements give.
#[derive(Debug, Clone, PartialEq)]
pub struct Priorities {
    /// One share per item, summing to 1.
    pub weights: Vec<f64>,
    pub lambda_max: f64,
    /// `CI / RI(n)` with `CI = (lambda_max - n) / (n - 1)`; 0 for two items or fewer.
    pub consistency_ratio: f64,
    /// The judged pair the weights agree with least (the largest `|ln(a_ij * w_j / w_i)|`), as
    /// (more, less), when there is a pair at all.
    pub most_inconsistent: Option<(usize, usize)>,
}

impl Priorities {
    #[must_use]
    pub fn is_consistent(&self) -> bool {
        self.consistency_ratio <= MAX_CONSISTENCY_RATIO
    }
}

/// The reciprocal matrix of `judgements` over `n` items: `a[more][less] = by`, `a[less][more] = 1/by`,
/// 1 on the diagonal and for a pair not judged (equally important).
#[must_use]
pub fn matrix(n: usize, judgements: &[Judgement]) -> Vec<Vec<f64>> {
    let mut a = vec![vec![1.0; n]; n];
    for j in judgements {
        a[j.more][j.less] = f64::from(j.by);
        a[j.less][j.more] = 1.0 / f64::from(j.by);
    }
    a
}

/// The priorities of `n` items (at most [`MAX_ITEMS`]) under `judgements`.
#[must_use]
pub fn priorities(n: usize, judgements: &[Judgement]) -> Priorities {
    let a = matrix(n, judgements);
    let (weights, lambda_max) = principal_eigenvector(&a);
    let consistency_ratio = if n <= 2 {
        0.0
    } else {
        let ci = (lambda_max - n as f64) / (n as f64 - 1.0);
        (ci / RANDOM_INDEX[n.min(MAX_ITEMS)]).max(0.0)
    };
    let disagreement = |j: &Judgement| (a[j.more][j.less] * weights[j.less] / weights[j.more]).ln().abs();
    let most_inconsistent =
        judgements.iter().max_by(|x, y| disagreement(x).total_cmp(&disagreement(y))).map(|j| (j.more, j.less));
    Priorities { weights, lambda_max, consistency_ratio, most_inconsistent }
}

/// The principal eigenvector of a positive matrix (normalised to sum 1) and its eigenvalue, by power
/// iteration to [`TOLERANCE`] (at most 10,000 steps; a positive matrix converges far sooner).
#[must_use]
pub fn principal_eigenvector(a: &[Vec<f64>]) -> (Vec<f64>, f64) {
    let n = a.len();
    if n == 0 {
        return (Vec::new(), 0.0);
    }
    let times = |w: &[f64]| -> Vec<f64> { a.iter().map(|row| row.iter().zip(w).map(|(x, y)| x * y).sum()).collect() };
    let mut w = vec![1.0 / n as f64; n];
    for _ in 0..10_000 {
        let next = times(&w);
        let sum: f64 = next.iter().sum();
        let next: Vec<f64> = next.iter().map(|x| x / sum).collect();
        let moved = next.iter().zip(&w).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max);
        w = next;
        if moved < TOLERANCE {
            break;
        }
    }
    let aw = times(&w);
    let lambda = aw.iter().zip(&w).map(|(x, y)| x / y).sum::<f64>() / n as f64;
    (w, lambda)
}

/// Shares to dimension weights 0-10: scaled so that the largest is 10, rounded to the nearest whole
/// step (halves up).
#[must_use]
pub fn to_steps(shares: &[f64]) -> Vec<u8> {
    let largest = shares.iter().copied().fold(0.0, f64::max);
    if largest <= 0.0 {
        return vec![0; shares.len()];
    }
    shares.iter().map(|s| (10.0 * s / largest).round().clamp(0.0, 10.0) as u8).collect()
}

/// A file of judgements, as `versus report --pairwise FILE` reads it, resolved against a dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Judged {
    /// The items compared: dimension ids or category names, in the order they first appear.
    pub items: Vec<String>,
    /// Whether the items are categories (else dimensions).
    pub categories: bool,
    pub judgements: Vec<Judgement>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    pairs: Vec<RawPair>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPair {
    more: toml::Spanned<String>,
    less: toml::Spanned<String>,
    by: toml::Spanned<i64>,
}

/// Reads judgements (`[[pairs]] more = "ID", less = "ID", by = 1-9`, each ID a dimension id or a
/// category's name, all of one kind) for `dataset`; every problem is reported with its place.
pub fn parse(text: &str, file: &str, dataset: &Dataset) -> Result<Judged, LoadError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| LoadError::new(file, vec![toml_diagnostic(text, &e)]))?;
    let categories = dataset.categories();
    let is_dimension = |name: &str| dataset.dimension_index(name).is_some();
    let is_category = |name: &str| categories.contains(&name);
    let mut problems = Vec::new();
    let mut items: Vec<String> = Vec::new();
    let mut kind: Option<bool> = None;
    let mut judgements = Vec::new();
    let mut seen = Vec::new();
    for pair in &raw.pairs {
        let mut index = |field: &str, name: &toml::Spanned<String>, problems: &mut Vec<Diagnostic>| -> Option<usize> {
            let text_of = name.get_ref().as_str();
            let category = match (is_dimension(text_of), is_category(text_of)) {
                (true, _) => false,
                (false, true) => true,
                (false, false) => {
                    let names = dataset.dimensions.iter().map(|d| d.id.as_str()).chain(categories.iter().copied());
                    let message = format!("`{text_of}` is neither a dimension id nor a category");
                    let closest = crate::engine::text::closest(text_of, names);
                    problems.push(Diagnostic::error(message).at_span(text, name.span()).field(field).suggest(closest));
                    return None;
                }
            };
            if *kind.get_or_insert(category) != category {
                let message = format!("`{text_of}` mixes dimensions and categories; compare one kind at a time");
                problems.push(Diagnostic::error(message).at_span(text, name.span()).field(field));
                return None;
            }
            Some(items.iter().position(|item| item == text_of).unwrap_or_else(|| {
                items.push(text_of.to_owned());
                items.len() - 1
            }))
        };
        let (more, less) =
            (index("pairs.more", &pair.more, &mut problems), index("pairs.less", &pair.less, &mut problems));
        let by = u8::try_from(*pair.by.get_ref()).ok().filter(|by| (1..=9).contains(by));
        if by.is_none() {
            let message = format!("{} is not on Saaty's scale (1 to 9)", pair.by.get_ref());
            problems.push(Diagnostic::error(message).at_span(text, pair.by.span()).field("pairs.by"));
        }
        let (Some(more), Some(less), Some(by)) = (more, less, by) else { continue };
        if more == less {
            let itself = Diagnostic::error("an item is compared with itself").at_span(text, pair.less.span());
            problems.push(itself.field("pairs.less"));
        } else if seen.contains(&(more.min(less), more.max(less))) {
            let twice = Diagnostic::error("this pair is judged twice").at_span(text, pair.more.span());
            problems.push(twice.field("pairs.more"));
        } else {
            seen.push((more.min(less), more.max(less)));
            judgements.push(Judgement { more, less, by });
        }
    }
    if items.len() > MAX_ITEMS {
        let message = format!("{} items; compare at most {MAX_ITEMS}", items.len());
        problems.push(Diagnostic::error(message).field("pairs"));
    }
    if problems.is_empty() {
        Ok(Judged { items, categories: kind.unwrap_or(false), judgements })
    } else {
        Err(LoadError::new(file, problems))
    }
}

/// The dimension weights `judged`'s priorities give, starting from `current`. Compared dimensions get
/// their shares in steps (the largest 10); with categories, each dimension of a compared category gets
/// its category's share times its own share of that category's current weights (equal shares when
/// they are all 0), the largest 10. Dimensions not compared keep their weights.
#[must_use]
pub fn weights_from(dataset: &Dataset, current: &[u8], judged: &Judged, priorities: &Priorities) -> Vec<u8> {
    let mut weights = current.to_vec();
    let compared: Vec<(usize, f64)> = if judged.categories {
        let mut out = Vec::new();
        for (item, &share) in judged.items.iter().zip(&priorities.weights) {
            let members: Vec<usize> =
                (0..dataset.dimensions.len()).filter(|&d| dataset.dimensions[d].category == *item).collect();
            let total: u32 = members.iter().map(|&d| u32::from(current[d])).sum();
            for &d in &members {
                let within =
                    if total == 0 { 1.0 / members.len() as f64 } else { f64::from(current[d]) / f64::from(total) };
                out.push((d, share * within));
            }
        }
        out
    } else {
        judged
            .items
            .iter()
            .zip(&priorities.weights)
            .filter_map(|(id, &share)| dataset.dimension_index(id).map(|d| (d, share)))
            .collect()
    };
    let steps = to_steps(&compared.iter().map(|&(_, share)| share).collect::<Vec<_>>());
    for (&(d, _), step) in compared.iter().zip(steps) {
        weights[d] = step;
    }
    weights
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saatys_example_gives_his_weights_and_a_low_ratio() {
        // Three items: 0 over 1 by 3, 0 over 2 by 5, 1 over 2 by 3 (a textbook case; CR about 0.04).
        let judgements = [
            Judgement { more: 0, less: 1, by: 3 },
            Judgement { more: 0, less: 2, by: 5 },
            Judgement { more: 1, less: 2, by: 3 },
        ];
        let p = priorities(3, &judgements);
        let expected = [0.637, 0.258, 0.105];
        for (w, e) in p.weights.iter().zip(expected) {
            assert!((w - e).abs() < 0.001, "{:?}", p.weights);
        }
        assert!((p.lambda_max - 3.039).abs() < 0.001, "{}", p.lambda_max);
        assert!((p.consistency_ratio - 0.033).abs() < 0.002, "{}", p.consistency_ratio);
        assert!(p.is_consistent());
    }

    #[test]
    fn a_contradiction_is_found() {
        // 0 > 1 > 2 but 2 much more than 0: far from consistent.
        let judgements = [
            Judgement { more: 0, less: 1, by: 5 },
            Judgement { more: 1, less: 2, by: 5 },
            Judgement { more: 2, less: 0, by: 7 },
        ];
        let p = priorities(3, &judgements);
        assert!(!p.is_consistent(), "{}", p.consistency_ratio);
        assert!(p.most_inconsistent.is_some());
    }

    #[test]
    fn steps_scale_the_largest_to_10() {
        assert_eq!(to_steps(&[0.5, 0.25, 0.125, 0.125]), vec![10, 5, 3, 3]);
        assert_eq!(to_steps(&[0.0, 0.0]), vec![0, 0]);
    }
}
