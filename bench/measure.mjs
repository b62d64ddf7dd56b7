// Measures one page load and its interactions in Chromium (playwright-core), in a fresh browser
// context (empty cache), optionally with CPU throttling set through CDP before navigation.
//
// Method, per repetition:
// - bytes: encoded (gzip, as served) bytes of every response, from CDP Network events, for the
//   requests finished by the time-to-interactive moment (plus what had arrived of any still open);
//   and the same until the page is fully running (ours: the WASM widget has taken over; it answers
//   a click on an event before that), so the table shows what a page costs in all.
// - first event visible and time to interactive: in-page performance.now() (so ms from navigation
//   start), recorded by bench/probe.js. For TTI, Node clicks the leftmost visible marker with real
//   mouse input again and again, as fast as the round trips allow, until the page shows the click
//   as handled; the time is when that state appeared in the DOM.
// - memory: after load, CDP HeapProfiler.collectGarbage then Runtime.getHeapUsage (used JS heap);
//   for our widget also its WASM linear memory, from llmcMemoryBytes() when the page exposes it.
// - zoom and pan: 20 real inputs each, every one after the page has been quiet (no DOM mutation for
//   QUIET_MS and 3 frames, AFTER_INPUT_MS after the last input); each step's input-to-paint time
//   and frame time come from probe.js. Zoom first (from the
//   default view), then pan (a mouse drag, one 40 px pointermove per step). A step that changes
//   nothing ends its series (a zoom limit); the rest count as not applicable.
// - filter (our widget only): one character typed into the search box, then Backspace, alternately;
//   a step ends with the first frame after the live count's text changes.
// Waits are for conditions; timeouts only guard against a page that never gets there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PROBE = readFileSync(join(import.meta.dirname, 'probe.js'), 'utf8');
export const VIEWPORT = { width: 1280, height: 900 };
const LOAD_GUARD_MS = 300_000;
const GUARD_MS = 120_000;
// A step starts once the DOM has been still for QUIET_MS (and 3 frames) and the previous input is
// at least AFTER_INPUT_MS old: longer than our widget's 160 ms gesture pause (it lays out again
// when a gesture pauses), so that no step's deferred work spills into the next step.
export const QUIET_MS = 100;
export const AFTER_INPUT_MS = 200;
const STEPS = 20;
const PAN_PX = 40;
const FILTER_STEPS = 10;

/** What each page is made of, and how it is driven. */
export const PAGES = {
  ours: {
    name: 'ours',
    marker: '.llmc-event',
    hit: '.llmc-marker',
    // Pressed, and its detail panel open (before the WASM has arrived, the start-up script's).
    handled: '.llmc:has(.llmc-event[aria-pressed="true"]) .llmc-detail h3',
    // The widget itself is running (its mount element stops being inert after hydration).
    ready: '#llm-chronicle:not(.llmc-inert)',
    zoom: { kind: 'wheel', ctrl: true, over: '.llmc-timeline-svg' },
    pan: { over: '.llmc-timeline-frame' },
    filter: { details: 'details.llmc-filters', input: '.llmc-filters input[type=search]', count: '.llmc-count' },
    wasmMemory: true,
  },
  timelinejs: {
    name: 'TimelineJS3',
    marker: '.tl-timemarker',
    hit: '.tl-timemarker-content-container',
    handled: '.tl-timemarker-active',
    zoom: { kind: 'button', button: '.tl-icon-zoom-in' },
    // Zooming in does not widen TimelineJS's drag surface (its slider background is sized only on
    // resize), so at its deepest zoom levels there is nothing to drag in view: it zooms out first.
    pan: { over: '.tl-timenav-slider-background', zoomOut: '.tl-icon-zoom-out' },
  },
  vis: {
    name: 'vis-timeline',
    marker: '.vis-item.vis-point',
    hit: null,
    // The current-time line moves on its own timer (up to once a second).
    ignore: '.vis-current-time',
    handled: '.vis-item.vis-selected',
    zoom: { kind: 'wheel', ctrl: false, over: '.vis-center' },
    pan: { over: '.vis-center' },
  },
  // A reference, not a peer: bench/pages.mjs's bare page, which changes one style per input.
  bare: {
    name: 'bare page',
    marker: '.bare-marker',
    hit: null,
    handled: '.bare-marker.selected',
    zoom: { kind: 'wheel', ctrl: true, over: '#timeline' },
    pan: { over: '#timeline' },
  },
};

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (xs, p) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)] : null;
};
export { median, percentile };

/** Polls `fn` in the page until it returns a truthy value; throws `what` after `timeout` ms. */
async function until(page, fn, arg, timeout, what) {
  try {
    const handle = await page.waitForFunction(fn, arg, { timeout, polling: 'raf' });
    return await handle.jsonValue();
  } catch (e) {
    if (/Timeout/.test(e.message)) throw new Error(`${what} (no result within ${timeout / 1000} s)`);
    throw e;
  }
}

/**
 * The page's first-event-visible time: awaits probe.js's `visible` promise with one CDP
 * Runtime.evaluate, so that nothing of the harness runs in the page while it loads. (Playwright's
 * waitForFunction first evaluates its injected script in the page, 8-9 ms of main-thread work,
 * queued as the page starts: on a page that paints early it ran right after the first frame and
 * counted towards the time, on a slower page it ran earlier, and only some loads of each page
 * were charged for it.)
 */
async function whenVisible(cdp, timeout, what) {
  let timer;
  const guard = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} (no result within ${timeout / 1000} s)`)), timeout)));
  try {
    for (;;) {
      const expression = "location.href === 'about:blank' ? null : (window.__bench?.visible ?? null)";
      let answer;
      try {
        answer = await Promise.race([cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }), guard]);
      } catch (e) {
        // Evaluated in the document being replaced.
        if (!/context was destroyed|Cannot find context/i.test(e.message)) throw e;
        continue;
      }
      const { result, exceptionDetails } = answer;
      if (exceptionDetails) throw new Error(`${what}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      if (typeof result.value === 'number') return result.value;
      // The new document's window is not there yet.
      await new Promise((ok) => setTimeout(ok, 5));
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Collects CDP Network events so that bytes up to a given moment can be summed. */
function trackNetwork(cdp) {
  const requests = new Map();
  const get = (id) => requests.get(id) ?? requests.set(id, { received: [] }).get(id);
  cdp.on('Network.requestWillBeSent', (e) => {
    const r = get(e.requestId);
    r.url = e.request.url;
    r.start ??= e.timestamp;
    r.wallTime ??= e.wallTime;
  });
  cdp.on('Network.dataReceived', (e) => get(e.requestId).received.push([e.timestamp, e.encodedDataLength]));
  cdp.on('Network.loadingFinished', (e) => Object.assign(get(e.requestId), { end: e.timestamp, bytes: e.encodedDataLength }));
  cdp.on('Network.loadingFailed', (e) => Object.assign(get(e.requestId), { end: e.timestamp, bytes: 0, failed: e.errorText }));
  return {
    requests,
    /** CDP monotonic seconds for an epoch-ms instant, from the first request's clock pair. */
    toMonotonic(epochMs) {
      const first = [...requests.values()].find((r) => r.wallTime !== undefined);
      return epochMs / 1000 - (first.wallTime - first.start);
    },
    /** Requests started by `t` that have not finished yet. */
    open(t) {
      return [...requests.values()].filter((r) => r.start !== undefined && r.start <= t && r.end === undefined);
    },
    bytesUntil(t) {
      let total = 0;
      for (const r of requests.values()) {
        if (r.start === undefined || r.start > t) continue;
        if (r.end !== undefined && r.end <= t) total += r.bytes;
        else total += r.received.filter(([ts]) => ts <= t).reduce((a, [, b]) => a + b, 0);
      }
      return total;
    },
  };
}

/** The centre of `selector`'s box clipped to the viewport. */
async function centreOf(page, selector, scroll = false) {
  const c = await page.evaluate(([sel, scroll]) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    if (scroll) el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    const l = Math.max(r.left, 0), t = Math.max(r.top, 0);
    const rr = Math.min(r.right, innerWidth), b = Math.min(r.bottom, innerHeight);
    if (rr <= l || b <= t) return null;
    return { x: (l + rr) / 2, y: (t + b) / 2 };
  }, [selector, scroll]);
  if (!c) throw new Error(`${selector}: not found or not in the viewport`);
  return c;
}

/**
 * A row inside `over` (clipped to the viewport) where a horizontal drag of `length` px to the left
 * stays on `over` and off every marker, preferring the row with the longest clear path.
 */
async function dragPath(page, over, marker, length) {
  const path = await page.evaluate(
    ([over, marker, length]) => {
      const el = document.querySelector(over);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      const top = Math.max(r.top, 0) + 4, bottom = Math.min(r.bottom, innerHeight) - 4;
      const right = Math.min(r.right, innerWidth) - 4, left = Math.max(r.left, 0) + 4;
      const ok = (x, y) => {
        const hit = document.elementFromPoint(x, y);
        return hit && hit.closest(over) && !hit.closest(marker) && !hit.closest('a, button, input, select, summary');
      };
      let best = null;
      for (let y = top; y <= bottom; y += 5) {
        // The rightmost free point of the row (the element may extend past its visible container).
        let x = right;
        while (x > left && !ok(x, y)) x -= 5;
        if (x <= left) continue;
        let clear = 0;
        while (clear < length && ok(x - clear - 5, y)) clear += 5;
        if (!best || clear > best.clear) best = { x, y, clear };
        if (clear >= length) break;
      }
      return best;
    },
    [over, marker, length],
  );
  return path && path.clear > 0 ? path : null;
}

/** With BENCH_DEBUG set, says why a step was not applicable; returns null. */
function debug(message) {
  if (process.env.BENCH_DEBUG) console.error(`  ${message}`);
  return null;
}

/** Waits until the page has had no DOM mutation for QUIET_MS and 3 frames, AFTER_INPUT_MS after the last input. */
const quiet = (page) =>
  until(page, ([ms, after]) => window.__bench.quiet(ms, after), [QUIET_MS, AFTER_INPUT_MS], GUARD_MS, 'page never settled');

/**
 * One measured step: arm the probe for `type`, run `input`, and return its times in ms
 * (`{ ms }`: input to paint; `{ frame }`: frame time), or null when the step changed nothing
 * within 1 s (or its input never reached the page).
 */
async function step(page, type, input, textOf = null) {
  await quiet(page);
  await page.evaluate(([t, text]) => window.__bench.arm(t, text), [type, textOf]);
  await input();
  const started = Date.now();
  for (;;) {
    const r = await until(page, () => window.__bench.stepResult(), null, GUARD_MS, `${type} step never finished`);
    if (r.ms !== undefined) return r;
    if (r.na) return debug(`${type} step not applicable: no DOM change within 1 s`);
    // The input event never arrived (e.g. a click on a disabled button): not applicable.
    if (Date.now() - started > 1000) return debug(`${type} step not applicable: the page got no ${type} event`);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));
  }
}

/** Runs `n` steps, stopping at the first that is not applicable (the rest count as such too). */
async function series(page, n, one) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = await one(i);
    out.push(r);
    if (r === null) {
      while (out.length < n) out.push(null);
      break;
    }
  }
  return out;
}

async function zoomSteps(page, cfg) {
  if (cfg.zoom.kind === 'button') {
    return series(page, STEPS, async () => {
      const { x, y } = await centreOf(page, cfg.zoom.button);
      return step(page, 'click', () => page.mouse.click(x, y));
    });
  }
  const { x, y } = await centreOf(page, cfg.zoom.over);
  await page.mouse.move(x, y);
  if (cfg.zoom.ctrl) await page.keyboard.down('Control');
  try {
    return await series(page, STEPS, () => step(page, 'wheel', () => page.mouse.wheel(0, -100)));
  } finally {
    if (cfg.zoom.ctrl) await page.keyboard.up('Control');
  }
}

/**
 * Pan steps: a drag, one PAN_PX pointermove per step, from the view the zoom steps left. A page
 * with nothing to drag in that view first zooms out with its own control (unmeasured) until it has.
 */
async function panSteps(page, cfg) {
  const length = STEPS * PAN_PX;
  let path = await dragPath(page, cfg.pan.over, cfg.marker, length);
  let zoomedOut = 0;
  while (!path && cfg.pan.zoomOut && zoomedOut < 20) {
    const { x, y } = await centreOf(page, cfg.pan.zoomOut);
    await page.mouse.click(x, y);
    zoomedOut++;
    await quiet(page);
    path = await dragPath(page, cfg.pan.over, cfg.marker, length);
  }
  if (!path) throw new Error(`${cfg.name}: no free place in ${cfg.pan.over} to start a drag`);
  await page.mouse.move(path.x, path.y);
  await page.mouse.down();
  try {
    const steps = await series(page, STEPS, (i) =>
      step(page, 'pointermove', () => page.mouse.move(path.x - (i + 1) * PAN_PX, path.y, { steps: 1 })),
    );
    return { zoomedOut, steps };
  } finally {
    await page.mouse.up();
  }
}

async function filterSteps(page, cfg, letter) {
  const f = cfg.filter;
  await page.evaluate((sel) => {
    const d = document.querySelector(sel);
    if (d && !d.open) d.querySelector('summary').click();
  }, f.details);
  const { x, y } = await centreOf(page, f.input, true);
  await quiet(page);
  await page.mouse.click(x, y);
  return series(page, FILTER_STEPS, (i) => step(page, 'keydown', () => page.keyboard.press(i % 2 ? 'Backspace' : letter), f.count));
}

/**
 * One repetition for one page: loads `url` in a fresh context of `browser` and returns the raw
 * figures. `throttle` is the CPU slowdown factor (1 = none). `letter` is the character typed
 * into our search box.
 */
export async function measureOnce(browser, url, cfg, { throttle = 1, letter = 'q' } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ content: `${PROBE}\nwindow.__benchInit(${JSON.stringify(cfg)});` });
    const page = await context.newPage();
    // A page error, a failed response or a request to another origin fails the run, at once.
    const problems = [];
    let fail;
    const broken = new Promise((_, reject) => (fail = reject));
    broken.catch(() => {});
    const problem = (message) => {
      problems.push(message);
      fail(new Error(`${cfg.name} (${url}): ${message}`));
    };
    const guarded = (promise) => Promise.race([promise, broken]);
    page.on('pageerror', (e) => problem(`page error: ${e.message}`));
    page.on('response', (r) => r.status() >= 400 && problem(`HTTP ${r.status()} for ${r.url()}`));
    const origin = new URL(url).origin;
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.origin !== origin && !['data:', 'blob:'].includes(u.protocol)) problem(`request to another origin: ${r.url()}`);
    });
    const cdp = await context.newCDPSession(page);
    const net = trackNetwork(cdp);
    await cdp.send('Network.enable');
    if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });

    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_GUARD_MS });
    const firstVisible = await guarded(
      whenVisible(cdp, LOAD_GUARD_MS, `${cfg.name} (${url}): no event marker (${cfg.marker}) became visible`),
    );

    if (!(await page.evaluate(() => window.__bench.watchHandled()))) {
      throw new Error(`${cfg.name}: an event is already selected before any click (${cfg.handled})`);
    }
    const started = Date.now();
    let clicks = 0;
    for (;;) {
      const t = await guarded(page.evaluate(() => window.__bench.clickTarget()));
      if (t.handled) break;
      if (Date.now() - started > LOAD_GUARD_MS) throw new Error(`${cfg.name}: ${clicks} clicks on markers, none handled`);
      if (t.none) await page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));
      else {
        await page.mouse.click(t.x, t.y);
        clicks++;
      }
    }
    const { tti, timeOrigin } = await page.evaluate(() => ({ tti: window.__bench.handled, timeOrigin: performance.timeOrigin }));

    // Fully running: for a page that answers clicks before all of its code has run, wait for it;
    // for the others it is the moment of the handled click.
    const full = cfg.ready
      ? await guarded(until(page, () => window.__bench.ready, null, LOAD_GUARD_MS, `${cfg.name} (${url}): never fully running (${cfg.ready})`))
      : tti;

    // Bytes until a moment: wait until every request started by then has finished, then sum.
    const bytesBy = async (ms) => {
      const mono = net.toMonotonic(timeOrigin + ms);
      const settleStart = Date.now();
      while (net.open(mono).length) {
        if (Date.now() - settleStart > GUARD_MS) throw new Error(`${cfg.name}: requests never finished: ${net.open(mono).map((r) => r.url)}`);
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));
      }
      return { bytes: net.bytesUntil(mono), requests: [...net.requests.values()].filter((r) => r.start <= mono).length };
    };
    const { bytes, requests } = await bytesBy(tti);
    const { bytes: bytesFull } = await bytesBy(full);

    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = cfg.wasmMemory
      ? await page.evaluate(() => {
          // Trunk's boot script exposes the WASM exports as window.wasmBindings.
          const f = window.llmcMemoryBytes ?? window.wasmBindings?.llmcMemoryBytes;
          return typeof f === 'function' ? f() : null;
        })
      : null;

    await page.evaluate(() => window.__bench.startSteps());
    const zoom = await guarded(zoomSteps(page, cfg));
    const { zoomedOut: panZoomedOut, steps: pan } = await guarded(panSteps(page, cfg));
    const filter = cfg.filter ? await guarded(filterSteps(page, cfg, letter)) : null;
    if (problems.length) throw new Error(`${cfg.name} (${url}): ${problems.join('; ')}`);

    const ms = (x) => (x === null ? null : Math.round(x * 10) / 10);
    return {
      bytes,
      bytesFull,
      requests,
      firstVisible: ms(firstVisible),
      tti: ms(tti),
      full: ms(full),
      clicks,
      heap: usedSize,
      wasm,
      zoom: zoom.map((r) => ms(r?.ms ?? null)),
      zoomFrame: zoom.map((r) => ms(r?.frame ?? null)),
      pan: pan.map((r) => ms(r?.ms ?? null)),
      panFrame: pan.map((r) => ms(r?.frame ?? null)),
      panZoomedOut,
      filter: filter && filter.map((r) => ms(r?.ms ?? null)),
    };
  } catch (e) {
    if (!e.message.startsWith(cfg.name)) e.message = `${cfg.name} (${url}): ${e.message}`;
    throw e;
  } finally {
    await context.close();
  }
}
