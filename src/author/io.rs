//! The authoring page's DOM side: reading a dropped or chosen file, the text of an input, loading
//! the author's URL, selecting a line of the text, and copy buttons that say what happened.

use chronicle_core::i18n::{ui, Lang};
use yew::prelude::*;

/// The value of the `<input>`, `<textarea>` or `<select>` an event came from.
#[cfg(target_arch = "wasm32")]
pub fn event_value(e: &Event) -> String {
    use wasm_bindgen::JsCast;
    let Some(target) = e.target() else { return String::new() };
    if let Some(el) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        el.value()
    } else if let Some(el) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        el.value()
    } else if let Some(el) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        el.value()
    } else {
        String::new()
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn event_value(_: &Event) -> String {
    String::new()
}

pub fn value_of(e: &InputEvent) -> String {
    event_value(e)
}

/// Lets a file be dropped on the element.
pub fn allow_drop() -> Callback<DragEvent> {
    Callback::from(|e: DragEvent| e.prevent_default())
}

/// The first file dropped, read as text, goes to `set_text`.
pub fn on_drop(set_text: Callback<String>) -> Callback<DragEvent> {
    Callback::from(move |e: DragEvent| {
        e.prevent_default();
        #[cfg(target_arch = "wasm32")]
        if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            read_file(file, set_text.clone());
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = &set_text;
    })
}

/// The file chosen, read as text, goes to `set_text`.
pub fn on_file(set_text: Callback<String>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            let input = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
                read_file(file, set_text.clone());
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (&e, &set_text);
    })
}

#[cfg(target_arch = "wasm32")]
fn read_file(file: web_sys::File, set_text: Callback<String>) {
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
            set_text.emit(text.as_string().unwrap_or_default());
        }
    });
}

/// Loads the URL typed in `url` (the author's own file, on their asking) into `set_text`; a
/// failure is said in `error`, in the author's language.
pub fn on_load(
    url: NodeRef,
    set_text: Callback<String>,
    busy: UseStateHandle<bool>,
    error: UseStateHandle<Option<String>>,
    lang: Lang,
) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        #[cfg(target_arch = "wasm32")]
        {
            let Some(input) = url.cast::<web_sys::HtmlInputElement>() else { return };
            let address = input.value().trim().to_owned();
            if address.is_empty() {
                return;
            }
            let (set_text, busy, error) = (set_text.clone(), busy.clone(), error.clone());
            busy.set(true);
            error.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                match crate::browser::fetch_text(&address, None).await {
                    Ok(text) => set_text.emit(text),
                    Err(kind) => error.set(Some(chronicle_core::problem::Problem::input(kind).line(lang))),
                }
                busy.set(false);
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (&url, &set_text, &busy, &error, lang);
    })
}

/// Focuses the text and selects UTF-16 offsets `start..end` in it, scrolled into its view.
pub fn select_range(textarea: &NodeRef, start: u32, end: u32) {
    #[cfg(target_arch = "wasm32")]
    if let Some(el) = textarea.cast::<web_sys::HtmlTextAreaElement>() {
        let _ = el.focus();
        let _ = el.set_selection_range(start, end);
        // Browsers scroll a textarea to its selection only on some inputs: put the line near the top.
        let before = el.value().encode_utf16().take(start as usize).filter(|u| *u == u16::from(b'\n')).count();
        let line_px = el.scroll_height() as f64 / (el.value().lines().count().max(1) as f64);
        el.set_scroll_top((before as f64 * line_px - 2.0 * line_px).max(0.0) as i32);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (textarea, start, end);
}

#[derive(Properties, PartialEq)]
pub struct SnippetProps {
    pub label: &'static str,
    pub code: String,
    pub lang: Lang,
}

/// A snippet with a copy button that says "copied" only once the clipboard took it, and says so
/// when it did not (a cross-origin frame without `clipboard-write`, a refused permission).
#[function_component]
pub fn Snippet(props: &SnippetProps) -> Html {
    let status = use_state_eq(|| None::<bool>);
    {
        let status = status.clone();
        use_effect_with(props.code.clone(), move |_| status.set(None));
    }
    let onclick = {
        let (status, code) = (status.clone(), props.code.clone());
        Callback::from(move |_: MouseEvent| {
            // Cleared first, so a second copy is announced again.
            status.set(None);
            let status = status.clone();
            crate::components::embed::copy_to_clipboard(&code, Callback::from(move |ok| status.set(Some(ok))));
        })
    };
    let t = ui(props.lang);
    html! {
        <div class="llmc-snippet">
            <div class="llmc-snippet-head">
                <strong>{ props.label }</strong>
                <button type="button" {onclick}>{ t.copy }</button>
                <span class="llmc-hint" role="status">{ match *status { Some(true) => t.copied, Some(false) => t.copy_failed, None => "" } }</span>
            </div>
            <pre><code>{ props.code.clone() }</code></pre>
        </div>
    }
}
