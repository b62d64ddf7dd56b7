//! The openness table as markup: its rows, columns and sort headers, and what a click on one of
//! its buttons asks for (read back from the button's `data-*`).

use std::collections::{BTreeMap, BTreeSet};

use chronicle_core::filter::Filter;
use chronicle_core::i18n::{level_name, ui, Lang};
use chronicle_core::matrix::{level_slug, level_symbol, order_rows, score, SortKey};
use chronicle_core::model::{CriterionGroup, Level};
use chronicle_core::Chronicle;
use yew::prelude::*;

use super::{group_name, GROUPS};
use crate::app::Loaded;
use crate::markup::Markup;

/// What the table is drawn from. Selection and the open cell are not part of it: they are set on
/// the drawn table (see `mark_table`), so selecting a model does not draw the table again.
#[derive(PartialEq)]
pub struct TableKey {
    pub data: Loaded,
    pub lang: Lang,
    pub sort: SortKey,
    pub descending: bool,
    pub weights: BTreeMap<String, f64>,
    pub hidden_groups: BTreeSet<CriterionGroup>,
    pub filter: Filter,
    pub story: Option<usize>,
    pub caption_id: String,
}

/// The drawn table, with the columns, rows and weights it shows (for the downloads).
pub struct Table {
    pub markup: AttrValue,
    pub columns: Vec<usize>,
    pub order: Vec<usize>,
    pub shown_weights: Vec<f64>,
}

/// The `<table>` as escaped markup: hydrating it costs nothing, and Yew keeps no virtual nodes for
/// its hundreds of cells. Its buttons carry what they do in data attributes (`data-sort`,
/// `data-select`, `data-cell`) for the one delegated click handler.
pub fn draw_table(k: &TableKey, c: &Chronicle) -> Table {
    let (lang, t) = (k.lang, ui(k.lang));
    let (criteria, rows) = (&c.data.criteria, &c.data.openness);
    let name_of = |m: &str| c.find(m).map(|i| c.events()[i].name.get(lang).to_owned()).unwrap_or_else(|| m.to_owned());
    let weights: Vec<f64> = criteria.iter().map(|crit| k.weights.get(&crit.id).copied().unwrap_or(1.0)).collect();
    // Columns in group order (so the group header spans line up), without hidden groups.
    let columns: Vec<usize> = GROUPS
        .iter()
        .filter(|g| !k.hidden_groups.contains(g))
        .flat_map(|g| criteria.iter().enumerate().filter(move |(_, crit)| crit.group == *g).map(|(i, _)| i))
        .collect();
    // Scores count the criteria shown: hiding a group takes it out of the score too.
    let shown_weights: Vec<f64> =
        (0..criteria.len()).map(|i| if columns.contains(&i) { weights[i] } else { 0.0 }).collect();
    // The shared filter narrows the rows too (access, family, organisation, years, search).
    let mask = k.filter.mask(c);
    let filtering = k.filter.is_active();
    let order: Vec<usize> = order_rows(rows, criteria, &shown_weights, &k.sort, k.descending, name_of)
        .into_iter()
        .filter(|&r| !filtering || c.find(&rows[r].model).is_some_and(|i| mask[i]))
        .collect();
    let story_criteria: Vec<&str> = k
        .story
        .and_then(|s| c.data.story.get(s))
        .map(|s| s.criteria.iter().map(String::as_str).collect())
        .unwrap_or_default();

    let mut out = Markup::new();
    out.raw("<table class=\"llmc-openness-table\"><caption").attr("id", &k.caption_id).raw(">");
    out.text(t.openness_caption).raw("</caption><thead><tr><td colspan=\"2\"></td>");
    for g in GROUPS.iter().filter(|g| !k.hidden_groups.contains(g)) {
        let span = criteria.iter().filter(|crit| crit.group == *g).count();
        if span > 0 {
            out.raw("<th scope=\"colgroup\"").attr("colspan", &span.to_string()).raw(">");
            out.text(group_name(*g, lang)).raw("</th>");
        }
    }
    out.raw("</tr><tr>");
    let mut sort_header = |key: SortKey, code: &str, label: &str, class: Option<&str>, title: Option<&str>| {
        let active = k.sort == key;
        out.raw("<th scope=\"col\"");
        if let Some(class) = class {
            out.attr("class", class);
        }
        if active {
            out.attr("aria-sort", if k.descending { "descending" } else { "ascending" });
        }
        if let Some(title) = title {
            out.attr("title", title);
        }
        out.raw("><button type=\"button\" class=\"llmc-sort\"").attr("data-sort", code).raw(">").text(label);
        if active {
            out.raw(if k.descending { " ▼" } else { " ▲" });
        }
        out.raw("</button></th>");
    };
    sort_header(SortKey::Name, &sort_code(&SortKey::Name), t.model, Some("llmc-col-model"), None);
    sort_header(SortKey::Score, &sort_code(&SortKey::Score), t.score, None, None);
    for &i in &columns {
        let crit = &criteria[i];
        let hl = story_criteria.contains(&crit.id.as_str());
        let label = format!("{}{}", crit.name.get(lang), if hl { " ★" } else { "" });
        let key = SortKey::Criterion(crit.id.clone());
        let code = sort_code(&key);
        sort_header(key, &code, &label, hl.then_some("llmc-col-highlight"), Some(crit.description.get(lang)));
    }
    out.raw("</tr></thead><tbody>");
    for &r in &order {
        let row = &rows[r];
        let name = name_of(&row.model);
        out.raw("<tr")
            .attr("data-model", &row.model)
            .raw("><th scope=\"row\"><button type=\"button\" class=\"llmc-link-button\"");
        out.attr("data-select", &row.model).raw(" aria-pressed=\"false\">").text(&name).raw("</button></th>");
        let points = (score(row, criteria, &shown_weights).round() as i64).to_string();
        out.raw("<td class=\"llmc-score\">").text(&points).raw("</td>");
        for &i in &columns {
            let crit = &criteria[i];
            let level = row.cells.get(&crit.id).map_or(Level::Unknown, |cell| cell.level);
            let label = format!("{name} · {}: {}", crit.name.get(lang), level_name(level, lang));
            out.raw("<td").attr("class", &format!("llmc-cell llmc-level-{}", level_slug(level)));
            out.raw("><button type=\"button\" class=\"llmc-cell-button\"").attr("data-cell", &format!("{r}-{i}"));
            out.attr("aria-label", &label)
                .raw(" aria-pressed=\"false\"")
                .attr("aria-controls", &detail_id(&k.caption_id));
            out.raw("><span aria-hidden=\"true\" class=\"llmc-symbol\">")
                .text(level_symbol(level))
                .raw("</span></button></td>");
        }
        out.raw("</tr>");
    }
    out.raw("</tbody></table>");
    Table { markup: out.finish().into(), columns, order, shown_weights }
}

/// `data-sort` codes of the sort buttons: a criterion's is the prefix and its id.
const SORT_NAME: &str = "name";
const SORT_SCORE: &str = "score";
const SORT_CRITERION: &str = "c:";

/// The `data-sort` code of a sort button.
pub fn sort_code(key: &SortKey) -> String {
    match key {
        SortKey::Name => SORT_NAME.to_owned(),
        SortKey::Score => SORT_SCORE.to_owned(),
        SortKey::Criterion(id) => format!("{SORT_CRITERION}{id}"),
    }
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn sort_key(code: &str) -> SortKey {
    match code {
        SORT_NAME => SortKey::Name,
        SORT_SCORE => SortKey::Score,
        _ => SortKey::Criterion(code.strip_prefix(SORT_CRITERION).unwrap_or(code).to_owned()),
    }
}

/// The cell detail region's id, from the caption's (both carry the widget's id prefix).
pub fn detail_id(caption_id: &str) -> String {
    format!("{}-cell-detail", caption_id.strip_suffix("-openness-caption").unwrap_or(caption_id))
}

/// What a click in the table asks for: read from the `data-*` of the button it landed in.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[derive(Debug, PartialEq)]
pub enum TableClick {
    Sort(SortKey),
    Select(String),
    Cell(usize, usize),
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
impl TableClick {
    /// From a button's attributes (`attr(name)`): `data-sort`, `data-select` or `data-cell`.
    fn from_button(attr: impl Fn(&str) -> Option<String>) -> Option<Self> {
        if let Some(code) = attr("data-sort") {
            return Some(TableClick::Sort(sort_key(&code)));
        }
        if let Some(model) = attr("data-select") {
            return Some(TableClick::Select(model));
        }
        let cell = attr("data-cell")?;
        let (r, k) = cell.split_once('-')?;
        Some(TableClick::Cell(r.parse().ok()?, k.parse().ok()?))
    }
}

#[cfg(target_arch = "wasm32")]
pub fn table_click(e: &MouseEvent) -> Option<TableClick> {
    let button = crate::dom::button_at(e)?;
    TableClick::from_button(|name| button.get_attribute(name))
}

#[cfg(not(target_arch = "wasm32"))]
pub fn table_click(_: &MouseEvent) -> Option<TableClick> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_buttons_say_what_they_do() {
        let button = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(TableClick::from_button(button(&[("data-sort", "name")])), Some(TableClick::Sort(SortKey::Name)));
        assert_eq!(TableClick::from_button(button(&[("data-sort", "score")])), Some(TableClick::Sort(SortKey::Score)));
        assert_eq!(
            TableClick::from_button(button(&[("data-sort", "c:weights")])),
            Some(TableClick::Sort(SortKey::Criterion("weights".into())))
        );
        assert_eq!(
            TableClick::from_button(button(&[("data-select", "llama-2")])),
            Some(TableClick::Select("llama-2".into()))
        );
        assert_eq!(TableClick::from_button(button(&[("data-cell", "3-11")])), Some(TableClick::Cell(3, 11)));
        assert_eq!(TableClick::from_button(button(&[("data-cell", "3")])), None);
        assert_eq!(TableClick::from_button(button(&[("type", "button")])), None);
        for key in [SortKey::Name, SortKey::Score, SortKey::Criterion("api".into())] {
            assert_eq!(sort_key(&sort_code(&key)), key);
        }
    }
}
