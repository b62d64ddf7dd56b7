//! Title bar and the language switch.

use chronicle_core::i18n::{ui, Lang};
use chronicle_core::state::{Action, View};
use yew::prelude::*;

use crate::app::use_store;

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
        let store = store.clone();
        let onclick = Callback::from(move |_| store.dispatch(Action::SetLang(target)));
        html! {
            <button type="button" class="llmc-lang-button" lang={target.tag()} aria-pressed={(lang == target).to_string()} {onclick}>
                { label }
            </button>
        }
    };
    let current_view = store.view;
    let view_button = |view: View, label: &'static str| {
        let store = store.clone();
        let onclick = Callback::from(move |_| store.dispatch(Action::SetView(view)));
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
