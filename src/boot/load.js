// The start-up script's second part, after `early.js`: wait for the first frame, make the deferred
// parts DOM, wait for the reader's intent, then load the WASM, its glue and the dataset and start
// the widget. `BUILD` (the built files' names) comes from the prelude; paths are relative to the
// script, so pages in sub-folders (`en/`) share it. `window[P.boot]` says which step it is at.
window[P.boot] = 'painting';
await new Promise((painted) => {
  if (document.visibilityState === 'hidden') return painted();
  setTimeout(painted, P.paintWaitMs);
  requestAnimationFrame(() => setTimeout(painted, 0));
});
const parsed = new Promise((done) =>
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', done, { once: true }) : done(),
);
// Everything deferred, made DOM in slices once the page is parsed (a click's panel, or print, takes
// what it needs at once).
const whole = parsed.then(unveiled);
window[P.boot] = 'waiting';
await wanted();
window[P.boot] = 'loading';
const here = (file) => new URL('./' + file, import.meta.url).href;
// The site's own dataset needs only the lean reader (`BUILD.lean`, no problem reports, error panel
// or CSV import); an editor's `?data=` needs the full one, and so does the site's dataset when the
// lean reader cannot show it: it then calls `startFull`, so that reader says why.
const custom = new URLSearchParams(location.search).has('data');
const [glue, wasm] = BUILD.lean && !custom ? BUILD.lean : [BUILD.glue, BUILD.wasm];
for (const [rel, file] of [['modulepreload', glue], ['preload', wasm]]) {
  const link = document.createElement('link');
  link.rel = rel;
  link.href = here(file);
  link.crossOrigin = 'anonymous';
  if (rel === 'preload') {
    link.as = 'fetch';
    link.type = 'application/wasm';
  }
  document.head.append(link);
}
if (!custom) {
  const abort = new AbortController();
  setTimeout(() => abort.abort(), P.dataTimeoutMs);
  window[P.earlyDataUrl] = here(BUILD.data);
  window[P.earlyData] = fetch(window[P.earlyDataUrl], { signal: abort.signal });
}
const start = async (glue, wasm) => {
  const { default: init, ...bindings } = await import(here(glue));
  // The widget hydrates the whole page: all of it parsed, and none of it deferred.
  await whole;
  const module = await init({ module_or_path: here(wasm) });
  window.wasmBindings = bindings;
  window[P.boot] = 'started';
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: module } }));
};
window[P.startFull] = () => start(BUILD.glue, BUILD.wasm).catch(failed);
try {
  await start(glue, wasm);
} catch (error) {
  failed(error);
}
