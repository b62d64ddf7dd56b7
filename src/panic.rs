//! No panic reaches a reader as a frozen widget: the hook logs it and replaces every mounted widget
//! with a short message, written as text.

#[cfg(target_arch = "wasm32")]
mod hook {
    use std::cell::RefCell;

    use chronicle_core::i18n::{ui, Lang};

    thread_local! {
        static ROOTS: RefCell<Vec<(web_sys::Element, Lang)>> = const { RefCell::new(Vec::new()) };
    }

    /// Installs the hook (once; later calls do nothing).
    pub fn install() {
        thread_local! { static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) }; }
        if DONE.with(|d| d.replace(true)) {
            return;
        }
        yew::set_custom_panic_hook(Box::new(|info| {
            gloo::console::error!(format!("LLM Chronicle: {info}"));
            ROOTS.with(|roots| {
                for (root, lang) in roots.borrow().iter() {
                    show_crash(root, *lang);
                }
            });
        }));
    }

    /// Remembers a widget root, to be replaced by the message if anything panics.
    pub fn register(root: web_sys::Element, lang: Lang) {
        ROOTS.with(|r| r.borrow_mut().push((root, lang)));
    }

    fn show_crash(root: &web_sys::Element, lang: Lang) {
        let t = ui(lang);
        let doc = gloo::utils::document();
        let (Ok(panel), Ok(title), Ok(body)) =
            (doc.create_element("div"), doc.create_element("strong"), doc.create_element("p"))
        else {
            return;
        };
        let _ = panel.set_attribute("class", "llmc llmc-crash");
        let _ = panel.set_attribute("role", "alert");
        let _ = panel.set_attribute("lang", lang.tag());
        title.set_text_content(Some(t.crash_title));
        body.set_text_content(Some(t.crash_body));
        let _ = panel.append_child(&title);
        let _ = panel.append_child(&body);
        root.set_text_content(None);
        let _ = root.append_child(&panel);
    }
}

#[cfg(target_arch = "wasm32")]
pub use hook::{install, register};
