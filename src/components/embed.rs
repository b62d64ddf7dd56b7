//! The "Embed" action: both snippets for the current language, view and selection, with copy
//! buttons that say whether the copy happened.

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
    // The last copy's outcome: `Some(true)` once the clipboard has the text, `Some(false)` if the
    // browser refused (a frame without `allow="clipboard-write"`, no clipboard, no permission).
    let copied = use_state_eq(|| None::<bool>);
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
    let block = |label: &'static str, code: String| {
        let copied = copied.clone();
        let text = code.clone();
        let onclick = Callback::from(move |_| {
            // Cleared first, so a second copy is announced again.
            copied.set(None);
            let copied = copied.clone();
            copy_to_clipboard(&text, Callback::from(move |ok| copied.set(Some(ok))));
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
                    { block(t.embed_iframe, iframe) }
                    { block(t.embed_element, element) }
                    <p class="llmc-hint" role="status">{ copied.map(|ok| if ok { t.copied } else { t.copy_failed }).unwrap_or_default() }</p>
                </section>
            }
        </div>
    }
}

/// Writes `text` to the clipboard, then tells `done` whether it did.
#[cfg(target_arch = "wasm32")]
pub(crate) fn copy_to_clipboard(text: &str, done: Callback<bool>) {
    use wasm_bindgen::JsCast;
    let navigator = gloo::utils::window().navigator();
    // Absent outside a secure context: then nothing can be copied.
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| c.is_object());
    let Some(clipboard) = clipboard else {
        done.emit(false);
        return;
    };
    let written = clipboard.unchecked_into::<web_sys::Clipboard>().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done.emit(wasm_bindgen_futures::JsFuture::from(written).await.is_ok());
    });
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn copy_to_clipboard(_: &str, _: Callback<bool>) {}
