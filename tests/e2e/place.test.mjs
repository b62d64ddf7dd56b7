// Where things open: an event's details open where the reader is (beside the wide plot, under the
// entry of the narrow list, under the matrix row) and never move the page; every era's whole name
// is drawn at the default zoom, and one cut elsewhere shows on hover and on keyboard focus. In both
// languages, light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { eventually, ready, setup, watchedPage } from './harness.mjs';

const DATA = JSON.parse(readFileSync(new URL('../../data/chronicle.json', import.meta.url)));
const env = setup();

const LANGS = [
  { lang: 'en', path: '/en/', close: 'Close' },
  { lang: 'zh', path: '/', close: '关闭' },
];
const name = (id, lang) => DATA.events.find((e) => e.id === id).name[lang];
const box = (locator) => locator.evaluate((el) => el.getBoundingClientRect().toJSON());
const scrollY = (page) => page.evaluate(() => window.scrollY);
// Scrolls `locator` to the middle of the screen and waits until it stays there: parts of the page
// around it may still be taking their real height (`content-visibility`, the lists' last slices).
async function settle(page, locator) {
  let last = null;
  for (let k = 0; k < 20; k++) {
    await locator.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(150);
    const top = Math.round((await box(locator)).top);
    if (top === last) return;
    last = top;
  }
}
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-event-id') ?? el?.getAttribute('data-select') ?? el?.tagName;
  });

async function open(scheme, width, lang) {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, {
    viewport: { width, height: 800 },
    colorScheme: scheme,
  });
  await page.goto(`${env.server.url}${LANGS.find((l) => l.lang === lang).path}`);
  await ready(page);
  return { page, problems, context };
}

for (const { lang } of LANGS) {
  for (const scheme of ['light', 'dark']) {
    test(`wide: details open beside the plot, on the side away from the event, and the page stays (${lang}, ${scheme})`, async () => {
      const { page, problems, context } = await open(scheme, 1280, lang);
      const frame = page.locator('.llmc-timeline-frame');
      // The reader has scrolled the plot's lower lanes into view: that is where they are.
      await page.evaluate(() => window.scrollTo(0, document.querySelector('.llmc-timeline-frame').getBoundingClientRect().top + window.scrollY + 120));
      const events = await page.locator('.llmc-timeline-frame .llmc-event').evaluateAll((els) => {
        const f = document.querySelector('.llmc-timeline-frame').getBoundingClientRect();
        return els
          .map((el) => ({ id: el.dataset.eventId, x: el.getBoundingClientRect().x - f.x, y: el.getBoundingClientRect().y }))
          .filter((e) => e.y > 60 && e.y < 700);
      });
      const width = (await box(frame)).width;
      for (const [event, onLeft] of [
        [events.find((e) => e.x < width * 0.3), false],
        [events.find((e) => e.x > width * 0.7), true],
      ]) {
        assert.ok(event, 'an event in view in that part of the plot');
        const before = await scrollY(page);
        const marker = page.locator(`.llmc-timeline-frame [data-event-id="${event.id}"]`);
        await marker.click();
        const panel = page.getByRole('region', { name: name(event.id, lang), exact: true });
        await panel.waitFor();
        // Focus is in the panel; the page did not move.
        assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H3');
        assert.equal(await eventually(() => scrollY(page), (y) => y === before), before, 'the page stays where it was');
        const [p, f, m] = [await box(panel), await box(frame), await box(marker)];
        // Beside the plot: over its side, inside the viewport, and not over the event.
        assert.ok(p.top >= 0 && p.bottom <= 800, `the panel is on screen: ${JSON.stringify(p)}`);
        assert.ok(p.top >= f.top - 1 && p.top < f.bottom, 'level with the plot');
        assert.ok(onLeft ? p.left < f.left + f.width / 2 && p.right < m.left : p.right > f.left + f.width / 2 && p.left > m.right,
          `${event.id} at ${m.left}: the panel (${p.left}–${p.right}) is on the ${onLeft ? 'left' : 'right'}`);
        // Escape closes it and gives focus back to the event, where it is.
        await page.keyboard.press('Escape');
        await panel.waitFor({ state: 'detached' });
        assert.equal(await focused(page), event.id);
        assert.equal(await scrollY(page), before);
      }
      // The lineage links inside the panel keep it beside the plot.
      await page.locator('.llmc-timeline-frame [data-event-id="gpt-3"]').click();
      const gpt3 = page.getByRole('region', { name: name('gpt-3', lang), exact: true });
      await gpt3.getByRole('button', { name: new RegExp(`^${name('gpt-2', lang)}`) }).click();
      const gpt2 = page.getByRole('region', { name: name('gpt-2', lang), exact: true });
      await gpt2.waitFor();
      assert.equal(await gpt2.evaluate((el) => !!el.closest('.llmc-detail-dock')), true);
      assert.deepEqual(problems.console, []);
      await context.close();
    });

    test(`narrow: details open under the event's entry, and nothing above it moves (${lang}, ${scheme})`, async () => {
      const { page, problems, context } = await open(scheme, 375, lang);
      await eventually(() => page.locator('.llmc-timeline-frame').count(), (n) => n === 0);
      const entries = page.locator('.llmc-vertical .llmc-vevent');
      const entry = entries.nth(40);
      const next = entries.nth(41);
      await settle(page, entry);
      const before = await scrollY(page);
      const at = await box(entry);
      await entry.click();
      const id = await entry.getAttribute('data-event-id');
      const panel = page.getByRole('region', { name: name(id, lang), exact: true });
      await panel.waitFor();
      assert.equal(await eventually(() => scrollY(page), (y) => y === before), before, 'the page stays where it was');
      const [e, p, n] = [await box(entry), await box(panel), await box(next)];
      assert.equal(Math.round(e.top), Math.round(at.top), 'the entry has not moved');
      assert.ok(p.top >= e.bottom - 1 && p.top - e.bottom < 16, `the panel is right under the entry (${e.bottom} → ${p.top})`);
      assert.ok(n.top >= p.bottom, 'the entries after it make room');
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, 'no sideways scrolling');
      // Tab goes from the entry into its panel; Escape closes it and focus goes back.
      await entry.focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.closest('.llmc-detail') !== null), true);
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      assert.equal(await focused(page), id);
      assert.equal(await scrollY(page), before);
      assert.deepEqual(problems.console, []);
      await context.close();
    });
  }

  test(`an open panel whose place is hidden by the stylesheet alone moves to a place that shows (${lang})`, async () => {
    // No DOM change tells the widget (an element's stylesheet arriving late, the rules that show
    // one of the two plots drawn before the widget is measured): the panel must see it by itself.
    const { page, problems, context } = await open('light', 1280, lang);
    await page.locator('.llmc-timeline-frame [data-event-id="gpt-3"]').click();
    const panel = page.getByRole('region', { name: name('gpt-3', lang), exact: true });
    await panel.waitFor();
    assert.equal(await panel.evaluate((el) => !!el.closest('.llmc-detail-dock')), true, 'beside the plot at first');
    await page.addStyleTag({ content: '.llmc-detail-dock { display: none !important; }' });
    assert.equal(await eventually(() => panel.isVisible(), (v) => v), true, 'the panel shows again');
    assert.equal(await panel.evaluate((el) => !!el.closest('.llmc-detail-dock')), false, 'elsewhere');
    assert.match(await panel.locator('h3').textContent(), new RegExp(name('gpt-3', lang).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.deepEqual(problems.console, []);
    await context.close();
  });

  for (const width of [1280, 375]) {
    test(`the matrix: a model's details open under its row, and the page stays (${lang}, ${width} px)`, async () => {
      const { page, problems, context } = await open('light', width, lang);
      const model = DATA.openness[3].model;
      const row = page.locator(`.llmc-openness-table tr[data-model="${model}"]`);
      await settle(page, row);
      const before = Math.round((await box(row)).top);
      await row.locator('button[data-select]').click();
      const panel = page.getByRole('region', { name: name(model, lang), exact: true });
      await panel.waitFor();
      // The row stays where the reader sees it. (Parts of the matrices above it that wait off
      // screen, `content-visibility`, may take their real height meanwhile; the browser's scroll
      // anchoring keeps what is on screen in place, so the scroll offset itself may change.)
      const top = async () => Math.round((await box(row)).top);
      assert.equal(await eventually(top, (t) => t === before), before, 'the row has not moved on screen');
      // In a row of its own right after the model's row.
      assert.equal(await panel.evaluate((el, model) => el.closest('tr')?.previousElementSibling?.dataset.model, model), model);
      const [r, p] = [await box(row), await box(panel)];
      assert.ok(p.top >= r.bottom - 1 && p.top - r.bottom < 16, `under the row (${r.bottom} → ${p.top})`);
      assert.ok(p.left >= 0 && p.right <= width, 'inside the screen');
      // Its cells still open their notes; Escape closes the details and focus goes back to the row.
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      assert.equal(await focused(page), model);
      assert.equal(await page.locator('.llmc-detail-row').count(), 0, 'its row goes with it');
      assert.deepEqual(problems.console, []);
      await context.close();
    });
  }

  for (const scheme of ['light', 'dark']) {
    test(`at the default zoom every era's whole name is drawn, none over another, each part of its button (${lang}, ${scheme})`, async () => {
      const { page, problems, context } = await open(scheme, 1280, lang);
      const frame = await box(page.locator('.llmc-timeline-frame'));
      const names = await page.locator('.llmc-era-bands .llmc-era text').evaluateAll((texts) =>
        texts.map((t) => ({ text: t.textContent, box: t.getBoundingClientRect().toJSON() })),
      );
      assert.deepEqual(names.map((n) => n.text), DATA.eras.map((e) => e.name[lang]), 'every name whole, none cut');
      for (const [k, a] of names.entries()) {
        assert.ok(a.box.width > 0 && a.box.left >= frame.left - 1 && a.box.right <= frame.right + 1, `${a.text} inside the plot`);
        for (const b of names.slice(k + 1)) {
          const apart = a.box.right <= b.box.left || b.box.right <= a.box.left || a.box.bottom <= b.box.top || b.box.bottom <= a.box.top;
          assert.ok(apart, `${a.text} ${JSON.stringify(a.box)} and ${b.text} ${JSON.stringify(b.box)} overlap`);
        }
      }
      // Each name keeps its button's accessible name, and a click anywhere on the name (even
      // where it runs on past its band) is a click on that button.
      for (const [i, n] of names.entries()) {
        const button = page.locator(`.llmc-era-button[data-era="${i}"]`);
        assert.match(await button.getAttribute('aria-label'), new RegExp(`^${n.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
        await page.evaluate((y) => window.scrollTo(0, y), n.box.top + (await scrollY(page)) - 300);
        const hit = await page.evaluate(({ text }) => {
          const t = [...document.querySelectorAll('.llmc-era-bands .llmc-era text')].find((el) => el.textContent === text);
          const r = t.getBoundingClientRect();
          return document.elementFromPoint(r.right - 3, r.top + r.height / 2)?.closest('.llmc-era-button')?.dataset.era;
        }, n);
        assert.equal(hit, String(i), `the end of "${n.text}" belongs to its button`);
      }
      assert.deepEqual(problems.console, []);
      await context.close();
    });

    test(`an era name cut to fit shows whole on hover and on keyboard focus; Enter zooms and keeps focus there (${lang}, ${scheme})`, async () => {
      // A window whose left edge leaves an early era's name too little room before the next band.
      const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 800 }, colorScheme: scheme });
      await page.goto(`${env.server.url}${LANGS.find((l) => l.lang === lang).path}#w=${lang === 'en' ? '2000~2027' : '2016~2027'}`);
      await ready(page);
      const eras = await page.locator('.llmc-era-bands .llmc-era').evaluateAll((gs) => gs.map((g) => g.textContent));
      const indices = await page.locator('.llmc-era-button').evaluateAll((bs) => bs.map((b) => Number(b.dataset.era)));
      const cut = indices.map((i, k) => ({ ...DATA.eras[i], i, drawn: eras[k] })).filter((e) => e.drawn.endsWith('…'));
      assert.ok(cut.length >= 1, `a name is cut in this window: ${eras}`);
      const frame = await box(page.locator('.llmc-timeline-frame'));
      for (const era of cut) {
        const button = page.getByRole('button', { name: era.name[lang], exact: false }).and(page.locator(`[data-era="${era.i}"]`));
        assert.equal(await button.count(), 1, `${era.name[lang]} is a button named in full`);
        const reveal = button.locator('.llmc-era-reveal');
        assert.equal(await reveal.isVisible(), false, 'hidden until asked for');
        await button.focus();
        assert.equal(await eventually(() => reveal.isVisible(), (v) => v), true, 'shown on keyboard focus');
        assert.equal(await reveal.textContent(), era.name[lang]);
        const r = await box(reveal);
        assert.ok(r.left >= frame.left - 1 && r.right <= frame.right + 1, `inside the plot: ${r.left}–${r.right}`);
        await button.evaluate((el) => el.blur());
        assert.equal(await eventually(() => reveal.isVisible(), (v) => !v), false, 'hidden again when focus leaves');
        await button.hover();
        assert.equal(await eventually(() => reveal.isVisible(), (v) => v), true, 'shown on hover');
      }
      // Tab reaches the eras from the toolbar; Enter zooms to the one focused, and focus stays on
      // it: the reader is where they were, and the keys go on from there.
      await page.getByRole('button', { name: lang === 'en' ? 'Show all' : '显示全部', exact: true }).click();
      await page.locator('.llmc-era-select select').focus();
      let era = null;
      for (let k = 0; k < 40 && era === null; k++) {
        await page.keyboard.press('Tab');
        era = await page.evaluate(() => document.activeElement?.getAttribute('data-era'));
      }
      assert.equal(era, '0', 'the first era is reached by Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const menu = page.locator('.llmc-era-select select');
      assert.equal(await eventually(() => menu.inputValue(), (v) => v === '1'), '1', 'Enter zoomed to the era');
      const focusedEra = () => page.evaluate(() => document.activeElement?.closest('.llmc-era-button')?.dataset.era ?? document.activeElement?.className);
      assert.equal(await eventually(focusedEra, (f) => f === '1'), '1', 'focus stays on the era\'s band');
      // The next key acts from there: Tab goes on to the next era, Enter zooms to it.
      await page.keyboard.press('Tab');
      assert.equal(await focusedEra(), '2');
      await page.keyboard.press('Enter');
      assert.equal(await eventually(() => menu.inputValue(), (v) => v === '2'), '2');
      assert.equal(await eventually(focusedEra, (f) => f === '2'), '2');
      // A zoom key on the band keeps focus there too.
      const windowText = () => page.locator('.llmc-window').textContent();
      const before = await windowText();
      await page.keyboard.press('-');
      assert.notEqual(await eventually(windowText, (w) => w !== before), before, '- zooms out');
      assert.equal(await eventually(focusedEra, (f) => f === '2'), '2', 'and focus stays on the band');
      assert.deepEqual(problems.console, []);
      await context.close();
    });
  }
}
