//! The browser side of start-up: read the page (or the embedding element), pick the language and
//! settings, mount or hydrate the app, and keep an embedding page informed of the height.

use std::cell::Cell;
use std::rc::Rc;

use chronicle_core::i18n::Lang;
use chronicle_core::problem::{ProblemKind, Unavailable};
use chronicle_core::settings::{self, Settings};
use chronicle_core::validate::MAX_BYTES;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::{AppHandle, AttrValue, Renderer};

use crate::app::{App, AppProps, Dataset};
// The start-up script's fetch of the page's dataset (see `boot::script`), and its address.
use crate::boot::protocol::{EARLY_DATA, EARLY_DATA_URL, HANDED_OVER};
use crate::panic;

thread_local! {
    static MOUNTED: Cell<u32> = const { Cell::new(0) };
}

/// The message an iframe posts to its parent whenever its content height changes.
pub const HEIGHT_MESSAGE: &str = "llm-chronicle:height";
/// The message a parent page posts to ask for the height again.
pub const ASK_HEIGHT_MESSAGE: &str = "llm-chronicle:height?";

/// The language to start in: the setting (`?lang=` or the `lang` attribute), then the page's
/// `<html lang>`, then the browser's languages.
pub fn initial_lang(setting: Option<Lang>) -> Lang {
    let page = gloo::utils::document().document_element().and_then(|e| e.get_attribute("lang"));
    let browser: Vec<String> =
        gloo::utils::window().navigator().languages().iter().filter_map(|v| v.as_string()).collect();
    let browser: Vec<&str> = browser.iter().map(String::as_str).collect();
    Lang::resolve(setting.map(Lang::code), page.as_deref(), &browser)
}

fn url_settings() -> Settings {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let pairs: Vec<(String, String)> = params
        .map(|p| {
            ["lang", "theme", "view", "focus", "story", "height"]
                .iter()
                .filter_map(|k| p.get(k).map(|v| ((*k).to_owned(), v)))
                .collect()
        })
        .unwrap_or_default();
    let (s, warnings) = settings::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    warnings.iter().for_each(|w| gloo::console::warn!(w.as_str()));
    s
}

fn next_prefix() -> AttrValue {
    let n = MOUNTED.with(|m| {
        m.set(m.get() + 1);
        m.get()
    });
    if n == 1 {
        AttrValue::Static("llmc")
    } else {
        AttrValue::from(format!("llmc{n}"))
    }
}

/// What a standalone page (or iframe) adds to a mount; an embedded element has none of it.
#[derive(Default)]
struct PageMount {
    /// A deep link to restore.
    fragment: Option<AttrValue>,
    /// Keep the URL fragment in step with the state.
    sync_url: bool,
    /// Take over the event the start-up script selected (the page's first widget).
    take_early: bool,
}

/// Mounts (or hydrates) the app in `root` with these settings and this dataset. `may_hydrate` says
/// the dataset is the one the page was prerendered from.
fn mount_with(
    root: web_sys::Element,
    settings: Settings,
    page: PageMount,
    data: Dataset,
    may_hydrate: bool,
    embed_base: Option<String>,
) -> AppHandle<App> {
    let PageMount { fragment, sync_url, take_early } = page;
    panic::install();
    let lang = initial_lang(settings.lang);
    panic::register(root.clone(), lang);
    if let Some(class) = settings.theme.class() {
        let _ = root.class_list().add_1(class);
    }
    if let (Some(h), Some(el)) = (settings.height, root.dyn_ref::<web_sys::HtmlElement>()) {
        // CSSOM, not a style attribute, so a strict CSP allows it.
        let _ = el.style().set_property("height", &format!("{h}px"));
        let _ = el.style().set_property("overflow", "auto");
    }
    // Hydrate prerendered HTML when the first render will match it (same language, default
    // view, no deep link); otherwise start from an empty root.
    let prerendered = root.get_attribute(crate::PRERENDERED_ATTR);
    // A part still deferred (the start-up script makes it DOM first) could not be hydrated.
    let deferred = root.query_selector(&format!("noscript[{}]", crate::LATER_ATTR)).ok().flatten().is_some();
    let hydrate = prerendered.as_deref() == Some(lang.code())
        && fragment.is_none()
        && settings.is_default_view()
        && may_hydrate
        && !deferred
        // The error panel is never what was prerendered.
        && data.0.is_ok();
    let _ = root.remove_attribute(crate::PRERENDERED_ATTR);
    if prerendered.is_some() && !hydrate {
        root.set_text_content(None);
    }
    let embed_base = AttrValue::from(embed_base.unwrap_or_else(page_base));
    let props = AppProps { data, lang, id_prefix: next_prefix(), fragment, settings, sync_url, embed_base, take_early };
    let renderer = Renderer::<App>::with_root_and_props(root.clone(), props);
    // The app drops `llmc-inert` after its first render (see `hand_over` in app.rs).
    if hydrate {
        renderer.hydrate()
    } else {
        renderer.render()
    }
}

/// The folder of the current page (where `index.html` and `embed.js` live), for the snippets.
fn page_base() -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    // The English page lives in en/: its widget is hosted one level up.
    let dir = dir.strip_suffix("en/").unwrap_or(dir);
    format!("{origin}{dir}")
}

/// Mounts a widget inside `root` for a standalone page or an iframe: settings from the URL's
/// query, a deep link from its fragment (only the first widget on a page owns the URL).
/// `prerendered_data` says `data` is the dataset the page's HTML was rendered from.
pub fn mount(root: web_sys::Element, data: Dataset, prerendered_data: bool) -> AppHandle<App> {
    let first = MOUNTED.with(|m| m.get() == 0);
    let fragment = gloo::utils::window().location().hash().ok().filter(|h| h.len() > 1 && first).map(AttrValue::from);
    mount_with(
        root,
        url_settings(),
        PageMount { fragment, sync_url: first, take_early: first },
        data,
        prerendered_data,
        None,
    )
}

/// The `?data=` parameter: a dataset URL an editor supplied.
#[cfg(not(feature = "lean"))]
fn data_url() -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get("data").filter(|u| !u.is_empty())
}

/// Fetches `url` as text, giving up after 15 seconds; `early` is a fetch of it the start-up script
/// already began. A failure is what the reader's error panel says about it.
pub(crate) async fn fetch_text(url: &str, early: Option<js_sys::Promise>) -> Result<String, ProblemKind> {
    use wasm_bindgen_futures::JsFuture;
    let failed = |why| ProblemKind::Unavailable { url: url.to_owned(), why };
    let (response, controller) = match early {
        Some(request) => (JsFuture::from(request).await, None),
        None => {
            let controller = web_sys::AbortController::new().map_err(|_| failed(Unavailable::Network))?;
            let init = web_sys::RequestInit::new();
            init.set_signal(Some(&controller.signal()));
            let abort = controller.clone();
            let timer =
                gloo::timers::callback::Timeout::new(crate::boot::protocol::DATA_TIMEOUT_MS, move || abort.abort());
            let response = JsFuture::from(gloo::utils::window().fetch_with_str_and_init(url, &init)).await;
            // The timer runs on while the body downloads: the timeout covers the whole file.
            (response, Some((controller, timer)))
        }
    };
    // Aborted by our timer, or (for the start-up script's fetch) by its own.
    let timed_out = |e: &JsValue| {
        controller.as_ref().is_some_and(|(c, _)| c.signal().aborted())
            || js_sys::Reflect::get(e, &"name".into()).ok().and_then(|n| n.as_string()).as_deref() == Some("AbortError")
    };
    let response: web_sys::Response = match response {
        Ok(r) => r.unchecked_into(),
        Err(e) if timed_out(&e) => return Err(failed(Unavailable::Timeout)),
        Err(_) => return Err(failed(Unavailable::Network)),
    };
    if !response.ok() {
        return Err(failed(Unavailable::Http(response.status())));
    }
    read_capped(&response, MAX_BYTES).await.map_err(|e| {
        e.unwrap_or_else(|e| failed(if timed_out(&e) { Unavailable::Timeout } else { Unavailable::Network }))
    })
}

/// The body of `response` as text, refused as soon as it passes `limit` bytes: a declared length
/// over it before any of the body is read, and otherwise the chunk that passes it, so a huge
/// file never fills the reader's memory. The error is a problem, or why the read failed.
pub async fn read_capped(response: &web_sys::Response, limit: usize) -> Result<String, Result<ProblemKind, JsValue>> {
    use wasm_bindgen_futures::JsFuture;
    let declared = response.headers().get("content-length").ok().flatten().and_then(|v| v.trim().parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|&b| b > limit) {
        return Err(Ok(ProblemKind::TooLarge { bytes: Some(bytes), limit }));
    }
    let Some(body) = response.body() else { return Ok(String::new()) };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(Err)?;
        if js_sys::Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            break;
        }
        let value: js_sys::Uint8Array = js_sys::Reflect::get(&chunk, &"value".into()).map_err(Err)?.unchecked_into();
        let start = bytes.len();
        if start + value.length() as usize > limit {
            let _ = reader.cancel();
            return Err(Ok(ProblemKind::TooLarge { bytes: None, limit }));
        }
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Set by embed.js before it loads the module, so `start` leaves the host page alone.
#[cfg(not(feature = "lean"))]
const EMBED_FLAG: &str = "__llmcEmbedLoader";

/// The attribute of the mount element naming the page's dataset (JSON or CSV), relative to the page.
pub const DATA_SRC_ATTR: &str = "data-src";

/// Trunk's entry point: mounts on `#llm-chronicle` (and does nothing on pages without it).
///
/// The dataset is not compiled into the WASM: it is the file the mount element's `data-src` names
/// (the start-up script has usually asked for it already), or an editor's `?data=` URL. The start-up
/// script is `async`, so this may run while the page is still being parsed: the dataset is fetched
/// and validated meanwhile, and mounting waits for the parsed page and its first paint.
///
/// The full reader also takes over what the lean one handed over (see [`HANDED_OVER`]): the site's
/// dataset that it could not show, or why it could not fetch it.
#[cfg(not(feature = "lean"))]
pub fn start() {
    // Loaded by embed.js for <llm-chronicle> elements: those mount themselves.
    let window = gloo::utils::window();
    if js_sys::Reflect::get(&window, &EMBED_FLAG.into()).is_ok_and(|v| v.is_truthy()) {
        return;
    }
    let global = |name: &str| js_sys::Reflect::get(&window, &name.into()).ok();
    let early = global(EARLY_DATA).and_then(|v| v.dyn_into::<js_sys::Promise>().ok());
    let early_url = global(EARLY_DATA_URL).and_then(|v| v.as_string()).unwrap_or_default();
    let handed = global(HANDED_OVER).filter(|v| v.is_object()).map(|v| object_pairs(&v));
    let editor = data_url();
    wasm_bindgen_futures::spawn_local(async move {
        // An editor's own dataset replaces the page's (and so is never hydrated into its HTML).
        let own = editor.is_none();
        let mut data = match (editor, early, handed) {
            (Some(url), _, _) => Some(fetch_text(&url, None).await),
            (None, _, Some(handed)) => Some(match handed.get("text") {
                Some(text) => Ok(text.clone()),
                None => Err(loader_failure(&handed)),
            }),
            (None, Some(request), None) => Some(fetch_text(&early_url, Some(request)).await),
            (None, None, None) => None,
        }
        .map(|text| text.map_or_else(Dataset::failed, |t| Dataset::from_text(&t)));
        dom_ready().await;
        let Some(root) = gloo::utils::document().get_element_by_id("llm-chronicle") else { return };
        if data.is_none() {
            // No start-up script asked for it (the development server): fetch it now.
            data = Some(match root.get_attribute(DATA_SRC_ATTR).filter(|u| !u.is_empty()) {
                Some(url) => fetch_text(&url, None).await.map_or_else(Dataset::failed, |t| Dataset::from_text(&t)),
                None => Dataset::failed(ProblemKind::Unavailable { url: String::new(), why: Unavailable::NoSource }),
            });
        }
        let data = data.unwrap_or_else(|| {
            Dataset::failed(ProblemKind::Unavailable { url: String::new(), why: Unavailable::NoSource })
        });
        mount_page(root, data, own);
    });
}

/// The lean reader's entry point: mounts the site's own dataset, which the start-up script has
/// asked for, on `#llm-chronicle`. Anything else (a failed fetch, a dataset that is not valid after
/// all) goes to the full reader, which says what is wrong: this WASM has no problem reports.
#[cfg(feature = "lean")]
pub fn start() {
    let window = gloo::utils::window();
    let global = |name: &str| js_sys::Reflect::get(&window, &name.into()).ok();
    let early = global(EARLY_DATA).and_then(|v| v.dyn_into::<js_sys::Promise>().ok());
    let early_url = global(EARLY_DATA_URL).and_then(|v| v.as_string()).unwrap_or_default();
    wasm_bindgen_futures::spawn_local(async move {
        let text = match early {
            Some(request) => fetch_text(&early_url, Some(request)).await,
            None => Err(ProblemKind::Unavailable { url: String::new(), why: Unavailable::NoSource }),
        };
        let data = match text {
            Ok(text) => match Dataset::built(&text, &early_url) {
                Some(data) => data,
                None => return hand_over(&[("text", text)]),
            },
            Err(why) => return hand_over(&failure_pairs(why)),
        };
        dom_ready().await;
        let Some(root) = gloo::utils::document().get_element_by_id("llm-chronicle") else { return };
        mount_page(root, data, true);
    });
}

/// Leaves `pairs` for the full reader (see [`HANDED_OVER`]) and asks the start-up script to start it.
#[cfg(feature = "lean")]
fn hand_over(pairs: &[(&str, String)]) {
    let window = gloo::utils::window();
    let given = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&given, &(*k).into(), &v.into());
    }
    let _ = js_sys::Reflect::set(&window, &HANDED_OVER.into(), &given);
    let start = js_sys::Reflect::get(&window, &crate::boot::protocol::START_FULL.into()).ok();
    if let Some(start) = start.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let _ = start.call0(&JsValue::UNDEFINED);
    }
}

/// Why a fetch failed, as embed.js describes it (what [`loader_failure`] reads back).
#[cfg(feature = "lean")]
fn failure_pairs(why: ProblemKind) -> Vec<(&'static str, String)> {
    match why {
        ProblemKind::Unavailable { url, why } => {
            let mut pairs = vec![("url", url)];
            let kind = match why {
                Unavailable::Http(status) => {
                    pairs.push(("status", status.to_string()));
                    "http"
                }
                Unavailable::Timeout => "timeout",
                Unavailable::NoSource => "none",
                Unavailable::Blocked => "blocked",
                Unavailable::Refused { origin } => {
                    pairs.push(("origin", origin));
                    "refused"
                }
                _ => "network",
            };
            pairs.push(("why", kind.to_owned()));
            pairs
        }
        ProblemKind::TooLarge { bytes, .. } => {
            vec![("why", "too-large".to_owned()), ("bytes", bytes.map(|b| b.to_string()).unwrap_or_default())]
        }
        _ => vec![("why", "network".to_owned())],
    }
}

/// Mounts the page's widget on `root` once the page has painted, and reports its height to an
/// embedding page.
fn mount_page(root: web_sys::Element, data: Dataset, own: bool) {
    let start = move || {
        // The app lives as long as the page.
        std::mem::forget(mount(root, data, own));
        post_height_to_parent();
    };
    if painted() {
        // Input that came while the dataset was validated goes first (the start-up script
        // answers clicks on events until the widget takes over).
        crate::dom::after_pending_input(start);
    } else {
        // Let the prerendered page paint before hydration takes the main thread; a page that
        // does not paint (a hidden tab, a frame from another site out of view) starts anyway
        // after a while, so that such a frame can tell the article its height at once.
        let start = Rc::new(Cell::new(Some(start)));
        let once = move || {
            if let Some(start) = start.take() {
                start();
            }
        };
        let after_paint = once.clone();
        let frame = gloo::render::request_animation_frame(move |_| {
            gloo::timers::callback::Timeout::new(0, after_paint).forget();
        });
        std::mem::forget(frame);
        gloo::timers::callback::Timeout::new(crate::boot::protocol::PAINT_WAIT_MS, once).forget();
    }
}

/// On `<html>` of the authoring pages: the path from the page to the site's root (`""` or
/// `"../"`), which the embed snippets and template links are made from.
pub const AUTHOR_ATTR: &str = "data-llmc-author";
/// The authoring page's mount element.
pub const AUTHOR_MOUNT: &str = "llm-chronicle-author";

/// The authoring page's entry point (the `llm-chronicle-author` binary, so the reader's WASM
/// carries none of the authoring app): mounts it on `#llm-chronicle-author` once the page is parsed.
pub fn start_author() {
    let Some(el) = gloo::utils::document().document_element().filter(|h| h.has_attribute(AUTHOR_ATTR)) else { return };
    let base = el.get_attribute(AUTHOR_ATTR).unwrap_or_default();
    wasm_bindgen_futures::spawn_local(async move {
        dom_ready().await;
        mount_author(&base);
    });
}

/// Mounts the authoring app on `#llm-chronicle-author`, in the page's language.
fn mount_author(root_path: &str) {
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id(AUTHOR_MOUNT) else { return };
    let lang = document
        .document_element()
        .and_then(|h| h.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    let href = gloo::utils::window().location().href().unwrap_or_default();
    let base = web_sys::Url::new_with_base(if root_path.is_empty() { "./" } else { root_path }, &href)
        .map(|u| u.href())
        .unwrap_or_default();
    root.set_inner_html("");
    yew::Renderer::<crate::author::Author>::with_root_and_props(
        root,
        crate::author::AuthorProps { lang, base: base.into() },
    )
    .render();
}

/// Resolves once the page is parsed (at once if it already is).
async fn dom_ready() {
    let document = gloo::utils::document();
    if document.ready_state() != "loading" {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = document.add_event_listener_with_callback("DOMContentLoaded", &resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Whether the page has painted anything yet (Paint Timing), so hydrating now delays nothing.
fn painted() -> bool {
    gloo::utils::window().performance().is_some_and(|p| p.get_entries_by_type("paint").length() > 0)
}

/// Bytes of WASM linear memory in use, for the benchmark's memory figure (the JS heap does not
/// count it).
#[wasm_bindgen(js_name = llmcMemoryBytes)]
pub fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// In an iframe, tells the parent page the content height whenever it changes, as
/// `{type: "llm-chronicle:height", height}`; `embed.js` checks the sender and resizes the frame.
/// It tells it again when the parent asks (`{type: "llm-chronicle:height?"}`): `embed.js` may
/// start after the frame has first told it.
fn post_height_to_parent() {
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return;
    }
    let Some(html) = gloo::utils::document().document_element() else { return };
    let target = html.clone();
    let last = Rc::new(Cell::new(0));
    let post = {
        let last = last.clone();
        move || {
            // The content's own height (scrollHeight never drops below the frame's current height).
            let height = target.get_bounding_client_rect().height().ceil() as i32;
            if height == last.get() {
                return;
            }
            last.set(height);
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            // The parent's origin is unknown (any article may embed us); the message is only a number.
            let _ = parent.post_message(&message, "*");
        }
    };
    let post = Rc::new(post);
    // Once now (after the first render): a frame out of view on another site's page is not
    // rendered, so its observer stays silent until the reader comes near it.
    {
        let post = post.clone();
        gloo::timers::callback::Timeout::new(0, move || post()).forget();
    }
    let on_resize = {
        let post = post.clone();
        Closure::<dyn FnMut()>::new(move || post())
    };
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&html);
        if let Some(body) = gloo::utils::document().body() {
            observer.observe(&body);
        }
        std::mem::forget(observer);
    }
    on_resize.forget();
    let on_ask = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let data = js_sys::Reflect::get(&event, &"data".into()).unwrap_or_default();
        let kind = js_sys::Reflect::get(&data, &"type".into()).ok().and_then(|t| t.as_string());
        if kind.as_deref() == Some(ASK_HEIGHT_MESSAGE) {
            last.set(0);
            post();
        }
    });
    let _ = window.add_event_listener_with_callback("message", on_ask.as_ref().unchecked_ref());
    on_ask.forget();
}

/// A widget mounted by the `<llm-chronicle>` element; `destroy()` unmounts it.
#[cfg(not(feature = "lean"))]
#[wasm_bindgen]
pub struct Mounted(Option<AppHandle<App>>);

#[cfg(not(feature = "lean"))]
#[wasm_bindgen]
impl Mounted {
    pub fn destroy(&mut self) {
        if let Some(handle) = self.0.take() {
            handle.destroy();
        }
    }
}

/// Mounts a widget in `root` (inside the custom element's shadow root) with settings given as a
/// JSON object of attribute values. Never touches the page's URL. `data` is an author's dataset
/// (JSON or CSV text; embed.js fetches the shipped one when the author gives none) and
/// `data_error` says why it could not be loaded, as a JSON object of strings: `why` (`http`,
/// `timeout`, `network`, `refused`, `blocked` or `too-large`), `url`, and `status`, `origin` or
/// `bytes`.
#[cfg(not(feature = "lean"))]
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(
    root: web_sys::Element,
    settings_json: &str,
    data: Option<String>,
    data_error: Option<String>,
) -> Mounted {
    let map: std::collections::BTreeMap<String, String> = settings_json_pairs(settings_json);
    let (settings, warnings) = settings::parse(map.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    warnings.iter().for_each(|w| gloo::console::warn!(w.as_str()));
    let data = match (data, data_error) {
        (_, Some(error)) => Dataset::failed(loader_failure(&settings_json_pairs(&error))),
        (Some(text), None) => Dataset::from_text(&text),
        (None, None) => Dataset::failed(ProblemKind::Unavailable { url: String::new(), why: Unavailable::NotGiven }),
    };
    let base = map.get("_base").cloned();
    Mounted(Some(mount_with(root, settings, PageMount::default(), data, false, base)))
}

/// What embed.js's description of a failed load (see [`mount_element`]) means.
#[cfg(not(feature = "lean"))]
fn loader_failure(error: &std::collections::BTreeMap<String, String>) -> ProblemKind {
    let field = |k: &str| error.get(k).map(String::as_str).unwrap_or_default();
    let why = match field("why") {
        "too-large" => return ProblemKind::TooLarge { bytes: field("bytes").parse().ok(), limit: MAX_BYTES },
        "http" => Unavailable::Http(field("status").parse().unwrap_or(0)),
        "timeout" => Unavailable::Timeout,
        "refused" => Unavailable::Refused { origin: field("origin").to_owned() },
        "blocked" => Unavailable::Blocked,
        "none" => Unavailable::NoSource,
        _ => Unavailable::Network,
    };
    ProblemKind::Unavailable { url: field("url").to_owned(), why }
}

/// Reads `{"name": "value", …}` with the browser's own JSON parser: the loader only sends flat
/// strings, and the reader's WASM carries no JSON parser of its own for them.
#[cfg(not(feature = "lean"))]
fn settings_json_pairs(json: &str) -> std::collections::BTreeMap<String, String> {
    let Ok(value) = js_sys::JSON::parse(json) else { return Default::default() };
    object_pairs(&value)
}

/// The string fields of a JavaScript object.
#[cfg(not(feature = "lean"))]
fn object_pairs(value: &JsValue) -> std::collections::BTreeMap<String, String> {
    let Ok(entries) = js_sys::Object::entries(value.unchecked_ref()).dyn_into::<js_sys::Array>() else {
        return Default::default();
    };
    chronicle_core::sort::map_of(entries.iter().filter_map(|pair| {
        let pair: js_sys::Array = pair.dyn_into().ok()?;
        Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
    }))
}

/// Panics on purpose, so the end-to-end tests can check that a reader sees a message instead of a
/// frozen widget. Only reachable from the developer console.
#[wasm_bindgen(js_name = llmcPanicForTest)]
pub fn panic_for_test() {
    panic!("deliberate panic requested by llmcPanicForTest()");
}
