//! Story mode: stops that retell the article's argument, each zooming the timeline and
//! highlighting events, dimensions and criteria.

use chronicle_core::date::span;
use chronicle_core::i18n::{story_progress, ui};
use chronicle_core::model::StoryStop;
use chronicle_core::state::Action;
use yew::prelude::*;

use crate::app::{dispatch, use_chronicle, use_store};

#[derive(Properties, PartialEq)]
pub struct StoryProps {
    pub id_prefix: AttrValue,
}

/// The action that shows stop `index`.
pub fn go(stops: &[StoryStop], index: usize) -> Option<Action> {
    let stop = stops.get(index)?;
    let (start, end) = span(&stop.start, &stop.end)?;
    Some(Action::StoryGo { index, start, end })
}

#[function_component]
pub fn Story(props: &StoryProps) -> Html {
    let store = use_store();
    let lang = store.lang;
    let t = ui(lang);
    let c = use_chronicle();
    let stops = &c.data.story;
    if stops.is_empty() {
        return html! {};
    }
    let goto = |index: usize| {
        let store = store.clone();
        let action = go(stops, index);
        Callback::from(move |_: MouseEvent| {
            if let Some(a) = action.clone() {
                store.dispatch(a);
            }
        })
    };
    let title_id = format!("{}-story-title", props.id_prefix);

    let Some(k) = store.story.filter(|k| *k < stops.len()) else {
        return html! {
            <div class="llmc-story llmc-story-off">
                <button type="button" class="llmc-story-start" onclick={goto(0)}>{ format!("▶ {}", t.story_start) }</button>
            </div>
        };
    };
    let stop = &stops[k];
    let exit = dispatch(&store, Action::StoryExit);
    html! {
        <section class="llmc-story" aria-labelledby={title_id.clone()}>
            <div class="llmc-story-head">
                <span class="llmc-story-label">{ t.story }{ " · " }{ story_progress(k, stops.len(), lang) }</span>
                <button type="button" class="llmc-close" onclick={exit}>{ t.story_exit }</button>
            </div>
            <ol class="llmc-story-progress" aria-label={t.story_stops}>
                { for stops.iter().enumerate().map(|(i, s)| html! {
                    <li>
                        <button type="button" class={classes!("llmc-story-dot", (i <= k).then_some("llmc-story-done"))}
                                aria-current={(i == k).then_some("step")} aria-label={format!("{} {}", i + 1, s.title.get(lang))}
                                title={s.title.get(lang).to_owned()} onclick={goto(i)}>
                            { (i + 1).to_string() }
                        </button>
                    </li>
                }) }
            </ol>
            <div aria-live="polite">
                <h3 id={title_id}>{ stop.title.get(lang) }</h3>
                <p>{ stop.text.get(lang) }</p>
            </div>
            <div class="llmc-story-nav">
                <button type="button" disabled={k == 0} onclick={goto(k.saturating_sub(1))}>{ format!("← {}", t.story_prev) }</button>
                <button type="button" disabled={k + 1 >= stops.len()} onclick={goto(k + 1)}>{ format!("{} →", t.story_next) }</button>
            </div>
        </section>
    }
}
