//! The open-versus-closed trend as a scene: the article's question ("are open models catching
//! up?") answered from the dataset itself, in two panels over one axis of years.
//!
//! - Releases: per year, how many of the timeline's models had open weights and how many did not
//!   (two bars a year: filled for open, outlined for closed, as the timeline's markers are).
//! - Openness: each model of the matrix as a dot at its release date, at its openness score (the
//!   table's score, with the reader's weights and hidden groups), with the best open and the best
//!   closed score so far as step lines (solid and dashed).
//!
//! The shared filters narrow both panels; the axis stays put, so filtering never moves the years.
//! Behind the picture, two tables say the same in text (for screen readers, readers without
//! JavaScript, and anyone who wants the figures), and a sentence says what the picture shows.

use std::collections::{BTreeMap, BTreeSet};

use crate::filter::Filter;
use crate::i18n::{trend_ui, Lang};
use crate::matrix::{score, score_text};
use crate::model::{CriterionGroup, Kind, Openness};
use crate::state::Choices;
use crate::Chronicle;

/// The width the chart is laid out for before the widget has measured its frame (the prerendered
/// page and the tests).
pub const DEFAULT_WIDTH: f64 = 720.0;
/// Narrower than this, the chart is laid out at this width and its frame scrolls sideways.
pub const MIN_WIDTH: f64 = 320.0;

const LEFT: f64 = 36.0;
const RIGHT: f64 = 12.0;
/// Room above each panel for its title.
const TITLE: f64 = 26.0;
/// Room under each panel for the year labels.
const AXIS: f64 = 22.0;
const COUNTS_H: f64 = 140.0;
const SCORES_H: f64 = 170.0;
/// Space between the panels.
const GAP: f64 = 14.0;
/// Font size of tick labels, and the room a year label needs.
pub const FONT_PX: f64 = 11.0;
const YEAR_LABEL_PX: f64 = 34.0;
pub const DOT_R: f64 = 4.5;

/// The reader's choices the chart depends on.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendChoices {
    pub lang: Lang,
    pub filter: Filter,
    pub weights: BTreeMap<String, f64>,
    pub hidden_groups: BTreeSet<CriterionGroup>,
    pub selected: Option<String>,
}

impl TrendChoices {
    pub fn of(c: &Choices) -> Self {
        TrendChoices {
            lang: c.lang,
            filter: c.filter.clone(),
            weights: c.weights.clone(),
            hidden_groups: c.hidden_groups.clone(),
            selected: c.selected.clone(),
        }
    }
}

/// The chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    pub heading: &'static str,
    /// What the chart shows, in words: the first and last year's releases, and the best scores.
    pub summary: String,
    /// "Filtered: …" when the shared filters narrow it.
    pub filtered: Option<String>,
    pub width: f64,
    pub height: f64,
    pub counts: Panel,
    /// The scores panel, when the dataset has a matrix.
    pub scores: Option<Panel>,
    pub bars: Vec<Bar>,
    pub dots: Vec<Dot>,
    /// The best open and the best closed score so far, as SVG path data (empty without dots).
    pub best_open: Line,
    pub best_closed: Line,
    pub years: Vec<YearRow>,
    pub models: Vec<ModelRow>,
}

/// One panel: its box, title, and ticks on both axes.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    pub title: &'static str,
    pub top: f64,
    pub height: f64,
    /// The plot's left and right edges.
    pub left: f64,
    pub right: f64,
    /// (y, label) of each horizontal grid line.
    pub y_ticks: Vec<(f64, String)>,
    /// (x, label) of each year label under the panel.
    pub x_ticks: Vec<(f64, String)>,
}

/// A year's bar, open or closed.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub open: bool,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub count: usize,
    /// The count written above the bar, when the bar is wide enough for it.
    pub label: Option<String>,
    /// "2024: 12 open-weight" (a tooltip).
    pub title: String,
}

/// A matrix model at its release date and score.
#[derive(Clone, Debug, PartialEq)]
pub struct Dot {
    pub model: String,
    pub open: bool,
    pub cx: f64,
    pub cy: f64,
    pub selected: bool,
    /// "Llama 2 · 2023-07-18 · open weights · 58" (a tooltip).
    pub title: String,
}

/// A step line and the words at its end.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub d: String,
    pub label: &'static str,
    /// Where the label goes (its end: right-aligned there).
    pub label_at: Option<(f64, f64)>,
}

/// A row of the releases table.
#[derive(Clone, Debug, PartialEq)]
pub struct YearRow {
    /// "2026" or "2026 (to 30 November)".
    pub year: String,
    pub open: usize,
    pub closed: usize,
    /// "67%", or "–" without releases.
    pub share: String,
}

/// A row of the models table.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelRow {
    pub model: String,
    pub name: String,
    pub date: String,
    /// "open weights" / "closed (API access)" in words.
    pub weights: &'static str,
    pub score: String,
    pub selected: bool,
}

/// What a click on the chart or its tables asks for: the `data-select` code of a dot or a row's
/// button is the model's id.
pub const SELECT_ATTR: &str = "data-select";

/// The years the chart spans: from the first matrix model's year (the open-versus-closed debate
/// starts with the models the matrix scores; without a matrix, the first model on the timeline) to
/// the dataset's `as_of` year (or its last event's). Taken from the whole dataset, not the filtered
/// part, so filtering never moves the axis. `None` without models.
pub fn years(c: &Chronicle) -> Option<(i32, i32)> {
    let models = || c.events().iter().enumerate().filter(|(_, e)| e.kind == Kind::Model);
    let matrix_first = c.data.openness.iter().filter_map(|row| c.find(&row.model)).map(|i| c.date(i).year).min();
    let first = matrix_first.or_else(|| models().map(|(i, _)| c.date(i).year).min())?;
    let as_of = c.data.as_of.as_deref().and_then(|d| crate::date::Date::parse(d).ok()).map(|d| d.year);
    let last = as_of.or_else(|| models().map(|(i, _)| c.date(i).year).max())?;
    (first <= last).then_some((first, last))
}

/// The chart laid out at `width` px, or `None` when the dataset has no model to count.
pub fn trend(c: &Chronicle, k: &TrendChoices, width: f64) -> Option<Trend> {
    let (first, last) = years(c)?;
    let t = trend_ui(k.lang);
    let width = width.max(MIN_WIDTH);
    let span = f64::from(last - first + 1);
    let plot_w = width - LEFT - RIGHT;
    let x_of = |year: f64| LEFT + (year - f64::from(first)) / span * plot_w;
    let slot = plot_w / span;
    let mask = k.filter.mask(c);

    // Releases per year, by openness; papers, products and milestones are not releases of weights.
    let n_years = (last - first + 1) as usize;
    let mut open = vec![0usize; n_years];
    let mut closed = vec![0usize; n_years];
    for (i, e) in c.events().iter().enumerate() {
        let year = c.date(i).year;
        if e.kind != Kind::Model || !mask[i] || year < first || year > last {
            continue;
        }
        match e.access.openness() {
            Openness::Open => open[(year - first) as usize] += 1,
            Openness::Closed => closed[(year - first) as usize] += 1,
            Openness::NotApplicable => {}
        }
    }

    let counts_top = TITLE;
    let scores_top = counts_top + COUNTS_H + AXIS + GAP + TITLE;
    let has_scores = !c.data.openness.is_empty();
    let height = if has_scores { scores_top + SCORES_H + AXIS } else { counts_top + COUNTS_H + AXIS };
    let x_ticks = year_ticks(first, last, slot, &x_of);

    let max = open.iter().chain(&closed).copied().max().unwrap_or(0);
    let (step, top) = nice_scale(max);
    let y_count = |n: f64| counts_top + COUNTS_H - n / top * COUNTS_H;
    let count_ticks =
        (0..).map(|k| k as f64 * step).take_while(|v| *v <= top + 1e-9).map(|v| (y_count(v), format!("{v}"))).collect();
    let bar_w = (slot * 0.36).clamp(2.0, 28.0);
    let mut bars = Vec::new();
    for y in 0..n_years {
        let year = first + y as i32;
        let centre = x_of(f64::from(year) + 0.5);
        for (is_open, n, x) in [(true, open[y], centre - bar_w - 1.0), (false, closed[y], centre + 1.0)] {
            let h = n as f64 / top * COUNTS_H;
            let words = if is_open { t.open_weights } else { t.closed };
            bars.push(Bar {
                open: is_open,
                x,
                y: counts_top + COUNTS_H - h,
                w: bar_w,
                h,
                count: n,
                label: (n > 0 && bar_w >= 9.0).then(|| n.to_string()),
                title: format!("{year}{} {n} {words}", t.colon),
            });
        }
    }

    // Openness scores: the table's rule, over the criteria shown.
    let criteria = &c.data.criteria;
    let weights: Vec<f64> = criteria
        .iter()
        .map(|crit| {
            let shown = !k.hidden_groups.contains(&crit.group);
            if shown {
                k.weights.get(&crit.id).copied().unwrap_or(1.0)
            } else {
                0.0
            }
        })
        .collect();
    let y_score = |s: f64| scores_top + SCORES_H - s / 100.0 * SCORES_H;
    let score_ticks = [0.0, 25.0, 50.0, 75.0, 100.0].iter().map(|v| (y_score(*v), format!("{v}"))).collect();
    let mut scored: Vec<(f64, usize, bool, f64)> = c
        .data
        .openness
        .iter()
        .filter_map(|row| {
            let i = c.find(&row.model)?;
            let open = match c.events()[i].access.openness() {
                Openness::Open => true,
                Openness::Closed => false,
                Openness::NotApplicable => return None,
            };
            mask[i].then(|| (c.date(i).fractional_year(), i, open, score(row, criteria, &weights)))
        })
        .collect();
    crate::sort::sort_by(&mut scored, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let date_x = |at: f64| x_of(at.clamp(f64::from(first), f64::from(last + 1)));
    let dots: Vec<Dot> = scored
        .iter()
        .map(|&(at, i, open, s)| {
            let e = &c.events()[i];
            let name = e.name.get(k.lang);
            Dot {
                model: e.id.clone(),
                open,
                cx: date_x(at),
                cy: y_score(s),
                selected: k.selected.as_deref() == Some(e.id.as_str()),
                title: format!(
                    "{name} · {} · {} · {}",
                    e.date,
                    if open { t.open_weights } else { t.closed },
                    score_text(s)
                ),
            }
        })
        .collect();
    let end_x = x_of(f64::from(last + 1));
    let best_line = |side: bool, label| {
        let points: Vec<(f64, f64)> =
            scored.iter().filter(|s| s.2 == side).map(|&(at, _, _, s)| (date_x(at), s)).collect();
        step_line(&points, end_x, &y_score, label)
    };
    let best_open = best_line(true, t.best_open);
    let best_closed = best_line(false, t.best_closed);

    let years = (0..n_years)
        .map(|y| {
            let year = first + y as i32;
            let total = open[y] + closed[y];
            YearRow {
                year: year_text(year, last, c.data.as_of.as_deref(), k.lang),
                open: open[y],
                closed: closed[y],
                share: (open[y] * 100 + total / 2).checked_div(total).map_or("–".into(), |p| format!("{p}%")),
            }
        })
        .collect::<Vec<_>>();
    let models = scored
        .iter()
        .rev()
        .map(|&(_, i, open, s)| {
            let e = &c.events()[i];
            ModelRow {
                model: e.id.clone(),
                name: e.name.get(k.lang).to_owned(),
                date: e.date.clone(),
                weights: if open { t.open_weights } else { t.closed },
                score: score_text(s),
                selected: k.selected.as_deref() == Some(e.id.as_str()),
            }
        })
        .collect();
    let summary = summary(&years, &scored, c, k.lang);
    let shown = mask.iter().filter(|m| **m).count();
    let filtered = k.filter.is_active().then(|| (t.filtered)(shown, mask.len()));

    Some(Trend {
        heading: t.heading,
        summary,
        filtered,
        width,
        height,
        counts: Panel {
            title: t.releases,
            top: counts_top,
            height: COUNTS_H,
            left: LEFT,
            right: width - RIGHT,
            y_ticks: count_ticks,
            x_ticks: x_ticks.clone(),
        },
        scores: has_scores.then_some(Panel {
            title: t.scores,
            top: scores_top,
            height: SCORES_H,
            left: LEFT,
            right: width - RIGHT,
            y_ticks: score_ticks,
            x_ticks,
        }),
        bars,
        dots,
        best_open,
        best_closed,
        years,
        models,
    })
}

/// Year labels that fit: every year when there is room, else every second, fifth or tenth, centred
/// in each year's slot.
fn year_ticks(first: i32, last: i32, slot: f64, x_of: &dyn Fn(f64) -> f64) -> Vec<(f64, String)> {
    let every = [1, 2, 5, 10].into_iter().find(|n| slot * f64::from(*n) >= YEAR_LABEL_PX).unwrap_or(20);
    (first..=last).filter(|y| y % every == 0 || every == 1).map(|y| (x_of(f64::from(y) + 0.5), y.to_string())).collect()
}

/// A step for the count axis (1, 2, 5, 10, …) and the axis top, a multiple of it at or above
/// `max` (at least one step, so an empty chart still has an axis).
fn nice_scale(max: usize) -> (f64, f64) {
    let max = max.max(1) as f64;
    let mut step = 1.0;
    loop {
        for m in [1.0, 2.0, 5.0] {
            let s = step * m;
            if max / s <= 5.0 {
                return (s, (max / s).ceil() * s);
            }
        }
        step *= 10.0;
    }
}

/// The running maximum of `points` (x, score) as a step line to `end_x`, with its label's place
/// at the end. Empty without points.
fn step_line(points: &[(f64, f64)], end_x: f64, y_of: &dyn Fn(f64) -> f64, label: &'static str) -> Line {
    let mut d = String::new();
    let mut best: Option<f64> = None;
    for &(x, s) in points {
        match best {
            None => d += &format!("M{x:.1} {:.1}", y_of(s)),
            Some(b) if s > b => d += &format!(" H{x:.1} V{:.1}", y_of(s)),
            Some(_) => continue,
        }
        best = Some(s);
    }
    let label_at = best.map(|b| {
        d += &format!(" H{end_x:.1}");
        (end_x, y_of(b))
    });
    Line { d, label, label_at }
}

/// "2026" or, for a year the data covers only in part, "2026 (to 30 November)".
fn year_text(year: i32, last: i32, as_of: Option<&str>, lang: Lang) -> String {
    let partial = as_of
        .and_then(|d| crate::date::Date::parse(d).ok())
        .filter(|d| d.year == last && year == last && (d.month, d.day) != (Some(12), Some(31)));
    match (partial, lang) {
        (Some(crate::date::Date { month: Some(m), day: Some(d), .. }), Lang::Zh) => {
            format!("{year}（至 {m} 月 {d} 日）")
        }
        (Some(crate::date::Date { month: Some(m), day: Some(d), .. }), Lang::En) => {
            format!("{year} (to {d} {})", crate::i18n::month_name(m))
        }
        _ => year.to_string(),
    }
}

/// The chart in words: releases in the first and the last year with any, and the best open and
/// the best closed score with the models that hold them.
fn summary(years: &[YearRow], scored: &[(f64, usize, bool, f64)], c: &Chronicle, lang: Lang) -> String {
    let t = trend_ui(lang);
    let with = |r: &&YearRow| r.open + r.closed > 0;
    let mut out = match (years.iter().find(with), years.iter().rev().find(with)) {
        (Some(a), Some(b)) if a.year != b.year => {
            (t.releases_said)((&a.year, a.open, a.open + a.closed), (&b.year, b.open, b.open + b.closed))
        }
        _ => String::new(),
    };
    let best = |side: bool| {
        scored
            .iter()
            .filter(|s| s.2 == side)
            .max_by(|a, b| a.3.total_cmp(&b.3).then(b.0.total_cmp(&a.0)))
            .map(|&(_, i, _, s)| (c.events()[i].name.get(lang).to_owned(), score_text(s)))
    };
    if let (Some(o), Some(cl)) = (best(true), best(false)) {
        // Chinese sentences follow one another without a space.
        if !out.is_empty() && lang == Lang::En {
            out.push(' ');
        }
        out += &(t.best_said)((&o.0, &o.1), (&cl.0, &cl.1));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::load_json;

    fn shipped() -> Chronicle {
        load_json(crate::SHIPPED_JSON).unwrap()
    }

    fn choices(lang: Lang) -> TrendChoices {
        TrendChoices {
            lang,
            filter: Filter::default(),
            weights: BTreeMap::new(),
            hidden_groups: BTreeSet::new(),
            selected: None,
        }
    }

    #[test]
    fn bars_count_the_models_of_each_year_by_openness() {
        let c = shipped();
        let t = trend(&c, &choices(Lang::En), DEFAULT_WIDTH).unwrap();
        let (first, last) = years(&c).unwrap();
        assert_eq!(t.years.len(), (last - first + 1) as usize);
        for (y, row) in t.years.iter().enumerate() {
            let year = first + y as i32;
            let count = |side| {
                c.events()
                    .iter()
                    .enumerate()
                    .filter(|(i, e)| e.kind == Kind::Model && c.date(*i).year == year && e.access.openness() == side)
                    .count()
            };
            assert_eq!((row.open, row.closed), (count(Openness::Open), count(Openness::Closed)), "{year}");
            assert_eq!(t.bars[2 * y].count, row.open);
            assert_eq!(t.bars[2 * y + 1].count, row.closed);
        }
        // Bars stand on the panel's baseline and stay inside it.
        let base = t.counts.top + t.counts.height;
        for b in &t.bars {
            assert!((b.y + b.h - base).abs() < 1e-9 && b.y >= t.counts.top - 1e-9, "{b:?}");
            assert!(b.x >= LEFT - 1e-9 && b.x + b.w <= t.width - RIGHT + 1e-9, "{b:?}");
        }
    }

    #[test]
    fn the_axis_runs_from_the_first_matrix_model_to_the_as_of_year() {
        let c = shipped();
        let (first, last) = years(&c).unwrap();
        let first_matrix = c.data.openness.iter().map(|r| c.date(c.find(&r.model).unwrap()).year).min().unwrap();
        assert_eq!(first, first_matrix);
        assert_eq!(last, 2026);
        let t = trend(&c, &choices(Lang::En), DEFAULT_WIDTH).unwrap();
        assert_eq!(t.years.last().unwrap().year, "2026 (to 30 November)");
        let t = trend(&c, &choices(Lang::Zh), DEFAULT_WIDTH).unwrap();
        assert_eq!(t.years.last().unwrap().year, "2026（至 11 月 30 日）");
    }

    #[test]
    fn every_matrix_model_is_a_dot_at_its_score_in_the_table() {
        let c = shipped();
        let t = trend(&c, &choices(Lang::En), DEFAULT_WIDTH).unwrap();
        let with_side = c
            .data
            .openness
            .iter()
            .filter(|r| c.events()[c.find(&r.model).unwrap()].access.openness() != Openness::NotApplicable)
            .count();
        assert_eq!(t.dots.len(), with_side);
        assert_eq!(t.models.len(), with_side);
        for dot in &t.dots {
            let row = c.data.openness.iter().find(|r| r.model == dot.model).unwrap();
            let s = score(row, &c.data.criteria, &[]);
            let p = t.scores.as_ref().unwrap();
            let expect = p.top + p.height - s / 100.0 * p.height;
            assert!((dot.cy - expect).abs() < 1e-9, "{}", dot.model);
            assert!(dot.cx >= LEFT && dot.cx <= t.width - RIGHT, "{}", dot.model);
            let open = c.events()[c.find(&dot.model).unwrap()].access.openness() == Openness::Open;
            assert_eq!(dot.open, open);
        }
        // Newest first in the table, each with its score as the table writes it.
        let dates: Vec<&str> = t.models.iter().map(|m| m.date.as_str()).collect();
        let mut sorted = dates.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(dates, sorted);
    }

    #[test]
    fn the_best_lines_never_go_down_and_end_at_the_best_score() {
        let c = shipped();
        let t = trend(&c, &choices(Lang::En), DEFAULT_WIDTH).unwrap();
        for (line, open) in [(&t.best_open, true), (&t.best_closed, false)] {
            // Every vertical step goes up the chart (a smaller y).
            let mut last_y = f64::INFINITY;
            for part in line.d.split(' ').filter(|p| p.starts_with('V') || p.starts_with('M')) {
                let y: f64 = part.rsplit(['V', ' ']).next().unwrap().parse().unwrap_or(last_y);
                assert!(y <= last_y + 1e-9, "{}", line.d);
                last_y = y;
            }
            let best = t.dots.iter().filter(|d| d.open == open).map(|d| d.cy).fold(f64::INFINITY, f64::min);
            assert!((line.label_at.unwrap().1 - best).abs() < 1e-9);
        }
    }

    #[test]
    fn filters_narrow_the_chart_but_not_its_axis() {
        let c = shipped();
        let all = trend(&c, &choices(Lang::En), DEFAULT_WIDTH).unwrap();
        let mut k = choices(Lang::En);
        k.filter.org = Some("Meta AI".into());
        let meta = trend(&c, &k, DEFAULT_WIDTH).unwrap();
        assert_eq!(meta.years.len(), all.years.len());
        assert_eq!(meta.counts.x_ticks, all.counts.x_ticks);
        assert!(meta.dots.len() < all.dots.len() && !meta.dots.is_empty());
        for d in &meta.dots {
            assert_eq!(c.events()[c.find(&d.model).unwrap()].org, "Meta AI");
        }
        assert!(meta.filtered.is_some() && all.filtered.is_none());
        let total = |t: &Trend| t.years.iter().map(|r| r.open + r.closed).sum::<usize>();
        assert!(total(&meta) < total(&all));
    }

    #[test]
    fn hiding_a_group_scores_as_the_table_does() {
        let c = shipped();
        let mut k = choices(Lang::En);
        k.hidden_groups.insert(CriterionGroup::ALL[0]);
        let t = trend(&c, &k, DEFAULT_WIDTH).unwrap();
        let table = crate::scene::openness::table(
            &c,
            &crate::scene::openness::TableChoices {
                lang: Lang::En,
                sort: crate::matrix::SortKey::Score,
                descending: true,
                weights: BTreeMap::new(),
                hidden_groups: k.hidden_groups.clone(),
                filter: Filter::default(),
                story: None,
            },
        )
        .unwrap();
        for m in &t.models {
            let row = table.rows.iter().find(|r| r.model == m.model).unwrap();
            assert_eq!(m.score, row.score, "{}", m.model);
        }
    }

    #[test]
    fn the_selected_model_is_marked_in_the_dots_and_the_table() {
        let c = shipped();
        let mut k = choices(Lang::En);
        let id = c.data.openness[0].model.clone();
        k.selected = Some(id.clone());
        let t = trend(&c, &k, DEFAULT_WIDTH).unwrap();
        assert_eq!(t.dots.iter().filter(|d| d.selected).map(|d| d.model.as_str()).collect::<Vec<_>>(), [id.as_str()]);
        assert_eq!(t.models.iter().filter(|m| m.selected).count(), 1);
    }

    #[test]
    fn year_labels_never_crowd_and_the_chart_keeps_a_minimum_width() {
        let c = shipped();
        for width in [200.0, 375.0, 720.0, 1280.0] {
            let t = trend(&c, &choices(Lang::En), width).unwrap();
            assert_eq!(t.width, width.max(MIN_WIDTH));
            for pair in t.counts.x_ticks.windows(2) {
                assert!(pair[1].0 - pair[0].0 >= YEAR_LABEL_PX - 1e-9, "{width}: {pair:?}");
            }
        }
    }

    #[test]
    fn the_summary_says_it_in_both_languages() {
        let c = shipped();
        let en = trend(&c, &choices(Lang::En), DEFAULT_WIDTH).unwrap();
        let zh = trend(&c, &choices(Lang::Zh), DEFAULT_WIDTH).unwrap();
        assert!(en.summary.contains("2026 (to 30 November)") && en.summary.contains("open weights"), "{}", en.summary);
        assert!(zh.summary.contains("开放权重") && zh.summary.contains("2026"), "{}", zh.summary);
        assert!(!zh.summary.contains("open") && !zh.summary.contains("。 "), "{}", zh.summary);
    }

    #[test]
    fn without_a_matrix_the_chart_is_the_releases_alone() {
        let c = crate::validate::load_any(include_str!("../../../data/templates/events.csv")).unwrap();
        let t = trend(&c, &choices(Lang::En), DEFAULT_WIDTH).unwrap();
        assert!(t.scores.is_none() && t.dots.is_empty());
        assert_eq!(t.height, t.counts.top + t.counts.height + AXIS);
        assert_eq!((t.years.len(), t.bars.iter().map(|b| b.count).sum::<usize>()), (2, 2));
    }

    #[test]
    fn nice_scales_cover_the_maximum() {
        assert_eq!(nice_scale(0), (1.0, 1.0));
        assert_eq!(nice_scale(4), (1.0, 4.0));
        assert_eq!(nice_scale(7), (2.0, 8.0));
        assert_eq!(nice_scale(23), (5.0, 25.0));
        assert_eq!(nice_scale(48), (10.0, 50.0));
    }
}
