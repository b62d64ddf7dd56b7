//! A JSON reader that keeps where each value starts, so every problem in an author's file can be
//! named by line and column, and that says what is wrong with broken JSON in its own typed terms
//! (a trailing comma, a missing quote) rather than in a parser's English.
//!
//! It accepts exactly RFC 8259 JSON, as `serde_json` does (a test compares the two on mutated
//! files), with two differences an author never meets: a leading byte-order mark is skipped, and
//! an object keeps every member, repeated keys included, so that a repeated key can be reported.
//! serde_json gives neither positions per value nor typed errors, which is why this exists.

use std::borrow::Cow;

use crate::problem::{Syntax, TextPos};

/// How deep arrays and objects may nest (serde_json's limit), so a hostile file cannot exhaust
/// the stack.
pub const MAX_DEPTH: usize = 128;

/// A value and the byte offset in the text where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'t> {
    pub at: usize,
    pub value: Value<'t>,
}

/// A JSON value. Strings borrow from the text unless they hold an escape; numbers keep their
/// text (the dataset only needs small whole numbers).
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'t> {
    Null,
    Bool(bool),
    Number(&'t str),
    String(Cow<'t, str>),
    Array(Vec<Node<'t>>),
    Object(Vec<Member<'t>>),
}

/// One `"key": value` of an object, with where its key starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Member<'t> {
    pub key: Cow<'t, str>,
    pub key_at: usize,
    pub value: Node<'t>,
}

/// Why the text is not JSON, and the byte offset where the author should look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: usize,
    pub kind: SyntaxKind,
}

/// [`Syntax`] before positions are turned into lines and columns: the offset of the bracket an
/// early end leaves open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxKind {
    Is(Syntax),
    UnexpectedEnd { unclosed: Option<(u8, usize)> },
    Mismatched { open: u8, opened: usize, found: u8 },
}

impl Value<'_> {
    /// What kind of value this is, for a message.
    pub fn kind(&self) -> crate::problem::JsonType {
        use crate::problem::JsonType as T;
        match self {
            Value::Null => T::Null,
            Value::Bool(_) => T::Bool,
            Value::Number(_) => T::Number,
            Value::String(_) => T::String,
            Value::Array(_) => T::Array,
            Value::Object(_) => T::Object,
        }
    }
}

/// Parses `text` as one JSON value (after an optional byte-order mark).
pub fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    parse_with(text, None)
}

/// Receives each item of a list that is a member of the top-level object: the member's key, the
/// item's index and the item.
pub type OnItem<'h, 't> = &'h mut dyn FnMut(&str, usize, Node<'t>);

/// Like [`parse`], except that each item of a list that is a member of the top-level object
/// (`{"events": [item, …]}`) goes to `on_item` as soon as it is read, and the list is left empty
/// in the tree. So a large dataset never exists as a whole tree of values next to what is made of
/// it: the tree of one item at a time does.
pub fn parse_streaming<'t>(text: &'t str, on_item: OnItem<'_, 't>) -> Result<Node<'t>, SyntaxError> {
    parse_with(text, Some(on_item))
}

fn parse_with<'t>(text: &'t str, on_item: Option<OnItem<'_, 't>>) -> Result<Node<'t>, SyntaxError> {
    let start = if text.starts_with('\u{FEFF}') { '\u{FEFF}'.len_utf8() } else { 0 };
    let mut p = Parser {
        text,
        s: text.as_bytes(),
        i: start,
        open: Vec::new(),
        last_string: start,
        on_item,
        key: Cow::Borrowed(""),
    };
    p.ws();
    let node = p.value()?;
    p.ws();
    match p.peek() {
        None => Ok(node),
        Some(b'/') => Err(p.error(p.i, Syntax::Comment)),
        Some(_) => Err(p.error(p.i, Syntax::TrailingText)),
    }
}

struct Parser<'t, 'h> {
    text: &'t str,
    s: &'t [u8],
    i: usize,
    /// The brackets open around the current position, with their offsets.
    open: Vec<(u8, usize)>,
    /// Where the last string read starts.
    last_string: usize,
    /// Where the items of the top-level object's lists go, when they are streamed.
    on_item: Option<OnItem<'h, 't>>,
    /// The key of the top-level object's member being read.
    key: Cow<'t, str>,
}

impl<'t> Parser<'t, '_> {
    fn error(&self, at: usize, kind: Syntax) -> SyntaxError {
        SyntaxError { at, kind: SyntaxKind::Is(kind) }
    }

    fn end(&self) -> SyntaxError {
        SyntaxError { at: self.s.len(), kind: SyntaxKind::UnexpectedEnd { unclosed: self.open.last().copied() } }
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// Why `c`, found where a value should start, is not one.
    fn not_a_value(&self, c: u8) -> SyntaxError {
        let kind = match c {
            b'\'' => Syntax::SingleQuotes,
            b'/' => Syntax::Comment,
            b'}' | b']' | b',' | b':' => Syntax::ExpectedValue,
            c if c.is_ascii_alphabetic() || c >= 0x80 || c == b'_' => Syntax::UnquotedText,
            b'+' | b'.' => Syntax::BadNumber,
            _ => Syntax::ExpectedValue,
        };
        self.error(self.i, kind)
    }

    fn value(&mut self) -> Result<Node<'t>, SyntaxError> {
        let at = self.i;
        let Some(c) = self.peek() else { return Err(self.end()) };
        let value = match c {
            b'{' => self.object()?,
            b'[' => self.array()?,
            b'"' => Value::String(self.string()?),
            b'-' | b'0'..=b'9' => Value::Number(self.number()?),
            _ => {
                for (word, v) in [("true", Value::Bool(true)), ("false", Value::Bool(false)), ("null", Value::Null)] {
                    if self.s[self.i..].starts_with(word.as_bytes()) && !self.word_goes_on(self.i + word.len()) {
                        self.i += word.len();
                        return Ok(Node { at, value: v });
                    }
                }
                return Err(self.not_a_value(c));
            }
        };
        Ok(Node { at, value })
    }

    /// Whether a letter or digit follows at `i` (so `nullx` is not `null` then `x`).
    fn word_goes_on(&self, i: usize) -> bool {
        self.s.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    }

    fn enter(&mut self, bracket: u8) -> Result<(), SyntaxError> {
        if self.open.len() >= MAX_DEPTH {
            return Err(self.error(self.i, Syntax::TooDeep));
        }
        self.open.push((bracket, self.i));
        self.i += 1;
        self.ws();
        Ok(())
    }

    /// What a character that is not `,` nor the closing bracket means after an item.
    fn after_item(&self, c: u8) -> SyntaxError {
        let &(open, opened) = self.open.last().expect("inside a bracket");
        // Text straight after a closing quote: that quote was meant to open the next string, so
        // the string before it lacks its closing quote (`"a, "b": 1`).
        if (c.is_ascii_alphanumeric() || c >= 0x80) && self.s.get(self.i.wrapping_sub(1)) == Some(&b'"') {
            return self.error(self.last_string, Syntax::UnclosedString);
        }
        match c {
            b']' | b'}' => SyntaxError { at: self.i, kind: SyntaxKind::Mismatched { open, opened, found: c } },
            b'"' | b'{' | b'[' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => self.error(self.i, Syntax::MissingComma),
            b'/' => self.error(self.i, Syntax::Comment),
            b':' if open == b'[' => self.error(self.i, Syntax::ColonInList),
            _ if open == b'{' && (c.is_ascii_alphabetic() || c == b'\'') => self.error(self.i, Syntax::MissingComma),
            _ => self.error(self.i, Syntax::ExpectedCommaOrEnd),
        }
    }

    fn array(&mut self) -> Result<Value<'t>, SyntaxError> {
        self.enter(b'[')?;
        // A list that is a member of the top-level object is streamed, when asked.
        let stream = self.on_item.is_some() && matches!(self.open[..], [(b'{', _), (b'[', _)]);
        let mut index = 0;
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.i += 1;
            self.open.pop();
            return Ok(Value::Array(items));
        }
        loop {
            let item = self.value()?;
            match &mut self.on_item {
                Some(on_item) if stream => {
                    on_item(&self.key, index, item);
                    index += 1;
                }
                _ => items.push(item),
            }
            self.ws();
            match self.peek() {
                None => return Err(self.end()),
                Some(b',') => {
                    let comma = self.i;
                    self.i += 1;
                    self.ws();
                    if self.peek() == Some(b']') {
                        return Err(self.error(comma, Syntax::TrailingComma));
                    }
                }
                Some(b']') => {
                    self.i += 1;
                    self.open.pop();
                    return Ok(Value::Array(items));
                }
                Some(c) => return Err(self.after_item(c)),
            }
        }
    }

    fn object(&mut self) -> Result<Value<'t>, SyntaxError> {
        self.enter(b'{')?;
        let mut members = Vec::new();
        if self.peek() == Some(b'}') {
            self.i += 1;
            self.open.pop();
            return Ok(Value::Object(members));
        }
        loop {
            let key_at = self.i;
            let key = match self.peek() {
                None => return Err(self.end()),
                Some(b'"') => self.string()?,
                Some(b'\'') => return Err(self.error(self.i, Syntax::SingleQuotes)),
                Some(b'/') => return Err(self.error(self.i, Syntax::Comment)),
                Some(c) if c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80 => {
                    return Err(self.error(self.i, Syntax::UnquotedKey))
                }
                Some(_) => return Err(self.error(self.i, Syntax::ExpectedKey)),
            };
            self.ws();
            match self.peek() {
                None => return Err(self.end()),
                Some(b':') => self.i += 1,
                Some(_) => return Err(self.error(self.i, Syntax::MissingColon)),
            }
            self.ws();
            if self.open.len() == 1 {
                self.key = key.clone();
            }
            let value = self.value()?;
            members.push(Member { key, key_at, value });
            self.ws();
            match self.peek() {
                None => return Err(self.end()),
                Some(b',') => {
                    let comma = self.i;
                    self.i += 1;
                    self.ws();
                    if self.peek() == Some(b'}') {
                        return Err(self.error(comma, Syntax::TrailingComma));
                    }
                }
                Some(b'}') => {
                    self.i += 1;
                    self.open.pop();
                    return Ok(Value::Object(members));
                }
                Some(c) => return Err(self.after_item(c)),
            }
        }
    }

    /// A string from its opening quote, borrowed from the text when it holds no escape. A string
    /// still open at the end of its line (or of the text) is reported at its opening quote: a
    /// closing quote is missing.
    fn string(&mut self) -> Result<Cow<'t, str>, SyntaxError> {
        let open = self.i;
        self.last_string = open;
        self.i += 1;
        let mut owned: Option<String> = None;
        let mut run = self.i;
        loop {
            let special = self.s[self.i..].iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            let Some(k) = special else { return Err(self.error(open, Syntax::UnclosedString)) };
            self.i += k;
            match self.s[self.i] {
                b'"' => {
                    // Quotes and backslashes are ASCII, so the runs between them are whole UTF-8.
                    let tail = &self.text[run..self.i];
                    self.i += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let out = owned.get_or_insert_with(String::new);
                    out.push_str(&self.text[run..self.i]);
                    self.escape(out)?;
                    run = self.i;
                }
                b'\n' | b'\r' => return Err(self.error(open, Syntax::UnclosedString)),
                _ => return Err(self.error(self.i, Syntax::ControlInString)),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let at = self.i;
        let bad = |p: &Self| p.error(at, Syntax::BadEscape);
        let Some(c) = self.s.get(self.i + 1).copied() else { return Err(self.error(at, Syntax::UnclosedString)) };
        self.i += 2;
        let ch = match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4().ok_or_else(|| bad(self))?;
                let code = match hi {
                    0xD800..=0xDBFF => {
                        if !self.s[self.i..].starts_with(b"\\u") {
                            return Err(bad(self));
                        }
                        self.i += 2;
                        let lo = self.hex4().ok_or_else(|| bad(self))?;
                        if !(0xDC00..=0xDFFF).contains(&lo) {
                            return Err(bad(self));
                        }
                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return Err(bad(self)),
                    _ => hi,
                };
                char::from_u32(code).ok_or_else(|| bad(self))?
            }
            _ => return Err(bad(self)),
        };
        out.push(ch);
        Ok(())
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.s.get(self.i..self.i + 4)?;
        let s = std::str::from_utf8(digits).ok()?;
        let v = u32::from_str_radix(s, 16).ok().filter(|_| digits.iter().all(u8::is_ascii_hexdigit))?;
        self.i += 4;
        Some(v)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, finite as a double.
    fn number(&mut self) -> Result<&'t str, SyntaxError> {
        let start = self.i;
        let bad = |p: &Self| p.error(start, Syntax::BadNumber);
        let digits = |p: &mut Self| {
            let from = p.i;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.i += 1;
            }
            p.i - from
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.i += 1;
                if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    return Err(bad(self));
                }
            }
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(bad(self)),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return Err(bad(self));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if digits(self) == 0 {
                return Err(bad(self));
            }
        }
        if self.word_goes_on(self.i) || self.peek() == Some(b'.') {
            return Err(bad(self));
        }
        let text = &self.text[start..self.i];
        if !crate::num::parse_f64(text).is_some_and(f64::is_finite) {
            return Err(bad(self));
        }
        Ok(text)
    }
}

/// Turns byte offsets into 1-based lines and columns (in characters), and shows a line.
pub struct Lines<'t> {
    text: &'t str,
    /// The byte offset where each line starts.
    starts: Vec<usize>,
}

/// How many characters of a line an excerpt shows at most, around the position.
const EXCERPT_CHARS: usize = 100;

impl<'t> Lines<'t> {
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Lines { text, starts }
    }

    /// The line and column of byte offset `at` (clamped to the text).
    pub fn pos(&self, at: usize) -> TextPos {
        let at = floor_char_boundary(self.text, at.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= at) - 1;
        let column = self.text[self.starts[line]..at].chars().count() + 1;
        TextPos { line: line + 1, column }
    }

    /// The line holding byte offset `at`, cut to at most [`EXCERPT_CHARS`] characters around it,
    /// and the position's character index in what is returned.
    pub fn excerpt(&self, at: usize) -> (String, usize) {
        let pos = self.pos(at);
        let start = self.starts[pos.line - 1];
        let line = self.text[start..].split(['\n', '\r']).next().unwrap_or("");
        let chars: Vec<char> = line.chars().collect();
        let caret = pos.column - 1;
        let from = caret.saturating_sub(EXCERPT_CHARS * 2 / 3).min(chars.len().saturating_sub(EXCERPT_CHARS));
        let to = (from + EXCERPT_CHARS).min(chars.len());
        // Tabs and other controls are shown as spaces so that the caret lines up.
        let shown = chars[from..to].iter().map(|&c| if c.is_control() { ' ' } else { c }).collect();
        (shown, caret - from)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (usize, SyntaxKind) {
        let e = parse(text).unwrap_err();
        (e.at, e.kind)
    }

    #[test]
    fn values_keep_their_positions() {
        let text = "{\n  \"a\": [1, \"x\"],\n  \"b\": {\"c\": null}\n}";
        let root = parse(text).unwrap();
        let Value::Object(m) = &root.value else { panic!() };
        assert_eq!((m[0].key.as_ref(), m[0].key_at), ("a", 4));
        let Value::Array(items) = &m[0].value.value else { panic!() };
        let lines = Lines::new(text);
        assert_eq!(lines.pos(items[1].at), TextPos { line: 2, column: 12 });
        assert_eq!(lines.pos(m[1].value.at), TextPos { line: 3, column: 8 });
    }

    #[test]
    fn strings_unescape_and_count_columns_in_characters() {
        let root = parse(r#"["a\"b\\\u00e9\ud83d\ude00\n", "中文"]"#).unwrap();
        let Value::Array(items) = root.value else { panic!() };
        assert_eq!(items[0].value, Value::String("a\"b\\é😀\n".into()));
        assert!(matches!(&items[1].value, Value::String(Cow::Borrowed("中文"))));
        let text = "{\"名\": 1x}";
        let (at, _) = err(text);
        assert_eq!(Lines::new(text).pos(at), TextPos { line: 1, column: 7 });
    }

    #[test]
    fn the_usual_mistakes_are_named() {
        use Syntax::*;
        let is = SyntaxKind::Is;
        assert_eq!(err("[1, 2,]"), (5, is(TrailingComma)));
        assert_eq!(err("{\"a\": 1,\n}"), (7, is(TrailingComma)));
        assert_eq!(err("{\"a\": 1 \"b\": 2}"), (8, is(MissingComma)));
        assert_eq!(err("{\"a\": \"x}\n"), (6, is(UnclosedString)));
        assert_eq!(err("{\"a\": \"x"), (6, is(UnclosedString)));
        assert_eq!(err("{\"a\": \"x, \"b\": 1}"), (6, is(UnclosedString)));
        assert_eq!(err("{a: 1}"), (1, is(UnquotedKey)));
        assert_eq!(err("{'a': 1}"), (1, is(SingleQuotes)));
        assert_eq!(err("{\"a\": x\"}"), (6, is(UnquotedText)));
        assert_eq!(err("{\"a\": True}"), (6, is(UnquotedText)));
        assert_eq!(err("{\"a\" 1}"), (5, is(MissingColon)));
        assert_eq!(err("{\"a\": 1} // x"), (9, is(Comment)));
        assert_eq!(err("{\"a\": 1}}"), (8, is(TrailingText)));
        assert_eq!(err("[\"a\": 1]"), (4, is(ColonInList)));
        assert_eq!(err("{\"a\": // x\n 1}"), (6, is(Comment)));
        assert_eq!(err("{\"a\": 01}"), (6, is(BadNumber)));
        assert_eq!(err("[1e999]"), (1, is(BadNumber)));
        assert_eq!(err("[\"\\x\"]"), (2, is(BadEscape)));
        assert_eq!(err("[\"\\ud800\"]"), (2, is(BadEscape)));
        assert_eq!(err("[\"a\tb\"]"), (3, is(ControlInString)));
        assert_eq!(err("{\"a\": [1, 2}"), (11, SyntaxKind::Mismatched { open: b'[', opened: 6, found: b'}' }));
        assert_eq!(err("{\"a\": [1, 2]"), (12, SyntaxKind::UnexpectedEnd { unclosed: Some((b'{', 0)) }));
        assert_eq!(err(""), (0, SyntaxKind::UnexpectedEnd { unclosed: None }));
        assert_eq!(err(&"[".repeat(MAX_DEPTH + 1)), (MAX_DEPTH, is(TooDeep)));
        assert!(parse(&format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH))).is_ok());
    }

    #[test]
    fn an_excerpt_shows_the_line_around_the_position() {
        let text = format!("{{\n\"a\": \"{}\", x\n}}", "y".repeat(300));
        let (at, _) = err(&text);
        let (line, caret) = Lines::new(&text).excerpt(at);
        assert_eq!(line.chars().count(), EXCERPT_CHARS);
        assert_eq!(line.chars().nth(caret), Some('x'));
        let (line, caret) = Lines::new("{\n\t\"a\" 1}").excerpt(7);
        assert_eq!((line.as_str(), caret), (" \"a\" 1}", 5));
    }
}
