//! The "Embed" action: both snippets for the current language, view and selection, with copy
//! buttons.

use chronicle_core::embed::snippets;
use chronicle_core::i18n::ui;
use yew::prelude::*;

use crate::app::use_store;

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    /// Where the widget is hosted (the folder holding `index.html` and `embed.js`).
    pub base: AttrValue,
    pub id_prefix: AttrValue,
}

#[function_component]
pub fn Embed(props: &EmbedProps) -> Html {
    let store = use_store();
    let open = use_state_eq(|| false);
    let copied = use_state_eq(|| None::<&'static str>);
    let t = ui(store.lang);
    let panel_id = format!("{}-embed", props.id_prefix);
    let toggle = {
        let open = open.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            copied.set(None);
            open.set(!*open)
        })
    };
    let (iframe, element) = snippets(&props.base, store.lang, store.view, store.selected.as_deref());
    let block = |label: &'static str, code: String, which: &'static str| {
        let copied = copied.clone();
        let text = code.clone();
        let onclick = Callback::from(move |_| {
            copy_to_clipboard(&text);
            copied.set(Some(which));
        });
        html! {
            <div class="llmc-snippet">
                <div class="llmc-snippet-head">
                    <strong>{ label }</strong>
                    <button type="button" {onclick}>{ t.copy }</button>
                </div>
                <pre><code>{ code }</code></pre>
            </div>
        }
    };
    html! {
        <div class="llmc-embed">
            <button type="button" class="llmc-embed-toggle" aria-expanded={open.to_string()} aria-controls={panel_id.clone()} onclick={toggle}>
                { "</> " }{ t.embed }
            </button>
            if *open {
                <section class="llmc-embed-panel" id={panel_id} aria-label={t.embed}>
                    { block(t.embed_iframe, iframe, "iframe") }
                    { block(t.embed_element, element, "element") }
                    <p class="llmc-hint" role="status">{ copied.map(|_| t.copied).unwrap_or_default() }</p>
                </section>
            }
        </div>
    }
}

#[cfg(target_arch = "wasm32")]
fn copy_to_clipboard(text: &str) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    let _ = clipboard.write_text(text);
}

#[cfg(not(target_arch = "wasm32"))]
fn copy_to_clipboard(_: &str) {}
