//! The detail panel's scene as markup, for the widget's panel and, left blank, for the template
//! the start-up script fills (`data-slot` and `data-fact` say where each text goes).

use chronicle_core::markup::Markup;
use chronicle_core::scene::detail::DetailScene;

pub fn panel(d: &DetailScene) -> String {
    let mut out = Markup::new();
    out.raw("<section class=\"llmc-detail\"").attr("aria-labelledby", &d.title_id).raw(">");
    out.raw("<div class=\"llmc-detail-head\"><h3").attr("id", &d.title_id);
    out.raw(" tabindex=\"-1\" data-slot=\"title\">").text(&d.title).raw("</h3>");
    out.raw("<button type=\"button\" class=\"llmc-close\">").text(d.close).raw("</button></div>");
    out.raw("<dl class=\"llmc-facts\">");
    for f in &d.facts {
        out.raw("<dt>").text(f.label).raw("</dt><dd").attr("data-fact", f.key.slug()).raw(">");
        out.text(&f.value).raw("</dd>");
    }
    out.raw("</dl><p class=\"llmc-summary\" data-slot=\"summary\">").text(&d.summary).raw("</p>");
    out.raw("<h4>").text(d.sources_title).raw("</h4><ul class=\"llmc-sources\" data-slot=\"sources\">");
    for (url, title) in &d.sources {
        out.raw("<li><a").attr("href", url).raw(" target=\"_blank\" rel=\"noopener noreferrer\">");
        out.text(title).raw("</a></li>");
    }
    out.raw("</ul>");
    for group in &d.lineage {
        out.raw("<h4>").text(group.title).raw("</h4><ul class=\"llmc-lineage\">");
        for link in &group.links {
            out.raw("<li><button type=\"button\" class=\"llmc-link-button\"").attr("data-select", &link.id);
            out.raw(">").text(&link.text).raw("</button> <span class=\"llmc-edge-note\">");
            out.text(&link.edge).raw("</span></li>");
        }
        out.raw("</ul>");
    }
    out.raw("</section>");
    out.finish()
}
