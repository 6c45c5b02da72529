// The month's report in a real browser (issue 22): the demo month's file (--lang zh) opened in
// headless Chromium from disk, as from an e-mail attachment. No console error, no request but
// the file itself, every chart an SVG drawn at the page's width, nothing wider than its page
// (the English day's and month's files too), the Chinese title drawn with a Chinese font (not
// tofu), and printed on A4 one sheet per page of the report. Skipped, with the
// reason printed, where there is no chromium (.ci/run installs Debian's `chromium`), and the
// title's check where fontconfig has no Chinese font (.ci/run installs fonts-noto-cjk).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hotline, tempDir } from '../helpers/cli.js';
import { Browser, chineseFonts, findChromium, pdfPageCount, type Page } from '../helpers/chromium.js';
import { demoDatabase } from './support.js';

const CHROMIUM = findChromium();
const FONTS = chineseFonts();
if (!CHROMIUM) console.log('report-browser.test.ts skipped: no `chromium` on PATH (Debian: apt-get install chromium; .ci/run installs it)');
else if (FONTS.length === 0) console.log('report-browser.test.ts: the Chinese title check is skipped: fontconfig lists no font for Chinese (fc-list :lang=zh; Debian: apt-get install fonts-noto-cjk)');

/** The charts of each section of the month's report (report-month-pages.ts). */
const CHARTS = { service: 3, demand: 2, operators: 3, complaints: 2, definitions: 0 };
/** Its pages: service 2, demand 1, operators 2, complaints 1, definitions 1. */
const PAGES = 7;

let dir: string;
let cleanup: () => void;
let browser: Browser;
let page: Page;
let url: string;

describe.skipIf(!CHROMIUM)('the month report in headless Chromium', () => {
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('hotline-e2e-report-browser-'));
    await demoDatabase(dir, 'demo.db');
    expect(hotline(['--db', 'demo.db', 'report', 'month', '--month', '2026-10', '--lang', 'zh', '--out', '月报-2026-10.html'], { cwd: dir })).toMatchObject({ status: 0, stdout: '', stderr: '' });
    url = pathToFileURL(join(dir, '月报-2026-10.html')).href;
    browser = Browser.launch(CHROMIUM as string);
    page = await browser.open(url, 900, 1200);
  });
  afterAll(async () => {
    await browser?.close();
    cleanup?.();
  });

  test('no console error, and no request but the file itself', () => {
    expect(page.record.errors).toEqual([]);
    expect(page.record.requests).toEqual([url]);
  });

  test("every section's charts are SVG drawn at the page's width, in proportion", async () => {
    const charts = await page.evaluate<{ section: string; width: number; height: number; content: number; ratio: number }[]>(`
      [...document.querySelectorAll('section.page figure svg')].map((svg) => {
        const page = svg.closest('section.page');
        const box = svg.getBoundingClientRect();
        const style = getComputedStyle(page);
        const [, , w, h] = svg.getAttribute('viewBox').split(' ').map(Number);
        return { section: page.dataset.section, width: box.width, height: box.height,
          content: page.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight), ratio: h / w };
      })`);
    const perSection = Object.fromEntries(Object.keys(CHARTS).map((s) => [s, charts.filter((c) => c.section === s).length]));
    expect(perSection).toEqual(CHARTS);
    for (const c of charts) {
      expect(c.width).toBeCloseTo(Math.min(720, c.content), 0);
      expect(c.height).toBeCloseTo(c.width * c.ratio, 0);
      expect(c.height).toBeGreaterThan(150);
    }
  });

  test('nothing is wider than its page: the tables and charts of the month and the day, in Chinese and in English', async () => {
    expect(hotline(['--db', 'demo.db', 'report', 'month', '--month', '2026-10', '--out', 'month-en.html'], { cwd: dir }).status).toBe(0);
    expect(hotline(['--db', 'demo.db', 'report', 'day', '--date', '2026-10-12', '--out', 'day-en.html'], { cwd: dir }).status).toBe(0);
    const others = [await browser.open(pathToFileURL(join(dir, 'month-en.html')).href, 900, 1200), await browser.open(pathToFileURL(join(dir, 'day-en.html')).href, 900, 1200)];
    for (const p of [page, ...others]) {
      const wide = await p.evaluate<string[]>(`[...document.querySelectorAll('section.page table, section.page figure, section.page .facts, section.page pre')].flatMap((e) => {
        const page = e.closest('section.page'), style = getComputedStyle(page);
        const right = page.getBoundingClientRect().right - parseFloat(style.paddingRight);
        return e.getBoundingClientRect().right > right + 0.5 || e.scrollWidth > e.clientWidth + 1 ? [page.dataset.section + ' ' + e.tagName + ' ' + Math.round(e.getBoundingClientRect().right - right)] : [];
      })`);
      expect(wide).toEqual([]);
      expect(p.record.errors).toEqual([]);
    }
  });

  test.skipIf(FONTS.length === 0)('the Chinese title is drawn with a Chinese font, not as tofu', async () => {
    // The same font, as many characters: Han characters are one em wide in a Chinese font, and
    // 1.56 times the bold Latin n here (Noto Sans CJK SC); without a Chinese font they are drawn
    // as boxes 0.84 times as wide as the n (DejaVu Sans Bold).
    const m = await page.evaluate<{ text: string; han: number; latin: number; size: number }>(`(() => {
      const title = document.querySelector('#title');
      const text = [...title.textContent].filter((c) => /\\p{Script=Han}/u.test(c)).join('');
      const width = (s) => { const span = document.createElement('span'); span.textContent = s; title.append(span);
        const w = span.getBoundingClientRect().width; span.remove(); return w; };
      return { text, han: width(text), latin: width('n'.repeat(text.length)), size: parseFloat(getComputedStyle(title).fontSize) };
    })()`);
    expect(m.text).toBe('客服热线月报');
    const fonts = await page.fontsOf('#title');
    expect(m.han / m.latin, `title drawn with ${JSON.stringify(fonts)}`).toBeGreaterThan(1.3);
    expect(m.han / (m.text.length * m.size), `title drawn with ${JSON.stringify(fonts)}`).toBeCloseTo(1, 1);
  });

  test('a screenshot of the whole page, and a PDF of one A4 sheet per page of the report', async () => {
    const png = await page.screenshot();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(900); // IHDR width
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    expect(png.readUInt32BE(20)).toBe(height);
    expect(await page.evaluate<number>("document.querySelectorAll('section.page').length")).toBe(PAGES);
    const pdf = await page.pdf();
    expect(pdfPageCount(pdf)).toBe(PAGES);
    // Every sheet A4: 210 × 297 mm = 595.3 × 841.9 pt.
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((b) => [Math.round(Number(b[1])), Math.round(Number(b[2]))]);
    expect(boxes).toEqual(Array.from({ length: PAGES }, () => [595, 842]));
    expect(readFileSync(join(dir, '月报-2026-10.html'), 'utf8')).toContain('<h1 id="title">客服热线月报 2026-10</h1>');
  });
});
