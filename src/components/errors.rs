//! The panel that lists every problem in a dataset, as text, with its path.

use std::rc::Rc;

use chronicle_core::validate::Problem;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataErrorsProps {
    pub problems: Rc<Vec<Problem>>,
}

#[function_component]
pub fn DataErrors(props: &DataErrorsProps) -> Html {
    html! {
        <div class="llmc-errors" role="alert">
            <ol>
                { for props.problems.iter().map(|p| html! {
                    <li><code>{ p.path.clone() }</code>{ ": " }{ p.message.clone() }</li>
                }) }
            </ol>
        </div>
    }
}
