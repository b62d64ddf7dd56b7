//! Every era and every event as text, era by era: what readers without JavaScript, search engines,
//! printers and screen-reader users get. Prerendered open; once the widget is interactive it folds
//! away behind a button (it stays in the page, and in print).

use chronicle_core::i18n::{access_name, openness_marker, ui, Lang};
use chronicle_core::layout::events_by_era;
use yew::prelude::*;

use crate::app::Data;

#[derive(Properties, PartialEq)]
pub struct EventListProps {
    /// Passed down rather than read from the store, so changes of zoom, filters or selection
    /// never re-render this view.
    pub lang: Lang,
    pub data: Data,
    pub id_prefix: AttrValue,
}

#[function_component]
pub fn EventList(props: &EventListProps) -> Html {
    let lang = props.lang;
    let t = ui(lang);
    // Open in the prerendered HTML (and so without JavaScript); folded once interactive.
    let open = use_state_eq(|| true);
    {
        let open = open.clone();
        use_effect_with((), move |_| open.set(false));
    }
    let Ok(c) = &*props.data.0 else { return html! {} };
    let body_id = format!("{}-all-events", props.id_prefix);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let groups = events_by_era(c).into_iter().map(|(era, members)| {
        let (title, summary) = match era.and_then(|k| c.data.eras.get(k)) {
            Some(e) => (format!("{} ({}–{})", e.name.get(lang), e.start, e.end), Some(e.summary.get(lang))),
            None => (t.outside_eras.to_owned(), None),
        };
        html! {
            <li class="llmc-list-era">
                <h4>{ title }</h4>
                if let Some(s) = summary { <p class="llmc-list-era-summary">{ s }</p> }
                if !members.is_empty() {
                <ol class="llmc-list-events">
                    { for members.into_iter().map(|i| {
                        let e = &c.events()[i];
                        html! {
                            <li>
                                <strong>{ e.name.get(lang) }</strong>
                                { format!(" · {} · {} · {} ({})", c.date(i), e.org, access_name(e.access, lang), openness_marker(e.access.openness(), lang)) }
                                <p>{ e.summary.get(lang) }</p>
                                <ul class="llmc-list-sources">
                                    { for e.sources.iter().map(|s| html! {
                                        <li><a href={s.url.clone()} target="_blank" rel="noopener noreferrer">{ s.title.clone() }</a></li>
                                    }) }
                                </ul>
                            </li>
                        }
                    }) }
                </ol>
                }
            </li>
        }
    });
    html! {
        <section class="llmc-list" aria-labelledby={format!("{body_id}-title")}>
            <div class="llmc-list-head">
                <h3 id={format!("{body_id}-title")}>{ t.list_title }</h3>
                <button type="button" class="llmc-list-toggle" aria-expanded={open.to_string()} aria-controls={body_id.clone()} onclick={toggle}>
                    { if *open { t.list_hide } else { t.list_show } }
                </button>
            </div>
            <ol class="llmc-list-body" id={body_id} hidden={!*open}>{ for groups }</ol>
        </section>
    }
}
