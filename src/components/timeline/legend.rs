//! The legend: marker shapes and edge styles in words, and the colours when the timeline is
//! coloured by a criterion.

use chronicle_core::i18n::{level_name, ui};
use chronicle_core::markup::Markup;
use chronicle_core::matrix::{level_slug, level_symbol};
use chronicle_core::model::{Level, Openness};
use yew::prelude::*;

use crate::app::use_store;
use crate::render::marker;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The name of the criterion the timeline is coloured by, if it is.
    pub colour_by: Option<AttrValue>,
}

/// A marker drawn alone.
fn marker_html(openness: Openness) -> Html {
    let mut out = Markup::new();
    marker(&mut out, openness, 6.0, (0.0, 0.0));
    Html::from_html_unchecked(out.finish().into())
}

#[function_component]
pub fn Legend(props: &LegendProps) -> Html {
    let lang = use_store().lang;
    let t = ui(lang);
    let item = |shape: Html, text: &'static str| {
        html! {
            <li>
                <svg class="llmc-legend-swatch" width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">{ shape }</svg>
                { text }
            </li>
        }
    };
    html! {
        <ul class="llmc-legend">
            { item(marker_html(Openness::Open), t.open_marker) }
            { item(marker_html(Openness::Closed), t.closed_marker) }
            { item(marker_html(Openness::NotApplicable), t.na_marker) }
            { item(html! { <path class="llmc-edge llmc-edge-documented" d="M-8 0 L8 0" /> }, t.legend_documented) }
            { item(html! { <path class="llmc-edge llmc-edge-inferred" d="M-8 0 L8 0" /> }, t.legend_inferred) }
            if let Some(name) = &props.colour_by {
                <li class="llmc-colour-legend">
                    <strong>{ format!("{}: {name} —", t.colour_legend) }</strong>
                    { for [Level::Open, Level::Partial, Level::Closed].map(|l| html! {
                        <span class={classes!("llmc-colour-key", format!("llmc-colour-{}", level_slug(l)))}>{ format!("{} {}", level_symbol(l), level_name(l, lang)) }</span>
                    }) }
                    <span class="llmc-colour-key llmc-colour-none">{ t.not_in_matrix }</span>
                </li>
            }
        </ul>
    }
}
