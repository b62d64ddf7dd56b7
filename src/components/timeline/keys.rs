//! The timeline's keyboard, DOM side: read the key press, ask the core's `keys::command` what it
//! means against the drawn plot's walk, and carry the command out.

use std::cell::RefCell;
use std::rc::Rc;

use chronicle_core::keys::{command, Command, Key};
use chronicle_core::state::Action;
use yew::prelude::*;

use super::dom::{era_at, focus_event, focus_frame, focused_event_id, is_button};
use super::gesture::Steps;
use super::Plot;
use crate::markup::Drawn;

/// The event that must get focus back after the re-render a zoom or pan key causes (see
/// [`on_keydown`]), given back after every render.
#[hook]
pub fn use_keep_focus(container: NodeRef) -> Rc<RefCell<Option<String>>> {
    let keep_focus = use_mut_ref(|| None::<String>);
    {
        let keep_focus = keep_focus.clone();
        use_effect(move || {
            if let Some(id) = keep_focus.borrow_mut().take() {
                focus_event(&container, &id);
            }
        });
    }
    keep_focus
}

/// The frame's key handler. `keep_focus` holds the event that must keep focus across the redraw
/// a zoom or pan key causes: the browser drops focus to the page's body when a focused node is
/// replaced, and keys pressed before the redraw's effect puts it back would be lost. So focus
/// waits on the frame itself (`tabindex="-1"`) meanwhile, and a key arriving there acts for the
/// event still waiting to get it back.
pub fn on_keydown(
    c: &crate::app::Loaded,
    steps: &Steps,
    plot: Rc<Drawn<Plot>>,
    keep_focus: Rc<RefCell<Option<String>>>,
) -> Callback<KeyboardEvent> {
    let (c, steps) = (c.clone(), steps.clone());
    Callback::from(move |k: KeyboardEvent| {
        let focused = focused_event_id(&k).or_else(|| keep_focus.borrow().clone());
        let era = era_at(k.target());
        let key =
            Key { key: &k.key(), shift: k.shift_key(), focused: focused.as_deref(), on_button: is_button(&k), era };
        let Some(cmd) = command(key, &plot.walk) else { return };
        k.prevent_default();
        match cmd {
            Command::Select(id) => steps.store.dispatch(Action::Select(id)),
            Command::Focus(id) => focus_event(&steps.container, &id),
            Command::Era(i) => {
                // The band is drawn again for the new window: focus waits on the frame, which
                // keeps answering the zoom and pan keys.
                focus_frame(&steps.container);
                steps.zoom_to_era(&c, i);
            }
            Command::View(action) => {
                // The key acts on the window the reader sees: a running gesture ends first.
                if focused.is_some() {
                    focus_frame(&steps.container);
                }
                *keep_focus.borrow_mut() = focused;
                steps.end();
                steps.store.dispatch(action);
            }
        }
    })
}
