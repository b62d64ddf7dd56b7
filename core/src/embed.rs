//! The "Embed" action's snippets: an auto-height iframe and the custom element, reflecting the
//! reader's current language, view and selection.

use crate::i18n::Lang;
use crate::markup::escape_attr as attr;
use crate::state::View;

fn query_value(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
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
    let base = if base.ends_with('/') { base.to_owned() } else { format!("{base}/") };
    let mut query = format!("lang={}&view={}", lang.code(), view.slug());
    if let Some(id) = focus {
        query += &format!("&focus={}", query_value(id));
    }
    let title = crate::i18n::ui(lang).embed_title;
    let page = attr(&format!("{base}?{query}"));
    let script = format!("<script src=\"{}\" defer></script>", attr(&format!("{base}embed.js")));
    let iframe = format!(
        "<iframe data-llm-chronicle src=\"{page}\" title=\"{title}\" width=\"100%\" height=\"900\" loading=\"lazy\" allow=\"clipboard-write\" style=\"border:0\"></iframe>\n{script}"
    );
    let focus_attr = focus.map(|id| format!(" focus=\"{}\"", attr(id))).unwrap_or_default();
    let element = format!(
        "{script}\n<llm-chronicle lang=\"{}\" view=\"{}\"{focus_attr} loading=\"lazy\"><a href=\"{page}\">{title}</a></llm-chronicle>",
        lang.code(),
        view.slug()
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
