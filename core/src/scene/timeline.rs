//! The wide timeline as a scene: the axis, era bands, lineage edges, and one lane per family with
//! its event marks and "+N" clusters.

use std::fmt::Write;

use crate::i18n::{access_name, family_name, level_name, openness_marker, stacked_more, ui, Lang};
use crate::layout::{layout_timeline, text_width, LabelSide, Metrics};
use crate::matrix::level_symbol;
use crate::model::{Evidence, Family, Openness};
use crate::query::Query;
use crate::scale::{Axis, Warp};
use crate::Chronicle;

use super::{fit_text, Flags, Walk};

/// Where a text's `x` is: its start or its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::End => "end",
        }
    }
}

/// The drawn plot: several layers of the same size (the background with axis, eras and edges,
/// then one per lane), in plot coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineScene {
    pub width: f64,
    pub height: f64,
    pub ticks: Vec<TickMark>,
    /// The accessible name of the era list.
    pub eras_name: &'static str,
    pub eras: Vec<EraMark>,
    /// Path data of every documented edge, one subpath each, and of every inferred edge.
    pub documented_edges: String,
    pub inferred_edges: String,
    pub lanes: Vec<LaneMark>,
    pub marker: MarkerSize,
    pub walk: Walk,
}

/// The radii of an event's circles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkerSize {
    pub r: f64,
    /// The focus ring around the marker.
    pub ring: f64,
    /// The story's halo.
    pub halo: f64,
    /// How far up and right the card behind a stacked marker sits.
    pub stack_offset: f64,
}

/// A year (or month) tick: a line down the plot and its label above.
#[derive(Clone, Debug, PartialEq)]
pub struct TickMark {
    pub x: f64,
    pub y1: f64,
    pub y2: f64,
    pub label: String,
    pub label_y: f64,
}

/// An era band across the top.
#[derive(Clone, Debug, PartialEq)]
pub struct EraMark {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// The whole name (the band's accessible name and tooltip)…
    pub name: String,
    /// …and the name as drawn, cut to fit the band.
    pub label: String,
    pub label_x: f64,
    pub label_y: f64,
    pub anchor: Anchor,
}

/// One family's lane.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneMark {
    pub family: Family,
    pub name: &'static str,
    /// Every other lane is unshaded.
    pub plain: bool,
    pub y: f64,
    pub height: f64,
    pub label_y: f64,
    pub events: Vec<EventMark>,
    pub clusters: Vec<ClusterMark>,
}

/// An event's marker, with its label when it fits.
#[derive(Clone, Debug, PartialEq)]
pub struct EventMark {
    pub id: String,
    pub x: f64,
    pub y: f64,
    /// The marker's shape: filled (open), ring (closed), diamond (not applicable).
    pub shape: Openness,
    pub flags: Flags,
    /// Name, date, organisation, access, and whatever the flags add, in words.
    pub aria_label: String,
    /// The event Tab lands on first.
    pub tab_stop: bool,
    pub label: Option<EventLabel>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EventLabel {
    pub x: f64,
    pub anchor: Anchor,
    pub text: String,
}

/// A "+N" badge for labels that did not fit.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterMark {
    pub x: f64,
    pub y: f64,
    pub text: String,
}

/// Font size of era names.
const ERA_FONT_PX: f64 = 12.0;
/// Padding inside an era band.
const ERA_PAD_PX: f64 = 6.0;
/// Ticks are at least this far apart.
const TICK_MIN_PX: f64 = 70.0;

/// The width the axis spans inside a plot `width` wide: a pixel of room on each side, so the
/// markers at the ends are not cut. The zoom preview maps with the same width.
pub fn plot_width(width: f64) -> f64 {
    (width - 2.0).max(1.0)
}

/// The accessible name of an event: its name first, then date, organisation and access.
pub fn event_label(c: &Chronicle, i: usize, lang: Lang) -> String {
    let e = &c.events()[i];
    let access = match e.access.openness() {
        Openness::NotApplicable => openness_marker(Openness::NotApplicable, lang),
        _ => access_name(e.access, lang),
    };
    format!("{}, {}, {}, {}", e.name.get(lang), c.date(i), e.org, access)
}

/// The scene of the wide timeline, `width` px wide, showing `window` (fractional years) under
/// `warp`.
pub fn timeline(q: &Query, warp: &Warp, window: (f64, f64), width: f64, lang: Lang) -> TimelineScene {
    let c = q.chronicle;
    let m = Metrics::default();
    let t = ui(lang);
    let axis = Axis::new(warp.clone(), window, plot_width(width));
    let layout = layout_timeline(c, &axis, lang, &m, q.include());

    // Events in time order: the order the arrow keys walk, with each one's anchor for zooming.
    let mut order: Vec<_> = layout.events.iter().collect();
    order.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.index.cmp(&b.index)));
    let walk = Walk {
        ids: order.iter().map(|p| c.events()[p.index].id.clone()).collect(),
        anchors: order.iter().map(|p| (p.x / width).clamp(0.0, 1.0)).collect(),
    };

    let ticks = axis
        .ticks(TICK_MIN_PX)
        .into_iter()
        .map(|tick| TickMark {
            x: tick.x,
            y1: m.axis_height - 6.0,
            y2: layout.height,
            label: tick.label.format(lang),
            label_y: m.axis_height - 10.0,
        })
        .collect();

    let eras = layout
        .eras
        .iter()
        .map(|band| {
            let name = c.data.eras[band.index].name.get(lang).to_owned();
            let label = fit_text(&name, band.x1 - band.x0 - 10.0, ERA_FONT_PX);
            // Keep the name inside the widget: anchor it at the band's right end when it would
            // overflow.
            let (label_x, anchor) = if band.x0 + ERA_PAD_PX + text_width(&label, ERA_FONT_PX) > layout.width {
                (band.x1 - ERA_PAD_PX, Anchor::End)
            } else {
                (band.x0 + ERA_PAD_PX, Anchor::Start)
            };
            EraMark {
                x: band.x0,
                y: band.y,
                width: (band.x1 - band.x0).max(1.0),
                height: m.era_height - 4.0,
                name,
                label,
                label_x,
                label_y: band.y + m.era_height / 2.0,
                anchor,
            }
        })
        .collect();

    // Edges are drawing only (each event's panel names its lineage in words), so all edges of one
    // kind are one path of many subpaths: two elements however many edges there are.
    let (mut documented_edges, mut inferred_edges) = (String::new(), String::new());
    for e in &layout.edges {
        let ((x1, y1), (x2, y2)) = (e.from, e.to);
        let mx = (x1 + x2) / 2.0;
        let d = match e.evidence {
            Evidence::Documented => &mut documented_edges,
            Evidence::Inferred => &mut inferred_edges,
        };
        if !d.is_empty() {
            d.push(' ');
        }
        let _ = write!(d, "M{x1:.1} {y1:.1} C{mx:.1} {y1:.1} {mx:.1} {y2:.1} {x2:.1} {y2:.1}");
    }

    let tab_stop = walk.first();
    let lanes = layout
        .lanes
        .iter()
        .enumerate()
        .map(|(n, lane)| LaneMark {
            family: lane.family,
            name: family_name(lane.family, lang),
            plain: n % 2 == 0,
            y: lane.y,
            height: lane.height,
            label_y: lane.y + 13.0,
            events: layout
                .events
                .iter()
                .filter(|p| c.events()[p.index].family == lane.family)
                .map(|p| {
                    let e = &c.events()[p.index];
                    let flags = Flags {
                        label_hidden: p.label.is_none(),
                        dimmed: !q.matches(p.index),
                        highlighted: q.highlighted(&e.id),
                        stacked: p.stacked > 0,
                        colour: q.colour(&e.id),
                    };
                    let mut aria_label = event_label(c, p.index, lang);
                    let mut text = e.name.get(lang).to_owned();
                    if let (Some(Some(level)), Some(criterion)) = (flags.colour, q.colour_by) {
                        let _ = write!(aria_label, ", {}: {}", criterion.name.get(lang), level_name(level, lang));
                        let _ = write!(text, " {}", level_symbol(level));
                    }
                    if p.stacked > 0 {
                        aria_label += &stacked_more(p.stacked, lang);
                    }
                    if flags.dimmed {
                        aria_label += t.not_matching_suffix;
                    }
                    let label = p.label.map(|side| {
                        let dx = m.marker_radius + m.gap;
                        let (x, anchor) = match side {
                            LabelSide::Right => (p.x + dx, Anchor::Start),
                            LabelSide::Left => (p.x - dx, Anchor::End),
                        };
                        EventLabel { x, anchor, text: text.clone() }
                    });
                    EventMark {
                        id: e.id.clone(),
                        x: p.x,
                        y: p.y,
                        shape: p.openness,
                        flags,
                        aria_label,
                        tab_stop: tab_stop == Some(e.id.as_str()),
                        label,
                    }
                })
                .collect(),
            clusters: layout
                .clusters
                .iter()
                .filter(|k| k.y > lane.y && k.y < lane.y + lane.height)
                .map(|k| ClusterMark {
                    x: k.x1 + m.marker_radius + m.gap,
                    y: k.y,
                    text: format!("+{}", k.members.len()),
                })
                .collect(),
        })
        .collect();

    TimelineScene {
        width: layout.width,
        height: layout.height,
        ticks,
        eras_name: t.eras,
        eras,
        documented_edges,
        inferred_edges,
        lanes,
        marker: MarkerSize {
            r: m.marker_radius,
            ring: m.marker_radius + 4.0,
            halo: m.marker_radius + 7.0,
            stack_offset: 2.5,
        },
        walk,
    }
}
