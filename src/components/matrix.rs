//! The dimension matrix: open and closed side by side, rated 1–5, grouped by whose strength it is.

use chronicle_core::i18n::ui;
use chronicle_core::model::{DimensionGroup, Side};
use chronicle_core::state::Action;
use yew::prelude::*;

use crate::app::{use_store, Data};

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub data: Data,
    pub id_prefix: AttrValue,
}

/// Five dots, `rating` of them filled, with the number in text beside them.
fn rating(side: &Side, of_5: &'static str) -> Html {
    html! {
        <span class="llmc-rating">
            <span class="llmc-dots" aria-hidden="true">
                { for (1..=5).map(|k| html! { <span class={if k <= side.rating { "llmc-dot llmc-dot-on" } else { "llmc-dot" }}></span> }) }
            </span>
            <span class="llmc-rating-text">{ format!("{} {}", side.rating, of_5) }</span>
        </span>
    }
}

#[function_component]
pub fn Matrix(props: &MatrixProps) -> Html {
    let store = use_store();
    let lang = store.lang;
    let t = ui(lang);
    let Ok(c) = &*props.data.0 else {
        return html! {};
    };

    let group = |g: DimensionGroup, title: &'static str| {
        let rows = c.data.dimensions.iter().filter(|d| d.group == g).map(|d| {
            let examples = d.examples.iter().filter_map(|id| c.find(id)).map(|j| {
                let store = store.clone();
                let id = c.events()[j].id.clone();
                let onclick = Callback::from(move |_| store.dispatch(Action::Select(id.clone())));
                html! { <li><button type="button" class="llmc-link-button" {onclick}>{ c.events()[j].name.get(lang) }</button></li> }
            });
            let highlighted = store.story.and_then(|k| c.data.story.get(k)).is_some_and(|s| s.dimensions.contains(&d.id));
            html! {
                <tr class={classes!(highlighted.then_some("llmc-row-highlight"))}>
                    <th scope="row">{ d.name.get(lang) }{ if highlighted { " ★" } else { "" } }</th>
                    <td>{ rating(&d.open, t.rating_of_5) }<p>{ d.open.text.get(lang) }</p></td>
                    <td>{ rating(&d.closed, t.rating_of_5) }<p>{ d.closed.text.get(lang) }</p></td>
                    <td><ul class="llmc-examples">{ for examples }</ul></td>
                </tr>
            }
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
                <thead>
                    <tr>
                        <th scope="col">{ t.dimension }</th>
                        <th scope="col">{ t.open_side }</th>
                        <th scope="col">{ t.closed_side }</th>
                        <th scope="col">{ t.examples }</th>
                    </tr>
                </thead>
                { group(DimensionGroup::OpenStrength, t.open_strengths) }
                { group(DimensionGroup::ClosedStrength, t.closed_strengths) }
            </table>
        </div>
    }
}
