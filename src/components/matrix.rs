//! The dimension matrix: open and closed side by side, rated 1–5, grouped by whose strength it is.
//! A small table (one row per dimension), so plain `html!`.

use chronicle_core::i18n::ui;
use chronicle_core::model::{Dimension, DimensionGroup, Side};
use chronicle_core::state::{Action, DetailAt};
use yew::prelude::*;

use crate::app::{dispatch, use_chronicle, use_store, Loaded, StoreHandle};

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub id_prefix: AttrValue,
}

#[function_component]
pub fn Matrix(props: &MatrixProps) -> Html {
    let store = use_store();
    let c = use_chronicle();
    let t = ui(store.lang);
    let story = store.story.and_then(|k| c.data.story.get(k));
    let group = |g: DimensionGroup, title: &'static str| {
        let rows = c.data.dimensions.iter().filter(|d| d.group == g).map(|d| {
            let highlighted = story.is_some_and(|s| s.dimensions.contains(&d.id));
            row(d, highlighted, &store, &c)
        });
        html! {
            <tbody>
                <tr class="llmc-group-row"><th scope="colgroup" colspan="4">{ title }</th></tr>
                { for rows }
            </tbody>
        }
    };
    html! {
        <div class="llmc-matrix-frame">
            <table class="llmc-matrix" id={format!("{}-matrix", props.id_prefix)}>
                <caption>{ t.matrix_caption }</caption>
                <thead><tr>
                    { for [t.dimension, t.open_side, t.closed_side, t.examples].map(|h| html! { <th scope="col">{ h }</th> }) }
                </tr></thead>
                { group(DimensionGroup::OpenStrength, t.open_strengths) }
                { group(DimensionGroup::ClosedStrength, t.closed_strengths) }
            </table>
        </div>
    }
}

/// One dimension: its name, each side's rating and text, and example models to select.
fn row(d: &Dimension, highlighted: bool, store: &StoreHandle, c: &Loaded) -> Html {
    let lang = store.lang;
    let examples = d.examples.iter().filter_map(|id| c.find(id)).map(|j| {
        let e = &c.events()[j];
        // Its details open in the openness matrix, under its row, just below this table.
        let onclick = dispatch(store, Action::SelectIn(e.id.clone(), DetailAt::Matrix));
        html! { <li><button type="button" class="llmc-link-button" {onclick}>{ e.name.get(lang) }</button></li> }
    });
    html! {
        <tr class={classes!(highlighted.then_some("llmc-row-highlight"))}>
            <th scope="row">{ d.name.get(lang) }{ if highlighted { " ★" } else { "" } }</th>
            { side(&d.open, store) }
            { side(&d.closed, store) }
            <td><ul class="llmc-examples">{ for examples }</ul></td>
        </tr>
    }
}

/// A side's rating, as five dots with the number in text beside them, and its text.
fn side(side: &Side, store: &StoreHandle) -> Html {
    let t = ui(store.lang);
    let dots = (1..=5)
        .map(|k| html! { <span class={classes!("llmc-dot", (k <= side.rating).then_some("llmc-dot-on"))}></span> });
    html! {
        <td>
            <span class="llmc-rating">
                <span class="llmc-dots" aria-hidden="true">{ for dots }</span>
                <span class="llmc-rating-text">{ format!("{} {}", side.rating, t.rating_of_5) }</span>
            </span>
            <p>{ side.text.get(store.lang) }</p>
        </td>
    }
}
