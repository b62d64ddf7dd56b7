//! The filter and search panel shared by the timeline and the openness matrix, with a live count.

use chronicle_core::filter::{organisations, FilterMode};
use chronicle_core::i18n::{access_name, family_name, ui};
use chronicle_core::model::{Access, Family};
use chronicle_core::state::Action;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::{dispatch, use_chronicle, use_store};

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
    let lang = store.lang;
    let t = ui(lang);
    let c = use_chronicle();
    let f = &store.filter;
    let total = c.events().len();
    let matching = f.mask(&c).iter().filter(|m| **m).count();
    let id = |s: &str| format!("{}-{s}", props.id_prefix);

    let dispatch_input = |make: fn(String) -> Action| {
        let store = store.clone();
        Callback::from(move |e: InputEvent| store.dispatch(make(e.target_unchecked_into::<HtmlInputElement>().value())))
    };
    let year_input = |from: bool| {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value().trim().parse::<i32>().ok();
            let (a, b) = store.filter.years;
            store.dispatch(if from { Action::SetYears(v, b) } else { Action::SetYears(a, v) });
        })
    };
    let access_box = |a: Access| {
        let onchange = dispatch(&store, Action::ToggleAccess(a));
        html! {
            <label class="llmc-check">
                <input type="checkbox" checked={f.access.contains(&a)} {onchange} />
                { access_name(a, lang) }
            </label>
        }
    };
    let family_box = |fam: Family| {
        let onchange = dispatch(&store, Action::ToggleFamily(fam));
        html! {
            <label class="llmc-check">
                <input type="checkbox" checked={f.families.contains(&fam)} {onchange} />
                { family_name(fam, lang) }
            </label>
        }
    };
    let mode_radio = |mode: FilterMode, label: &'static str| {
        let onchange = dispatch(&store, Action::SetFilterMode(mode));
        html! {
            <label class="llmc-check">
                <input type="radio" name={id("filter-mode")} checked={f.mode == mode} {onchange} />
                { label }
            </label>
        }
    };
    let on_org = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            store.dispatch(Action::SetOrg(Some(v)));
        })
    };
    let clear = dispatch(&store, Action::ClearFilters);
    let families_present: Vec<Family> =
        Family::ALL.into_iter().filter(|fam| c.events().iter().any(|e| e.family == *fam)).collect();
    let year_value = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();

    html! {
        <details class="llmc-filters" open={initially_open}>
            <summary>
                { t.filters }
                <span class="llmc-count" role="status">{ format!(" · {matching} / {total} {}", t.matching) }</span>
            </summary>
            // Folded away at first: kept as text until the start-up script needs it (`boot::protocol::DEFER_ATTR`).
            <div class="llmc-filter-grid" data-llmc-defer="">
                <div class="llmc-field llmc-field-search">
                    <label for={id("search")}>{ t.search }</label>
                    <input type="search" id={id("search")} value={f.query.clone()} placeholder={t.search_placeholder}
                           oninput={dispatch_input(Action::SetQuery)} />
                </div>
                <fieldset class="llmc-field">
                    <legend>{ t.access }</legend>
                    <div class="llmc-subgroup"><span class="llmc-subhead">{ t.access_open_group }</span>{ for OPEN_LEVELS.into_iter().map(access_box) }</div>
                    <div class="llmc-subgroup"><span class="llmc-subhead">{ t.access_closed_group }</span>{ for CLOSED_LEVELS.into_iter().map(access_box) }</div>
                </fieldset>
                <fieldset class="llmc-field">
                    <legend>{ t.family }</legend>
                    { for families_present.into_iter().map(family_box) }
                </fieldset>
                <div class="llmc-field">
                    <label for={id("org")}>{ t.org }</label>
                    <select id={id("org")} onchange={on_org}>
                        <option value="" selected={f.org.is_none()}>{ t.all_orgs }</option>
                        { for organisations(&c).into_iter().map(|(o, n)| {
                            let selected = f.org.as_deref() == Some(o.as_str());
                            html! { <option value={o.clone()} {selected}>{ format!("{o} ({n})") }</option> }
                        }) }
                    </select>
                    <fieldset class="llmc-years">
                        <legend>{ t.years }</legend>
                        <label>{ t.year_from }<input type="number" inputmode="numeric" min="1900" max="2100" value={year_value(f.years.0)} onchange={year_input(true)} /></label>
                        <label>{ t.year_to }<input type="number" inputmode="numeric" min="1900" max="2100" value={year_value(f.years.1)} onchange={year_input(false)} /></label>
                    </fieldset>
                    <fieldset class="llmc-mode">
                        <legend>{ t.non_matching }</legend>
                        { mode_radio(FilterMode::Dim, t.dim) }
                        { mode_radio(FilterMode::Hide, t.hide) }
                    </fieldset>
                    <button type="button" class="llmc-clear" disabled={!f.is_active()} onclick={clear}>{ t.clear_filters }</button>
                </div>
            </div>
        </details>
    }
}
