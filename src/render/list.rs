//! The narrow timeline's scene as an ordered list of year groups.

use chronicle_core::i18n::{first_list_more, Lang};
use chronicle_core::markup::Markup;
use chronicle_core::scene::list::ListScene;

use super::marker_swatch;

pub fn list(scene: &ListScene) -> String {
    let mut out = Markup::new();
    entries(&mut out, scene);
    out.finish()
}

/// The list's first entries (`ListScene::first`) and how many more there are.
pub fn first(scene: &ListScene, more: usize, lang: Lang) -> String {
    let mut out = Markup::new();
    entries(&mut out, scene);
    if more > 0 {
        out.raw("<p class=\"llmc-hint llmc-first-more\">").text(&first_list_more(more, lang)).raw("</p>");
    }
    out.finish()
}

fn entries(out: &mut Markup, scene: &ListScene) {
    out.raw("<ol class=\"llmc-vyears\">");
    for year in &scene.years {
        out.raw("<li class=\"llmc-vyear\"><h3 class=\"llmc-vyear-title\">").text(&year.title);
        out.raw("</h3><ol class=\"llmc-vevents\">");
        for e in &year.entries {
            out.raw("<li><button type=\"button\"").attr("class", &e.flags.classes("llmc-vevent"));
            out.attr("tabindex", if e.tab_stop { "0" } else { "-1" });
            out.attr("data-event-id", &e.id).raw(" aria-pressed=\"false\">");
            marker_swatch(out, "llmc-vmarker", e.shape);
            out.raw("<span class=\"llmc-vname\">").text(&e.name).raw("</span><span class=\"llmc-vmeta\">");
            out.text(&e.meta);
            out.raw("<span class=\"llmc-sr-only\">").text(", ").text(e.openness).raw("</span>");
            if let Some(suffix) = e.not_matching {
                out.raw("<span class=\"llmc-sr-only\">").text(suffix).raw("</span>");
            }
            out.raw("</span></button></li>");
        }
        out.raw("</ol></li>");
    }
    out.raw("</ol>");
}
