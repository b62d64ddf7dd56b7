// The two matrices, end to end: real tables, cell details by click and keyboard, and the link
// between matrix rows and the timeline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, watchedPage, ready } from './harness.mjs';

const DATA = JSON.parse(readFileSync(new URL('../../data/chronicle.json', import.meta.url)));
const nameOf = (id) => DATA.events.find((e) => e.id === id).name.en;

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the dimension matrix is a captioned table with every dimension', async () => {
  const { page, problems, context } = await watchedPage(browser, server.url);
  await page.goto(`${server.url}/?lang=en`);
  await ready(page);
  const table = page.getByRole('table', { name: 'Open versus closed models, dimension by dimension' });
  for (const d of DATA.dimensions) {
    await table.getByRole('rowheader', { name: d.name.en }).waitFor();
  }
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('openness cells open their note and source by click and by keyboard', { skip: DATA.openness.length === 0 && 'no openness rows in the dataset' }, async () => {
  const { page, problems, context } = await watchedPage(browser, server.url);
  await page.goto(`${server.url}/?lang=en`);
  await ready(page);
  const table = page.getByRole('table', { name: /Model by model/ });
  assert.equal(await table.locator('tbody tr').count(), DATA.openness.length);
  assert.equal(await table.locator('tbody tr').first().locator('button.llmc-cell-button').count(), DATA.criteria.length);

  const row = DATA.openness[0];
  const crit = DATA.criteria[0];
  const cell = row.cells[crit.id];
  const button = page.getByRole('button', { name: `${nameOf(row.model)} · ${crit.name.en}: ${cell.level}` });
  await button.focus();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('region', { name: 'Details' });
  await detail.getByText(cell.note.en).waitFor();
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  if (cell.source) {
    assert.equal(await detail.getByRole('link').getAttribute('href'), cell.source.url);
  }
  await button.click();
  await detail.getByText(cell.note.en).waitFor({ state: 'detached' });
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('selecting a row selects the model on the timeline, and back', { skip: DATA.openness.length === 0 && 'no openness rows in the dataset' }, async () => {
  const { page, context } = await watchedPage(browser, server.url);
  await page.goto(`${server.url}/?lang=en`);
  await ready(page);
  const model = DATA.openness.at(-1).model;
  const table = page.getByRole('table', { name: /Model by model/ });
  await table.getByRole('button', { name: nameOf(model), exact: true }).click();
  await page.getByRole('region', { name: nameOf(model) }).waitFor();
  assert.equal(await page.locator(`.llmc-event[data-event-id="${model}"]`).getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('Escape');

  const other = DATA.openness[1].model;
  await page.locator(`.llmc-event[data-event-id="${other}"]`).click();
  assert.match(await table.locator(`tr[data-model="${other}"]`).getAttribute('class'), /llmc-row-selected/);
  await context.close();
});
