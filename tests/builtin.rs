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

/// The texts that quote a source's figures: the dimension's or claim's own words.
fn texts_citing(d: &Dataset) -> Vec<(String, Vec<String>, String)> {
    let mut out = Vec::new();
    for dimension in &d.dimensions {
        let mut text = dimension.summary.clone();
        for a in &dimension.assessments {
            for part in [&a.rationale, &a.detail].into_iter().chain(&a.pros).chain(&a.cons) {
                text.push('\n');
                text.push_str(part);
            }
        }
        out.push((dimension.id.clone(), dimension.sources.iter().map(|s| s.url.clone()).collect(), text));
    }
    for claim in &d.claims {
        let text = format!("{}\n{}", claim.claim, claim.explanation);
        out.push((format!("claim {}", claim.id), claim.sources.iter().map(|s| s.url.clone()).collect(), text));
    }
    out
}

#[test]
fn every_source_is_dated_twice_over_and_never_after_as_of() {
    let d = Dataset::builtin();
    assert_eq!(d.meta.schema, versus::engine::data::SCHEMA_VERSION, "the built-in data is in the current format");
    let mut seen = std::collections::HashMap::new();
    for cited in d.cited_sources() {
        let s = cited.source;
        assert!(!s.checked.is_empty() && s.checked <= d.meta.as_of, "{}: checked {}", s.url, s.checked);
        if let Some(published) = &s.published {
            assert!(published <= &s.checked, "{}: published {published} after checked", s.url);
        }
        seen.insert(s.url.clone(), (s.published.clone(), s.checked.clone()));
    }
    // The same URL cited twice carries the same dates (one source, one fact).
    for dimension in &d.dimensions {
        for s in &dimension.sources {
            assert_eq!(seen[&s.url], (s.published.clone(), s.checked.clone()), "{} in {}", s.url, dimension.id);
        }
    }
    for claim in &d.claims {
        for s in &claim.sources {
            assert_eq!(seen[&s.url], (s.published.clone(), s.checked.clone()), "{} in claim {}", s.url, claim.id);
        }
    }
}

/// Whether `url` is a page that can hold a figure: not a repository's front page, a branch that moves,
/// or a site's root or index.
fn not_a_permalink(url: &str) -> Option<&'static str> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let segments: Vec<&str> = path.split(['/', '?']).filter(|s| !s.is_empty()).collect();
    if segments.is_empty() && !url.contains('#') {
        return Some("a site's root");
    }
    if host == "github.com" {
        if segments.len() <= 2 {
            return Some("a repository's front page");
        }
        if matches!(segments.get(2), Some(&("blob" | "tree"))) && matches!(segments.get(3), Some(&("main" | "master")))
        {
            return Some("a branch, which moves: use a commit or a tag");
        }
    }
    // Pages known to land on something generic rather than the figure (facts E7).
    let generic = [
        ("www.techempower.com/benchmarks/", "TechEmpower results without the round's anchor"),
        ("github.blog/news-insights/octoverse/", "the Octoverse index, not a report"),
    ];
    generic.iter().find(|(page, _)| rest.trim_end_matches('/') == page.trim_end_matches('/')).map(|(_, why)| *why)
}

#[test]
fn links_lead_to_the_figures_they_support() {
    for bad in [
        "https://github.com/JuliaLang/Microbenchmarks",
        "https://numpy.org/",
        "https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_ARCHIVE.md",
        "https://www.techempower.com/benchmarks/",
    ] {
        assert!(not_a_permalink(bad).is_some(), "{bad} passes");
    }
    let good =
        "https://github.com/JuliaLang/Microbenchmarks/blob/35d57ed0a01ce68e498020d4b7dc748d86cfb412/dev/benchmarks.csv";
    assert_eq!(not_a_permalink(good), None);
    assert_eq!(not_a_permalink("https://www.techempower.com/benchmarks/#section=data-r22&hw=ph&test=plaintext"), None);
    let d = Dataset::builtin();
    let bad: Vec<String> = d
        .cited_sources()
        .iter()
        .filter_map(|c| not_a_permalink(&c.source.url).map(|why| format!("{} ({why})", c.source.url)))
        .collect();
    assert!(bad.is_empty(), "not permalinks:\n{}", bad.join("\n"));
}

/// Every "N-Mx" range in `text`.
fn ranges(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (i, _) in text.match_indices('x') {
        let before = &text[..i];
        let start = before.rfind(|c: char| !(c.is_ascii_digit() || c == '-' || c == '.')).map_or(0, |p| p + 1);
        let candidate = &before[start..];
        if candidate.contains('-') && candidate.split('-').all(|n| !n.is_empty() && n.parse::<f64>().is_ok()) {
            found.push(format!("{candidate}x"));
        }
    }
    found
}

#[test]
fn one_benchmark_is_quoted_with_one_range_everywhere() {
    assert_eq!(ranges("about 5-53x on pure code, 1.5-2x there, 10x here"), ["5-53x", "1.5-2x"]);
    let d = Dataset::builtin();
    let mut by_source: std::collections::BTreeMap<String, BTreeSet<String>> = std::collections::BTreeMap::new();
    for (_, urls, text) in texts_citing(&d) {
        for url in urls {
            by_source.entry(url).or_default().extend(ranges(&text));
        }
    }
    // The microbenchmarks' ratios as the 2026-03-02 build gives them (facts E1): one range everywhere.
    let julia: BTreeSet<String> = by_source
        .iter()
        .filter(|(url, _)| url.contains("JuliaLang/Microbenchmarks"))
        .flat_map(|(_, r)| r.clone())
        .collect();
    assert_eq!(julia, BTreeSet::from(["5-53x".to_owned()]), "JuliaLang ranges");
    for (_, _, text) in texts_citing(&d) {
        for stale in ["11-53x", "10-50x", "11 to 53"] {
            assert!(!text.contains(stale), "a stale range {stale}: {text}");
        }
    }
}

#[test]
fn every_rating_states_its_range_by_one_rule() {
    let raw: toml::Value = toml::from_str(versus::engine::data::builtin_source()).unwrap();
    for dimension in raw["dimensions"].as_array().unwrap() {
        for (option, rating) in dimension["ratings"].as_table().unwrap() {
            let at = format!("{} {option}", dimension["id"]);
            let get = |key: &str| rating.get(key).and_then(toml::Value::as_integer);
            let (Some(r), Some(low), Some(high)) = (get("rating"), get("low"), get("high")) else {
                panic!("{at}: rating, low and high are all given");
            };
            // Measured or documented: +/-1; judgement or contested: +/-2 (README, "The built-in data").
            let fits = |w: i64| low == (r - w).max(0) && high == (r + w).min(10);
            assert!(fits(1) || fits(2), "{at}: {low} <= {r} <= {high} is neither +/-1 nor +/-2");
        }
    }
}

#[test]
fn every_default_weight_gives_its_reason_and_the_description_its_project() {
    let d = Dataset::builtin();
    for dimension in &d.dimensions {
        let reason = dimension.weight_reason.as_deref().unwrap_or_default();
        assert!(reason.ends_with('.') && reason.len() > 20, "{}: weight_reason {reason:?}", dimension.id);
    }
    let description = d.meta.description.as_deref().unwrap_or_default();
    // What project the defaults describe, and that no rating or weight was set for its verdict.
    assert!(description.contains("The default weights describe one kind of project"), "{description}");
    assert!(description.contains("No rating and no default weight was chosen for the verdict"), "{description}");
    // The claims audit's rule for claims of several parts.
    assert!(description.contains("A claim of several parts"), "{description}");
}

#[test]
fn fast_moving_sources_are_marked_volatile_and_the_data_is_fresh_as_of_its_date() {
    let d = Dataset::builtin();
    for cited in d.cited_sources() {
        let s = cited.source;
        // A registry's page for one version records a "latest" that moves: always volatile.
        let registry = s.url.contains("://www.npmjs.com/package/") || s.url.contains("://pypi.org/project/");
        assert!(!registry || s.volatile, "{} is a registry version page but not volatile", s.url);
    }
    // The same URL cited twice is volatile or not in both places.
    let volatile: std::collections::HashMap<&str, bool> =
        d.cited_sources().iter().map(|c| (c.source.url.as_str(), c.source.volatile)).collect();
    let all = d.dimensions.iter().flat_map(|x| &x.sources).chain(d.claims.iter().flat_map(|c| &c.sources));
    for s in all {
        assert_eq!(volatile[s.url.as_str()], s.volatile, "{}", s.url);
    }
    // `versus check --stale 30d` passes on `as_of`: nothing was last checked more than 30 days before it.
    let fresh = versus::engine::data::Freshness { days: 30 };
    let stale: Vec<&str> = d.stale_sources(&d.meta.as_of, fresh).iter().map(|s| s.cited.source.url.as_str()).collect();
    assert!(stale.is_empty(), "stale as of {}:\n{}", d.meta.as_of, stale.join("\n"));
}
