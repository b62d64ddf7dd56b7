//! The prerendered pages, natively: the start-up script Trunk writes becomes a file of its own
//! that loads after the first paint; both pages hold every event, the matrices and their
//! metadata; and the parts no one sees at first wait inside `<noscript>` until needed.
#![cfg(not(target_arch = "wasm32"))]

/// Trunk's start-up script and preloads, as Trunk 0.21 writes them into the built page.
const TRUNK_HEAD: &str = r#"<head><link rel="stylesheet" href="/chronicle-1.css"/>
<script type="module">
import init, * as bindings from '/llm-chronicle-2.js';
const wasm = await init({ module_or_path: '/llm-chronicle-2_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>
  <link rel="modulepreload" href="/llm-chronicle-2.js" crossorigin="anonymous"><link rel="preload" href="/llm-chronicle-2_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm"></head>"#;

#[test]
fn the_start_up_script_becomes_a_file_that_loads_after_the_first_paint() {
    let lean = ["llm-chronicle-lean-4.js".to_owned(), "llm-chronicle-lean-4_bg.wasm".to_owned()];
    let (page, name, js) =
        llm_chronicle::prerender::externalize_boot(TRUNK_HEAD, "chronicle-3.json", Some(&lean)).unwrap();
    assert!(name.starts_with("boot-") && name.ends_with(".js"), "{name}");
    assert!(page.contains(&format!("<script type=\"module\" async src=\"/{name}\"></script>")), "{page}");
    assert!(!page.contains("import init"), "no inline script is left: {page}");
    assert!(!page.contains("preload"), "nothing is requested before the first paint: {page}");
    assert!(page.contains("<link rel=\"stylesheet\" href=\"/chronicle-1.css\"/>"), "the CSS stays: {page}");
    let wait = js.find("requestAnimationFrame").unwrap();
    let build = r#"const BUILD = Object.freeze({"data":"chronicle-3.json","glue":"llm-chronicle-2.js","lean":["llm-chronicle-lean-4.js","llm-chronicle-lean-4_bg.wasm"],"wasm":"llm-chronicle-2_bg.wasm"});"#;
    assert!(js.contains(build), "the built files' names: {js}");
    for later in [
        "BUILD.lean && !custom ? BUILD.lean : [BUILD.glue, BUILD.wasm]",
        "['modulepreload', glue], ['preload', wasm]",
        "here(BUILD.data)",
        "import(here(glue))",
        "module_or_path: here(wasm)",
    ] {
        let at = js.find(later).unwrap_or_else(|| panic!("{later} missing from {js}"));
        assert!(at > wait, "{later} is requested before the first paint");
    }
    assert!(!js.contains("from '/"), "paths are relative to the script (pages in en/ share it)");
    assert_eq!(llm_chronicle::prerender::externalize_boot("<head></head>", "x.json", None), None);
}

/// The page both prerendered pages are made from: the repository's own `index.html`, shaped
/// the way Trunk leaves it (the parts `page` edits are untouched by Trunk).
fn template() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap()
}

// Text as Yew's server renderer writes it inside elements.
use chronicle_core::markup::escape_text as escape;

#[tokio::test]
async fn both_prerendered_pages_hold_every_event_and_their_metadata() {
    use chronicle_core::i18n::Lang;
    use llm_chronicle::prerender::{data_file, page, render_app, PRERENDERED_ATTR};
    let shipped = llm_chronicle::Dataset::shipped();
    let data = shipped.0.as_ref().as_ref().unwrap();
    let (data_name, json) = data_file(data).unwrap();
    assert_eq!(chronicle_core::validate::load_json(&json).as_ref().ok(), Some(&**data), "the data file round-trips");
    for (lang, prefix) in [(Lang::Zh, ""), (Lang::En, "../")] {
        let html = page(&template(), lang, &render_app(lang, shipped.clone()).await, prefix, data, &data_name).unwrap();
        assert!(html.contains(&format!("<html lang=\"{}\">", lang.tag())));
        assert!(html.contains(&format!("data-src=\"{prefix}{data_name}\"")), "the widget loads the data file");
        assert!(!html.contains(&format!("href=\"{prefix}{data_name}\"")), "the data is not preloaded (only the WASM)");
        assert!(html.contains(&format!("{PRERENDERED_ATTR}=\"{}\"", lang.code())));
        for e in data.events() {
            let name = escape(e.name.get(lang));
            assert!(html.contains(&format!("<strong>{name}</strong>")), "{lang:?} page lacks {name} in the event list");
            assert!(html.contains(&escape(e.summary.get(lang))), "{lang:?} page lacks the summary of {}", e.id);
        }
        for era in &data.data.eras {
            assert!(html.contains(&escape(era.name.get(lang))));
        }
        assert_eq!(html.matches("<table").count(), 5, "both matrices, the rubric and the trend's two are tables");
        // The folded filters, and the part below the timeline, wait inside a <noscript> each
        // (text for the parser when scripting is on); the timeline is outside them.
        let later = format!("<noscript {}>", llm_chronicle::LATER_ATTR);
        let parts: Vec<&str> = html.split(&later).collect();
        assert_eq!(parts.len(), 3);
        let (filters, rest) = parts[1].split_once("</noscript>").unwrap();
        assert!(filters.starts_with("<div data-llmc-defer=\"\" class=\"llmc-filter-grid\">"), "{filters:.80}");
        assert!(filters.contains("type=\"search\""));
        assert!(rest.starts_with("</details>"));
        assert!(rest.contains("class=\"llmc-timeline-svg\"") && rest.contains("llmc-detail-slot"));
        let (below, rest) = parts[2].split_once("</noscript>").unwrap();
        assert!(below.starts_with("<div data-llmc-defer=\"\" class=\"llmc-below\">"), "{below:.80}");
        assert_eq!(below.matches("<table").count(), 5);
        assert!(below.contains("class=\"llmc-list") && below.contains("class=\"llmc-about\""));
        // (After the hydration markers of the components that close there.)
        let mut rest = rest.trim_start();
        while let Some(after) = rest.strip_prefix("<!--").and_then(|r| r.split_once("-->")).map(|(_, r)| r) {
            rest = after.trim_start();
        }
        assert!(rest.starts_with("</div>"), "it ends where the widget's root does: {rest:.80}");
        assert!(html.contains("hreflang=\"zh-Hans\"") && html.contains("hreflang=\"en\""));
        assert!(html.contains("property=\"og:title\""));
        let ld = html.split("<script type=\"application/ld+json\">").nth(1).unwrap().split("</script>").next().unwrap();
        let ld: serde_json::Value = serde_json::from_str(ld).unwrap();
        assert_eq!(ld["@type"], "Dataset");
        assert_eq!(ld["hasPart"].as_array().unwrap().len(), data.events().len());
    }
}

#[test]
fn the_parts_marked_to_wait_wait_in_noscript() {
    use llm_chronicle::prerender::defer_unseen;
    let page = concat!(
        "<div class=\"llmc\"><details class=\"llmc-filters\"><summary>F</summary>",
        "<div class=\"llmc-filter-grid\" data-llmc-defer=\"\"><div><input></div></div></details><figure></figure>",
        "<div class=\"llmc-below\" data-llmc-defer=\"\"><div><table></table></div><section></section></div></div>"
    );
    assert_eq!(
        defer_unseen(page),
        concat!(
            "<div class=\"llmc\"><details class=\"llmc-filters\"><summary>F</summary>",
            "<noscript data-llmc-later><div class=\"llmc-filter-grid\" data-llmc-defer=\"\"><div><input></div></div>",
            "</noscript></details><figure></figure>",
            "<noscript data-llmc-later><div class=\"llmc-below\" data-llmc-defer=\"\"><div><table></table></div>",
            "<section></section></div></noscript></div>"
        )
    );
    // The page that lists data errors has no such parts.
    let errors = "<div class=\"llmc\"><header></header><ul class=\"llmc-errors\"></ul></div>";
    assert_eq!(defer_unseen(errors), errors);
    // Nothing inside may end a wrapper early: such a part does not wait, the other still does.
    let closing = page.replace("<table>", "<p>x</NoScript></p><table>");
    let out = defer_unseen(&closing);
    assert_eq!(out.matches("<noscript").count(), 1);
    assert!(out.contains("<noscript data-llmc-later><div class=\"llmc-filter-grid\""));
    // A marked element whose end is missing is left as it is.
    let cut = "<div data-llmc-defer=\"\"><div></div>";
    assert_eq!(defer_unseen(cut), cut);
}

#[test]
fn the_embed_loader_learns_its_files_and_every_message_it_shows_in_both_languages() {
    use llm_chronicle::prerender::{embed_text, fill_embed_loader};
    let loader = include_str!("../static/embed.js");
    let filled = fill_embed_loader(loader, TRUNK_HEAD, "chronicle-3.json").unwrap();
    assert!(!filled.contains("__LLMC_"), "every placeholder is filled");
    assert!(filled.contains(
        "{ js: 'llm-chronicle-2.js', wasm: 'llm-chronicle-2_bg.wasm', css: 'chronicle-1.css', data: 'chronicle-3.json' }"
    ));
    // A classic script: no `import.meta` or top-level `import`/`export`, which only a module may have.
    assert!(
        !loader.contains("import.meta")
            && !loader.lines().any(|l| l.starts_with("import ") || l.starts_with("export "))
    );
    let text = embed_text();
    assert!(text.is_ascii(), "the messages survive an article in any encoding");
    assert!(filled.contains(&format!("const TEXT = {text};")));
    let text: serde_json::Value = serde_json::from_str(&text).unwrap();
    // Every message key the loader reads (`load_…`, `data_…`, `element_…`) is there, in both languages.
    let mut keys = std::collections::BTreeSet::new();
    for prefix in ["'load_", ".load_", ".data_", ".element_"] {
        for (at, _) in loader.match_indices(prefix) {
            let key: String = loader[at + 1..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
            keys.insert(key);
        }
    }
    assert!(keys.len() >= 7, "{keys:?}");
    for key in &keys {
        for lang in ["zh", "en"] {
            let message = text[lang][key].as_str().unwrap_or_else(|| panic!("no {lang} message {key}"));
            assert!(!message.is_empty());
        }
        assert_ne!(text["zh"][key], text["en"][key], "{key} is translated");
    }
    assert!(text["zh"]["element_failed"].as_str().unwrap().contains("{what}"));
    assert!(text["en"]["load_refused"].as_str().unwrap().contains("{origin}"));
}
