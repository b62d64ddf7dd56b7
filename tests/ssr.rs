//! Server-side rendering of the whole app (Yew's `LocalServerRenderer`), natively: the page's
//! outline in both languages (its regions, headings, tables and controls, not the data in them),
//! plus assertions on the structure that readers and tests rely on. What the timeline draws is
//! snapshotted as scenes in `core/tests/scenes.rs`.
//!
//! A changed outline is written beside the old one as `*.new.txt` for a human to compare; run
//! with `UPDATE_SNAPSHOTS=1` to accept it.
#![cfg(not(target_arch = "wasm32"))]

use chronicle_core::i18n::Lang;
use llm_chronicle::{App, AppProps, Dataset};
use yew::LocalServerRenderer;

async fn render(lang: Lang) -> String {
    let props = AppProps::new(Dataset::shipped(), lang);
    LocalServerRenderer::<App>::with_props(props).hydratable(false).render().await
}

/// The page's skeleton: one line per region, heading, table, drawing layer or form control, with
/// its class and role, in document order. It changes when the page's structure does, not when
/// the dataset grows.
fn outline(html: &str) -> String {
    const TAGS: [&str; 15] = [
        "header",
        "nav",
        "section",
        "figure",
        "figcaption",
        "table",
        "caption",
        "h2",
        "details",
        "summary",
        "svg",
        "select",
        "input",
        "textarea",
        "dialog",
    ];
    let attr = |tag: &str, name: &str| {
        let key = format!(" {name}=\"");
        tag.find(&key).map(|i| {
            let rest = &tag[i + key.len()..];
            format!(" {name}={:?}", &rest[..rest.find('"').unwrap_or(rest.len())])
        })
    };
    let mut out = String::new();
    for tag in html.split('<').skip(1) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let name = tag.split([' ', '/']).next().unwrap_or("");
        if !TAGS.contains(&name) || (name == "svg" && tag.contains("llmc-lane-svg")) {
            continue;
        }
        out += name;
        for a in ["class", "role", "type"] {
            out += &attr(tag, a).unwrap_or_default();
        }
        out.push('\n');
    }
    out
}

fn check_snapshot(name: &str, html: &str) {
    let dir = format!("{}/tests/snapshots", env!("CARGO_MANIFEST_DIR"));
    let path = format!("{dir}/{name}.outline.txt");
    let pretty = outline(html);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &pretty).unwrap();
        return;
    }
    match std::fs::read_to_string(&path) {
        Ok(old) if old == pretty => {}
        found => {
            let new = format!("{dir}/{name}.new.txt");
            std::fs::write(&new, &pretty).unwrap();
            panic!(
                "snapshot {path} {}; compare with {new}, then rerun with UPDATE_SNAPSHOTS=1",
                if found.is_ok() { "changed" } else { "is missing" }
            );
        }
    }
}

#[tokio::test]
async fn app_renders_the_slice_in_english() {
    let html = render(Lang::En).await;
    assert!(html.contains(r#"<div lang="en" class="llmc">"#), "root carries the language");
    assert!(html.contains("<caption>Open versus closed models, dimension by dimension</caption>"));
    assert!(
        html.contains(r#"aria-label="GPT-3, 2020-05-28, OpenAI, closed (API access)""#),
        "event buttons are named by the event first"
    );
    assert!(html.contains(r#"aria-label="BERT, 2018-10-11, Google, Open weights (unrestricted)""#));
    assert!(html.contains("<th scope=\"row\">Transparency and auditability</th>"));
    assert!(html.contains("5 out of 5"));
    assert!(!html.contains("开放模型的优势"), "no Chinese chrome in the English render");
    check_snapshot("app-en", &html);
}

#[tokio::test]
async fn app_renders_the_slice_in_chinese() {
    let html = render(Lang::Zh).await;
    assert!(html.contains(r#"<div lang="zh-Hans" class="llmc">"#));
    assert!(html.contains("<caption>开放与闭源大模型：逐项对比</caption>"));
    assert!(html.contains(r#"aria-label="香农的 n-gram 英语模型, 1948-07, Bell Labs, 论文/里程碑""#));
    assert!(html.contains("开放模型的优势"));
    check_snapshot("app-zh", &html);
}

#[tokio::test]
async fn every_event_is_a_named_button() {
    let html = render(Lang::En).await;
    let data = Dataset::shipped();
    let c = data.0.as_ref().as_ref().unwrap();
    for e in c.events() {
        let needle = format!("data-event-id=\"{}\"", e.id);
        assert!(html.contains(&needle), "{} is not placed on the timeline", e.id);
        assert!(
            html.contains(&format!("aria-label=\"{},", e.name.en.replace('"', "&quot;"))),
            "{} has no accessible name",
            e.id
        );
    }
    // Every event, and every era's band (a button that zooms to the era), named in full.
    assert_eq!(html.matches(r#"role="button""#).count(), c.events().len() + c.data.eras.len());
    for era in &c.data.eras {
        let name = era.name.en.replace('"', "&quot;");
        assert!(html.contains(&format!("aria-label=\"{name} (zoom to this era)\"")), "{name} is a named button");
    }
}

/// Every text field of a valid dataset, replaced with markup: it must come out as text.
#[tokio::test]
async fn markup_in_every_text_field_is_rendered_as_text() {
    use std::rc::Rc;
    const HOSTILE: &str = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    fn poison(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, val) in map.iter_mut() {
                    match (k.as_str(), &val) {
                        ("zh" | "en" | "org" | "license" | "params", serde_json::Value::String(_)) => {
                            *val = HOSTILE.into()
                        }
                        ("title", serde_json::Value::String(_)) => *val = HOSTILE.into(),
                        _ => poison(val),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(poison),
            _ => {}
        }
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/core/tests/fixtures/valid-minimal.json");
    let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    poison(&mut v);
    let loaded = chronicle_core::validate::load_json(&v.to_string());
    assert!(loaded.is_ok(), "markup is allowed as text: {:?}", loaded.err());
    for lang in [Lang::Zh, Lang::En] {
        let props =
            AppProps::new(Dataset(Rc::new(chronicle_core::validate::load_json(&v.to_string()).map(Rc::new))), lang);
        let html = LocalServerRenderer::<App>::with_props(props).hydratable(false).render().await;
        assert!(!html.contains("<script") && !html.contains("<img"), "raw markup reached the page");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is shown, escaped");
    }
}

/// What the start-up script builds its early detail panel from (`src/boot-early.js`): the hidden
/// slot holding the widget's own panel markup left blank (a `<template>` with one labelled fact per
/// fact the list states), and a list entry per event whose spans hold those facts.
#[tokio::test]
async fn the_early_panel_has_its_template_and_an_entry_per_event() {
    for (lang, labels) in [(Lang::En, ["Date", "Organisation", "Access"]), (Lang::Zh, ["日期", "机构", "开放程度"])]
    {
        let html = render(lang).await;
        let start = html.find(r#"<div class="llmc-detail-slot" hidden><template><section class="llmc-detail""#);
        let slot = &html[start.expect("a hidden slot with the panel's template")..];
        let template = &slot[..slot.find("</template>").unwrap()];
        assert!(template.contains(r#"<h3 id="llmc-detail-title" tabindex="-1" data-slot="title"></h3>"#));
        for (label, key) in labels.iter().zip(["date", "org", "access"]) {
            assert!(template.contains(&format!("<dt>{label}</dt><dd data-fact=\"{key}\"></dd>")), "{lang:?}: {label}");
        }
        assert!(template.contains(r#"<p class="llmc-summary" data-slot="summary"></p>"#));
        assert!(template.contains(r#"<ul class="llmc-sources" data-slot="sources"></ul>"#));
        let data = Dataset::shipped();
        let c = data.0.as_ref().as_ref().unwrap();
        for (i, e) in c.events().iter().enumerate() {
            let entry = format!(
                "<li data-entry=\"{}\"><strong>{}</strong> · <span data-fact=\"date\">{}</span> · <span data-fact=\"org\">",
                e.id,
                chronicle_core::markup::escape_text(e.name.get(lang)),
                c.date(i)
            );
            assert!(html.contains(&entry), "{lang:?}: {} has no list entry of the expected shape", e.id);
        }
    }
}

/// embed.js refuses a dataset over the validator's limit as it downloads: the same number.
#[test]
fn the_embed_loader_caps_a_download_at_the_validators_limit() {
    let js = include_str!("../static/embed.js");
    let line = format!("const MAX_BYTES = {};", chronicle_core::validate::MAX_BYTES);
    assert!(js.contains(&line), "static/embed.js should say `{line}`");
}

/// The whole app rendered with an author's broken files: the error panel counts the problems and
/// lists every one where it is, in the reader's language; a JSON syntax error shows its line with
/// the position marked.
#[tokio::test]
async fn the_error_panel_lists_every_problem_in_the_readers_language() {
    let broken = include_str!("../examples/data/broken.json");
    let cases = [
        (
            Lang::En,
            "11 problems to fix in the data:",
            "<code>events[1].access (line 18, column 5)</code>: missing field",
        ),
        (Lang::Zh, "数据中有 11 个问题需要修正：", "<code>events[1].access（第 18 行第 5 列）</code>：缺少字段"),
    ];
    for (lang, count, item) in cases {
        let props = AppProps::new(Dataset::from_text(broken), lang);
        let html = LocalServerRenderer::<App>::with_props(props).hydratable(false).render().await;
        let panel = &html[html.find("llmc-errors").expect("the error panel")..];
        assert!(panel.contains(count), "{panel}");
        assert_eq!(panel.matches("<li>").count(), 11, "{panel}");
        assert!(panel.contains(item), "{panel}");
    }
    let syntax = include_str!("../examples/data/broken-syntax.json");
    let props = AppProps::new(Dataset::from_text(syntax), Lang::En);
    let html = LocalServerRenderer::<App>::with_props(props).hydratable(false).render().await;
    assert!(html.contains("<pre class=\"llmc-errors-line\"><code>"), "{html}");
    assert!(html.contains("</mark>甲, "), "{html}");
}
