// Content before script: the prerendered pages without JavaScript, hydration with it, layout
// shift, and print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { eventually, ready, serve, setup, showIntent, violations, watchedPage } from './harness.mjs';

const DATA = JSON.parse(readFileSync(new URL('../../data/chronicle.json', import.meta.url)));

const env = setup();

for (const [path, lang, tag] of [['/', 'zh', 'zh-Hans'], ['/en/', 'en', 'en']]) {
  test(`${path} without JavaScript: every era, event and matrix is there to read`, async () => {
    const { page, problems, context } = await watchedPage(env.browser, env.server.url, { javaScriptEnabled: false });
    await page.goto(`${env.server.url}${path}`);
    assert.equal(await page.getAttribute('html', 'lang'), tag);
    const text = await page.locator('.llmc').innerText();
    for (const e of DATA.events) assert.ok(text.includes(e.name[lang]), `${e.id} missing`);
    for (const era of DATA.eras) assert.ok(text.includes(era.name[lang]), `era ${era.id} missing`);
    // Both matrices, and the openness rubric beside them.
    assert.equal(await page.locator('.llmc table.llmc-matrix, .llmc table.llmc-openness-table').count(), 2);
    assert.equal(await page.locator('.llmc table.llmc-rubric-table').count(), 1);
    assert.equal(await page.locator('.llmc-list-events > li').count(), DATA.events.length);
    const links = await page.locator('.llmc-list-sources a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length >= DATA.events.length && links.every((h) => h.startsWith('https://')));
    // Controls that need the WASM look inert (and are: they ignore the pointer).
    assert.equal(await page.locator('#llm-chronicle').getAttribute('class'), 'llmc-inert');
    const search = page.locator('.llmc-filters input[type=search]');
    assert.deepEqual(await search.evaluate((el) => [getComputedStyle(el).opacity, getComputedStyle(el).pointerEvents]), ['0.55', 'none']);
    assert.deepEqual(problems.foreign, []);
    await context.close();
  });

  test(`${path} with JavaScript: hydrates in place with a clean console and no layout shift`, async () => {
    const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      // Setting the root's lang, even to the same value, restyles the whole page: hydration must not.
      window.__langWrites = 0;
      new MutationObserver((ms) => (window.__langWrites += ms.filter((m) => m.target.classList?.contains('llmc')).length))
        .observe(document, { subtree: true, attributes: true, attributeFilter: ['lang'] });
      // The prerendered drawing of the timeline, to see whether hydration keeps it.
      document.addEventListener('DOMContentLoaded', () => (document.querySelector('.llmc-plot').__prerendered = true));
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${env.server.url}${path}`);
    const prerendered = await page.locator('.llmc-title').textContent();
    await ready(page);
    // Two frames after hydration, so pending layout settles before reading the score.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.01, `cumulative layout shift ${cls}`);
    assert.equal(await page.evaluate(() => window.__langWrites), 0, 'hydration rewrote the lang of the widget root');
    assert.equal(await page.locator('.llmc').count(), 1, 'hydrated, not rendered twice');
    assert.equal(await page.locator('.llmc-title').textContent(), prerendered);
    // Interactive now.
    await page.locator('[data-event-id="bert"]').first().click();
    await page.getByRole('region', { name: 'BERT' }).waitFor();
    // The page is prerendered at the timeline's width on screens 1,200 px or wider (1280 here), so
    // hydration keeps the drawing instead of laying it out again. (Checked after the click, which
    // is handled after any re-render hydration scheduled.)
    assert.equal(await page.evaluate(() => document.querySelector('.llmc-plot').__prerendered), true, 'the timeline was drawn again after hydration');
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.foreign, []);
    await context.close();
  });
}

/** The widget has taken over the start-up script's selection of `id` (named `name`): its own
 * panel, with the architecture, is open, `id` is the one pressed event, and no early mark, early
 * panel or early global is left. */
async function takenOver(page, id, name) {
  await page.getByRole('region', { name }).getByText('Architecture').waitFor();
  // (What is shown: until the widget measures itself the narrow list is in the page too, hidden.)
  const pressed = page.locator('[data-event-id][aria-pressed="true"]:visible');
  assert.equal(await pressed.count(), 1);
  assert.equal(await pressed.getAttribute('data-event-id'), id);
  assert.equal(await page.locator('.llmc-early, .llmc-early-panel, .llmc-detail-slot').count(), 0, 'the early panel and marks are gone');
  assert.equal(await page.locator('.llmc-detail').count(), 1, 'one panel');
  assert.equal(await page.evaluate(() => window.__llmcEarlySelect), undefined, 'taken over once');
}

/** Holds back the responses to requests matching `pattern` until `release()`; `requested`
 * resolves when the first such request is made. */
async function holdBack(page, pattern) {
  let release, asked;
  const held = new Promise((ok) => (release = ok));
  const requested = new Promise((ok, fail) => {
    asked = ok;
    setTimeout(() => fail(new Error(`nothing requested ${pattern} within 30 s`)), 30000).unref();
  });
  await page.route(pattern, async (route) => {
    asked();
    await held;
    await route.continue();
  });
  return { requested, release };
}

test('before the WASM arrives, an event answers a click or Enter with its detail panel, and the widget takes it over', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  // Hold the WASM back until the reader has acted on the prerendered page.
  const { requested, release } = await holdBack(page, /_bg\.wasm$/);
  await page.goto(`${env.server.url}/en/`);
  // The start-up script listens from before it asks for the WASM, which it does on the reader's
  // first sign of intent: here, a key pressed on an event.
  await page.waitForFunction(() => window.__llmcBoot === 'waiting');
  const root = page.locator('#llm-chronicle');
  // (What is shown: until the widget measures itself the narrow list is in the page too, hidden.)
  const pressed = page.locator('[data-event-id][aria-pressed="true"]:visible');
  const focusedId = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-event-id'));
  assert.equal(await root.getAttribute('class'), 'llmc-inert');
  // Enter on one event: it shows pressed, and its panel opens with focus on its heading.
  await page.locator('[data-event-id="gpt-1"]').first().focus();
  await page.keyboard.press('Enter');
  await requested;
  const gpt1 = page.getByRole('region', { name: 'GPT-1' });
  assert.equal(await pressed.getAttribute('data-event-id'), 'gpt-1');
  assert.equal(await focusedId(), 'llmc-detail-title');
  const facts = await gpt1.locator('dt').allInnerTexts();
  assert.deepEqual(facts, ['Date', 'Organisation', 'Access']);
  assert.match(await gpt1.locator('dd').first().innerText(), /^2018-06/);
  assert.ok((await gpt1.locator('.llmc-summary').innerText()).length > 40, 'the summary is there');
  const links = await gpt1.locator('.llmc-sources a').evaluateAll((as) => as.map((a) => a.href));
  assert.ok(links.length >= 1 && links.every((h) => h.startsWith('https://')), 'with its sources');
  assert.deepEqual(await violations(page), [], 'axe, with the early panel open');
  // A click on another event moves the selection; Escape clears it and focus goes back.
  await page.locator('[data-event-id="bert"]').first().click();
  await page.getByRole('region', { name: 'BERT' }).waitFor();
  assert.equal(await pressed.count(), 1, 'one event is pressed');
  assert.equal(await pressed.getAttribute('data-event-id'), 'bert');
  assert.equal(await gpt1.count(), 0);
  await page.keyboard.press('Escape');
  assert.equal(await pressed.count(), 0);
  assert.equal(await page.locator('.llmc-detail').count(), 0);
  assert.equal(await focusedId(), 'bert');
  // Clicking an event twice toggles it; the panel's Close button closes it.
  await page.locator('[data-event-id="bert"]').first().click();
  await page.locator('[data-event-id="bert"]').first().click();
  assert.equal(await pressed.count(), 0);
  await page.locator('[data-event-id="bert"]').first().click();
  await page.locator('.llmc-detail .llmc-close').click();
  assert.equal(await page.locator('.llmc-detail').count(), 0);
  await page.locator('[data-event-id="bert"]').first().click();
  assert.equal(await root.getAttribute('class'), 'llmc-inert', 'all of that before the widget ran');
  // The widget takes the selection over: its own panel (with the architecture and lineage).
  release();
  await ready(page);
  await takenOver(page, 'bert', 'BERT');
  // Clicking it again now toggles it off, as usual, and picking another event works.
  await page.locator('[data-event-id="bert"]').first().click();
  await page.locator('[data-event-id="bert"][aria-pressed="false"]').waitFor();
  assert.equal(await page.locator('.llmc-detail').count(), 0);
  await page.locator('[data-event-id="gpt-1"]').first().click();
  await gpt1.getByText('Architecture').waitFor();
  assert.equal(await pressed.count(), 1);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('an event still answers between the WASM starting and the dataset arriving', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  const { release } = await holdBack(page, /chronicle-[0-9a-f]+\.json$/);
  await page.goto(`${env.server.url}/en/`);
  await showIntent(page);
  // The WASM has started (the start-up script publishes its exports), but the widget waits for
  // its data, so the page is still the prerendered one.
  await page.waitForFunction(() => window.wasmBindings);
  assert.equal(await page.locator('#llm-chronicle').getAttribute('class'), 'llmc-inert');
  await page.locator('[data-event-id="gpt-1"]').first().click();
  await page.getByRole('region', { name: 'GPT-1' }).waitFor();
  assert.equal(await page.locator('[data-event-id="gpt-1"][aria-pressed="true"]:visible').count(), 1);
  release();
  await ready(page);
  await page.getByRole('region', { name: 'GPT-1' }).getByText('Architecture').waitFor();
  assert.equal(await page.locator('[data-event-id][aria-pressed="true"]:visible').count(), 1);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('a click that comes while the widget renders is answered by the start-up script, then taken over', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    // Input waiting when the widget's first render ends: the browser says so through
    // isInputPending. Stand in for a reader's click that came during that render: report it
    // pending, and queue it (a task queued now runs before the widget's next one).
    const root = () => document.getElementById('llm-chronicle');
    const scheduling = navigator.scheduling ?? {};
    Object.defineProperty(navigator, 'scheduling', { value: scheduling, configurable: true });
    scheduling.isInputPending = () => {
      // Only once the first render is done (mounting drops this attribute before it renders).
      if (window.__clicked || root().hasAttribute('data-llmc-prerendered')) return false;
      window.__clicked = true;
      setTimeout(() => {
        // The widget must leave the click to the script until it has taken over (it renders in
        // a microtask of this task if it handles the click too).
        const watch = new MutationObserver(() => {
          if (!root().classList.contains('llmc-inert')) return watch.disconnect();
          if (document.querySelector('.llmc-detail')?.textContent.includes('Architecture')) window.__widgetWhileInert = true;
        });
        watch.observe(document, { subtree: true, childList: true, attributes: true });
        document.querySelector('[data-event-id="gpt-1"]').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
        const panel = document.querySelector('.llmc-detail');
        window.__answered = {
          inert: root().classList.contains('llmc-inert'),
          early: [...document.querySelectorAll('.llmc-early')].map((e) => e.getAttribute('data-event-id')),
          panel: panel?.querySelector('h3')?.textContent ?? null,
          widgetsPanel: !!panel?.textContent.includes('Architecture'),
        };
      }, 0);
      return true;
    };
  });
  await page.goto(`${env.server.url}/en/`);
  await ready(page);
  const answered = await page.evaluate(() => window.__answered);
  assert.ok(answered, 'the widget asked whether input was waiting after its first render');
  // The click came after the first render, before the takeover: the script answered it alone.
  assert.deepEqual(answered, { inert: true, early: ['gpt-1'], panel: 'GPT-1', widgetsPanel: false });
  assert.equal(await page.evaluate(() => window.__widgetWhileInert), undefined, 'the widget answered the click too');
  // Then the widget took the selection over: its own panel, one event pressed, no early marks.
  await takenOver(page, 'gpt-1', 'GPT-1');
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('a click on an event while a long page is still being parsed opens its panel once the list is in', async () => {
  // The page arrives in two parts: everything before the event list, then (on release) the rest,
  // as a long page does on a slow phone. Everything else comes from the usual server.
  const html = readFileSync(new URL('../../dist/en/index.html', import.meta.url), 'utf8');
  const cut = html.search(/<section [^>]*class="llmc-list/);
  assert.ok(cut > 0, 'the page has its event list');
  let release;
  const held = new Promise((ok) => (release = ok));
  const proxy = createServer(async (req, res) => {
    if (new URL(req.url, 'http://x').pathname === '/en/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(html.slice(0, cut));
      await held;
      res.end(html.slice(cut));
      return;
    }
    const r = await fetch(env.server.url + req.url);
    res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/octet-stream' });
    res.end(Buffer.from(await r.arrayBuffer()));
  });
  await new Promise((ok) => proxy.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${proxy.address().port}`;
  try {
    const { page, problems, context } = await watchedPage(env.browser, url);
    // The widget stays out of the way: this is about the start-up script alone.
    const wasm = await holdBack(page, '**/*.wasm');
    await page.goto(`${url}/en/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__llmcBoot && window.__llmcBoot !== 'painting');
    assert.equal(await page.evaluate(() => document.readyState), 'loading');
    await page.locator('[data-event-id="bert"]').first().click();
    assert.equal(await page.locator('[data-event-id="bert"]').first().getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('.llmc-detail').count(), 0, 'no panel without the list');
    // Pressed again while its panel is on its way, it stays chosen.
    const bert = page.locator('[data-event-id="bert"]').first();
    await bert.click();
    assert.equal(await bert.getAttribute('aria-pressed'), 'true');
    // Escape clears it; pressed after that, it is chosen again.
    await page.keyboard.press('Escape');
    assert.equal(await bert.getAttribute('aria-pressed'), 'false');
    await bert.click();
    assert.equal(await bert.getAttribute('aria-pressed'), 'true');
    release();
    await page.locator('.llmc-detail h3', { hasText: 'BERT' }).waitFor();
    assert.equal(await page.locator('[data-event-id="bert"]').first().getAttribute('aria-pressed'), 'true');
    wasm.release();
    assert.deepEqual(problems.console, []);
    await context.close();
  } finally {
    release();
    proxy.closeAllConnections();
    await new Promise((ok) => proxy.close(ok));
  }
});

test('the folded filters and the part below the timeline wait as text for the first frame, then become the page', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  // What the first frame that shows an event holds (checked in its animation-frame callbacks).
  await page.addInitScript(() => {
    const look = () => {
      if (!document.querySelector('.llmc-event')) return requestAnimationFrame(look);
      window.__firstFrame = {
        waiting: document.querySelectorAll('noscript[data-llmc-later]').length,
        tables: document.querySelectorAll('.llmc table').length,
        search: document.querySelectorAll('.llmc input[type=search]').length,
        // Chinese set in type (the browser would look for a Chinese font just for it).
        chinese: document.body.innerText.match(/[\u3400-\u9fff]+/g),
      };
    };
    requestAnimationFrame(look);
  });
  await page.goto(`${env.server.url}/en/`);
  await page.waitForFunction(() => window.__llmcBoot === 'waiting' && document.readyState === 'complete');
  assert.deepEqual(await page.evaluate(() => window.__firstFrame), { waiting: 2, tables: 0, search: 0, chinese: null });
  // The switch to Chinese is drawn, and named for assistive technology.
  assert.equal(await page.getByRole('button', { name: '中文', exact: true }).locator('svg path').count(), 1);
  // Then, with no WASM asked for, everything is there: to read, to find in the page, to use.
  assert.equal(await page.locator('noscript').count(), 0);
  assert.equal(await page.locator('.llmc table').count(), 5, 'both matrices, the rubric and the trend chart\'s two');
  await page.waitForFunction((n) => document.querySelectorAll('.llmc-list-events > li').length === n, DATA.events.length);
  assert.ok((await page.locator('.llmc').textContent()).includes(DATA.events.at(-1).summary.en));
  await page.locator('.llmc-filters summary').click();
  await page.getByRole('searchbox').fill('llama');
  await ready(page);
  const [shown, all] = (await page.locator('.llmc-count').textContent()).match(/\d+/g).map(Number);
  assert.ok(all === DATA.events.length && shown > 0 && shown < all, `the search, typed before the widget ran, counts: ${shown} / ${all}`);
  assert.deepEqual(problems.console, []);
  await context.close();
});

for (const path of ['/', '/en/']) {
  test(`${path}: what waited as text becomes the very DOM the parser builds without scripting`, async () => {
    const markup = async (options, settle) => {
      const { page, problems, context } = await watchedPage(env.browser, env.server.url, options);
      await page.goto(`${env.server.url}${path}`);
      await settle?.(page);
      const html = await page.locator('.llmc').evaluate((el) => el.outerHTML);
      assert.deepEqual(problems.console, []);
      await context.close();
      return html;
    };
    const parsed = await markup({ javaScriptEnabled: false });
    assert.equal((parsed.match(/<noscript data-llmc-later="">/g) ?? []).length, 2, 'the page defers two parts');
    const unveiled = await markup({}, async (page) => {
      await page.waitForFunction((n) => !document.querySelector('noscript') && document.querySelectorAll('.llmc-list-events > li').length === n, DATA.events.length);
      // The widget has not run (no sign of intent): this is the start-up script's work alone.
      assert.equal(await page.evaluate(() => window.__llmcBoot), 'waiting');
    });
    // (Some of its lists are longer than a slice: their entries came in more than one piece.)
    assert.equal(unveiled, parsed.replace(/<noscript data-llmc-later="">|<\/noscript>/g, ''));
  });
}

test('a long list becomes DOM a slice at a time, with frames between, and a click gets its panel at once', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  // Before the start-up script turns it into DOM, the deferred list is made 40 times as long (each
  // entry with an id of its own, in order). Each frame counts the entries there are; in the first
  // that has some but not all, an event whose entry is the very last is clicked.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const later = document.querySelectorAll('noscript[data-llmc-later]')[1];
      let n = 0;
      later.textContent = later.textContent.replace(/<ol class="llmc-list-events">(.*?)<\/ol>/gs, (_, body) => {
        const copies = Array.from({ length: 40 }, () => body.replace(/data-entry="[^"]*"/g, () => `data-entry="x${n++}"`));
        return `<ol class="llmc-list-events">${copies.join('')}</ol>`;
      });
      window.__total = n;
      window.__counts = [];
      const count = () => {
        const c = document.querySelectorAll('.llmc-list-events > li').length;
        window.__counts.push(c);
        if (c > 0 && c < n && !window.__click) {
          const ev = document.querySelector('[data-event-id]');
          ev.setAttribute('data-event-id', `x${n - 1}`);
          ev.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
          window.__click = { entries: c, panel: document.querySelector('.llmc-detail h3')?.textContent ?? null };
        }
        if (c < n) requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
    });
  });
  // The click is a sign of intent: the WASM it asks for never comes, so the page stays the script's.
  await page.route(/_bg\.wasm$/, () => {});
  await page.goto(`${env.server.url}/en/`);
  const total = await page.evaluate(() => window.__total);
  assert.equal(total, DATA.events.length * 40);
  await page.waitForFunction((n) => document.querySelectorAll('.llmc-list-events > li').length === n, total);
  const counts = await page.evaluate(() => window.__counts);
  assert.ok(counts.some((c) => c > 0 && c < total), `no frame between the slices: ${counts.join(', ')}`);
  // The click came while the list was coming, and its panel opened with it (the entry's title).
  const click = await page.evaluate(() => window.__click);
  assert.ok(click && click.entries < total, `clicked with ${click?.entries} of ${total} entries`);
  assert.equal(click.panel, await page.locator('[data-entry] > strong').last().textContent());
  // In order: every list's entries as they were, copy after copy.
  const ids = await page.locator('.llmc-list-events > li').evaluateAll((lis) => lis.map((li) => li.dataset.entry));
  assert.deepEqual(ids, Array.from({ length: total }, (_, k) => `x${k}`));
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('a link to a place in the part below the timeline lands there once it is there', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  // The widget stays out of the way (a fragment starts it at once): this is about the page.
  const wasm = await holdBack(page, '**/*.wasm');
  await page.goto(`${env.server.url}/en/#llmc-all-events-title`);
  await page.waitForFunction(() => !document.querySelector('noscript') && document.readyState === 'complete');
  // (The list is folded, so its heading is near the page's end: in view, as far as it scrolls.)
  const landed = () =>
    page.evaluate(() => {
      const top = document.getElementById('llmc-all-events-title').getBoundingClientRect().top;
      return { inView: top >= 0 && top < innerHeight - 20, end: Math.abs(scrollY + innerHeight - document.documentElement.scrollHeight) < 2 };
    });
  await page.waitForFunction(() => window.scrollY > 900);
  // It stays there over the next frames, as the parts above it take their real size.
  for (let i = 0; i < 6; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  assert.deepEqual(await landed(), { inView: true, end: true });
  wasm.release();
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('the WASM is fetched only once the reader shows intent, and nothing but the page and its CSS before it', async () => {
  const html = readFileSync(new URL('../../dist/index.html', import.meta.url), 'utf8');
  assert.doesNotMatch(html, /rel="(module)?preload"/, 'the page itself requests no script before its first frame');
  const { page, problems, context } = await watchedPage(env.browser, env.server.url);
  // When the page's first frame began (its first animation-frame callbacks).
  await page.addInitScript(() => requestAnimationFrame(() => (window.__firstFrame = performance.now())));
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${env.server.url}/en/`);
  // Past the first frame and the page's load, the start-up script waits for intent: a reader who
  // only reads never downloads the widget's code or dataset.
  await page.waitForFunction(() => window.__llmcBoot === 'waiting' && document.readyState === 'complete');
  const before = requests.filter((p) => /\.(wasm|json)$|llm-chronicle-.*\.js$/.test(p));
  assert.deepEqual(before, [], 'nothing of the widget requested before intent');
  // A click on an event is one: it is answered first (its press does not start the load), then
  // the WASM is fetched.
  await page.evaluate(() => {
    const watch = new MutationObserver(() => {
      if (document.querySelector('.llmc-detail h3')) (window.__answered = performance.now()), watch.disconnect();
    });
    watch.observe(document, { subtree: true, childList: true });
  });
  await page.locator('[data-event-id="bert"]').first().click();
  await page.getByRole('region', { name: 'BERT' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.llmc-inert'));
  const intent = await page.evaluate(() => window.__answered);
  const seen = await page.evaluate(() => {
    const frame = window.__firstFrame;
    const started = (suffix) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(suffix))?.startTime;
    return {
      frame,
      wasm: started('_bg.wasm'),
      data: performance.getEntriesByType('resource').find((r) => /chronicle-[0-9a-f]+\.json$/.test(r.name))?.startTime,
      preload: !!document.querySelector('link[rel="preload"][as="fetch"][type="application/wasm"][href$="_bg.wasm"]'),
      modulepreload: !!document.querySelector('link[rel="modulepreload"][href$=".js"]'),
      boot: window.__llmcBoot,
    };
  });
  assert.ok(seen.preload && seen.modulepreload, `the start-up script preloads the WASM and its glue: ${JSON.stringify(seen)}`);
  assert.ok(seen.frame > 0 && seen.wasm >= intent && seen.data >= intent, `requested after the click was answered (${intent}): ${JSON.stringify(seen)}`);
  assert.equal(seen.boot, 'started');
  await takenOver(page, 'bert', 'BERT');
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('a click on an event before the start-up script has seen the first frame still starts the load', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  // Hold the script in its wait for the first frame (it then waits at most 1 s) while the click comes.
  await page.addInitScript(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.__holdFrames = true;
    window.requestAnimationFrame = (cb) => (window.__holdFrames ? 0 : raf(cb));
  });
  await page.goto(`${env.server.url}/en/`);
  await page.waitForFunction(() => window.__llmcBoot === 'painting' && document.querySelector('[data-event-id="bert"]'));
  await page.locator('[data-event-id="bert"]').first().dispatchEvent('click');
  await page.getByRole('region', { name: 'BERT' }).waitFor();
  assert.equal(await page.evaluate(() => window.__llmcBoot), 'painting', 'the click came during the wait');
  await page.evaluate(() => (window.__holdFrames = false));
  await page.waitForFunction(() => !document.querySelector('.llmc-inert'));
  await takenOver(page, 'bert', 'BERT');
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('a pointer resting over the widget fetches the WASM, one over the rest of the page does not', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.server.url}/en/`);
  await page.waitForFunction(() => window.__llmcBoot === 'waiting' && document.readyState === 'complete');
  // Over the page's own title, outside the widget: nothing.
  await page.locator('.llmc-page-title').hover();
  assert.equal(await page.evaluate(() => window.__llmcBoot), 'waiting');
  // Over the widget's header, and staying there: the start-up script fetches the WASM.
  const box = await page.locator('.llmc-header').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => window.__llmcBoot !== 'waiting');
  await ready(page);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('controls used before the widget has taken over are given to it once it has', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  const { requested, release } = await holdBack(page, /_bg\.wasm$/);
  await page.goto(`${env.server.url}/en/`);
  await page.waitForFunction(() => window.__llmcBoot === 'waiting');
  const root = page.locator('#llm-chronicle');
  const count = page.locator('.llmc-count');
  const all = await count.textContent();
  // The filters open natively; a check box and the search box are used while the WASM is held.
  await page.locator('.llmc-filters summary').click();
  await requested;
  const closed = page.locator('.llmc-filters .llmc-check', { hasText: 'API access' }).locator('input');
  await closed.click();
  assert.equal(await closed.isChecked(), false, 'not ticked until the widget can act on it');
  assert.equal(await root.getAttribute('aria-busy'), 'true', 'the widget says it is busy');
  await page.getByRole('searchbox').fill('gpt');
  // Ctrl + wheel over the timeline (which will zoom it) does not zoom the page meanwhile.
  await page.evaluate(() => addEventListener('wheel', (e) => (window.__wheelCancelled = e.defaultPrevented)));
  const plot = await page.locator('.llmc-timeline-frame').boundingBox();
  await page.mouse.move(plot.x + plot.width / 2, plot.y + 40);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await page.waitForFunction(() => window.__wheelCancelled !== undefined);
  assert.equal(await page.evaluate(() => window.__wheelCancelled), true, 'the page would have zoomed');
  assert.equal(await root.getAttribute('class'), 'llmc-inert');
  assert.equal(await count.textContent(), all, 'nothing filtered yet');
  release();
  await ready(page);
  // Both reached the widget: the box is ticked, the query kept, and the count reflects both.
  await page.waitForFunction((all) => document.querySelector('.llmc-count').textContent !== all, all);
  assert.equal(await closed.isChecked(), true);
  assert.equal(await page.getByRole('searchbox').inputValue(), 'gpt');
  assert.equal(await root.getAttribute('aria-busy'), null);
  // The box counts: unticking it now (the widget running) changes the count again.
  const both = await count.textContent();
  await closed.click();
  await page.waitForFunction((both) => document.querySelector('.llmc-count').textContent !== both, both);
  assert.notEqual(await count.textContent(), all, 'the query still applies');
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('a first press before the takeover is not lost when the widget renders afresh (another view, as an iframe asks)', async () => {
  // `view=timeline` differs from the prerendered page (both views): the widget renders anew
  // instead of taking the page over, so the buttons pressed meanwhile are not the ones it draws.
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1100, height: 900 } });
  const { requested, release } = await holdBack(page, /_bg\.wasm$/);
  await page.goto(`${env.server.url}/en/?view=timeline`);
  await requested;
  const root = page.locator('#llm-chronicle');
  const toggle = page.getByRole('button', { name: '</> Embed' });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'not open until the widget can open it');
  assert.equal(await root.getAttribute('aria-busy'), 'true', 'the widget says it is busy');
  await page.locator('.llmc-filters summary').click();
  await page.getByRole('searchbox').fill('llama');
  const replaced = await toggle.evaluate((el) => {
    window.__pressed = el;
    return el.isConnected;
  });
  assert.ok(replaced, 'the prerendered toggle is the one pressed');
  release();
  await ready(page);
  assert.equal(await page.evaluate(() => window.__pressed.isConnected), false, 'the widget drew its own toggle');
  // The press and the typed query reached the widget's own controls.
  assert.equal(await eventually(() => toggle.getAttribute('aria-expanded'), (v) => v === 'true'), 'true', 'the first press opened the panel');
  await page.getByRole('region', { name: 'Embed' }).waitFor();
  assert.equal(await eventually(() => page.getByRole('searchbox').inputValue(), (v) => v === 'llama'), 'llama', 'the filters are open, the query kept');
  const narrowed = (t) => {
    const [, shown, total] = / (\d+) \/ (\d+)/.exec(t) ?? [];
    return Number(shown) < Number(total);
  };
  assert.ok(narrowed(await eventually(() => page.locator('.llmc-count').textContent(), narrowed)), 'the query narrowed the events');
  assert.equal(await root.getAttribute('aria-busy'), null);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('a WASM that cannot load is named in a notice, and the prerendered page keeps working', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${env.server.url}/en/`);
  await page.locator('.llmc-filters summary').click();
  const notice = page.getByRole('alert');
  await notice.waitFor();
  assert.match(await notice.innerText(), /^The interactive features could not load: .+\. Everything below is complete to read/);
  assert.equal(await page.locator('#llm-chronicle').getAttribute('aria-busy'), null);
  // The content is all there, and events still open their panels.
  assert.equal(await page.locator('.llmc-list-events > li').count(), DATA.events.length);
  await page.locator('[data-event-id="bert"]').first().click();
  await page.getByRole('region', { name: 'BERT' }).waitFor();
  // Controls that can do nothing now look it.
  const search = page.locator('.llmc-filters input[type=search]');
  assert.equal(await search.evaluate((el) => getComputedStyle(el).opacity), '0.55');
  assert.equal(await page.evaluate(() => window.__llmcBoot), 'failed');
  // The only console messages: the failed request and the failed start.
  assert.ok(problems.console.every((m) => /404|wasm|WebAssembly|fetch/i.test(m)), problems.console.join('\n'));
  await context.close();
});

test('print: the matrices print whole, without controls', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1000, height: 800 }, colorScheme: 'dark' });
  await page.goto(`${env.server.url}/en/`);
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  for (const frame of await page.locator('.llmc-matrix-frame').all()) {
    const [scrollH, clientH, scrollW, clientW] = await frame.evaluate((el) => [el.scrollHeight, el.clientHeight, el.scrollWidth, el.clientWidth]);
    assert.ok(scrollH <= clientH + 1, `a matrix is cut vertically (${scrollH} > ${clientH})`);
    assert.ok(scrollW <= clientW + 1 || (await frame.evaluate((el) => getComputedStyle(el).overflowX)) === 'visible', 'a matrix is cut horizontally');
  }
  assert.equal(await page.locator('.llmc-toolbar').isVisible(), false);
  assert.equal(await page.locator('.llmc-timeline').isVisible(), false, 'the interactive strip gives way to the list');
  const after = await page.locator('.llmc-list-sources a').first().evaluate((a) => getComputedStyle(a, '::after').content);
  assert.match(after, /https:\/\//, 'source URLs are printed after their links');
  const bg = await page.locator('.llmc').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(bg, 'rgb(255, 255, 255)');
  // A real PDF through Chromium, to be sure printing works end to end.
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000);
  assert.equal(await page.locator('.llmc-list-body').isVisible(), true, 'the era-by-era list prints even when folded');
  await context.close();
});

// `img-src blob:` is for the PNG download alone: the image is drawn from the SVG, which reaches an
// <img> only through a blob: URL the widget makes (a data: URL would allow any inline image).
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob:; object-src 'none'; base-uri 'none'";

test('the built site works under a strict Content Security Policy', async () => {
  const strict = await serve(undefined, { 'content-security-policy': CSP });
  try {
    for (const path of ['/', '/en/', '/?lang=en#e=gpt-3']) {
      const { page, problems, context } = await watchedPage(env.browser, strict.url);
      await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(`${strict.url}${path}`);
      await ready(page);
      // Interactive under the policy: select, filter, download.
      await page.locator('[data-event-id="bert"]').first().dispatchEvent('click');
      await page.locator('.llmc-detail').waitFor();
      await page.locator('.llmc-filters summary').click();
      await page.getByRole('searchbox').fill('llama');
      await page.locator('.llmc-downloads button').first().click();
      // A drag moves the plot's layer through the CSSOM (an inline style attribute would be
      // blocked): the layer moves at every step.
      if (path === '/') {
        await page.getByRole('searchbox').fill('');
        // Zoomed in (the whole history can't be panned).
        await page.locator('.llmc-toolbar button').first().click();
        await page.locator('.llmc-toolbar button').first().click();
        const box = await page.locator('.llmc-timeline-frame').boundingBox();
        const y = box.y + Math.min(box.height / 2, 200);
        await page.mouse.move(box.x + 300, y);
        await page.mouse.down();
        const moved = [];
        for (let i = 1; i <= 3; i++) {
          await page.mouse.move(box.x + 300 + 40 * i, y);
          moved.push(await page.locator('.llmc-pan').evaluate((el) => el.style.transform));
        }
        await page.mouse.up();
        assert.equal(new Set(moved.filter(Boolean)).size, 3, `the layer moves at every step: ${moved.join(' | ')}`);
      }
      // Both images: the PNG is drawn from the SVG through a blob: image.
      for (const button of await page.locator('.llmc-image-downloads button').all()) {
        const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
        assert.match(file.suggestedFilename(), /^llm-chronicle-(timeline-.*|open-versus-closed)\.(svg|png)$/);
      }
      assert.deepEqual(await page.evaluate(() => window.__violations), [], path);
      assert.deepEqual(problems.console, [], path);
      await context.close();
    }
  } finally {
    await strict.close();
  }
});

test("a phone's first frame is the year-grouped list, and it stays put when the widget starts", async () => {
  for (const path of ['/', '/en/']) {
    const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 375, height: 800 } });
    await page.goto(`${env.server.url}${path}`);
    const firstYear = page.locator('.llmc-vyear').first();
    await firstYear.waitFor();
    assert.equal(await page.locator('#llm-chronicle.llmc-inert').count(), 1, 'before any input the WASM has not run');
    // Nothing reaches past the viewport's right edge, and the list is what shows.
    const overflow = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      // Content inside its own scrolling frame (the matrices) may be wider; nothing else.
      const scrolls = (el) => {
        for (let a = el.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
        return false;
      };
      const wide = [...document.querySelectorAll('#llm-chronicle *')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > w + 0.5 && !scrolls(el);
      });
      return { scroll: document.documentElement.scrollWidth, client: w, wide: wide.slice(0, 3).map((el) => el.className.baseVal ?? el.className) };
    });
    assert.ok(overflow.scroll <= overflow.client && overflow.wide.length === 0, `${path}: ${JSON.stringify(overflow)}`);
    assert.equal(await firstYear.isVisible(), true, 'the first year group is visible');
    assert.equal(await page.locator('.llmc-timeline-frame').isVisible(), false, 'the wide plot is not');
    const entry = page.locator('.llmc-vevent').first();
    const before = await entry.boundingBox();
    // The widget starts: the first entry has not moved.
    await showIntent(page);
    await page.waitForFunction(() => !document.querySelector('.llmc-inert'));
    assert.equal(await eventually(() => page.locator('.llmc-unmeasured').count(), (n) => n === 0), 0, 'measured');
    const after = await page.locator('.llmc-vevent').first().boundingBox();
    assert.ok(Math.abs(after.x - before.x) < 1 && Math.abs(after.y - before.y) < 1, `${path}: ${JSON.stringify({ before, after })}`);
    assert.deepEqual(problems.console, []);
    await context.close();
  }
});
