//! Every name the start-up script shares with Rust and the stylesheet, listed once. Rust uses the
//! constants; the script gets them as the object `P` (see `prelude`, built with the pages); a test checks that the
//! stylesheet styles the classes it is given and that the script spells none of them out itself.

/// The page's mount element's id.
pub const MOUNT_ID: &str = "llm-chronicle";
/// The mount element's attribute that says which language was prerendered into it.
pub const PRERENDERED_ATTR: &str = "data-llmc-prerendered";
/// On the mount until the widget has taken over (its first render, and any input that came during
/// it): the script answers the reader meanwhile.
pub const INERT: &str = "llmc-inert";
/// On the mount when the WASM could not load.
pub const LOAD_FAILED: &str = "llmc-load-failed";
/// The notice that says so.
pub const LOAD_ERROR: &str = "llmc-load-error";
/// The widget's root element inside the mount.
pub const ROOT: &str = "llmc";
/// Marks an event the script selected, until the widget selects it too.
pub const EARLY: &str = "llmc-early";
/// Marks the panel the script opened, until the widget's replaces it (wherever it opened).
pub const EARLY_PANEL: &str = "llmc-early-panel";
pub const SELECTED: &str = "llmc-selected";
/// Every event's button, in the drawn timeline and the narrow list: its event's id.
pub const EVENT_ID_ATTR: &str = "data-event-id";
/// The event list's entry of an event (what the early panel is filled from), its facts, and the
/// list that holds the entries.
pub const ENTRY_ATTR: &str = "data-entry";
pub const FACT_ATTR: &str = "data-fact";
pub const LIST_EVENTS: &str = "llmc-list-events";
/// The detail panel's hidden slot (with the panel's template), the places the script fills in
/// the template, and the panel's close button.
pub const DETAIL_SLOT: &str = "llmc-detail-slot";
pub const SLOT_ATTR: &str = "data-slot";
pub const CLOSE: &str = "llmc-close";
/// Where a selected event's panel opens beside the wide plot, and the class that puts it along
/// the plot's left side (see `scene::detail::place`); the narrow list, under whose entries it
/// opens instead.
pub const DETAIL_DOCK: &str = "llmc-detail-dock";
pub const DOCK_LEFT: &str = "llmc-dock-left";
pub const VERTICAL: &str = "llmc-vertical";
/// The timeline's frame, where Ctrl + wheel must not zoom the page before the widget runs.
pub const TIMELINE_FRAME: &str = "llmc-timeline-frame";
/// A component marks the root of a part no one sees at first with this attribute; the prerenderer
/// keeps each such part as text in `<noscript LATER_ATTR>` until the script makes it DOM.
pub const DEFER_ATTR: &str = "data-llmc-defer";
pub const LATER_ATTR: &str = "data-llmc-later";
/// Globals: the event the script selected, its step, and its fetch of the dataset (a promise of
/// the response) with the URL asked for.
pub const EARLY_SELECT: &str = "__llmcEarlySelect";
pub const BOOT_STATUS: &str = "__llmcBoot";
pub const EARLY_DATA: &str = "__llmcData";
pub const EARLY_DATA_URL: &str = "__llmcDataUrl";
/// The lean reader (the page's own dataset only) hands over to the full one when that dataset
/// cannot be shown: it leaves what it got in `HANDED_OVER` (`{text}`, or why the fetch failed as
/// `{why, url, status|origin|bytes}`) and calls `START_FULL`, which the start-up script defines.
pub const START_FULL: &str = "__llmcStartFull";
pub const HANDED_OVER: &str = "__llmcHandedOver";
/// How long the dataset may take to arrive.
pub const DATA_TIMEOUT_MS: u32 = 15_000;
/// How long the script, and then the widget, wait for the page's first frame before going on
/// without it: a page may never paint (a hidden tab, or a frame from another site out of view,
/// whose rendering the browser holds back until the reader scrolls near it).
pub const PAINT_WAIT_MS: u32 = 1_000;

/// The names as the script reads them: `P.<key>`.
pub const NAMES: [(&str, &str); 28] = [
    ("mount", MOUNT_ID),
    ("prerendered", PRERENDERED_ATTR),
    ("inert", INERT),
    ("loadFailed", LOAD_FAILED),
    ("loadError", LOAD_ERROR),
    ("root", ROOT),
    ("early", EARLY),
    ("earlyPanel", EARLY_PANEL),
    ("selected", SELECTED),
    ("eventId", EVENT_ID_ATTR),
    ("entry", ENTRY_ATTR),
    ("fact", FACT_ATTR),
    ("listEvents", LIST_EVENTS),
    ("detailSlot", DETAIL_SLOT),
    ("slot", SLOT_ATTR),
    ("close", CLOSE),
    ("detailDock", DETAIL_DOCK),
    ("dockLeft", DOCK_LEFT),
    ("vertical", VERTICAL),
    ("timelineFrame", TIMELINE_FRAME),
    ("defer", DEFER_ATTR),
    ("later", LATER_ATTR),
    ("earlySelect", EARLY_SELECT),
    ("boot", BOOT_STATUS),
    ("earlyData", EARLY_DATA),
    ("earlyDataUrl", EARLY_DATA_URL),
    ("startFull", START_FULL),
    ("handedOver", HANDED_OVER),
];

/// The classes of [`NAMES`] that the stylesheet must style.
pub const STYLED: [&str; 7] = [INERT, LOAD_FAILED, SELECTED, TIMELINE_FRAME, DETAIL_DOCK, DOCK_LEFT, VERTICAL];

/// The script's first lines: `P` (the names, the dataset timeout, the wait for a first frame, and the load-failure notice in
/// both languages, with `{what}` for what failed).
#[cfg(feature = "ssr")]
pub fn prelude() -> String {
    use chronicle_core::i18n::{ui, Lang};
    let mut p = serde_json::Map::new();
    for (key, value) in NAMES {
        p.insert(key.into(), value.into());
    }
    p.insert("dataTimeoutMs".into(), DATA_TIMEOUT_MS.into());
    p.insert("paintWaitMs".into(), PAINT_WAIT_MS.into());
    p.insert("failed".into(), serde_json::json!({ "zh": ui(Lang::Zh).load_failed, "en": ui(Lang::En).load_failed }));
    format!("const P = Object.freeze({});", serde_json::Value::Object(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The script's lines that are code, not comments.
    fn code(js: &str) -> String {
        js.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn the_script_spells_no_shared_name_itself() {
        for (file, js) in [("early.js", include_str!("early.js")), ("load.js", include_str!("load.js"))] {
            let js = code(js);
            for (key, name) in NAMES {
                for quoted in [format!("'{name}'"), format!("\"{name}\""), format!(".{name}'"), format!("[{name}]")] {
                    assert!(!js.contains(&quoted), "{file} spells {quoted}: use P.{key}");
                }
            }
            assert!(!js.contains("15000"), "{file}: use P.dataTimeoutMs");
        }
    }

    #[test]
    fn the_stylesheet_styles_the_shared_classes() {
        // The stylesheet's parts (static/chronicle.css is generated from them, and not committed).
        fn parts(dir: &std::path::Path, out: &mut String) {
            for path in std::fs::read_dir(dir).expect("src is readable").map(|e| e.expect("an entry").path()) {
                if path.is_dir() {
                    parts(&path, out);
                } else if path.extension().is_some_and(|x| x == "css") {
                    *out += &std::fs::read_to_string(&path).expect("a readable part");
                }
            }
        }
        let mut css = String::new();
        parts(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut css);
        for class in STYLED {
            assert!(css.contains(&format!(".{class}")), "chronicle.css has no rule for .{class}");
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_prelude_names_every_key_the_script_reads() {
        let prelude = prelude();
        let js = code(include_str!("early.js")) + &code(include_str!("load.js"));
        let mut at = 0;
        while let Some(k) = js[at..].find("P.") {
            let start = at + k + 2;
            let key: String = js[start..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            assert!(prelude.contains(&format!("\"{key}\":")), "the script reads P.{key}, which the prelude lacks");
            at = start;
        }
        assert!(prelude.contains("{what}"), "the failure notice names what failed");
    }
}
