// axe-core against the built widget: every view, both languages, light and dark, wide and narrow,
// with the detail panel and a matrix cell open. Zero violations allowed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serve, launch, watchedPage, ready, EXAMPLES } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server;
let browser;
before(async () => {
  server = await serve(undefined, {}, { '/examples/': EXAMPLES });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function violations(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target}`);
}

for (const lang of ['zh', 'en']) {
  for (const scheme of ['light', 'dark']) {
    for (const width of [1280, 375]) {
      test(`axe: ${lang}, ${scheme}, ${width} px, with details and a cell open`, async () => {
        const { page, context } = await watchedPage(browser, server.url, { viewport: { width, height: 900 }, colorScheme: scheme });
        await page.goto(`${server.url}/?lang=${lang}`);
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

test('axe: the error panel for a broken dataset', async () => {
  const { page, context } = await watchedPage(browser, server.url);
  await page.goto(`${server.url}/?lang=en&data=/examples/data/broken.json`);
  await page.locator('.llmc-errors').waitFor();
  assert.deepEqual(await violations(page), []);
  await context.close();
});
