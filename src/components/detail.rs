//! The detail panel of the selected event: facts, summary, sources, and lineage links. What it
//! says is the core's `scene::detail`; its markup is `render::detail`, which also writes the
//! template the start-up script fills before the widget runs, so both panels are one.
//!
//! The panel opens where the reader is (core's `scene::detail::place` decides, from what the page
//! offers): along the side of the wide plot, under the event's entry in the narrow list, or under
//! the model's row in the openness matrix. In the browser it is rendered through a portal into an
//! element of its own (the host), which this component moves to that place, and moves back there
//! whenever a redraw of the plot or the table takes the place away. Opening it moves focus to its
//! heading without scrolling the page; closing it gives focus back to what had it.

use chronicle_core::scene::detail::{detail, template};
use chronicle_core::state::{Action, DetailAt};
use yew::prelude::*;

use crate::app::{use_chronicle, use_store};
#[cfg(target_arch = "wasm32")]
use crate::boot::protocol::{DETAIL_DOCK, DOCK_LEFT, EARLY_PANEL, VERTICAL};
use crate::render;

/// The beside-the-plot place (`protocol::DETAIL_DOCK`), which the timeline draws as raw markup:
/// hydration keeps what it finds inside, an early panel the start-up script may have opened there.
pub const DOCK: &str = "<div class=\"llmc-detail-dock\"></div>";

/// The class of the host element the panel is rendered into, and of the table row made for it.
#[cfg(target_arch = "wasm32")]
const HOST: &str = "llmc-detail-host";
#[cfg(target_arch = "wasm32")]
const ROW: &str = "llmc-detail-row";

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub id_prefix: AttrValue,
}

#[function_component]
pub fn Detail(props: &DetailProps) -> Html {
    let store = use_store();
    let home = use_node_ref();
    let host = use_host();
    // What had focus when the panel opened, to give it back; and whether the reader moved to
    // another event from inside the panel (a lineage link), which may scroll to its new place.
    let back = use_mut_ref(Back::default);
    let from_panel = use_mut_ref(|| false);
    let lang = store.lang;
    let slot = use_memo((lang, props.id_prefix.clone()), |(lang, prefix)| AttrValue::from(boot_slot(*lang, prefix)));

    {
        let (host, home, back, from_panel) = (host.clone(), home.clone(), back.clone(), from_panel.clone());
        use_effect_with((store.selected.clone(), store.detail_at), move |(selected, at)| {
            let moved = std::mem::take(&mut *from_panel.borrow_mut());
            open_or_close(host.as_ref(), &home, selected.as_deref(), *at, &mut back.borrow_mut(), moved)
        });
    }

    let c = use_chronicle();
    let Some(i) = store.selected.as_deref().and_then(|id| c.find(id)) else {
        return Html::from_html_unchecked((*slot).clone());
    };
    let markup = render::detail::panel(&detail(&c, i, lang, &props.id_prefix));
    // One handler for the panel's buttons: Close, and the lineage links (`data-select`), which
    // keep the panel in the view it opened in.
    let onclick = Callback::from(move |e: MouseEvent| {
        let Some(target) = e.target_dyn_into::<web_sys::Element>() else { return };
        if let Some(id) = target.closest("[data-select]").ok().flatten().and_then(|b| b.get_attribute("data-select")) {
            *from_panel.borrow_mut() = true;
            store.dispatch(Action::SelectIn(id, store.detail_at));
        } else if target.closest(".llmc-close").ok().flatten().is_some() {
            store.dispatch(Action::ClearSelection);
        }
    });
    let body = html! { <div class="llmc-detail-body" {onclick}>{ Html::from_html_unchecked(markup.into()) }</div> };
    html! {
        <div class="llmc-detail-home" ref={home}>{ portal(body, host) }</div>
    }
}

/// With no event selected, the panel's place holds an empty, hidden slot (raw markup, which
/// hydration keeps as it finds it) with the panel's template. A click on an event before the
/// widget is interactive makes the start-up script fill a copy of the template from the event
/// list's entry (`data-entry`); the widget's panel replaces it when the widget selects that event.
pub fn boot_slot(lang: chronicle_core::i18n::Lang, id_prefix: &str) -> String {
    format!(
        "<div class=\"{}\" hidden><template>{}</template></div>",
        crate::boot::protocol::DETAIL_SLOT,
        render::detail::panel(&template(lang, id_prefix))
    )
}

/// The host element the panel is rendered into: made once, in the browser only (on the server the
/// panel is written in its home place; it is never selected while prerendering).
#[hook]
fn use_host() -> Option<web_sys::Element> {
    let host = use_memo((), |_| make_host());
    (*host).clone()
}

#[cfg(target_arch = "wasm32")]
fn make_host() -> Option<web_sys::Element> {
    let host = gloo::utils::document().create_element("div").ok()?;
    host.set_class_name(HOST);
    Some(host)
}

#[cfg(not(target_arch = "wasm32"))]
fn make_host() -> Option<web_sys::Element> {
    None
}

fn portal(body: Html, host: Option<web_sys::Element>) -> Html {
    match host {
        Some(host) => create_portal(body, host),
        None => body,
    }
}

/// What had focus when the panel opened, and the event and widget it opened for: where focus goes
/// back to when it closes.
#[derive(Default)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
struct Back {
    focused: Option<web_sys::Element>,
    event: Option<(String, web_sys::Element)>,
}

/// After a change of selection: puts the panel in its place and focuses its heading, or takes it
/// away and gives focus back. While it is open, it is put back in its place whenever a redraw
/// took the place away (the returned function stops watching).
#[cfg(target_arch = "wasm32")]
fn open_or_close(
    host: Option<&web_sys::Element>,
    home: &NodeRef,
    selected: Option<&str>,
    at: DetailAt,
    back: &mut Back,
    moved: bool,
) -> Box<dyn FnOnce()> {
    use crate::dom::focus_in_place;
    let Some(host) = host else { return Box::new(|| ()) };
    let (Some(id), Some(home)) = (selected, home.cast::<web_sys::Element>()) else {
        // Closed: the host and its row go, and focus goes back to what had it, or to the event.
        host.remove();
        if let Some((id, root)) = back.event.take() {
            remove_rows(&root, None);
            match back.focused.take().filter(|el| el.is_connected()) {
                Some(el) => focus_in_place(&el),
                None => {
                    if let Ok(Some(el)) = root.query_selector(&crate::dom::event_selector(&id)) {
                        focus_in_place(&el);
                    }
                }
            }
        }
        return Box::new(|| ());
    };
    let Some(root) = home.closest(".llmc").ok().flatten() else { return Box::new(|| ()) };
    // The start-up script's panel, if it opened one, gives way to this one.
    if let Ok(early) = root.query_selector_all(&format!(".{EARLY_PANEL}")) {
        for el in
            (0..early.length()).filter_map(|k| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(early.item(k)?).ok())
        {
            el.remove();
        }
    }
    let active = gloo::utils::document().active_element();
    if let Some(a) = active.filter(|a| !host.contains(Some(&**a)) && root.contains(Some(&**a))) {
        back.focused = Some(a);
    }
    back.event = Some((id.to_owned(), root.clone()));
    put(&root, host, &home, id, at);
    if let Ok(Some(h)) = host.query_selector("h3") {
        // A lineage link is the reader asking to go to that event: the page may follow its panel.
        if moved {
            crate::dom::focus(&h);
        } else {
            focus_in_place(&h);
        }
    }
    keep_in_place(root, host.clone(), home, id.to_owned(), at)
}

#[cfg(not(target_arch = "wasm32"))]
fn open_or_close(
    _: Option<&web_sys::Element>,
    _: &NodeRef,
    _: Option<&str>,
    _: DetailAt,
    _: &mut Back,
    _: bool,
) -> Box<dyn FnOnce()> {
    Box::new(|| ())
}

/// Moves the host to where the panel of event `id`, selected from `at`, goes in the widget `root`
/// (`home` when the page offers no better place).
#[cfg(target_arch = "wasm32")]
fn put(root: &web_sys::Element, host: &web_sys::Element, home: &web_sys::Element, id: &str, at: DetailAt) {
    use chronicle_core::scene::detail::{place, Offered, Place};
    use wasm_bindgen::JsCast;
    let shown = |el: &web_sys::Element| el.get_bounding_client_rect().width() > 0.0;
    let event = crate::dom::event_selector(id);
    let row = root.query_selector(&crate::dom::selector(".llmc-openness-table tr", "data-model", id)).ok().flatten();
    // The narrow list's entry, if that list is what is shown (until the widget has measured
    // itself, both the list and the wide plot are in the page, and the stylesheet shows one).
    let entry = root.query_selector_all(&format!(".{VERTICAL} {event}")).ok().and_then(|list| {
        (0..list.length()).filter_map(|k| list.item(k)?.dyn_into::<web_sys::Element>().ok()).find(|el| shown(el))
    });
    let frame = root.query_selector(".llmc-timeline-frame").ok().flatten().filter(|f| shown(f));
    let dock = root.query_selector(&format!(".{DETAIL_DOCK}")).ok().flatten().filter(|d| shown(d));
    let plot = frame.as_ref().filter(|_| dock.is_some()).map(|frame| {
        let f = frame.get_bounding_client_rect();
        let x = frame.query_selector(&event).ok().flatten().map(|m| {
            let m = m.get_bounding_client_rect();
            m.left() + m.width() / 2.0 - f.left()
        });
        (f.width(), x)
    });
    let offered = Offered { row: row.is_some(), entry: entry.is_some(), plot };
    let parent = match (place(at, offered), row, entry, dock) {
        (Place::Row, Some(row), _, _) => detail_cell(&row),
        (Place::Under, _, Some(entry), _) => entry.parent_element(),
        (Place::Beside { left }, _, _, Some(dock)) => {
            let _ = dock.class_list().toggle_with_force(DOCK_LEFT, left);
            Some(dock)
        }
        _ => None,
    };
    let parent = parent.unwrap_or_else(|| home.clone());
    if host.parent_element().as_ref() != Some(&parent) {
        let _ = parent.append_child(host);
    }
    remove_rows(root, Some(host));
}

/// The cell of the row made for the panel under the openness matrix's `row` (made now if there
/// is none yet), spanning the whole table.
#[cfg(target_arch = "wasm32")]
fn detail_cell(row: &web_sys::Element) -> Option<web_sys::Element> {
    if let Some(next) = row.next_element_sibling().filter(|n| n.class_list().contains(ROW)) {
        return next.first_element_child();
    }
    let document = gloo::utils::document();
    let (tr, td) = (document.create_element("tr").ok()?, document.create_element("td").ok()?);
    tr.set_class_name(ROW);
    let _ = td.set_attribute("colspan", &row.child_element_count().to_string());
    let _ = tr.append_child(&td);
    let _ = row.parent_node()?.insert_before(&tr, row.next_sibling().as_ref());
    Some(td)
}

/// Removes the rows made for the panel in `root`, but the one that holds `keep`.
#[cfg(target_arch = "wasm32")]
fn remove_rows(root: &web_sys::Element, keep: Option<&web_sys::Element>) {
    use wasm_bindgen::JsCast;
    let Ok(rows) = root.query_selector_all(&format!("tr.{ROW}")) else { return };
    for tr in (0..rows.length()).filter_map(|k| rows.item(k)?.dyn_into::<web_sys::Element>().ok()) {
        if keep.is_none_or(|keep| !tr.contains(Some(&**keep))) {
            tr.remove();
        }
    }
}

/// Watches the widget while the panel is open: when a redraw (a zoom step of the narrow list, a
/// sort of the matrix, the list giving way to the measured plot) takes the panel's place away, or
/// it waits at home, it goes to its place again. So it does when its place is hidden without the
/// DOM changing at all, which no mutation tells: the stylesheet's rules that show one of the two
/// plots drawn before the widget is measured, or an element's stylesheet arriving after the
/// panel was placed. Its own box going empty tells that (a `ResizeObserver` on it). The returned
/// function stops watching.
#[cfg(target_arch = "wasm32")]
fn keep_in_place(
    root: web_sys::Element,
    host: web_sys::Element,
    home: web_sys::Element,
    id: String,
    at: DetailAt,
) -> Box<dyn FnOnce()> {
    use wasm_bindgen::prelude::*;
    let target = root.clone();
    let check = Closure::<dyn FnMut()>::new({
        let host = host.clone();
        move || {
            // A panel always has a height: none means a hidden place (`display: none` above it).
            let hidden = || host.get_bounding_client_rect().height() == 0.0;
            if !host.is_connected() || home.contains(Some(&*host)) || hidden() {
                put(&root, &host, &home, &id, at);
            }
        }
    });
    let Ok(observer) = web_sys::MutationObserver::new(check.as_ref().unchecked_ref()) else { return Box::new(|| ()) };
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    let _ = observer.observe_with_options(&target, &options);
    let resize = web_sys::ResizeObserver::new(check.as_ref().unchecked_ref()).ok();
    if let Some(resize) = &resize {
        resize.observe(&host);
    }
    Box::new(move || {
        observer.disconnect();
        if let Some(resize) = resize {
            resize.disconnect();
        }
        drop(check);
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_dock_is_the_place_the_script_and_the_stylesheet_know() {
        let dock = format!("<div class=\"{}\"></div>", crate::boot::protocol::DETAIL_DOCK);
        assert_eq!(super::DOCK, dock);
    }
}
