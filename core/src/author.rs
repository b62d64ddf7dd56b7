//! The authoring page's logic: where in the author's text a problem is, so the page can take them
//! there. (The page itself is `src/author/`; what it checks is the validator's, and what it writes
//! is `embed::snippets_for`'s.)

/// The line a problem's location names: "line 6, column 105" in JSON, "row 3" in a CSV file (its
/// header is row 1, and each row is one line unless a quoted cell holds a line break).
///
/// ```
/// use chronicle_core::author::line_of;
/// assert_eq!(line_of("(line 6, column 105)"), Some(6));
/// assert_eq!(line_of("row 3, column family"), Some(3));
/// assert_eq!(line_of("events[1].family"), None);
/// ```
pub fn line_of(location: &str) -> Option<usize> {
    let lower = location.to_ascii_lowercase();
    ["line ", "row "].iter().find_map(|word| {
        let at = lower.find(word)? + word.len();
        let digits: String = lower[at..].chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok().filter(|n| *n >= 1)
    })
}

/// Where line `line` (1-based) of `text` starts and ends, in UTF-16 code units (what a
/// `<textarea>`'s selection counts), without its line break. `None` past the last line.
///
/// ```
/// use chronicle_core::author::line_span_utf16;
/// assert_eq!(line_span_utf16("ab\n中文\nc", 2), Some((3, 5)));
/// assert_eq!(line_span_utf16("ab\r\ncd", 2), Some((4, 6)));
/// assert_eq!(line_span_utf16("ab", 3), None);
/// ```
pub fn line_span_utf16(text: &str, line: usize) -> Option<(u32, u32)> {
    let mut start = 0u32;
    for (n, l) in text.split('\n').enumerate() {
        let len = l.trim_end_matches('\r').encode_utf16().count() as u32;
        if n + 1 == line {
            return Some((start, start + len));
        }
        start += l.encode_utf16().count() as u32 + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_in_the_csv_template_leads_to_its_row() {
        let csv =
            include_str!("../../data/templates/events.csv").replace("decoder-only,model,api", "quantum,model,api");
        let problems = crate::validate::load_any(&csv).unwrap_err();
        let lines: Vec<usize> = problems.iter().filter_map(|p| line_of(&p.path)).collect();
        assert_eq!(lines, [3], "{problems:?}");
        let (a, b) = line_span_utf16(&csv, 3).unwrap();
        let third: Vec<u16> = csv.encode_utf16().collect();
        assert!(String::from_utf16_lossy(&third[a as usize..b as usize]).starts_with("gpt-3,"));
    }

    #[test]
    fn a_json_syntax_error_leads_to_its_line() {
        let json = include_str!("../../data/templates/chronicle.json").replacen("\"OpenAI\",", "\"OpenAI\"", 1);
        let problems = crate::validate::load_any(&json).unwrap_err();
        let line = problems.iter().find_map(|p| line_of(&p.path).or_else(|| line_of(&p.message())));
        assert!(line.is_some(), "{problems:?}");
    }
}
