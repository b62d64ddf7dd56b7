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
