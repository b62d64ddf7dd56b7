//! Synthetic datasets for the benchmark: `n` events over 1948–2026 in every family lane, with
//! lineage edges, eras and a small openness matrix. The same `(n, seed)` always gives the same
//! dataset, byte for byte, so runs on different days and machines measure the same thing.
//!
//! Events grow denser towards the present, as the real history does; names, organisations and
//! summaries are short and plainly synthetic.

use std::collections::BTreeMap;

use crate::model::{
    Access, Cell, Criterion, CriterionGroup, Dataset, Era, Event, Evidence, Family, Kind, Level, OpennessRow, Parent,
    Relation, Source, Text,
};

/// SplitMix64: a tiny, well-mixed generator, so the bench needs no random-number crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn text(zh: String, en: String) -> Text {
    Text { zh, en }
}

const ORGS: [&str; 12] =
    ["Lab A", "Lab B", "Lab C", "Lab D", "Lab E", "Lab F", "Lab G", "Lab H", "Lab I", "Lab J", "Lab K", "Lab L"];
/// The access levels a synthetic model can have (all but "not applicable").
const ACCESS: &[Access] = Access::ALL.split_last().unwrap().1;

/// How many models get a row in the openness matrix.
pub const OPENNESS_ROWS: usize = 40;

/// A valid dataset of `n` events, the same for the same `(n, seed)`.
pub fn dataset(n: usize, seed: u64) -> Dataset {
    // One generator, drawn from in a fixed order (dates, events, then openness cells), so the
    // same seed always gives the same dataset.
    let mut rng = Rng(seed);
    let dates = dates(&mut rng, n);
    let events = events(&mut rng, &dates);
    let criteria = criteria();
    let openness = openness(&mut rng, &events, &criteria);
    Dataset {
        schema: None,
        as_of: None,
        title: text(format!("合成数据集（{n} 个事件）"), format!("Synthetic dataset ({n} events)")),
        eras: eras(),
        events,
        dimensions: vec![],
        criteria,
        openness,
        credits: vec![],
        story: vec![],
    }
}

/// `n` dates as (year, month, day), denser towards 2026 and sorted, so ids run in date order and
/// parents can always be earlier events.
fn dates(rng: &mut Rng, n: usize) -> Vec<(i32, u32, u32)> {
    let mut dates: Vec<(i32, u32, u32)> = (0..n)
        .map(|_| {
            let u = rng.unit();
            // Denser towards 2026: 1 − (1 − u)³ puts most events in recent decades.
            let year = 1948 + ((1.0 - (1.0 - u).powi(3)) * 78.999) as i32;
            (year, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32)
        })
        .collect();
    dates.sort_unstable();
    dates
}

/// One event per date, `e{i}` for the i-th, each in a lane that fits its year and often with a
/// parent earlier in the same lane.
fn events(rng: &mut Rng, dates: &[(i32, u32, u32)]) -> Vec<Event> {
    let mut last_in_family: BTreeMap<Family, Vec<usize>> = BTreeMap::new();
    dates
        .iter()
        .enumerate()
        .map(|(i, &date)| {
            let family = family(rng, date.0);
            let earlier = last_in_family.entry(family).or_default();
            let parents = parents(rng, earlier);
            earlier.push(i);
            event(rng, i, date, family, parents)
        })
        .collect()
}

/// The lane of a model from `year`: lanes fill as history does, statistical and RNN models
/// early, decoders late.
fn family(rng: &mut Rng, year: i32) -> Family {
    match year {
        ..1990 => [Family::Statistical, Family::Statistical, Family::Other][rng.below(3)],
        1990..2013 => [Family::Statistical, Family::Rnn, Family::Embedding, Family::Other][rng.below(4)],
        _ => Family::ALL[rng.below(Family::ALL.len())],
    }
}

/// The parents of the next event in a lane whose events so far are `earlier` (indices, oldest
/// first): none for the first, otherwise one 60% of the time, among the last eight.
fn parents(rng: &mut Rng, earlier: &[usize]) -> Vec<Parent> {
    match earlier.len() {
        0 => vec![],
        len if rng.unit() < 0.6 => {
            // Usually a recent relative, sometimes an older one.
            let back = 1 + rng.below(len.min(8));
            vec![Parent {
                id: format!("e{}", earlier[len - back]),
                relation: if rng.unit() < 0.7 { Relation::SuccessorOf } else { Relation::DerivedFrom },
                evidence: if rng.unit() < 0.8 { Evidence::Documented } else { Evidence::Inferred },
            }]
        }
        _ => vec![],
    }
}

/// Event `e{i}` on `(y, m, d)`: plainly synthetic texts, one source, a random organisation and,
/// from 2000 on, a random access level (before that, not applicable).
fn event(rng: &mut Rng, i: usize, (y, m, d): (i32, u32, u32), family: Family, parents: Vec<Parent>) -> Event {
    let org = ORGS[rng.below(ORGS.len())];
    Event {
        id: format!("e{i}"),
        name: text(format!("模型 {i}"), format!("Model {i}")),
        date: format!("{y}-{m:02}-{d:02}"),
        org: org.to_owned(),
        family,
        kind: Kind::Model,
        access: if y < 2000 { Access::NotApplicable } else { ACCESS[rng.below(ACCESS.len())] },
        license: None,
        params: None,
        summary: text(format!("合成事件 {i}，来自 {org}。"), format!("Synthetic event {i} from {org}.")),
        sources: vec![Source { url: format!("https://example.org/e{i}"), title: format!("Source {i}") }],
        parents,
    }
}

/// The six eras of the real history, with synthetic summaries.
fn eras() -> Vec<Era> {
    [
        ("statistical", "统计语言模型", "Statistical models", 1948, 2002),
        ("neural", "神经语言模型", "Neural models", 2000, 2014),
        ("seq2seq", "序列到序列", "Sequence to sequence", 2013, 2018),
        ("pretrain", "预训练与微调", "Pre-train, then fine-tune", 2018, 2021),
        ("scale", "规模化", "Scale", 2020, 2023),
        ("open-weights", "开放权重", "Open weights", 2023, 2026),
    ]
    .into_iter()
    .map(|(id, zh, en, start, end)| Era {
        id: id.to_owned(),
        name: text(zh.to_owned(), en.to_owned()),
        start: start.to_string(),
        end: end.to_string(),
        summary: text(format!("{zh}（合成）。"), format!("{en} (synthetic).")),
    })
    .collect()
}

/// Four openness criteria in three groups, with no kind or rubric.
fn criteria() -> Vec<Criterion> {
    [
        ("weights", "权重", "Weights", CriterionGroup::Availability),
        ("code", "代码", "Code", CriterionGroup::Availability),
        ("paper", "论文", "Paper", CriterionGroup::Documentation),
        ("licence", "许可", "Licence", CriterionGroup::Access),
    ]
    .into_iter()
    .map(|(id, zh, en, group)| Criterion {
        id: id.to_owned(),
        name: text(zh.to_owned(), en.to_owned()),
        description: text(format!("{zh}是否公开。"), format!("Whether the {} is public.", en.to_lowercase())),
        group,
        kind: None,
        levels: None,
    })
    .collect()
}

/// Openness rows for the most recent [`OPENNESS_ROWS`] models, newest first, with a cell for
/// every criterion.
fn openness(rng: &mut Rng, events: &[Event], criteria: &[Criterion]) -> Vec<OpennessRow> {
    events
        .iter()
        .rev()
        .take(OPENNESS_ROWS)
        .map(|e| OpennessRow {
            model: e.id.clone(),
            cells: criteria.iter().map(|c| (c.id.clone(), cell(rng, e, c))).collect(),
        })
        .collect()
}

/// A random level for model `e` on criterion `c`, with a source wherever the level is open or
/// partial, as the validator requires.
fn cell(rng: &mut Rng, e: &Event, c: &Criterion) -> Cell {
    let level = [Level::Open, Level::Partial, Level::Closed, Level::Unknown][rng.below(4)];
    let source = matches!(level, Level::Open | Level::Partial)
        .then(|| Source { url: format!("https://example.org/{}/{}", e.id, c.id), title: "Note".into() });
    Cell { level, basis: None, note: text("合成。".into(), "Synthetic.".into()), source }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_valid_dataset() {
        let a = dataset(1000, 7);
        assert_eq!(a, dataset(1000, 7));
        assert_ne!(a, dataset(1000, 8));
        let c = crate::validate::validate(a).expect("a synthetic dataset is valid");
        assert_eq!(c.events().len(), 1000);
        let years: Vec<i32> = (0..1000).map(|i| c.date(i).year).collect();
        assert!(years.iter().all(|y| (1948..=2026).contains(y)));
        assert!(years.iter().filter(|&&y| y >= 2010).count() > 500, "denser towards the present");
        let lanes: std::collections::BTreeSet<_> = c.events().iter().map(|e| e.family).collect();
        assert_eq!(lanes.len(), Family::ALL.len(), "every lane is used");
        let edges: usize = c.events().iter().map(|e| e.parents.len()).sum();
        assert!(edges > 400, "lineage edges: {edges}");
    }

    #[test]
    fn ten_thousand_events_fit_under_the_size_limit() {
        let json = serde_json::to_string(&dataset(10_000, 1)).unwrap();
        assert!(json.len() < crate::validate::MAX_BYTES, "{} bytes", json.len());
    }
}
