//! Invariants of scoring, search and loading, over generated inputs.

use proptest::prelude::*;
use versus::engine::data::{Assessment, Dataset, Dimension, Meta, OptionInfo, SCHEMA_VERSION, parse_bytes, sanitize};
use versus::engine::requirements::Requirements;
use versus::engine::robustness::{WeightRanges, robustness, robustness_over};
use versus::engine::score::{Recommendation, evaluate, evaluate_with};
use versus::engine::search::Searcher;
use versus::engine::verdict::Classification;

/// A dataset with `ratings[d][o]` as dimension d's rating for option o, each rating's range collapsed
/// to the rating itself.
fn dataset(ratings: &[Vec<u8>]) -> Dataset {
    let options = ratings.first().map_or(0, Vec::len);
    Dataset {
        meta: Meta {
            schema: SCHEMA_VERSION,
            title: "generated".into(),
            as_of: "2026-01-01".into(),
            description: None,
            audits: None,
            uncertainty: 0,
        },
        options: (0..options)
            .map(|o| OptionInfo { id: format!("o{o}"), name: format!("Option {o}"), summary: String::new() })
            .collect(),
        dimensions: ratings
            .iter()
            .enumerate()
            .map(|(d, row)| Dimension {
                id: format!("d{d}"),
                name: format!("Dimension {d}"),
                short: None,
                category: "c".into(),
                summary: String::new(),
                keywords: Vec::new(),
                weight: 5,
                weight_reason: None,
                assessments: row
                    .iter()
                    .map(|&rating| Assessment {
                        rating,
                        low: rating,
                        high: rating,
                        rationale: String::new(),
                        detail: String::new(),
                        pros: Vec::new(),
                        cons: Vec::new(),
                    })
                    .collect(),
                sources: Vec::new(),
            })
            .collect(),
        presets: Vec::new(),
        claims: Vec::new(),
        questions: Vec::new(),
    }
}

/// 2-4 options, 1-12 dimensions: ratings and weights, 0-10 each.
fn weighted_dataset() -> impl Strategy<Value = (Vec<Vec<u8>>, Vec<u8>)> {
    (2usize..=4, 1usize..=12).prop_flat_map(|(options, dimensions)| {
        (
            prop::collection::vec(prop::collection::vec(0u8..=10, options), dimensions),
            prop::collection::vec(0u8..=10, dimensions),
        )
    })
}

/// How far `option` is ahead of the best other option, in points.
fn lead(scores: &[f64], option: usize) -> f64 {
    let best_other = scores.iter().enumerate().filter(|&(i, _)| i != option).map(|(_, &s)| s).fold(f64::MIN, f64::max);
    scores[option] - best_other
}

/// A dataset whose ratings have the ranges `ranges[d][o] = (low, high)` (each rating at its low end).
fn ranged(ranges: &[Vec<(u8, u8)>]) -> Dataset {
    let mut d = dataset(&ranges.iter().map(|row| row.iter().map(|&(low, _)| low).collect()).collect::<Vec<_>>());
    for (dimension, row) in d.dimensions.iter_mut().zip(ranges) {
        for (assessment, &(_, high)) in dimension.assessments.iter_mut().zip(row) {
            assessment.high = high;
        }
    }
    d
}

/// What [`recount_draws`] counted: each option's share of first places and, with requirements, of
/// samples in which it met every one; and every weight drawn, per dimension.
struct Recount {
    first: Vec<f64>,
    passes: Vec<f64>,
    weights: Vec<Vec<u8>>,
}

/// `samples` draws from `seed`, drawn as the robustness module documents it, independently of its code.
/// An option whose drawn rating falls below `required` (one per dimension) is out of that sample's
/// ranking; requirements only on dimensions whose weight can be above 0, whose ratings the scoring draws
/// take.
fn recount_draws(
    ranges: &[Vec<(u8, u8)>],
    weights: &[(u8, u8)],
    required: &[Option<u8>],
    samples: u32,
    seed: u64,
) -> Recount {
    let mut state = seed;
    let mut parts: Vec<u32> = Vec::new();
    // A whole number below n, from 16-bit parts (four per output, lowest first), by multiply-and-reject.
    let mut below = |n: u32| loop {
        if parts.is_empty() {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            parts = (0..4).rev().map(|i| ((z >> (16 * i)) & 0xFFFF) as u32).collect();
        }
        let product = parts.pop().unwrap() * n;
        if product % 65_536 >= 65_536 % n {
            break product / 65_536;
        }
    };
    let options = ranges[0].len();
    let fixed = weights.iter().all(|&(low, high)| low == high);
    let mut recount =
        Recount { first: vec![0.0; options], passes: vec![0.0; options], weights: vec![Vec::new(); weights.len()] };
    for _ in 0..samples {
        let mut sample = Sample { totals: vec![0; options], out: vec![false; options] };
        let mut wide = Vec::new();
        for (d, &(low, high)) in weights.iter().enumerate().filter(|(_, w)| w.1 > 0) {
            if fixed {
                recount.weights[d].push(sample.draw_apart(&ranges[d], (low, high), required[d], &mut below));
                continue;
            }
            // Weights drawn: one draw of a number whose digits, lowest first, are the weight's and then
            // each option's rating's, each in the base of its range's size.
            let spans: Vec<u32> = std::iter::once((low, high))
                .chain(ranges[d].iter().copied())
                .map(|(low, high)| u32::from(high - low) + 1)
                .collect();
            let combinations: u32 = spans.iter().product();
            if combinations > 1_024 {
                wide.push((d, low, high));
                continue;
            }
            let mut number = if combinations > 1 { below(combinations) } else { 0 };
            let digits: Vec<u8> = spans
                .iter()
                .map(|&span| {
                    let digit = number % span;
                    number /= span;
                    digit as u8
                })
                .collect();
            let weight = low + digits[0];
            recount.weights[d].push(weight);
            for (o, &(r_low, _)) in ranges[d].iter().enumerate() {
                sample.count(o, weight, r_low + digits[o + 1], required[d]);
            }
        }
        for (d, low, high) in wide {
            recount.weights[d].push(sample.draw_apart(&ranges[d], (low, high), required[d], &mut below));
        }
        let counted: Vec<usize> = (0..options).filter(|&o| !sample.out[o]).collect();
        if let Some(best) = counted.iter().map(|&o| sample.totals[o]).max() {
            let winners: Vec<usize> = counted.into_iter().filter(|&o| sample.totals[o] == best).collect();
            for &o in &winners {
                recount.first[o] += 1.0 / winners.len() as f64;
            }
        }
        for (passes, _) in recount.passes.iter_mut().zip(&sample.out).filter(|&(_, &out)| !out) {
            *passes += 1.0;
        }
    }
    for share in recount.first.iter_mut().chain(&mut recount.passes) {
        *share /= f64::from(samples);
    }
    recount
}

/// One sample of [`recount_draws`]: each option's total, and whether it failed a requirement.
struct Sample {
    totals: Vec<u64>,
    out: Vec<bool>,
}

impl Sample {
    fn count(&mut self, option: usize, weight: u8, rating: u8, required: Option<u8>) {
        self.totals[option] += u64::from(weight) * u64::from(rating);
        self.out[option] |= required.is_some_and(|min| rating < min);
    }

    /// With fixed weights, and after the others for a dimension of more than 1,024 combinations: the
    /// weight, then each rating, drawn apart; the weight drawn.
    fn draw_apart(
        &mut self,
        ratings: &[(u8, u8)],
        (low, high): (u8, u8),
        required: Option<u8>,
        below: &mut dyn FnMut(u32) -> u32,
    ) -> u8 {
        let weight = if high > low { low + below(u32::from(high - low) + 1) as u8 } else { low };
        for (o, &(r_low, r_high)) in ratings.iter().enumerate() {
            let rating = if r_high > r_low { r_low + below(u32::from(r_high - r_low) + 1) as u8 } else { r_low };
            self.count(o, weight, rating, required);
        }
        weight
    }
}

/// 2-3 options, 1-3 dimensions, ranges up to 4 wide: few enough combinations to count them all.
fn small_ranged_dataset() -> impl Strategy<Value = (Vec<Vec<(u8, u8)>>, Vec<u8>)> {
    (2usize..=3, 1usize..=3).prop_flat_map(|(options, dimensions)| {
        let range = (0u8..=10, 0u8..=3).prop_map(|(low, width)| (low, (low + width).min(10)));
        (
            prop::collection::vec(prop::collection::vec(range, options), dimensions),
            prop::collection::vec(0u8..=10, dimensions),
        )
    })
}

/// 2-8 options, 1-3 dimensions, ranges up to 4 wide: with six options or more, a dimension can have more
/// combinations than one draw picks among.
fn wide_ranged_dataset() -> impl Strategy<Value = (Vec<Vec<(u8, u8)>>, Vec<u8>)> {
    (2usize..=8, 1usize..=3).prop_flat_map(|(options, dimensions)| {
        let range = (0u8..=10, 0u8..=3).prop_map(|(low, width)| (low, (low + width).min(10)));
        (
            prop::collection::vec(prop::collection::vec(range, options), dimensions),
            prop::collection::vec(0u8..=10, dimensions),
        )
    })
}

/// Each option's exact share of first places over every combination of ratings in their ranges (ties
/// split equally): what the sampling estimates, counted instead.
fn exact_first_shares(ranges: &[Vec<(u8, u8)>], weights: &[u8]) -> Vec<f64> {
    exact_shares_with(ranges, weights, &vec![None; ranges.len()]).0
}

/// The leader for `weights`, by the engine's recommendation (the second computation the interval and
/// flip searches are checked against).
fn leader(ratings: &[Vec<u8>], weights: &[u8]) -> Option<usize> {
    evaluate(&dataset(ratings), weights).recommendation.leader()
}

proptest! {
    /// Each stability interval is exactly the set of weights, tried one by one, at which the leader
    /// still leads; criticality is the distance to the nearest weight where it does not.
    #[test]
    fn stability_intervals_are_exactly_where_the_leader_holds((ratings, weights) in weighted_dataset()) {
        let e = evaluate(&dataset(&ratings), &weights);
        let Some(now) = e.recommendation.leader() else {
            prop_assert!(e.stability.is_empty());
            return Ok(());
        };
        prop_assert_eq!(e.stability.len(), weights.len());
        for interval in &e.stability {
            let mut tried = weights.clone();
            let mut nearest_loss = None;
            for w in 0..=10u8 {
                tried[interval.dimension] = w;
                let holds = leader(&ratings, &tried) == Some(now);
                prop_assert_eq!(interval.holds(w), holds, "dimension {} at weight {}: {:?}", interval.dimension, w, interval);
                if !holds {
                    let distance = w.abs_diff(interval.weight);
                    nearest_loss = Some(nearest_loss.map_or(distance, |d: u8| d.min(distance)));
                }
            }
            prop_assert_eq!(interval.criticality(), nearest_loss);
        }
        // The flips lie outside the intervals: one definition for both.
        for flip in &e.flips {
            prop_assert!(!e.stability[flip.dimension].holds(flip.weight), "{:?}", flip);
        }
    }

    /// A rating flip changes the leader to the one it names, and no rating nearer the current one of the
    /// same option on the same dimension puts another option ahead.
    #[test]
    fn rating_flips_are_the_nearest_ratings_that_change_the_leader((ratings, weights) in weighted_dataset()) {
        let now = leader(&ratings, &weights);
        let flips = versus::engine::score::rating_flips(&dataset(&ratings), &weights);
        for (d, row) in ratings.iter().enumerate() {
            for o in 0..row.len() {
                let with = |to: u8| {
                    let mut changed = ratings.clone();
                    changed[d][o] = to;
                    leader(&changed, &weights)
                };
                let brute = (1..=10u8)
                    .flat_map(|step| [row[o].checked_add(step), row[o].checked_sub(step)])
                    .flatten()
                    .filter(|&to| to <= 10)
                    .find_map(|to| with(to).filter(|&l| Some(l) != now).map(|l| (to, l)));
                let found = flips.iter().find(|f| f.dimension == d && f.option == o).map(|f| (f.to, f.leader));
                prop_assert_eq!(found, if weights[d] == 0 { None } else { brute }, "dimension {} option {}", d, o);
            }
        }
        prop_assert!(flips.windows(2).all(|pair| pair[0].distance() <= pair[1].distance()), "nearest first");
    }

    /// The sampled shares agree with the exact shares, counted over every combination, within five
    /// standard errors; they sum to one; the same seed gives the same shares.
    #[test]
    fn robustness_estimates_the_exact_first_place_shares((ranges, weights) in small_ranged_dataset(), seed in any::<u64>()) {
        let d = ranged(&ranges);
        let sampled = robustness(&d, &weights, 4_000, seed);
        let exact = exact_first_shares(&ranges, &weights);
        prop_assert!((sampled.first.iter().sum::<f64>() - 1.0).abs() < 1e-9, "{:?}", sampled.first);
        for (o, (&p, &q)) in sampled.first.iter().zip(&exact).enumerate() {
            let se = (q * (1.0 - q) / 4_000.0).sqrt();
            prop_assert!((p - q).abs() <= 5.0 * se + 1e-9, "option {}: sampled {} exact {} (se {})", o, p, q, se);
        }
        prop_assert_eq!(robustness(&d, &weights, 4_000, seed), sampled);
    }

    /// With every range collapsed to its rating, every sample is the point estimate: the leader comes
    /// first in all of them (a tie splits them equally).
    #[test]
    #[allow(clippy::float_cmp)] // exactly 1: every sample counts whole
    fn collapsed_ranges_give_the_point_verdict((ratings, weights) in weighted_dataset()) {
        let d = dataset(&ratings);
        let shares = versus::engine::robustness::robustness(&d, &weights, 500, 7).first;
        match evaluate(&d, &weights).recommendation {
            Recommendation::Lead { option, .. } => prop_assert_eq!(shares[option], 1.0),
            Recommendation::Tie { options } => {
                for o in &options {
                    prop_assert!((shares[*o] - 1.0 / options.len() as f64).abs() < 1e-12);
                }
            }
            Recommendation::NoWeights => {
                prop_assert!(shares.iter().all(|&s| (s - 1.0 / shares.len() as f64).abs() < 1e-12));
            }
            other @ (Recommendation::Only { .. } | Recommendation::NoneEligible { .. }) => {
                prop_assert!(false, "no requirement, yet {:?}", other);
            }
        }
    }

    /// A consistent matrix (`a_ij = v_i / v_j`) gives weights proportional to `v` and a consistency ratio
    /// of 0.
    #[test]
    fn a_consistent_matrix_gives_its_own_weights(v in prop::collection::vec(0.1f64..10.0, 2..=10)) {
        use versus::engine::pairwise::principal_eigenvector;
        let a: Vec<Vec<f64>> = v.iter().map(|vi| v.iter().map(|vj| vi / vj).collect()).collect();
        let (w, lambda) = principal_eigenvector(&a);
        let total: f64 = v.iter().sum();
        for (wi, vi) in w.iter().zip(&v) {
            prop_assert!((wi - vi / total).abs() < 1e-9, "{:?} vs {:?}", w, v);
        }
        prop_assert!((lambda - v.len() as f64).abs() < 1e-9, "lambda {}", lambda);
    }

    /// For any judgements, the weights are a positive eigenvector of the matrix: `A w = lambda w` checked
    /// directly, with `lambda >= n` and the shares summing to 1.
    #[test]
    fn pairwise_weights_are_the_principal_eigenvector(
        n in 2usize..=8, seeds in prop::collection::vec((1u8..=9, any::<bool>()), 28),
    ) {
        use versus::engine::pairwise::{Judgement, matrix, priorities};
        let mut judgements = Vec::new();
        let mut seed = seeds.iter();
        for i in 0..n {
            for j in i + 1..n {
                let &(by, flip) = seed.next().unwrap();
                let (more, less) = if flip { (j, i) } else { (i, j) };
                judgements.push(Judgement { more, less, by });
            }
        }
        let p = priorities(n, &judgements);
        let a = matrix(n, &judgements);
        prop_assert!((p.weights.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        prop_assert!(p.weights.iter().all(|&w| w > 0.0));
        prop_assert!(p.lambda_max >= n as f64 - 1e-9, "{}", p.lambda_max);
        for (row, &wi) in a.iter().zip(&p.weights) {
            let aw: f64 = row.iter().zip(&p.weights).map(|(x, y)| x * y).sum();
            prop_assert!((aw - p.lambda_max * wi).abs() <= 1e-8 * aw.max(1.0), "row: {} vs {}", aw, p.lambda_max * wi);
        }
        prop_assert!(p.consistency_ratio >= 0.0);
    }

    /// The group weighting is each dimension's median, checked against a second computation that
    /// counts instead of sorting; identical members are that member; the order of the files changes
    /// nothing; every group weight lies within the members' spread; the wins add up to the members
    /// who have a leader.
    #[test]
    fn the_group_is_the_median_whatever_the_order_of_its_members(
        (ratings, first) in weighted_dataset(),
        others in prop::collection::vec(prop::collection::vec(0u8..=10, 12), 0..7),
        rotate in any::<prop::sample::Index>(),
    ) {
        use versus::engine::team::{DISPUTED_SPREAD, Group, Member};
        let d = dataset(&ratings);
        let n = first.len();
        let members = team_of(&first, &others, n);
        let refs: Vec<&Member> = members.iter().collect();
        let group = Group::of(&d, &refs).unwrap();
        // The k-th smallest (0-based) by counting: the least w with more than k values at or below it.
        let kth = |values: &[u8], k: usize| (0u8..=10).find(|&w| values.iter().filter(|&&v| v <= w).count() > k).unwrap();
        for dimension in 0..n {
            let column: Vec<u8> = members.iter().map(|m| m.weights[dimension]).collect();
            let m = column.len();
            let expected = if m % 2 == 1 {
                kth(&column, m / 2)
            } else {
                (f64::from(kth(&column, m / 2 - 1)) / 2.0 + f64::from(kth(&column, m / 2)) / 2.0 + 1e-9).round() as u8
            };
            prop_assert_eq!(group.weights[dimension], expected, "dimension {}", dimension);
            let (low, high) = group.spread[dimension];
            prop_assert!(low <= group.weights[dimension] && group.weights[dimension] <= high);
            prop_assert_eq!(low, *column.iter().min().unwrap());
            prop_assert_eq!(high, *column.iter().max().unwrap());
            prop_assert_eq!(group.disputed.contains(&dimension), high - low >= DISPUTED_SPREAD);
        }
        let width = |d: usize| group.spread[d].1 - group.spread[d].0;
        let ordered = group.disputed.windows(2).all(|w| width(w[0]) > width(w[1]) || (width(w[0]) == width(w[1]) && w[0] < w[1]));
        prop_assert!(ordered, "widest first: {:?}", group.disputed);
        let leaders = group.verdicts.iter().filter(|v| v.leader().is_some()).count();
        prop_assert_eq!(group.wins.iter().sum::<usize>(), leaders);

        let mut reordered = refs.clone();
        reordered.rotate_left(rotate.index(refs.len()));
        reordered.reverse();
        let again = Group::of(&d, &reordered).unwrap();
        prop_assert_eq!(&again.weights, &group.weights);
        prop_assert_eq!(&again.spread, &group.spread);
        prop_assert_eq!(&again.disputed, &group.disputed);
        prop_assert_eq!(&again.wins, &group.wins);

        let alone = Member::new("x", first.clone());
        let clones = vec![&alone; others.len() + 1];
        let same = Group::of(&d, &clones).unwrap();
        prop_assert_eq!(&same.weights, &first);
        prop_assert!(same.disputed.is_empty());
        prop_assert_eq!(same.verdicts[0].clone(), versus::engine::score::evaluate(&d, &first).recommendation);
    }

    /// Each member's verdict is what their own weights and must-haves give on their own, worked out
    /// separately by `evaluate_with`; the group's weights, spread and disputes are those of the members'
    /// weights alone (a member's must-haves never leak into the group's).
    #[test]
    fn each_members_verdict_honours_their_own_must_haves(
        (ratings, first) in weighted_dataset(),
        others in prop::collection::vec(prop::collection::vec(0u8..=10, 12), 0..6),
        own in prop::collection::vec(prop::collection::vec((0usize..12, 0u8..=10), 0..=3), 7),
    ) {
        use versus::engine::team::Group;
        let d = dataset(&ratings);
        let n = first.len();
        let mut members = team_of(&first, &others, n);
        let bare = members.clone();
        for (member, pairs) in members.iter_mut().zip(&own) {
            let pairs: Vec<(usize, u8)> = pairs.iter().map(|&(dimension, min)| (dimension % n, min)).collect();
            member.requirements = requirements_of(&pairs);
        }
        let group = Group::of(&d, &members.iter().collect::<Vec<_>>()).unwrap();
        for (member, verdict) in members.iter().zip(&group.verdicts) {
            let alone = evaluate_with(&d, &member.weights, &member.requirements).recommendation;
            prop_assert_eq!(verdict, &alone, "{}", member.name);
            if let Some(leader) = verdict.leader() {
                prop_assert!(member.requirements.iter().all(|r| ratings[r.dimension][leader] >= r.min));
            }
        }
        let mut wins = vec![0; d.options.len()];
        for leader in group.verdicts.iter().filter_map(Recommendation::leader) {
            wins[leader] += 1;
        }
        prop_assert_eq!(&group.wins, &wins);
        let without = Group::of(&d, &bare.iter().collect::<Vec<_>>()).unwrap();
        prop_assert_eq!(&group.weights, &without.weights);
        prop_assert_eq!(&group.spread, &without.spread);
        prop_assert_eq!(&group.disputes, &without.disputes);
    }

    /// Changing answers: with no weight changed by hand since, the new answers over the old ones' starting
    /// weights, as if the old had never been given; a weight changed by hand stays; the same answers again
    /// change nothing.
    #[test]
    fn a_changed_answer_starts_from_what_the_old_ones_were_applied_over(
        old in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..8),
        new in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..8),
        hand in prop::collection::vec((any::<prop::sample::Index>(), 0_u8..=10), 0..4),
    ) {
        use versus::engine::weights::{interview_weights, reanswer};
        let d = Dataset::builtin();
        let picks = |raw: &[(prop::sample::Index, prop::sample::Index)]| -> Vec<(usize, usize)> {
            raw.iter().map(|(q, a)| { let q = q.index(d.questions.len()); (q, a.index(d.questions[q].answers.len())) }).collect()
        };
        let (old, new) = (picks(&old), picks(&new));
        let over = d.default_weights();
        let given = interview_weights(&d, &over, &old);
        prop_assert_eq!(reanswer(&d, &over, &given, &old, &new), interview_weights(&d, &over, &new));
        prop_assert_eq!(reanswer(&d, &over, &given, &old, &old), given.clone());
        let mut now = given.clone();
        let count = now.len();
        for (dimension, weight) in &hand {
            now[dimension.index(count)] = *weight;
        }
        let changed = reanswer(&d, &over, &now, &old, &new);
        let fresh = interview_weights(&d, &over, &new);
        for dimension in 0..now.len() {
            let expected = if now[dimension] == given[dimension] { fresh[dimension] } else { now[dimension] };
            prop_assert_eq!(changed[dimension], expected, "dimension {}", dimension);
        }
    }

    /// The interview's result depends only on which answers are chosen: not on their order, nor on an
    /// answer given twice; a dimension no chosen answer names keeps its starting weight, and one that
    /// several name takes the largest.
    #[test]
    fn interview_answers_combine_in_any_order(
        raw in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..14),
        order in any::<prop::sample::Index>(),
    ) {
        use versus::engine::weights::interview_weights;
        let d = Dataset::builtin();
        prop_assert!(d.questions.len() >= 8, "the built-in interview this test walks");
        let picks: Vec<(usize, usize)> = raw
            .iter()
            .map(|(q, a)| {
                let q = q.index(d.questions.len());
                (q, a.index(d.questions[q].answers.len()))
            })
            .collect();
        let start = d.default_weights();
        let forward = interview_weights(&d, &start, &picks);
        let mut shuffled = picks.clone();
        if !shuffled.is_empty() {
            let k = order.index(shuffled.len());
            shuffled.rotate_left(k);
            shuffled.reverse();
        }
        shuffled.extend(picks.first().copied());
        prop_assert_eq!(interview_weights(&d, &start, &shuffled), forward.clone());
        for (dimension, &weight) in forward.iter().enumerate() {
            let named: Vec<u8> = picks
                .iter()
                .flat_map(|&(q, a)| d.questions[q].answers[a].weights.iter().filter(|(dd, _)| *dd == dimension).map(|&(_, w)| w))
                .collect();
            prop_assert_eq!(weight, named.iter().copied().max().unwrap_or(start[dimension]), "dimension {}", dimension);
        }
    }

    #[test]
    fn scores_stay_within_0_to_100((ratings, weights) in weighted_dataset()) {
        let e = evaluate(&dataset(&ratings), &weights);
        prop_assert!(e.scores.iter().all(|s| (0.0..=100.0).contains(s)), "{:?}", e.scores);
    }

    /// With a weighted mean, more weight on a dimension moves each pairwise gap toward that dimension's
    /// own gap. So a dimension whose gap for `option` over every other option is at least the current
    /// gap can only widen the lead. (Merely rating `option` higher is not enough: see the next test.)
    #[test]
    fn more_weight_on_a_dimension_that_pulls_toward_an_option_never_lowers_its_lead(
        (ratings, weights) in weighted_dataset(), option in 0usize..4, dimension in 0usize..12,
    ) {
        let d = dataset(&ratings);
        let (option, dimension) = (option % d.options.len(), dimension % d.dimensions.len());
        prop_assume!(weights[dimension] < 10 && weights.iter().any(|&w| w > 0));
        let before = evaluate(&d, &weights).scores;
        let pulls_toward = (0..d.options.len()).filter(|&o| o != option).all(|o| {
            10.0 * (f64::from(ratings[dimension][option]) - f64::from(ratings[dimension][o])) >= before[option] - before[o]
        });
        prop_assume!(pulls_toward);
        let mut raised = weights.clone();
        raised[dimension] += 1;
        let after = evaluate(&d, &raised).scores;
        prop_assert!(lead(&after, option) >= lead(&before, option) - 1e-9);
    }

    #[test]
    fn permuting_dimensions_changes_nothing((ratings, weights) in weighted_dataset(), seed in any::<u64>()) {
        let mut order: Vec<usize> = (0..ratings.len()).collect();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..order.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            order.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let original = dataset(&ratings);
        let mut permuted = original.clone();
        permuted.dimensions = order.iter().map(|&i| original.dimensions[i].clone()).collect();
        let permuted_weights: Vec<u8> = order.iter().map(|&i| weights[i]).collect();
        let (a, b) = (evaluate(&original, &weights), evaluate(&permuted, &permuted_weights));
        for (x, y) in a.scores.iter().zip(&b.scores) {
            prop_assert!((x - y).abs() < 1e-9);
        }
        prop_assert_eq!(a.recommendation.leader(), b.recommendation.leader());
        let mut left: Vec<(String, u8, usize)> = a.flips.iter().map(|f| (original.dimensions[f.dimension].id.clone(), f.weight, f.option)).collect();
        let mut right: Vec<(String, u8, usize)> = b.flips.iter().map(|f| (permuted.dimensions[f.dimension].id.clone(), f.weight, f.option)).collect();
        left.sort(); right.sort();
        prop_assert_eq!(left, right);
    }

    #[test]
    fn every_reported_flip_really_flips((ratings, weights) in weighted_dataset()) {
        let d = dataset(&ratings);
        let e = evaluate(&d, &weights);
        for flip in &e.flips {
            let mut moved = weights.clone();
            moved[flip.dimension] = flip.weight;
            let after = evaluate(&d, &moved).recommendation;
            prop_assert_eq!(after.leader(), Some(flip.option));
            prop_assert_ne!(after.leader(), e.recommendation.leader());
            // And no weight nearer the current one flips it.
            for w in 0..=10u8 {
                if w.abs_diff(weights[flip.dimension]) < flip.distance(&weights) && w != weights[flip.dimension] {
                    let mut nearer = weights.clone();
                    nearer[flip.dimension] = w;
                    let leader = evaluate(&d, &nearer).recommendation.leader();
                    prop_assert!(leader.is_none() || leader == e.recommendation.leader());
                }
            }
        }
    }

    #[test]
    fn contributions_add_up_to_the_margin((ratings, weights) in weighted_dataset()) {
        let e = evaluate(&dataset(&ratings), &weights);
        if let Recommendation::Lead { margin, .. } = e.recommendation {
            let sum: f64 = e.contributions.iter().map(|c| c.points).sum();
            prop_assert!((sum - margin).abs() < 1e-6, "{sum} vs {margin}");
        }
    }

    #[test]
    fn search_hits_are_in_range_and_highlight_inside_the_name(query in "[a-zA-Z0-9 ]{0,8}") {
        let d = Dataset::builtin();
        let searcher = Searcher::new(&d);
        let hits = searcher.search(&query);
        for hit in &hits {
            let name_length = d.dimensions[hit.dimension].name.chars().count();
            prop_assert!(searcher.positions(hit.dimension, &query).iter().all(|&p| p < name_length));
        }
        if query.trim().is_empty() {
            prop_assert_eq!(hits.len(), d.dimensions.len());
        }
    }

    #[test]
    fn sanitized_text_has_no_forbidden_characters(s in any::<String>()) {
        prop_assert!(!sanitize::line(&s).chars().any(sanitize::is_forbidden));
        prop_assert!(!sanitize::text(&s).chars().any(|c| c != '\n' && sanitize::is_forbidden(c)));
    }

    /// Wrapped text fits its width (a character wider than the line stands alone) and keeps every
    /// character that is not a space, in order.
    #[test]
    fn wrapped_lines_fit_and_lose_nothing(text in "([a-z]{1,40}|漢{1,9}|[ \n]{1,3}){0,20}", width in 1usize..30) {
        use unicode_width::UnicodeWidthStr;
        let lines = versus::engine::text::wrap(&text, width);
        for line in &lines {
            prop_assert!(line.width() <= width || line.chars().count() == 1, "{line:?} in {width}");
        }
        let kept: String = lines.concat().chars().filter(|c| !c.is_whitespace()).collect();
        let given: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(kept, given);
    }

    #[test]
    fn the_loader_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_bytes(&bytes, "fuzz.toml");
    }

    #[test]
    fn the_loader_never_panics_on_a_mutated_dataset(at in any::<prop::sample::Index>(), cut in 0usize..40, insert in ".{0,12}") {
        let source = include_str!("data/three-options.toml");
        let mut at = at.index(source.len());
        while !source.is_char_boundary(at) { at -= 1; }
        let mut end = (at + cut).min(source.len());
        while !source.is_char_boundary(end) { end -= 1; }
        let mutated = format!("{}{insert}{}", &source[..at], &source[end..]);
        if let Err(e) = parse_bytes(mutated.as_bytes(), "mutated.toml") {
            prop_assert!(!e.to_string().chars().any(|c| c != '\n' && sanitize::is_forbidden(c)));
        }
    }
}

/// Why the property above needs its condition: a dimension that rates `a` higher, but by less than `a`
/// already leads, dilutes the lead when it gains weight.
#[test]
fn a_dimension_favouring_the_leader_by_less_than_its_lead_dilutes_it() {
    let d = dataset(&[vec![9, 1], vec![6, 5]]);
    let before = evaluate(&d, &[5, 5]).scores; // a 75, b 30
    let after = evaluate(&d, &[5, 10]).scores; // a 70, b 36.7
    assert!(lead(&after, 0) < lead(&before, 0));
}

#[test]
fn a_dominant_leader_is_said_to_be_beyond_any_weighting() {
    let d = dataset(&[vec![9, 1], vec![6, 5]]);
    let e = evaluate(&d, &[5, 5]);
    assert!(e.flips.is_empty());
    assert!(versus::engine::report::no_flip_sentence(&d, &e).starts_with("No weighting can change it: Option 0 rates"));
    // Not dominant: one dimension favours the runner-up, though no single weight is enough.
    let d = dataset(&[vec![9, 1], vec![9, 1], vec![4, 5]]);
    let e = evaluate(&d, &[10, 10, 10]);
    assert!(e.flips.is_empty());
    assert!(versus::engine::report::no_flip_sentence(&d, &e).starts_with("No single weight"));
}

/// A team: `first`'s weights and each of `others`' first `n`, named m0, m1, ...
fn team_of(first: &[u8], others: &[Vec<u8>], n: usize) -> Vec<versus::engine::team::Member> {
    std::iter::once(first.to_vec())
        .chain(others.iter().map(|w| w[..n].to_vec()))
        .enumerate()
        .map(|(i, weights)| versus::engine::team::Member::new(format!("m{i}"), weights))
        .collect()
}

/// Requirements as (dimension, minimum) pairs for a dataset of `dimensions` dimensions.
fn requirement_pairs(dimensions: usize) -> impl Strategy<Value = Vec<(usize, u8)>> {
    prop::collection::vec((0..dimensions, 0u8..=10), 0..=3)
}

fn requirements_of(pairs: &[(usize, u8)]) -> Requirements {
    let mut requirements = Requirements::default();
    for &(dimension, min) in pairs {
        requirements.set(dimension, min);
    }
    requirements
}

/// Each option's exact share of first places among the options meeting every requirement, and of
/// combinations in which it meets every requirement, over every combination of ratings in their ranges;
/// a combination where none meets them is a first place for none.
fn exact_shares_with(ranges: &[Vec<(u8, u8)>], weights: &[u8], required: &[Option<u8>]) -> (Vec<f64>, Vec<f64>) {
    let options = ranges[0].len();
    let cells: Vec<(usize, usize)> = (0..ranges.len()).flat_map(|d| (0..options).map(move |o| (d, o))).collect();
    let (mut first, mut passes) = (vec![0.0; options], vec![0.0; options]);
    let mut combinations = 0.0;
    let mut chosen = vec![0u8; cells.len()];
    loop {
        let mut totals = vec![0u64; options];
        let mut meets = vec![true; options];
        for (&(d, o), &r) in cells.iter().zip(&chosen) {
            let rating = ranges[d][o].0 + r;
            totals[o] += u64::from(weights[d]) * u64::from(rating);
            if required[d].is_some_and(|min| rating < min) {
                meets[o] = false;
            }
        }
        if let Some(best) = (0..options).filter(|&o| meets[o]).map(|o| totals[o]).max() {
            let winners: Vec<usize> = (0..options).filter(|&o| meets[o] && totals[o] == best).collect();
            for &o in &winners {
                first[o] += 1.0 / winners.len() as f64;
            }
        }
        for (p, _) in passes.iter_mut().zip(&meets).filter(|&(_, &m)| m) {
            *p += 1.0;
        }
        combinations += 1.0;
        let Some(next) = (0..cells.len()).find(|&i| {
            let (d, o) = cells[i];
            chosen[i] < ranges[d][o].1 - ranges[d][o].0
        }) else {
            break;
        };
        chosen[next] += 1;
        chosen[..next].iter_mut().for_each(|r| *r = 0);
    }
    (first.iter().map(|s| s / combinations).collect(), passes.iter().map(|s| s / combinations).collect())
}

proptest! {
    /// A requirement that every option meets at every plausible rating changes nothing: the same
    /// evaluation, classification and shares, bit for bit.
    #[test]
    fn a_requirement_every_option_meets_changes_nothing(
        (ranges, weights) in small_ranged_dataset(),
        picks in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..=3),
        seed in any::<u64>(),
    ) {
        let d = ranged(&ranges);
        let mut requirements = Requirements::default();
        for (dimension, below) in &picks {
            let dimension = dimension.index(ranges.len());
            // At most the lowest plausible rating of any option there.
            let lowest = ranges[dimension].iter().map(|&(low, _)| low).min().unwrap();
            requirements.set(dimension, u8::try_from(below.index(usize::from(lowest) + 1)).unwrap());
        }
        let (plain, required) = (evaluate(&d, &weights), evaluate_with(&d, &weights, &requirements));
        prop_assert_eq!(&plain, &required);
        let shares = robustness(&d, &weights, 500, seed);
        let with = robustness_over(&d, &WeightRanges::fixed(&weights), &requirements, 500, seed);
        prop_assert_eq!(&shares.first, &with.first);
        prop_assert_eq!(&shares.standard_error, &with.standard_error);
        prop_assert_eq!(Classification::of(&plain.recommendation, &shares), Classification::of(&required.recommendation, &with));
        if !requirements.is_empty() {
            prop_assert_eq!(with.passes, Some(vec![1.0; ranges[0].len()]));
        }
    }

    /// The must-haves decide a lead or a tie exactly when dropping them all changes it (the decision
    /// record's drivers name them then): some option they rule out scores at least as much. With
    /// one option left or none, every must-have an option fails decides.
    #[test]
    fn must_haves_decide_a_lead_exactly_when_dropping_them_changes_it(
        ((ratings, weights), pairs) in weighted_dataset().prop_flat_map(|(r, w)| {
            let dimensions = r.len();
            (Just((r, w)), requirement_pairs(dimensions))
        }),
    ) {
        use versus::engine::report::{deciding_requirements, overtaken_by};
        let d = dataset(&ratings);
        let requirements = requirements_of(&pairs);
        let e = evaluate_with(&d, &weights, &requirements);
        let deciding = deciding_requirements(&e, &requirements);
        let failed_by_some = |dimension: usize| {
            let min = requirements.get(dimension).unwrap();
            (0..ratings[0].len()).any(|o| ratings[dimension][o] < min)
        };
        match e.recommendation {
            Recommendation::Lead { option, .. } => {
                let unconstrained = evaluate(&d, &weights).recommendation;
                let unchanged = matches!(unconstrained, Recommendation::Lead { option: o, .. } if o == option);
                prop_assert_eq!(overtaken_by(&e).is_empty(), unchanged);
                prop_assert_eq!(deciding.is_empty(), unchanged);
                prop_assert!(deciding.iter().all(|r| failed_by_some(r.dimension)));
            }
            Recommendation::Only { .. } | Recommendation::NoneEligible { .. } => {
                let by_hand: Vec<usize> =
                    requirements.iter().map(|r| r.dimension).filter(|&dim| failed_by_some(dim)).collect();
                prop_assert_eq!(deciding.iter().map(|r| r.dimension).collect::<Vec<_>>(), by_hand);
                prop_assert!(overtaken_by(&e).is_empty());
            }
            Recommendation::Tie { ref options } => {
                let unchanged = evaluate(&d, &weights).recommendation == Recommendation::Tie { options: options.clone() };
                prop_assert_eq!(overtaken_by(&e).is_empty(), unchanged);
                prop_assert_eq!(deciding.is_empty(), unchanged);
            }
            Recommendation::NoWeights => prop_assert!(overtaken_by(&e).is_empty() && deciding.is_empty()),
        }
    }

    /// An option rated below a requirement is never recommended, never the runner-up and never what a
    /// changed weight would put ahead; the leader is the best-scoring option of those meeting every
    /// requirement, counted here by hand; with none meeting them, the nearest has the least shortfall.
    #[test]
    #[allow(clippy::float_cmp)] // the same sums of the same integers: equal exactly
    fn an_option_failing_a_requirement_is_never_recommended(
        ((ratings, weights), pairs) in weighted_dataset().prop_flat_map(|(r, w)| {
            let dimensions = r.len();
            (Just((r, w)), requirement_pairs(dimensions))
        }),
    ) {
        let d = dataset(&ratings);
        let requirements = requirements_of(&pairs);
        let options = ratings[0].len();
        let meets = |o: usize| requirements.iter().all(|r| ratings[r.dimension][o] >= r.min);
        let shortfall = |o: usize| -> u32 {
            requirements.iter().map(|r| u32::from(r.min.saturating_sub(ratings[r.dimension][o]))).sum()
        };
        let e = evaluate_with(&d, &weights, &requirements);
        let eligible: Vec<usize> = (0..options).filter(|&o| meets(o)).collect();
        match &e.recommendation {
            Recommendation::Lead { option, runner_up, .. } => {
                prop_assert!(meets(*option) && meets(*runner_up));
                let best = eligible.iter().map(|&o| e.scores[o]).fold(f64::MIN, f64::max);
                prop_assert_eq!(e.scores[*option], best);
                prop_assert!(eligible.iter().filter(|&&o| o != *option).all(|&o| e.scores[o] < best));
            }
            Recommendation::Only { option } => prop_assert_eq!(eligible.clone(), vec![*option]),
            Recommendation::Tie { options } => prop_assert!(options.iter().all(|&o| meets(o)) && options.len() >= 2),
            Recommendation::NoWeights => prop_assert!(eligible.len() >= 2),
            Recommendation::NoneEligible { nearest, shortfall: short } => {
                prop_assert!(eligible.is_empty());
                prop_assert_eq!(*short, shortfall(*nearest));
                prop_assert!((0..options).all(|o| shortfall(o) >= *short));
                // Of equally short options, the one scoring most is named.
                prop_assert!((0..options).filter(|&o| shortfall(o) == *short).all(|o| e.scores[o] <= e.scores[*nearest]));
            }
        }
        prop_assert!(e.flips.iter().all(|f| meets(f.option)));
        for o in 0..options {
            prop_assert_eq!(e.screening.passes(o), meets(o));
            prop_assert_eq!(e.screening.total_shortfall(o), shortfall(o));
        }
        // Sampling agrees: with every range collapsed, a failing option comes first in no sample.
        let shares = robustness_over(&d, &WeightRanges::fixed(&weights), &requirements, 200, 3);
        for o in (0..options).filter(|&o| !meets(o)) {
            prop_assert_eq!(shares.first[o], 0.0);
        }
    }

    /// The sampled shares with requirements, first places and passes alike, estimate the exact shares
    /// counted over every combination of plausible ratings.
    #[test]
    fn passes_shares_match_a_brute_force_recount(
        ((ranges, weights), pairs) in small_ranged_dataset().prop_flat_map(|(r, w)| {
            let dimensions = r.len();
            (Just((r, w)), requirement_pairs(dimensions))
        }),
        seed in any::<u64>(),
    ) {
        let d = ranged(&ranges);
        let requirements = requirements_of(&pairs);
        let required: Vec<Option<u8>> = (0..ranges.len()).map(|dim| requirements.get(dim)).collect();
        let (first, passes) = exact_shares_with(&ranges, &weights, &required);
        let sampled = robustness_over(&d, &WeightRanges::fixed(&weights), &requirements, 4_000, seed);
        let sampled_passes = sampled.passes.clone().unwrap_or_else(|| vec![1.0; first.len()]);
        for (what, sampled, exact) in [("first", &sampled.first, &first), ("passes", &sampled_passes, &passes)] {
            for (o, (&p, &q)) in sampled.iter().zip(exact).enumerate() {
                let se = (q * (1.0 - q) / 4_000.0).sqrt();
                prop_assert!((p - q).abs() <= 5.0 * se + 1e-9, "{} option {}: sampled {} exact {}", what, o, p, q);
            }
        }
    }
}

proptest! {
    /// The shares with weights drawn are a recount of the same draws, made here step by step as the
    /// robustness module's documentation specifies them (`SplitMix64`, 16-bit parts, Lemire's reduction;
    /// per dimension one draw among every combination of its weight and ratings, or for a dimension of
    /// too many combinations its weight and then its ratings, after the others), with each weight
    /// checked to lie within ±N of its own, clamped to 0-10, or in the team's range widened to take in
    /// the weight. N = 0 draws the ratings alone: the sampling of fixed weights. With must-haves, first
    /// places and passes alike.
    #[test]
    fn weight_spread_shares_are_a_recount_of_the_same_draws(
        (ranges, weights) in wide_ranged_dataset(),
        n in 0u8..=3,
        team in prop::option::of(prop::collection::vec((0u8..=10, 0u8..=10), 3)),
        minimums in prop::collection::vec(prop::option::of(0u8..=10), 3),
        seed in any::<u64>()
    ) {
        use versus::engine::robustness::Spread;
        let d = ranged(&ranges);
        let team: Option<Vec<(u8, u8)>> =
            team.map(|t| t[..weights.len()].iter().map(|&(a, b)| (a.min(b), a.max(b))).collect());
        let allowed: Vec<(u8, u8)> = match (&team, n) {
            (_, 0) => weights.iter().map(|&w| (w, w)).collect(),
            (Some(t), _) => t.iter().zip(&weights).map(|(&(a, b), &w)| (a.min(w), b.max(w))).collect(),
            (None, _) => weights.iter().map(|&w| (w.saturating_sub(n), (w + n).min(10))).collect(),
        };
        // Must-haves where the weight can be above 0 (the recount does not draw the others' ratings).
        let required: Vec<Option<u8>> =
            allowed.iter().zip(&minimums).map(|(&(_, high), &min)| min.filter(|_| high > 0)).collect();
        let mut requirements = Requirements::default();
        for (dimension, min) in required.iter().enumerate() {
            if let Some(min) = *min {
                requirements.set(dimension, min);
            }
        }
        for requirements in [Requirements::NONE, requirements] {
            let ranges_drawn = WeightRanges::new(&weights, n, team.as_deref());
            let drawn = robustness_over(&d, &ranges_drawn, &requirements, 600, seed);
            let minimums: Vec<Option<u8>> = (0..weights.len()).map(|i| requirements.get(i)).collect();
            let recount = recount_draws(&ranges, &allowed, &minimums, 600, seed);
            for (o, (&p, &q)) in drawn.first.iter().zip(&recount.first).enumerate() {
                prop_assert!((p - q).abs() < 1e-12, "option {}: {} against the recount's {}", o, p, q);
            }
            if let Some(passes) = &drawn.passes {
                for (o, (&p, &q)) in passes.iter().zip(&recount.passes).enumerate() {
                    prop_assert!((p - q).abs() < 1e-12, "option {} passes: {} against the recount's {}", o, p, q);
                }
            }
            prop_assert_eq!(drawn.passes.is_some(), !requirements.is_empty());
            for (dimension, (&(low, high), values)) in allowed.iter().zip(&recount.weights).enumerate() {
                prop_assert!(values.iter().all(|w| (low..=high).contains(w)), "dimension {}: {:?} outside {}..={}", dimension, values, low, high);
            }
        }
        let drawn =
            robustness_over(&d, &WeightRanges::new(&weights, n, team.as_deref()), &Requirements::NONE, 600, seed);
        let expected = match (&team, n) {
            (_, 0) => Spread::Fixed,
            (Some(_), n) => Spread::Team(n),
            (None, n) => Spread::Within(n),
        };
        prop_assert_eq!(drawn.weights, expected);
        if n == 0 {
            prop_assert_eq!(drawn, robustness(&d, &weights, 600, seed));
        }
    }
}

proptest! {
    /// A sampler reweighed, after part of its draws for other weights (or the same), gives the shares
    /// of one built afresh for the new ones, bit for bit: in place when only weights moved, rebuilt
    /// when a range changed size, the must-haves changed or the weights became fixed.
    #[test]
    fn a_reweighed_sampler_gives_the_shares_of_a_new_one(
        (ranges, weights) in wide_ranged_dataset(),
        moves in prop::collection::vec(-2i8..=2, 3),
        (n, m) in (0u8..=3, 0u8..=3),
        minimums in prop::collection::vec(prop::option::of(0u8..=10), 3),
        (drawn, seed) in (0u32..300, any::<u64>()),
        placed in prop::collection::vec((0u8..=3, 0u8..=10, 0u8..=10), 3),
    ) {
        use versus::engine::robustness::{Sampler, Spread};
        let d = ranged(&ranges);
        let moved: Vec<u8> =
            weights.iter().zip(&moves).map(|(&w, &by)| (i16::from(w) + i16::from(by)).clamp(0, 10) as u8).collect();
        let mut requirements = Requirements::default();
        for (dimension, min) in minimums.iter().take(weights.len()).enumerate() {
            if let Some(min) = *min {
                requirements.set(dimension, min);
            }
        }
        let (before, after) = (WeightRanges::within(&weights, n), WeightRanges::within(&moved, m));
        for (old, new) in [(Requirements::NONE, &requirements), (requirements.clone(), &requirements), (requirements.clone(), &Requirements::NONE)] {
            let mut sampler = Sampler::new(&d, &before, &old, 300, seed);
            sampler.run(drawn);
            sampler.reweigh(&d, &after, new, 300, seed);
            prop_assert_eq!(sampler.progress(), (0, 300));
            sampler.run(300);
            prop_assert_eq!(sampler.result(), robustness_over(&d, &after, new, 300, seed));
            // And once more, back to where it started.
            sampler.reweigh(&d, &before, &old, 300, seed);
            sampler.run(300);
            prop_assert_eq!(sampler.result(), robustness_over(&d, &before, &old, 300, seed));
        }
        // Ranges of the same sizes placed anywhere (a team's may be a single weight): always in place.
        let at = |pick: fn(&(u8, u8, u8)) -> u8| WeightRanges {
            spread: Spread::Team(1),
            ranges: placed[..weights.len()]
                .iter()
                .map(|p| {
                    let low = pick(p).min(10 - p.0);
                    (low, low + p.0)
                })
                .collect(),
        };
        let (here, there) = (at(|p| p.1), at(|p| p.2));
        let mut sampler = Sampler::new(&d, &here, &requirements, 300, seed);
        sampler.run(drawn);
        sampler.reweigh(&d, &there, &requirements, 300, seed);
        sampler.run(300);
        prop_assert_eq!(sampler.result(), robustness_over(&d, &there, &requirements, 300, seed));
    }

    /// A material dispute, one member's weight substituted alone into the group's weights and the scores
    /// worked out afresh, changes the leader, to the one it names; an immaterial one, or a member not
    /// named, leaves it. Material ones come first, each part widest first as `disputed` orders them.
    #[test]
    fn a_material_dispute_alone_changes_the_leader_and_an_immaterial_one_does_not(
        (ratings, first) in weighted_dataset(),
        others in prop::collection::vec(prop::collection::vec(0u8..=10, 12), 1..6)
    ) {
        use versus::engine::team::{Group, Member};
        let d = dataset(&ratings);
        let n = first.len();
        let members = team_of(&first, &others, n);
        let refs: Vec<&Member> = members.iter().collect();
        let group = Group::of(&d, &refs).unwrap();
        let leader = evaluate(&d, &group.weights).recommendation.leader();
        let mut disputed: Vec<usize> = group.disputes.iter().map(|x| x.dimension).collect();
        disputed.sort_by_key(|&x| group.disputed.iter().position(|&y| y == x));
        prop_assert_eq!(&disputed, &group.disputed, "every disputed dimension, once");
        let material = group.disputes.iter().take_while(|x| x.is_material()).count();
        prop_assert!(group.disputes[material..].iter().all(|x| !x.is_material()), "material first");
        for part in [&group.disputes[..material], &group.disputes[material..]] {
            let order: Vec<usize> = part.iter().map(|x| group.disputed.iter().position(|&y| y == x.dimension).unwrap()).collect();
            prop_assert!(order.windows(2).all(|w| w[0] < w[1]), "widest first within each part: {:?}", order);
        }
        for dispute in &group.disputes {
            for (i, member) in members.iter().enumerate() {
                let mut alone = group.weights.clone();
                alone[dispute.dimension] = member.weights[dispute.dimension];
                let then = evaluate(&d, &alone).recommendation;
                match dispute.swings.iter().find(|s| s.member == i) {
                    Some(swing) => {
                        prop_assert_ne!(then.leader(), leader, "dimension {} member {}", dispute.dimension, i);
                        prop_assert_eq!(&swing.outcome, &then);
                        prop_assert_eq!(swing.weight, member.weights[dispute.dimension]);
                    }
                    None => {
                        prop_assert_eq!(then.leader(), leader, "dimension {} member {}", dispute.dimension, i);
                    }
                }
            }
        }
    }

}
