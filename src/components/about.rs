//! "About / sources": how the data was made, and who we borrowed from.

use chronicle_core::i18n::{data_as_of, ui, Lang};
use yew::prelude::*;

use crate::app::use_chronicle;

#[derive(Properties, PartialEq)]
pub struct AboutProps {
    /// Passed down rather than read from the store, so changes of zoom, filters or selection
    /// never re-render this view.
    pub lang: Lang,
}

#[function_component]
pub fn About(props: &AboutProps) -> Html {
    let lang = props.lang;
    let t = ui(lang);
    let c = use_chronicle();
    html! {
        <details class="llmc-about">
            <summary>{ t.about }</summary>
            <p>{ t.about_method }</p>
            if let Some(as_of) = &c.data.as_of {
                <p class="llmc-as-of">{ data_as_of(as_of, lang) }</p>
            }
            <ul>
                { for c.data.credits.iter().map(|credit| html! {
                    <li>
                        if let Some(url) = &credit.url {
                            <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ credit.title.get(lang) }</a>
                        } else {
                            <strong>{ credit.title.get(lang) }</strong>
                        }
                        { " — " }{ credit.note.get(lang) }
                    </li>
                }) }
            </ul>
        </details>
    }
}
