//! Wheel, drag and pinch gestures on the timeline, as a state machine.
//!
//! A gesture's steps do not change the state: the plot stays laid out for the window it had when
//! the gesture began, and the widget moves what is drawn to the window the steps have reached (a
//! [`Preview`]). When the gesture pauses, [`Gesture::end`] gives the one action that sets the
//! state, and the plot is laid out again. During a gesture the gesture owns the window the reader
//! sees; at all other times the state does.

use crate::scale::{x_map, Warp};
use crate::state::{Action, State};

/// A gesture ends when no step came for this long (milliseconds).
pub const SETTLE_MS: u32 = 160;

/// Pointer moves shorter than this (px) are a click, not a drag.
pub const DRAG_THRESHOLD_PX: f64 = 3.0;

/// A running gesture, if any.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gesture {
    running: Option<Running>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Running {
    /// The window the plot was laid out for when the gesture began…
    from: (f64, f64),
    /// …and the window its steps have reached.
    to: (f64, f64),
}

/// How the drawn plot is moved to show a running gesture's window: an item drawn at `x` goes to
/// `scale * x + shift`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preview {
    pub scale: f64,
    pub shift: f64,
}

impl Preview {
    /// A pure pan: the whole plot moves by `shift`, nothing is scaled.
    pub fn is_pan(&self) -> bool {
        (self.scale - 1.0).abs() < 1e-9
    }
}

/// What ending a gesture asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum End {
    /// No gesture was running.
    Idle,
    /// The state gets the gesture's window (and the plot is laid out for it).
    Set(Action),
    /// The window is the state's again: draw the plot where it was.
    Restore,
}

impl Gesture {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// The window the plot is laid out for: the one a running gesture began at, else the state's.
    pub fn laid_out(&self, state: &State) -> (f64, f64) {
        self.running.map_or(state.viewport.window, |r| r.from)
    }

    /// The window the reader sees: a running gesture's, else the state's.
    pub fn shown(&self, state: &State) -> (f64, f64) {
        self.running.map_or(state.viewport.window, |r| r.to)
    }

    /// One step: `action` (a zoom, pan or zoom-to) moves the shown window. `false` when it does
    /// not move a window.
    pub fn step(&mut self, state: &State, action: &Action) -> bool {
        let Some(to) = state.window_after(self.shown(state), action) else { return false };
        let from = self.laid_out(state);
        self.running = Some(Running { from, to });
        true
    }

    /// Ends a running gesture.
    pub fn end(&mut self, state: &State) -> End {
        match self.running.take() {
            None => End::Idle,
            Some(Running { to, .. }) if to != state.viewport.window => {
                End::Set(Action::ZoomTo { start: to.0, end: to.1 })
            }
            Some(_) => End::Restore,
        }
    }

    /// How to move the plot drawn for the laid-out window to the shown one, on an axis
    /// `axis_width` wide; `None` with no gesture running.
    pub fn preview(&self, warp: &Warp, axis_width: f64) -> Option<Preview> {
        let r = self.running?;
        let (scale, shift) = x_map(warp, r.from, r.to, axis_width);
        Some(Preview { scale, shift })
    }
}

/// A drag by `dx` px across a plot `width` px wide that began with `from` shown: the window to
/// show. Dragging right shows earlier years (the window moves against the pointer), measured in
/// the warped units the reader sees.
pub fn drag(warp: &Warp, from: (f64, f64), dx: f64, width: f64) -> Action {
    let (u0, u1) = (warp.u(from.0), warp.u(from.1));
    let shift = -dx / width * (u1 - u0);
    Action::ZoomTo { start: warp.year(u0 + shift), end: warp.year(u1 + shift) }
}

/// Two fingers moved from `before` to `after` (their x positions, px): the zoom, around their
/// midpoint (`left` is the plot's left edge, `width` its width). `None` for fingers too close
/// together to tell, or a move too small to count.
pub fn pinch(before: (f64, f64), after: (f64, f64), left: f64, width: f64) -> Option<Action> {
    let (d0, d1) = ((before.0 - before.1).abs(), (after.0 - after.1).abs());
    if d0 <= 10.0 || d1 <= 10.0 || (d1 - d0).abs() <= 0.5 {
        return None;
    }
    let anchor = (((after.0 + after.1) / 2.0 - left) / width).clamp(0.0, 1.0);
    Some(Action::Zoom { factor: d1 / d0, anchor })
}

/// A Ctrl/⌘ + wheel turn of `delta_y` at `anchor` (0..1 across the plot).
pub fn wheel(delta_y: f64, anchor: f64) -> Action {
    Action::Zoom { factor: (-delta_y * 0.002).exp().clamp(0.5, 2.0), anchor: anchor.clamp(0.0, 1.0) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn state() -> State {
        State::new(Lang::En, (1940.0, 2030.0), Warp::Identity)
    }

    #[test]
    fn steps_move_only_the_shown_window_and_the_end_sets_the_state_once() {
        let s = state();
        let mut g = Gesture::default();
        assert_eq!(g.end(&s), End::Idle);
        assert!(g.step(&s, &Action::Zoom { factor: 3.0, anchor: 0.5 }));
        assert!(g.step(&s, &Action::Zoom { factor: 3.0, anchor: 0.5 }));
        assert_eq!(g.laid_out(&s), (1940.0, 2030.0), "the plot stays laid out where it began");
        assert_eq!(g.shown(&s), (1980.0, 1990.0), "steps compose");
        assert!(!g.step(&s, &Action::ToggleLang));
        assert_eq!(g.end(&s), End::Set(Action::ZoomTo { start: 1980.0, end: 1990.0 }));
        assert!(!g.is_running());
        assert_eq!(g.shown(&s), s.viewport.window);
    }

    #[test]
    fn a_gesture_that_comes_back_restores_and_previews_map_x() {
        let s = state();
        let mut g = Gesture::default();
        assert_eq!(g.preview(&Warp::Identity, 900.0), None);
        g.step(&s, &Action::Pan { fraction: 0.0 });
        assert_eq!(g.preview(&Warp::Identity, 900.0).map(|p| p.is_pan()), Some(true));
        assert_eq!(g.end(&s), End::Restore);
        let mut g = Gesture::default();
        g.step(&s, &Action::ZoomTo { start: 1940.0, end: 1985.0 });
        let p = g.preview(&Warp::Identity, 900.0).unwrap();
        assert!((p.scale - 2.0).abs() < 1e-9 && p.shift.abs() < 1e-9, "{p:?}");
    }

    #[test]
    fn drags_move_against_the_pointer_and_pinches_zoom_around_the_fingers() {
        let w = Warp::Identity;
        assert_eq!(drag(&w, (1940.0, 2030.0), 450.0, 900.0), Action::ZoomTo { start: 1895.0, end: 1985.0 });
        assert_eq!(pinch((100.0, 200.0), (50.0, 250.0), 0.0, 300.0), Some(Action::Zoom { factor: 2.0, anchor: 0.5 }));
        assert_eq!(pinch((100.0, 105.0), (50.0, 250.0), 0.0, 300.0), None, "fingers too close");
        assert_eq!(pinch((100.0, 200.0), (100.2, 200.0), 0.0, 300.0), None, "too small a move");
        let Action::Zoom { factor, anchor } = wheel(-100.0, 1.5) else { panic!() };
        assert!(factor > 1.0 && anchor == 1.0);
        let Action::Zoom { factor, .. } = wheel(10_000.0, 0.5) else { panic!() };
        assert_eq!(factor, 0.5);
    }
}
