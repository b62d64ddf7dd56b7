//! The root component: one reducer context shared by every view.

use std::ops::Deref;
use std::rc::Rc;

use chronicle_core::i18n::Lang;
use chronicle_core::link;
use chronicle_core::scale::Warp;
use chronicle_core::settings::Settings;
use chronicle_core::state::{Action, Choices, State, Viewport};
use chronicle_core::validate::{load_json, Problem};
use chronicle_core::{Chronicle, SHIPPED_JSON};
use yew::prelude::*;

#[cfg(not(feature = "lean"))]
use crate::components::DataErrors;
use crate::components::{
    About, Detail, Embed, EventList, Filters, Header, Matrix, OpennessMatrix, Story, Timeline, Trend,
};

/// A loaded dataset, or the problems that stopped it. Compared by pointer: it never changes in
/// place.
#[derive(Clone, Debug)]
pub struct Dataset(pub Rc<Result<Rc<Chronicle>, Vec<Problem>>>);

impl Dataset {
    /// The shipped dataset, validated: for the prerenderer and the tests. (The browser build never
    /// calls this, so the dataset stays out of the WASM; pages load it as a file.)
    pub fn shipped() -> Self {
        Dataset(Rc::new(load_json(SHIPPED_JSON).map(Rc::new)))
    }

    /// The site's own dataset file (`url`), which the build validated and named after its content:
    /// `None` when `text` is not that file (the full reader then says what is wrong). What the
    /// lean reader's WASM uses instead of [`Self::from_text`].
    pub fn built(text: &str, url: &str) -> Option<Self> {
        chronicle_core::validate::load_built(text, url).map(|c| Dataset(Rc::new(Ok(Rc::new(c)))))
    }

    /// An author's dataset (JSON or CSV), through the same validator.
    pub fn from_text(text: &str) -> Self {
        Dataset(Rc::new(chronicle_core::validate::load_any(text).map(Rc::new)))
    }

    /// A dataset that could not be obtained at all (failed fetch, timeout, too large, …).
    pub fn failed(why: chronicle_core::validate::ProblemKind) -> Self {
        Dataset(Rc::new(Err(vec![Problem::input(why)])))
    }
}

/// The dataset every view below `App` reads, through [`use_chronicle`]: given once, by `App`, and
/// only when it passed validation (a dataset with problems shows the error panel instead).
/// Compared by pointer.
#[derive(Clone, Debug)]
pub struct Loaded(pub Rc<Chronicle>);

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Loaded {
    type Target = Chronicle;
    fn deref(&self) -> &Chronicle {
        &self.0
    }
}

/// The dataset, from inside any view.
#[hook]
pub fn use_chronicle() -> Loaded {
    use_context::<Loaded>().expect("views are rendered inside <App> with a loaded dataset")
}

impl PartialEq for Dataset {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The reducer handle every view reads and dispatches to.
#[derive(Clone, Debug, PartialEq)]
pub struct Store(pub State);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(self.0.reduce(action)))
    }
}

impl Deref for Store {
    type Target = State;
    fn deref(&self) -> &State {
        &self.0
    }
}

pub type StoreHandle = UseReducerHandle<Store>;

/// The store as the views read it from context: the handle, and the reader's choices it was
/// provided with. Two of them are equal when the choices are, so a zoom or pan step (which changes
/// only the viewport, given separately through [`use_viewport`]) re-renders the timeline and no
/// other view. (A handle always reads the newest state, so reading through it is never stale.)
#[derive(Clone)]
pub struct StoreContext {
    handle: StoreHandle,
    choices: Choices,
}

impl PartialEq for StoreContext {
    fn eq(&self, other: &Self) -> bool {
        self.choices == other.choices
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub data: Dataset,
    pub lang: Lang,
    /// Prefix for every DOM id, so several widgets on one page never share one.
    #[prop_or(AttrValue::Static("llmc"))]
    pub id_prefix: AttrValue,
    /// A deep link (URL fragment) to restore at start.
    #[prop_or_default]
    pub fragment: Option<AttrValue>,
    /// Where the widget is hosted, for the "Embed" snippets.
    #[prop_or(AttrValue::Static("./"))]
    pub embed_base: AttrValue,
    /// Embed settings (view, focus, story) to apply at start, before the fragment.
    #[prop_or_default]
    pub settings: Settings,
    /// Keep the page's URL fragment in step with the state (standalone page and iframe only; an
    /// embed in someone else's article must leave their URL alone).
    #[prop_or_default]
    pub sync_url: bool,
    /// Take over from the page's start-up script (the page's first widget only): after the first
    /// render, and after any input that came during it, the event the script has selected, if
    /// any, is selected by the widget. (The first render must match the prerendered HTML, so it
    /// can't be part of it.)
    #[prop_or_default]
    pub take_early: bool,
}

impl AppProps {
    /// Props for `data` in `lang` with every other setting at its default: what a plain page and
    /// the prerenderer use.
    pub fn new(data: Dataset, lang: Lang) -> Self {
        AppProps {
            data,
            lang,
            id_prefix: "llmc".into(),
            fragment: None,
            settings: Settings::default(),
            sync_url: false,
            embed_base: "./".into(),
            take_early: false,
        }
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let store = use_reducer_eq(|| Store(initial_state(props)));
    {
        let sync = props.sync_url;
        use_effect_with(store.0.clone(), move |state| {
            if sync {
                write_fragment(&link::encode(state));
            }
        });
    }
    let root = use_node_ref();
    {
        let (store, data, root, take) = (store.clone(), props.data.clone(), root.clone(), props.take_early);
        use_effect_with((), move |_| hand_over(root, store, data, take));
    }
    let lang = store.lang;
    // The root's `lang` is kept by this effect in the browser, and written only when it differs:
    // setting it, even to the same value, restyles the whole widget (the browser recomputes
    // every descendant's language), and hydration would set it on a page of 10,000 events.
    {
        let root = root.clone();
        use_effect_with(lang, move |lang| set_lang(&root, lang.tag()));
    }
    let lang_attr = (!cfg!(target_arch = "wasm32")).then_some(lang.tag());
    let onkeydown = escape_closes(&store);
    let body = match &*props.data.0 {
        Ok(chronicle) => views(props, &store, chronicle),
        Err(problems) => errors(lang, problems),
    };
    html! {
        <ContextProvider<StoreContext> context={StoreContext { handle: store.clone(), choices: store.choices.clone() }}>
            <ContextProvider<Viewport> context={store.viewport}>
                <div class="llmc" lang={lang_attr} ref={root} {onkeydown}>
                    { body }
                </div>
            </ContextProvider<Viewport>>
        </ContextProvider<StoreContext>>
    }
}

/// The error panel, for a dataset with problems.
#[cfg(not(feature = "lean"))]
fn errors(lang: Lang, problems: &[Problem]) -> Html {
    html! {
        <>
            <Header title={AttrValue::Static(chronicle_core::i18n::ui(lang).data_error_title)} />
            <DataErrors problems={Rc::new(problems.to_vec())} {lang} />
        </>
    }
}

/// The lean reader mounts only a valid dataset (it hands anything else to the full reader, see
/// `browser::start`), so it carries no error panel and its problem reports.
#[cfg(feature = "lean")]
fn errors(_: Lang, _: &[Problem]) -> Html {
    Html::default()
}

/// The state at start: the embed settings, then the deep link, applied to a fresh state.
fn initial_state(props: &AppProps) -> State {
    match &*props.data.0 {
        Ok(c) => {
            let fresh = State::new(props.lang, c.extent(), c.focus_warp().clone());
            let fresh = link::restore(fresh, &link::from_settings(&props.settings, c), c);
            match &props.fragment {
                Some(f) => link::restore(fresh, &link::decode(f, c), c),
                None => fresh,
            }
        }
        Err(_) => State::new(props.lang, (2000.0, 2025.0), Warp::Identity),
    }
}

/// Escape anywhere in the widget closes the details.
fn escape_closes(store: &StoreHandle) -> Callback<KeyboardEvent> {
    let store = store.clone();
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" && store.selected.is_some() {
            e.prevent_default();
            store.dispatch(Action::ClearSelection);
        }
    })
}

/// Every view of a loaded dataset, in page order, with the dataset given to them as a context.
fn views(props: &AppProps, store: &StoreHandle, chronicle: &Rc<Chronicle>) -> Html {
    let lang = store.lang;
    html! {
        <ContextProvider<Loaded> context={Loaded(chronicle.clone())}>
            <Header title={AttrValue::from(chronicle.data.title.get(lang).to_owned())} />
            <Embed base={props.embed_base.clone()} id_prefix={props.id_prefix.clone()} />
            // Stable wrappers around the optional views: yew's diff mishandles a multi-node
            // `if` block whose siblings change (a panic in `insertBefore`).
            <Filters id_prefix={props.id_prefix.clone()} />
            <div class="llmc-view llmc-view-timeline">
                if store.view.shows_timeline() {
                    <Story id_prefix={props.id_prefix.clone()} />
                    <Timeline id_prefix={props.id_prefix.clone()} />
                }
            </div>
            <Detail id_prefix={props.id_prefix.clone()} />
            // Below the timeline, no one sees it at first: kept as text until the start-up
            // script needs it (`boot::protocol::DEFER_ATTR`).
            <div class="llmc-below" data-llmc-defer="">
                <div class="llmc-view llmc-view-matrix">
                    if store.view.shows_matrix() {
                        <Trend id_prefix={props.id_prefix.clone()} />
                        <Matrix id_prefix={props.id_prefix.clone()} />
                        <OpennessMatrix id_prefix={props.id_prefix.clone()} />
                    }
                </div>
                <EventList id_prefix={props.id_prefix.clone()} {lang} />
                <About {lang} />
            </div>
        </ContextProvider<Loaded>>
    }
}

/// Ends the start-up script's watch after the first render: the mount element stops being inert
/// (the script steps aside as it sees that), and with `take` the event the script selected is
/// selected here, or its marks are taken back if this dataset has no such event. A click that came
/// while the widget was hydrating goes first, to the script, which answers it at once (the
/// widget's first update would keep it waiting for a while).
#[cfg(target_arch = "wasm32")]
fn hand_over(root: NodeRef, store: StoreHandle, data: Dataset, take: bool) {
    let finish = move || {
        let Some(el) = root.cast::<web_sys::Element>() else { return };
        if let Some(mount) = el.parent_element() {
            let _ = mount.class_list().remove_1(crate::boot::protocol::INERT);
        }
        let Some(id) = take.then(crate::dom::take_early_select).flatten() else { return };
        match &*data.0 {
            Ok(c) if c.find(&id).is_some() => {
                if store.selected.as_deref() != Some(id.as_str()) {
                    store.dispatch(Action::Select(id));
                }
            }
            _ => crate::dom::clear_early(&el),
        }
    };
    crate::dom::after_pending_input(finish);
}

#[cfg(not(target_arch = "wasm32"))]
fn hand_over(_: NodeRef, _: StoreHandle, _: Dataset, _: bool) {}

/// Sets the widget root's `lang` to `tag` unless it already is.
#[cfg(target_arch = "wasm32")]
fn set_lang(root: &NodeRef, tag: &str) {
    if let Some(el) = root.cast::<web_sys::Element>() {
        if el.get_attribute("lang").as_deref() != Some(tag) {
            let _ = el.set_attribute("lang", tag);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn set_lang(_: &NodeRef, _: &str) {}

/// A callback that dispatches `action` to `store`, whatever the DOM event (after Yew's
/// `function_todomvc`'s `make_callback`).
pub fn dispatch<E>(store: &StoreHandle, action: Action) -> Callback<E> {
    let store = store.clone();
    Callback::from(move |_| store.dispatch(action.clone()))
}

/// The store, from inside any view. The view re-renders when the reader's choices change, not
/// at zoom and pan steps.
#[hook]
pub fn use_store() -> StoreHandle {
    use_context::<StoreContext>().expect("views are rendered inside <App>").handle
}

/// Where the timeline looks, from inside a view that follows every zoom and pan step.
#[hook]
pub fn use_viewport() -> Viewport {
    use_context::<Viewport>().expect("views are rendered inside <App>")
}

/// Replaces the URL fragment without adding a history entry, so moving around never floods the
/// back button. A fresh visit with no fragment keeps a clean URL until the reader changes something.
#[cfg(target_arch = "wasm32")]
fn write_fragment(fragment: &str) {
    let window = gloo::utils::window();
    let current = window.location().hash().unwrap_or_default();
    let current = current.trim_start_matches('#');
    if current == fragment || (current.is_empty() && !fragment.contains('&')) {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{fragment}")));
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn write_fragment(_: &str) {}
