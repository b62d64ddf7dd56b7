//! The timeline's keyboard: a key press, read against the drawn events' walk, becomes a command.
//! The widget only reads the key and carries the command out.

use crate::scene::Walk;
use crate::state::Action;

/// How far one key press zooms.
pub const ZOOM_STEP: f64 = 1.5;

/// What a key press asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Select (or deselect) this event.
    Select(String),
    /// Move focus to this event.
    Focus(String),
    /// Change the window (zoom or pan). The focused event keeps focus across the redraw.
    View(Action),
    /// Zoom to this era (by its index in the dataset): Enter or Space on its band.
    Era(usize),
}

/// A key press on the timeline.
#[derive(Clone, Copy, Debug, Default)]
pub struct Key<'a> {
    /// `KeyboardEvent.key`.
    pub key: &'a str,
    pub shift: bool,
    /// The event that has focus, if any.
    pub focused: Option<&'a str>,
    /// Whether focus is on a real `<button>` (which turns Enter and Space into a click by itself).
    pub on_button: bool,
    /// The era whose band has focus, if any.
    pub era: Option<usize>,
}

/// The command for `key`, or `None` for a key the timeline leaves to the browser. Arrows walk the
/// drawn events in time order, and at either end move the window instead; `+`/`-` zoom around the
/// focused event, so it stays in view; Shift+arrows pan.
pub fn command(key: Key, walk: &Walk) -> Option<Command> {
    let anchor = walk.anchor(key.focused);
    let view = |a| Some(Command::View(a));
    match (key.key, key.shift, key.focused) {
        // The SVG markers and era bands are `role="button"` groups: Enter and Space press them.
        ("Enter" | " ", _, _) if key.era.is_some() && !key.on_button => key.era.map(Command::Era),
        ("Enter" | " ", _, Some(id)) if !key.on_button => Some(Command::Select(id.to_owned())),
        ("+" | "=", _, _) => view(Action::Zoom { factor: ZOOM_STEP, anchor }),
        ("-" | "_", _, _) => view(Action::Zoom { factor: 1.0 / ZOOM_STEP, anchor }),
        ("ArrowLeft", true, _) => view(Action::Pan { fraction: -0.25 }),
        ("ArrowRight", true, _) => view(Action::Pan { fraction: 0.25 }),
        ("ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown", false, Some(id)) => {
            let delta = if matches!(key.key, "ArrowLeft" | "ArrowUp") { -1 } else { 1 };
            match walk.step(id, delta) {
                Some(next) => Some(Command::Focus(next.to_owned())),
                None => view(Action::Pan { fraction: 0.5 * delta as f64 }),
            }
        }
        ("Home", _, Some(_)) => walk.first().map(|id| Command::Focus(id.to_owned())),
        ("End", _, Some(_)) => walk.last().map(|id| Command::Focus(id.to_owned())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk() -> Walk {
        Walk { ids: vec!["a".into(), "b".into(), "c".into()], anchors: vec![0.1, 0.5, 0.9] }
    }

    fn on(key: &str, focused: Option<&str>) -> Option<Command> {
        command(Key { key, focused, ..Key::default() }, &walk())
    }

    #[test]
    fn arrows_walk_the_events_and_move_the_window_at_the_ends() {
        assert_eq!(on("ArrowRight", Some("a")), Some(Command::Focus("b".into())));
        assert_eq!(on("ArrowDown", Some("b")), Some(Command::Focus("c".into())));
        assert_eq!(on("ArrowUp", Some("b")), Some(Command::Focus("a".into())));
        assert_eq!(on("ArrowRight", Some("c")), Some(Command::View(Action::Pan { fraction: 0.5 })));
        assert_eq!(on("ArrowLeft", Some("a")), Some(Command::View(Action::Pan { fraction: -0.5 })));
        assert_eq!(on("ArrowLeft", None), None, "arrows outside an event are the page's");
    }

    #[test]
    fn home_and_end_jump_and_enter_selects() {
        assert_eq!(on("Home", Some("b")), Some(Command::Focus("a".into())));
        assert_eq!(on("End", Some("b")), Some(Command::Focus("c".into())));
        assert_eq!(on("Home", None), None);
        assert_eq!(on("Enter", Some("b")), Some(Command::Select("b".into())));
        assert_eq!(on(" ", Some("c")), Some(Command::Select("c".into())));
        let button = Key { key: "Enter", focused: Some("b"), on_button: true, ..Key::default() };
        assert_eq!(command(button, &walk()), None, "a real button clicks by itself");
        assert_eq!(on("Enter", None), None);
        let era = Key { key: "Enter", era: Some(2), ..Key::default() };
        assert_eq!(command(era, &walk()), Some(Command::Era(2)), "Enter on an era's band zooms to it");
        assert_eq!(command(Key { key: " ", ..era }, &walk()), Some(Command::Era(2)));
    }

    #[test]
    fn zoom_keys_keep_the_focused_event_in_place_and_shift_pans() {
        assert_eq!(on("+", Some("c")), Some(Command::View(Action::Zoom { factor: ZOOM_STEP, anchor: 0.9 })));
        assert_eq!(on("=", None), Some(Command::View(Action::Zoom { factor: ZOOM_STEP, anchor: 0.5 })));
        assert_eq!(on("-", Some("a")), Some(Command::View(Action::Zoom { factor: 1.0 / ZOOM_STEP, anchor: 0.1 })));
        let shift = Key { key: "ArrowRight", shift: true, focused: Some("a"), ..Key::default() };
        assert_eq!(command(shift, &walk()), Some(Command::View(Action::Pan { fraction: 0.25 })));
        assert_eq!(on("x", Some("a")), None);
    }
}
