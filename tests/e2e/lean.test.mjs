// Two readers: a page showing the site's own dataset loads the lean WASM (no problem reports, error
// panel or CSV import), an editor's `?data=` the full one; and when the site's dataset cannot be
// shown, the lean reader hands over to the full one, which says why in the reader's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EXAMPLES, ready, setup, showIntent, watchedPage } from './harness.mjs';

const env = setup({ '/examples/': EXAMPLES });

const LEAN = /\/llm-chronicle-lean-[0-9a-f]{16}(\.js|_bg\.wasm)$/;
const FULL = /\/llm-chronicle-[0-9a-f]{16}(\.js|_bg\.wasm)$/;

/** The widget's code the page has asked for, as `lean` and `full` file lists. */
function codeRequests(page) {
  const seen = { lean: [], full: [] };
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (LEAN.test(path)) seen.lean.push(path);
    if (FULL.test(path)) seen.full.push(path);
  });
  return seen;
}

test('the site’s own dataset loads only the lean reader, which works in full', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  const seen = codeRequests(page);
  await page.goto(`${env.server.url}/en/`);
  await ready(page);
  assert.equal(seen.lean.length, 2, `its glue and WASM: ${JSON.stringify(seen)}`);
  assert.deepEqual(seen.full, [], 'nothing of the full reader');
  // Preloaded: the lean reader's two files, and no other WASM.
  const preloads = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel="preload"], link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname),
  );
  assert.equal(preloads.length, 2, preloads.join(' '));
  assert.ok(preloads.every((p) => LEAN.test(p)), preloads.join(' '));
  // The widget answers: a filter, a selection, the language.
  await page.locator('[data-event-id="bert"]').first().click();
  await page.getByRole('region', { name: 'BERT' }).waitFor();
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await page.locator('.llmc[lang="zh-Hans"]').waitFor();
  assert.deepEqual(seen.full, []);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('an editor’s ?data= loads only the full reader', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url);
  const seen = codeRequests(page);
  await page.goto(`${env.server.url}/?lang=en&data=/examples/data/minimal.csv`);
  await page.getByText('Custom dataset').waitFor();
  assert.equal(seen.full.length, 2, `its glue and WASM: ${JSON.stringify(seen)}`);
  assert.deepEqual(seen.lean, [], 'nothing of the lean reader');
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('a site dataset that is not what the build wrote goes to the full reader, which lists its problems', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  const seen = codeRequests(page);
  const broken = readFileSync(new URL('../../examples/data/broken.json', import.meta.url));
  await page.route(/\/chronicle-[0-9a-f]{16}\.json$/, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: broken }),
  );
  await page.goto(`${env.server.url}/?lang=zh`);
  await showIntent(page);
  const panel = page.getByRole('alert');
  await panel.waitFor();
  assert.match(await panel.textContent(), /数据中有 11 个问题需要修正：/);
  assert.match(await panel.textContent(), /传承关系成环：y → z → y/);
  assert.equal(seen.lean.length, 2, JSON.stringify(seen));
  assert.equal(seen.full.length, 2, JSON.stringify(seen));
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.getByText(/month 13 is not between 1 and 12/).waitFor();
  await context.close();
});

test('a site dataset that cannot be fetched is named by the full reader, in the reader’s language', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  const seen = codeRequests(page);
  await page.route(/\/chronicle-[0-9a-f]{16}\.json$/, (route) => route.fulfill({ status: 503, body: 'busy' }));
  await page.goto(`${env.server.url}/en/`);
  await showIntent(page);
  const panel = page.getByRole('alert');
  await panel.waitFor();
  assert.match(await panel.textContent(), /chronicle-[0-9a-f]{16}\.json/);
  assert.match(await panel.textContent(), /503/);
  assert.equal(seen.full.length, 2, JSON.stringify(seen));
  await context.close();
});
