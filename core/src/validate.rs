//! Loading and validating a dataset. Every problem is collected, each where the author knows it
//! (a JSON path with its line and column, or a CSV row, column and cell), so an author can fix
//! them all in one pass (the way TimelineJS's config loader reports errors).
//!
//! JSON goes in three steps: the text is read into values that keep their positions
//! ([`crate::json`]); the values are read field by field into a [`Dataset`] ([`crate::decode`]),
//! which reports every wrong type, unknown or missing field and unknown name; then every rule is
//! checked here. Only broken JSON syntax stops the first step, and is reported alone.

use std::collections::{BTreeMap, BTreeSet};

use crate::date::Date;
use crate::json::{self, Lines, SyntaxKind};
use crate::model::{
    Basis, Cell, Credit, Criterion, CriterionKind, Dataset, Dimension, Era, Event, Level, Source, StoryStop, Text,
};
use crate::problem::{did_you_mean, At, IdOf, Location, NotADataset, ProblemKind as K, Span, Syntax};
use crate::sort::{map_of, set_of};
use crate::Chronicle;

pub use crate::problem::{Problem, ProblemKind};

/// Datasets above this size are refused before parsing, so a huge file cannot freeze the tab.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// How many dangling references get a "did you mean" (each compares the id with every id).
const SUGGESTIONS: usize = 100;

/// Parses and validates a dataset from JSON text.
///
/// A syntax error stops parsing, so it comes back alone, with its line shown. Once the text is
/// JSON, every field and every rule is checked and every problem is listed, in the order of the
/// text.
pub fn load_json(text: &str) -> Result<Chronicle, Vec<Problem>> {
    if text.len() > MAX_BYTES {
        return Err(vec![Problem::input(K::TooLarge { bytes: Some(text.len()), limit: MAX_BYTES })]);
    }
    // Valid data, the usual case, is read without keeping a tree of the whole text; anything
    // wrong is read again below, keeping positions, to say where each problem is.
    if let Some(dataset) = crate::decode::dataset_streaming(text) {
        if check(&dataset).is_empty() {
            return Ok(Chronicle::new(dataset));
        }
    }
    let root = json::parse(text).map_err(|e| vec![syntax_problem(text, &e)])?;
    let mut decoded = crate::decode::dataset(&root);
    let mut found = std::mem::take(&mut decoded.problems);
    for p in check(&decoded.dataset) {
        let Location::Json { path, .. } = &p.at else { continue };
        if !decoded.is_spoiled(path) {
            found.push((crate::decode::offset(&root, path), p));
        }
    }
    if found.is_empty() {
        return Ok(Chronicle::new(decoded.dataset));
    }
    crate::sort::sort_by_key(&mut found, |(at, _)| *at);
    let lines = Lines::new(text);
    Err(found
        .into_iter()
        .map(|(at, mut p)| {
            if let Location::Json { pos, .. } = &mut p.at {
                *pos = Some(lines.pos(at));
            }
            p
        })
        .collect())
}

/// Reads the site's own dataset file, which the build validated and named after its content
/// ([`built_file_name`]): when `text` is what that name says (its hash matches), it is the text
/// the build validated, so it is read without checking the rules again and without anything that
/// says where a problem is. `None` for any other text, or anything unreadable: [`load_any`] then
/// lists every problem. Kept apart so the lean reader's WASM carries neither the rules, the
/// positioned JSON reader nor the problem reports.
pub fn load_built(text: &str, url: &str) -> Option<Chronicle> {
    let name = url.rsplit('/').next()?;
    let hash = name.strip_prefix("chronicle-")?.strip_suffix(".json")?;
    if hash.len() != 16 || u64::from_str_radix(hash, 16).ok()? != crate::content_hash(text) {
        return None;
    }
    crate::decode::dataset_streaming(text).map(Chronicle::new)
}

/// The name of the site's dataset file, written by the build after validating `json`: named after
/// its content, so it may be cached forever and [`load_built`] can trust it.
pub fn built_file_name(json: &str) -> String {
    format!("chronicle-{:016x}.json", crate::content_hash(json))
}

/// A JSON syntax error as a problem: where, the line, and the usual cause.
fn syntax_problem(text: &str, e: &json::SyntaxError) -> Problem {
    let lines = Lines::new(text);
    let kind = match e.kind {
        SyntaxKind::Is(s) => s,
        SyntaxKind::UnexpectedEnd { unclosed } => {
            Syntax::UnexpectedEnd { unclosed: unclosed.map(|(c, at)| (char::from(c), lines.pos(at))) }
        }
        SyntaxKind::Mismatched { open, opened, found } => {
            Syntax::Mismatched { open: char::from(open), opened: lines.pos(opened), found: char::from(found) }
        }
    };
    let (line, caret) = lines.excerpt(e.at);
    Problem::new(Location::Text { pos: lines.pos(e.at), line, caret }, K::Syntax(kind))
}

/// Loads a dataset an author supplied, as JSON (starting with `{`) or as CSV with one row per
/// event (see [`crate::csv_import`]), through the same validator.
pub fn load_any(text: &str) -> Result<Chronicle, Vec<Problem>> {
    if text.len() > MAX_BYTES {
        return load_json(text);
    }
    let trimmed = text.trim_start_matches('\u{FEFF}').trim_start();
    if trimmed.starts_with('{') {
        return load_json(text.trim_start_matches('\u{FEFF}'));
    }
    if trimmed.is_empty() || trimmed.starts_with('<') || trimmed.starts_with('[') {
        let what = if trimmed.is_empty() {
            NotADataset::Empty
        } else if trimmed.starts_with('<') {
            NotADataset::Markup
        } else {
            NotADataset::Array
        };
        return Err(vec![Problem::input(K::NotADataset(what))]);
    }
    let title = Text { zh: "自定义数据集".into(), en: "Custom dataset".into() };
    crate::csv_import::load_csv(text.trim_start_matches('\u{FEFF}'), title)
}

/// Checks every rule of a dataset given as values. Problems name JSON paths, without positions.
pub fn validate(dataset: Dataset) -> Result<Chronicle, Vec<Problem>> {
    let problems = check(&dataset);
    if problems.is_empty() {
        Ok(Chronicle::new(dataset))
    } else {
        Err(problems)
    }
}

/// Every rule problem of `dataset`, each at a JSON path, part by part.
pub(crate) fn check(dataset: &Dataset) -> Vec<Problem> {
    let mut v = Validator { problems: Vec::new(), suggestions: SUGGESTIONS };
    v.check(dataset);
    v.problems
}

/// The root of the dataset, where every path starts.
const ROOT: At<'static> = At::Root;

struct Validator {
    problems: Vec<Problem>,
    /// How many more dangling references may get a suggestion.
    suggestions: usize,
}

/// Bidirectional overrides and isolates, which can make a name display as something else.
#[cfg(test)]
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Whether `s` has a control character other than a line break (U+0000–U+001F, U+007F–U+009F),
/// and whether it has a bidirectional override, isolate or mark ([`is_bidi_control`]): one pass
/// over the UTF-8 bytes, since every text of the dataset goes through it.
fn unwanted(s: &str) -> (bool, bool) {
    let b = s.as_bytes();
    let (mut control, mut bidi) = (false, false);
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'\n' => {}
            0..=0x1f | 0x7f => control = true,
            // U+0080–U+009F.
            0xc2 if matches!(b.get(i + 1), Some(0x80..=0x9f)) => control = true,
            // U+200E, U+200F, U+202A–U+202E; U+2066–U+2069.
            0xe2 => {
                if let (Some(0x80), Some(0x8e | 0x8f | 0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9)) =
                    (b.get(i + 1), b.get(i + 2))
                {
                    bidi = true;
                }
            }
            _ => {}
        }
    }
    (control, bidi)
}

impl Validator {
    fn push(&mut self, at: At, kind: ProblemKind) {
        self.problems.push(Problem::new(Location::json(at.path()), kind));
    }

    /// The id among `known` nearest to the dangling `id`, while the budget lasts.
    fn nearest<'k>(&mut self, id: &str, known: impl IntoIterator<Item = &'k str>) -> Option<String> {
        if self.suggestions == 0 {
            return None;
        }
        self.suggestions -= 1;
        did_you_mean(id, known).map(str::to_owned)
    }

    fn plain(&mut self, path: At, s: &str) {
        if s.trim().is_empty() {
            self.push(path, K::Empty);
            return;
        }
        match unwanted(s) {
            (true, _) => self.push(path, K::ControlCharacter),
            (false, true) => self.push(path, K::BidiCharacter),
            _ => {}
        }
    }

    fn text(&mut self, path: At, t: &Text) {
        self.plain(path.key("zh"), &t.zh);
        self.plain(path.key("en"), &t.en);
    }

    fn id(&mut self, path: At, id: &str, seen: &mut BTreeSet<String>) {
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

    fn date(&mut self, path: At, s: &str) -> Option<Date> {
        match Date::parse(s) {
            Ok(d) => Some(d),
            Err(e) => {
                self.push(path, K::BadDate { value: s.to_owned(), error: e });
                None
            }
        }
    }

    /// `start` and `end` are valid dates, in that order. `what` names the thing in the message.
    fn span(&mut self, p: At, what: Span, start: &str, end: &str) {
        let start = self.date(p.key("start"), start);
        let end = self.date(p.key("end"), end);
        if let (Some(s), Some(e)) = (start, end) {
            if s > e {
                self.push(p.key("end"), K::EndsBeforeStart { what, start: s, end: e });
            }
        }
    }

    /// Every id in `ids` is one of `known`, ids of `of`.
    fn refs(&mut self, path: At, ids: &[String], known: &BTreeSet<&str>, of: IdOf) {
        for (j, id) in ids.iter().enumerate() {
            if !known.contains(id.as_str()) {
                let suggestion = self.nearest(id, known.iter().copied());
                self.push(path.index(j), K::UnknownId { id: id.clone(), of, suggestion });
            }
        }
    }

    fn source(&mut self, path: At, s: &Source) {
        let url = s.url.as_str();
        let host = url.strip_prefix("https://").map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
        let at = path.key("url");
        match host {
            None => self.push(at, K::NotHttps { url: url.to_owned() }),
            Some("") => self.push(at, K::NoHost { url: url.to_owned() }),
            Some(_) if url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>') => {
                self.push(at, K::BadLinkCharacters { url: url.to_owned() })
            }
            Some(_) => {}
        }
        self.plain(path.key("title"), &s.title);
    }

    /// A cell's basis fits its criterion's kind, and its level follows from it by the rubric.
    fn basis(&mut self, cp: At, criterion: &str, kind: Option<CriterionKind>, basis: Basis, level: Level) {
        if let Some(kind) = kind.filter(|k| !basis.fits(*k)) {
            self.push(cp.key("basis"), K::BasisMisfit { basis, criterion: criterion.to_owned(), kind });
        } else if basis.level() != level {
            self.push(cp.key("level"), K::LevelNotFromBasis { level, basis });
        }
    }

    /// Checks every part of the dataset. Problems are reported part by part in this order; the
    /// ids a part declares are collected there and handed to the parts that refer to them.
    fn check(&mut self, d: &Dataset) {
        self.text(ROOT.key("title"), &d.title);
        let as_of = self.as_of(d.as_of.as_deref());
        self.eras(&d.eras);
        let dates = self.events(&d.events, as_of);
        // Each event's position by id (the last one's, for a duplicate id), for references to events.
        let index: BTreeMap<&str, usize> = map_of(d.events.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)));
        let event_ids: BTreeSet<&str> = set_of(index.keys().copied());
        self.lineage(d, &index, &dates);
        let dim_ids = self.dimensions(&d.dimensions, &event_ids);
        let crit_ids = self.criteria(&d.criteria);
        self.credits(&d.credits);
        self.story(&d.story, &event_ids, &dim_ids, &crit_ids);
        self.openness(d, &event_ids, &crit_ids);
    }

    /// The date the data is current to, if given: a full day, which no event may come after.
    fn as_of(&mut self, as_of: Option<&str>) -> Option<Date> {
        as_of.and_then(|s| {
            let path = ROOT.key("as_of");
            let date = self.date(path, s)?;
            if date.day.is_none() {
                self.push(path, K::AsOfNotADay { value: s.to_owned() });
                return None;
            }
            Some(date)
        })
    }

    /// Eras: unique ids, names and summaries in both languages, and a start no later than the end.
    fn eras(&mut self, eras: &[Era]) {
        let mut era_ids = BTreeSet::new();
        for (i, era) in eras.iter().enumerate() {
            let list = ROOT.key("eras");
            let p = list.index(i);
            self.id(p.key("id"), &era.id, &mut era_ids);
            self.text(p.key("name"), &era.name);
            self.text(p.key("summary"), &era.summary);
            self.span(p, Span::Era, &era.start, &era.end);
        }
    }

    /// Events: unique ids, plain texts, a valid date no later than `as_of`, and at least one
    /// source. Returns the date of each id that has a valid one (the first event's, for a
    /// duplicate id), for the lineage check.
    fn events<'d>(&mut self, events: &'d [Event], as_of: Option<Date>) -> BTreeMap<&'d str, Date> {
        let mut ids = BTreeSet::new();
        let mut dates = BTreeMap::new();
        for (i, ev) in events.iter().enumerate() {
            let list = ROOT.key("events");
            let p = list.index(i);
            self.id(p.key("id"), &ev.id, &mut ids);
            self.text(p.key("name"), &ev.name);
            self.text(p.key("summary"), &ev.summary);
            self.plain(p.key("org"), &ev.org);
            if let Some(l) = &ev.license {
                self.plain(p.key("license"), l);
            }
            if let Some(n) = &ev.params {
                self.plain(p.key("params"), n);
            }
            if let Some(date) = self.date(p.key("date"), &ev.date) {
                dates.entry(ev.id.as_str()).or_insert(date);
                if let Some(limit) = as_of.filter(|limit| date > *limit) {
                    self.push(p.key("date"), K::AfterAsOf { id: ev.id.clone(), date, limit });
                }
            }
            if ev.sources.is_empty() {
                self.push(p.key("sources"), K::NoSources);
            }
            let sources = p.key("sources");
            for (j, s) in ev.sources.iter().enumerate() {
                self.source(sources.index(j), s);
            }
        }
        dates
    }

    /// Lineage: parents exist, are named once, are not the child itself nor later than it, and
    /// form no cycle. Each distinct parent of an event is checked once, however often it is named.
    fn lineage(&mut self, d: &Dataset, index: &BTreeMap<&str, usize>, dates: &BTreeMap<&str, Date>) {
        let events = ROOT.key("events");
        for (i, ev) in d.events.iter().enumerate() {
            let event = events.index(i);
            let p = event.key("parents");
            // Each parent id: where it is named first and second, and how often.
            let mut named: BTreeMap<&str, (usize, Option<usize>, usize)> = BTreeMap::new();
            for (j, parent) in ev.parents.iter().enumerate() {
                let entry = named.entry(parent.id.as_str()).or_insert((j, None, 0));
                entry.2 += 1;
                if entry.2 == 2 {
                    entry.1 = Some(j);
                }
                if entry.2 > 1 {
                    continue;
                }
                let link = p.index(j);
                let at = link.key("id");
                if !index.contains_key(parent.id.as_str()) {
                    let suggestion = self.nearest(&parent.id, index.keys().copied());
                    self.push(at, K::UnknownParent { id: parent.id.clone(), suggestion });
                } else if parent.id == ev.id {
                    self.push(at, K::OwnParent { id: ev.id.clone() });
                } else if let (Some(&pd), Some(&cd)) = (dates.get(parent.id.as_str()), dates.get(ev.id.as_str())) {
                    if pd > cd {
                        let (parent, child) = (parent.id.clone(), ev.id.clone());
                        self.push(at, K::ParentAfterChild { parent, parent_date: pd, child, child_date: cd });
                    }
                }
            }
            for (id, (_, second, times)) in named {
                if let Some(j) = second {
                    let link = p.index(j);
                    self.push(link.key("id"), K::DuplicateParent { id: id.to_owned(), times });
                }
            }
        }
        for cycle in cycles(d, index) {
            let ids = cycle.iter().map(|&i| d.events[i].id.clone()).collect();
            self.push(ROOT.key("events").index(cycle[0]).key("parents"), K::Cycle { ids });
        }
    }

    /// Dimensions: unique ids, a name, both sides rated 1 to 5 with a text, and examples that are
    /// events. Returns the ids, for the story's references.
    fn dimensions<'d>(&mut self, dims: &'d [Dimension], events: &BTreeSet<&str>) -> BTreeSet<&'d str> {
        let mut dim_ids = BTreeSet::new();
        for (i, dim) in dims.iter().enumerate() {
            let list = ROOT.key("dimensions");
            let p = list.index(i);
            self.id(p.key("id"), &dim.id, &mut dim_ids);
            self.text(p.key("name"), &dim.name);
            for (side, s) in [("open", &dim.open), ("closed", &dim.closed)] {
                let side = p.key(side);
                if !(1..=5).contains(&s.rating) {
                    self.push(side.key("rating"), K::Rating { rating: s.rating });
                }
                self.text(side.key("text"), &s.text);
            }
            self.refs(p.key("examples"), &dim.examples, events, IdOf::Event);
        }
        set_of(dims.iter().map(|d| d.id.as_str()))
    }

    /// Criteria: unique ids, a name and description, and the rubric's three level texts if given.
    /// Returns the ids, for the story's references and the openness cells.
    fn criteria<'d>(&mut self, criteria: &'d [Criterion]) -> BTreeSet<&'d str> {
        let mut crit_ids = BTreeSet::new();
        for (i, c) in criteria.iter().enumerate() {
            let list = ROOT.key("criteria");
            let p = list.index(i);
            self.id(p.key("id"), &c.id, &mut crit_ids);
            self.text(p.key("name"), &c.name);
            self.text(p.key("description"), &c.description);
            if let Some(r) = &c.levels {
                let levels = p.key("levels");
                self.text(levels.key("open"), &r.open);
                self.text(levels.key("partial"), &r.partial);
                self.text(levels.key("closed"), &r.closed);
            }
        }
        set_of(criteria.iter().map(|c| c.id.as_str()))
    }

    /// Credits: a title and note, and a link, if given, that is http(s) with no spaces or controls.
    fn credits(&mut self, credits: &[Credit]) {
        for (i, c) in credits.iter().enumerate() {
            let list = ROOT.key("credits");
            let p = list.index(i);
            self.text(p.key("title"), &c.title);
            self.text(p.key("note"), &c.note);
            if let Some(url) = &c.url {
                if !(url.starts_with("https://") || url.starts_with("http://"))
                    || url.chars().any(|c| c.is_whitespace() || c.is_control())
                {
                    self.push(p.key("url"), K::NotHttp { url: url.clone() });
                }
            }
        }
    }

    /// Story stops: unique ids, a title and text, a start no later than the end, and references
    /// only to events, dimensions and criteria that exist.
    fn story(
        &mut self,
        story: &[StoryStop],
        events: &BTreeSet<&str>,
        dim_ids: &BTreeSet<&str>,
        crit_ids: &BTreeSet<&str>,
    ) {
        let mut stop_ids = BTreeSet::new();
        for (i, stop) in story.iter().enumerate() {
            let list = ROOT.key("story");
            let p = list.index(i);
            self.id(p.key("id"), &stop.id, &mut stop_ids);
            self.text(p.key("title"), &stop.title);
            self.text(p.key("text"), &stop.text);
            self.span(p, Span::Stop, &stop.start, &stop.end);
            self.refs(p.key("events"), &stop.events, events, IdOf::Event);
            self.refs(p.key("dimensions"), &stop.dimensions, dim_ids, IdOf::Dimension);
            self.refs(p.key("criteria"), &stop.criteria, crit_ids, IdOf::Criterion);
        }
    }

    /// The openness matrix: one row per model, each an event, with a cell for every criterion.
    fn openness(&mut self, d: &Dataset, events: &BTreeSet<&str>, crit_ids: &BTreeSet<&str>) {
        let kinds: BTreeMap<&str, _> = map_of(d.criteria.iter().filter_map(|c| Some((c.id.as_str(), c.kind?))));
        let mut models = BTreeSet::new();
        for (i, row) in d.openness.iter().enumerate() {
            let list = ROOT.key("openness");
            let p = list.index(i);
            if !events.contains(row.model.as_str()) {
                let suggestion = self.nearest(&row.model, events.iter().copied());
                self.push(p.key("model"), K::UnknownId { id: row.model.clone(), of: IdOf::Event, suggestion });
            }
            if !models.insert(row.model.as_str()) {
                self.push(p.key("model"), K::DuplicateRow { model: row.model.clone() });
            }
            for c in crit_ids {
                if !row.cells.contains_key(*c) {
                    self.push(p.key("cells"), K::MissingCell { criterion: (*c).to_owned() });
                }
            }
            let cells = p.key("cells");
            for (key, cell) in &row.cells {
                let cp = cells.key(key);
                if !crit_ids.contains(key.as_str()) {
                    let suggestion = self.nearest(key, crit_ids.iter().copied());
                    self.push(cp, K::UnknownId { id: key.clone(), of: IdOf::Criterion, suggestion });
                }
                self.cell(cp, key, cell, kinds.get(key.as_str()).copied());
            }
        }
    }

    /// One cell of criterion `key`: a plain note, a basis that fits the criterion's `kind` and
    /// gives the cell's level, and a source wherever the level is open or partial.
    fn cell(&mut self, cp: At, key: &str, cell: &Cell, kind: Option<CriterionKind>) {
        self.text(cp.key("note"), &cell.note);
        if let Some(basis) = cell.basis {
            self.basis(cp, key, kind, basis, cell.level);
        }
        match (&cell.source, cell.level) {
            (Some(s), _) => self.source(cp.key("source"), s),
            (None, Level::Open | Level::Partial) => self.push(cp.key("source"), K::CellNeedsSource),
            (None, _) => {}
        }
    }
}

/// One cycle through each knot of the lineage (a strongly connected set of two or more events),
/// as event indices with the first repeated at the end, in file order of their first event.
///
/// Linear in events and parent links: Tarjan's algorithm, without recursion, over each event's
/// distinct parents (so a parent named 70,000 times is one edge), then one walk inside each knot.
fn cycles(d: &Dataset, index: &BTreeMap<&str, usize>) -> Vec<Vec<usize>> {
    let n = d.events.len();
    let parents: Vec<Vec<usize>> = (0..n)
        .map(|i| {
            let mut ps: Vec<usize> = d.events[i]
                .parents
                .iter()
                .filter_map(|p| index.get(p.id.as_str()).copied())
                .filter(|&p| p != i)
                .collect();
            crate::sort::sort_by(&mut ps, Ord::cmp);
            ps.dedup();
            ps
        })
        .collect();
    const UNSEEN: usize = usize::MAX;
    let (mut order, mut low) = (vec![UNSEEN; n], vec![0; n]);
    let mut on_stack = vec![false; n];
    let (mut stack, mut knot_of) = (Vec::new(), vec![UNSEEN; n]);
    let mut knots: Vec<Vec<usize>> = Vec::new();
    let mut next = 0;
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        // (event, how many of its parents have been followed)
        let mut calls = vec![(root, 0)];
        order[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&(v, e)) = calls.last() {
            if let Some(&w) = parents[v].get(e) {
                calls.last_mut().expect("a call").1 += 1;
                if order[w] == UNSEEN {
                    order[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(order[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(u, _)) = calls.last() {
                low[u] = low[u].min(low[v]);
            }
            if low[v] == order[v] {
                let mut knot = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    knot.push(w);
                    if w == v {
                        break;
                    }
                }
                if knot.len() > 1 {
                    for &w in &knot {
                        knot_of[w] = knots.len();
                    }
                    knots.push(knot);
                }
            }
        }
    }
    // In a knot every event has a parent in the same knot: walk from its first event until an
    // event repeats; the walk from that event on is a cycle.
    let mut step_of = vec![UNSEEN; n];
    let mut found: Vec<Vec<usize>> = knots
        .iter()
        .enumerate()
        .map(|(k, knot)| {
            let mut v = knot.iter().copied().min().expect("a knot has events");
            let mut walk = Vec::new();
            while step_of[v] == UNSEEN {
                step_of[v] = walk.len();
                walk.push(v);
                v = parents[v].iter().copied().find(|&w| knot_of[w] == k).expect("a parent in the knot");
            }
            let mut cycle = walk[step_of[v]..].to_vec();
            cycle.push(v);
            cycle
        })
        .collect();
    crate::sort::sort_by_key(&mut found, |c| c[0]);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Events `e0`, `e1`, … where event `i`'s parents are `parents[i]`.
    fn lineage(parents: &[&[usize]]) -> Dataset {
        let mut d: Dataset = crate::synth::dataset(1, 1);
        let template = d.events[0].clone();
        d.events = (0..parents.len())
            .map(|i| Event {
                id: format!("e{i}"),
                parents: parents[i]
                    .iter()
                    .map(|&p| crate::model::Parent {
                        id: format!("e{p}"),
                        relation: crate::model::Relation::SuccessorOf,
                        evidence: crate::model::Evidence::Documented,
                    })
                    .collect(),
                ..template.clone()
            })
            .collect();
        d
    }

    fn cycles_of(parents: &[&[usize]]) -> Vec<Vec<usize>> {
        let d = lineage(parents);
        let index = d.events.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
        cycles(&d, &index)
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_finds_what_the_character_tests_find(s in "(\\PC|\\p{Cc}|[\u{200E}\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{2060}\u{2030}])*") {
            let control = s.chars().any(|c| c.is_control() && c != '\n');
            proptest::prop_assert_eq!(unwanted(&s), (control, s.chars().any(is_bidi_control)));
        }
    }

    #[test]
    fn each_knot_of_the_lineage_is_one_cycle() {
        assert_eq!(cycles_of(&[&[], &[0], &[1]]), Vec::<Vec<usize>>::new());
        assert_eq!(cycles_of(&[&[1], &[0]]), [vec![0, 1, 0]]);
        // Two knots, {0, 1, 2} (with a chord) and {3, 4}; 5 hangs off the first.
        let found = cycles_of(&[&[1], &[2, 0], &[0], &[4], &[3, 2], &[3]]);
        assert_eq!(found, [vec![0, 1, 0], vec![3, 4, 3]]);
        // A self-link is the own-parent rule's, not a cycle.
        assert_eq!(cycles_of(&[&[0]]), Vec::<Vec<usize>>::new());
    }

    #[test]
    fn a_long_chain_and_a_long_cycle_are_walked_without_recursion() {
        let n = 100_000;
        let chain: Vec<Vec<usize>> = (0..n).map(|i| if i == 0 { vec![n - 1] } else { vec![i - 1] }).collect();
        let refs: Vec<&[usize]> = chain.iter().map(Vec::as_slice).collect();
        let found = cycles_of(&refs);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].len(), n + 1);
    }
}
