//! The openness table as a scene: which criteria are columns (group by group, hidden groups left
//! out), which models are rows and in what order, each row's score over the criteria shown, the
//! sort headers, and each cell's level, symbol and accessible name. The CSV and JSON downloads
//! take their rows and columns from the same scene, so a file holds exactly what is on screen.
//!
//! Its buttons say what they do in `data-*` codes (`data-sort`, `data-select`, `data-cell`), made
//! and read back here ([`Click`]), so the round trip through the DOM is tested natively.

use std::collections::{BTreeMap, BTreeSet};

use crate::filter::Filter;
use crate::i18n::{basis_name, group_name, level_name, ui, Lang};
use crate::matrix::{level_slug, level_symbol, order_rows, score, score_text, SortKey};
use crate::model::{CriterionGroup, Level};
use crate::state::Choices;
use crate::Chronicle;

/// The reader's choices the table depends on (and nothing else: selecting a model or opening a
/// cell does not draw the table again, the widget marks those on the drawn table).
#[derive(Clone, Debug, PartialEq)]
pub struct TableChoices {
    pub lang: Lang,
    pub sort: SortKey,
    pub descending: bool,
    pub weights: BTreeMap<String, f64>,
    pub hidden_groups: BTreeSet<CriterionGroup>,
    pub filter: Filter,
    pub story: Option<usize>,
}

impl TableChoices {
    pub fn of(c: &Choices) -> Self {
        TableChoices {
            lang: c.lang,
            sort: c.sort.clone(),
            descending: c.sort_descending,
            weights: c.weights.clone(),
            hidden_groups: c.hidden_groups.clone(),
            filter: c.filter.clone(),
            story: c.story,
        }
    }
}

/// The table.
#[derive(Clone, Debug, PartialEq)]
pub struct OpennessTable {
    pub caption: &'static str,
    /// The group header row: each shown group's name and how many columns it spans.
    pub groups: Vec<(&'static str, usize)>,
    /// The sort header row: model, score, then one per criterion shown.
    pub heads: Vec<SortHead>,
    pub rows: Vec<RowMark>,
    /// Criterion indices shown, in column order.
    pub columns: Vec<usize>,
    /// Row indices (into the dataset's `openness`) shown, in display order.
    pub order: Vec<usize>,
    /// Each criterion's weight in the score, 0 for a hidden one.
    pub shown_weights: Vec<f64>,
}

/// A sort button in the header.
#[derive(Clone, Debug, PartialEq)]
pub struct SortHead {
    /// Its `data-sort` code (see [`Click`]).
    pub code: String,
    /// Its text, with " ★" when the story stop names the criterion.
    pub label: String,
    /// `Some(descending)` when the table is sorted by it.
    pub sorted: Option<bool>,
    /// The model column (`llmc-col-model`) or a story-highlighted one (`llmc-col-highlight`).
    pub class: Option<&'static str>,
    /// The criterion's description, as a tooltip.
    pub title: Option<String>,
}

/// A model's row.
#[derive(Clone, Debug, PartialEq)]
pub struct RowMark {
    pub model: String,
    pub name: String,
    /// The score as shown.
    pub score: String,
    pub cells: Vec<CellMark>,
}

/// One cell's button.
#[derive(Clone, Debug, PartialEq)]
pub struct CellMark {
    /// Its `data-cell` code (see [`Click`]).
    pub code: String,
    pub level: Level,
    /// "Model · Criterion: level", its accessible name (the symbol is hidden from it).
    pub label: String,
}

/// The table for `k`, or `None` when the dataset has no matrix.
pub fn table(c: &Chronicle, k: &TableChoices) -> Option<OpennessTable> {
    let (criteria, rows) = (&c.data.criteria, &c.data.openness);
    if criteria.is_empty() || rows.is_empty() {
        return None;
    }
    let (lang, t) = (k.lang, ui(k.lang));
    let weights: Vec<f64> = criteria.iter().map(|crit| k.weights.get(&crit.id).copied().unwrap_or(1.0)).collect();
    let shown_groups = || CriterionGroup::ALL.into_iter().filter(|g| !k.hidden_groups.contains(g));
    // Columns in group order (so the group header spans line up), without hidden groups.
    let columns: Vec<usize> = shown_groups()
        .flat_map(|g| criteria.iter().enumerate().filter(move |(_, crit)| crit.group == g).map(|(i, _)| i))
        .collect();
    let groups = shown_groups()
        .map(|g| (group_name(g, lang), criteria.iter().filter(|crit| crit.group == g).count()))
        .filter(|(_, span)| *span > 0)
        .collect();
    // Scores count the criteria shown: hiding a group takes it out of the score too.
    let shown_weights: Vec<f64> =
        (0..criteria.len()).map(|i| if columns.contains(&i) { weights[i] } else { 0.0 }).collect();
    // The shared filter narrows the rows too (access, family, organisation, years, search).
    let mask = k.filter.mask(c);
    let filtering = k.filter.is_active();
    let order: Vec<usize> = order_rows(rows, criteria, &shown_weights, &k.sort, k.descending, |m| c.name_of(m, lang))
        .into_iter()
        .filter(|&r| !filtering || c.find(&rows[r].model).is_some_and(|i| mask[i]))
        .collect();
    let story_criteria: Vec<&str> = k
        .story
        .and_then(|s| c.data.story.get(s))
        .map(|s| s.criteria.iter().map(String::as_str).collect())
        .unwrap_or_default();

    let head = |key: SortKey, label: String, class: Option<&'static str>, title: Option<String>| SortHead {
        code: key.code(),
        label,
        sorted: (k.sort == key).then_some(k.descending),
        class,
        title,
    };
    let mut heads = vec![
        head(SortKey::Name, t.model.to_owned(), Some("llmc-col-model"), None),
        head(SortKey::Score, t.score.to_owned(), None, None),
    ];
    heads.extend(columns.iter().map(|&i| {
        let crit = &criteria[i];
        let hl = story_criteria.contains(&crit.id.as_str());
        let label = format!("{}{}", crit.name.get(lang), if hl { " ★" } else { "" });
        let class = hl.then_some("llmc-col-highlight");
        head(SortKey::Criterion(crit.id.clone()), label, class, Some(crit.description.get(lang).to_owned()))
    }));

    let rows = order
        .iter()
        .map(|&r| {
            let row = &rows[r];
            let name = c.name_of(&row.model, lang);
            let cells = columns
                .iter()
                .map(|&i| {
                    let crit = &criteria[i];
                    let level = row.cells.get(&crit.id).map_or(Level::Unknown, |cell| cell.level);
                    let label = format!("{name} · {}: {}", crit.name.get(lang), level_name(level, lang));
                    CellMark { code: cell_code(r, i), level, label }
                })
                .collect();
            let score = score_text(score(row, criteria, &shown_weights));
            RowMark { model: row.model.clone(), name, score, cells }
        })
        .collect();
    Some(OpennessTable { caption: t.openness_caption, groups, heads, rows, columns, order, shown_weights })
}

/// What an open cell's note says.
#[derive(Clone, Debug, PartialEq)]
pub struct CellDetail {
    /// "Model · Criterion".
    pub title: String,
    pub level: Level,
    /// The level's symbol and name, e.g. "◐ Partial".
    pub level_text: String,
    pub note: String,
    /// What the level rests on, in words.
    pub basis: Option<&'static str>,
    /// The criterion's description.
    pub description: String,
    /// The source's title and address.
    pub source: Option<(String, String)>,
}

/// The note of the cell of row `r` (into the dataset's `openness`) and criterion `k`.
pub fn cell_detail(c: &Chronicle, r: usize, k: usize, lang: Lang) -> Option<CellDetail> {
    let row = c.data.openness.get(r)?;
    let crit = c.data.criteria.get(k)?;
    let cell = row.cells.get(&crit.id)?;
    Some(CellDetail {
        title: format!("{} · {}", c.name_of(&row.model, lang), crit.name.get(lang)),
        level: cell.level,
        level_text: format!("{} {}", level_symbol(cell.level), level_name(cell.level, lang)),
        note: cell.note.get(lang).to_owned(),
        basis: cell.basis.map(|b| basis_name(b, lang)),
        description: crit.description.get(lang).to_owned(),
        source: cell.source.as_ref().map(|s| (s.title.clone(), s.url.clone())),
    })
}

/// The level classes of a cell or tag: `llmc-level-open`, …
pub fn level_class(level: Level) -> String {
    format!("llmc-level-{}", level_slug(level))
}

/// What a click on one of the table's buttons asks for, read back from its `data-*` codes.
#[derive(Clone, Debug, PartialEq)]
pub enum Click {
    Sort(SortKey),
    Select(String),
    /// Row index (into the dataset's `openness`) and criterion index.
    Cell(usize, usize),
}

/// The `data-cell` code of row `r`, criterion `k`.
pub fn cell_code(r: usize, k: usize) -> String {
    format!("{r}-{k}")
}

impl Click {
    /// From a button's attributes (`attr(name)`): `data-sort`, `data-select` or `data-cell`.
    pub fn from_button(attr: impl Fn(&str) -> Option<String>) -> Option<Self> {
        if let Some(code) = attr("data-sort") {
            return Some(Click::Sort(SortKey::from_code(&code)));
        }
        if let Some(model) = attr("data-select") {
            return Some(Click::Select(model));
        }
        let cell = attr("data-cell")?;
        let (r, k) = cell.split_once('-')?;
        Some(Click::Cell(r.parse().ok()?, k.parse().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::validate::load_json;

    const FIXTURE: &str = include_str!("../../tests/fixtures/scene.json");

    fn choices(lang: Lang) -> TableChoices {
        TableChoices {
            lang,
            sort: SortKey::Score,
            descending: true,
            weights: BTreeMap::new(),
            hidden_groups: BTreeSet::new(),
            filter: Filter::default(),
            story: None,
        }
    }

    #[test]
    fn buttons_say_what_they_do_and_read_back() {
        let button = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(Click::from_button(button(&[("data-sort", "name")])), Some(Click::Sort(SortKey::Name)));
        assert_eq!(Click::from_button(button(&[("data-select", "llama-2")])), Some(Click::Select("llama-2".into())));
        assert_eq!(Click::from_button(button(&[("data-cell", "3-11")])), Some(Click::Cell(3, 11)));
        assert_eq!(Click::from_button(button(&[("data-cell", "3")])), None);
        assert_eq!(Click::from_button(button(&[("type", "button")])), None);
        for key in [SortKey::Name, SortKey::Score, SortKey::Criterion("api".into())] {
            assert_eq!(SortKey::from_code(&key.code()), key);
        }
        // Every button the scene draws reads back as what it was drawn for.
        let c = load_json(FIXTURE).unwrap();
        let t = table(&c, &choices(Lang::En)).unwrap();
        for (h, key) in t.heads.iter().zip([SortKey::Name, SortKey::Score]) {
            assert_eq!(SortKey::from_code(&h.code), key);
        }
        for (row, &r) in t.rows.iter().zip(&t.order) {
            for (cell, &k) in row.cells.iter().zip(&t.columns) {
                let code = cell.code.clone();
                assert_eq!(
                    Click::from_button(move |n| (n == "data-cell").then(|| code.clone())),
                    Some(Click::Cell(r, k))
                );
            }
        }
    }

    #[test]
    fn hiding_a_group_drops_its_columns_and_its_weight() {
        let c = load_json(FIXTURE).unwrap();
        let all = table(&c, &choices(Lang::En)).unwrap();
        let group = c.data.criteria[all.columns[0]].group;
        let hidden = TableChoices { hidden_groups: [group].into(), ..choices(Lang::En) };
        let t = table(&c, &hidden).unwrap();
        assert!(t.columns.iter().all(|&i| c.data.criteria[i].group != group));
        assert_eq!(t.heads.len(), 2 + t.columns.len());
        assert!(t.rows.iter().all(|r| r.cells.len() == t.columns.len()));
        for (i, crit) in c.data.criteria.iter().enumerate() {
            assert_eq!(t.shown_weights[i] == 0.0, crit.group == group);
        }
        assert_eq!(t.groups.iter().map(|g| g.1).sum::<usize>(), t.columns.len());
    }

    #[test]
    fn the_sorted_column_says_so_and_a_filter_narrows_the_rows() {
        let c = load_json(FIXTURE).unwrap();
        let t = table(&c, &choices(Lang::Zh)).unwrap();
        assert_eq!(t.heads.iter().filter(|h| h.sorted.is_some()).count(), 1);
        assert_eq!(t.heads[1].sorted, Some(true), "by score, descending");
        let scores: Vec<f64> = t.rows.iter().map(|r| r.score.parse().unwrap()).collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
        let filter = Filter { query: "bert".into(), ..Filter::default() };
        let narrowed = table(&c, &TableChoices { filter, ..choices(Lang::Zh) }).unwrap();
        assert_eq!(narrowed.rows.iter().map(|r| r.model.as_str()).collect::<Vec<_>>(), ["bert"]);
    }

    #[test]
    fn a_cell_note_has_its_level_in_words_and_its_source() {
        let c = load_json(FIXTURE).unwrap();
        let r = c.data.openness.iter().position(|r| r.model == "bert").unwrap();
        let k = c.data.criteria.iter().position(|k| k.id == "base-weights").unwrap();
        let d = cell_detail(&c, r, k, Lang::En).unwrap();
        assert!(d.title.starts_with("BERT · "), "{}", d.title);
        assert_eq!(d.level, Level::Open);
        assert!(d.level_text.starts_with(level_symbol(Level::Open)));
        assert!(cell_detail(&c, 999, k, Lang::En).is_none());
    }
}
