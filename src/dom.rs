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

/// Focuses the timeline event `id` inside `scope` (a widget's root or the timeline frame), so
/// several widgets on a page, or one inside a shadow root, never reach into each other.
pub fn focus_event(scope: &web_sys::Element, id: &str) {
    if let Some(el) = scope.query_selector(&event_selector(id)).ok().flatten() {
        focus(&el);
    }
}

/// The selector of the element drawn for event `id` (ids are validated; quotes are dropped anyway).
pub fn event_selector(id: &str) -> String {
    format!("[data-event-id=\"{}\"]", id.replace(['"', '\\'], ""))
}
