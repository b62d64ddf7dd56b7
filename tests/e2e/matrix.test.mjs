// The two matrices, end to end: real tables, cell details by click and keyboard, and the link
// between matrix rows and the timeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { eventually, ready, setup, watchedPage } from './harness.mjs';

const DATA = JSON.parse(readFileSync(new URL('../../data/chronicle.json', import.meta.url)));
const nameOf = (id) => DATA.events.find((e) => e.id === id).name.en;

const env = setup();

test('the dimension matrix is a captioned table with every dimension', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  const table = page.getByRole('table', { name: 'Open versus closed models, dimension by dimension' });
  for (const d of DATA.dimensions) {
    await table.getByRole('rowheader', { name: d.name.en }).waitFor();
  }
  // An example button selects its event (one delegated handler for the drawn table).
  const example = DATA.dimensions.find((d) => d.examples.length).examples[0];
  await table.getByRole('button', { name: nameOf(example), exact: true }).first().click();
  await page.getByRole('region', { name: nameOf(example) }).waitFor();
  assert.equal(await page.locator(`.llmc-event[data-event-id="${example}"]`).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('openness cells open their note and source by click and by keyboard', { skip: DATA.openness.length === 0 && 'no openness rows in the dataset' }, async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=en`);
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
  // Selecting anywhere selects everywhere: the cell's model is selected, its details open, and
  // the timeline and the trend chart mark it.
  await page.getByRole('region', { name: nameOf(row.model), exact: true }).waitFor();
  assert.equal(await eventually(() => page.locator(`.llmc-event[data-event-id="${row.model}"]`).getAttribute('aria-pressed'), (p) => p === 'true'), 'true');
  const dot = page.locator(`.llmc-trend circle[data-select="${row.model}"]`);
  assert.equal(await dot.count(), 1, 'the model is a dot on the chart (its weights are open or closed)');
  assert.match(await eventually(() => dot.getAttribute('class'), (c) => /llmc-selected/.test(c)), /llmc-selected/);
  if (cell.source) {
    assert.equal(await detail.getByRole('link').getAttribute('href'), cell.source.url);
  }
  await button.click();
  await detail.getByText(cell.note.en).waitFor({ state: 'detached' });
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('selecting a row selects the model on the timeline, and back', { skip: DATA.openness.length === 0 && 'no openness rows in the dataset' }, async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  const model = DATA.openness.at(-1).model;
  const table = page.getByRole('table', { name: /Model by model/ });
  await table.getByRole('button', { name: nameOf(model), exact: true }).click();
  await page.getByRole('region', { name: nameOf(model) }).waitFor();
  assert.equal(await page.locator(`.llmc-event[data-event-id="${model}"]`).getAttribute('aria-pressed'), 'true');
  const rowButton = table.locator(`tr[data-model="${model}"] th button`);
  await page.waitForFunction((m) => document.querySelector(`tr[data-model="${m}"] th button`).getAttribute('aria-pressed') === 'true', model);
  assert.match(await table.locator(`tr[data-model="${model}"]`).getAttribute('class'), /llmc-row-selected/);
  await page.keyboard.press('Escape');
  await page.waitForFunction((m) => document.querySelector(`tr[data-model="${m}"] th button`).getAttribute('aria-pressed') === 'false', model);
  assert.doesNotMatch((await table.locator(`tr[data-model="${model}"]`).getAttribute('class')) ?? '', /llmc-row-selected/);
  assert.equal(await rowButton.count(), 1);

  const other = DATA.openness[1].model;
  await page.locator(`.llmc-event[data-event-id="${other}"]`).click();
  // The row is marked by the render after the click: poll for it.
  const otherRow = table.locator(`tr[data-model="${other}"]`);
  const marked = await eventually(() => otherRow.getAttribute('class'), (c) => /llmc-row-selected/.test(c ?? ''));
  assert.match(marked ?? '', /llmc-row-selected/);
  await context.close();
});

const openRows = DATA.openness.length > 0;
const points = { open: 1, partial: 0.5, closed: 0, unknown: 0 };
const scoreOf = (row, criteria = DATA.criteria) =>
  Math.round((criteria.reduce((s, c) => s + points[row.cells[c.id].level], 0) / criteria.length) * 1000) / 10;

test('sort by score, by name and by a criterion; weights and hidden groups change the score', { skip: !openRows && 'no openness rows' }, async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  const table = page.getByRole('table', { name: /Model by model/ });
  const models = () => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.model));
  const byScore = [...DATA.openness].sort((a, b) => scoreOf(b) - scoreOf(a) || DATA.openness.indexOf(a) - DATA.openness.indexOf(b));
  assert.deepEqual(await models(), byScore.map((r) => r.model), 'default: highest score first');
  assert.equal(await table.getByRole('columnheader', { name: /Openness score/ }).getAttribute('aria-sort'), 'descending');

  await table.getByRole('button', { name: /^Model( ▲| ▼)?$/ }).click();
  const names = (await models()).map(nameOf);
  assert.deepEqual(names, [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  await table.getByRole('button', { name: /^Model( ▲| ▼)?$/ }).click();
  assert.equal(await table.getByRole('columnheader', { name: /^Model( ▲| ▼)?$/ }).getAttribute('aria-sort'), 'descending');
  // From the keyboard: the table is drawn again, and focus stays on that column's sort button.
  await table.getByRole('button', { name: /^Model( ▲| ▼)?$/ }).press('Enter');
  await table.locator('th[aria-sort="ascending"] button[data-sort="name"]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.sort), 'name', 'focus stays on the sort button');

  const crit = DATA.criteria.find((c) => c.id === 'training-data') ?? DATA.criteria[0];
  await table.getByRole('button', { name: new RegExp(`^${crit.name.en}`) }).click();
  const levels = (await models()).map((m) => points[DATA.openness.find((r) => r.model === m).cells[crit.id].level]);
  assert.deepEqual(levels, [...levels].sort((a, b) => b - a), 'most open first on that criterion');

  // Hiding the access group removes its columns and takes it out of the score.
  await page.getByRole('checkbox', { name: 'Access', exact: true }).uncheck();
  const shown = DATA.criteria.filter((c) => c.group !== 'access');
  assert.equal(await table.locator('tbody tr').first().locator('button.llmc-cell-button').count(), shown.length);
  const topModel = (await models())[0];
  const first = DATA.openness.find((r) => r.model === topModel);
  assert.equal(await table.locator(`tr[data-model="${first.model}"] .llmc-score`).textContent(), String(Math.round(scoreOf(first, shown) * 10) / 10));
  await page.getByRole('checkbox', { name: 'Access', exact: true }).check();

  // A weight of zero on every criterion but one makes the score that criterion's points.
  await page.getByText('Adjust the criteria weights').click();
  for (const c of DATA.criteria) {
    if (c.id !== crit.id) await page.locator('.llmc-weight').filter({ hasText: c.name.en }).locator('input').fill('0');
    if (c.id !== crit.id) await page.locator('.llmc-weight').filter({ hasText: c.name.en }).locator('input').dispatchEvent('change');
  }
  const row = DATA.openness[0];
  assert.equal(await table.locator(`tr[data-model="${row.model}"] .llmc-score`).textContent(), String(points[row.cells[crit.id].level] * 100));
  await page.getByRole('button', { name: 'Reset weights' }).click();
  assert.equal(await table.locator(`tr[data-model="${row.model}"] .llmc-score`).textContent(), String(Math.round(scoreOf(row) * 10) / 10));

  // The order, the weights and the hidden groups are in the deep link: a reload keeps them.
  await table.getByRole('button', { name: /^Model( ▲| ▼)?$/ }).click();
  await page.getByRole('checkbox', { name: 'Access', exact: true }).uncheck();
  const weight = page.locator('.llmc-weight').filter({ hasText: crit.name.en }).locator('input');
  await weight.fill('2.5');
  await weight.dispatchEvent('change');
  const order = await models();
  const hash = await eventually(() => page.evaluate(() => location.hash), (h) => /wt=/.test(h) && /g=access/.test(h) && /k=name/.test(h));
  assert.match(hash, /k=name&d=asc/);
  await page.reload();
  await ready(page);
  assert.deepEqual(await models(), order, 'the same order after a reload');
  assert.equal(await page.getByRole('checkbox', { name: 'Access', exact: true }).isChecked(), false);
  assert.equal(await page.locator('.llmc-weight').filter({ hasText: crit.name.en }).locator('input').inputValue(), '2.5');
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('colour the timeline by a criterion; the legend says so', { skip: !openRows && 'no openness rows' }, async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  const crit = DATA.criteria.find((c) => c.id === 'training-data') ?? DATA.criteria[0];
  await page.getByLabel('Colour the timeline by').selectOption(crit.id);
  await page.locator('.llmc-colour-legend').getByText(new RegExp(crit.name.en)).waitFor();
  for (const row of DATA.openness.slice(0, 5)) {
    const level = row.cells[crit.id].level;
    const el = page.locator(`.llmc-event[data-event-id="${row.model}"]`);
    assert.match(await el.getAttribute('class'), new RegExp(`llmc-colour-${level}`));
    assert.match(await el.getAttribute('aria-label'), new RegExp(`${crit.name.en}: ${level}`));
  }
  // The labels carry their level's symbol, and the packer made room for it: no label or "+N"
  // badge overlaps another.
  const clash = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.llmc-timeline-frame :is(.llmc-event-label, .llmc-cluster)')].map((t) => ({
      text: t.textContent,
      r: t.getBoundingClientRect(),
    }));
    const hits = [];
    for (const [k, a] of boxes.entries())
      for (const b of boxes.slice(k + 1))
        if (a.r.left < b.r.right - 0.5 && b.r.left < a.r.right - 0.5 && a.r.top < b.r.bottom - 0.5 && b.r.top < a.r.bottom - 0.5) hits.push(`${a.text} / ${b.text}`);
    return { labelled: boxes.filter((b) => /[●◐○?]$/.test(b.text)).length, hits };
  });
  assert.ok(clash.labelled > 20, `labels with a level symbol: ${clash.labelled}`);
  assert.deepEqual(clash.hits, [], 'no label or badge overlaps another');
  // The narrow, vertical timeline is coloured too, with the level in text.
  await page.setViewportSize({ width: 375, height: 800 });
  const row = DATA.openness[0];
  const item = page.locator(`.llmc-vevent[data-event-id="${row.model}"]`);
  await item.waitFor();
  assert.match(await item.getAttribute('class'), new RegExp(`llmc-colour-${row.cells[crit.id].level}`));
  assert.match(await item.textContent(), new RegExp(`${crit.name.en}: . ${row.cells[crit.id].level}`));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('.llmc-timeline-frame').waitFor();
  const outsider = DATA.events.find((e) => !DATA.openness.some((r) => r.model === e.id));
  assert.match(await page.locator(`.llmc-event[data-event-id="${outsider.id}"]`).getAttribute('class'), /llmc-colour-none/);
  await context.close();
});

test('the CSV download holds the matrix as shown, with a BOM; JSON too', { skip: !openRows && 'no openness rows' }, async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=zh`);
  await ready(page);
  await page.locator('.llmc-filters summary').click();
  await page.getByRole('searchbox').fill('deepseek');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
  assert.equal(csvDownload.suggestedFilename(), 'llm-chronicle-openness.csv');
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFF'), 'BOM for spreadsheet programs');
  const lines = csv.slice(1).trim().split('\r\n');
  assert.match(lines[0], /^模型,编号,开放度得分,/, 'Chinese headers');
  assert.ok(lines.slice(1).every((l) => !/,(open|partial|closed|unknown),/.test(l)), 'level words in Chinese');
  const shownRows = await page.locator('.llmc-openness-table tbody tr').count();
  assert.equal(lines.length - 1, shownRows, 'one line per row shown');
  // The lines are the rows shown, in order: their ids (the second column) are the table's.
  const shownIds = await page.locator('.llmc-openness-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.model));
  assert.deepEqual(lines.slice(1).map((l) => l.match(/^(?:"(?:[^"]|"")*"|[^,]*),([^,]*),/)?.[1]), shownIds);
  assert.ok(shownIds.includes('deepseek-r1') && shownIds.length < DATA.openness.length, 'the search narrowed the rows');
  // One rule for the score: the CSV's (third column) is the one on screen, digit for digit.
  const cells = (line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]);
  const shownScores = await page.locator('.llmc-openness-table tbody tr .llmc-score').allTextContents();
  assert.deepEqual(lines.slice(1).map((l) => cells(l)[2]), shownScores);
  assert.ok(shownScores.some((t) => t.includes('.')), `a score with a decimal among ${shownScores}`);
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 JSON' }).click()]);
  const json = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
  assert.equal(json.length, shownRows);
  assert.equal(Object.keys(json[0].cells).length, DATA.criteria.length);
  await context.close();
});

test('the view setting shows the timeline, the matrices or both', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=en`);
  await ready(page);
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Matrices' }).click();
  await page.locator('.llmc-timeline').waitFor({ state: 'detached' });
  assert.equal(await page.locator('.llmc-matrix').count(), 1);
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Timeline' }).click();
  await page.locator('.llmc-timeline').waitFor();
  assert.equal(await page.locator('.llmc-matrix').count(), 0);
  await page.goto(`${env.server.url}/#v=matrix&lang=en`);
  // The prerendered page shows both views until the widget is interactive.
  await ready(page);
  await page.locator('.llmc-timeline').waitFor({ state: 'detached' });
  assert.equal(await page.locator('.llmc-matrix').count(), 1);
  // Filters work in the matrix-only view too.
  await page.locator('.llmc-filters summary').click();
  await page.getByRole('checkbox', { name: 'API access' }).check();
  const apiModels = DATA.openness.filter((r) => DATA.events.find((e) => e.id === r.model).access === 'api').length;
  await page.waitForFunction((n) => document.querySelectorAll('.llmc-openness-table tbody tr').length === n, apiModels);
  await context.close();
});

test('the openness table keeps its header row and model column in view while scrolling', { skip: !openRows && 'no openness rows' }, async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 700, height: 700 } });
  await page.goto(`${env.server.url}/?lang=en&view=matrix`);
  await ready(page);
  const frame = page.locator('.llmc-openness-frame');
  await frame.scrollIntoViewIfNeeded();
  await frame.evaluate((el) => el.scrollTo(400, 400));
  const [frameBox, headBox, firstColBox] = await Promise.all([
    frame.boundingBox(),
    page.locator('.llmc-openness-table thead tr:nth-child(2) th').nth(3).boundingBox(),
    page.locator('.llmc-openness-table tbody tr').nth(10).locator('th').boundingBox(),
  ]);
  assert.ok(headBox.y >= frameBox.y - 1 && headBox.y < frameBox.y + 80, `header at ${headBox.y}, frame at ${frameBox.y}`);
  assert.ok(Math.abs(firstColBox.x - frameBox.x) <= 2, `model column at ${firstColBox.x}, frame at ${frameBox.x}`);
  await context.close();
});

test('with the timeline alone, its legend chooses and clears the colouring', { skip: !openRows && 'no openness rows' }, async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=en#lang=en&v=timeline`);
  await ready(page);
  assert.equal(await page.locator('.llmc-openness').count(), 0, 'no matrix on the page');
  const crit = DATA.criteria[0];
  const menu = page.getByRole('combobox', { name: 'Colour the timeline by' });
  await menu.selectOption(crit.id);
  await page.locator('.llmc-colour-legend').getByText(new RegExp(crit.name.en)).waitFor();
  await menu.selectOption('');
  await page.locator('.llmc-colour-legend').waitFor({ state: 'detached' });
  assert.equal(await page.locator('[class*="llmc-colour-"].llmc-event').count(), 0, 'no event coloured');
  assert.deepEqual(problems.console, []);
  await context.close();
});
