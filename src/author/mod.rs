//! The authoring page (`author.html`, `en/author.html`): an author drops, pastes or loads a JSON
//! or CSV dataset, sees every problem at once (each one a click away from its line), previews the
//! widget with their data once it is valid, and takes the embed snippets for where they host it.
//! Everything happens in the browser: the only request is the author's own URL, when they ask.
//!
//! The checking is the validator's (`chronicle_core::validate::load_any`), the snippets are
//! `chronicle_core::embed::snippets_for`'s, and where a problem is comes from
//! `chronicle_core::author`: this file wires them to the page.

use std::rc::Rc;

use chronicle_core::embed::{snippets_for, Spec};
use chronicle_core::i18n::{author_ui, ui, Lang};
use chronicle_core::settings::Theme;
use chronicle_core::state::View;
use yew::prelude::*;

use crate::app::{App, AppProps, Dataset};

mod io;

#[derive(Properties, PartialEq)]
pub struct AuthorProps {
    pub lang: Lang,
    /// Where the widget is hosted (for the snippets): the folder of this page.
    pub base: AttrValue,
}

/// The author's text and what the validator made of it.
#[derive(Clone, PartialEq)]
struct Checked {
    text: Rc<str>,
    data: Option<Dataset>,
}

#[function_component]
pub fn Author(props: &AuthorProps) -> Html {
    let lang = props.lang;
    let w = author_ui(lang);
    let checked = use_state(|| Checked { text: "".into(), data: None });
    let busy = use_state_eq(|| false);
    let fetch_error = use_state_eq(|| None::<String>);
    let spec = use_state(|| Spec { lang, ..Spec::default() });
    let textarea = use_node_ref();

    let set_text = {
        let checked = checked.clone();
        Callback::from(move |text: String| {
            let data = (!text.trim().is_empty()).then(|| Dataset::from_text(&text));
            checked.set(Checked { text: text.into(), data });
        })
    };
    let oninput = {
        let set_text = set_text.clone();
        Callback::from(move |e: InputEvent| set_text.emit(io::value_of(&e)))
    };
    let on_file = io::on_file(set_text.clone());
    let on_drop = io::on_drop(set_text.clone());
    let url_ref = use_node_ref();
    let on_load = io::on_load(url_ref.clone(), set_text.clone(), busy.clone(), fetch_error.clone(), lang);

    let ids = |s: &str| format!("llmc-author-{s}");
    let problems = match &checked.data {
        Some(Dataset(result)) => match &**result {
            Ok(c) => html! { <p class="llmc-author-ok">{ (w.valid)(c.events().len()) }</p> },
            Err(problems) => html! {
                <>
                    <p>{ (w.problems)(problems.len()) }</p>
                    <ol class="llmc-author-problems">
                        { for problems.iter().map(|p| problem_item(p, lang, &checked.text, &textarea)) }
                    </ol>
                </>
            },
        },
        None => html! { <p>{ w.empty }</p> },
    };
    let valid = checked.data.as_ref().and_then(|d| d.0.as_ref().as_ref().ok().cloned());
    let preview = match (&checked.data, &valid) {
        (Some(data), Some(_)) => {
            html! { <App ..AppProps { id_prefix: "llmc-preview".into(), ..AppProps::new(data.clone(), lang) } /> }
        }
        _ => html! {},
    };

    html! {
        <div class="llmc llmc-author" lang={lang.tag()}>
            <p>{ w.intro }</p>
            <section aria-labelledby={ids("templates")}>
                <h2 id={ids("templates")}>{ w.step_templates }</h2>
                <ul>
                    <li><a href={format!("{}templates/events.csv", props.base)} download="events.csv">{ w.csv_template }</a></li>
                    <li><a href={format!("{}templates/chronicle.json", props.base)} download="chronicle.json">{ w.json_template }</a></li>
                    <li><a href={format!("{}chronicle.schema.json", props.base)} download="chronicle.schema.json">{ w.schema }</a></li>
                </ul>
            </section>
            <section aria-labelledby={ids("data")}>
                <h2 id={ids("data")}>{ w.step_data }</h2>
                <div class="llmc-author-drop" ondragover={io::allow_drop()} ondrop={on_drop}>
                    { w.drop }{ " " }
                    <label class="llmc-author-file">
                        { w.choose_file }
                        <input type="file" accept=".json,.csv,application/json,text/csv" onchange={on_file} />
                    </label>
                </div>
                <label for={ids("text")}>{ w.paste }</label>
                <textarea id={ids("text")} ref={textarea} rows="12" spellcheck="false" value={checked.text.to_string()} {oninput} />
                <div class="llmc-author-url">
                    <label for={ids("url")}>{ w.from_url }</label>
                    <input id={ids("url")} type="url" ref={url_ref} placeholder="https://" />
                    <button type="button" onclick={on_load} disabled={*busy}>{ if *busy { w.loading } else { w.load } }</button>
                </div>
                if let Some(error) = &*fetch_error {
                    <p class="llmc-author-error" role="alert">{ error }</p>
                }
            </section>
            <section aria-labelledby={ids("check")}>
                <h2 id={ids("check")}>{ w.step_check }</h2>
                <div role="status" aria-live="polite">{ problems }</div>
            </section>
            <section aria-labelledby={ids("preview")} class="llmc-author-preview">
                <h2 id={ids("preview")}>{ w.step_preview }</h2>
                { preview }
            </section>
            <section aria-labelledby={ids("embed")}>
                <h2 id={ids("embed")}>{ w.step_embed }</h2>
                { embed_form(&spec, valid.as_deref(), lang, &props.base) }
            </section>
        </div>
    }
}

/// One problem: where, what, and a button that selects its line in the text when it names one.
fn problem_item(p: &chronicle_core::validate::Problem, lang: Lang, text: &Rc<str>, textarea: &NodeRef) -> Html {
    use chronicle_core::author::{line_of, line_span_utf16};
    let span = line_of(&p.at).and_then(|line| line_span_utf16(text, line).map(|s| (line, s)));
    let go = span.map(|(line, (start, end))| {
        let textarea = textarea.clone();
        let onclick = Callback::from(move |_: MouseEvent| io::select_range(&textarea, start, end));
        html! { <button type="button" class="llmc-link-button" {onclick}>{ (author_ui(lang).go_to)(line) }</button> }
    });
    html! { <li>{ p.line(lang) }{ " " }{ go.unwrap_or_default() }</li> }
}

/// The settings and the two snippets with their copy buttons.
fn embed_form(spec: &UseStateHandle<Spec>, c: Option<&chronicle_core::Chronicle>, lang: Lang, base: &str) -> Html {
    let w = author_ui(lang);
    let t = ui(lang);
    let Some(c) = c else { return html! { <p>{ w.need_valid }</p> } };
    let set = |f: fn(&mut Spec, String)| {
        let spec = spec.clone();
        Callback::from(move |e: Event| {
            let mut next = (*spec).clone();
            f(&mut next, io::event_value(&e));
            spec.set(next);
        })
    };
    let on_url = {
        let spec = spec.clone();
        Callback::from(move |e: InputEvent| {
            let v = io::value_of(&e);
            spec.set(Spec { data: (!v.trim().is_empty()).then(|| v.trim().to_owned()), ..(*spec).clone() });
        })
    };
    let options = |pairs: Vec<(String, String)>, current: String| {
        pairs
            .into_iter()
            .map(|(value, label)| {
                let selected = value == current;
                html! { <option {selected} {value}>{ label }</option> }
            })
            .collect::<Html>()
    };
    let views = [View::Both, View::Timeline, View::Matrix];
    let themes = [Theme::Auto, Theme::Light, Theme::Dark];
    let theme_code = |t: Theme| match t {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let snippets = spec.data.as_ref().map(|_| snippets_for(base, spec));
    html! {
        <div class="llmc-author-embed">
            <label for="llmc-author-data-url">{ w.data_url }</label>
            <input id="llmc-author-data-url" type="url" placeholder="https://" value={spec.data.clone().unwrap_or_default()} oninput={on_url} aria-describedby="llmc-author-data-url-hint" />
            <p class="llmc-hint" id="llmc-author-data-url-hint">{ w.data_url_hint }</p>
            <div class="llmc-author-settings">
                <label>{ w.language }
                    <select onchange={set(|s, v| s.lang = Lang::from_tag(&v).unwrap_or_default())}>
                        { options(vec![("zh".into(), "中文".into()), ("en".into(), "English".into())], spec.lang.code().into()) }
                    </select>
                </label>
                <label>{ w.view }
                    <select onchange={set(|s, v| s.view = View::from_slug(&v).unwrap_or_default())}>
                        { options(views.iter().zip(w.views).map(|(v, l)| (v.slug().to_owned(), l.to_owned())).collect(), spec.view.slug().into()) }
                    </select>
                </label>
                <label>{ w.theme }
                    <select onchange={set(|s, v| s.theme = match v.as_str() { "light" => Theme::Light, "dark" => Theme::Dark, _ => Theme::Auto })}>
                        { options(themes.iter().zip(w.themes).map(|(t, l)| (theme_code(*t).to_owned(), l.to_owned())).collect(), theme_code(spec.theme).into()) }
                    </select>
                </label>
                <label>{ w.focus }
                    <select onchange={set(|s, v| s.focus = (!v.is_empty()).then_some(v))}>
                        { options(std::iter::once((String::new(), w.none.to_owned())).chain(c.events().iter().map(|e| (e.id.clone(), e.name.get(lang).to_owned()))).collect(), spec.focus.clone().unwrap_or_default()) }
                    </select>
                </label>
                <label>{ w.height }
                    <input type="number" min="200" max="20000" step="10" value={spec.height.map(|h| h.to_string()).unwrap_or_default()}
                        onchange={set(|s, v| s.height = v.parse().ok().filter(|h| (200..=20_000).contains(h)))} />
                </label>
            </div>
            if let Some((iframe, element)) = snippets {
                <io::Snippet label={t.embed_iframe} code={iframe} {lang} />
                <io::Snippet label={t.embed_element} code={element} {lang} />
            } else {
                <p>{ w.need_url }</p>
            }
        </div>
    }
}
