// One thin adapter per browser engine, so the smoke suite is written once: Chromium (DevTools
// protocol) and Firefox ESR (WebDriver BiDi) through puppeteer-core, WebKitGTK's MiniBrowser
// through classic WebDriver over HTTP (`WebKitWebDriver`, under `xvfb-run`). Debian's browsers
// only: nothing here downloads one.
//
// A page offers the same few things in every engine, all driven as real input, not as events
// dispatched from script:
//   goto(url)                      navigate and wait for the load event
//   eval(fn, ...args)              run `fn` in the page (JSON in, JSON out; may return a promise)
//   click(fn, ...args)             click the element `fn` returns, where the engine says it is
//   hover(fn, ...args)             move the mouse over it
//   press(key), type(text)         keys to the focused element (`key`: 'Enter', 'ArrowRight', '+', …)
//   wheel(x, y, deltaY, ctrl)      a wheel turn at the viewport point (x, y), Ctrl held or not
//   drag(x, y, dx)                 press the mouse at (x, y), move dx to the right, release
//   resize(width, height)         the viewport's size (WebKitGTK's window has a minimum width)
//   screenshot(path)               a PNG of the viewport, for looking at a failure
//   close()
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS } from '../e2e/harness.mjs';

/** Where each engine's binary is: the environment overrides Debian's paths. */
export const BINARIES = {
  chromium: process.env.CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
  webkit: process.env.MINIBROWSER ?? miniBrowser(),
  webkitDriver: process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver',
};

/** Debian ships MiniBrowser beside the WebKitGTK library, in the architecture's folder. */
function miniBrowser() {
  for (const arch of existsSync('/usr/lib') ? readdirSync('/usr/lib') : []) {
    const path = `/usr/lib/${arch}/webkit2gtk-4.1/MiniBrowser`;
    if (existsSync(path)) return path;
  }
  return '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
}

/** The engines the suite runs in: all three, or those `LLMC_ENGINES` lists (comma-separated). */
export const ENGINES = (process.env.LLMC_ENGINES ?? 'chromium,firefox,webkit').split(',').map((e) => e.trim()).filter(Boolean);

export const LABELS = { chromium: 'Chromium', firefox: 'Firefox ESR', webkit: 'WebKitGTK' };

/** Starts `engine` with a `width` × `height` viewport; returns `{ version, newPage(), close() }`. */
export async function launchEngine(engine, width, height) {
  if (engine === 'webkit') return launchWebKit(width, height);
  const browser =
    engine === 'firefox'
      ? await puppeteer.launch({ browser: 'firefox', executablePath: BINARIES.firefox, headless: true, defaultViewport: { width, height } })
      : await puppeteer.launch({
          executablePath: BINARIES.chromium,
          args: CHROMIUM_ARGS.filter((a) => a !== '--headless'),
          headless: true,
          defaultViewport: { width, height },
        });
  return {
    version: await browser.version(),
    newPage: async () => puppeteerPage(await browser.newPage()),
    close: () => browser.close(),
  };
}

/**
 * Scrolls `el` to the middle of the viewport and waits for two frames, as a reader sees a control
 * before pressing it: parts with `content-visibility: auto` are rendered (and take clicks) only
 * once they are near the viewport at a rendering update, so a click sent in the same task as the
 * scroll would hit their empty container.
 */
const inView = (el) =>
  new Promise((shown) => {
    el.scrollIntoView({ block: 'center' });
    requestAnimationFrame(() => requestAnimationFrame(() => shown(null)));
  });

/** A whole-pixel point of the viewport where a hit lands on `el` or inside it, or null. */
const hitPoint = (el) => {
  const r = el.getBoundingClientRect();
  const root = el.getRootNode();
  for (const fy of [0.5, 0.3, 0.7, 0.1, 0.9]) {
    for (const fx of [0.5, 0.3, 0.7, 0.1, 0.9, 0.05, 0.95]) {
      const x = Math.round(r.left + r.width * fx);
      const y = Math.round(r.top + r.height * fy);
      if (el.contains(root.elementFromPoint(x, y))) return { x, y };
    }
  }
  return null;
};

// ---------------------------------------------------------------------------------------------
// Chromium and Firefox: puppeteer-core.

function puppeteerPage(page) {
  // What the engine itself reports, besides what the page hook sees: messages the browser writes
  // (a refused resource, a deprecation) never pass through the page's `console`.
  const native = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn' || m.type() === 'warning') native.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => native.push(`pageerror: ${e.message}`));
  const element = async (fn, args) => {
    const handle = await page.evaluateHandle(fn, ...args);
    const el = handle.asElement();
    if (!el) throw new Error(`no element for ${fn}`);
    await el.evaluate(inView);
    return el;
  };
  return {
    native,
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    eval: (fn, ...args) => page.evaluate(fn, ...args),
    click: async (fn, ...args) => (await element(fn, args)).click(),
    hover: async (fn, ...args) => (await element(fn, args)).hover(),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    wheel: async (x, y, deltaY, ctrl) => {
      await page.mouse.move(x, y);
      if (ctrl) await page.keyboard.down('Control');
      await page.mouse.wheel({ deltaY });
      if (ctrl) await page.keyboard.up('Control');
    },
    drag: async (x, y, dx) => {
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + dx, y, { steps: 8 });
      await page.mouse.up();
    },
    // Firefox 140's BiDi lacks the screen orientation override puppeteer sends beside the
    // viewport's size; the size is set all the same.
    resize: (width, height) =>
      page.setViewport({ width, height }).catch((e) => {
        if (!/setScreenOrientationOverride/.test(e.message)) throw e;
      }),
    screenshot: (path) => page.screenshot({ path }),
    close: () => page.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// WebKitGTK: classic WebDriver over HTTP.

/** WebDriver's code points for the keys the suite presses. */
const KEYS = {
  Enter: '\uE007',
  Escape: '\uE00C',
  Tab: '\uE004',
  Backspace: '\uE003',
  Home: '\uE011',
  End: '\uE010',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Control: '\uE009',
  Shift: '\uE008',
};
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

async function launchWebKit(width, height) {
  const port = await freePort();
  // MiniBrowser is a GTK window: xvfb-run gives it a display of its own (-a: a free one).
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1200x24', BINARIES.webkitDriver, `--port=${port}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const exited = new Promise((ok) => driver.once('exit', ok));
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (value?.error) throw new Error(`WebDriver ${method} ${path}: ${value.error}: ${value.message}`);
    return value;
  };
  const stop = async () => {
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await exited;
  };
  for (let tries = 0; ; tries++) {
    try {
      if ((await call('GET', '/status')).ready) break;
    } catch (e) {
      if (tries > 200 || driver.exitCode !== null) {
        await stop();
        throw new Error(`WebKitWebDriver did not start: ${e.message}`);
      }
    }
    await new Promise((next) => setTimeout(next, 50));
  }
  let session;
  try {
    session = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: BINARIES.webkit, args: ['--automation'] },
        },
      },
    });
  } catch (e) {
    await stop();
    throw e;
  }
  const s = `/session/${session.sessionId}`;
  // The window's size includes its frame: size it, then correct by what the page measures.
  const run = (fn, args) =>
    call('POST', `${s}/execute/async`, {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
          .then((value) => done({ value: value === undefined ? null : value }), (e) => done({ error: String(e && e.stack || e) }));`,
      args,
    }).then((r) => {
      if (r.error) throw new Error(`in the page: ${r.error}`);
      return r.value;
    });
  const resize = async (width, height) => {
    await call('POST', `${s}/window/rect`, { width, height });
    const [iw, ih] = await run(() => [innerWidth, innerHeight], []);
    if (iw !== width || ih !== height) await call('POST', `${s}/window/rect`, { width: 2 * width - iw, height: 2 * height - ih });
  };
  await resize(width, height);
  const actions = (list) => call('POST', `${s}/actions`, { actions: list }).then(() => call('DELETE', `${s}/actions`));
  const mouse = (steps) => ({ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: steps });
  const keys = (steps) => ({ type: 'key', id: 'keyboard', actions: steps });
  const element = async (fn, args) => {
    const el = await run(fn, args);
    if (!el?.[ELEMENT]) throw new Error(`no element for ${fn}`);
    await run(inView, [el]);
    return el;
  };
  let open = false;
  const page = {
    native: [],
    goto: (url) => call('POST', `${s}/url`, { url }),
    eval: (fn, ...args) => run(fn, args),
    click: async (fn, ...args) => {
      const el = await element(fn, args);
      try {
        await call('POST', `${s}/element/${el[ELEMENT]}/click`, {});
      } catch (e) {
        // WebKit's WebDriver finds no in-view point on an SVG group (the timeline's markers are
        // `<g role="button">`) and refuses it; a reader's pointer has no such trouble. Press the
        // mouse where the group itself is hit instead.
        if (!/element not interactable/.test(e.message)) throw e;
        const at = await run(hitPoint, [el]);
        if (!at) throw e;
        const point = { type: 'pointerMove', origin: 'viewport', x: at.x, y: at.y, duration: 0 };
        await actions([mouse([point, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }])]);
      }
    },
    hover: async (fn, ...args) => {
      const el = await element(fn, args);
      await actions([mouse([{ type: 'pointerMove', origin: el, x: 0, y: 0, duration: 0 }])]);
    },
    press: (key) => {
      const value = KEYS[key] ?? key;
      return actions([keys([{ type: 'keyDown', value }, { type: 'keyUp', value }])]);
    },
    type: (text) => actions([keys([...text].flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]))]),
    // WebKitGTK's automation drops the modifier keys held from the wheel events it makes (they
    // arrive with ctrlKey false, each followed by one of the opposite sign), so a wheel turn with
    // Ctrl held cannot be driven as input here: the same event is dispatched from the page, where
    // the widget's listener gets it as it would from a reader.
    wheel: (x, y, deltaY, ctrl) =>
      run(
        (x, y, deltaY, ctrl) => {
          const init = { deltaY, deltaMode: 0, clientX: x, clientY: y, ctrlKey: ctrl, bubbles: true, cancelable: true, composed: true };
          document.elementFromPoint(x, y).dispatchEvent(new WheelEvent('wheel', init));
        },
        [x, y, deltaY, ctrl],
      ),
    drag: (x, y, dx) => {
      const moves = Array.from({ length: 8 }, (_, i) => ({
        type: 'pointerMove',
        origin: 'viewport',
        x: Math.round(x + (dx * (i + 1)) / 8),
        y: Math.round(y),
        duration: 16,
      }));
      return actions([
        mouse([
          { type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y), duration: 0 },
          { type: 'pointerDown', button: 0 },
          ...moves,
          { type: 'pointerUp', button: 0 },
        ]),
      ]);
    },
    resize,
    screenshot: async (path) => writeFileSync(path, Buffer.from(await call('GET', `${s}/screenshot`), 'base64')),
    // One window per session: a new page is the same window, emptied.
    close: () => call('POST', `${s}/url`, { url: 'about:blank' }).finally(() => (open = false)),
  };
  const version = (await run(() => navigator.userAgent, [])).match(/AppleWebKit\/\S+/)?.[0] ?? session.capabilities.browserVersion;
  return {
    version: `WebKitGTK ${session.capabilities.browserVersion} (${version})`,
    newPage: async () => {
      if (open) throw new Error('WebKitGTK: one page at a time');
      open = true;
      return page;
    },
    close: async () => {
      try {
        await call('DELETE', s);
      } finally {
        await stop();
      }
    },
  };
}
