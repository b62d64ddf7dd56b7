//! The openness table's scene as a `<table>`. Its buttons carry what they do in `data-*` codes
//! for the component's one delegated click handler.

use chronicle_core::markup::Markup;
use chronicle_core::matrix::level_symbol;
use chronicle_core::scene::openness::{level_class, OpennessTable, SortHead};

/// The table, captioned by the element `caption_id`; every cell button controls the note region
/// `detail_id`.
pub fn table(t: &OpennessTable, caption_id: &str, detail_id: &str) -> String {
    let mut out = Markup::new();
    out.raw("<table class=\"llmc-openness-table\"><caption").attr("id", caption_id).raw(">");
    out.text(t.caption).raw("</caption><thead><tr><td colspan=\"2\"></td>");
    for (name, span) in &t.groups {
        out.raw("<th scope=\"colgroup\"").attr("colspan", &span.to_string()).raw(">").text(name).raw("</th>");
    }
    out.raw("</tr><tr>");
    for head in &t.heads {
        sort_head(&mut out, head);
    }
    out.raw("</tr></thead><tbody>");
    for row in &t.rows {
        out.raw("<tr").attr("data-model", &row.model);
        out.raw("><th scope=\"row\"><button type=\"button\" class=\"llmc-link-button\"")
            .attr("data-select", &row.model);
        out.raw(" aria-pressed=\"false\">").text(&row.name).raw("</button></th>");
        out.raw("<td class=\"llmc-score\">").text(&row.score).raw("</td>");
        for cell in &row.cells {
            out.raw("<td").attr("class", &format!("llmc-cell {}", level_class(cell.level)));
            out.raw("><button type=\"button\" class=\"llmc-cell-button\"").attr("data-cell", &cell.code);
            out.attr("aria-label", &cell.label).raw(" aria-pressed=\"false\"").attr("aria-controls", detail_id);
            out.raw("><span aria-hidden=\"true\" class=\"llmc-symbol\">").text(level_symbol(cell.level));
            out.raw("</span></button></td>");
        }
        out.raw("</tr>");
    }
    out.raw("</tbody></table>");
    out.finish()
}

fn sort_head(out: &mut Markup, head: &SortHead) {
    out.raw("<th scope=\"col\"");
    if let Some(class) = head.class {
        out.attr("class", class);
    }
    if let Some(descending) = head.sorted {
        out.attr("aria-sort", if descending { "descending" } else { "ascending" });
    }
    if let Some(title) = &head.title {
        out.attr("title", title);
    }
    out.raw("><button type=\"button\" class=\"llmc-sort\"").attr("data-sort", &head.code).raw(">").text(&head.label);
    if let Some(descending) = head.sorted {
        out.raw(if descending { " ▼" } else { " ▲" });
    }
    out.raw("</button></th>");
}
