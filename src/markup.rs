//! Markup written as text, for the views that are static for their inputs (the event list and the
//! drawn timeline): hydrating them costs nothing, redrawing them is one `innerHTML`, and Yew keeps
//! no virtual nodes for them. Every text and attribute value goes through [`Markup::text`] or
//! [`Markup::attr`], which escape it as Yew does; the rest is literal markup written here.

use std::fmt::Write;

/// A growing piece of markup.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Self {
        Self::default()
    }

    /// Literal markup (tags and attribute names written in this crate, never data).
    pub fn raw(&mut self, s: &str) -> &mut Self {
        self.0.push_str(s);
        self
    }

    /// Text inside an element, escaped.
    pub fn text(&mut self, s: &str) -> &mut Self {
        escape_into(&mut self.0, s, false);
        self
    }

    /// ` name="value"`, the value escaped.
    pub fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        escape_into(&mut self.0, value, true);
        self.0.push('"');
        self
    }

    /// ` name="…"` for a number, to one decimal place.
    pub fn num(&mut self, name: &str, value: f64) -> &mut Self {
        let _ = write!(self.0, " {name}=\"{value:.1}\"");
        self
    }

    pub fn finish(self) -> String {
        self.0
    }
}

/// A drawing with a number no earlier drawing had. Effects that mark a drawing (selection, tab
/// stop) depend on the number, not on the drawing's address: once an old drawing is freed, a new
/// one may well be allocated at the same address.
pub struct Drawn<T> {
    pub serial: u64,
    value: T,
}

impl<T> Drawn<T> {
    pub fn new(value: T) -> Self {
        thread_local! {
            static DRAWINGS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
        }
        let serial = DRAWINGS.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        Drawn { serial, value }
    }
}

impl<T> std::ops::Deref for Drawn<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
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
    use super::Markup;

    #[test]
    fn every_drawing_gets_a_new_number() {
        let (a, b) = (super::Drawn::new(1), super::Drawn::new(1));
        assert!(b.serial > a.serial);
        assert_eq!(*a + *b, 2);
    }

    #[test]
    fn text_and_attributes_are_escaped_and_numbers_rounded() {
        let mut m = Markup::new();
        m.raw("<g").attr("aria-label", "a \"b\" <c> & d").num("x", 1.25).num("y", -3.04).raw(">");
        m.text("<script>alert(1)</script> & \"q\"").raw("</g>");
        assert_eq!(
            m.finish(),
            "<g aria-label=\"a &quot;b&quot; &lt;c&gt; &amp; d\" x=\"1.2\" y=\"-3.0\">\
             &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\"</g>"
        );
    }
}
