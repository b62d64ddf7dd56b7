//! The widget's state and its only way to change: `reduce(State, Action) -> State`.
//!
//! The yew app wraps this in one reducer context; everything here is plain data, tested natively.

use crate::i18n::Lang;

/// What the reader has chosen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub lang: Lang,
    /// Id of the selected event, whose details are open.
    pub selected: Option<String>,
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
}

impl State {
    /// A fresh state in `lang`.
    pub fn new(lang: Lang) -> Self {
        State {
            lang,
            ..State::default()
        }
    }

    /// The state after `action`.
    ///
    /// ```
    /// use chronicle_core::{i18n::Lang, state::{Action, State}};
    /// let s = State::new(Lang::Zh).reduce(Action::Select("gpt-3".into()));
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
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selecting_twice_closes_and_clear_always_closes() {
        let s = State::new(Lang::En).reduce(Action::Select("bert".into()));
        assert_eq!(s.reduce(Action::Select("bert".into())).selected, None);
        assert_eq!(
            s.reduce(Action::Select("gpt-1".into())).selected.as_deref(),
            Some("gpt-1")
        );
        assert_eq!(s.reduce(Action::ClearSelection).selected, None);
    }

    #[test]
    fn language_changes_keep_the_selection() {
        let s = State::new(Lang::Zh).reduce(Action::Select("llama".into()));
        let t = s
            .reduce(Action::SetLang(Lang::En))
            .reduce(Action::ToggleLang);
        assert_eq!(t.lang, Lang::Zh);
        assert_eq!(t.selected, s.selected);
    }
}
