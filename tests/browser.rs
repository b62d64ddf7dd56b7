//! Browser tests (`wasm-bindgen-test` in headless Chromium): mount the real widget, drive it with
//! real DOM events, and read the DOM back.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits (yielding to the event loop, at most ~2 s) until `cond` holds; fails the test otherwise.
async fn wait_for(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..200 {
        if cond() {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting for {what}");
}

fn fresh_root() -> web_sys::Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    // A wide root, so the horizontal timeline (not the narrow vertical list) is under test.
    root.set_attribute("style", "width: 1000px").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

fn query(root: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).unwrap()
}

#[wasm_bindgen_test]
async fn clicking_an_event_shows_its_details() {
    let root = fresh_root();
    let _app = llm_chronicle::mount(root.clone(), llm_chronicle::Dataset::shipped(), false);
    wait_for("the timeline to render", || query(&root, r#"[data-event-id="gpt-3"]"#).is_some()).await;
    assert!(query(&root, ".llmc-detail").is_none(), "no panel before a selection");

    let target = query(&root, r#"[data-event-id="gpt-3"]"#).unwrap();
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    target.dispatch_event(&click).unwrap();

    wait_for("the detail panel", || query(&root, ".llmc-detail").is_some()).await;
    let panel = query(&root, ".llmc-detail").unwrap().text_content().unwrap();
    assert!(panel.contains("GPT-3"), "{panel}");
    assert!(panel.contains("2020-05-28"), "{panel}");
    assert!(panel.contains("175B"), "{panel}");
    let pressed = || query(&root, r#"[data-event-id="gpt-3"]"#).and_then(|e| e.get_attribute("aria-pressed"));
    wait_for("the event to show as pressed", || pressed().as_deref() == Some("true")).await;
    let others = root.query_selector_all(r#"[data-event-id][aria-pressed="true"]"#).unwrap().length();
    assert_eq!(others, 1, "one event is pressed");
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_have_distinct_ids_and_state() {
    let a = fresh_root();
    let b = fresh_root();
    let _x = llm_chronicle::mount(a.clone(), llm_chronicle::Dataset::shipped(), false);
    let _y = llm_chronicle::mount(b.clone(), llm_chronicle::Dataset::shipped(), false);
    // The first table with an id (the trend chart's tables, in a disclosure, have none).
    let table = r#"table[id]"#;
    wait_for("both widgets", || query(&a, table).is_some() && query(&b, table).is_some()).await;
    let id_a = query(&a, table).unwrap().id();
    let id_b = query(&b, table).unwrap().id();
    assert!(!id_a.is_empty());
    assert_ne!(id_a, id_b);

    let bert = query(&a, r#"[data-event-id="bert"]"#).unwrap().dyn_into::<web_sys::SvgElement>().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    let enter = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    bert.dispatch_event(&enter).unwrap();
    wait_for("widget A's panel", || query(&a, ".llmc-detail").is_some()).await;
    assert!(query(&b, ".llmc-detail").is_none(), "selecting in one widget leaves the other alone");
}

#[wasm_bindgen_test]
async fn an_event_clicked_before_the_widget_took_over_is_selected_once_it_has() {
    use llm_chronicle::{App, AppProps, Dataset};
    let mount = |early: &'static str, prefix: &'static str| {
        // What the start-up script leaves when a reader clicks an event before the widget runs.
        let window = gloo::utils::window();
        js_sys::Reflect::set(&window, &llm_chronicle::EARLY_SELECT.into(), &early.into()).unwrap();
        let root = fresh_root();
        root.set_class_name("llmc-inert");
        let props = AppProps {
            take_early: true,
            id_prefix: prefix.into(),
            ..AppProps::new(Dataset::shipped(), chronicle_core::i18n::Lang::En)
        };
        (root.clone(), yew::Renderer::<App>::with_root_and_props(root, props).render())
    };
    let taken =
        || js_sys::Reflect::get(&gloo::utils::window(), &llm_chronicle::EARLY_SELECT.into()).unwrap().is_undefined();
    let (root, _a) = mount("bert", "early");
    wait_for("the taken-over selection's panel", || query(&root, ".llmc-detail").is_some()).await;
    assert!(!root.class_list().contains("llmc-inert"), "the widget took over");
    assert!(taken(), "the script's selection is taken over once");
    let panel = query(&root, ".llmc-detail").unwrap().text_content().unwrap();
    assert!(panel.contains("BERT"), "{panel}");
    let pressed = || query(&root, r#"[data-event-id="bert"]"#).and_then(|e| e.get_attribute("aria-pressed"));
    wait_for("BERT to show as pressed", || pressed().as_deref() == Some("true")).await;
    // A second widget "clicked" on an id its dataset does not have: ignored.
    let (other, _b) = mount("no-such-event", "early2");
    wait_for("the second widget to take over", || !other.class_list().contains("llmc-inert")).await;
    assert!(taken());
    assert!(query(&other, "table").is_some(), "the second widget rendered");
    assert!(query(&other, ".llmc-detail").is_none(), "an unknown id selects nothing");
}

/// The span in years of the timeline's window label ("1948 – 2026").
fn label_span(root: &web_sys::Element) -> f64 {
    let text = query(root, ".llmc-window").unwrap().text_content().unwrap();
    let years: Vec<f64> = text.split('–').map(|y| y.trim().parse().unwrap()).collect();
    years[1] - years[0]
}

#[wasm_bindgen_test]
async fn a_wheel_zoom_previews_then_sets_the_state_once_and_a_button_acts_on_what_is_shown() {
    let root = fresh_root();
    let _app = llm_chronicle::mount(root.clone(), llm_chronicle::Dataset::shipped(), false);
    wait_for("the timeline to render", || query(&root, ".llmc-timeline-frame").is_some()).await;
    let full = label_span(&root);
    let frame = query(&root, ".llmc-timeline-frame").unwrap();
    let rect = frame.get_bounding_client_rect();
    let init = web_sys::WheelEventInit::new();
    init.set_delta_y(-300.0);
    init.set_ctrl_key(true);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_client_x((rect.left() + rect.width() / 2.0) as i32);
    init.set_client_y((rect.top() + 40.0) as i32);
    // The widget adds its wheel listener after its first render: the first wheel it gets is the
    // first one cancelled (the page itself would zoom otherwise).
    let mut cancelled = false;
    for _ in 0..200 {
        let wheel = web_sys::WheelEvent::new_with_event_init_dict("wheel", &init).unwrap();
        frame.dispatch_event(&wheel).unwrap();
        if wheel.default_prevented() {
            cancelled = true;
            break;
        }
        gloo::timers::future::TimeoutFuture::new(10).await;
    }
    assert!(cancelled, "Ctrl+wheel over the timeline is cancelled, so it does not zoom the page");
    // The step moved the drawn items at once, without a new layout or a state change.
    assert!(query(&root, "[data-px][transform]").is_some(), "the items are moved, not drawn again");
    assert_eq!(label_span(&root), full, "the state waits for the gesture to pause");
    // Without a further step the gesture ends, and the state gets the window it showed.
    wait_for("the plot laid out again", || query(&root, "[data-px][transform]").is_none()).await;
    wait_for("the label to show the zoomed window", || label_span(&root) < full * 0.7).await;
    let zoomed = label_span(&root);
    assert!(zoomed < full * 0.7, "the label shows the zoomed window: {zoomed} of {full} years");
    // "Zoom in" while a gesture still runs zooms from the window shown, not from the state's.
    frame.dispatch_event(&web_sys::WheelEvent::new_with_event_init_dict("wheel", &init).unwrap()).unwrap();
    assert!(query(&root, "[data-px][transform]").is_some(), "a second gesture runs");
    let zoom_in =
        query(&root, r#".llmc-toolbar button[aria-label]"#).unwrap().dyn_into::<web_sys::HtmlElement>().unwrap();
    zoom_in.click();
    wait_for("the plot laid out again", || query(&root, "[data-px][transform]").is_none()).await;
    let both = label_span(&root);
    assert!(both < zoomed * 0.4, "the button zoomed from the wheel's window: {both} after {zoomed} of {full}");
}

/// A dataset download stops at the chunk that passes the limit (an endless body would otherwise
/// never end), or before reading when the declared length is over it; a body under it reads
/// whole.
#[wasm_bindgen_test]
async fn a_download_is_refused_as_soon_as_it_passes_the_limit() {
    use chronicle_core::problem::ProblemKind;
    use llm_chronicle::browser::read_capped;
    let make = js_sys::Function::new_no_args(
        "let pulled = 0;
         const endless = new ReadableStream({ pull(c) { pulled += 1; c.enqueue(new Uint8Array(1024)); } });
         return {
           endless: new Response(endless),
           declared: new Response('x'.repeat(100), { headers: { 'content-length': '100' } }),
           small: new Response('中文'.repeat(1000)),
           pulled: () => pulled,
         };",
    );
    let made = make.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    let get = |k: &str| js_sys::Reflect::get(&made, &k.into()).unwrap();
    let response = |k: &str| get(k).unchecked_into::<web_sys::Response>();
    let refused = read_capped(&response("endless"), 10_000).await.unwrap_err().unwrap();
    assert_eq!(refused, ProblemKind::TooLarge { bytes: None, limit: 10_000 });
    let pulled = get("pulled").unchecked_into::<js_sys::Function>().call0(&wasm_bindgen::JsValue::NULL).unwrap();
    assert!(pulled.as_f64().unwrap() <= 20.0, "read {pulled:?} chunks of 1 KiB for a 10 KB limit");
    let refused = read_capped(&response("declared"), 50).await.unwrap_err().unwrap();
    assert_eq!(refused, ProblemKind::TooLarge { bytes: Some(100), limit: 50 });
    assert_eq!(read_capped(&response("small"), 10_000).await.unwrap(), "中文".repeat(1000));
}
