// LLM Chronicle embed loader: no dependencies, no requests beyond this widget's own files.
//
// 1. Auto-height iframes: <iframe data-llm-chronicle src=".../?lang=en">. The widget posts its
//    height; this script checks that the message comes from that iframe's window and origin.
// 2. The custom element: <llm-chronicle lang="zh" view="both"></llm-chronicle>. Each element gets
//    its own Shadow DOM root; the WASM is fetched once for all of them.
//
// The build fills in the file names below (they carry content hashes).
const BASE = new URL('.', import.meta.url);
const FILES = { js: '__LLMC_JS__', wasm: '__LLMC_WASM__', css: '__LLMC_CSS__' };
const HEIGHT = 'llm-chronicle:height';

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== HEIGHT) return;
  const height = Number(data.height);
  if (!Number.isFinite(height) || height < 50 || height > 100000) return;
  for (const frame of document.querySelectorAll('iframe[data-llm-chronicle]')) {
    if (frame.contentWindow !== event.source) continue;
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

class LlmChronicle extends HTMLElement {
  static observedAttributes = SETTINGS;
  #mount = null;
  #handle = null;
  #generation = 0;

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#generation += 1;
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
    const m = await load();
    if (generation !== this.#generation) return;
    this.#handle?.destroy();
    this.#mount.replaceChildren();
    this.#mount.className = 'llmc-host';
    this.#handle = m.mountElement(this.#mount, JSON.stringify(settings));
  }
}

if (!customElements.get('llm-chronicle')) customElements.define('llm-chronicle', LlmChronicle);
