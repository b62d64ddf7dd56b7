//! The filter and search panel shared by the timeline and the openness matrix, with a live count.

use chronicle_core::filter::{organisations, FilterMode};
use chronicle_core::i18n::{access_name, family_name, ui};
use chronicle_core::model::{Access, Family};
use chronicle_core::query::Query;
use chronicle_core::state::Action;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::{dispatch, use_chronicle, use_store, Loaded, StoreHandle};

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub id_prefix: AttrValue,
}

const OPEN_LEVELS: [Access; 3] = [Access::OpenUnrestricted, Access::OpenRestricted, Access::OpenNoncommercial];
const CLOSED_LEVELS: [Access; 5] =
    [Access::Api, Access::Hosted, Access::Limited, Access::Unreleased, Access::NotApplicable];

#[function_component]
pub fn Filters(props: &FiltersProps) -> Html {
    let store = use_store();
    // Open at first if filters are already set (a deep link); afterwards the reader decides.
    let initially_open = *use_state(|| store.filter.is_active());
    let t = ui(store.lang);
    let c = use_chronicle();
    let matching = Query::of_state(&c, &store).count();
    let total = c.events().len();
    let id = |s: &str| format!("{}-{s}", props.id_prefix);
    html! {
        <details class="llmc-filters" open={initially_open}>
            <summary>
                { t.filters }
                <span class="llmc-count" role="status">{ format!(" · {matching} / {total} {}", t.matching) }</span>
            </summary>
            // Folded away at first: kept as text until the start-up script needs it (`boot::protocol::DEFER_ATTR`).
            <div class="llmc-filter-grid" data-llmc-defer="">
                { search(&store, &id("search")) }
                { access(&store) }
                { families(&store, &c) }
                <div class="llmc-field">
                    { organisation(&store, &c, &id("org")) }
                    { years(&store) }
                    { mode(&store, &id("filter-mode")) }
                    <button type="button" class="llmc-clear" disabled={!store.filter.is_active()}
                            onclick={dispatch(&store, Action::ClearFilters)}>{ t.clear_filters }</button>
                </div>
            </div>
        </details>
    }
}

/// The search box (`id`): names, organisations and descriptions, as the reader types.
fn search(store: &StoreHandle, id: &str) -> Html {
    let t = ui(store.lang);
    let oninput = {
        let store = store.clone();
        Callback::from(move |e: InputEvent| {
            store.dispatch(Action::SetQuery(e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    html! {
        <div class="llmc-field llmc-field-search">
            <label for={id.to_owned()}>{ t.search }</label>
            <input type="search" id={id.to_owned()} value={store.filter.query.clone()} placeholder={t.search_placeholder} {oninput} />
        </div>
    }
}

/// A labelled checkbox.
fn check(checked: bool, onchange: Callback<Event>, label: &'static str) -> Html {
    html! {
        <label class="llmc-check">
            <input type="checkbox" {checked} {onchange} />
            { label }
        </label>
    }
}

/// The access levels, open ones and closed ones apart.
fn access(store: &StoreHandle) -> Html {
    let (lang, t) = (store.lang, ui(store.lang));
    let boxes = |levels: &[Access]| {
        levels
            .iter()
            .map(|&a| {
                check(store.filter.access.contains(&a), dispatch(store, Action::ToggleAccess(a)), access_name(a, lang))
            })
            .collect::<Html>()
    };
    html! {
        <fieldset class="llmc-field">
            <legend>{ t.access }</legend>
            <div class="llmc-subgroup"><span class="llmc-subhead">{ t.access_open_group }</span>{ boxes(&OPEN_LEVELS) }</div>
            <div class="llmc-subgroup"><span class="llmc-subhead">{ t.access_closed_group }</span>{ boxes(&CLOSED_LEVELS) }</div>
        </fieldset>
    }
}

/// The model families the dataset has.
fn families(store: &StoreHandle, c: &Loaded) -> Html {
    let (lang, t) = (store.lang, ui(store.lang));
    let present = Family::ALL.into_iter().filter(|fam| c.events().iter().any(|e| e.family == *fam));
    let boxes = present.map(|fam| {
        check(store.filter.families.contains(&fam), dispatch(store, Action::ToggleFamily(fam)), family_name(fam, lang))
    });
    html! {
        <fieldset class="llmc-field">
            <legend>{ t.family }</legend>
            { for boxes }
        </fieldset>
    }
}

/// The organisation menu (`id`), each with its number of events.
fn organisation(store: &StoreHandle, c: &Loaded, id: &str) -> Html {
    let t = ui(store.lang);
    let org = store.filter.org.clone();
    let onchange = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            store.dispatch(Action::SetOrg(Some(e.target_unchecked_into::<HtmlSelectElement>().value())))
        })
    };
    let options = organisations(c).into_iter().map(|(o, n)| {
        let selected = org.as_deref() == Some(o.as_str());
        html! { <option value={o.clone()} {selected}>{ format!("{o} ({n})") }</option> }
    });
    html! {
        <>
            <label for={id.to_owned()}>{ t.org }</label>
            <select id={id.to_owned()} {onchange}>
                <option value="" selected={org.is_none()}>{ t.all_orgs }</option>
                { for options }
            </select>
        </>
    }
}

/// From and to years; a reversed range is put right by the reducer.
fn years(store: &StoreHandle) -> Html {
    let t = ui(store.lang);
    let input = |from: bool| {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value().trim().parse::<i32>().ok();
            let (a, b) = store.filter.years;
            store.dispatch(if from { Action::SetYears(v, b) } else { Action::SetYears(a, v) });
        })
    };
    let value = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
    let (from, to) = store.filter.years;
    html! {
        <fieldset class="llmc-years">
            <legend>{ t.years }</legend>
            <label>{ t.year_from }<input type="number" inputmode="numeric" min="1900" max="2100" value={value(from)} onchange={input(true)} /></label>
            <label>{ t.year_to }<input type="number" inputmode="numeric" min="1900" max="2100" value={value(to)} onchange={input(false)} /></label>
        </fieldset>
    }
}

/// Whether events that do not match are dimmed or hidden (radio group `name`).
fn mode(store: &StoreHandle, name: &str) -> Html {
    let t = ui(store.lang);
    let radio = |mode: FilterMode, label: &'static str| {
        let onchange = dispatch(store, Action::SetFilterMode(mode));
        html! {
            <label class="llmc-check">
                <input type="radio" name={name.to_owned()} checked={store.filter.mode == mode} {onchange} />
                { label }
            </label>
        }
    };
    html! {
        <fieldset class="llmc-mode">
            <legend>{ t.non_matching }</legend>
            { radio(FilterMode::Dim, t.dim) }
            { radio(FilterMode::Hide, t.hide) }
        </fieldset>
    }
}
