//! The start-up script as shipped (`boot-<hash>.js`): the prelude (the shared names, `P`, and the
//! built files' names, `BUILD`), then `early.js`, then `load.js`, with their comment lines dropped.

use super::protocol;

/// The start-up script (`boot-<hash>.js`), written in place of Trunk's inline one. Content comes
/// first: the prerendered page is readable, and its events answer clicks, before any WASM arrives.
///
/// 1. Events answer from the script's first run (`early.js`): a click, or Enter or Space, on an
///    event of the prerendered timeline selects it. It shows pressed, and a detail panel opens in
///    the Detail view's slot (`components::detail::boot_slot`), built from the prerendered list's
///    entry for the event. The script keeps the event's id in `window.__llmcEarlySelect` (see
///    [`protocol::EARLY_SELECT`]); the widget selects it once it is interactive and its own panel
///    takes over, so the reader's click is never lost (the event replay of Angular's and React's
///    hydration, answered at once instead of queued). Other controls pressed, typed into or set
///    before the takeover are given to the widget once it has taken over.
/// 2. The script waits for the page's first frame (a task right after the first animation frame,
///    so after that frame's style, layout and paint; at most 1 s; not at all in a hidden tab), so
///    on a slow link nothing competes with the HTML and CSS. Then, once the page is parsed, it
///    makes the parts no one sees at first DOM (`unveil`; see `prerender::defer_unseen`): the event lists'
///    entries a few milliseconds' worth at a time, so a long list (3.5 MB of markup at 10,000
///    events) never holds up a click or a frame.
/// 3. It waits for the reader's first sign of intent inside the widget, recorded from the script's
///    first run: a pointer resting over it for 65 ms (then the page's `load` event and an idle
///    moment), a press, a touch, a wheel turn, focus or a key press (`wanted` in `early.js`;
///    a press on an event counts once its click is answered). A reader
///    who only reads never downloads the WASM (the facade pattern of lazily loaded embeds). It does
///    not wait when the URL carries settings or a deep link (the prerendered HTML does not show
///    them), or inside a frame (the widget reports the frame's height).
/// 4. Then it preloads the WASM and its glue (`<link rel="preload">` and `<link rel="modulepreload">`,
///    so both download at once), asks for the dataset (`data_file`; the widget reads
///    `window.__llmcData` instead of fetching it itself) unless an editor's `?data=` replaces it,
///    and starts the WASM (on a page that is parsed and has nothing left deferred, since the
///    widget hydrates all of it). If that fails, a notice above the content names what failed.
///
/// The WASM of step 4 is the lean reader's (`lean`: its glue and WASM), which shows the site's own
/// dataset and nothing else, unless the URL carries an editor's `?data=`: then the full reader's
/// (`glue`, `wasm`). The lean reader starts the full one itself when it cannot show the site's
/// dataset (see `browser::start`), so that reader says why. Without `lean` (the authoring pages)
/// the script always loads `glue` and `wasm`.
///
/// The steps 2–4 are `load.js`. `window.__llmcBoot` says which step it is at (`painting`, `waiting`, `loading`, `started`,
/// `failed`). Paths are relative to the script, so pages in sub-folders (`en/`) share it.
pub fn boot_script(glue: &str, wasm: &str, data_file: &str, lean: Option<&[String; 2]>) -> String {
    let mut build = serde_json::json!({ "glue": glue, "wasm": wasm, "data": data_file });
    if let Some(lean) = lean {
        build["lean"] = serde_json::json!(lean);
    }
    let mut js = protocol::prelude();
    js.push_str(&format!("\nconst BUILD = Object.freeze({build});\n"));
    for part in [include_str!("early.js"), include_str!("load.js")] {
        for line in part.lines().filter(|l| !l.trim_start().starts_with("//")) {
            js.push_str(line);
            js.push('\n');
        }
    }
    js
}

/// Replaces Trunk's inline start-up script with a file (`boot_script`), so the built site runs
/// under a strict Content Security Policy (`script-src 'self' 'wasm-unsafe-eval'`, no inline
/// scripts), and drops Trunk's preloads from `<head>` (the script adds them after the first
/// paint). `lean` is the lean reader's glue and WASM (see [`boot_script`]). Returns the template
/// with a `<script src>` in its place, the file name, and the file's contents; `None` when the
/// template lacks Trunk's start-up script or its preloads.
pub fn externalize_boot(
    template: &str,
    data_file: &str,
    lean: Option<&[String; 2]>,
) -> Option<(String, String, String)> {
    let open = "<script type=\"module\">";
    let start = template.find(open)?;
    let body_start = start + open.len();
    let end = body_start + template[body_start..].find("</script>")?;
    let body = &template[body_start..end];
    let quoted = |after: &str| -> Option<String> {
        let rest = &body[body.find(after)? + after.len()..];
        Some(rest[..rest.find('\'')?].trim_start_matches('/').to_owned())
    };
    let glue = quoted("import init, * as bindings from '")?;
    let wasm = quoted("module_or_path: '")?;
    let js = boot_script(&glue, &wasm, data_file, lean);
    let hash = content_hash(&js);
    let name = format!("boot-{hash:016x}.js");
    let mut out = template.to_owned();
    // `async`: the script runs as soon as it arrives; it then waits for the first paint itself.
    out.replace_range(
        start..end + "</script>".len(),
        &format!("<script type=\"module\" async src=\"/{name}\"></script>"),
    );
    for needle in
        [format!("<link rel=\"modulepreload\" href=\"/{glue}\""), format!("<link rel=\"preload\" href=\"/{wasm}\"")]
    {
        let at = out.find(&needle)?;
        let close = at + out[at..].find('>')? + 1;
        out.replace_range(at..close, "");
    }
    Some((out, name, js))
}

pub use chronicle_core::content_hash;
