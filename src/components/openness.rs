//! The model openness matrix: one row per model, one column per criterion; each cell a button
//! that shows its note and source. Levels are a symbol plus text, never colour alone.

use chronicle_core::i18n::{ui, Lang};
use chronicle_core::matrix::{level_slug, level_symbol, order_by_score, score};
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
    let order = order_by_score(rows, criteria, &[]);
    // The shared filter narrows the rows too (access, family, organisation, years, search).
    let mask = store.filter.mask(c);
    let filtering = store.filter.is_active();
    let story_criteria: Vec<&str> = store
        .story
        .and_then(|k| c.data.story.get(k))
        .map(|s| s.criteria.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let detail_id = format!("{}-cell-detail", props.id_prefix);

    let groups = [
        (CriterionGroup::Availability, t.group_availability),
        (CriterionGroup::Documentation, t.group_documentation),
        (CriterionGroup::Access, t.group_access),
    ];
    let group_header = groups.iter().filter_map(|(g, name)| {
        let span = criteria.iter().filter(|c| c.group == *g).count();
        (span > 0).then(|| html! { <th scope="colgroup" colspan={span.to_string()}>{ *name }</th> })
    });
    // Columns in group order, so the group header spans line up.
    let columns: Vec<usize> = groups
        .iter()
        .flat_map(|(g, _)| criteria.iter().enumerate().filter(move |(_, c)| c.group == *g).map(|(i, _)| i))
        .collect();

    let body = order.iter().map(|&r| {
        let row = &rows[r];
        let Some(ev) = c.find(&row.model) else { return html! {} };
        if filtering && !mask[ev] {
            return html! {};
        }
        let name = c.events()[ev].name.get(lang);
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
                    <button type="button" class="llmc-link-button" aria-pressed={selected.to_string()} onclick={select}>{ name }</button>
                </th>
                <td class="llmc-score">{ format!("{:.0}", score(row, criteria, &[])) }</td>
                { for cells }
            </tr>
        }
    });

    let detail = open_cell.and_then(|(r, k)| {
        let row = rows.get(r)?;
        let crit = criteria.get(k)?;
        let cell = row.cells.get(&crit.id)?;
        let name = c.find(&row.model).map(|i| c.events()[i].name.get(lang))?;
        Some(html! {
            <>
                <p class="llmc-cell-title">
                    <strong>{ format!("{name} · {}", crit.name.get(lang)) }</strong>
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

    html! {
        <section class="llmc-openness" aria-labelledby={format!("{}-openness-caption", props.id_prefix)}>
            <ul class="llmc-legend">{ for legend }</ul>
            <p class="llmc-hint">{ t.score_rule }{ " " }{ t.cell_hint }</p>
            <div class="llmc-matrix-frame llmc-openness-frame" ref={frame}>
                <table class="llmc-openness-table">
                    <caption id={format!("{}-openness-caption", props.id_prefix)}>{ t.openness_caption }</caption>
                    <thead>
                        <tr>
                            <td colspan="2"></td>
                            { for group_header }
                        </tr>
                        <tr>
                            <th scope="col">{ t.model }</th>
                            <th scope="col">{ t.score }</th>
                            { for columns.iter().map(|&k| {
                                let hl = story_criteria.contains(&criteria[k].id.as_str());
                                html! {
                                    <th scope="col" class={classes!(hl.then_some("llmc-col-highlight"))} title={criteria[k].description.get(lang).to_owned()}>
                                        { criteria[k].name.get(lang) }{ if hl { " ★" } else { "" } }
                                    </th>
                                }
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
