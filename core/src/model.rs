//! The dataset as authors write it in `data/chronicle.json`: serde types with `deny_unknown_fields`.
//!
//! These types hold what the file says, dates and ids still as strings. [`crate::validate`] checks
//! every rule and returns a [`crate::Chronicle`], the form the rest of the crate works on.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::i18n::Lang;

/// A text in both of the widget's languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// The whole dataset.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Optional pointer to the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub title: Text,
    pub eras: Vec<Era>,
    pub events: Vec<Event>,
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// Model-by-model openness: one row per model event, one cell per criterion id.
    #[serde(default)]
    pub openness: Vec<OpennessRow>,
    /// Where the outline, the methods and the data come from, for the "About / sources" panel.
    #[serde(default)]
    pub credits: Vec<Credit>,
    /// The guided story: stops in reading order.
    #[serde(default)]
    pub story: Vec<StoryStop>,
}

/// One stop of the guided story: text, a time window to zoom to, and what to highlight.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StoryStop {
    pub id: String,
    pub title: Text,
    pub text: Text,
    /// First date of the window the timeline zooms to.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}(-\d{2}(-\d{2})?)?$")))]
    pub start: String,
    /// Last date of the window (inclusive).
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}(-\d{2}(-\d{2})?)?$")))]
    pub end: String,
    /// Event ids to highlight.
    #[serde(default)]
    pub events: Vec<String>,
    /// Dimension ids to highlight in the dimension matrix.
    #[serde(default)]
    pub dimensions: Vec<String>,
    /// Criterion ids to highlight in the openness matrix.
    #[serde(default)]
    pub criteria: Vec<String>,
}

/// A credited source of the dataset or its method.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Credit {
    pub title: Text,
    /// An `http://` or `https://` link, when the source is online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What we took from it.
    pub note: Text,
}

/// A period of the story. Eras may overlap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Era {
    pub id: String,
    pub name: Text,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}(-\d{2}(-\d{2})?)?$")))]
    pub start: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}(-\d{2}(-\d{2})?)?$")))]
    pub end: String,
    pub summary: Text,
}

/// One model, paper, product or milestone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub name: Text,
    /// First public release or paper: `"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}(-\d{2}(-\d{2})?)?$")))]
    pub date: String,
    pub org: String,
    pub family: Family,
    pub kind: Kind,
    pub access: Access,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<String>,
    pub summary: Text,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub parents: Vec<Parent>,
}

/// A link to the paper or announcement that backs a fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// An `https://` link.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^https://[^\s]+$")))]
    pub url: String,
    pub title: String,
}

/// A lineage edge from an event to an earlier one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Parent {
    pub id: String,
    pub relation: Relation,
    pub evidence: Evidence,
}

/// Architecture family; each has its own lane on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    Statistical,
    Rnn,
    Embedding,
    EncoderOnly,
    EncoderDecoder,
    DecoderOnly,
    Multimodal,
    Other,
}

impl Family {
    /// Every family, in lane order from top to bottom.
    pub const ALL: [Family; 8] = [
        Family::Statistical,
        Family::Rnn,
        Family::Embedding,
        Family::EncoderOnly,
        Family::EncoderDecoder,
        Family::DecoderOnly,
        Family::Multimodal,
        Family::Other,
    ];

    /// The kebab-case name used in the data file and in CSS class names.
    pub fn slug(self) -> &'static str {
        match self {
            Family::Statistical => "statistical",
            Family::Rnn => "rnn",
            Family::Embedding => "embedding",
            Family::EncoderOnly => "encoder-only",
            Family::EncoderDecoder => "encoder-decoder",
            Family::DecoderOnly => "decoder-only",
            Family::Multimodal => "multimodal",
            Family::Other => "other",
        }
    }
}

/// What an event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Model,
    Paper,
    Product,
    Milestone,
}

/// Epoch AI's accessibility scale, plus `not-applicable` for papers and milestones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Access {
    OpenUnrestricted,
    OpenRestricted,
    OpenNoncommercial,
    Api,
    Hosted,
    Limited,
    Unreleased,
    NotApplicable,
}

/// The coarse reading of [`Access`] that the timeline draws: filled, hollow, or neither.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Openness {
    /// Weights can be downloaded (under any licence).
    Open,
    /// Weights are not published.
    Closed,
    /// Papers and milestones.
    NotApplicable,
}

impl Access {
    /// Every level, most open first (`NotApplicable` last).
    pub const ALL: [Access; 8] = [
        Access::OpenUnrestricted,
        Access::OpenRestricted,
        Access::OpenNoncommercial,
        Access::Api,
        Access::Hosted,
        Access::Limited,
        Access::Unreleased,
        Access::NotApplicable,
    ];

    /// Open weights or not, as the LLM evolutionary tree draws it (filled or hollow).
    pub fn openness(self) -> Openness {
        match self {
            Access::OpenUnrestricted | Access::OpenRestricted | Access::OpenNoncommercial => Openness::Open,
            Access::Api | Access::Hosted | Access::Limited | Access::Unreleased => Openness::Closed,
            Access::NotApplicable => Openness::NotApplicable,
        }
    }

    /// The kebab-case name used in the data file.
    pub fn slug(self) -> &'static str {
        match self {
            Access::OpenUnrestricted => "open-unrestricted",
            Access::OpenRestricted => "open-restricted",
            Access::OpenNoncommercial => "open-noncommercial",
            Access::Api => "api",
            Access::Hosted => "hosted",
            Access::Limited => "limited",
            Access::Unreleased => "unreleased",
            Access::NotApplicable => "not-applicable",
        }
    }
}

/// How a child relates to its parent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    SuccessorOf,
    FineTunedFrom,
    DerivedFrom,
    InspiredBy,
}

/// Whether a lineage edge is stated by its authors or inferred by us.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    Documented,
    Inferred,
}

/// One of the article's comparison dimensions, with both sides rated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: Text,
    pub group: DimensionGroup,
    pub open: Side,
    pub closed: Side,
    /// Event ids of models that illustrate the dimension.
    #[serde(default)]
    pub examples: Vec<String>,
}

/// Which side the article counts a dimension as a strength of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DimensionGroup {
    OpenStrength,
    ClosedStrength,
}

/// One side (open or closed) of a dimension.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Side {
    /// 1 (weak) to 5 (strong).
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 5)))]
    pub rating: u8,
    pub text: Text,
}

/// An openness criterion, adapted from the European Open Source AI Index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub group: CriterionGroup,
}

/// The index's three groups of criteria.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CriterionGroup {
    Availability,
    Documentation,
    Access,
}

/// One model's openness cells.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OpennessRow {
    /// An event id.
    pub model: String,
    /// Criterion id → cell.
    pub cells: BTreeMap<String, Cell>,
}

/// One model × criterion cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cell {
    pub level: Level,
    pub note: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// Three-level openness of a cell, plus unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Open,
    Partial,
    Closed,
    Unknown,
}
