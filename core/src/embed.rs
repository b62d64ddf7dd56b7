//! The "Embed" action's snippets: an auto-height iframe and the custom element, reflecting the
//! reader's current language, view and selection.

use crate::i18n::Lang;
use crate::markup::escape_attr as attr;
use crate::settings::Theme;
use crate::state::View;

fn query_value(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// What an embed shows: the settings an editor chooses, and their own dataset's URL.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Spec {
    pub lang: Lang,
    pub view: View,
    /// An event id to select at start.
    pub focus: Option<String>,
    pub theme: Theme,
    /// A fixed height in CSS pixels (the iframe's height; the element scrolls inside it).
    pub height: Option<u32>,
    /// The author's dataset (JSON or CSV), as a URL the reader's browser can fetch.
    pub data: Option<String>,
}

/// `(iframe snippet, custom-element snippet)` for a widget hosted at `base` (ending in `/`). Both
/// load lazily: nothing is fetched until the widget comes near the viewport.
///
/// `embed.js` is a classic script, so the iframe's auto-height works whatever headers the widget's
/// host sends; `allow="clipboard-write"` lets the widget's copy buttons work inside the frame. The
/// element holds a link to the widget's page, which shows only where `embed.js` never runs (it
/// was blocked, or scripting is off).
///
/// ```
/// use chronicle_core::{embed::snippets, i18n::Lang, state::View};
/// let (iframe, element) = snippets("https://example.org/llmc/", Lang::En, View::Matrix, Some("gpt-3"));
/// assert!(iframe.contains(r#"src="https://example.org/llmc/?lang=en&amp;view=matrix&amp;focus=gpt-3""#));
/// assert!(iframe.contains(r#"allow="clipboard-write""#));
/// assert!(element.contains(r#"<llm-chronicle lang="en" view="matrix" focus="gpt-3" loading="lazy"><a href="#));
/// ```
pub fn snippets(base: &str, lang: Lang, view: View, focus: Option<&str>) -> (String, String) {
    snippets_for(base, &Spec { lang, view, focus: focus.map(str::to_owned), ..Spec::default() })
}

/// The snippets for every setting of `spec`.
///
/// ```
/// use chronicle_core::{embed::{snippets_for, Spec}, i18n::Lang, settings::Theme};
/// let spec = Spec { lang: Lang::En, theme: Theme::Dark, height: Some(700), data: Some("https://news.example/d.csv".into()), ..Spec::default() };
/// let (iframe, element) = snippets_for("https://cdn.example/llmc/", &spec);
/// assert!(iframe.contains("theme=dark") && iframe.contains("data=https%3A%2F%2Fnews.example%2Fd.csv") && iframe.contains("height=\"700\""));
/// assert!(element.contains(r#"theme="dark" height="700" data="https://news.example/d.csv""#));
/// ```
pub fn snippets_for(base: &str, spec: &Spec) -> (String, String) {
    let base = if base.ends_with('/') { base.to_owned() } else { format!("{base}/") };
    let mut query = format!("lang={}&view={}", spec.lang.code(), spec.view.slug());
    let mut attrs = String::new();
    let theme = match spec.theme {
        Theme::Auto => None,
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
    };
    let height = spec.height.map(|h| h.to_string());
    for (name, value) in [
        ("focus", spec.focus.as_deref()),
        ("theme", theme),
        ("height", height.as_deref()),
        ("data", spec.data.as_deref()),
    ] {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            query += &format!("&{name}={}", query_value(v));
            attrs += &format!(" {name}=\"{}\"", attr(v));
        }
    }
    let title = crate::i18n::ui(spec.lang).embed_title;
    let page = attr(&format!("{base}?{query}"));
    let script = format!("<script src=\"{}\" defer></script>", attr(&format!("{base}embed.js")));
    let iframe = format!(
        "<iframe data-llm-chronicle src=\"{page}\" title=\"{title}\" width=\"100%\" height=\"{}\" loading=\"lazy\" allow=\"clipboard-write\" style=\"border:0\"></iframe>\n{script}",
        spec.height.unwrap_or(900)
    );
    let element = format!(
        "{script}\n<llm-chronicle lang=\"{}\" view=\"{}\"{attrs} loading=\"lazy\"><a href=\"{page}\">{title}</a></llm-chronicle>",
        spec.lang.code(),
        spec.view.slug()
    );
    (iframe, element)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_and_the_base_gets_a_slash() {
        let (iframe, element) = snippets("https://example.org/x", Lang::Zh, View::Both, Some("a\"b"));
        assert!(iframe.contains("https://example.org/x/?lang=zh&amp;view=both&amp;focus=a%22b"));
        assert!(element.contains("focus=\"a&quot;b\""));
        assert!(element.starts_with("<script src=\"https://example.org/x/embed.js\" defer></script>"));
        assert!(iframe.contains("title=\"大模型编年史\""));
        assert!(iframe.ends_with("></iframe>\n<script src=\"https://example.org/x/embed.js\" defer></script>"));
        assert!(element.ends_with(">大模型编年史</a></llm-chronicle>"), "{element}");
        assert!(!iframe.contains("type=\"module\""), "a classic script needs no CORS headers");
    }
}
