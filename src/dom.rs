//! Small DOM helpers shared by the views (browser only).

use wasm_bindgen::JsCast;

/// Focuses an HTML or SVG element.
pub fn focus(el: &web_sys::Element) {
    if let Some(el) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = el.focus();
    } else if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Focuses an HTML or SVG element where it is, without scrolling the page to it: for focus that
/// follows the reader's own action (a panel opening beside what they pressed, or closing).
pub fn focus_in_place(el: &web_sys::Element) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    if let Some(el) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = el.focus_with_options(&options);
    } else if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus_with_options(&options);
    }
}

/// Focuses the timeline event `id` inside `scope` (a widget's root or the timeline frame), so
/// several widgets on a page, or one inside a shadow root, never reach into each other.
pub fn focus_event(scope: &web_sys::Element, id: &str) {
    if let Some(el) = scope.query_selector(&event_selector(id)).ok().flatten() {
        focus(&el);
    }
}

/// The selector of the element drawn for event `id`.
pub fn event_selector(id: &str) -> String {
    selector("", "data-event-id", id)
}

/// `tag[attr="value"]` (ids are validated; quotes and backslashes are dropped anyway).
pub fn selector(tag: &str, attr: &str, value: &str) -> String {
    format!("{tag}[{attr}=\"{}\"]", value.replace(['"', '\\'], ""))
}

/// Moves a mark (a class, `aria-pressed`, a tab stop…) inside `root` to the element `wanted`
/// selects, or off every element when it is `None`: `apply(el, false)` on each element `marked`
/// selects other than the wanted one, then `apply(wanted, true)`. Drawn markup (timeline, openness
/// table) keeps its selection this way instead of being drawn again.
pub fn mark(root: &web_sys::Element, marked: &str, wanted: Option<&str>, apply: impl Fn(&web_sys::Element, bool)) {
    let target = wanted.and_then(|s| root.query_selector(s).ok().flatten());
    if let Ok(list) = root.query_selector_all(marked) {
        for el in (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()) {
            if target.as_ref() != Some(&el) {
                apply(&el, false);
            }
        }
    }
    if let Some(el) = target {
        apply(&el, true);
    }
}

/// The button a click landed in, for the delegated handlers over drawn markup.
pub fn button_at(e: &web_sys::MouseEvent) -> Option<web_sys::Element> {
    let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("button").ok()?
}

/// Undoes what the start-up script showed for an event clicked before the widget was interactive
/// (its marks and its detail panel), when the widget can't select that event itself.
pub fn clear_early(root: &web_sys::Element) {
    use crate::boot::protocol::{DETAIL_SLOT, EARLY, EARLY_PANEL, SELECTED};
    // The early panel goes, wherever the script opened it.
    if let Ok(Some(panel)) = root.query_selector(&format!(".{EARLY_PANEL}")) {
        panel.remove();
    }
    if let Ok(list) = root.query_selector_all(&format!(".{EARLY}")) {
        for el in (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()) {
            let _ = el.class_list().remove_2(EARLY, SELECTED);
            let _ = el.set_attribute("aria-pressed", "false");
        }
    }
    if let Some(slot) = root.query_selector(&format!(".{DETAIL_SLOT}")).ok().flatten() {
        // The early panel goes; the template it was filled from stays.
        if let Some(panel) = slot.query_selector(":scope > section").ok().flatten() {
            panel.remove();
        }
        let _ = slot.set_attribute("hidden", "");
    }
}

/// The event the start-up script has selected, forgotten as it is read (so it is taken over once).
pub fn take_early_select() -> Option<String> {
    let window = gloo::utils::window();
    let key = wasm_bindgen::JsValue::from_str(crate::EARLY_SELECT);
    let id = js_sys::Reflect::get(&window, &key).ok()?.as_string();
    let _ = js_sys::Reflect::delete_property(&window, &key);
    id
}

/// Whether input (a click, a key press) is waiting for the main thread: Chromium's
/// `navigator.scheduling.isInputPending()`, and false where the browser can't tell.
pub fn input_pending() -> bool {
    let scheduling = match js_sys::Reflect::get(&gloo::utils::window().navigator(), &"scheduling".into()) {
        Ok(s) if s.is_object() => s,
        _ => return false,
    };
    js_sys::Reflect::get(&scheduling, &"isInputPending".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&scheduling).ok())
        .is_some_and(|v| v.is_truthy())
}

/// Runs `f` now, or in a task of its own if input is waiting, so that the input goes first.
pub fn after_pending_input(f: impl FnOnce() + 'static) {
    if input_pending() {
        gloo::timers::callback::Timeout::new(0, f).forget();
    } else {
        f();
    }
}

/// The computed background colour of `el` (`rgb(…)`), or nothing.
pub fn background(el: &web_sys::Element) -> String {
    let style = gloo::utils::window().get_computed_style(el).ok().flatten();
    style.and_then(|s| s.get_property_value("background-color").ok()).unwrap_or_default()
}

/// The page's address without its query and fragment: where the widget is, for an image's source
/// line (the fragment, a deep link, would make it long, and the image shows the view anyway).
pub fn page_address() -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    href.split(['?', '#']).next().unwrap_or_default().to_owned()
}

/// Saves `image` as a PNG: drawn from its SVG into a canvas at the screen's pixel ratio (at least
/// 2×, see `png_scale`), then encoded by the browser. The SVG reaches the image through a `blob:`
/// URL, which is what the page's Content Security Policy must allow (`img-src 'self' blob:`).
pub fn save_png(image: chronicle_core::scene::export::Image) {
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = png(&image).await {
            gloo::console::warn!("LLM Chronicle: the PNG could not be made", e);
        }
    });
}

async fn png(image: &chronicle_core::scene::export::Image) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen_futures::JsFuture;
    let scale = chronicle_core::scene::export::png_scale(gloo::utils::window().device_pixel_ratio());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml;charset=utf-8");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&image.svg));
    let svg = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&svg)?;
    let img = web_sys::HtmlImageElement::new()?;
    img.set_src(&url);
    let decoded = JsFuture::from(img.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    decoded?;
    let canvas: web_sys::HtmlCanvasElement = gloo::utils::document().create_element("canvas")?.dyn_into()?;
    let (w, h) = ((image.width * scale).round(), (image.height * scale).round());
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("no 2D context")?.dyn_into()?;
    // Drawn at the canvas's size, the SVG is rasterised at that size: sharp at every scale.
    context.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w, h)?;
    let encoded = js_sys::Promise::new(&mut |resolve, _| {
        let _ = canvas.to_blob(&resolve);
    });
    let png = JsFuture::from(encoded).await?.dyn_into::<web_sys::Blob>()?;
    crate::download_blob(&format!("{}.png", image.file_stem), &png);
    Ok(())
}
