//! The markdown report and the decision record (MADR) as a code host renders them: parsed with a
//! parser of `CommonMark` (`pulldown-cmark`, with GitHub's tables, strikethrough, footnotes, maths and front
//! matter), their structure is what versus wrote, whatever markdown or HTML the dataset's strings hold.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use versus::engine::data::Dataset;
use versus::engine::report::{Format, Framing, Report};
use versus::engine::team::Member;
use versus::engine::weights::{Origin, Weighting};

/// Strings that are markup in markdown or HTML, each a different way to break a document.
const HOSTILE: [&str; 8] = [
    "Node | <b>js</b> *x*",
    "# Not a heading",
    "1. not a list",
    "[a link](https://example.com) and ![img](x.png)",
    "`code` and ```fence",
    "<script>alert(1)</script> &amp; $x^2$",
    "- not an item",
    "> not a quote __strong__ ~~gone~~",
];

/// The built-in data with hostile names, summaries, pros, cons, source titles and description.
fn hostile_dataset() -> Dataset {
    let mut d = Dataset::builtin();
    HOSTILE[5].clone_into(&mut d.meta.title);
    d.meta.description = Some(format!("{}\n\n---\n\n{}\n\n<div>raw</div>", HOSTILE[7], HOSTILE[2]));
    for (i, option) in d.options.iter_mut().enumerate() {
        HOSTILE[i].clone_into(&mut option.name);
        HOSTILE[i + 2].clone_into(&mut option.summary);
    }
    for (i, dimension) in d.dimensions.iter_mut().enumerate() {
        dimension.name = format!("{} {i}", HOSTILE[i % HOSTILE.len()]);
        for assessment in &mut dimension.assessments {
            assessment.pros = vec![HOSTILE[(i + 1) % HOSTILE.len()].to_owned()];
            assessment.cons = vec![HOSTILE[(i + 3) % HOSTILE.len()].to_owned()];
            HOSTILE[(i + 5) % HOSTILE.len()].clone_into(&mut assessment.rationale);
        }
        for source in &mut dimension.sources {
            source.title = format!("{}](https://evil.example) {}", HOSTILE[3], HOSTILE[5]);
        }
    }
    d
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM
}

/// What a renderer would make of `markdown`.
#[derive(Default, Debug)]
struct Structure {
    /// (level, text) of every heading, in order.
    headings: Vec<(usize, String)>,
    /// Every table, as rows of cell texts (the header first).
    tables: Vec<Vec<Vec<String>>>,
    links: Vec<String>,
    /// Markup the dataset could only have smuggled in: HTML, images, emphasis, strikethrough, maths.
    smuggled: Vec<String>,
    strong: usize,
    code_blocks: usize,
    inline_code: Vec<String>,
    /// The text of every paragraph and list item.
    text: String,
}

fn structure(markdown: &str) -> Structure {
    let mut s = Structure::default();
    let mut heading: Option<(usize, String)> = None;
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((heading_number(level), String::new())),
            Event::End(TagEnd::Heading(_)) => s.headings.extend(heading.take()),
            Event::Start(Tag::Table(_)) => s.tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => s.tables.last_mut().unwrap().push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                s.tables.last_mut().unwrap().last_mut().unwrap().push(cell.take().unwrap());
            }
            Event::Start(Tag::Link { dest_url, .. }) => s.links.push(dest_url.to_string()),
            Event::Start(Tag::Strong) => s.strong += 1,
            Event::Start(Tag::CodeBlock(_)) => s.code_blocks += 1,
            Event::Code(code) => s.inline_code.push(code.to_string()),
            Event::Html(html) | Event::InlineHtml(html) => s.smuggled.push(format!("html {html}")),
            Event::InlineMath(m) | Event::DisplayMath(m) => s.smuggled.push(format!("math {m}")),
            Event::Start(tag @ (Tag::Image { .. } | Tag::Emphasis | Tag::Strikethrough | Tag::BlockQuote(_))) => {
                s.smuggled.push(format!("{tag:?}"));
            }
            Event::Text(text) => {
                if let Some((_, h)) = &mut heading {
                    h.push_str(&text);
                } else if let Some(c) = &mut cell {
                    c.push_str(&text);
                } else {
                    s.text.push_str(&text);
                }
            }
            Event::SoftBreak => s.text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item) => s.text.push('\n'),
            _ => {}
        }
    }
    s
}

fn heading_number(level: HeadingLevel) -> usize {
    level as usize
}

fn team(d: &Dataset) -> Vec<Member> {
    let preset = |id: &str| d.presets.iter().find(|p| p.id == id).unwrap().weights.clone();
    vec![
        Member::new("Eve <img src=x onerror=alert(1)>", preset("ml-api")),
        Member::new("| Mallory |", preset("realtime-chat")),
        Member::new("Trent", preset("crud-admin")),
    ]
}

fn render(d: &Dataset, weighting: &Weighting, format: Format, level: u8) -> String {
    let framing = Framing {
        heading_level: level,
        date: Some("2026-12-02".into()),
        command: Some("versus report --team decisions/ --format madr".into()),
        answers: vec!["models-in-process=yes".into()],
        left_out: vec!["Walter ](x) <b>".into()],
        ..Framing::default()
    };
    let report = Report::new(d, weighting).with_framing(framing);
    match weighting.origin {
        Origin::Team { .. } => report.with_team(team(d)).render(format),
        _ => report.render(format),
    }
}

/// The team's group weighting, as `--team` gives it.
fn team_weighting(d: &Dataset) -> Weighting {
    let members = team(d);
    let refs: Vec<&Member> = members.iter().collect();
    let group = versus::engine::team::Group::of(d, &refs).unwrap();
    Weighting {
        origin: Origin::Team { counted: vec![true; 3], weights: group.weights.clone() },
        weights: group.weights,
        requirements: versus::engine::requirements::Requirements::NONE,
    }
}

#[test]
fn hostile_strings_cannot_change_the_markdown_reports_structure() {
    let d = hostile_dataset();
    for weighting in [Weighting::preset(&d, "ml-api").unwrap(), team_weighting(&d)] {
        let markdown = render(&d, &weighting, Format::Markdown, 1);
        let s = structure(&markdown);
        assert!(s.smuggled.is_empty(), "{:?}\n{markdown}", s.smuggled);
        assert!(s.links.is_empty(), "{:?}", s.links);
        assert!(s.inline_code.is_empty() && s.code_blocks == 0);
        assert_eq!(s.strong, 1, "only the verdict is bold");
        // One title, the dataset's, and only versus's own sections under it.
        assert_eq!(s.headings[0], (1, d.meta.title.clone()));
        assert_eq!(s.headings.iter().filter(|(level, _)| *level == 1).count(), 1);
        let leader = &d.options[1].name;
        for (level, text) in &s.headings[1..] {
            let known = [
                "The team".to_owned(),
                "Where the team disagrees".to_owned(),
                "Why: weights, ratings and points".to_owned(),
                "What would change it".to_owned(),
                "How wrong the evidence would have to be".to_owned(),
                "How sure".to_owned(),
            ];
            let stops = text.starts_with("How far each weight can move before ") && text.ends_with(" stops leading");
            assert!(known.contains(text) || stops, "heading {level} {text:?}");
        }
        // Every table keeps its columns, and its cells hold the dataset's strings whole.
        for table in &s.tables {
            let columns = table[0].len();
            assert!(table.iter().all(|row| row.len() == columns), "{table:?}");
        }
        let scores = &s.tables[0];
        assert_eq!(scores[1][0], d.options[0].name);
        assert_eq!(&scores[2][0], leader);
        let why = s.tables.iter().find(|t| t[0][0] == "Dimension").unwrap();
        assert_eq!(why[0].len(), 2 + d.options.len() + 2);
        for row in &why[1..] {
            assert!(d.dimensions.iter().any(|dimension| dimension.name == row[0]), "{row:?}");
        }
        if matches!(weighting.origin, Origin::Team { .. }) {
            let members = s.tables.iter().find(|t| t[0][0] == "Member").unwrap();
            let names: Vec<&str> = members[1..].iter().map(|row| row[0].as_str()).collect();
            assert_eq!(names, ["Eve <img src=x onerror=alert(1)>", "| Mallory |", "Trent"]);
        }
    }
}

#[test]
fn hostile_strings_cannot_change_the_decision_records_structure() {
    let d = hostile_dataset();
    let madr = render(&d, &team_weighting(&d), Format::Madr, 1);
    let s = structure(&madr);
    assert!(s.smuggled.is_empty(), "{:?}\n{madr}", s.smuggled);
    let front = madr.split("---\n").nth(1).unwrap();
    assert_eq!(
        front,
        "status: proposed\ndate: 2026-12-02\ndeciders: \"Eve <img src=x onerror=alert(1)>, | Mallory |, Trent\"\n"
    );
    let sections: Vec<&str> = s.headings.iter().filter(|(level, _)| *level == 2).map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        sections,
        [
            "Context and Problem Statement",
            "Decision Drivers",
            "Considered Options",
            "Decision Outcome",
            "Pros and Cons of the Options",
            "More Information"
        ]
    );
    assert_eq!(s.headings.iter().filter(|(level, _)| *level == 1).count(), 1);
    let option_headings: Vec<&str> =
        s.headings.iter().filter(|(level, _)| *level == 3).map(|(_, t)| t.as_str()).collect();
    assert_eq!(option_headings, ["The team", "Consequences", d.options[0].name.as_str(), d.options[1].name.as_str()]);
    assert!(s.text.contains("Eve <img src=x onerror=alert(1)>: "), "each member's verdict, as text");
    // The only links are the numbered sources, to the dataset's own addresses; the one code block is
    // the command, and the only inline code the content hash.
    assert!(!s.links.is_empty());
    for link in &s.links {
        assert!(
            d.dimensions.iter().flat_map(|dimension| &dimension.sources).any(|source| &source.url == link),
            "{link}"
        );
    }
    assert_eq!(s.code_blocks, 1);
    assert_eq!(s.inline_code, [d.content_hash()]);
    assert!(s.text.contains(&format!("{}\n", HOSTILE[7])), "the description's paragraphs, as text");
    assert!(s.text.contains("Chosen option: \""), "{}", s.text);
    assert!(s.text.contains("Does the service") || s.text.contains("The project interview's answers"));
}

#[test]
fn the_heading_level_moves_every_heading_down() {
    let d = Dataset::builtin();
    let weighting = Weighting::preset(&d, "ml-api").unwrap();
    for format in [Format::Markdown, Format::Madr] {
        let top = structure(&render(&d, &weighting, format, 1)).headings;
        let lower = structure(&render(&d, &weighting, format, 3)).headings;
        assert_eq!(top.len(), lower.len());
        for ((a, text_a), (b, text_b)) in top.iter().zip(&lower) {
            assert_eq!((a + 2, text_a), (*b, text_b));
        }
        assert_eq!(lower[0].0, 3);
    }
}

#[test]
fn the_markdown_report_leads_with_its_summary_and_names_what_changed() {
    let d = Dataset::builtin();
    let mut weighting = Weighting::preset(&d, "ml-api").unwrap();
    let ml = d.dimensions.iter().position(|dimension| dimension.id == "ml-ecosystem").unwrap();
    let was = weighting.weights[ml];
    weighting.weights[ml] = 6;
    let markdown = Report::new(&d, &weighting).render(Format::Markdown);
    let s = structure(&markdown);
    let first = s.text.lines().next().unwrap();
    assert!(first.starts_with("Clear: ") && first.contains("plausible ratings"), "{first}");
    assert!(s.text.contains(&format!("changed from ML-backed API / inference: ml-ecosystem {was} -> 6")), "{}", s.text);
    // The weights table runs from the most points to the fewest; the weight-0 dimensions are one line.
    let why = s.tables.iter().find(|t| t[0][0] == "Dimension").unwrap();
    let points: Vec<f64> = why[1..].iter().map(|row| row.last().unwrap().parse().unwrap()).collect();
    assert!(points.windows(2).all(|w| w[0] >= w[1]), "{points:?}");
    let zero = d.dimensions.iter().zip(&weighting.weights).filter(|(_, w)| **w == 0).count();
    assert_eq!(why.len() - 1, d.dimensions.len() - zero);
    assert!(s.text.contains("Not weighed (weight 0): "));
    // Flips as conditions.
    let defaults = Report::new(&d, &Weighting::defaults(&d)).render(Format::Markdown);
    assert!(defaults.contains(" weight >= ") || defaults.contains(" weight <= "), "{defaults}");
}
