//! The drawn openness table's DOM side: which button a click landed on, marking the selected row
//! and the open cell, focus after a sort, and keeping the selected row in view.

use chronicle_core::matrix::SortKey;
use chronicle_core::scene::openness::Click;
use yew::prelude::*;

/// The cell note region's id, from the caption's (both carry the widget's id prefix).
pub fn detail_id(caption_id: &str) -> String {
    format!("{}-cell-detail", caption_id.strip_suffix("-openness-caption").unwrap_or(caption_id))
}

/// What a click in the table asks for, from the button it landed in.
#[cfg(target_arch = "wasm32")]
pub fn table_click(e: &MouseEvent) -> Option<Click> {
    let button = crate::dom::button_at(e)?;
    Click::from_button(|name| button.get_attribute(name))
}

#[cfg(not(target_arch = "wasm32"))]
pub fn table_click(_: &MouseEvent) -> Option<Click> {
    None
}

/// Sets the selected model's row (`llmc-row-selected`, its button `aria-pressed`) and the open
/// cell's `aria-pressed` on the drawn table, changing only what differs.
#[cfg(target_arch = "wasm32")]
pub fn mark_table(frame: &NodeRef, selected: Option<&str>, open: Option<(usize, usize)>) {
    use chronicle_core::scene::openness::cell_code;
    let Some(root) = frame.cast::<web_sys::Element>() else { return };
    let row = selected.map(|m| crate::dom::selector("tr", "data-model", m));
    let cell = open.map(|(r, k)| crate::dom::selector("button", "data-cell", &cell_code(r, k)));
    crate::dom::mark(&root, "tr.llmc-row-selected", row.as_deref(), |el, on| {
        let _ = el.class_list().toggle_with_force("llmc-row-selected", on);
        if let Ok(Some(button)) = el.query_selector("button[data-select]") {
            let _ = button.set_attribute("aria-pressed", if on { "true" } else { "false" });
        }
    });
    crate::dom::mark(&root, "button[data-cell][aria-pressed=\"true\"]", cell.as_deref(), |el, on| {
        let _ = el.set_attribute("aria-pressed", if on { "true" } else { "false" });
    });
}

#[cfg(not(target_arch = "wasm32"))]
pub fn mark_table(_: &NodeRef, _: Option<&str>, _: Option<(usize, usize)>) {}

/// Focuses the sort button of `key` in the drawn table.
#[cfg(target_arch = "wasm32")]
pub fn focus_sort_button(frame: &NodeRef, key: &SortKey) {
    let Some(root) = frame.cast::<web_sys::Element>() else { return };
    if let Ok(Some(button)) = root.query_selector(&crate::dom::selector("button", "data-sort", &key.code())) {
        crate::dom::focus(&button);
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn focus_sort_button(_: &NodeRef, _: &SortKey) {}

/// Scrolls the table's own frame (never the page) so the selected model's row is in view.
#[cfg(target_arch = "wasm32")]
pub fn scroll_row_into_view(frame: &NodeRef, selected: Option<&str>) {
    use wasm_bindgen::JsCast;
    let (Some(frame), Some(id)) = (frame.cast::<web_sys::HtmlElement>(), selected) else { return };
    let selector = crate::dom::selector("tr", "data-model", id);
    let Some(row) =
        frame.query_selector(&selector).ok().flatten().and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let header = frame.query_selector("thead").ok().flatten().map_or(0, |h| h.client_height());
    let top = row.offset_top() - header;
    let bottom = row.offset_top() + row.offset_height();
    if top < frame.scroll_top() || bottom > frame.scroll_top() + frame.client_height() {
        frame.set_scroll_top(top.max(0));
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn scroll_row_into_view(_: &NodeRef, _: Option<&str>) {}
