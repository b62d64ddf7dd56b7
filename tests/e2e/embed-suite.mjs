// The embed checks, for any way of hosting the article and the widget: one origin for both
// (embed.test.mjs) or an article on one origin and the widget on another (embed-cross-origin.test.mjs).
// Each check reads `env`: `article` (the origin serving examples/ at /examples/), `widget` (the
// origin of dist/), `browser`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, EXAMPLES, eventually, launch, serve, watchedPage } from './harness.mjs';

/** Waits until every <llm-chronicle> on the page has an interactive widget in its shadow root. */
export async function elementsReady(page, count) {
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('llm-chronicle')].filter((el) => el.shadowRoot?.querySelector('.llmc[lang]')).length === n,
    count,
  );
}

/**
 * Waits until the article stops moving `target`: every element has drawn its widget, every frame
 * of the widget has taken the height it reports (embed.js sets it from the frame's messages), and
 * the target stays put for half a second. A press while a frame above its target grows lands where
 * the target was, which may then be inside that frame: another site, where the press is lost and
 * the test's browser cannot tell. (That was the Embed toggle's "lost first press": the article's
 * frame grew from 900 to 1600 px during the press.)
 */
export async function settled(target) {
  const page = target.page();
  await elementsReady(page, await page.locator('llm-chronicle').count());
  const sized = () => page.evaluate(() => [...document.querySelectorAll('iframe')].every((f) => f.style.height !== ''));
  assert.equal(await eventually(sized, Boolean, 20000), true, 'every frame has its height');
  let [last, still] = ['', 0];
  const steady = async () => {
    // Where it is in the article (inside a frame too), whatever the article's scroll.
    const now = String(Math.round((await target.boundingBox())?.y + (await page.evaluate(() => scrollY))));
    still = now === last ? still + 1 : 0;
    last = now;
    if (still < 5) await page.waitForTimeout(100);
    return still >= 5;
  };
  assert.equal(await eventually(steady, Boolean, 20000), true, 'the target stays put');
}

/** A page watched for console errors and requests to any origin but the article's and the widget's. */
export const open = (env, options) => watchedPage(env.browser, [env.article, env.widget], options);

/** The files the `<llm-chronicle>` element reads across origins: the glue, the WASM, the dataset. */
export const CROSS_ORIGIN_FILES = /^\/(llm-chronicle-[0-9a-f]+(\.js|_bg\.wasm)|chronicle-[0-9a-f]+\.json)$/;

/**
 * Starts, before a file's tests, the servers and the browser for one way of hosting, and stops
 * them after. With `cross`, the article is on its own origin (`localhost`, another site than the
 * widget's `127.0.0.1`), and a test may change how both hosts answer from then on: `env.cors`, the
 * widget's paths that answer with `Access-Control-Allow-Origin: *` (a RegExp, or null for none;
 * at first the files the element reads), and `env.policy(widget)`, the article's own Content
 * Security Policy (null for none).
 */
// A dataset over the 4 MiB limit, served (like every file here) without a declared length.
const BIG = mkdtempSync(join(tmpdir(), 'llmc-big-'));
writeFileSync(join(BIG, 'huge.json'), `{"title": {"zh": "${'x'.repeat(5 * 1024 * 1024)}", "en": "x"}}`);

export function hosting({ cross = false } = {}) {
  const env = { servers: [], cors: CROSS_ORIGIN_FILES, policy: null };
  before(async () => {
    env.browser = await launch();
    if (!cross) {
      const server = await serve(DIST, {}, { '/examples/': EXAMPLES, '/big/': BIG });
      env.servers.push(server);
      env.article = env.widget = server.url;
      return;
    }
    const widget = await serve(DIST, (path) => (env.cors?.test(path) ? { 'access-control-allow-origin': '*' } : {}));
    env.widget = widget.url;
    // The example articles name the widget by path (`/embed.js`, `/?lang=…`): here, by its origin.
    const rewrite = (html) => html.replaceAll('src="/embed.js"', `src="${env.widget}/embed.js"`).replaceAll('src="/?', `src="${env.widget}/?`).replaceAll('href="/?', `href="${env.widget}/?`);
    const headers = (path) => (path.endsWith('.html') && env.policy ? { 'content-security-policy': env.policy(env.widget) } : {});
    const article = await serve(EXAMPLES, headers, { '/examples/': EXAMPLES, '/big/': BIG }, { rewrite });
    env.article = article.url.replace('127.0.0.1', 'localhost');
    env.servers.push(widget, article);
  });
  after(async () => {
    await env.browser?.close();
    for (const server of env.servers) await server.close();
    rmSync(BIG, { recursive: true, force: true });
  });
  return env;
}

/** The height the iframe's own document has, read inside the frame (cross-origin or not). */
async function frameContentHeight(frame) {
  const inner = await (await frame.elementHandle()).contentFrame();
  return inner.evaluate(() => document.documentElement.scrollHeight).catch(() => NaN);
}

/** The iframe checks: they need nothing from the widget's host but its files. */
export const IFRAME_CHECKS = {
  'the iframe resizes to its content, and again after the view changes': async (env) => {
    const { page, problems, context } = await open(env, { viewport: { width: 1100, height: 900 } });
    await page.goto(`${env.article}/examples/article-en.html`);
    const frame = page.locator('iframe[data-llm-chronicle]');
    const styled = () => frame.evaluate((f) => parseFloat(f.style.height));
    const fits = async () => Math.abs((await styled()) - (await frameContentHeight(frame))) <= 1;
    assert.ok(await eventually(fits, Boolean, 20000), 'the frame takes its content height');
    const first = await styled();
    // Switch the iframe's widget to both views: it grows, and the frame follows.
    await page.frameLocator('iframe[data-llm-chronicle]').getByRole('group', { name: 'View' }).getByRole('button', { name: 'Both' }).click();
    assert.ok((await eventually(styled, (h) => h > first + 200, 10000)) > first + 200);
    assert.ok(await eventually(fits, Boolean), 'and fits again');
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.foreign, []);
    await context.close();
  },

  'an unmarked iframe pointing at the widget resizes too': async (env) => {
    const { page, context } = await open(env);
    await page.goto(`${env.article}/examples/article-en.html`);
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.id = 'plain';
      f.src = src;
      f.height = '300';
      document.querySelector('.article').append(f);
    }, `${env.widget}/?lang=en&view=matrix`);
    await page.waitForFunction(() => parseFloat(document.getElementById('plain').style.height) > 1000);
    await context.close();
  },

  'messages from anyone but the iframe are ignored': async (env) => {
    const { page, context } = await open(env);
    await page.goto(`${env.article}/examples/article-en.html`);
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
  },

  'an iframe that spoke before embed.js ran is asked again, and resizes': async (env) => {
    const { page, context } = await open(env, { viewport: { width: 1100, height: 900 } });
    // The article without its embed.js: the widget posts its height to no one.
    await page.route(/\/embed\.js$/, (route) => route.abort());
    await page.goto(`${env.article}/examples/article-en.html`);
    const frame = page.locator('iframe[data-llm-chronicle]');
    const inner = await (await frame.elementHandle()).contentFrame();
    await inner.waitForFunction(() => window.__llmcBoot === 'started');
    await inner.locator('.llmc[lang]').waitFor();
    assert.equal(await frame.evaluate((f) => f.style.height), '');
    // Now it arrives, late (as a tag manager would add it).
    await page.unroute(/\/embed\.js$/);
    await page.evaluate((src) => {
      const s = document.createElement('script');
      s.src = src;
      document.head.append(s);
    }, `${env.widget}/embed.js`);
    await page.waitForFunction(() => parseFloat(document.querySelector('iframe[data-llm-chronicle]').style.height) > 1000);
    await context.close();
  },
};

/** The custom element's checks: across origins, they need CORS headers from the widget's host. */
export const ELEMENT_CHECKS = {
  'custom elements: independent state and keys, settings by attribute, page language by default': async (env) => {
    const { page, problems, context } = await open(env, { viewport: { width: 1100, height: 900 } });
    await page.goto(`${env.article}/examples/article-zh.html`);
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
    assert.deepEqual(problems.foreign, []);
    await context.close();
  },

  'loading="lazy": an element far below the fold loads only when it comes near the viewport': async (env) => {
    const { page, problems, context } = await open(env, { viewport: { width: 1100, height: 800 } });
    await page.goto(`${env.article}/examples/article-en.html`);
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
  },

  'documented custom properties cross the shadow boundary': async (env) => {
    const { page, context } = await open(env);
    await page.goto(`${env.article}/examples/article-en.html`);
    await elementsReady(page, 1);
    await page.addStyleTag({ content: 'llm-chronicle { --llmc-accent: rgb(181, 18, 27); --llmc-bg: rgb(250, 240, 230); --llmc-font: monospace; }' });
    const look = await page.locator('llm-chronicle').evaluate((host) => {
      const root = host.shadowRoot.querySelector('.llmc');
      return [getComputedStyle(root).backgroundColor, getComputedStyle(root).fontFamily, getComputedStyle(host.shadowRoot.querySelector('.llmc-link-button')).color];
    });
    assert.deepEqual(look, ['rgb(250, 240, 230)', 'monospace', 'rgb(181, 18, 27)']);
    await context.close();
  },

  'hostile host CSS does not change the widget, and the widget CSS does not leak': async (env) => {
    const { page, context } = await open(env, { viewport: { width: 1100, height: 900 } });
    await page.goto(`${env.article}/examples/article-en.html`);
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
  },

  "authors' data: inline JSON, a CSV file, and a broken file with its problems listed": async (env) => {
    const { page, problems, context } = await open(env, { viewport: { width: 1100, height: 900 } });
    await page.goto(`${env.article}/examples/article-en.html`);
    const json = await readFile(join(EXAMPLES, 'data/minimal.json'), 'utf8');
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
    const bert = page.locator('#inline').locator('[data-event-id="bert"]').first();
    await settled(bert);
    await bert.click();
    // Selected, with its details shown in the widget.
    await page.locator('#inline').locator('.llmc-detail').waitFor();
    assert.match(await page.locator('#inline').locator('.llmc-detail h3').textContent(), /BERT/);
    assert.ok(!problems.console.some((m) => /panicked/.test(m)), problems.console.join('\n'));
    await context.close();
  },
};

/** Defines one test per check, named with `label` (the way of hosting). */
export function define(env, label, checks) {
  for (const [name, check] of Object.entries(checks)) test(`${label}: ${name}`, () => check(env));
}
