// Shared harness for the end-to-end tests: serves the release build (`dist/`) on loopback and
// launches Debian's Chromium through playwright-core. No browser download, no network.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { TYPES } from './mime.mjs';

export const DIST = resolve(process.env.LLMC_DIST ?? join(import.meta.dirname, '../../dist'));

export const EXAMPLES = resolve(join(import.meta.dirname, '../../examples'));

/**
 * Serves `root` on 127.0.0.1 at a free port. `headers` are added to every response; `mounts`
 * maps URL prefixes (e.g. `/examples/`) to other folders; `rewriteHtml`, if given, changes the
 * text of every HTML page served.
 */
export async function serve(root = DIST, headers = {}, mounts = {}, rewriteHtml = null) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const mount = Object.keys(mounts).find((prefix) => path.startsWith(prefix));
    const base = mount ? resolve(mounts[mount]) : root;
    let file = normalize(join(base, mount ? path.slice(mount.length) : path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const extra = {};
      if (rewriteHtml && type.startsWith('text/html')) body = Buffer.from(rewriteHtml(body.toString('utf8')));
      // Compress like any real static host, so size and speed measurements are realistic.
      if (/gzip/.test(req.headers['accept-encoding'] ?? '') && /html|javascript|css|wasm|json|svg/.test(type)) {
        body = gzipSync(body);
        extra['content-encoding'] = 'gzip';
      }
      res.writeHead(200, { 'content-type': type, ...extra, ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Opens a page that records console errors, page errors, and every request to an origin other
 * than `origin`, so a test can assert that all three stay empty.
 */
export async function watchedPage(browser, origin, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = { console: [], foreign: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.console.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin !== origin && u.protocol !== 'data:' && u.protocol !== 'blob:') problems.foreign.push(r.url());
  });
  return { page, problems, context };
}

/**
 * A reader's first sign of intent inside the prerendered widget (a pointer coming over it, and
 * resting there), on which its start-up script fetches the WASM. No-op where nothing waits for one.
 */
export async function showIntent(page) {
  // The script listens for intent from the page's first frame on.
  await page.waitForFunction(() => window.__llmcBoot && window.__llmcBoot !== 'painting');
  await page.locator('#llm-chronicle').dispatchEvent('pointerover');
}

/**
 * Waits until the widget is interactive: rendered (its root carries `lang`) and, on prerendered
 * pages, hydrated or re-rendered by the WASM (the mount point has lost `llmc-inert`), which they
 * fetch once the reader shows intent (see `showIntent`).
 */
export async function ready(page) {
  await page.locator('.llmc[lang]').first().waitFor({ state: 'visible' });
  if (await page.locator('#llm-chronicle.llmc-inert').count()) await showIntent(page);
  await page.waitForFunction(() => !document.querySelector('.llmc-inert'));
}

/**
 * Reads `read()` until `ok(value)` holds, and returns that value; after `timeout` ms it returns
 * the last value read, so the caller's assertion fails on it. For what the widget changes after
 * an input: it renders asynchronously, and a long render yields to the browser part way.
 */
export async function eventually(read, ok, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((next) => setTimeout(next, 20));
  }
}

/**
 * One server (serving `dist/`, plus any `mounts`) and one Chromium for a whole test file, started
 * before its tests and closed after them. Read `env.server.url` and `env.browser` inside tests.
 */
export function setup(mounts = {}) {
  const env = {};
  before(async () => {
    env.server = await serve(DIST, {}, mounts);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now (or in the elements `within` selects), one line each. */
export async function violations(page, within) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate((within) => window.axe.run(within ?? document, { resultTypes: ['violations'] }), within);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target}`);
}
