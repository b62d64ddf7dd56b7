//! Loading and validating a dataset. Every problem is collected, each with its JSON path, so an
//! author can fix them all in one pass (the way TimelineJS's config loader reports errors).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::date::Date;
use crate::matrix::level_slug;
use crate::model::{Basis, Dataset, Level, Source, Text};
use crate::Chronicle;

/// Datasets above this size are refused before parsing, so a huge file cannot freeze the tab.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// One thing wrong with a dataset, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A JSON path such as `events[12].date`, or `(file)` for the whole file.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Parses and validates a dataset from JSON text.
///
/// Syntax and type errors stop parsing, so they come back alone, with line and column. Once the
/// file parses, every rule is checked and every broken one is listed.
pub fn load_json(text: &str) -> Result<Chronicle, Vec<Problem>> {
    if text.len() > MAX_BYTES {
        return Err(vec![Problem {
            path: "(file)".into(),
            message: format!("the file is {} bytes; the limit is {} bytes", text.len(), MAX_BYTES),
        }]);
    }
    let dataset: Dataset = serde_json::from_str(text).map_err(|e| {
        vec![Problem { path: format!("(line {}, column {})", e.line(), e.column()), message: e.to_string() }]
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
            "empty"
        } else if trimmed.starts_with('<') {
            "an HTML or XML page"
        } else {
            "a JSON array"
        };
        return Err(vec![Problem {
            path: "(data)".into(),
            message: format!("the response is not a dataset: expected a JSON object or CSV, got {what}"),
        }]);
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
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem { path: path.into(), message: message.into() });
    }

    fn plain(&mut self, path: &str, s: &str) {
        if s.trim().is_empty() {
            self.push(path, "must not be empty");
        } else if s.chars().any(|c| c.is_control() && c != '\n') {
            self.push(path, "contains a control character");
        } else if s.chars().any(is_bidi_control) {
            self.push(path, "contains a right-to-left or bidirectional override character");
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
            self.push(
                path,
                format!(
                    "id {id:?} must be 1–64 characters of a–z, 0–9, '-', '.' or '_', starting with a letter or digit"
                ),
            );
        }
        if !seen.insert(id.to_owned()) {
            self.push(path, format!("duplicate id {id:?}"));
        }
    }

    fn date(&mut self, path: &str, s: &str) -> Option<Date> {
        match Date::parse(s) {
            Ok(d) => Some(d),
            Err(e) => {
                self.push(path, format!("invalid date {s:?}: {e}"));
                None
            }
        }
    }

    /// `start` and `end` are valid dates, in that order. `what` names the thing in the message.
    fn span(&mut self, p: &str, what: &str, start: &str, end: &str) {
        let start = self.date(&format!("{p}.start"), start);
        let end = self.date(&format!("{p}.end"), end);
        if let (Some(s), Some(e)) = (start, end) {
            if s > e {
                self.push(format!("{p}.end"), format!("{what} ends ({e}) before it starts ({s})"));
            }
        }
    }

    /// Every id in `ids` is `known`; `kind` is "an event", "a dimension", ….
    fn refs(&mut self, path: &str, ids: &[String], known: impl Fn(&str) -> bool, kind: &str) {
        for (j, id) in ids.iter().enumerate() {
            if !known(id) {
                self.push(format!("{path}[{j}]"), format!("{id:?} is not {kind} id"));
            }
        }
    }

    fn source(&mut self, path: &str, s: &Source) {
        let url = s.url.as_str();
        let host = url.strip_prefix("https://").map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
        match host {
            None => self.push(format!("{path}.url"), format!("{url:?} is not an https:// link")),
            Some("") => self.push(format!("{path}.url"), format!("{url:?} has no host")),
            Some(_) if url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>') => {
                self.push(format!("{path}.url"), format!("{url:?} contains spaces or characters not allowed in a link"))
            }
            Some(_) => {}
        }
        self.plain(&format!("{path}.title"), &s.title);
    }

    /// A cell's basis fits its criterion's kind, and its level follows from the basis by the rubric.
    fn basis(
        &mut self,
        cp: &str,
        criterion: &str,
        kind: Option<crate::model::CriterionKind>,
        basis: Basis,
        level: Level,
    ) {
        if let Some(kind) = kind.filter(|k| !basis.fits(*k)) {
            let allowed: Vec<&str> = Basis::for_kind(kind).map(Basis::slug).collect();
            self.push(
                format!("{cp}.basis"),
                format!(
                    "basis {:?} does not fit criterion {criterion:?}: a {} criterion takes {}",
                    basis.slug(),
                    kind.slug(),
                    allowed.join(", ")
                ),
            );
        } else if basis.level() != level {
            self.push(
                format!("{cp}.level"),
                format!(
                    "level {:?} does not follow from basis {:?}: the rubric gives {:?}",
                    level_slug(level),
                    basis.slug(),
                    level_slug(basis.level())
                ),
            );
        }
    }

    fn check(&mut self, d: &Dataset) {
        self.text("title", &d.title);

        // The date the data is current to: a full day, and no event after it.
        let as_of = d.as_of.as_deref().and_then(|s| {
            let date = self.date("as_of", s)?;
            if date.day.is_none() {
                self.push("as_of", format!("as_of {s:?} must be a full date, YYYY-MM-DD"));
                return None;
            }
            Some(date)
        });

        let mut era_ids = BTreeSet::new();
        for (i, era) in d.eras.iter().enumerate() {
            let p = format!("eras[{i}]");
            self.id(&format!("{p}.id"), &era.id, &mut era_ids);
            self.text(&format!("{p}.name"), &era.name);
            self.text(&format!("{p}.summary"), &era.summary);
            self.span(&p, "era", &era.start, &era.end);
        }

        let mut ids = BTreeSet::new();
        let mut dates: BTreeMap<&str, Date> = BTreeMap::new();
        for (i, ev) in d.events.iter().enumerate() {
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
                    self.push(
                        format!("{p}.date"),
                        format!("event {:?} is dated {date}, after the dataset's as_of date {limit}", ev.id),
                    );
                }
            }
            if ev.sources.is_empty() {
                self.push(format!("{p}.sources"), "needs at least one source");
            }
            for (j, s) in ev.sources.iter().enumerate() {
                self.source(&format!("{p}.sources[{j}]"), s);
            }
        }

        // Lineage: parents exist, are not later than the child, and form no cycle.
        let index: BTreeMap<&str, usize> = d.events.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
        for (i, ev) in d.events.iter().enumerate() {
            for (j, parent) in ev.parents.iter().enumerate() {
                let p = format!("events[{i}].parents[{j}].id");
                if !index.contains_key(parent.id.as_str()) {
                    self.push(p, format!("parent {:?} is not an event id", parent.id));
                } else if parent.id == ev.id {
                    self.push(p, format!("{:?} is its own parent", ev.id));
                } else if let (Some(pd), Some(cd)) = (dates.get(parent.id.as_str()), dates.get(ev.id.as_str())) {
                    if pd > cd {
                        self.push(
                            p,
                            format!("parent {:?} ({pd}) is dated after its child {:?} ({cd})", parent.id, ev.id),
                        );
                    }
                }
            }
        }
        if let Some(cycle) = find_cycle(d, &index) {
            let names: Vec<&str> = cycle.iter().map(|&i| d.events[i].id.as_str()).collect();
            self.push(format!("events[{}].parents", cycle[0]), format!("lineage cycle: {}", names.join(" → ")));
        }

        let mut dim_ids = BTreeSet::new();
        for (i, dim) in d.dimensions.iter().enumerate() {
            let p = format!("dimensions[{i}]");
            self.id(&format!("{p}.id"), &dim.id, &mut dim_ids);
            self.text(&format!("{p}.name"), &dim.name);
            for (side, s) in [("open", &dim.open), ("closed", &dim.closed)] {
                if !(1..=5).contains(&s.rating) {
                    self.push(format!("{p}.{side}.rating"), format!("rating {} is not between 1 and 5", s.rating));
                }
                self.text(&format!("{p}.{side}.text"), &s.text);
            }
            self.refs(&format!("{p}.examples"), &dim.examples, |id| index.contains_key(id), "an event");
        }

        let mut crit_ids = BTreeSet::new();
        for (i, c) in d.criteria.iter().enumerate() {
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
        let kinds: BTreeMap<&str, _> = d.criteria.iter().filter_map(|c| Some((c.id.as_str(), c.kind?))).collect();

        for (i, c) in d.credits.iter().enumerate() {
            let p = format!("credits[{i}]");
            self.text(&format!("{p}.title"), &c.title);
            self.text(&format!("{p}.note"), &c.note);
            if let Some(url) = &c.url {
                if !(url.starts_with("https://") || url.starts_with("http://"))
                    || url.chars().any(|c| c.is_whitespace() || c.is_control())
                {
                    self.push(format!("{p}.url"), format!("{url:?} is not an http(s) link"));
                }
            }
        }

        let mut stop_ids = BTreeSet::new();
        for (i, stop) in d.story.iter().enumerate() {
            let p = format!("story[{i}]");
            self.id(&format!("{p}.id"), &stop.id, &mut stop_ids);
            self.text(&format!("{p}.title"), &stop.title);
            self.text(&format!("{p}.text"), &stop.text);
            self.span(&p, "stop", &stop.start, &stop.end);
            self.refs(&format!("{p}.events"), &stop.events, |id| index.contains_key(id), "an event");
            self.refs(&format!("{p}.dimensions"), &stop.dimensions, |id| dim_ids.contains(id), "a dimension");
            self.refs(&format!("{p}.criteria"), &stop.criteria, |id| crit_ids.contains(id), "a criterion");
        }

        let mut models = BTreeSet::new();
        for (i, row) in d.openness.iter().enumerate() {
            let p = format!("openness[{i}]");
            if !index.contains_key(row.model.as_str()) {
                self.push(format!("{p}.model"), format!("{:?} is not an event id", row.model));
            }
            if !models.insert(row.model.as_str()) {
                self.push(format!("{p}.model"), format!("{:?} has more than one row", row.model));
            }
            for c in &crit_ids {
                if !row.cells.contains_key(c) {
                    self.push(format!("{p}.cells"), format!("missing the cell for criterion {c:?}"));
                }
            }
            for (key, cell) in &row.cells {
                let cp = format!("{p}.cells.{key}");
                if !crit_ids.contains(key) {
                    self.push(&cp, format!("{key:?} is not a criterion id"));
                }
                self.text(&format!("{cp}.note"), &cell.note);
                if let Some(basis) = cell.basis {
                    self.basis(&cp, key, kinds.get(key.as_str()).copied(), basis, cell.level);
                }
                match (&cell.source, cell.level) {
                    (Some(s), _) => self.source(&format!("{cp}.source"), s),
                    (None, Level::Open | Level::Partial) => {
                        self.push(format!("{cp}.source"), "an open or partial cell needs a source")
                    }
                    (None, _) => {}
                }
            }
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
