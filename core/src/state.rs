//! The widget's state and its only way to change: `reduce(State, Action) -> State`.
//!
//! The yew app wraps this in one reducer context; everything here is plain data, tested natively.

use crate::i18n::Lang;
use crate::scale::TimeScale;

/// What the reader has chosen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub lang: Lang,
    /// Id of the selected event, whose details are open.
    pub selected: Option<String>,
    /// The visible window of the timeline, in fractional years.
    pub window: (f64, f64),
    /// The widest window: the dataset's extent.
    pub bounds: (f64, f64),
}

/// Something the reader did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// Switches to the other language.
    ToggleLang,
    /// Selects an event; selecting the selected event again closes its details.
    Select(String),
    /// Closes the details (Escape, or the close button).
    ClearSelection,
    /// Zooms by `factor` (> 1 zooms in) around `anchor`, a position across the window from 0 to 1.
    Zoom {
        factor: f64,
        anchor: f64,
    },
    /// Moves the window by `fraction` of its width (positive is later in time).
    Pan {
        fraction: f64,
    },
    /// Shows `start..end` (kept inside the bounds), e.g. one era.
    ZoomTo {
        start: f64,
        end: f64,
    },
    /// Shows everything.
    ResetView,
}

impl State {
    /// A fresh state in `lang`, showing all of `bounds`.
    pub fn new(lang: Lang, bounds: (f64, f64)) -> Self {
        State {
            lang,
            selected: None,
            window: bounds,
            bounds,
        }
    }

    /// The window as a scale over `width` pixels.
    pub fn scale(&self, width: f64) -> TimeScale {
        TimeScale::new(self.window.0, self.window.1, width)
    }

    /// `true` when the whole extent is shown.
    pub fn is_zoomed_out(&self) -> bool {
        self.window == self.bounds
    }

    /// The state after `action`.
    ///
    /// ```
    /// use chronicle_core::{i18n::Lang, state::{Action, State}};
    /// let s = State::new(Lang::Zh, (1940.0, 2030.0)).reduce(Action::Select("gpt-3".into()));
    /// assert_eq!(s.selected.as_deref(), Some("gpt-3"));
    /// assert_eq!(s.reduce(Action::ToggleLang).lang, Lang::En);
    /// ```
    pub fn reduce(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::ToggleLang => next.lang = self.lang.other(),
            Action::Select(id) if self.selected.as_deref() == Some(id.as_str()) => {
                next.selected = None
            }
            Action::Select(id) => next.selected = Some(id),
            Action::ClearSelection => next.selected = None,
            Action::Zoom { factor, anchor } => {
                next.set_window(self.unit().zoom(factor, anchor, self.bounds))
            }
            Action::Pan { fraction } => next.set_window(self.unit().pan(fraction, self.bounds)),
            Action::ZoomTo { start, end } => {
                let (start, end) = if start <= end {
                    (start, end)
                } else {
                    (end, start)
                };
                next.set_window(TimeScale::new(start, end, 1.0).clamped(self.bounds))
            }
            Action::ResetView => next.window = self.bounds,
        }
        next
    }
}

impl State {
    /// The window on a width of 1, so anchors and pans are fractions.
    fn unit(&self) -> TimeScale {
        self.scale(1.0)
    }

    fn set_window(&mut self, s: TimeScale) {
        self.window = (s.start, s.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const B: (f64, f64) = (1940.0, 2030.0);

    #[test]
    fn selecting_twice_closes_and_clear_always_closes() {
        let s = State::new(Lang::En, B).reduce(Action::Select("bert".into()));
        assert_eq!(s.reduce(Action::Select("bert".into())).selected, None);
        assert_eq!(
            s.reduce(Action::Select("gpt-1".into())).selected.as_deref(),
            Some("gpt-1")
        );
        assert_eq!(s.reduce(Action::ClearSelection).selected, None);
    }

    #[test]
    fn language_changes_keep_the_selection() {
        let s = State::new(Lang::Zh, B).reduce(Action::Select("llama".into()));
        let t = s
            .reduce(Action::SetLang(Lang::En))
            .reduce(Action::ToggleLang);
        assert_eq!(t.lang, Lang::Zh);
        assert_eq!(t.selected, s.selected);
    }

    #[test]
    fn zoom_pan_and_reset() {
        let s = State::new(Lang::En, B).reduce(Action::Zoom {
            factor: 3.0,
            anchor: 0.5,
        });
        assert_eq!(s.window, (1970.0, 2000.0));
        let later = s.reduce(Action::Pan { fraction: 0.5 });
        assert_eq!(later.window, (1985.0, 2015.0));
        assert_eq!(
            later.reduce(Action::Pan { fraction: 100.0 }).window,
            (2000.0, 2030.0)
        );
        assert!(later.reduce(Action::ResetView).is_zoomed_out());
        let era = s.reduce(Action::ZoomTo {
            start: 2020.0,
            end: 2017.0,
        });
        assert_eq!(era.window, (2017.0, 2020.0));
        assert_eq!(
            s.reduce(Action::Zoom {
                factor: 0.001,
                anchor: 0.0
            })
            .window,
            B
        );
    }
}
