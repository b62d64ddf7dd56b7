// The timeline as an image to take away: the toolbar's SVG and PNG downloads, in both languages,
// light and dark, at the width shown, by pointer and by keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { ready, setup, watchedPage } from './harness.mjs';

const DATA = JSON.parse(readFileSync(new URL('../../data/chronicle.json', import.meta.url)));

const env = setup();

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** What each language's image and buttons say. */
const WORDS = {
  zh: {
    path: '/',
    group: '下载图片',
    svg: '下载 SVG 图片',
    png: '下载 PNG 图片',
    legend: ['开放权重', '实线：有文献记载的传承', '虚线：推断的传承'],
    lineage: '粗线：所选事件的谱系',
    asOf: (d) => `数据截至 ${d.slice(0, 4)} 年 ${Number(d.slice(5, 7))} 月 ${Number(d.slice(8, 10))} 日`,
    sources: '来源：',
  },
  en: {
    path: '/en/',
    group: 'Download image',
    svg: 'Download SVG image',
    png: 'Download PNG image',
    legend: ['open weights', 'solid line: documented lineage', 'dashed line: inferred lineage'],
    lineage: "thick line: the selected event's lineage",
    asOf: (d) => `Data as of ${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`,
    sources: 'Sources: ',
  },
};

const xml = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Clicks `button` (or presses Enter on it, `byKey`) and returns the file it downloads. */
async function download(page, button, byKey = false) {
  const click = byKey ? button.focus().then(() => page.keyboard.press('Enter')) : button.click();
  const [file] = await Promise.all([page.waitForEvent('download'), click]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** The width and height of a PNG, from its IHDR chunk, and how many distinct byte values its pixel data has. */
function png(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR', 'the first chunk is IHDR');
  const idat = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const pixels = inflateSync(Buffer.concat(idat));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), values: new Set(pixels).size };
}

/** The root element's attributes of an SVG document, parsed by the browser (null if it is not well-formed). */
function parse(page, svg) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    if (doc.querySelector('parsererror')) return null;
    const root = doc.documentElement;
    return { tag: root.localName, width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')), text: root.textContent };
  }, svg);
}

for (const lang of ['zh', 'en']) {
  test(`${lang}: the SVG and the PNG are the timeline as shown, with title, legend, date and sources`, async () => {
    const w = WORDS[lang];
    const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${env.server.url}${w.path}`);
    await ready(page);
    // Selected, so the image also shows a lineage, and says so in its legend.
    await page.locator('[data-event-id="gpt-3"]').first().click();
    await page.locator('.llmc-detail').waitFor();
    const group = page.getByRole('group', { name: w.group });
    const shown = await page.locator('.llmc-timeline').evaluate((el) => el.clientWidth);

    const svgFile = await download(page, group.getByRole('button', { name: w.svg }));
    assert.match(svgFile.name, /^llm-chronicle-timeline-\d{4}-\d{4}\.svg$/);
    const svg = svgFile.bytes.toString('utf8');
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), svg.slice(0, 80));
    const doc = await parse(page, svg);
    assert.ok(doc, 'the browser reads it as well-formed SVG');
    assert.equal(doc.width, shown, 'at the width shown');
    assert.ok(svg.includes(`<title>${xml(DATA.title[lang])}</title>`), 'the title');
    for (const text of [...w.legend, w.lineage, w.asOf(DATA.as_of), w.sources, DATA.credits[0].title[lang]]) {
      assert.ok(doc.text.includes(text), `${JSON.stringify(text)} is in the image`);
    }
    assert.ok(!svg.includes('class='), 'no dependence on the page stylesheet');
    assert.ok(svg.includes('fill="#ffffff"'), 'light, as the page is');

    const pngFile = await download(page, group.getByRole('button', { name: w.png }));
    assert.equal(pngFile.name, svgFile.name.replace(/\.svg$/, '.png'));
    const image = png(pngFile.bytes);
    // The page's pixel ratio is 1, and a PNG is made at least at 2×.
    assert.deepEqual([image.width, image.height], [doc.width * 2, doc.height * 2]);
    assert.ok(image.values > 40, `the PNG has something drawn in it (${image.values} byte values)`);
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.foreign, []);
    await context.close();
  });
}

test('dark pages give dark images; the keyboard downloads too; the PNG follows the pixel ratio', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, {
    viewport: { width: 1024, height: 800 },
    colorScheme: 'dark',
    deviceScaleFactor: 3,
  });
  await page.goto(`${env.server.url}/en/`);
  await ready(page);
  const group = page.getByRole('group', { name: WORDS.en.group });
  const svg = (await download(page, group.getByRole('button', { name: WORDS.en.svg }), true)).bytes.toString('utf8');
  assert.ok(svg.includes('fill="#0d1117"'), 'a dark background');
  assert.ok(!svg.includes(WORDS.en.lineage), 'nothing selected, no lineage in the legend');
  const doc = await parse(page, svg);
  assert.equal(doc.width, await page.locator('.llmc-timeline').evaluate((el) => el.clientWidth));
  const image = png((await download(page, group.getByRole('button', { name: WORDS.en.png }), true)).bytes);
  assert.deepEqual([image.width, image.height], [doc.width * 3, doc.height * 3]);
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('on a phone the image is the wide timeline at its least width', async () => {
  const { page, problems, context } = await watchedPage(env.browser, env.server.url, { viewport: { width: 375, height: 800 } });
  await page.goto(`${env.server.url}/en/`);
  await ready(page);
  const group = page.getByRole('group', { name: WORDS.en.group });
  const doc = await parse(page, (await download(page, group.getByRole('button', { name: WORDS.en.svg }))).bytes.toString('utf8'));
  assert.equal(doc.width, 600);
  assert.ok(doc.text.includes(DATA.title.en));
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('the trend chart downloads as an SVG and a PNG with its frame, in both languages', async () => {
  for (const [lang, heading, best] of [
    ['en', 'Open versus closed over time', 'best open so far'],
    ['zh', '开放与闭源：历年走势', '开放模型最高分'],
  ]) {
    const w = WORDS[lang];
    const { page, problems, context } = await watchedPage(env.browser, env.server.url, { acceptDownloads: true });
    await page.goto(`${env.server.url}${w.path}`);
    await ready(page);
    const section = page.getByRole('region', { name: heading });
    const chart = lang === 'en'
      ? { group: 'Download the chart', svg: 'Download the chart as SVG', png: 'Download the chart as PNG' }
      : { group: '下载图表', svg: '以 SVG 格式下载图表', png: '以 PNG 格式下载图表' };
    const group = section.getByRole('group', { name: chart.group });
    const svg = await download(page, group.getByRole('button', { name: chart.svg }));
    assert.equal(svg.name, 'llm-chronicle-open-versus-closed.svg');
    const text = svg.bytes.toString('utf8');
    for (const words of [xml(DATA.title[lang]), xml(heading), xml(best), w.asOf(DATA.as_of), w.sources]) {
      assert.ok(text.includes(words), `${lang}: the image says ${words}`);
    }
    const shown = await section.locator('svg.llmc-trend-svg').evaluate((el) => el.getBoundingClientRect().width);
    assert.match(text, new RegExp(`<svg[^>]* width="${Math.round(shown)}(\\.0)?"`), 'the width shown');
    const image = png((await download(page, group.getByRole('button', { name: chart.png }), true)).bytes);
    assert.equal(image.width % Math.round(shown), 0, `${image.width} is a multiple of ${shown}`);
    assert.ok(image.values > 2, 'not blank');
    assert.deepEqual(problems.console, []);
    await context.close();
  }
});
