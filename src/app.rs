//! The root component: one reducer context shared by every view.

use std::ops::Deref;
use std::rc::Rc;

use chronicle_core::i18n::{ui, Lang};
use chronicle_core::scale::Warp;
use chronicle_core::state::{Action, State};
use chronicle_core::validate::{load_json, Problem};
use chronicle_core::{Chronicle, SHIPPED_JSON};
use yew::prelude::*;

use crate::components::{About, DataErrors, Detail, Header, Matrix, OpennessMatrix, Story, Timeline};

/// A loaded dataset, or the problems that stopped it. Compared by pointer: it never changes in
/// place.
#[derive(Clone, Debug)]
pub struct Data(pub Rc<Result<Chronicle, Vec<Problem>>>);

impl Data {
    /// The dataset embedded in the build, validated.
    pub fn shipped() -> Self {
        Data(Rc::new(load_json(SHIPPED_JSON)))
    }
}

impl PartialEq for Data {
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

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub data: Data,
    pub lang: Lang,
    /// Prefix for every DOM id, so several widgets on one page never share one.
    #[prop_or(AttrValue::Static("llmc"))]
    pub id_prefix: AttrValue,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let store = use_reducer_eq(|| {
        Store(match &*props.data.0 {
            Ok(c) => State::new(props.lang, c.extent(), c.focus_warp().clone()),
            Err(_) => State::new(props.lang, (2000.0, 2025.0), Warp::Identity),
        })
    });
    let lang = store.lang;
    let onkeydown = {
        let store = store.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && store.selected.is_some() {
                e.prevent_default();
                store.dispatch(Action::ClearSelection);
            }
        })
    };
    let body = match &*props.data.0 {
        Ok(chronicle) => {
            let data = props.data.clone();
            html! {
                <>
                    <Header title={AttrValue::from(chronicle.data.title.get(lang).to_owned())} />
                    <Story data={data.clone()} id_prefix={props.id_prefix.clone()} />
                    <Timeline data={data.clone()} id_prefix={props.id_prefix.clone()} />
                    <Detail data={data.clone()} id_prefix={props.id_prefix.clone()} />
                    <Matrix data={data.clone()} id_prefix={props.id_prefix.clone()} />
                    <OpennessMatrix data={data.clone()} id_prefix={props.id_prefix.clone()} />
                    <About {data} />
                </>
            }
        }
        Err(problems) => html! {
            <>
                <Header title={AttrValue::Static(ui(lang).data_error_title)} />
                <DataErrors problems={Rc::new(problems.clone())} />
            </>
        },
    };
    html! {
        <ContextProvider<StoreHandle> context={store.clone()}>
            <div class="llmc" lang={lang.tag()} {onkeydown}>
                { body }
            </div>
        </ContextProvider<StoreHandle>>
    }
}

/// The store, from inside any view.
#[hook]
pub fn use_store() -> StoreHandle {
    use_context::<StoreHandle>().expect("views are rendered inside <App>")
}
