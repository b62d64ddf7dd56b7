//! The model openness matrix: levels as symbols and scores, and row order. Pure data in, data out.

use crate::model::{Criterion, Level, OpennessRow};

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
/// let crit = |id: &str| Criterion { id: id.into(), name: Text::default(), description: Text::default(), group: CriterionGroup::Availability };
/// let cell = |level| Cell { level, note: Text::default(), source: None };
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

/// Row indices ordered by score, highest first; ties keep file order.
pub fn order_by_score(rows: &[OpennessRow], criteria: &[Criterion], weights: &[f64]) -> Vec<usize> {
    let scores: Vec<f64> = rows.iter().map(|r| score(r, criteria, weights)).collect();
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, CriterionGroup, Text};

    fn crit(id: &str) -> Criterion {
        Criterion { id: id.into(), name: Text::default(), description: Text::default(), group: CriterionGroup::Access }
    }

    fn row(model: &str, levels: &[Level]) -> OpennessRow {
        let cells = levels
            .iter()
            .enumerate()
            .map(|(i, &level)| (format!("c{i}"), Cell { level, note: Text::default(), source: None }))
            .collect();
        OpennessRow { model: model.into(), cells }
    }

    #[test]
    fn order_is_by_score_then_file_order() {
        let criteria = [crit("c0"), crit("c1")];
        let rows = [
            row("closed", &[Level::Closed, Level::Closed]),
            row("open", &[Level::Open, Level::Open]),
            row("half-a", &[Level::Open, Level::Closed]),
            row("half-b", &[Level::Partial, Level::Partial]),
        ];
        assert_eq!(order_by_score(&rows, &criteria, &[]), [1, 2, 3, 0]);
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
