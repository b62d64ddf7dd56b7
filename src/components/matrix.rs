//! The dimension matrix: open and closed side by side, rated 1–5, grouped by whose strength it is.

use chronicle_core::i18n::{ui, Lang};
use chronicle_core::model::{DimensionGroup, Side};
use chronicle_core::state::Action;
use chronicle_core::Chronicle;
use yew::prelude::*;

use crate::app::{use_chronicle, use_store};
use crate::markup::Markup;

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub id_prefix: AttrValue,
}

/// Five dots, `rating` of them filled, with the number in text beside them.
fn rating(out: &mut Markup, side: &Side, of_5: &str) {
    out.raw("<span class=\"llmc-rating\"><span class=\"llmc-dots\" aria-hidden=\"true\">");
    for k in 1..=5 {
        out.raw(if k <= side.rating {
            "<span class=\"llmc-dot llmc-dot-on\"></span>"
        } else {
            "<span class=\"llmc-dot\"></span>"
        });
    }
    out.raw("</span><span class=\"llmc-rating-text\">").text(&format!("{} {of_5}", side.rating)).raw("</span></span>");
}

/// The table as escaped markup (it changes only with the data, the language and the story step):
/// hydrating it costs nothing. Example buttons carry `data-select` for the delegated click.
fn draw(c: &Chronicle, lang: Lang, story: Option<usize>, table_id: &str) -> AttrValue {
    let t = ui(lang);
    let mut out = Markup::new();
    out.raw("<table class=\"llmc-matrix\"").attr("id", table_id).raw("><caption>").text(t.matrix_caption);
    out.raw("</caption><thead><tr>");
    for head in [t.dimension, t.open_side, t.closed_side, t.examples] {
        out.raw("<th scope=\"col\">").text(head).raw("</th>");
    }
    out.raw("</tr></thead>");
    for (g, title) in
        [(DimensionGroup::OpenStrength, t.open_strengths), (DimensionGroup::ClosedStrength, t.closed_strengths)]
    {
        out.raw("<tbody><tr class=\"llmc-group-row\"><th scope=\"colgroup\" colspan=\"4\">")
            .text(title)
            .raw("</th></tr>");
        for d in c.data.dimensions.iter().filter(|d| d.group == g) {
            let highlighted = story.and_then(|k| c.data.story.get(k)).is_some_and(|s| s.dimensions.contains(&d.id));
            out.raw(if highlighted { "<tr class=\"llmc-row-highlight\">" } else { "<tr>" });
            out.raw("<th scope=\"row\">").text(d.name.get(lang)).raw(if highlighted { " ★" } else { "" }).raw("</th>");
            for side in [&d.open, &d.closed] {
                out.raw("<td>");
                rating(&mut out, side, t.rating_of_5);
                out.raw("<p>").text(side.text.get(lang)).raw("</p></td>");
            }
            out.raw("<td><ul class=\"llmc-examples\">");
            for j in d.examples.iter().filter_map(|id| c.find(id)) {
                let e = &c.events()[j];
                out.raw("<li><button type=\"button\" class=\"llmc-link-button\"").attr("data-select", &e.id).raw(">");
                out.text(e.name.get(lang)).raw("</button></li>");
            }
            out.raw("</ul></td></tr>");
        }
        out.raw("</tbody>");
    }
    out.raw("</table>");
    out.finish().into()
}

#[function_component]
pub fn Matrix(props: &MatrixProps) -> Html {
    let store = use_store();
    let table_id = format!("{}-matrix", props.id_prefix);
    let c = use_chronicle();
    let markup = use_memo((c, store.lang, store.story, table_id), |(c, lang, story, id)| draw(c, *lang, *story, id));
    // One handler for every example button.
    let onclick = Callback::from(move |e: MouseEvent| {
        if let Some(id) = clicked_example(&e) {
            store.dispatch(Action::Select(id));
        }
    });
    html! {
        <div class="llmc-matrix-frame" {onclick}>{ Html::from_html_unchecked((*markup).clone()) }</div>
    }
}

/// The event of the example button a click landed on.
#[cfg(target_arch = "wasm32")]
fn clicked_example(e: &MouseEvent) -> Option<String> {
    crate::dom::button_at(e)?.get_attribute("data-select")
}

#[cfg(not(target_arch = "wasm32"))]
fn clicked_example(_: &MouseEvent) -> Option<String> {
    None
}
