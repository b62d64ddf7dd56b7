//! Every era and every event as text, era by era: what readers without JavaScript, search engines,
//! printers and screen-reader users get. Folded behind a button from the first frame (it stays in
//! the page, and in print); without scripting the style sheet shows it whole.

use chronicle_core::i18n::{ui, Lang};
use chronicle_core::layout::events_by_era;
use chronicle_core::scene::detail::{fact, LISTED};
use yew::prelude::*;

use chronicle_core::Chronicle;

use crate::app::use_chronicle;
use crate::markup::Markup;

#[derive(Properties, PartialEq)]
pub struct EventListProps {
    /// Passed down rather than read from the store, so changes of zoom, filters or selection
    /// never re-render this view.
    pub lang: Lang,
    pub id_prefix: AttrValue,
}

/// Past this many events the list lets the browser skip laying out what is off-screen.
pub const LONG_LIST: usize = 500;

#[function_component]
pub fn EventList(props: &EventListProps) -> Html {
    let lang = props.lang;
    let t = ui(lang);
    // Folded, prerendered HTML included; the style sheet shows it whole where scripting is off
    // (and in print), since the toggle can't work there.
    let open = use_state_eq(|| false);
    // The list is static text for a dataset and a language: built once as markup (every text
    // escaped), so hydrating it costs nothing even for 10,000 events, and Yew keeps no virtual
    // nodes for it.
    let c = use_chronicle();
    let body = use_memo((c.clone(), lang), |(c, lang)| AttrValue::from(list_markup(c, *lang)));
    let long = c.events().len() > LONG_LIST;
    let body_id = format!("{}-all-events", props.id_prefix);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <section class={classes!("llmc-list", long.then_some("llmc-list-long"))} aria-labelledby={format!("{body_id}-title")}>
            <div class="llmc-list-head">
                <h3 id={format!("{body_id}-title")}>{ t.list_title }</h3>
                <button type="button" class="llmc-list-toggle" aria-expanded={open.to_string()} aria-controls={body_id.clone()} onclick={toggle}>
                    { if *open { t.list_hide } else { t.list_show } }
                </button>
            </div>
            <ol class="llmc-list-body" id={body_id} hidden={!*open}>{ Html::from_html_unchecked((*body).clone()) }</ol>
        </section>
    }
}

/// Every era with its events, as the markup of the list's `<li>` items. Every text is escaped,
/// and links are the validator's http(s) source URLs.
pub fn list_markup(c: &Chronicle, lang: Lang) -> String {
    let t = ui(lang);
    let mut out = Markup::new();
    for (era, members) in events_by_era(c) {
        let (title, summary) = match era.and_then(|k| c.data.eras.get(k)) {
            Some(e) => (format!("{} ({}–{})", e.name.get(lang), e.start, e.end), Some(e.summary.get(lang))),
            None => (t.outside_eras.to_owned(), None),
        };
        out.raw("<li class=\"llmc-list-era\"><h4>").text(&title).raw("</h4>");
        if let Some(s) = summary {
            out.raw("<p class=\"llmc-list-era-summary\">").text(s).raw("</p>");
        }
        if !members.is_empty() {
            out.raw("<ol class=\"llmc-list-events\">");
            for i in members {
                let e = &c.events()[i];
                // `data-entry` and the facts' spans (`data-fact`) are what the start-up script fills
                // the detail panel's template from, for a click before the widget is interactive.
                out.raw("<li").attr("data-entry", &e.id).raw("><strong>").text(e.name.get(lang)).raw("</strong>");
                for key in LISTED {
                    let value = fact(c, i, key, lang).unwrap_or_default();
                    out.raw(" · <span").attr("data-fact", key.slug()).raw(">").text(&value).raw("</span>");
                }
                out.raw("<p>").text(e.summary.get(lang)).raw("</p><ul class=\"llmc-list-sources\">");
                for s in &e.sources {
                    out.raw("<li><a").attr("href", &s.url).raw(" target=\"_blank\" rel=\"noopener noreferrer\">");
                    out.text(&s.title).raw("</a></li>");
                }
                out.raw("</ul></li>");
            }
            out.raw("</ol>");
        }
        out.raw("</li>");
    }
    out.finish()
}
