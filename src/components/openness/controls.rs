//! The controls above the openness table: the level legend, the groups shown, the downloads, and
//! the score's weights. (Colouring the timeline by a criterion is in the timeline's legend.)

use chronicle_core::i18n::{group_name, level_name, ui, Lang};
use chronicle_core::matrix::{level_symbol, to_csv, to_json};
use chronicle_core::model::{CriterionGroup, Level};
use chronicle_core::scene::openness::{level_class, OpennessTable};
use chronicle_core::state::Action;
use yew::prelude::*;

use crate::app::{dispatch, Loaded, StoreHandle};

/// Each level's symbol and name.
pub fn legend(lang: Lang) -> Html {
    let items = [Level::Open, Level::Partial, Level::Closed, Level::Unknown].map(|l| {
        html! { <li><span aria-hidden="true" class={classes!("llmc-symbol", level_class(l))}>{ level_symbol(l) }</span>{ level_name(l, lang) }</li> }
    });
    html! { <ul class="llmc-legend">{ for items }</ul> }
}

/// One checkbox per criteria group: unchecked hides its columns and takes it out of the score.
pub fn group_toggles(store: &StoreHandle) -> Html {
    let (lang, t) = (store.lang, ui(store.lang));
    let toggles = CriterionGroup::ALL.map(|g| {
        let checked = !store.hidden_groups.contains(&g);
        let onchange = dispatch(store, Action::ToggleGroup(g));
        html! {
            <label class="llmc-check">
                <input type="checkbox" {checked} {onchange} />{ group_name(g, lang) }
            </label>
        }
    });
    html! {
        <fieldset class="llmc-groups">
            <legend>{ t.show_groups }</legend>
            { for toggles }
        </fieldset>
    }
}

/// CSV and JSON of the rows and columns shown, written when asked for.
pub fn downloads(c: &Loaded, table: &OpennessTable, lang: Lang) -> Html {
    let t = ui(lang);
    let download = |json: bool| {
        let (c, columns, order, weights) =
            (c.clone(), table.columns.clone(), table.order.clone(), table.shown_weights.clone());
        Callback::from(move |_| {
            let (rows, criteria) = (&c.data.openness, &c.data.criteria);
            let name_of = |m: &str| c.name_of(m, lang);
            let (name, mime, file) = if json {
                let file = to_json(rows, criteria, &columns, &order, &weights, name_of);
                ("llm-chronicle-openness.json", "application/json", file)
            } else {
                let file = to_csv(rows, criteria, &columns, &order, &weights, lang, name_of);
                ("llm-chronicle-openness.csv", "text/csv;charset=utf-8", file)
            };
            crate::browser_download(name, mime, &file);
        })
    };
    html! {
        <div class="llmc-downloads">
            <button type="button" onclick={download(false)}>{ t.download_csv }</button>
            <button type="button" onclick={download(true)}>{ t.download_json }</button>
        </div>
    }
}

/// Each criterion's weight in the score (0–5), and a reset.
pub fn weights(store: &StoreHandle, c: &Loaded) -> Html {
    let (lang, t) = (store.lang, ui(store.lang));
    let inputs = c.data.criteria.iter().map(|crit| {
        let weight = store.weights.get(&crit.id).copied().unwrap_or(1.0);
        let (store, id) = (store.clone(), crit.id.clone());
        let onchange = Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            let v = chronicle_core::num::parse_f64(&v).unwrap_or(1.0);
            store.dispatch(Action::SetWeight(id.clone(), v));
        });
        html! {
            <label class="llmc-weight">
                <span>{ crit.name.get(lang) }</span>
                <input type="number" min="0" max="5" step="0.5" value={weight.to_string()} {onchange} />
            </label>
        }
    });
    html! {
        <details class="llmc-weights">
            <summary>{ t.weights }</summary>
            <div class="llmc-weight-grid">{ for inputs }</div>
            <button type="button" class="llmc-clear" disabled={store.weights.is_empty()} onclick={dispatch(store, Action::ResetWeights)}>{ t.reset_weights }</button>
        </details>
    }
}
