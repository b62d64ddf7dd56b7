//! The toolbar's image downloads: the timeline as the reader sees it, as an SVG or a PNG file.
//! The core draws the image ([`chronicle_core::scene::export`]); this module reads what only the
//! page knows (the window shown during a gesture, the measured width, the theme, the page's
//! address) and saves the file in the browser.

use chronicle_core::i18n::ui;
use yew::prelude::*;

use super::gesture::Steps;
use crate::app::Loaded;

/// The formats' names, the buttons' visible text: the same in both languages (each button's
/// accessible name, in the reader's language, contains it).
const SVG: &str = "SVG";
const PNG: &str = "PNG";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Svg,
    Png,
}

/// The two download buttons, in a group named for what they do.
pub fn downloads(steps: &Steps, c: &Loaded) -> Html {
    let t = ui(steps.store.lang);
    let on = |format: Format| {
        let (steps, c) = (steps.clone(), c.clone());
        Callback::from(move |_: MouseEvent| save(format, &steps, &c))
    };
    html! {
        <span class="llmc-image-downloads" role="group" aria-label={t.download_image}>
            <span aria-hidden="true">{ t.download_image }</span>
            <button type="button" aria-label={t.download_svg} title={t.download_image_hint} onclick={on(Format::Svg)}>{ SVG }</button>
            <button type="button" aria-label={t.download_png} title={t.download_image_hint} onclick={on(Format::Png)}>{ PNG }</button>
        </span>
    }
}

/// Draws the timeline as shown now (a running gesture's window, the plot's measured width, the
/// widget's theme) and saves it as `format`.
#[cfg(target_arch = "wasm32")]
fn save(format: Format, steps: &Steps, c: &Loaded) {
    use chronicle_core::scene::export::{timeline, Theme};
    let mut state = steps.store.0.clone();
    state.viewport.window = steps.shown();
    let width = steps.live.borrow().width;
    let widget = steps.container.cast::<web_sys::Element>().and_then(|el| el.closest(".llmc").ok().flatten());
    let theme = widget.map_or(Theme::Light, |el| Theme::of_background(&crate::dom::background(&el)));
    let image = timeline(c, &state, width, theme, &crate::dom::page_address());
    match format {
        Format::Svg => {
            crate::browser_download(&format!("{}.svg", image.file_stem), "image/svg+xml;charset=utf-8", &image.svg)
        }
        Format::Png => crate::dom::save_png(image),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn save(_: Format, _: &Steps, _: &Loaded) {}
