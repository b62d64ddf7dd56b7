//! Prints how long the core pipeline takes: validating, laying out and ordering the matrix of the
//! shipped dataset, and laying out and filtering the benchmark's synthetic 10,000 events (the same
//! seeded dataset `cargo xtask bench` measures in the browser).
//!
//! `cargo run --release -p chronicle-core --example bench` (also part of `cargo xtask bench`).

use std::time::Instant;

use chronicle_core::filter::Filter;
use chronicle_core::i18n::Lang;
use chronicle_core::layout::{layout_timeline, Metrics};
use chronicle_core::matrix::{order_rows, SortKey};
use chronicle_core::scale::Axis;
use chronicle_core::validate::{load_json, validate};
use chronicle_core::SHIPPED_JSON;

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
    let shipped = time("validate shipped dataset", 200, || load_json(SHIPPED_JSON).expect("valid"));
    let m = Metrics::default();
    let (a, b) = shipped.extent();
    let axis = Axis::new(shipped.focus_warp().clone(), (a, b), 1200.0);
    time("layout shipped dataset, full extent, 1200 px", 200, || layout_timeline(&shipped, &axis, Lang::En, &m, &[]));
    let d = &shipped.data;
    let weights = vec![1.0; d.criteria.len()];
    time("order shipped openness matrix by score", 200, || {
        order_rows(&d.openness, &d.criteria, &weights, &SortKey::Score, true, |id: &str| id.to_owned())
    });
    let big = validate(chronicle_core::synth::dataset(10_000, 2018)).expect("valid synthetic dataset");
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
    let filter = Filter { query: "model 12".into(), ..Default::default() };
    // The first search on a dataset also builds its lower-cased search text; later ones reuse it.
    let fresh = validate(chronicle_core::synth::dataset(10_000, 2018)).expect("valid synthetic dataset");
    let start = Instant::now();
    filter.mask(&fresh);
    println!("{:<48} {:>9.3} ms", "first search of 10,000 events", start.elapsed().as_secs_f64() * 1000.0);
    let mask = time("filter 10,000 events by a search", 20, || filter.mask(&big));
    println!("  {} of 10,000 match", mask.iter().filter(|&&k| k).count());
}
