//! The timeline's keyboard, DOM side: read the key press, ask the core's `keys::command` what it
//! means against the drawn plot's walk, and carry the command out.

use std::cell::RefCell;
use std::rc::Rc;

use chronicle_core::keys::{command, Command, Key};
use chronicle_core::state::Action;
use yew::prelude::*;

use super::dom::{era_at, focus_era, focus_event, focus_frame, focused_event_id, is_button};
use super::gesture::Steps;
use super::Plot;
use crate::markup::Drawn;

/// What had focus when a key redrew the plot, and gets it back once it is drawn again.
#[derive(Clone, Debug, PartialEq)]
pub enum Keep {
    Event(String),
    /// An era's band (by its index in the dataset).
    Era(usize),
}

/// What must get focus back after the re-render a zoom or pan key, or Enter on an era, causes
/// (see [`on_keydown`]), given back after every render.
#[hook]
pub fn use_keep_focus(container: NodeRef) -> Rc<RefCell<Option<Keep>>> {
    let keep_focus = use_mut_ref(|| None::<Keep>);
    {
        let keep_focus = keep_focus.clone();
        use_effect(move || match keep_focus.borrow_mut().take() {
            Some(Keep::Event(id)) => focus_event(&container, &id),
            Some(Keep::Era(i)) => focus_era(&container, i),
            None => {}
        });
    }
    keep_focus
}

/// The frame's key handler. `keep_focus` holds the event or era band that must keep focus across
/// the redraw a zoom or pan key (or Enter on an era) causes: the browser drops focus to the page's
/// body when a focused node is replaced, and keys pressed before the redraw's effect puts it back
/// would be lost. So focus waits on the frame itself (`tabindex="-1"`) meanwhile, and a key
/// arriving there acts for the event or era still waiting to get it back.
pub fn on_keydown(
    c: &crate::app::Loaded,
    steps: &Steps,
    plot: Rc<Drawn<Plot>>,
    keep_focus: Rc<RefCell<Option<Keep>>>,
) -> Callback<KeyboardEvent> {
    let (c, steps) = (c.clone(), steps.clone());
    Callback::from(move |k: KeyboardEvent| {
        let waiting = keep_focus.borrow().clone();
        let focused = focused_event_id(&k).or_else(|| match &waiting {
            Some(Keep::Event(id)) => Some(id.clone()),
            _ => None,
        });
        let era = era_at(k.target()).or(match waiting {
            Some(Keep::Era(i)) => Some(i),
            _ => None,
        });
        let key =
            Key { key: &k.key(), shift: k.shift_key(), focused: focused.as_deref(), on_button: is_button(&k), era };
        let Some(cmd) = command(key, &plot.walk) else { return };
        k.prevent_default();
        match cmd {
            Command::Select(id) => steps.store.dispatch(Action::Select(id)),
            Command::Focus(id) => focus_event(&steps.container, &id),
            Command::Era(i) => {
                // The band is drawn again for the new window (unless the era is already what
                // is shown): focus waits on the frame, which keeps answering the keys, and
                // comes back to the band once it is drawn. The reader stays where they were.
                if steps.store.era_shown(&c) != Some(i) {
                    focus_frame(&steps.container);
                    *keep_focus.borrow_mut() = Some(Keep::Era(i));
                }
                steps.zoom_to_era(&c, i);
            }
            Command::View(action) => {
                // The key acts on the window the reader sees: a running gesture ends first.
                let keep = focused.map(Keep::Event).or(era.map(Keep::Era));
                if keep.is_some() {
                    focus_frame(&steps.container);
                }
                *keep_focus.borrow_mut() = keep;
                steps.end();
                steps.store.dispatch(action);
            }
        }
    })
}
