//! Spreadsheet import: one row per event, the way newsrooms keep lists. The rows become a
//! [`Dataset`] and go through the same validator as JSON.
//!
//! Columns (header row required, any order; the optional ones may be left out or empty):
//! `id, name_zh, name_en, date, org, family, kind, access, summary_zh, summary_en, source_url,
//! source_title` and optional `license, params, parents` (`id:relation:evidence`, separated by
//! `;`, e.g. `gpt-2:successor-of:documented`).

use crate::model::{Access, Dataset, Event, Family, Kind, Parent, Source, Text};
use crate::problem::{CsvValue, Problem, ProblemKind};

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

fn enum_value<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_owned())).ok()
}

/// Reads a CSV file into a dataset titled `title`. Every problem comes back with its row and
/// column (row 1 is the header).
pub fn from_csv(text: &str, title: Text) -> Result<Dataset, Vec<Problem>> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).trim(csv::Trim::Fields).from_reader(text.as_bytes());
    let headers = header(&mut reader)?;
    let mut problems = Vec::new();
    let mut events = Vec::new();
    for (r, record) in reader.records().enumerate() {
        let number = r + 2;
        match record {
            Ok(record) => events.extend(event(&Row { headers: &headers, record: &record, number }, &mut problems)),
            Err(e) => problems.push(Problem::new(format!("(row {number})"), unreadable_row(&e))),
        }
    }
    if problems.is_empty() {
        Ok(Dataset { title, events, ..Dataset::default() })
    } else {
        Err(problems)
    }
}

/// The header row, if it reads, has every required column and no unknown one; otherwise every
/// problem with it.
fn header(reader: &mut csv::Reader<&[u8]>) -> Result<csv::StringRecord, Vec<Problem>> {
    let headers =
        reader.headers().map_err(|e| vec![Problem::new("(row 1)", ProblemKind::CsvHeader(e.to_string()))])?.clone();
    let mut problems = Vec::new();
    for name in REQUIRED {
        if !headers.iter().any(|h| h == name) {
            problems.push(Problem::new("(row 1)", ProblemKind::MissingColumn { name: (*name).to_owned() }));
        }
    }
    for (i, h) in headers.iter().enumerate() {
        if !REQUIRED.contains(&h) && !OPTIONAL.contains(&h) {
            let name = h.to_owned();
            problems.push(Problem::new(format!("(row 1, column {})", i + 1), ProblemKind::UnknownColumn { name }));
        }
    }
    if problems.is_empty() {
        Ok(headers)
    } else {
        Err(problems)
    }
}

/// Why the reader could not read a row: a field count other than the header's, or its own words.
fn unreadable_row(e: &csv::Error) -> ProblemKind {
    match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            ProblemKind::FieldCount { found: *len as usize, expected: *expected_len as usize }
        }
        _ => ProblemKind::CsvRow(e.to_string()),
    }
}

/// One data row, read by column name.
struct Row<'a> {
    headers: &'a csv::StringRecord,
    record: &'a csv::StringRecord,
    /// The row's number in the file; the header is row 1.
    number: usize,
}

impl Row<'_> {
    /// The position of column `name`, if the sheet has it.
    fn col(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    /// The value in column `name`, or "" if the sheet has no such column.
    fn get(&self, name: &str) -> String {
        self.col(name).and_then(|i| self.record.get(i)).unwrap_or("").to_owned()
    }

    /// The value in optional column `name`, if the column is there and not empty.
    fn optional(&self, name: &str) -> Option<String> {
        Some(self.get(name)).filter(|v| !v.is_empty())
    }

    /// Where the cell in column `name` is, as a problem's path.
    fn cell(&self, name: &str) -> String {
        format!("(row {}, column {} \"{name}\")", self.number, self.col(name).map_or(0, |i| i + 1))
    }

    /// The value in column `name` as one of `T`'s names; an unknown one is a problem about `what`.
    fn one_of<T: serde::de::DeserializeOwned>(
        &self,
        name: &str,
        what: CsvValue,
        problems: &mut Vec<Problem>,
    ) -> Option<T> {
        let value = enum_value(&self.get(name));
        if value.is_none() {
            problems.push(Problem::new(self.cell(name), ProblemKind::UnknownValue { what, value: self.get(name) }));
        }
        value
    }

    /// The `parents` column as links, separated by `;`; a link not written `id:relation:evidence`
    /// is a problem and left out.
    fn parents(&self, problems: &mut Vec<Problem>) -> Vec<Parent> {
        let mut parents = Vec::new();
        for spec in self.get("parents").split(';').map(str::trim).filter(|s| !s.is_empty()) {
            match parent(spec) {
                Some(parent) => parents.push(parent),
                None => {
                    let kind = ProblemKind::BadParentSpec { spec: spec.to_owned() };
                    problems.push(Problem::new(self.cell("parents"), kind));
                }
            }
        }
        parents
    }
}

/// One lineage link written `id:relation:evidence`, if it is written so, with a known relation
/// and evidence.
fn parent(spec: &str) -> Option<Parent> {
    let parts: Vec<&str> = spec.split(':').collect();
    match (parts.as_slice(), parts.get(1).and_then(|r| enum_value(r)), parts.get(2).and_then(|e| enum_value(e))) {
        ([id, _, _], Some(relation), Some(evidence)) => Some(Parent { id: (*id).to_owned(), relation, evidence }),
        _ => None,
    }
}

/// The event a row describes, or None if its family, kind or access is not a known value. Each
/// problem in the row is added to `problems`, in this order: family, kind, access, then parents.
fn event(row: &Row, problems: &mut Vec<Problem>) -> Option<Event> {
    let family: Option<Family> = row.one_of("family", CsvValue::Family, problems);
    let kind: Option<Kind> = row.one_of("kind", CsvValue::Kind, problems);
    let access: Option<Access> = row.one_of("access", CsvValue::Access, problems);
    let parents = row.parents(problems);
    let (Some(family), Some(kind), Some(access)) = (family, kind, access) else { return None };
    Some(Event {
        id: row.get("id"),
        name: Text { zh: row.get("name_zh"), en: row.get("name_en") },
        date: row.get("date"),
        org: row.get("org"),
        family,
        kind,
        access,
        license: row.optional("license"),
        params: row.optional("params"),
        summary: Text { zh: row.get("summary_zh"), en: row.get("summary_en") },
        sources: vec![Source { url: row.get("source_url"), title: row.get("source_title") }],
        parents,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Relation};
    use crate::validate::validate;

    const HEADER: &str =
        "id,name_zh,name_en,date,org,family,kind,access,summary_zh,summary_en,source_url,source_title,parents";

    fn title() -> Text {
        Text { zh: "自定义".into(), en: "Custom".into() }
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
    }

    #[test]
    fn a_parent_link_is_id_relation_evidence() {
        let p = parent("gpt-2:successor-of:documented").unwrap();
        assert_eq!((p.id.as_str(), p.relation, p.evidence), ("gpt-2", Relation::SuccessorOf, Evidence::Documented));
        let bad = [
            "gpt-2",
            "gpt-2:successor-of",
            "gpt-2:cousin-of:documented",
            "gpt-2:successor-of:rumour",
            "gpt-2:successor-of:documented:extra",
        ];
        for spec in bad {
            assert_eq!(parent(spec), None, "{spec}");
        }
    }

    #[test]
    fn broken_quote_missing_and_extra_columns_are_reported_with_row_and_column() {
        let broken = format!("{HEADER}\nx,\"unclosed,a,2019,o,rnn,paper,not-applicable,s,s,https://a.b/,t,\n");
        let p = from_csv(&broken, title()).unwrap_err();
        assert!(p[0].path.starts_with("(row 2"), "{p:?}");

        let missing = "id,name_zh,name_en,date\nx,a,b,2019\n";
        let p = from_csv(missing, title()).unwrap_err();
        assert!(p.iter().any(|p| p.message() == "missing column \"org\""), "{p:?}");

        let extra = format!("{HEADER},colour\nx,a,b,2019,o,rnn,paper,not-applicable,s,s,https://a.b/,t,,red\n");
        let p = from_csv(&extra, title()).unwrap_err();
        assert_eq!((p[0].path.as_str(), p[0].message().as_str()), ("(row 1, column 14)", "unknown column \"colour\""));

        let short = format!("{HEADER}\nx,a,b\n");
        let p = from_csv(&short, title()).unwrap_err();
        assert_eq!(p[0].path, "(row 2)");
        assert!(p[0].message().contains("the header has 13"), "{p:?}");

        let bad_enum = format!("{HEADER}\nx,a,b,2019,o,lstm,paper,not-applicable,s,s,https://a.b/,t,\n");
        let p = from_csv(&bad_enum, title()).unwrap_err();
        assert_eq!(p[0].path, "(row 2, column 6 \"family\")");
    }
}
