// LLM Chronicle embed loader: no dependencies, no requests beyond this widget's own files.
//
// 1. Auto-height iframes: <iframe data-llm-chronicle src=".../?lang=en">. The widget posts its
//    height; this script checks that the message comes from that iframe's window and origin.
// 2. The custom element: <llm-chronicle lang="zh" view="both"></llm-chronicle>. Each element gets
//    its own Shadow DOM root; the WASM is fetched once for all of them. With loading="lazy" (as on
//    an iframe), nothing is fetched for an element until it comes near the viewport.
//
// The build fills in the file names below (they carry content hashes).
const BASE = new URL('.', import.meta.url);
const FILES = { js: '__LLMC_JS__', wasm: '__LLMC_WASM__', css: '__LLMC_CSS__', data: '__LLMC_DATA__' };
const HEIGHT = 'llm-chronicle:height';

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== HEIGHT) return;
  const height = Number(data.height);
  if (!Number.isFinite(height) || height < 50 || height > 100000) return;
  // Our iframes: marked with data-llm-chronicle, or pointing at the folder this script came from.
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow !== event.source) continue;
    if (!frame.hasAttribute('data-llm-chronicle') && !frame.src.startsWith(BASE.href)) continue;
    let origin;
    try {
      origin = new URL(frame.src, location.href).origin;
    } catch {
      continue;
    }
    if (origin !== event.origin) continue;
    frame.style.height = `${Math.ceil(height)}px`;
  }
});

let module;
function load() {
  // Tells the module's own start-up that the elements mount themselves.
  window.__llmcEmbedLoader = true;
  module ??= import(new URL(FILES.js, BASE).href).then(async (m) => {
    await m.default({ module_or_path: new URL(FILES.wasm, BASE) });
    return m;
  });
  return module;
}

const SETTINGS = ['lang', 'theme', 'view', 'focus', 'story', 'height'];
const TIMEOUT_MS = 15000;
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
 */
function elementData(el) {
  const inline = el.querySelector('script[type="application/json"], script[type="text/csv"]');
  if (inline) return Promise.resolve({ text: inline.textContent });
  const url = el.getAttribute('data');
  if (url) return fetchText(new URL(url, location.href), url);
  shipped ??= fetchText(new URL(FILES.data, BASE), FILES.data);
  return shipped;
}

// A dataset larger than this is refused as it downloads (chronicle_core::validate::MAX_BYTES; a
// test checks that they agree).
const MAX_BYTES = 4194304;

/** The dataset at `href` as `{ text }`, or `{ error }` saying why not, for the widget to word. */
async function fetchText(href, url) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(href, { signal: controller.signal });
    if (!response.ok) return { error: { why: 'http', status: String(response.status), url } };
    return await readCapped(response);
  } catch {
    return { error: { why: controller.signal.aborted ? 'timeout' : 'network', url } };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, refused as soon as it passes MAX_BYTES (at once if its declared length does). */
async function readCapped(response) {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_BYTES) return { error: { why: 'too-large', bytes: String(declared) } };
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      reader.cancel();
      return { error: { why: 'too-large' } };
    }
    chunks.push(value);
  }
  return { text: await new Blob(chunks).text() };
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
    const [m, data] = await Promise.all([load(), elementData(this)]);
    if (generation !== this.#generation) return;
    this.#handle?.destroy();
    this.#mount.replaceChildren();
    this.#mount.className = 'llmc-host';
    const error = data.error ? JSON.stringify(data.error) : null;
    this.#handle = m.mountElement(this.#mount, JSON.stringify(settings), data.text ?? null, error);
  }
}

if (!customElements.get('llm-chronicle')) customElements.define('llm-chronicle', LlmChronicle);
