import { chromium } from 'playwright-core';
import { cpSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { serve } from '/work/main/bench/server.mjs';
import { PAGES, measureOnce, percentile, median } from '/work/main/bench/measure.mjs';
const variant = process.argv[2] ?? 'none';
const reps = +(process.argv[3] ?? 3);
const n = process.argv[4] ?? '10000';
const dir = `/tmp/exp/site-${variant}`;
rmSync(dir, { recursive: true, force: true });
cpSync(`/work/main/target/bench/ours-${n}`, dir, { recursive: true });
const inject = readFileSync(`/tmp/exp/${variant}.js`, 'utf8');
const html = readFileSync(`${dir}/index.html`, 'utf8').replace('<head>', `<head><script>${inject}</script>`);
writeFileSync(`${dir}/index.html`, html);
const server = await serve(dir);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const all = [], zall = [];
for (let r = 0; r < reps; r++) {
  const res = await measureOnce(browser, server.url + '/', PAGES.ours, {});
  const f = res.panFrame.filter((x) => x != null);
  all.push(...f);
  zall.push(...res.zoomFrame.filter((x) => x != null));
  console.log(variant, 'rep', r, 'pan p50', median(f).toFixed(2), 'p95', percentile(f, 95).toFixed(2), 'fev', res.firstVisible?.toFixed?.(1));
}
console.log(variant, 'ALL pan p50', median(all).toFixed(2), 'p95', percentile(all, 95).toFixed(2), 'zoom p50', median(zall).toFixed(2), 'p95', percentile(zall, 95).toFixed(2));
await browser.close(); await server.close();
