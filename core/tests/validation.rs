//! Validation rules, one invalid fixture each, and the shipped dataset.

use chronicle_core::i18n::Lang;
use chronicle_core::problem::{Location, Problem};
use chronicle_core::validate::{load_json, MAX_BYTES};
use chronicle_core::{Chronicle, SHIPPED_JSON};

/// The JSON path a problem is at, or "" for one that is not at a path.
fn path_of(p: &Problem) -> String {
    match &p.at {
        Location::Json { path, .. } => path.to_string(),
        _ => String::new(),
    }
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// (fixture, expected path, fragment of the expected message).
const CASES: &[(&str, &str, &str)] = &[
    ("duplicate-id", "events[2].id", "duplicate id \"a\""),
    ("bad-id", "events[0].id", "must be 1–64 characters"),
    ("dangling-parent", "events[1].parents[0].id", "parent \"missing\" is not an event id"),
    ("self-parent", "events[0].parents[0].id", "is its own parent"),
    ("lineage-cycle", "events[0].parents", "lineage cycle: a → b → a"),
    ("parent-after-child", "events[1].parents[0].id", "is dated after its child"),
    ("impossible-date", "events[0].date", "month 13 is not between 1 and 12"),
    ("malformed-date", "events[0].date", "expected \"YYYY\""),
    ("era-ends-before-start", "eras[0].end", "era ends (2016) before it starts (2017)"),
    ("empty-text", "events[1].summary.en", "must not be empty"),
    ("control-char", "events[0].name.en", "control character"),
    ("bidi-override", "events[0].name.zh", "right-to-left"),
    ("javascript-url", "events[0].sources[0].url", "is not an https:// link"),
    ("data-url", "events[0].sources[0].url", "is not an https:// link"),
    ("http-url", "events[0].sources[0].url", "is not an https:// link"),
    ("no-sources", "events[0].sources", "at least one source"),
    ("rating-out-of-range", "dimensions[0].open.rating", "rating 6 is not between 1 and 5"),
    ("example-not-event", "dimensions[0].examples[0]", "\"ghost\" is not an event id"),
    ("matrix-model-not-event", "openness[0].model", "\"ghost\" is not an event id"),
    ("matrix-incomplete", "openness[0].cells", "missing the cell for criterion \"code\""),
    ("matrix-unknown-criterion", "openness[0].cells.paper", "\"paper\" is not a criterion id"),
    ("open-cell-without-source", "openness[0].cells.weights.source", "needs a source"),
    ("credit-bad-url", "credits[0].url", "is not an http(s) link"),
    ("story-unknown-event", "story[0].events[1]", "\"ghost\" is not an event id"),
    ("event-after-as-of", "events[1].date", "event \"b\" is dated 2019, after the dataset's as_of date 2018-12-31"),
    ("as-of-not-a-day", "as_of", "as_of \"2019-06\" must be a full date"),
    (
        "basis-wrong-kind",
        "openness[0].cells.weights.basis",
        "basis \"released\" does not fit criterion \"weights\": a licence criterion takes osi-approved, restricted, non-commercial, proprietary, unknown",
    ),
    (
        "level-not-from-basis",
        "openness[0].cells.weights.level",
        "level \"open\" does not follow from basis \"not-released\": the rubric gives \"closed\"",
    ),
    ("unknown-enum", "events[0].family", "family \"recurrent-ish\" is not one of: statistical, rnn, embedding"),
    ("unknown-field", "events[0].colour", "unknown field \"colour\"; the fields here are: id, name, date"),
    ("wrong-type", "events[0].date", "expected a string, found a number: 2018"),
    ("deep-nesting", "title", "expected {\"zh\": …, \"en\": …}, found a list"),
];

/// Fixtures that are not JSON: (fixture, fragment of the message).
const PARSE_CASES: &[(&str, &str)] = &[("truncated", "is closed: a \"}\" is missing")];

#[test]
fn the_minimal_fixture_is_valid() {
    load_json(&fixture("valid-minimal.json")).expect("valid-minimal.json should validate");
}

#[test]
fn as_of_kind_levels_basis_and_distillation_are_accepted() {
    let mut d: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    d["as_of"] = "2019-01-01".into();
    d["criteria"][0]["kind"] = "artefact".into();
    d["criteria"][0]["levels"] = serde_json::json!({
        "open": {"zh": "开", "en": "Open"},
        "partial": {"zh": "部分", "en": "Partial"},
        "closed": {"zh": "闭", "en": "Closed"},
    });
    d["openness"][0]["cells"]["weights"]["basis"] = "released".into();
    d["events"][1]["parents"][0]["relation"] = "distilled-from".into();
    let c = load_json(&d.to_string()).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(c.data.as_of.as_deref(), Some("2019-01-01"));
    // An event on the as_of day itself, and one dated only by its year, are not after it.
    d["events"][1]["date"] = "2019-01-01".into();
    load_json(&d.to_string()).unwrap_or_else(|p| panic!("{p:#?}"));
    d["events"][1]["date"] = "2019".into();
    load_json(&d.to_string()).unwrap_or_else(|p| panic!("{p:#?}"));
    // Every token fits the kinds the rubric names for it, and means one level.
    use chronicle_core::model::{Basis, CriterionKind, Level};
    for kind in [CriterionKind::Artefact, CriterionKind::Licence, CriterionKind::Document, CriterionKind::Access] {
        let levels: Vec<Level> = Basis::for_kind(kind).map(Basis::level).collect();
        for l in [Level::Open, Level::Partial, Level::Closed, Level::Unknown] {
            assert!(levels.contains(&l), "{} has no basis for {l:?}", kind.slug());
        }
    }
}

#[test]
fn each_rule_has_a_failing_fixture_with_its_path() {
    for (name, path, fragment) in CASES {
        let problems = load_json(&fixture(&format!("invalid/{name}.json"))).expect_err(name);
        assert!(
            problems.iter().any(|p| path_of(p) == *path && p.message().contains(fragment)),
            "{name}: expected `{path}: …{fragment}…`, got {problems:#?}"
        );
    }
}

#[test]
fn parse_errors_carry_line_and_column() {
    for (name, fragment) in PARSE_CASES {
        let problems = load_json(&fixture(&format!("invalid/{name}.json"))).expect_err(name);
        assert_eq!(problems.len(), 1, "{name}");
        assert!(matches!(problems[0].at, Location::Text { .. }), "{name}: {:?}", problems[0]);
        assert!(problems[0].message().contains(fragment), "{name}: {:?}", problems[0]);
    }
}

#[test]
fn every_fixture_in_the_folder_is_covered() {
    let dir = format!("{}/tests/fixtures/invalid", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let stem = name.trim_end_matches(".json");
        assert!(
            CASES.iter().any(|c| c.0 == stem) || PARSE_CASES.iter().any(|c| c.0 == stem),
            "fixture {name} has no test case"
        );
    }
}

#[test]
fn all_problems_are_reported_at_once() {
    let mut d: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    d["events"][0]["date"] = "2023-02-30".into();
    d["events"][1]["name"]["zh"] = "".into();
    d["events"][1]["sources"][0]["url"] = "javascript:void(0)".into();
    let problems = load_json(&d.to_string()).unwrap_err();
    let paths: Vec<String> = problems.iter().map(path_of).collect();
    assert_eq!(paths, ["events[0].date", "events[1].name.zh", "events[1].sources[0].url"]);
    assert_eq!(
        problems[0].to_string(),
        "events[0].date (line 1, column 493): invalid date \"2023-02-30\": day 30 does not exist (this month has 28 days)"
    );
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let huge = format!("{{\"title\": \"{}\"}}", "x".repeat(MAX_BYTES));
    let problems = load_json(&huge).unwrap_err();
    assert_eq!(problems[0].at, Location::Input);
    assert!(problems[0].message().contains("the limit is"));
}

fn shipped() -> Chronicle {
    load_json(SHIPPED_JSON).unwrap_or_else(|p| {
        panic!("shipped data is invalid:\n{}", p.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))
    })
}

#[test]
fn the_shipped_dataset_is_valid_and_holds_the_slice() {
    let c = shipped();
    for id in ["shannon-ngram", "rnnlm", "transformer", "gpt-1", "bert", "gpt-3", "chatgpt", "llama"] {
        assert!(c.find(id).is_some(), "missing {id}");
    }
    assert!(c.data.eras.len() >= 2);
    assert!(c.data.dimensions.len() >= 2);
    // Chronological order is by date.
    let dates: Vec<_> = c.chronological().iter().map(|&i| c.date(i)).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    // Lineage lookups agree both ways.
    let bert = c.find("bert").unwrap();
    let transformer = c.find("transformer").unwrap();
    assert!(c.parents(bert).any(|p| p == transformer));
    assert!(c.children(transformer).contains(&bert));
}

#[test]
fn the_shipped_dataset_is_current_to_its_as_of_date() {
    let c = shipped();
    assert_eq!(c.data.as_of.as_deref(), Some("2026-11-30"));
}

/// The rubric is in the data, every cell records its basis, and the level follows from it: the
/// same situation (say, no training data released) scores the same whatever the lab.
#[test]
fn the_shipped_matrix_is_scored_by_one_rubric() {
    use chronicle_core::model::{Basis, Level};
    use std::collections::BTreeMap;
    let c = shipped();
    let d = &c.data;
    assert_eq!(d.criteria.len(), 12);
    for k in &d.criteria {
        assert!(k.kind.is_some(), "criterion {} has no kind", k.id);
        assert!(k.levels.is_some(), "criterion {} has no rubric", k.id);
    }
    for k in &d.criteria {
        let mut seen: BTreeMap<Basis, (Level, &str)> = BTreeMap::new();
        for row in &d.openness {
            let cell = &row.cells[&k.id];
            let basis = cell.basis.unwrap_or_else(|| panic!("{} × {} has no basis", row.model, k.id));
            assert!(basis.fits(k.kind.unwrap()), "{} × {}: {} does not fit", row.model, k.id, basis.slug());
            assert_eq!(cell.level, basis.level(), "{} × {}", row.model, k.id);
            if let Some((level, other)) = seen.insert(basis, (cell.level, &row.model)) {
                assert_eq!(level, cell.level, "{} × {}: {} scored unlike {other}", row.model, k.id, basis.slug());
            }
        }
    }
    // No lab's "no data released" is scored above another's.
    for id in ["training-data", "tuning-data"] {
        for row in &d.openness {
            let cell = &row.cells[id];
            if matches!(cell.basis, Some(Basis::NotReleased | Basis::DescribedOnly)) {
                assert_eq!(cell.level, Level::Closed, "{} × {id}", row.model);
            }
        }
    }
}

/// The matrix and the timeline tell the same story: the licence cell matches the event's access
/// level, and a model has downloadable weights in the matrix exactly when the timeline says so.
#[test]
fn the_matrix_agrees_with_the_timeline() {
    use chronicle_core::model::{Access, Basis, Level};
    let c = shipped();
    for row in &c.data.openness {
        let access = c.events()[c.find(&row.model).unwrap()].access;
        let licence = row.cells["licence"].basis.unwrap();
        let expected = match access {
            Access::OpenUnrestricted => Basis::OsiApproved,
            Access::OpenRestricted => Basis::Restricted,
            Access::OpenNoncommercial => Basis::NonCommercial,
            _ => Basis::Proprietary,
        };
        assert_eq!(licence, expected, "{}: access {} but licence {}", row.model, access.slug(), licence.slug());
        let weights = ["base-weights", "tuning-weights"]
            .iter()
            .any(|k| matches!(row.cells[*k].level, Level::Open | Level::Partial));
        assert_eq!(weights, access.openness() == chronicle_core::model::Openness::Open, "{}: weights", row.model);
    }
}

/// One Chinese word per thing: 词元 for "token", 谷歌 for Google, and 开源 not said of weights under a
/// restrictive or non-commercial licence (except in “…” quotes, 开源许可 and 而非开源).
#[test]
fn the_chinese_text_uses_one_term_each() {
    use chronicle_core::model::Access;
    fn zh_texts<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
        match v {
            serde_json::Value::Object(m) => {
                if let (Some(serde_json::Value::String(zh)), Some(serde_json::Value::String(_))) =
                    (m.get("zh"), m.get("en"))
                {
                    out.push(zh);
                }
                m.values().for_each(|x| zh_texts(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| zh_texts(x, out)),
            _ => {}
        }
    }
    let json: serde_json::Value = serde_json::from_str(SHIPPED_JSON).unwrap();
    let mut texts = Vec::new();
    zh_texts(&json, &mut texts);
    assert!(texts.len() > 1000, "{} Chinese texts", texts.len());
    for t in &texts {
        assert!(!t.to_lowercase().contains("token"), "“token” instead of 词元: {t}");
        assert!(!t.contains("Google"), "“Google” instead of 谷歌: {t}");
    }
    let c = shipped();
    for e in c.events().iter().filter(|e| matches!(e.access, Access::OpenRestricted | Access::OpenNoncommercial)) {
        let z = &e.summary.zh;
        for (i, _) in z.match_indices("开源") {
            let (before, after) = (&z[..i], &z[i + "开源".len()..]);
            let quoted = before.matches('“').count() > before.matches('”').count();
            assert!(
                quoted || after.starts_with("许可") || before.ends_with("而非"),
                "{}: 开源 said of weights under {}: {z}",
                e.id,
                e.access.slug()
            );
        }
    }
}

/// Alpaca and Vicuna learned from OpenAI models' outputs: distillation, not succession.
#[test]
fn distillation_from_closed_models_is_an_edge_of_its_own() {
    use chronicle_core::model::Relation;
    let c = shipped();
    for (child, parent) in [("alpaca", "instructgpt"), ("vicuna", "chatgpt")] {
        let e = &c.events()[c.find(child).unwrap()];
        assert!(
            e.parents.iter().any(|p| p.id == parent && p.relation == Relation::DistilledFrom),
            "{child} should be distilled-from {parent}"
        );
    }
}

/// The dimension ratings follow one scale for both sides: the side a dimension favours leads it,
/// and neither group's lead is more than half a point larger than the other's on average.
#[test]
fn the_dimension_ratings_are_balanced() {
    use chronicle_core::model::DimensionGroup;
    let c = shipped();
    let lead = |g: DimensionGroup| {
        let dims: Vec<_> = c.data.dimensions.iter().filter(|d| d.group == g).collect();
        for d in &dims {
            let (own, other) = match g {
                DimensionGroup::OpenStrength => (d.open.rating, d.closed.rating),
                DimensionGroup::ClosedStrength => (d.closed.rating, d.open.rating),
            };
            assert!(own > other, "{}: the side it favours does not lead", d.id);
        }
        let sum: i32 = dims
            .iter()
            .map(|d| i32::from(d.open.rating) - i32::from(d.closed.rating))
            .map(|x| if g == DimensionGroup::OpenStrength { x } else { -x })
            .sum();
        f64::from(sum) / dims.len() as f64
    };
    let (open, closed) = (lead(DimensionGroup::OpenStrength), lead(DimensionGroup::ClosedStrength));
    assert!((open - closed).abs() <= 0.5, "open side leads by {open:.2}, closed side by {closed:.2}");
}

#[test]
fn the_shipped_dataset_meets_the_coverage_targets() {
    let c = shipped();
    let d = &c.data;
    assert!(d.events.len() >= 150, "{} events", d.events.len());
    let years: Vec<i32> = (0..d.events.len()).map(|i| c.date(i).year).collect();
    assert_eq!(years.iter().min(), Some(&1948));
    assert!(*years.iter().max().unwrap() >= 2026);
    let edges: usize = d.events.iter().map(|e| e.parents.len()).sum();
    assert!(edges >= 40, "{edges} lineage edges");
    assert_eq!(d.eras.len(), 9);
    assert_eq!(d.dimensions.len(), 14);
    assert!(d.criteria.len() >= 10);
    assert!(d.openness.len() >= 45, "{} matrix rows", d.openness.len());
    for id in [
        "shannon-ngram",
        "kneser-ney",
        "nplm",
        "lstm",
        "rnnlm",
        "word2vec",
        "seq2seq",
        "bahdanau-attention",
        "transformer",
        "elmo",
        "ulmfit",
        "gpt-1",
        "bert",
        "roberta",
        "gpt-2",
        "t5",
        "bart",
        "gpt-3",
        "codex",
        "instructgpt",
        "palm",
        "opt",
        "bloom",
        "chatgpt",
        "llama",
        "gpt-4",
        "claude",
        "llama-2",
        "mistral-7b",
        "mixtral",
        "gemini",
        "gemma",
        "llama-3",
        "llama-4",
        "gpt-4o",
        "o1",
        "gpt-oss",
        "ernie-1",
        "ernie-bot",
        "glm-130b",
        "chatglm-6b",
        "qwen-7b",
        "tongyi-qianwen",
        "baichuan-7b",
        "yi-34b",
        "deepseek-llm",
        "deepseek-v3",
        "deepseek-r1",
        "kimi-chat",
        // Foundations added in the second edition.
        "sparse-moe",
        "rlhf-preferences",
        "scaling-laws",
        "chain-of-thought",
        "flan-t5",
        // December 2024 to 2026: reasoning models and the open-weight catch-up.
        "gemini-2.0-flash-thinking",
        "o3",
        "r1-distill",
        "qwq-32b",
        "qwen3",
        "kimi-k2",
        "glm-4.5",
        "claude-4",
        "gemini-3",
        "deepseek-v3.2",
        "glm-5",
        "qwen3.5",
        "gemma-4",
        "claude-mythos-preview",
        "deepseek-v4",
        "kimi-k3",
    ] {
        assert!(c.find(id).is_some(), "missing milestone {id}");
    }
    // o3 sits between o1 and GPT-5 in the reasoning line.
    let date = |id: &str| c.date(c.find(id).unwrap());
    assert!(date("o1") < date("o3") && date("o3") < date("gpt-5"));
    // The matrix compares the open-weight leaders of 2025–2026 with the closed models of their day.
    for id in
        ["deepseek-r1", "qwen3", "kimi-k2", "glm-4.5", "gpt-oss", "deepseek-v4", "o3", "gemini-3", "claude-opus-4.5"]
    {
        assert!(d.openness.iter().any(|r| r.model == id), "no matrix row for {id}");
    }
    // The branches are visible: BERT and GPT descendants, and LLaMA derivatives.
    for (root, min) in [("bert", 5), ("gpt-3", 5), ("llama", 3), ("t5", 3)] {
        let i = c.find(root).unwrap();
        assert!(c.children(i).len() >= min, "{root} has {} children", c.children(i).len());
    }
}

#[test]
fn every_bad_csv_in_the_corpus_is_refused_with_rows_and_columns() {
    use chronicle_core::validate::load_any;
    // (file, expected place, fragment of the message)
    let cases = [
        ("broken-quote", "row 2", "fields"),
        ("missing-column", "row 1", "missing column \"org\""),
        ("extra-column", "row 1, column N (colour)", "unknown column \"colour\""),
        ("short-row", "row 2", "the header has 13"),
        ("hostile-values", "row 2, column D (date)", "month 13"),
        ("html-page", "", "got an HTML or XML page"),
    ];
    let dir = format!("{}/tests/fixtures/invalid-csv", env!("CARGO_MANIFEST_DIR"));
    let files = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(files, cases.len(), "every CSV fixture has a case");
    for (name, path, fragment) in cases {
        let text = std::fs::read_to_string(format!("{dir}/{name}.csv")).unwrap();
        let problems = load_any(&text).expect_err(name);
        assert!(
            problems.iter().any(|p| p.at.text(Lang::En) == path && p.message().contains(fragment)),
            "{name}: expected `{path}: …{fragment}…`, got {problems:#?}"
        );
    }
}

#[test]
fn every_problem_in_the_corpus_has_a_chinese_message() {
    use chronicle_core::validate::load_any;
    let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for dir in ["invalid", "invalid-csv"] {
        let dir = format!("{}/tests/fixtures/{dir}", env!("CARGO_MANIFEST_DIR"));
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let problems = load_any(&std::fs::read_to_string(&path).unwrap()).unwrap_err();
            for p in problems {
                let zh = p.text(Lang::Zh);
                assert!(has_cjk(&zh), "{}: untranslated problem {p}", path.display());
            }
        }
    }
    let huge = format!("{{\"x\": \"{}\"}}", "x".repeat(chronicle_core::validate::MAX_BYTES));
    assert!(has_cjk(&load_any(&huge).unwrap_err()[0].text(Lang::Zh)));
}

#[test]
fn the_authoring_templates_are_valid_and_say_the_same() {
    let json = include_str!("../../data/templates/chronicle.json");
    let csv = include_str!("../../data/templates/events.csv");
    let from_json = chronicle_core::validate::load_any(json).expect("the JSON template validates");
    let from_csv = chronicle_core::validate::load_any(csv).expect("the CSV template validates");
    assert_eq!(from_json.events(), from_csv.events(), "both templates hold the same two events");
    assert_eq!(from_json.events().len(), 2);
    assert_eq!(from_json.events()[1].parents[0].id, from_json.events()[0].id, "the example shows lineage");
}

/// One of each problem an author meets, in one file: each listed once, in the order of the text,
/// at its path with its line and column.
const EVERY_KIND: &str = r#"{
  "title": { "zh": "标题", "en": "Title" },
  "eras": [],
  "events": [
    {
      "id": "gpt-2", "name": { "zh": "甲", "en": "A" }, "date": "2023-13-40", "org": "Org",
      "family": "decoder_only", "kind": "model", "access": "api",
      "summary": { "zh": "摘要", "en": "Summary" },
      "sources": [{ "url": "http://example.org/a", "title": "A" }],
      "colour": "red"
    },
    {
      "id": "b", "name": { "zh": "乙", "en": "B" }, "date": 2019, "org": "Org",
      "family": "quantum", "kind": "model", "access": "api",
      "summary": { "zh": "摘要", "en": "Summary" },
      "sources": [{ "url": "https://example.org/b", "title": "B" }],
      "parents": [{ "id": "gpt2", "relation": "successor-of", "evidence": "documented" }]
    },
    {
      "id": "c", "name": { "zh": "丙", "en": "C" }, "date": "2020", "org": "Org",
      "family": "rnn", "kind": "model",
      "summary": { "zh": "摘要", "en": "Summary" },
      "sources": [{ "url": "https://example.org/c", "title": "C" }],
      "parents": [{ "id": "d", "relation": "successor-of", "evidence": "documented" }]
    },
    {
      "id": "d", "name": { "zh": "丁", "en": "D" }, "date": "2020", "org": "Org",
      "family": "rnn", "kind": "model", "access": "api",
      "summary": { "zh": "摘要", "en": "Summary" },
      "sources": [{ "url": "https://example.org/d", "title": "D" }],
      "parents": [{ "id": "c", "relation": "successor-of", "evidence": "documented" }]
    },
    {
      "id": "b", "name": { "zh": "戊", "en": "E" }, "date": "2021", "org": "Org",
      "family": "rnn", "kind": "model", "access": "api",
      "summary": { "zh": "摘要", "en": "Summary" },
      "sources": [{ "url": "https://example.org/e", "title": "E" }]
    }
  ]
}"#;

#[test]
fn every_kind_of_problem_is_listed_at_once_with_its_position() {
    let problems = load_json(EVERY_KIND).unwrap_err();
    let en: Vec<String> = problems.iter().map(|p| p.line(Lang::En)).collect();
    let families = "statistical, rnn, embedding, encoder-only, encoder-decoder, decoder-only, multimodal, other";
    let fields = "id, name, date, org, family, kind, access, license, params, summary, sources, parents";
    assert_eq!(
        en,
        [
            "events[0].date (line 6, column 64): invalid date \"2023-13-40\": month 13 is not between 1 and 12".to_owned(),
            format!("events[0].family (line 7, column 17): family \"decoder_only\" is not one of: {families}; did you mean \"decoder-only\"?"),
            "events[0].sources[0].url (line 9, column 28): \"http://example.org/a\" is not an https:// link".to_owned(),
            format!("events[0].colour (line 10, column 7): unknown field \"colour\"; the fields here are: {fields}"),
            "events[1].date (line 13, column 60): expected a string, found a number: 2019".to_owned(),
            format!("events[1].family (line 14, column 17): family \"quantum\" is not one of: {families}"),
            "events[1].parents[0].id (line 17, column 27): parent \"gpt2\" is not an event id; did you mean \"gpt-2\"?".to_owned(),
            "events[2].access (line 19, column 5): missing field \"access\"".to_owned(),
            "events[2].parents (line 24, column 18): lineage cycle: c → d → c".to_owned(),
            "events[4].id (line 34, column 13): duplicate id \"b\"".to_owned(),
        ]
    );
    let zh: Vec<String> = problems.iter().map(|p| p.line(Lang::Zh)).collect();
    assert_eq!(zh[0], "events[0].date（第 6 行第 64 列）：日期 \"2023-13-40\" 无效：月份 13 不在 1–12 之间");
    assert_eq!(zh[1], format!("events[0].family（第 7 行第 17 列）：架构 \"decoder_only\" 不是可用的值（{families}）；是否应为 \"decoder-only\"？"));
    assert_eq!(zh[3], format!("events[0].colour（第 10 行第 7 列）：未知字段 \"colour\"；此处可用的字段：{fields}"));
    assert_eq!(zh[4], "events[1].date（第 13 行第 60 列）：应为字符串，实际是数字：2019");
    assert_eq!(
        zh[6],
        "events[1].parents[0].id（第 17 行第 27 列）：前身 \"gpt2\" 不是已有的事件标识；是否应为 \"gpt-2\"？"
    );
    assert_eq!(zh[7], "events[2].access（第 19 行第 5 列）：缺少字段 \"access\"");
    assert_eq!(zh[8], "events[2].parents（第 24 行第 18 列）：传承关系成环：c → d → c");
    assert_eq!(zh[9], "events[4].id（第 34 行第 13 列）：标识 \"b\" 重复");
}

#[test]
fn a_syntax_error_says_where_shows_the_line_and_names_the_usual_cause() {
    let trailing = "{\n  \"title\": { \"zh\": \"标题\", \"en\": \"Title\" },\n  \"eras\": [],\n  \"events\": [],\n}\n";
    let problems = load_json(trailing).unwrap_err();
    assert_eq!(problems.len(), 1);
    let Location::Text { pos, line, caret } = &problems[0].at else { panic!("{:?}", problems[0]) };
    assert_eq!((pos.line, pos.column, line.as_str(), *caret), (4, 15, "  \"events\": [],", 14));
    assert_eq!(
        problems[0].to_string(),
        "line 4, column 15: a comma before a closing bracket: remove this trailing comma"
    );
    assert_eq!(problems[0].line(Lang::Zh), "第 4 行第 15 列：右括号前多了一个逗号：删去这个逗号");

    let quote = "{\n  \"title\": { \"zh\": \"标题, \"en\": \"Title\" },\n  \"eras\": [], \"events\": []\n}";
    let problems = load_json(quote).unwrap_err();
    assert_eq!(problems[0].to_string(), "line 2, column 20: this text is not closed: a closing quote \" is missing");
    assert_eq!(problems[0].line(Lang::Zh), "第 2 行第 20 列：这段文本没有结束：缺少右引号 \"");

    let unclosed = "{\n  \"title\": { \"zh\": \"标题\", \"en\": \"Title\" },\n  \"eras\": [\n";
    let problems = load_json(unclosed).unwrap_err();
    assert_eq!(
        problems[0].to_string(),
        "line 4, column 1: the text ends before the \"[\" at line 3, column 11 is closed: a \"]\" is missing"
    );
}

/// An event that names one parent 70,000 times: reported once, and checked in linear time (the
/// cycle check follows each distinct parent once).
#[test]
fn a_parent_named_seventy_thousand_times_is_one_problem() {
    let mut d: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    let parent = d["events"][1]["parents"][0].clone();
    d["events"][1]["parents"] = serde_json::Value::Array(vec![parent.clone(); 70_000]);
    // And a knot through the repeated parent, so the cycle check has one to find.
    d["events"][0]["parents"] =
        serde_json::json!([{ "id": "b", "relation": "successor-of", "evidence": "documented" }]);
    // As values: the file would be over the size limit.
    let dataset: chronicle_core::model::Dataset = serde_json::from_value(d).unwrap();
    let problems = chronicle_core::validate::validate(dataset).unwrap_err();
    let lines: Vec<String> = problems.iter().map(|p| p.message()).collect();
    assert!(lines.contains(&"parent \"a\" is listed 70000 times".to_owned()), "{lines:?}");
    assert!(lines.contains(&"lineage cycle: a → b → a".to_owned()), "{lines:?}");
    assert_eq!(problems.len(), 3, "{lines:?}");
}

/// The lean reader reads the site's dataset file only when it is the text its name was made from:
/// then as the validator would; anything else (another text, another name, a file that is not
/// the build's) is left to the full validator.
#[test]
fn the_built_dataset_is_read_only_when_its_name_matches_its_content() {
    use chronicle_core::validate::{built_file_name, load_built};
    let json = load_json(SHIPPED_JSON).unwrap().data;
    let json = serde_json::to_string(&json).unwrap();
    let name = built_file_name(&json);
    assert!(name.starts_with("chronicle-") && name.ends_with(".json") && name.len() == 31, "{name}");
    let url = format!("https://example.org/en/../{name}");
    let read = load_built(&json, &url).expect("the build's own file");
    assert_eq!(read.data, load_json(&json).unwrap().data);
    // A byte changed: the name no longer says it.
    let changed = json.replacen("GPT", "GPU", 1);
    assert!(load_built(&changed, &url).is_none());
    // Names the build does not write.
    for other in ["https://example.org/chronicle.json", "https://example.org/data.json", "chronicle-xyz.json", ""] {
        assert!(load_built(&json, other).is_none(), "{other}");
    }
    // Text that is not a dataset, named after itself, is still not read.
    let junk = "[1, 2]";
    assert!(load_built(junk, &built_file_name(junk)).is_none());
}
