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
    for key in ["title", "options", "recommendation", "weights", "dimensions", "flips"] {
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
        assert!(markdown.contains(&sentence(flip).replace('_', "\\_")), "{markdown}");
    }
    assert!(sentence(&flips[0]).contains(" wins if ") && sentence(&flips[0]).contains(" (now "));
}
