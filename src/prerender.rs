//! Build-time prerendering (native, Yew SSR): the widget's HTML for the default language, written
//! into the built page together with search and sharing metadata. The browser then hydrates it.

use chronicle_core::i18n::Lang;
use chronicle_core::markup::escape_attr;
use chronicle_core::Chronicle;
use yew::LocalServerRenderer;

use crate::app::{App, AppProps, Data};

pub use crate::PRERENDERED_ATTR;

/// The app's HTML in `lang` for `data`, hydratable, exactly as the browser's first render will
/// produce it.
pub async fn render_app(lang: Lang, data: Data) -> String {
    let props = AppProps::new(data, lang);
    LocalServerRenderer::<App>::with_props(props).hydratable(true).render().await
}

/// At most this many events are listed in the page's JSON-LD.
pub const JSON_LD_EVENTS: usize = 500;

/// JSON for inside a `<script type="application/ld+json">`: no `</script` can close it early.
fn json_in_script(v: &serde_json::Value) -> String {
    v.to_string().replace("</", "<\\/")
}

/// The page description in each language.
fn description(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "交互式大语言模型发展史：从 n-gram、RNN/LSTM 到 Transformer、BERT 与 GPT 的分野，再到开放权重与闭源模型；附开源与闭源大模型的逐项对比与逐模型开放度矩阵，每条事实均附来源。",
        Lang::En => "An interactive history of language models, from n-grams and RNNs to the Transformer, the BERT / GPT split and today's open-weight and closed models, with an open-versus-closed comparison and a model-by-model openness matrix. Every fact is sourced.",
    }
}

/// The start-up script (`boot-<hash>.js`), written in place of Trunk's inline one. Content comes
/// first: the prerendered page is readable, and its events answer clicks, before any WASM arrives.
///
/// 1. Events answer from the script's first run (`boot-early.js`): a click, or Enter or Space, on an
///    event of the prerendered timeline selects it. It shows pressed, and a detail panel opens in
///    the Detail view's slot (`components::detail::boot_slot`), built from the prerendered list's
///    entry for the event. The script keeps the event's id in `window.__llmcEarlySelect` (see
///    [`crate::EARLY_SELECT`]); the widget selects it once it is interactive and its own panel
///    takes over, so the reader's click is never lost (the event replay of Angular's and React's
///    hydration, answered at once instead of queued). Other controls pressed, typed into or set
///    before the takeover are given to the widget once it has taken over.
/// 2. The script waits for the page's first frame (a task right after the first animation frame,
///    so after that frame's style, layout and paint; at most 1 s; not at all in a hidden tab), so
///    on a slow link nothing competes with the HTML and CSS. Then, once the page is parsed, it
///    makes the parts no one sees at first DOM (`unveil`; see [`defer_unseen`]): the event lists'
///    entries a few milliseconds' worth at a time, so a long list (3.5 MB of markup at 10,000
///    events) never holds up a click or a frame.
/// 3. It waits for the reader's first sign of intent inside the widget, recorded from the script's
///    first run: a pointer resting over it for 65 ms (then the page's `load` event and an idle
///    moment), a press, a touch, a wheel turn, focus or a key press (`wanted` in `boot-early.js`;
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
/// `window.__llmcBoot` says which step it is at (`painting`, `waiting`, `loading`, `started`,
/// `failed`). Paths are relative to the script, so pages in sub-folders (`en/`) share it.
pub fn boot_script(glue: &str, wasm: &str, data_file: &str) -> String {
    format!(
        "{early}
window.__llmcBoot = 'painting';
await new Promise((painted) => {{
  if (document.visibilityState === 'hidden') return painted();
  setTimeout(painted, 1000);
  requestAnimationFrame(() => setTimeout(painted, 0));
}});
const parsed = new Promise((done) =>
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', done, {{ once: true }}) : done(),
);
// Everything deferred, made DOM in slices once the page is parsed (a click's panel, or print, takes
// what it needs at once).
const whole = parsed.then(unveiled);
window.__llmcBoot = 'waiting';
await wanted();
window.__llmcBoot = 'loading';
const here = (file) => new URL('./' + file, import.meta.url).href;
for (const [rel, file] of [['modulepreload', '{glue}'], ['preload', '{wasm}']]) {{
  const link = document.createElement('link');
  link.rel = rel;
  link.href = here(file);
  link.crossOrigin = 'anonymous';
  if (rel === 'preload') {{
    link.as = 'fetch';
    link.type = 'application/wasm';
  }}
  document.head.append(link);
}}
if (!new URLSearchParams(location.search).has('data')) {{
  const abort = new AbortController();
  setTimeout(() => abort.abort(), 15000);
  window.__llmcDataUrl = here('{data_file}');
  window.__llmcData = fetch(window.__llmcDataUrl, {{ signal: abort.signal }});
}}
try {{
  const {{ default: init, ...bindings }} = await import(here('{glue}'));
  // The widget hydrates the whole page: all of it parsed, and none of it deferred.
  await whole;
  const wasm = await init({{ module_or_path: here('{wasm}') }});
  window.wasmBindings = bindings;
  window.__llmcBoot = 'started';
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', {{ detail: {{ wasm }} }}));
}} catch (error) {{
  failed(error);
}}
",
        early = early_script(),
    )
}

/// `boot-early.js` as shipped: its comment lines dropped, its global named.
fn early_script() -> String {
    let js = include_str!("boot-early.js")
        .replace("__LLMC_EARLY_SELECT__", crate::EARLY_SELECT)
        .replace("__LLMC_LATER__", crate::LATER_ATTR);
    js.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// Replaces Trunk's inline start-up script with a file (`boot_script`), so the built site runs
/// under a strict Content Security Policy (`script-src 'self' 'wasm-unsafe-eval'`, no inline
/// scripts), and drops Trunk's preloads from `<head>` (the script adds them after the first
/// paint). Returns the template with a `<script src>` in its place, the file name, and the file's
/// contents; `None` when the template lacks Trunk's start-up script or its preloads.
pub fn externalize_boot(template: &str, data_file: &str) -> Option<(String, String, String)> {
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
    let js = boot_script(&glue, &wasm, data_file);
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

/// FNV-1a of `s`, for file names that change whenever the contents do (safe to cache forever).
fn content_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Fills the hashed file names into the embed loader (`embed.js`), from the names Trunk put in the
/// built page, and the dataset's file name. Returns `None` when the page lacks one of them.
pub fn fill_embed_loader(loader: &str, built_page: &str, data_file: &str) -> Option<String> {
    let find = |prefix: &str, suffix: &str| -> Option<String> {
        built_page.match_indices(prefix).find_map(|(at, _)| {
            let rest = &built_page[at + prefix.len()..];
            let end = rest.find(['"', '\''])?;
            let name = &rest[..end];
            name.ends_with(suffix).then(|| name.trim_start_matches('/').to_owned())
        })
    };
    let js =
        find("from '", ".js").or_else(|| find("href=\"/llm-chronicle", ".js").map(|n| format!("llm-chronicle{n}")))?;
    let wasm = find("module_or_path: '", ".wasm")
        .or_else(|| find("href=\"/llm-chronicle", "_bg.wasm").map(|n| format!("llm-chronicle{n}")))?;
    let css = find("<link rel=\"stylesheet\" href=\"", ".css")?;
    Some(
        loader
            .replace("__LLMC_JS__", &js)
            .replace("__LLMC_WASM__", &wasm)
            .replace("__LLMC_CSS__", &css)
            .replace("__LLMC_DATA__", data_file),
    )
}

/// The dataset as the browser loads it: compact JSON in a file named by its content hash (safe to
/// cache forever). Returns (file name, contents).
pub fn data_file(c: &Chronicle) -> Result<(String, String), String> {
    let json = serde_json::to_string(&c.data).map_err(|e| format!("cannot write the dataset as JSON: {e}"))?;
    let hash = content_hash(&json);
    Ok((format!("chronicle-{hash:016x}.json"), json))
}

/// The parts of the prerendered widget that no one sees at first, each as (where it begins, where
/// it ends: the first such text after the beginning, or the widget root's closing tag): the filters
/// (folded away in a closed `<details>`; its controls would otherwise be styled and laid out at
/// `DOMContentLoaded`, when the browser's form handling looks at them), and everything below the
/// timeline (the matrices, the event list and the notes: two thirds of the page's markup).
const UNSEEN: [(&str, Option<&str>); 2] =
    [("<div class=\"llmc-filter-grid\">", Some("</details>")), ("<div class=\"llmc-view llmc-view-matrix\">", None)];

/// Wraps the parts of the prerendered widget that no one sees at first ([`UNSEEN`]) in
/// `<noscript data-llmc-later>`. With scripting on, the parser keeps a `<noscript>`'s content as
/// text, so the first frame has only the header, the filters' summary and the timeline to style
/// and lay out (at 100 events the first event shows about 10 ms sooner); the start-up script turns
/// the text into DOM right after that frame (`unveil` in `boot-early.js`: the event lists' entries
/// in slices, each batch a task of its own), and all of it before the widget hydrates. Without
/// scripting the browser parses it as part of the page, so readers without JavaScript, and
/// crawlers, get everything. A part that is missing (the page that lists data
/// errors has neither) stays as it is.
pub fn defer_unseen(app_html: &str) -> String {
    let mut out = String::with_capacity(app_html.len() + 100);
    let mut at = 0;
    for (begin, end) in UNSEEN {
        let Some(start) = app_html[at..].find(begin).map(|k| at + k) else { continue };
        let stop = match end {
            Some(end) => app_html[start..].find(end).map(|k| start + k),
            None => app_html.rfind("</div>").filter(|&k| k > start),
        };
        let Some(stop) = stop else { continue };
        // Nothing in it may end the `<noscript>` early. (It can't: the renderer writes every `<`
        // of text and attributes as `&lt;`. If it ever did, that part would simply not wait.)
        if app_html[start..stop].to_ascii_lowercase().contains("</noscript") {
            continue;
        }
        out.push_str(&app_html[at..start]);
        out.push_str(&format!("<noscript {}>", crate::LATER_ATTR));
        out.push_str(&app_html[start..stop]);
        out.push_str("</noscript>");
        at = stop;
    }
    out.push_str(&app_html[at..]);
    out
}

/// The opening tag of the page's own heading in the template.
const PAGE_TITLE: &str = "<h1 class=\"llmc-page-title\">";

/// Puts the prerendered `app_html` (rendered from `c`) into Trunk's `template` (the built
/// `index.html`) and adds the metadata for `lang`. `prefix` is the path from this page to the site
/// root (`""` or `"../"`); `data_file` is the dataset's file name at the root, which the widget
/// loads (the start-up script asks for it after the first paint; see `boot_script`).
pub fn page(
    template: &str,
    lang: Lang,
    app_html: &str,
    prefix: &str,
    c: &Chronicle,
    data_file: &str,
) -> Result<String, String> {
    let title = c.data.title.get(lang).to_owned();
    let desc = description(lang);
    // Search engines want absolute alternates: set LLMC_SITE_URL (e.g. https://example.org/chronicle/)
    // when building for a known address; without it the links are relative.
    let (zh_href, en_href) = match std::env::var("LLMC_SITE_URL").ok().filter(|u| u.starts_with("http")) {
        Some(site) => {
            let site = if site.ends_with('/') { site } else { format!("{site}/") };
            (site.clone(), format!("{site}en/"))
        }
        None if prefix.is_empty() => ("./".to_owned(), "en/".to_owned()),
        None => (prefix.to_owned(), "./".to_owned()),
    };
    let years: Vec<i32> = (0..c.events().len()).map(|i| c.date(i).year).collect();
    let json_ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": title,
        "description": desc,
        "inLanguage": ["zh-Hans", "en"],
        "isAccessibleForFree": true,
        "temporalCoverage": format!("{}/{}", years.iter().min().unwrap_or(&1948), years.iter().max().unwrap_or(&2025)),
        "keywords": ["large language models", "大模型", "open source", "开源", "LLM history", "openness"],
        // Search engines need a sample, not every event of a 10,000-event dataset.
        "hasPart": c.events().iter().enumerate().take(JSON_LD_EVENTS).map(|(i, e)| serde_json::json!({
            "@type": "CreativeWork",
            "name": e.name.get(lang),
            "dateCreated": c.date(i).to_string(),
            "creator": {"@type": "Organization", "name": e.org},
            "url": e.sources.first().map(|s| s.url.clone()),
        })).collect::<Vec<_>>(),
    });
    let meta = format!(
        concat!(
            "<meta name=\"description\" content=\"{desc}\" />\n",
            "    <meta property=\"og:type\" content=\"website\" />\n",
            "    <meta property=\"og:title\" content=\"{title}\" />\n",
            "    <meta property=\"og:description\" content=\"{desc}\" />\n",
            "    <meta property=\"og:locale\" content=\"{locale}\" />\n",
            "    <meta property=\"og:locale:alternate\" content=\"{alt_locale}\" />\n",
            "    <link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"{zh}\" />\n",
            "    <link rel=\"alternate\" hreflang=\"en\" href=\"{en}\" />\n",
            "    <link rel=\"alternate\" hreflang=\"x-default\" href=\"{zh}\" />\n",
        ),
        desc = escape_attr(desc),
        title = escape_attr(&title),
        locale = if lang == Lang::Zh { "zh_CN" } else { "en_US" },
        alt_locale = if lang == Lang::Zh { "en_US" } else { "zh_CN" },
        zh = zh_href,
        en = en_href,
    );

    let mut out = template.to_owned();
    let swap = |out: &mut String, from: &str, to: &str| -> Result<(), String> {
        let at = out.find(from).ok_or_else(|| format!("the template has no {from:?}"))?;
        out.replace_range(at..at + from.len(), to);
        Ok(())
    };
    // <html lang>, <title>, the description, then the metadata block.
    let html_open = out.find("<html").ok_or("the template has no <html>")?;
    let html_end = html_open + out[html_open..].find('>').ok_or("unclosed <html>")?;
    out.replace_range(html_open..=html_end, &format!("<html lang=\"{}\">", lang.tag()));
    let t0 = out.find("<title>").ok_or("the template has no <title>")?;
    let t1 = out.find("</title>").ok_or("the template has no </title>")?;
    out.replace_range(t0..t1 + "</title>".len(), &format!("<title>{}</title>", escape_attr(&title)));
    let d0 = out.find("<meta name=\"description\"").ok_or("the template has no description")?;
    let d1 = d0 + out[d0..].find("/>").ok_or("unclosed description")? + 2;
    out.replace_range(d0..d1, &meta);
    // The page's own heading: the template's is bilingual; the English page's is English alone, so
    // nothing in its first frame needs a Chinese font (see `ZH_GLYPHS` in the header).
    if lang == Lang::En {
        let h0 = out.find(PAGE_TITLE).ok_or("the template has no <h1 class=\"llmc-page-title\">")?;
        let h1 = h0 + out[h0..].find("</h1>").ok_or("unclosed <h1>")?;
        out.replace_range(h0 + PAGE_TITLE.len()..h1, "LLM Chronicle");
    }
    // Relative asset paths for pages below the root.
    if !prefix.is_empty() {
        out = out
            .replace("href=\"/", &format!("href=\"{prefix}"))
            .replace("src=\"/", &format!("src=\"{prefix}"))
            .replace("from '/", &format!("from '{prefix}"))
            .replace("module_or_path: '/", &format!("module_or_path: '{prefix}"));
    }
    // The widget: prerendered, marked inert until the WASM takes over.
    let mount = "<div id=\"llm-chronicle\" data-src=\"chronicle.json\">";
    let m0 = out.find(mount).ok_or("the template has no <div id=\"llm-chronicle\" data-src=\"chronicle.json\">")?;
    let inner_start = m0 + mount.len();
    let inner_end = inner_start
        + out[inner_start..].find("</noscript>").map(|k| k + "</noscript>".len()).ok_or("no <noscript> placeholder")?;
    out.replace_range(
        m0..inner_end,
        &format!(
            "<div id=\"llm-chronicle\" data-src=\"{prefix}{data_file}\" class=\"llmc-inert\" {PRERENDERED_ATTR}=\"{}\">{}",
            lang.code(),
            defer_unseen(app_html)
        ),
    );
    // The structured data goes after the content, so it never delays the first paint.
    let ld = format!("</main>\n    <script type=\"application/ld+json\">{}</script>", json_in_script(&json_ld));
    swap(&mut out, "</main>", &ld)?;
    Ok(out)
}
