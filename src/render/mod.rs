//! Scenes written out as markup: one function per mark family, no decisions (those are the core's
//! `scene` module's). Each returns escaped text built with [`Markup`].

pub mod detail;
pub mod list;
pub mod openness;
pub mod timeline;
pub mod trend;

use chronicle_core::markup::Markup;
use chronicle_core::model::Openness;

/// A marker's shape by openness: a filled circle (open), a ring (closed), a diamond (not
/// applicable), so openness never rests on colour alone. Drawn at (`cx`, `cy`) in the plot's own
/// coordinates with no transform of its own: a transform per item gives each item a paint chunk of
/// its own in the browser, which makes every pan step dearer.
pub fn marker(out: &mut Markup, openness: Openness, r: f64, (cx, cy): (f64, f64)) {
    match openness {
        Openness::NotApplicable => {
            let d = chronicle_core::scene::diamond_path(cx, cy, r);
            out.raw("<path class=\"llmc-marker llmc-marker-na\"").attr("d", &d).raw("></path>");
        }
        Openness::Open => {
            out.raw("<circle class=\"llmc-marker llmc-marker-open\"");
            out.num("cx", cx).num("cy", cy).num("r", r).raw("></circle>");
        }
        Openness::Closed => {
            out.raw("<circle class=\"llmc-marker llmc-marker-closed\"");
            out.num("cx", cx).num("cy", cy).num("r", r - 1.0).raw("></circle>");
        }
    }
}

/// A marker alone in a 16 px square, for the legend and the narrow list.
pub fn marker_swatch(out: &mut Markup, class: &'static str, openness: Openness) {
    out.raw("<svg")
        .attr("class", class)
        .raw(" width=\"16\" height=\"16\" viewBox=\"-8 -8 16 16\" aria-hidden=\"true\">");
    marker(out, openness, 6.0, (0.0, 0.0));
    out.raw("</svg>");
}
