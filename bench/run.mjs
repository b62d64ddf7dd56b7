#!/usr/bin/env node
// Browser benchmark: our widget against TimelineJS3 and vis-timeline on the same synthetic data.
//
//   node bench/run.mjs [--smoke] [--reps N] [--sizes 100,1000,10000,shipped] [--pages ours,timelinejs,vis] [--out DIR]
//
// Inputs (built by `cargo xtask bench`): target/bench/data/synthetic-{N}.json (our schema) and
// target/bench/ours-{N}/ (our widget's static site with that dataset); for the size `shipped`,
// target/bench/data/shipped.json (the dataset the widget ships) and target/bench/ours-shipped/. This script writes the peer
// pages (bench/pages.mjs), serves every site from memory with gzip (bench/server.mjs), measures
// each page × size × CPU setting (none, 4× throttling) × repetition in a fresh browser context
// (bench/measure.mjs), and prints medians with ratios. It writes results.json (every repetition)
// and results.md (tables and method) into the output folder. Figures only; nothing is asserted.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { buildBare, buildPeers, VERSIONS } from './pages.mjs';
import { serve } from './server.mjs';
import { AFTER_INPUT_MS, PAGES, QUIET_MS, VIEWPORT, measureOnce, median, percentile } from './measure.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH = join(ROOT, 'target/bench');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const THROTTLES = [1, 4];
const ORDER = ['ours', 'timelinejs', 'vis'];
/** The "size" that stands for the dataset the widget ships, rather than a synthetic one. */
const SHIPPED = 'shipped';

function options() {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      reps: { type: 'string' },
      sizes: { type: 'string' },
      pages: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: node bench/run.mjs [--smoke] [--reps N] [--sizes 100,1000,10000,shipped] [--pages ours,timelinejs,vis] [--out DIR]');
    process.exit(0);
  }
  const smoke = values.smoke;
  const reps = Number(values.reps ?? (smoke ? 1 : 5));
  const sizes = (values.sizes ?? (smoke ? '100' : '100,1000,10000,shipped')).split(',').map((n) => (n === SHIPPED ? n : Number(n)));
  if (!Number.isInteger(reps) || reps < 1) throw new Error(`--reps: expected a positive integer, got ${values.reps}`);
  if (sizes.some((n) => n !== SHIPPED && (!Number.isInteger(n) || n < 1))) {
    throw new Error(`--sizes: expected numbers like 100,1000 or ${SHIPPED}, got ${values.sizes}`);
  }
  // A subset of the pages, for quick checks while developing (ratios need the peers, of course).
  const pages = (values.pages ?? ORDER.join(',')).split(',');
  if (pages.some((p) => !ORDER.includes(p))) throw new Error(`--pages: expected some of ${ORDER.join(',')}, got ${values.pages}`);
  const out = resolve(values.out ?? (smoke ? join(BENCH, 'results-smoke') : join(ROOT, 'bench/results')));
  return { smoke, reps, sizes, pages: ORDER.filter((p) => pages.includes(p)), out };
}

/** The inputs `cargo xtask bench` builds; throws naming every missing one. */
function inputs(sizes) {
  const missing = [];
  const found = {};
  for (const n of sizes) {
    const data = join(BENCH, n === SHIPPED ? 'data/shipped.json' : `data/synthetic-${n}.json`);
    const ours = join(BENCH, `ours-${n}`);
    if (!existsSync(data)) missing.push(data);
    if (!existsSync(join(ours, 'index.html'))) missing.push(join(ours, 'index.html'));
    found[n] = { data, ours };
  }
  if (missing.length) {
    throw new Error(`missing benchmark inputs (run \`cargo xtask bench\`, which builds them):\n  ${missing.join('\n  ')}`);
  }
  return found;
}

/** A letter whose search would match about half the events (so typing it changes the count). */
function searchLetter(dataFile) {
  const events = JSON.parse(readFileSync(dataFile, 'utf8')).events;
  const texts = events.map((e) => [e.name?.en, e.name?.zh, e.org, e.summary?.en, e.summary?.zh].join(' ').toLowerCase());
  let best = { letter: 'q', score: Infinity };
  for (const letter of 'qxzjkvwybgpfmuclhdrsnioate') {
    const share = texts.filter((t) => t.includes(letter)).length / texts.length;
    if (share > 0 && share < 1 && Math.abs(share - 0.5) < best.score) best = { letter, score: Math.abs(share - 0.5) };
  }
  return best.letter;
}

function machine(browserVersion) {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {}
  return {
    cpu,
    cores: cpus().length,
    chromium: browserVersion,
    node: process.version,
    date: new Date().toISOString(),
    viewport: VIEWPORT,
    peers: { timelinejs: VERSIONS.timelinejs, vis: VERSIONS.vis },
  };
}

/** Per-repetition figures derived from the raw steps. */
function derive(rep) {
  const applied = (xs) => (xs ? xs.filter((x) => x !== null).length : null);
  return {
    bytes: rep.bytes,
    bytesFull: rep.bytesFull ?? null,
    firstVisible: rep.firstVisible,
    tti: rep.tti,
    full: rep.full ?? null,
    zoomP50: percentile(rep.zoom, 50),
    zoomP95: percentile(rep.zoom, 95),
    zoomApplied: applied(rep.zoom),
    zoomFrameP50: percentile(rep.zoomFrame ?? [], 50),
    zoomFrameP95: percentile(rep.zoomFrame ?? [], 95),
    panP50: percentile(rep.pan, 50),
    panP95: percentile(rep.pan, 95),
    panApplied: applied(rep.pan),
    panFrameP50: percentile(rep.panFrame ?? [], 50),
    panFrameP95: percentile(rep.panFrame ?? [], 95),
    filter: rep.filter ? median(rep.filter) : null,
    filterApplied: applied(rep.filter),
    heap: rep.heap,
    wasm: rep.wasm,
    memory: rep.heap + (rep.wasm ?? 0),
  };
}

function summarise(reps) {
  const derived = reps.map(derive);
  const out = {};
  for (const key of Object.keys(derived[0])) {
    const m = median(derived.map((d) => d[key]));
    out[key] = m === null ? null : Math.round(m * 10) / 10;
  }
  return out;
}

const ROWS = [
  ['bytes', 'transferred until interactive (KB, gzip)', (v) => (v / 1024).toFixed(1)],
  ['firstVisible', 'first event visible (ms)', (v) => v.toFixed(0)],
  ['tti', 'time to interactive (ms)', (v) => v.toFixed(0)],
  ['bytesFull', 'transferred until fully running (KB, gzip)', (v) => (v / 1024).toFixed(1)],
  ['full', 'time until fully running (ms)', (v) => v.toFixed(0)],
  ['zoomFrameP50', 'zoom frame time p50 (ms)', (v) => v.toFixed(1)],
  ['zoomFrameP95', 'zoom frame time p95 (ms)', (v) => v.toFixed(1)],
  ['zoomP50', 'zoom input to paint p50 (ms)', (v) => v.toFixed(1)],
  ['zoomP95', 'zoom input to paint p95 (ms)', (v) => v.toFixed(1)],
  ['zoomApplied', `zoom steps that changed the page (of 20)`, (v) => String(v), false],
  ['panFrameP50', 'pan frame time p50 (ms)', (v) => v.toFixed(1)],
  ['panFrameP95', 'pan frame time p95 (ms)', (v) => v.toFixed(1)],
  ['panP50', 'pan input to paint p50 (ms)', (v) => v.toFixed(1)],
  ['panP95', 'pan input to paint p95 (ms)', (v) => v.toFixed(1)],
  ['panApplied', `pan steps that changed the page (of 20)`, (v) => String(v), false],
  ['filter', 'filter latency, median (ms)', (v) => v.toFixed(1)],
  ['filterApplied', 'filter steps that changed the count (of 10)', (v) => String(v), false],
  ['heap', 'JS heap after load (MB)', (v) => (v / 2 ** 20).toFixed(2)],
  ['wasm', 'WASM memory (MB)', (v) => (v / 2 ** 20).toFixed(2), false],
  ['memory', 'JS heap + WASM memory (MB)', (v) => (v / 2 ** 20).toFixed(2)],
];

function tableRows(result) {
  const cell = (fmt, v) => (v === null || v === undefined ? '–' : fmt(v));
  const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b !== 0 ? (a / b).toFixed(2) : '–');
  return ROWS.map(([key, label, fmt, ratios = true]) => {
    const [o, t, v] = ORDER.map((p) => result[p]?.median?.[key]);
    return [label, cell(fmt, o), cell(fmt, t), cell(fmt, v), ratios ? ratio(o, t) : '–', ratios ? ratio(o, v) : '–'];
  });
}

/** The rows that mean something for the bare reference page (no data, no filter, no WASM). */
const REFERENCE_ROWS = ['firstVisible', 'tti', 'zoomFrameP50', 'zoomFrameP95', 'zoomP50', 'zoomP95', 'panFrameP50', 'panFrameP95', 'panP50', 'panP95'];

function referenceRows(byThrottle) {
  return ROWS.filter(([key]) => REFERENCE_ROWS.includes(key)).map(([key, label, fmt]) => [
    label,
    ...THROTTLES.map((t) => {
      const v = byThrottle[t]?.median?.[key];
      return v === null || v === undefined ? '–' : fmt(v);
    }),
  ]);
}
const REFERENCE_HEAD = ['metric', ...THROTTLES.map((t) => (t === 1 ? 'no throttling' : `${t}× throttling`))];

const HEAD = ['metric', 'ours', 'TimelineJS3', 'vis-timeline', 'ours/TimelineJS', 'ours/vis'];

function textTable(rows, head = HEAD) {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(rows, head = HEAD) {
  return [head, head.map((_, i) => (i ? '---:' : '---')), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

const REFERENCE_NOTE =
  'A bare page (bench/pages.mjs `buildBare`) with one marker that a click selects, Ctrl+wheel scales and a drag moves, each by one style change, measured the same way. Its figures are what the browser and the harness add on their own: the input-to-paint rows include the routing of an input before any page code runs, which no page can shorten.';

const sectionTitle = (n, throttle) =>
  `${n === SHIPPED ? `the shipped dataset (${shippedEvents} events)` : `${n} events`}, ${throttle === 1 ? 'no CPU throttling' : `${throttle}× CPU throttling`}`;
let shippedEvents = '?';

function machineLines(m) {
  return [
    `machine: ${m.cpu}, ${m.cores} cores; Chromium ${m.chromium}; Node ${m.node}; viewport ${m.viewport.width}×${m.viewport.height}`,
    `peers: TimelineJS3 ${m.peers.timelinejs}, vis-timeline ${m.peers.vis}; date: ${m.date}`,
  ];
}

function markdown(results) {
  const { machine: m, reps, sizes, results: byKey } = results;
  const parts = [
    '# Benchmark: LLM Chronicle vs TimelineJS3 and vis-timeline',
    '',
    `Generated by \`node bench/run.mjs\` (via \`cargo xtask bench\`). Medians of ${reps} repetition(s) per cell; raw figures in results.json.`,
    '',
    ...machineLines(m).map((l) => `- ${l}`),
    '',
  ];
  for (const n of sizes) {
    for (const throttle of THROTTLES) {
      parts.push(`## ${sectionTitle(n, throttle)}`, '', markdownTable(tableRows(byKey[`${n}/${throttle}`])), '');
    }
  }
  if (results.reference) {
    parts.push(`## Reference: a bare page (medians of ${reps})`, '', REFERENCE_NOTE, '', markdownTable(referenceRows(results.reference), REFERENCE_HEAD), '');
  }
  parts.push(
    '## Method',
    '',
    'Each page shows the same dataset at a 1280×900 viewport: a synthetic one (target/bench/data/synthetic-N.json), or the dataset the widget ships (data/chronicle.json, the sections "the shipped dataset"); ours is the widget\'s own static site built with that dataset; the peers are generated by bench/pages.mjs with their libraries\' documented setup, all assets copied from node_modules and no request to another origin. Every site is served from memory on 127.0.0.1 with gzip, compressed once at start-up. Each repetition runs in a fresh browser context (empty cache) in Debian\'s headless Chromium; the throttled runs set CDP `Emulation.setCPUThrottlingRate` (4) before navigation. Ratios are ours divided by the peer: below 1 means ours is smaller or faster.',
    '',
    '- **Transferred until interactive**: encoded (gzip, as sent) bytes of every response finished by the time-to-interactive moment, from CDP Network `loadingFinished` events, headers included.',
    '- **First event visible**: ms from navigation start until an event marker has a non-empty box inside the viewport, checked in an animation frame after each DOM insertion and timed at the end of the frame that paints it: the first of a task posted from that frame and the next frame (during parsing Chromium runs the parser\'s tasks before a posted task, which alone would count parsing done after the paint). The harness awaits it with one CDP `Runtime.evaluate` of a promise, so none of its own code runs in the page while the page loads (since commit `acebf51`; before, Playwright\'s `waitForFunction` first evaluated its injected script in the page, 8–9 ms of work that could land between a page\'s first frame and the time taken).',
    '- **Time to interactive**: Node clicks the leftmost visible marker with real mouse input, over and over, until the page shows it as selected (ours: the event `aria-pressed="true"` and its detail panel open; TimelineJS: `.tl-timemarker-active`; vis: `.vis-selected`); the figure is the in-page time at which that state appeared. Ours answers that click from its start-up script, before the WASM has arrived: the event shows pressed and a detail panel opens with the event\'s facts, summary and sources, built from the prerendered list.',
    '- **Fully running**: ours only differs: the moment the WASM widget has taken over (its mount element is no longer `.llmc-inert`), and the bytes transferred by then, counted as above. Ours fetches its WASM, glue and dataset only on the reader\'s first sign of intent inside the widget (a pointer resting over it for 65 ms, then the page idle; a press, touch, wheel turn, focus or key; a click on an event once answered): here that is the timed click, so fully running includes the whole download after it. For the peers both equal time to interactive and bytes until interactive. Memory, zoom, pan and filter are measured after it.',
    `- **Zoom and pan**: 20 real inputs each: zoom-in steps from the default view (ours: Ctrl+wheel over the timeline; TimelineJS: its zoom-in button; vis: plain wheel), then pan steps from the view that left, a mouse drag with one 40 px pointermove per step on all three. Every step ends at the end of the first frame after the DOM changed (a task after the next frame, or after the current one when the change was made in an animation-frame callback). Its **frame time** starts when the page's handling of the input starts (a capture listener on window, which runs before the page's own): Chromium runs wheel and pointer-move handlers at the start of a frame, so this is the time the page's frame takes, handlers to paint, which must stay under 16.7 ms for 60 frames a second. A click (TimelineJS's zoom button) is handled in a task of its own; the idle time between that task's end and the next frame is left out. Its **input to paint** starts at the input event's \`timeStamp\`, so it also counts the browser's routing of the input before any page code runs: about 30 ms for a wheel turn and 13 ms for a pointer move on the bare reference page below, which no page can shorten. Each step starts only once the page has had no DOM change for ${QUIET_MS} ms and 3 frames and the previous input is at least ${AFTER_INPUT_MS} ms old (longer than the 160 ms after which our widget lays out again when a gesture pauses), so every step is measured on its own; vis-timeline's current-time line, which moves on its own timer, does not count as a change. A step that changes nothing within 1 s, or whose input the page never gets (a disabled button), is not applicable; its series stops there and the rows "steps that changed the page" count the rest. TimelineJS reaches its deepest zoom level after 8 steps, where it has nothing to drag in view (its drag surface keeps the width it had at load), so before panning it zooms out, unmeasured, until it has.`,
    '- **Filter latency** (ours only): a letter typed into the search box, then Backspace, 10 times; from the keydown\'s `timeStamp` to the end of the first frame after the live count changed.',
    '- **Memory**: after load, CDP `HeapProfiler.collectGarbage` then `Runtime.getHeapUsage` (used JS heap); for ours also the WASM linear memory (`window.llmcMemoryBytes()`), which the JS heap does not include.',
    '',
  );
  return parts.join('\n');
}

async function main() {
  const opts = options();
  const found = inputs(opts.sizes);
  mkdirSync(opts.out, { recursive: true });

  const sites = {};
  const servers = [];
  const letters = {};
  for (const n of opts.sizes) {
    const { dirs } = buildPeers(found[n].data, n, join(BENCH, 'peers'));
    letters[n] = searchLetter(found[n].data);
    if (n === SHIPPED) shippedEvents = JSON.parse(readFileSync(found[n].data, 'utf8')).events.length;
    const roots = { ours: found[n].ours, ...dirs };
    for (const page of opts.pages) {
      const server = await serve(roots[page]);
      servers.push(server);
      // Ours in English when the build has the English page, like the peers.
      const path = page === 'ours' && existsSync(join(roots.ours, 'en/index.html')) ? '/en/' : '/';
      sites[`${n}/${page}`] = server.url + path;
    }
  }

  const bareServer = await serve(buildBare(join(BENCH, 'peers')));
  servers.push(bareServer);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const info = machine(browser.version());
  console.log(machineLines(info).join('\n'));
  const results = { machine: info, reps: opts.reps, sizes: opts.sizes, throttles: THROTTLES, results: {}, reference: {} };
  try {
    // The bare reference page first: what the browser and the harness add on their own.
    for (const throttle of THROTTLES) {
      const reps = [];
      for (let rep = 0; rep < opts.reps; rep++) reps.push(await measureOnce(browser, bareServer.url + '/', PAGES.bare, { throttle }));
      results.reference[throttle] = { reps, median: summarise(reps) };
    }
    console.log(`\nreference: a bare page (medians of ${opts.reps})\n${textTable(referenceRows(results.reference), REFERENCE_HEAD)}`);
    for (const n of opts.sizes) {
      for (const throttle of THROTTLES) {
        const cell = {};
        for (const page of opts.pages) cell[page] = { url: sites[`${n}/${page}`].replace(/^http:\/\/[^/]+/, ''), reps: [] };
        for (let rep = 0; rep < opts.reps; rep++) {
          // Interleave the pages within a repetition so drift affects all alike.
          for (const page of opts.pages) {
            const t0 = Date.now();
            const raw = await measureOnce(browser, sites[`${n}/${page}`], PAGES[page], { throttle, letter: letters[n] });
            cell[page].reps.push(raw);
            process.stderr.write(`  ${sectionTitle(n, throttle)}: ${PAGES[page].name} rep ${rep + 1}/${opts.reps} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
          }
        }
        for (const page of opts.pages) cell[page].median = summarise(cell[page].reps);
        results.results[`${n}/${throttle}`] = cell;
        console.log(`\n${sectionTitle(n, throttle)} (medians of ${opts.reps})\n${textTable(tableRows(cell))}`);
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
  writeFileSync(join(opts.out, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(opts.out, 'results.md'), markdown(results));
  console.log(`\nwrote ${join(opts.out, 'results.json')} and results.md`);
}

main().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
