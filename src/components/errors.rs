//! The panel that lists every problem in a dataset, as text, with its path or row and column, in
//! the reader's language.

use std::rc::Rc;

use chronicle_core::problem_text::message;
use chronicle_core::validate::Problem;
use yew::prelude::*;

use crate::app::use_store;

#[derive(Properties, PartialEq)]
pub struct DataErrorsProps {
    pub problems: Rc<Vec<Problem>>,
}

#[function_component]
pub fn DataErrors(props: &DataErrorsProps) -> Html {
    let lang = use_store().lang;
    html! {
        <div class="llmc-errors" role="alert">
            <ol>
                { for props.problems.iter().map(|p| html! {
                    <li><code>{ p.path.clone() }</code>{ ": " }{ message(p, lang) }</li>
                }) }
            </ol>
        </div>
    }
}
