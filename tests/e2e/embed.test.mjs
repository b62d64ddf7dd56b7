// Embedding in articles, with the article and the widget on one origin: the checks every way of
// hosting shares (embed-suite.mjs), then the widget's own page as an iframe shows it: settings,
// authors' data, the Embed action, the error panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ready, watchedPage } from './harness.mjs';
import { ELEMENT_CHECKS, IFRAME_CHECKS, define, hosting } from './embed-suite.mjs';

const env = hosting();
define(env, 'one origin', { ...IFRAME_CHECKS, ...ELEMENT_CHECKS });

test('iframe settings: theme, view, focus, story, height, and a warning for unknown values', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.widget, { viewport: { width: 1100, height: 900 } });
  await page.goto(`${env.widget}/?lang=en&theme=dark&view=timeline&focus=gpt-3&height=700&story=2`);
  await page.getByRole('region', { name: 'GPT-3' }).waitFor();
  assert.equal(await page.locator('.llmc').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(13, 17, 23)');
  assert.equal(await page.locator('.llmc-matrix').count(), 0);
  assert.equal(await page.locator('#llm-chronicle').evaluate((el) => getComputedStyle(el).height), '700px');
  await page.goto(`${env.widget}/?lang=en&view=sideways`);
  await page.locator('.llmc[lang]').waitFor();
  await page.waitForFunction(() => !document.querySelector('.llmc-inert'));
  assert.ok(problems.console.some((m) => m.startsWith('warning:') && m.includes('unknown view "sideways"')), problems.console.join('\n'));
  await context.close();
});

test('an iframe with ?data= shows that dataset', async () => {
  const { page, context } = await watchedPage(env.browser, env.widget);
  await page.goto(`${env.widget}/?lang=en&data=/examples/data/minimal.csv`);
  await page.getByText('Custom dataset').waitFor();
  assert.equal(await page.locator('[data-event-id]').count(), 2);
  await context.close();
});

test('the Embed action shows both snippets for the current language, view and selection', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.widget);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.widget });
  await page.goto(`${env.widget}/en/`);
  await ready(page);
  await page.locator('[data-event-id="bert"]').first().click();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: '</> Embed' }).click();
  const panel = page.getByRole('region', { name: 'Embed' });
  const codes = await panel.locator('code').allTextContents();
  assert.equal(codes.length, 2);
  assert.ok(codes[0].includes(`<iframe data-llm-chronicle src="${env.widget}/?lang=en&amp;view=timeline&amp;focus=bert"`), codes[0]);
  assert.ok(codes[0].includes(' allow="clipboard-write" '), codes[0]);
  // A classic script: it loads from any host, CORS headers or not.
  assert.ok(codes[0].endsWith(`</iframe>\n<script src="${env.widget}/embed.js" defer></script>`), codes[0]);
  assert.ok(codes[1].startsWith(`<script src="${env.widget}/embed.js" defer></script>`), codes[1]);
  // The element holds a link to the widget's page, for where embed.js never runs.
  assert.ok(
    codes[1].includes(`<llm-chronicle lang="en" view="timeline" focus="bert" loading="lazy"><a href="${env.widget}/?lang=en&amp;view=timeline&amp;focus=bert">LLM Chronicle</a></llm-chronicle>`),
    codes[1],
  );
  await panel.getByRole('button', { name: 'Copy' }).nth(1).click();
  await panel.getByText('Copied').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), codes[1]);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('the error panel speaks the reader\'s language', async () => {
  const { page, context } = await watchedPage(env.browser, env.widget);
  await page.goto(`${env.widget}/?lang=zh&data=/examples/data/broken.json`);
  await page.locator('.llmc-errors').waitFor();
  const text = await page.locator('.llmc-errors').textContent();
  assert.match(text, /数据中有 11 个问题需要修正：/);
  assert.match(text, /events\[0\]\.date（第 8 行第 15 列）：日期 "2023-13-40" 无效：月份 13 不在 1–12 之间/);
  assert.match(text, /events\[1\]\.access（第 18 行第 5 列）：缺少字段 "access"/);
  assert.match(text, /传承关系成环：y → z → y/);
  assert.match(text, /不是 https:\/\/ 链接/);
  assert.match(await page.locator('.llmc-title').textContent(), /数据有误/);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.getByText(/month 13 is not between 1 and 12/).waitFor();
  await context.close();
});

test('a JSON syntax error shows the line and the usual cause; a huge ?data= file is refused', async () => {
  const { page, context } = await watchedPage(env.browser, env.widget);
  await page.goto(`${env.widget}/?lang=en&data=/examples/data/broken-syntax.json`);
  const panel = page.getByRole('alert');
  await panel.waitFor();
  assert.equal(await panel.getByRole('listitem').count(), 1);
  assert.match(await panel.getByRole('listitem').textContent(), /^line 7, column 23: this text is not closed: a closing quote " is missing/);
  assert.equal(await panel.locator('pre').textContent(), '      "name": { "zh": "甲, "en": "X" },');
  assert.equal(await panel.locator('pre mark').textContent(), '"');
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await page.getByText('第 7 行第 23 列：这段文本没有结束：缺少右引号 "').waitFor();
  await page.goto(`${env.widget}/?lang=zh&data=/big/huge.json`);
  await page.getByText('文件超过上限 4194304 字节').waitFor();
  await context.close();
});
