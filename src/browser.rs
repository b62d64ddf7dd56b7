//! The browser side of start-up: read the page, pick the language, mount the app.

use std::cell::Cell;

use chronicle_core::i18n::Lang;
use wasm_bindgen::prelude::*;
use yew::{AppHandle, AttrValue, Renderer};

use crate::app::{App, AppProps, Data};
use crate::panic;

thread_local! {
    static MOUNTED: Cell<u32> = const { Cell::new(0) };
}

/// The language to start in: `?lang=`, then `<html lang>`, then the browser's languages.
pub fn initial_lang() -> Lang {
    let window = gloo::utils::window();
    let url = window
        .location()
        .href()
        .ok()
        .and_then(|href| web_sys::Url::new(&href).ok())
        .and_then(|u| u.search_params().get("lang"));
    let page = gloo::utils::document().document_element().and_then(|e| e.get_attribute("lang"));
    let browser: Vec<String> = window.navigator().languages().iter().filter_map(|v| v.as_string()).collect();
    let browser: Vec<&str> = browser.iter().map(String::as_str).collect();
    Lang::resolve(url.as_deref(), page.as_deref(), &browser)
}

/// Mounts a widget inside `root`, replacing nothing around it. Each mount gets its own id prefix.
pub fn mount(root: web_sys::Element) -> AppHandle<App> {
    panic::install();
    let lang = initial_lang();
    panic::register(root.clone(), lang);
    let n = MOUNTED.with(|m| {
        m.set(m.get() + 1);
        m.get()
    });
    let id_prefix = if n == 1 { AttrValue::Static("llmc") } else { AttrValue::from(format!("llmc{n}")) };
    let fragment = gloo::utils::window().location().hash().ok().filter(|h| h.len() > 1).map(AttrValue::from);
    // Only the first widget on a page owns the URL fragment.
    let sync_url = n == 1;
    let fragment = fragment.filter(|_| sync_url);
    // Hydrate prerendered HTML when the first render will match it (same language, no deep link
    // to restore); otherwise start from an empty root.
    let prerendered = root.get_attribute(crate::PRERENDERED_ATTR);
    let hydrate = prerendered.as_deref() == Some(lang.code()) && fragment.is_none();
    let _ = root.remove_attribute(crate::PRERENDERED_ATTR);
    if prerendered.is_some() && !hydrate {
        root.set_text_content(None);
    }
    let props = AppProps { data: Data::shipped(), lang, id_prefix, fragment, sync_url };
    let renderer = Renderer::<App>::with_root_and_props(root.clone(), props);
    let handle = if hydrate { renderer.hydrate() } else { renderer.render() };
    // Interactive now: controls stop looking inert.
    let _ = root.class_list().remove_1("llmc-inert");
    handle
}

/// Trunk's entry point: mounts on `#llm-chronicle`, or on `<body>` when the page has no such element.
///
/// The prerendered HTML is painted first: mounting (and hydration's main-thread work) waits for the
/// next frame, so the reader sees the content without waiting for the WASM.
pub fn start() {
    let document = gloo::utils::document();
    let root = document.get_element_by_id("llm-chronicle").or_else(|| document.body().map(Into::into));
    let Some(root) = root else { return };
    let frame = gloo::render::request_animation_frame(move |_| {
        gloo::timers::callback::Timeout::new(0, move || {
            // The app lives as long as the page.
            std::mem::forget(mount(root));
        })
        .forget();
    });
    std::mem::forget(frame);
}

/// Panics on purpose, so the end-to-end tests can check that a reader sees a message instead of a
/// frozen widget. Only reachable from the developer console.
#[wasm_bindgen(js_name = llmcPanicForTest)]
pub fn panic_for_test() {
    panic!("deliberate panic requested by llmcPanicForTest()");
}
