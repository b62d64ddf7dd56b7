//! The model openness matrix: one row per model, one column per criterion; each cell a button
//! that shows its note and source. Levels are a symbol plus text, never colour alone. The reader
//! sorts by any column, weights the score, hides criteria groups, colours the timeline by a
//! criterion, and downloads what is shown as CSV or JSON.

use chronicle_core::i18n::{basis_name, level_name, ui, Lang};
use chronicle_core::matrix::{level_slug, level_symbol, to_csv, to_json, SortKey};
use chronicle_core::model::{CriterionGroup, Level};
use chronicle_core::state::Action;
use yew::prelude::*;

use crate::app::{dispatch, use_chronicle, use_store};
use crate::markup::Drawn;

mod rubric;
mod table;

use rubric::Rubric;
use table::{detail_id, draw_table, table_click, TableClick, TableKey};

#[derive(Properties, PartialEq)]
pub struct OpennessProps {
    pub id_prefix: AttrValue,
}

pub(crate) fn group_name(g: CriterionGroup, lang: Lang) -> &'static str {
    let t = ui(lang);
    match g {
        CriterionGroup::Availability => t.group_availability,
        CriterionGroup::Documentation => t.group_documentation,
        CriterionGroup::Access => t.group_access,
    }
}

pub(crate) const GROUPS: [CriterionGroup; 3] =
    [CriterionGroup::Availability, CriterionGroup::Documentation, CriterionGroup::Access];

#[function_component]
pub fn OpennessMatrix(props: &OpennessProps) -> Html {
    let store = use_store();
    let c = use_chronicle();
    let open_cell = use_state_eq(|| None::<(usize, usize)>);
    let frame = use_node_ref();
    {
        // Linked views: an event selected anywhere scrolls its row into view inside the table's
        // own frame (never the page).
        let frame = frame.clone();
        use_effect_with(store.selected.clone(), move |selected| scroll_row_into_view(&frame, selected.as_deref()));
    }
    let lang = store.lang;
    let t = ui(lang);
    let caption_id = format!("{}-openness-caption", props.id_prefix);
    let key = TableKey {
        data: c.clone(),
        lang,
        sort: store.sort.clone(),
        descending: store.sort_descending,
        weights: store.weights.clone(),
        hidden_groups: store.hidden_groups.clone(),
        filter: store.filter.clone(),
        story: store.story,
        caption_id: caption_id.clone(),
    };
    let table = use_memo(key, |k| {
        let c = &k.data;
        (!c.data.criteria.is_empty() && !c.data.openness.is_empty()).then(|| Drawn::new(draw_table(k, c)))
    });
    // The sort button a reader pressed: the table is drawn again, so focus goes back to the new
    // button for the same column (a keyboard reader would otherwise be left on the page's body).
    let refocus = use_mut_ref(|| None::<SortKey>);
    {
        let (frame, refocus) = (frame.clone(), refocus.clone());
        let drawn = table.as_ref().as_ref().map_or(0, |t| t.serial);
        use_effect_with((store.selected.clone(), *open_cell, drawn), move |(selected, open, _)| {
            mark_table(&frame, selected.as_deref(), *open);
            if let Some(key) = refocus.borrow_mut().take() {
                focus_sort_button(&frame, &key);
            }
        });
    }
    let Some(table) = table.as_ref().as_ref() else { return html! {} };
    let criteria = &c.data.criteria;
    let rows = &c.data.openness;
    let weights: Vec<f64> = criteria.iter().map(|k| store.weights.get(&k.id).copied().unwrap_or(1.0)).collect();
    let name_of = |m: &str| c.find(m).map(|i| c.events()[i].name.get(lang).to_owned()).unwrap_or_else(|| m.to_owned());
    let detail_id = detail_id(&caption_id);

    // One handler for every button in the table: sort, select a model, open a cell.
    let onclick = {
        let (store, open_cell, refocus) = (store.clone(), open_cell.clone(), refocus.clone());
        Callback::from(move |e: MouseEvent| match table_click(&e) {
            Some(TableClick::Sort(key)) => {
                *refocus.borrow_mut() = Some(key.clone());
                store.dispatch(Action::SortBy(key));
            }
            Some(TableClick::Select(model)) => store.dispatch(Action::Select(model)),
            Some(TableClick::Cell(r, k)) => open_cell.set(if *open_cell == Some((r, k)) { None } else { Some((r, k)) }),
            None => {}
        })
    };

    let detail = open_cell.and_then(|(r, k)| {
        let row = rows.get(r)?;
        let crit = criteria.get(k)?;
        let cell = row.cells.get(&crit.id)?;
        Some(html! {
            <>
                <p class="llmc-cell-title">
                    <strong>{ format!("{} · {}", name_of(&row.model), crit.name.get(lang)) }</strong>
                    { " " }
                    <span class={classes!("llmc-level-tag", format!("llmc-level-{}", level_slug(cell.level)))}>
                        { format!("{} {}", level_symbol(cell.level), level_name(cell.level, lang)) }
                    </span>
                </p>
                <p>{ cell.note.get(lang) }</p>
                if let Some(basis) = cell.basis {
                    <p class="llmc-basis"><strong>{ t.basis }{ ": " }</strong>{ basis_name(basis, lang) }</p>
                }
                <p class="llmc-hint">{ crit.description.get(lang) }</p>
                if let Some(s) = &cell.source {
                    <p><a href={s.url.clone()} target="_blank" rel="noopener noreferrer">{ s.title.clone() }</a></p>
                }
            </>
        })
    });

    let legend = [Level::Open, Level::Partial, Level::Closed, Level::Unknown].map(|l| {
        html! { <li><span aria-hidden="true" class={classes!("llmc-symbol", format!("llmc-level-{}", level_slug(l)))}>{ level_symbol(l) }</span>{ level_name(l, lang) }</li> }
    });

    let group_toggles = GROUPS.map(|g| {
        let checked = !store.hidden_groups.contains(&g);
        let onchange = dispatch(&store, Action::ToggleGroup(g));
        html! {
            <label class="llmc-check">
                <input type="checkbox" {checked} {onchange} />{ group_name(g, lang) }
            </label>
        }
    });
    let weight_inputs = criteria.iter().enumerate().map(|(k, crit)| {
        let store = store.clone();
        let id = crit.id.clone();
        let onchange = Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value().parse::<f64>().unwrap_or(1.0);
            store.dispatch(Action::SetWeight(id.clone(), v));
        });
        html! {
            <label class="llmc-weight">
                <span>{ crit.name.get(lang) }</span>
                <input type="number" min="0" max="5" step="0.5" value={weights[k].to_string()} {onchange} />
            </label>
        }
    });
    let reset_weights = dispatch(&store, Action::ResetWeights);
    let colour_select = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            store.dispatch(Action::ColourBy(Some(v)));
        })
    };
    // The file is written when asked for, from the rows and columns shown at that moment.
    let download = |json: bool| {
        let (c, columns, order, weights) =
            (c.clone(), table.columns.clone(), table.order.clone(), table.shown_weights.clone());
        Callback::from(move |_| {
            let (rows, criteria) = (&c.data.openness, &c.data.criteria);
            let name_of =
                |m: &str| c.find(m).map(|i| c.events()[i].name.get(lang).to_owned()).unwrap_or_else(|| m.to_owned());
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
        <section class="llmc-openness" aria-labelledby={caption_id}>
            <ul class="llmc-legend">{ for legend }</ul>
            <p class="llmc-hint">{ t.score_rule }{ " " }{ t.cell_hint }</p>
            <div class="llmc-matrix-controls">
                <fieldset class="llmc-groups">
                    <legend>{ t.show_groups }</legend>
                    { for group_toggles }
                </fieldset>
                <label class="llmc-colour-by">
                    <span>{ t.colour_by }</span>
                    <select onchange={colour_select}>
                        <option value="" selected={store.colour_by.is_none()}>{ t.colour_none }</option>
                        { for criteria.iter().map(|k| html! {
                            <option value={k.id.clone()} selected={store.colour_by.as_deref() == Some(k.id.as_str())}>{ k.name.get(lang) }</option>
                        }) }
                    </select>
                </label>
                <div class="llmc-downloads">
                    <button type="button" onclick={download(false)}>{ t.download_csv }</button>
                    <button type="button" onclick={download(true)}>{ t.download_json }</button>
                </div>
            </div>
            <details class="llmc-weights">
                <summary>{ t.weights }</summary>
                <div class="llmc-weight-grid">{ for weight_inputs }</div>
                <button type="button" class="llmc-clear" disabled={store.weights.is_empty()} onclick={reset_weights}>{ t.reset_weights }</button>
            </details>
            <div class="llmc-matrix-frame llmc-openness-frame" ref={frame} {onclick}>
                { Html::from_html_unchecked(table.markup.clone()) }
            </div>
            <div class="llmc-cell-detail" id={detail_id} role="region" aria-live="polite" aria-label={t.details}>
                { detail.unwrap_or_default() }
            </div>
            <Rubric {lang} />
        </section>
    }
}

/// Sets the selected model's row (`llmc-row-selected`, its button `aria-pressed`) and the open
/// cell's `aria-pressed` on the drawn table, changing only what differs.
#[cfg(target_arch = "wasm32")]
fn mark_table(frame: &NodeRef, selected: Option<&str>, open: Option<(usize, usize)>) {
    let Some(root) = frame.cast::<web_sys::Element>() else { return };
    let row = selected.map(|m| crate::dom::selector("tr", "data-model", m));
    let cell = open.map(|(r, k)| crate::dom::selector("button", "data-cell", &format!("{r}-{k}")));
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

/// Focuses the sort button of `key` in the drawn table.
#[cfg(target_arch = "wasm32")]
fn focus_sort_button(frame: &NodeRef, key: &SortKey) {
    let Some(root) = frame.cast::<web_sys::Element>() else { return };
    if let Ok(Some(button)) = root.query_selector(&crate::dom::selector("button", "data-sort", &table::sort_code(key)))
    {
        crate::dom::focus(&button);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn focus_sort_button(_: &NodeRef, _: &SortKey) {}

#[cfg(not(target_arch = "wasm32"))]
fn mark_table(_: &NodeRef, _: Option<&str>, _: Option<(usize, usize)>) {}

#[cfg(target_arch = "wasm32")]
fn scroll_row_into_view(frame: &NodeRef, selected: Option<&str>) {
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
fn scroll_row_into_view(_: &NodeRef, _: Option<&str>) {}
