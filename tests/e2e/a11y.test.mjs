// axe-core against the built widget: every view, both languages, light and dark, wide and narrow,
// with the detail panel and a matrix cell open. Zero violations allowed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLES, ready, setup, violations, watchedPage } from './harness.mjs';

const env = setup({ '/examples/': EXAMPLES });

for (const lang of ['zh', 'en']) {
  for (const scheme of ['light', 'dark']) {
    for (const width of [1280, 375]) {
      test(`axe: ${lang}, ${scheme}, ${width} px, with details and a cell open`, async () => {
        const { page, context } = await watchedPage(env.browser, env.server.url, { viewport: { width, height: 900 }, colorScheme: scheme });
        await page.goto(`${env.server.url}/?lang=${lang}`);
        await ready(page);
        assert.deepEqual(await violations(page), []);
        await page.locator('[data-event-id="bert"]').dispatchEvent('click');
        await page.locator('.llmc-detail').waitFor();
        await page.locator('.llmc-cell-button').first().click();
        await page.locator('.llmc-about summary').click();
        await page.locator('.llmc-filters summary').click();
        await page.locator('.llmc-embed-toggle').click();
        assert.deepEqual(await violations(page), []);
        // The story panel, with highlights in the timeline and the matrices.
        await page.locator('.llmc-story-start').click();
        await page.locator('.llmc-story-dot').nth(9).click();
        assert.deepEqual(await violations(page), []);
        await context.close();
      });
    }
  }
}

test('axe: the error panel for broken JSON, broken syntax and a broken sheet, in both languages', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  for (const file of ['broken.json', 'broken-syntax.json', 'broken.csv']) {
    for (const lang of ['en', 'zh']) {
      await page.goto(`${env.server.url}/?lang=${lang}&data=/examples/data/${file}`);
      await page.getByRole('alert').getByRole('listitem').first().waitFor();
      assert.deepEqual(await violations(page), [], `${file} ${lang}`);
    }
  }
  await context.close();
});

for (const view of ['timeline', 'matrix']) {
  for (const lang of ['zh', 'en']) {
    test(`axe: view=${view}, ${lang}, dark, 375 and 1280 px`, async () => {
      for (const width of [375, 1280]) {
        const { page, context } = await watchedPage(env.browser, env.server.url, { viewport: { width, height: 900 }, colorScheme: 'dark' });
        await page.goto(`${env.server.url}/?lang=${lang}&view=${view}`);
        await ready(page);
        assert.deepEqual(await violations(page), [], `${view} ${lang} ${width}`);
        await context.close();
      }
    });
  }
}

test('keyboard only: Tab reaches every control in order, each with a visible focus ring', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  // Every control a pointer could use, in document order (contents of closed <details> and the
  // timeline's non-current events excepted: one tab stop for the whole timeline).
  const expected = await page.evaluate(() => {
    window.__controls = [...document.querySelectorAll('.llmc button, .llmc select, .llmc input, .llmc summary, .llmc a[href], .llmc [role="button"]')].filter(
      (el) =>
        el.getClientRects().length > 0 &&
        !el.disabled &&
        el.tabIndex >= 0 &&
        !(el.tagName !== 'SUMMARY' && el.closest('details:not([open])')),
    );
    return window.__controls.length;
  });
  const order = [];
  const ringless = [];
  for (let i = 0; i < expected + 10; i += 1) {
    await page.keyboard.press('Tab');
    const step = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || !el.closest('.llmc')) return { outside: true };
      const index = window.__controls.indexOf(el);
      const style = getComputedStyle(el);
      const ring = el.querySelector?.('.llmc-focus-ring');
      const visible =
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || (ring && getComputedStyle(ring).stroke !== 'none');
      return { index, visible, html: el.outerHTML.slice(0, 60) };
    });
    if (step.outside) {
      if (order.length) break;
      continue;
    }
    if (order.includes(step.index)) break;
    order.push(step.index);
    if (!step.visible) ringless.push(step.html);
  }
  assert.deepEqual(ringless, [], 'every focused control shows a ring');
  assert.ok(!order.includes(-1), 'focus only lands on known controls');
  assert.deepEqual(order, [...order].sort((x, y) => x - y), 'tab order follows the document');
  assert.equal(order.length, expected, 'every control is reached');
  await context.close();
});

test('forced colours: open and closed markers and the selection stay distinguishable', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  const fill = (sel) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).fill);
  assert.notEqual(await fill('.llmc-marker-open'), await fill('.llmc-marker-closed'), 'filled against hollow');
  await page.locator('[data-event-id="bert"]').first().click();
  const width = (sel) => page.locator(sel).evaluate((el) => getComputedStyle(el.querySelector('.llmc-marker')).strokeWidth);
  assert.notEqual(await width('[data-event-id="bert"]'), await width('[data-event-id="gpt-2"]'), 'selection is a thicker ring');
  // Matrix levels are glyphs, readable without colour.
  const glyphs = await page.locator('.llmc-symbol').allTextContents();
  assert.ok(['●', '◐', '○'].every((g) => glyphs.includes(g)));
  await context.close();
});

test('reduced motion: no transitions or animations anywhere in the widget', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll('.llmc *')].filter((el) => {
      const s = getComputedStyle(el);
      return (s.transitionDuration.split(',').some((d) => parseFloat(d) > 0)) || s.animationName !== 'none' || s.scrollBehavior === 'smooth';
    }).length,
  );
  assert.equal(moving, 0);
  // Zoom is applied in one step: the window label is final right after the click.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const first = await page.locator('.llmc-window').textContent();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.locator('.llmc-window').textContent(), first);
  await context.close();
});
