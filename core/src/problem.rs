//! What can be wrong with a dataset, as typed values: a [`ProblemKind`] with its data, and where
//! it is as the author knows it ([`Location`]: a JSON path with its line and column, a place in
//! broken JSON with the line shown, or a CSV row, column and cell). Each language's sentence is
//! written from the kind, so a change to one language's wording can never drop the other's.
//! Values quoted in a message (ids, dates, links) are kept as they are.

use std::fmt;

use crate::date::{Date, DateError};
use crate::i18n::Lang;
use crate::matrix::level_slug;
use crate::model::{Basis, CriterionKind, Level, Named};

/// One thing wrong with a dataset, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub at: Location,
    pub kind: ProblemKind,
}

/// Where a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The input as a whole: too large, not a dataset, or not obtained at all.
    Input,
    /// A value in a JSON dataset, and where it starts in the text when the text is known (a
    /// dataset validated as values, not text, has no lines). A missing field's position is its
    /// object's.
    Json { path: JsonPath, pos: Option<TextPos> },
    /// Where JSON text stops being JSON: the position, and its line (cut to at most 100
    /// characters around it) with the position's character index in it.
    Text { pos: TextPos, line: String, caret: usize },
    /// A CSV row (the header is row 1), and the cell when the problem is in one.
    Csv { row: usize, cell: Option<CsvCell> },
}

/// A line and a column in a text, both from 1; the column counts characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TextPos {
    pub line: usize,
    pub column: usize,
}

/// A CSV cell: its column (from 1; a spreadsheet calls column 6 "F"), the column's name in the
/// header, and what the cell holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvCell {
    pub column: usize,
    pub name: String,
    pub value: String,
}

/// A path into a JSON document, written `events[1].family`.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JsonPath(Vec<Step>);

/// One step of a [`JsonPath`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

impl JsonPath {
    /// The whole document.
    pub fn root() -> Self {
        JsonPath(Vec::new())
    }

    /// The member `key` of the object at this path.
    pub fn key(&self, key: &str) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_owned()));
        JsonPath(steps)
    }

    /// Item `i` of the list at this path.
    pub fn index(&self, i: usize) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Index(i));
        JsonPath(steps)
    }

    pub fn steps(&self) -> &[Step] {
        &self.0
    }

    /// Every path from the root down to this one, the root first and this one last.
    pub fn ancestors(&self) -> impl Iterator<Item = JsonPath> + '_ {
        (0..=self.0.len()).map(|n| JsonPath(self.0[..n].to_vec()))
    }

    /// The path as a JSON Pointer (RFC 6901), `/events/1/family`, for tools.
    pub fn pointer(&self) -> String {
        self.0
            .iter()
            .map(|s| match s {
                Step::Key(k) => format!("/{}", k.replace('~', "~0").replace('/', "~1")),
                Step::Index(i) => format!("/{i}"),
            })
            .collect()
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, step) in self.0.iter().enumerate() {
            match step {
                Step::Index(i) => write!(f, "[{i}]")?,
                Step::Key(k) if !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || "_-$".contains(c)) => {
                    if n > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Step::Key(k) => write!(f, "[{k:?}]")?,
            }
        }
        Ok(())
    }
}

/// Where a value is, as a chain of steps back to the root, made into a [`JsonPath`] only when a
/// problem is reported there: checking a valid file builds no paths.
#[derive(Clone, Copy, Debug)]
pub(crate) enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    pub(crate) fn path(&self) -> JsonPath {
        let mut steps = Vec::new();
        let mut at = self;
        loop {
            match at {
                At::Root => break,
                At::Key(parent, key) => {
                    steps.push(Step::Key((*key).to_owned()));
                    at = parent;
                }
                At::Index(parent, i) => {
                    steps.push(Step::Index(*i));
                    at = parent;
                }
            }
        }
        steps.reverse();
        JsonPath(steps)
    }

    pub(crate) fn key<'s>(&'s self, key: &'s str) -> At<'s> {
        At::Key(self, key)
    }

    pub(crate) fn index(&self, i: usize) -> At<'_> {
        At::Index(self, i)
    }
}

/// A spreadsheet's name for column `n` (from 1): A … Z, AA ….
pub fn column_letters(mut n: usize) -> String {
    let mut letters = Vec::new();
    while n > 0 {
        n -= 1;
        letters.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    letters.iter().rev().map(|&b| b as char).collect()
}

impl Location {
    /// A place in a JSON dataset, its position not yet known.
    pub fn json(path: JsonPath) -> Self {
        Location::Json { path, pos: None }
    }

    /// Where, in `lang`; empty for the input as a whole.
    pub fn text(&self, lang: Lang) -> String {
        let at = |p: &TextPos| match lang {
            Lang::En => format!("line {}, column {}", p.line, p.column),
            Lang::Zh => format!("第 {} 行第 {} 列", p.line, p.column),
        };
        match self {
            Location::Input => String::new(),
            Location::Json { path, pos } => {
                let path = if path.steps().is_empty() {
                    ["top level", "顶层"][lang_index(lang)].to_owned()
                } else {
                    path.to_string()
                };
                match (pos, lang) {
                    (None, _) => path,
                    (Some(p), Lang::En) => format!("{path} ({})", at(p)),
                    (Some(p), Lang::Zh) => format!("{path}（{}）", at(p)),
                }
            }
            Location::Text { pos, .. } => at(pos),
            Location::Csv { row, cell: None } => match lang {
                Lang::En => format!("row {row}"),
                Lang::Zh => format!("第 {row} 行"),
            },
            Location::Csv { row, cell: Some(c) } => {
                let letters = column_letters(c.column);
                match lang {
                    Lang::En => format!("row {row}, column {letters} ({})", c.name),
                    Lang::Zh => format!("第 {row} 行 {letters} 列（{}）", c.name),
                }
            }
        }
    }

    /// Where the place is in the text, for sorting: JSON by position, CSV by row and column.
    pub(crate) fn order(&self) -> (usize, usize) {
        match self {
            Location::Input => (0, 0),
            Location::Json { pos: Some(p), .. } | Location::Text { pos: p, .. } => (p.line, p.column),
            Location::Json { pos: None, .. } => (usize::MAX, 0),
            Location::Csv { row, cell } => (*row, cell.as_ref().map_or(0, |c| c.column)),
        }
    }
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Zh => 1,
    }
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The input is larger than the limit (bytes); the size, when it is known (a download is
    /// stopped as soon as it passes the limit).
    TooLarge {
        bytes: Option<usize>,
        limit: usize,
    },
    /// JSON text that is not JSON, and the usual cause.
    Syntax(Syntax),
    /// The input is neither a JSON object nor CSV.
    NotADataset(NotADataset),
    /// The dataset could not be obtained.
    Unavailable {
        url: String,
        why: Unavailable,
    },
    /// A value of the wrong type; `value` is a number, string or boolean as written (shortened).
    WrongType {
        expected: Expected,
        found: JsonType,
        value: Option<String>,
    },
    /// A field the format does not have: the fields it has here, and the nearest one.
    UnknownField {
        field: String,
        allowed: &'static [&'static str],
        suggestion: Option<&'static str>,
    },
    MissingField {
        field: &'static str,
    },
    /// A key given twice in one object.
    DuplicateKey {
        key: String,
    },
    /// A value outside a closed list (a family, a relation…), and the nearest one in the list.
    UnknownValue {
        of: ValueOf,
        value: String,
        suggestion: Option<&'static str>,
    },
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
    /// A reference to an id that does not exist, and the nearest existing one.
    UnknownId {
        id: String,
        of: IdOf,
        suggestion: Option<String>,
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
        suggestion: Option<String>,
    },
    OwnParent {
        id: String,
    },
    /// An event names the same parent more than once (`times` in all).
    DuplicateParent {
        id: String,
        times: usize,
    },
    ParentAfterChild {
        parent: String,
        parent_date: Date,
        child: String,
        child_date: Date,
    },
    /// A lineage cycle, the first id repeated at the end. Each knot of the lineage (a set of
    /// events that all descend from one another) is reported once, with one cycle through it.
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
    /// The CSV reader could not read the header row, or a row.
    UnreadableHeader,
    UnreadableRow,
    MissingColumn {
        name: &'static str,
    },
    UnknownColumn {
        name: String,
        suggestion: Option<&'static str>,
    },
    DuplicateColumn {
        name: String,
    },
    /// A row with more or fewer cells than the header; `open_quote` when a quoted cell runs over
    /// a line break, the mark of a quote that was never closed.
    FieldCount {
        found: usize,
        expected: usize,
        open_quote: bool,
    },
    BadParentSpec {
        spec: String,
    },
}

/// Why JSON text is not JSON, named by the usual cause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    TrailingComma,
    MissingComma,
    MissingColon,
    UnquotedKey,
    ExpectedKey,
    SingleQuotes,
    UnclosedString,
    UnquotedText,
    ExpectedValue,
    Comment,
    ColonInList,
    ExpectedCommaOrEnd,
    BadNumber,
    BadEscape,
    ControlInString,
    TrailingText,
    TooDeep,
    /// The text ends inside a list or object: the innermost bracket left open, and where.
    UnexpectedEnd {
        unclosed: Option<(char, TextPos)>,
    },
    /// A closing bracket of the wrong kind: the bracket it would close, where that opens, and
    /// what was found.
    Mismatched {
        open: char,
        opened: TextPos,
        found: char,
    },
}

/// What an input that is not a dataset looked like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotADataset {
    Empty,
    Markup,
    Array,
}

/// Why a dataset could not be obtained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unavailable {
    Network,
    Http(u16),
    Timeout,
    /// The page's mount element names no dataset.
    NoSource,
    /// An embedding element was given no dataset.
    NotGiven,
    /// The dataset's host does not let the article's origin read it (no CORS header).
    Refused {
        origin: String,
    },
    /// The article's Content Security Policy blocked the request.
    Blocked,
}

/// The type a value should have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    String,
    /// A text in both languages, `{"zh": …, "en": …}`.
    Bilingual,
    Object,
    List,
    WholeNumber,
}

/// The type a JSON value has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonType {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

/// A closed list of values the format allows in a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueOf {
    Family,
    Kind,
    Access,
    Relation,
    Evidence,
    DimensionGroup,
    CriterionGroup,
    CriterionKind,
    Basis,
    Level,
}

impl ValueOf {
    /// Every value allowed, in the format's order.
    pub fn names(self) -> Vec<&'static str> {
        use crate::model as m;
        fn all<T: Named>() -> Vec<&'static str> {
            T::ALL.iter().map(|v| v.slug()).collect()
        }
        match self {
            ValueOf::Family => all::<m::Family>(),
            ValueOf::Kind => all::<m::Kind>(),
            ValueOf::Access => all::<m::Access>(),
            ValueOf::Relation => all::<m::Relation>(),
            ValueOf::Evidence => all::<m::Evidence>(),
            ValueOf::DimensionGroup => all::<m::DimensionGroup>(),
            ValueOf::CriterionGroup => all::<m::CriterionGroup>(),
            ValueOf::CriterionKind => all::<m::CriterionKind>(),
            ValueOf::Basis => all::<m::Basis>(),
            ValueOf::Level => all::<m::Level>(),
        }
    }
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

/// The candidate nearest to `value` when it is near enough to be a slip of the keyboard: equal
/// but for case or `_` for `-`, or within an edit distance (a swap of two neighbours counting as
/// one edit) of a third of its length, at least 1. Ties go to the earlier candidate. A value longer
/// than an id may be gets no suggestion, which keeps the comparison cheap on hostile input.
pub fn did_you_mean<'a>(value: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    const LONGEST: usize = 64;
    let norm = |s: &str| -> Vec<char> { s.trim().to_lowercase().replace('_', "-").chars().collect() };
    let v = norm(value);
    if v.is_empty() || v.len() > LONGEST {
        return None;
    }
    let limit = (v.len() / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        if c == value || c.len() > LONGEST * 4 {
            continue;
        }
        let w = norm(c);
        if w.len().abs_diff(v.len()) > limit {
            continue;
        }
        let d = edit_distance(&v, &w);
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// The optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring characters, each one edit.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

impl Problem {
    pub fn new(at: Location, kind: ProblemKind) -> Self {
        Problem { at, kind }
    }

    /// A problem with the input as a whole.
    pub fn input(kind: ProblemKind) -> Self {
        Problem { at: Location::Input, kind }
    }

    /// What is wrong, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        say(&self.kind, lang)
    }

    /// What is wrong, in English (the tests read this).
    pub fn message(&self) -> String {
        say(&self.kind, Lang::En)
    }

    /// Where and what, on one line, in `lang`.
    pub fn line(&self, lang: Lang) -> String {
        let (place, what) = (self.at.text(lang), self.text(lang));
        match (place.is_empty(), lang) {
            (true, _) => what,
            (false, Lang::En) => format!("{place}: {what}"),
            (false, Lang::Zh) => format!("{place}：{what}"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Lang::En))
    }
}

/// How many problems the error panel lists; the rest are counted.
pub const LISTED: usize = 200;

/// What the error panel says about a list of problems, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// How many problems there are.
    pub count: String,
    /// The first [`LISTED`] problems.
    pub items: Vec<ReportItem>,
    /// How many more there are, when there are.
    pub more: Option<String>,
}

/// One problem as the panel lists it: where (empty for the input as a whole), what, and for
/// broken JSON the line, split around the position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportItem {
    pub place: String,
    /// What comes between the place and the text: a colon, in the language's own form.
    pub colon: &'static str,
    pub what: String,
    /// The line before the position, the character at it (empty at the end of the line), and
    /// the rest.
    pub excerpt: Option<[String; 3]>,
}

/// The error panel's content for `problems`, in `lang`.
pub fn report(problems: &[Problem], lang: Lang) -> Report {
    let t = crate::i18n::ui(lang);
    let n = problems.len();
    let count = if n == 1 { t.data_problem.to_owned() } else { t.data_problems.replace("{n}", &n.to_string()) };
    let items = problems
        .iter()
        .take(LISTED)
        .map(|p| ReportItem {
            place: p.at.text(lang),
            colon: [": ", "："][lang_index(lang)],
            what: p.text(lang),
            excerpt: match &p.at {
                Location::Text { line, caret, .. } => {
                    let chars: Vec<char> = line.chars().collect();
                    let at = (*caret).min(chars.len());
                    let end = (at + 1).min(chars.len());
                    Some([chars[..at].iter().collect(), chars[at..end].iter().collect(), chars[end..].iter().collect()])
                }
                _ => None,
            },
        })
        .collect();
    let more = (n > LISTED).then(|| t.data_problems_more.replace("{n}", &(n - LISTED).to_string()));
    Report { count, items, more }
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
const VALUE_OF: [(ValueOf, [&str; 2]); 10] = [
    (ValueOf::Family, ["family", "架构"]),
    (ValueOf::Kind, ["kind", "类型"]),
    (ValueOf::Access, ["access level", "开放程度"]),
    (ValueOf::Relation, ["relation", "关系"]),
    (ValueOf::Evidence, ["evidence", "证据"]),
    (ValueOf::DimensionGroup, ["group", "分组"]),
    (ValueOf::CriterionGroup, ["group", "分组"]),
    (ValueOf::CriterionKind, ["criterion kind", "标准类型"]),
    (ValueOf::Basis, ["basis", "依据"]),
    (ValueOf::Level, ["level", "等级"]),
];
const EXPECTED: [(Expected, [&str; 2]); 5] = [
    (Expected::String, ["a string", "字符串"]),
    (Expected::Bilingual, ["{\"zh\": …, \"en\": …}", "{\"zh\": …, \"en\": …}"]),
    (Expected::Object, ["an object", "对象"]),
    (Expected::List, ["a list", "列表"]),
    (Expected::WholeNumber, ["a whole number", "整数"]),
];
const JSON_TYPES: [(JsonType, [&str; 2]); 6] = [
    (JsonType::Null, ["null", "null"]),
    (JsonType::Bool, ["a boolean", "布尔值"]),
    (JsonType::Number, ["a number", "数字"]),
    (JsonType::String, ["a string", "字符串"]),
    (JsonType::Array, ["a list", "列表"]),
    (JsonType::Object, ["an object", "对象"]),
];

/// "; did you mean "x"?" in `lang`, when there is a suggestion.
fn suggest(s: Option<&str>, lang: Lang) -> String {
    match (s, lang) {
        (None, _) => String::new(),
        (Some(s), Lang::En) => format!("; did you mean \"{s}\"?"),
        (Some(s), Lang::Zh) => format!("；是否应为 \"{s}\"？"),
    }
}

/// The bracket that closes `open`.
fn closer(open: char) -> char {
    if open == '[' {
        ']'
    } else {
        '}'
    }
}

/// Both languages side by side, for JSON syntax.
fn say_syntax(s: &Syntax) -> [String; 2] {
    use Syntax::*;
    let pair = |en: &str, zh: &str| [en.to_owned(), zh.to_owned()];
    match s {
        TrailingComma => {
            pair("a comma before a closing bracket: remove this trailing comma", "右括号前多了一个逗号：删去这个逗号")
        }
        MissingComma => pair("a comma is missing before this item", "这一项之前缺少逗号"),
        MissingColon => pair("a colon \":\" is missing after the field name", "字段名后缺少冒号 \":\""),
        UnquotedKey => pair("a field name needs double quotes, as in \"name\"", "字段名要加双引号，如 \"name\""),
        ExpectedKey => pair("expected a field name in double quotes", "此处应为加双引号的字段名"),
        SingleQuotes => {
            pair("JSON takes double quotes (\"), not single quotes (')", "JSON 要用双引号（\"），不能用单引号（'）")
        }
        UnclosedString => {
            pair("this text is not closed: a closing quote \" is missing", "这段文本没有结束：缺少右引号 \"")
        }
        UnquotedText => pair(
            "text needs double quotes around it (true, false and null are written in lower case)",
            "文本要加双引号（true、false、null 须小写）",
        ),
        ExpectedValue => pair("a value is missing here", "此处缺少一个值"),
        Comment => pair("JSON does not allow comments", "JSON 不允许注释"),
        ColonInList => pair(
            "a \":\" inside a list [ … ]: fields belong in an object { … }",
            "列表 [ … ] 中出现了 \":\"：字段要写在对象 { … } 中",
        ),
        ExpectedCommaOrEnd => pair("expected a comma or a closing bracket", "此处应为逗号或右括号"),
        BadNumber => pair(
            "not a valid number (no leading zeros or \"+\", and digits after a \".\")",
            "不是有效的数字（不能有前导零或 \"+\"，\".\" 后要有数字）",
        ),
        BadEscape => pair(
            "an invalid escape after a backslash: write a backslash itself as \\\\",
            "反斜杠后的转义无效：反斜杠本身要写成 \\\\",
        ),
        ControlInString => pair(
            "a tab or other control character inside text: write it as \\t or \\n",
            "文本中有制表符或其他控制字符：要写成 \\t 或 \\n",
        ),
        TrailingText => pair(
            "more text after the end of the data: an extra closing bracket?",
            "数据结束之后还有内容：多了一个右括号？",
        ),
        TooDeep => pair("nested more than 128 levels deep", "嵌套超过 128 层"),
        UnexpectedEnd { unclosed: None } => pair("the text ends where a value should be", "文本在应有值的地方结束了"),
        UnexpectedEnd { unclosed: Some((open, p)) } => {
            let close = closer(*open);
            [
                format!(
                    "the text ends before the \"{open}\" at line {}, column {} is closed: a \"{close}\" is missing",
                    p.line, p.column
                ),
                format!("文本在第 {} 行第 {} 列的 \"{open}\" 闭合之前就结束了：缺少 \"{close}\"", p.line, p.column),
            ]
        }
        Mismatched { open, opened: p, found } => {
            let close = closer(*open);
            [
                format!(
                    "\"{found}\" cannot close the \"{open}\" at line {}, column {}: expected \"{close}\" or a comma",
                    p.line, p.column
                ),
                format!(
                    "\"{found}\" 不能闭合第 {} 行第 {} 列的 \"{open}\"：此处应为 \"{close}\" 或逗号",
                    p.line, p.column
                ),
            ]
        }
    }
}

/// Both languages side by side, so that a kind can't be written in one and forgotten in the other.
// Over the 80-line guideline on purpose: this is a table of messages, one arm per kind with its
// English and Chinese read side by side. Split by group of kinds, each part would need a
// catch-all arm, and the compiler would no longer check that every kind has its words.
fn say(k: &ProblemKind, lang: Lang) -> String {
    use ProblemKind::*;
    let [en, zh]: [String; 2] = match k {
        TooLarge { bytes: Some(bytes), limit } => [
            format!("the file is {bytes} bytes; the limit is {limit} bytes"),
            format!("文件有 {bytes} 字节，超过上限 {limit} 字节"),
        ],
        TooLarge { bytes: None, limit } => {
            [format!("the file is larger than the limit of {limit} bytes"), format!("文件超过上限 {limit} 字节")]
        }
        Syntax(s) => say_syntax(s),
        Unavailable { url, why } => match why {
            self::Unavailable::Network => [
                format!("Could not load the dataset: {url} (network error)"),
                format!("无法加载数据集：{url}（网络错误）"),
            ],
            self::Unavailable::Http(status) => [
                format!("Could not load the dataset: {url} (HTTP {status})"),
                format!("无法加载数据集：{url}（HTTP {status}）"),
            ],
            self::Unavailable::Timeout => {
                [format!("Loading the dataset timed out: {url}"), format!("加载数据集超时：{url}")]
            }
            self::Unavailable::NoSource => [
                "the page names no dataset: #llm-chronicle has no data-src attribute".into(),
                "页面没有指明数据集：#llm-chronicle 缺少 data-src 属性".into(),
            ],
            self::Unavailable::NotGiven => {
                ["no dataset was given to the element".into(), "没有为该元素提供数据集".into()]
            }
            self::Unavailable::Refused { origin } => [
                format!(
                    "Could not load the dataset: the site at {origin} does not let this page read {url} (a \
                     cross-origin request refused: that site must send an Access-Control-Allow-Origin header)"
                ),
                format!(
                    "无法加载数据集：{origin} 上的网站不允许本页面读取 {url}（跨域请求被拒绝：该网站须发送 \
                     Access-Control-Allow-Origin 响应头）"
                ),
            ],
            self::Unavailable::Blocked => [
                format!("Could not load the dataset: this page's Content Security Policy blocks {url}"),
                format!("无法加载数据集：本页面的内容安全策略（CSP）阻止了 {url}"),
            ],
        },
        NotADataset(what) => {
            let [en, zh] = words(&NOT_A_DATASET, *what);
            [
                format!("the response is not a dataset: expected a JSON object or CSV, got {en}"),
                format!("返回的内容不是数据集：应为 JSON 对象或 CSV，实际是{zh}"),
            ]
        }
        WrongType { expected, found, value } => {
            let [e_en, e_zh] = words(&EXPECTED, *expected);
            let [f_en, f_zh] = words(&JSON_TYPES, *found);
            let v = value.as_deref().map(|v| format!(": {v}")).unwrap_or_default();
            let v_zh = value.as_deref().map(|v| format!("：{v}")).unwrap_or_default();
            [format!("expected {e_en}, found {f_en}{v}"), format!("应为{e_zh}，实际是{f_zh}{v_zh}")]
        }
        UnknownField { field, suggestion: Some(s), .. } => [
            format!("unknown field \"{field}\"; did you mean \"{s}\"?"),
            format!("未知字段 \"{field}\"；是否应为 \"{s}\"？"),
        ],
        UnknownField { field, allowed, suggestion: None } => [
            format!("unknown field \"{field}\"; the fields here are: {}", allowed.join(", ")),
            format!("未知字段 \"{field}\"；此处可用的字段：{}", allowed.join(", ")),
        ],
        MissingField { field } => [format!("missing field \"{field}\""), format!("缺少字段 \"{field}\"")],
        DuplicateKey { key } => [format!("field \"{key}\" is given twice"), format!("字段 \"{key}\" 出现了不止一次")],
        UnknownValue { of, value, suggestion } => {
            let [en, zh] = words(&VALUE_OF, *of);
            let names = of.names().join(", ");
            [
                format!("{en} \"{value}\" is not one of: {names}{}", suggest(*suggestion, Lang::En)),
                format!("{zh} \"{value}\" 不是可用的值（{names}）{}", suggest(*suggestion, Lang::Zh)),
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
        UnknownId { id, of, suggestion } => {
            let [en, zh] = words(&ID_OF, *of);
            let s = suggestion.as_deref();
            [
                format!("{id:?} is not {en} id{}", suggest(s, Lang::En)),
                format!("{id:?} 不是已有的{zh}标识{}", suggest(s, Lang::Zh)),
            ]
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
        UnknownParent { id, suggestion } => {
            let s = suggestion.as_deref();
            [
                format!("parent {id:?} is not an event id{}", suggest(s, Lang::En)),
                format!("前身 {id:?} 不是已有的事件标识{}", suggest(s, Lang::Zh)),
            ]
        }
        OwnParent { id } => [format!("{id:?} is its own parent"), format!("{id:?} 不能是自己的前身")],
        DuplicateParent { id, times } => {
            [format!("parent {id:?} is listed {times} times"), format!("前身 {id:?} 被列出了 {times} 次")]
        }
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
        UnreadableHeader => ["cannot read the header row".into(), "无法读取表头".into()],
        UnreadableRow => ["cannot read this row".into(), "无法读取这一行".into()],
        MissingColumn { name } => [format!("missing column \"{name}\""), format!("缺少列 \"{name}\"")],
        UnknownColumn { name, suggestion } => [
            format!("unknown column \"{name}\"{}", suggest(*suggestion, Lang::En)),
            format!("未知的列 \"{name}\"{}", suggest(*suggestion, Lang::Zh)),
        ],
        DuplicateColumn { name } => [format!("column \"{name}\" appears twice"), format!("列 \"{name}\" 出现了两次")],
        FieldCount { found, expected, open_quote } => {
            let (hint_en, hint_zh) = if *open_quote {
                ("; a quote opened in this row is not closed", "；这一行有未闭合的引号")
            } else {
                ("", "")
            };
            [
                format!("has {found} fields; the header has {expected}{hint_en}"),
                format!("有 {found} 个字段，表头有 {expected} 个{hint_zh}"),
            ]
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
        let p = Problem::input(kind);
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
        let (en, zh) = both(ProblemKind::UnknownValue {
            of: ValueOf::Family,
            value: "decoder_only".into(),
            suggestion: Some("decoder-only"),
        });
        assert_eq!(
            en,
            "family \"decoder_only\" is not one of: statistical, rnn, embedding, encoder-only, encoder-decoder, \
             decoder-only, multimodal, other; did you mean \"decoder-only\"?"
        );
        assert!(zh.starts_with("架构 \"decoder_only\" 不是可用的值（statistical, rnn,"), "{zh}");
        assert!(zh.ends_with("other）；是否应为 \"decoder-only\"？"), "{zh}");
        let (en, zh) = both(ProblemKind::WrongType {
            expected: Expected::String,
            found: JsonType::Number,
            value: Some("2018".into()),
        });
        assert_eq!(
            (en.as_str(), zh.as_str()),
            ("expected a string, found a number: 2018", "应为字符串，实际是数字：2018")
        );
    }

    #[test]
    fn locations_are_written_as_the_author_knows_them() {
        let path = JsonPath::root().key("events").index(1).key("family");
        assert_eq!(path.to_string(), "events[1].family");
        assert_eq!(path.pointer(), "/events/1/family");
        assert_eq!(JsonPath::root().key("cells").key("a b").to_string(), "cells[\"a b\"]");
        let at = Location::Json { path, pos: Some(TextPos { line: 6, column: 105 }) };
        assert_eq!(at.text(Lang::En), "events[1].family (line 6, column 105)");
        assert_eq!(at.text(Lang::Zh), "events[1].family（第 6 行第 105 列）");
        let cell = CsvCell { column: 6, name: "family".into(), value: "quantum".into() };
        let at = Location::Csv { row: 3, cell: Some(cell) };
        assert_eq!(at.text(Lang::En), "row 3, column F (family)");
        assert_eq!(at.text(Lang::Zh), "第 3 行 F 列（family）");
        assert_eq!(
            [column_letters(1), column_letters(26), column_letters(27), column_letters(53)],
            ["A", "Z", "AA", "BA"]
        );
        let p = Problem::new(
            Location::json(JsonPath::root().key("events").index(0).key("sources")),
            ProblemKind::NoSources,
        );
        assert_eq!(p.to_string(), "events[0].sources: needs at least one source");
        assert_eq!(p.line(Lang::Zh), "events[0].sources：至少需要一个来源");
    }

    #[test]
    fn the_panel_counts_lists_and_splits_a_broken_line() {
        let syntax = Problem::new(
            Location::Text { pos: TextPos { line: 4, column: 15 }, line: "  \"events\": [],".into(), caret: 14 },
            ProblemKind::Syntax(Syntax::TrailingComma),
        );
        let r = report(std::slice::from_ref(&syntax), Lang::En);
        assert_eq!(r.count, "One problem to fix in the data:");
        assert_eq!(r.items[0].place, "line 4, column 15");
        assert_eq!(r.items[0].excerpt, Some(["  \"events\": []".into(), ",".into(), String::new()]));
        assert_eq!(r.more, None);
        let many = vec![Problem::input(ProblemKind::Empty); LISTED + 5];
        let r = report(&many, Lang::Zh);
        assert_eq!(r.count, format!("数据中有 {} 个问题需要修正：", LISTED + 5));
        assert_eq!((r.items.len(), r.items[0].place.as_str(), r.items[0].colon), (LISTED, "", "："));
        assert_eq!(r.more.as_deref(), Some("……另有 5 个问题未列出。"));
    }

    #[test]
    fn a_near_value_is_suggested_and_a_far_one_is_not() {
        let families = ValueOf::Family.names();
        assert_eq!(did_you_mean("decoder_only", families.iter().copied()), Some("decoder-only"));
        assert_eq!(did_you_mean("RNN", families.iter().copied()), Some("rnn"));
        assert_eq!(did_you_mean("multimodel", families.iter().copied()), Some("multimodal"));
        assert_eq!(did_you_mean("quantum", families.iter().copied()), None);
        assert_eq!(did_you_mean("gpt2", ["gpt-2", "gpt-3", "bert"]), Some("gpt-2"));
        assert_eq!(did_you_mean("x", ["y", "xy"]), Some("y"));
        assert_eq!(did_you_mean("modle", ["model", "paper"]), Some("model"));
        assert_eq!(did_you_mean(&"x".repeat(1000), ["x"]), None);
        assert_eq!(edit_distance(&['k', 'i', 't'], &['s', 'i', 't', 't']), 2);
    }
}
