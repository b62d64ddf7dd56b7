//! Hostile input: mutated datasets, JSON and CSV, never panic or hang the loader and validator,
//! and every problem says where it is. The JSON reader reads what serde_json reads, and the
//! field-by-field reading agrees with serde's derived one. Fixed seed, so a failure reproduces;
//! run longer with `PROPTEST_CASES=20000 cargo test -p chronicle-core --test hostile`.

use chronicle_core::i18n::Lang;
use chronicle_core::json;
use chronicle_core::model::{Dataset, Named};
use chronicle_core::problem::{Location, Problem, ProblemKind};
use chronicle_core::validate::{load_any, load_json, validate};
use chronicle_core::SHIPPED_JSON;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::Value;

/// A runner with a fixed seed and, unless PROPTEST_CASES says otherwise, `cases` cases.
fn runner(cases: u32) -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases);
    let seed = [7u8; 32];
    TestRunner::new_with_rng(
        Config { cases, failure_persistence: None, ..Config::default() },
        TestRng::from_seed(RngAlgorithm::ChaCha, &seed),
    )
}

/// Text-level mutations: delete, duplicate or replace a slice of the file.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Insert(usize, String),
}

fn apply(text: &str, edit: &Edit) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let clamp = |a: usize, len: usize| (a % n, (a % n + len).min(n));
    match edit {
        Edit::Delete(a, len) => {
            let (a, b) = clamp(*a, *len);
            chars[..a].iter().chain(&chars[b..]).collect()
        }
        Edit::Duplicate(a, len) => {
            let (a, b) = clamp(*a, *len);
            chars[..b].iter().chain(&chars[a..]).collect()
        }
        Edit::Insert(a, s) => {
            let a = a % n;
            chars[..a].iter().copied().chain(s.chars()).chain(chars[a..].iter().copied()).collect()
        }
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..200).prop_map(|(a, l)| Edit::Delete(a, l)),
        (any::<usize>(), 1usize..400).prop_map(|(a, l)| Edit::Duplicate(a, l)),
        (
            any::<usize>(),
            prop_oneof![
                Just("{".to_owned()),
                Just("]".to_owned()),
                Just("\"".to_owned()),
                Just(",null".to_owned()),
                Just("\\u0000".to_owned()),
                "\\PC{0,8}"
            ]
        )
            .prop_map(|(a, s)| Edit::Insert(a, s)),
    ]
}

/// serde_json's value for what the JSON reader read (a repeated key: the last one, as serde_json).
fn to_serde(node: &json::Node) -> Value {
    match &node.value {
        json::Value::Null => Value::Null,
        json::Value::Bool(b) => Value::Bool(*b),
        json::Value::Number(n) => serde_json::from_str(n).expect("a number serde_json reads"),
        json::Value::String(s) => Value::String(s.to_string()),
        json::Value::Array(items) => Value::Array(items.iter().map(to_serde).collect()),
        json::Value::Object(members) => {
            Value::Object(members.iter().map(|m| (m.key.to_string(), to_serde(&m.value))).collect())
        }
    }
}

/// Both languages have words for the problem, and it says where it is unless it is about the
/// whole input.
fn is_told(p: &Problem) -> bool {
    let whole = matches!(p.kind, ProblemKind::TooLarge { .. } | ProblemKind::NotADataset(_));
    !p.text(Lang::En).is_empty()
        && !p.text(Lang::Zh).is_empty()
        && (whole || !p.at.text(Lang::En).is_empty() && !p.at.text(Lang::Zh).is_empty())
}

#[test]
fn text_mutations_never_panic_and_read_as_serde_json_reads_them() {
    runner(300)
        .run(&proptest::collection::vec(edit(), 1..4), |edits| {
            let mutated = edits.iter().fold(SHIPPED_JSON.to_owned(), |t, e| apply(&t, e));
            if let Err(problems) = load_json(&mutated) {
                prop_assert!(!problems.is_empty() && problems.iter().all(is_told), "{problems:?}");
            }
            if !mutated.starts_with('\u{FEFF}') {
                match (json::parse(&mutated), serde_json::from_str::<Value>(&mutated)) {
                    (Ok(ours), Ok(theirs)) => prop_assert_eq!(to_serde(&ours), theirs),
                    (Err(e), Err(_)) => prop_assert!(e.at <= mutated.len()),
                    (ours, theirs) => prop_assert!(false, "ours {:?}, serde_json {:?}", ours.err(), theirs.err()),
                }
            }
            Ok(())
        })
        .unwrap();
}

/// Structure-level mutations: replace a random value somewhere with a value of another type.
fn mutate_value(v: &mut Value, path: &[usize], replacement: &Value) {
    let Some((&first, rest)) = path.split_first() else {
        *v = replacement.clone();
        return;
    };
    match v {
        Value::Array(items) if !items.is_empty() => {
            let k = first % items.len();
            mutate_value(&mut items[k], rest, replacement)
        }
        Value::Object(map) if !map.is_empty() => {
            let k = first % map.len();
            let key = map.keys().nth(k).cloned().unwrap();
            mutate_value(map.get_mut(&key).unwrap(), rest, replacement)
        }
        _ => *v = replacement.clone(),
    }
}

#[test]
fn value_mutations_never_panic_and_are_reported_with_a_path() {
    let base: Value = serde_json::from_str(SHIPPED_JSON).unwrap();
    let replacement = prop_oneof![
        Just(Value::Null),
        Just(Value::Bool(true)),
        Just(serde_json::json!(-1)),
        Just(serde_json::json!("")),
        Just(serde_json::json!("2023-13-40")),
        Just(serde_json::json!("javascript:alert(1)")),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!("\u{202E}gpt")),
    ];
    runner(300)
        .run(&(proptest::collection::vec(any::<usize>(), 1..6), replacement), |(path, r)| {
            let mut v = base.clone();
            mutate_value(&mut v, &path, &r);
            let text = v.to_string();
            let ours = load_json(&text);
            if let Err(problems) = &ours {
                prop_assert!(!problems.is_empty() && problems.iter().all(is_told), "{problems:?}");
                let placed = |p: &Problem| matches!(p.at, Location::Json { pos: Some(_), .. });
                prop_assert!(problems.iter().all(placed), "{problems:?}");
            }
            match serde_json::from_str::<Dataset>(&text) {
                // Where serde's derived reading succeeds, the field-by-field one finds no problem
                // with the shape, and the rules say the same things at the same paths.
                Ok(dataset) => match (ours, validate(dataset)) {
                    (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
                    (Err(a), Err(b)) => {
                        let said = |ps: Vec<Problem>| {
                            let mut v: Vec<String> =
                                ps.iter().map(|p| format!("{}: {}", path_text(p), p.message())).collect();
                            v.sort();
                            v
                        };
                        prop_assert_eq!(said(a), said(b));
                    }
                    (a, b) => prop_assert!(false, "ours {:?}, serde's {:?}", a.err(), b.err()),
                },
                // Where it fails, the field-by-field reading reports the shape.
                Err(e) => {
                    let shape = |p: &Problem| {
                        matches!(
                            p.kind,
                            ProblemKind::WrongType { .. }
                                | ProblemKind::UnknownField { .. }
                                | ProblemKind::MissingField { .. }
                                | ProblemKind::UnknownValue { .. }
                                | ProblemKind::DuplicateKey { .. }
                        )
                    };
                    prop_assert!(
                        ours.as_ref().is_err_and(|ps| ps.iter().any(shape)),
                        "serde: {e}; ours: {:?}",
                        ours.err()
                    );
                }
            }
            Ok(())
        })
        .unwrap();
}

/// A problem's JSON path, without its position.
fn path_text(p: &Problem) -> String {
    match &p.at {
        Location::Json { path, .. } => path.to_string(),
        other => other.text(Lang::En),
    }
}

#[test]
fn a_twenty_megabyte_file_is_refused_quickly() {
    let big = format!("{{\"title\":{{\"zh\":\"{}\",\"en\":\"x\"}}}}", "字".repeat(7 * 1024 * 1024));
    assert!(big.len() > 20_000_000);
    let started = std::time::Instant::now();
    let problems = load_json(&big).unwrap_err();
    assert!(problems[0].message().contains("the limit is"));
    // Refused before parsing: far below a frame budget even in a debug build.
    assert!(started.elapsed().as_millis() < 50, "{:?}", started.elapsed());
}

#[test]
fn hundred_level_nesting_is_an_error_not_a_crash() {
    let deep = format!("{{\"title\":{}{}}}", "[".repeat(100), "]".repeat(100));
    assert!(load_json(&deep).is_err());
    // Deeper than serde_json's recursion limit, where a type allows nesting: still just an error.
    let deeper = format!("[{}{}]", "[".repeat(5000), "]".repeat(5000));
    let problems = load_json(&deeper).unwrap_err();
    assert!(matches!(problems[0].at, Location::Text { .. }), "{:?}", problems[0]);
    assert_eq!(problems[0].message(), "nested more than 128 levels deep");
    let untyped: Result<serde_json::Value, _> = serde_json::from_str(&deeper);
    assert!(untyped.unwrap_err().to_string().contains("recursion limit"));
}

const COLUMNS: [&str; 15] = [
    "id",
    "name_zh",
    "name_en",
    "date",
    "org",
    "family",
    "kind",
    "access",
    "summary_zh",
    "summary_en",
    "source_url",
    "source_title",
    "license",
    "params",
    "parents",
];

/// The shipped dataset's first 60 events as a spreadsheet, one row each (their first source, and
/// the parents among them).
fn shipped_rows() -> Vec<Vec<String>> {
    let c = load_json(SHIPPED_JSON).unwrap();
    let events = &c.events()[..60];
    let mut rows = vec![COLUMNS.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>()];
    for e in events {
        let parents: Vec<String> = e
            .parents
            .iter()
            .filter(|p| events.iter().any(|e| e.id == p.id))
            .map(|p| format!("{}:{}:{}", p.id, p.relation.slug(), Named::slug(p.evidence)))
            .collect();
        rows.push(vec![
            e.id.clone(),
            e.name.zh.clone(),
            e.name.en.clone(),
            e.date.clone(),
            e.org.clone(),
            e.family.slug().to_owned(),
            Named::slug(e.kind).to_owned(),
            e.access.slug().to_owned(),
            e.summary.zh.clone(),
            e.summary.en.clone(),
            e.sources[0].url.clone(),
            e.sources[0].title.clone(),
            e.license.clone().unwrap_or_default(),
            e.params.clone().unwrap_or_default(),
            parents.join(";"),
        ]);
    }
    rows
}

fn write_csv(rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    for row in rows {
        w.write_record(row).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

#[test]
fn the_shipped_events_load_as_a_spreadsheet() {
    let c = load_any(&write_csv(&shipped_rows())).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(c.events().len(), 60);
}

/// Every problem in a sheet is at a row of it, or about the input as a whole; a cell's column
/// name is the header's.
fn is_in_the_sheet(p: &Problem, header: &[String]) -> bool {
    match &p.at {
        Location::Csv { row, cell: None } => *row >= 1,
        Location::Csv { row, cell: Some(cell) } => {
            *row >= 1 && (*row == 1 || header.get(cell.column - 1).is_some_and(|h| *h == cell.name))
        }
        Location::Input => true,
        _ => false,
    }
}

#[test]
fn csv_text_mutations_never_panic() {
    let base = write_csv(&shipped_rows());
    runner(300)
        .run(&proptest::collection::vec(edit(), 1..4), |edits| {
            let mutated = edits.iter().fold(base.clone(), |t, e| apply(&t, e));
            if let Err(problems) = load_any(&mutated) {
                prop_assert!(!problems.is_empty() && problems.iter().all(is_told), "{problems:?}");
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn csv_cell_mutations_are_reported_at_a_row_and_cell() {
    let base = shipped_rows();
    let value = prop_oneof![
        Just(String::new()),
        Just("2023-13-40".to_owned()),
        Just("javascript:alert(1)".to_owned()),
        Just("quantum".to_owned()),
        Just("ghost:successor-of:documented".to_owned()),
        Just("a:b;;c".to_owned()),
        Just("\u{202E}gpt".to_owned()),
        Just("line\nbreak, \"quoted\"".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just(base[1][0].clone()),
    ];
    runner(300)
        .run(&(proptest::collection::vec((any::<usize>(), any::<usize>(), value), 1..4)), |cells| {
            let mut rows = base.clone();
            for (r, c, v) in cells {
                let r = r % rows.len();
                let c = c % rows[r].len();
                rows[r][c] = v;
            }
            if let Err(problems) = load_any(&write_csv(&rows)) {
                prop_assert!(problems.iter().all(is_told), "{problems:?}");
                prop_assert!(problems.iter().all(|p| is_in_the_sheet(p, &rows[0])), "{problems:?}");
            }
            Ok(())
        })
        .unwrap();
}
