//! The model openness matrix: levels as symbols and scores, and row order. Pure data in, data out.

use crate::model::{Cell, Criterion, Level, OpennessRow};

/// The symbol each level is drawn with, so no level is told apart by colour alone.
pub fn level_symbol(level: Level) -> &'static str {
    match level {
        Level::Open => "●",
        Level::Partial => "◐",
        Level::Closed => "○",
        Level::Unknown => "?",
    }
}

/// The CSS class suffix of a level.
pub fn level_slug(level: Level) -> &'static str {
    match level {
        Level::Open => "open",
        Level::Partial => "partial",
        Level::Closed => "closed",
        Level::Unknown => "unknown",
    }
}

/// Points a level earns: open 1, partial 0.5, closed and unknown 0.
pub fn level_points(level: Level) -> f64 {
    match level {
        Level::Open => 1.0,
        Level::Partial => 0.5,
        Level::Closed | Level::Unknown => 0.0,
    }
}

/// A row's openness score from 0 to 100: the weighted mean of its cells' points. `weights[i]`
/// belongs to `criteria[i]`; a missing weight counts 1, and zero total weight scores 0.
///
/// ```
/// use chronicle_core::matrix::score;
/// use chronicle_core::model::{Cell, Criterion, CriterionGroup, Level, OpennessRow, Text};
/// let crit = |id: &str| Criterion { id: id.into(), name: Text::default(), description: Text::default(), group: CriterionGroup::Availability, kind: None, levels: None };
/// let cell = |level| Cell { level, basis: None, note: Text::default(), source: None };
/// let row = OpennessRow { model: "m".into(), cells: [("a".to_string(), cell(Level::Open)), ("b".to_string(), cell(Level::Partial))].into() };
/// assert_eq!(score(&row, &[crit("a"), crit("b")], &[]), 75.0);
/// assert_eq!(score(&row, &[crit("a"), crit("b")], &[0.0, 1.0]), 50.0);
/// ```
pub fn score(row: &OpennessRow, criteria: &[Criterion], weights: &[f64]) -> f64 {
    let (mut sum, mut total) = (0.0, 0.0);
    for (i, c) in criteria.iter().enumerate() {
        let w = weights.get(i).copied().unwrap_or(1.0).max(0.0);
        let points = row.cells.get(&c.id).map_or(0.0, |cell| level_points(cell.level));
        sum += w * points;
        total += w;
    }
    if total > 0.0 {
        (sum / total * 1000.0).round() / 10.0
    } else {
        0.0
    }
}

/// A score as the table and the CSV both write it: [`score`] already rounds to a tenth of a point,
/// and a whole number has no decimal ("63", "62.5").
pub fn score_text(score: f64) -> String {
    format!("{score}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, CriterionGroup, Text};

    fn crit(id: &str) -> Criterion {
        Criterion {
            id: id.into(),
            name: Text::default(),
            description: Text::default(),
            group: CriterionGroup::Access,
            kind: None,
            levels: None,
        }
    }

    fn row(model: &str, levels: &[Level]) -> OpennessRow {
        let cells = levels
            .iter()
            .enumerate()
            .map(|(i, &level)| (format!("c{i}"), Cell { level, basis: None, note: Text::default(), source: None }))
            .collect();
        OpennessRow { model: model.into(), cells }
    }

    #[test]
    fn scores_are_the_mean_of_the_level_points() {
        let criteria = [crit("c0"), crit("c1")];
        let rows = [
            row("closed", &[Level::Closed, Level::Closed]),
            row("open", &[Level::Open, Level::Open]),
            row("half-a", &[Level::Open, Level::Closed]),
            row("half-b", &[Level::Partial, Level::Partial]),
        ];
        let scores: Vec<f64> = rows.iter().map(|r| score(r, &criteria, &[])).collect();
        assert_eq!(scores, [0.0, 100.0, 50.0, 50.0]);
        assert_eq!(score(&rows[0], &criteria, &[0.0, 0.0]), 0.0);
    }

    #[test]
    fn symbols_differ_for_every_level() {
        let all = [Level::Open, Level::Partial, Level::Closed, Level::Unknown].map(level_symbol);
        for i in 0..all.len() {
            for j in i + 1..all.len() {
                assert_ne!(all[i], all[j]);
            }
        }
    }
}

/// What the openness matrix is sorted by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// Overall openness score (the default).
    #[default]
    Score,
    /// Model name in the current language.
    Name,
    /// One criterion's level (open > partial > closed > unknown).
    Criterion(String),
}

/// Codes of the sort keys, for buttons and links: a criterion's is the prefix and its id.
const SORT_NAME: &str = "name";
const SORT_SCORE: &str = "score";
const SORT_CRITERION: &str = "c:";

impl SortKey {
    /// The key as a short code (`name`, `score`, `c:<criterion id>`).
    pub fn code(&self) -> String {
        match self {
            SortKey::Name => SORT_NAME.to_owned(),
            SortKey::Score => SORT_SCORE.to_owned(),
            SortKey::Criterion(id) => format!("{SORT_CRITERION}{id}"),
        }
    }

    /// The key a code names (anything else is read as a criterion id).
    pub fn from_code(code: &str) -> SortKey {
        match code {
            SORT_NAME => SortKey::Name,
            SORT_SCORE => SortKey::Score,
            _ => SortKey::Criterion(code.strip_prefix(SORT_CRITERION).unwrap_or(code).to_owned()),
        }
    }

    /// Whether the key sorts from the top down unless the reader flips it: names read best A→Z,
    /// scores and levels best from the most open.
    pub fn descending_first(&self) -> bool {
        *self != SortKey::Name
    }
}

/// Row indices in display order. `descending` puts high scores / open levels / Z first. Ties
/// fall back to the score, then to file order, so the order is always deterministic.
pub fn order_rows(
    rows: &[OpennessRow],
    criteria: &[Criterion],
    weights: &[f64],
    key: &SortKey,
    descending: bool,
    name: impl Fn(&str) -> String,
) -> Vec<usize> {
    let scores: Vec<f64> = rows.iter().map(|r| score(r, criteria, weights)).collect();
    let by_score = |a: usize, b: usize| scores[b].total_cmp(&scores[a]).then(a.cmp(&b));
    crate::sort::order_by(rows.len(), &mut |a, b| {
        let primary = match key {
            SortKey::Score => scores[a].total_cmp(&scores[b]),
            SortKey::Name => name(&rows[a].model).to_lowercase().cmp(&name(&rows[b].model).to_lowercase()),
            SortKey::Criterion(id) => {
                let points = |r: &OpennessRow| r.cells.get(id).map_or(-1.0, |c| level_points(c.level));
                points(&rows[a]).total_cmp(&points(&rows[b]))
            }
        };
        let primary = if descending { primary.reverse() } else { primary };
        primary.then_with(|| by_score(a, b))
    })
}

/// Quotes a CSV field when it needs it (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The matrix as CSV, UTF-8 with a byte-order mark so spreadsheet programs read Chinese correctly.
/// One row per model in `order`, one column per criterion in `columns` (level, then note, then
/// source URL), after model and score. `header` holds the localised names of the first columns.
pub fn to_csv(
    rows: &[OpennessRow],
    criteria: &[Criterion],
    columns: &[usize],
    order: &[usize],
    weights: &[f64],
    lang: crate::i18n::Lang,
    name: impl Fn(&str) -> String,
) -> String {
    let t = crate::i18n::ui(lang);
    let mut out = String::from("\u{FEFF}");
    let mut head = vec![t.model.to_owned(), t.id_column.to_owned(), t.score.to_owned()];
    for &k in columns {
        let n = criteria[k].name.get(lang);
        head.extend([n.to_owned(), format!("{n} · {}", t.note), format!("{n} · {}", t.sources)]);
    }
    out += &head.iter().map(|h| csv_field(h)).collect::<Vec<_>>().join(",");
    out += "\r\n";
    for &r in order {
        let row = &rows[r];
        let mut fields = vec![name(&row.model), row.model.clone(), score_text(score(row, criteria, weights))];
        for &k in columns {
            match row.cells.get(&criteria[k].id) {
                Some(cell) => fields.extend([
                    crate::i18n::level_name(cell.level, lang).to_owned(),
                    cell.note.get(lang).to_owned(),
                    cell.source.as_ref().map(|s| s.url.clone()).unwrap_or_default(),
                ]),
                None => fields.extend([String::new(), String::new(), String::new()]),
            }
        }
        out += &fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",");
        out += "\r\n";
    }
    out
}

/// The same rows and columns as JSON: an array of `{model, name, score, cells: {criterion: cell}}`,
/// laid out as `serde_json::to_string_pretty` lays out the same values (keys in order, two
/// spaces), written by hand so the reader's WASM carries no JSON serializer.
pub fn to_json(
    rows: &[OpennessRow],
    criteria: &[Criterion],
    columns: &[usize],
    order: &[usize],
    weights: &[f64],
    name: impl Fn(&str) -> String,
) -> String {
    if order.is_empty() {
        return "[]".to_owned();
    }
    let mut out = String::from("[\n");
    for (i, &r) in order.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        let row = &rows[r];
        let mut cells: Vec<(&str, &Cell)> = columns
            .iter()
            .filter_map(|&k| row.cells.get(&criteria[k].id).map(|c| (criteria[k].id.as_str(), c)))
            .collect();
        // By key, as a JSON object's keys come out of serde_json's map (a handful: an insertion
        // sort, not another instance of the standard sort).
        for i in 1..cells.len() {
            let mut j = i;
            while j > 0 && cells[j - 1].0 > cells[j].0 {
                cells.swap(j - 1, j);
                j -= 1;
            }
        }
        cells.dedup_by_key(|c| c.0);
        out.push_str("  {\n    \"cells\": ");
        if cells.is_empty() {
            out.push_str("{}");
        } else {
            out.push_str("{\n");
            for (j, (id, cell)) in cells.iter().enumerate() {
                if j > 0 {
                    out.push_str(",\n");
                }
                out.push_str("      ");
                json_string(&mut out, id);
                out.push_str(": ");
                json_cell(&mut out, cell);
            }
            out.push_str("\n    }");
        }
        out.push_str(",\n    \"model\": ");
        json_string(&mut out, &row.model);
        out.push_str(",\n    \"name\": ");
        json_string(&mut out, &name(&row.model));
        out.push_str(",\n    \"score\": ");
        json_number(&mut out, score(row, criteria, weights));
        out.push_str("\n  }");
    }
    out.push_str("\n]");
    out
}

/// A cell as serde writes it (`basis` and `source` only when present), at the depth of a value in
/// `cells`.
fn json_cell(out: &mut String, cell: &Cell) {
    use crate::model::Named;
    out.push_str("{\n");
    if let Some(basis) = cell.basis {
        out.push_str("        \"basis\": ");
        json_string(out, basis.slug());
        out.push_str(",\n");
    }
    out.push_str("        \"level\": ");
    json_string(out, Named::slug(cell.level));
    out.push_str(",\n        \"note\": {\n          \"en\": ");
    json_string(out, &cell.note.en);
    out.push_str(",\n          \"zh\": ");
    json_string(out, &cell.note.zh);
    out.push_str("\n        }");
    if let Some(source) = &cell.source {
        out.push_str(",\n        \"source\": {\n          \"title\": ");
        json_string(out, &source.title);
        out.push_str(",\n          \"url\": ");
        json_string(out, &source.url);
        out.push_str("\n        }");
    }
    out.push_str("\n      }");
}

/// A JSON string, escaped as serde_json escapes it: quote, backslash, and control characters
/// (short forms where JSON has them, `\u00xx` otherwise).
fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[c as usize >> 4] as char);
                out.push(HEX[c as usize & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A number as serde_json writes an `f64`: shortest round-trip digits, a whole number with `.0`,
/// `null` when not finite. (serde_json switches to an exponent from 1e16; a score never gets there.)
fn json_number(out: &mut String, v: f64) {
    if !v.is_finite() {
        out.push_str("null");
        return;
    }
    let text = v.to_string();
    out.push_str(&text);
    if !text.contains(['.', 'e']) {
        out.push_str(".0");
    }
}

#[cfg(test)]
mod export_tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{Cell, CriterionGroup, Source, Text};

    fn fixture() -> (Vec<OpennessRow>, Vec<Criterion>) {
        let crit = |id: &str, zh: &str, en: &str| Criterion {
            id: id.into(),
            name: Text { zh: zh.into(), en: en.into() },
            description: Text::default(),
            group: CriterionGroup::Availability,
            kind: None,
            levels: None,
        };
        let cell = |level, en: &str| Cell {
            level,
            basis: None,
            note: Text { zh: "说明，含逗号".into(), en: en.into() },
            source: Some(Source { url: "https://example.org/a".into(), title: "t".into() }),
        };
        let rows = vec![
            OpennessRow {
                model: "a".into(),
                cells: [
                    ("w".to_string(), cell(Level::Closed, "no \"weights\"")),
                    ("d".to_string(), cell(Level::Open, "ok")),
                ]
                .into(),
            },
            OpennessRow {
                model: "b".into(),
                cells: [
                    ("w".to_string(), cell(Level::Open, "yes, all")),
                    ("d".to_string(), cell(Level::Partial, "some")),
                ]
                .into(),
            },
        ];
        (rows, vec![crit("w", "权重", "Weights"), crit("d", "数据", "Data")])
    }

    #[test]
    fn sorting_by_name_criterion_and_score() {
        let (rows, criteria) = fixture();
        let name = |m: &str| if m == "a" { "Zeta".to_owned() } else { "alpha".to_owned() };
        assert_eq!(order_rows(&rows, &criteria, &[], &SortKey::Name, false, name), [1, 0]);
        assert_eq!(order_rows(&rows, &criteria, &[], &SortKey::Criterion("w".into()), true, name), [1, 0]);
        assert_eq!(order_rows(&rows, &criteria, &[], &SortKey::Criterion("d".into()), true, name), [0, 1]);
        assert_eq!(order_rows(&rows, &criteria, &[], &SortKey::Score, true, name), [1, 0]);
        assert_eq!(order_rows(&rows, &criteria, &[], &SortKey::Score, false, name), [0, 1]);
        // Weights change the score order: only "d" counts.
        assert_eq!(order_rows(&rows, &criteria, &[0.0, 1.0], &SortKey::Score, true, name), [0, 1]);
    }

    #[test]
    fn csv_has_a_bom_quotes_and_the_chosen_columns() {
        let (rows, criteria) = fixture();
        let csv = to_csv(&rows, &criteria, &[0], &[1, 0], &[], Lang::Zh, |m| m.to_uppercase());
        assert!(csv.starts_with('\u{FEFF}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').split("\r\n").collect();
        assert_eq!(lines[0], "模型,编号,开放度得分,权重,权重 · 说明,权重 · 来源", "headers in the reader's language");
        // A full-width comma needs no quoting; an ASCII comma or quote does. Levels are words of
        // the reader's language too.
        assert_eq!(lines[1], "B,b,75,开放,说明，含逗号,https://example.org/a");
        let en = to_csv(&rows, &criteria, &[0], &[0], &[], Lang::En, |m| m.to_owned());
        assert!(en.contains("a,a,50,closed,\"no \"\"weights\"\"\",https://example.org/a"), "{en}");
    }

    /// The hand-written JSON is byte for byte what serde_json writes for the same values.
    #[test]
    fn json_export_is_serde_jsons_pretty_output() {
        let (mut rows, criteria) = fixture();
        let weird = "tab\t, newline\n, quote \", backslash \\, bell \u{7}, \u{1f}, 中文, \u{7f}";
        rows[1].cells.get_mut("w").unwrap().note.en = weird.into();
        rows[1].cells.get_mut("w").unwrap().basis = Some(crate::model::Basis::Released);
        rows[1].cells.get_mut("d").unwrap().source = None;
        let name = |m: &str| format!("{m} \"model\"");
        for (columns, order, weights) in [
            (&[0, 1][..], &[0, 1][..], &[][..]),
            (&[1][..], &[1][..], &[0.5, 1.0][..]),
            (&[][..], &[0][..], &[][..]),
            (&[0][..], &[][..], &[][..]),
            (&[0, 1][..], &[1, 0][..], &[1.0, 3.0][..]),
        ] {
            let serde_way: Vec<serde_json::Value> = order
                .iter()
                .map(|&r| {
                    let row = &rows[r];
                    let cells: serde_json::Map<String, serde_json::Value> = columns
                        .iter()
                        .filter_map(|&k| {
                            let id = &criteria[k].id;
                            row.cells.get(id).map(|c| (id.clone(), serde_json::to_value(c).unwrap()))
                        })
                        .collect();
                    serde_json::json!({ "model": row.model, "name": name(&row.model), "score": score(row, &criteria, weights), "cells": cells })
                })
                .collect();
            let expected = serde_json::to_string_pretty(&serde_way).unwrap();
            assert_eq!(to_json(&rows, &criteria, columns, order, weights, name), expected);
        }
        let mut n = String::new();
        for (v, text) in [(50.0, "50.0"), (66.66666666666667, "66.66666666666667"), (0.1, "0.1"), (f64::NAN, "null")] {
            n.clear();
            json_number(&mut n, v);
            assert_eq!(n, text);
            if v.is_finite() {
                assert_eq!(serde_json::to_string(&v).unwrap(), text);
            }
        }
    }

    #[test]
    fn json_export_round_trips() {
        let (rows, criteria) = fixture();
        let json = to_json(&rows, &criteria, &[0, 1], &[0], &[], |m| m.to_owned());
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v[0]["model"], "a");
        assert_eq!(v[0]["score"], 50.0);
        assert_eq!(v[0]["cells"]["w"]["level"], "closed");
    }
}
