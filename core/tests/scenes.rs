//! Scene snapshots: what the timeline draws for a 10-event fixture, wide and narrow, coloured by
//! a criterion and filtered, in the manner of Observable Plot's test plots. Each scene is written
//! as text, one mark per line, to `tests/scenes/<name>.txt`.
//!
//! A changed scene is written beside the old one as `<name>.new.txt` for a human to compare; run
//! with `UPDATE_SNAPSHOTS=1` to accept it.

use std::fmt::Write;

use chronicle_core::filter::{Filter, FilterMode};
use chronicle_core::i18n::Lang;
use chronicle_core::query::Query;
use chronicle_core::scene::list::{list, ListScene};
use chronicle_core::scene::timeline::{timeline, TimelineScene};
use chronicle_core::scene::Walk;
use chronicle_core::validate::load_json;
use chronicle_core::Chronicle;

const FIXTURE: &str = include_str!("fixtures/scene.json");

fn chronicle() -> Chronicle {
    load_json(FIXTURE).expect("the scene fixture is valid")
}

fn walk(out: &mut String, w: &Walk) {
    let _ = writeln!(out, "walk {}", w.ids.join(" → "));
}

fn describe_timeline(s: &TimelineScene) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "plot {:.0}×{:.0}", s.width, s.height);
    for t in &s.ticks {
        let _ = writeln!(out, "tick x={:.1} {:?}", t.x, t.label);
    }
    for e in &s.eras {
        let whole = e
            .reveal
            .as_ref()
            .map(|r| format!(" whole on a plate x={:.1} w={:.1} at {:.1} {:?}", r.x, r.width, r.text_x, r.anchor));
        let _ = writeln!(
            out,
            "era x={:.1} w={:.1} y={:.0} {:?} drawn {:?} at {:.1} {:?}{} button {:?}",
            e.x,
            e.width,
            e.y,
            e.name,
            e.label,
            e.label_x,
            e.anchor,
            whole.unwrap_or_default(),
            e.button_name
        );
    }
    let _ = writeln!(out, "edges branch {}", s.edges.branch.matches('M').count());
    let _ = writeln!(out, "edges quiet {}", s.edges.quiet.matches('M').count());
    let _ = writeln!(out, "edges inferred {}", s.edges.inferred.matches('M').count());
    for lane in &s.lanes {
        let _ = writeln!(out, "lane {} {:?} y={:.0} h={:.0}", lane.family.slug(), lane.name, lane.y, lane.height);
        for e in &lane.events {
            let label = e.label.as_ref().map(|l| format!(" label {:?} {:?} x={:.1}", l.text, l.anchor, l.x));
            let _ = writeln!(
                out,
                "  event {} ({:.1}, {:.1}) {:?} class={:?}{}{} name={:?}",
                e.id,
                e.x,
                e.y,
                e.shape,
                e.flags.classes("llmc-event"),
                if e.tab_stop { " tab-stop" } else { "" },
                label.unwrap_or_default(),
                e.aria_label
            );
        }
        for k in &lane.clusters {
            let _ = writeln!(out, "  cluster ({:.1}, {:.1}) {}", k.x, k.y, k.text);
        }
    }
    walk(&mut out, &s.walk);
    out
}

fn describe_list(s: &ListScene) -> String {
    let mut out = String::new();
    for y in &s.years {
        let _ = writeln!(out, "year {}", y.title);
        for e in &y.entries {
            let _ = writeln!(
                out,
                "  {} {:?} {:?} class={:?}{} meta={:?} said={:?}{}",
                e.id,
                e.name,
                e.shape,
                e.flags.classes("llmc-vevent"),
                if e.tab_stop { " tab-stop" } else { "" },
                e.meta,
                e.openness,
                e.not_matching.map(|s| format!(" {s:?}")).unwrap_or_default()
            );
        }
    }
    walk(&mut out, &s.walk);
    out
}

fn check(name: &str, text: &str) {
    let dir = format!("{}/tests/scenes", env!("CARGO_MANIFEST_DIR"));
    let path = format!("{dir}/{name}.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&path, text).unwrap();
        return;
    }
    match std::fs::read_to_string(&path) {
        Ok(old) if old == text => {}
        found => {
            let new = format!("{dir}/{name}.new.txt");
            std::fs::write(&new, text).unwrap();
            panic!(
                "scene {path} {}; compare with {new}, then rerun with UPDATE_SNAPSHOTS=1",
                if found.is_ok() { "changed" } else { "is missing" }
            );
        }
    }
}

fn all(c: &Chronicle) -> (f64, f64) {
    c.extent()
}

#[test]
fn wide_in_english() {
    let c = chronicle();
    let q = Query::new(&c, &Filter::default(), None, None);
    let s = timeline(&q, c.focus_warp(), all(&c), 900.0, Lang::En);
    assert_eq!(s.lanes.iter().map(|l| l.events.len()).sum::<usize>(), 10, "every event is drawn once");
    assert_eq!(s.walk.ids.len(), 10);
    assert_eq!(s.lanes.iter().flat_map(|l| &l.events).filter(|e| e.tab_stop).count(), 1, "one tab stop");
    // Openness is said in words, for closed models too, not left to the marker's shape.
    let name = |id: &str| s.lanes.iter().flat_map(|l| &l.events).find(|e| e.id == id).unwrap().aria_label.clone();
    assert!(name("gpt-4").ends_with(", closed (API access)"), "{}", name("gpt-4"));
    assert!(name("bert").contains(", Open weights"), "{}", name("bert"));
    check("wide-en", &describe_timeline(&s));
}

#[test]
fn wide_in_chinese_zoomed_to_the_transformer_years() {
    let c = chronicle();
    let q = Query::new(&c, &Filter::default(), None, None);
    let s = timeline(&q, c.focus_warp(), (2016.0, 2021.0), 900.0, Lang::Zh);
    assert!(s.walk.ids.iter().all(|id| id != "shannon-ngram"), "events outside the window are not drawn");
    let gpt3 = s.lanes.iter().flat_map(|l| &l.events).find(|e| e.id == "gpt-3").unwrap();
    assert!(gpt3.aria_label.ends_with("闭源（API 访问）"), "{}", gpt3.aria_label);
    check("wide-zh-2016-2021", &describe_timeline(&s));
}

#[test]
fn wide_coloured_by_base_weights_with_a_story_stop() {
    let c = chronicle();
    let q = Query::new(&c, &Filter::default(), Some("base-weights"), Some(0));
    let s = timeline(&q, c.focus_warp(), all(&c), 900.0, Lang::En);
    let events: Vec<_> = s.lanes.iter().flat_map(|l| &l.events).collect();
    let bert = events.iter().find(|e| e.id == "bert").unwrap();
    assert!(bert.aria_label.ends_with(", Base model weights: open"), "{}", bert.aria_label);
    assert!(bert.label.as_ref().unwrap().text.ends_with(" ●"), "the level's symbol follows the name");
    assert!(events.iter().find(|e| e.id == "transformer").unwrap().flags.highlighted);
    check("wide-coloured-story", &describe_timeline(&s));
}

#[test]
fn wide_filtered_dims_or_hides() {
    let c = chronicle();
    let filter = Filter { query: "gpt".into(), ..Filter::default() };
    let q = Query::new(&c, &filter, None, None);
    let dimmed = timeline(&q, c.focus_warp(), all(&c), 900.0, Lang::En);
    assert_eq!(dimmed.walk.ids.len(), 10, "dimming keeps every event");
    check("wide-filtered-dim", &describe_timeline(&dimmed));
    let q = Query::new(&c, &Filter { mode: FilterMode::Hide, ..filter }, None, None);
    let hidden = timeline(&q, c.focus_warp(), all(&c), 900.0, Lang::En);
    assert_eq!(hidden.walk.ids.len(), q.count(), "hiding draws only the matches");
    assert!(hidden.walk.ids.iter().any(|id| id == "gpt-3") && !hidden.walk.ids.iter().any(|id| id == "bert"));
    check("wide-filtered-hide", &describe_timeline(&hidden));
}

#[test]
fn narrow_in_both_languages() {
    let c = chronicle();
    let q = Query::new(&c, &Filter::default(), Some("licence"), None);
    let en = list(&q, all(&c), Lang::En);
    assert_eq!(en.years.iter().map(|y| y.entries.len()).sum::<usize>(), 10);
    assert_eq!(en.walk.first(), Some("shannon-ngram"), "the list reads in date order");
    check("narrow-en-coloured", &describe_list(&en));
    let q = Query::new(&c, &Filter { query: "bert".into(), ..Filter::default() }, None, None);
    check("narrow-zh-filtered", &describe_list(&list(&q, all(&c), Lang::Zh)));
}
