//! The timeline strip. The core decides what is drawn ([`chronicle_core::scene`]) and what keys
//! and gestures mean ([`chronicle_core::keys`], [`chronicle_core::gesture`]); this component
//! measures the plot, writes the scene out through [`crate::render`], and wires DOM events to
//! those pure functions.
//!
//! - `gesture.rs`: a running gesture's preview in the DOM, and the Ctrl + wheel listener;
//! - `pointer.rs`: drag and pinch; `keys.rs`: the keyboard;
//! - `dom.rs`: marking the selection and tab stop, focus, pointer capture, measuring;
//! - `toolbar.rs`, `legend.rs`: the controls above the plot and the legend below it;
//! - `export.rs`: the toolbar's image downloads.

mod dom;
mod export;
mod gesture;
mod keys;
mod legend;
mod lineage;
mod pointer;
mod toolbar;

use std::cell::RefCell;
use std::rc::Rc;

use chronicle_core::filter::Filter;
use chronicle_core::i18n::{ui, Lang};
use chronicle_core::layout::Edge;
use chronicle_core::query::Query;
use chronicle_core::scene::{self, Walk, NARROW_PX};
use chronicle_core::state::Action;
use yew::prelude::*;

use crate::app::{use_chronicle, use_store, use_viewport, Loaded, StoreHandle};
use crate::components::detail::DOCK;
use crate::markup::Drawn;
use crate::render;

use super::width::use_width;
use dom::{era_at, event_id_at, mark_plot, DEFAULT_WIDTH};
use gesture::{use_ctrl_wheel_zoom, Live, Steps};
use legend::Legend;
use pointer::use_pointer;
use toolbar::toolbar;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub id_prefix: AttrValue,
}

/// A drawn plot: its markup, and the arrow keys' walk through it.
pub struct Plot {
    markup: AttrValue,
    vertical: bool,
    walk: Walk,
    /// Where every item with `data-px` is drawn, in document order (see `render::timeline`).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    items: Vec<(f64, f64)>,
    /// Every edge drawn, with its ends, for drawing one event's lineage over them.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    edges: Vec<Edge>,
}

/// Everything the drawn plot depends on. While only the store's window moves during a gesture,
/// the key stays the same and the plot is not drawn again.
#[derive(PartialEq)]
struct PlotKey {
    data: Loaded,
    window: (f64, f64),
    width: f64,
    lang: Lang,
    even_time: bool,
    filter: Filter,
    colour_by: Option<String>,
    story: Option<usize>,
}

/// Draws the plot for `k`: the wide timeline's SVGs, or the narrow vertical list. Which event is
/// selected, and which one Tab lands on, are set afterwards by `mark_plot`, so selecting an event
/// or moving focus never draws the plot again.
fn draw(k: &PlotKey, warp: &chronicle_core::scale::Warp) -> Plot {
    let q = Query::new(&k.data, &k.filter, k.colour_by.as_deref(), k.story);
    if k.width < NARROW_PX {
        let s = scene::list::list(&q, k.window, k.lang);
        let markup = render::list::list(&s).into();
        return Plot { markup, vertical: true, walk: s.walk, items: vec![], edges: vec![] };
    }
    let s = scene::timeline::timeline(&q, warp, k.window, k.width, k.lang);
    let drawing = render::timeline::timeline(&s);
    Plot { markup: drawing.markup.into(), vertical: false, walk: s.walk, items: drawing.items, edges: s.edge_lines }
}

/// How many of the narrow list's entries the first frame draws: a phone's first screens.
const FIRST_LIST_ENTRIES: usize = 30;

/// The narrow list's first entries, for the frames before the widget knows its width.
fn draw_first(k: &PlotKey) -> Plot {
    let q = Query::new(&k.data, &k.filter, k.colour_by.as_deref(), k.story);
    let (s, more) = scene::list::list(&q, k.window, k.lang).first(FIRST_LIST_ENTRIES);
    let markup = render::list::first(&s, more, k.lang).into();
    Plot { markup, vertical: true, walk: s.walk, items: vec![], edges: vec![] }
}

#[function_component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let store = use_store();
    // The one view that follows every zoom and pan step.
    let viewport = use_viewport();
    let c = use_chronicle();
    let lang = store.lang;
    let t = ui(lang);
    let container = use_node_ref();
    let figure = use_node_ref();
    let measured = use_width(figure.clone());
    let width = measured.unwrap_or(DEFAULT_WIDTH);
    // The event that holds the roving tabindex (the one Tab lands on).
    let roving = use_state_eq(|| None::<String>);
    let live = use_mut_ref(Live::default);
    let redraw = use_force_update();
    let steps = Steps { live: live.clone(), redraw, store: store.clone(), container: container.clone() };
    use_ctrl_wheel_zoom(container.clone(), steps.clone());
    let pointer = use_pointer(container.clone(), figure.clone(), steps.clone(), width);
    let keep_focus = keys::use_keep_focus(container.clone());
    let plot = use_plot(&c, &store, &live, width);
    let first_list = use_first_list(&c, &store, &live, measured.is_none());
    use_marks(&container, &store, &roving, &plot);
    let attention = lineage::use_attention(&container, &c, &plot, &store, roving);
    gesture::use_preview(&live, &container, &store);
    let era_menu = use_node_ref();
    toolbar::use_era_menu(&era_menu, store.era_shown(&c));

    let caption_id = format!("{}-timeline-caption", props.id_prefix);
    let help_id = format!("{}-timeline-help", props.id_prefix);
    // One handler for all markers and era bands: the drawn plot is markup, with no handlers of
    // its own.
    let onclick = {
        let (steps, c) = (steps.clone(), c.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = event_id_at(e.target()) {
                steps.store.dispatch(Action::Select(id));
            } else if let Some(i) = era_at(e.target()) {
                steps.zoom_to_era(&c, i);
            }
        })
    };
    let lineage::Attention { onfocusin, onfocusout, onpointerover, onpointerleave } = attention;
    let onkeydown = keys::on_keydown(&c, &steps, plot.clone(), keep_focus);
    // Selection changes are announced politely: the name only.
    let announcement =
        store.selected.as_deref().and_then(|id| c.find(id)).map(|i| c.events()[i].name.get(lang).to_owned());

    html! {
        <figure class={classes!("llmc-timeline", plot.vertical.then_some("llmc-timeline-vertical"), first_list.is_some().then_some("llmc-unmeasured"))}
                ref={figure} aria-labelledby={caption_id.clone()}>
            <figcaption id={caption_id}>
                <span class="llmc-view-title">{ t.timeline_label }</span>
                <span class="llmc-hint">{ t.timeline_hint }</span>
            </figcaption>
            { toolbar(&steps, &c, viewport, &era_menu) }
            if plot.vertical {
                <div class="llmc-vertical" ref={container} tabindex="-1" aria-describedby={help_id.clone()} {onkeydown} {onclick} {onfocusin} {onfocusout}>
                    <DrawnPlot plot={plot.clone()} />
                </div>
            } else {
                <div class="llmc-stage">
                    <div class={classes!("llmc-timeline-frame", store.all_edges.then_some("llmc-edges-all"))} ref={container} tabindex="-1" aria-describedby={help_id.clone()}
                         {onkeydown} {onclick} {onfocusin} {onfocusout} {onpointerover} {onpointerleave} onpointerdown={pointer.down} onpointermove={pointer.moved}
                         onpointerup={pointer.up.clone()} onpointercancel={pointer.up}>
                        // The layer a drag moves (see `gesture::preview`).
                        <div class="llmc-pan">
                            <DrawnPlot plot={plot.clone()} />
                        </div>
                    </div>
                    // Where the selected event's details open, along the plot's side (see
                    // `components::detail`): outside the frame, so they take no part in its
                    // gestures and keys, and never move with a drag. Raw markup, which hydration
                    // takes as it finds it: the start-up script may have opened a panel there.
                    { Html::from_html_unchecked(AttrValue::Static(DOCK)) }
                </div>
                // Its narrow twin, until the width is known (see `use_first_list`).
                <div class="llmc-first-list">
                    if let Some(list) = first_list {
                        <div class="llmc-vertical">
                            <DrawnPlot plot={list} />
                        </div>
                    }
                </div>
            }
            <p class="llmc-sr-only" role="status">{ announcement }</p>
            <p class="llmc-hint llmc-keys" id={help_id}>{ t.keyboard_help }</p>
            <Legend />
        </figure>
    }
}

/// What the plot `width` px wide is drawn from.
fn plot_key(c: &Loaded, store: &StoreHandle, live: &RefCell<Live>, width: f64) -> PlotKey {
    PlotKey {
        data: c.clone(),
        window: live.borrow().gesture.laid_out(store),
        width,
        lang: store.lang,
        even_time: store.even_time,
        filter: store.filter.clone(),
        colour_by: store.colour_by.clone(),
        story: store.story,
    }
}

/// Until the widget has measured the plot's width (the prerendered page, and the render that
/// hydrates it), the narrow list is drawn as well as the wide plot, and the stylesheet shows the
/// one that fits the figure's width: a phone's first frame is already the list, and nothing moves
/// when the widget starts. `None` once measured.
#[hook]
fn use_first_list(
    c: &Loaded,
    store: &StoreHandle,
    live: &Rc<RefCell<Live>>,
    unmeasured: bool,
) -> Option<Rc<Drawn<Plot>>> {
    let key = unmeasured.then(|| plot_key(c, store, live, NARROW_PX - 1.0));
    let list = use_memo(key, move |k| k.as_ref().map(|k| Rc::new(Drawn::new(draw_first(k)))));
    (*list).clone()
}

/// The plot for the present inputs, drawn again only when they change (a gesture's steps do not
/// change them: it lays out once, where it began). `live` learns the plot and the width, for the
/// gesture's preview.
#[hook]
fn use_plot(c: &Loaded, store: &StoreHandle, live: &Rc<RefCell<Live>>, width: f64) -> Rc<Drawn<Plot>> {
    let key = plot_key(c, store, live, width);
    let plot = {
        let store = store.clone();
        use_memo(key, move |k| Drawn::new(draw(k, store.warp())))
    };
    let mut l = live.borrow_mut();
    l.width = width;
    l.plot = Some(plot.clone());
    plot
}

/// Marks the selected event and the one Tab lands on (the last focused, else the selected, else
/// the first) on the drawn plot, after each drawing or change of either.
#[hook]
fn use_marks(container: &NodeRef, store: &StoreHandle, roving: &UseStateHandle<Option<String>>, plot: &Drawn<Plot>) {
    let tab_stop = [(**roving).as_deref(), store.selected.as_deref()]
        .into_iter()
        .flatten()
        .find(|id| plot.walk.position(id).is_some())
        .or(plot.walk.first())
        .map(str::to_owned);
    let container = container.clone();
    use_effect_with((store.selected.clone(), tab_stop, plot.serial), move |(selected, tab_stop, _)| {
        mark_plot(&container, selected.as_deref(), tab_stop.as_deref())
    });
}

#[derive(Properties)]
struct DrawnPlotProps {
    plot: Rc<Drawn<Plot>>,
}

impl PartialEq for DrawnPlotProps {
    fn eq(&self, other: &Self) -> bool {
        self.plot.serial == other.plot.serial
    }
}

/// The drawn plot, re-rendered only when its key changed (never for a gesture's steps).
#[function_component]
fn DrawnPlot(props: &DrawnPlotProps) -> Html {
    Html::from_html_unchecked(props.plot.markup.clone())
}
