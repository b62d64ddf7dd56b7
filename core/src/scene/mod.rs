//! What is drawn: a value that says, for every mark, where it goes, what it says, how it is marked
//! and how assistive technology names it. The widget only writes scenes out as markup and wires
//! DOM events; every decision about the drawing is made here, and tested natively.
//!
//! The pipeline, once, from the dataset to the page:
//!
//! ```text
//! Chronicle (validated data) + State (reader's choices) + width (measured)
//!   → Query      which events match, are highlighted, and their colour      (query.rs)
//!   → Axis       the window and the warp, as years ↔ pixels                  (scale.rs)
//!   → layout     lanes, markers, labels that never overlap, clusters         (layout.rs)
//!   → Scene      every mark with its coordinates, text, flags and name       (scene/*.rs)
//!   → markup     escaped SVG/HTML, in the widget (src/render/)
//! ```
//!
//! Scenes hold no state of their own: equal inputs make equal scenes, which is what the snapshot
//! tests in `core/tests/scenes.rs` compare.

pub mod detail;
pub mod export;
pub mod list;
pub mod openness;
pub mod timeline;
pub mod trend;

use crate::model::Level;

/// Below this width the timeline is drawn as a vertical list that scrolls with the page.
pub const NARROW_PX: f64 = 600.0;

/// The arrow keys' walk through the drawn events: ids in reading order, and where each one sits
/// across the plot (0..1), so zooming from the keyboard keeps the focused event in place.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Walk {
    pub ids: Vec<String>,
    pub anchors: Vec<f64>,
}

impl Walk {
    pub fn position(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|o| o == id)
    }

    /// The zoom anchor of `id`, or the middle when it is not drawn.
    pub fn anchor(&self, id: Option<&str>) -> f64 {
        id.and_then(|id| self.position(id)).map_or(0.5, |i| self.anchors[i])
    }

    /// The event `delta` steps from `id` in the walk, if there is one.
    pub fn step(&self, id: &str, delta: isize) -> Option<&str> {
        let next = self.position(id)? as isize + delta;
        (0..self.ids.len() as isize).contains(&next).then(|| self.ids[next as usize].as_str())
    }

    pub fn first(&self) -> Option<&str> {
        self.ids.first().map(String::as_str)
    }

    pub fn last(&self) -> Option<&str> {
        self.ids.last().map(String::as_str)
    }
}

/// The classes an event mark carries, beyond its kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// Its label did not fit (it is counted in a "+N" cluster).
    pub label_hidden: bool,
    /// It does not match the filters.
    pub dimmed: bool,
    /// The story stop being shown names it.
    pub highlighted: bool,
    /// More events are stacked under its marker.
    pub stacked: bool,
    /// With the timeline coloured by a criterion: its level, or `Some(None)` with no matrix row.
    pub colour: Option<Option<Level>>,
}

impl Flags {
    /// The class list after `base`, in the order the stylesheet and the tests expect.
    pub fn classes(&self, base: &str) -> String {
        let mut class = String::from(base);
        for (on, name) in [
            (self.label_hidden, " llmc-label-hidden"),
            (self.dimmed, " llmc-dimmed"),
            (self.highlighted, " llmc-highlight"),
            (self.stacked, " llmc-stacked"),
        ] {
            if on {
                class += name;
            }
        }
        if let Some(level) = self.colour {
            class += " llmc-colour-";
            class += level.map_or("none", crate::matrix::level_slug);
        }
        class
    }
}

/// The path data of a diamond of radius `r` centred at (`cx`, `cy`): the marker of an event that
/// is neither open nor closed (a paper, a milestone).
pub fn diamond_path(cx: f64, cy: f64, r: f64) -> String {
    let (top, bottom, left, right) = (cy - r, cy + r, cx - r, cx + r);
    format!("M{cx:.1} {top:.1} L{right:.1} {cy:.1} L{cx:.1} {bottom:.1} L{left:.1} {cy:.1} Z")
}

/// `s`, cut with an ellipsis to fit `max_px` at `font_px` (by [`crate::layout::text_width`]).
pub fn fit_text(s: &str, max_px: f64, font_px: f64) -> String {
    use crate::layout::text_width;
    if text_width(s, font_px) <= max_px {
        return s.to_owned();
    }
    let mut out = String::new();
    for ch in s.chars() {
        out.push(ch);
        if text_width(&out, font_px) + text_width("…", font_px) > max_px {
            out.pop();
            break;
        }
    }
    if out.is_empty() {
        out
    } else {
        out + "…"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_to_fit_with_an_ellipsis() {
        assert_eq!(fit_text("Transformer", 1000.0, 12.0), "Transformer");
        let cut = fit_text("The pre-training era", 60.0, 12.0);
        assert!(cut.ends_with('…') && cut.len() < "The pre-training era".len(), "{cut}");
        assert!(crate::layout::text_width(&cut, 12.0) <= 60.0);
        assert_eq!(fit_text("Transformer", 1.0, 12.0), "");
    }

    #[test]
    fn the_walk_steps_and_anchors() {
        let w = Walk { ids: vec!["a".into(), "b".into(), "c".into()], anchors: vec![0.1, 0.5, 0.9] };
        assert_eq!(w.step("a", 1), Some("b"));
        assert_eq!(w.step("a", -1), None);
        assert_eq!(w.step("c", 1), None);
        assert_eq!(w.anchor(Some("c")), 0.9);
        assert_eq!(w.anchor(Some("x")), 0.5);
        assert_eq!(w.anchor(None), 0.5);
        assert_eq!((w.first(), w.last()), (Some("a"), Some("c")));
    }

    #[test]
    fn flags_become_classes_in_a_fixed_order() {
        let f = Flags { label_hidden: true, dimmed: true, highlighted: true, stacked: true, colour: Some(None) };
        assert_eq!(f.classes("e"), "e llmc-label-hidden llmc-dimmed llmc-highlight llmc-stacked llmc-colour-none");
        assert_eq!(Flags::default().classes("e"), "e");
        let f = Flags { colour: Some(Some(Level::Partial)), ..Flags::default() };
        assert_eq!(f.classes("e"), "e llmc-colour-partial");
    }
}
