// Builds the peer pages for the benchmark: the same synthetic dataset (our schema) converted to
// TimelineJS3's and vis-timeline's native formats, each in a self-contained static site under
// target/bench/peers/{timelinejs,vis}-{N}/ with its library copied from node_modules.
//
// Method: each page uses its library's normal, documented setup and shows every event, with
// English names. Nothing is loaded from another origin: TimelineJS's `script_path` points at the
// page's own /js/ (its English strings are built in, so no locale is fetched) and its font option
// names a bundled font set that uses system fonts, instead of the default that loads web fonts.
// The container fills the viewport like our widget's timeline (CONTAINER below).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const TL_DIST = join(dirname(require.resolve('@knight-lab/timelinejs/package.json')), 'dist');
const VIS_ROOT = dirname(require.resolve('vis-timeline/package.json'));

/** Container size for the peers: our widget's width at a 1280 px viewport, full viewport height. */
export const CONTAINER = 'width: min(1200px, 100vw); height: 100vh; margin: 0 auto';

export const VERSIONS = {
  timelinejs: require('@knight-lab/timelinejs/package.json').version,
  vis: require('vis-timeline/package.json').version,
};

/** Splits our date ("YYYY", "YYYY-MM" or "YYYY-MM-DD") into numbers. */
function parts(date) {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

const escape = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Our dataset's events as TimelineJS3 JSON (one slide per event, grouped by family). */
export function toTimelineJs(data) {
  return {
    title: { text: { headline: escape(data.title?.en ?? 'Synthetic timeline'), text: `${data.events.length} events` } },
    events: data.events.map((e) => {
      const { year, month, day } = parts(e.date);
      const start_date = { year };
      if (month) start_date.month = month;
      if (day) start_date.day = day;
      return {
        unique_id: e.id,
        start_date,
        text: {
          headline: escape(e.name.en),
          text: `<p>${escape(e.summary?.en ?? '')}</p><p>${escape(e.org ?? '')} · ${escape(e.access ?? '')}</p>`,
        },
        group: e.family,
      };
    }),
  };
}

/** Our dataset's events as vis-timeline items and groups (one group per family lane). */
export function toVis(data) {
  const families = [...new Set(data.events.map((e) => e.family))];
  return {
    groups: families.map((f) => ({ id: f, content: escape(f) })),
    items: data.events.map((e) => {
      const { year, month = 1, day = 1 } = parts(e.date);
      const start = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      return { id: e.id, group: e.family, content: escape(e.name.en), start };
    }),
  };
}

const page = (title, head, body) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="icon" href="data:,">
${head}
<style>html, body { margin: 0; padding: 0; } #timeline { ${CONTAINER}; }</style>
</head>
<body>
<div id="timeline"></div>
${body}
</body>
</html>
`;

function writeTimelineJs(dir, data) {
  mkdirSync(join(dir, 'js/locale'), { recursive: true });
  mkdirSync(join(dir, 'css/fonts'), { recursive: true });
  cpSync(join(TL_DIST, 'js/timeline.js'), join(dir, 'js/timeline.js'));
  cpSync(join(TL_DIST, 'js/locale/en.json'), join(dir, 'js/locale/en.json'));
  cpSync(join(TL_DIST, 'css/timeline.css'), join(dir, 'css/timeline.css'));
  cpSync(join(TL_DIST, 'css/icons'), join(dir, 'css/icons'), { recursive: true });
  cpSync(join(TL_DIST, 'css/fonts/font.georgia-helvetica.css'), join(dir, 'css/fonts/font.georgia-helvetica.css'));
  writeFileSync(join(dir, 'data.js'), `window.TIMELINE_DATA = ${JSON.stringify(toTimelineJs(data))};\n`);
  const options = `{
  script_path: location.origin + '/js/',
  font: 'georgia-helvetica',
  language: 'en',
  hash_bookmark: false,
  ga_measurement_id: null,
  soundcite: false
}`;
  writeFileSync(
    join(dir, 'index.html'),
    page(
      `TimelineJS3 ${VERSIONS.timelinejs}: ${data.events.length} events`,
      '<link rel="stylesheet" href="/css/timeline.css">\n<script src="/js/timeline.js"></script>',
      `<script src="/data.js"></script>\n<script>\nwindow.timeline = new TL.Timeline('timeline', window.TIMELINE_DATA, ${options});\n</script>`,
    ),
  );
}

// vis-timeline options: point items (a dot and a label, like our markers) and `stack: false`, so
// each family is one lane, as in our widget; vis's default stacking would give every overlapping
// item its own row (hundreds of rows per lane at 10,000 events). Everything else is the default:
// plain wheel zooms, drag pans, a click selects.
function writeVis(dir, data) {
  mkdirSync(dir, { recursive: true });
  cpSync(join(VIS_ROOT, 'standalone/umd/vis-timeline-graph2d.min.js'), join(dir, 'vis-timeline-graph2d.min.js'));
  cpSync(join(VIS_ROOT, 'styles/vis-timeline-graph2d.min.css'), join(dir, 'vis-timeline-graph2d.min.css'));
  writeFileSync(join(dir, 'data.js'), `window.TIMELINE_DATA = ${JSON.stringify(toVis(data))};\n`);
  writeFileSync(
    join(dir, 'index.html'),
    page(
      `vis-timeline ${VERSIONS.vis}: ${data.events.length} events`,
      '<link rel="stylesheet" href="/vis-timeline-graph2d.min.css">\n<script src="/vis-timeline-graph2d.min.js"></script>',
      `<script src="/data.js"></script>
<script>
var items = new vis.DataSet(window.TIMELINE_DATA.items);
var groups = new vis.DataSet(window.TIMELINE_DATA.groups);
window.timeline = new vis.Timeline(document.getElementById('timeline'), items, groups, { type: 'point', stack: false, height: '100%' });
</script>`,
    ),
  );
}

/**
 * Writes both peer sites for `dataFile` (our schema) into `outDir`/{timelinejs,vis}-{n}/ and
 * returns their folders.
 */
export function buildPeers(dataFile, n, outDir) {
  const data = JSON.parse(readFileSync(dataFile, 'utf8'));
  if (!Array.isArray(data.events) || data.events.length === 0) throw new Error(`${dataFile}: no events`);
  const dirs = { timelinejs: join(outDir, `timelinejs-${n}`), vis: join(outDir, `vis-${n}`) };
  for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
  writeTimelineJs(dirs.timelinejs, data);
  writeVis(dirs.vis, data);
  return { dirs, data };
}

/**
 * A bare reference page that does next to nothing, to show what the browser itself adds to the
 * figures (the routing of an input before any page code runs): one marker, which a click selects,
 * Ctrl+wheel scales and a drag moves, each by one attribute or style change. Written to
 * `outDir`/bare/; returns that folder.
 */
export function buildBare(outDir) {
  const dir = join(outDir, 'bare');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    page(
      'bare reference page',
      '<style>#timeline { position: relative; overflow: hidden; background: #eee; } .bare-marker { position: absolute; left: 100px; top: 100px; width: 12px; height: 12px; border-radius: 50%; background: #333; } .bare-marker.selected { outline: 2px solid #000; }</style>',
      `<script>
var frame = document.getElementById('timeline');
var marker = document.createElement('div');
marker.className = 'bare-marker';
frame.appendChild(marker);
var x = 0, scale = 1, from = null;
frame.addEventListener('click', function () { marker.classList.add('selected'); });
frame.addEventListener('wheel', function (e) {
  if (!e.ctrlKey) return;
  e.preventDefault();
  scale *= 1.1;
  marker.style.transform = 'translateX(' + x + 'px) scale(' + scale.toFixed(3) + ')';
}, { passive: false });
frame.addEventListener('pointerdown', function (e) { from = e.clientX; frame.setPointerCapture(e.pointerId); });
frame.addEventListener('pointermove', function (e) {
  if (from === null) return;
  x += e.clientX - from;
  from = e.clientX;
  marker.style.transform = 'translateX(' + x + 'px) scale(' + scale.toFixed(3) + ')';
});
frame.addEventListener('pointerup', function () { from = null; });
</script>`,
    ),
  );
  return dir;
}
