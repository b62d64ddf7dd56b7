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
    let problem = |path: String, kind: ProblemKind| Problem { path, kind };
    let headers =
        reader.headers().map_err(|e| vec![problem("(row 1)".into(), ProblemKind::CsvHeader(e.to_string()))])?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let mut problems = Vec::new();
    for name in REQUIRED {
        if col(name).is_none() {
            problems.push(problem("(row 1)".into(), ProblemKind::MissingColumn { name: (*name).to_owned() }));
        }
    }
    for (i, h) in headers.iter().enumerate() {
        if !REQUIRED.contains(&h) && !OPTIONAL.contains(&h) {
            let name = h.to_owned();
            problems.push(problem(format!("(row 1, column {})", i + 1), ProblemKind::UnknownColumn { name }));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut events = Vec::new();
    for (r, record) in reader.records().enumerate() {
        let row = r + 2;
        let record = match record {
            Ok(rec) => rec,
            Err(e) => {
                let kind = match e.kind() {
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                        ProblemKind::FieldCount { found: *len as usize, expected: *expected_len as usize }
                    }
                    _ => ProblemKind::CsvRow(e.to_string()),
                };
                problems.push(problem(format!("(row {row})"), kind));
                continue;
            }
        };
        let get = |name: &str| col(name).and_then(|i| record.get(i)).unwrap_or("").to_owned();
        let cell = |name: &str| format!("(row {row}, column {} \"{name}\")", col(name).map_or(0, |i| i + 1));
        let mut bad = |name: &str, what: CsvValue| {
            problems.push(problem(cell(name), ProblemKind::UnknownValue { what, value: get(name) }))
        };
        let family: Option<Family> = enum_value(&get("family"));
        let kind: Option<Kind> = enum_value(&get("kind"));
        let access: Option<Access> = enum_value(&get("access"));
        if family.is_none() {
            bad("family", CsvValue::Family);
        }
        if kind.is_none() {
            bad("kind", CsvValue::Kind);
        }
        if access.is_none() {
            bad("access", CsvValue::Access);
        }
        let mut parents = Vec::new();
        for spec in get("parents").split(';').map(str::trim).filter(|s| !s.is_empty()) {
            let parts: Vec<&str> = spec.split(':').collect();
            match (parts.as_slice(), parts.get(1).and_then(|r| enum_value(r)), parts.get(2).and_then(|e| enum_value(e)))
            {
                ([id, _, _], Some(relation), Some(evidence)) => {
                    parents.push(Parent { id: (*id).to_owned(), relation, evidence })
                }
                _ => problems.push(problem(cell("parents"), ProblemKind::BadParentSpec { spec: spec.to_owned() })),
            }
        }
        let (Some(family), Some(kind), Some(access)) = (family, kind, access) else { continue };
        let optional = |name: &str| Some(get(name)).filter(|v| !v.is_empty());
        events.push(Event {
            id: get("id"),
            name: Text { zh: get("name_zh"), en: get("name_en") },
            date: get("date"),
            org: get("org"),
            family,
            kind,
            access,
            license: optional("license"),
            params: optional("params"),
            summary: Text { zh: get("summary_zh"), en: get("summary_en") },
            sources: vec![Source { url: get("source_url"), title: get("source_title") }],
            parents,
        });
    }
    if problems.is_empty() {
        Ok(Dataset { title, events, ..Dataset::default() })
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
