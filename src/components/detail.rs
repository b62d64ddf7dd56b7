//! The detail panel of the selected event: facts, summary, sources, and lineage links.

use chronicle_core::i18n::{access_name, family_name, openness_marker, ui, Lang};
use chronicle_core::state::Action;
use yew::prelude::*;

use crate::app::{use_store, Data};
use crate::markup::Markup;

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub data: Data,
    pub id_prefix: AttrValue,
}

#[function_component]
pub fn Detail(props: &DetailProps) -> Html {
    let store = use_store();
    let heading = use_node_ref();
    let last_selected = use_mut_ref(|| None::<(String, web_sys::Element)>);
    let lang = store.lang;
    let t = ui(lang);
    let slot = use_memo((lang, props.id_prefix.clone()), |(lang, prefix)| AttrValue::from(boot_slot(*lang, prefix)));

    // Focus follows the panel: into its heading when it opens, back to the event when it closes.
    {
        let heading = heading.clone();
        use_effect_with(store.selected.clone(), move |selected| {
            focus_after_selection(&heading, selected.as_deref(), &mut last_selected.borrow_mut());
        });
    }

    let Ok(c) = &*props.data.0 else {
        return html! {};
    };
    let Some(i) = store.selected.as_deref().and_then(|id| c.find(id)) else {
        return Html::from_html_unchecked((*slot).clone());
    };
    let e = &c.events()[i];
    let title_id = format!("{}-detail-title", props.id_prefix);

    let link = |j: usize| {
        let store = store.clone();
        let id = c.events()[j].id.clone();
        let onclick = Callback::from(move |_| store.dispatch(Action::Select(id.clone())));
        html! { <li><button type="button" class="llmc-link-button" {onclick}>{ c.events()[j].name.get(lang) }{ format!(" ({})", c.date(j).year) }</button></li> }
    };
    let parents: Vec<usize> = c.parents(i).collect();
    let children = c.children(i);
    let close = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::ClearSelection))
    };
    let row = |label: &'static str, value: String| html! { <><dt>{ label }</dt><dd>{ value }</dd></> };

    html! {
        <section class="llmc-detail" aria-labelledby={title_id.clone()}>
            <div class="llmc-detail-head">
                <h3 id={title_id} tabindex="-1" ref={heading}>{ e.name.get(lang) }</h3>
                <button type="button" class="llmc-close" onclick={close}>{ t.close }</button>
            </div>
            <dl class="llmc-facts">
                { row(t.date, c.date(i).to_string()) }
                { row(t.org, e.org.clone()) }
                { row(t.family, family_name(e.family, lang).to_owned()) }
                { row(t.access, format!("{} · {}", access_name(e.access, lang), openness_marker(e.access.openness(), lang))) }
                if let Some(l) = &e.license { { row(t.license, l.clone()) } }
                if let Some(n) = &e.params { { row(t.params, n.clone()) } }
            </dl>
            <p class="llmc-summary">{ e.summary.get(lang) }</p>
            <h4>{ t.sources }</h4>
            <ul class="llmc-sources">
                { for e.sources.iter().map(|s| html! {
                    <li><a href={s.url.clone()} target="_blank" rel="noopener noreferrer">{ s.title.clone() }</a></li>
                }) }
            </ul>
            if !parents.is_empty() {
                <h4>{ t.parents }</h4>
                <ul class="llmc-lineage">{ for parents.into_iter().map(link) }</ul>
            }
            if !children.is_empty() {
                <h4>{ t.children }</h4>
                <ul class="llmc-lineage">{ for children.iter().copied().map(link) }</ul>
            }
        </section>
    }
}

/// With no event selected, the panel's place holds an empty, hidden slot (raw markup, which
/// hydration keeps as it finds it). A click on an event before the widget is interactive makes
/// the start-up script fill it from the event list (`data-entry`), with these labels; the real
/// panel replaces it when the widget selects that event.
pub fn boot_slot(lang: Lang, id_prefix: &str) -> String {
    let t = ui(lang);
    let mut m = Markup::new();
    m.raw("<div class=\"llmc-detail-slot\" hidden")
        .attr("data-title-id", &format!("{id_prefix}-detail-title"))
        .attr("data-labels", &[t.date, t.org, t.access].join("|"))
        .attr("data-sources", t.sources)
        .attr("data-close", t.close)
        .raw("></div>");
    m.finish()
}

/// Where focus goes back to when the panel closes: the event's id and its widget's root.
type Return = Option<(String, web_sys::Element)>;

#[cfg(target_arch = "wasm32")]
fn focus_after_selection(heading: &NodeRef, selected: Option<&str>, back: &mut Return) {
    match selected {
        Some(id) => {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
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
