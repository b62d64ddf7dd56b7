import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
const dir = process.argv[2] ?? '/work/main/target/bench/ours-10000';
const srv = await serve(dir);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage(); page.on('console', m => console.log('console', m.text().slice(0,300))); page.on('pageerror', e => console.log('pageerror', e.message));
await page.goto(srv.url + '/');
await page.locator('.llmc-event').first().click(); await page.waitForFunction(() => !document.querySelector('.llmc-inert')); await page.keyboard.press('Escape');
const box = await page.locator('.llmc-timeline-svg').boundingBox();
const cx = box.x + box.width / 2, cy = box.y + 150;
await page.mouse.move(cx, cy);
await page.keyboard.down('Control');
for (let i = 0; i < (process.env.MODE === 'zoom' ? 0 : 20); i++) { await page.mouse.wheel(0, -100); await new Promise(r => setTimeout(r, 250)); }
await page.keyboard.up('Control');
await new Promise(r => setTimeout(r, 400));
console.log('window', await page.locator('.llmc-window').textContent(), 'svg nodes', await page.evaluate(() => document.querySelectorAll('.llmc-timeline-svg *').length), 'svg size', JSON.stringify(await page.locator('.llmc-timeline-svg').boundingBox()));
const cdp = await ctx.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,cc', options: 'sampling-frequency=10000' });
if (process.env.MODE === 'zoom') {
  await new Promise(r => setTimeout(r, 400));
  await page.mouse.move(cx, cy); await page.keyboard.down('Control');
  for (let i = 0; i < 12; i++) { await page.mouse.wheel(0, -100); await new Promise(r => setTimeout(r, 400)); }
  await page.keyboard.up('Control');
} else {
await page.mouse.move(cx, cy + 200); await page.mouse.down();
for (let i = 1; i <= 12; i++) { await page.mouse.move(cx + 40 * i, cy + 200); await new Promise(r => setTimeout(r, 120)); }
await page.mouse.up();
}
await cdp.send('Tracing.end'); await done;
const main = events.filter(e => e.name === 'EventDispatch' && (e.args?.data?.type === 'pointermove' || e.args?.data?.type === 'wheel'))[0];
const tid = main?.tid, pid = main?.pid;
const names = ['EventDispatch', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'HitTest', 'IntersectionObserverController::computeIntersections', 'ScrollLayer', 'PaintImage', 'RasterTask', 'ProxyMain::BeginMainFrame::commit'];
const byName = {};
for (const e of events) {
  if (e.ph !== 'X' || e.tid !== tid || e.pid !== pid || !e.dur) continue;
  (byName[e.name] ??= []).push(e.dur / 1000);
}
const rows = Object.entries(byName).map(([k, v]) => [k, v.length, (v.reduce((a, b) => a + b, 0) / v.length).toFixed(3), Math.max(...v).toFixed(2)]).sort((a, b) => b[2] * b[1] - a[2] * a[1]).slice(0, 25);
for (const r of rows) console.log(r.join('\t'));
await browser.close(); await srv.close();
const mine = events.filter(e => e.ph === 'X' && e.tid === tid && e.pid === pid && e.dur);
for (const f of mine.filter(e => e.name === 'ProxyMain::BeginMainFrame')) {
  const inside = mine.filter(e => e.ts >= f.ts && e.ts + e.dur <= f.ts + f.dur && e !== f);
  const pick = {};
  for (const n of ['EventDispatch', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'LayoutView::HitTest', 'IntersectionObserverController::computeIntersections', 'UpdateLayer']) {
    const d = inside.filter(e => e.name === n).reduce((a, e) => a + e.dur, 0);
    if (d) pick[n] = (d / 1000).toFixed(2);
  }
  console.log('frame', (f.dur / 1000).toFixed(2), JSON.stringify(pick));
}
