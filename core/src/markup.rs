//! Markup written as text, and the one HTML escaper of the project.
//!
//! Every text and attribute value goes through [`Markup::text`] or [`Markup::attr`] (or
//! [`escape_text`] / [`escape_attr`]), which escape it as Yew does. [`Markup::raw`] takes only
//! `&'static str`: literal tags and attribute names written in the source, never data, so no value
//! read from a dataset can reach the page unescaped.

use std::fmt::Write;

/// A growing piece of markup.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Self {
        Self::default()
    }

    /// Literal markup: tags and attribute names written in the source.
    pub fn raw(&mut self, s: &'static str) -> &mut Self {
        self.0.push_str(s);
        self
    }

    /// Text inside an element, escaped.
    pub fn text(&mut self, s: &str) -> &mut Self {
        escape_into(&mut self.0, s, false);
        self
    }

    /// ` name="value"`, the value escaped.
    pub fn attr(&mut self, name: &'static str, value: &str) -> &mut Self {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        escape_into(&mut self.0, value, true);
        self.0.push('"');
        self
    }

    /// ` name="…"` for a number, to one decimal place.
    pub fn num(&mut self, name: &'static str, value: f64) -> &mut Self {
        let _ = write!(self.0, " {name}=\"{value:.1}\"");
        self
    }

    /// ` name="…"` for a count.
    pub fn int(&mut self, name: &'static str, value: usize) -> &mut Self {
        let _ = write!(self.0, " {name}=\"{value}\"");
        self
    }

    /// Appends `other`, written (and so escaped) by another writer.
    pub fn push(&mut self, other: Markup) -> &mut Self {
        self.0.push_str(&other.0);
        self
    }

    pub fn finish(self) -> String {
        self.0
    }
}

/// `s` escaped for the inside of an element.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s, false);
    out
}

/// `s` escaped for a double-quoted attribute value.
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s, true);
    out
}

/// Escapes `s` into `out` as Yew escapes text (`attr`: a double-quoted attribute value).
fn escape_into(out: &mut String, s: &str, attr: bool) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            _ => out.push(ch),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_numbers_rounded() {
        let mut m = Markup::new();
        m.raw("<g").attr("aria-label", "a \"b\" <c> & d").num("x", 1.25).num("y", -3.04).int("n", 7).raw(">");
        m.text("<script>alert(1)</script> & \"q\"").raw("</g>");
        assert_eq!(
            m.finish(),
            "<g aria-label=\"a &quot;b&quot; &lt;c&gt; &amp; d\" x=\"1.2\" y=\"-3.0\" n=\"7\">\
             &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\"</g>"
        );
    }

    #[test]
    fn the_free_functions_escape_as_the_writer_does() {
        assert_eq!(escape_text("<a href=\"x\">&</a>"), "&lt;a href=\"x\"&gt;&amp;&lt;/a&gt;");
        assert_eq!(escape_attr("<a href=\"x\">&</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    }
}
