//! Embed settings: what an editor sets by URL parameter (iframe) or attribute (custom element).
//! Unknown values are reported as warnings and fall back to the default.

use crate::i18n::Lang;
use crate::state::View;

/// Light, dark, or following the reader's system.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The class the mount element gets (`None` for auto).
    pub fn class(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("llmc-theme-light"),
            Theme::Dark => Some("llmc-theme-dark"),
        }
    }
}

/// Every setting; `None` / default means "not set".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    /// `None` is `auto`: the page's language, then the browser's.
    pub lang: Option<Lang>,
    pub theme: Theme,
    pub view: Option<View>,
    /// An event id to select at start.
    pub focus: Option<String>,
    /// A story stop, 1-based as editors write it.
    pub story: Option<usize>,
    /// A fixed height in CSS pixels; the widget scrolls inside it.
    pub height: Option<u32>,
}

impl Settings {
    /// `true` when nothing but the language is set, so a prerendered page can be hydrated as is.
    pub fn is_default_view(&self) -> bool {
        self.view.is_none_or(|v| v == View::Both) && self.focus.is_none() && self.story.is_none()
    }
}

/// Reads settings from `(name, value)` pairs. Returns the settings and a warning for every
/// unknown value (names that are not settings are ignored: pages have other parameters).
///
/// ```
/// use chronicle_core::settings::{parse, Theme};
/// let (s, warnings) = parse([("theme", "dark"), ("view", "sideways"), ("height", "640")]);
/// assert_eq!((s.theme, s.height), (Theme::Dark, Some(640)));
/// assert_eq!(warnings.len(), 1);
/// ```
pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Settings, Vec<String>) {
    let mut s = Settings::default();
    let mut warnings = Vec::new();
    let mut warn = |name: &str, value: &str, expected: &str| {
        warnings.push(format!("LLM Chronicle: unknown {name} {value:?} (expected {expected}); using the default"))
    };
    for (name, value) in pairs {
        let value = value.trim();
        match name {
            "lang" => match value {
                "auto" | "" => s.lang = None,
                v => match Lang::from_tag(v) {
                    Some(l) => s.lang = Some(l),
                    None => warn(name, v, "zh, en or auto"),
                },
            },
            "theme" => match value {
                "auto" | "" => s.theme = Theme::Auto,
                "light" => s.theme = Theme::Light,
                "dark" => s.theme = Theme::Dark,
                v => warn(name, v, "light, dark or auto"),
            },
            "view" => match View::from_slug(value) {
                Some(v) => s.view = Some(v),
                None => warn(name, value, "timeline, matrix or both"),
            },
            "focus" if !value.is_empty() => s.focus = Some(value.to_owned()),
            "story" => match value.parse::<usize>() {
                Ok(n) if n >= 1 => s.story = Some(n),
                _ => warn(name, value, "a stop number from 1"),
            },
            "height" => match value.trim_end_matches("px").parse::<u32>() {
                Ok(h) if (200..=20_000).contains(&h) => s.height = Some(h),
                _ => warn(name, value, "a height in pixels, 200 to 20000"),
            },
            _ => {}
        }
    }
    (s, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_and_its_warnings() {
        let (s, w) = parse([
            ("lang", "en"),
            ("theme", "light"),
            ("view", "matrix"),
            ("focus", "bert"),
            ("story", "3"),
            ("height", "900px"),
        ]);
        assert_eq!(
            s,
            Settings {
                lang: Some(Lang::En),
                theme: Theme::Light,
                view: Some(View::Matrix),
                focus: Some("bert".into()),
                story: Some(3),
                height: Some(900)
            }
        );
        assert!(w.is_empty());
        let (s, w) = parse([("lang", "fr"), ("theme", "neon"), ("story", "0"), ("height", "9"), ("utm_source", "x")]);
        assert_eq!(s, Settings::default());
        assert_eq!(w.len(), 4, "{w:?}");
        assert!(w[0].contains("unknown lang \"fr\""));
        assert!(parse([("lang", "auto")]).0.lang.is_none());
        assert!(Settings::default().is_default_view());
        assert!(!parse([("focus", "bert")]).0.is_default_view());
    }
}
