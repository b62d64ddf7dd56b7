//! Which event's lineage the timeline brings forward (the one under the pointer, else the
//! focused one, else the selected one), and marking it on the drawn plot.

use std::rc::Rc;

use chronicle_core::lineage::Lineage;
use chronicle_core::scene;
use yew::prelude::*;

use super::dom::{event_id_at, mark_lineage};
use super::Plot;
use crate::app::{Loaded, StoreHandle};
use crate::markup::Drawn;

/// The frame's handlers that follow the reader's attention: focus (which also moves the tab
/// stop, `roving`, to the event focused last) and the pointer.
pub struct Attention {
    pub onfocusin: Callback<FocusEvent>,
    pub onfocusout: Callback<FocusEvent>,
    pub onpointerover: Callback<PointerEvent>,
    pub onpointerleave: Callback<PointerEvent>,
}

#[hook]
pub fn use_attention(
    container: &NodeRef,
    c: &Loaded,
    plot: &Rc<Drawn<Plot>>,
    store: &StoreHandle,
    roving: UseStateHandle<Option<String>>,
) -> Attention {
    let hovered = use_state_eq(|| None::<String>);
    let focused = use_state_eq(|| None::<String>);
    let of = [&*hovered, &*focused, &store.selected].into_iter().find_map(|id| id.clone());
    use_lineage(container, c, plot, of);
    let onfocusin = {
        let focused = focused.clone();
        Callback::from(move |e: FocusEvent| {
            let id = event_id_at(e.target());
            if let Some(id) = &id {
                roving.set(Some(id.clone()));
            }
            focused.set(id);
        })
    };
    // Not while a button is down: a drag or pinch moves the plot under the pointer, and marking
    // lineages at each step would cost every frame of the gesture.
    let onpointerover = {
        let hovered = hovered.clone();
        Callback::from(move |e: PointerEvent| {
            if e.buttons() == 0 {
                hovered.set(event_id_at(e.target()))
            }
        })
    };
    Attention {
        onfocusin,
        onfocusout: Callback::from(move |_: FocusEvent| focused.set(None)),
        onpointerover,
        onpointerleave: Callback::from(move |_: PointerEvent| hovered.set(None)),
    }
}

/// Brings the lineage of event `of` forward on the drawn plot (see `dom::mark_lineage`), after
/// each drawing or change of the event.
#[hook]
fn use_lineage(container: &NodeRef, c: &Loaded, plot: &Rc<Drawn<Plot>>, of: Option<String>) {
    let (container, c, drawn) = (container.clone(), c.clone(), plot.clone());
    use_effect_with((of, plot.serial), move |(of, _)| {
        let lineage = of.as_deref().and_then(|id| c.find(id)).map(|i| Lineage::of(&c, i));
        let ids: Vec<&str> = lineage.iter().flat_map(|l| l.events()).map(|i| c.events()[i].id.as_str()).collect();
        let path = lineage.as_ref().map(|l| scene::timeline::lineage_path(&drawn.edges, l)).unwrap_or_default();
        mark_lineage(&container, lineage.is_some().then_some(&ids[..]), &path);
    });
}
