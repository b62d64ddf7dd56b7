// The authoring page, end to end: drop a broken CSV, see every problem with a way to its line, fix
// it, see the preview, copy a snippet (which says whether the copy happened), and embed the data
// with that snippet in an article. Both languages, axe 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, setup, violations, watchedPage } from './harness.mjs';

const TEMPLATE = readFileSync(new URL('../../data/templates/events.csv', import.meta.url), 'utf8');
const BROKEN = TEMPLATE.replace('decoder-only,model,api', 'quantum,model,api');
const ARTICLES = mkdtempSync(join(tmpdir(), 'llmc-author-'));
const env = setup({ '/article/': ARTICLES });

/** Drops `text` as a file named `name` on the page's drop zone, as a reader's drag would. */
async function drop(page, name, text) {
  await page.locator('.llmc-author-drop').evaluate(
    (zone, [name, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [name, text],
  );
}

for (const [lang, path, words] of [
  ['en', '/en/author.html', { data: '2. Your data', paste: 'Or paste it here', problems: '1 problem found:', go: 'Go to line 3', valid: 'The data is valid: 2 events.', url: "Your data file's public URL (where you host it)", copy: 'Copy', copied: 'Copied' }],
  ['zh', '/author.html', { data: '2. 你的数据', paste: '也可以把数据粘贴到这里', problems: '发现 1 个问题：', go: '跳到第 3 行', valid: '数据有效：共 2 个事件。', url: '数据文件的公开网址（你托管它的地方）', copy: '复制', copied: '已复制' }],
]) {
  test(`an author drops a broken CSV, fixes it, previews it and copies its embed (${lang})`, async () => {
    const { page, problems, context } = await watchedPage(env.browser, env.server.url);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
    await page.goto(`${env.server.url}${path}`);
    await page.getByRole('heading', { name: words.data }).waitFor();
    await drop(page, 'events.csv', BROKEN);
    const status = page.getByRole('status').filter({ hasText: words.problems });
    await status.waitFor();
    assert.match(await status.textContent(), /quantum/);
    // The problem leads to its line: the text's selection is row 3.
    await page.getByRole('button', { name: words.go }).click();
    const selected = await page.getByLabel(words.paste).evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
    assert.ok(selected.startsWith('gpt-3,') && selected.includes('quantum'), selected);
    assert.deepEqual(await violations(page, '#llm-chronicle-author'), []);

    // Fixed: no problems, and the widget shows the author's data.
    await page.getByLabel(words.paste).fill(TEMPLATE);
    await page.getByRole('status').filter({ hasText: words.valid }).waitFor();
    const preview = page.locator('.llmc-author-preview');
    await preview.locator('.llmc-event[data-event-id="gpt-3"]').first().waitFor();
    assert.equal(await preview.locator('.llmc-event[data-event-id]').count(), 2);

    // The snippet for where the author hosts the data; "copied" only once the clipboard has it.
    const dataUrl = `${env.server.url}/templates/events.csv`;
    await page.getByLabel(words.url).fill(dataUrl);
    const element = page.locator('.llmc-snippet').nth(1);
    await element.getByRole('button', { name: words.copy }).click();
    await element.getByRole('status').filter({ hasText: words.copied }).waitFor();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(snippet, /<llm-chronicle [^>]*data="[^"]*templates\/events\.csv"/);
    assert.deepEqual(problems.console, []);

    // The copied snippet, pasted into an article, embeds the author's data.
    writeFileSync(join(ARTICLES, `${lang}.html`), `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Article</title></head><body><h1>Article</h1>${snippet}<p>After.</p></body></html>`);
    const article = await context.newPage();
    await article.goto(`${env.server.url}/article/${lang}.html`);
    await article.locator('llm-chronicle').scrollIntoViewIfNeeded();
    const events = await eventually(
      () => article.locator('llm-chronicle').evaluate((el) => el.shadowRoot?.querySelectorAll('.llmc-event[data-event-id]').length ?? 0),
      (n) => n === 2,
      15000,
    );
    assert.equal(events, 2);
    await context.close();
  });
}

test('a copy the clipboard refuses says so', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await page.goto(`${env.server.url}/en/author.html`);
  await page.getByLabel('Or paste it here').fill(TEMPLATE);
  await page.getByLabel("Your data file's public URL (where you host it)").fill('https://news.example/events.csv');
  const iframe = page.locator('.llmc-snippet').first();
  await iframe.getByRole('button', { name: 'Copy' }).click();
  await iframe.getByRole('status').filter({ hasText: 'Could not copy' }).waitFor();
  assert.doesNotMatch(await iframe.getByRole('status').textContent(), /Copied/);
  await context.close();
});

test('every problem of a broken sheet is listed at once, at its row, column and cell, in both languages', async () => {
  const sheet = readFileSync(new URL('../../examples/data/broken.csv', import.meta.url), 'utf8');
  for (const [path, count, lines, go] of [
    ['/en/author.html', '6 problems found:', [
      /^row 2, column D \(date\): invalid date "2023-13-40": month 13 is not between 1 and 12/,
      /^row 2, column F \(family\): family "quantum" is not one of/,
      /^row 2, column K \(source_url\): "javascript:alert\(1\)" is not an https:\/\/ link/,
      /^row 2, column M \(parents\): parent "ghost" is not an event id/,
      /^row 3, column C \(name_en\): must not be empty/,
      /^row 3, column G \(kind\): kind "modle" is not one of: .*did you mean "model"\?/,
    ], 'Go to line 2'],
    ['/author.html', '发现 6 个问题：', [
      /^第 2 行 D 列（date）：日期 "2023-13-40" 无效/,
      /^第 2 行 F 列（family）：架构 "quantum" 不是可用的值/,
      /^第 2 行 K 列（source_url）："javascript:alert\(1\)" 不是 https:\/\/ 链接/,
      /^第 2 行 M 列（parents）：前身 "ghost" 不是已有的事件标识/,
      /^第 3 行 C 列（name_en）：不能为空/,
      /^第 3 行 G 列（kind）：类型 "modle" 不是可用的值.*是否应为 "model"？/,
    ], '跳到第 2 行'],
  ]) {
    const { page, problems, context } = await watchedPage(env.browser, env.server.url);
    await page.goto(`${env.server.url}${path}`);
    await page.locator('.llmc-author-drop').waitFor();
    await drop(page, 'broken.csv', sheet);
    await page.getByRole('status').filter({ hasText: count }).waitFor();
    const items = await page.locator('.llmc-author-problems > li').allTextContents();
    assert.equal(items.length, lines.length, items.join('\n'));
    lines.forEach((line, i) => assert.match(items[i], line));
    assert.equal(await page.getByRole('button', { name: go }).count(), 4, 'each problem of row 2 leads to its line');
    assert.deepEqual(await violations(page, '#llm-chronicle-author'), []);
    assert.deepEqual(problems.console, []);
    await context.close();
  }
});

test('a JSON file with one of each problem gets all eleven listed at their lines, in both languages', async () => {
  const json = readFileSync(new URL('../../examples/data/broken.json', import.meta.url), 'utf8');
  for (const [path, count, lines] of [
    ['/en/author.html', '11 problems found:', [
      /^title\.en \(line 2, column 36\): must not be empty/,
      /^events\[0\]\.date \(line 8, column 15\): invalid date "2023-13-40"/,
      /^events\[0\]\.family \(line 10, column 17\): family "quantum" is not one of/,
      /^events\[0\]\.sources\[0\]\.url \(line 14, column 28\): "javascript:alert\(1\)" is not an https:\/\/ link/,
      /^events\[0\]\.parents\[0\]\.id \(line 15, column 27\): parent "ghost" is not an event id/,
      /^events\[0\]\.colour \(line 16, column 7\): unknown field "colour"/,
      /^events\[1\]\.access \(line 18, column 5\): missing field "access"/,
      /^events\[1\]\.date \(line 21, column 15\): expected a string, found a number: 2019/,
      /^events\[1\]\.family \(line 23, column 17\): .*did you mean "decoder-only"\?/,
      /^events\[1\]\.parents \(line 27, column 18\): lineage cycle: y → z → y/,
      /^events\[3\]\.id \(line 42, column 13\): duplicate id "x"/,
    ]],
    ['/author.html', '发现 11 个问题：', [/^title\.en（第 2 行第 36 列）：/, /^events\[0\]\.date（第 8 行第 15 列）：日期 "2023-13-40" 无效/]],
  ]) {
    const { page, context } = await watchedPage(env.browser, env.server.url);
    await page.goto(`${env.server.url}${path}`);
    await page.locator('.llmc-author-drop').waitFor();
    await drop(page, 'broken.json', json);
    await page.getByRole('status').filter({ hasText: count }).waitFor();
    const items = await page.locator('.llmc-author-problems > li').allTextContents();
    assert.equal(items.length, 11, items.join('\n'));
    lines.forEach((line, i) => assert.match(items[i], line));
    await context.close();
  }
});
