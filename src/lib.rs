//! LLM Chronicle's Yew widget. It renders what `chronicle-core` decides and owns nothing else:
//! DOM events become [`chronicle_core::state::Action`]s, and what is drawn comes back as scenes.
//! `ARCHITECTURE.md` at the repository's root walks through it.
//!
//! - [`app`]: the root component, the state and dataset contexts;
//! - [`components`]: one file or folder per view (header, embed, filters, story, timeline, detail,
//!   the two matrices, the event list, about, errors);
//! - `render`: scenes written out as escaped markup;
//! - [`boot`]: the start-up script and the names it shares with Rust;
//! - `markup`: numbered drawings for the views drawn as markup;
//! - `browser`, `dom`: reading the page, mounting, the custom element (wasm only);
//! - `prerender` (feature `ssr`): the prerendered pages;
//! - [`panic`]: the hook that replaces a crashed widget with a message.

pub mod app;
pub mod author;
pub mod boot;
pub mod components;
mod markup;
pub mod panic;
#[cfg(feature = "ssr")]
pub mod prerender;
mod render;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
mod dom;

pub use app::{App, AppProps, Dataset};

pub use boot::protocol::{EARLY_SELECT, LATER_ATTR, PRERENDERED_ATTR};

#[cfg(target_arch = "wasm32")]
pub use browser::{mount, start, start_author};

/// Saves `contents` as a file named `name`, generated in the browser (a Blob and a download
/// link), with no request anywhere.
#[cfg(target_arch = "wasm32")]
pub fn browser_download(name: &str, mime: &str, contents: &str) {
    let parts = js_sys_array(contents);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    download_blob(name, &blob);
}

/// Saves `blob` as a file named `name`, through a download link.
#[cfg(target_arch = "wasm32")]
pub(crate) fn download_blob(name: &str, blob: &web_sys::Blob) {
    use wasm_bindgen::JsCast;
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return };
    let document = gloo::utils::document();
    if let Some(a) = document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[cfg(target_arch = "wasm32")]
fn js_sys_array(s: &str) -> wasm_bindgen::JsValue {
    let array = js_sys::Array::new();
    array.push(&wasm_bindgen::JsValue::from_str(s));
    array.into()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn browser_download(_: &str, _: &str, _: &str) {}
