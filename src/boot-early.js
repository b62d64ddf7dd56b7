// Events of the prerendered timeline answer before the WASM arrives (prepended to the start-up
// script by `prerender::boot_script`). A click, or Enter or Space, on an event selects it: the
// event shows pressed and a detail panel opens with what the prerendered list says of it (facts,
// summary, sources). Clicking it again, Escape or the panel's Close button clears it. The widget
// selects the same event once it is interactive, and its own panel replaces this one.
const KEY = '__LLMC_EARLY_SELECT__';
const by = (attr, value) => `[${attr}="${CSS.escape(value)}"]`;
const make = (tag, cls, text) => {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (text !== undefined) el.textContent = text;
  return el;
};
const choose = (w, id) => {
  const before = window[KEY];
  for (const el of w.querySelectorAll('.llmc-early')) {
    el.classList.remove('llmc-early', 'llmc-selected');
    el.setAttribute('aria-pressed', 'false');
  }
  const slot = w.querySelector('.llmc-detail-slot');
  slot?.replaceChildren();
  if (slot) slot.hidden = true;
  window[KEY] = id;
  if (id === null) {
    if (before) w.querySelector(by('data-event-id', before))?.focus();
    return;
  }
  for (const el of w.querySelectorAll(by('data-event-id', id))) {
    el.classList.add('llmc-early', 'llmc-selected');
    el.setAttribute('aria-pressed', 'true');
  }
  const entry = w.querySelector(by('data-entry', id));
  if (!slot || !entry) return;
  const d = slot.dataset;
  const title = make('h3', '', entry.querySelector('strong')?.textContent ?? '');
  title.id = d.titleId;
  title.tabIndex = -1;
  const close = make('button', 'llmc-close', d.close);
  close.type = 'button';
  const head = make('div', 'llmc-detail-head');
  head.append(title, close);
  const facts = make('dl', 'llmc-facts');
  const labels = d.labels.split('|');
  entry.querySelectorAll(':scope > span').forEach((s, k) => facts.append(make('dt', '', labels[k]), make('dd', '', s.textContent)));
  const panel = make('section', 'llmc-detail');
  panel.setAttribute('aria-labelledby', d.titleId);
  panel.append(head, facts, make('p', 'llmc-summary', entry.querySelector(':scope > p')?.textContent ?? ''));
  const sources = entry.querySelector(':scope > ul')?.cloneNode(true);
  if (sources) {
    sources.className = 'llmc-sources';
    panel.append(make('h4', '', d.sources), sources);
  }
  slot.append(panel);
  slot.hidden = false;
  title.focus();
};
const early = (e) => {
  const w = document.getElementById('llm-chronicle');
  // Once the widget is running (it drops `llmc-inert` after its first render and any input that
  // came during it, as it takes over what this script selected), it answers for itself.
  if (w && !w.classList.contains('llmc-inert')) {
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
  const hit = e.target.closest('[data-event-id]');
  if (hit) {
    e.preventDefault();
    e.stopPropagation();
    const id = hit.getAttribute('data-event-id');
    choose(w, id === window[KEY] ? null : id);
  } else if (e.type === 'click' && e.target.closest('.llmc-detail-slot .llmc-close')) {
    e.stopPropagation();
    choose(w, null);
  }
};
addEventListener('click', early, true);
addEventListener('keydown', early, true);
