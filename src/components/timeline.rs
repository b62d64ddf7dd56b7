//! The timeline strip: axis, era bands, family lanes, lineage edges and event markers, drawn from
//! [`chronicle_core::layout::TimelineLayout`] as SVG (geometry as attributes, so a strict CSP holds).

use chronicle_core::date::Date;
use std::cell::RefCell;
use std::rc::Rc;

use chronicle_core::filter::{Filter, FilterMode};
use chronicle_core::i18n::{access_name, family_name, openness_marker, stacked_more, ui, Lang};
use chronicle_core::layout::{layout_timeline, text_width, vertical_groups, LabelSide, Metrics, PlacedEvent};
use chronicle_core::matrix::{level_slug, level_symbol};
use chronicle_core::model::{Evidence, Level, Openness};
use chronicle_core::scale::Axis;
use chronicle_core::state::Action;
use chronicle_core::Chronicle;
use yew::prelude::*;

use crate::app::{use_store, Data, StoreHandle};
use crate::components::openness::level_name;
use crate::markup::{Drawn, Markup};

/// Width used before the container is measured, and so the width the page is prerendered at: the
/// timeline's width on the standalone page on any screen 1,200 px or wider (the page is at most
/// 1,200 px wide, see `.llmc-page`). There the prerendered drawing is already right, and hydration
/// needs no second layout. (An e2e test checks that the two agree.)
pub const DEFAULT_WIDTH: f64 = 1176.0;

/// Below this width the timeline becomes a vertical list that scrolls with the page.
pub const NARROW_PX: f64 = 600.0;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub data: Data,
    pub id_prefix: AttrValue,
    /// The store, passed down rather than read from context: the timeline is the one view that
    /// follows every zoom and pan step (the context leaves the window out, so the other views
    /// skip those steps).
    pub store: StoreHandle,
}

/// A gesture ends (and the plot is laid out again) when no step came for this long.
const SETTLE_MS: u32 = 160;

/// How far above and below the browser window a zoom step still moves items.
#[cfg(target_arch = "wasm32")]
const CULL_MARGIN_PX: f64 = 40.0;

/// A running wheel, drag or pinch gesture. Its steps move the drawn plot and change no state:
/// the store gets the gesture's window once, when it pauses, and the plot is laid out for it then.
#[derive(Default)]
struct Gesture {
    /// The window the plot is drawn for, its width, and the drawing (kept current by every render).
    drawn: (f64, f64),
    width: f64,
    plot: Option<Rc<Drawn<Plot>>>,
    /// While a gesture runs: the window the plot was drawn for when it began…
    frozen: Option<(f64, f64)>,
    /// …and the window its steps have reached, which the preview shows.
    target: Option<(f64, f64)>,
    /// Ends the gesture after `SETTLE_MS` without a step.
    settle: Option<gloo::timers::callback::Timeout>,
    /// The drawn items a zoom preview moves, with their drawn x and y: found after each new
    /// drawing (so a step need not look for them), for the drawing numbered `items_of`.
    #[cfg(target_arch = "wasm32")]
    items: Vec<(web_sys::Element, (f64, f64))>,
    #[cfg(target_arch = "wasm32")]
    items_of: u64,
    /// Whether the items carry a zoom preview's transforms.
    #[cfg(target_arch = "wasm32")]
    items_moved: bool,
}

/// What the gesture handlers call at each step and at the end.
#[derive(Clone)]
struct GestureSteps {
    gesture: Rc<RefCell<Gesture>>,
    redraw: UseForceUpdateHandle,
    store: StoreHandle,
    container: NodeRef,
}

impl GestureSteps {
    /// The window shown now: a running gesture's, or the store's.
    fn current(&self) -> (f64, f64) {
        self.gesture.borrow().target.unwrap_or(self.store.window)
    }

    /// One step of a gesture: `action` (a zoom, pan or zoom-to) moves the drawn plot. The store,
    /// and with it the window label, the buttons and the link, is left alone until the gesture
    /// pauses: a text change would cost the step as much as moving the plot does.
    fn step(&self, action: Action) {
        let mut g = self.gesture.borrow_mut();
        let Some(to) = self.store.window_after(g.target.unwrap_or(self.store.window), &action) else { return };
        let drawn = g.drawn;
        g.frozen.get_or_insert(drawn);
        g.target = Some(to);
        let steps = self.clone();
        g.settle = Some(gloo::timers::callback::Timeout::new(SETTLE_MS, move || steps.end()));
        preview(&mut g, &self.container, &self.store);
    }

    /// Ends the gesture: the store gets its window, and the plot is laid out for it.
    fn end(&self) {
        let mut g = self.gesture.borrow_mut();
        g.settle = None;
        let target = g.target.take();
        if g.frozen.take().is_some() {
            drop(g);
            match target {
                Some((start, end)) if (start, end) != self.store.window => {
                    self.store.dispatch(Action::ZoomTo { start, end })
                }
                _ => self.redraw.force_update(),
            }
        }
    }
}

/// The accessible name of an event button: its name first, then date, organisation and access.
pub fn event_label(c: &Chronicle, i: usize, lang: Lang) -> String {
    let e = &c.events()[i];
    let access = match e.access.openness() {
        Openness::NotApplicable => openness_marker(Openness::NotApplicable, lang).to_owned(),
        _ => access_name(e.access, lang).to_owned(),
    };
    format!("{}, {}, {}, {}", e.name.get(lang), c.date(i), e.org, access)
}

/// A marker's shape by openness: a filled circle (open), a ring (closed), a diamond (not
/// applicable), so openness never rests on colour alone. Drawn at (`cx`, `cy`) in the plot's own
/// coordinates, with no transform of its own: a transform per item would give every item a paint
/// chunk of its own in the browser, and each pan step would cost more.
fn marker(out: &mut Markup, openness: Openness, r: f64, (cx, cy): (f64, f64)) {
    match openness {
        Openness::NotApplicable => {
            let d = format!(
                "M{cx:.1} {t:.1} L{rx:.1} {cy:.1} L{cx:.1} {b:.1} L{lx:.1} {cy:.1} Z",
                t = cy - r,
                b = cy + r,
                lx = cx - r,
                rx = cx + r
            );
            out.raw("<path class=\"llmc-marker llmc-marker-na\"").attr("d", &d).raw("></path>");
        }
        Openness::Open => {
            out.raw("<circle class=\"llmc-marker llmc-marker-open\"")
                .num("cx", cx)
                .num("cy", cy)
                .num("r", r)
                .raw("></circle>");
        }
        Openness::Closed => {
            out.raw("<circle class=\"llmc-marker llmc-marker-closed\"");
            out.num("cx", cx).num("cy", cy).num("r", r - 1.0).raw("></circle>");
        }
    }
}

/// A marker drawn alone, for the legend.
fn marker_html(openness: Openness, r: f64) -> Html {
    let mut out = Markup::new();
    marker(&mut out, openness, r, (0.0, 0.0));
    Html::from_html_unchecked(out.finish().into())
}

#[function_component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let store = props.store.clone();
    let lang = store.lang;
    let t = ui(lang);
    let container = use_node_ref();
    let figure = use_node_ref();
    let width = use_width(figure.clone());
    let pointers = use_mut_ref(Vec::<(i32, f64)>::new);
    // The event that holds the roving tabindex (the one Tab lands on).
    let roving = use_state_eq(|| None::<String>);
    // A wheel, drag or pinch gesture: the drawn plot stays at the window it was laid out for and
    // is moved by transforms at every step; the full layout follows when the gesture pauses.
    let gesture = use_mut_ref(Gesture::default);
    let redraw = use_force_update();
    let steps = GestureSteps {
        gesture: gesture.clone(),
        redraw: redraw.clone(),
        store: store.clone(),
        container: container.clone(),
    };
    use_ctrl_wheel_zoom(container.clone(), steps.clone());
    // A drag: where it began, and the window shown then.
    let drag = use_mut_ref(|| None::<(i32, (f64, f64))>);
    // An event that must keep focus across the re-render a zoom or pan key causes (the browser
    // drops focus when a focused node is moved or replaced).
    let keep_focus = use_mut_ref(|| None::<String>);
    {
        let keep_focus = keep_focus.clone();
        let container = container.clone();
        use_effect(move || {
            if let Some(id) = keep_focus.borrow_mut().take() {
                focus_event(&container, &id);
            }
        });
    }
    // The window the plot is drawn for: the store's, or the one a running gesture froze.
    let window = gesture.borrow().frozen.unwrap_or(store.window);
    gesture.borrow_mut().drawn = window;
    let key = PlotKey {
        data: props.data.clone(),
        window,
        width,
        lang,
        even_time: store.even_time,
        filter: store.filter.clone(),
        colour_by: store.colour_by.clone(),
        story: store.story,
    };
    let plot = {
        let store = store.clone();
        use_memo(key, move |k| Drawn::new(draw(k, store.warp())))
    };
    {
        let mut g = gesture.borrow_mut();
        g.width = width;
        g.plot = Some(plot.clone());
    }
    {
        // The selected event and the one Tab lands on, set on the drawn plot (see `draw`).
        let tab_stop = [(*roving).as_ref(), store.selected.as_ref()]
            .into_iter()
            .flatten()
            .find(|id| plot.order_ids.contains(id))
            .or(plot.order_ids.first())
            .cloned();
        let drawn = plot.serial;
        let container = container.clone();
        use_effect_with((store.selected.clone(), tab_stop, drawn), move |(selected, tab_stop, _)| {
            mark_plot(&container, selected.as_deref(), tab_stop.as_deref())
        });
    }
    {
        // After every render: keep the drawn plot at a running gesture's window (a render in
        // the middle of one draws it where the gesture began), or put it back in place once the
        // new layout is drawn.
        let (gesture, container, store) = (gesture.clone(), container.clone(), store.clone());
        use_effect(move || preview(&mut gesture.borrow_mut(), &container, &store));
    }

    let Ok(c) = &*props.data.0 else {
        return html! {};
    };

    let vertical = plot.vertical;
    let caption_id = format!("{}-timeline-caption", props.id_prefix);
    let help_id = format!("{}-timeline-help", props.id_prefix);

    // A button or key acts on the window the reader sees: a running gesture's ends first.
    let dispatch = |action: Action| {
        let (store, steps) = (store.clone(), steps.clone());
        Callback::from(move |_: MouseEvent| {
            steps.end();
            store.dispatch(action.clone())
        })
    };

    // One handler for all markers: the drawn plot is markup, with no handlers of its own.
    let onclick = {
        let store = store.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = event_id_at(e.target()) {
                store.dispatch(Action::Select(id));
            }
        })
    };
    let onfocusin = {
        let roving = roving.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some(id) = event_id_at(e.target()) {
                roving.set(Some(id));
            }
        })
    };

    let onkeydown = {
        let store = store.clone();
        let plot = plot.clone();
        let container = container.clone();
        let keep_focus = keep_focus.clone();
        let steps = steps.clone();
        Callback::from(move |k: KeyboardEvent| {
            let (order_ids, order_anchor) = (&plot.order_ids, &plot.order_anchor);
            let current = focused_event_id(&k);
            // Before a key zooms or pans: keep focus, and end a running gesture (the key acts
            // on the window the reader sees).
            let keep = || {
                *keep_focus.borrow_mut() = current.clone();
                steps.end();
            };
            // Keys zoom around the focused event, so it stays in view and keeps focus.
            let anchor =
                current.as_ref().and_then(|id| order_ids.iter().position(|o| o == id)).map_or(0.5, |i| order_anchor[i]);
            let step = |delta: isize| -> Option<String> {
                let at = current.as_ref().and_then(|id| order_ids.iter().position(|o| o == id))?;
                let next = at as isize + delta;
                (0..order_ids.len() as isize).contains(&next).then(|| order_ids[next as usize].clone())
            };
            let handled = match (k.key().as_str(), k.shift_key()) {
                // The SVG markers are `role="button"` groups: Enter and Space press them. (The
                // narrow list's real buttons turn both into a click by themselves.)
                ("Enter" | " ", _) if current.is_some() && !is_button(&k) => {
                    store.dispatch(Action::Select(current.clone().unwrap_or_default()));
                    true
                }
                ("+" | "=", _) => {
                    keep();
                    store.dispatch(Action::Zoom { factor: 1.5, anchor });
                    true
                }
                ("-" | "_", _) => {
                    keep();
                    store.dispatch(Action::Zoom { factor: 1.0 / 1.5, anchor });
                    true
                }
                ("ArrowLeft", true) => {
                    keep();
                    store.dispatch(Action::Pan { fraction: -0.25 });
                    true
                }
                ("ArrowRight", true) => {
                    keep();
                    store.dispatch(Action::Pan { fraction: 0.25 });
                    true
                }
                ("ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown", false) if current.is_some() => {
                    let delta = if matches!(k.key().as_str(), "ArrowLeft" | "ArrowUp") { -1 } else { 1 };
                    match step(delta) {
                        Some(id) => focus_event(&container, &id),
                        // At the edge of the window: move the window instead.
                        None => {
                            keep();
                            store.dispatch(Action::Pan { fraction: 0.5 * delta as f64 })
                        }
                    }
                    true
                }
                ("Home", _) if current.is_some() => {
                    order_ids.first().iter().for_each(|id| focus_event(&container, id));
                    true
                }
                ("End", _) if current.is_some() => {
                    order_ids.last().iter().for_each(|id| focus_event(&container, id));
                    true
                }
                _ => false,
            };
            if handled {
                k.prevent_default();
            }
        })
    };

    let onpointerdown = {
        let drag = drag.clone();
        let frame = container.clone();
        let steps = steps.clone();
        let pointers = pointers.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "touch" {
                let mut p = pointers.borrow_mut();
                p.retain(|(id, _)| *id != e.pointer_id());
                p.push((e.pointer_id(), f64::from(e.client_x())));
                if p.len() >= 2 {
                    // Two fingers: a pinch, not a drag.
                    *drag.borrow_mut() = None;
                    capture_pointer(&frame, &e);
                    return;
                }
            }
            if e.button() == 0 && e.is_primary() {
                *drag.borrow_mut() = Some((e.client_x(), steps.current()));
            }
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        let frame = container.clone();
        let store = store.clone();
        let steps = steps.clone();
        let pointers = pointers.clone();
        let figure = figure.clone();
        Callback::from(move |e: PointerEvent| {
            {
                let mut p = pointers.borrow_mut();
                if p.len() >= 2 {
                    let before = (p[0].1 - p[1].1).abs();
                    if let Some(slot) = p.iter_mut().find(|(id, _)| *id == e.pointer_id()) {
                        slot.1 = f64::from(e.client_x());
                    }
                    let after = (p[0].1 - p[1].1).abs();
                    if before > 10.0 && after > 10.0 && (after - before).abs() > 0.5 {
                        let left = element_left(&figure);
                        let anchor = (((p[0].1 + p[1].1) / 2.0 - left) / width).clamp(0.0, 1.0);
                        steps.step(Action::Zoom { factor: after / before, anchor });
                    }
                    return;
                }
            }
            let Some((x0, from)) = *drag.borrow() else {
                return;
            };
            if e.buttons() & 1 == 0 {
                return;
            }
            let dx = f64::from(e.client_x() - x0);
            if dx.abs() < 3.0 {
                return;
            }
            capture_pointer(&frame, &e);
            // Dragging right shows earlier years: the window moves against the pointer.
            // Drag in u units (what the reader sees), then back to years.
            let w = store.warp();
            let (u0, u1) = (w.u(from.0), w.u(from.1));
            let shift = -dx / width * (u1 - u0);
            steps.step(Action::ZoomTo { start: w.year(u0 + shift), end: w.year(u1 + shift) });
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        let pointers = pointers.clone();
        let steps = steps.clone();
        Callback::from(move |e: PointerEvent| {
            *drag.borrow_mut() = None;
            steps.end();
            pointers.borrow_mut().retain(|(id, _)| *id != e.pointer_id());
        })
    };

    // Selection changes are announced politely: the name only.
    let announcement =
        store.selected.as_deref().and_then(|id| c.find(id)).map(|i| c.events()[i].name.get(lang).to_owned());

    let era_select = {
        let store = store.clone();
        let data = props.data.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let (Ok(c), Ok(i)) = (&*data.0, value.parse::<usize>()) {
                if let Some((start, end)) = c.data.eras.get(i).and_then(era_span) {
                    store.dispatch(Action::ZoomTo { start, end });
                }
            }
        })
    };

    html! {
        <figure class={classes!("llmc-timeline", vertical.then_some("llmc-timeline-vertical"))} ref={figure} aria-labelledby={caption_id.clone()}>
            <figcaption id={caption_id}>
                <span class="llmc-view-title">{ t.timeline_label }</span>
                <span class="llmc-hint">{ t.timeline_hint }</span>
            </figcaption>
            <div class="llmc-toolbar" role="toolbar" aria-label={t.timeline_controls}>
                <button type="button" aria-label={t.zoom_in} title={t.zoom_in} onclick={dispatch(Action::Zoom { factor: 1.5, anchor: 0.5 })}>{ "+" }</button>
                <button type="button" aria-label={t.zoom_out} title={t.zoom_out} disabled={store.is_zoomed_out()} onclick={dispatch(Action::Zoom { factor: 1.0 / 1.5, anchor: 0.5 })}>{ "−" }</button>
                <button type="button" aria-label={t.earlier} title={t.earlier} disabled={store.window.0 <= store.bounds.0} onclick={dispatch(Action::Pan { fraction: -0.5 })}>{ "←" }</button>
                <button type="button" aria-label={t.later} title={t.later} disabled={store.window.1 >= store.bounds.1} onclick={dispatch(Action::Pan { fraction: 0.5 })}>{ "→" }</button>
                <button type="button" disabled={store.is_zoomed_out()} onclick={dispatch(Action::ResetView)}>{ t.show_all }</button>
                <button type="button" aria-pressed={store.even_time.to_string()} title={t.even_time_hint}
                        onclick={dispatch(Action::SetEvenTime(!store.even_time))}>{ t.even_time }</button>
                <label class="llmc-era-select">
                    <span>{ t.zoom_to_era }</span>
                    <select onchange={era_select}>
                        <option value="" selected=true>{ "—" }</option>
                        { for c.data.eras.iter().enumerate().map(|(i, era)| html! { <option value={i.to_string()}>{ era.name.get(lang) }</option> }) }
                    </select>
                </label>
                <span class="llmc-window" aria-live="polite">{ window_label(store.window, lang) }</span>
            </div>
            if vertical {
                <div class="llmc-vertical" ref={container} aria-describedby={help_id.clone()} {onkeydown} {onclick} {onfocusin}>
                    <Frozen plot={plot.clone()} />
                </div>
            } else {
                <div class="llmc-timeline-frame" ref={container} aria-describedby={help_id.clone()}
                     {onkeydown} {onclick} {onfocusin} {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
                    // The layer a drag moves (see `preview`).
                    <div class="llmc-pan">
                        <Frozen plot={plot.clone()} />
                    </div>
                </div>
            }
            <p class="llmc-sr-only" role="status">{ announcement }</p>
            <p class="llmc-hint llmc-keys" id={help_id}>{ t.keyboard_help }</p>
            <Legend data={props.data.clone()} />
        </figure>
    }
}

/// What a plot key's render computed: the drawing, and the arrow keys' walk through it.
pub struct Plot {
    markup: AttrValue,
    vertical: bool,
    order_ids: Vec<String>,
    order_anchor: Vec<f64>,
    /// Where every item with `data-px` is drawn, in document order (for the browser's preview):
    /// its x, and its y, or NaN for an item as tall as the plot (an axis tick).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    px: Vec<(f64, f64)>,
}

/// Everything the drawn plot depends on. While only the store's window moves during a gesture,
/// the key stays the same and the plot is not drawn again.
#[derive(PartialEq)]
struct PlotKey {
    data: Data,
    window: (f64, f64),
    width: f64,
    lang: Lang,
    even_time: bool,
    filter: Filter,
    colour_by: Option<String>,
    story: Option<usize>,
}

/// Lays out and draws the plot for `k`: the SVG's contents, or the narrow vertical list, as
/// markup. Which event is selected, and which one Tab lands on, are not drawn here: `mark_plot`
/// sets them on the drawn plot, so selecting an event or moving focus never draws it again.
fn draw(k: &PlotKey, warp: &chronicle_core::scale::Warp) -> Plot {
    use std::fmt::Write;
    let (lang, width) = (k.lang, k.width);
    let t = ui(lang);
    let Ok(c) = &*k.data.0 else {
        return Plot {
            markup: AttrValue::Static(""),
            vertical: false,
            order_ids: vec![],
            order_anchor: vec![],
            px: vec![],
        };
    };
    let m = Metrics::default();
    let vertical = width < NARROW_PX;
    let axis = Axis::new(warp.clone(), k.window, (width - 2.0).max(1.0));
    let mask = k.filter.mask(c);
    // Colour by criterion: each event's level on the chosen criterion, if it has a matrix row.
    let colour_level = |id: &str| -> Option<Option<Level>> {
        let cid = k.colour_by.as_ref()?;
        Some(c.data.openness.iter().find(|r| r.model == id).and_then(|r| r.cells.get(cid)).map(|cell| cell.level))
    };
    let colour_criterion = k.colour_by.as_deref().and_then(|id| c.data.criteria.iter().find(|k| k.id == id));
    let story_events: Vec<&str> = k
        .story
        .and_then(|k| c.data.story.get(k))
        .map(|s| s.events.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let hide = k.filter.mode == FilterMode::Hide && k.filter.is_active();
    let mut out = Markup::new();

    if vertical {
        let groups = vertical_groups(c, k.window, if hide { &mask } else { &[] });
        let order_ids: Vec<String> =
            groups.iter().flat_map(|(_, members)| members.iter()).map(|&i| c.events()[i].id.clone()).collect();
        let order_anchor = vec![0.5; order_ids.len()];
        out.raw("<ol class=\"llmc-vyears\">");
        for (year, members) in &groups {
            out.raw("<li class=\"llmc-vyear\"><h3 class=\"llmc-vyear-title\">").text(&tick_year(*year, lang));
            out.raw("</h3><ol class=\"llmc-vevents\">");
            for &i in members {
                let e = &c.events()[i];
                let matches = mask[i];
                let colour = colour_level(&e.id);
                let mut class = String::from("llmc-vevent");
                if !matches {
                    class += " llmc-dimmed";
                }
                if story_events.contains(&e.id.as_str()) {
                    class += " llmc-highlight";
                }
                if let Some(l) = colour {
                    class += &format!(" llmc-colour-{}", l.map_or("none", level_slug));
                }
                let colour_text = match (colour, colour_criterion) {
                    (Some(Some(level)), Some(crit)) => {
                        format!(" · {}: {} {}", crit.name.get(lang), level_symbol(level), level_name(level, lang))
                    }
                    _ => String::new(),
                };
                let tabindex = if order_ids.first() == Some(&e.id) { "0" } else { "-1" };
                out.raw("<li><button type=\"button\"").attr("class", &class).attr("tabindex", tabindex);
                out.attr("data-event-id", &e.id).raw(" aria-pressed=\"false\">");
                out.raw("<svg class=\"llmc-vmarker\" width=\"16\" height=\"16\" viewBox=\"-8 -8 16 16\" aria-hidden=\"true\">");
                marker(&mut out, e.access.openness(), 6.0, (0.0, 0.0));
                out.raw("</svg><span class=\"llmc-vname\">")
                    .text(e.name.get(lang))
                    .raw("</span><span class=\"llmc-vmeta\">");
                out.text(&format!("{} · {} · {}{colour_text}", c.date(i), e.org, family_name(e.family, lang)));
                out.raw("<span class=\"llmc-sr-only\">")
                    .text(&format!(", {}", openness_marker(e.access.openness(), lang)));
                out.raw("</span>");
                if !matches {
                    out.raw("<span class=\"llmc-sr-only\">").text(t.not_matching_suffix).raw("</span>");
                }
                out.raw("</span></button></li>");
            }
            out.raw("</ol></li>");
        }
        out.raw("</ol>");
        return Plot { markup: out.finish().into(), vertical, order_ids, order_anchor, px: vec![] };
    }

    let layout = layout_timeline(c, &axis, lang, &m, if hide { &mask } else { &[] });
    // Events in time order: the order the arrow keys walk, with each one's anchor for zooming.
    let mut order: Vec<&PlacedEvent> = layout.events.iter().collect();
    order.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.index.cmp(&b.index)));
    let (order_ids, order_anchor): (Vec<String>, Vec<f64>) =
        order.iter().map(|p| (c.events()[p.index].id.clone(), (p.x / width).clamp(0.0, 1.0))).unzip();

    // `data-px` on every item: where a running gesture's preview moves it from (see `preview`);
    // `px` has the same x, with each item's y, in document order.
    let mut px = Vec::new();
    // The plot is several SVGs of the same size, one over the other: the background (axis, eras
    // and edges), then one per lane. Each lane's SVG is positioned, so the browser paints it as a
    // layer of its own and keeps what it painted while nothing in it changes: a zoom step moves
    // only the items in view, and the lanes out of view cost it nothing (with one SVG, any change
    // painted the whole plot again, some 4 ms at 10,000 events).
    let svg = |out: &mut Markup, class: &str| {
        out.raw("<svg").attr("class", class).attr("width", &layout.width.to_string());
        out.attr("height", &layout.height.to_string());
        out.attr("viewBox", &format!("0 0 {} {}", layout.width, layout.height)).raw(">");
    };
    svg(&mut out, "llmc-timeline-svg");
    out.raw("<g class=\"llmc-plot\"><g class=\"llmc-axis\" aria-hidden=\"true\">");
    for tick in axis.ticks(70.0) {
        px.push((tick.x, f64::NAN));
        out.raw("<g").num("data-px", tick.x).raw("><g class=\"llmc-tick\"><line").num("x1", tick.x).num("x2", tick.x);
        out.num("y1", m.axis_height - 6.0).num("y2", layout.height).raw("></line><text").num("x", tick.x);
        out.num("y", m.axis_height - 10.0).raw(" text-anchor=\"middle\">").text(&tick.label.format(lang));
        out.raw("</text></g></g>");
    }
    out.raw("</g><g class=\"llmc-eras\" role=\"list\"").attr("aria-label", t.eras).raw(">");
    for band in &layout.eras {
        let era = &c.data.eras[band.index];
        let full_name = era.name.get(lang);
        let name = fit_text(full_name, band.x1 - band.x0 - 10.0, 12.0);
        // Keep the name inside the widget: anchor it at the band's right end when it would overflow.
        let (label_x, anchor) = if band.x0 + 6.0 + text_width(&name, 12.0) > layout.width {
            (band.x1 - 6.0, "end")
        } else {
            (band.x0 + 6.0, "start")
        };
        px.push((band.x0, band.y + m.era_height / 2.0));
        out.raw("<g role=\"listitem\" class=\"llmc-era\"").attr("aria-label", full_name).num("data-px", band.x0);
        out.raw("><title>").text(full_name).raw("</title><rect").num("x", band.x0).num("y", band.y);
        out.num("width", (band.x1 - band.x0).max(1.0)).num("height", m.era_height - 4.0).raw(" rx=\"3\"></rect><text");
        out.num("x", label_x).attr("text-anchor", anchor).num("y", band.y + m.era_height / 2.0);
        out.raw(" dy=\"0.1em\">").text(&name).raw("</text></g>");
    }
    // The edges are drawing only (each event's panel names its lineage in words), so
    // all edges of one kind are one path of many subpaths: two elements, however many edges. At
    // 10,000 events there are some 1,700, and as elements of their own they were a third of the
    // plot's elements, each to parse, style and paint again at every zoom step. (A dash pattern
    // starts afresh at each subpath, as it did on each path.)
    out.raw("</g><g class=\"llmc-edges\" aria-hidden=\"true\">");
    let (mut documented, mut inferred) = (String::new(), String::new());
    for e in &layout.edges {
        let ((x1, y1), (x2, y2)) = (e.from, e.to);
        let mx = (x1 + x2) / 2.0;
        let d = match e.evidence {
            Evidence::Documented => &mut documented,
            Evidence::Inferred => &mut inferred,
        };
        if !d.is_empty() {
            d.push(' ');
        }
        let _ = write!(d, "M{x1:.1} {y1:.1} C{mx:.1} {y1:.1} {mx:.1} {y2:.1} {x2:.1} {y2:.1}");
    }
    for (class, d) in [("llmc-edge llmc-edge-documented", documented), ("llmc-edge llmc-edge-inferred", inferred)] {
        if !d.is_empty() {
            out.raw("<path").attr("class", class).attr("d", &d).raw("></path>");
        }
    }
    out.raw("</g></g></svg>");
    let tab_stop = order_ids.first();
    for (n, lane) in layout.lanes.iter().enumerate() {
        let name = family_name(lane.family, lang);
        svg(&mut out, "llmc-lane-svg");
        // Every other lane has a shaded band.
        let plain = if n % 2 == 0 { " llmc-lane-plain" } else { "" };
        out.raw("<g").attr("class", &format!("llmc-lane llmc-lane-{}{plain}", lane.family.slug()));
        out.raw("><rect class=\"llmc-lane-band\" x=\"0\"").num("y", lane.y).num("width", layout.width);
        out.num("height", lane.height).raw("></rect><text class=\"llmc-lane-label\" aria-hidden=\"true\" x=\"4\"");
        out.num("y", lane.y + 13.0)
            .raw(">")
            .text(name)
            .raw("</text><g role=\"list\"")
            .attr("aria-label", name)
            .raw(">");
        for p in layout.events.iter().filter(|p| c.events()[p.index].family == lane.family) {
            let e = &c.events()[p.index];
            let matches = mask[p.index];
            let highlighted = story_events.contains(&e.id.as_str());
            let colour = colour_level(&e.id);
            let colour_symbol = colour.flatten().map(|l| format!(" {}", level_symbol(l))).unwrap_or_default();
            let mut class = String::from("llmc-event");
            for (on, name) in [
                (p.label.is_none(), " llmc-label-hidden"),
                (!matches, " llmc-dimmed"),
                (highlighted, " llmc-highlight"),
                (p.stacked > 0, " llmc-stacked"),
            ] {
                if on {
                    class += name;
                }
            }
            if let Some(l) = colour {
                class += &format!(" llmc-colour-{}", l.map_or("none", level_slug));
            }
            let mut label = event_label(c, p.index, lang);
            if let (Some(Some(level)), Some(crit)) = (colour, colour_criterion) {
                label += &format!(", {}: {}", crit.name.get(lang), level_name(level, lang));
            }
            if p.stacked > 0 {
                label += &stacked_more(p.stacked, lang);
            }
            if !matches {
                label += t.not_matching_suffix;
            }
            let tabindex = if tab_stop == Some(&e.id) { "0" } else { "-1" };
            px.push((p.x, p.y));
            out.raw("<g role=\"listitem\"").num("data-px", p.x).raw("><g role=\"button\"").attr("tabindex", tabindex);
            out.attr("class", &class)
                .attr("data-event-id", &e.id)
                .raw(" aria-pressed=\"false\"")
                .attr("aria-label", &label);
            out.raw("><circle class=\"llmc-focus-ring\"")
                .num("cx", p.x)
                .num("cy", p.y)
                .num("r", m.marker_radius + 4.0)
                .raw("></circle>");
            if highlighted {
                out.raw("<circle class=\"llmc-halo\"").num("cx", p.x).num("cy", p.y);
                out.num("r", m.marker_radius + 7.0).raw("></circle>");
            }
            // More events under this one: a second outline behind it, like a stack of cards.
            if p.stacked > 0 {
                out.raw("<circle class=\"llmc-stack\"").num("cx", p.x + 2.5).num("cy", p.y - 2.5);
                out.num("r", m.marker_radius).raw("></circle>");
            }
            marker(&mut out, p.openness, m.marker_radius, (p.x, p.y));
            if let Some(side) = p.label {
                let label_x = m.marker_radius + m.gap;
                let (x, anchor) = if side == LabelSide::Right { (label_x, "start") } else { (-label_x, "end") };
                out.raw("<text class=\"llmc-event-label\" dy=\"0.35em\"")
                    .num("x", p.x + x)
                    .num("y", p.y)
                    .attr("text-anchor", anchor)
                    .raw(">");
                out.text(&format!("{}{colour_symbol}", e.name.get(lang))).raw("</text>");
            }
            out.raw("</g></g>");
        }
        out.raw("</g>");
        for k in layout.clusters.iter().filter(|k| k.y > lane.y && k.y < lane.y + lane.height) {
            let x = k.x1 + m.marker_radius + m.gap;
            px.push((x, k.y));
            out.raw("<text class=\"llmc-cluster\" aria-hidden=\"true\"").num("x", x).num("data-px", x).num("y", k.y);
            out.raw(" dy=\"0.35em\">").text(&format!("+{}", k.members.len())).raw("</text>");
        }
        out.raw("</g></svg>");
    }
    Plot { markup: out.finish().into(), vertical, order_ids, order_anchor, px }
}

#[derive(Properties)]
struct FrozenProps {
    plot: Rc<Drawn<Plot>>,
}

impl PartialEq for FrozenProps {
    fn eq(&self, other: &Self) -> bool {
        self.plot.serial == other.plot.serial
    }
}

/// The drawn plot, re-rendered only when its key changed (never for a gesture's steps).
#[function_component]
fn Frozen(props: &FrozenProps) -> Html {
    Html::from_html_unchecked(props.plot.markup.clone())
}

/// A year heading in the vertical list.
fn tick_year(year: i32, lang: Lang) -> String {
    chronicle_core::scale::TickLabel::Year(year).format(lang)
}

/// The page x of an element's left edge.
#[cfg(target_arch = "wasm32")]
fn element_left(node: &NodeRef) -> f64 {
    node.cast::<web_sys::Element>().map_or(0.0, |el| el.get_bounding_client_rect().left())
}

#[cfg(not(target_arch = "wasm32"))]
fn element_left(_: &NodeRef) -> f64 {
    0.0
}

/// An era's span in fractional years, its end year counted to the year's end.
fn era_span(era: &chronicle_core::model::Era) -> Option<(f64, f64)> {
    let s = Date::parse(&era.start).ok()?;
    let e = Date::parse(&era.end).ok()?;
    Some((s.fractional_year(), e.end_fractional_year()))
}

/// `s`, cut with an ellipsis to fit `max_px` at `font_px` (by the core's width estimate).
fn fit_text(s: &str, max_px: f64, font_px: f64) -> String {
    if text_width(s, font_px) <= max_px {
        return s.to_owned();
    }
    let mut out = String::new();
    for ch in s.chars() {
        out.push(ch);
        if text_width(&out, font_px) + text_width("…", font_px) > max_px {
            out.pop();
            break;
        }
    }
    if out.is_empty() {
        String::new()
    } else {
        out + "…"
    }
}

/// "1948 – 2026" / "1948年 – 2026年", for the live region that announces zoom changes.
fn window_label(window: (f64, f64), lang: Lang) -> String {
    let y = |v: f64| v.floor() as i32;
    match lang {
        Lang::Zh => format!("{}年 – {}年", y(window.0), y(window.1 - 1e-9)),
        Lang::En => format!("{} – {}", y(window.0), y(window.1 - 1e-9)),
    }
}

/// The `data-event-id` of the event the key event came from, if any.
fn focused_event_id(k: &KeyboardEvent) -> Option<String> {
    let target = k.target_dyn_into::<web_sys::Element>()?;
    target.get_attribute("data-event-id")
}

/// Whether the key event came from a real `<button>`.
fn is_button(k: &KeyboardEvent) -> bool {
    k.target_dyn_into::<web_sys::Element>().is_some_and(|el| el.tag_name().eq_ignore_ascii_case("button"))
}

/// The event a click or focus landed on: the `data-event-id` of the target or its nearest
/// ancestor that has one.
fn event_id_at(target: Option<web_sys::EventTarget>) -> Option<String> {
    use wasm_bindgen::JsCast;
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("[data-event-id]").ok()??.get_attribute("data-event-id")
}

/// Sets the selected event (`llmc-selected`, `aria-pressed`) and the roving tab stop
/// (`tabindex="0"`, every other event `-1`) on the drawn plot, changing only what differs.
#[cfg(target_arch = "wasm32")]
fn mark_plot(container: &NodeRef, selected: Option<&str>, tab_stop: Option<&str>) {
    use crate::dom::{event_selector, mark};
    let Some(root) = container.cast::<web_sys::Element>() else { return };
    // An event the start-up script selected (`llmc-early`) stays marked until the widget selects
    // it too (see `App`), so hydration never blinks its ring off for a frame.
    mark(&root, ".llmc-selected:not(.llmc-early)", selected.map(event_selector).as_deref(), |el, on| {
        let _ = el.class_list().toggle_with_force("llmc-selected", on);
        let _ = el.class_list().remove_1("llmc-early");
        let _ = el.set_attribute("aria-pressed", if on { "true" } else { "false" });
    });
    mark(&root, "[data-event-id][tabindex=\"0\"]", tab_stop.map(event_selector).as_deref(), |el, on| {
        let _ = el.set_attribute("tabindex", if on { "0" } else { "-1" });
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn mark_plot(_: &NodeRef, _: Option<&str>, _: Option<&str>) {}

#[cfg(target_arch = "wasm32")]
fn focus_event(container: &NodeRef, id: &str) {
    if let Some(frame) = container.cast::<web_sys::Element>() {
        crate::dom::focus_event(&frame, id);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn focus_event(_: &NodeRef, _: &str) {}

/// Sends the rest of this pointer's events to the timeline's frame, so a drag keeps going outside
/// it. (Not to the event's `current_target`: with Yew's event delegation that is the app's root,
/// and the frame's handlers would stop seeing the drag after its first step.)
#[cfg(target_arch = "wasm32")]
fn capture_pointer(frame: &NodeRef, e: &PointerEvent) {
    if let Some(el) = frame.cast::<web_sys::Element>() {
        let _ = el.set_pointer_capture(e.pointer_id());
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn capture_pointer(_: &NodeRef, _: &PointerEvent) {}

/// Ctrl/⌘ + wheel (and trackpad pinch, which browsers report the same way) zooms around the
/// pointer. A plain wheel is left alone, so the page keeps scrolling. Yew's own wheel listener is
/// passive and cannot prevent the browser's page zoom, hence a non-passive listener here. It is
/// added once and reads the newest render's handles through `latest`.
#[hook]
fn use_ctrl_wheel_zoom(node: NodeRef, steps: GestureSteps) {
    let latest = use_mut_ref(|| steps.clone());
    *latest.borrow_mut() = steps;
    use_effect_with(node, move |node| {
        let listener = wheel_listener(node, latest);
        // Dropping the listener (with this closure) removes it.
        move || {
            let _keep = &listener;
        }
    });
}

#[cfg(target_arch = "wasm32")]
fn wheel_listener(node: &NodeRef, latest: Rc<RefCell<GestureSteps>>) -> Option<gloo::events::EventListener> {
    use gloo::events::{EventListener, EventListenerOptions};
    use wasm_bindgen::JsCast;
    let el = node.cast::<web_sys::Element>()?;
    let frame = el.clone();
    Some(EventListener::new_with_options(&el, "wheel", EventListenerOptions::enable_prevent_default(), move |e| {
        let Some(w) = e.dyn_ref::<web_sys::WheelEvent>() else {
            return;
        };
        if !(w.ctrl_key() || w.meta_key()) {
            return;
        }
        w.prevent_default();
        let rect = frame.get_bounding_client_rect();
        let anchor = ((f64::from(w.client_x()) - rect.left()) / rect.width().max(1.0)).clamp(0.0, 1.0);
        let factor = (-w.delta_y() * 0.002).exp().clamp(0.5, 2.0);
        let steps = latest.borrow().clone();
        steps.step(Action::Zoom { factor, anchor });
    }))
}

#[cfg(not(target_arch = "wasm32"))]
fn wheel_listener(_: &NodeRef, _: Rc<RefCell<GestureSteps>>) -> Option<()> {
    None
}

#[derive(Properties, PartialEq)]
struct LegendProps {
    data: Data,
}

/// Explains the marker shapes and edge styles in words, and the colours when the timeline is
/// coloured by a criterion.
#[function_component]
fn Legend(props: &LegendProps) -> Html {
    let store = use_store();
    let lang = store.lang;
    let t = ui(lang);
    let colour = store.colour_by.as_deref().and_then(|id| match &*props.data.0 {
        Ok(c) => c.data.criteria.iter().find(|k| k.id == id).map(|k| k.name.get(lang).to_owned()),
        Err(_) => None,
    });
    let (documented, inferred) = match lang {
        Lang::Zh => ("实线：有文献记载的传承", "虚线：推断的传承"),
        Lang::En => ("solid line: documented lineage", "dashed line: inferred lineage"),
    };
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
            { item(marker_html(Openness::Open, 6.0), t.open_marker) }
            { item(marker_html(Openness::Closed, 6.0), t.closed_marker) }
            { item(marker_html(Openness::NotApplicable, 6.0), t.na_marker) }
            { item(html! { <path class="llmc-edge llmc-edge-documented" d="M-8 0 L8 0" /> }, documented) }
            { item(html! { <path class="llmc-edge llmc-edge-inferred" d="M-8 0 L8 0" /> }, inferred) }
            if let Some(name) = colour {
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

/// The rendered width of `node`, kept current by a `ResizeObserver`.
#[hook]
fn use_width(node: NodeRef) -> f64 {
    let width = use_state_eq(|| DEFAULT_WIDTH);
    #[cfg(target_arch = "wasm32")]
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            use wasm_bindgen::prelude::*;
            let measure = {
                let width = width.clone();
                move |el: &web_sys::Element| {
                    let w = f64::from(el.client_width());
                    if w > 0.0 {
                        width.set(w);
                    }
                }
            };
            let el = node.cast::<web_sys::Element>();
            let observer = el.as_ref().and_then(|el| {
                measure(el);
                let target = el.clone();
                let cb = Closure::<dyn FnMut()>::new(move || measure(&target));
                let obs = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok()?;
                obs.observe(el);
                Some((obs, cb))
            });
            move || {
                if let Some((obs, _cb)) = observer {
                    obs.disconnect();
                }
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = node;
    *width
}

/// Moves the drawn plot to a running gesture's window, and puts everything back once the plot has
/// been laid out again. A pan moves the whole plot by one translation of its layer (`.llmc-pan`,
/// which the stylesheet gives a compositing layer of its own): the browser moves the pixels it
/// has and paints nothing again. A zoom moves markers, ticks, eras and cluster badges each by a
/// translation, so nothing is distorted, and the edges by an exact horizontal map: one attribute
/// per drawn item in view at most, instead of a new layout and render per step. The browser paints
/// again only the SVGs that hold a moved item (the background and the lanes in view, see `draw`).
#[cfg(target_arch = "wasm32")]
fn preview(g: &mut Gesture, container: &NodeRef, store: &StoreHandle) {
    use std::fmt::Write;
    use wasm_bindgen::JsCast;
    let Some(root) = container.cast::<web_sys::Element>() else { return };
    let edges = root.query_selector(".llmc-edges").ok().flatten();
    // Through the CSSOM: a strict Content Security Policy blocks inline style attributes.
    let layer =
        root.query_selector(".llmc-pan").ok().flatten().and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    let serial = g.plot.as_ref().map_or(0, |p| p.serial);
    if g.items_of != serial {
        // A new drawing (the old items went with the old one): its items in document order, with
        // the x each was drawn at (see `draw`).
        let xs = g.plot.as_ref().map(|p| p.px.as_slice()).unwrap_or_default();
        g.items = match root.query_selector_all("[data-px]") {
            Ok(items) => (0..items.length())
                .filter_map(|i| items.item(i)?.dyn_into::<web_sys::Element>().ok())
                .zip(xs.iter().copied())
                .collect(),
            Err(_) => vec![],
        };
        g.items_of = serial;
        g.items_moved = false;
    }
    let (Some(from), Some(to)) = (g.frozen, g.target) else {
        // No gesture, or it is over: put back what the preview moved.
        if std::mem::take(&mut g.items_moved) {
            for (el, _) in &g.items {
                let _ = el.remove_attribute("transform");
            }
        }
        if let Some(edges) = edges {
            let _ = edges.remove_attribute("transform");
        }
        if let Some(layer) = layer {
            let _ = layer.style().remove_property("transform");
        }
        return;
    };
    let (a, b) = chronicle_core::scale::x_map(store.warp(), from, to, (g.width - 2.0).max(1.0));
    let mut value = String::with_capacity(32);
    if (a - 1.0).abs() < 1e-9 && !g.items_moved {
        if let Some(layer) = layer {
            let _ = write!(value, "translateX({b:.1}px)");
            let _ = layer.style().set_property("transform", &value);
        }
        return;
    }
    if let Some(layer) = layer {
        let _ = layer.style().remove_property("transform");
    }
    // A zoom moves only the items in view, or near it (the plot is laid out again, all of it, when
    // the gesture pauses): the plot's y range that the browser window shows.
    let top = root.query_selector("svg").ok().flatten().map_or(0.0, |svg| svg.get_bounding_client_rect().top());
    let view = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(f64::INFINITY);
    let (y0, y1) = (-top - CULL_MARGIN_PX, -top + view + CULL_MARGIN_PX);
    g.items_moved = true;
    for (el, (x, y)) in &g.items {
        if *y < y0 || *y > y1 {
            continue;
        }
        value.clear();
        let _ = write!(value, "translate({:.1} 0)", (a - 1.0) * x + b);
        let _ = el.set_attribute("transform", &value);
    }
    if let Some(edges) = edges {
        value.clear();
        let _ = write!(value, "matrix({a} 0 0 1 {b} 0)");
        let _ = edges.set_attribute("transform", &value);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn preview(_: &mut Gesture, _: &NodeRef, _: &StoreHandle) {}
