//! The timeline as a downloadable image: well-formed SVG that stands alone, with the frame's texts
//! in the reader's language, the marks the page shows, and every text from a dataset escaped.
//! The fixture's images are kept in `tests/exports/<name>.svg`: a changed one is written beside the
//! old as `<name>.new.svg` for a human to compare (open both in a browser); run with
//! `UPDATE_SNAPSHOTS=1` to accept it.

use chronicle_core::i18n::Lang;
use chronicle_core::query::Query;
use chronicle_core::scene::export::{timeline, Image, Theme};
use chronicle_core::state::{Action, State};
use chronicle_core::validate::load_json;
use chronicle_core::Chronicle;

const FIXTURE: &str = include_str!("fixtures/scene.json");
const URL: &str = "https://example.org/llm-chronicle/";

/// The scene fixture, with the date it is current to and two credited sources, and `edit`
/// applied to its JSON.
fn chronicle_with(edit: impl FnOnce(&mut serde_json::Value)) -> Chronicle {
    let mut data: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    data["as_of"] = "2026-11-30".into();
    data["credits"] = serde_json::json!([
        { "title": { "zh": "来源甲", "en": "Source A" }, "url": "https://a.example/", "note": { "zh": "甲", "en": "A" } },
        { "title": { "zh": "来源乙", "en": "Source B" }, "note": { "zh": "乙", "en": "B" } }
    ]);
    edit(&mut data);
    load_json(&data.to_string()).expect("the fixture stays valid")
}

fn chronicle() -> Chronicle {
    chronicle_with(|_| {})
}

fn state(c: &Chronicle, lang: Lang, actions: impl IntoIterator<Item = Action>) -> State {
    actions.into_iter().fold(State::new(lang, c.extent(), c.focus_warp().clone()), |s, a| s.reduce(a))
}

/// Every text node of the image, in document order.
fn texts(image: &Image) -> Vec<String> {
    let doc = roxmltree::Document::parse(&image.svg).expect("the image is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    assert_eq!(root.attribute("width").and_then(|w| w.parse().ok()), Some(image.width));
    assert_eq!(root.attribute("height").and_then(|h| h.parse().ok()), Some(image.height));
    doc.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).map(str::to_owned).collect()
}

fn check(name: &str, svg: &str) {
    let dir = format!("{}/tests/exports", env!("CARGO_MANIFEST_DIR"));
    let path = format!("{dir}/{name}.svg");
    std::fs::create_dir_all(&dir).unwrap();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, svg).unwrap();
        return;
    }
    match std::fs::read_to_string(&path) {
        Ok(old) if old == svg => {}
        found => {
            let new = format!("{dir}/{name}.new.svg");
            std::fs::write(&new, svg).unwrap();
            panic!(
                "image {path} {}; compare with {new}, then rerun with UPDATE_SNAPSHOTS=1",
                if found.is_ok() { "changed" } else { "is missing" }
            );
        }
    }
}

#[test]
fn the_timeline_in_english_has_its_title_legend_date_and_sources() {
    let c = chronicle();
    let image = timeline(&c, &state(&c, Lang::En, []), 900.0, Theme::Light, URL);
    assert_eq!(image.width, 900.0, "the width shown");
    let texts = texts(&image);
    for wanted in [
        "Scene fixture",
        "Timeline · 1947 – 2024",
        "open weights",
        "closed",
        "paper / milestone",
        "solid line: documented lineage",
        "dashed line: inferred lineage",
        "Data as of 30 November 2026",
        "GPT-3",
        "Decoder-only (GPT branch)",
    ] {
        assert!(texts.iter().any(|t| t == wanted), "{wanted:?} is not a text of the image: {texts:?}");
    }
    let source = texts.iter().find(|t| t.starts_with("LLM Chronicle · ")).expect("a source line");
    assert!(source.contains(URL) && source.contains("Sources: Source A; Source B"), "{source}");
    assert!(!texts.iter().any(|t| t.contains("thick line")), "no lineage shown, none in the legend");
    assert!(!image.svg.contains("class="), "nothing depends on the page's stylesheet");
    assert!(image.svg.contains("font-family=\"system-ui"));
    assert_eq!(image.file_stem, "llm-chronicle-timeline-1947-2024");
    check("timeline-en", &image.svg);
}

#[test]
fn the_timeline_in_chinese_dark_shows_the_selection_its_lineage_and_the_colours() {
    let c = chronicle();
    let actions = [
        Action::Select("bert".into()),
        Action::ColourBy(Some("base-weights".into())),
        Action::ZoomTo { start: 2012.0, end: 2024.0 },
    ];
    let image = timeline(&c, &state(&c, Lang::Zh, actions), 700.0, Theme::Dark, URL);
    let texts = texts(&image);
    for wanted in ["场景测试数据", "数据截至 2026 年 11 月 30 日", "粗线：所选事件的谱系", "灰色：不在矩阵中"]
    {
        assert!(texts.iter().any(|t| t == wanted), "{wanted:?} is not a text of the image: {texts:?}");
    }
    assert!(texts.iter().any(|t| t.starts_with("时间线 · 2012年 – ")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("来源：来源甲；来源乙")), "{texts:?}");
    assert!(image.svg.contains("fill=\"#0d1117\""), "a dark background");
    assert!(image.svg.contains("font-family=\"'PingFang SC'"), "Chinese fonts first");
    assert!(image.svg.contains("font-weight=\"700\""), "the selected event's label is bold");
    assert!(image.svg.contains("opacity=\"0.35\""), "events outside the lineage recede");
    check("timeline-zh-dark-selected", &image.svg);
}

#[test]
fn a_filter_is_said_in_the_subtitle_and_non_matching_events_are_struck_through() {
    let c = chronicle();
    let image = timeline(&c, &state(&c, Lang::En, [Action::SetQuery("gpt".into())]), 900.0, Theme::Light, URL);
    let texts = texts(&image);
    let matching = Query::of_state(&c, &state(&c, Lang::En, [Action::SetQuery("gpt".into())])).count();
    assert!((1..10).contains(&matching));
    assert!(texts.iter().any(|t| t.ends_with(&format!(" · {matching} events match"))), "{texts:?}");
    assert!(image.svg.contains("text-decoration=\"line-through\""));
}

#[test]
fn a_narrow_width_draws_the_wide_timeline_at_its_least_width() {
    let c = chronicle();
    let image = timeline(&c, &state(&c, Lang::En, []), 375.0, Theme::Light, URL);
    assert_eq!(image.width, 600.0);
    texts(&image);
}

#[test]
fn hostile_text_from_a_dataset_stays_text() {
    let c = chronicle_with(|data| {
        data["title"]["en"] = "<script>alert(1)</script> & \"quotes\" ]]> <![CDATA[x]]>".into();
        data["events"][7]["name"]["en"] = "</text><image href=\"https://evil.example/x.png\"/>".into();
        data["events"][7]["org"] = "O'Reilly & <Sons>".into();
        data["credits"][0]["title"]["en"] = "<a href=\"javascript:alert(1)\">x</a>".into();
    });
    let image = timeline(&c, &state(&c, Lang::En, []), 900.0, Theme::Light, "https://x.example/?a=<b>&c=\"d\"");
    let doc = roxmltree::Document::parse(&image.svg).expect("well-formed XML");
    let elements: std::collections::BTreeSet<&str> = doc.descendants().map(|n| n.tag_name().name()).collect();
    for name in &elements {
        assert!(
            ["", "svg", "title", "desc", "rect", "g", "text", "line", "path", "circle"].contains(name),
            "element {name}"
        );
    }
    let all = texts(&image).concat();
    assert!(all.contains("<script>alert(1)</script> & \"quotes\" ]]> <![CDATA[x]]>"), "the title, as text");
    assert!(all.contains("</text><image href="), "the event's name, as text");
    assert!(all.contains("<a href=\"javascript:alert(1)\">x</a>"), "the credit, as text");
    assert!(all.contains("?a=<b>&c=\"d\""), "the URL, as text");
}
