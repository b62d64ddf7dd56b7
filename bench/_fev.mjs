import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { serve } from './server.mjs';
import { PAGES, median } from './measure.mjs';
const dir = process.argv[2] ?? '/work/main/target/bench/ours-100';
const cfgName = process.argv[3] ?? 'ours';
const reps = +(process.argv[4] ?? 9);
const PROBE = readFileSync('/work/main/bench/probe.js', 'utf8');
const srv = await serve(dir);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const rows = [];
for (let i = 0; i < reps; i++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.addInitScript({ content: `${PROBE}\nwindow.__benchInit(${JSON.stringify(PAGES[cfgName])});` });
  const page = await ctx.newPage();
  await page.goto(srv.url + '/', { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench.firstVisible !== null);
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = Object.fromEntries(performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop().split('-')[0].split('.')[0], [Math.round(e.startTime), Math.round(e.responseEnd)]]));
    return { fev: Math.round(window.__bench.firstVisible), htmlStart: Math.round(nav.responseStart), htmlEnd: Math.round(nav.responseEnd), dcl: Math.round(nav.domContentLoadedEventStart), fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1), css: res.chronicle ?? res.vis ?? null };
  });
  rows.push(r);
  await ctx.close();
}
for (const r of rows) console.log(JSON.stringify(r));
const med = (k) => median(rows.map((r) => r[k]));
console.log('median fev', med('fev'), 'fcp', med('fcp'), 'htmlStart', med('htmlStart'), 'htmlEnd', med('htmlEnd'), 'dcl', med('dcl'), 'cssStart', median(rows.map((r) => r.css?.[0] ?? NaN)), 'cssEnd', median(rows.map((r) => r.css?.[1] ?? NaN)));
await browser.close(); await srv.close();
