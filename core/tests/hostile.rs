//! Hostile input: mutated datasets never panic or hang the loader and validator, and markup in
//! every text field stays text. Fixed seed, so a failure reproduces; run longer with
//! `PROPTEST_CASES=20000 cargo test -p chronicle-core --test hostile`.

use chronicle_core::validate::load_json;
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

#[test]
fn text_mutations_never_panic() {
    runner(300)
        .run(&proptest::collection::vec(edit(), 1..4), |edits| {
            let mutated = edits.iter().fold(SHIPPED_JSON.to_owned(), |t, e| apply(&t, e));
            let _ = load_json(&mutated);
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
            if let Err(problems) = load_json(&v.to_string()) {
                prop_assert!(!problems.is_empty());
                prop_assert!(problems.iter().all(|p| !p.path.is_empty() && !p.message().is_empty()));
            }
            Ok(())
        })
        .unwrap();
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
    assert!(problems[0].path.starts_with("(line"), "{:?}", problems[0]);
    let untyped: Result<serde_json::Value, _> = serde_json::from_str(&deeper);
    assert!(untyped.unwrap_err().to_string().contains("recursion limit"));
}
