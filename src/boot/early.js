// The start-up script's first part: events of the prerendered timeline answer before the WASM
// arrives. It runs after the prelude that defines `P` (every name it shares with Rust and the
// stylesheet, from `src/boot/protocol.rs`) and before `load.js`.
//
// A click, or Enter or Space, on an event selects it: the event shows pressed, and the detail
// panel's template (the widget's own panel markup, left blank) is filled from the event list's
// entry. Clicking it again, Escape or the panel's Close button clears it. The widget selects the
// same event once it is interactive, and its own panel replaces this one.
//
// The WASM is fetched on the reader's first sign of intent (`wanted`): a pointer resting over the
// widget, a press, a touch, a wheel turn, focus or a key press inside it. Until the widget has
// taken over, other controls keep what the reader does with them: a pressed button or check box
// is pressed again, and a typed or chosen value given to the widget, once it has (`later`).
//
// The parts of the page no one sees at first (marked by their components with `P.defer`: the
// folded filters; the matrices, the list and the notes below the timeline) are prerendered inside
// `<noscript data-llmc-later>` (see `prerender::defer_unseen`): with scripting on, the parser
// keeps them as text, so the first frame holds only what is on screen. `unveil` makes them DOM:
// right after the first frame, or at once when something needs them (a click's panel, print).
const KEY = P.earlySelect;
// The deferred parts still to become DOM: steps, each making a slice of a list's entries DOM, run
// in order (see `unveil`).
const steps = [];
// The markup of one slice of entries, in characters: about a millisecond's parsing on a laptop.
const SLICE = 8192;
const dom = (html) => {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content;
};
// Makes a deferred part DOM, all but the entries of its event lists, which wait in `steps`: a list
// of 10,000 events is 3.5 MB of markup, a long task for the parser to take at once.
const open = (el) => {
  const text = el.textContent;
  const head = `<ol class="${P.listEvents}">`;
  let shell = '';
  let at = 0;
  const bodies = [];
  for (let k; (k = text.indexOf(head, at)) >= 0; ) {
    const start = k + head.length;
    const end = text.indexOf('</ol>', start);
    if (end < 0) break;
    shell += text.slice(at, start);
    bodies.push(text.slice(start, end));
    at = end;
  }
  const part = dom(shell + text.slice(at));
  const lists = part.querySelectorAll(`ol.${P.listEvents}`);
  // (Text and attributes never hold a `<`, so the cut can't go wrong; if it ever did, the part
  // becomes DOM whole.)
  if (lists.length !== bodies.length || [...lists].some((ol) => ol.childNodes.length)) return el.replaceWith(dom(text));
  el.replaceWith(part);
  bodies.forEach((body, k) => {
    for (let from = 0; from < body.length; ) {
      const cut = body.indexOf(`<li ${P.entry}=`, from + SLICE);
      const to = cut < 0 ? body.length : cut;
      const piece = body.slice(from, to);
      steps.push(() => lists[k].append(dom(piece)));
      from = to;
    }
  });
};
// Runs the steps a few milliseconds at a time, each batch a task of its own, so input is answered
// and frames are drawn in between.
const slices = new MessageChannel();
// Who waits for all of it (see `unveiled`).
const waiters = [];
slices.port1.onmessage = () => {
  const t = performance.now();
  while (steps.length && performance.now() - t < 5) steps.shift()();
  if (steps.length) slices.port2.postMessage(0);
  else for (const done of waiters.splice(0)) done();
};
// Turns the deferred parts into DOM, once the page has been parsed (until then a `<noscript>` may
// hold only part of its text): at once, or with `sliced`, the long lists' entries a slice at a
// time (`slices`).
const unveil = (sliced) => {
  if (document.readyState === 'loading') return;
  const later = document.querySelectorAll(`noscript[${P.later}]`);
  const first = !steps.length;
  for (const el of later) open(el);
  // (A link to a place in them lands once, so it waits for nothing.)
  if (sliced !== true || location.hash) while (steps.length) steps.shift()();
  else if (first && steps.length) slices.port2.postMessage(0);
  // A link to a place in those parts (an id in the URL's fragment) lands once the place exists.
  if (later.length && location.hash && window.scrollY === 0) {
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {}
    const place = document.getElementById(id);
    // Parts above it that skip layout until near the screen (`content-visibility: auto`) take
    // their real size as it scrolls: it goes there again until it stays (a few frames at most).
    const land = (tries) => {
      if (!place || Math.abs(place.getBoundingClientRect().top) < 1) return;
      place.scrollIntoView();
      if (tries) requestAnimationFrame(() => land(tries - 1));
    };
    land(4);
  }
};
addEventListener('beforeprint', () => unveil());
// Resolves once everything deferred is DOM, made so in slices like `unveil(true)` (and so after
// any click waiting for its panel: a click's panel needs only the slices up to its entry).
const unveiled = () =>
  new Promise((done) => {
    unveil(true);
    if (steps.length) waiters.push(done);
    else done();
  });
// An event whose panel waits for the rest of the page (see `choose`).
let pending = null;
const by = (attr, value) => `[${attr}="${CSS.escape(value)}"]`;
const make = (tag, cls, text) => {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (text !== undefined) el.textContent = text;
  return el;
};
// The early panel on screen, if any.
let shown = null;
// Where an event's panel opens (as the widget's does, see `scene::detail::place`): under its entry
// in the narrow list, along the wide plot's side (the left one when the event is in the plot's
// right half), else in the panel's own slot.
const spot = (w, id, slot) => {
  const el = [...w.querySelectorAll(by(P.eventId, id))].find((e) => e.getClientRects().length);
  if (el?.closest(`.${P.vertical}`)) return el.parentElement;
  const dock = w.querySelector(`.${P.detailDock}`);
  const plot = dock?.parentElement.querySelector(`.${P.timelineFrame}`);
  if (el && plot?.getClientRects().length) {
    const [f, m] = [plot.getBoundingClientRect(), el.getBoundingClientRect()];
    dock.classList.toggle(P.dockLeft, m.left + m.width / 2 - f.left > f.width / 2);
    return dock;
  }
  if (slot) slot.hidden = false;
  return slot;
};
const choose = (w, id) => {
  unveil(true);
  const before = window[KEY];
  pending = null;
  for (const el of w.querySelectorAll(`.${P.early}`)) {
    el.classList.remove(P.early, P.selected);
    el.setAttribute('aria-pressed', 'false');
  }
  const slot = w.querySelector(`.${P.detailSlot}`);
  shown?.remove();
  shown = null;
  if (slot) slot.hidden = true;
  window[KEY] = id;
  if (id === null) {
    // Focus goes back to the event, where it is: the page does not move.
    if (before) w.querySelector(by(P.eventId, before))?.focus({ preventScroll: true });
    return;
  }
  for (const el of w.querySelectorAll(by(P.eventId, id))) {
    el.classList.add(P.early, P.selected);
    el.setAttribute('aria-pressed', 'true');
  }
  // The list's entry for it: the slices before it, and its own, become DOM now if they are not yet.
  let entry;
  while (!(entry = w.querySelector(by(P.entry, id))) && steps.length) steps.shift()();
  if (slot && !entry && document.readyState === 'loading') {
    // The list comes last in the page, and a long page may still be parsing: the panel follows
    // once it is (unless the reader chose otherwise, or the widget took over, meanwhile).
    pending = id;
    const finish = () => {
      pending = null;
      if (window[KEY] === id && w.classList.contains(P.inert)) choose(w, id);
    };
    document.addEventListener('DOMContentLoaded', finish, { once: true });
  }
  if (!slot || !entry) return;
  // The widget's own panel markup (`render::detail`), left blank, filled from the entry; marked
  // early, so the widget's panel replaces it.
  const panel = slot.querySelector('template')?.content.firstElementChild?.cloneNode(true);
  if (!panel) return;
  panel.classList.add(P.earlyPanel);
  const fill = (name, text) => {
    const el = panel.querySelector(by(P.slot, name));
    if (el) el.textContent = text ?? '';
    return el;
  };
  const title = fill('title', entry.querySelector(':scope > strong')?.textContent);
  for (const dd of panel.querySelectorAll(`dd[${P.fact}]`)) {
    const fact = entry.querySelector(`:scope > span${by(P.fact, dd.getAttribute(P.fact))}`);
    if (fact) {
      dd.textContent = fact.textContent;
    } else {
      dd.previousElementSibling?.remove();
      dd.remove();
    }
  }
  fill('summary', entry.querySelector(':scope > p')?.textContent);
  const sources = entry.querySelector(':scope > ul');
  panel.querySelector(by(P.slot, 'sources'))?.replaceChildren(...(sources ? [...sources.cloneNode(true).children] : []));
  spot(w, id, slot)?.append(panel);
  shown = panel;
  // Focus moves into the panel, which opened where the reader is: the page does not move.
  title?.focus({ preventScroll: true });
};
const root = () => document.getElementById(P.mount);
// Whether the widget has yet to take over (and has not failed to load).
const waiting = (w) => w?.classList.contains(P.inert) && !w.classList.contains(P.loadFailed);
const queued = [];
let watch = null;
// Runs `action` once the widget has taken over (it drops `llmc-inert`); meanwhile the widget is busy.
const later = (w, action) => {
  queued.push(action);
  w.setAttribute('aria-busy', 'true');
  watch ??= new MutationObserver(() => {
    if (w.classList.contains(P.inert)) return;
    watch.disconnect();
    w.removeAttribute('aria-busy');
    for (const run of queued.splice(0)) run();
  });
  watch.observe(w, { attributes: true, attributeFilter: ['class'] });
};
// What the reader used before the takeover, to use it again after: the element itself, or, if
// the widget rendered afresh instead of taking over the prerendered page (another view or
// language, a deep link: see `browser.rs`), the one drawn in its place, found by what it is and
// says (its tag, class, type, name, label and text), the same in order among its likes.
const likeness = (el) =>
  [el.tagName, el.className, el.type, el.name, el.getAttribute('aria-label'), el.textContent.trim()].join('\u0000');
const remember = (w, el) => {
  const like = likeness(el);
  const nth = [...w.querySelectorAll(el.tagName)].filter((x) => likeness(x) === like).indexOf(el);
  return () => (el.isConnected ? el : [...w.querySelectorAll(el.tagName)].filter((x) => likeness(x) === like)[nth]);
};
// A button, check box or radio button (or a label of one) that the widget answers.
const control = (el) => {
  const c = el.closest('button, input[type=checkbox], input[type=radio], label');
  if (c?.tagName !== 'LABEL') return c;
  return ['checkbox', 'radio'].includes(c.control?.type) ? c : null;
};
const early = (e) => {
  const w = root();
  // Once the widget is running (it drops `llmc-inert` after its first render and any input that
  // came during it, as it takes over what this script selected), it answers for itself.
  if (w && !w.classList.contains(P.inert)) {
    removeEventListener('click', early, true);
    removeEventListener('keydown', early, true);
    return;
  }
  if (!w || !(e.target instanceof Element) || !w.contains(e.target)) return;
  if (e.type === 'keydown') {
    if (e.key === 'Escape' && window[KEY]) {
      e.preventDefault();
      e.stopPropagation();
      return choose(w, null);
    }
    if (e.key !== 'Enter' && e.key !== ' ') return;
  }
  // What this script answers, the widget (hydrated, not yet taken over) must not answer too.
  const hit = e.target.closest(`[${P.eventId}]`);
  if (hit) {
    e.preventDefault();
    e.stopPropagation();
    const id = hit.getAttribute(P.eventId);
    // A second press while its panel is still on its way keeps it (the reader saw nothing open).
    if (id === pending) return;
    choose(w, id === window[KEY] ? null : id);
  } else if (e.type === 'click' && shown?.contains(e.target) && e.target.closest(`.${P.close}`)) {
    e.stopPropagation();
    choose(w, null);
  } else if (e.type === 'click' && waiting(w) && e.target.closest('summary')) {
    // A section opened or folded by its summary (natively, at once) is so in the widget's own
    // drawing too, if the widget draws it anew.
    const summary = e.target.closest('summary');
    const now = remember(w, summary);
    later(w, () => {
      const to = now();
      const [was, is] = [summary.parentElement, to?.parentElement];
      if (to && to !== summary && is.open !== was.open) is.open = was.open;
    });
  } else if (e.type === 'click' && waiting(w)) {
    const c = control(e.target);
    if (!c || c.disabled) return;
    e.preventDefault();
    e.stopPropagation();
    const now = remember(w, c);
    later(w, () => now()?.click());
  }
};
addEventListener('click', early, true);
addEventListener('keydown', early, true);
// Text typed, numbers entered and options chosen before the takeover: given again after it.
const edits = new Map();
const edit = (e) => {
  const w = root();
  const el = e.target;
  if (!waiting(w) || !(el instanceof Element) || !w.contains(el) || !('value' in el)) return;
  if (el.type === 'checkbox' || el.type === 'radio') return;
  e.stopPropagation();
  let entry = edits.get(el);
  if (!entry) {
    entry = { types: new Set() };
    edits.set(el, entry);
    const now = remember(w, el);
    later(w, () => {
      edits.delete(el);
      const to = now();
      if (!to) return;
      to.value = entry.value;
      for (const type of entry.types) to.dispatchEvent(new Event(type, { bubbles: true }));
    });
  }
  entry.value = el.value;
  entry.types.add(e.type);
};
addEventListener('input', edit, true);
addEventListener('change', edit, true);
// Ctrl + wheel over the timeline zooms it once the widget runs: until then it must not zoom the
// page. (On the mount, not the window: a wheel listener that may cancel makes scrolling wait for
// the main thread wherever it listens. It goes once the widget has taken over.)
const guardZoom = () => {
  const w = root();
  const guard = (e) => {
    if (!waiting(w)) return w.removeEventListener('wheel', guard);
    if (e.ctrlKey && e.target instanceof Element && e.target.closest(`.${P.timelineFrame}`)) e.preventDefault();
  };
  w?.addEventListener('wheel', guard, { passive: false });
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', guardZoom);
else guardZoom();
// The reader's first sign of intent inside the widget: focus, a key, a wheel turn, a press or
// touch, or a pointer resting over the widget for 65 ms (instant.page's hover intent; then the load
// waits until the page has loaded and is idle, so it never competes with the page's own parsing or
// holds up the reader's input). A press on an event (and the focus it gives the event) is the
// exception: this script answers it, and its click counts once answered. Listened for from the
// script's first run, so a click that comes before the first frame's end counts too.
let intent = false;
let onIntent = null;
{
  const inside = (node) => node instanceof Node && !!root()?.contains(node);
  const types = ['pointerdown', 'touchstart', 'click', 'wheel', 'focusin', 'keydown', 'pointerover', 'pointerout'];
  const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 0));
  const loaded = (f) => (document.readyState === 'complete' ? f() : addEventListener('load', f, { once: true }));
  // The pointer's rest: its timer, and a count that cancels a rest (the pointer left, or pressed
  // an event) whose load and idle callbacks are still to come.
  let rest = null;
  let rests = 0;
  const stay = () => {
    clearTimeout(rest);
    rest = null;
    rests += 1;
  };
  const done = () => {
    stay();
    for (const type of types) removeEventListener(type, on, true);
    intent = true;
    onIntent?.();
  };
  const on = (e) => {
    if (e.type === 'pointerout') {
      if (!inside(e.relatedTarget)) stay();
    } else if (!inside(e.target)) {
      return;
    } else if (e.type === 'pointerover') {
      if (rest !== null) return;
      const mine = rests;
      const still = () => mine === rests && done();
      rest = setTimeout(() => loaded(() => idle(still, { timeout: 2000 })), 65);
    } else if (['pointerdown', 'touchstart', 'focusin'].includes(e.type) && e.target.closest(`[${P.eventId}]`)) {
      stay();
    } else {
      done();
    }
  };
  for (const type of types) addEventListener(type, on, { capture: true, passive: true });
}
// Resolves once the reader has shown intent (called after the first frame), or at once when the
// page can't wait for one: no prerendered widget, settings or a deep link in the URL, or inside a
// frame (whose height the widget reports).
const wanted = () =>
  new Promise((go) => {
    const w = root();
    if (intent || !w?.classList.contains(P.inert) || location.search || location.hash || window !== window.top) return go();
    onIntent = go;
  });
// The WASM could not load: says so (naming what failed) above the prerendered content, which stays.
const failed = (error) => {
  const w = root();
  window[P.boot] = 'failed';
  if (!w) return;
  queued.length = 0;
  watch?.disconnect();
  w.removeAttribute('aria-busy');
  w.classList.add(P.loadFailed);
  const what = String(error?.message ?? error);
  const text = P.failed[document.documentElement.lang.startsWith('zh') ? 'zh' : 'en'];
  const note = make('p', P.loadError, text.replace('{what}', what));
  note.setAttribute('role', 'alert');
  // Inside the widget's root, so it takes the widget's font, colours and theme.
  (w.querySelector(`.${P.root}`) ?? w).prepend(note);
};
