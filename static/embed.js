// LLM Chronicle embed loader: no dependencies, no requests beyond this widget's own files.
//
// A classic script, not a module: a browser loads a classic <script src> from any other site
// without CORS headers, so the iframe embed works from any static host. (Loaded as a module, as
// older snippets did, it still works where the widget's host sends CORS headers.)
//
// 1. Auto-height iframes: <iframe data-llm-chronicle src=".../?lang=en">. The widget posts its
//    height; this script checks that the message comes from that iframe's window and origin.
// 2. The custom element: <llm-chronicle lang="zh" view="both"></llm-chronicle>. Each element gets
//    its own Shadow DOM root; the WASM is fetched once for all of them. With loading="lazy" (as on
//    an iframe), nothing is fetched for an element until it comes near the viewport. Its glue (an
//    ES module), WASM and dataset are read across origins, so the widget's host must allow that
//    (CORS); when any of them cannot load, the element says why in the reader's language and the
//    article is left as it was.
//
// The build fills in the file names below (they carry content hashes) and the messages (from
// core/src/i18n.rs, in both languages).
(() => {
  // A second copy of this script (two snippets on one page) leaves the first in charge.
  if (window.__llmcEmbedScript) return;
  window.__llmcEmbedScript = true;

  // The folder this script came from. A classic script is `document.currentScript` while it runs;
  // a module has none, so then it is the page's script element whose address ends in embed.js.
  const script =
    document.currentScript ?? [...document.querySelectorAll('script[src]')].find((s) => /\/embed\.js([?#]|$)/.test(s.src));
  const BASE = new URL('.', script?.src ?? location.href);
  const FILES = { js: '__LLMC_JS__', wasm: '__LLMC_WASM__', css: '__LLMC_CSS__', data: '__LLMC_DATA__' };
  const TEXT = '__LLMC_TEXT__';
  const HEIGHT = 'llm-chronicle:height';
  // Asks a frame's widget to post its height again (it may have posted before this script ran).
  const ASK_HEIGHT = 'llm-chronicle:height?';

  /** Our iframes: marked with data-llm-chronicle, or pointing at the folder this script came from. */
  const ours = (frame) => frame.hasAttribute('data-llm-chronicle') || frame.src.startsWith(BASE.href);
  const originOf = (frame) => {
    try {
      return new URL(frame.src, location.href).origin;
    } catch {
      return null;
    }
  };

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== HEIGHT) return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height < 50 || height > 100000) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow !== event.source || !ours(frame) || originOf(frame) !== event.origin) continue;
      frame.style.height = `${Math.ceil(height)}px`;
    }
  });

  /** Whether `frame` holds its own document yet (not the blank one it starts with). */
  const arrived = (frame) => {
    try {
      const doc = frame.contentDocument;
      // None to be seen: a document from another origin is there.
      return !doc || (doc.URL !== 'about:blank' && new URL(doc.URL).origin === originOf(frame));
    } catch {
      return true;
    }
  };
  /** Asks every frame of ours for its height: now if its document is there, and once it loads. */
  function askHeights() {
    const ask = (frame) => {
      const origin = originOf(frame);
      // Only to the frame's own origin (a message to a blank frame would be refused noisily).
      if (origin && origin !== 'null' && arrived(frame)) frame.contentWindow?.postMessage({ type: ASK_HEIGHT }, origin);
    };
    for (const frame of document.querySelectorAll('iframe')) {
      if (!ours(frame)) continue;
      ask(frame);
      frame.addEventListener('load', () => ask(frame));
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', askHeights, { once: true });
  else askHeights();

  // Content Security Policy violations on this page, as the addresses (or `wasm-eval`) blocked, so a
  // failed load can be put down to the page's policy.
  const blocked = [];
  document.addEventListener('securitypolicyviolation', (e) => blocked.push(e.blockedURI), { capture: true });

  const TIMEOUT_MS = 15000;
  const timeout = () => (AbortSignal.timeout ? AbortSignal.timeout(TIMEOUT_MS) : undefined);

  /**
   * Why loading `href` failed, as `{key, ...}` for `sentence`: the page's policy blocked it; or, by
   * asking for it again, its server answered an error, refused this origin (a request that needs
   * no CORS gets through where one that does fails), or did not answer.
   */
  async function why(href, error, shown = href) {
    // Violation reports are queued as tasks: let any for this load arrive first.
    await new Promise((next) => setTimeout(next, 0));
    const url = new URL(href);
    // (A policy that refuses to compile WebAssembly reports `wasm-eval`; older engines `eval`.)
    if (url.pathname.endsWith('.wasm') && blocked.some((b) => b === 'wasm-eval' || b === 'eval')) return { key: 'load_csp_wasm' };
    if (blocked.some((b) => b === url.href || b === url.origin)) return { key: 'load_csp', url: shown };
    try {
      const response = await fetch(url, { cache: 'no-store', signal: timeout() });
      response.body?.cancel().catch(() => {});
      if (!response.ok) return { key: 'load_http', url: shown, status: response.status };
      return { key: 'load_other', url: shown, error: String(error?.message ?? error) };
    } catch {
      // Refused or unreachable: tell them apart below.
    }
    if (url.origin !== location.origin) {
      try {
        await fetch(url, { mode: 'no-cors', cache: 'no-store', signal: timeout() });
        return { key: 'load_refused', url: shown, origin: url.origin };
      } catch {
        // Not even an opaque answer: the server is unreachable.
      }
    }
    return { key: 'load_network', url: shown };
  }

  /** The reader's language for `el`: its lang attribute, the page's, then the browser's. */
  function langOf(el) {
    const tags = [el.getAttribute('lang'), document.documentElement.lang, ...(navigator.languages ?? [])];
    for (const tag of tags) {
      const primary = (tag ?? '').trim().split(/[-_]/)[0].toLowerCase();
      if (primary === 'zh' || primary === 'en') return primary;
    }
    return 'zh';
  }

  /** A reason from `why` written out in `lang`. */
  const sentence = (lang, reason) => (TEXT[lang]?.[reason.key] ?? reason.key).replace(/\{(\w+)\}/g, (_, k) => String(reason[k] ?? ''));

  let module;
  /** The glue and the WASM, once for every element; rejects with a reason for `sentence`. */
  function load() {
    // Tells the module's own start-up that the elements mount themselves.
    window.__llmcEmbedLoader = true;
    module ??= (async () => {
      const glue = new URL(FILES.js, BASE).href;
      const wasm = new URL(FILES.wasm, BASE).href;
      // Both downloads at once.
      const response = fetch(wasm).then(
        (r) => ({ r }),
        (error) => ({ error }),
      );
      let m;
      try {
        m = await import(glue);
      } catch (error) {
        throw await why(glue, error);
      }
      const { r, error } = await response;
      if (error) throw await why(wasm, error);
      if (!r.ok) throw { key: 'load_http', url: wasm, status: r.status };
      try {
        await m.default({ module_or_path: r });
      } catch (error) {
        throw await why(wasm, error);
      }
      return m;
    })();
    return module;
  }

  const SETTINGS = ['lang', 'theme', 'view', 'focus', 'story', 'height'];
  // How near the viewport a lazy element starts loading: Chromium's distance for lazy iframes on a
  // fast connection, so that it is usually ready by the time it scrolls into view.
  const LAZY_MARGIN = '1250px 0px';

  const waiting = new WeakMap();
  let nearby;
  /** Resolves once `el` is within LAZY_MARGIN of the viewport (at once unless loading="lazy"). */
  function near(el) {
    if (el.getAttribute('loading') !== 'lazy' || !('IntersectionObserver' in window)) return Promise.resolve();
    nearby ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          nearby.unobserve(entry.target);
          waiting.get(entry.target)?.();
          waiting.delete(entry.target);
        }
      },
      { rootMargin: LAZY_MARGIN },
    );
    return new Promise((resolve) => {
      waiting.set(el, resolve);
      nearby.observe(el);
    });
  }

  let shipped;
  /**
   * The element's dataset: an inline <script type="application/json"> (or text/csv) child, the data
   * attribute's URL, or else the shipped dataset beside this script (fetched once for all elements).
   * Resolves to `{text}` or `{failure}` (a reason for `sentence`, or a timeout).
   */
  function elementData(el) {
    const inline = el.querySelector('script[type="application/json"], script[type="text/csv"]');
    if (inline) return Promise.resolve({ text: inline.textContent });
    const url = el.getAttribute('data');
    if (url) return fetchText(new URL(url, location.href).href, url);
    shipped ??= fetchText(new URL(FILES.data, BASE).href, FILES.data);
    return shipped;
  }

  // A dataset larger than this is refused as it downloads (chronicle_core::validate::MAX_BYTES; a
  // test checks that they agree).
  const MAX_BYTES = 4194304;

  /** The dataset at `href` as `{text}`, or `{failure}` saying why not (see `dataError`). */
  async function fetchText(href, url) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(href, { signal: controller.signal });
      if (!response.ok) return { failure: { key: 'load_http', url, status: response.status } };
      return await readCapped(response);
    } catch (error) {
      return { failure: controller.signal.aborted ? { key: 'timeout', url } : await why(href, error, url) };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The body as text, refused as soon as it passes MAX_BYTES (at once if its declared length does). */
  async function readCapped(response) {
    const declared = Number(response.headers.get('content-length'));
    if (declared > MAX_BYTES) return { failure: { key: 'too_large', bytes: declared } };
    const reader = response.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BYTES) {
        reader.cancel();
        return { failure: { key: 'too_large' } };
      }
      chunks.push(value);
    }
    return { text: await new Blob(chunks).text() };
  }

  /**
   * A dataset that could not be loaded, for the widget to word in the reader's language (and list
   * as a problem): a JSON object of strings, `why` (`http`, `timeout`, `network`, `refused`,
   * `blocked` or `too-large`), `url`, and `status`, `origin` or `bytes` (`mount_element`).
   */
  function dataError(failure) {
    const why = {
      load_http: 'http',
      timeout: 'timeout',
      too_large: 'too-large',
      load_refused: 'refused',
      load_csp: 'blocked',
    }[failure.key] ?? 'network';
    const fields = { why, url: failure.url ?? '', status: failure.status, origin: failure.origin, bytes: failure.bytes };
    return JSON.stringify(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])));
  }

  class LlmChronicle extends HTMLElement {
    static observedAttributes = [...SETTINGS, 'data'];
    #mount = null;
    #handle = null;
    #generation = 0;
    /** Resolves once the element may load (see `near`); kept once it has. */
    #near = null;

    connectedCallback() {
      this.#render();
    }

    disconnectedCallback() {
      this.#generation += 1;
      nearby?.unobserve(this);
      waiting.delete(this);
      this.#near = null;
      this.#handle?.destroy();
      this.#handle = null;
    }

    attributeChangedCallback() {
      if (this.isConnected && this.#mount) this.#render();
    }

    async #render() {
      const generation = ++this.#generation;
      if (!this.#mount) {
        const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
        const css = document.createElement('link');
        css.rel = 'stylesheet';
        css.href = new URL(FILES.css, BASE).href;
        this.#mount = document.createElement('div');
        this.#mount.className = 'llmc-host';
        root.append(css, this.#mount);
      }
      const settings = {};
      for (const name of SETTINGS) if (this.hasAttribute(name)) settings[name] = this.getAttribute(name);
      settings.lang ??= document.documentElement.lang || 'auto';
      settings._base = BASE.href;
      this.#near ??= near(this);
      await this.#near;
      if (generation !== this.#generation) return;
      let m, data;
      try {
        [m, data] = await Promise.all([load(), elementData(this)]);
      } catch (reason) {
        if (generation === this.#generation) this.#failed(reason?.key ? reason : { key: 'load_other', url: FILES.js, error: String(reason) });
        return;
      }
      if (generation !== this.#generation) return;
      this.#handle?.destroy();
      this.#mount.replaceChildren();
      this.#mount.className = 'llmc-host';
      try {
        this.#handle = m.mountElement(this.#mount, JSON.stringify(settings), data.text ?? null, data.failure ? dataError(data.failure) : null);
      } catch (error) {
        // A panic inside the widget shows its own message (see src/panic.rs); the page goes on.
        console.error('LLM Chronicle:', error);
      }
    }

    /** The code could not load: says why, in the reader's language, where the widget would be. */
    #failed(reason) {
      const lang = langOf(this);
      const what = sentence(lang, reason);
      const box = document.createElement('div');
      box.className = 'llmc';
      const note = document.createElement('p');
      note.className = 'llmc-load-error';
      note.setAttribute('role', 'alert');
      note.lang = lang === 'zh' ? 'zh-Hans' : 'en';
      note.textContent = (TEXT[lang]?.element_failed ?? '{what}').replace('{what}', what);
      box.append(note);
      this.#mount.replaceChildren(box);
      console.error(`LLM Chronicle: ${sentence('en', reason)}`);
    }
  }

  if (!customElements.get('llm-chronicle')) customElements.define('llm-chronicle', LlmChronicle);
})();
