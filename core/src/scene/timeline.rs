//! The wide timeline as a scene: the axis, era bands, lineage edges, and one lane per family with
//! its event marks and "+N" clusters.

use std::fmt::Write;

use crate::i18n::{access_name, family_name, level_name, openness_marker, stacked_more, ui, Lang};
use crate::layout::{
    layout_timeline, text_width, Cluster, Edge, LabelSide, Lane, Metrics, PlacedEvent, TimelineLayout,
};
use crate::lineage::{is_branch, Lineage};
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
    /// Path data, one subpath per edge: the documented big branches (see [`crate::lineage`]),
    /// the other documented edges (drawn quietly unless the reader asks for all), and every
    /// inferred edge.
    pub edges: EdgePaths,
    /// Every edge drawn, with its ends, for drawing one lineage over them ([`lineage_path`]).
    pub edge_lines: Vec<Edge>,
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
    // Open access levels say "open weights" in their name; a closed one says "closed" first, so
    // the name never leaves openness to the marker's shape.
    let access = match e.access.openness() {
        Openness::NotApplicable => openness_marker(Openness::NotApplicable, lang).to_owned(),
        Openness::Open => access_name(e.access, lang).to_owned(),
        Openness::Closed => {
            let (closed, access) = (openness_marker(Openness::Closed, lang), access_name(e.access, lang));
            if lang == Lang::Zh {
                format!("{closed}（{access}）")
            } else {
                format!("{closed} ({access})")
            }
        }
    };
    format!("{}, {}, {}, {}", e.name.get(lang), c.date(i), e.org, access)
}

/// The scene of the wide timeline, `width` px wide, showing `window` (fractional years) under
/// `warp`.
pub fn timeline(q: &Query, warp: &Warp, window: (f64, f64), width: f64, lang: Lang) -> TimelineScene {
    let c = q.chronicle;
    let m = Metrics::default();
    let axis = Axis::new(warp.clone(), window, plot_width(width));
    let layout = layout_timeline(c, &axis, lang, &m, q.include());
    let ticks = tick_marks(&axis, layout.height, &m, lang);
    let eras = era_marks(c, &layout, &m, lang);
    let edges = edge_paths(c, &layout.edges);
    // The walk comes before the lanes: its first event is the one Tab lands on.
    let walk = walk(c, &layout.events, width);
    let lanes = lane_marks(&layout, &EventMarker { q, m: &m, lang, tab_stop: walk.first() });
    TimelineScene {
        width: layout.width,
        height: layout.height,
        ticks,
        eras_name: ui(lang).eras,
        eras,
        edges,
        edge_lines: layout.edges,
        lanes,
        marker: marker_size(&m),
        walk,
    }
}

/// A tick line down to `height` and its label at each year (or month) the axis labels.
fn tick_marks(axis: &Axis, height: f64, m: &Metrics, lang: Lang) -> Vec<TickMark> {
    axis.ticks(TICK_MIN_PX)
        .into_iter()
        .map(|tick| TickMark {
            x: tick.x,
            y1: m.axis_height - 6.0,
            y2: height,
            label: tick.label.format(lang),
            label_y: m.axis_height - 10.0,
        })
        .collect()
}

/// A band per era inside the window, its name cut to fit the band and kept inside the plot.
fn era_marks(c: &Chronicle, layout: &TimelineLayout, m: &Metrics, lang: Lang) -> Vec<EraMark> {
    layout
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
        .collect()
}

/// The path data of each kind of edge.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EdgePaths {
    pub branch: String,
    pub quiet: String,
    pub inferred: String,
}

/// The path data of every edge, by kind.
fn edge_paths(c: &Chronicle, edges: &[Edge]) -> EdgePaths {
    // Edges are drawing only (each event's panel names its lineage in words), so all edges of one
    // kind are one path of many subpaths: three elements however many edges there are.
    let mut paths = EdgePaths::default();
    for e in edges {
        let d = match e.evidence {
            Evidence::Inferred => &mut paths.inferred,
            Evidence::Documented if is_branch(c, e.parent, e.child) => &mut paths.branch,
            Evidence::Documented => &mut paths.quiet,
        };
        curve(d, e);
    }
    paths
}

/// The path data of the edges of `lineage` among `edges`.
pub fn lineage_path(edges: &[Edge], lineage: &Lineage) -> String {
    let mut d = String::new();
    for e in edges.iter().filter(|e| lineage.has_edge(e.parent, e.child)) {
        curve(&mut d, e);
    }
    d
}

/// Appends edge `e` to the path data `d`: a curve leaving the parent and reaching the child
/// horizontally.
fn curve(d: &mut String, e: &Edge) {
    let ((x1, y1), (x2, y2)) = (e.from, e.to);
    let mx = (x1 + x2) / 2.0;
    if !d.is_empty() {
        d.push(' ');
    }
    let _ = write!(d, "M{x1:.1} {y1:.1} C{mx:.1} {y1:.1} {mx:.1} {y2:.1} {x2:.1} {y2:.1}");
}

/// The arrow keys' walk: drawn events in time order, each with its zoom anchor across `width`.
fn walk(c: &Chronicle, events: &[PlacedEvent], width: f64) -> Walk {
    let mut order: Vec<_> = events.iter().collect();
    order.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.index.cmp(&b.index)));
    Walk {
        ids: order.iter().map(|p| c.events()[p.index].id.clone()).collect(),
        anchors: order.iter().map(|p| (p.x / width).clamp(0.0, 1.0)).collect(),
    }
}

/// A mark per lane, every other one plain, with the marks of its events and its "+N" badges.
fn lane_marks(layout: &TimelineLayout, marker: &EventMarker) -> Vec<LaneMark> {
    let events = marker.q.chronicle.events();
    layout
        .lanes
        .iter()
        .enumerate()
        .map(|(n, lane)| LaneMark {
            family: lane.family,
            name: family_name(lane.family, marker.lang),
            plain: n % 2 == 0,
            y: lane.y,
            height: lane.height,
            label_y: lane.y + 13.0,
            events: layout
                .events
                .iter()
                .filter(|p| events[p.index].family == lane.family)
                .map(|p| marker.mark(p))
                .collect(),
            clusters: cluster_marks(&layout.clusters, lane, marker.m),
        })
        .collect()
}

/// The "+N" badges of the clusters on `lane`, right of their last member's marker.
fn cluster_marks(clusters: &[Cluster], lane: &Lane, m: &Metrics) -> Vec<ClusterMark> {
    clusters
        .iter()
        .filter(|k| k.y > lane.y && k.y < lane.y + lane.height)
        .map(|k| ClusterMark { x: k.x1 + m.marker_radius + m.gap, y: k.y, text: format!("+{}", k.members.len()) })
        .collect()
}

/// The radii of every event's circles, from the marker's radius.
fn marker_size(m: &Metrics) -> MarkerSize {
    MarkerSize { r: m.marker_radius, ring: m.marker_radius + 4.0, halo: m.marker_radius + 7.0, stack_offset: 2.5 }
}

/// What marking an event reads: the query (filters, story, colour), the geometry, the language,
/// and the one event Tab lands on.
struct EventMarker<'a> {
    q: &'a Query<'a>,
    m: &'a Metrics,
    lang: Lang,
    tab_stop: Option<&'a str>,
}

impl EventMarker<'_> {
    /// The mark of the event placed at `p`: its marker, classes, accessible name and label.
    fn mark(&self, p: &PlacedEvent) -> EventMark {
        let e = &self.q.chronicle.events()[p.index];
        let flags = self.flags(p);
        let (aria_label, text) = self.words(p, flags);
        EventMark {
            id: e.id.clone(),
            x: p.x,
            y: p.y,
            shape: p.openness,
            flags,
            aria_label,
            tab_stop: self.tab_stop == Some(e.id.as_str()),
            label: p.label.map(|side| self.label(p, side, text)),
        }
    }

    /// The classes of the event placed at `p`.
    fn flags(&self, p: &PlacedEvent) -> Flags {
        let id = &self.q.chronicle.events()[p.index].id;
        Flags {
            label_hidden: p.label.is_none(),
            dimmed: !self.q.matches(p.index),
            highlighted: self.q.highlighted(id),
            stacked: p.stacked > 0,
            colour: self.q.colour(id),
        }
    }

    /// The accessible name and the label text of the event placed at `p`.
    fn words(&self, p: &PlacedEvent, flags: Flags) -> (String, String) {
        // Both end with its level when coloured by a criterion; only the name says what is
        // stacked under the marker, and that the event does not match.
        let (q, lang) = (self.q, self.lang);
        let mut aria_label = event_label(q.chronicle, p.index, lang);
        let mut text = q.chronicle.events()[p.index].name.get(lang).to_owned();
        if let (Some(Some(level)), Some(criterion)) = (flags.colour, q.colour_by) {
            let _ = write!(aria_label, ", {}: {}", criterion.name.get(lang), level_name(level, lang));
            let _ = write!(text, " {}", level_symbol(level));
        }
        if p.stacked > 0 {
            aria_label += &stacked_more(p.stacked, lang);
        }
        if flags.dimmed {
            aria_label += ui(lang).not_matching_suffix;
        }
        (aria_label, text)
    }

    /// The label `text` on `side` of the marker at `p`, a gap away from its circle.
    fn label(&self, p: &PlacedEvent, side: LabelSide, text: String) -> EventLabel {
        let dx = self.m.marker_radius + self.m.gap;
        let (x, anchor) = match side {
            LabelSide::Right => (p.x + dx, Anchor::Start),
            LabelSide::Left => (p.x - dx, Anchor::End),
        };
        EventLabel { x, anchor, text }
    }
}
