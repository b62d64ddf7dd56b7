//! The trend chart's scene as an SVG and as the two tables behind it. The SVG is hidden from
//! assistive technology (the tables say the same, with buttons that select the models); its dots
//! carry `data-select` for the component's one click handler.

use chronicle_core::i18n::{trend_ui, Lang};
use chronicle_core::scene::trend::{Line, Panel, Trend, DOT_R};

use crate::markup::Markup;

/// The chart as an `<svg>`.
pub fn svg(t: &Trend) -> String {
    let mut out = Markup::new();
    out.raw("<svg class=\"llmc-trend-svg\" aria-hidden=\"true\" focusable=\"false\"");
    out.num("width", t.width).num("height", t.height);
    out.attr("viewBox", &format!("0 0 {:.1} {:.1}", t.width, t.height)).raw(">");
    panel(&mut out, &t.counts);
    for bar in &t.bars {
        let side = if bar.open { "llmc-trend-bar llmc-trend-open" } else { "llmc-trend-bar llmc-trend-closed" };
        out.raw("<rect").attr("class", side);
        out.num("x", bar.x).num("y", bar.y).num("width", bar.w).num("height", bar.h);
        out.raw("><title>").text(&bar.title).raw("</title></rect>");
        if let Some(label) = &bar.label {
            out.raw("<text class=\"llmc-trend-count\" text-anchor=\"middle\"");
            out.num("x", bar.x + bar.w / 2.0).num("y", bar.y - 3.0).raw(">").text(label).raw("</text>");
        }
    }
    if let Some(scores) = &t.scores {
        panel(&mut out, scores);
    }
    line(&mut out, &t.best_closed, "llmc-trend-best llmc-trend-best-closed");
    line(&mut out, &t.best_open, "llmc-trend-best llmc-trend-best-open");
    for dot in &t.dots {
        let class = match (dot.open, dot.selected) {
            (true, false) => "llmc-trend-dot llmc-trend-open",
            (false, false) => "llmc-trend-dot llmc-trend-closed",
            (true, true) => "llmc-trend-dot llmc-trend-open llmc-selected",
            (false, true) => "llmc-trend-dot llmc-trend-closed llmc-selected",
        };
        out.raw("<circle").attr("class", class).attr("data-select", &dot.model);
        out.num("cx", dot.cx).num("cy", dot.cy).num("r", if dot.selected { DOT_R + 2.0 } else { DOT_R });
        out.raw("><title>").text(&dot.title).raw("</title></circle>");
    }
    out.raw("</svg>");
    out.finish()
}

/// A panel's title, grid lines with their values, and year labels.
fn panel(out: &mut Markup, p: &Panel) {
    out.raw("<text class=\"llmc-trend-title\"").num("x", 0.0).num("y", p.top - 10.0).raw(">");
    out.text(p.title).raw("</text>");
    let (left, right) = (p.left, p.right);
    for (y, label) in &p.y_ticks {
        out.raw("<line class=\"llmc-trend-grid\"").num("x1", left).num("x2", right).num("y1", *y).num("y2", *y);
        out.raw("></line><text class=\"llmc-trend-tick\" text-anchor=\"end\"");
        out.num("x", left - 5.0).num("y", y + 4.0).raw(">").text(label).raw("</text>");
    }
    for (x, label) in &p.x_ticks {
        out.raw("<text class=\"llmc-trend-tick\" text-anchor=\"middle\"");
        out.num("x", *x).num("y", p.top + p.height + 15.0).raw(">").text(label).raw("</text>");
    }
}

/// A best-so-far line and its words at its end.
fn line(out: &mut Markup, l: &Line, class: &'static str) {
    let Some((x, y)) = l.label_at else { return };
    out.raw("<path").attr("class", class).attr("d", &l.d).raw("></path>");
    out.raw("<text class=\"llmc-trend-line-label\" text-anchor=\"end\"");
    out.num("x", x).num("y", y - 5.0).raw(">").text(l.label).raw("</text>");
}

/// The two tables behind the chart, in a disclosure: releases per year, and each model's score.
/// Each model's name is a button that selects it (`aria-pressed` when it is selected).
pub fn tables(t: &Trend, lang: Lang) -> String {
    let w = trend_ui(lang);
    let mut out = Markup::new();
    out.raw("<details class=\"llmc-trend-data\"><summary>").text(w.data_tables).raw("</summary>");
    out.raw("<table class=\"llmc-trend-table\"><caption>").text(w.releases).raw("</caption><thead><tr>");
    for head in [w.year, w.open_weights, w.closed, w.share_open] {
        out.raw("<th scope=\"col\">").text(head).raw("</th>");
    }
    out.raw("</tr></thead><tbody>");
    for row in &t.years {
        out.raw("<tr><th scope=\"row\">").text(&row.year).raw("</th><td>").text(&row.open.to_string());
        out.raw("</td><td>").text(&row.closed.to_string()).raw("</td><td>").text(&row.share).raw("</td></tr>");
    }
    out.raw("</tbody></table>");
    out.raw("<table class=\"llmc-trend-table\"><caption>").text(w.scores).raw("</caption><thead><tr>");
    for head in [w.model, w.released, w.weights, w.score] {
        out.raw("<th scope=\"col\">").text(head).raw("</th>");
    }
    out.raw("</tr></thead><tbody>");
    for row in &t.models {
        out.raw("<tr><th scope=\"row\"><button type=\"button\" class=\"llmc-link-button\"");
        out.attr("data-select", &row.model).attr("aria-pressed", if row.selected { "true" } else { "false" });
        out.raw(">").text(&row.name).raw("</button></th><td>").text(&row.date).raw("</td><td>").text(row.weights);
        out.raw("</td><td>").text(&row.score).raw("</td></tr>");
    }
    out.raw("</tbody></table></details>");
    out.finish()
}
