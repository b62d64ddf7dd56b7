//! Drag and pinch on the timeline: pointer events become gesture steps. The arithmetic (which
//! window a drag shows, how far a pinch zooms) is the core's `gesture`; this keeps track of the
//! pointers that are down.

use yew::prelude::*;

use chronicle_core::gesture::{drag, pinch, DRAG_THRESHOLD_PX};

use super::dom::{capture_pointer, element_left};
use super::gesture::Steps;

/// The frame's pointer handlers.
pub struct Pointer {
    pub down: Callback<PointerEvent>,
    pub moved: Callback<PointerEvent>,
    /// For `pointerup` and `pointercancel`.
    pub up: Callback<PointerEvent>,
}

/// Handlers for the timeline's frame (`frame`), in a figure (`figure`) `width` px wide.
#[hook]
pub fn use_pointer(frame: NodeRef, figure: NodeRef, steps: Steps, width: f64) -> Pointer {
    // Touch points down now, by pointer id, with their x.
    let touches = use_mut_ref(Vec::<(i32, f64)>::new);
    // A drag: where it began, and the window shown then.
    let drag_from = use_mut_ref(|| None::<(i32, (f64, f64))>);
    let down = {
        let (drag_from, frame, steps, touches) = (drag_from.clone(), frame.clone(), steps.clone(), touches.clone());
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "touch" {
                let mut p = touches.borrow_mut();
                p.retain(|(id, _)| *id != e.pointer_id());
                p.push((e.pointer_id(), f64::from(e.client_x())));
                if p.len() >= 2 {
                    // Two fingers: a pinch, not a drag.
                    *drag_from.borrow_mut() = None;
                    capture_pointer(&frame, &e);
                    return;
                }
            }
            if e.button() == 0 && e.is_primary() {
                *drag_from.borrow_mut() = Some((e.client_x(), steps.shown()));
            }
        })
    };
    let moved = {
        let (drag_from, frame, steps, touches) = (drag_from.clone(), frame, steps.clone(), touches.clone());
        Callback::from(move |e: PointerEvent| {
            {
                let mut p = touches.borrow_mut();
                if p.len() >= 2 {
                    let before = (p[0].1, p[1].1);
                    if let Some(slot) = p.iter_mut().find(|(id, _)| *id == e.pointer_id()) {
                        slot.1 = f64::from(e.client_x());
                    }
                    if let Some(zoom) = pinch(before, (p[0].1, p[1].1), element_left(&figure), width) {
                        steps.step(zoom);
                    }
                    return;
                }
            }
            let Some((x0, from)) = *drag_from.borrow() else { return };
            let dx = f64::from(e.client_x() - x0);
            if e.buttons() & 1 == 0 || dx.abs() < DRAG_THRESHOLD_PX {
                return;
            }
            capture_pointer(&frame, &e);
            steps.step(drag(steps.store.warp(), from, dx, width));
        })
    };
    let up = Callback::from(move |e: PointerEvent| {
        *drag_from.borrow_mut() = None;
        steps.end();
        touches.borrow_mut().retain(|(id, _)| *id != e.pointer_id());
    });
    Pointer { down, moved, up }
}
