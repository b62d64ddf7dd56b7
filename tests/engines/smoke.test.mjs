// The smoke suite, the same steps in every engine a reader uses: Chromium, Firefox ESR (Gecko) and
// WebKitGTK (Safari's engine). Both pages load and hydrate; an event is selected by click and by
// keyboard; the timeline zooms by button, key and Ctrl + wheel and pans by drag; the filters narrow
// it; a matrix cell opens its note; the language switches; the custom element works in an example
// article; and no engine reports a problem on the console. Against the release build in `dist/`.
//
// `cargo xtask test` installs the browsers (Debian's firefox-esr, webkit2gtk-driver and xvfb) and
// runs this file; alone: `node --test --test-concurrency=1 tests/engines/smoke.test.mjs`, and
// `LLMC_ENGINES=webkit` for one engine.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIST, EXAMPLES, eventually, serve } from '../e2e/harness.mjs';
import { ENGINES, LABELS, launchEngine } from './drivers.mjs';

const DATA = JSON.parse(readFileSync(new URL('../../data/chronicle.json', import.meta.url)));
const event = (id) => DATA.events.find((e) => e.id === id);

/** The interface's words the steps look for, in each language (core/src/i18n.rs). */
const UI = {
  en: { path: '/en/', tag: 'en', toolbar: 'Timeline zoom and pan', zoomIn: 'Zoom in', earlier: 'Earlier', details: 'Details', language: 'Language', switchTo: '中文', clear: 'Clear filters', openness: /^Model by model/, copy: 'Copy', copied: 'Copied', embed: /Embed$/ },
  zh: { path: '/', tag: 'zh-Hans', toolbar: '时间线缩放与平移', zoomIn: '放大', earlier: '向前（更早）', details: '详情', language: '语言', switchTo: 'English', clear: '清除筛选', openness: /^逐模型开放度/, copy: '复制', copied: '已复制', embed: /嵌入$/ },
};

const WIDTH = 1280;
const HEIGHT = 900;
/** How long a step may take to show its effect: WebKitGTK under Xvfb on two shared cores is slow. */
const SLOW = 20000;

/** The page hook goes first in every page served, before the page's own scripts. */
const HOOK = '<script src="/__smoke/page-hook.js"></script>';
const withHook = (html) => html.replace(/<head>/i, `<head>${HOOK}`);

/** Polls `fn` in the page until it returns something truthy; fails with `what` if it never does.
 * `fn` returns plain values: an element does not come back from the page the same in every
 * engine's protocol. */
async function until(page, what, fn, ...args) {
  const value = await eventually(() => page.eval(fn, ...args), Boolean, SLOW);
  assert.ok(value, what);
  return value;
}

/** Everything the page (and its same-origin frames) and the engine reported, and any request
 * that went to another origin. */
async function problems(page) {
  const seen = await page.eval(() => {
    const windows = [window, ...[...document.querySelectorAll('iframe')].map((f) => f.contentWindow)];
    const out = [];
    for (const w of windows) {
      try {
        out.push(...(w.__smoke?.problems ?? []));
        for (const r of w.performance.getEntriesByType('resource')) {
          const u = new URL(r.name);
          if (u.origin !== location.origin && !['data:', 'blob:'].includes(u.protocol)) out.push(`foreign request: ${r.name}`);
        }
      } catch {
        // A frame of another origin: not ours to read.
      }
    }
    return out;
  });
  return [...seen, ...page.native];
}

/** The window the timeline shows, as its toolbar (named `toolbar`) says it in a live region. */
const windowShown = (toolbar) => window.__smoke.find('toolbar', toolbar)?.querySelector('[aria-live]')?.textContent ?? null;

/** The window shown, once it differs from `before` (null until then). */
const windowMoved = (toolbar, before) => {
  const now = window.__smoke.find('toolbar', toolbar)?.querySelector('[aria-live]')?.textContent;
  return now && now !== before ? now : null;
};

/** The centre of the timeline's plot, in viewport coordinates, scrolled into view. */
const plotCentre = () => {
  const frame = document.querySelector('.llmc-timeline-frame');
  frame.scrollIntoView({ block: 'start' });
  const r = frame.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
};

for (const engine of ENGINES) {
  describe(`smoke in ${LABELS[engine]}`, () => {
    const env = {};
    before(async () => {
      env.server = await serve(DIST, {}, { '/examples/': EXAMPLES, '/__smoke/': import.meta.dirname }, { rewrite: withHook });
      env.browser = await launchEngine(engine, WIDTH, HEIGHT);
      console.log(`# ${LABELS[engine]}: ${env.browser.version}`);
    });
    after(async () => {
      await env.browser?.close();
      await env.server?.close();
    });

    for (const lang of ['zh', 'en']) {
      const t = UI[lang];
      test(`${LABELS[engine]}: ${t.path} hydrates; select, zoom, pan, filter, matrix, language, copy`, async () => {
        const page = await env.browser.newPage();
        try {
          await page.goto(`${env.server.url}${t.path}`);
          // The prerendered page, in its language, styled: light-dark() colours resolve and the
          // container query shows the wide timeline (and not the narrow list) at this width.
          assert.equal(await page.eval(() => document.documentElement.lang), t.tag);
          const look = await page.eval(() => {
            const root = document.querySelector('.llmc');
            const shown = (s) => [...document.querySelectorAll(s)].some((el) => el.getBoundingClientRect().height > 0);
            return { bg: getComputedStyle(root).backgroundColor, wide: shown('.llmc-timeline-frame'), narrow: shown('.llmc-vlist, .llmc-timeline-vertical') };
          });
          assert.deepEqual(look, { bg: 'rgb(255, 255, 255)', wide: true, narrow: false }, 'styles and container query');

          // A reader's pointer over the widget is the intent that starts the WASM; it hydrates.
          await until(page, 'the start-up script is waiting', () => window.__llmcBoot && window.__llmcBoot !== 'painting');
          await page.hover(() => document.querySelector('.llmc-title'));
          await until(page, 'the WASM started and hydrated the page', () => window.__llmcBoot === 'started' && !document.querySelector('.llmc-inert'));

          // Select by click: the marker is pressed and its panel names it.
          const bert = event('bert').name[lang];
          await page.click(() => document.querySelector('.llmc-timeline-frame [data-event-id="bert"]'));
          await until(page, `the panel of ${bert} after a click`, (name) => !!window.__smoke.find('region', name), bert);
          assert.equal(await page.eval(() => document.querySelector('.llmc-timeline-frame [data-event-id="bert"]').getAttribute('aria-pressed')), 'true');

          // By keyboard: Escape closes it and gives focus back to the marker; an arrow moves to
          // the next event, Enter opens its panel.
          await page.press('Escape');
          await until(page, 'Escape closed the panel and focus went back', () =>
            !document.querySelector('.llmc-detail') && document.activeElement?.getAttribute('data-event-id') === 'bert');
          await page.press('ArrowRight');
          const next = await until(page, 'ArrowRight moved focus to another event', () => {
            const id = document.activeElement?.getAttribute('data-event-id');
            return id && id !== 'bert' ? id : null;
          });
          await page.press('Enter');
          await until(page, `the panel of ${next} after Enter`, (name) => !!window.__smoke.find('region', name), event(next).name[lang]);

          // Zoom by the toolbar's button, then by key on the focused event, then Ctrl + wheel.
          const w0 = await page.eval(windowShown, t.toolbar);
          assert.ok(w0, 'the toolbar says which years are shown');
          await page.click((name, toolbar) => window.__smoke.find('button', name, window.__smoke.find('toolbar', toolbar)), t.zoomIn, t.toolbar);
          const w1 = await until(page, 'the zoom button zoomed in', windowMoved, t.toolbar, w0);
          await page.eval((id) => document.querySelector(`.llmc-timeline-frame [data-event-id="${id}"]`)?.focus(), next);
          await page.press('+');
          const w2 = await until(page, 'the + key zoomed in', windowMoved, t.toolbar, w1);
          assert.ok(await page.eval(() => document.querySelector('.llmc-timeline-frame')?.contains(document.activeElement)), 'focus stays in the timeline');
          const centre = await page.eval(plotCentre);
          const viewportWidth = await page.eval(() => innerWidth);
          await page.wheel(centre.x, centre.y, 400, true);
          const w3 = await until(page, 'Ctrl + wheel zoomed out', windowMoved, t.toolbar, w2);
          assert.equal(await page.eval(() => innerWidth), viewportWidth, 'Ctrl + wheel zoomed the timeline, not the page');
          // Drag the plot from a spot with nothing to press: to the right (earlier years), or to
          // the left where the window already starts at the first year.
          const from = await page.eval(() => {
            const frame = document.querySelector('.llmc-timeline-frame');
            frame.scrollIntoView({ block: 'start' });
            const r = frame.getBoundingClientRect();
            for (let y = Math.max(r.top, 0) + 20; y < Math.min(r.bottom, innerHeight) - 10; y += 7) {
              for (let x = r.left + r.width * 0.4; x < r.left + r.width * 0.6; x += 13) {
                const el = document.elementFromPoint(x, y);
                if (frame.contains(el) && !el.closest('[data-event-id], button, a')) return { x, y };
              }
            }
            return null;
          });
          assert.ok(from, 'an empty spot on the plot');
          const atStart = await page.eval((name, toolbar) => window.__smoke.find('button', name, window.__smoke.find('toolbar', toolbar)).disabled, t.earlier, t.toolbar);
          await page.drag(from.x, from.y, atStart ? -200 : 200);
          await until(page, 'a drag panned the timeline', windowMoved, t.toolbar, w3);

          // Filter: open the filters, type into the search box; the live count drops. Clear.
          const total = DATA.events.length;
          const count = () => document.querySelector('.llmc-filters summary [role=status]')?.textContent ?? '';
          await page.click(() => document.querySelector('.llmc-filters summary'));
          await page.click(() => window.__smoke.find('searchbox'));
          await page.type('BERT');
          const narrowed = await until(page, 'the search narrowed the events', (total) => {
            const m = document.querySelector('.llmc-filters summary [role=status]')?.textContent.match(/(\d+) \/ (\d+)/);
            return m && Number(m[2]) === total && Number(m[1]) > 0 && Number(m[1]) < total && m[0];
          }, total);
          assert.ok(narrowed);
          await page.click((name) => window.__smoke.find('button', name), t.clear);
          await until(page, 'clearing the filters brought every event back', (total) =>
            document.querySelector('.llmc-filters summary [role=status]')?.textContent.includes(`${total} / ${total}`), total);
          assert.ok((await page.eval(count)).includes(`${total} / ${total}`));

          // The openness matrix: a cell's note, by click.
          const row = DATA.openness[0];
          const crit = DATA.criteria[0];
          const cell = row.cells[crit.id];
          const label = { re: `^${event(row.model).name[lang].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · ${crit.name[lang]}:`, flags: '' };
          await page.click((label, caption) =>
            window.__smoke.find('button', label, window.__smoke.find('table', caption)), label, { re: t.openness.source, flags: '' });
          await until(page, 'the cell note shows', (name, note) => window.__smoke.find('region', name)?.textContent.includes(note), t.details, cell.note[lang]);

          // The embed snippets' copy button, which writes to the clipboard.
          await page.click((name) => window.__smoke.find('button', { re: name, flags: '' }), t.embed.source);
          await page.click((name) => window.__smoke.find('button', name, '.llmc-embed-panel'), t.copy);
          await until(page, 'the copy button answered', (copied) => document.querySelector('.llmc-embed-panel [role=status]')?.textContent === copied, t.copied);

          // Switch the language: the widget's words change, in place.
          await page.click((name, group) => window.__smoke.find('button', name, window.__smoke.find('group', group)), t.switchTo, t.language);
          const other = lang === 'zh' ? 'en' : 'zh-Hans';
          await until(page, 'the language switched', (tag) => document.querySelector('.llmc')?.getAttribute('lang') === tag, other);

          assert.deepEqual(await problems(page), [], 'no problem reported');
        } finally {
          await page.close();
        }
      });
    }

    test(`${LABELS[engine]}: on a phone's width, the narrow list; an event opens by a tap`, async () => {
      const page = await env.browser.newPage();
      try {
        await page.resize(375, 800);
        await page.goto(`${env.server.url}/en/`);
        // Below 600 px (a container query) the timeline is a vertical list, and the plot is gone.
        await until(page, 'the start-up script is waiting', () => window.__llmcBoot && window.__llmcBoot !== 'painting');
        const width = await page.eval(() => innerWidth);
        assert.ok(width < 600, `a narrow viewport (${width} px)`);
        await page.hover(() => document.querySelector('.llmc-title'));
        await until(page, 'the WASM started and hydrated the page', () => window.__llmcBoot === 'started' && !document.querySelector('.llmc-inert'));
        const shown = (s) => [...document.querySelectorAll(s)].filter((el) => el.getBoundingClientRect().height > 0).length;
        assert.equal(await page.eval(shown, '.llmc-timeline-frame svg'), 0, 'no wide plot');
        assert.ok((await page.eval(shown, '.llmc-vevent[data-event-id]')) > 0, 'the narrow list');
        assert.equal(await page.eval(() => document.documentElement.scrollWidth <= innerWidth), true, 'nothing wider than the screen');
        const name = event('bert').name.en;
        await page.click(() => [...document.querySelectorAll('.llmc-vevent[data-event-id="bert"]')].find((el) => el.getBoundingClientRect().height > 0));
        await until(page, `the panel of ${name}`, (name) => !!window.__smoke.find('region', name), name);
        assert.deepEqual(await problems(page), [], 'no problem reported');
      } finally {
        await page.resize(WIDTH, HEIGHT);
        await page.close();
      }
    });

    test(`${LABELS[engine]}: the custom element in an example article`, async () => {
      const page = await env.browser.newPage();
      try {
        await page.goto(`${env.server.url}/examples/article-en.html`);
        await until(page, 'the element rendered the widget in its shadow root', () =>
          !!document.querySelector('llm-chronicle')?.shadowRoot?.querySelector('.llmc[lang="en"]'));
        // The iframe above it has sized itself to its content (and so stopped moving the element).
        await until(page, 'the iframe sized itself to its content', () => {
          const f = document.querySelector('iframe[data-llm-chronicle]');
          const h = f?.contentDocument?.documentElement.scrollHeight;
          return f.style.height !== '' && h > 300 && Math.abs(parseFloat(f.style.height) - h) <= 1;
        });
        // An example model in its dimension matrix selects that model: its panel opens, inside
        // the element.
        const example = DATA.dimensions.find((d) => d.examples.length).examples[0];
        const name = event(example).name.en;
        await page.click(
          (name, caption) => {
            const root = document.querySelector('llm-chronicle').shadowRoot;
            return window.__smoke.find('button', name, window.__smoke.find('table', caption, root));
          },
          name,
          'Open versus closed models, dimension by dimension',
        );
        await until(page, `the panel of ${name} inside the element`, (name) =>
          !!window.__smoke.find('region', name, document.querySelector('llm-chronicle').shadowRoot), name);
        assert.equal(await page.eval(() => location.hash), '', 'the element leaves the URL alone');
        assert.equal(await page.eval(() => document.querySelectorAll('llm-chronicle').length), 1);
        assert.deepEqual(await problems(page), [], 'no problem reported');
      } finally {
        await page.close();
      }
    });
  });
}
