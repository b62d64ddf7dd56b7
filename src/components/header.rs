//! Title bar and the language switch.

use chronicle_core::i18n::{ui, Lang};
use chronicle_core::state::{Action, View};
use yew::prelude::*;

use crate::app::{dispatch, use_store};

/// "中文" as outlines: 中 (U+4E2D) and 文 (U+6587) from Noto Sans SC Regular (SIL Open Font License
/// 1.1; @fontsource/noto-sans-sc 5.3.0), in font units, each glyph 1000 wide, y down from the
/// ascender (the em box is y 280 to 1280). The switch shows it on pages in other languages: set
/// in type, those two characters are the only Chinese in the English page's first frame, and the
/// browser would look for (and, where there is one, load) a Chinese font just for them, which
/// delays the first frame (measured in `bench/HISTORY.md`).
const ZH_GLYPHS: &str = "M96 499H902V969H825V572H171V974H96ZM136 838H870V912H136ZM458 320H537V1239H458ZM1725 530 1802 553Q1739 734 1640 866Q1541 998 1403 1088.5Q1265 1179 1083 1238Q1079 1229 1071 1215.5Q1063 1202 1053.5 1188.5Q1044 1175 1036 1167Q1215 1115 1348.5 1031.5Q1482 948 1575 824.5Q1668 701 1725 530ZM1270 534Q1327 689 1424 815Q1521 941 1657 1030.5Q1793 1120 1967 1164Q1959 1172 1949 1184.5Q1939 1197 1930.5 1209.5Q1922 1222 1915 1233Q1736 1184 1599 1089.5Q1462 995 1363.5 860Q1265 725 1201 557ZM1050 496H1954V570H1050ZM1423 337 1501 313Q1524 349 1546.5 392.5Q1569 436 1580 467L1497 494Q1488 463 1467 418.5Q1446 374 1423 337Z";

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub title: AttrValue,
}

#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let store = use_store();
    let lang = store.lang;
    let t = ui(lang);
    let button = |target: Lang, label: &'static str| {
        let onclick = dispatch(&store, Action::SetLang(target));
        // On a page in another language, "中文" is drawn, not set in type (see `ZH_GLYPHS`).
        let drawn = target == Lang::Zh && lang != Lang::Zh;
        html! {
            <button type="button" class="llmc-lang-button" lang={target.tag()} aria-label={drawn.then_some(label)} aria-pressed={(lang == target).to_string()} {onclick}>
                if drawn {
                    <svg class="llmc-glyphs" viewBox="0 280 2000 1000" width="2em" height="1em" aria-hidden="true" focusable="false"><path d={ZH_GLYPHS} /></svg>
                } else {
                    { label }
                }
            </button>
        }
    };
    let current_view = store.view;
    let view_button = |view: View, label: &'static str| {
        let onclick = dispatch(&store, Action::SetView(view));
        html! {
            <button type="button" class="llmc-lang-button" aria-pressed={(current_view == view).to_string()} {onclick}>{ label }</button>
        }
    };
    html! {
        <header class="llmc-header">
            <h2 class="llmc-title">{ props.title.clone() }</h2>
            <div class="llmc-switches">
                <div class="llmc-lang" role="group" aria-label={t.view}>
                    { view_button(View::Both, t.view_both) }
                    { view_button(View::Timeline, t.view_timeline) }
                    { view_button(View::Matrix, t.view_matrix) }
                </div>
                <div class="llmc-lang" role="group" aria-label={t.lang_switch_label}>
                    { button(Lang::Zh, "中文") }
                    { button(Lang::En, "English") }
                </div>
            </div>
        </header>
    }
}
