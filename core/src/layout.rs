//! Timeline layout: family lanes, event markers, labels that never overlap, "+N more" clusters,
//! era bands and lineage edges, all in pixels. The widget draws these structs as they are.
//!
//! Label placement is greedy row packing, like TimelineJS's `TimeScale` and Observable Plot's
//! `dodge`: events are taken left to right, and each goes into the first row of its lane whose
//! last label ends before it starts. When no row has room, the label is hidden and the event is
//! counted into a cluster badge that says how many labels are hidden there.

use crate::date::Date;
use crate::i18n::Lang;
use crate::model::{Evidence, Family, Openness};
use crate::scale::TimeScale;
use crate::Chronicle;

/// Geometry constants, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    pub font_px: f64,
    pub row_height: f64,
    pub rows_per_lane: usize,
    pub marker_radius: f64,
    /// Space between a marker and its label, and between neighbouring labels.
    pub gap: f64,
    pub axis_height: f64,
    pub era_height: f64,
    /// Height of the line at the top of each lane that holds its name.
    pub lane_label_height: f64,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            font_px: 13.0,
            row_height: 22.0,
            rows_per_lane: 3,
            marker_radius: 6.0,
            gap: 6.0,
            axis_height: 26.0,
            era_height: 22.0,
            lane_label_height: 18.0,
        }
    }
}

/// Estimated rendered width of `s` at `font_px`: full-width (CJK) characters count 1 em, others
/// about 0.6 em. The estimate errs wide so estimated labels never overlap real ones.
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

/// An era band across the top.
#[derive(Clone, Debug, PartialEq)]
pub struct EraBand {
    pub index: usize,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
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

/// Lays out every event of `chronicle` that is inside the scale's window.
///
/// Lanes appear only for families that have events, in [`Family::ALL`] order. Overlapping eras
/// stack in as many rows as they need.
pub fn layout_timeline(
    chronicle: &Chronicle,
    scale: &TimeScale,
    lang: Lang,
    m: &Metrics,
) -> TimelineLayout {
    // Era bands, greedily packed into rows so overlapping eras stay readable.
    let mut era_rows: Vec<f64> = Vec::new();
    let mut eras = Vec::new();
    for (i, era) in chronicle.data.eras.iter().enumerate() {
        let (Ok(s), Ok(e)) = (Date::parse(&era.start), Date::parse(&era.end)) else {
            continue;
        };
        let x0 = scale.x(s.fractional_year()).max(0.0);
        let x1 = scale
            .x(e.fractional_year() + if e.month.is_none() { 1.0 } else { 0.0 })
            .min(scale.width);
        if x1 <= 0.0 || x0 >= scale.width {
            continue;
        }
        let row = era_rows
            .iter()
            .position(|&end| end <= x0)
            .unwrap_or(era_rows.len());
        if row == era_rows.len() {
            era_rows.push(x1);
        } else {
            era_rows[row] = x1;
        }
        eras.push(EraBand {
            index: i,
            x0,
            x1,
            y: m.axis_height + row as f64 * m.era_height,
        });
    }
    let top = m.axis_height + era_rows.len() as f64 * m.era_height + m.gap;

    let lane_height = m.lane_label_height + m.rows_per_lane as f64 * m.row_height + m.row_height;
    let families: Vec<Family> = Family::ALL
        .into_iter()
        .filter(|f| chronicle.events().iter().any(|e| e.family == *f))
        .collect();
    let lanes: Vec<Lane> = families
        .iter()
        .enumerate()
        .map(|(i, &family)| Lane {
            family,
            y: top + i as f64 * lane_height,
            height: lane_height,
        })
        .collect();

    let mut events = Vec::new();
    let mut clusters: Vec<Cluster> = Vec::new();
    for lane in &lanes {
        let mut row_end = vec![f64::NEG_INFINITY; m.rows_per_lane];
        let rows_top = lane.y + m.lane_label_height;
        let overflow_y = rows_top + m.rows_per_lane as f64 * m.row_height + m.row_height / 2.0;
        for &i in chronicle.chronological() {
            let ev = &chronicle.events()[i];
            if ev.family != lane.family {
                continue;
            }
            let x = scale.x(chronicle.date(i).fractional_year());
            if x < -m.marker_radius || x > scale.width + m.marker_radius {
                continue;
            }
            let left = x - m.marker_radius;
            let label_w = m.gap + text_width(ev.name.get(lang), m.font_px);
            let right = x + m.marker_radius + label_w;
            let row_y = |r: usize| rows_top + r as f64 * m.row_height + m.row_height / 2.0;
            let openness = ev.access.openness();
            // Label right of the marker if it fits, else left of it (near the right edge).
            let fits_right = |r: usize| row_end[r] + m.gap <= left && right <= scale.width;
            let fits_left =
                |r: usize| row_end[r] + m.gap <= left - label_w && left - label_w >= 0.0;
            let slot = (0..m.rows_per_lane).find_map(|r| {
                if fits_right(r) {
                    Some((r, LabelSide::Right))
                } else {
                    fits_left(r).then_some((r, LabelSide::Left))
                }
            });
            if let Some((r, side)) = slot {
                row_end[r] = if side == LabelSide::Right {
                    right
                } else {
                    x + m.marker_radius
                };
                events.push(PlacedEvent {
                    index: i,
                    x,
                    y: row_y(r),
                    openness,
                    label: Some(side),
                });
                continue;
            }
            // No room for the label: the marker goes to the lane's overflow row, and joins the
            // cluster badge there if it reaches it, so badges never overlap either.
            events.push(PlacedEvent {
                index: i,
                x,
                y: overflow_y,
                openness,
                label: None,
            });
            let badge_w = text_width("+00", m.font_px);
            match clusters.last_mut() {
                Some(c)
                    if c.y == overflow_y
                        && left < c.x1 + m.marker_radius + m.gap + badge_w + m.gap =>
                {
                    c.x1 = c.x1.max(x);
                    c.members.push(i);
                }
                _ => clusters.push(Cluster {
                    x0: x,
                    x1: x,
                    y: overflow_y,
                    members: vec![i],
                }),
            }
        }
    }

    let pos = |i: usize| events.iter().find(|p| p.index == i).map(|p| (p.x, p.y));
    let mut edges = Vec::new();
    for p in &events {
        for parent in &chronicle.events()[p.index].parents {
            let Some(pi) = chronicle.find(&parent.id) else {
                continue;
            };
            if let Some(from) = pos(pi) {
                edges.push(Edge {
                    parent: pi,
                    child: p.index,
                    from,
                    to: (p.x, p.y),
                    evidence: parent.evidence,
                });
            }
        }
    }

    let height = lanes.last().map_or(top, |l| l.y + l.height) + m.gap;
    TimelineLayout {
        width: scale.width,
        height,
        eras,
        lanes,
        events,
        clusters,
        edges,
    }
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
            name: Text {
                zh: id.into(),
                en: id.into(),
            },
            date: date.into(),
            org: "Org".into(),
            family,
            kind: Kind::Model,
            access: Access::Api,
            license: None,
            params: None,
            summary: Text {
                zh: "摘要".into(),
                en: "Summary".into(),
            },
            sources: vec![Source {
                url: "https://example.org/".into(),
                title: "t".into(),
            }],
            parents: vec![],
        }
    }

    fn chronicle(events: Vec<Event>) -> Chronicle {
        let d = Dataset {
            title: Text {
                zh: "标题".into(),
                en: "Title".into(),
            },
            events,
            ..Default::default()
        };
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
                    LabelSide::Right => {
                        Some((p.x - m.marker_radius, p.x + m.marker_radius + w, p.y))
                    }
                    LabelSide::Left => {
                        Some((p.x - m.marker_radius - w, p.x + m.marker_radius, p.y))
                    }
                }
            })
            .collect()
    }

    #[test]
    fn dense_lane_hides_labels_into_a_cluster() {
        let evs: Vec<Event> = (1..=9)
            .map(|d| {
                event(
                    &format!("model-{d}"),
                    &format!("2023-01-0{d}"),
                    Family::DecoderOnly,
                )
            })
            .collect();
        let c = chronicle(evs);
        let m = Metrics::default();
        let l = layout_timeline(&c, &TimeScale::new(2022.0, 2024.0, 600.0), Lang::En, &m);
        let visible = l.events.iter().filter(|p| p.label.is_some()).count();
        assert_eq!(visible, m.rows_per_lane);
        let hidden: usize = l.clusters.iter().map(|c| c.members.len()).sum();
        assert_eq!(visible + hidden, 9);
        assert_eq!(l.lanes.len(), 1);
    }

    #[test]
    fn labels_flip_left_at_the_right_edge() {
        let c = chronicle(vec![event(
            "late-model-with-a-long-name",
            "2024-11",
            Family::DecoderOnly,
        )]);
        let l = layout_timeline(
            &c,
            &TimeScale::new(2000.0, 2025.0, 800.0),
            Lang::En,
            &Metrics::default(),
        );
        assert_eq!(l.events[0].label, Some(LabelSide::Left));
    }

    #[test]
    fn events_outside_the_window_are_not_placed() {
        let c = chronicle(vec![
            event("a", "1990", Family::Rnn),
            event("b", "2020", Family::Rnn),
        ]);
        let l = layout_timeline(
            &c,
            &TimeScale::new(2010.0, 2025.0, 800.0),
            Lang::En,
            &Metrics::default(),
        );
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
        let l = layout_timeline(
            &c,
            &TimeScale::new(2015.0, 2025.0, 800.0),
            Lang::En,
            &Metrics::default(),
        );
        assert_eq!(l.edges.len(), 1);
        assert_eq!(
            (l.edges[0].parent, l.edges[0].child, l.edges[0].evidence),
            (0, 1, Evidence::Inferred)
        );
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
            let l = layout_timeline(&c, &TimeScale::new(2014.0, 2025.0, width), Lang::En, &m);
            let b = boxes(&c, &l, &m);
            for i in 0..b.len() {
                for j in i + 1..b.len() {
                    prop_assert!(!overlaps(b[i], b[j]), "{:?} overlaps {:?}", b[i], b[j]);
                }
                prop_assert!(b[i].1 <= width && b[i].0 >= -Metrics::default().marker_radius);
            }
            let hidden: usize = l.clusters.iter().map(|c| c.members.len()).sum();
            prop_assert_eq!(b.len() + hidden, l.events.len());
        }
    }
}
