//! The detail panel of one event as a scene: its facts, summary, sources and lineage. The same
//! scene, left blank, is the template the start-up script fills for a click that comes before the
//! widget runs, so the early panel and the widget's are one piece of markup.

use crate::i18n::{
    access_name, evidence_name, family_name, openness_marker, relation_name, relation_of_child, ui, Lang,
};
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::load_json;

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
