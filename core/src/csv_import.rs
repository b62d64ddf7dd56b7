//! Spreadsheet import: one row per event, the way newsrooms keep lists. The rows become a
//! [`Dataset`] and go through the same validator as JSON.
//!
//! Columns (header row required, any order; the optional ones may be left out or empty):
//! `id, name_zh, name_en, date, org, family, kind, access, summary_zh, summary_en, source_url,
//! source_title` and optional `license, params, parents` (`id:relation:evidence`, separated by
//! `;`, e.g. `gpt-2:successor-of:documented`).

use std::collections::BTreeSet;

use crate::model::{Access, Dataset, Event, Family, Kind, Named, Parent, Source, Text};
use crate::problem::{did_you_mean, CsvCell, JsonPath, Location, Problem, ProblemKind, Step};
use crate::Chronicle;

const REQUIRED: [&str; 12] = [
    "id",
    "name_zh",
    "name_en",
    "date",
    "org",
    "family",
    "kind",
    "access",
    "summary_zh",
    "summary_en",
    "source_url",
    "source_title",
];
const OPTIONAL: [&str; 3] = ["license", "params", "parents"];

/// Reads a CSV file into a dataset titled `title` and validates it. Every problem comes back at
/// its row, and at its cell (column number, name and content) when it is in one: the sheet's own
/// problems (an unknown column, a row of the wrong length, an unknown family) and the
/// validator's rules alike. Row 1 is the header.
pub fn load_csv(text: &str, title: Text) -> Result<Chronicle, Vec<Problem>> {
    let sheet = read(text)?;
    let dataset = Dataset { title, events: sheet.events.clone(), ..Dataset::default() };
    let mut problems = sheet.problems.clone();
    for p in crate::validate::check(&dataset) {
        let Location::Json { path, .. } = &p.at else { continue };
        if let Some(at) = sheet.locate(path) {
            problems.push(Problem::new(at, p.kind));
        }
    }
    if problems.is_empty() {
        return Ok(Chronicle::new(dataset));
    }
    crate::sort::sort_by_key(&mut problems, |p| p.at.order());
    Err(problems)
}

/// Reads a CSV file into a dataset titled `title`, without the validator's rules: the events of
/// every readable row, or every problem the sheet itself has.
pub fn from_csv(text: &str, title: Text) -> Result<Dataset, Vec<Problem>> {
    let sheet = read(text)?;
    if sheet.problems.is_empty() {
        Ok(Dataset { title, events: sheet.events, ..Dataset::default() })
    } else {
        Err(sheet.problems)
    }
}

/// A sheet read into events, one per readable row, with what was wrong with it.
struct Sheet {
    headers: csv::StringRecord,
    /// Each event's row number and record.
    rows: Vec<(usize, csv::StringRecord)>,
    events: Vec<Event>,
    problems: Vec<Problem>,
    /// Cells already reported, as (row, column name): the rules' problems there are dropped. A
    /// missing column counts for every row.
    spoiled: BTreeSet<(usize, String)>,
    missing: Vec<&'static str>,
}

/// Reads the header and every row. Only a header that cannot be read stops it.
fn read(text: &str) -> Result<Sheet, Vec<Problem>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::Fields).from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|_| vec![Problem::new(Location::Csv { row: 1, cell: None }, ProblemKind::UnreadableHeader)])?
        .clone();
    let mut sheet = Sheet {
        headers,
        rows: Vec::new(),
        events: Vec::new(),
        problems: Vec::new(),
        spoiled: BTreeSet::new(),
        missing: Vec::new(),
    };
    sheet.check_header();
    for (r, record) in reader.records().enumerate() {
        let number = r + 2;
        let record = match record {
            Ok(record) => record,
            Err(_) => {
                sheet
                    .problems
                    .push(Problem::new(Location::Csv { row: number, cell: None }, ProblemKind::UnreadableRow));
                continue;
            }
        };
        if record.len() != sheet.headers.len() {
            // A quoted cell that runs over a line break is the mark of a quote never closed.
            let open_quote = record.iter().any(|f| f.contains('\n'));
            let kind = ProblemKind::FieldCount { found: record.len(), expected: sheet.headers.len(), open_quote };
            sheet.problems.push(Problem::new(Location::Csv { row: number, cell: None }, kind));
            continue;
        }
        let event = sheet.event(number, &record);
        sheet.events.push(event);
        sheet.rows.push((number, record));
    }
    Ok(sheet)
}

impl Sheet {
    /// Every required column is there, once, and no unknown one.
    fn check_header(&mut self) {
        let header_cell = |i: usize, h: &str| Location::Csv {
            row: 1,
            cell: Some(CsvCell { column: i + 1, name: h.to_owned(), value: h.to_owned() }),
        };
        for name in REQUIRED {
            if !self.headers.iter().any(|h| h == name) {
                self.missing.push(name);
                self.problems
                    .push(Problem::new(Location::Csv { row: 1, cell: None }, ProblemKind::MissingColumn { name }));
            }
        }
        let known = || REQUIRED.iter().chain(&OPTIONAL).copied();
        for (i, h) in self.headers.iter().enumerate() {
            if !known().any(|k| k == h) {
                let suggestion = did_you_mean(h, known().filter(|k| !self.headers.iter().any(|h| h == *k)));
                let kind = ProblemKind::UnknownColumn { name: h.to_owned(), suggestion };
                self.problems.push(Problem::new(header_cell(i, h), kind));
            } else if self.headers.iter().take(i).any(|earlier| earlier == h) {
                self.problems
                    .push(Problem::new(header_cell(i, h), ProblemKind::DuplicateColumn { name: h.to_owned() }));
            }
        }
    }

    /// The position of column `name`, if the sheet has it (the first, if it has it twice).
    fn col(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    /// Row `number`'s cell in column `name`, if the sheet has that column.
    fn cell(&self, number: usize, record: &csv::StringRecord, name: &str) -> Location {
        let cell = self.col(name).map(|i| CsvCell {
            column: i + 1,
            name: name.to_owned(),
            value: record.get(i).unwrap_or("").to_owned(),
        });
        Location::Csv { row: number, cell }
    }

    /// The value in column `name`, or "" if the sheet has no such column.
    fn get(&self, record: &csv::StringRecord, name: &str) -> String {
        self.col(name).and_then(|i| record.get(i)).unwrap_or("").to_owned()
    }

    /// The value in optional column `name`, if the column is there and not empty.
    fn optional(&self, record: &csv::StringRecord, name: &str) -> Option<String> {
        Some(self.get(record, name)).filter(|v| !v.is_empty())
    }

    /// The value in column `name` as one of `T`'s names; an unknown one is a problem (its cell is
    /// spoiled), and reads as the first name.
    fn one_of<T: Named>(&mut self, number: usize, record: &csv::StringRecord, name: &'static str) -> T {
        let value = self.get(record, name);
        T::from_slug(&value).unwrap_or_else(|| {
            if !self.missing.contains(&name) {
                let suggestion = did_you_mean(&value, T::OF.names());
                let at = self.cell(number, record, name);
                self.problems.push(Problem::new(at, ProblemKind::UnknownValue { of: T::OF, value, suggestion }));
                self.spoiled.insert((number, name.to_owned()));
            }
            T::ALL[0]
        })
    }

    /// The `parents` column as links, separated by `;`; a link not written `id:relation:evidence`
    /// with a known relation and evidence is a problem and left out.
    fn parents(&mut self, number: usize, record: &csv::StringRecord) -> Vec<Parent> {
        let mut parents = Vec::new();
        for spec in self.get(record, "parents").split(';').map(str::trim).filter(|s| !s.is_empty()) {
            match parent(spec) {
                Ok(parent) => parents.push(parent),
                Err(kind) => {
                    let at = self.cell(number, record, "parents");
                    self.problems.push(Problem::new(at, kind));
                }
            }
        }
        parents
    }

    /// The event row `number` describes. Each problem in the row is added, in this order: family,
    /// kind, access, then parents.
    fn event(&mut self, number: usize, record: &csv::StringRecord) -> Event {
        let family: Family = self.one_of(number, record, "family");
        let kind: Kind = self.one_of(number, record, "kind");
        let access: Access = self.one_of(number, record, "access");
        let parents = self.parents(number, record);
        Event {
            id: self.get(record, "id"),
            name: Text { zh: self.get(record, "name_zh"), en: self.get(record, "name_en") },
            date: self.get(record, "date"),
            org: self.get(record, "org"),
            family,
            kind,
            access,
            license: self.optional(record, "license"),
            params: self.optional(record, "params"),
            summary: Text { zh: self.get(record, "summary_zh"), en: self.get(record, "summary_en") },
            sources: vec![Source { url: self.get(record, "source_url"), title: self.get(record, "source_title") }],
            parents,
        }
    }

    /// Where a rule's problem at `path` (in the dataset the sheet became) is in the sheet, or
    /// `None` when its cell's problem has already been reported.
    fn locate(&self, path: &JsonPath) -> Option<Location> {
        let steps = path.steps();
        let (Some(Step::Key(events)), Some(Step::Index(i))) = (steps.first(), steps.get(1)) else {
            return Some(Location::Input);
        };
        let Some((number, record)) = self.rows.get(*i).filter(|_| events == "events") else {
            return Some(Location::Input);
        };
        let key = |n: usize| match steps.get(n) {
            Some(Step::Key(k)) => k.as_str(),
            _ => "",
        };
        let column = match (key(2), key(3), key(4)) {
            ("name", lang, _) => format!("name_{lang}"),
            ("summary", lang, _) => format!("summary_{lang}"),
            ("sources", _, "title") => "source_title".to_owned(),
            ("sources", _, _) => "source_url".to_owned(),
            ("", _, _) => return Some(Location::Csv { row: *number, cell: None }),
            (field, _, _) => field.to_owned(),
        };
        let missing = REQUIRED.iter().find(|c| **c == column).is_some_and(|c| self.missing.contains(c));
        if missing || self.spoiled.contains(&(*number, column.clone())) {
            return None;
        }
        Some(self.cell(*number, record, &column))
    }
}

/// One lineage link written `id:relation:evidence`, with a known relation and evidence; or what
/// is wrong with it.
fn parent(spec: &str) -> Result<Parent, ProblemKind> {
    let parts: Vec<&str> = spec.split(':').map(str::trim).collect();
    let [id, relation, evidence] = parts.as_slice() else {
        return Err(ProblemKind::BadParentSpec { spec: spec.to_owned() });
    };
    fn named<T: Named>(value: &str) -> Result<T, ProblemKind> {
        T::from_slug(value).ok_or_else(|| ProblemKind::UnknownValue {
            of: T::OF,
            value: value.to_owned(),
            suggestion: did_you_mean(value, T::OF.names()),
        })
    }
    if id.is_empty() {
        return Err(ProblemKind::BadParentSpec { spec: spec.to_owned() });
    }
    Ok(Parent { id: (*id).to_owned(), relation: named(relation)?, evidence: named(evidence)? })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{Evidence, Relation};
    use crate::validate::validate;

    const HEADER: &str =
        "id,name_zh,name_en,date,org,family,kind,access,summary_zh,summary_en,source_url,source_title,parents";

    fn title() -> Text {
        Text { zh: "自定义".into(), en: "Custom".into() }
    }

    /// Where each problem is, and what, in English.
    fn listed(csv: &str) -> Vec<String> {
        load_csv(csv, title()).unwrap_err().iter().map(Problem::to_string).collect()
    }

    #[test]
    fn a_small_sheet_loads_and_validates() {
        let csv = format!(
            "{HEADER}\n\
             gpt-2,GPT-2,GPT-2,2019-02-14,OpenAI,decoder-only,model,open-unrestricted,摘要,\"Summary, with a comma\",https://openai.com/,OpenAI,\n\
             gpt-3,GPT-3,GPT-3,2020-05-28,OpenAI,decoder-only,model,api,摘要,Summary,https://arxiv.org/abs/2005.14165,Paper,gpt-2:successor-of:documented\n"
        );
        let d = from_csv(&csv, title()).unwrap();
        assert_eq!(d.events.len(), 2);
        assert_eq!(d.events[0].summary.en, "Summary, with a comma");
        assert_eq!(d.events[1].parents[0].id, "gpt-2");
        validate(d).expect("valid");
        load_csv(&csv, title()).expect("valid");
    }

    #[test]
    fn a_parent_link_is_id_relation_evidence() {
        let p = parent("gpt-2:successor-of:documented").unwrap();
        assert_eq!((p.id.as_str(), p.relation, p.evidence), ("gpt-2", Relation::SuccessorOf, Evidence::Documented));
        for spec in ["gpt-2", "gpt-2:successor-of", "gpt-2:successor-of:documented:extra", ":successor-of:documented"] {
            assert_eq!(parent(spec), Err(ProblemKind::BadParentSpec { spec: spec.into() }), "{spec}");
        }
        let unknown = parent("gpt-2:succesor-of:documented").unwrap_err();
        assert_eq!(
            unknown,
            ProblemKind::UnknownValue {
                of: crate::problem::ValueOf::Relation,
                value: "succesor-of".into(),
                suggestion: Some("successor-of")
            }
        );
        assert!(matches!(parent("gpt-2:successor-of:rumour"), Err(ProblemKind::UnknownValue { .. })));
    }

    #[test]
    fn broken_quote_missing_and_extra_columns_are_reported_with_row_and_column() {
        let broken = format!("{HEADER}\nx,\"unclosed,a,2019,o,rnn,paper,not-applicable,s,s,https://a.b/,t,\ny,a\n");
        let p = listed(&broken);
        assert_eq!(p, ["row 2: has 2 fields; the header has 13; a quote opened in this row is not closed"]);

        let missing = "id,name_zh,name_en,date\nx,a,b,2019\n";
        let p = listed(missing);
        assert!(p.contains(&"row 1: missing column \"org\"".to_owned()), "{p:?}");
        // The missing columns' cells are not reported again row by row.
        assert!(!p.iter().any(|p| p.starts_with("row 2")), "{p:?}");

        let extra =
            format!("{HEADER},colour,familly\nx,a,b,2019,o,rnn,paper,not-applicable,s,s,https://a.b/,t,,red,\n");
        assert_eq!(
            listed(&extra),
            [
                "row 1, column N (colour): unknown column \"colour\"",
                "row 1, column O (familly): unknown column \"familly\""
            ]
        );
        let renamed = HEADER.replace("name_en", "name-en");
        let p = listed(&format!("{renamed}\nx,a,b,2019,o,rnn,paper,not-applicable,s,s,https://a.b/,t,\n"));
        assert!(
            p.contains(&"row 1, column C (name-en): unknown column \"name-en\"; did you mean \"name_en\"?".to_owned()),
            "{p:?}"
        );

        let short = format!("{HEADER}\nx,a,b\n");
        assert_eq!(listed(&short), ["row 2: has 3 fields; the header has 13"]);
    }

    #[test]
    fn every_problem_names_its_row_column_and_cell() {
        let csv = format!(
            "{HEADER}\n\
             a,A,A,2019-13-01,O,quantum,model,api,s,s,https://a.org/,t,\n\
             a,B,,2019,O,rnn,modle,api,s,s,http://b.org/,t,ghost:successor-of:documented;a:cousin-of:inferred\n\
             c,C,C,2020,O,rnn,model,api,s,s,https://c.org/,t,d:successor-of:documented\n\
             d,D,D,2020,O,rnn,model,api,s,s,https://d.org/,t,c:successor-of:documented\n"
        );
        let problems = load_csv(&csv, title()).unwrap_err();
        let lines: Vec<String> = problems.iter().map(Problem::to_string).collect();
        assert_eq!(
            lines,
            [
                "row 2, column D (date): invalid date \"2019-13-01\": month 13 is not between 1 and 12",
                "row 2, column F (family): family \"quantum\" is not one of: statistical, rnn, embedding, \
                 encoder-only, encoder-decoder, decoder-only, multimodal, other",
                "row 3, column A (id): duplicate id \"a\"",
                "row 3, column C (name_en): must not be empty",
                "row 3, column G (kind): kind \"modle\" is not one of: model, paper, product, milestone; did you \
                 mean \"model\"?",
                "row 3, column K (source_url): \"http://b.org/\" is not an https:// link",
                "row 3, column M (parents): relation \"cousin-of\" is not one of: successor-of, fine-tuned-from, \
                 distilled-from, derived-from, inspired-by",
                "row 3, column M (parents): parent \"ghost\" is not an event id",
                "row 4, column M (parents): lineage cycle: c → d → c",
            ]
        );
        let Location::Csv { cell: Some(cell), .. } = &problems[1].at else { panic!("{:?}", problems[1]) };
        assert_eq!((cell.column, cell.name.as_str(), cell.value.as_str()), (6, "family", "quantum"));
        assert_eq!(problems[1].line(Lang::Zh).split('：').next(), Some("第 2 行 F 列（family）"));
        assert!(problems.iter().all(|p| p.text(Lang::Zh).chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))));
    }
}
