//! The detail panel of one event as a scene: its facts, summary, sources and lineage. The same
//! scene, left blank, is the template the start-up script fills for a click that comes before the
//! widget runs, so the early panel and the widget's are one piece of markup.

use crate::i18n::{
    access_name, evidence_name, family_name, openness_marker, relation_name, relation_of_child, ui, Lang,
};
use crate::state::DetailAt;
use crate::Chronicle;

/// Which fact a row states. Its slug names it in the markup (`data-fact`), where the event list's
/// entries and the panel template meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactKey {
    Date,
    Org,
    Family,
    Access,
    License,
    Params,
}

impl FactKey {
    pub fn slug(self) -> &'static str {
        match self {
            FactKey::Date => "date",
            FactKey::Org => "org",
            FactKey::Family => "family",
            FactKey::Access => "access",
            FactKey::License => "license",
            FactKey::Params => "params",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let t = ui(lang);
        match self {
            FactKey::Date => t.date,
            FactKey::Org => t.org,
            FactKey::Family => t.family,
            FactKey::Access => t.access,
            FactKey::License => t.license,
            FactKey::Params => t.params,
        }
    }
}

/// The facts the event list states for every event, and so the ones an early panel can show.
pub const LISTED: [FactKey; 3] = [FactKey::Date, FactKey::Org, FactKey::Access];

#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub key: FactKey,
    pub label: &'static str,
    pub value: String,
}

/// A link to another event of its lineage, with the edge in words: its relation (said of this
/// event for a parent, of the other for a child) and whether it is documented or inferred.
#[derive(Clone, Debug, PartialEq)]
pub struct LineageLink {
    pub id: String,
    pub text: String,
    pub edge: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lineage {
    pub title: &'static str,
    pub links: Vec<LineageLink>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DetailScene {
    /// The heading's id, which names the panel.
    pub title_id: String,
    pub title: String,
    pub close: &'static str,
    pub facts: Vec<Fact>,
    pub summary: String,
    pub sources_title: &'static str,
    /// (url, title) of each source.
    pub sources: Vec<(String, String)>,
    pub lineage: Vec<Lineage>,
}

/// The value of fact `key` for event `i`, if it has one.
pub fn fact(c: &Chronicle, i: usize, key: FactKey, lang: Lang) -> Option<String> {
    let e = &c.events()[i];
    Some(match key {
        FactKey::Date => c.date(i).to_string(),
        FactKey::Org => e.org.clone(),
        FactKey::Family => family_name(e.family, lang).to_owned(),
        FactKey::Access => format!("{} · {}", access_name(e.access, lang), openness_marker(e.access.openness(), lang)),
        FactKey::License => e.license.clone()?,
        FactKey::Params => e.params.clone()?,
    })
}

/// The panel of event `i`.
pub fn detail(c: &Chronicle, i: usize, lang: Lang, id_prefix: &str) -> DetailScene {
    let t = ui(lang);
    let e = &c.events()[i];
    let keys = [FactKey::Date, FactKey::Org, FactKey::Family, FactKey::Access, FactKey::License, FactKey::Params];
    let link = |j: usize, edge: String| LineageLink {
        id: c.events()[j].id.clone(),
        text: format!("{} ({})", c.events()[j].name.get(lang), c.date(j).year),
        edge,
    };
    let sep = if lang == Lang::Zh { "，" } else { ", " };
    let parents: Vec<LineageLink> = e
        .parents
        .iter()
        .filter_map(|p| {
            let j = c.find(&p.id)?;
            Some(link(j, format!("{}{sep}{}", relation_name(p.relation, lang), evidence_name(p.evidence, lang))))
        })
        .collect();
    let children: Vec<LineageLink> = c
        .children(i)
        .iter()
        .filter_map(|&j| {
            let p = c.events()[j].parents.iter().find(|p| p.id == e.id)?;
            Some(link(j, format!("{}{sep}{}", relation_of_child(p.relation, lang), evidence_name(p.evidence, lang))))
        })
        .collect();
    let lineage = [(t.parents, parents), (t.children, children)]
        .into_iter()
        .filter(|(_, links)| !links.is_empty())
        .map(|(title, links)| Lineage { title, links })
        .collect();
    DetailScene {
        title_id: format!("{id_prefix}-detail-title"),
        title: e.name.get(lang).to_owned(),
        close: t.close,
        facts: keys
            .into_iter()
            .filter_map(|key| Some(Fact { key, label: key.label(lang), value: fact(c, i, key, lang)? }))
            .collect(),
        summary: e.summary.get(lang).to_owned(),
        sources_title: t.sources,
        sources: e.sources.iter().map(|s| (s.url.clone(), s.title.clone())).collect(),
        lineage,
    }
}

/// The panel with every text left blank but its labels: what the start-up script fills from an
/// event's list entry (the facts in [`LISTED`], the summary and the sources).
pub fn template(lang: Lang, id_prefix: &str) -> DetailScene {
    let t = ui(lang);
    DetailScene {
        title_id: format!("{id_prefix}-detail-title"),
        title: String::new(),
        close: t.close,
        facts: LISTED.into_iter().map(|key| Fact { key, label: key.label(lang), value: String::new() }).collect(),
        summary: String::new(),
        sources_title: t.sources,
        sources: vec![],
        lineage: vec![],
    }
}

/// Where the selected event's panel goes: where the reader is looking, so that opening it never
/// moves the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// In the openness matrix, in a row of its own under the model's row.
    Row,
    /// In the narrow timeline's list, under the event's entry (pushing the entries after it down).
    Under,
    /// Over the wide plot, along its side: the left one when the event's marker is in the right
    /// half (so the marker stays in sight), else the right one.
    Beside { left: bool },
    /// Its own place in the page, below the timeline, when the view it was selected from does not
    /// show it (e.g. a model with no matrix row, or a timeline that is not shown).
    Home,
}

/// What the page offers the panel of the selected event, as the widget finds it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Offered {
    /// The openness matrix has a row for it.
    pub row: bool,
    /// The narrow list is shown, with an entry for it.
    pub entry: bool,
    /// The wide plot is shown: its width, and the x of the event's marker if it is drawn.
    pub plot: Option<(f64, Option<f64>)>,
}

/// Where the panel of an event selected from `at` goes, given what the page offers.
///
/// ```
/// use chronicle_core::scene::detail::{place, Offered, Place};
/// use chronicle_core::state::DetailAt;
/// let wide = Offered { row: true, plot: Some((1000.0, Some(800.0))), ..Offered::default() };
/// assert_eq!(place(DetailAt::Timeline, wide), Place::Beside { left: true });
/// assert_eq!(place(DetailAt::Matrix, wide), Place::Row);
/// ```
pub fn place(at: DetailAt, offered: Offered) -> Place {
    let timeline = || match offered {
        Offered { entry: true, .. } => Some(Place::Under),
        Offered { plot: Some((width, x)), .. } => Some(Place::Beside { left: x.is_some_and(|x| x > width / 2.0) }),
        _ => None,
    };
    let row = || offered.row.then_some(Place::Row);
    // From the matrix, a model with no row has its panel at home, just above the matrices, rather
    // than beside a plot the reader has scrolled away from.
    match at {
        DetailAt::Timeline => timeline().or_else(row),
        DetailAt::Matrix => row(),
    }
    .unwrap_or(Place::Home)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::load_json;

    #[test]
    fn the_panel_opens_where_the_event_was_selected() {
        let none = Offered::default();
        let narrow = Offered { entry: true, row: true, ..none };
        let wide = |x| Offered { plot: Some((1000.0, x)), row: true, ..none };
        assert_eq!(place(DetailAt::Timeline, narrow), Place::Under);
        assert_eq!(place(DetailAt::Timeline, wide(Some(200.0))), Place::Beside { left: false });
        assert_eq!(place(DetailAt::Timeline, wide(Some(700.0))), Place::Beside { left: true });
        assert_eq!(place(DetailAt::Timeline, wide(None)), Place::Beside { left: false }, "not drawn: the right");
        assert_eq!(place(DetailAt::Matrix, wide(Some(200.0))), Place::Row);
        assert_eq!(place(DetailAt::Matrix, narrow), Place::Row);
        assert_eq!(place(DetailAt::Matrix, Offered { row: false, ..narrow }), Place::Home);
        assert_eq!(place(DetailAt::Timeline, Offered { row: true, ..none }), Place::Row, "no timeline shown");
        assert_eq!(place(DetailAt::Timeline, none), Place::Home);
    }

    #[test]
    fn a_panel_states_its_facts_sources_and_lineage() {
        let c = load_json(include_str!("../../tests/fixtures/scene.json")).unwrap();
        let i = c.find("bert").unwrap();
        let d = detail(&c, i, Lang::En, "x");
        assert_eq!(d.title_id, "x-detail-title");
        assert_eq!(d.title, "BERT");
        assert_eq!(
            d.facts.iter().map(|f| f.key).collect::<Vec<_>>()[..4],
            [FactKey::Date, FactKey::Org, FactKey::Family, FactKey::Access]
        );
        assert_eq!(d.facts[0].value, "2018-10-11");
        assert_eq!(d.lineage.len(), 2, "parents and children");
        let transformer = d.lineage[0].links.iter().find(|l| l.id == "transformer").unwrap();
        assert_eq!(
            (transformer.text.as_str(), transformer.edge.as_str()),
            ("Transformer (2017)", "derived from, documented")
        );
        assert!(d.lineage[1].links.iter().any(|l| l.id == "t5"));
        let blank = template(Lang::Zh, "x");
        assert_eq!(blank.facts.iter().map(|f| f.label).collect::<Vec<_>>(), ["日期", "机构", "开放程度"]);
        assert!(blank.title.is_empty() && blank.sources.is_empty() && blank.lineage.is_empty());
    }
}
