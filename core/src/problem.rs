//! What can be wrong with a dataset, as typed values: a [`ProblemKind`] with its data, and where
//! ([`Problem::path`]). Each language's sentence is written from the kind, so a change to one
//! language's wording can never drop the other's. Values quoted in a message (ids, dates, links)
//! are kept as they are.

use std::fmt;

use crate::date::{Date, DateError};
use crate::i18n::Lang;
use crate::matrix::level_slug;
use crate::model::{Basis, CriterionKind, Level};

/// One thing wrong with a dataset, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A JSON path such as `events[12].date`, `(line 6, column 105)` for a JSON syntax error,
    /// `(row 3, column 6 "family")` for a CSV cell, or `(file)` / `(data)` for the whole input.
    pub path: String,
    pub kind: ProblemKind,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The input is larger than the limit (bytes).
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// JSON that does not parse or does not have the dataset's shape, in serde's words.
    Syntax(String),
    /// The input is neither a JSON object nor CSV.
    NotADataset(NotADataset),
    /// The input could not be obtained; the text is already in the reader's language.
    Unavailable(String),
    Empty,
    ControlCharacter,
    BidiCharacter,
    BadId {
        id: String,
    },
    DuplicateId {
        id: String,
    },
    BadDate {
        value: String,
        error: DateError,
    },
    EndsBeforeStart {
        what: Span,
        start: Date,
        end: Date,
    },
    UnknownId {
        id: String,
        of: IdOf,
    },
    NotHttps {
        url: String,
    },
    NotHttp {
        url: String,
    },
    NoHost {
        url: String,
    },
    BadLinkCharacters {
        url: String,
    },
    AsOfNotADay {
        value: String,
    },
    AfterAsOf {
        id: String,
        date: Date,
        limit: Date,
    },
    NoSources,
    UnknownParent {
        id: String,
    },
    OwnParent {
        id: String,
    },
    ParentAfterChild {
        parent: String,
        parent_date: Date,
        child: String,
        child_date: Date,
    },
    Cycle {
        ids: Vec<String>,
    },
    Rating {
        rating: u8,
    },
    DuplicateRow {
        model: String,
    },
    MissingCell {
        criterion: String,
    },
    CellNeedsSource,
    BasisMisfit {
        basis: Basis,
        criterion: String,
        kind: CriterionKind,
    },
    LevelNotFromBasis {
        level: Level,
        basis: Basis,
    },
    CsvHeader(String),
    CsvRow(String),
    MissingColumn {
        name: String,
    },
    UnknownColumn {
        name: String,
    },
    FieldCount {
        found: usize,
        expected: usize,
    },
    UnknownValue {
        what: CsvValue,
        value: String,
    },
    BadParentSpec {
        spec: String,
    },
}

/// What an input that is not a dataset looked like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotADataset {
    Empty,
    Markup,
    Array,
}

/// What has a start and an end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Era,
    Stop,
}

/// What kind of id a reference names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdOf {
    Event,
    Dimension,
    Criterion,
}

/// A CSV column whose value must be one of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvValue {
    Family,
    Kind,
    Access,
}

impl Problem {
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Self {
        Problem { path: path.into(), kind }
    }

    /// What is wrong, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        say(&self.kind, lang)
    }

    /// What is wrong, in English (the command line and the tests read this).
    pub fn message(&self) -> String {
        say(&self.kind, Lang::En)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message())
    }
}

fn date_error_zh(e: &DateError) -> String {
    match e {
        DateError::Format => "应为 “YYYY”、“YYYY-MM” 或 “YYYY-MM-DD”".into(),
        DateError::Month(m) => format!("月份 {m} 不在 1–12 之间"),
        DateError::Day { day, max } => format!("该月没有第 {day} 日（只有 {max} 天）"),
    }
}

fn allowed(kind: CriterionKind) -> String {
    Basis::for_kind(kind).map(Basis::slug).collect::<Vec<_>>().join(", ")
}

/// The words for `key` in a table of (key, [English, Chinese]).
fn words<T: Copy + PartialEq>(table: &[(T, [&'static str; 2])], key: T) -> [&'static str; 2] {
    table.iter().find(|(k, _)| *k == key).map_or(["", ""], |(_, w)| *w)
}

const NOT_A_DATASET: [(NotADataset, [&str; 2]); 3] = [
    (NotADataset::Empty, ["empty", "空内容"]),
    (NotADataset::Markup, ["an HTML or XML page", "HTML 或 XML 页面"]),
    (NotADataset::Array, ["a JSON array", "JSON 数组"]),
];
const SPANS: [(Span, [&str; 2]); 2] = [(Span::Era, ["era", "时代"]), (Span::Stop, ["stop", "导读站"])];
const ID_OF: [(IdOf, [&str; 2]); 3] = [
    (IdOf::Event, ["an event", "事件"]),
    (IdOf::Dimension, ["a dimension", "维度"]),
    (IdOf::Criterion, ["a criterion", "标准"]),
];
const CSV_VALUES: [(CsvValue, [&str; 2]); 3] = [
    (CsvValue::Family, ["family", "架构"]),
    (CsvValue::Kind, ["kind", "类型"]),
    (CsvValue::Access, ["access level", "开放程度"]),
];

/// Both languages side by side, so that a kind can't be written in one and forgotten in the other.
// Over the 80-line guideline on purpose: this is a table of messages, one arm per kind with its
// English and Chinese read side by side. Split by group of kinds, each part would need a
// catch-all arm, and the compiler would no longer check that every kind has its words.
fn say(k: &ProblemKind, lang: Lang) -> String {
    use ProblemKind::*;
    let [en, zh]: [String; 2] = match k {
        TooLarge { bytes, limit } => [
            format!("the file is {bytes} bytes; the limit is {limit} bytes"),
            format!("文件有 {bytes} 字节，超过上限 {limit} 字节"),
        ],
        Syntax(m) => [m.clone(), format!("JSON 解析错误：{m}")],
        Unavailable(m) => [m.clone(), m.clone()],
        CsvRow(m) => [m.clone(), format!("CSV 解析错误：{m}")],
        NotADataset(what) => {
            let [en, zh] = words(&NOT_A_DATASET, *what);
            [
                format!("the response is not a dataset: expected a JSON object or CSV, got {en}"),
                format!("返回的内容不是数据集：应为 JSON 对象或 CSV，实际是{zh}"),
            ]
        }
        Empty => ["must not be empty".into(), "不能为空".into()],
        ControlCharacter => ["contains a control character".into(), "含有控制字符".into()],
        BidiCharacter => {
            ["contains a right-to-left or bidirectional override character".into(), "含有从右到左或双向覆盖字符".into()]
        }
        BadId { id } => [
            format!("id {id:?} must be 1–64 characters of a–z, 0–9, '-', '.' or '_', starting with a letter or digit"),
            format!("标识 {id:?} 只能由 1–64 个 a–z、0–9、“-”“.”“_” 组成，并以字母或数字开头"),
        ],
        DuplicateId { id } => [format!("duplicate id {id:?}"), format!("标识 {id:?} 重复")],
        BadDate { value, error } => {
            [format!("invalid date {value:?}: {error}"), format!("日期 {value:?} 无效：{}", date_error_zh(error))]
        }
        EndsBeforeStart { what, start, end } => {
            let [en, zh] = words(&SPANS, *what);
            [
                format!("{en} ends ({end}) before it starts ({start})"),
                format!("{zh}的结束日期（{end}）早于开始日期（{start}）"),
            ]
        }
        UnknownId { id, of } => {
            let [en, zh] = words(&ID_OF, *of);
            [format!("{id:?} is not {en} id"), format!("{id:?} 不是已有的{zh}标识")]
        }
        NotHttps { url } => [format!("{url:?} is not an https:// link"), format!("{url:?} 不是 https:// 链接")],
        NotHttp { url } => [format!("{url:?} is not an http(s) link"), format!("{url:?} 不是 http(s) 链接")],
        NoHost { url } => [format!("{url:?} has no host"), format!("{url:?} 缺少主机名")],
        BadLinkCharacters { url } => [
            format!("{url:?} contains spaces or characters not allowed in a link"),
            format!("{url:?} 含有链接中不允许的空格或字符"),
        ],
        AsOfNotADay { value } => [
            format!("as_of {value:?} must be a full date, YYYY-MM-DD"),
            format!("截止日期（as_of）{value:?} 必须是完整日期 YYYY-MM-DD"),
        ],
        AfterAsOf { id, date, limit } => [
            format!("event {id:?} is dated {date}, after the dataset's as_of date {limit}"),
            format!("事件 {id:?} 的日期 {date} 晚于数据集的截止日期（as_of）{limit}"),
        ],
        NoSources => ["needs at least one source".into(), "至少需要一个来源".into()],
        UnknownParent { id } => {
            [format!("parent {id:?} is not an event id"), format!("前身 {id:?} 不是已有的事件标识")]
        }
        OwnParent { id } => [format!("{id:?} is its own parent"), format!("{id:?} 不能是自己的前身")],
        ParentAfterChild { parent, parent_date, child, child_date } => [
            format!("parent {parent:?} ({parent_date}) is dated after its child {child:?} ({child_date})"),
            format!("前身 {parent:?}（{parent_date}）的日期晚于其后继 {child:?}（{child_date}）"),
        ],
        Cycle { ids } => [format!("lineage cycle: {}", ids.join(" → ")), format!("传承关系成环：{}", ids.join(" → "))],
        Rating { rating } => {
            [format!("rating {rating} is not between 1 and 5"), format!("评分 {rating} 不在 1–5 之间")]
        }
        DuplicateRow { model } => [format!("{model:?} has more than one row"), format!("{model:?} 有不止一行")],
        MissingCell { criterion } => {
            [format!("missing the cell for criterion {criterion:?}"), format!("缺少标准 {criterion:?} 的单元格")]
        }
        CellNeedsSource => {
            ["an open or partial cell needs a source".into(), "“开放”或“部分开放”的单元格需要来源".into()]
        }
        BasisMisfit { basis, criterion, kind } => {
            let zh_kind = match kind {
                CriterionKind::Artefact => "产出物",
                CriterionKind::Licence => "许可证",
                CriterionKind::Document => "文档",
                CriterionKind::Access => "访问方式",
            };
            let (basis, allowed) = (basis.slug(), allowed(*kind));
            [
                format!(
                    "basis {basis:?} does not fit criterion {criterion:?}: a {} criterion takes {allowed}",
                    kind.slug()
                ),
                format!("依据 {basis:?} 不适用于标准 {criterion:?}：{zh_kind}类标准只能用 {allowed}"),
            ]
        }
        LevelNotFromBasis { level, basis } => {
            let (level, should, basis) = (level_slug(*level), level_slug(basis.level()), basis.slug());
            [
                format!("level {level:?} does not follow from basis {basis:?}: the rubric gives {should:?}"),
                format!("等级 {level:?} 与依据 {basis:?} 不符：按评分规则应为 {should:?}"),
            ]
        }
        CsvHeader(m) => [format!("cannot read the header row: {m}"), format!("无法读取表头：{m}")],
        MissingColumn { name } => [format!("missing column \"{name}\""), format!("缺少列 \"{name}\"")],
        UnknownColumn { name } => [format!("unknown column \"{name}\""), format!("未知的列 \"{name}\"")],
        FieldCount { found, expected } => [
            format!("has {found} fields; the header has {expected}"),
            format!("有 {found} 个字段，表头有 {expected} 个"),
        ],
        UnknownValue { what, value } => {
            let [en, zh] = words(&CSV_VALUES, *what);
            [format!("unknown {en} \"{value}\""), format!("未知的{zh} \"{value}\"")]
        }
        BadParentSpec { spec } => {
            [format!("\"{spec}\" is not id:relation:evidence"), format!("\"{spec}\" 不符合 id:relation:evidence 格式")]
        }
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(kind: ProblemKind) -> (String, String) {
        let p = Problem::new("x", kind);
        (p.text(Lang::En), p.text(Lang::Zh))
    }

    #[test]
    fn each_kind_is_written_in_both_languages() {
        let (en, zh) = both(ProblemKind::BadDate { value: "2023-13-40".into(), error: DateError::Month(13) });
        assert_eq!(en, "invalid date \"2023-13-40\": month 13 is not between 1 and 12");
        assert_eq!(zh, "日期 \"2023-13-40\" 无效：月份 13 不在 1–12 之间");
        let (en, zh) = both(ProblemKind::NotHttps { url: "javascript:1".into() });
        assert_eq!(
            (en.as_str(), zh.as_str()),
            ("\"javascript:1\" is not an https:// link", "\"javascript:1\" 不是 https:// 链接")
        );
        let (_, zh) = both(ProblemKind::Cycle { ids: vec!["a".into(), "b".into(), "a".into()] });
        assert_eq!(zh, "传承关系成环：a → b → a");
        let date = |s| Date::parse(s).unwrap();
        let (en, zh) =
            both(ProblemKind::AfterAsOf { id: "a".into(), date: date("2027-01-02"), limit: date("2026-11-30") });
        assert_eq!(en, "event \"a\" is dated 2027-01-02, after the dataset's as_of date 2026-11-30");
        assert_eq!(zh, "事件 \"a\" 的日期 2027-01-02 晚于数据集的截止日期（as_of）2026-11-30");
        let (en, zh) = both(ProblemKind::LevelNotFromBasis { level: Level::Partial, basis: Basis::NotReleased });
        assert_eq!(en, "level \"partial\" does not follow from basis \"not-released\": the rubric gives \"closed\"");
        assert_eq!(zh, "等级 \"partial\" 与依据 \"not-released\" 不符：按评分规则应为 \"closed\"");
        let (en, zh) = both(ProblemKind::BasisMisfit {
            basis: Basis::Detailed,
            criterion: "licence".into(),
            kind: CriterionKind::Licence,
        });
        assert!(
            en.ends_with("a licence criterion takes osi-approved, restricted, non-commercial, proprietary, unknown"),
            "{en}"
        );
        assert!(zh.contains("许可证类标准只能用 osi-approved"), "{zh}");
        assert_eq!(
            Problem::new("events[0].sources", ProblemKind::NoSources).to_string(),
            "events[0].sources: needs at least one source"
        );
    }
}
