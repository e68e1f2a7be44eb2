//! The built-in dataset meets the bar the product promises: breadth, sources, and presets that disagree.

use std::collections::BTreeSet;

use versus::engine::data::Dataset;
use versus::engine::score::evaluate;

#[test]
fn the_builtin_dataset_loads_and_has_the_promised_breadth() {
    let d = Dataset::builtin();
    assert_eq!(d.options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["node", "python"]);
    assert!(d.dimensions.len() >= 18, "{} dimensions", d.dimensions.len());
    assert!(d.presets.len() >= 6, "{} presets", d.presets.len());
    assert_eq!(d.claims.len(), 23, "every claim of the article is audited");
}

#[test]
fn every_dimension_and_claim_cites_a_dated_source() {
    let d = Dataset::builtin();
    for dimension in &d.dimensions {
        assert!(!dimension.sources.is_empty(), "{} has no source", dimension.id);
        for a in &dimension.assessments {
            assert!(!a.detail.is_empty() && !a.pros.is_empty() && !a.cons.is_empty(), "{} is thin", dimension.id);
        }
    }
    for claim in &d.claims {
        assert!(!claim.sources.is_empty(), "claim {} has no source", claim.id);
        assert!(!claim.dimensions.is_empty(), "claim {} names no dimension", claim.id);
    }
}

#[test]
fn presets_do_not_all_recommend_the_same_option() {
    let d = Dataset::builtin();
    let winners: BTreeSet<Option<usize>> =
        d.presets.iter().map(|p| evaluate(&d, &p.weights).recommendation.leader()).collect();
    assert!(winners.contains(&Some(0)) && winners.contains(&Some(1)), "{winners:?}");
}
