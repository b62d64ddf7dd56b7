//! Timeline layout: family lanes, event markers, labels that never overlap, "+N more" clusters,
//! era bands and lineage edges, all in pixels. The widget draws these structs as they are.
//!
//! Label placement is greedy row packing, like TimelineJS's `TimeScale` and Observable Plot's
//! `dodge`: events are taken left to right, and each goes into the first row of its lane whose
//! last label ends before it starts. When no row has room, the label is hidden and the event is
//! counted into a cluster badge that says how many labels are hidden there.

use crate::date::span;
use crate::i18n::Lang;
use crate::model::{Evidence, Family, Openness};
use crate::scale::Axis;
use crate::Chronicle;

/// Geometry constants, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    pub font_px: f64,
    pub row_height: f64,
    /// Label rows per lane: one per `events_per_row` events, between the min and the max.
    pub min_rows_per_lane: usize,
    pub max_rows_per_lane: usize,
    pub events_per_row: usize,
    pub marker_radius: f64,
    /// Space between a marker and its label, and between neighbouring labels.
    pub gap: f64,
    pub axis_height: f64,
    pub era_height: f64,
    /// Font size of era names, and the padding before and after one.
    pub era_font_px: f64,
    pub era_pad: f64,
    /// Rows era names may take beyond those their dates need (see [`EraBand`]).
    pub extra_era_rows: usize,
    /// Height of the line at the top of each lane that holds its name.
    pub lane_label_height: f64,
    /// With more events than this inside the window, unlabelled markers closer than
    /// `stack_spacing` to the one before them stack under it (level of detail for dense data);
    /// with fewer, every event keeps its own.
    pub marker_budget: usize,
    /// Past the marker budget, the least distance between two unlabelled markers on a lane's
    /// overflow row: two marker widths, so a dense stretch reads as a row of separate stacks, and
    /// the plot stays light enough to zoom smoothly (at 10,000 events it draws some 230 fewer
    /// markers than at one marker width, each of which a zoom step moves and paints again).
    pub stack_spacing: f64,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            font_px: 13.0,
            row_height: 22.0,
            min_rows_per_lane: 2,
            max_rows_per_lane: 6,
            events_per_row: 8,
            marker_radius: 6.0,
            gap: 6.0,
            axis_height: 26.0,
            era_height: 22.0,
            era_font_px: 12.0,
            era_pad: 6.0,
            extra_era_rows: 2,
            lane_label_height: 18.0,
            marker_budget: 600,
            stack_spacing: 24.0,
        }
    }
}

/// Estimated rendered width of `s` at `font_px`: full-width (CJK) characters and geometric shapes
/// (the level symbols ● ◐ ○, often drawn from a CJK fallback font) count 1 em, others about 0.6 em.
/// The estimate errs wide so estimated labels never overlap real ones.
///
/// ```
/// use chronicle_core::layout::text_width;
/// assert_eq!(text_width("GPT-3", 10.0), 33.0); // 3 capitals × 0.7 em + 2 × 0.56 em
/// assert_eq!(text_width("文心一言", 10.0), 40.0);
/// ```
pub fn text_width(s: &str, font_px: f64) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x25A0..=0x25FF
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 1.0,
            _ if c == ' ' => 0.32,
            _ if c.is_ascii_uppercase() || c == 'm' || c == 'w' || c == 'M' || c == 'W' => 0.7,
            _ => 0.56,
        })
        .sum();
    (em * font_px).ceil()
}

/// One family lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub family: Family,
    pub y: f64,
    pub height: f64,
}

/// A placed event.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedEvent {
    /// Index into [`Chronicle::events`].
    pub index: usize,
    /// Marker centre.
    pub x: f64,
    pub y: f64,
    pub openness: Openness,
    /// Where the label goes; `None` when it did not fit and is counted in a cluster.
    pub label: Option<LabelSide>,
    /// How many more unlabelled events sit under this marker: their markers would overlap it, so
    /// they are drawn once (zooming in separates them).
    pub stacked: usize,
}

/// Which side of its marker a label is drawn on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelSide {
    Right,
    Left,
}

/// A "+N more" badge standing for labels that did not fit. Its members' markers sit on the
/// lane's overflow row between `x0` and `x1`; the badge text goes right of `x1`.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    /// Indices of the events whose labels are hidden here.
    pub members: Vec<usize>,
}

/// An era band across the top, and the room for its name.
///
/// Eras go into rows so that each name is drawn whole beside the others: a name longer than its
/// band runs on past the band's end (or, at the plot's right end, starts before the band), over
/// nothing else of its row. The rows are packed for the whole history at the plot's width, so
/// they, and every lane below them, stay put while the reader zooms and pans; zooming in only
/// spreads the bands apart. Where the rows would be too many for a narrow plot (more than the
/// dates need plus [`Metrics::extra_era_rows`]), or the window's edge pushes a name into the next
/// one, a name gets the room there is and is cut to it.
#[derive(Clone, Debug, PartialEq)]
pub struct EraBand {
    pub index: usize,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    /// Where the name's box starts (its text starts `era_pad` further in)…
    pub label_x: f64,
    /// …and how wide it may be: its whole name's width (text and padding) when there is room.
    pub label_room: f64,
}

/// A lineage edge between two placed events.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub parent: usize,
    pub child: usize,
    pub from: (f64, f64),
    pub to: (f64, f64),
    pub evidence: Evidence,
}

/// Everything the timeline draws.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    pub width: f64,
    pub height: f64,
    pub eras: Vec<EraBand>,
    pub lanes: Vec<Lane>,
    pub events: Vec<PlacedEvent>,
    pub clusters: Vec<Cluster>,
    pub edges: Vec<Edge>,
}

/// Lays out every event of `chronicle` that is inside the scale's window, each labelled with its
/// name in `lang`.
///
/// Lanes appear only for families that have events, in [`Family::ALL`] order. Overlapping eras
/// stack in as many rows as they need.
/// `include[i] == false` leaves event `i` out (an empty slice includes everything).
pub fn layout_timeline(
    chronicle: &Chronicle,
    axis: &Axis,
    lang: Lang,
    m: &Metrics,
    include: &[bool],
) -> TimelineLayout {
    let name_width = |i: usize| text_width(chronicle.events()[i].name.get(lang), m.font_px);
    let era_width = |i: usize| era_name_width(chronicle.data.eras[i].name.get(lang), m);
    layout_labelled(chronicle, axis, m, include, &name_width, &era_width)
}

/// The width of an era's name as drawn: its text and the padding on both sides.
pub fn era_name_width(name: &str, m: &Metrics) -> f64 {
    text_width(name, m.era_font_px) + 2.0 * m.era_pad
}

/// [`layout_timeline`] with labels `label_width(i)` wide (by [`text_width`] at `m.font_px`): the
/// text drawn beside event `i`'s marker, e.g. its name and a level symbol. The packer makes room
/// for exactly what is drawn. Era `k`'s name is `era_width(k)` wide ([`era_name_width`]).
pub fn layout_labelled(
    chronicle: &Chronicle,
    axis: &Axis,
    m: &Metrics,
    include: &[bool],
    label_width: &dyn Fn(usize) -> f64,
    era_width: &dyn Fn(usize) -> f64,
) -> TimelineLayout {
    let (eras, era_rows) = era_bands(chronicle, axis, m, era_width);
    let top = m.axis_height + era_rows as f64 * m.era_height + m.gap;
    let (lanes, lane_rows) = family_lanes(chronicle, m, top);
    let stack = past_marker_budget(chronicle, axis, m, include);
    let placer = Placer { chronicle, axis, label_width, m, include, stack };
    let placed = placer.place(&lanes, &lane_rows);
    let edges = lineage_edges(chronicle, &placed.at);
    let height = lanes.last().map_or(top, |l| l.y + l.height) + m.gap;
    TimelineLayout { width: axis.width(), height, eras, lanes, events: placed.events, clusters: placed.clusters, edges }
}

/// The era bands inside the window, and the number of rows all eras are packed into (see
/// [`EraBand`]).
fn era_bands(
    chronicle: &Chronicle,
    axis: &Axis,
    m: &Metrics,
    era_width: &dyn Fn(usize) -> f64,
) -> (Vec<EraBand>, usize) {
    let spans: Vec<Option<(f64, f64)>> = chronicle.data.eras.iter().map(|e| span(&e.start, &e.end)).collect();
    let widths: Vec<f64> = (0..spans.len()).map(era_width).collect();
    // The rows, for the whole history at this width: the same at every zoom.
    let whole = Axis::new(axis.warp.clone(), chronicle.extent(), axis.width());
    let (row_of, rows) = era_rows(&spans, &widths, &whole, m);
    // Inside the window, each row's names left to right, each in the room its row has left.
    let w = axis.width();
    let mut eras: Vec<EraBand> = spans
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let (start, end) = (*s)?;
            let (x0, x1) = (axis.x(start).max(0.0), axis.x(end).min(w));
            let y = m.axis_height + row_of[i] as f64 * m.era_height;
            (x1 > 0.0 && x0 < w).then_some(EraBand { index: i, x0, x1, y, label_x: x0, label_room: 0.0 })
        })
        .collect();
    // Each row's bands, left to right (bands in a row never overlap).
    for row in 0..rows {
        let mut cursor = 0.0f64;
        let mut at_x = f64::NEG_INFINITY;
        // A dozen eras at most in practice: the next band right of the last, by a plain scan.
        while let Some(j) = (0..eras.len())
            .filter(|&j| row_of[eras[j].index] == row && eras[j].x0 > at_x)
            .min_by(|&a, &b| eras[a].x0.total_cmp(&eras[b].x0))
        {
            at_x = eras[j].x0;
            let next = (0..eras.len())
                .filter(|&k| row_of[eras[k].index] == row && eras[k].x0 > at_x)
                .map(|k| eras[k].x0 - m.gap)
                .fold(w, f64::min);
            let want = widths[eras[j].index];
            let e = &mut eras[j];
            let at = e.x0.min(w - want).max(cursor);
            if at + want <= next + 1e-9 {
                (e.label_x, e.label_room) = (at, want);
            } else {
                let at = e.x0.max(cursor);
                (e.label_x, e.label_room) = (at, (next.max(e.x1) - at).max(0.0));
            }
            cursor = e.x1.max(e.label_x + e.label_room.min(want)) + m.gap;
        }
    }
    (eras, rows)
}

/// Each era's row, and the number of rows, on the axis `whole` showing the whole history: each
/// era, taken in the order its name's box starts, goes into the first row where its band and its
/// whole name (`widths`) come after everything already there; failing that, into a new row while
/// there may be more, then into the first row its band alone fits (its name will be cut).
fn era_rows(spans: &[Option<(f64, f64)>], widths: &[f64], whole: &Axis, m: &Metrics) -> (Vec<usize>, usize) {
    // The rows the dates alone need, as if every name fit its band: the least there can be.
    let mut by_date: Vec<f64> = Vec::new();
    for &(start, end) in spans.iter().flatten() {
        match by_date.iter().position(|&row_end| row_end <= start + 1e-9) {
            Some(r) => by_date[r] = end,
            None => by_date.push(end),
        }
    }
    let most = by_date.len() + m.extra_era_rows;
    let w = whole.width();
    // (era, band start, band end, name box start)
    let boxes: Vec<(usize, f64, f64, f64)> = spans
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let (start, end) = (*s)?;
            let (x0, x1) = (whole.x(start).max(0.0), whole.x(end).min(w));
            Some((i, x0, x1, x0.min(w - widths[i]).max(0.0)))
        })
        .collect();
    let mut row_of = vec![0; spans.len()];
    // Where each row is free again: a gap after its last whole name, or after its last band;
    // and where its last band ends.
    let mut free: Vec<f64> = Vec::new();
    let mut band_end: Vec<f64> = Vec::new();
    // In the order the name boxes start (then the bands), by a plain scan: a dozen eras at most.
    let key = |b: &(usize, f64, f64, f64)| (b.3, b.1);
    let mut done = vec![false; boxes.len()];
    while let Some(n) = (0..boxes.len()).filter(|&n| !done[n]).min_by(|&a, &b| {
        let (ka, kb) = (key(&boxes[a]), key(&boxes[b]));
        ka.0.total_cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
    }) {
        done[n] = true;
        let (i, x0, x1, at) = boxes[n];
        let named = (at + widths[i] + m.gap).max(x1);
        let (row, end) = match free.iter().position(|&f| f <= at + 1e-9) {
            Some(r) => (r, named),
            None if free.len() < most => (free.len(), named),
            // The name before it in that row gives up the room this band needs.
            None => (band_end.iter().position(|&e| e <= x0 + 1e-9).unwrap_or(free.len()), x1),
        };
        if row == free.len() {
            free.push(end);
            band_end.push(x1);
        } else {
            free[row] = end;
            band_end[row] = x1;
        }
        row_of[i] = row;
    }
    (row_of, free.len())
}

/// One lane per family with events, stacked down from `top`, and each lane's number of label rows.
fn family_lanes(chronicle: &Chronicle, m: &Metrics, top: f64) -> (Vec<Lane>, Vec<usize>) {
    // Each lane gets label rows in proportion to its number of events (in the whole dataset, so
    // lanes keep their height while zooming), plus one overflow row for "+N" clusters.
    let mut lanes: Vec<Lane> = Vec::new();
    let mut lane_rows: Vec<usize> = Vec::new();
    let mut y = top;
    for family in Family::ALL {
        let count = chronicle.events().iter().filter(|e| e.family == family).count();
        if count == 0 {
            continue;
        }
        let rows = count.div_ceil(m.events_per_row).clamp(m.min_rows_per_lane, m.max_rows_per_lane.max(1));
        let height = m.lane_label_height + (rows + 1) as f64 * m.row_height;
        lanes.push(Lane { family, y, height });
        lane_rows.push(rows);
        y += height;
    }
    (lanes, lane_rows)
}

/// Whether more events than [`Metrics::marker_budget`] are in the window (then markers stack).
fn past_marker_budget(chronicle: &Chronicle, axis: &Axis, m: &Metrics, include: &[bool]) -> bool {
    let in_window = |i: usize| {
        let x = axis.x(chronicle.date(i).fractional_year());
        include.get(i) != Some(&false) && x >= -m.marker_radius && x <= axis.width() + m.marker_radius
    };
    (0..chronicle.events().len()).filter(|&i| in_window(i)).count() > m.marker_budget
}

/// What the placement of events reads: the data, which events are included, the scale and the
/// geometry.
struct Placer<'a> {
    chronicle: &'a Chronicle,
    axis: &'a Axis,
    /// The width of the text drawn as event `i`'s label.
    label_width: &'a dyn Fn(usize) -> f64,
    m: &'a Metrics,
    include: &'a [bool],
    /// Past the marker budget: unlabelled markers closer than `stack_spacing` stack.
    stack: bool,
}

/// The events placed so far, across lanes.
struct Placed {
    events: Vec<PlacedEvent>,
    clusters: Vec<Cluster>,
    /// Where each event (by index into [`Chronicle::events`]) is drawn: its own marker, or the
    /// marker it is stacked under; `None` when it is not drawn.
    at: Vec<Option<(f64, f64)>>,
}

/// One lane's rows while its events are placed left to right.
struct LaneRows {
    /// Where the last label (or marker) of each label row ends: a label goes in a row only past it,
    /// so labels in one row never overlap.
    row_end: Vec<f64>,
    /// The top of the first label row.
    rows_top: f64,
    /// The last marker drawn on the overflow row (an index into [`Placed::events`]).
    last_overflow: Option<usize>,
}

impl Placer<'_> {
    /// Places every included event inside the window, lane by lane.
    fn place(&self, lanes: &[Lane], lane_rows: &[usize]) -> Placed {
        let mut placed =
            Placed { events: Vec::new(), clusters: Vec::new(), at: vec![None; self.chronicle.events().len()] };
        for (lane, &rows) in lanes.iter().zip(lane_rows) {
            self.place_lane(lane, rows, &mut placed);
        }
        placed
    }

    /// Places one lane's events in date order, each label in the first row with room for it.
    fn place_lane(&self, lane: &Lane, rows: usize, placed: &mut Placed) {
        let m = self.m;
        let rows_top = lane.y + m.lane_label_height;
        let overflow_y = rows_top + rows as f64 * m.row_height + m.row_height / 2.0;
        let mut lane_rows = LaneRows { row_end: vec![f64::NEG_INFINITY; rows], rows_top, last_overflow: None };
        for &i in self.chronicle.chronological() {
            let ev = &self.chronicle.events()[i];
            if ev.family != lane.family || self.include.get(i) == Some(&false) {
                continue;
            }
            let x = self.axis.x(self.chronicle.date(i).fractional_year());
            if x < -m.marker_radius || x > self.axis.width() + m.marker_radius {
                continue;
            }
            let label_w = m.gap + (self.label_width)(i);
            let openness = ev.access.openness();
            match lane_rows.slot(x, label_w, self.axis.width(), m) {
                Some((r, side)) => {
                    let y = lane_rows.take(r, side, x, label_w, m);
                    placed.draw(PlacedEvent { index: i, x, y, openness, label: Some(side), stacked: 0 });
                }
                None => {
                    // No room for the label: the marker goes to the lane's overflow row, and joins
                    // the cluster badge there.
                    let marker = PlacedEvent { index: i, x, y: overflow_y, openness, label: None, stacked: 0 };
                    self.overflow(&mut lane_rows, marker, placed);
                    placed.join_cluster(i, x, overflow_y, m);
                }
            }
        }
    }

    /// Draws `marker` on its lane's overflow row, or stacks it under the last marker there.
    fn overflow(&self, lane_rows: &mut LaneRows, marker: PlacedEvent, placed: &mut Placed) {
        // Past the marker budget, a marker closer than `stack_spacing` to the previous one there
        // is stacked under it instead of drawn: however dense the data, a lane draws at most one
        // marker per `stack_spacing`.
        match lane_rows.last_overflow {
            Some(k) if self.stack && marker.x - placed.events[k].x < self.m.stack_spacing => {
                let under = &mut placed.events[k];
                under.stacked += 1;
                placed.at[marker.index] = Some((under.x, marker.y));
            }
            _ => lane_rows.last_overflow = Some(placed.draw(marker)),
        }
    }
}

impl Placed {
    /// Draws `marker` as a marker of its own, and returns its index in `events`.
    fn draw(&mut self, marker: PlacedEvent) -> usize {
        self.at[marker.index] = Some((marker.x, marker.y));
        self.events.push(marker);
        self.events.len() - 1
    }

    /// Counts event `i` (marker at `x`, row `y`) into the last badge it reaches, or a new one.
    fn join_cluster(&mut self, i: usize, x: f64, y: f64, m: &Metrics) {
        // A marker that reaches the badge joins it, so badges never overlap markers or each other.
        // The badge is measured with the count it keeps if this marker does not join: once a
        // marker starts a new badge, the one before it is final ("+100" is wider than "+99").
        let left = x - m.marker_radius;
        match self.clusters.last_mut() {
            Some(c) if c.y == y && left < c.x1 + m.marker_radius + m.gap + badge_width(c.members.len(), m) + m.gap => {
                c.x1 = c.x1.max(x);
                c.members.push(i);
            }
            _ => self.clusters.push(Cluster { x0: x, x1: x, y, members: vec![i] }),
        }
    }
}

/// The estimated width of the badge "+`n`".
pub fn badge_width(n: usize, m: &Metrics) -> f64 {
    text_width(&format!("+{n}"), m.font_px)
}

impl LaneRows {
    /// The first row with room for a label `label_w` wide beside the marker at `x`, and its side.
    fn slot(&self, x: f64, label_w: f64, width: f64, m: &Metrics) -> Option<(usize, LabelSide)> {
        // Label right of the marker if it fits, else left of it (near the right edge). A gap's
        // margin at the edge, as the width is an estimate and fonts differ.
        let left = x - m.marker_radius;
        let right = x + m.marker_radius + label_w;
        let fits_right = |r: usize| self.row_end[r] + m.gap <= left && right + m.gap <= width;
        let fits_left = |r: usize| self.row_end[r] + m.gap <= left - label_w && left - label_w >= 0.0;
        (0..self.row_end.len()).find_map(|r| {
            if fits_right(r) {
                Some((r, LabelSide::Right))
            } else {
                fits_left(r).then_some((r, LabelSide::Left))
            }
        })
    }

    /// Takes row `r` up to where the label (a left one: its marker) ends; returns the row's centre.
    fn take(&mut self, r: usize, side: LabelSide, x: f64, label_w: f64, m: &Metrics) -> f64 {
        self.row_end[r] = match side {
            LabelSide::Right => x + m.marker_radius + label_w,
            LabelSide::Left => x + m.marker_radius,
        };
        self.rows_top + r as f64 * m.row_height + m.row_height / 2.0
    }
}

/// The lineage edges between the markers where events are drawn (`at`), each edge once.
fn lineage_edges(chronicle: &Chronicle, at: &[Option<(f64, f64)>]) -> Vec<Edge> {
    // Edges run between drawn markers; stacked events lend theirs, and an edge drawn once is not
    // drawn again (so dense data cannot multiply the paths).
    let mut edges = Vec::new();
    let mut drawn = std::collections::HashSet::new();
    for &i in chronicle.chronological() {
        let Some(to) = at[i] else { continue };
        for parent in &chronicle.events()[i].parents {
            let Some(pi) = chronicle.find(&parent.id) else { continue };
            let Some(from) = at[pi] else { continue };
            let key = (from.0.to_bits(), from.1.to_bits(), to.0.to_bits(), to.1.to_bits());
            if from != to && drawn.insert(key) {
                edges.push(Edge { parent: pi, child: i, from, to, evidence: parent.evidence });
            }
        }
    }
    edges
}

/// The narrow (vertical) layout: events inside `window` (fractional years) in date order, grouped
/// by year. `include[i] == false` leaves event `i` out (an empty slice includes everything).
///
/// ```
/// use chronicle_core::{layout::vertical_groups, validate::load_json, SHIPPED_JSON};
/// let c = load_json(SHIPPED_JSON).unwrap();
/// let groups = vertical_groups(&c, (2018.0, 2019.0), &[]);
/// assert!(groups.iter().all(|(year, _)| *year == 2018));
/// ```
pub fn vertical_groups(chronicle: &Chronicle, window: (f64, f64), include: &[bool]) -> Vec<(i32, Vec<usize>)> {
    let mut groups: Vec<(i32, Vec<usize>)> = Vec::new();
    for &i in chronicle.chronological() {
        let date = chronicle.date(i);
        let y = date.fractional_year();
        if y < window.0 || y >= window.1 || include.get(i) == Some(&false) {
            continue;
        }
        match groups.last_mut() {
            Some((year, members)) if *year == date.year => members.push(i),
            _ => groups.push((date.year, vec![i])),
        }
    }
    groups
}

/// Every event, grouped by era for the text list (prerendered HTML, print, screen readers): each
/// event goes to the latest-starting era that contains its date, so overlapping eras don't repeat
/// events. Every era is listed, even one without events (a closing note); events outside every
/// era come last, under `None`. Eras keep file order; events are in date order.
///
/// ```
/// use chronicle_core::{layout::events_by_era, validate::load_json, SHIPPED_JSON};
/// let c = load_json(SHIPPED_JSON).unwrap();
/// let groups = events_by_era(&c);
/// assert_eq!(groups.iter().map(|(_, v)| v.len()).sum::<usize>(), c.events().len());
/// ```
pub fn events_by_era(chronicle: &Chronicle) -> Vec<(Option<usize>, Vec<usize>)> {
    let spans: Vec<Option<(f64, f64)>> = chronicle.data.eras.iter().map(|e| span(&e.start, &e.end)).collect();
    let mut groups: Vec<(Option<usize>, Vec<usize>)> = (0..spans.len()).map(|i| (Some(i), Vec::new())).collect();
    let mut rest = Vec::new();
    for &i in chronicle.chronological() {
        let y = chronicle.date(i).fractional_year();
        let era = spans
            .iter()
            .enumerate()
            .filter_map(|(k, s)| s.filter(|(a, b)| *a <= y && y < *b).map(|(a, _)| (k, a)))
            .max_by(|x, y| x.1.total_cmp(&y.1).then(x.0.cmp(&y.0)))
            .map(|(k, _)| k);
        match era {
            Some(k) => groups[k].1.push(i),
            None => rest.push(i),
        }
    }
    if !rest.is_empty() {
        groups.push((None, rest));
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use crate::validate::validate;
    use proptest::prelude::*;

    fn event(id: &str, date: &str, family: Family) -> Event {
        Event {
            id: id.into(),
            name: Text { zh: id.into(), en: id.into() },
            date: date.into(),
            org: "Org".into(),
            family,
            kind: Kind::Model,
            access: Access::Api,
            license: None,
            params: None,
            summary: Text { zh: "摘要".into(), en: "Summary".into() },
            sources: vec![Source { url: "https://example.org/".into(), title: "t".into() }],
            parents: vec![],
        }
    }

    fn chronicle(events: Vec<Event>) -> Chronicle {
        let d = Dataset { title: Text { zh: "标题".into(), en: "Title".into() }, events, ..Default::default() };
        validate(d).expect("valid test dataset")
    }

    fn overlaps(a: (f64, f64, f64), b: (f64, f64, f64)) -> bool {
        a.2 == b.2 && a.0 < b.1 && b.0 < a.1
    }

    /// The horizontal extent (left, right, row y) of each visible marker plus label.
    fn boxes(c: &Chronicle, l: &TimelineLayout, m: &Metrics) -> Vec<(f64, f64, f64)> {
        l.events
            .iter()
            .filter_map(|p| {
                let w = m.gap + text_width(c.events()[p.index].name.en.as_str(), m.font_px);
                match p.label? {
                    LabelSide::Right => Some((p.x - m.marker_radius, p.x + m.marker_radius + w, p.y)),
                    LabelSide::Left => Some((p.x - m.marker_radius - w, p.x + m.marker_radius, p.y)),
                }
            })
            .collect()
    }

    #[test]
    fn ten_thousand_events_draw_a_bounded_number_of_markers_and_edges() {
        let c = crate::validate::validate(crate::synth::dataset(10_000, 1)).unwrap();
        let (a, b) = c.extent();
        let l =
            layout_timeline(&c, &Axis::new(c.focus_warp().clone(), (a, b), 1200.0), Lang::En, &Metrics::default(), &[]);
        let stacked: usize = l.events.iter().map(|p| p.stacked).sum();
        assert_eq!(l.events.len() + stacked, 10_000, "every event is drawn or stacked");
        assert!(l.events.len() < 1_500, "{} markers drawn", l.events.len());
        assert!(l.edges.len() < 3_000, "{} edges drawn", l.edges.len());
    }

    #[test]
    fn dense_lane_hides_labels_into_a_cluster() {
        let evs: Vec<Event> =
            (1..=9).map(|d| event(&format!("model-{d}"), &format!("2023-01-0{d}"), Family::DecoderOnly)).collect();
        let c = chronicle(evs);
        let m = Metrics::default();
        let l = layout_timeline(&c, &Axis::linear(2022.0, 2024.0, 600.0), Lang::En, &m, &[]);
        let visible = l.events.iter().filter(|p| p.label.is_some()).count();
        assert_eq!(visible, 2, "nine events make two label rows");
        let hidden: usize = l.clusters.iter().map(|c| c.members.len()).sum();
        assert_eq!(visible + hidden, 9);
        assert_eq!(l.lanes.len(), 1);
    }

    #[test]
    fn vertical_groups_are_by_year_in_date_order_inside_the_window() {
        let c = chronicle(vec![
            event("b", "2019-05", Family::Rnn),
            event("a", "2019-01", Family::DecoderOnly),
            event("c", "2021", Family::Rnn),
            event("d", "2010", Family::Rnn),
        ]);
        let g = vertical_groups(&c, (2015.0, 2022.0), &[true, true, true, false]);
        assert_eq!(g, vec![(2019, vec![1, 0]), (2021, vec![2])]);
        assert!(vertical_groups(&c, (2015.0, 2022.0), &[true, true, false, true]).iter().all(|(y, _)| *y == 2019));
    }

    #[test]
    fn excluded_events_are_left_out_with_their_edges() {
        let mut child = event("child", "2020", Family::DecoderOnly);
        child.parents.push(Parent {
            id: "parent".into(),
            relation: Relation::SuccessorOf,
            evidence: Evidence::Documented,
        });
        let c = chronicle(vec![event("parent", "2018", Family::DecoderOnly), child]);
        let l =
            layout_timeline(&c, &Axis::linear(2015.0, 2025.0, 800.0), Lang::En, &Metrics::default(), &[false, true]);
        assert_eq!(l.events.iter().map(|p| p.index).collect::<Vec<_>>(), [1]);
        assert!(l.edges.is_empty());
    }

    #[test]
    fn labels_flip_left_at_the_right_edge() {
        let c = chronicle(vec![event("late-model-with-a-long-name", "2024-11", Family::DecoderOnly)]);
        let l = layout_timeline(&c, &Axis::linear(2000.0, 2025.0, 800.0), Lang::En, &Metrics::default(), &[]);
        assert_eq!(l.events[0].label, Some(LabelSide::Left));
    }

    #[test]
    fn labels_keep_a_gap_from_the_right_edge() {
        // At 16 px per year the marker sits at x = 320; the label fits right only with a gap's
        // margin to spare, as its width is an estimate.
        let m = Metrics::default();
        let c = chronicle(vec![event("late-model", "2020", Family::DecoderOnly)]);
        let end = 320.0 + m.marker_radius + m.gap + text_width(&c.events()[0].name.en, m.font_px);
        let side = |width: f64| {
            let axis = Axis::linear(2000.0, 2000.0 + width / 16.0, width);
            layout_timeline(&c, &axis, Lang::En, &m, &[]).events[0].label
        };
        assert_eq!(side(end + 2.0), Some(LabelSide::Left));
        assert_eq!(side(end + m.gap), Some(LabelSide::Right));
    }

    #[test]
    fn events_outside_the_window_are_not_placed() {
        let c = chronicle(vec![event("a", "1990", Family::Rnn), event("b", "2020", Family::Rnn)]);
        let l = layout_timeline(&c, &Axis::linear(2010.0, 2025.0, 800.0), Lang::En, &Metrics::default(), &[]);
        assert_eq!(l.events.iter().map(|p| p.index).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn lineage_edges_connect_placed_events_with_their_evidence() {
        let mut child = event("child", "2020", Family::DecoderOnly);
        child.parents.push(Parent {
            id: "parent".into(),
            relation: Relation::SuccessorOf,
            evidence: Evidence::Inferred,
        });
        let c = chronicle(vec![event("parent", "2018", Family::DecoderOnly), child]);
        let l = layout_timeline(&c, &Axis::linear(2015.0, 2025.0, 800.0), Lang::En, &Metrics::default(), &[]);
        assert_eq!(l.edges.len(), 1);
        assert_eq!((l.edges[0].parent, l.edges[0].child, l.edges[0].evidence), (0, 1, Evidence::Inferred));
    }

    proptest! {
        #[test]
        fn visible_labels_never_overlap(days in proptest::collection::vec((2015i32..2024, 1u8..=12, 0usize..3), 1..60), width in 300.0f64..1600.0) {
            let fams = [Family::EncoderOnly, Family::DecoderOnly, Family::Rnn];
            let evs: Vec<Event> = days.iter().enumerate().map(|(i, (y, mo, f))| {
                let mut e = event(&format!("e{i}"), &format!("{y}-{mo:02}"), fams[*f]);
                e.name.en = format!("Model number {i}");
                e
            }).collect();
            let c = chronicle(evs);
            let m = Metrics::default();
            let l = layout_timeline(&c, &Axis::linear(2014.0, 2025.0, width), Lang::En, &m, &[]);
            let b = boxes(&c, &l, &m);
            for i in 0..b.len() {
                for j in i + 1..b.len() {
                    prop_assert!(!overlaps(b[i], b[j]), "{:?} overlaps {:?}", b[i], b[j]);
                }
                prop_assert!(b[i].1 <= width && b[i].0 >= -Metrics::default().marker_radius);
            }
            // Every event is labelled, or counted in a cluster; drawn, or stacked under a drawn marker.
            let hidden: usize = l.clusters.iter().map(|c| c.members.len()).sum();
            let stacked: usize = l.events.iter().map(|p| p.stacked).sum();
            prop_assert_eq!(b.len() + hidden, c.events().len());
            prop_assert_eq!(l.events.len() + stacked, c.events().len());
            prop_assert_eq!(stacked, 0, "under the marker budget every event has its own marker");
            // Past the budget, unlabelled markers on one row never overlap: dense stretches stack.
            let m = Metrics { marker_budget: 0, ..m };
            let l = layout_timeline(&c, &Axis::linear(2014.0, 2025.0, width), Lang::En, &m, &[]);
            let stacked: usize = l.events.iter().map(|p| p.stacked).sum();
            prop_assert_eq!(l.events.len() + stacked, c.events().len());
            let mut bare: Vec<(f64, f64)> = l.events.iter().filter(|p| p.label.is_none()).map(|p| (p.y, p.x)).collect();
            bare.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            for w in bare.windows(2) {
                prop_assert!(w[0].0 != w[1].0 || w[1].1 - w[0].1 >= m.stack_spacing, "{:?}", w);
            }
        }
    }
}
