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
    let mut rng = Rng(seed);
    // Dates first, sorted, so ids run in date order and parents can always be earlier events.
    let mut dates: Vec<(i32, u32, u32)> = (0..n)
        .map(|_| {
            let u = rng.unit();
            // Denser towards 2026: 1 − (1 − u)³ puts most events in recent decades.
            let year = 1948 + ((1.0 - (1.0 - u).powi(3)) * 78.999) as i32;
            (year, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32)
        })
        .collect();
    dates.sort_unstable();
    let mut last_in_family: BTreeMap<Family, Vec<usize>> = BTreeMap::new();
    let events: Vec<Event> = dates
        .iter()
        .enumerate()
        .map(|(i, &(y, m, d))| {
            // Lanes fill as history does: statistical and RNN models early, decoders late.
            let family = match y {
                ..1990 => [Family::Statistical, Family::Statistical, Family::Other][rng.below(3)],
                1990..2013 => [Family::Statistical, Family::Rnn, Family::Embedding, Family::Other][rng.below(4)],
                _ => Family::ALL[rng.below(Family::ALL.len())],
            };
            let earlier = last_in_family.entry(family).or_default();
            let parents = match earlier.len() {
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
            };
            earlier.push(i);
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
        })
        .collect();
    let eras = [
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
    .collect();
    let criteria: Vec<Criterion> = [
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
    .collect();
    // The most recent models get openness rows.
    let openness = events
        .iter()
        .rev()
        .take(OPENNESS_ROWS)
        .map(|e| OpennessRow {
            model: e.id.clone(),
            cells: criteria
                .iter()
                .map(|c| {
                    let level = [Level::Open, Level::Partial, Level::Closed, Level::Unknown][rng.below(4)];
                    let source = matches!(level, Level::Open | Level::Partial).then(|| Source {
                        url: format!("https://example.org/{}/{}", e.id, c.id),
                        title: "Note".into(),
                    });
                    (
                        c.id.clone(),
                        Cell { level, basis: None, note: text("合成。".into(), "Synthetic.".into()), source },
                    )
                })
                .collect(),
        })
        .collect();
    Dataset {
        schema: None,
        as_of: None,
        title: text(format!("合成数据集（{n} 个事件）"), format!("Synthetic dataset ({n} events)")),
        eras,
        events,
        dimensions: vec![],
        criteria,
        openness,
        credits: vec![],
        story: vec![],
    }
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
