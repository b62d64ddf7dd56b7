// The open-versus-closed trend chart, end to end: the picture, the tables behind it in both
// languages, the link to the shared filters and to the selection, and its page without scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { eventually, ready, setup, violations, watchedPage } from './harness.mjs';

const DATA = JSON.parse(readFileSync(new URL('../../data/chronicle.json', import.meta.url)));
const byId = new Map(DATA.events.map((e) => [e.id, e]));
const open = (e) => e.access.startsWith('open-');
const closed = (e) => ['api', 'hosted', 'limited', 'unreleased'].includes(e.access);
const matrixModels = DATA.openness.map((r) => byId.get(r.model)).filter((e) => open(e) || closed(e));

const env = setup();

/** The releases table's rows as [year, open, closed]. */
async function releaseRows(page, caption) {
  const table = page.getByRole('table', { name: caption });
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [r.querySelector('th').textContent, ...[...r.querySelectorAll('td')].slice(0, 2).map((td) => Number(td.textContent))]),
  );
}

const WORDS = [
  ['en', { heading: 'Open versus closed over time', tables: 'The figures behind the chart (tables)', releases: 'Notable model releases per year', scores: /Openness score of the models in the matrix/, download: 'Download the chart', about: 'About this widget and its sources' }],
  ['zh', { heading: '开放与闭源：历年走势', tables: '图表数据（表格）', releases: '每年的重要模型发布', scores: /矩阵中各模型的开放度评分/, download: '下载图表', about: '关于本组件与资料来源' }],
];

for (const [lang, words] of WORDS) {
  test(`the trend chart and its tables count the dataset's models (${lang})`, async () => {
    const { page, problems, context } = await watchedPage(env.browser, env.server.url);
    await page.goto(`${env.server.url}/?lang=${lang}`);
    await ready(page);
    const section = page.getByRole('region', { name: words.heading });
    await section.getByRole('heading', { name: words.heading }).waitFor();
    // One dot per matrix model with open or closed weights, open filled and closed outlined.
    assert.equal(await section.locator('circle[data-select]').count(), matrixModels.length);
    await section.getByText(words.tables).click();
    const rows = await releaseRows(page, words.releases);
    for (const [year, o, c] of rows) {
      const y = Number(year.slice(0, 4));
      const models = DATA.events.filter((e) => e.kind === 'model' && Number(e.date.slice(0, 4)) === y);
      assert.deepEqual([o, c], [models.filter(open).length, models.filter(closed).length], year);
    }
    assert.equal(await page.getByRole('table', { name: words.scores }).locator('tbody tr').count(), matrixModels.length);
    assert.deepEqual(await violations(page, '.llmc-trend'), []);
    assert.deepEqual(problems.console, []);
    await context.close();
  });
}

test('the shared filters narrow the chart, and a dot selects its model everywhere', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url);
  const section = page.getByRole('region', { name: 'Open versus closed over time' });
  const dots = section.locator('circle[data-select]');
  const meta = matrixModels.filter((e) => e.org === 'Meta AI');
  assert.ok(meta.length > 0 && meta.length < matrixModels.length);
  await page.goto(`${env.server.url}/?lang=en#o=Meta%20AI`);
  await ready(page);
  await eventually(() => dots.count(), (n) => n === meta.length);
  await section.getByText(/^Filtered: /).waitFor();

  // A full load (the URL differs in more than its fragment) without the filter.
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  await eventually(() => dots.count(), (n) => n === matrixModels.length);
  const model = matrixModels.at(-1);
  await section.locator(`circle[data-select="${model.id}"]`).click();
  await page.getByRole('region', { name: model.name.en, exact: true }).waitFor();
  assert.equal(await page.locator(`.llmc-event[data-event-id="${model.id}"]`).getAttribute('aria-pressed'), 'true');
  await eventually(() => section.locator(`circle[data-select="${model.id}"]`).getAttribute('class'), (c) => /llmc-selected/.test(c));
  // The tables' button for it says it is pressed; a keyboard reader selects another from there.
  await section.getByText('The figures behind the chart (tables)').click();
  const table = page.getByRole('table', { name: /Openness score of the models/ });
  assert.equal(await table.getByRole('button', { name: model.name.en, exact: true }).getAttribute('aria-pressed'), 'true');
  const other = matrixModels[0];
  await table.getByRole('button', { name: other.name.en, exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: other.name.en, exact: true }).waitFor();
  assert.equal(await page.locator(`.llmc-event[data-event-id="${other.id}"]`).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('without scripts the chart and its tables are in the page', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/en/`);
  const text = await page.content();
  assert.match(text, /Open versus closed over time/);
  assert.match(text, /class="llmc-trend-svg"/);
  assert.match(text, /Notable model releases per year/);
  await context.close();
});

for (const [lang, words] of WORDS) {
  test(`print (${lang}, from a dark page): the chart and its tables unfolded, the sources, nothing wider than an A4 page, on white, no controls`, async () => {
    // An A4 page's width at 96 dpi.
    const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 794, height: 1100 }, colorScheme: 'dark' });
    await page.goto(`${env.server.url}/?lang=${lang}`);
    await ready(page);
    await page.emulateMedia({ media: 'print' });
    const section = page.getByRole('region', { name: words.heading });
    const chart = section.locator('.llmc-trend-svg');
    assert.equal(await chart.isVisible(), true, 'the chart prints');
    // The tables behind it print unfolded, every row.
    const releases = page.getByRole('table', { name: words.releases });
    const scores = page.getByRole('table', { name: words.scores });
    assert.equal(await releases.locator('tbody tr').last().isVisible(), true, 'the releases table prints');
    assert.equal(await scores.locator('tbody tr').count(), matrixModels.length);
    assert.equal(await scores.locator('tbody tr').last().isVisible(), true, 'the scores table prints, to its last row');
    // So do the sources (About, folded on screen).
    assert.equal(await page.locator('.llmc-about').getByRole('link').first().isVisible(), true, `${words.about} prints`);
    // Nothing to press on paper.
    assert.equal(await section.getByRole('group', { name: words.download }).isVisible(), false, 'no download buttons');
    const pressable = await section.evaluate((s) => [...s.querySelectorAll('button')].filter((b) => !b.closest('table') && b.getClientRects().length).length);
    assert.equal(pressable, 0, 'no buttons outside the tables (their model names print as text)');
    // On white, dark text, the closed bars outlined on white (not the dark page's colours).
    const colours = await page.evaluate(() => ({
      bg: getComputedStyle(document.querySelector('.llmc')).backgroundColor,
      fg: getComputedStyle(document.querySelector('.llmc-trend h2')).color,
      closed: getComputedStyle(document.querySelector('.llmc-trend-bar.llmc-trend-closed')).fill,
    }));
    assert.deepEqual(colours, { bg: 'rgb(255, 255, 255)', fg: 'rgb(0, 0, 0)', closed: 'rgb(255, 255, 255)' });
    // Nothing reaches past the page's right edge, the chart included.
    const wide = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      return [...document.querySelectorAll('.llmc *')]
        .filter((el) => el.getClientRects().length && el.getBoundingClientRect().right > w + 0.5)
        .slice(0, 3)
        .map((el) => `${el.tagName}.${el.className.baseVal ?? el.className} ${Math.round(el.getBoundingClientRect().right)}`);
    });
    assert.deepEqual(wide, [], 'no horizontal overflow');
    assert.ok((await chart.boundingBox()).width > 600, 'the chart takes the page width');
    // And Chromium makes a real PDF of it.
    assert.ok((await page.pdf({ format: 'A4' })).length > 10000);
    assert.deepEqual(problems.console, []);
    await context.close();
  });
}
