//! The model openness matrix: one row per model, one column per criterion; each cell a button
//! that shows its note and source. Levels are a symbol plus text, never colour alone. The reader
//! sorts by any column, weights the score, hides criteria groups, colours the timeline by a
//! criterion, and downloads what is shown as CSV or JSON.

use chronicle_core::i18n::{ui, Lang};
use chronicle_core::matrix::{level_slug, level_symbol, order_rows, score, to_csv, to_json, SortKey};
use chronicle_core::model::{CriterionGroup, Level};
use chronicle_core::state::Action;
use yew::prelude::*;

use crate::app::{use_store, Data};

#[derive(Properties, PartialEq)]
pub struct OpennessProps {
    pub data: Data,
    pub id_prefix: AttrValue,
}

/// The level's word in `lang`.
pub fn level_name(level: Level, lang: Lang) -> &'static str {
    let t = ui(lang);
    match level {
        Level::Open => t.level_open,
        Level::Partial => t.level_partial,
        Level::Closed => t.level_closed,
        Level::Unknown => t.level_unknown,
    }
}

fn group_name(g: CriterionGroup, lang: Lang) -> &'static str {
    let t = ui(lang);
    match g {
        CriterionGroup::Availability => t.group_availability,
        CriterionGroup::Documentation => t.group_documentation,
        CriterionGroup::Access => t.group_access,
    }
}

const GROUPS: [CriterionGroup; 3] =
    [CriterionGroup::Availability, CriterionGroup::Documentation, CriterionGroup::Access];

#[function_component]
pub fn OpennessMatrix(props: &OpennessProps) -> Html {
    let store = use_store();
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
    let Ok(c) = &*props.data.0 else { return html! {} };
    let (criteria, rows) = (&c.data.criteria, &c.data.openness);
    if criteria.is_empty() || rows.is_empty() {
        return html! {};
    }
    let name_of = |m: &str| c.find(m).map(|i| c.events()[i].name.get(lang).to_owned()).unwrap_or_else(|| m.to_owned());
    let weights: Vec<f64> = criteria.iter().map(|k| store.weights.get(&k.id).copied().unwrap_or(1.0)).collect();
    // Columns in group order (so the group header spans line up), without hidden groups.
    let columns: Vec<usize> = GROUPS
        .iter()
        .filter(|g| !store.hidden_groups.contains(g))
        .flat_map(|g| criteria.iter().enumerate().filter(move |(_, k)| k.group == *g).map(|(i, _)| i))
        .collect();
    // Scores count the criteria shown: hiding a group takes it out of the score too.
    let shown_weights: Vec<f64> =
        (0..criteria.len()).map(|k| if columns.contains(&k) { weights[k] } else { 0.0 }).collect();
    // The shared filter narrows the rows too (access, family, organisation, years, search).
    let mask = store.filter.mask(c);
    let filtering = store.filter.is_active();
    let order: Vec<usize> = order_rows(rows, criteria, &shown_weights, &store.sort, store.sort_descending, name_of)
        .into_iter()
        .filter(|&r| !filtering || c.find(&rows[r].model).is_some_and(|i| mask[i]))
        .collect();
    let story_criteria: Vec<&str> = store
        .story
        .and_then(|k| c.data.story.get(k))
        .map(|s| s.criteria.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let detail_id = format!("{}-cell-detail", props.id_prefix);
    let caption_id = format!("{}-openness-caption", props.id_prefix);

    let sort_header = |key: SortKey, label: String, class: Classes, title: Option<String>| {
        let active = store.sort == key;
        let aria_sort = match (active, store.sort_descending) {
            (false, _) => None,
            (true, true) => Some("descending"),
            (true, false) => Some("ascending"),
        };
        let arrow = match aria_sort {
            Some("descending") => " ▼",
            Some("ascending") => " ▲",
            _ => "",
        };
        let store = store.clone();
        let onclick = Callback::from(move |_| store.dispatch(Action::SortBy(key.clone())));
        html! {
            <th scope="col" {class} aria-sort={aria_sort} {title}>
                <button type="button" class="llmc-sort" {onclick}>{ label }{ arrow }</button>
            </th>
        }
    };

    let group_header = GROUPS.iter().filter(|g| !store.hidden_groups.contains(g)).filter_map(|g| {
        let span = criteria.iter().filter(|k| k.group == *g).count();
        (span > 0).then(|| html! { <th scope="colgroup" colspan={span.to_string()}>{ group_name(*g, lang) }</th> })
    });

    let body = order.iter().map(|&r| {
        let row = &rows[r];
        let name = name_of(&row.model);
        let selected = store.selected.as_deref() == Some(row.model.as_str());
        let select = {
            let store = store.clone();
            let id = row.model.clone();
            Callback::from(move |_| store.dispatch(Action::Select(id.clone())))
        };
        let cells = columns.iter().map(|&k| {
            let crit = &criteria[k];
            let level = row.cells.get(&crit.id).map_or(Level::Unknown, |cell| cell.level);
            let pressed = *open_cell == Some((r, k));
            let onclick = {
                let open_cell = open_cell.clone();
                Callback::from(move |_| open_cell.set(if pressed { None } else { Some((r, k)) }))
            };
            let label = format!("{name} · {}: {}", crit.name.get(lang), level_name(level, lang));
            html! {
                <td class={classes!("llmc-cell", format!("llmc-level-{}", level_slug(level)))}>
                    <button type="button" class="llmc-cell-button" aria-label={label} aria-pressed={pressed.to_string()}
                            aria-controls={detail_id.clone()} {onclick}>
                        <span aria-hidden="true" class="llmc-symbol">{ level_symbol(level) }</span>
                    </button>
                </td>
            }
        });
        html! {
            <tr key={row.model.clone()} class={classes!(selected.then_some("llmc-row-selected"))} data-model={row.model.clone()}>
                <th scope="row">
                    <button type="button" class="llmc-link-button" aria-pressed={selected.to_string()} onclick={select}>{ name.clone() }</button>
                </th>
                <td class="llmc-score">{ (score(row, criteria, &shown_weights).round() as i64).to_string() }</td>
                { for cells }
            </tr>
        }
    });

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
        let store = store.clone();
        let onchange = Callback::from(move |_| store.dispatch(Action::ToggleGroup(g)));
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
    let reset_weights = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::ResetWeights))
    };
    let colour_select = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            store.dispatch(Action::ColourBy(Some(v)));
        })
    };
    // The file is written when asked for, from the rows and columns shown at that moment.
    let download = |json: bool| {
        let (data, columns, order, weights) =
            (props.data.clone(), columns.clone(), order.clone(), shown_weights.clone());
        Callback::from(move |_| {
            let Ok(c) = &*data.0 else { return };
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
        <section class="llmc-openness" aria-labelledby={caption_id.clone()}>
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
            <div class="llmc-matrix-frame llmc-openness-frame" ref={frame}>
                <table class="llmc-openness-table">
                    <caption id={caption_id}>{ t.openness_caption }</caption>
                    <thead>
                        <tr>
                            <td colspan="2"></td>
                            { for group_header }
                        </tr>
                        <tr>
                            { sort_header(SortKey::Name, t.model.to_owned(), classes!("llmc-col-model"), None) }
                            { sort_header(SortKey::Score, t.score.to_owned(), classes!(), None) }
                            { for columns.iter().map(|&k| {
                                let hl = story_criteria.contains(&criteria[k].id.as_str());
                                let label = format!("{}{}", criteria[k].name.get(lang), if hl { " ★" } else { "" });
                                sort_header(SortKey::Criterion(criteria[k].id.clone()), label, classes!(hl.then_some("llmc-col-highlight")),
                                            Some(criteria[k].description.get(lang).to_owned()))
                            }) }
                        </tr>
                    </thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            <div class="llmc-cell-detail" id={detail_id} role="region" aria-live="polite" aria-label={t.details}>
                { detail.unwrap_or_default() }
            </div>
        </section>
    }
}

#[cfg(target_arch = "wasm32")]
fn scroll_row_into_view(frame: &NodeRef, selected: Option<&str>) {
    use wasm_bindgen::JsCast;
    let (Some(frame), Some(id)) = (frame.cast::<web_sys::HtmlElement>(), selected) else { return };
    let selector = format!("tr[data-model=\"{}\"]", id.replace('"', ""));
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
