// The first vertical slice, end to end: the release build in real Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { eventually, ready, setup, watchedPage } from './harness.mjs';

const DATA = JSON.parse(readFileSync(new URL('../../data/chronicle.json', import.meta.url)));
const byDate = [...DATA.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

const env = setup();

test('the language switch changes the visible text, with a clean console and no foreign requests', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { locale: 'en-US' });
  await page.goto(`${env.server.url}/`);
  await ready(page);
  // The page says zh-Hans, which beats the env.browser's en-US.
  const caption = page.locator('.llmc-matrix caption');
  assert.equal(await caption.textContent(), '开放与闭源大模型：逐项对比');
  assert.equal(await page.locator('.llmc').getAttribute('lang'), 'zh-Hans');
  const zhTitle = await page.locator('.llmc-title').textContent();

  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.getByText('Open versus closed models, dimension by dimension').waitFor();
  assert.equal(await page.locator('.llmc').getAttribute('lang'), 'en');
  const enTitle = await page.locator('.llmc-title').textContent();
  assert.notEqual(enTitle, zhTitle);
  assert.match(enTitle, /LLM Chronicle/);
  assert.equal(await page.getByRole('button', { name: 'English', exact: true }).getAttribute('aria-pressed'), 'true');

  await page.getByRole('button', { name: '中文', exact: true }).click();
  await caption.getByText('开放与闭源大模型：逐项对比').waitFor();

  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  await context.close();
});

test('?lang=en starts in English; clicking an event shows its details; Escape closes them', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  const gpt3 = page.getByRole('button', { name: /^GPT-3,/ });
  await gpt3.click();
  const panel = page.getByRole('region', { name: 'GPT-3' });
  await panel.waitFor();
  const text = await panel.textContent();
  assert.match(text, /2020-05-28/);
  assert.match(text, /OpenAI/);
  assert.match(text, /API access/);
  assert.match(text, /175B/);
  assert.equal(await panel.getByRole('link', { name: /Language Models are Few-Shot Learners/ }).getAttribute('href'), 'https://arxiv.org/abs/2005.14165');
  assert.equal(await gpt3.getAttribute('aria-pressed'), 'true');
  // The plot is drawn again at every zoom step (keys zoom around the focused event, which stays
  // in view); each new drawing shows the selection too.
  for (let i = 0; i < 4; i++) {
    const before = await page.locator('.llmc-window').textContent();
    await gpt3.focus();
    await page.keyboard.press('+');
    await page.waitForFunction((b) => document.querySelector('.llmc-window').textContent !== b, before);
    assert.equal(await gpt3.getAttribute('aria-pressed'), 'true', `zoom step ${i + 1}`);
  }

  // Lineage links select another event.
  await panel.getByRole('button', { name: /^GPT-2/ }).click();
  await page.getByRole('region', { name: 'GPT-2' }).waitFor();

  await page.keyboard.press('Escape');
  await page.getByRole('region', { name: 'GPT-2' }).waitFor({ state: 'detached' });
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  await context.close();
});

test('events work from the keyboard', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  await page.getByRole('button', { name: /^BERT,/ }).focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: 'BERT', level: 3 });
  await heading.waitFor();
  // Focus moves into the panel, and back to the event when it closes.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H3');
  await page.keyboard.press('Escape');
  await heading.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-event-id')), 'bert');
  await context.close();
});

test('a panic replaces the widget with a readable message', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  await page.evaluate(() => {
    try {
      window.wasmBindings.llmcPanicForTest();
    } catch {
      // The panic surfaces as a WebAssembly trap; the hook has already run.
    }
  });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /The widget stopped/);
  assert.equal(await page.locator('.llmc-timeline').count(), 0);
  assert.ok(problems.console.some((m) => m.includes('deliberate panic')), 'the panic is logged for developers');
  await context.close();
});

test('the theme follows prefers-color-scheme', async () => {
  const background = async (scheme) => {
    const { page, context } = await watchedPage(env.browser, env.server.url, { colorScheme: scheme });
    await page.goto(`${env.server.url}/`);
    await ready(page);
    const bg = await page.locator('.llmc').evaluate((el) => getComputedStyle(el).backgroundColor);
    await context.close();
    return bg;
  };
  assert.equal(await background('light'), 'rgb(255, 255, 255)');
  assert.equal(await background('dark'), 'rgb(13, 17, 23)');
});

test('zoom and pan with buttons, keys and Ctrl+wheel; a plain wheel scrolls the page', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 700 } });
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  const windowText = () => page.locator('.llmc-window').textContent();
  const full = await windowText();
  const zoomOut = page.getByRole('button', { name: 'Zoom out' });
  assert.equal(await zoomOut.isDisabled(), true, 'fully zoomed out at first');

  const changedFrom = (before) => eventually(windowText, (now) => now !== before);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  assert.notEqual(await changedFrom(full), full);
  assert.equal(await zoomOut.isDisabled(), false);
  await page.getByRole('button', { name: 'Show all', exact: true }).click();
  assert.equal(await eventually(windowText, (now) => now === full), full);

  // Keys, while an event has focus; each key acts even if pressed while the last one redraws.
  const gpt3 = page.getByRole('button', { name: /^GPT-3,/ });
  await gpt3.focus();
  let zoomed = full;
  for (let i = 0; i < 3; i++) {
    const before = zoomed;
    await page.keyboard.press('+');
    zoomed = await changedFrom(before);
    assert.notEqual(zoomed, before, `key + number ${i + 1} zooms in`);
  }
  await page.getByRole('button', { name: 'Show all', exact: true }).click();
  await eventually(windowText, (now) => now === full);
  await gpt3.focus();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  assert.equal(await eventually(windowText, (now) => now === zoomed), zoomed, 'three quick presses zoom as far as three slow ones');
  await page.keyboard.press('Shift+ArrowLeft');
  assert.notEqual(await changedFrom(zoomed), zoomed, 'Shift+Left pans');
  assert.equal(await eventually(() => gpt3.evaluate((el) => el === document.activeElement), (f) => f), true, 'the event keeps focus');
  await page.getByRole('button', { name: 'Show all', exact: true }).click();

  // Ctrl+wheel over the timeline zooms; a plain wheel does not.
  const frame = page.locator('.llmc-timeline-frame');
  const box = await frame.boundingBox();
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
  await page.mouse.wheel(0, 200);
  assert.equal(await windowText(), full, 'plain wheel leaves the zoom alone');
  // The plain wheel scrolled the page: aim at the frame again.
  const box2 = await frame.boundingBox();
  await page.mouse.move(box2.x + box2.width * 0.9, box2.y + Math.min(box2.height / 2, 200));
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await page.waitForFunction((f) => document.querySelector('.llmc-window').textContent !== f, full);

  // A drag pans at every step, not only the first, and the plot is laid out again at the end.
  const fragmentWindow = () => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('w'));
  const box3 = await frame.boundingBox();
  const y = box3.y + Math.min(box3.height / 2, 200);
  // While it runs, the drawn plot moves as one piece (its layer's transform), not item by item.
  // (First the wheel's gesture ends: its zoom moved the items one by one.)
  await page.waitForFunction(() => !document.querySelector('[data-px][transform]'));
  await page.evaluate(() => {
    window.__moved = { layer: 0, items: 0, drawn: 0 };
    new MutationObserver((ms) => {
      for (const m of ms) {
        if (m.type === 'childList') window.__moved.drawn++;
        else if (m.target.classList.contains('llmc-pan')) window.__moved.layer += m.target.style.transform ? 1 : 0;
        else if (m.attributeName === 'transform' && m.target.getAttribute('transform')) window.__moved.items++;
      }
    }).observe(document.querySelector('.llmc-pan'), { subtree: true, childList: true, attributes: true, attributeFilter: ['transform', 'style'] });
  });
  await page.mouse.move(box3.x + 300, y);
  const before = await fragmentWindow();
  await page.mouse.down();
  const labelBefore = await windowText();
  const seen = [];
  for (let i = 1; i <= 4; i++) {
    await page.mouse.move(box3.x + 300 + 40 * i, y);
    seen.push(await page.evaluate(() => document.querySelector('.llmc-pan').style.transform));
  }
  await page.mouse.up();
  // (Each step against the one before: after a mid-drag pause the layer starts again from the new
  // layout, so an earlier step's offset may come back.)
  assert.ok(seen.every((t, i) => t && (i === 0 || t !== seen[i - 1])), `every drag step moves the plot: ${seen.join(' | ')}`);
  assert.ok(seen.every((t) => /^translateX\(-?[\d.]+px\)$/.test(t)), `each step moves the layer: ${seen.join(' | ')}`);
  const duringDrag = await page.evaluate(() => ({ ...window.__moved }));
  // (The plot may be drawn again mid-drag: a step that comes more than the pause after the last
  // one ends the gesture, and a slow test run can be that slow.)
  assert.ok(duringDrag.layer >= 4 && duringDrag.items === 0, `a drag moves the plot as one: ${JSON.stringify(duringDrag)}`);
  await page.waitForFunction(() => !document.querySelector('[data-px][transform]') && !document.querySelector('.llmc-pan').style.transform);
  // The state (the label, the link) gets the window once, when the gesture pauses.
  assert.notEqual(await fragmentWindow(), before, 'the link has the new window');
  assert.notEqual(await windowText(), labelBefore, 'the label has the new window');
  // At the end the plot is drawn for the new window.
  assert.ok((await page.evaluate(() => window.__moved.drawn)) > 0, 'the plot is drawn again at the end');

  // Zoom to an era.
  await page.getByRole('button', { name: 'Show all', exact: true }).click();
  await page.getByLabel('Zoom to era').selectOption({ index: 1 });
  assert.equal(await windowText(), '1948 – 2003');
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('each lane is an SVG of its own, exactly over the plot, and pointers reach every lane through the others', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  const found = await page.evaluate(() => {
    const box = (el) => JSON.stringify(Object.values(el.getBoundingClientRect().toJSON()).map(Math.round));
    const background = document.querySelector('.llmc-timeline-svg');
    const lanes = [...document.querySelectorAll('.llmc-lane-svg')];
    // What a pointer at the middle of each lane's first and last marker reaches.
    const hits = lanes.flatMap((svg) => {
      const events = [...svg.querySelectorAll('.llmc-event')];
      return [events[0], events.at(-1)].map((event) => {
        event.scrollIntoView({ block: 'center' });
        const m = event.querySelector('.llmc-marker').getBoundingClientRect();
        const hit = document.elementFromPoint(m.x + m.width / 2, m.y + m.height / 2)?.closest('.llmc-event');
        return hit === event || `${event.dataset.eventId} reached ${hit?.dataset.eventId ?? 'no event'}`;
      });
    });
    const era = document.querySelector('.llmc-era rect');
    era.scrollIntoView({ block: 'center' });
    const e = era.getBoundingClientRect();
    return {
      lanes: lanes.length,
      laneGroups: document.querySelectorAll('.llmc-lane').length,
      sameBox: lanes.every((svg) => box(svg) === box(background)),
      layered: lanes.every((svg) => getComputedStyle(svg).position === 'absolute'),
      hits,
      era: document.elementFromPoint(e.x + 3, e.y + e.height / 2)?.closest('.llmc-era-button') !== null,
    };
  });
  assert.ok(found.lanes > 1, `lanes: ${found.lanes}`);
  assert.equal(found.lanes, found.laneGroups, 'one SVG per lane');
  assert.ok(found.sameBox, 'every lane SVG has the box of the background SVG');
  assert.ok(found.layered, 'every lane SVG is positioned (a paint layer of its own)');
  assert.deepEqual(found.hits.filter((h) => h !== true), [], 'every lane\'s events are reached through the lanes over them');
  assert.ok(found.era, 'the background (an era band\'s button) is reached through the lanes');
  // A click on an event in the first lane, under all the others, selects it.
  const first = page.locator('.llmc-lane-svg').first().locator('.llmc-event').first();
  await first.scrollIntoViewIfNeeded();
  await first.locator('.llmc-marker').click();
  assert.equal(await first.getAttribute('aria-pressed'), 'true');
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('a two-finger pinch on the timeline zooms in, and spreading them further zooms more', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 700 }, hasTouch: true });
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  const windowText = () => page.locator('.llmc-window').textContent();
  const full = await windowText();
  const box = await page.locator('.llmc-timeline-frame').boundingBox();
  const [cx, y] = [box.x + box.width / 2, box.y + Math.min(box.height / 2, 200)];
  const cdp = await context.newCDPSession(page);
  const fingers = (spread) => [
    { x: cx - spread, y, id: 0 },
    { x: cx + spread, y, id: 1 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(40) });
  // Where each tick is, by its label. A pause of the fingers lays the plot out anew (other ticks),
  // so two moments are compared by the ticks they share: each spread zooms in, so the distance
  // between the outermost shared ticks grows.
  const ticks = () =>
    page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('.llmc-axis > [data-px]')].map((g) => {
          const t = /translate\(([-\d.]+)/.exec(g.getAttribute('transform') ?? 'translate(0')[1];
          return [g.textContent, Number(g.dataset.px) + Number(t)];
        }),
      ),
    );
  const grew = (before, after) => {
    const shared = Object.keys(before).filter((label) => label in after);
    if (shared.length < 2) return `only ${shared.length} tick(s) in common`;
    shared.sort((a, b) => before[a] - before[b]);
    const [first, last] = [shared[0], shared.at(-1)];
    const [was, is] = [before[last] - before[first], after[last] - after[first]];
    return is > was ? true : `${first}–${last}: ${was.toFixed(1)} → ${is.toFixed(1)} px`;
  };
  const axisNow = () => page.evaluate(() => [...document.querySelectorAll('.llmc-axis > [data-px]')].map((g) => g.getAttribute('transform')).join());
  const seen = [await ticks()];
  for (let spread = 60; spread <= 140; spread += 20) {
    const before = await axisNow();
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(spread) });
    // Touch moves reach the page with the next animation frame: wait for this one's zoom.
    await page.waitForFunction((b) => [...document.querySelectorAll('.llmc-axis > [data-px]')].map((g) => g.getAttribute('transform')).join() !== b, before);
    seen.push(await ticks());
    // Half-way the fingers rest until the plot is laid out for the window so far (as on a slow
    // machine); the pinch then goes on from there.
    if (spread === 80) await page.waitForFunction(() => !document.querySelector('[data-px][transform]'));
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  const steps = seen.slice(1).map((after, i) => grew(seen[i], after));
  assert.ok(steps.every((s) => s === true), `every spread zooms in further: ${steps.join(' | ')}`);
  // Once the fingers are off, the plot is laid out for the new window, and the label and the
  // buttons follow.
  await page.waitForFunction(() => !document.querySelector('[data-px][transform]') && !document.querySelector('.llmc-pan').style.transform);
  const years = (label) => label.split(' – ').map(Number);
  const span = (l) => years(l)[1] - years(l)[0];
  assert.ok(span(await windowText()) < span(full), `the window narrowed: ${await windowText()} from ${full}`);
  assert.equal(await page.getByRole('button', { name: 'Zoom out' }).isDisabled(), false);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('arrow keys move between events in time order; Home and End jump', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  // One tab stop for the whole timeline.
  assert.equal(await page.locator('.llmc-event[tabindex="0"]').count(), 1);
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-event-id'));
  const xOf = (id) => page.locator(`[data-event-id="${id}"]`).evaluate((el) => el.getBoundingClientRect().x);
  await page.getByRole('button', { name: /^GPT-1,/ }).focus();
  await page.keyboard.press('ArrowRight');
  const next = await focused();
  assert.notEqual(next, 'gpt-1');
  assert.ok((await xOf(next)) >= (await xOf('gpt-1')) - 0.5, 'ArrowRight goes later in time');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), 'gpt-1');
  await page.keyboard.press('Home');
  assert.equal(await focused(), byDate[0].id);
  await page.keyboard.press('End');
  const last = await focused();
  assert.equal(DATA.events.find((e) => e.id === last).date, byDate.at(-1).date);
  await context.close();
});

test('a 375 px wide page never scrolls sideways', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 375, height: 800 } });
  for (const lang of ['zh', 'en']) {
    await page.goto(`${env.server.url}/?lang=${lang}`);
    await ready(page);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scroll <= client, `${lang}: page is ${scroll} px wide in a ${client} px viewport`);
  }
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('filters and search update the live count, dim or hide, and narrow the matrix', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  const total = DATA.events.length;
  const count = page.locator('.llmc-count');
  assert.match(await count.textContent(), new RegExp(`${total} / ${total}`));
  await page.locator('.llmc-filters summary').click();

  // Search works in either language.
  const matching = (term) => (e) => JSON.stringify([e.name, e.org, e.id, e.summary]).toLowerCase().includes(term);
  const ernie = DATA.events.filter(matching('文心一言')).length;
  assert.ok(ernie >= 1);
  await page.getByRole('searchbox', { name: 'Search' }).fill('文心一言');
  await page.waitForFunction((n) => document.querySelector('.llmc-count').textContent.includes(` ${n} / `), ernie);
  await page.getByRole('searchbox', { name: 'Search' }).fill('deepseek');
  const hit = matching('deepseek');
  const expected = DATA.events.filter(hit).length;
  await page.waitForFunction((n) => document.querySelector('.llmc-count').textContent.includes(` ${n} / `), expected);
  // Dim mode keeps every marker, marks the rest.
  assert.equal(await page.locator('.llmc-event').count(), total);
  assert.equal(await page.locator('.llmc-event:not(.llmc-dimmed)').count(), expected);
  // Hide mode removes them.
  await page.getByRole('radio', { name: 'Hide' }).check();
  await page.waitForFunction((n) => document.querySelectorAll('.llmc-event').length === n, expected);
  // The matrix shows only matching models.
  const rows = await page.locator('.llmc-openness-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.model));
  const expectedRows = DATA.openness.map((r) => r.model).filter((m) => hit(DATA.events.find((e) => e.id === m)));
  assert.deepEqual([...rows].sort(), [...expectedRows].sort());
  assert.ok(rows.length > 0 && rows.length < DATA.openness.length);

  // Access filter, combined, then cleared.
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.getByRole('checkbox', { name: 'API access' }).check();
  const api = DATA.events.filter((e) => e.access === 'api').length;
  await page.waitForFunction((n) => document.querySelector('.llmc-count').textContent.includes(` ${n} / `), api);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.llmc-event').length === n, total);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('story mode: next and previous, progress, zoom and highlights', { skip: !DATA.story?.length && 'no story in the dataset' }, async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  await page.getByRole('button', { name: /^▶ Start the guided story/ }).click();
  const story = page.getByRole('region', { name: DATA.story[0].title.en });
  await story.waitFor();
  assert.match(await story.textContent(), new RegExp(`Stop 1 of ${DATA.story.length}`));
  for (const id of DATA.story[0].events) {
    assert.match(await page.locator(`.llmc-event[data-event-id="${id}"]`).getAttribute('class'), /llmc-highlight/);
  }
  assert.equal(await page.getByRole('button', { name: 'Previous stop' }).isDisabled(), true);
  const window0 = await page.locator('.llmc-window').textContent();
  await page.getByRole('button', { name: 'Next stop' }).click();
  await page.getByRole('heading', { name: DATA.story[1].title.en }).waitFor();
  assert.notEqual(await page.locator('.llmc-window').textContent(), window0, 'each stop zooms');
  assert.equal(await page.locator('.llmc-story-dot[aria-current="step"]').textContent(), '2');
  await page.getByRole('button', { name: 'Previous stop' }).click();
  await page.getByRole('heading', { name: DATA.story[0].title.en }).waitFor();
  // Jump to the last stop from the progress list.
  const last = DATA.story.length;
  await page.getByRole('button', { name: `${last} ${DATA.story[last - 1].title.en}` }).click();
  assert.equal(await page.getByRole('button', { name: 'Next stop' }).isDisabled(), true);
  await page.getByRole('button', { name: 'Leave the story' }).click();
  await page.getByRole('button', { name: /^▶ Start the guided story/ }).waitFor();
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('a deep link restores the state, and the URL follows the reader without flooding history', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/#lang=en&e=bert&w=2017~2021&q=bert&m=hide&t=even`);
  await ready(page);
  await page.getByRole('region', { name: 'BERT' }).waitFor();
  assert.equal(await page.locator('.llmc-window').textContent(), '2017 – 2020');
  assert.equal(await page.getByRole('searchbox', { name: 'Search' }).inputValue(), 'bert');
  assert.equal(await page.getByRole('radio', { name: 'Hide' }).isChecked(), true);
  assert.equal(await page.getByRole('button', { name: 'Even time scale' }).getAttribute('aria-pressed'), 'true');
  const bertFamily = DATA.events.filter((e) => JSON.stringify([e.name, e.org, e.id, e.summary]).toLowerCase().includes('bert')).length;
  assert.equal(await page.locator('.llmc-event').count() <= bertFamily, true);

  const historyLength = await page.evaluate(() => history.length);
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await page.waitForFunction(() => location.hash.includes('lang=zh') && !location.hash.includes('e=bert'));
  assert.equal(await page.evaluate(() => history.length), historyLength, 'replaceState, not pushState');

  // The new URL, opened fresh, gives the same view.
  const url = page.url();
  const window1 = await page.locator('.llmc-window').textContent();
  const second = await context.newPage();
  await second.goto(url);
  await ready(second);
  assert.equal(await second.locator('.llmc-window').textContent(), window1);
  assert.equal(await second.locator('.llmc').getAttribute('lang'), 'zh-Hans');
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('narrow embeds get a vertical list that scrolls with the page and works by keyboard', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 375, height: 800 } });
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  await page.locator('.llmc-vertical').waitFor();
  assert.equal(await eventually(() => page.locator('.llmc-timeline-frame').count(), (n) => n === 0), 0, 'no horizontal strip');
  assert.equal(await page.locator('.llmc-vevent').count(), DATA.events.length);
  // Real list semantics: years, then events.
  assert.equal(await page.locator('.llmc-vertical > ol > li > ol > li > button').count(), DATA.events.length);
  const first = page.getByRole('button', { name: new RegExp(`^${byDate[0].name.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  await first.focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-event-id')), byDate[1].id);
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: byDate[1].name.en }).waitFor();
  // Selection is announced by name.
  assert.equal(await page.locator('.llmc-timeline p.llmc-sr-only[role="status"]').textContent(), byDate[1].name.en);
  // The list scrolls with the page: the widget does not capture wheel or touch scrolling.
  assert.equal(await page.locator('.llmc-vertical').evaluate((el) => getComputedStyle(el).overflowY), 'visible');
  // Zoom still narrows the list.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  assert.ok((await page.locator('.llmc-vevent').count()) < DATA.events.length);
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client);
  assert.deepEqual(problems.console, []);
  await context.close();
});

/**
 * Event `id`'s lineage in DATA: itself and the chains up through its parents and down through its
 * children; a borrowed idea (`inspired-by`) is one step the chain does not go on from.
 */
function lineageOf(id) {
  const links = DATA.events.flatMap((e) => (e.parents ?? []).map((p) => ({ parent: p.id, child: e.id, idea: p.relation === 'inspired-by' })));
  const ids = new Set(DATA.events.map((e) => e.id));
  const found = new Set([id]);
  for (const [from, to] of [['child', 'parent'], ['parent', 'child']]) {
    const seen = new Set([id]);
    const stack = [id];
    while (stack.length) {
      const at = stack.pop();
      for (const l of links.filter((l) => l[from] === at && ids.has(l[to]))) {
        found.add(l[to]);
        if (!l.idea && !seen.has(l[to])) seen.add(l[to]), stack.push(l[to]);
      }
    }
  }
  return found;
}

test('selecting or hovering an event brings exactly its lineage forward; its panel says each edge in words', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 800 } });
  const frame = page.locator('.llmc-timeline-frame');
  const marked = () => frame.evaluate((f) => [...f.querySelectorAll('.llmc-in-lineage')].map((e) => e.dataset.eventId).sort());
  const drawn = () => frame.evaluate((f) => [...f.querySelectorAll('[data-event-id]')].map((e) => e.dataset.eventId));
  const lineageOn = () => frame.evaluate((f) => f.classList.contains('llmc-lineage-on'));
  for (const [lang, relation, evidence] of [['en', 'successor of', 'documented'], ['zh', '后续版本', '有文献记载']]) {
    await page.goto(`${env.server.url}/?lang=${lang}`);
    await ready(page);
    assert.equal(await lineageOn(), false, 'nothing selected: no lineage is brought forward');
    // The big branches are drawn apart from the quiet edges.
    assert.equal(await frame.locator('path.llmc-edge-branch').count(), 1);
    assert.equal(await frame.locator('path.llmc-edge-quiet').count(), 1);

    await page.getByRole('button', { name: /^GPT-3[,，]/ }).click();
    assert.equal(await eventually(lineageOn, (on) => on), true);
    const expected = lineageOf('gpt-3');
    const want = (await drawn()).filter((id) => expected.has(id)).sort();
    assert.ok(expected.has('gpt-2') && expected.has('instructgpt') && !expected.has('bert'), 'ancestors and descendants, not cousins');
    assert.ok(want.length >= 3, `${want}`);
    assert.deepEqual(await marked(), want, 'exactly its ancestors and descendants, and itself');
    assert.notEqual(await frame.locator('path.llmc-edge-lineage').getAttribute('d'), null, 'its edges are drawn over the rest');

    // The panel says each edge's relation and evidence in words.
    const panel = page.getByRole('region', { name: 'GPT-3' });
    const gpt2 = panel.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^GPT-2/ }) });
    assert.match(await gpt2.textContent(), new RegExp(`${relation}.*${evidence}`));

    // Hovering another event shows its lineage while the pointer rests on it.
    const bert = page.getByRole('button', { name: /^BERT[,，]/ });
    await bert.hover();
    const bertLineage = lineageOf('bert');
    const wantBert = (await drawn()).filter((id) => bertLineage.has(id)).sort();
    assert.deepEqual(await eventually(marked, (m) => m.join() === wantBert.join()), wantBert);
    await page.mouse.move(5, 5);
    assert.deepEqual(await eventually(marked, (m) => m.join() === want.join()), want, 'back to the selection');

    // Escape closes the details; the lineage stays while the event has focus, and goes with it.
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'GPT-3' }).waitFor({ state: 'detached' });
    assert.equal(await eventually(lineageOn, (on) => on), true);
    await page.evaluate(() => document.activeElement.blur());
    assert.equal(await eventually(lineageOn, (on) => !on), false, 'then everything is as drawn');
    assert.deepEqual(await marked(), []);
  }
  // "All lineage lines" draws every edge at full strength, and the deep link keeps it.
  const all = page.getByRole('button', { name: '全部谱系连线' });
  await all.click();
  assert.equal(await eventually(() => all.getAttribute('aria-pressed'), (p) => p === 'true'), 'true');
  assert.equal(await frame.evaluate((f) => f.classList.contains('llmc-edges-all')), true);
  assert.match(await eventually(() => page.evaluate(() => location.hash), (h) => h.includes('l=all')), /l=all/);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('at 375 px, light and dark: a selected event\'s panel says each edge of its lineage in words', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, problems, context } = await watchedPage(env.browser, env.server.url, {
      viewport: { width: 375, height: 740 },
      colorScheme,
    });
    for (const [lang, relation, evidence, child] of [
      ['en', 'successor of', 'documented', 'fine-tuned from it'],
      ['zh', '后续版本', '有文献记载', '在其权重上微调而来'],
    ]) {
      await page.goto(`${env.server.url}/?lang=${lang}`);
      await ready(page);
      // (The narrow list's button is named by its text, which starts with the date.)
      const gpt3 = page.locator('.llmc-vertical [data-event-id="gpt-3"]');
      await gpt3.scrollIntoViewIfNeeded();
      await gpt3.click();
      const panel = page.getByRole('region', { name: 'GPT-3' });
      await panel.waitFor({ state: 'visible' });
      // Its parent, with the relation and the evidence in words, not only a dash.
      const gpt2 = panel.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^GPT-2/ }) });
      assert.match(await gpt2.textContent(), new RegExp(`${relation}.*${evidence}`), `${lang}, ${colorScheme}`);
      // A descendant, with its own relation.
      const kids = panel.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^InstructGPT/ }) });
      assert.match(await kids.textContent(), new RegExp(`${child}.*${evidence}`), `${lang}, ${colorScheme}`);
      // The panel opens where the reader is, inside the phone's width.
      const box = await panel.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 375 + 0.5, `panel inside the viewport: ${JSON.stringify(box)}`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no sideways scroll');
    }
    assert.deepEqual(problems.console, []);
    await context.close();
  }
});

test('zoom out by button, - key and Ctrl+wheel; the era menu follows the window', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  const windowText = () => page.locator('.llmc-window').textContent();
  const full = await windowText();
  const menu = page.getByRole('combobox', { name: 'Zoom to era' });
  assert.equal(await menu.inputValue(), '', 'no era at first');
  await menu.selectOption({ index: 3 });
  const era = await eventually(windowText, (w) => w !== full);
  assert.notEqual(era, full);
  assert.equal(await menu.inputValue(), '2', 'the menu shows the era on screen');

  // The button zooms out, and the menu lets go of the era.
  await page.getByRole('button', { name: 'Zoom out' }).click();
  const out1 = await eventually(windowText, (w) => w !== era);
  assert.notEqual(out1, era);
  assert.equal(await eventually(() => menu.inputValue(), (v) => v === ''), '', 'no era once zoomed elsewhere');

  // The - key, on a focused event.
  await menu.selectOption({ index: 3 });
  await eventually(windowText, (w) => w === era);
  await page.locator('.llmc-timeline-frame [data-event-id][tabindex="0"]').focus();
  await page.keyboard.press('-');
  assert.notEqual(await eventually(windowText, (w) => w !== era), era, '- zooms out');

  // Ctrl + wheel towards the reader zooms out.
  await menu.selectOption({ index: 3 });
  await eventually(windowText, (w) => w === era);
  const box = await page.locator('.llmc-timeline-frame').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 300);
  await page.keyboard.up('Control');
  assert.notEqual(await eventually(windowText, (w) => w !== era), era, 'Ctrl+wheel zooms out');
  assert.equal(await eventually(() => menu.inputValue(), (v) => v === ''), '');
  assert.deepEqual(problems.console, []);
  await context.close();
});

test("every event's button says open weights, closed or paper in words, wide and narrow, in both languages", async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 800 } });
  const kind = (e) => (e.access === 'not-applicable' ? 'paper' : e.access.startsWith('open-') ? 'open' : 'closed');
  const WORDS = { en: { open: /open weights/i, closed: /\bclosed\b/, paper: /paper \/ milestone/ }, zh: { open: /开放权重/, closed: /闭源/, paper: /论文\/里程碑/ } };
  for (const lang of ['en', 'zh']) {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${env.server.url}/?lang=${lang}`);
      await ready(page);
      // The accessible name: the marker's aria-label on the wide plot, the button's text (its
      // openness in words is there for screen readers only) in the narrow list.
      const names = await eventually(
        () =>
          page.evaluate((width) => {
            const within = width < 600 ? '.llmc-vertical' : '.llmc-timeline-frame';
            return Object.fromEntries(
              [...document.querySelectorAll(`${within} [data-event-id]`)].map((el) => [el.dataset.eventId, el.getAttribute('aria-label') ?? el.textContent]),
            );
          }, width),
        (n) => Object.keys(n).length === DATA.events.length,
      );
      assert.equal(Object.keys(names).length, DATA.events.length, `${lang} ${width}: every event drawn`);
      const wrong = DATA.events.filter((e) => {
        const words = WORDS[lang];
        // (Past its name, which may itself say "closed": "Qwen3.6 (open 35B-A3B; closed Plus…)".)
        const rest = names[e.id].replace(e.name[lang], '');
        const says = Object.entries(words).filter(([, re]) => re.test(rest)).map(([k]) => k);
        return says.length !== 1 || says[0] !== kind(e);
      });
      assert.deepEqual(wrong.map((e) => `${e.id}: ${names[e.id]}`), [], `${lang} ${width}`);
    }
  }
  assert.deepEqual(problems.console, []);
  await context.close();
});
