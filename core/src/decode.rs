//! From JSON values to a [`Dataset`], field by field, so that every wrong type, unknown or
//! missing field and unknown name is reported, each with its path and position, instead of the
//! first one alone. What cannot be read is replaced by a placeholder (an empty string, the first
//! name of a list, an empty list), and its path is marked spoiled: the validator's rules still
//! run over the whole dataset, and what they say about a spoiled path is dropped, since the author
//! has already been told what is wrong there.

use std::collections::{BTreeMap, BTreeSet};

use crate::json::{Member, Node, Value};
use crate::model::{
    Cell, Credit, Criterion, Dataset, Dimension, Era, Event, Level, Named, OpennessRow, Parent, Rubric, Side, Source,
    StoryStop, Text,
};
use crate::problem::{did_you_mean, At, Expected, JsonPath, Location, Problem, ProblemKind as K};

/// A dataset read from JSON values, what was wrong with their shape (each problem with the byte
/// offset it is at), and the paths the problems spoil.
pub(crate) struct Decoded {
    pub dataset: Dataset,
    pub problems: Vec<(usize, Problem)>,
    pub spoiled: BTreeSet<JsonPath>,
}

impl Decoded {
    /// Whether `path` is at or under a path whose problem has been reported.
    pub fn is_spoiled(&self, path: &JsonPath) -> bool {
        !self.spoiled.is_empty() && path.ancestors().any(|p| self.spoiled.contains(&p))
    }
}

/// Reads the dataset in `root`.
pub(crate) fn dataset(root: &Node) -> Decoded {
    let mut d = Decoder { problems: Vec::new(), spoiled: BTreeSet::new() };
    let dataset = d.dataset(root);
    Decoded { dataset, problems: d.problems, spoiled: d.spoiled }
}

/// Reads the dataset in `text` while it is parsed, each item of a top-level list decoded as soon
/// as it is read (see [`crate::json::parse_streaming`]), so that the whole tree of values never
/// exists at once. `None` when the text is not JSON or anything in it is wrong: this path is for
/// valid data only, and the caller then reads the text again with [`dataset`] to say where each
/// problem is. For valid data both give the same dataset (a test compares them).
pub(crate) fn dataset_streaming(text: &str) -> Option<Dataset> {
    let mut d = Decoder { problems: Vec::new(), spoiled: BTreeSet::new() };
    let mut lists = Lists::default();
    let root = crate::json::parse_streaming(text, &mut |key, i, item| {
        let list = At::Key(&At::Root, key);
        let at = At::Index(&list, i);
        let item = Some(&item);
        match key {
            "eras" => lists.eras.push(d.era(item, at)),
            "events" => lists.events.push(d.event(item, at)),
            "dimensions" => lists.dimensions.push(d.dimension(item, at)),
            "criteria" => lists.criteria.push(d.criterion(item, at)),
            "openness" => lists.openness.push(d.row(item, at)),
            "credits" => lists.credits.push(d.credit(item, at)),
            "story" => lists.story.push(d.stop(item, at)),
            // A list under a key the format does not have: the unknown key is reported below.
            _ => {}
        }
    })
    .ok()?;
    let mut dataset = d.dataset(&root);
    if !d.problems.is_empty() {
        return None;
    }
    // Without problems, every list above was a list under its key, once, and read empty here.
    // Lists grown item by item hold up to twice the room they need; the dataset lives as long as
    // the page, so give the room back.
    lists.shrink();
    dataset.eras = lists.eras;
    dataset.events = lists.events;
    dataset.dimensions = lists.dimensions;
    dataset.criteria = lists.criteria;
    dataset.openness = lists.openness;
    dataset.credits = lists.credits;
    dataset.story = lists.story;
    Some(dataset)
}

/// The top-level lists of a dataset, as they are read item by item.
#[derive(Default)]
struct Lists {
    eras: Vec<Era>,
    events: Vec<Event>,
    dimensions: Vec<Dimension>,
    criteria: Vec<Criterion>,
    openness: Vec<OpennessRow>,
    credits: Vec<Credit>,
    story: Vec<StoryStop>,
}

impl Lists {
    fn shrink(&mut self) {
        self.eras.shrink_to_fit();
        self.events.shrink_to_fit();
        self.dimensions.shrink_to_fit();
        self.criteria.shrink_to_fit();
        self.openness.shrink_to_fit();
        self.credits.shrink_to_fit();
        self.story.shrink_to_fit();
    }
}

/// Where `path` points in the document under `root`: the byte offset of its value, or of the
/// nearest enclosing one that exists (a missing field's object).
pub(crate) fn offset(root: &Node, path: &JsonPath) -> usize {
    use crate::problem::Step;
    let mut node = root;
    for step in path.steps() {
        let next = match (&node.value, step) {
            (Value::Object(members), Step::Key(k)) => members.iter().find(|m| m.key == k.as_str()).map(|m| &m.value),
            (Value::Array(items), Step::Index(i)) => items.get(*i),
            _ => None,
        };
        match next {
            Some(n) => node = n,
            None => break,
        }
    }
    node.at
}

struct Decoder {
    problems: Vec<(usize, Problem)>,
    spoiled: BTreeSet<JsonPath>,
}

/// An object being read: its members, where it starts, where it is, and whether it was an object
/// at all (a placeholder reads as an object with no members, and reports no missing field).
struct Obj<'n, 't, 'a> {
    members: &'n [Member<'t>],
    offset: usize,
    at: At<'a>,
    real: bool,
}

impl Obj<'_, '_, '_> {
    fn at<'s>(&'s self, key: &'s str) -> At<'s> {
        At::Key(&self.at, key)
    }
}

const DATASET: &[&str] =
    &["$schema", "title", "as_of", "eras", "events", "dimensions", "criteria", "openness", "credits", "story"];
const TEXT: &[&str] = &["zh", "en"];
const ERA: &[&str] = &["id", "name", "start", "end", "summary"];
const EVENT: &[&str] =
    &["id", "name", "date", "org", "family", "kind", "access", "license", "params", "summary", "sources", "parents"];
const SOURCE: &[&str] = &["url", "title"];
const PARENT: &[&str] = &["id", "relation", "evidence"];
const DIMENSION: &[&str] = &["id", "name", "group", "open", "closed", "examples"];
const SIDE: &[&str] = &["rating", "text"];
const CRITERION: &[&str] = &["id", "name", "description", "group", "kind", "levels"];
const RUBRIC: &[&str] = &["open", "partial", "closed"];
const ROW: &[&str] = &["model", "cells"];
const CELL: &[&str] = &["level", "basis", "note", "source"];
const CREDIT: &[&str] = &["title", "url", "note"];
const STOP: &[&str] = &["id", "title", "text", "start", "end", "events", "dimensions", "criteria"];

/// How a scalar is quoted in a message, cut to a readable length.
fn preview(node: &Node) -> Option<String> {
    const MAX: usize = 40;
    let text = match &node.value {
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => (*n).to_owned(),
        Value::String(s) => format!("{s:?}"),
        _ => return None,
    };
    Some(if text.chars().count() > MAX { text.chars().take(MAX).chain(['…']).collect() } else { text })
}

/// How a list's items are read.
type Item<T> = fn(&mut Decoder, Option<&Node>, At<'_>) -> T;

impl Decoder {
    fn push(&mut self, offset: usize, at: At, kind: K) {
        let path = at.path();
        self.spoiled.insert(path.clone());
        self.problems.push((offset, Problem::new(Location::json(path), kind)));
    }

    fn wrong(&mut self, node: &Node, at: At, expected: Expected) {
        self.push(node.at, at, K::WrongType { expected, found: node.value.kind(), value: preview(node) });
    }

    /// `node` as an object with these `fields`: each unknown or repeated key is a problem.
    fn object<'n, 't, 'a>(
        &mut self,
        node: Option<&'n Node<'t>>,
        at: At<'a>,
        fields: &'static [&'static str],
    ) -> Obj<'n, 't, 'a> {
        self.object_as(node, at, fields, Expected::Object)
    }

    fn object_as<'n, 't, 'a>(
        &mut self,
        node: Option<&'n Node<'t>>,
        at: At<'a>,
        fields: &'static [&'static str],
        expected: Expected,
    ) -> Obj<'n, 't, 'a> {
        let placeholder = |offset| Obj { members: &[], offset, at, real: false };
        let Some(node) = node else { return placeholder(0) };
        let Value::Object(members) = &node.value else {
            self.wrong(node, at, expected);
            return placeholder(node.at);
        };
        // No object of the format has more than 16 fields.
        let mut seen = [false; 16];
        for m in members {
            match fields.iter().position(|f| m.key == *f) {
                Some(i) if seen[i] => {
                    self.push(m.key_at, At::Key(&at, &m.key), K::DuplicateKey { key: m.key.to_string() })
                }
                Some(i) => seen[i] = true,
                None => {
                    let suggestion = did_you_mean(&m.key, fields.iter().copied());
                    let kind = K::UnknownField { field: m.key.to_string(), allowed: fields, suggestion };
                    self.push(m.key_at, At::Key(&at, &m.key), kind);
                }
            }
        }
        Obj { members, offset: node.at, at, real: true }
    }

    /// The member `name` of `o`; a problem if it is `required` and missing from a real object.
    fn get<'n, 't>(&mut self, o: &Obj<'n, 't, '_>, name: &'static str, required: bool) -> Option<&'n Node<'t>> {
        let found = o.members.iter().find(|m| m.key == name).map(|m| &m.value);
        if found.is_none() && required && o.real {
            self.push(o.offset, o.at(name), K::MissingField { field: name });
        }
        found
    }

    fn string(&mut self, o: &Obj, name: &'static str) -> String {
        match self.get(o, name, true) {
            Some(Node { value: Value::String(s), .. }) => s.to_string(),
            Some(node) => {
                self.wrong(node, o.at(name), Expected::String);
                String::new()
            }
            None => String::new(),
        }
    }

    /// An optional string: absent or `null` is `None`.
    fn opt_string(&mut self, o: &Obj, name: &'static str) -> Option<String> {
        match self.get(o, name, false) {
            Some(Node { value: Value::String(s), .. }) => Some(s.to_string()),
            Some(Node { value: Value::Null, .. }) | None => None,
            Some(node) => {
                self.wrong(node, o.at(name), Expected::String);
                None
            }
        }
    }

    fn text(&mut self, o: &Obj, name: &'static str) -> Text {
        let node = self.get(o, name, true);
        let t = self.object_as(node, o.at(name), TEXT, Expected::Bilingual);
        Text { zh: self.string(&t, "zh"), en: self.string(&t, "en") }
    }

    /// A name from `T`'s list; an unknown one is a problem.
    fn named<T: Named>(&mut self, o: &Obj, name: &'static str, required: bool) -> Option<T> {
        match self.get(o, name, required)? {
            Node { value: Value::Null, .. } if !required => None,
            Node { value: Value::String(s), at } => T::from_slug(s).or_else(|| {
                let names = T::OF.names();
                let suggestion = did_you_mean(s, names.iter().copied());
                self.push(*at, o.at(name), K::UnknownValue { of: T::OF, value: s.to_string(), suggestion });
                None
            }),
            node => {
                self.wrong(node, o.at(name), Expected::String);
                None
            }
        }
    }

    /// A required name from `T`'s list; a missing or unknown one reads as the list's first.
    fn required<T: Named>(&mut self, o: &Obj, name: &'static str) -> T {
        self.named(o, name, true).unwrap_or(T::ALL[0])
    }

    /// A list, each item read by `item`; absent is empty (a required list's absence is reported).
    fn list<T>(&mut self, o: &Obj, name: &'static str, required: bool, item: Item<T>) -> Vec<T> {
        match self.get(o, name, required) {
            Some(Node { value: Value::Array(items), .. }) => {
                let at = o.at(name);
                items.iter().enumerate().map(|(i, n)| item(self, Some(n), At::Index(&at, i))).collect()
            }
            Some(node) => {
                self.wrong(node, o.at(name), Expected::List);
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    fn id(&mut self, node: Option<&Node>, at: At) -> String {
        match node {
            Some(Node { value: Value::String(s), .. }) => s.to_string(),
            Some(node) => {
                self.wrong(node, at, Expected::String);
                String::new()
            }
            None => String::new(),
        }
    }

    fn dataset(&mut self, root: &Node) -> Dataset {
        let o = self.object(Some(root), At::Root, DATASET);
        Dataset {
            schema: self.opt_string(&o, "$schema"),
            title: self.text(&o, "title"),
            as_of: self.opt_string(&o, "as_of"),
            eras: self.list(&o, "eras", true, Self::era),
            events: self.list(&o, "events", true, Self::event),
            dimensions: self.list(&o, "dimensions", false, Self::dimension),
            criteria: self.list(&o, "criteria", false, Self::criterion),
            openness: self.list(&o, "openness", false, Self::row),
            credits: self.list(&o, "credits", false, Self::credit),
            story: self.list(&o, "story", false, Self::stop),
        }
    }

    fn era(&mut self, node: Option<&Node>, at: At) -> Era {
        let o = self.object(node, at, ERA);
        Era {
            id: self.string(&o, "id"),
            name: self.text(&o, "name"),
            start: self.string(&o, "start"),
            end: self.string(&o, "end"),
            summary: self.text(&o, "summary"),
        }
    }

    fn event(&mut self, node: Option<&Node>, at: At) -> Event {
        let o = self.object(node, at, EVENT);
        Event {
            id: self.string(&o, "id"),
            name: self.text(&o, "name"),
            date: self.string(&o, "date"),
            org: self.string(&o, "org"),
            family: self.required(&o, "family"),
            kind: self.required(&o, "kind"),
            access: self.required(&o, "access"),
            license: self.opt_string(&o, "license"),
            params: self.opt_string(&o, "params"),
            summary: self.text(&o, "summary"),
            sources: self.list(&o, "sources", true, Self::source),
            parents: self.list(&o, "parents", false, Self::parent),
        }
    }

    fn source(&mut self, node: Option<&Node>, at: At) -> Source {
        let o = self.object(node, at, SOURCE);
        Source { url: self.string(&o, "url"), title: self.string(&o, "title") }
    }

    fn opt_source(&mut self, o: &Obj, name: &'static str) -> Option<Source> {
        match self.get(o, name, false)? {
            Node { value: Value::Null, .. } => None,
            node => Some(self.source(Some(node), o.at(name))),
        }
    }

    fn parent(&mut self, node: Option<&Node>, at: At) -> Parent {
        let o = self.object(node, at, PARENT);
        Parent {
            id: self.string(&o, "id"),
            relation: self.required(&o, "relation"),
            evidence: self.required(&o, "evidence"),
        }
    }

    fn dimension(&mut self, node: Option<&Node>, at: At) -> Dimension {
        let o = self.object(node, at, DIMENSION);
        Dimension {
            id: self.string(&o, "id"),
            name: self.text(&o, "name"),
            group: self.required(&o, "group"),
            open: self.side(&o, "open"),
            closed: self.side(&o, "closed"),
            examples: self.list(&o, "examples", false, Self::id),
        }
    }

    fn side(&mut self, parent: &Obj, name: &'static str) -> Side {
        let node = self.get(parent, name, true);
        let o = self.object(node, parent.at(name), SIDE);
        let rating = match self.get(&o, "rating", true) {
            // A whole number 0–255, as written: the rating rule says whether it is 1–5.
            Some(Node { value: Value::Number(n), .. })
                if n.bytes().all(|b| b.is_ascii_digit()) && n.parse::<u8>().is_ok() =>
            {
                n.parse().unwrap_or(0)
            }
            Some(node) => {
                self.wrong(node, o.at("rating"), Expected::WholeNumber);
                0
            }
            None => 0,
        };
        Side { rating, text: self.text(&o, "text") }
    }

    fn criterion(&mut self, node: Option<&Node>, at: At) -> Criterion {
        let o = self.object(node, at, CRITERION);
        Criterion {
            id: self.string(&o, "id"),
            name: self.text(&o, "name"),
            description: self.text(&o, "description"),
            group: self.required(&o, "group"),
            kind: self.named(&o, "kind", false),
            levels: match self.get(&o, "levels", false) {
                None | Some(Node { value: Value::Null, .. }) => None,
                Some(node) => {
                    let r = self.object(Some(node), o.at("levels"), RUBRIC);
                    Some(Rubric {
                        open: self.text(&r, "open"),
                        partial: self.text(&r, "partial"),
                        closed: self.text(&r, "closed"),
                    })
                }
            },
        }
    }

    fn row(&mut self, node: Option<&Node>, at: At) -> OpennessRow {
        let o = self.object(node, at, ROW);
        let model = self.string(&o, "model");
        let mut cells = BTreeMap::new();
        match self.get(&o, "cells", true) {
            Some(Node { value: Value::Object(members), .. }) => {
                let cells_at = o.at("cells");
                for m in members {
                    let key = m.key.to_string();
                    if cells.contains_key(&key) {
                        self.push(m.key_at, At::Key(&cells_at, &m.key), K::DuplicateKey { key });
                        continue;
                    }
                    let cell = self.cell(&m.value, At::Key(&cells_at, &m.key));
                    cells.insert(key, cell);
                }
            }
            Some(node) => self.wrong(node, o.at("cells"), Expected::Object),
            None => {}
        }
        OpennessRow { model, cells }
    }

    fn cell(&mut self, node: &Node, at: At) -> Cell {
        let o = self.object(Some(node), at, CELL);
        Cell {
            level: self.named(&o, "level", true).unwrap_or(Level::Unknown),
            basis: self.named(&o, "basis", false),
            note: self.text(&o, "note"),
            source: self.opt_source(&o, "source"),
        }
    }

    fn credit(&mut self, node: Option<&Node>, at: At) -> Credit {
        let o = self.object(node, at, CREDIT);
        Credit { title: self.text(&o, "title"), url: self.opt_string(&o, "url"), note: self.text(&o, "note") }
    }

    fn stop(&mut self, node: Option<&Node>, at: At) -> StoryStop {
        let o = self.object(node, at, STOP);
        StoryStop {
            id: self.string(&o, "id"),
            title: self.text(&o, "title"),
            text: self.text(&o, "text"),
            start: self.string(&o, "start"),
            end: self.string(&o, "end"),
            events: self.list(&o, "events", false, Self::id),
            dimensions: self.list(&o, "dimensions", false, Self::id),
            criteria: self.list(&o, "criteria", false, Self::id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `text` through the whole tree, as problems are read.
    fn through_tree(text: &str) -> Dataset {
        let root = crate::json::parse(text).unwrap();
        let decoded = dataset(&root);
        assert!(decoded.problems.is_empty());
        decoded.dataset
    }

    #[test]
    fn streaming_reads_valid_data_as_the_tree_does() {
        let synthetic = serde_json::to_string(&crate::synth::dataset(300, 7)).unwrap();
        let template = include_str!("../../data/templates/chronicle.json");
        for text in [crate::SHIPPED_JSON, &synthetic, template] {
            let streamed = dataset_streaming(text).expect("valid data reads");
            assert_eq!(streamed, through_tree(text));
            assert!(!streamed.events.is_empty());
        }
    }

    #[test]
    fn streaming_gives_up_on_anything_wrong() {
        let good = include_str!("../../data/templates/chronicle.json");
        let broken = [
            good.replacen("\"events\"", "\"evnets\"", 1),
            good.replacen("\"events\": [", "\"events\": [], \"events\": [", 1),
            good.replacen("\"family\": \"decoder-only\"", "\"family\": \"quantum\"", 1),
            good.replacen("\"events\": [", "\"events\": {\"x\": [", 1),
            good.replacen('}', "},", 1),
        ];
        for text in &broken {
            assert_ne!(text, good, "each mutation changes the text");
            assert!(dataset_streaming(text).is_none(), "{text}");
        }
    }
}
