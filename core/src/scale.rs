//! The time scale, in two steps: a [`Warp`] maps fractional years to "u" units (identity for an
//! even time axis, or stretched where events are dense), and a linear [`TimeScale`] maps u to
//! pixels. [`Axis`] combines them and makes ticks that adapt to the zoom level, decades → years →
//! months, even where the warp changes the local density.

use crate::date::Date;
use crate::i18n::Lang;

/// A linear map from a window of fractional years onto `0..width` pixels.
///
/// ```
/// use chronicle_core::scale::TimeScale;
/// // 1950..2030 on 800 px: ten pixels per year.
/// let s = TimeScale::new(1950.0, 2030.0, 800.0);
/// assert_eq!(s.x(2017.5), 675.0);
/// assert_eq!(s.year_at(675.0), 2017.5);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeScale {
    pub start: f64,
    pub end: f64,
    pub width: f64,
}

/// The narrowest window the reader can zoom to: one month.
pub const MIN_SPAN_YEARS: f64 = 1.0 / 12.0;

impl TimeScale {
    /// A scale showing `start..end` on `width` pixels. A zero or negative span or width is widened
    /// to something drawable.
    pub fn new(start: f64, end: f64, width: f64) -> Self {
        let end = if end - start < MIN_SPAN_YEARS { start + MIN_SPAN_YEARS } else { end };
        TimeScale { start, end, width: width.max(1.0) }
    }

    /// Years shown.
    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Pixels per year.
    pub fn px_per_year(&self) -> f64 {
        self.width / self.span()
    }

    /// The pixel position of a fractional year.
    pub fn x(&self, year: f64) -> f64 {
        (year - self.start) * self.px_per_year()
    }

    /// The fractional year at a pixel position.
    pub fn year_at(&self, x: f64) -> f64 {
        self.start + x / self.px_per_year()
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the year under pixel `anchor` where it is, then
    /// keeps the window inside `bounds` and no narrower than a month.
    ///
    /// ```
    /// use chronicle_core::scale::TimeScale;
    /// let s = TimeScale::new(1950.0, 2030.0, 800.0).zoom(2.0, 400.0, (1950.0, 2030.0));
    /// assert_eq!((s.start, s.end), (1970.0, 2010.0));
    /// ```
    pub fn zoom(&self, factor: f64, anchor: f64, bounds: (f64, f64)) -> Self {
        let factor = if factor.is_finite() && factor > 0.0 { factor } else { 1.0 };
        let pivot = self.year_at(anchor.clamp(0.0, self.width));
        let max_span = bounds.1 - bounds.0;
        let span = (self.span() / factor).clamp(MIN_SPAN_YEARS.min(max_span), max_span);
        let ratio = (pivot - self.start) / self.span();
        let start = pivot - ratio * span;
        TimeScale::new(start, start + span, self.width).clamped(bounds)
    }

    /// Moves the window by `dx` pixels (positive moves later in time), staying inside `bounds`.
    pub fn pan(&self, dx: f64, bounds: (f64, f64)) -> Self {
        let dy = if dx.is_finite() { dx / self.px_per_year() } else { 0.0 };
        TimeScale::new(self.start + dy, self.end + dy, self.width).clamped(bounds)
    }

    /// The same window shifted (not resized, unless it is wider than them) to lie inside `bounds`.
    pub fn clamped(&self, bounds: (f64, f64)) -> Self {
        let full = bounds.1 - bounds.0;
        if self.span() >= full - 1e-9 {
            return TimeScale { start: bounds.0, end: bounds.1, width: self.width };
        }
        let span = self.span();
        let start = self.start.clamp(bounds.0, bounds.1 - span);
        TimeScale { start, end: start + span, width: self.width }
    }
}

/// A monotone, piecewise-linear map from fractional years to u units.
#[derive(Clone, Debug, PartialEq)]
pub enum Warp {
    /// u = year: an even time axis.
    Identity,
    /// Knots `(year, u)`, both strictly increasing; linear between them and beyond the ends.
    Knots { years: Vec<f64>, us: Vec<f64> },
}

impl Warp {
    /// A warp that gives each calendar year a width of `base` plus its (lightly smoothed) number
    /// of events, so busy years get room for their labels and empty decades shrink. The total
    /// width equals the span of `bounds`, and u = year at `bounds.0`.
    ///
    /// ```
    /// use chronicle_core::scale::Warp;
    /// // Five events in 2020, none elsewhere: 2020 becomes much wider than 2010.
    /// let w = Warp::by_density([2020.1, 2020.3, 2020.5, 2020.7, 2020.9], (2000.0, 2025.0), 0.4);
    /// assert!(w.u(2021.0) - w.u(2020.0) > 5.0 * (w.u(2011.0) - w.u(2010.0)));
    /// assert!((w.year(w.u(2017.25)) - 2017.25).abs() < 1e-9);
    /// ```
    pub fn by_density(dates: impl IntoIterator<Item = f64>, bounds: (f64, f64), base: f64) -> Warp {
        let y0 = bounds.0.floor() as i32;
        let y1 = (bounds.1.ceil() as i32).max(y0 + 1);
        let n = (y1 - y0) as usize;
        let mut counts = vec![0.0f64; n];
        for d in dates {
            let i = (d.floor() as i32 - y0).clamp(0, n as i32 - 1) as usize;
            counts[i] += 1.0;
        }
        let at = |i: isize| if i < 0 || i >= n as isize { 0.0 } else { counts[i as usize] };
        let weights: Vec<f64> =
            (0..n as isize).map(|i| base.max(0.01) + 0.25 * at(i - 1) + 0.5 * at(i) + 0.25 * at(i + 1)).collect();
        let total: f64 = weights.iter().sum();
        let unit = f64::from(y1 - y0) / total;
        let mut years = Vec::with_capacity(n + 1);
        let mut us = Vec::with_capacity(n + 1);
        let mut u = f64::from(y0);
        years.push(f64::from(y0));
        us.push(u);
        for (i, w) in weights.iter().enumerate() {
            u += w * unit;
            years.push(f64::from(y0 + i as i32 + 1));
            us.push(u);
        }
        Warp::Knots { years, us }
    }

    /// u of a fractional year.
    pub fn u(&self, year: f64) -> f64 {
        match self {
            Warp::Identity => year,
            Warp::Knots { years, us } => interpolate(years, us, year),
        }
    }

    /// The fractional year at u.
    pub fn year(&self, u: f64) -> f64 {
        match self {
            Warp::Identity => u,
            Warp::Knots { years, us } => interpolate(us, years, u),
        }
    }
}

/// Piecewise-linear interpolation through `(xs[i], ys[i])`, extended linearly past both ends.
fn interpolate(xs: &[f64], ys: &[f64], x: f64) -> f64 {
    if xs.len() < 2 || !x.is_finite() {
        return x;
    }
    let i = xs.partition_point(|&k| k <= x).clamp(1, xs.len() - 1);
    let (x0, x1, y0, y1) = (xs[i - 1], xs[i], ys[i - 1], ys[i]);
    y0 + (x - x0) * (y1 - y0) / (x1 - x0)
}

/// A warp and a linear scale over u: years ↔ pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub warp: Warp,
    pub scale: TimeScale,
}

impl Axis {
    /// An even axis showing the years `start..end` on `width` pixels.
    pub fn linear(start: f64, end: f64, width: f64) -> Axis {
        Axis { warp: Warp::Identity, scale: TimeScale::new(start, end, width) }
    }

    /// An axis showing the years `window` through `warp` on `width` pixels.
    pub fn new(warp: Warp, window: (f64, f64), width: f64) -> Axis {
        let scale = TimeScale::new(warp.u(window.0), warp.u(window.1), width);
        Axis { warp, scale }
    }

    pub fn width(&self) -> f64 {
        self.scale.width
    }

    /// The pixel position of a fractional year.
    pub fn x(&self, year: f64) -> f64 {
        self.scale.x(self.warp.u(year))
    }

    /// The fractional year at a pixel position.
    pub fn year_at(&self, x: f64) -> f64 {
        self.warp.year(self.scale.year_at(x))
    }

    /// Ticks at least `min_px` apart. Each year picks its own step from the local density (a
    /// decade where the axis is compressed, months where it is stretched); a tick too close to
    /// the previous one is dropped.
    ///
    /// ```
    /// use chronicle_core::scale::{Axis, TickLabel};
    /// let t = Axis::linear(1950.0, 2030.0, 800.0).ticks(60.0);
    /// assert_eq!((t[0].label, t[1].label), (TickLabel::Year(1950), TickLabel::Year(1960)));
    /// ```
    pub fn ticks(&self, min_px: f64) -> Vec<Tick> {
        const STEPS: [i32; 11] = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200];
        let first = self.year_at(0.0).floor() as i32;
        let last = self.year_at(self.width()).ceil() as i32;
        let mut ticks: Vec<Tick> = Vec::new();
        let mut last_x = f64::NEG_INFINITY;
        for year in first..=last.min(first + 5000) {
            let px_per_year = self.x(f64::from(year) + 1.0) - self.x(f64::from(year));
            let step = STEPS.iter().copied().find(|&s| f64::from(s) / 12.0 * px_per_year >= min_px).unwrap_or(1200);
            let months: Vec<u8> = if step >= 12 {
                if year.rem_euclid(step / 12) == 0 {
                    vec![1]
                } else {
                    vec![]
                }
            } else {
                (1..=12).step_by(step as usize).collect()
            };
            for month in months {
                let at = Date { year, month: Some(month), day: None }.fractional_year();
                let x = self.x(at);
                if x < -1e-6 || x > self.width() + 1e-6 || x - last_x < min_px - 1e-6 {
                    continue;
                }
                let label = if month == 1 { TickLabel::Year(year) } else { TickLabel::Month(year, month) };
                ticks.push(Tick { x, label });
                last_x = x;
            }
        }
        ticks
    }
}

/// One axis tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: TickLabel,
}

/// What a tick marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickLabel {
    Year(i32),
    Month(i32, u8),
}

impl TickLabel {
    /// The tick's text: `2018` / `2018年`, `Jun 2018` / `2018年6月`.
    pub fn format(&self, lang: Lang) -> String {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        match (self, lang) {
            (TickLabel::Year(y), Lang::En) => y.to_string(),
            (TickLabel::Year(y), Lang::Zh) => format!("{y}年"),
            (TickLabel::Month(y, m), Lang::En) => format!("{} {y}", MONTHS[usize::from(*m - 1)]),
            (TickLabel::Month(y, m), Lang::Zh) => format!("{y}年{m}月"),
        }
    }
}

/// Where the x positions of a plot drawn for the window `from` belong when the window is `to`
/// (same warp and width): `x ↦ a·x + b`, returned as `(a, b)`. Exact, because an axis is linear
/// in the warped coordinate; a running zoom or pan gesture moves the drawn plot with it.
pub fn x_map(warp: &Warp, from: (f64, f64), to: (f64, f64), width: f64) -> (f64, f64) {
    let (old, new) = (Axis::new(warp.clone(), from, width), Axis::new(warp.clone(), to, width));
    let (o1, o2) = (old.x(from.0), old.x(from.1));
    let (n1, n2) = (new.x(from.0), new.x(from.1));
    let a = if (o2 - o1).abs() > f64::EPSILON { (n2 - n1) / (o2 - o1) } else { 1.0 };
    (a, n1 - a * o1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn x_map_moves_a_drawn_plot_onto_the_new_window() {
        let warp = Warp::Knots { years: vec![1940.0, 2010.0, 2030.0], us: vec![0.0, 10.0, 40.0] };
        for (from, to) in [((1950.0, 2025.0), (2000.0, 2020.0)), ((2015.0, 2020.0), (2012.0, 2024.0))] {
            let (a, b) = x_map(&warp, from, to, 800.0);
            let (old, new) = (Axis::new(warp.clone(), from, 800.0), Axis::new(warp.clone(), to, 800.0));
            for year in [1960.0, 2005.0, 2015.5, 2019.0] {
                assert!((a * old.x(year) + b - new.x(year)).abs() < 1e-6, "{year} in {from:?} → {to:?}");
            }
        }
        assert_eq!(x_map(&Warp::Identity, (2000.0, 2010.0), (2000.0, 2010.0), 500.0), (1.0, 0.0));
    }

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn tick_steps_adapt_from_decades_to_months() {
        let decades = Axis::linear(1940.0, 2030.0, 900.0).ticks(80.0);
        assert!(decades
            .windows(2)
            .all(|w| matches!((w[0].label, w[1].label), (TickLabel::Year(a), TickLabel::Year(b)) if b - a == 10)));
        let years = Axis::linear(2015.0, 2025.0, 1000.0).ticks(80.0);
        assert_eq!(years.len(), 11);
        let months = Axis::linear(2023.0, 2023.5, 1000.0).ticks(80.0);
        assert_eq!(
            months.iter().map(|t| t.label).collect::<Vec<_>>()[..3],
            [TickLabel::Year(2023), TickLabel::Month(2023, 2), TickLabel::Month(2023, 3)]
        );
    }

    #[test]
    fn tick_labels_in_both_languages() {
        assert_eq!(TickLabel::Month(2018, 6).format(Lang::Zh), "2018年6月");
        assert_eq!(TickLabel::Month(2018, 6).format(Lang::En), "Jun 2018");
        assert_eq!(TickLabel::Year(1997).format(Lang::Zh), "1997年");
    }

    #[test]
    fn zoom_stops_at_a_month_and_at_the_full_extent() {
        let b = (1940.0, 2030.0);
        let mut s = TimeScale::new(b.0, b.1, 1000.0);
        for _ in 0..100 {
            s = s.zoom(2.0, 500.0, b);
        }
        assert!((s.span() - MIN_SPAN_YEARS).abs() < 1e-9);
        let out = s.zoom(1e-9, 0.0, b);
        assert_eq!((out.start, out.end), b);
    }

    #[test]
    fn pan_stays_inside_the_bounds() {
        let b = (1940.0, 2030.0);
        let s = TimeScale::new(2000.0, 2010.0, 1000.0);
        assert_eq!(s.pan(1e6, b).end, 2030.0);
        assert_eq!(s.pan(-1e6, b).start, 1940.0);
        assert_eq!(s.pan(100.0, b).start, 2001.0);
        assert_eq!(s.pan(f64::NAN, b), s);
    }

    #[test]
    fn axis_ticks_match_the_even_scale_and_adapt_under_a_warp() {
        let even = Axis::linear(1940.0, 2030.0, 900.0).ticks(80.0);
        assert!(even
            .windows(2)
            .all(|w| matches!((w[0].label, w[1].label), (TickLabel::Year(a), TickLabel::Year(b)) if b - a == 10)));
        let dense: Vec<f64> = (0..200).map(|i| 2018.0 + f64::from(i) * 0.035).collect();
        let warp = Warp::by_density(dense, (1948.0, 2026.0), 0.4);
        let t = Axis::new(warp, (1948.0, 2026.0), 1200.0).ticks(60.0);
        // Early decades are compressed into sparse ticks, recent years get yearly ticks.
        assert!(
            t.iter().any(|k| k.label == TickLabel::Year(2019)) && t.iter().any(|k| k.label == TickLabel::Year(2020))
        );
        assert!(!t.iter().any(|k| k.label == TickLabel::Year(1961)));
    }

    proptest! {
        #[test]
        fn warp_is_monotonic_and_invertible(dates in proptest::collection::vec(1950.0f64..2025.0, 0..80), a in 1940.0f64..2030.0, b in 1940.0f64..2030.0) {
            let w = Warp::by_density(dates, (1948.0, 2026.0), 0.4);
            prop_assert!((w.year(w.u(a)) - a).abs() < 1e-6);
            if a < b { prop_assert!(w.u(a) < w.u(b)); }
            prop_assert!((w.u(1948.0) - 1948.0).abs() < 1e-9 && (w.u(2026.0) - 2026.0).abs() < 1e-6);
        }

        #[test]
        fn warped_ticks_are_spaced_and_inside(dates in proptest::collection::vec(1950.0f64..2025.0, 0..80), s in 0.0f64..0.9, span in 0.001f64..0.1, w in 300.0f64..2000.0) {
            let warp = Warp::by_density(dates, (1948.0, 2026.0), 0.4);
            let (u0, u1) = (1948.0 + s * 78.0, 1948.0 + (s + span).min(1.0) * 78.0);
            let axis = Axis { scale: TimeScale::new(u0, u1, w), warp };
            let t = axis.ticks(60.0);
            prop_assert!(t.windows(2).all(|p| p[1].x - p[0].x >= 60.0 - 1e-6));
            prop_assert!(t.iter().all(|k| k.x >= -1e-6 && k.x <= w + 1e-6));
        }

        #[test]
        fn x_and_year_at_are_inverse(start in 1900.0f64..2000.0, span in 0.1f64..100.0, w in 100.0f64..4000.0, y in 1900.0f64..2100.0) {
            let s = TimeScale::new(start, start + span, w);
            prop_assert!((s.year_at(s.x(y)) - y).abs() < 1e-6);
        }

        #[test]
        fn zoom_keeps_the_anchor_year_when_unclamped(f in 1.0f64..4.0, a in 0.0f64..1000.0) {
            let b = (1000.0, 3000.0);
            let s = TimeScale::new(1990.0, 2010.0, 1000.0);
            let z = s.zoom(f, a, b);
            prop_assert!((z.year_at(a) - s.year_at(a)).abs() < 1e-6);
        }

        #[test]
        fn ticks_are_increasing_spaced_and_inside(start in 1900.0f64..2020.0, span in 0.09f64..150.0, w in 200.0f64..3000.0) {
            let t = Axis::linear(start, start + span, w).ticks(60.0);
            prop_assert!(t.windows(2).all(|p| p[1].x - p[0].x >= 60.0 - 1e-6 || t.len() < 2));
            prop_assert!(t.iter().all(|k| k.x >= -1e-6 && k.x <= w + 1e-6));
        }
    }
}
