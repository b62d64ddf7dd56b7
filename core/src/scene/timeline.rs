//! The wide timeline as a scene: the axis, era bands, lineage edges, and one lane per family with
//! its event marks and "+N" clusters.

use std::fmt::Write;

use crate::i18n::{access_name, era_button_name, family_name, level_name, openness_marker, stacked_more, ui, Lang};
use crate::layout::{
    era_name_width, layout_labelled, text_width, Cluster, Edge, LabelSide, Lane, Metrics, PlacedEvent, TimelineLayout,
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

/// An era band across the top, and its name beside it. It is a button that zooms to the era; where
/// its name had to be cut (see [`crate::layout::EraBand`]), the whole name shows on hover and on
/// keyboard focus.
#[derive(Clone, Debug, PartialEq)]
pub struct EraMark {
    /// The era's index in the dataset (what the button zooms to).
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// The whole name (the band's tooltip)…
    pub name: String,
    /// …and the name as drawn: whole, or cut to the room its row has. It starts inside the band
    /// and may run on past its end.
    pub label: String,
    pub label_x: f64,
    pub label_y: f64,
    pub anchor: Anchor,
    /// Where the name runs on past the band's end: that stretch (its start and width), which
    /// the button covers too, and where the name is drawn on a halo of the page's colour so the
    /// lines under it do not cross it.
    pub beyond: Option<(f64, f64)>,
    /// The button's accessible name: the whole name, and what pressing it does.
    pub button_name: String,
    /// Where the whole name is drawn over the bands on hover and focus, when `label` is cut.
    pub reveal: Option<EraReveal>,
}

/// The whole name of an era, on a plate of its own over the bands around it.
#[derive(Clone, Debug, PartialEq)]
pub struct EraReveal {
    /// The plate.
    pub x: f64,
    pub width: f64,
    /// The name on it.
    pub text_x: f64,
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

/// The label drawn beside event `i`'s marker: its name, and its level's symbol when the timeline
/// is coloured by a criterion and the event has a level on it.
pub fn label_text(q: &Query, i: usize, lang: Lang) -> String {
    let e = &q.chronicle.events()[i];
    let mut text = e.name.get(lang).to_owned();
    if let Some(Some(level)) = q.colour(&e.id) {
        text.push(' ');
        text.push_str(level_symbol(level));
    }
    text
}

/// The scene of the wide timeline, `width` px wide, showing `window` (fractional years) under
/// `warp`.
pub fn timeline(q: &Query, warp: &Warp, window: (f64, f64), width: f64, lang: Lang) -> TimelineScene {
    let c = q.chronicle;
    let m = Metrics::default();
    let axis = Axis::new(warp.clone(), window, plot_width(width));
    // The packer makes room for the label as drawn, level symbol included.
    let layout =
        layout_labelled(c, &axis, &m, q.include(), &|i| text_width(&label_text(q, i, lang), m.font_px), &|k| {
            era_name_width(c.data.eras[k].name.get(lang), &m)
        });
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

/// A band per era inside the window, its name drawn whole where the layout found it room (see
/// [`crate::layout::EraBand`]) and cut to the room there is elsewhere, with the whole name's
/// plate where it is cut.
fn era_marks(c: &Chronicle, layout: &TimelineLayout, m: &Metrics, lang: Lang) -> Vec<EraMark> {
    layout
        .eras
        .iter()
        .map(|band| {
            let name = c.data.eras[band.index].name.get(lang).to_owned();
            let label = if era_name_width(&name, m) <= band.label_room + 1e-9 {
                name.clone()
            } else {
                fit_text(&name, band.label_room - 2.0 * m.era_pad, m.era_font_px)
            };
            let reveal =
                (label != name).then(|| era_reveal(band.x0, text_width(&name, m.era_font_px), layout.width, m));
            let label_x = band.label_x + m.era_pad;
            let name_end = (label_x + text_width(&label, m.era_font_px) + m.era_pad).min(layout.width);
            let beyond = (name_end > band.x1 + 0.5).then_some((band.x1, name_end - band.x1));
            EraMark {
                index: band.index,
                button_name: era_button_name(&name, lang),
                reveal,
                x: band.x0,
                y: band.y,
                width: (band.x1 - band.x0).max(1.0),
                height: m.era_height - 4.0,
                name,
                label,
                label_x,
                label_y: band.y + m.era_height / 2.0,
                anchor: Anchor::Start,
                beyond,
            }
        })
        .collect()
}

/// The plate of a whole era name `text_w` wide, for the band starting at `x0`: from the band's
/// start, like its cut label, or, where it would run past the plot's right end, ending there.
fn era_reveal(x0: f64, text_w: f64, width: f64, m: &Metrics) -> EraReveal {
    let plate_w = (text_w + 2.0 * m.era_pad).min(width);
    if x0 + plate_w <= width {
        EraReveal { x: x0, width: plate_w, text_x: x0 + m.era_pad, anchor: Anchor::Start }
    } else {
        EraReveal { x: width - plate_w, width: plate_w, text_x: width - m.era_pad, anchor: Anchor::End }
    }
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
    crate::sort::sort_by(&mut order, |a, b| a.x.total_cmp(&b.x).then(a.index.cmp(&b.index)));
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
        let text = label_text(q, p.index, lang);
        if let (Some(Some(level)), Some(criterion)) = (flags.colour, q.colour_by) {
            let _ = write!(aria_label, ", {}: {}", criterion.name.get(lang), level_name(level, lang));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::Filter;
    use crate::validate::{load_json, validate};
    use crate::SHIPPED_JSON;

    /// A drawn box across a row: its left and right ends, and what it is.
    type Span = (f64, f64, String);

    /// Each lane's drawn boxes by row: every labelled event's marker and label as one span, every
    /// unlabelled marker (with the card behind it when others are stacked under it), and every
    /// "+N" badge, each with what it is.
    fn rows(s: &TimelineScene) -> Vec<Vec<Span>> {
        let r = s.marker.r;
        let mut rows: std::collections::BTreeMap<(usize, i64), Vec<Span>> = Default::default();
        for (n, lane) in s.lanes.iter().enumerate() {
            for e in &lane.events {
                let (mut x0, mut x1) = (e.x - r, e.x + r + if e.flags.stacked { s.marker.stack_offset } else { 0.0 });
                if let Some(l) = &e.label {
                    let w = text_width(&l.text, Metrics::default().font_px);
                    match l.anchor {
                        Anchor::Start => x1 = l.x + w,
                        Anchor::End => x0 = l.x - w,
                    }
                }
                rows.entry((n, e.y.round() as i64)).or_default().push((x0, x1, format!("{} {:?}", e.id, e.label)));
            }
            for k in &lane.clusters {
                let w = text_width(&k.text, Metrics::default().font_px);
                rows.entry((n, k.y.round() as i64)).or_default().push((k.x, k.x + w, format!("badge {}", k.text)));
            }
        }
        rows.into_values().collect()
    }

    /// The pairs of boxes in one row that overlap (or come closer than `gap`), among those whose
    /// description `counts`.
    fn collisions(s: &TimelineScene, gap: f64, counts: impl Fn(&str, &str) -> bool) -> Vec<String> {
        let mut out = Vec::new();
        for row in rows(s) {
            for (i, a) in row.iter().enumerate() {
                for b in &row[i + 1..] {
                    if counts(&a.2, &b.2) && a.0 < b.1 + gap && b.0 < a.1 + gap {
                        out.push(format!("{} [{:.1}, {:.1}] and {} [{:.1}, {:.1}]", a.2, a.0, a.1, b.2, b.0, b.1));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn labels_never_collide_with_colour_by_on() {
        let c = load_json(SHIPPED_JSON).unwrap();
        let criterion = c.data.criteria[0].id.clone();
        let q = Query::new(&c, &Filter::default(), Some(&criterion), None);
        let (a, b) = c.extent();
        let mut coloured = 0;
        for lang in [Lang::En, Lang::Zh] {
            for window in [(a, b), (2015.0, b), (2021.0, b), (2023.0, 2025.5)] {
                for width in (600..=1800).step_by(50) {
                    let s = timeline(&q, c.focus_warp(), window, f64::from(width), lang);
                    let labels = s.lanes.iter().flat_map(|l| &l.events).filter_map(|e| e.label.as_ref());
                    coloured += labels.filter(|l| l.text.ends_with(['●', '◐', '○', '?'])).count();
                    let labelled = |a: &str, b: &str| a.contains("Some(") && b.contains("Some(");
                    let hits = collisions(&s, 0.0, labelled);
                    assert!(hits.is_empty(), "{lang:?} {window:?} at {width} px: {hits:#?}");
                }
            }
        }
        assert!(coloured > 1000, "the labels carry their level's symbol: {coloured}");
    }

    /// Each era name's box as drawn (its text, estimated wide), by row.
    fn era_names(s: &TimelineScene) -> Vec<(f64, f64, f64, &str)> {
        let font = Metrics::default().era_font_px;
        s.eras.iter().map(|e| (e.y, e.label_x, e.label_x + text_width(&e.label, font), e.name.as_str())).collect()
    }

    #[test]
    fn every_era_name_is_whole_at_the_default_zoom_and_none_overlaps_another() {
        let c = load_json(SHIPPED_JSON).unwrap();
        let q = Query::new(&c, &Filter::default(), None, None);
        let (a, b) = c.extent();
        for lang in [Lang::En, Lang::Zh] {
            let rows = |width| {
                let s = timeline(&q, c.focus_warp(), (a, b), width, lang);
                s.eras.iter().map(|e| e.y).fold(0.0f64, f64::max)
            };
            for width in [900.0, 1176.0, 1600.0] {
                let s = timeline(&q, c.focus_warp(), (a, b), width, lang);
                assert_eq!(s.eras.len(), c.data.eras.len());
                for e in &s.eras {
                    assert_eq!(e.label, e.name, "{lang:?} at {width} px: drawn whole");
                    assert!(e.reveal.is_none());
                }
            }
            // Zooming and panning never move the rows (nor the lanes under them).
            for window in [(2015.0, b), (2021.0, 2024.0), (a, 1995.0)] {
                let s = timeline(&q, c.focus_warp(), window, 1176.0, lang);
                let whole = timeline(&q, c.focus_warp(), (a, b), 1176.0, lang);
                assert_eq!(s.lanes[0].y, whole.lanes[0].y, "{window:?}");
                for e in &s.eras {
                    let same = whole.eras.iter().find(|w| w.index == e.index).unwrap();
                    assert_eq!(e.y, same.y, "{window:?}: {} stays in its row", e.name);
                }
            }
            // A narrow plot gets at most two more rows than the dates need (three: the statistical
            // era, the neural one over it, and the reasoning models over the multimodal frontier).
            let m = Metrics::default();
            assert!(rows(600.0) <= m.axis_height + (3.0 + 2.0 - 1.0) * m.era_height);
        }
    }

    #[test]
    fn era_names_never_overlap_and_stay_inside_the_plot() {
        let c = load_json(SHIPPED_JSON).unwrap();
        let q = Query::new(&c, &Filter::default(), None, None);
        let (a, b) = c.extent();
        let mut cut = 0;
        for lang in [Lang::En, Lang::Zh] {
            for even in [false, true] {
                let warp = if even { &Warp::Identity } else { c.focus_warp() };
                for window in [(a, b), (2010.0, b), (2017.5, 2019.0), (2019.7, 2025.3), (1995.0, 2021.0), (2024.5, b)] {
                    for width in (600..=1800).step_by(100) {
                        let s = timeline(&q, warp, window, f64::from(width), lang);
                        let names = era_names(&s);
                        for (k, x) in names.iter().enumerate() {
                            assert!(x.1 >= 0.0 && x.2 <= s.width + 1e-9, "{lang:?} {window:?} {width}: {} inside", x.3);
                            for y in &names[k + 1..] {
                                let apart = x.0 != y.0 || x.2 <= y.1 || y.2 <= x.1;
                                assert!(
                                    apart,
                                    "{lang:?} {window:?} {width}: {} [{}, {}] and {} [{}, {}]",
                                    x.3, x.1, x.2, y.3, y.1, y.2
                                );
                            }
                        }
                        // Bands in one row never overlap either.
                        for (k, x) in s.eras.iter().enumerate() {
                            for y in s.eras[k + 1..].iter().filter(|y| y.y == x.y) {
                                assert!(
                                    x.x + x.width <= y.x + 1.0 || y.x + y.width <= x.x + 1.0,
                                    "{} and {}",
                                    x.name,
                                    y.name
                                );
                            }
                        }
                        cut += s.eras.iter().filter(|e| e.label != e.name).count();
                    }
                }
            }
        }
        assert!(cut > 0, "some windows and widths leave a name too little room");
    }

    #[test]
    fn a_cut_era_name_has_its_whole_name_on_a_plate_inside_the_plot() {
        let c = load_json(SHIPPED_JSON).unwrap();
        let q = Query::new(&c, &Filter::default(), None, None);
        let font = Metrics::default().era_font_px;
        let mut cut = 0;
        for lang in [Lang::En, Lang::Zh] {
            for (window, width) in [(c.extent(), 600.0), ((2019.7, 2025.3), 700.0), ((2017.5, 2019.0), 1176.0)] {
                let s = timeline(&q, c.focus_warp(), window, width, lang);
                for e in &s.eras {
                    assert!(e.button_name.starts_with(&e.name), "{}", e.button_name);
                    let Some(r) = &e.reveal else {
                        assert_eq!(e.label, e.name, "a name drawn whole needs no plate");
                        continue;
                    };
                    cut += 1;
                    assert!(e.label.is_empty() || e.label.ends_with('…'), "{:?}", e.label);
                    let w = text_width(&e.name, font);
                    assert!(r.x >= 0.0 && r.x + r.width <= s.width + 1e-9, "{} inside the plot: {r:?}", e.name);
                    let (from, to) = match r.anchor {
                        Anchor::Start => (r.text_x, r.text_x + w),
                        Anchor::End => (r.text_x - w, r.text_x),
                    };
                    assert!(from >= r.x && to <= r.x + r.width + 1e-9, "{} on its plate: {r:?}", e.name);
                }
            }
        }
        assert!(cut > 0, "some names are cut in these windows");
    }

    #[test]
    fn three_digit_badges_keep_clear_of_the_next_marker() {
        let c = validate(crate::synth::dataset(10_000, 1)).unwrap();
        let q = Query::new(&c, &Filter::default(), None, None);
        let (a, b) = c.extent();
        let mut wide = 0;
        for window in [(a, b), (1990.0, b), (2010.0, b)] {
            for width in [700.0, 1176.0, 1600.0] {
                let s = timeline(&q, c.focus_warp(), window, width, Lang::En);
                wide += s.lanes.iter().flat_map(|l| &l.clusters).filter(|k| k.text.len() >= 4).count();
                // What starts right of a badge keeps a gap's distance from it; nothing left of it
                // (its members' markers) reaches into it.
                let gap = Metrics::default().gap;
                for row in rows(&s) {
                    for b in row.iter().filter(|b| b.2.starts_with("badge")) {
                        for x in row.iter().filter(|x| x.2 != b.2 || x.0 != b.0) {
                            let clear = if x.0 >= b.0 { x.0 >= b.1 + gap - 1e-9 } else { x.1 <= b.0 };
                            assert!(
                                clear,
                                "{window:?} at {width} px: {} [{:.1}, {:.1}] and {} [{:.1}, {:.1}]",
                                b.2, b.0, b.1, x.2, x.0, x.1
                            );
                        }
                    }
                }
            }
        }
        assert!(wide > 10, "badges of three digits or more: {wide}");
    }
}
