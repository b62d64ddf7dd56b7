//! The legend: marker shapes and edge styles in words; the criterion the timeline is coloured by,
//! chosen here (so it can be with the timeline alone), and its colours.

use chronicle_core::i18n::{level_name, ui};
use chronicle_core::markup::Markup;
use chronicle_core::matrix::{level_slug, level_symbol};
use chronicle_core::model::{Level, Openness};
use chronicle_core::state::Action;
use yew::prelude::*;

use crate::app::{use_chronicle, use_store, Loaded, StoreHandle};
use crate::render::marker;

/// A marker drawn alone.
fn marker_html(openness: Openness) -> Html {
    let mut out = Markup::new();
    marker(&mut out, openness, 6.0, (0.0, 0.0));
    Html::from_html_unchecked(out.finish().into())
}

#[function_component]
pub fn Legend() -> Html {
    let (store, c) = (use_store(), use_chronicle());
    let lang = store.lang;
    let coloured_by = store.colour_by.as_deref().and_then(|id| c.data.criteria.iter().find(|k| k.id == id));
    let t = ui(lang);
    let item = |shape: Html, text: &'static str| {
        html! {
            <li>
                <svg class="llmc-legend-swatch" width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">{ shape }</svg>
                { text }
            </li>
        }
    };
    html! {
        <ul class="llmc-legend">
            { item(marker_html(Openness::Open), t.open_marker) }
            { item(marker_html(Openness::Closed), t.closed_marker) }
            { item(marker_html(Openness::NotApplicable), t.na_marker) }
            { item(html! { <path class="llmc-edge llmc-edge-documented" d="M-8 0 L8 0" /> }, t.legend_documented) }
            { item(html! { <path class="llmc-edge llmc-edge-inferred" d="M-8 0 L8 0" /> }, t.legend_inferred) }
            { item(html! { <path class="llmc-edge-lineage" d="M-8 0 L8 0" /> }, t.legend_lineage) }
            <li>{ colour_by(&store, &c) }</li>
            if let Some(criterion) = coloured_by {
                <li class="llmc-colour-legend">
                    <strong>{ format!("{}: {} —", t.colour_legend, criterion.name.get(lang)) }</strong>
                    { for [Level::Open, Level::Partial, Level::Closed].map(|l| html! {
                        <span class={classes!("llmc-colour-key", format!("llmc-colour-{}", level_slug(l)))}>{ format!("{} {}", level_symbol(l), level_name(l, lang)) }</span>
                    }) }
                    <span class="llmc-colour-key llmc-colour-none">{ t.not_in_matrix }</span>
                </li>
            }
        </ul>
    }
}

/// The criterion the timeline is coloured by, or none.
fn colour_by(store: &StoreHandle, c: &Loaded) -> Html {
    let (lang, t) = (store.lang, ui(store.lang));
    let onchange = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            store.dispatch(Action::ColourBy(Some(v)));
        })
    };
    html! {
        <label class="llmc-colour-by">
            <span>{ t.colour_by }</span>
            <select {onchange}>
                <option value="" selected={store.colour_by.is_none()}>{ t.colour_none }</option>
                { for c.data.criteria.iter().map(|k| html! {
                    <option value={k.id.clone()} selected={store.colour_by.as_deref() == Some(k.id.as_str())}>{ k.name.get(lang) }</option>
                }) }
            </select>
        </label>
    }
}
