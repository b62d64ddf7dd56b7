//! Deep links: the reader's state as a URL fragment, and back.
//!
//! `#lang=en&e=gpt-3&w=2017.5~2020&q=llama&a=api.hosted&f=decoder-only&o=Meta+AI&y=2010~2020&m=hide&s=3&t=even&l=all&k=name&d=asc&wt=api*2~weights*0&g=access`
//!
//! Every key is optional; unknown keys and bad values are ignored, so an old or mangled link still
//! opens the widget.

use crate::filter::FilterMode;
use crate::i18n::Lang;
use crate::matrix::SortKey;
use crate::model::{Access, CriterionGroup, Family};
use crate::num::parse_f64;
use crate::state::{State, View};
use crate::Chronicle;

fn access_from(s: &str) -> Option<Access> {
    Access::ALL.into_iter().find(|a| a.slug() == s)
}

fn family_from(s: &str) -> Option<Family> {
    Family::ALL.into_iter().find(|f| f.slug() == s)
}

/// The fragment (without `#`) that restores `state`. Defaults are left out, so a fresh state
/// encodes to `lang=…` only.
///
/// ```
/// use chronicle_core::{i18n::Lang, link, scale::Warp, state::{Action, State}};
/// let s = State::new(Lang::En, (1948.0, 2026.0), Warp::Identity).reduce(Action::Select("bert".into()));
/// assert_eq!(link::encode(&s), "lang=en&e=bert");
/// ```
pub fn encode(state: &State) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("lang", state.lang.code());
    if let Some(id) = &state.selected {
        out.append_pair("e", id);
    }
    if !state.is_zoomed_out() {
        out.append_pair("w", &format!("{}~{}", round(state.viewport.window.0), round(state.viewport.window.1)));
    }
    let f = &state.filter;
    if !f.query.trim().is_empty() {
        out.append_pair("q", f.query.trim());
    }
    if !f.access.is_empty() {
        out.append_pair("a", &f.access.iter().map(|a| a.slug()).collect::<Vec<_>>().join("."));
    }
    if !f.families.is_empty() {
        out.append_pair("f", &f.families.iter().map(|f| f.slug()).collect::<Vec<_>>().join("."));
    }
    if let Some(o) = &f.org {
        out.append_pair("o", o);
    }
    if f.years != (None, None) {
        let y = |v: Option<i32>| v.map(|v| v.to_string()).unwrap_or_default();
        out.append_pair("y", &format!("{}~{}", y(f.years.0), y(f.years.1)));
    }
    if f.mode == FilterMode::Hide {
        out.append_pair("m", "hide");
    }
    if let Some(k) = state.story {
        out.append_pair("s", &(k + 1).to_string());
    }
    if state.even_time {
        out.append_pair("t", "even");
    }
    if state.all_edges {
        out.append_pair("l", "all");
    }
    if state.view != View::Both {
        out.append_pair("v", state.view.slug());
    }
    if let Some(c) = &state.colour_by {
        out.append_pair("c", c);
    }
    // The openness matrix: its order, weights and hidden groups.
    if (&state.sort, state.sort_descending) != (&SortKey::Score, true) {
        out.append_pair("k", &state.sort.code());
        out.append_pair("d", if state.sort_descending { "desc" } else { "asc" });
    }
    if !state.weights.is_empty() {
        let w: Vec<String> = state.weights.iter().map(|(id, w)| format!("{id}*{w}")).collect();
        out.append_pair("wt", &w.join("~"));
    }
    if !state.hidden_groups.is_empty() {
        out.append_pair("g", &state.hidden_groups.iter().map(|g| g.slug()).collect::<Vec<_>>().join("."));
    }
    out.finish()
}

/// Three decimals of a year are about nine hours: plenty, and short.
fn round(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// What a fragment asks for, checked against the data (unknown ids and bad numbers dropped).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Link {
    pub lang: Option<Lang>,
    pub selected: Option<String>,
    pub window: Option<(f64, f64)>,
    pub query: Option<String>,
    pub access: Vec<Access>,
    pub families: Vec<Family>,
    pub org: Option<String>,
    pub years: (Option<i32>, Option<i32>),
    pub hide: bool,
    /// 0-based story stop.
    pub story: Option<usize>,
    pub even_time: bool,
    /// Every lineage edge at full strength, not only the big branches.
    pub all_edges: bool,
    pub view: Option<View>,
    /// A criterion id to colour the timeline by.
    pub colour_by: Option<String>,
    /// The openness matrix's sort key and direction (`true`: descending).
    pub sort: Option<(SortKey, bool)>,
    /// Criterion weights other than 1.
    pub weights: Vec<(String, f64)>,
    /// Criteria groups hidden from the matrix.
    pub hidden_groups: Vec<CriterionGroup>,
}

/// Reads a fragment (with or without the leading `#`).
pub fn decode(fragment: &str, c: &Chronicle) -> Link {
    let mut link = Link::default();
    let pair = |s: &str| -> Option<(f64, f64)> {
        let (a, b) = s.split_once('~')?;
        let (a, b) = (parse_f64(a)?, parse_f64(b)?);
        (a.is_finite() && b.is_finite() && a < b).then_some((a, b))
    };
    for (k, v) in form_urlencoded::parse(fragment.trim_start_matches('#').as_bytes()) {
        match k.as_ref() {
            "lang" => link.lang = Lang::from_tag(&v),
            "e" => link.selected = c.find(&v).map(|_| v.into_owned()),
            "w" => link.window = pair(&v),
            "q" => link.query = Some(v.chars().take(200).collect()),
            "a" => link.access = v.split('.').filter_map(access_from).collect(),
            "f" => link.families = v.split('.').filter_map(family_from).collect(),
            "o" => link.org = c.events().iter().any(|e| e.org == v).then(|| v.into_owned()),
            "y" => {
                if let Some((a, b)) = v.split_once('~') {
                    link.years = (a.parse().ok(), b.parse().ok());
                }
            }
            "m" => link.hide = v == "hide",
            "s" => link.story = v.parse::<usize>().ok().filter(|k| (1..=c.data.story.len()).contains(k)).map(|k| k - 1),
            "t" => link.even_time = v == "even",
            "l" => link.all_edges = v == "all",
            "v" => link.view = View::from_slug(&v),
            "c" => link.colour_by = c.data.criteria.iter().any(|k| k.id == v).then(|| v.into_owned()),
            "k" => link.sort = sort_of(&v, c).map(|key| (key, true)),
            "d" => {
                if let Some(sort) = &mut link.sort {
                    sort.1 = v != "asc";
                }
            }
            "wt" => link.weights = v.split('~').filter_map(|w| weight_of(w, c)).collect(),
            "g" => {
                link.hidden_groups =
                    v.split('.').filter_map(|s| CriterionGroup::ALL.into_iter().find(|g| g.slug() == s)).collect()
            }
            _ => {}
        }
    }
    link
}

/// The part of a link that embed settings ask for (view, focused event, story stop), checked
/// against the data.
pub fn from_settings(s: &crate::settings::Settings, c: &Chronicle) -> Link {
    Link {
        view: s.view,
        selected: s.focus.clone().filter(|id| c.find(id).is_some()),
        story: s.story.and_then(|n| n.checked_sub(1)).filter(|k| *k < c.data.story.len()),
        ..Link::default()
    }
}

/// The sort key a link's code names, if the dataset has it.
fn sort_of(code: &str, c: &Chronicle) -> Option<SortKey> {
    let key = SortKey::from_code(code);
    match &key {
        SortKey::Criterion(id) if !c.data.criteria.iter().any(|k| &k.id == id) => None,
        _ => Some(key),
    }
}

/// A weight as a link writes it (`id*2.5`), if the dataset has the criterion.
fn weight_of(w: &str, c: &Chronicle) -> Option<(String, f64)> {
    let (id, w) = w.split_once('*')?;
    let w = parse_f64(w).filter(|w| w.is_finite())?;
    c.data.criteria.iter().any(|k| k.id == id).then(|| (id.to_owned(), w))
}

/// `state` with everything `link` asks for applied, in the order a reader would have done it.
pub fn restore(mut state: State, link: &Link, c: &Chronicle) -> State {
    use crate::date::span;
    use crate::state::Action;
    let mut actions = Vec::new();
    if let Some(lang) = link.lang {
        actions.push(Action::SetLang(lang));
    }
    actions.push(Action::SetEvenTime(link.even_time));
    actions.push(Action::SetAllEdges(link.all_edges));
    if let Some(stop) = link.story.and_then(|k| c.data.story.get(k).map(|s| (k, s))) {
        if let Some((start, end)) = span(&stop.1.start, &stop.1.end) {
            actions.push(Action::StoryGo { index: stop.0, start, end });
        }
    }
    if let Some((start, end)) = link.window {
        actions.push(Action::ZoomTo { start, end });
    }
    if let Some(q) = &link.query {
        actions.push(Action::SetQuery(q.clone()));
    }
    actions.push(Action::SetAccess(link.access.clone()));
    for f in &link.families {
        actions.push(Action::ToggleFamily(*f));
    }
    actions.push(Action::SetOrg(link.org.clone()));
    actions.push(Action::SetYears(link.years.0, link.years.1));
    if link.hide {
        actions.push(Action::SetFilterMode(FilterMode::Hide));
    }
    if let Some(v) = link.view {
        actions.push(Action::SetView(v));
    }
    if let Some(c) = &link.colour_by {
        actions.push(Action::ColourBy(Some(c.clone())));
    }
    if let Some((key, descending)) = &link.sort {
        actions.push(Action::SetSort(key.clone(), *descending));
    }
    for (id, w) in &link.weights {
        actions.push(Action::SetWeight(id.clone(), *w));
    }
    for g in &link.hidden_groups {
        if !state.hidden_groups.contains(g) {
            actions.push(Action::ToggleGroup(*g));
        }
    }
    if let Some(id) = &link.selected {
        actions.push(Action::Select(id.clone()));
    }
    for a in actions {
        state = state.reduce(a);
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;
    use crate::validate::load_json;
    use crate::SHIPPED_JSON;

    #[test]
    fn a_full_state_round_trips() {
        let c = load_json(SHIPPED_JSON).unwrap();
        let s = State::new(Lang::Zh, c.extent(), c.focus_warp().clone())
            .reduce(Action::Select("gpt-3".into()))
            .reduce(Action::ZoomTo { start: 2017.25, end: 2020.5 })
            .reduce(Action::SetQuery("开源 & llama".into()))
            .reduce(Action::ToggleAccess(Access::Api))
            .reduce(Action::ToggleAccess(Access::OpenRestricted))
            .reduce(Action::ToggleFamily(Family::DecoderOnly))
            .reduce(Action::SetOrg(Some("Meta AI".into())))
            .reduce(Action::SetYears(Some(2010), None))
            .reduce(Action::SetFilterMode(FilterMode::Hide))
            .reduce(Action::SetEvenTime(true))
            .reduce(Action::SetAllEdges(true))
            .reduce(Action::SetView(View::Timeline))
            .reduce(Action::ColourBy(Some("training-data".into())))
            .reduce(Action::SortBy(SortKey::Criterion("training-data".into())))
            .reduce(Action::SortBy(SortKey::Criterion("training-data".into())))
            .reduce(Action::SetWeight("training-data".into(), 2.5))
            .reduce(Action::SetWeight("api".into(), 0.0))
            .reduce(Action::ToggleGroup(CriterionGroup::Documentation));
        let fragment = encode(&s);
        let link = decode(&format!("#{fragment}"), &c);
        let fresh = State::new(Lang::En, c.extent(), c.focus_warp().clone());
        let restored = restore(fresh, &link, &c);
        assert_eq!(encode(&restored), fragment, "restoring a link gives the same link");
        assert_eq!(link.lang, Some(Lang::Zh));
        assert_eq!(link.selected.as_deref(), Some("gpt-3"));
        let w = link.window.unwrap();
        assert!((w.0 - 2017.25).abs() < 1e-3 && (w.1 - 2020.5).abs() < 1e-3, "{w:?}");
        assert_eq!(link.query.as_deref(), Some("开源 & llama"));
        assert_eq!(link.access, [Access::OpenRestricted, Access::Api]);
        assert_eq!(link.families, [Family::DecoderOnly]);
        assert_eq!(link.org.as_deref(), Some("Meta AI"));
        assert_eq!(link.years, (Some(2010), None));
        assert!(link.hide && link.even_time && link.all_edges);
        assert_eq!((link.view, link.colour_by.as_deref()), (Some(View::Timeline), Some("training-data")));
        assert_eq!(link.sort, Some((SortKey::Criterion("training-data".into()), false)), "flipped to ascending");
        assert_eq!(link.weights, [("api".to_owned(), 0.0), ("training-data".to_owned(), 2.5)]);
        assert_eq!(link.hidden_groups, [CriterionGroup::Documentation]);
        assert_eq!((&restored.weights, &restored.hidden_groups), (&s.weights, &s.hidden_groups));
    }

    #[test]
    fn junk_is_ignored() {
        let c = load_json(SHIPPED_JSON).unwrap();
        let link = decode("#e=ghost&w=2020~2010&w2=x&a=api.nonsense&s=999&o=Nobody&lang=fr&%ZZ=1", &c);
        assert_eq!(link.selected, None);
        assert_eq!(link.window, None);
        assert_eq!(link.access, [Access::Api]);
        assert_eq!((link.story, link.org.clone(), link.lang), (None, None, None));
    }
}
