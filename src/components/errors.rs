//! The panel that lists every problem in a dataset, as text, with its path or row and column, in
//! the reader's language.

use std::rc::Rc;

use chronicle_core::i18n::Lang;
use chronicle_core::validate::Problem;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataErrorsProps {
    /// Passed down rather than read from the store, so changes of zoom, filters or selection
    /// never re-render this view.
    pub lang: Lang,
    pub problems: Rc<Vec<Problem>>,
}

#[function_component]
pub fn DataErrors(props: &DataErrorsProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="llmc-errors" role="alert">
            <ol>
                { for props.problems.iter().map(|p| html! {
                    <li><code>{ p.path.clone() }</code>{ ": " }{ p.text(lang) }</li>
                }) }
            </ol>
        </div>
    }
}
