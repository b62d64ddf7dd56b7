// Embedding across origins, as in real use: the article on one site (`localhost`, say
// news.example), the widget on another (`127.0.0.1`, say cdn.example). The checks every way of
// hosting shares (embed-suite.mjs), with the widget's host sending CORS headers on exactly the files
// the README names; then a host that sends none, loads that fail, an article with a strict Content
// Security Policy of its own, and copying from inside a frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, violations } from './harness.mjs';
import { CROSS_ORIGIN_FILES, ELEMENT_CHECKS, IFRAME_CHECKS, define, elementsReady, hosting, open, settled } from './embed-suite.mjs';

const env = hosting({ cross: true });
define(env, 'two origins', { ...IFRAME_CHECKS, ...ELEMENT_CHECKS });

/** Runs `fn` with the hosts answering as `settings` says (`cors`, `policy`), then as before. */
async function answering(settings, fn) {
  const saved = { cors: env.cors, policy: env.policy };
  Object.assign(env, settings);
  try {
    await fn();
  } finally {
    Object.assign(env, saved);
  }
}

/** The element's message (its alert), once it shows. */
async function alertText(page, selector = 'llm-chronicle') {
  const alert = page.locator(selector).getByRole('alert');
  await alert.waitFor();
  return alert.textContent();
}

/** The article is whole and nothing escaped as an uncaught error. */
async function articleIntact(page, problems, heading) {
  assert.equal(await page.getByRole('heading', { name: heading }).isVisible(), true);
  assert.deepEqual(problems.console.filter((m) => m.startsWith('pageerror')), []);
}

test('without CORS headers the iframe still sizes itself, and the element says the host refuses it, in the reader\'s language', async () => {
  await answering({ cors: null }, async () => {
    for (const [article, lang, heading] of [
      ['article-en.html', 'en', 'Open against closed'],
      ['article-zh.html', 'zh-Hans', '开源与闭源'],
    ]) {
      const { page, problems, context } = await open(env, { viewport: { width: 1100, height: 900 } });
      await page.goto(`${env.article}/examples/${article}`);
      const text = await alertText(page);
      const glue = new RegExp(`${env.widget.replaceAll('.', '\\.')}/llm-chronicle-[0-9a-f]+\\.js`);
      assert.match(text, glue, 'names the file refused');
      if (lang === 'en') {
        assert.match(text, /^LLM Chronicle could not load here: the site at http:\/\/127\.0\.0\.1:\d+ does not let this page read /);
        assert.match(text, /must send an Access-Control-Allow-Origin header\)\. The rest of the page is unaffected/);
      } else {
        assert.match(text, /^大模型编年史未能在此加载：http:\/\/127\.0\.0\.1:\d+ 上的网站不允许本页面读取 /);
        assert.match(text, /Access-Control-Allow-Origin 响应头）。文章其余部分不受影响/);
      }
      assert.equal(await page.locator('llm-chronicle').getByRole('alert').getAttribute('lang'), lang);
      assert.deepEqual(await violations(page, 'llm-chronicle'), [], 'axe finds nothing in the message');
      // The iframe needs no CORS: it takes its content's height.
      await page.waitForFunction(() => parseFloat(document.querySelector('iframe[data-llm-chronicle]').style.height) > 1000);
      await articleIntact(page, problems, heading);
      await context.close();
    }
  });
});

test('a dataset on a third host that sends no CORS headers is named in the error panel', async () => {
  const { page, problems, context } = await open(env, { viewport: { width: 1100, height: 900 } });
  await page.goto(`${env.article}/examples/article-en.html`);
  // The widget's own host, asked for a file it sends no CORS header on (from the article's origin).
  await page.evaluate((url) => {
    const el = document.createElement('llm-chronicle');
    el.id = 'foreign';
    el.setAttribute('lang', 'en');
    el.setAttribute('data', url);
    document.querySelector('.article').append(el);
  }, `${env.widget}/favicon.svg`);
  await elementsReady(page, 2);
  const listed = await page.locator('#foreign .llmc-errors li').allTextContents();
  assert.match(listed.join(''), /^Could not load the dataset: the site at http:\/\/127\.0\.0\.1:\d+ does not let this page read http:\/\/127\.0\.0\.1:\d+\/favicon\.svg/);
  await articleIntact(page, problems, 'Open against closed');
  await context.close();
});

test('when the WASM cannot be fetched, or the glue is missing, the element says so in the reader\'s language', async () => {
  const cases = [
    // The request for the WASM refused by the network.
    ['**/*_bg.wasm', (route) => route.abort('failed'), 'article-en.html', /^LLM Chronicle could not load here: http:\/\/127\.0\.0\.1:\d+\/llm-chronicle-[0-9a-f]+_bg\.wasm could not be reached \(network error\)\./],
    ['**/*_bg.wasm', (route) => route.abort('failed'), 'article-zh.html', /^大模型编年史未能在此加载：无法连接 http:\/\/127\.0\.0\.1:\d+\/llm-chronicle-[0-9a-f]+_bg\.wasm（网络错误）。/],
    // The glue missing on a host that does send CORS headers.
    [
      /\/llm-chronicle-[0-9a-f]+\.js$/,
      (route) => route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: 'not found' }),
      'article-en.html',
      /^LLM Chronicle could not load here: http:\/\/127\.0\.0\.1:\d+\/llm-chronicle-[0-9a-f]+\.js answered with HTTP error 404\./,
    ],
  ];
  for (const [url, handle, article, expected] of cases) {
    const { page, problems, context } = await open(env, { viewport: { width: 1100, height: 900 } });
    await context.route(url, handle);
    await page.goto(`${env.article}/examples/${article}`);
    assert.match(await alertText(page), expected);
    await articleIntact(page, problems, article === 'article-en.html' ? 'Open against closed' : '开源与闭源');
    await context.close();
  }
});

/** The example article's own policy: scripts only from the widget's origin (and its WASM). */
const strict = (wasm) => (widget) =>
  [
    "default-src 'self'",
    `script-src ${widget}${wasm ? " 'wasm-unsafe-eval'" : ''}`,
    `style-src 'self' ${widget}`,
    `connect-src ${widget}`,
    `frame-src ${widget}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');

/** Opens the Embed panel with one press of its toggle, once nothing moves it. */
async function openEmbed(toggle) {
  await settled(toggle);
  await toggle.click();
  assert.equal(await eventually(() => toggle.getAttribute('aria-expanded'), (v) => v === 'true'), 'true', 'the first press opens it');
}

test('an article with a strict Content Security Policy embeds the element and the iframe without a violation', async () => {
  await answering({ policy: strict(true) }, async () => {
    const { page, problems, context } = await open(env, { viewport: { width: 1100, height: 900 } });
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(`${env.article}/examples/article-en.html`);
    assert.match(response.headers()['content-security-policy'], /script-src http:\/\/127\.0\.0\.1:\d+ 'wasm-unsafe-eval';/);
    await elementsReady(page, 1);
    // Interactive under the policy: sort the matrix, open the Embed panel.
    const element = page.locator('llm-chronicle');
    await openEmbed(element.getByRole('button', { name: '</> Embed' }));
    await element.getByRole('region', { name: 'Embed' }).waitFor();
    await page.waitForFunction(() => parseFloat(document.querySelector('iframe[data-llm-chronicle]').style.height) > 1000);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(problems.console, []);
    await context.close();
  });
});

test("an article whose policy forbids WebAssembly gets the element's message, not a blank box", async () => {
  await answering({ policy: strict(false) }, async () => {
    const { page, problems, context } = await open(env, { viewport: { width: 1100, height: 900 } });
    await page.goto(`${env.article}/examples/article-zh.html`);
    assert.match(await alertText(page), /^大模型编年史未能在此加载：本页面的内容安全策略（CSP）不允许运行 WebAssembly（script-src 须包含 'wasm-unsafe-eval'）。/);
    await articleIntact(page, problems, '开源与闭源');
    await context.close();
  });
});

test('copy buttons inside a frame: "Copied" where the frame may write the clipboard, a failure said where it may not', async () => {
  const { page, context } = await open(env, { viewport: { width: 1100, height: 900 } });
  for (const origin of [env.article, env.widget]) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.goto(`${env.article}/examples/article-en.html`);
  // The article's own frame carries allow="clipboard-write"; a second one, in Chinese, does not.
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.id = 'no-allow';
    f.src = src;
    f.title = 'no clipboard';
    document.querySelector('.article').append(f);
  }, `${env.widget}/?lang=zh&view=matrix`);
  for (const [selector, embed, copy, answer] of [
    ['iframe[data-llm-chronicle]', 'Embed', 'Copy', 'Copied'],
    ['#no-allow', '嵌入', '复制', '未能复制：请选中代码后自行复制'],
  ]) {
    const frame = page.frameLocator(selector);
    const inner = await (await page.locator(selector).elementHandle()).contentFrame();
    // Polled by time: a frame from another site out of view paints no frames to poll on.
    await inner.waitForFunction(() => document.querySelector('.llmc[lang]') && !document.querySelector('.llmc-inert'), null, { polling: 100 });
    await openEmbed(frame.getByRole('button', { name: `</> ${embed}` }));
    const panel = frame.getByRole('region', { name: embed });
    await panel.getByRole('button', { name: copy }).first().click();
    const said = await eventually(() => panel.getByRole('status').textContent(), (t) => t !== '');
    assert.equal(said, answer, selector);
    if (answer === 'Copied') {
      const code = await panel.locator('code').first().textContent();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code, 'the clipboard holds the snippet');
    }
  }
  await context.close();
});
