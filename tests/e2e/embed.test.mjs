// Embedding in articles: the example pages, auto-height iframes, custom elements in Shadow DOM,
// settings, hostile host CSS, and messages from strangers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES, ready, setup, watchedPage } from './harness.mjs';

// A dataset over the 4 MiB limit, served (like every file here) without a declared length.
const BIG = mkdtempSync(join(tmpdir(), 'llmc-big-'));
writeFileSync(join(BIG, 'huge.json'), `{"title": {"zh": "${'x'.repeat(5 * 1024 * 1024)}", "en": "x"}}`);

const env = setup({ '/examples/': EXAMPLES, '/big/': BIG });

/** Waits until every <llm-chronicle> on the page has an interactive widget in its shadow root. */
async function elementsReady(page, count) {
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('llm-chronicle')].filter((el) => el.shadowRoot?.querySelector('.llmc[lang]')).length === n,
    count,
  );
}

test('the iframe resizes to its content, and again after the view changes', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1100, height: 900 } });
  await page.goto(`${env.server.url}/examples/article-en.html`);
  const frame = page.locator('iframe[data-llm-chronicle]');
  await page.waitForFunction(() => document.querySelector('iframe[data-llm-chronicle]').style.height !== '');
  const inner = page.frameLocator('iframe[data-llm-chronicle]');
  const contentHeight = () => frame.evaluate((f) => f.contentDocument.documentElement.scrollHeight);
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe[data-llm-chronicle]');
    return Math.abs(parseFloat(f.style.height) - f.contentDocument.documentElement.scrollHeight) <= 1;
  });
  const first = parseFloat(await frame.evaluate((f) => f.style.height));
  assert.ok(Math.abs(first - (await contentHeight())) <= 1);
  // Switch the iframe's widget to both views: it grows, and the frame follows.
  await inner.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Both' }).click();
  await page.waitForFunction((h) => parseFloat(document.querySelector('iframe[data-llm-chronicle]').style.height) > h + 200, first);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('an unmarked iframe pointing at the widget resizes too', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/examples/article-en.html`);
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.id = 'plain';
    f.src = '/?lang=en&view=matrix';
    f.height = '300';
    document.querySelector('.article').append(f);
  });
  await page.waitForFunction(() => parseFloat(document.getElementById('plain').style.height) > 1000);
  await context.close();
});

test('messages from anyone but the iframe are ignored', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/examples/article-en.html`);
  await page.waitForFunction(() => document.querySelector('iframe[data-llm-chronicle]').style.height !== '');
  const before = await page.locator('iframe[data-llm-chronicle]').evaluate((f) => f.style.height);
  // The host page itself (wrong source window) and a forged origin inside the frame's own window.
  await page.evaluate(() => window.postMessage({ type: 'llm-chronicle:height', height: 12345 }, '*'));
  await page.evaluate(() => {
    const f = document.querySelector('iframe[data-llm-chronicle]');
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'llm-chronicle:height', height: 23456 }, origin: 'https://evil.example', source: f.contentWindow }));
  });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  assert.equal(await page.locator('iframe[data-llm-chronicle]').evaluate((f) => f.style.height), before);
  await context.close();
});

test('custom elements: independent state and keys, settings by attribute, page language by default', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1100, height: 900 } });
  await page.goto(`${env.server.url}/examples/article-zh.html`);
  await page.evaluate(() => {
    const second = document.createElement('llm-chronicle');
    second.setAttribute('view', 'timeline');
    second.setAttribute('lang', 'en');
    second.id = 'second';
    document.querySelector('.article').append(second);
  });
  await elementsReady(page, 2);
  const [a, b] = await page.locator('llm-chronicle').all();
  // The page is zh-Hans; the first element has no lang attribute.
  assert.equal(await a.evaluate((el) => el.shadowRoot.querySelector('.llmc').getAttribute('lang')), 'zh-Hans');
  assert.equal(await b.evaluate((el) => el.shadowRoot.querySelector('.llmc').getAttribute('lang')), 'en');
  assert.equal(await a.evaluate((el) => el.shadowRoot.querySelectorAll('.llmc-timeline').length), 0, 'view=matrix');
  assert.equal(await b.evaluate((el) => el.shadowRoot.querySelectorAll('.llmc-matrix').length), 0, 'view=timeline');
  // No id is shared between the two instances.
  const ids = await page.evaluate(() =>
    [...document.querySelectorAll('llm-chronicle')].flatMap((el) => [...el.shadowRoot.querySelectorAll('[id]')].map((n) => n.id)),
  );
  assert.equal(new Set(ids).size, ids.length);
  // Keys in one instance leave the other alone.
  await b.locator('[data-event-id="bert"]').first().focus();
  await page.keyboard.press('Enter');
  await b.locator('.llmc-detail').waitFor();
  assert.equal(await a.locator('.llmc-detail').count(), 0);
  await page.keyboard.press('Escape');
  await b.locator('.llmc-detail').waitFor({ state: 'detached' });
  // Focus returns to the event, inside this element's own shadow root.
  assert.equal(await b.evaluate((el) => el.shadowRoot.activeElement?.getAttribute('data-event-id')), 'bert');
  // Attributes are reacted to when they change.
  await b.evaluate((el) => el.setAttribute('lang', 'zh'));
  await page.waitForFunction(() => document.querySelector('#second').shadowRoot.querySelector('.llmc')?.getAttribute('lang') === 'zh-Hans');
  assert.equal(await page.evaluate(() => location.hash), '', 'custom elements never touch the URL');
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('loading="lazy": an element far below the fold loads only when it comes near the viewport', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1100, height: 800 } });
  await page.goto(`${env.server.url}/examples/article-en.html`);
  // Far below the fold, after a tall spacer: an eager element and a lazy one.
  await page.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '6000px';
    const eager = document.createElement('llm-chronicle');
    eager.id = 'eager';
    eager.setAttribute('view', 'matrix');
    const lazy = document.createElement('llm-chronicle');
    lazy.id = 'lazy';
    lazy.setAttribute('view', 'matrix');
    lazy.setAttribute('loading', 'lazy');
    document.querySelector('.article').append(spacer, eager, lazy);
  });
  const rendered = (id) => page.evaluate((id) => !!document.getElementById(id).shadowRoot?.querySelector('.llmc'), id);
  // The eager one renders wherever it is; by then the lazy one, as far away, has not.
  await page.waitForFunction(() => !!document.getElementById('eager').shadowRoot?.querySelector('.llmc'));
  assert.equal(await rendered('lazy'), false, 'the lazy element waits');
  // Scrolled to within the margin (1,250 px), it loads.
  await page.evaluate(() => window.scrollTo(0, document.getElementById('lazy').getBoundingClientRect().top + scrollY - innerHeight - 1000));
  await page.waitForFunction(() => !!document.getElementById('lazy').shadowRoot?.querySelector('.llmc table'));
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('documented custom properties cross the shadow boundary', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/examples/article-en.html`);
  await elementsReady(page, 1);
  await page.addStyleTag({ content: 'llm-chronicle { --llmc-accent: rgb(181, 18, 27); --llmc-bg: rgb(250, 240, 230); --llmc-font: monospace; }' });
  const look = await page.locator('llm-chronicle').evaluate((host) => {
    const root = host.shadowRoot.querySelector('.llmc');
    return [getComputedStyle(root).backgroundColor, getComputedStyle(root).fontFamily, getComputedStyle(host.shadowRoot.querySelector('.llmc-link-button')).color];
  });
  assert.deepEqual(look, ['rgb(250, 240, 230)', 'monospace', 'rgb(181, 18, 27)']);
  await context.close();
});

test('hostile host CSS does not change the widget, and the widget CSS does not leak', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1100, height: 900 } });
  await page.goto(`${env.server.url}/examples/article-en.html`);
  await elementsReady(page, 1);
  const el = page.locator('llm-chronicle');
  const measure = () =>
    el.evaluate((host) => {
      const r = host.shadowRoot;
      const title = r.querySelector('.llmc-title');
      const button = r.querySelector('.llmc-sort');
      return {
        titleSize: getComputedStyle(title).fontSize,
        buttonDisplay: getComputedStyle(button).display,
        tableWidth: Math.round(r.querySelector('table').getBoundingClientRect().width),
        letterSpacing: getComputedStyle(title).letterSpacing,
      };
    });
  const clean = await measure();
  await page.addStyleTag({
    content: `* { margin: 0 !important; padding: 0 !important; box-sizing: content-box !important; }
      html, body, div, h2, table { font-size: 40px !important; letter-spacing: 3px !important; }
      button { display: none !important; } table { width: 10px !important; }
      llm-chronicle { font-size: 30px; letter-spacing: 4px; color: red; }`,
  });
  assert.deepEqual(await measure(), clean);
  // Our classes and rules stay inside: the host page has no .llmc styles applied.
  const hostProbe = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.className = 'llmc';
    document.body.append(probe);
    const style = getComputedStyle(probe);
    return style.getPropertyValue('--_bg') + '|' + style.backgroundColor;
  });
  assert.equal(hostProbe, '|rgba(0, 0, 0, 0)');
  await context.close();
});

test('iframe settings: theme, view, focus, story, height, and a warning for unknown values', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1100, height: 900 } });
  await page.goto(`${env.server.url}/?lang=en&theme=dark&view=timeline&focus=gpt-3&height=700&story=2`);
  await page.getByRole('region', { name: 'GPT-3' }).waitFor();
  assert.equal(await page.locator('.llmc').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(13, 17, 23)');
  assert.equal(await page.locator('.llmc-matrix').count(), 0);
  assert.equal(await page.locator('#llm-chronicle').evaluate((el) => getComputedStyle(el).height), '700px');
  await page.goto(`${env.server.url}/?lang=en&view=sideways`);
  await page.locator('.llmc[lang]').waitFor();
  await page.waitForFunction(() => !document.querySelector('.llmc-inert'));
  assert.ok(problems.console.some((m) => m.startsWith('warning:') && m.includes('unknown view "sideways"')), problems.console.join('\n'));
  await context.close();
});

test("authors' data: inline JSON, a CSV file, and a broken file with its problems listed", async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1100, height: 900 } });
  await page.goto(`${env.server.url}/examples/article-en.html`);
  const json = await (await fetch(`${env.server.url}/examples/data/minimal.json`)).text();
  await page.evaluate((text) => {
    const article = document.querySelector('.article');
    const inline = document.createElement('llm-chronicle');
    inline.id = 'inline';
    inline.setAttribute('lang', 'en');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = text;
    inline.append(script);
    const csv = document.createElement('llm-chronicle');
    csv.id = 'csv';
    csv.setAttribute('lang', 'en');
    csv.setAttribute('data', '/examples/data/minimal.csv');
    const broken = document.createElement('llm-chronicle');
    broken.id = 'broken';
    broken.setAttribute('lang', 'en');
    broken.setAttribute('data', '/examples/data/broken.json');
    const missing = document.createElement('llm-chronicle');
    missing.id = 'missing';
    missing.setAttribute('lang', 'en');
    missing.setAttribute('data', '/examples/data/nope.json');
    const missingZh = missing.cloneNode();
    missingZh.id = 'missing-zh';
    missingZh.setAttribute('lang', 'zh');
    const sheet = document.createElement('llm-chronicle');
    sheet.id = 'sheet';
    sheet.setAttribute('lang', 'en');
    sheet.setAttribute('data', '/examples/data/broken.csv');
    const huge = document.createElement('llm-chronicle');
    huge.id = 'huge';
    huge.setAttribute('lang', 'en');
    huge.setAttribute('data', '/big/huge.json');
    article.append(inline, csv, broken, missing, missingZh, sheet, huge);
  }, json);
  await elementsReady(page, 8);
  const shadow = (id, selector) => page.evaluate(([i, s]) => [...document.getElementById(i).shadowRoot.querySelectorAll(s)].map((n) => n.textContent), [id, selector]);
  assert.deepEqual(await shadow('inline', '.llmc-title'), ['My small dataset']);
  assert.equal((await shadow('inline', '[data-event-id]')).length, 2);
  assert.deepEqual(await shadow('csv', '.llmc-title'), ['Custom dataset']);
  assert.equal((await shadow('csv', '[data-event-id]')).length, 2);
  // Every problem of the broken file at once, each where it is in the file.
  const items = await shadow('broken', '.llmc-errors li');
  assert.deepEqual(await shadow('broken', '.llmc-errors > p'), ['11 problems to fix in the data:']);
  assert.equal(items.length, 11, items.join('\n'));
  const listed = items.join('\n');
  assert.match(listed, /title\.en \(line 2, column 36\): must not be empty/);
  assert.match(listed, /events\[0\]\.date \(line 8, column 15\): invalid date "2023-13-40"/);
  assert.match(listed, /events\[0\]\.family \(line 10, column 17\): family "quantum" is not one of: statistical, rnn/);
  assert.match(listed, /javascript:alert\(1\)" is not an https:\/\/ link/);
  assert.match(listed, /parent "ghost" is not an event id/);
  assert.match(listed, /unknown field "colour"/);
  assert.match(listed, /events\[1\]\.access \(line 18, column 5\): missing field "access"/);
  assert.match(listed, /events\[1\]\.date \(line \d+, column \d+\): expected a string, found a number: 2019/);
  assert.match(listed, /family "decoder_only" is not one of: .*; did you mean "decoder-only"\?/);
  assert.match(listed, /lineage cycle: y → z → y/);
  assert.match(listed, /events\[3\]\.id \(line \d+, column \d+\): duplicate id "x"/);
  assert.equal(await page.evaluate(() => document.getElementById('broken').shadowRoot.querySelectorAll('img').length), 0, 'markup stays text');
  // A spreadsheet's problems are at their row, column and cell, the rules' as well as its own.
  const sheetListed = (await shadow('sheet', '.llmc-errors li')).join('\n');
  assert.match(sheetListed, /row 2, column D \(date\): invalid date "2023-13-40"/);
  assert.match(sheetListed, /row 2, column F \(family\): family "quantum"/);
  assert.match(sheetListed, /row 2, column M \(parents\): parent "ghost" is not an event id/);
  assert.match(sheetListed, /row 3, column C \(name_en\): must not be empty/);
  assert.match(sheetListed, /row 3, column G \(kind\): kind "modle" .*did you mean "model"\?/);
  assert.equal(await page.evaluate(() => document.getElementById('sheet').shadowRoot.querySelectorAll('b').length), 0, 'markup stays text');
  // A failed fetch is told in the element's language.
  assert.match((await shadow('missing', '.llmc-errors li')).join(''), /Could not load the dataset: \/examples\/data\/nope\.json \(HTTP 404\)/);
  assert.match((await shadow('missing-zh', '.llmc-errors li')).join(''), /无法加载数据集：\/examples\/data\/nope\.json（HTTP 404）/);
  // A file over the limit is refused as it downloads: its size is never known.
  assert.deepEqual(await shadow('huge', '.llmc-errors li'), ['the file is larger than the limit of 4194304 bytes']);
  // The page stays usable: the other widgets still work, and nothing panicked.
  await page.locator('#inline').locator('[data-event-id="bert"]').first().click();
  await page.locator('#inline').locator('.llmc-detail').waitFor();
  assert.ok(!problems.console.some((m) => /panicked/.test(m)), problems.console.join('\n'));
  await context.close();
});

test('a JSON syntax error shows the line and the usual cause; a huge ?data= file is refused', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=en&data=/examples/data/broken-syntax.json`);
  const panel = page.getByRole('alert');
  await panel.waitFor();
  assert.equal(await panel.getByRole('listitem').count(), 1);
  assert.match(await panel.getByRole('listitem').textContent(), /^line 7, column 23: this text is not closed: a closing quote " is missing/);
  assert.equal(await panel.locator('pre').textContent(), '      "name": { "zh": "甲, "en": "X" },');
  assert.equal(await panel.locator('pre mark').textContent(), '"');
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await page.getByText('第 7 行第 23 列：这段文本没有结束：缺少右引号 "').waitFor();
  await page.goto(`${env.server.url}/?lang=zh&data=/big/huge.json`);
  await page.getByText('文件超过上限 4194304 字节').waitFor();
  await context.close();
});

test('an iframe with ?data= shows that dataset', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=en&data=/examples/data/minimal.csv`);
  await page.getByText('Custom dataset').waitFor();
  assert.equal(await page.locator('[data-event-id]').count(), 2);
  await context.close();
});

test('the Embed action shows both snippets for the current language, view and selection', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await page.goto(`${env.server.url}/en/`);
  await ready(page);
  await page.locator('[data-event-id="bert"]').first().click();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: '</> Embed' }).click();
  const panel = page.getByRole('region', { name: 'Embed' });
  const codes = await panel.locator('code').allTextContents();
  assert.equal(codes.length, 2);
  assert.ok(codes[0].includes(`<iframe data-llm-chronicle src="${env.server.url}/?lang=en&amp;view=timeline&amp;focus=bert"`), codes[0]);
  assert.ok(codes[0].includes(`<script type="module" src="${env.server.url}/embed.js"></script>`));
  assert.ok(codes[1].includes('<llm-chronicle lang="en" view="timeline" focus="bert" loading="lazy"></llm-chronicle>'), codes[1]);
  await panel.getByRole('button', { name: 'Copy' }).nth(1).click();
  await panel.getByText('Copied').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), codes[1]);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('the error panel speaks the reader\'s language', async () => {
  const { page, context } = await watchedPage(env.browser, env.server.url);
  await page.goto(`${env.server.url}/?lang=zh&data=/examples/data/broken.json`);
  await page.locator('.llmc-errors').waitFor();
  const text = await page.locator('.llmc-errors').textContent();
  assert.match(text, /数据中有 11 个问题需要修正：/);
  assert.match(text, /events\[0\]\.date（第 8 行第 15 列）：日期 "2023-13-40" 无效：月份 13 不在 1–12 之间/);
  assert.match(text, /不是 https:\/\/ 链接/);
  assert.match(text, /events\[1\]\.access（第 18 行第 5 列）：缺少字段 "access"/);
  assert.match(text, /传承关系成环：y → z → y/);
  assert.match(await page.locator('.llmc-title').textContent(), /数据有误/);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.getByText(/month 13 is not between 1 and 12/).waitFor();
  await context.close();
});
