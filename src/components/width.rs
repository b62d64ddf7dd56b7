//! The measured width of a view's frame, for the views laid out in the core at a width.

use yew::prelude::*;

/// The rendered width of `node`, kept current by a `ResizeObserver`; `None` until measured (on
/// the server, and in the render that hydrates the prerendered page).
#[hook]
pub fn use_width(node: NodeRef) -> Option<f64> {
    let width = use_state_eq(|| None::<f64>);
    #[cfg(target_arch = "wasm32")]
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            use wasm_bindgen::prelude::*;
            let measure = {
                let width = width.clone();
                move |el: &web_sys::Element| {
                    let w = f64::from(el.client_width());
                    if w > 0.0 {
                        width.set(Some(w));
                    }
                }
            };
            let el = node.cast::<web_sys::Element>();
            let observer = el.as_ref().and_then(|el| {
                measure(el);
                let target = el.clone();
                let cb = Closure::<dyn FnMut()>::new(move || measure(&target));
                let obs = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok()?;
                obs.observe(el);
                Some((obs, cb))
            });
            move || {
                if let Some((obs, _cb)) = observer {
                    obs.disconnect();
                }
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = node;
    *width
}
