//! The open-versus-closed trend: releases per year by openness, and the matrix models' openness
//! scores over time (the core's `scene::trend`, written out by `render::trend`). Linked: the shared
//! filters narrow it, and a dot or a table row selects its model everywhere.

use chronicle_core::i18n::trend_ui;
use chronicle_core::scene::trend::{self, TrendChoices, DEFAULT_WIDTH, SELECT_ATTR};
use chronicle_core::state::Action;
use yew::prelude::*;

use crate::app::{use_chronicle, use_store, Loaded};
use crate::components::width::use_width;
use crate::render;

#[derive(Properties, PartialEq)]
pub struct TrendProps {
    pub id_prefix: AttrValue,
}

#[function_component]
pub fn Trend(props: &TrendProps) -> Html {
    let store = use_store();
    let c = use_chronicle();
    let frame = use_node_ref();
    let width = use_width(frame.clone()).unwrap_or(DEFAULT_WIDTH);
    let lang = store.lang;
    let drawn = use_memo((c.clone(), TrendChoices::of(&store), width.round() as i64), |(c, k, width)| {
        trend::trend(c, k, *width as f64).map(|t| {
            let svg: AttrValue = render::trend::svg(&t).into();
            let tables: AttrValue = render::trend::tables(&t, k.lang).into();
            (t, svg, tables)
        })
    });
    let Some((scene, svg, tables)) = drawn.as_ref() else { return html! {} };
    let w = trend_ui(lang);
    let heading_id = format!("{}-trend-heading", props.id_prefix);
    let onclick = {
        let store = store.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = selected_by(&e) {
                if store.selected.as_deref() != Some(id.as_str()) {
                    store.dispatch(Action::Select(id));
                }
            }
        })
    };
    html! {
        <section class="llmc-trend" aria-labelledby={heading_id.clone()} {onclick}>
            <h2 id={heading_id}>{ w.heading }</h2>
            <p class="llmc-trend-summary">{ &scene.summary }</p>
            if let Some(filtered) = &scene.filtered {
                <p class="llmc-hint">{ filtered }</p>
            }
            { legend(lang) }
            { downloads(&c, &TrendChoices::of(&store), width, &frame) }
            <div class="llmc-trend-frame" ref={frame}>
                { Html::from_html_unchecked(svg.clone()) }
            </div>
            <p class="llmc-hint llmc-screen-only">{ w.hint }</p>
            { Html::from_html_unchecked(tables.clone()) }
        </section>
    }
}

/// The chart's image downloads (SVG and PNG), as the timeline's toolbar has them.
fn downloads(c: &Loaded, k: &TrendChoices, width: f64, frame: &NodeRef) -> Html {
    let t = trend_ui(k.lang);
    let on = |png: bool| {
        let (c, k, frame) = (c.clone(), k.clone(), frame.clone());
        Callback::from(move |_: MouseEvent| save(&c, &k, width, &frame, png))
    };
    html! {
        <p class="llmc-image-downloads" role="group" aria-label={t.download}>
            <span aria-hidden="true">{ t.download }</span>
            <button type="button" aria-label={t.download_svg} title={t.download_hint} onclick={on(false)}>{ "SVG" }</button>
            <button type="button" aria-label={t.download_png} title={t.download_hint} onclick={on(true)}>{ "PNG" }</button>
        </p>
    }
}

/// Draws the chart as shown (its width, the widget's theme) and saves it.
#[cfg(target_arch = "wasm32")]
fn save(c: &Loaded, k: &TrendChoices, width: f64, frame: &NodeRef, png: bool) {
    use chronicle_core::scene::export::{trend, Theme};
    let widget = frame.cast::<web_sys::Element>().and_then(|el| el.closest(".llmc").ok().flatten());
    let theme = widget.map_or(Theme::Light, |el| Theme::of_background(&crate::dom::background(&el)));
    let Some(image) = trend(c, k, width, theme, &crate::dom::page_address()) else { return };
    if png {
        crate::dom::save_png(image);
    } else {
        crate::browser_download(&format!("{}.svg", image.file_stem), "image/svg+xml;charset=utf-8", &image.svg);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn save(_: &Loaded, _: &TrendChoices, _: f64, _: &NodeRef, _: bool) {}

/// The key: open and closed (filled and outlined, as on the timeline), and the two lines.
fn legend(lang: chronicle_core::i18n::Lang) -> Html {
    let w = trend_ui(lang);
    let swatch = |class: &'static str| {
        html! {
            <svg class="llmc-trend-swatch" width="22" height="12" viewBox="0 0 22 12" aria-hidden="true">
                <rect {class} x="1" y="1" width="10" height="10"></rect>
            </svg>
        }
    };
    let stroke = |class: &'static str| {
        html! {
            <svg class="llmc-trend-swatch" width="22" height="12" viewBox="0 0 22 12" aria-hidden="true">
                <path {class} d="M1 6 H21"></path>
            </svg>
        }
    };
    html! {
        <ul class="llmc-trend-legend">
            <li>{ swatch("llmc-trend-bar llmc-trend-open") }{ w.open_weights }</li>
            <li>{ swatch("llmc-trend-bar llmc-trend-closed") }{ w.closed }</li>
            <li>{ stroke("llmc-trend-best llmc-trend-best-open") }{ w.best_open }</li>
            <li>{ stroke("llmc-trend-best llmc-trend-best-closed") }{ w.best_closed }</li>
        </ul>
    }
}

/// The model a click asks to select: the `data-select` of the dot or the table button it landed on.
#[cfg(target_arch = "wasm32")]
fn selected_by(e: &MouseEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest(&format!("[{SELECT_ATTR}]")).ok()??.get_attribute(SELECT_ATTR)
}

#[cfg(not(target_arch = "wasm32"))]
fn selected_by(_: &MouseEvent) -> Option<String> {
    let _ = SELECT_ATTR;
    None
}
