//! The detail panel of the selected event: facts, summary, sources, and lineage links. What it
//! says is the core's `scene::detail`; its markup is `render::detail`, which also writes the
//! template the start-up script fills before the widget runs, so both panels are one.

use chronicle_core::scene::detail::{detail, template};
use chronicle_core::state::Action;
use yew::prelude::*;

use crate::app::{use_chronicle, use_store};
use crate::render;

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub id_prefix: AttrValue,
}

#[function_component]
pub fn Detail(props: &DetailProps) -> Html {
    let store = use_store();
    let host = use_node_ref();
    let last_selected = use_mut_ref(|| None::<(String, web_sys::Element)>);
    let lang = store.lang;
    let slot = use_memo((lang, props.id_prefix.clone()), |(lang, prefix)| AttrValue::from(boot_slot(*lang, prefix)));

    // Focus follows the panel: into its heading when it opens, back to the event when it closes.
    {
        let host = host.clone();
        use_effect_with(store.selected.clone(), move |selected| {
            focus_after_selection(&host, selected.as_deref(), &mut last_selected.borrow_mut());
        });
    }

    let c = use_chronicle();
    let Some(i) = store.selected.as_deref().and_then(|id| c.find(id)) else {
        return Html::from_html_unchecked((*slot).clone());
    };
    let markup = render::detail::panel(&detail(&c, i, lang, &props.id_prefix));
    // One handler for the panel's buttons: Close, and the lineage links (`data-select`).
    let onclick = Callback::from(move |e: MouseEvent| {
        let Some(target) = e.target_dyn_into::<web_sys::Element>() else { return };
        if let Some(id) = target.closest("[data-select]").ok().flatten().and_then(|b| b.get_attribute("data-select")) {
            store.dispatch(Action::Select(id));
        } else if target.closest(".llmc-close").ok().flatten().is_some() {
            store.dispatch(Action::ClearSelection);
        }
    });
    html! {
        <div class="llmc-detail-host" ref={host} {onclick}>{ Html::from_html_unchecked(markup.into()) }</div>
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

/// Where focus goes back to when the panel closes: the event's id and its widget's root.
type Return = Option<(String, web_sys::Element)>;

#[cfg(target_arch = "wasm32")]
fn focus_after_selection(host: &NodeRef, selected: Option<&str>, back: &mut Return) {
    use wasm_bindgen::JsCast;
    match selected {
        Some(id) => {
            let heading = host.cast::<web_sys::Element>().and_then(|h| h.query_selector("h3").ok().flatten());
            if let Some(h) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = h.focus();
                // Remember this widget's root now: once the panel is gone, the document can't
                // tell which widget (or which shadow root) it was in.
                if let Ok(Some(root)) = h.closest(".llmc") {
                    *back = Some((id.to_owned(), root));
                }
            }
        }
        None => {
            if let Some((id, root)) = back.take() {
                crate::dom::focus_event(&root, &id);
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn focus_after_selection(_: &NodeRef, _: Option<&str>, _: &mut Return) {}
