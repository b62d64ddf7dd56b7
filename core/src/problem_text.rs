//! Problems in the reader's language. Validation writes every message in English (the author's
//! tools, the CLI and the tests read that); this module renders the same message in Chinese for
//! the widget's error panel. Values quoted in a message (ids, dates, links) are kept as they are.

use crate::i18n::Lang;
use crate::validate::Problem;

/// The message of `p` in `lang`. An English message this module does not know comes back
/// unchanged (the corpus test checks that none of ours is left untranslated).
pub fn message(p: &Problem, lang: Lang) -> String {
    match lang {
        Lang::En => p.message.clone(),
        Lang::Zh => zh(&p.path, &p.message).unwrap_or_else(|| p.message.clone()),
    }
}

fn date_error_zh(e: &str) -> Option<String> {
    if e.starts_with("expected \"YYYY\"") {
        return Some("应为 “YYYY”、“YYYY-MM” 或 “YYYY-MM-DD”".into());
    }
    if let Some(rest) = e.strip_prefix("month ") {
        let m = rest.strip_suffix(" is not between 1 and 12")?;
        return Some(format!("月份 {m} 不在 1–12 之间"));
    }
    let rest = e.strip_prefix("day ")?;
    let (d, rest) = rest.split_once(" does not exist (this month has ")?;
    let n = rest.strip_suffix(" days)")?;
    Some(format!("该月没有第 {d} 日（只有 {n} 天）"))
}

fn zh(path: &str, m: &str) -> Option<String> {
    if path.starts_with("(line ") {
        return Some(format!("JSON 解析错误：{m}"));
    }
    let fixed = [
        ("must not be empty", "不能为空"),
        ("contains a control character", "含有控制字符"),
        ("contains a right-to-left or bidirectional override character", "含有从右到左或双向覆盖字符"),
        ("needs at least one source", "至少需要一个来源"),
        ("an open or partial cell needs a source", "“开放”或“部分开放”的单元格需要来源"),
    ];
    if let Some((_, z)) = fixed.iter().find(|(e, _)| *e == m) {
        return Some((*z).to_owned());
    }
    if let Some(rest) = m.strip_prefix("invalid date ") {
        let (value, err) = rest.split_once(": ")?;
        return Some(format!("日期 {value} 无效：{}", date_error_zh(err)?));
    }
    if let Some(rest) = m.strip_prefix("duplicate id ") {
        return Some(format!("标识 {rest} 重复"));
    }
    if let Some(rest) = m.strip_prefix("id ") {
        let id = rest
            .strip_suffix(" must be 1–64 characters of a–z, 0–9, '-', '.' or '_', starting with a letter or digit")?;
        return Some(format!("标识 {id} 只能由 1–64 个 a–z、0–9、“-”“.”“_” 组成，并以字母或数字开头"));
    }
    if let Some(rest) = m.strip_prefix("event ") {
        let (id, rest) = rest.split_once(" is dated ")?;
        let (date, limit) = rest.split_once(", after the dataset's as_of date ")?;
        return Some(format!("事件 {id} 的日期 {date} 晚于数据集的截止日期（as_of）{limit}"));
    }
    if let Some(rest) = m.strip_prefix("as_of ") {
        let value = rest.strip_suffix(" must be a full date, YYYY-MM-DD")?;
        return Some(format!("截止日期（as_of）{value} 必须是完整日期 YYYY-MM-DD"));
    }
    if let Some(rest) = m.strip_prefix("basis ") {
        let (basis, rest) = rest.split_once(" does not fit criterion ")?;
        let (criterion, rest) = rest.split_once(": a ")?;
        let (kind, allowed) = rest.split_once(" criterion takes ")?;
        let kind = match kind {
            "artefact" => "产出物",
            "licence" => "许可证",
            "document" => "文档",
            "access" => "访问方式",
            other => other,
        };
        return Some(format!("依据 {basis} 不适用于标准 {criterion}：{kind}类标准只能用 {allowed}"));
    }
    if let Some(rest) = m.strip_prefix("level ") {
        let (level, rest) = rest.split_once(" does not follow from basis ")?;
        let (basis, should) = rest.split_once(": the rubric gives ")?;
        return Some(format!("等级 {level} 与依据 {basis} 不符：按评分规则应为 {should}"));
    }
    if let Some(rest) = m.strip_prefix("lineage cycle: ") {
        return Some(format!("传承关系成环：{rest}"));
    }
    if let Some(rest) = m.strip_prefix("rating ") {
        let n = rest.strip_suffix(" is not between 1 and 5")?;
        return Some(format!("评分 {n} 不在 1–5 之间"));
    }
    for (what, word) in [("era", "时代"), ("stop", "导读站")] {
        if let Some(rest) = m.strip_prefix(&format!("{what} ends (")) {
            let (end, rest) = rest.split_once(") before it starts (")?;
            let start = rest.strip_suffix(')')?;
            return Some(format!("{word}的结束日期（{end}）早于开始日期（{start}）"));
        }
    }
    if let Some(rest) = m.strip_prefix("parent ") {
        if let Some(id) = rest.strip_suffix(" is not an event id") {
            return Some(format!("前身 {id} 不是已有的事件标识"));
        }
        let (parent, rest) = rest.split_once(" is dated after its child ")?;
        return Some(format!("前身 {parent} 的日期晚于其后继 {rest}"));
    }
    if let Some(rest) = m.strip_prefix("the response is not a dataset: expected a JSON object or CSV, got ") {
        let what = match rest {
            "empty" => "空内容",
            "an HTML or XML page" => "HTML 或 XML 页面",
            "a JSON array" => "JSON 数组",
            other => other,
        };
        return Some(format!("返回的内容不是数据集：应为 JSON 对象或 CSV，实际是{what}"));
    }
    if let Some(rest) = m.strip_prefix("the file is ") {
        let (bytes, rest) = rest.split_once(" bytes; the limit is ")?;
        let limit = rest.strip_suffix(" bytes")?;
        return Some(format!("文件有 {bytes} 字节，超过上限 {limit} 字节"));
    }
    if let Some(rest) = m.strip_prefix("missing the cell for criterion ") {
        return Some(format!("缺少标准 {rest} 的单元格"));
    }
    if let Some(rest) = m.strip_prefix("missing column ") {
        return Some(format!("缺少列 {rest}"));
    }
    if let Some(rest) = m.strip_prefix("unknown column ") {
        return Some(format!("未知的列 {rest}"));
    }
    if let Some(rest) = m.strip_prefix("cannot read the header row: ") {
        return Some(format!("无法读取表头：{rest}"));
    }
    for (en, z) in [
        ("unknown family ", "未知的架构 "),
        ("unknown kind ", "未知的类型 "),
        ("unknown access level ", "未知的开放程度 "),
    ] {
        if let Some(rest) = m.strip_prefix(en) {
            return Some(format!("{z}{rest}"));
        }
    }
    if let Some(rest) = m.strip_prefix("has ") {
        let (n, rest) = rest.split_once(" fields; the header has ")?;
        return Some(format!("有 {n} 个字段，表头有 {rest} 个"));
    }
    let suffixes = [
        (" is not an https:// link", "不是 https:// 链接"),
        (" is not an http(s) link", "不是 http(s) 链接"),
        (" has no host", "缺少主机名"),
        (" contains spaces or characters not allowed in a link", "含有链接中不允许的空格或字符"),
        (" is its own parent", "不能是自己的前身"),
        (" is not an event id", "不是已有的事件标识"),
        (" is not a criterion id", "不是已有的标准标识"),
        (" is not a dimension id", "不是已有的维度标识"),
        (" has more than one row", "有不止一行"),
        (" is not id:relation:evidence", "不符合 id:relation:evidence 格式"),
    ];
    for (en, z) in suffixes {
        if let Some(value) = m.strip_suffix(en) {
            return Some(format!("{value} {z}"));
        }
    }
    if path.starts_with("(row") {
        return Some(format!("CSV 解析错误：{m}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(path: &str, m: &str) -> Problem {
        Problem { path: path.into(), message: m.into() }
    }

    #[test]
    fn messages_render_in_chinese() {
        assert_eq!(
            message(&p("events[0].date", "invalid date \"2023-13-40\": month 13 is not between 1 and 12"), Lang::Zh),
            "日期 \"2023-13-40\" 无效：月份 13 不在 1–12 之间"
        );
        assert_eq!(
            message(&p("x", "\"javascript:1\" is not an https:// link"), Lang::Zh),
            "\"javascript:1\" 不是 https:// 链接"
        );
        assert_eq!(message(&p("x", "lineage cycle: a → b → a"), Lang::Zh), "传承关系成环：a → b → a");
        assert_eq!(
            message(&p("x", "event \"a\" is dated 2027-01-02, after the dataset's as_of date 2026-11-30"), Lang::Zh),
            "事件 \"a\" 的日期 2027-01-02 晚于数据集的截止日期（as_of）2026-11-30"
        );
        assert_eq!(
            message(
                &p("x", "level \"partial\" does not follow from basis \"not-released\": the rubric gives \"closed\""),
                Lang::Zh
            ),
            "等级 \"partial\" 与依据 \"not-released\" 不符：按评分规则应为 \"closed\""
        );
        assert_eq!(message(&p("x", "must not be empty"), Lang::En), "must not be empty");
        assert_eq!(message(&p("x", "something new"), Lang::Zh), "something new", "unknown messages fall back");
    }
}
