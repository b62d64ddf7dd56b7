//! Loading and validating a dataset. Every problem is collected, each with its JSON path, so an
//! author can fix them all in one pass (the way TimelineJS's config loader reports errors).

use std::collections::{BTreeMap, BTreeSet};

use crate::date::Date;
use crate::model::{
    Basis, Cell, Credit, Criterion, CriterionKind, Dataset, Dimension, Era, Event, Level, Source, StoryStop, Text,
};
use crate::problem::{IdOf, NotADataset, ProblemKind as K, Span};
use crate::Chronicle;

pub use crate::problem::{Problem, ProblemKind};

/// Datasets above this size are refused before parsing, so a huge file cannot freeze the tab.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// Parses and validates a dataset from JSON text.
///
/// Syntax and type errors stop parsing, so they come back alone, with line and column. Once the
/// file parses, every rule is checked and every broken one is listed.
pub fn load_json(text: &str) -> Result<Chronicle, Vec<Problem>> {
    if text.len() > MAX_BYTES {
        return Err(vec![Problem::new("(file)", K::TooLarge { bytes: text.len(), limit: MAX_BYTES })]);
    }
    let dataset: Dataset = serde_json::from_str(text).map_err(|e| {
        vec![Problem::new(format!("(line {}, column {})", e.line(), e.column()), K::Syntax(e.to_string()))]
    })?;
    validate(dataset)
}

/// Loads a dataset an author supplied, as JSON (starting with `{`) or as CSV with one row per
/// event (see [`crate::csv_import`]), through the same validator.
pub fn load_any(text: &str) -> Result<Chronicle, Vec<Problem>> {
    if text.len() > MAX_BYTES {
        return load_json(text);
    }
    let trimmed = text.trim_start_matches('\u{FEFF}').trim_start();
    if trimmed.starts_with('{') {
        return load_json(trimmed);
    }
    if trimmed.is_empty() || trimmed.starts_with('<') || trimmed.starts_with('[') {
        let what = if trimmed.is_empty() {
            NotADataset::Empty
        } else if trimmed.starts_with('<') {
            NotADataset::Markup
        } else {
            NotADataset::Array
        };
        return Err(vec![Problem::new("(data)", K::NotADataset(what))]);
    }
    let title = Text { zh: "自定义数据集".into(), en: "Custom dataset".into() };
    validate(crate::csv_import::from_csv(trimmed, title)?)
}

/// Checks every rule of a parsed dataset.
pub fn validate(dataset: Dataset) -> Result<Chronicle, Vec<Problem>> {
    let mut v = Validator::default();
    v.check(&dataset);
    if v.problems.is_empty() {
        Ok(Chronicle::new(dataset))
    } else {
        Err(v.problems)
    }
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

/// Bidirectional overrides and isolates, which can make a name display as something else.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

impl Validator {
    fn push(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem::new(path, kind));
    }

    fn plain(&mut self, path: &str, s: &str) {
        if s.trim().is_empty() {
            self.push(path, K::Empty);
        } else if s.chars().any(|c| c.is_control() && c != '\n') {
            self.push(path, K::ControlCharacter);
        } else if s.chars().any(is_bidi_control) {
            self.push(path, K::BidiCharacter);
        }
    }

    fn text(&mut self, path: &str, t: &Text) {
        self.plain(&format!("{path}.zh"), &t.zh);
        self.plain(&format!("{path}.en"), &t.en);
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut BTreeSet<String>) {
        let ok = id.len() <= 64
            && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '_'));
        if !ok {
            self.push(path, K::BadId { id: id.to_owned() });
        }
        if !seen.insert(id.to_owned()) {
            self.push(path, K::DuplicateId { id: id.to_owned() });
        }
    }

    fn date(&mut self, path: &str, s: &str) -> Option<Date> {
        match Date::parse(s) {
            Ok(d) => Some(d),
            Err(e) => {
                self.push(path, K::BadDate { value: s.to_owned(), error: e });
                None
            }
        }
    }

    /// `start` and `end` are valid dates, in that order. `what` names the thing in the message.
    fn span(&mut self, p: &str, what: Span, start: &str, end: &str) {
        let start = self.date(&format!("{p}.start"), start);
        let end = self.date(&format!("{p}.end"), end);
        if let (Some(s), Some(e)) = (start, end) {
            if s > e {
                self.push(format!("{p}.end"), K::EndsBeforeStart { what, start: s, end: e });
            }
        }
    }

    /// Every id in `ids` is `known` as an id of `of`.
    fn refs(&mut self, path: &str, ids: &[String], known: impl Fn(&str) -> bool, of: IdOf) {
        for (j, id) in ids.iter().enumerate() {
            if !known(id) {
                self.push(format!("{path}[{j}]"), K::UnknownId { id: id.clone(), of });
            }
        }
    }

    fn source(&mut self, path: &str, s: &Source) {
        let url = s.url.as_str();
        let host = url.strip_prefix("https://").map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
        match host {
            None => self.push(format!("{path}.url"), K::NotHttps { url: url.to_owned() }),
            Some("") => self.push(format!("{path}.url"), K::NoHost { url: url.to_owned() }),
            Some(_) if url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>') => {
                self.push(format!("{path}.url"), K::BadLinkCharacters { url: url.to_owned() })
            }
            Some(_) => {}
        }
        self.plain(&format!("{path}.title"), &s.title);
    }

    /// A cell's basis fits its criterion's kind, and its level follows from the basis by the rubric.
    fn basis(&mut self, cp: &str, criterion: &str, kind: Option<CriterionKind>, basis: Basis, level: Level) {
        if let Some(kind) = kind.filter(|k| !basis.fits(*k)) {
            self.push(format!("{cp}.basis"), K::BasisMisfit { basis, criterion: criterion.to_owned(), kind });
        } else if basis.level() != level {
            self.push(format!("{cp}.level"), K::LevelNotFromBasis { level, basis });
        }
    }

    /// Checks every part of the dataset. Problems are reported part by part in this order; the
    /// ids a part declares are collected there and handed to the parts that refer to them.
    fn check(&mut self, d: &Dataset) {
        self.text("title", &d.title);
        let as_of = self.as_of(d.as_of.as_deref());
        self.eras(&d.eras);
        let dates = self.events(&d.events, as_of);
        // Each event's position by id (the last one's, for a duplicate id), for references to events.
        let index: BTreeMap<&str, usize> = d.events.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
        self.lineage(d, &index, &dates);
        let dim_ids = self.dimensions(&d.dimensions, &index);
        let crit_ids = self.criteria(&d.criteria);
        self.credits(&d.credits);
        self.story(&d.story, &index, &dim_ids, &crit_ids);
        self.openness(d, &index, &crit_ids);
    }

    /// The date the data is current to, if given: a full day, which no event may come after.
    fn as_of(&mut self, as_of: Option<&str>) -> Option<Date> {
        as_of.and_then(|s| {
            let date = self.date("as_of", s)?;
            if date.day.is_none() {
                self.push("as_of", K::AsOfNotADay { value: s.to_owned() });
                return None;
            }
            Some(date)
        })
    }

    /// Eras: unique ids, names and summaries in both languages, and a start no later than the end.
    fn eras(&mut self, eras: &[Era]) {
        let mut era_ids = BTreeSet::new();
        for (i, era) in eras.iter().enumerate() {
            let p = format!("eras[{i}]");
            self.id(&format!("{p}.id"), &era.id, &mut era_ids);
            self.text(&format!("{p}.name"), &era.name);
            self.text(&format!("{p}.summary"), &era.summary);
            self.span(&p, Span::Era, &era.start, &era.end);
        }
    }

    /// Events: unique ids, plain texts, a valid date no later than `as_of`, and at least one
    /// source. Returns the date of each id that has a valid one (the first event's, for a
    /// duplicate id), for the lineage check.
    fn events<'d>(&mut self, events: &'d [Event], as_of: Option<Date>) -> BTreeMap<&'d str, Date> {
        let mut ids = BTreeSet::new();
        let mut dates = BTreeMap::new();
        for (i, ev) in events.iter().enumerate() {
            let p = format!("events[{i}]");
            self.id(&format!("{p}.id"), &ev.id, &mut ids);
            self.text(&format!("{p}.name"), &ev.name);
            self.text(&format!("{p}.summary"), &ev.summary);
            self.plain(&format!("{p}.org"), &ev.org);
            if let Some(l) = &ev.license {
                self.plain(&format!("{p}.license"), l);
            }
            if let Some(n) = &ev.params {
                self.plain(&format!("{p}.params"), n);
            }
            if let Some(date) = self.date(&format!("{p}.date"), &ev.date) {
                dates.entry(ev.id.as_str()).or_insert(date);
                if let Some(limit) = as_of.filter(|limit| date > *limit) {
                    self.push(format!("{p}.date"), K::AfterAsOf { id: ev.id.clone(), date, limit });
                }
            }
            if ev.sources.is_empty() {
                self.push(format!("{p}.sources"), K::NoSources);
            }
            for (j, s) in ev.sources.iter().enumerate() {
                self.source(&format!("{p}.sources[{j}]"), s);
            }
        }
        dates
    }

    /// Lineage: parents exist, are not the child itself nor later than it, and form no cycle.
    fn lineage(&mut self, d: &Dataset, index: &BTreeMap<&str, usize>, dates: &BTreeMap<&str, Date>) {
        for (i, ev) in d.events.iter().enumerate() {
            for (j, parent) in ev.parents.iter().enumerate() {
                let p = format!("events[{i}].parents[{j}].id");
                if !index.contains_key(parent.id.as_str()) {
                    self.push(p, K::UnknownParent { id: parent.id.clone() });
                } else if parent.id == ev.id {
                    self.push(p, K::OwnParent { id: ev.id.clone() });
                } else if let (Some(&pd), Some(&cd)) = (dates.get(parent.id.as_str()), dates.get(ev.id.as_str())) {
                    if pd > cd {
                        let (parent, child) = (parent.id.clone(), ev.id.clone());
                        self.push(p, K::ParentAfterChild { parent, parent_date: pd, child, child_date: cd });
                    }
                }
            }
        }
        if let Some(cycle) = find_cycle(d, index) {
            let ids = cycle.iter().map(|&i| d.events[i].id.clone()).collect();
            self.push(format!("events[{}].parents", cycle[0]), K::Cycle { ids });
        }
    }

    /// Dimensions: unique ids, a name, both sides rated 1 to 5 with a text, and examples that are
    /// events. Returns the ids, for the story's references.
    fn dimensions(&mut self, dims: &[Dimension], index: &BTreeMap<&str, usize>) -> BTreeSet<String> {
        let mut dim_ids = BTreeSet::new();
        for (i, dim) in dims.iter().enumerate() {
            let p = format!("dimensions[{i}]");
            self.id(&format!("{p}.id"), &dim.id, &mut dim_ids);
            self.text(&format!("{p}.name"), &dim.name);
            for (side, s) in [("open", &dim.open), ("closed", &dim.closed)] {
                if !(1..=5).contains(&s.rating) {
                    self.push(format!("{p}.{side}.rating"), K::Rating { rating: s.rating });
                }
                self.text(&format!("{p}.{side}.text"), &s.text);
            }
            self.refs(&format!("{p}.examples"), &dim.examples, |id| index.contains_key(id), IdOf::Event);
        }
        dim_ids
    }

    /// Criteria: unique ids, a name and description, and the rubric's three level texts if given.
    /// Returns the ids, for the story's references and the openness cells.
    fn criteria(&mut self, criteria: &[Criterion]) -> BTreeSet<String> {
        let mut crit_ids = BTreeSet::new();
        for (i, c) in criteria.iter().enumerate() {
            let p = format!("criteria[{i}]");
            self.id(&format!("{p}.id"), &c.id, &mut crit_ids);
            self.text(&format!("{p}.name"), &c.name);
            self.text(&format!("{p}.description"), &c.description);
            if let Some(r) = &c.levels {
                self.text(&format!("{p}.levels.open"), &r.open);
                self.text(&format!("{p}.levels.partial"), &r.partial);
                self.text(&format!("{p}.levels.closed"), &r.closed);
            }
        }
        crit_ids
    }

    /// Credits: a title and note, and a link, if given, that is http(s) with no spaces or controls.
    fn credits(&mut self, credits: &[Credit]) {
        for (i, c) in credits.iter().enumerate() {
            let p = format!("credits[{i}]");
            self.text(&format!("{p}.title"), &c.title);
            self.text(&format!("{p}.note"), &c.note);
            if let Some(url) = &c.url {
                if !(url.starts_with("https://") || url.starts_with("http://"))
                    || url.chars().any(|c| c.is_whitespace() || c.is_control())
                {
                    self.push(format!("{p}.url"), K::NotHttp { url: url.clone() });
                }
            }
        }
    }

    /// Story stops: unique ids, a title and text, a start no later than the end, and references
    /// only to events, dimensions and criteria that exist.
    fn story(
        &mut self,
        story: &[StoryStop],
        index: &BTreeMap<&str, usize>,
        dim_ids: &BTreeSet<String>,
        crit_ids: &BTreeSet<String>,
    ) {
        let mut stop_ids = BTreeSet::new();
        for (i, stop) in story.iter().enumerate() {
            let p = format!("story[{i}]");
            self.id(&format!("{p}.id"), &stop.id, &mut stop_ids);
            self.text(&format!("{p}.title"), &stop.title);
            self.text(&format!("{p}.text"), &stop.text);
            self.span(&p, Span::Stop, &stop.start, &stop.end);
            self.refs(&format!("{p}.events"), &stop.events, |id| index.contains_key(id), IdOf::Event);
            self.refs(&format!("{p}.dimensions"), &stop.dimensions, |id| dim_ids.contains(id), IdOf::Dimension);
            self.refs(&format!("{p}.criteria"), &stop.criteria, |id| crit_ids.contains(id), IdOf::Criterion);
        }
    }

    /// The openness matrix: one row per model, each an event, with a cell for every criterion.
    fn openness(&mut self, d: &Dataset, index: &BTreeMap<&str, usize>, crit_ids: &BTreeSet<String>) {
        let kinds: BTreeMap<&str, _> = d.criteria.iter().filter_map(|c| Some((c.id.as_str(), c.kind?))).collect();
        let mut models = BTreeSet::new();
        for (i, row) in d.openness.iter().enumerate() {
            let p = format!("openness[{i}]");
            if !index.contains_key(row.model.as_str()) {
                self.push(format!("{p}.model"), K::UnknownId { id: row.model.clone(), of: IdOf::Event });
            }
            if !models.insert(row.model.as_str()) {
                self.push(format!("{p}.model"), K::DuplicateRow { model: row.model.clone() });
            }
            for c in crit_ids {
                if !row.cells.contains_key(c) {
                    self.push(format!("{p}.cells"), K::MissingCell { criterion: c.clone() });
                }
            }
            for (key, cell) in &row.cells {
                let cp = format!("{p}.cells.{key}");
                if !crit_ids.contains(key) {
                    self.push(&cp, K::UnknownId { id: key.clone(), of: IdOf::Criterion });
                }
                self.cell(&cp, key, cell, kinds.get(key.as_str()).copied());
            }
        }
    }

    /// One cell of criterion `key`: a plain note, a basis that fits the criterion's `kind` and
    /// gives the cell's level, and a source wherever the level is open or partial.
    fn cell(&mut self, cp: &str, key: &str, cell: &Cell, kind: Option<CriterionKind>) {
        self.text(&format!("{cp}.note"), &cell.note);
        if let Some(basis) = cell.basis {
            self.basis(cp, key, kind, basis, cell.level);
        }
        match (&cell.source, cell.level) {
            (Some(s), _) => self.source(&format!("{cp}.source"), s),
            (None, Level::Open | Level::Partial) => self.push(format!("{cp}.source"), K::CellNeedsSource),
            (None, _) => {}
        }
    }
}

/// Returns one lineage cycle as event indices, first repeated at the end, if any exists.
fn find_cycle(d: &Dataset, index: &BTreeMap<&str, usize>) -> Option<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let n = d.events.len();
    let mut mark = vec![Mark::New; n];
    let parents = |i: usize| {
        d.events[i].parents.iter().filter_map(|p| index.get(p.id.as_str()).copied()).filter(move |&p| p != i)
    };
    for root in 0..n {
        if mark[root] != Mark::New {
            continue;
        }
        // Iterative DFS: (node, next parent position); `path` mirrors the active stack.
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        mark[root] = Mark::Active;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(p) = parents(node).nth(*next) {
                *next += 1;
                match mark[p] {
                    Mark::New => {
                        mark[p] = Mark::Active;
                        stack.push((p, 0));
                    }
                    Mark::Active => {
                        let start = stack.iter().position(|&(k, _)| k == p).unwrap_or(0);
                        let mut cycle: Vec<usize> = stack[start..].iter().map(|&(k, _)| k).collect();
                        cycle.push(p);
                        return Some(cycle);
                    }
                    Mark::Done => {}
                }
            } else {
                mark[node] = Mark::Done;
                stack.pop();
            }
        }
    }
    None
}
