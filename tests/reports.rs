//! Snapshots of `versus report` in every format, for two presets of the built-in data, and the JSON
//! keys that scripts rely on.

use versus::engine::data::Dataset;
use versus::engine::report::{Format, Report};
use versus::engine::weights::Weighting;

fn report(preset: &str, format: Format) -> String {
    let dataset = Dataset::builtin();
    let weighting = Weighting::preset(&dataset, preset).unwrap();
    Report::new(&dataset, &weighting).render(format)
}

#[test]
fn realtime_chat_report() {
    insta::assert_snapshot!("realtime-chat.txt", report("realtime-chat", Format::Text));
    insta::assert_snapshot!("realtime-chat.md", report("realtime-chat", Format::Markdown));
    insta::assert_snapshot!("realtime-chat.json", report("realtime-chat", Format::Json));
}

/// The decision record, dated and with its command fixed (the command line gives today's and its own).
#[test]
fn ml_api_decision_record() {
    use versus::engine::report::Framing;
    let dataset = Dataset::builtin();
    let weighting = Weighting::preset(&dataset, "ml-api").unwrap();
    let framing = Framing {
        date: Some("2026-12-02".into()),
        command: Some("versus report --preset ml-api --format madr".into()),
        ..Framing::default()
    };
    insta::assert_snapshot!(
        "ml-api.madr.md",
        Report::new(&dataset, &weighting).with_framing(framing).render(Format::Madr)
    );
}

#[test]
fn ml_api_report() {
    insta::assert_snapshot!("ml-api.txt", report("ml-api", Format::Text));
    insta::assert_snapshot!("ml-api.md", report("ml-api", Format::Markdown));
    insta::assert_snapshot!("ml-api.json", report("ml-api", Format::Json));
}

#[test]
fn text_reports_fit_80_columns() {
    use unicode_width::UnicodeWidthStr;
    for preset in ["realtime-chat", "ml-api", "crud-admin"] {
        for line in report(preset, Format::Text).lines() {
            assert!(line.width() <= 80, "{preset}: {line:?} is {} columns", line.width());
        }
    }
}

#[test]
fn json_report_has_the_documented_keys() {
    let json: serde_json::Value = serde_json::from_str(&report("ml-api", Format::Json)).unwrap();
    for key in [
        "title",
        "options",
        "recommendation",
        "weights",
        "dimensions",
        "flips",
        "stability",
        "rating_flips",
        "robustness",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    assert_eq!(json["recommendation"]["option"], "python");
    assert!(json["recommendation"]["margin"].as_f64().unwrap() > 0.0);
    assert!(json["recommendation"]["close_call"].is_boolean());
    let option = &json["options"][0];
    assert!(option["id"].is_string() && option["name"].is_string() && option["score"].is_number());
    let dimension = &json["dimensions"][0];
    for key in ["id", "name", "weight", "ratings"] {
        assert!(dimension.get(key).is_some(), "dimensions[0] lacks {key}");
    }
    assert_eq!(json["weights"].as_object().unwrap().len(), json["dimensions"].as_array().unwrap().len());
}

#[test]
fn every_output_words_a_flip_the_same_way() {
    let dataset = Dataset::builtin();
    let weighting = Weighting::defaults(&dataset);
    let flips = versus::engine::score::evaluate(&dataset, &weighting.weights).flips;
    assert!(flips.len() >= 2, "the defaults are a close call with flips to show");
    let sentence = |flip| versus::engine::report::flip_sentence(&dataset, &weighting.weights, flip);
    let text = Report::new(&dataset, &weighting).render(Format::Text);
    let markdown = Report::new(&dataset, &weighting).render(Format::Markdown);
    for flip in &flips {
        assert!(text.contains(&format!("\n  {}\n", sentence(flip))), "{text}");
        // Documents put it as a condition: "weight >= 6".
        let condition = sentence(flip).replace("is at least", ">=").replace("is at most", "<=");
        assert!(markdown.contains(&format!("- {}\n", condition.replace('_', "\\_"))), "{condition} in {markdown}");
    }
    assert!(sentence(&flips[0]).contains(" wins if ") && sentence(&flips[0]).contains(" (now "));
}

#[test]
fn json_report_has_the_sensitivity_and_robustness_keys() {
    let json: serde_json::Value = serde_json::from_str(&report("realtime-chat", Format::Json)).unwrap();
    let dataset = Dataset::builtin();
    let stability = json["stability"].as_array().unwrap();
    assert_eq!(stability.len(), dataset.dimensions.len(), "one per dimension while an option leads");
    for interval in stability {
        let (low, weight, high) = (&interval["low"], &interval["weight"], &interval["high"]);
        assert!(low.as_u64() <= weight.as_u64() && weight.as_u64() <= high.as_u64(), "{interval}");
        assert!(interval["dimension"].is_string());
    }
    for flip in json["rating_flips"].as_array().unwrap() {
        for key in ["dimension", "option", "rating", "to", "leader"] {
            assert!(flip.get(key).is_some(), "{key} in {flip}");
        }
    }
    let robustness = &json["robustness"];
    assert_eq!(robustness["samples"], 10_000);
    assert_eq!(robustness["seed"], 1);
    let shares: f64 = robustness["first"].as_object().unwrap().values().map(|v| v.as_f64().unwrap()).sum();
    assert!((shares - 1.0).abs() < 1e-3, "{shares}");
    // A close call (the defaults) has uncertain shares; a clear one may not.
    let weighting = Weighting::defaults(&dataset);
    let close: serde_json::Value =
        serde_json::from_str(&Report::new(&dataset, &weighting).render(Format::Json)).unwrap();
    let se = close["robustness"]["standard_error"]["node"].as_f64().unwrap();
    assert!(se > 0.0 && se < 0.01, "{se}");
    let ranges = &json["dimensions"][0]["ranges"]["node"];
    let rating = json["dimensions"][0]["ratings"]["node"].as_u64().unwrap();
    assert!(ranges[0].as_u64().unwrap() <= rating && rating <= ranges[1].as_u64().unwrap(), "{ranges}");
}

#[test]
fn the_same_seed_gives_the_same_report_and_another_seed_other_shares() {
    use versus::engine::report::Sampling;
    let dataset = Dataset::builtin();
    let weighting = Weighting::defaults(&dataset);
    let render = |seed| {
        Report::sampled(&dataset, &weighting, Sampling { samples: 2_000, seed, ..Sampling::default() })
            .render(Format::Json)
    };
    assert_eq!(render(9), render(9));
    assert_ne!(render(9), render(10));
}

/// `report` draws the samples a part at a time to show progress on a terminal: the report is the same,
/// byte for byte in every format, as one run's, and the callback hears of every part, the last included.
#[test]
fn sampling_with_progress_gives_the_same_report() {
    use versus::engine::report::Sampling;
    let dataset = versus::synthetic::dataset(500, 2, 3);
    let weighting = Weighting::defaults(&dataset);
    let sampling = Sampling { samples: 20_000, seed: 7, ..Sampling::default() };
    let whole = Report::sampled(&dataset, &weighting, sampling.clone());
    let mut heard = Vec::new();
    let parts =
        Report::sampled_with_progress(&dataset, &weighting, sampling, |drawn, asked| heard.push((drawn, asked)));
    for format in [Format::Text, Format::Markdown, Format::Madr, Format::Json] {
        assert_eq!(parts.render(format), whole.render(format), "{format:?}");
    }
    assert!(heard.len() > 2, "{heard:?}");
    assert!(heard.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 == 20_000), "{heard:?}");
    assert_eq!(heard.last(), Some(&(20_000, 20_000)));
}

/// A team of three, each weighing as one of the built-in presets: every format's team section.
#[test]
fn team_report() {
    use versus::engine::team::{Group, Member};
    use versus::engine::weights::Origin;
    let dataset = Dataset::builtin();
    let preset = |id: &str| dataset.presets.iter().find(|p| p.id == id).unwrap().weights.clone();
    let members = vec![
        Member::new("Alice", preset("ml-api")),
        Member::new("Bob", preset("realtime-chat")),
        Member::new("Carol", preset("crud-admin")),
    ];
    let group = Group::of(&dataset, &members.iter().collect::<Vec<_>>()).unwrap();
    let weighting = Weighting {
        origin: Origin::Team { counted: vec![true; 3], weights: group.weights.clone() },
        weights: group.weights,
        requirements: versus::engine::requirements::Requirements::NONE,
    };
    // As `report --team` samples: each weight over the members' range for it.
    let sampling = versus::engine::report::Sampling { team: Some(group.spread), ..Default::default() };
    let render =
        |format| Report::sampled(&dataset, &weighting, sampling.clone()).with_team(members.clone()).render(format);
    insta::assert_snapshot!("team.txt", render(Format::Text));
    insta::assert_snapshot!("team.md", render(Format::Markdown));
    let json: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
    let team = &json["team"];
    for key in ["members", "aggregate", "weights", "spread", "disputed", "disputes", "winners"] {
        assert!(team.get(key).is_some(), "team.{key}");
    }
    for key in ["dimension", "material", "members", "flips"] {
        assert!(team["disputes"][0].get(key).is_some(), "team.disputes[0].{key}");
    }
    assert_eq!(json["robustness"]["weights"], "team");
    assert_eq!(json["robustness"]["weight_spread"], 1);
    for key in ["name", "winner", "margin", "weights"] {
        assert!(team["members"][0].get(key).is_some(), "team.members[0].{key}");
    }
    assert_eq!(team["winners"]["python"], 2);
    assert_eq!(team["winners"]["node"], 1);
}

/// Every format says the same classification and prints the margin and scores with the same digits:
/// JSON's `recommendation.classification` and `margin`, the text's and markdown's verdict, the decision
/// record's outcome, for every preset and the defaults.
#[test]
fn every_format_classifies_and_rounds_the_verdict_alike() {
    let dataset = Dataset::builtin();
    let mut weightings: Vec<Weighting> =
        dataset.presets.iter().map(|p| Weighting::preset(&dataset, &p.id).unwrap()).collect();
    weightings.push(Weighting::defaults(&dataset));
    let mut seen = std::collections::BTreeSet::new();
    for weighting in &weightings {
        let report = Report::new(&dataset, weighting);
        let json: serde_json::Value = serde_json::from_str(&report.render(Format::Json)).unwrap();
        let class = json["recommendation"]["classification"].as_str().unwrap().to_owned();
        assert!(["clear", "likely", "toss-up", "none"].contains(&class.as_str()), "{class}");
        let label = match class.as_str() {
            "toss-up" => "Toss-up:".to_owned(),
            word => format!("{}{}:", word[..1].to_uppercase(), &word[1..]),
        };
        let margin = format!("by {:.1} points", json["recommendation"]["margin"].as_f64().unwrap());
        let verdict = json["recommendation"]["verdict"].as_str().unwrap().to_owned();
        assert!(verdict.starts_with(&label) && verdict.contains(&margin), "{verdict} / {label} {margin}");
        for format in [Format::Text, Format::Markdown, Format::Madr] {
            let text = report.render(format).split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(text.contains(&verdict), "{format:?} lacks {verdict:?}");
        }
        let text = report.render(Format::Text);
        for option in json["options"].as_array().unwrap() {
            let score = format!("{:.1}", option["score"].as_f64().unwrap());
            assert!(text.contains(&score), "the text lacks {} {score}", option["name"]);
        }
        seen.insert(class);
    }
    // The built-in data's presets and defaults give more than one word: the test sees the words differ.
    assert!(seen.len() >= 2, "{seen:?}");
}

/// The decision record with must-haves, on the three-option test data at the "Long-lived service"
/// weights, where Rust leads without them: one that rules the top scorer out (Go chosen), one that
/// leaves Rust alone, and one that every option fails.
#[test]
fn must_have_decision_records() {
    use versus::engine::report::Framing;
    let source =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/three-options.toml")).unwrap();
    let dataset = versus::engine::data::parse(&source, "three-options.toml").unwrap();
    let record = |requires: &[&str]| {
        let mut weighting = Weighting::preset(&dataset, "long-lived").unwrap();
        for spec in requires {
            let (id, min) = spec.split_once(">=").unwrap();
            let dimension = dataset.dimensions.iter().position(|d| d.id == id).unwrap();
            weighting.requirements.set(dimension, min.parse().unwrap());
        }
        let command = requires.iter().fold("versus report --preset long-lived".to_owned(), |command, spec| {
            format!("{command} --require '{spec}'")
        });
        let framing = Framing {
            date: Some("2026-12-02".into()),
            command: Some(format!("{command} --format madr")),
            ..Framing::default()
        };
        Report::new(&dataset, &weighting).with_framing(framing).render(Format::Madr)
    };
    insta::assert_snapshot!("must-have-rules-out-the-top-scorer.madr.md", record(&["build-speed>=7"]));
    insta::assert_snapshot!("must-have-leaves-one-option.madr.md", record(&["safety>=8"]));
    insta::assert_snapshot!("must-have-failed-by-every-option.madr.md", record(&["safety>=8", "build-speed>=7"]));
}
