//! The wide timeline's scene as SVG: a background layer (axis, eras, edges) and one layer per lane.
//!
//! Every item a zoom preview moves carries `data-px` (the x it is drawn at), and its x and y are
//! listed in [`Drawing::items`] in document order, written in the same pass so the two cannot
//! disagree.

use chronicle_core::markup::Markup;
use chronicle_core::scene::timeline::{LaneMark, TimelineScene};

use super::marker;

pub struct Drawing {
    pub markup: String,
    /// Where every item with `data-px` is drawn, in document order: its x, and its y, or NaN for
    /// an item as tall as the plot (an axis tick).
    pub items: Vec<(f64, f64)>,
}

/// The plot's SVGs. They have one size and lie one over the other; each lane's is positioned, so
/// the browser paints it as a layer of its own and keeps what it painted while nothing in it
/// changes: a zoom step repaints only the lanes whose items moved.
pub fn timeline(scene: &TimelineScene) -> Drawing {
    let mut out = Markup::new();
    let mut items = Vec::new();
    svg(&mut out, scene, "llmc-timeline-svg");
    out.raw("<g class=\"llmc-plot\"><g class=\"llmc-axis\" aria-hidden=\"true\">");
    for tick in &scene.ticks {
        items.push((tick.x, f64::NAN));
        out.raw("<g").num("data-px", tick.x).raw("><g class=\"llmc-tick\"><line").num("x1", tick.x).num("x2", tick.x);
        out.num("y1", tick.y1).num("y2", tick.y2).raw("></line><text").num("x", tick.x);
        out.num("y", tick.label_y).raw(" text-anchor=\"middle\">").text(&tick.label);
        out.raw("</text></g></g>");
    }
    // The bands first, then over all of them the era buttons: a button's whole name, shown on
    // hover or focus, is drawn after every band, so no band covers it (SVG paints in document
    // order), and the buttons' own areas are transparent.
    out.raw("</g><g class=\"llmc-era-bands\" aria-hidden=\"true\">");
    for era in &scene.eras {
        items.push((era.x, era.label_y));
        out.raw("<g class=\"llmc-era\"").num("data-px", era.x).raw("><rect").num("x", era.x).num("y", era.y);
        out.num("width", era.width).num("height", era.height).raw(" rx=\"3\"></rect><text");
        if era.beyond.is_some() {
            out.raw(" class=\"llmc-era-beyond\"");
        }
        out.num("x", era.label_x).attr("text-anchor", era.anchor.svg()).num("y", era.label_y);
        out.raw(" dy=\"0.1em\">").text(&era.label).raw("</text></g>");
    }
    out.raw("</g><g class=\"llmc-eras\" role=\"list\"").attr("aria-label", scene.eras_name).raw(">");
    for era in &scene.eras {
        items.push((era.x, era.label_y));
        out.raw("<g role=\"listitem\"").num("data-px", era.x).raw("><g role=\"button\" tabindex=\"0\"");
        out.raw(" class=\"llmc-era-button\"").int("data-era", era.index);
        out.attr("aria-label", &era.button_name).raw("><rect class=\"llmc-era-hit\"").num("x", era.x);
        out.num("y", era.y).num("width", era.width).num("height", era.height).raw(" rx=\"3\"></rect>");
        if let Some((x, width)) = era.beyond {
            out.raw("<rect class=\"llmc-era-hit-name\"").num("x", x).num("y", era.y).num("width", width);
            out.num("height", era.height).raw("></rect>");
        }
        if let Some(r) = &era.reveal {
            out.raw("<g class=\"llmc-era-reveal\"><rect class=\"llmc-era-plate\"").num("x", r.x).num("y", era.y);
            out.num("width", r.width).num("height", era.height).raw(" rx=\"3\"></rect><text").num("x", r.text_x);
            out.attr("text-anchor", r.anchor.svg()).num("y", era.label_y).raw(" dy=\"0.1em\">").text(&era.name);
            out.raw("</text></g>");
        }
        out.raw("</g></g>");
    }
    out.raw("</g><g class=\"llmc-edges\" aria-hidden=\"true\">");
    for (class, d) in [
        ("llmc-edge llmc-edge-documented llmc-edge-quiet", &scene.edges.quiet),
        ("llmc-edge llmc-edge-inferred", &scene.edges.inferred),
        ("llmc-edge llmc-edge-documented llmc-edge-branch", &scene.edges.branch),
    ] {
        if !d.is_empty() {
            out.raw("<path").attr("class", class).attr("d", d).raw("></path>");
        }
    }
    // The lineage of the selected (hovered, focused) event, drawn over the rest: its path data
    // is set on the drawn plot (see `timeline::dom::mark_lineage`), so selecting redraws nothing.
    out.raw("<path class=\"llmc-edge-lineage\"></path>");
    out.raw("</g></g></svg>");
    for lane in &scene.lanes {
        self::lane(&mut out, &mut items, scene, lane);
    }
    Drawing { markup: out.finish(), items }
}

fn svg(out: &mut Markup, scene: &TimelineScene, class: &'static str) {
    out.raw("<svg").attr("class", class).attr("width", &scene.width.to_string());
    out.attr("height", &scene.height.to_string());
    out.attr("viewBox", &format!("0 0 {} {}", scene.width, scene.height)).raw(">");
}

fn lane(out: &mut Markup, items: &mut Vec<(f64, f64)>, scene: &TimelineScene, lane: &LaneMark) {
    let size = scene.marker;
    svg(out, scene, "llmc-lane-svg");
    let plain = if lane.plain { " llmc-lane-plain" } else { "" };
    out.raw("<g").attr("class", &format!("llmc-lane llmc-lane-{}{plain}", lane.family.slug()));
    out.raw("><rect class=\"llmc-lane-band\" x=\"0\"").num("y", lane.y).num("width", scene.width);
    out.num("height", lane.height).raw("></rect><text class=\"llmc-lane-label\" aria-hidden=\"true\" x=\"4\"");
    out.num("y", lane.label_y).raw(">").text(lane.name).raw("</text><g role=\"list\"").attr("aria-label", lane.name);
    out.raw(">");
    for e in &lane.events {
        items.push((e.x, e.y));
        out.raw("<g role=\"listitem\"").num("data-px", e.x).raw("><g role=\"button\"");
        out.attr("tabindex", if e.tab_stop { "0" } else { "-1" });
        out.attr("class", &e.flags.classes("llmc-event")).attr("data-event-id", &e.id);
        out.raw(" aria-pressed=\"false\"").attr("aria-label", &e.aria_label);
        out.raw("><circle class=\"llmc-focus-ring\"").num("cx", e.x).num("cy", e.y).num("r", size.ring);
        out.raw("></circle>");
        if e.flags.highlighted {
            out.raw("<circle class=\"llmc-halo\"").num("cx", e.x).num("cy", e.y).num("r", size.halo);
            out.raw("></circle>");
        }
        // More events under this one: a second outline behind it, like a stack of cards.
        if e.flags.stacked {
            out.raw("<circle class=\"llmc-stack\"").num("cx", e.x + size.stack_offset);
            out.num("cy", e.y - size.stack_offset).num("r", size.r).raw("></circle>");
        }
        marker(out, e.shape, size.r, (e.x, e.y));
        if let Some(label) = &e.label {
            out.raw("<text class=\"llmc-event-label\" dy=\"0.35em\"").num("x", label.x).num("y", e.y);
            out.attr("text-anchor", label.anchor.svg()).raw(">").text(&label.text).raw("</text>");
        }
        out.raw("</g></g>");
    }
    out.raw("</g>");
    for k in &lane.clusters {
        items.push((k.x, k.y));
        out.raw("<text class=\"llmc-cluster\" aria-hidden=\"true\"").num("x", k.x).num("data-px", k.x).num("y", k.y);
        out.raw(" dy=\"0.35em\">").text(&k.text).raw("</text>");
    }
    out.raw("</g></svg>");
}
