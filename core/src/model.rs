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
    /// The date the dataset is current to, `"YYYY-MM-DD"`: no event may be dated after it.
    /// Optional for authors' own datasets; the shipped one has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub as_of: Option<String>,
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
    /// The next version by the same lab.
    SuccessorOf,
    /// Trained further from the parent's weights.
    FineTunedFrom,
    /// Trained on outputs of the parent model (distillation), e.g. Alpaca from an OpenAI model.
    DistilledFrom,
    /// Reuses the parent's architecture, code or weights in some other way.
    DerivedFrom,
    /// Takes only the idea.
    InspiredBy,
}

impl Relation {
    /// Every relation, closest first.
    pub const ALL: [Relation; 5] = [
        Relation::SuccessorOf,
        Relation::FineTunedFrom,
        Relation::DistilledFrom,
        Relation::DerivedFrom,
        Relation::InspiredBy,
    ];

    /// The kebab-case name used in the data file.
    pub fn slug(self) -> &'static str {
        match self {
            Relation::SuccessorOf => "successor-of",
            Relation::FineTunedFrom => "fine-tuned-from",
            Relation::DistilledFrom => "distilled-from",
            Relation::DerivedFrom => "derived-from",
            Relation::InspiredBy => "inspired-by",
        }
    }
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
    /// What the criterion judges, which decides the [`Basis`] tokens its cells may use. Optional
    /// for authors' own datasets: without it, any basis fits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CriterionKind>,
    /// The rubric: what counts as open, partial and closed, and the evidence each level needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<Rubric>,
}

/// What a criterion judges.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CriterionKind {
    /// An artefact that is released or not: code, data, weights.
    Artefact,
    /// The licence of the weights.
    Licence,
    /// A document the lab wrote: architecture, paper, model card, datasheet.
    Document,
    /// A way to reach the model: package, API.
    Access,
}

/// A criterion's rubric, level by level, in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    pub open: Text,
    pub partial: Text,
    pub closed: Text,
}

impl Rubric {
    /// The text for `level`; `None` for unknown, which needs no evidence.
    pub fn get(&self, level: Level) -> Option<&Text> {
        match level {
            Level::Open => Some(&self.open),
            Level::Partial => Some(&self.partial),
            Level::Closed => Some(&self.closed),
            Level::Unknown => None,
        }
    }
}

/// What was actually released or written for one cell. The cell's level follows from it by the
/// rubric ([`Basis::level`]), so the same situation scores the same for every lab.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// Artefact: the whole of it, downloadable by anyone (data: or obtainable by a published recipe).
    Released,
    /// Artefact: some of it (inference code only, a subset of the data, a recipe naming some sources).
    ReleasedInPart,
    /// Artefact: only to approved applicants.
    OnRequest,
    /// Artefact: described in prose only.
    DescribedOnly,
    /// Artefact: not made public, or no such artefact.
    NotReleased,
    /// Licence: OSI-approved, or an open data/model licence without use restrictions.
    OsiApproved,
    /// Licence: a custom licence with use restrictions. Access: gated, waitlisted, region- or
    /// partner-only.
    Restricted,
    /// Licence: non-commercial use only.
    NonCommercial,
    /// Licence: no weights licence, terms of service only.
    Proprietary,
    /// Document: written by the lab, in full.
    Detailed,
    /// Document: high-level only.
    Summary,
    /// Document: none.
    None,
    /// Access: open to anyone.
    Available,
    /// Access: not offered.
    Unavailable,
    /// Not known; fits every criterion.
    Unknown,
}

impl Basis {
    /// Every token, in rubric order.
    pub const ALL: [Basis; 15] = [
        Basis::Released,
        Basis::ReleasedInPart,
        Basis::OnRequest,
        Basis::DescribedOnly,
        Basis::NotReleased,
        Basis::OsiApproved,
        Basis::Restricted,
        Basis::NonCommercial,
        Basis::Proprietary,
        Basis::Detailed,
        Basis::Summary,
        Basis::None,
        Basis::Available,
        Basis::Unavailable,
        Basis::Unknown,
    ];

    /// The kebab-case token used in the data file.
    pub fn slug(self) -> &'static str {
        match self {
            Basis::Released => "released",
            Basis::ReleasedInPart => "released-in-part",
            Basis::OnRequest => "on-request",
            Basis::DescribedOnly => "described-only",
            Basis::NotReleased => "not-released",
            Basis::OsiApproved => "osi-approved",
            Basis::Restricted => "restricted",
            Basis::NonCommercial => "non-commercial",
            Basis::Proprietary => "proprietary",
            Basis::Detailed => "detailed",
            Basis::Summary => "summary",
            Basis::None => "none",
            Basis::Available => "available",
            Basis::Unavailable => "unavailable",
            Basis::Unknown => "unknown",
        }
    }

    /// The level the rubric gives this basis. Every token means one level whatever the
    /// criterion (`restricted` is partial both as a licence and as access).
    pub fn level(self) -> Level {
        match self {
            Basis::Released | Basis::OsiApproved | Basis::Detailed | Basis::Available => Level::Open,
            Basis::ReleasedInPart | Basis::OnRequest | Basis::Restricted | Basis::NonCommercial | Basis::Summary => {
                Level::Partial
            }
            Basis::DescribedOnly | Basis::NotReleased | Basis::Proprietary | Basis::None | Basis::Unavailable => {
                Level::Closed
            }
            Basis::Unknown => Level::Unknown,
        }
    }

    /// Whether a criterion of `kind` may use this token.
    pub fn fits(self, kind: CriterionKind) -> bool {
        use Basis::*;
        match kind {
            CriterionKind::Artefact => {
                matches!(self, Released | ReleasedInPart | OnRequest | DescribedOnly | NotReleased | Unknown)
            }
            CriterionKind::Licence => matches!(self, OsiApproved | Restricted | NonCommercial | Proprietary | Unknown),
            CriterionKind::Document => matches!(self, Detailed | Summary | None | Unknown),
            CriterionKind::Access => matches!(self, Available | Restricted | Unavailable | Unknown),
        }
    }

    /// The tokens a criterion of `kind` may use.
    pub fn for_kind(kind: CriterionKind) -> impl Iterator<Item = Basis> {
        Basis::ALL.into_iter().filter(move |b| b.fits(kind))
    }
}

impl CriterionKind {
    /// Every kind.
    pub const ALL: [CriterionKind; 4] =
        [CriterionKind::Artefact, CriterionKind::Licence, CriterionKind::Document, CriterionKind::Access];

    /// The kebab-case name used in the data file.
    pub fn slug(self) -> &'static str {
        match self {
            CriterionKind::Artefact => "artefact",
            CriterionKind::Licence => "licence",
            CriterionKind::Document => "document",
            CriterionKind::Access => "access",
        }
    }
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

impl CriterionGroup {
    /// Every group, in the order the matrix shows them.
    pub const ALL: [CriterionGroup; 3] =
        [CriterionGroup::Availability, CriterionGroup::Documentation, CriterionGroup::Access];

    /// The kebab-case name used in the data file (and in links).
    pub fn slug(self) -> &'static str {
        match self {
            CriterionGroup::Availability => "availability",
            CriterionGroup::Documentation => "documentation",
            CriterionGroup::Access => "access",
        }
    }
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
    /// What was released or written, from which the level follows by the rubric.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
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

/// A closed list of names the data file may use for a field, in the format's order: what the
/// loader reads a field's string against and lists when it does not match.
pub trait Named: Copy + 'static {
    const ALL: &'static [Self];
    /// Which list this is, for a problem's message.
    const OF: crate::problem::ValueOf;
    /// The kebab-case name used in the data file.
    fn slug(self) -> &'static str;

    /// The value named `name`, if any.
    fn from_slug(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.slug() == name)
    }
}

macro_rules! named {
    // A type that has its own `ALL` and `slug`.
    ($t:ident, $of:ident) => {
        impl Named for $t {
            const ALL: &'static [Self] = &$t::ALL;
            const OF: crate::problem::ValueOf = crate::problem::ValueOf::$of;
            fn slug(self) -> &'static str {
                $t::slug(self)
            }
        }
    };
    ($t:ident, $of:ident, [$($v:ident => $s:literal),* $(,)?]) => {
        impl Named for $t {
            const ALL: &'static [Self] = &[$($t::$v),*];
            const OF: crate::problem::ValueOf = crate::problem::ValueOf::$of;
            fn slug(self) -> &'static str {
                match self {
                    $($t::$v => $s),*
                }
            }
        }
    };
}

named!(Family, Family);
named!(Access, Access);
named!(Relation, Relation);
named!(Basis, Basis);
named!(CriterionGroup, CriterionGroup);
named!(CriterionKind, CriterionKind);
named!(Kind, Kind, [Model => "model", Paper => "paper", Product => "product", Milestone => "milestone"]);
named!(Evidence, Evidence, [Documented => "documented", Inferred => "inferred"]);
named!(DimensionGroup, DimensionGroup, [OpenStrength => "open-strength", ClosedStrength => "closed-strength"]);
named!(Level, Level, [Open => "open", Partial => "partial", Closed => "closed", Unknown => "unknown"]);

#[cfg(test)]
mod tests {
    use super::*;

    /// The names the loader reads are the ones serde writes (the export and the schema use serde).
    fn same_as_serde<T: Named + Serialize>() {
        for v in T::ALL {
            assert_eq!(serde_json::to_value(v).unwrap(), serde_json::Value::String(v.slug().to_owned()));
            assert!(T::from_slug(v.slug()).is_some_and(|w| w.slug() == v.slug()));
        }
    }

    #[test]
    fn every_closed_list_reads_and_writes_the_serde_names() {
        same_as_serde::<Family>();
        same_as_serde::<Kind>();
        same_as_serde::<Access>();
        same_as_serde::<Relation>();
        same_as_serde::<Evidence>();
        same_as_serde::<DimensionGroup>();
        same_as_serde::<CriterionGroup>();
        same_as_serde::<CriterionKind>();
        same_as_serde::<Basis>();
        same_as_serde::<Level>();
        assert_eq!(<Family as Named>::ALL, Family::ALL);
        assert_eq!(<Basis as Named>::ALL, Basis::ALL);
    }
}
