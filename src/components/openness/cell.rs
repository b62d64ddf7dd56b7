//! The note of the open cell: level in symbol and words, the note, what the level rests on, the
//! criterion, and the source.

use chronicle_core::i18n::{ui, Lang};
use chronicle_core::scene::openness::{level_class, CellDetail};
use yew::prelude::*;

pub fn cell_note(d: &CellDetail, lang: Lang) -> Html {
    let t = ui(lang);
    html! {
        <>
            <p class="llmc-cell-title">
                <strong>{ d.title.clone() }</strong>
                { " " }
                <span class={classes!("llmc-level-tag", level_class(d.level))}>{ d.level_text.clone() }</span>
            </p>
            <p>{ d.note.clone() }</p>
            if let Some(basis) = d.basis {
                <p class="llmc-basis"><strong>{ t.basis }{ ": " }</strong>{ basis }</p>
            }
            <p class="llmc-hint">{ d.description.clone() }</p>
            if let Some((title, url)) = &d.source {
                <p><a href={url.clone()} target="_blank" rel="noopener noreferrer">{ title.clone() }</a></p>
            }
        </>
    }
}
