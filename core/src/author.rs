//! The authoring page's logic: where in the author's text a problem is, so the page can take them
//! there. (The page itself is `src/author/`; what it checks is the validator's, and what it writes
//! is `embed::snippets_for`'s.)

use crate::problem::Location;

/// The line of the author's text a problem is on: a JSON value's or syntax error's line, or a CSV
/// row's (the header is row 1, and each row is one line unless a quoted cell holds a line break).
/// `None` for the input as a whole, or a value validated without its text.
///
/// ```
/// use chronicle_core::author::line_of;
/// use chronicle_core::problem::Location;
/// assert_eq!(line_of(&Location::Csv { row: 3, cell: None }), Some(3));
/// assert_eq!(line_of(&Location::Input), None);
/// ```
pub fn line_of(at: &Location) -> Option<usize> {
    match at {
        Location::Json { pos: Some(pos), .. } | Location::Text { pos, .. } => Some(pos.line),
        Location::Csv { row, .. } => Some(*row),
        Location::Json { pos: None, .. } | Location::Input => None,
    }
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
        let lines: Vec<usize> = problems.iter().filter_map(|p| line_of(&p.at)).collect();
        assert_eq!(lines, [3], "{problems:?}");
        let (a, b) = line_span_utf16(&csv, 3).unwrap();
        let third: Vec<u16> = csv.encode_utf16().collect();
        assert!(String::from_utf16_lossy(&third[a as usize..b as usize]).starts_with("gpt-3,"));
    }

    #[test]
    fn a_json_syntax_error_leads_to_its_line() {
        let json = include_str!("../../data/templates/chronicle.json").replacen("\"OpenAI\",", "\"OpenAI\"", 1);
        let problems = crate::validate::load_any(&json).unwrap_err();
        let line = problems.iter().find_map(|p| line_of(&p.at));
        // The parser notices the missing comma at the next token, on the line after it.
        let after = json.lines().position(|l| l.contains("\"OpenAI\"") && !l.contains("\"OpenAI\",")).unwrap() + 2;
        assert_eq!(line, Some(after), "{problems:?}");
    }
}
