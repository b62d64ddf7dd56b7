//! Build-time prerendering (native, Yew SSR): the widget's HTML for the default language, written
//! into the built page together with search and sharing metadata. The browser then hydrates it.

use chronicle_core::i18n::Lang;
use chronicle_core::markup::escape_attr;
use chronicle_core::Chronicle;
use yew::LocalServerRenderer;

use crate::app::{App, AppProps, Dataset};

pub use crate::boot::protocol::PRERENDERED_ATTR;
use crate::boot::script::content_hash;
pub use crate::boot::script::{boot_script, externalize_boot};

/// The app's HTML in `lang` for `data`, hydratable, exactly as the browser's first render will
/// produce it.
pub async fn render_app(lang: Lang, data: Dataset) -> String {
    let props = AppProps::new(data, lang);
    LocalServerRenderer::<App>::with_props(props).hydratable(true).render().await
}

/// At most this many events are listed in the page's JSON-LD.
pub const JSON_LD_EVENTS: usize = 500;

/// JSON for inside a `<script type="application/ld+json">`: no `</script` can close it early.
fn json_in_script(v: &serde_json::Value) -> String {
    v.to_string().replace("</", "<\\/")
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
            .replace("__LLMC_DATA__", data_file)
            .replace("'__LLMC_TEXT__'", &embed_text()),
    )
}

/// The messages the embed loader shows (when the element's code or data cannot load), in both
/// languages, as a JavaScript object literal: `{"zh": {key: text, …}, "en": {…}}`.
///
/// Written in ASCII (`\uXXXX` escapes): a classic script is decoded in the article's encoding
/// unless its host names one, and an article need not be in UTF-8.
pub fn embed_text() -> String {
    use chronicle_core::i18n::{ui, Ui};
    let pick = |t: &Ui| {
        serde_json::json!({
            "element_failed": t.element_failed,
            "load_refused": t.load_refused,
            "load_csp": t.load_csp,
            "load_csp_wasm": t.load_csp_wasm,
            "load_http": t.load_http,
            "load_network": t.load_network,
            "load_other": t.load_other,
        })
    };
    let json = serde_json::json!({ "zh": pick(ui(Lang::Zh)), "en": pick(ui(Lang::En)) }).to_string();
    let mut ascii = String::with_capacity(json.len() * 2);
    for c in json.chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                ascii.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    ascii
}

/// The dataset as the browser loads it: compact JSON in a file named by its content hash (safe to
/// cache forever). Returns (file name, contents).
pub fn data_file(c: &Chronicle) -> Result<(String, String), String> {
    let json = serde_json::to_string(&c.data).map_err(|e| format!("cannot write the dataset as JSON: {e}"))?;
    Ok((chronicle_core::validate::built_file_name(&json), json))
}

/// The authoring app's glue and WASM as Trunk leaves them: index.html builds the
/// `llm-chronicle-author` binary as a "worker", so Trunk injects no script for it and does not
/// hash its names.
pub const AUTHOR_BUILD: &str = "llm-chronicle-author";
/// The lean reader's (see `boot_script`), built the same way.
pub const LEAN_BUILD: &str = "llm-chronicle-lean";

/// Renames the glue and WASM of a binary index.html builds as a "worker" (`stem`: its name) after
/// their content (safe to cache forever, like Trunk's names for the reader's). Returns the new
/// names, glue first.
pub fn hash_build(dir: &std::path::Path, stem: &str) -> Result<[String; 2], String> {
    let from = [format!("{stem}.js"), format!("{stem}_bg.wasm")];
    let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| format!("{name} ({stem}): {e}"));
    let (glue, wasm) = (read(&from[0])?, read(&from[1])?);
    let hash = content_hash([glue.as_slice(), wasm.as_slice()].concat());
    let names = [format!("{stem}-{hash:016x}.js"), format!("{stem}-{hash:016x}_bg.wasm")];
    for (from, to) in from.iter().zip(&names) {
        std::fs::rename(dir.join(from), dir.join(to)).map_err(|e| format!("{from}: {e}"))?;
    }
    Ok(names)
}

/// Hashes the authoring app's files (see [`hash_build`]) and writes the authoring pages' start-up
/// script, the reader's `boot_script` with the authoring app's files. Returns the script's file name.
pub fn author_build(dir: &std::path::Path, data_file: &str) -> Result<String, String> {
    let names = hash_build(dir, AUTHOR_BUILD)?;
    let js = boot_script(&names[0], &names[1], data_file, None);
    let name = format!("boot-author-{:016x}.js", content_hash(&js));
    std::fs::write(dir.join(&name), js).map_err(|e| format!("{name}: {e}"))?;
    Ok(name)
}

/// Wraps each part of the prerendered widget that its component marked as unseen at first
/// (`DEFER_ATTR` on its root element: the folded filters' controls, and everything below the
/// timeline) in `<noscript LATER_ATTR>`. With scripting on, the parser keeps a `<noscript>`'s
/// content as text, so the first frame has only the header, the filters' summary and the timeline
/// to style and lay out; the start-up script turns the text into DOM right after that frame
/// (`unveil` in `boot/early.js`: the event lists' entries in slices, each batch a task of its own),
/// and all of it before the widget hydrates. Without scripting the browser parses it as part of
/// the page, so readers without JavaScript, and crawlers, get everything.
pub fn defer_unseen(app_html: &str) -> String {
    use crate::boot::protocol::{DEFER_ATTR, LATER_ATTR};
    let marker = format!(" {DEFER_ATTR}=\"\"");
    let mut out = String::with_capacity(app_html.len() + 100);
    let mut at = 0;
    while let Some(found) = app_html[at..].find(&marker).map(|k| at + k) {
        let Some(start) = app_html[..found].rfind('<') else { break };
        let Some(end) = element_end(app_html, start) else { break };
        // Nothing in it may end the `<noscript>` early. (It can't: the renderer writes every `<`
        // of text and attributes as `&lt;`. If it ever did, that part would simply not wait.)
        if app_html[start..end].to_ascii_lowercase().contains("</noscript") {
            out.push_str(&app_html[at..end]);
        } else {
            out.push_str(&app_html[at..start]);
            out.push_str(&format!("<noscript {LATER_ATTR}>"));
            out.push_str(&app_html[start..end]);
            out.push_str("</noscript>");
        }
        at = end;
    }
    out.push_str(&app_html[at..]);
    out
}

/// Where the element whose start tag begins at `start` ends (just after its closing tag), counting
/// nested elements of the same name. Text and attribute values never hold a `<` (the renderer
/// escapes it), so every `<` starts a tag.
fn element_end(html: &str, start: usize) -> Option<usize> {
    let name: String = html[start + 1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0usize;
    let mut at = start;
    loop {
        let next_open = html[at..].find(&open).map(|k| at + k);
        let next_close = html[at..].find(&close).map(|k| at + k)?;
        match next_open {
            Some(o) if o < next_close && html[o + open.len()..].starts_with([' ', '>', '/']) => {
                depth += 1;
                at = o + open.len();
            }
            Some(o) if o < next_close => at = o + open.len(),
            _ => {
                depth -= 1;
                at = next_close + close.len();
                if depth == 0 {
                    return Some(at);
                }
            }
        }
    }
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
    let desc = chronicle_core::i18n::ui(lang).page_description;
    let mut out = template.to_owned();
    head(&mut out, lang, &title, &head_meta(lang, &title, desc, prefix))?;
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
    let ld = format!(
        "</main>\n    <script type=\"application/ld+json\">{}</script>",
        json_in_script(&json_ld(c, lang, &title, desc))
    );
    let at = out.find("</main>").ok_or("the template has no \"</main>\"")?;
    out.replace_range(at..at + "</main>".len(), &ld);
    Ok(out)
}

/// The authoring page in `lang` (`author.html`, `en/author.html`) from Trunk's `template` (the
/// built `index.html`, its start-up script already a file): the same files, the authoring app's
/// mount instead of the widget's, and `<html>` marked so the WASM mounts that app
/// (`browser::AUTHOR_ATTR`, whose value is `prefix`, the path to the site's root).
pub fn author_page(template: &str, lang: Lang, prefix: &str) -> Result<String, String> {
    let w = chronicle_core::i18n::author_ui(lang);
    let title = format!("{} · LLM Chronicle", w.title);
    let meta = format!("<meta name=\"description\" content=\"{}\" />", escape_attr(w.intro));
    let mut out = template.to_owned();
    head(&mut out, lang, &title, &meta)?;
    let html_tag = format!("<html lang=\"{}\">", lang.tag());
    out = out.replacen(&html_tag, &format!("<html lang=\"{}\" data-llmc-author=\"{prefix}\">", lang.tag()), 1);
    if !prefix.is_empty() {
        out = out.replace("href=\"/", &format!("href=\"{prefix}")).replace("src=\"/", &format!("src=\"{prefix}"));
    }
    let h0 = out.find(PAGE_TITLE).ok_or("the template has no <h1 class=\"llmc-page-title\">")?;
    let h1 = h0 + out[h0..].find("</h1>").ok_or("unclosed <h1>")?;
    let (other, widget) = match lang {
        Lang::Zh => ("en/author.html", "./"),
        Lang::En => ("../author.html", "./"),
    };
    let heading = format!(
        "{}</h1>\n      <p class=\"llmc-author-links\"><a href=\"{widget}\">LLM Chronicle</a> · <a href=\"{other}\" lang=\"{}\">{}</a></p>",
        escape_attr(w.title),
        if lang == Lang::Zh { "en" } else { "zh-Hans" },
        w.other_lang
    );
    out.replace_range(h0 + PAGE_TITLE.len()..h1 + "</h1>".len(), &heading);
    let mount = "<div id=\"llm-chronicle\" data-src=\"chronicle.json\">";
    let m0 = out.find(mount).ok_or("the template has no widget mount")?;
    out.replace_range(m0..m0 + mount.len(), "<div id=\"llm-chronicle-author\">");
    Ok(out)
}

/// Sets the template's `<html lang>` and `<title>`, and puts `meta` in place of its description.
fn head(out: &mut String, lang: Lang, title: &str, meta: &str) -> Result<(), String> {
    let html_open = out.find("<html").ok_or("the template has no <html>")?;
    let html_end = html_open + out[html_open..].find('>').ok_or("unclosed <html>")?;
    out.replace_range(html_open..=html_end, &format!("<html lang=\"{}\">", lang.tag()));
    let t0 = out.find("<title>").ok_or("the template has no <title>")?;
    let t1 = out.find("</title>").ok_or("the template has no </title>")?;
    out.replace_range(t0..t1 + "</title>".len(), &format!("<title>{}</title>", escape_attr(title)));
    let d0 = out.find("<meta name=\"description\"").ok_or("the template has no description")?;
    let d1 = d0 + out[d0..].find("/>").ok_or("unclosed description")? + 2;
    out.replace_range(d0..d1, meta);
    Ok(())
}

/// The description, Open Graph tags and language alternates of the page in `lang`.
fn head_meta(lang: Lang, title: &str, desc: &str, prefix: &str) -> String {
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
    format!(
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
        title = escape_attr(title),
        locale = if lang == Lang::Zh { "zh_CN" } else { "en_US" },
        alt_locale = if lang == Lang::Zh { "en_US" } else { "zh_CN" },
        zh = zh_href,
        en = en_href,
    )
}

/// The page's structured data (schema.org `Dataset`), with a sample of its events.
fn json_ld(c: &Chronicle, lang: Lang, title: &str, desc: &str) -> serde_json::Value {
    let years: Vec<i32> = (0..c.events().len()).map(|i| c.date(i).year).collect();
    serde_json::json!({
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
    })
}
