//! The rubric beside the openness matrix: for each criterion, what counts as open, partial and
//! closed, and the evidence each level needs; with the date the data is current to.

use chronicle_core::i18n::{data_as_of, level_name, ui, Lang};
use chronicle_core::matrix::{level_slug, level_symbol};
use chronicle_core::model::Level;
use yew::prelude::*;

use crate::app::use_chronicle;

#[derive(Properties, PartialEq)]
pub struct RubricProps {
    pub lang: Lang,
}

#[function_component]
pub fn Rubric(props: &RubricProps) -> Html {
    let (lang, t) = (props.lang, ui(props.lang));
    let c = use_chronicle();
    let criteria: Vec<_> = c.data.criteria.iter().filter(|k| k.levels.is_some()).collect();
    let as_of = c.data.as_of.as_deref().map(|d| data_as_of(d, lang));
    if criteria.is_empty() && as_of.is_none() {
        return html! {};
    }
    let head = |l: Level| {
        html! {
            <th scope="col">
                <span aria-hidden="true" class={classes!("llmc-symbol", format!("llmc-level-{}", level_slug(l)))}>{ level_symbol(l) }</span>
                { " " }{ level_name(l, lang) }
            </th>
        }
    };
    html! {
        <details class="llmc-rubric">
            <summary>{ t.rubric }</summary>
            if let Some(as_of) = as_of {
                <p class="llmc-as-of">{ as_of }</p>
            }
            if !criteria.is_empty() {
                <div class="llmc-matrix-frame">
                    <table class="llmc-rubric-table">
                        <caption>{ t.rubric }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ t.criterion }</th>
                                { head(Level::Open) }{ head(Level::Partial) }{ head(Level::Closed) }
                            </tr>
                        </thead>
                        <tbody>
                            { for criteria.iter().map(|k| {
                                let levels = k.levels.as_ref();
                                let cell = |l: Level| levels.and_then(|r| r.get(l)).map(|text| text.get(lang).to_owned()).unwrap_or_default();
                                html! {
                                    <tr>
                                        <th scope="row">{ k.name.get(lang) }</th>
                                        <td>{ cell(Level::Open) }</td>
                                        <td>{ cell(Level::Partial) }</td>
                                        <td>{ cell(Level::Closed) }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </details>
    }
}
