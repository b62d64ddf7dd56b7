//! The model openness matrix: one row per model, one column per criterion; each cell a button
//! that shows its note and source. Levels are a symbol plus text, never colour alone. The reader
//! sorts by any column, weights the score, hides criteria groups, colours the timeline by a
//! criterion, and downloads what is shown as CSV or JSON.
//!
//! What the table shows is the core's `scene::openness`; `render::openness` writes it out;
//! `table.rs` is its DOM side, `controls.rs` the controls above it, `cell.rs` a cell's note and
//! `rubric.rs` the rubric beside it.

use std::cell::RefCell;
use std::rc::Rc;

use chronicle_core::matrix::SortKey;
use chronicle_core::scene::openness::{self, Click, TableChoices};
use chronicle_core::state::{Action, DetailAt};
use yew::prelude::*;

use crate::app::{use_chronicle, use_store, Loaded, StoreHandle};
use crate::markup::Drawn;
use crate::render;

mod cell;
mod controls;
mod rubric;
mod table;

use rubric::Rubric;
use table::{detail_id, focus_sort_button, mark_table, scroll_row_into_view, table_click};

#[derive(Properties, PartialEq)]
pub struct OpennessProps {
    pub id_prefix: AttrValue,
}

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
    let (lang, t) = (store.lang, chronicle_core::i18n::ui(store.lang));
    let caption_id = format!("{}-openness-caption", props.id_prefix);
    let note_id = detail_id(&caption_id);
    // Drawn again only when what it shows changes; selection and the open cell are marked on it.
    let table = use_memo((c.clone(), TableChoices::of(&store), caption_id.clone()), |(c, k, caption_id)| {
        openness::table(c, k).map(|scene| {
            let markup: AttrValue = render::openness::table(&scene, caption_id, &detail_id(caption_id)).into();
            Drawn::new((scene, markup))
        })
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
    let Some(drawn) = table.as_ref().as_ref() else { return html! {} };
    let (scene, markup) = &**drawn;

    let onclick = on_table_click(&store, &c, open_cell.clone(), refocus.clone());
    let note = open_cell.and_then(|(r, k)| openness::cell_detail(&c, r, k, lang)).map(|d| cell::cell_note(&d, lang));

    html! {
        <section class="llmc-openness" aria-labelledby={caption_id}>
            { controls::legend(lang) }
            <p class="llmc-hint">{ t.score_rule }{ " " }{ t.cell_hint }</p>
            <div class="llmc-matrix-controls">
                { controls::group_toggles(&store) }
                { controls::downloads(&c, scene, lang) }
            </div>
            { controls::weights(&store, &c) }
            <div class="llmc-matrix-frame llmc-openness-frame" ref={frame} {onclick}>
                { Html::from_html_unchecked(markup.clone()) }
            </div>
            <div class="llmc-cell-detail" id={note_id} role="region" aria-live="polite" aria-label={t.details}>
                { note.unwrap_or_default() }
            </div>
            <Rubric {lang} />
        </section>
    }
}

/// One handler for every button in the table: sort (and have focus come back to that column's
/// button, `refocus`), select a model, open or close a cell's note. Selecting anywhere selects
/// everywhere: opening a cell's note selects its model too.
fn on_table_click(
    store: &StoreHandle,
    c: &Loaded,
    open_cell: UseStateHandle<Option<(usize, usize)>>,
    refocus: Rc<RefCell<Option<SortKey>>>,
) -> Callback<MouseEvent> {
    let (store, c) = (store.clone(), c.clone());
    Callback::from(move |e: MouseEvent| match table_click(&e) {
        Some(Click::Sort(key)) => {
            *refocus.borrow_mut() = Some(key.clone());
            store.dispatch(Action::SortBy(key));
        }
        // Its details open under its row, where the reader is.
        Some(Click::Select(model)) => store.dispatch(Action::SelectIn(model, DetailAt::Matrix)),
        Some(Click::Cell(r, k)) => {
            let opening = *open_cell != Some((r, k));
            open_cell.set(opening.then_some((r, k)));
            let model = c.data.openness.get(r).map(|row| row.model.clone());
            if let Some(model) = model.filter(|m| opening && c.find(m).is_some() && store.selected.as_ref() != Some(m))
            {
                store.dispatch(Action::SelectIn(model, DetailAt::Matrix));
            }
        }
        None => {}
    })
}
