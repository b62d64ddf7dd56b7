//! The panel that lists every problem in a dataset, as text, where it is (a JSON path with its
//! line and column, or a CSV row, column and cell) and what is wrong, in the reader's language.
//! What it says is decided by `chronicle_core::problem::report`.

use std::rc::Rc;

use chronicle_core::i18n::Lang;
use chronicle_core::problem::report;
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
    let r = report(&props.problems, props.lang);
    html! {
        <div class="llmc-errors" role="alert">
            <p>{ r.count }</p>
            <ol>
                { for r.items.into_iter().map(|item| html! {
                    <li>
                        if !item.place.is_empty() {
                            <code>{ item.place }</code>{ item.colon }
                        }
                        { item.what }
                        if let Some([before, at, after]) = item.excerpt {
                            // The broken line, the position marked; the place above says it in words.
                            <pre class="llmc-errors-line"><code>{ before }<mark>{ if at.is_empty() { " ".to_owned() } else { at } }</mark>{ after }</code></pre>
                        }
                    </li>
                }) }
            </ol>
            if let Some(more) = r.more {
                <p>{ more }</p>
            }
        </div>
    }
}
