//! The widget's state and its only way to change: `reduce(State, Action) -> State`.
//!
//! The yew app wraps this in one reducer context; everything here is plain data, tested natively.

use std::collections::{BTreeMap, BTreeSet};

use crate::filter::{Filter, FilterMode};
use crate::i18n::Lang;
use crate::matrix::SortKey;
use crate::model::CriterionGroup;
use crate::model::{Access, Family};
use crate::scale::{Axis, TimeScale, Warp};

/// The widget's whole state, in two parts that change at different rates: where the timeline
/// looks (`viewport`, at every zoom and pan step) and everything else the reader chose
/// (`choices`). The widget gives the two to its views separately, so a zoom step re-renders only
/// the timeline. Reading a choice through the state (`state.lang`) goes to `choices`.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub viewport: Viewport,
    pub choices: Choices,
}

/// Where the timeline looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// The visible window of the timeline, in fractional years.
    pub window: (f64, f64),
    /// The widest window: the dataset's extent.
    pub bounds: (f64, f64),
}

impl Viewport {
    /// `true` when the whole extent is shown.
    pub fn is_zoomed_out(&self) -> bool {
        (self.window.0 - self.bounds.0).abs() < 1e-6 && (self.window.1 - self.bounds.1).abs() < 1e-6
    }
}

/// What the reader has chosen, apart from the viewport.
#[derive(Clone, Debug, PartialEq)]
pub struct Choices {
    pub lang: Lang,
    /// Id of the selected event, whose details are open.
    pub selected: Option<String>,
    /// Where the reader selected it, and so where its details open.
    pub detail_at: DetailAt,
    /// `true` for an even time axis; `false` stretches busy years (the default).
    pub even_time: bool,
    /// The warp used when `even_time` is off.
    pub focus_warp: Warp,
    /// Every lineage edge at full strength; by default only the big branches are (see
    /// [`crate::lineage::is_branch`]) and the rest are drawn quietly.
    pub all_edges: bool,
    pub filter: Filter,
    /// The story stop being shown, if the story is on.
    pub story: Option<usize>,
    /// Which views are shown.
    pub view: View,
    /// Openness matrix order.
    pub sort: SortKey,
    pub sort_descending: bool,
    /// Criterion id → weight in the openness score (missing: 1).
    pub weights: BTreeMap<String, f64>,
    /// Criteria groups the reader has hidden.
    pub hidden_groups: BTreeSet<CriterionGroup>,
    /// A criterion id: the timeline colours events by their level on it.
    pub colour_by: Option<String>,
}

impl std::ops::Deref for State {
    type Target = Choices;
    fn deref(&self) -> &Choices {
        &self.choices
    }
}

impl Choices {
    /// The warp in use.
    pub fn warp(&self) -> &Warp {
        if self.even_time {
            &Warp::Identity
        } else {
            &self.focus_warp
        }
    }
}

/// The view an event was selected from: its details open there, where the reader is looking.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DetailAt {
    /// The timeline (or a link): beside the plot, or under the event in the narrow list.
    #[default]
    Timeline,
    /// The openness matrix: under the model's row.
    Matrix,
}

/// Which views the widget shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Both,
    Timeline,
    Matrix,
}

impl View {
    /// `timeline`, `matrix` or `both`.
    pub fn slug(self) -> &'static str {
        match self {
            View::Both => "both",
            View::Timeline => "timeline",
            View::Matrix => "matrix",
        }
    }

    /// Reads `timeline`, `matrix` or `both`.
    pub fn from_slug(s: &str) -> Option<View> {
        [View::Both, View::Timeline, View::Matrix].into_iter().find(|v| v.slug() == s)
    }

    pub fn shows_timeline(self) -> bool {
        self != View::Matrix
    }

    pub fn shows_matrix(self) -> bool {
        self != View::Timeline
    }
}

/// Something the reader did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// Switches to the other language.
    ToggleLang,
    /// Selects an event from the timeline; selecting the selected event again closes its details.
    Select(String),
    /// Selects an event from a view, where its details then open (the same toggle as `Select`).
    SelectIn(String, DetailAt),
    /// Closes the details (Escape, or the close button).
    ClearSelection,
    /// Zooms by `factor` (> 1 zooms in) around `anchor`, a position across the window from 0 to 1.
    Zoom {
        factor: f64,
        anchor: f64,
    },
    /// Moves the window by `fraction` of its width (positive is later in time).
    Pan {
        fraction: f64,
    },
    /// Shows `start..end` (kept inside the bounds), e.g. one era.
    ZoomTo {
        start: f64,
        end: f64,
    },
    /// Shows everything.
    ResetView,
    /// Switches between an even time axis and one that stretches busy years.
    SetEvenTime(bool),
    /// Shows every lineage edge at full strength, or only the big branches.
    SetAllEdges(bool),
    SetQuery(String),
    ToggleAccess(Access),
    /// Sets the access filter to exactly these levels (empty: all).
    SetAccess(Vec<Access>),
    ToggleFamily(Family),
    SetOrg(Option<String>),
    SetYears(Option<i32>, Option<i32>),
    SetFilterMode(FilterMode),
    ClearFilters,
    /// Shows story stop `index`, zooming to `start..end` (fractional years) and selecting nothing.
    StoryGo {
        index: usize,
        start: f64,
        end: f64,
    },
    /// Leaves the story (the view stays where it is).
    StoryExit,
    SetView(View),
    /// Sorts the openness matrix by `key`; the same key again flips the direction.
    SortBy(SortKey),
    /// Sorts the openness matrix by `key` in this direction (a link restoring a sort).
    SetSort(SortKey, bool),
    /// Sets a criterion's weight in the score (clamped to 0–5).
    SetWeight(String, f64),
    ResetWeights,
    ToggleGroup(CriterionGroup),
    ColourBy(Option<String>),
}

impl State {
    /// A fresh state in `lang`, showing all of `bounds`, with busy years stretched by `focus_warp`.
    pub fn new(lang: Lang, bounds: (f64, f64), focus_warp: Warp) -> Self {
        State {
            viewport: Viewport { window: bounds, bounds },
            choices: Choices {
                lang,
                selected: None,
                detail_at: DetailAt::Timeline,
                even_time: false,
                focus_warp,
                all_edges: false,
                filter: Filter::default(),
                story: None,
                view: View::Both,
                sort: SortKey::Score,
                sort_descending: true,
                weights: BTreeMap::new(),
                hidden_groups: BTreeSet::new(),
                colour_by: None,
            },
        }
    }

    /// The timeline's axis over `width` pixels.
    pub fn axis(&self, width: f64) -> Axis {
        Axis::new(self.warp().clone(), self.viewport.window, width)
    }

    /// `true` when the whole extent is shown.
    pub fn is_zoomed_out(&self) -> bool {
        self.viewport.is_zoomed_out()
    }

    /// The state after `action`.
    ///
    /// ```
    /// use chronicle_core::{i18n::Lang, scale::Warp, state::{Action, State}};
    /// let s = State::new(Lang::Zh, (1940.0, 2030.0), Warp::Identity).reduce(Action::Select("gpt-3".into()));
    /// assert_eq!(s.selected.as_deref(), Some("gpt-3"));
    /// assert_eq!(s.reduce(Action::ToggleLang).lang, Lang::En);
    /// ```
    pub fn reduce(&self, action: Action) -> State {
        let mut next = self.clone();
        let (c, v) = (&mut next.choices, &mut next.viewport);
        match action {
            Action::SetLang(lang) => c.lang = lang,
            Action::ToggleLang => c.lang = self.lang.other(),
            Action::Select(id) => return self.reduce(Action::SelectIn(id, DetailAt::Timeline)),
            Action::SelectIn(id, _) if self.selected.as_deref() == Some(id.as_str()) => c.selected = None,
            Action::SelectIn(id, at) => (c.selected, c.detail_at) = (Some(id), at),
            Action::ClearSelection => c.selected = None,
            Action::Zoom { .. } | Action::Pan { .. } | Action::ZoomTo { .. } => {
                v.window = self.window_after(v.window, &action).unwrap_or(v.window);
            }
            Action::ResetView => v.window = v.bounds,
            Action::SetEvenTime(even) => c.even_time = even,
            Action::SetAllEdges(all) => c.all_edges = all,
            Action::SetQuery(q) => c.filter.query = q,
            Action::ToggleAccess(a) => Filter::toggle(&mut c.filter.access, a),
            Action::SetAccess(levels) => c.filter.access = crate::sort::set_of(levels),
            Action::ToggleFamily(f) => Filter::toggle(&mut c.filter.families, f),
            Action::SetOrg(o) => c.filter.org = o.filter(|o| !o.is_empty()),
            Action::SetYears(from, to) => {
                c.filter.years = match (from, to) {
                    (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                    other => other,
                }
            }
            Action::SetFilterMode(m) => c.filter.mode = m,
            Action::ClearFilters => c.filter = Filter { mode: self.filter.mode, ..Filter::default() },
            Action::StoryGo { index, start, end } => {
                c.story = Some(index);
                c.selected = None;
                v.window = self.window_after(v.window, &Action::ZoomTo { start, end }).unwrap_or(v.window);
            }
            Action::StoryExit => c.story = None,
            Action::SetView(view) => c.view = view,
            Action::SortBy(key) => {
                if key == self.sort {
                    c.sort_descending = !self.sort_descending;
                } else {
                    c.sort_descending = key.descending_first();
                    c.sort = key;
                }
            }
            Action::SetSort(key, descending) => (c.sort, c.sort_descending) = (key, descending),
            Action::SetWeight(id, w) => {
                let w = if w.is_finite() { w.clamp(0.0, 5.0) } else { 1.0 };
                if (w - 1.0).abs() < f64::EPSILON {
                    c.weights.remove(&id);
                } else {
                    c.weights.insert(id, w);
                }
            }
            Action::ResetWeights => c.weights.clear(),
            Action::ToggleGroup(g) => Filter::toggle(&mut c.hidden_groups, g),
            Action::ColourBy(id) => c.colour_by = id.filter(|id| !id.is_empty()),
        }
        next
    }
}

impl Action {
    /// Shows era `i` of `c` (what the era menu and an era's band do), if it has a valid span.
    pub fn zoom_to_era(c: &crate::Chronicle, i: usize) -> Option<Action> {
        let era = c.data.eras.get(i)?;
        crate::date::span(&era.start, &era.end).map(|(start, end)| Action::ZoomTo { start, end })
    }
}

impl State {
    /// The window that `action` leaves when the window is `from` and the rest of the state is as
    /// it is, or `None` for an action that does not move the window. A running gesture previews
    /// its steps with this, and sets the state once, when it pauses.
    ///
    /// ```
    /// use chronicle_core::{i18n::Lang, scale::Warp, state::{Action, State}};
    /// let s = State::new(Lang::En, (1940.0, 2030.0), Warp::Identity);
    /// let zoom = Action::Zoom { factor: 3.0, anchor: 0.5 };
    /// assert_eq!(s.window_after((1940.0, 2030.0), &zoom), Some((1970.0, 2000.0)));
    /// assert_eq!(s.window_after((1970.0, 2000.0), &zoom), Some((1980.0, 1990.0)));
    /// assert_eq!(s.window_after(s.viewport.window, &Action::ToggleLang), None);
    /// ```
    pub fn window_after(&self, from: (f64, f64), action: &Action) -> Option<(f64, f64)> {
        let unit = || Axis::new(self.warp().clone(), from, 1.0).scale;
        let scale = match *action {
            Action::Zoom { factor, anchor } => unit().zoom(factor, anchor, self.u_bounds()),
            Action::Pan { fraction } => unit().pan(fraction, self.u_bounds()),
            Action::ZoomTo { start, end } => {
                let (start, end) = if start <= end { (start, end) } else { (end, start) };
                let w = self.warp();
                TimeScale::new(w.u(start), w.u(end), 1.0).clamped(self.u_bounds())
            }
            _ => return None,
        };
        // Snap to the bounds against rounding.
        let w = self.warp();
        let snap = |y: f64, b: f64| if (y - b).abs() < 1e-6 { b } else { y };
        let b = self.viewport.bounds;
        Some((snap(w.year(scale.start), b.0), snap(w.year(scale.end), b.1)))
    }

    /// The era of `c` the timeline shows exactly (the window "Zoom to era" would give), if any.
    pub fn era_shown(&self, c: &crate::Chronicle) -> Option<usize> {
        let now = self.viewport.window;
        c.data.eras.iter().position(|era| {
            let Some((start, end)) = crate::date::span(&era.start, &era.end) else { return false };
            self.window_after(now, &Action::ZoomTo { start, end })
                .is_some_and(|w| (w.0 - now.0).abs() < 1e-9 && (w.1 - now.1).abs() < 1e-9)
        })
    }

    /// The bounds in u units.
    fn u_bounds(&self) -> (f64, f64) {
        let b = self.viewport.bounds;
        (self.warp().u(b.0), self.warp().u(b.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const B: (f64, f64) = (1940.0, 2030.0);

    #[test]
    fn selecting_twice_closes_and_clear_always_closes() {
        let s = State::new(Lang::En, B, Warp::Identity).reduce(Action::Select("bert".into()));
        assert_eq!(s.reduce(Action::Select("bert".into())).selected, None);
        assert_eq!(s.reduce(Action::Select("gpt-1".into())).selected.as_deref(), Some("gpt-1"));
        assert_eq!(s.reduce(Action::ClearSelection).selected, None);
    }

    #[test]
    fn details_open_in_the_view_the_event_was_selected_from() {
        let s = State::new(Lang::En, B, Warp::Identity);
        assert_eq!(s.detail_at, DetailAt::Timeline);
        let m = s.reduce(Action::SelectIn("bert".into(), DetailAt::Matrix));
        assert_eq!((m.selected.as_deref(), m.detail_at), (Some("bert"), DetailAt::Matrix));
        assert_eq!(m.reduce(Action::SelectIn("bert".into(), DetailAt::Matrix)).selected, None, "a toggle too");
        let t = m.reduce(Action::Select("gpt-1".into()));
        assert_eq!((t.selected.as_deref(), t.detail_at), (Some("gpt-1"), DetailAt::Timeline));
    }

    #[test]
    fn language_changes_keep_the_selection() {
        let s = State::new(Lang::Zh, B, Warp::Identity).reduce(Action::Select("llama".into()));
        let t = s.reduce(Action::SetLang(Lang::En)).reduce(Action::ToggleLang);
        assert_eq!(t.lang, Lang::Zh);
        assert_eq!(t.selected, s.selected);
    }

    #[test]
    fn zoom_pan_and_reset() {
        let s = State::new(Lang::En, B, Warp::Identity).reduce(Action::Zoom { factor: 3.0, anchor: 0.5 });
        assert_eq!(s.viewport.window, (1970.0, 2000.0));
        let later = s.reduce(Action::Pan { fraction: 0.5 });
        assert_eq!(later.viewport.window, (1985.0, 2015.0));
        assert_eq!(later.reduce(Action::Pan { fraction: 100.0 }).viewport.window, (2000.0, 2030.0));
        assert!(later.reduce(Action::ResetView).is_zoomed_out());
        let era = s.reduce(Action::ZoomTo { start: 2020.0, end: 2017.0 });
        assert_eq!(era.viewport.window, (2017.0, 2020.0));
        assert_eq!(s.reduce(Action::Zoom { factor: 0.001, anchor: 0.0 }).viewport.window, B);
    }

    #[test]
    fn zoom_under_a_warp_keeps_the_window_in_years_and_toggling_keeps_it() {
        let warp = Warp::by_density([2020.0, 2020.5, 2021.0, 2022.0, 2023.0], B, 0.4);
        let s = State::new(Lang::En, B, warp).reduce(Action::ZoomTo { start: 2019.0, end: 2024.0 });
        assert!(
            (s.viewport.window.0 - 2019.0).abs() < 1e-9 && (s.viewport.window.1 - 2024.0).abs() < 1e-9,
            "{:?}",
            s.viewport.window
        );
        let even = s.reduce(Action::SetEvenTime(true));
        assert_eq!(even.viewport.window, s.viewport.window);
        let out = s.reduce(Action::Zoom { factor: 1e-6, anchor: 0.5 });
        assert!(out.is_zoomed_out());
        assert_eq!(out.viewport.window, B);
    }

    #[test]
    fn the_era_shown_is_the_one_zoomed_to_until_the_window_moves() {
        let c = crate::validate::load_json(crate::SHIPPED_JSON).unwrap();
        let s = State::new(Lang::En, c.extent(), c.focus_warp().clone());
        assert_eq!(s.era_shown(&c), None, "the whole extent is no era");
        let era = &c.data.eras[2];
        let (start, end) = crate::date::span(&era.start, &era.end).unwrap();
        let zoomed = s.reduce(Action::ZoomTo { start, end });
        assert_eq!(zoomed.era_shown(&c), Some(2));
        assert_eq!(zoomed.reduce(Action::Pan { fraction: 0.25 }).era_shown(&c), None);
        assert_eq!(zoomed.reduce(Action::SetLang(Lang::Zh)).era_shown(&c), Some(2));
    }

    #[test]
    fn filters_and_story() {
        let s = State::new(Lang::En, B, Warp::Identity)
            .reduce(Action::SetQuery("bert".into()))
            .reduce(Action::ToggleAccess(Access::Api))
            .reduce(Action::SetYears(Some(2020), Some(2010)))
            .reduce(Action::SetFilterMode(FilterMode::Hide));
        assert_eq!(s.filter.years, (Some(2010), Some(2020)), "a reversed range is put right");
        assert!(s.filter.is_active());
        let cleared = s.reduce(Action::ClearFilters);
        assert!(!cleared.filter.is_active());
        assert_eq!(cleared.filter.mode, FilterMode::Hide, "the dim/hide choice survives clearing");
        let story =
            s.reduce(Action::Select("x".into())).reduce(Action::StoryGo { index: 2, start: 2017.0, end: 2019.0 });
        assert_eq!((story.story, story.selected.clone(), story.viewport.window), (Some(2), None, (2017.0, 2019.0)));
        assert_eq!(story.reduce(Action::StoryExit).story, None);
        assert_eq!(s.reduce(Action::SetOrg(Some(String::new()))).filter.org, None);
    }

    #[test]
    fn matrix_settings() {
        let s = State::new(Lang::En, B, Warp::Identity);
        assert_eq!((s.sort.clone(), s.sort_descending), (SortKey::Score, true));
        let flipped = s.reduce(Action::SortBy(SortKey::Score));
        assert!(!flipped.sort_descending);
        let by_name = flipped.reduce(Action::SortBy(SortKey::Name));
        assert_eq!((by_name.sort.clone(), by_name.sort_descending), (SortKey::Name, false));
        let w = s.reduce(Action::SetWeight("api".into(), 9.0)).reduce(Action::SetWeight("paper".into(), f64::NAN));
        assert_eq!(w.weights.get("api"), Some(&5.0));
        assert_eq!(w.weights.get("paper"), None, "NaN resets to the default weight");
        assert!(w.reduce(Action::ResetWeights).weights.is_empty());
        let g = s.reduce(Action::ToggleGroup(CriterionGroup::Access));
        assert!(g.hidden_groups.contains(&CriterionGroup::Access));
        assert!(g.reduce(Action::ToggleGroup(CriterionGroup::Access)).hidden_groups.is_empty());
        assert_eq!(s.reduce(Action::ColourBy(Some(String::new()))).colour_by, None);
        assert_eq!(s.reduce(Action::SetView(View::Matrix)).view, View::Matrix);
    }
}
