//! Images for the reader to take away: what is drawn, as a standalone SVG document.
//!
//! An image is a [`Frame`] (the title, a subtitle, the legend, "data as of" and the source line,
//! in the reader's language) around a body: any drawing, in its own coordinates, `width` wide.
//! [`timeline`] draws the wide timeline's scene as the body; other views can put their own
//! drawing in the same frame.
//!
//! The document stands alone: every colour, size and font is a presentation attribute on its
//! element (no stylesheet, no class the page's CSS would style), the fonts are the system's
//! (with a CJK face in both languages, so a Chinese name in an English image still shows), and
//! every text is escaped as XML. So it opens the same in a browser, an editor or a slide, and can
//! be drawn into a canvas for a PNG.
//!
//! Colours follow the page's theme: light by default, dark when the page is dark (the widget
//! reads its own background, see [`Theme::of_background`]). A host's `--llmc-*` colours are not
//! carried over: an image keeps the widget's own palettes.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::i18n::{data_as_of, image_source_line, level_name, ui, window_label, Lang};
use crate::layout::text_width;
use crate::lineage::Lineage;
use crate::markup::Markup;
use crate::matrix::level_symbol;
use crate::model::{Level, Openness};
use crate::query::Query;
use crate::state::State;
use crate::Chronicle;

use super::timeline::{lineage_path, EventMark, TimelineScene};
use super::{diamond_path, NARROW_PX};

/// The colours of an image.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    /// The theme of a page whose background is `css`, a colour as `getComputedStyle` gives it
    /// (`rgb(13, 17, 23)`): dark when its luma is below the middle. Anything unreadable, or a
    /// transparent background, is light.
    ///
    /// ```
    /// use chronicle_core::scene::export::Theme;
    /// assert_eq!(Theme::of_background("rgb(13, 17, 23)"), Theme::Dark);
    /// assert_eq!(Theme::of_background("rgb(255, 255, 255)"), Theme::Light);
    /// assert_eq!(Theme::of_background("rgba(0, 0, 0, 0)"), Theme::Light);
    /// ```
    pub fn of_background(css: &str) -> Theme {
        let inside = css
            .trim()
            .split_once('(')
            .filter(|(name, _)| matches!(name.trim(), "rgb" | "rgba"))
            .and_then(|(_, rest)| rest.strip_suffix(')'));
        let numbers: Vec<f64> = inside
            .unwrap_or_default()
            .split([',', ' ', '/'])
            .filter(|s| !s.is_empty())
            .map_while(crate::num::parse_f64)
            .collect();
        match numbers[..] {
            [r, g, b] | [r, g, b, _] if numbers.get(3).is_none_or(|a| *a > 0.0) => {
                if 0.299 * r + 0.587 * g + 0.114 * b < 128.0 {
                    Theme::Dark
                } else {
                    Theme::Light
                }
            }
            _ => Theme::Light,
        }
    }

    pub fn palette(self) -> &'static Palette {
        match self {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }
}

/// The widget's default colours (`src/style/base.css`), as hex.
#[derive(Debug, PartialEq, Eq)]
pub struct Palette {
    pub bg: &'static str,
    pub fg: &'static str,
    pub muted: &'static str,
    pub line: &'static str,
    pub band: &'static str,
    pub accent: &'static str,
    pub open: &'static str,
    pub closed: &'static str,
    pub era: &'static str,
}

static LIGHT: Palette = Palette {
    bg: "#ffffff",
    fg: "#1b1f24",
    muted: "#57606a",
    line: "#d0d7de",
    band: "#f6f8fa",
    accent: "#0b5cad",
    open: "#1a7f37",
    closed: "#b35900",
    era: "#ddf4ff",
};

static DARK: Palette = Palette {
    bg: "#0d1117",
    fg: "#e6edf3",
    muted: "#9da7b3",
    line: "#3d444d",
    band: "#161b22",
    accent: "#58a6ff",
    open: "#3fb950",
    closed: "#f0883e",
    era: "#12263f",
};

/// A colour of the palette, by its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ink {
    Bg,
    Fg,
    Muted,
    Line,
    Band,
    Accent,
    Open,
    Closed,
    Era,
}

impl Palette {
    pub fn ink(&self, ink: Ink) -> &'static str {
        match ink {
            Ink::Bg => self.bg,
            Ink::Fg => self.fg,
            Ink::Muted => self.muted,
            Ink::Line => self.line,
            Ink::Band => self.band,
            Ink::Accent => self.accent,
            Ink::Open => self.open,
            Ink::Closed => self.closed,
            Ink::Era => self.era,
        }
    }
}

/// What a legend entry shows before its text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Key {
    /// Nothing: the text is a heading, set in bold.
    Heading,
    /// An event's marker, as the timeline draws it.
    Marker(Openness),
    /// A line: its colour, width, and whether it is dashed.
    Line { ink: Ink, width: f64, dashed: bool },
    /// A filled dot.
    Dot(Ink),
    /// Nothing: the text is set in this colour (and says what the colour means in words).
    Text(Ink),
}

/// One entry of an image's legend.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    pub key: Key,
    pub text: String,
}

/// What is around an image's body, and the body itself.
pub struct Frame<'a> {
    pub lang: Lang,
    pub theme: Theme,
    pub title: &'a str,
    /// Under the title: what the body shows ("Timeline · 1948 – 2026").
    pub subtitle: &'a str,
    pub legend: &'a [LegendItem],
    /// "Data as of …", already written out (see [`Notes`]).
    pub as_of: Option<&'a str>,
    /// The widget, where it is, and the dataset's sources (see [`Notes`]).
    pub source: &'a str,
    /// The image's width, and the body's.
    pub width: f64,
    pub body_height: f64,
    /// The drawing, in its own coordinates (0..`width`, 0..`body_height`), written with
    /// [`Markup`] so that every value in it is escaped.
    pub body: Markup,
}

/// A finished image.
#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    /// The SVG document.
    pub svg: String,
    pub width: f64,
    pub height: f64,
    /// The file's name without its extension (left empty by [`frame`], for its caller to name).
    pub file_stem: String,
}

/// The frame's last lines for a dataset, in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct Notes {
    /// "Data as of …", if the dataset says.
    pub as_of: Option<String>,
    /// The widget, where it is (`page_url`), and the dataset's credited sources.
    pub source: String,
}

impl Notes {
    pub fn of(c: &Chronicle, lang: Lang, page_url: &str) -> Notes {
        let credits: Vec<&str> = c.data.credits.iter().map(|k| k.title.get(lang)).collect();
        Notes {
            as_of: c.data.as_of.as_deref().map(|d| data_as_of(d, lang)),
            source: image_source_line(page_url, &credits, lang),
        }
    }
}

/// The system's fonts, as in the widget's stylesheet, with a Chinese face in both languages.
const FONT_EN: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', \
                       'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";
const FONT_ZH: &str = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', \
                       'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

/// Space around the frame's texts.
const PAD: f64 = 16.0;
const TITLE_PX: f64 = 18.0;
const TITLE_LINE: f64 = 24.0;
const SUBTITLE_PX: f64 = 13.0;
const SUBTITLE_LINE: f64 = 19.0;
const LEGEND_PX: f64 = 12.0;
const LEGEND_ROW: f64 = 22.0;
const NOTE_PX: f64 = 11.0;
const NOTE_LINE: f64 = 16.0;
/// Bold text runs wider than [`text_width`] estimates regular text.
const BOLD: f64 = 1.1;

/// The smallest PNG scale: an image at 1× looks soft on most screens and slides.
const MIN_PNG_SCALE: f64 = 2.0;
/// The largest: past it the canvas grows beyond what every browser draws.
const MAX_PNG_SCALE: f64 = 4.0;

/// How many PNG pixels per image pixel: the screen's pixel ratio rounded up, between 2 and 4.
///
/// ```
/// use chronicle_core::scene::export::png_scale;
/// assert_eq!(png_scale(1.0), 2.0);
/// assert_eq!(png_scale(2.625), 3.0);
/// assert_eq!(png_scale(f64::NAN), 2.0);
/// ```
pub fn png_scale(device_pixel_ratio: f64) -> f64 {
    if device_pixel_ratio.is_finite() {
        device_pixel_ratio.ceil().clamp(MIN_PNG_SCALE, MAX_PNG_SCALE)
    } else {
        MIN_PNG_SCALE
    }
}

/// `s` without the characters XML 1.0 does not allow (control characters other than tab and
/// line breaks, U+FFFE and U+FFFF): a dataset's text can hold them, and one would make the whole
/// document unreadable.
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    let allowed = |c: char| !matches!(c, '\0'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f' | '\u{fffe}' | '\u{ffff}');
    if s.chars().all(allowed) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| allowed(c)).collect())
    }
}

/// Whether `c` is set one em wide (a CJK character), by [`text_width`]'s measure.
fn is_wide(c: char) -> bool {
    let mut b = [0; 4];
    text_width(c.encode_utf8(&mut b), 100.0) >= 100.0
}

/// `s` broken into lines no wider than `max_px` at `font_px` (by [`text_width`]): after spaces,
/// and around CJK characters (a closing punctuation mark stays with the character before it); a
/// word wider than a line is cut where it must be.
pub fn wrap(s: &str, max_px: f64, font_px: f64) -> Vec<String> {
    // The pieces between break opportunities: after a space, before and after a wide character,
    // never before a space or a closing mark.
    let mut pieces: Vec<String> = Vec::new();
    let mut piece = String::new();
    for c in s.chars() {
        let closing = "，。、；：！？）」』”’》〉】".contains(c);
        let breaks = !piece.is_empty()
            && !closing
            && c != ' '
            && (piece.ends_with(' ') || is_wide(c) || piece.ends_with(is_wide));
        if breaks {
            pieces.push(std::mem::take(&mut piece));
        }
        piece.push(c);
    }
    pieces.push(piece);
    let fits = |t: &str| text_width(t.trim_end(), font_px) <= max_px;
    let mut lines = Vec::new();
    let mut line = String::new();
    for piece in pieces {
        if fits(&(line.clone() + &piece)) {
            line += &piece;
            continue;
        }
        if !line.trim().is_empty() {
            lines.push(line.trim_end().to_owned());
        }
        line = piece.trim_start().to_owned();
        // A piece wider than a whole line: cut it by characters, at least one per line.
        while !fits(&line) {
            let mut head = String::new();
            for c in line.chars() {
                if !head.is_empty() && !fits(&format!("{head}{c}")) {
                    break;
                }
                head.push(c);
            }
            line = line[head.len()..].trim_start().to_owned();
            lines.push(head.trim_end().to_owned());
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// A legend entry placed in its row.
struct Placed<'a> {
    item: &'a LegendItem,
    x: f64,
    row: usize,
}

/// The legend's entries in rows across `width`.
fn legend_rows(items: &[LegendItem], width: f64) -> (Vec<Placed<'_>>, usize) {
    let (left, right) = (PAD, width - PAD);
    let (mut x, mut row) = (left, 0);
    let mut placed = Vec::new();
    for item in items {
        let text = text_width(&item.text, LEGEND_PX);
        let w = match item.key {
            Key::Heading => text * BOLD,
            Key::Text(_) => text,
            _ => 22.0 + text,
        };
        if x > left && x + w > right {
            x = left;
            row += 1;
        }
        placed.push(Placed { item, x, row });
        x += w + 16.0;
    }
    let rows = if items.is_empty() { 0 } else { row + 1 };
    (placed, rows)
}

/// The image: the frame's texts around `f.body`, as a standalone SVG document.
pub fn frame(f: Frame) -> Image {
    let p = f.theme.palette();
    let (w, inner) = (f.width, (f.width - 2.0 * PAD).max(40.0));
    let title = wrap(f.title, inner / BOLD, TITLE_PX);
    let subtitle = wrap(f.subtitle, inner, SUBTITLE_PX);
    let notes: Vec<String> = f.as_of.into_iter().chain([f.source]).flat_map(|s| wrap(s, inner, NOTE_PX)).collect();
    let (legend, rows) = legend_rows(f.legend, w);

    let title_y = PAD;
    let subtitle_y = title_y + TITLE_LINE * title.len() as f64;
    let body_y = subtitle_y + SUBTITLE_LINE * subtitle.len() as f64 + 8.0;
    let legend_y = body_y + f.body_height + 10.0;
    let notes_y = legend_y + LEGEND_ROW * rows as f64 + 6.0;
    let h = (notes_y + NOTE_LINE * notes.len() as f64 + PAD - 4.0).ceil();

    let mut out = Markup::new();
    out.raw("<svg xmlns=\"http://www.w3.org/2000/svg\"").attr("width", &w.to_string());
    out.attr("height", &h.to_string()).attr("viewBox", &format!("0 0 {w} {h}"));
    out.attr("xml:lang", f.lang.tag()).attr("font-family", if f.lang == Lang::Zh { FONT_ZH } else { FONT_EN });
    out.raw(" role=\"img\"><title>").text(&xml_safe(f.title)).raw("</title><desc>");
    let desc: Vec<&str> = [f.subtitle].into_iter().chain(f.as_of).chain([f.source]).collect();
    out.text(&xml_safe(&desc.join("\n"))).raw("</desc>");
    out.raw("<rect").attr("width", &w.to_string()).attr("height", &h.to_string()).attr("fill", p.bg).raw("/>");

    let lines = |out: &mut Markup, texts: &[String], y: f64, line: f64, font_px: f64| {
        for (k, text) in texts.iter().enumerate() {
            // The baseline, for text set in the middle of its line.
            let baseline = y + line * k as f64 + (line + font_px * 0.7) / 2.0;
            out.raw("<text").num("x", PAD).num("y", baseline).raw(">").text(&xml_safe(text)).raw("</text>");
        }
    };
    out.raw("<g font-size=\"18\" font-weight=\"700\"").attr("fill", p.fg).raw(">");
    lines(&mut out, &title, title_y, TITLE_LINE, TITLE_PX);
    out.raw("</g><g font-size=\"13\"").attr("fill", p.muted).raw(">");
    lines(&mut out, &subtitle, subtitle_y, SUBTITLE_LINE, SUBTITLE_PX);
    out.raw("</g>");

    out.raw("<g").attr("transform", &format!("translate(0 {body_y})")).raw(">").push(f.body).raw("</g>");
    out.raw("<g font-size=\"12\"").attr("fill", p.muted).raw(">");
    for placed in &legend {
        let mid = legend_y + LEGEND_ROW * placed.row as f64 + LEGEND_ROW / 2.0;
        legend_key(&mut out, placed.item.key, (placed.x + 8.0, mid), p);
        let keyless = matches!(placed.item.key, Key::Heading | Key::Text(_));
        let x = if keyless { placed.x } else { placed.x + 22.0 };
        out.raw("<text").num("x", x).num("y", mid).raw(" dy=\"0.35em\"");
        match placed.item.key {
            Key::Heading => {
                out.raw(" font-weight=\"700\"");
            }
            Key::Text(ink) => {
                out.attr("fill", p.ink(ink));
            }
            _ => {}
        }
        out.raw(">").text(&xml_safe(&placed.item.text)).raw("</text>");
    }
    out.raw("</g><g font-size=\"11\"").attr("fill", p.muted).raw(">");
    lines(&mut out, &notes, notes_y, NOTE_LINE, NOTE_PX);
    out.raw("</g></svg>");
    Image { svg: out.finish(), width: w, height: h, file_stem: String::new() }
}

/// A legend entry's key, centred at `(cx, cy)`.
fn legend_key(out: &mut Markup, key: Key, (cx, cy): (f64, f64), p: &Palette) {
    match key {
        Key::Heading | Key::Text(_) => {}
        Key::Marker(shape) => marker(out, shape, 6.0, (cx, cy), &MarkerLook::of(shape, None, false, p)),
        Key::Line { ink, width, dashed } => {
            out.raw("<path").attr("d", &format!("M{:.1} {cy:.1} H{:.1}", cx - 8.0, cx + 8.0)).raw(" fill=\"none\"");
            out.attr("stroke", p.ink(ink)).attr("stroke-width", &width.to_string());
            if dashed {
                out.raw(" stroke-dasharray=\"4 3\"");
            }
            out.raw("/>");
        }
        Key::Dot(ink) => {
            out.raw("<circle").num("cx", cx).num("cy", cy).raw(" r=\"5\"").attr("fill", p.ink(ink)).raw("/>");
        }
    }
}

/// How a marker is painted.
struct MarkerLook {
    fill: &'static str,
    stroke: &'static str,
    stroke_width: &'static str,
    opacity: Option<&'static str>,
}

impl MarkerLook {
    /// As the stylesheet paints it: by shape, then by the criterion's level when coloured by one
    /// (`colour`), thicker when selected.
    fn of(shape: Openness, colour: Option<Option<Level>>, selected: bool, p: &Palette) -> Self {
        let mut look = match shape {
            Openness::Open => MarkerLook { fill: p.open, stroke: p.open, stroke_width: "2", opacity: None },
            Openness::Closed => MarkerLook { fill: p.bg, stroke: p.closed, stroke_width: "2", opacity: None },
            Openness::NotApplicable => MarkerLook { fill: p.band, stroke: p.muted, stroke_width: "1.5", opacity: None },
        };
        if selected {
            look.stroke = p.fg;
            look.stroke_width = "3.5";
        }
        match colour {
            Some(Some(level)) => {
                if let Some(ink) = level_ink(level) {
                    look.stroke = p.ink(ink);
                    if shape != Openness::Closed {
                        look.fill = p.ink(ink);
                    }
                }
            }
            Some(None) => {
                look.stroke = p.line;
                look.fill = p.band;
                look.opacity = Some("0.6");
            }
            None => {}
        }
        look
    }
}

/// The colour a criterion's level gives a marker (none for unknown).
fn level_ink(level: Level) -> Option<Ink> {
    match level {
        Level::Open => Some(Ink::Open),
        Level::Partial => Some(Ink::Accent),
        Level::Closed => Some(Ink::Closed),
        Level::Unknown => None,
    }
}

/// A marker of radius `r` at `(cx, cy)`: a filled circle (open), a ring (closed), a diamond
/// (not applicable), as the widget draws them.
fn marker(out: &mut Markup, shape: Openness, r: f64, (cx, cy): (f64, f64), look: &MarkerLook) {
    match shape {
        Openness::NotApplicable => {
            out.raw("<path").attr("d", &diamond_path(cx, cy, r));
        }
        Openness::Open => {
            out.raw("<circle").num("cx", cx).num("cy", cy).num("r", r);
        }
        Openness::Closed => {
            out.raw("<circle").num("cx", cx).num("cy", cy).num("r", r - 1.0);
        }
    }
    out.attr("fill", look.fill).attr("stroke", look.stroke).attr("stroke-width", look.stroke_width);
    if let Some(opacity) = look.opacity {
        out.attr("opacity", opacity);
    }
    out.raw("/>");
}

/// What is marked on the drawn timeline besides the scene: the selected event and its lineage.
struct Marks<'a> {
    selected: Option<&'a str>,
    /// The events of the selected event's lineage, and the path of its edges.
    lineage: Option<(HashSet<&'a str>, String)>,
    all_edges: bool,
}

/// The wide timeline's scene as an image's body: `scene.width` + 2 wide (the plot in its 1 px
/// frame, as on the page), `scene.height` + 2 high.
fn timeline_body(s: &TimelineScene, marks: &Marks, p: &Palette) -> Markup {
    let mut out = Markup::new();
    out.raw("<rect x=\"0.5\" y=\"0.5\"").num("width", s.width + 1.0).num("height", s.height + 1.0);
    out.raw(" rx=\"6\" fill=\"none\"").attr("stroke", p.line).raw("/><g transform=\"translate(1 1)\">");
    // The lanes' bands first, under the axis and the edges: on the page they are translucent
    // layers over them, which would cut a lineage's line into lighter and darker stretches.
    for lane in s.lanes.iter().filter(|lane| !lane.plain) {
        out.raw("<rect x=\"0\"").num("y", lane.y).num("width", s.width).num("height", lane.height);
        out.attr("fill", p.band).raw(" fill-opacity=\"0.6\"/>");
    }
    out.raw("<g font-size=\"11\" text-anchor=\"middle\"").attr("fill", p.muted).raw(">");
    for t in &s.ticks {
        out.raw("<line").num("x1", t.x).num("x2", t.x).num("y1", t.y1).num("y2", t.y2);
        out.attr("stroke", p.line).raw(" stroke-width=\"1\"/>");
        out.raw("<text").num("x", t.x).num("y", t.label_y).raw(">").text(&xml_safe(&t.label)).raw("</text>");
    }
    out.raw("</g><g font-size=\"12\"").attr("fill", p.fg).raw(">");
    for e in &s.eras {
        out.raw("<rect").num("x", e.x).num("y", e.y).num("width", e.width).num("height", e.height);
        out.raw(" rx=\"3\"").attr("fill", p.era).attr("stroke", p.accent).raw(" stroke-opacity=\"0.4\"/>");
        out.raw("<text").num("x", e.label_x).num("y", e.label_y).attr("text-anchor", e.anchor.svg());
        if e.beyond.is_some() {
            // As on the page: a name running on past its band is drawn on a halo.
            out.attr("stroke", p.bg).raw(" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
        }
        out.raw(" dy=\"0.35em\">").text(&xml_safe(&e.label)).raw("</text>");
    }
    out.raw("</g>");
    // Edges: the big branches strong and the rest quiet (all strong when the reader asked);
    // with a lineage shown, all of them faint under the lineage's own.
    let (quiet, strong) = match (&marks.lineage, marks.all_edges) {
        (Some(_), _) => ("0.15", "0.15"),
        (None, true) => ("0.7", "0.7"),
        (None, false) => ("0.35", "0.7"),
    };
    out.raw("<g fill=\"none\"").attr("stroke", p.muted).raw(" stroke-width=\"1.2\">");
    for (d, opacity, dashed) in
        [(&s.edges.quiet, quiet, false), (&s.edges.inferred, quiet, true), (&s.edges.branch, strong, false)]
    {
        if !d.is_empty() {
            out.raw("<path").attr("d", d).attr("stroke-opacity", opacity);
            if dashed {
                out.raw(" stroke-dasharray=\"4 3\"");
            }
            out.raw("/>");
        }
    }
    if let Some((_, d)) = marks.lineage.as_ref().filter(|(_, d)| !d.is_empty()) {
        out.raw("<path").attr("d", d).attr("stroke", p.accent).raw(" stroke-width=\"2.5\"/>");
    }
    out.raw("</g>");
    for lane in &s.lanes {
        out.raw("<g><text x=\"4\"").num("y", lane.label_y).raw(" font-size=\"11\" font-weight=\"600\"");
        out.attr("fill", p.muted).raw(">").text(&xml_safe(lane.name)).raw("</text>");
        for e in &lane.events {
            event(&mut out, e, s, marks, p);
        }
        for k in &lane.clusters {
            out.raw("<text").num("x", k.x).num("y", k.y).raw(" dy=\"0.35em\" font-size=\"11\"");
            out.attr("fill", p.muted).raw(">").text(&xml_safe(&k.text)).raw("</text>");
        }
        out.raw("</g>");
    }
    out.raw("</g>");
    out
}

/// One event's mark: its marker, the story's halo, the stack behind it, and its label.
fn event(out: &mut Markup, e: &EventMark, s: &TimelineScene, marks: &Marks, p: &Palette) {
    let selected = marks.selected == Some(e.id.as_str());
    // As on the page: outside a lineage shown, an event recedes whether it matches or not.
    let opacity = match &marks.lineage {
        Some((ids, _)) if !ids.contains(e.id.as_str()) => Some("0.35"),
        _ if e.flags.dimmed => Some("0.22"),
        _ => None,
    };
    out.raw("<g");
    if let Some(opacity) = opacity {
        out.attr("opacity", opacity);
    }
    out.raw(">");
    let size = s.marker;
    if e.flags.highlighted {
        out.raw("<circle").num("cx", e.x).num("cy", e.y).num("r", size.halo).raw(" fill=\"none\"");
        out.attr("stroke", p.accent).raw(" stroke-width=\"2.5\" stroke-dasharray=\"3 2\"/>");
    }
    if e.flags.stacked {
        out.raw("<circle").num("cx", e.x + size.stack_offset).num("cy", e.y - size.stack_offset).num("r", size.r);
        out.attr("fill", p.bg).attr("stroke", p.fg).raw(" stroke-width=\"1.2\"/>");
    }
    marker(out, e.shape, size.r, (e.x, e.y), &MarkerLook::of(e.shape, e.flags.colour, selected, p));
    if let Some(label) = &e.label {
        out.raw("<text").num("x", label.x).num("y", e.y).raw(" dy=\"0.35em\" font-size=\"13\"");
        out.attr("text-anchor", label.anchor.svg()).attr("fill", p.fg);
        if selected {
            out.raw(" font-weight=\"700\"");
        }
        if e.flags.dimmed {
            out.raw(" text-decoration=\"line-through\"");
        }
        out.raw(">").text(&xml_safe(&label.text)).raw("</text>");
    }
    out.raw("</g>");
}

/// The legend of the timeline as drawn: marker shapes, edge styles, the selected event's lineage
/// when one is shown, and the criterion's colours when coloured by one.
fn timeline_legend(q: &Query, lineage: bool, lang: Lang) -> Vec<LegendItem> {
    let t = ui(lang);
    let item = |key: Key, text: &str| LegendItem { key, text: text.to_owned() };
    let line = |ink: Ink, width: f64, dashed: bool| Key::Line { ink, width, dashed };
    let mut items = vec![
        item(Key::Marker(Openness::Open), t.open_marker),
        item(Key::Marker(Openness::Closed), t.closed_marker),
        item(Key::Marker(Openness::NotApplicable), t.na_marker),
        item(line(Ink::Muted, 1.2, false), t.legend_documented),
        item(line(Ink::Muted, 1.2, true), t.legend_inferred),
    ];
    if lineage {
        items.push(item(line(Ink::Accent, 2.5, false), t.legend_lineage));
    }
    if let Some(criterion) = q.colour_by {
        items.push(item(Key::Heading, &format!("{}: {} —", t.colour_legend, criterion.name.get(lang))));
        // As on the page: each level's symbol and name in its colour.
        for level in [Level::Open, Level::Partial, Level::Closed] {
            let ink = level_ink(level).unwrap_or(Ink::Muted);
            items.push(item(Key::Text(ink), &format!("{} {}", level_symbol(level), level_name(level, lang))));
        }
        items.push(item(Key::Text(Ink::Muted), t.not_in_matrix));
    }
    items
}

/// An image of the wide timeline as `state` shows it, `width` px wide (never narrower than the
/// wide timeline is drawn: below that the page shows a list, which is no drawing), with the
/// selected event and its lineage marked, in the frame. `page_url` is where the widget is, for
/// the source line.
pub fn timeline(c: &Chronicle, state: &State, width: f64, theme: Theme, page_url: &str) -> Image {
    let (lang, t) = (state.lang, ui(state.lang));
    let width = width.max(NARROW_PX).round();
    let window = state.viewport.window;
    let q = Query::of_state(c, state);
    let scene = super::timeline::timeline(&q, state.warp(), window, width, lang);
    let lineage = state.selected.as_deref().and_then(|id| c.find(id)).map(|i| Lineage::of(c, i));
    let lineage = lineage.map(|l| {
        let ids: HashSet<&str> = l.events().map(|i| c.events()[i].id.as_str()).collect();
        (ids, lineage_path(&scene.edge_lines, &l))
    });
    let legend = timeline_legend(&q, lineage.is_some(), lang);
    let marks = Marks { selected: state.selected.as_deref(), lineage, all_edges: state.all_edges };
    let body = timeline_body(&scene, &marks, theme.palette());
    let mut subtitle = format!("{} · {}", t.timeline_label, window_label(window, lang));
    if state.filter.is_active() {
        subtitle += &format!(" · {} {}", q.count(), t.matching);
    }
    let notes = Notes::of(c, lang, page_url);
    let mut image = frame(Frame {
        lang,
        theme,
        title: c.data.title.get(lang),
        subtitle: &subtitle,
        legend: &legend,
        as_of: notes.as_of.as_deref(),
        source: &notes.source,
        width,
        body_height: scene.height + 2.0,
        body,
    });
    let years = |y: f64| y.floor() as i32;
    image.file_stem = format!("llm-chronicle-timeline-{}-{}", years(window.0), years(window.1 - 1e-9));
    image
}

/// An image of the trend chart (`super::trend`) for `k`, `width` px wide, in the frame; `None`
/// when the dataset has no model to count.
pub fn trend(c: &Chronicle, k: &super::trend::TrendChoices, width: f64, theme: Theme, page_url: &str) -> Option<Image> {
    let lang = k.lang;
    let words = crate::i18n::trend_ui(lang);
    let scene = super::trend::trend(c, k, width.round())?;
    let p = theme.palette();
    let mut body = Markup::new();
    let panels = [Some(&scene.counts), scene.scores.as_ref()];
    for panel in panels.into_iter().flatten() {
        body.raw("<text x=\"0\"").num("y", panel.top - 10.0).raw(" font-size=\"13\" font-weight=\"600\"");
        body.attr("fill", p.fg).raw(">").text(&xml_safe(panel.title)).raw("</text>");
        body.raw("<g font-size=\"11\"").attr("fill", p.muted).raw(">");
        for (y, label) in &panel.y_ticks {
            body.raw("<line").num("x1", panel.left).num("x2", panel.right).num("y1", *y).num("y2", *y);
            body.attr("stroke", p.line).raw(" stroke-width=\"1\"/>");
            body.raw("<text text-anchor=\"end\"").num("x", panel.left - 5.0).num("y", y + 4.0).raw(">");
            body.text(label).raw("</text>");
        }
        for (x, label) in &panel.x_ticks {
            body.raw("<text text-anchor=\"middle\"").num("x", *x).num("y", panel.top + panel.height + 15.0).raw(">");
            body.text(label).raw("</text>");
        }
        body.raw("</g>");
    }
    for bar in &scene.bars {
        let (fill, stroke) = if bar.open { (p.open, p.open) } else { (p.bg, p.closed) };
        body.raw("<rect").num("x", bar.x).num("y", bar.y).num("width", bar.w).num("height", bar.h);
        body.attr("fill", fill).attr("stroke", stroke).raw(" stroke-width=\"1.5\"/>");
        if let Some(label) = &bar.label {
            body.raw("<text text-anchor=\"middle\" font-size=\"11\"").attr("fill", p.muted);
            body.num("x", bar.x + bar.w / 2.0).num("y", bar.y - 3.0).raw(">").text(label).raw("</text>");
        }
    }
    for (line, ink, dashed) in [(&scene.best_closed, p.closed, true), (&scene.best_open, p.open, false)] {
        let Some((x, y)) = line.label_at else { continue };
        body.raw("<path fill=\"none\" stroke-width=\"2\"").attr("d", &line.d).attr("stroke", ink);
        if dashed {
            body.raw(" stroke-dasharray=\"5 3\"");
        }
        body.raw("/><text text-anchor=\"end\" font-size=\"11\"").attr("fill", p.fg).num("x", x).num("y", y - 5.0);
        body.raw(">").text(&xml_safe(line.label)).raw("</text>");
    }
    for dot in &scene.dots {
        let (fill, stroke) = if dot.open { (p.open, p.open) } else { (p.bg, p.closed) };
        let (stroke, r, sw) =
            if dot.selected { (p.fg, super::trend::DOT_R + 2.0, "2.5") } else { (stroke, super::trend::DOT_R, "1.5") };
        body.raw("<circle").num("cx", dot.cx).num("cy", dot.cy).num("r", r);
        body.attr("fill", fill).attr("stroke", stroke).attr("stroke-width", sw).raw("/>");
    }
    let legend = [
        LegendItem { key: Key::Marker(Openness::Open), text: words.open_weights.to_owned() },
        LegendItem { key: Key::Marker(Openness::Closed), text: words.closed.to_owned() },
        LegendItem { key: Key::Line { ink: Ink::Open, width: 2.0, dashed: false }, text: words.best_open.to_owned() },
        LegendItem {
            key: Key::Line { ink: Ink::Closed, width: 2.0, dashed: true },
            text: words.best_closed.to_owned(),
        },
    ];
    let legend = if scene.scores.is_some() { &legend[..] } else { &legend[..2] };
    let mut subtitle = words.heading.to_owned();
    if let Some(filtered) = &scene.filtered {
        subtitle += " · ";
        subtitle += filtered;
    }
    let notes = Notes::of(c, lang, page_url);
    let mut image = frame(Frame {
        lang,
        theme,
        title: c.data.title.get(lang),
        subtitle: &subtitle,
        legend,
        as_of: notes.as_of.as_deref(),
        source: &notes.source,
        width: scene.width,
        body_height: scene.height,
        body,
    });
    image.file_stem = "llm-chronicle-open-versus-closed".to_owned();
    Some(image)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trend_chart_is_an_image_with_its_marks_and_frame() {
        let c = crate::validate::load_json(crate::SHIPPED_JSON).unwrap();
        let k = crate::scene::trend::TrendChoices {
            lang: Lang::Zh,
            filter: Default::default(),
            weights: Default::default(),
            hidden_groups: Default::default(),
            selected: Some(c.data.openness[0].model.clone()),
        };
        let image = trend(&c, &k, 720.0, Theme::Dark, "https://example.org/llmc/").unwrap();
        let scene = crate::scene::trend::trend(&c, &k, 720.0).unwrap();
        roxmltree::Document::parse(&image.svg).expect("well-formed XML");
        // One circle per dot, and the legend's two markers (open, closed).
        assert_eq!(image.svg.matches("<circle").count(), scene.dots.len() + 2);
        assert!(image.svg.contains("开放与闭源：历年走势") && image.svg.contains("数据截至 2026 年 11 月 30 日"));
        assert!(image.svg.contains(Theme::Dark.palette().bg) && !image.svg.contains("class="));
        assert!(image.svg.contains("stroke-dasharray=\"5 3\""), "the best closed line is dashed");
        assert_eq!(image.width, 720.0);
        assert_eq!(image.file_stem, "llm-chronicle-open-versus-closed");
    }

    #[test]
    fn a_background_decides_the_theme() {
        assert_eq!(Theme::of_background("rgb(13, 17, 23)"), Theme::Dark);
        assert_eq!(Theme::of_background("rgb(13 17 23 / 1)"), Theme::Dark);
        assert_eq!(Theme::of_background("rgba(255, 255, 255, 1)"), Theme::Light);
        assert_eq!(Theme::of_background("rgba(0, 0, 0, 0)"), Theme::Light, "transparent");
        assert_eq!(Theme::of_background("oklch(0.2 0 0)"), Theme::Light, "unread: light");
        assert_eq!(Theme::of_background(""), Theme::Light);
        assert_ne!(Theme::Light.palette(), Theme::Dark.palette());
    }

    #[test]
    fn text_wraps_to_fit_at_spaces_and_between_cjk_characters() {
        let s = "LLM Chronicle · https://example.org/a/very/long/path/that/cannot/break · Sources: A; B";
        let lines = wrap(s, 200.0, 11.0);
        assert!(lines.len() > 2, "{lines:?}");
        for l in &lines {
            assert!(text_width(l, 11.0) <= 200.0, "{l:?} is too wide");
            assert_eq!(l.trim(), l, "no line starts or ends with a space");
        }
        assert_eq!(lines.concat().replace(' ', ""), s.replace(' ', ""), "nothing is lost");
        let zh = wrap("大模型编年史：从 n-gram 到开放与闭源之争，来源：甲；乙。", 100.0, 12.0);
        assert!(zh.len() > 1 && zh.iter().all(|l| text_width(l, 12.0) <= 100.0), "{zh:?}");
        assert!(
            zh.iter().all(|l| !l.starts_with(['，', '；', '。', '：'])),
            "no line starts with a closing mark: {zh:?}"
        );
        assert_eq!(wrap("short", 100.0, 12.0), ["short"]);
        assert!(wrap("", 100.0, 12.0).is_empty());
    }

    #[test]
    fn characters_xml_forbids_are_dropped() {
        assert_eq!(xml_safe("a\u{1}b\u{1b}c\td\ne\u{fffe}"), "abc\td\ne");
        assert!(matches!(xml_safe("plain 中文"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_png_scale_is_the_pixel_ratio_rounded_up_within_bounds() {
        assert_eq!(png_scale(1.0), 2.0);
        assert_eq!(png_scale(3.0), 3.0);
        assert_eq!(png_scale(10.0), 4.0);
        assert_eq!(png_scale(0.0), 2.0);
    }

    fn sample_frame(title: &str, width: f64, body: Markup) -> Image {
        let legend = [
            LegendItem { key: Key::Marker(Openness::Open), text: "open <weights>".into() },
            LegendItem { key: Key::Heading, text: "Colours & \"levels\"".into() },
            LegendItem { key: Key::Dot(Ink::Accent), text: "partial".into() },
            LegendItem { key: Key::Line { ink: Ink::Muted, width: 1.2, dashed: true }, text: "inferred".into() },
        ];
        frame(Frame {
            lang: Lang::En,
            theme: Theme::Light,
            title,
            subtitle: "Trend · 2018 – 2026",
            legend: &legend,
            as_of: Some("Data as of 30 November 2026"),
            source: "LLM Chronicle · https://example.org/?a=1&b=2 · Sources: A; B",
            width,
            body_height: 100.0,
            body,
        })
    }

    #[test]
    fn the_frame_is_well_formed_xml_around_any_body_with_every_text_escaped() {
        let mut body = Markup::new();
        body.raw("<circle cx=\"10\" cy=\"10\" r=\"4\"/><text x=\"0\" y=\"50\">").text("a < b & c").raw("</text>");
        let image = sample_frame("Title </text><script>alert(1)</script> ]]> \u{7}", 640.0, body);
        let doc = roxmltree::Document::parse(&image.svg).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
        assert_eq!(root.attribute("width"), Some("640"));
        assert_eq!(root.attribute("height"), Some(&*image.height.to_string()));
        assert!(doc.descendants().all(|n| n.tag_name().name() != "script"), "text never becomes markup");
        let texts: Vec<&str> = doc.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
        let all = texts.concat();
        for wanted in ["Title </text><script>", "Trend · 2018", "Data as of 30 November 2026", "open <weights>"] {
            assert!(all.contains(wanted), "{wanted:?} is missing from {all:?}");
        }
        assert!(all.contains("a < b & c"), "the body is inside");
        assert!(all.contains("?a=1&b=2"), "the source line keeps its URL");
        assert!(!all.contains('\u{7}'));
        // The body sits between the subtitle and the legend, and the image ends below the notes.
        assert!(image.height > 100.0 + TITLE_LINE + SUBTITLE_LINE + LEGEND_ROW + 2.0 * NOTE_LINE);
    }

    #[test]
    fn a_narrow_frame_wraps_its_legend_and_notes_and_grows() {
        let wide = sample_frame("A title", 1200.0, Markup::new());
        let narrow = sample_frame("A title", 240.0, Markup::new());
        assert!(narrow.height > wide.height, "{} ≤ {}", narrow.height, wide.height);
        roxmltree::Document::parse(&narrow.svg).expect("well-formed XML");
        let long = vec![LegendItem { key: Key::Dot(Ink::Fg), text: "x".repeat(80) }; 3];
        let (placed, rows) = legend_rows(&long, 240.0);
        assert_eq!(rows, 3, "an entry wider than a row takes a row of its own");
        assert!(placed.iter().all(|p| p.x == PAD));
    }
}
