//! The timeline's toolbar: zoom and pan buttons, the even-time switch, zoom to an era, the image
//! downloads, and the window shown, announced politely.

use chronicle_core::i18n::{ui, window_label};
use chronicle_core::keys::ZOOM_STEP;
use chronicle_core::state::{Action, Viewport};
use yew::prelude::*;

use super::gesture::Steps;
use crate::app::Loaded;

/// The toolbar for the state `steps` acts on, at `viewport`. A button acts on the window the
/// reader sees: a running gesture ends first. The era menu (`era_menu`) shows the era on screen,
/// if the window is exactly one (see [`use_era_menu`]).
pub fn toolbar(steps: &Steps, c: &Loaded, viewport: Viewport, era_menu: &NodeRef) -> Html {
    let shown = steps.store.era_shown(c);
    let store = &steps.store;
    let (lang, t) = (store.lang, ui(store.lang));
    let act = |action: Action| {
        let steps = steps.clone();
        Callback::from(move |_: MouseEvent| {
            steps.end();
            steps.store.dispatch(action.clone())
        })
    };
    let era_select = {
        let (steps, c) = (steps.clone(), c.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Ok(i) = value.parse::<usize>() {
                steps.zoom_to_era(&c, i);
            }
        })
    };
    html! {
        <div class="llmc-toolbar" role="toolbar" aria-label={t.timeline_controls}>
            <button type="button" aria-label={t.zoom_in} title={t.zoom_in} onclick={act(Action::Zoom { factor: ZOOM_STEP, anchor: 0.5 })}>{ "+" }</button>
            <button type="button" aria-label={t.zoom_out} title={t.zoom_out} disabled={viewport.is_zoomed_out()} onclick={act(Action::Zoom { factor: 1.0 / ZOOM_STEP, anchor: 0.5 })}>{ "−" }</button>
            <button type="button" aria-label={t.earlier} title={t.earlier} disabled={viewport.window.0 <= viewport.bounds.0} onclick={act(Action::Pan { fraction: -0.5 })}>{ "←" }</button>
            <button type="button" aria-label={t.later} title={t.later} disabled={viewport.window.1 >= viewport.bounds.1} onclick={act(Action::Pan { fraction: 0.5 })}>{ "→" }</button>
            <button type="button" disabled={viewport.is_zoomed_out()} onclick={act(Action::ResetView)}>{ t.show_all }</button>
            <button type="button" aria-pressed={store.even_time.to_string()} title={t.even_time_hint}
                    onclick={act(Action::SetEvenTime(!store.even_time))}>{ t.even_time }</button>
            <button type="button" aria-pressed={store.all_edges.to_string()} title={t.all_edges_hint}
                    onclick={act(Action::SetAllEdges(!store.all_edges))}>{ t.all_edges }</button>
            <label class="llmc-era-select">
                <span>{ t.zoom_to_era }</span>
                <select ref={era_menu.clone()} onchange={era_select}>
                    <option value="" selected={shown.is_none()}>{ "—" }</option>
                    { for c.data.eras.iter().enumerate().map(|(i, era)| html! {
                        <option value={i.to_string()} selected={shown == Some(i)}>{ era.name.get(lang) }</option>
                    }) }
                </select>
            </label>
            { super::export::downloads(steps, c) }
            <span class="llmc-window" aria-live="polite">{ window_label(viewport.window, lang) }</span>
        </div>
    }
}

/// Keeps the era menu on the era shown, or on "—" once the reader zooms or pans elsewhere. (An
/// option's `selected` attribute stops counting once the reader has chosen one, so the menu's
/// value is set.)
#[hook]
pub fn use_era_menu(era_menu: &NodeRef, shown: Option<usize>) {
    let era_menu = era_menu.clone();
    use_effect_with(shown, move |shown| {
        if let Some(select) = era_menu.cast::<web_sys::HtmlSelectElement>() {
            select.set_value(&shown.map(|i| i.to_string()).unwrap_or_default());
        }
    });
}
