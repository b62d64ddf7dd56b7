//! Pure logic of LLM Chronicle, with no DOM and no yew, so that all of it is tested natively.
//!
//! The pipeline reads in one direction, and each step has its own module:
//!
//! 1. **dataset** ([`model`]): the JSON file as authors write it;
//! 2. **validation** ([`validate`]): every [`problem`] with where it is, or a [`Chronicle`];
//! 3. **state** ([`state`]): language, selection, viewport, changed only by `reduce(State, Action)`,
//!    whether the action comes from a click, a key ([`keys`]), a gesture ([`gesture`]) or a link
//!    ([`link`]);
//! 4. **query** ([`query`]): which events match the filters, are highlighted, and their colour;
//! 5. **scale** ([`scale`]): fractional years ↔ pixels, and ticks for the zoom level;
//! 6. **layout** ([`layout`]): lanes, markers, labels that never overlap, "+N more" clusters;
//! 7. **scene** ([`scene`]): every mark that is drawn, with its text, flags and accessible name.
//!
//! The widget crate writes scenes out as markup (escaped by [`markup`]) and wires DOM events to
//! actions; it decides nothing that this crate can decide.

pub mod author;
pub mod csv_import;
pub mod date;
mod decode;
pub mod embed;
pub mod filter;
pub mod gesture;
pub mod i18n;
pub mod json;
pub mod keys;
pub mod layout;
pub mod lineage;
pub mod link;
pub mod markup;
pub mod matrix;
pub mod model;
pub mod num;
pub mod problem;
pub mod query;
pub mod scale;
pub mod scene;
pub mod settings;
pub mod sort;
pub mod state;
pub mod synth;
pub mod validate;

use std::collections::HashMap;

use date::Date;
use model::{Dataset, Event};

/// A dataset that passed validation, with the lookups the views need.
#[derive(Debug, PartialEq)]
pub struct Chronicle {
    pub data: Dataset,
    /// Parsed `events[i].date`.
    dates: Vec<Date>,
    /// Event indices sorted by date, then by file order.
    chronological: Vec<usize>,
    index: HashMap<String, usize>,
    /// `children[i]`: indices of the events that list `i` as a parent.
    children: Vec<Vec<usize>>,
    /// The time warp that gives busy years more room (see [`scale::Warp::by_density`]).
    focus_warp: scale::Warp,
    /// What text search looks in, per event, lower-cased: built at the first search.
    search: SearchText,
}

/// The lower-cased text of every event that search looks in, built once when first needed. A
/// cache: it never makes two datasets unequal.
#[derive(Default)]
struct SearchText(std::cell::OnceCell<Vec<String>>);

impl PartialEq for SearchText {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for SearchText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SearchText")
    }
}

impl Chronicle {
    /// Builds the lookups. Only [`validate::validate`] calls this, on a dataset it has checked.
    fn new(data: Dataset) -> Self {
        let dates: Vec<Date> = data.events.iter().map(|e| Date::parse(&e.date).unwrap_or(Date::year(0))).collect();
        let index: HashMap<String, usize> = data.events.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        let chronological = sort::order_by(data.events.len(), &mut |a, b| dates[a].cmp(&dates[b]));
        let mut children = vec![Vec::new(); data.events.len()];
        for (i, e) in data.events.iter().enumerate() {
            for p in &e.parents {
                if let Some(&pi) = index.get(&p.id) {
                    children[pi].push(i);
                }
            }
        }
        let mut c = Chronicle {
            data,
            dates,
            chronological,
            index,
            children,
            focus_warp: scale::Warp::Identity,
            search: SearchText::default(),
        };
        c.focus_warp = scale::Warp::by_density(c.dates.iter().map(Date::fractional_year), c.extent(), FOCUS_BASE);
        c
    }

    /// Event `i`'s text as search sees it ([`filter::search_text`]), built for every event at the
    /// first call.
    pub fn search_text(&self, i: usize) -> &str {
        let all = self.search.0.get_or_init(|| self.data.events.iter().map(filter::search_text).collect());
        &all[i]
    }

    /// The time warp that stretches busy years: the default, "focus on recent years" axis.
    pub fn focus_warp(&self) -> &scale::Warp {
        &self.focus_warp
    }

    /// The events, in file order.
    pub fn events(&self) -> &[Event] {
        &self.data.events
    }

    /// The parsed date of event `i`.
    pub fn date(&self, i: usize) -> Date {
        self.dates[i]
    }

    /// Event indices in date order.
    pub fn chronological(&self) -> &[usize] {
        &self.chronological
    }

    /// The index of the event with this id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The name of the event with this id in `lang`, or the id itself when there is none (a
    /// matrix row may name a model the timeline does not have).
    pub fn name_of(&self, id: &str, lang: i18n::Lang) -> String {
        self.find(id).map_or_else(|| id.to_owned(), |i| self.events()[i].name.get(lang).to_owned())
    }

    /// Indices of event `i`'s parents.
    pub fn parents(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.data.events[i].parents.iter().filter_map(|p| self.find(&p.id))
    }

    /// Indices of the events that name event `i` as a parent.
    pub fn children(&self, i: usize) -> &[usize] {
        &self.children[i]
    }

    /// The span of all event dates and eras, in fractional years, padded by a year on each side.
    pub fn extent(&self) -> (f64, f64) {
        let years = self.dates.iter().map(Date::fractional_year).chain(
            self.data
                .eras
                .iter()
                .flat_map(|e| [&e.start, &e.end])
                .filter_map(|s| Date::parse(s).ok())
                .map(|d| d.fractional_year()),
        );
        let (lo, hi) = years.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| (lo.min(y), hi.max(y)));
        if lo.is_finite() {
            ((lo - 1.0).floor(), (hi + 1.0).ceil())
        } else {
            (2000.0, 2025.0)
        }
    }
}

/// The width of an empty year in the focus warp, against 1 per event: small enough that the
/// quiet decades before 2012 shrink, large enough that they stay readable.
const FOCUS_BASE: f64 = 0.4;

/// The dataset shipped with the widget (`data/chronicle.json`), for native code: the prerenderer,
/// the CLI and the tests. The WASM does not reference it, so it is not in the bundle.
/// FNV-1a of `bytes`, for file names that change whenever the contents do (safe to cache forever).
pub fn content_hash(bytes: impl AsRef<[u8]>) -> u64 {
    bytes.as_ref().iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

pub const SHIPPED_JSON: &str = include_str!("../../data/chronicle.json");

/// The JSON Schema of the dataset format, generated from [`model::Dataset`], pretty-printed. The
/// published copy is `data/chronicle.schema.json`; `cargo xtask schema` rewrites it.
#[cfg(feature = "schema")]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(model::Dataset);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
