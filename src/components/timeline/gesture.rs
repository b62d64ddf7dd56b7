//! The DOM side of a gesture: the core's [`Gesture`] decides which window is shown; this module
//! moves the drawn items there between layouts, and ends the gesture when it pauses.

use std::cell::RefCell;
use std::rc::Rc;

use chronicle_core::gesture::{End, Gesture, SETTLE_MS};
use chronicle_core::state::Action;
use yew::prelude::*;

use crate::app::StoreHandle;
use crate::markup::Drawn;

use super::Plot;

/// A running gesture with what the browser needs to preview it.
#[derive(Default)]
pub struct Live {
    pub gesture: Gesture,
    /// The plot's width and the drawing (kept current by every render).
    pub width: f64,
    pub plot: Option<Rc<Drawn<Plot>>>,
    /// Ends the gesture after `SETTLE_MS` without a step.
    settle: Option<gloo::timers::callback::Timeout>,
    /// The drawn items a zoom preview moves, with where each is drawn: found after each new drawing
    /// (so a step need not look for them), for the drawing numbered `items_of`.
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
pub struct Steps {
    pub live: Rc<RefCell<Live>>,
    pub redraw: UseForceUpdateHandle,
    pub store: StoreHandle,
    pub container: NodeRef,
}

impl Steps {
    /// The window the reader sees.
    pub fn shown(&self) -> (f64, f64) {
        self.live.borrow().gesture.shown(&self.store)
    }

    /// One step of a gesture: `action` (a zoom, pan or zoom-to) moves the drawn plot. The store,
    /// and with it the window label, the buttons and the link, is left alone until the gesture
    /// pauses: a text change would cost the step as much as moving the plot does.
    pub fn step(&self, action: Action) {
        let mut live = self.live.borrow_mut();
        if !live.gesture.step(&self.store, &action) {
            return;
        }
        let steps = self.clone();
        live.settle = Some(gloo::timers::callback::Timeout::new(SETTLE_MS, move || steps.end()));
        preview(&mut live, &self.container, &self.store);
    }

    /// Shows era `i` of `c` (its band pressed, or the era menu): a running gesture ends first.
    pub fn zoom_to_era(&self, c: &chronicle_core::Chronicle, i: usize) {
        if let Some(action) = Action::zoom_to_era(c, i) {
            self.end();
            self.store.dispatch(action);
        }
    }

    /// Ends the gesture: the store gets its window, and the plot is laid out for it.
    pub fn end(&self) {
        let mut live = self.live.borrow_mut();
        live.settle = None;
        let end = live.gesture.end(&self.store);
        drop(live);
        match end {
            End::Idle => {}
            End::Set(action) => self.store.dispatch(action),
            End::Restore => self.redraw.force_update(),
        }
    }
}

/// After every render: keeps the drawn plot at a running gesture's window (a render in the middle
/// of one draws it where the gesture began), or puts it back in place once the new layout is
/// drawn.
#[hook]
pub fn use_preview(live: &Rc<RefCell<Live>>, container: &NodeRef, store: &StoreHandle) {
    let (live, container, store) = (live.clone(), container.clone(), store.clone());
    use_effect(move || preview(&mut live.borrow_mut(), &container, &store));
}

/// Moves the drawn plot to a running gesture's window, and puts everything back once the plot has
/// been laid out again. A pan moves the whole plot by one translation of its layer (`.llmc-pan`,
/// which the stylesheet gives a compositing layer of its own): the browser moves the pixels it
/// has and paints nothing again. A zoom moves markers, ticks, eras and cluster badges each by a
/// translation, so nothing is distorted, and the edges by an exact horizontal map: one attribute
/// per drawn item in view at most, instead of a new layout and render per step.
#[cfg(target_arch = "wasm32")]
pub fn preview(live: &mut Live, container: &NodeRef, store: &StoreHandle) {
    use std::fmt::Write;
    use wasm_bindgen::JsCast;
    let Some(root) = container.cast::<web_sys::Element>() else { return };
    let edges = root.query_selector(".llmc-edges").ok().flatten();
    // Through the CSSOM: a strict Content Security Policy blocks inline style attributes.
    let layer =
        root.query_selector(".llmc-pan").ok().flatten().and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    let serial = live.plot.as_ref().map_or(0, |p| p.serial);
    if live.items_of != serial {
        // A new drawing (the old items went with the old one): its items in document order, with
        // where each was drawn (see `render::timeline`).
        let xs = live.plot.as_ref().map(|p| p.items.as_slice()).unwrap_or_default();
        live.items = match root.query_selector_all("[data-px]") {
            Ok(items) => (0..items.length())
                .filter_map(|i| items.item(i)?.dyn_into::<web_sys::Element>().ok())
                .zip(xs.iter().copied())
                .collect(),
            Err(_) => vec![],
        };
        live.items_of = serial;
        live.items_moved = false;
    }
    let width = chronicle_core::scene::timeline::plot_width(live.width);
    let Some(p) = live.gesture.preview(store.warp(), width) else {
        // No gesture, or it is over: put back what the preview moved.
        if std::mem::take(&mut live.items_moved) {
            for (el, _) in &live.items {
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
    let mut value = String::with_capacity(32);
    if p.is_pan() && !live.items_moved {
        if let Some(layer) = layer {
            let _ = write!(value, "translateX({:.1}px)", p.shift);
            let _ = layer.style().set_property("transform", &value);
        }
        return;
    }
    if let Some(layer) = layer {
        let _ = layer.style().remove_property("transform");
    }
    // A zoom moves only the items in view, or near it (the whole plot is laid out again when the
    // gesture pauses): the plot's y range that the browser window shows.
    const CULL_MARGIN_PX: f64 = 40.0;
    let top = root.query_selector("svg").ok().flatten().map_or(0.0, |svg| svg.get_bounding_client_rect().top());
    let view = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(f64::INFINITY);
    let (y0, y1) = (-top - CULL_MARGIN_PX, -top + view + CULL_MARGIN_PX);
    live.items_moved = true;
    for (el, (x, y)) in &live.items {
        if *y < y0 || *y > y1 {
            continue;
        }
        value.clear();
        let _ = write!(value, "translate({:.1} 0)", (p.scale - 1.0) * x + p.shift);
        let _ = el.set_attribute("transform", &value);
    }
    if let Some(edges) = edges {
        value.clear();
        let _ = write!(value, "matrix({} 0 0 1 {} 0)", p.scale, p.shift);
        let _ = edges.set_attribute("transform", &value);
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn preview(_: &mut Live, _: &NodeRef, _: &StoreHandle) {}

/// Ctrl/⌘ + wheel (and trackpad pinch, which browsers report the same way) zooms around the
/// pointer. A plain wheel is left alone, so the page keeps scrolling. Yew's own wheel listener is
/// passive and cannot prevent the browser's page zoom, hence a non-passive listener here. It is
/// added once and reads the newest render's handles through `latest`.
#[hook]
pub fn use_ctrl_wheel_zoom(node: NodeRef, steps: Steps) {
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
fn wheel_listener(node: &NodeRef, latest: Rc<RefCell<Steps>>) -> Option<gloo::events::EventListener> {
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
        let anchor = (f64::from(w.client_x()) - rect.left()) / rect.width().max(1.0);
        let steps = latest.borrow().clone();
        steps.step(chronicle_core::gesture::wheel(w.delta_y(), anchor));
    }))
}

#[cfg(not(target_arch = "wasm32"))]
fn wheel_listener(_: &NodeRef, _: Rc<RefCell<Steps>>) -> Option<()> {
    None
}
