//! Filters and text search over events. The same filter drives the timeline (dim or hide) and the
//! openness matrix (rows of matching models).

use std::collections::BTreeSet;

use crate::date::Date;
use crate::model::{Access, Event, Family};
use crate::Chronicle;

/// What happens to events that do not match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FilterMode {
    /// Shown faded, still selectable.
    #[default]
    Dim,
    /// Left out.
    Hide,
}

/// The reader's filters. Empty sets and `None` mean "no restriction".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub access: BTreeSet<Access>,
    pub families: BTreeSet<Family>,
    pub org: Option<String>,
    /// Inclusive year range.
    pub years: (Option<i32>, Option<i32>),
    /// Free text; every whitespace-separated term must appear (case-insensitive) in a name (zh or
    /// en), the organisation, the id or a summary (zh or en).
    pub query: String,
    pub mode: FilterMode,
}

impl Filter {
    /// `true` when any restriction is set.
    ///
    /// ```
    /// use chronicle_core::filter::Filter;
    /// let f = Filter { query: "开放 llama".into(), ..Filter::default() };
    /// assert!(f.is_active());
    /// ```
    pub fn is_active(&self) -> bool {
        !self.access.is_empty()
            || !self.families.is_empty()
            || self.org.is_some()
            || self.years != (None, None)
            || !self.query.trim().is_empty()
    }

    /// Every restriction but the text search.
    fn passes(&self, e: &Event, date: Date) -> bool {
        if !self.access.is_empty() && !self.access.contains(&e.access) {
            return false;
        }
        if !self.families.is_empty() && !self.families.contains(&e.family) {
            return false;
        }
        if self.org.as_ref().is_some_and(|o| o != &e.org) {
            return false;
        }
        !(self.years.0.is_some_and(|y| date.year < y) || self.years.1.is_some_and(|y| date.year > y))
    }

    /// The search's terms, lower-cased.
    fn terms(&self) -> Vec<String> {
        self.query.split_whitespace().map(str::to_lowercase).collect()
    }

    /// `mask[i]` is `true` when event `i` passes every restriction. The text every search term must
    /// appear in is lower-cased once per dataset (see [`Chronicle::search_text`]), not once per
    /// event per keystroke.
    pub fn mask(&self, c: &Chronicle) -> Vec<bool> {
        let terms = self.terms();
        c.events()
            .iter()
            .enumerate()
            .map(|(i, e)| self.passes(e, c.date(i)) && (terms.is_empty() || contains_all(c.search_text(i), &terms)))
            .collect()
    }

    /// Adds `item` to `set`, or removes it when present.
    pub fn toggle<T: Ord>(set: &mut BTreeSet<T>, item: T) {
        if !set.remove(&item) {
            set.insert(item);
        }
    }
}

/// What search looks in for `e`: names (zh and en), organisation, id and summaries (zh and en),
/// lower-cased, one per line.
pub fn search_text(e: &Event) -> String {
    [
        e.name.zh.as_str(),
        e.name.en.as_str(),
        e.org.as_str(),
        e.id.as_str(),
        e.summary.zh.as_str(),
        e.summary.en.as_str(),
    ]
    .join("\n")
    .to_lowercase()
}

/// Whether `haystack` contains every term.
fn contains_all(haystack: &str, terms: &[String]) -> bool {
    terms.iter().all(|t| haystack.contains(t.as_str()))
}

/// Distinct organisations, most events first, then by name.
pub fn organisations(c: &Chronicle) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for e in c.events() {
        *counts.entry(e.org.as_str()).or_default() += 1;
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().map(|(o, n)| (o.to_owned(), n)).collect();
    crate::sort::sort_by(&mut v, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::load_json;
    use crate::SHIPPED_JSON;

    fn shipped() -> Chronicle {
        load_json(SHIPPED_JSON).unwrap()
    }

    fn count(c: &Chronicle, f: &Filter) -> usize {
        f.mask(c).iter().filter(|m| **m).count()
    }

    #[test]
    fn search_covers_both_languages_orgs_and_summaries() {
        let c = shipped();
        let by = |q: &str| Filter { query: q.into(), ..Filter::default() };
        assert!(count(&c, &by("文心一言")) >= 1, "Chinese name");
        assert!(count(&c, &by("bert")) >= 5, "English name, case-insensitive");
        assert!(count(&c, &by("DeepSeek")) >= 4, "organisation");
        assert!(count(&c, &by("few-shot")) >= 1, "English summary");
        assert_eq!(count(&c, &by("  ")), c.events().len(), "blank query matches all");
        assert_eq!(count(&c, &by("no-such-thing-anywhere")), 0);
        // All terms must match.
        assert!(count(&c, &by("meta llama")) < count(&c, &by("llama")));
    }

    #[test]
    fn restrictions_combine() {
        let c = shipped();
        let mut f = Filter::default();
        assert!(!f.is_active());
        Filter::toggle(&mut f.access, Access::Api);
        let api = count(&c, &f);
        assert!(api > 0 && api < c.events().len());
        Filter::toggle(&mut f.families, Family::Multimodal);
        assert!(count(&c, &f) < api);
        f.years = (Some(2024), Some(2024));
        let m = f.mask(&c);
        assert!(c
            .events()
            .iter()
            .enumerate()
            .filter(|(i, _)| m[*i])
            .all(|(i, e)| c.date(i).year == 2024 && e.access == Access::Api));
        Filter::toggle(&mut f.access, Access::Api);
        assert!(f.access.is_empty());
    }

    #[test]
    fn the_search_text_built_once_answers_every_later_query_as_a_fresh_dataset_would() {
        let used = shipped();
        for q in ["bert", "Meta LLaMA", "开放", "GPT 2020", "x"] {
            let f = Filter { query: q.into(), ..Filter::default() };
            let by_hand: Vec<bool> =
                used.events().iter().map(|e| f.terms().iter().all(|t| search_text(e).contains(t.as_str()))).collect();
            assert_eq!(f.mask(&used), by_hand, "{q}");
            assert_eq!(f.mask(&used), f.mask(&shipped()), "{q}");
        }
        assert_eq!(used, shipped(), "the cache never makes datasets unequal");
    }

    #[test]
    fn organisations_are_counted() {
        let c = shipped();
        let orgs = organisations(&c);
        assert_eq!(orgs.iter().map(|o| o.1).sum::<usize>(), c.events().len());
        assert!(orgs.windows(2).all(|w| w[0].1 >= w[1].1));
    }
}
