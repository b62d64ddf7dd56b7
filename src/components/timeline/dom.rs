//! The few places the timeline reads or changes the DOM itself: which event an event came from,
//! marking the selection and the tab stop on the drawn plot, focus, pointer capture, and the
//! plot's measured width. Natively (prerendering, tests) they do nothing.

use yew::prelude::*;

/// Width used before the container is measured, and so the width the page is prerendered at: the
/// timeline's width on the standalone page on any screen 1,200 px or wider (the page is at most
/// 1,200 px wide, see `.llmc-page`). There the prerendered drawing is already right, and hydration
/// needs no second layout. (An e2e test checks that the two agree.)
pub const DEFAULT_WIDTH: f64 = 1176.0;

/// The `data-event-id` of the element a key event came from, if any.
pub fn focused_event_id(k: &KeyboardEvent) -> Option<String> {
    k.target_dyn_into::<web_sys::Element>()?.get_attribute("data-event-id")
}

/// Whether the key event came from a real `<button>`.
pub fn is_button(k: &KeyboardEvent) -> bool {
    k.target_dyn_into::<web_sys::Element>().is_some_and(|el| el.tag_name().eq_ignore_ascii_case("button"))
}

/// The event a click or focus landed on: the `data-event-id` of the target or its nearest
/// ancestor that has one.
pub fn event_id_at(target: Option<web_sys::EventTarget>) -> Option<String> {
    use wasm_bindgen::JsCast;
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("[data-event-id]").ok()??.get_attribute("data-event-id")
}

/// The era whose band a click or key press landed on (its `data-era`), if any.
pub fn era_at(target: Option<web_sys::EventTarget>) -> Option<usize> {
    use wasm_bindgen::JsCast;
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("[data-era]").ok()??.get_attribute("data-era")?.parse().ok()
}

/// The page x of an element's left edge.
#[cfg(target_arch = "wasm32")]
pub fn element_left(node: &NodeRef) -> f64 {
    node.cast::<web_sys::Element>().map_or(0.0, |el| el.get_bounding_client_rect().left())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn element_left(_: &NodeRef) -> f64 {
    0.0
}

/// Sets the selected event (`llmc-selected`, `aria-pressed`) and the roving tab stop
/// (`tabindex="0"`, every other event `-1`) on the drawn plot, changing only what differs.
#[cfg(target_arch = "wasm32")]
pub fn mark_plot(container: &NodeRef, selected: Option<&str>, tab_stop: Option<&str>) {
    use crate::boot::protocol::{EARLY, SELECTED};
    use crate::dom::{event_selector, mark};
    let Some(root) = container.cast::<web_sys::Element>() else { return };
    // An event the start-up script selected (`llmc-early`) stays marked until the widget selects
    // it too (see `App`), so hydration never blinks its ring off for a frame.
    let marked = format!(".{SELECTED}:not(.{EARLY})");
    mark(&root, &marked, selected.map(event_selector).as_deref(), |el, on| {
        let _ = el.class_list().toggle_with_force(SELECTED, on);
        let _ = el.class_list().remove_1(EARLY);
        let _ = el.set_attribute("aria-pressed", if on { "true" } else { "false" });
    });
    mark(&root, "[data-event-id][tabindex=\"0\"]", tab_stop.map(event_selector).as_deref(), |el, on| {
        let _ = el.set_attribute("tabindex", if on { "0" } else { "-1" });
    });
}

#[cfg(not(target_arch = "wasm32"))]
pub fn mark_plot(_: &NodeRef, _: Option<&str>, _: Option<&str>) {}

/// Brings a lineage forward on the drawn plot: `llmc-lineage-on` on the frame, `llmc-in-lineage`
/// on each event of `ids` (and on no other), and `path` as the lineage's edges. `None` lets
/// everything be as drawn.
#[cfg(target_arch = "wasm32")]
pub fn mark_lineage(container: &NodeRef, ids: Option<&[&str]>, path: &str) {
    use wasm_bindgen::JsCast;
    const IN: &str = "llmc-in-lineage";
    let Some(root) = container.cast::<web_sys::Element>() else { return };
    let _ = root.class_list().toggle_with_force("llmc-lineage-on", ids.is_some());
    // One pass over the drawn events, touching only those whose mark changes: a lineage can hold
    // thousands of events, and a selector per event would search the plot once for each.
    let wanted: std::collections::HashSet<&str> = ids.unwrap_or_default().iter().copied().collect();
    if let Ok(events) = root.query_selector_all("[data-event-id]") {
        for el in (0..events.length()).filter_map(|k| events.item(k)?.dyn_into::<web_sys::Element>().ok()) {
            let on = el.get_attribute("data-event-id").is_some_and(|id| wanted.contains(id.as_str()));
            if el.class_list().contains(IN) != on {
                let _ = el.class_list().toggle_with_force(IN, on);
            }
        }
    }
    if let Ok(Some(edges)) = root.query_selector(".llmc-edge-lineage") {
        let _ = if path.is_empty() { edges.remove_attribute("d") } else { edges.set_attribute("d", path) };
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn mark_lineage(_: &NodeRef, _: Option<&[&str]>, _: &str) {}

#[cfg(target_arch = "wasm32")]
pub fn focus_event(container: &NodeRef, id: &str) {
    if let Some(frame) = container.cast::<web_sys::Element>() {
        crate::dom::focus_event(&frame, id);
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn focus_event(_: &NodeRef, _: &str) {}

/// Focuses era `i`'s band (its button), if it is drawn.
#[cfg(target_arch = "wasm32")]
pub fn focus_era(container: &NodeRef, i: usize) {
    use wasm_bindgen::JsCast;
    let Some(frame) = container.cast::<web_sys::Element>() else { return };
    let band = frame.query_selector(&format!(".llmc-era-button[data-era=\"{i}\"]")).ok().flatten();
    if let Some(band) = band.and_then(|el| el.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = band.focus();
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn focus_era(_: &NodeRef, _: usize) {}

/// Focuses the frame itself (it has `tabindex="-1"`: focusable, but no tab stop).
#[cfg(target_arch = "wasm32")]
pub fn focus_frame(container: &NodeRef) {
    if let Some(frame) = container.cast::<web_sys::HtmlElement>() {
        let _ = frame.focus();
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn focus_frame(_: &NodeRef) {}

/// Sends the rest of this pointer's events to the timeline's frame, so a drag keeps going outside
/// it. (Not to the event's `current_target`: with Yew's event delegation that is the app's root,
/// and the frame's handlers would stop seeing the drag after its first step.)
#[cfg(target_arch = "wasm32")]
pub fn capture_pointer(frame: &NodeRef, e: &PointerEvent) {
    if let Some(el) = frame.cast::<web_sys::Element>() {
        let _ = el.set_pointer_capture(e.pointer_id());
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn capture_pointer(_: &NodeRef, _: &PointerEvent) {}
