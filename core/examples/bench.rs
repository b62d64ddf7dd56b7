//! Prints how long the core pipeline takes: validating the shipped dataset, and laying out a
//! synthetic dataset of 10,000 events at a full-extent zoom and at a one-year zoom.
//!
//! `cargo run --release -p chronicle-core --example bench` (also part of `cargo xtask bench`).

use std::time::Instant;

use chronicle_core::i18n::Lang;
use chronicle_core::layout::{layout_timeline, Metrics};
use chronicle_core::model::{Access, Dataset, Event, Family, Kind, Source, Text};
use chronicle_core::scale::Axis;
use chronicle_core::validate::{load_json, validate};
use chronicle_core::SHIPPED_JSON;

fn synthetic(n: usize) -> Dataset {
    let families = Family::ALL;
    let events = (0..n)
        .map(|i| {
            let year = 1950 + (i * 7919 % 76) as i32;
            let month = 1 + (i * 31 % 12);
            Event {
                id: format!("e{i}"),
                name: Text { zh: format!("模型 {i}"), en: format!("Model {i}") },
                date: format!("{year}-{month:02}"),
                org: "Org".into(),
                family: families[i % families.len()],
                kind: Kind::Model,
                access: if i % 2 == 0 { Access::OpenUnrestricted } else { Access::Api },
                license: None,
                params: None,
                summary: Text { zh: "摘要".into(), en: "Summary".into() },
                sources: vec![Source { url: "https://example.org/".into(), title: "Source".into() }],
                parents: vec![],
            }
        })
        .collect();
    Dataset { title: Text { zh: "基准".into(), en: "Bench".into() }, events, ..Default::default() }
}

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) -> T {
    let mut out = f();
    let start = Instant::now();
    for _ in 0..runs {
        out = f();
    }
    let per = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    println!("{label:<48} {per:>9.3} ms");
    out
}

fn main() {
    time("validate shipped dataset", 200, || load_json(SHIPPED_JSON).expect("valid"));
    let big = validate(synthetic(10_000)).expect("valid synthetic dataset");
    let m = Metrics::default();
    let (a, b) = big.extent();
    let full = Axis::new(big.focus_warp().clone(), (a, b), 1200.0);
    let l = time("layout 10,000 events, full extent, 1200 px", 20, || layout_timeline(&big, &full, Lang::En, &m, &[]));
    println!(
        "  placed {} markers, {} labels visible, {} clusters",
        l.events.len(),
        l.events.iter().filter(|p| p.label.is_some()).count(),
        l.clusters.len()
    );
    let year = Axis::new(big.focus_warp().clone(), (2020.0, 2021.0), 1200.0);
    time("layout 10,000 events, one-year window, 1200 px", 20, || layout_timeline(&big, &year, Lang::En, &m, &[]));
}
