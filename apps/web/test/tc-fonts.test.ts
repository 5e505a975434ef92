/**
 * The bundled Traditional faces on the web page (a browser of its own, a fresh profile): a
 * Simplified PDF fetches the SC faces only, never the TC ones (40 MB a Simplified-only user does
 * not need); the first Taiwan edition fetches the TC faces, is set in them, and has the faces and
 * text of the command's PDF (`--no-system-fonts`, the same SOURCE_DATE_EPOCH).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReport, openSite, type Session } from './browser.js';

const repo = resolve(import.meta.dirname, '../../..');
const seed = join(repo, 'examples/report.md');
const EPOCH = 1_700_000_000;

let session: Session;
const fontRequests = (script: 'SC' | 'TC') =>
  session.requests.filter((url) => new RegExp(`/fonts/Noto(Serif|Sans)${script}_`).test(url));

async function pdfOf(name: string): Promise<Uint8Array> {
  const { page } = session;
  const link = await page.waitForSelector(`#outputs a[download="${name}"]`, { timeout: 90_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return new Uint8Array(readFileSync(await download.path()));
}

describe('the bundled TC faces on the web page', () => {
  beforeAll(async () => {
    session = await openSite(`?sourceDateEpoch=${EPOCH}`);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it('are not fetched for a Simplified PDF', async () => {
    const { page } = session;
    await openReport(page, seed);
    await page.uncheck('#formats input[value=docx]');
    await page.check('#formats input[value=pdf]');
    await page.click('#convert');
    const pdf = await pdfOf('report.pdf');
    expect(pdf.length).toBeGreaterThan(0);
    expect(fontRequests('SC').length).toBeGreaterThan(0);
    expect(fontRequests('TC')).toEqual([]);
  }, 120_000);

  it('are fetched for the first Taiwan edition, which is set in them as the command sets it', async () => {
    const { page } = session;
    await page.check('#editions input[value=tw]');
    await page.click('#convert');
    const mine = await pdfOf('report.tw.pdf');
    expect(fontRequests('TC').some((url) => url.endsWith('/fonts/NotoSerifTC_400Regular.ttf'))).toBe(true);

    const out = mkdtempSync(join(tmpdir(), 'wenshu-web-tc-'));
    execFileSync(
      process.execPath,
      [
        join(repo, 'apps/cli/dist/cli.js'),
        'convert',
        seed,
        '--to',
        'pdf',
        '--editions',
        'tw',
        '--no-system-fonts',
        '--out-dir',
        out,
        '-q',
      ],
      { env: { ...process.env, SOURCE_DATE_EPOCH: String(EPOCH) }, stdio: 'pipe' },
    );
    const file = join(out, 'report.tw.pdf');
    const fromPage = join(out, 'page.tw.pdf');
    writeFileSync(fromPage, mine);
    const fonts = (pdf: string) => execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts(file)).toMatch(/NotoSerifTC-Regular/);
    expect(fonts(file)).not.toMatch(/NotoSerifSC/);
    // The same faces, subsets and text. (Not the same bytes: the page's pdfkit deflates with a
    // JavaScript zlib, the command's with Node's; the streams inflate to the same content.)
    expect(fonts(fromPage)).toBe(fonts(file));
    const text = (pdf: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text(fromPage)).toBe(text(file));
  }, 120_000);
});
