//! The narrow timeline as a scene: the events in view as a vertical list grouped by year, each a
//! button with its marker, name and a line of facts.

use crate::i18n::{family_name, level_name, openness_marker, ui, Lang};
use crate::layout::vertical_groups;
use crate::matrix::level_symbol;
use crate::model::Openness;
use crate::query::Query;
use crate::scale::TickLabel;

use super::{Flags, Walk};

#[derive(Clone, Debug, PartialEq)]
pub struct ListScene {
    pub years: Vec<YearGroup>,
    pub walk: Walk,
}

#[derive(Clone, Debug, PartialEq)]
pub struct YearGroup {
    pub title: String,
    pub entries: Vec<ListEntry>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ListEntry {
    pub id: String,
    pub name: String,
    pub shape: Openness,
    pub flags: Flags,
    /// Date, organisation, family, and the colouring criterion's level when coloured.
    pub meta: String,
    /// Said after the facts: the openness in words, and whether it does not match the filters.
    pub openness: &'static str,
    pub not_matching: Option<&'static str>,
    pub tab_stop: bool,
}

impl ListScene {
    /// The first `n` entries, in their year groups, and how many were left out: what a phone's
    /// first screens show before the widget has measured its width. (The whole list would double
    /// the page the parser must read before a click can be answered.)
    pub fn first(mut self, n: usize) -> (ListScene, usize) {
        let total: usize = self.years.iter().map(|y| y.entries.len()).sum();
        let mut room = n;
        self.years.retain_mut(|y| {
            y.entries.truncate(room);
            room -= y.entries.len();
            !y.entries.is_empty()
        });
        self.walk.ids.truncate(n);
        self.walk.anchors.truncate(n);
        (self, total.saturating_sub(n))
    }
}

/// The scene of the narrow timeline: the events of `window` (fractional years).
pub fn list(q: &Query, window: (f64, f64), lang: Lang) -> ListScene {
    let c = q.chronicle;
    let t = ui(lang);
    let groups = vertical_groups(c, window, q.include());
    let ids: Vec<String> = groups.iter().flat_map(|(_, members)| members).map(|&i| c.events()[i].id.clone()).collect();
    let walk = Walk { anchors: vec![0.5; ids.len()], ids };
    let years = groups
        .iter()
        .map(|(year, members)| YearGroup {
            title: TickLabel::Year(*year).format(lang),
            entries: members
                .iter()
                .map(|&i| {
                    let e = &c.events()[i];
                    let flags = Flags {
                        dimmed: !q.matches(i),
                        highlighted: q.highlighted(&e.id),
                        colour: q.colour(&e.id),
                        ..Flags::default()
                    };
                    let mut meta = format!("{} · {} · {}", c.date(i), e.org, family_name(e.family, lang));
                    if let (Some(Some(level)), Some(criterion)) = (flags.colour, q.colour_by) {
                        meta += &format!(
                            " · {}: {} {}",
                            criterion.name.get(lang),
                            level_symbol(level),
                            level_name(level, lang)
                        );
                    }
                    ListEntry {
                        id: e.id.clone(),
                        name: e.name.get(lang).to_owned(),
                        shape: e.access.openness(),
                        flags,
                        meta,
                        openness: openness_marker(e.access.openness(), lang),
                        not_matching: flags.dimmed.then_some(t.not_matching_suffix),
                        tab_stop: walk.first() == Some(e.id.as_str()),
                    }
                })
                .collect(),
        })
        .collect();
    ListScene { years, walk }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::Filter;

    #[test]
    fn the_first_entries_keep_their_year_groups_and_count_the_rest() {
        let c = crate::validate::load_json(crate::SHIPPED_JSON).unwrap();
        let filter = Filter::default();
        let q = Query::new(&c, &filter, None, None);
        let all = list(&q, c.extent(), Lang::En);
        let total: usize = all.years.iter().map(|y| y.entries.len()).sum();
        let (first, more) = all.clone().first(10);
        let ids: Vec<&str> = first.years.iter().flat_map(|y| &y.entries).map(|e| e.id.as_str()).collect();
        let expect: Vec<&str> = all.years.iter().flat_map(|y| &y.entries).take(10).map(|e| e.id.as_str()).collect();
        assert_eq!(ids, expect);
        assert_eq!(more, total - 10);
        assert_eq!(first.walk.ids.len(), 10);
        assert!(first.years.iter().all(|y| !y.entries.is_empty()));
        assert_eq!(all.clone().first(total + 5).1, 0);
    }
}
