/**
 * The page's settings beyond formats and editions, in a real browser (see browser.ts): the theme
 * editor (checked fields in the page's language, a preview, and a downloaded theme file that the
 * command reads and applies as the page did), the passes and the Traditional editions' vocabulary,
 * user dictionary and protected terms (the same outputs as the command's flags), and installed
 * fonts through the Local Font Access API (Chromium's own, with the `local-fonts` permission
 * granted: headless Chromium lists the machine's fontconfig faces).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReport, openSite, type Session } from './browser.js';

const repo = resolve(import.meta.dirname, '../../..');
const seed = join(repo, 'examples/report.md');
const EPOCH = 1_700_000_000;
const dec = new TextDecoder();

let session: Session;
let work: string;

/** The command on the example with these arguments: its output's bytes. */
function command(name: string, args: string[]): Uint8Array {
  const out = mkdtempSync(join(work, 'command-'));
  execFileSync(
    process.execPath,
    [join(repo, 'apps/cli/dist/cli.js'), 'convert', seed, '--out-dir', out, '-q', ...args],
    {
      env: { ...process.env, SOURCE_DATE_EPOCH: String(EPOCH) },
      stdio: 'pipe',
    },
  );
  return new Uint8Array(readFileSync(join(out, name)));
}

/** Converts what is open with the formats and editions given, and downloads the output named. */
async function convertInPage(name: string, formats: string[], editions: string[]): Promise<Uint8Array> {
  const { page } = session;
  for (const input of await page.$$('#formats input, #editions input')) await input.uncheck();
  for (const format of formats) await page.check(`#formats input[value=${format}]`);
  for (const edition of editions) await page.check(`#editions input[value=${edition}]`);
  await page.$eval('#status', (e) => delete (e as HTMLElement).dataset.elapsedMs);
  await page.click('#convert');
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#status')?.dataset.elapsedMs, null, {
    timeout: 90_000,
  });
  expect(
    await page.$eval('#message', (e) => (e as HTMLElement).hidden),
    (await page.textContent('#message')) ?? '',
  ).toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#outputs a[download="${name}"]`)]);
  return new Uint8Array(readFileSync(await download.path()));
}

/** Every part of two packages (DOCX, XLSX) the same, byte for byte. */
function expectSameParts(mine: Uint8Array, theirs: Uint8Array): void {
  const a = unzipSync(mine);
  const b = unzipSync(theirs);
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  for (const part of Object.keys(b)) expect(Buffer.compare(a[part] as Uint8Array, b[part] as Uint8Array), part).toBe(0);
}

const part = (bytes: Uint8Array, name: string) => dec.decode(unzipSync(bytes)[name]);
const errorFor = (path: string) => session.page.textContent(`[data-error-for="${path}"]`);

describe('the settings, in Chromium', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'wenshu-web-settings-'));
    session = await openSite(`?sourceDateEpoch=${EPOCH}`);
    await openReport(session.page, seed);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it('edits a theme, checks its fields in the page’s language, and downloads a theme file the command applies', async () => {
    const { page } = session;
    await page.click('#theme-editor summary');
    const top = '#theme-editor input[data-path="page.margin.topMm"]';
    // The preset's values fill the form.
    await page.waitForFunction((s) => document.querySelector<HTMLInputElement>(s)?.value === '25.4', top);
    expect(await page.inputValue('#theme-editor input[data-path="body.sizePt"]')).toBe('12');

    await page.fill(top, '-5');
    expect(await errorFor('page.margin.topMm')).toBe('应在 0 到 210 之间。');
    await page.selectOption('#lang', 'en');
    expect(await errorFor('page.margin.topMm')).toBe('Must be between 0 and 210.');
    await page.selectOption('#lang', 'zh-Hant');
    expect(await errorFor('page.margin.topMm')).toBe('應在 0 到 210 之間。');
    await page.selectOption('#lang', 'zh-Hans');
    // A wrong field stops conversion with a message, not a crash.
    await page.click('#convert');
    expect(await page.textContent('#message')).toBe('版式有误：请先改正标出的字段。');
    await page.fill('#theme-editor input[data-path="body.sizePt"]', '五号半');
    expect(await errorFor('body.sizePt')).toContain('三号');
    await page.fill('#theme-editor input[data-path="page.margin.leftMm"]', '100');
    await page.fill('#theme-editor input[data-path="page.margin.rightMm"]', '120');
    expect(await errorFor('page.margin.rightMm')).toBe('左右页边距之和应小于页宽 210 毫米。');

    await page.fill(top, '30');
    await page.fill('#theme-editor input[data-path="page.margin.leftMm"]', '28');
    await page.fill('#theme-editor input[data-path="page.margin.rightMm"]', '26');
    await page.fill('#theme-editor input[data-path="body.sizePt"]', '三号');
    await page.fill('#theme-editor input[data-path="fonts.song.eastAsia"]', '华文宋体');
    await page.fill('#theme-editor input[data-path="body.lineSpacing"]', '1.25');
    for (const path of ['page.margin.topMm', 'body.sizePt', 'page.margin.rightMm'])
      expect(await errorFor(path)).toBe('');
    await page.waitForFunction(
      () => document.querySelector('#theme-state')?.textContent === '版式已修改（转换时使用修改后的版式）。',
    );

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-theme')]);
    expect(download.suggestedFilename()).toBe('wenshu-theme.json');
    const themeFile = join(work, 'theme.json');
    writeFileSync(themeFile, readFileSync(await download.path()));
    expect(JSON.parse(readFileSync(themeFile, 'utf8'))).toEqual({
      extends: 'report',
      page: { margin: { topMm: 30, leftMm: 28, rightMm: 26 } },
      fonts: { song: { eastAsia: '华文宋体' } },
      body: { sizePt: '三号', lineSpacing: { multiple: 1.25 } },
    });

    // The command reads the file: 30 mm is 1701 twips, 三号 16 pt is 32 half-points.
    const theirs = command('report.docx', ['--to', 'docx', '--theme', themeFile]);
    expect(part(theirs, 'word/document.xml')).toMatch(/<w:pgMar [^>]*w:top="1701"/);
    expect(part(theirs, 'word/styles.xml')).toContain('w:eastAsia="华文宋体"');
    expect(part(theirs, 'word/styles.xml')).toMatch(/<w:docDefaults>.*<w:sz w:val="32"\/>.*<\/w:docDefaults>/);
    // And the page converted with the same theme: the same document.
    expectSameParts(await convertInPage('report.docx', ['docx'], ['cn']), theirs);
  }, 180_000);

  it('previews the edited theme as a PDF, and goes back to the preset', async () => {
    const { page } = session;
    await page.click('#preview-theme');
    await page.waitForSelector('#preview:not([hidden])', { timeout: 90_000 });
    expect(await page.getAttribute('#preview', 'src')).toMatch(/^blob:/);
    await page.click('#reset-theme');
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>('#theme-editor input[data-path="page.margin.topMm"]')?.value ===
        '25.4',
    );
    expect(await page.textContent('#theme-state')).toBe('');
    // gov: an exact line pitch (its grid's), and 28 characters a line.
    await page.selectOption('#theme', 'gov');
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>('#theme-editor input[data-path="page.grid.charsPerLine"]')?.value ===
        '28',
    );
    expect(await page.textContent('#line-spacing-label')).toBe('行距（固定值，磅）');
    expect(await page.inputValue('#theme-editor input[data-path="body.lineSpacing"]')).toBe('28.95');
    await page.selectOption('#theme', 'report');
    await page.waitForFunction(() => document.querySelector('#line-spacing-label')?.textContent === '行距（倍）');
  }, 120_000);

  it('switches passes off and sets the Taiwan vocabulary, a user dictionary and protected terms, as the command’s flags do', async () => {
    const { page } = session;
    const kinds = () => page.$$eval('#findings li', (items) => items.map((item) => item.textContent ?? ''));
    // The check of the open text (again after the theme's changes above) lists the page-marker repairs.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#findings li')].some((item) => item.textContent?.includes('page-marker')),
    );
    await page.uncheck('#passes input[value=pageMarkers]');
    await page.uncheck('#passes input[value=brokenParagraphs]');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#findings li')].every((item) => !item.textContent?.includes('page-marker')),
    );
    expect((await kinds()).some((text) => text.includes('broken-paragraph'))).toBe(false);
    await page.selectOption('#zh-vocabulary', 'it');
    await page.fill('#zh-dict', '# 市名\n青禾市\t青禾城\n');
    await page.fill('#zh-protect', '生态环境\n');
    const mine = await convertInPage('report.twp.docx', ['docx'], ['twp']);

    const dictionary = join(work, 'dict.txt');
    const protect = join(work, 'protect.txt');
    writeFileSync(dictionary, '# 市名\n青禾市\t青禾城\n');
    writeFileSync(protect, '生态环境\n');
    const flags = ['--no-page-markers', '--no-broken-paragraphs', '--zh-vocabulary', 'it'];
    const theirs = command('report.twp.docx', [
      ...flags,
      '--zh-dict',
      dictionary,
      '--zh-protect',
      protect,
      '--zh',
      'twp',
    ]);
    const text = part(theirs, 'word/document.xml');
    expect(text).toContain('青禾城');
    expect(text).toContain('生态环境');
    expect(text).toContain('上接3版');
    expectSameParts(mine, theirs);

    // A bad dictionary line is a message naming it.
    await page.fill('#zh-dict', '青禾市 青禾城\n');
    await page.click('#convert');
    await page.waitForSelector('#message:not([hidden])', { timeout: 60_000 });
    expect(await page.textContent('#message')).toContain('expected "简体<TAB>繁體"');
    await page.fill('#zh-dict', '');
    for (const name of ['pageMarkers', 'brokenParagraphs']) await page.check(`#passes input[value=${name}]`);
    await page.selectOption('#zh-vocabulary', 'auto');
    await page.fill('#zh-protect', '');
  }, 120_000);

  it('speaks of the passes and vocabulary in Traditional Chinese and English', async () => {
    const { page } = session;
    await page.selectOption('#lang', 'zh-Hant');
    expect(await page.textContent('#passes legend')).toBe('修復步驟');
    expect(await page.textContent('#zh-vocabulary option[value=it]')).toBe('資訊用語（物件、檔案、程式）');
    await page.selectOption('#lang', 'en');
    expect(await page.textContent('#passes legend')).toBe('Repairs');
    expect(await page.textContent('#theme-editor summary')).toBe('Edit the layout');
    await page.selectOption('#lang', 'zh-Hans');
    expect(await page.textContent('#passes legend')).toBe('修复步骤');
  });

  it('sets the PDF in an installed font, read through the Local Font Access API', async () => {
    const { page, context } = session;
    await context.grantPermissions(['local-fonts'], { origin: session.origin });
    await page.selectOption('#font-role', 'hei');
    await page.click('#local-fonts-button');
    await page.waitForSelector('#local-font-pick:not([hidden])');
    // On this machine the 黑 role's first choice installed is Noto Sans CJK SC (fontconfig's).
    expect(await page.inputValue('#local-font')).toBe('NotoSansCJKsc-Regular');
    await page.click('#use-local-font');
    await page.waitForFunction(() =>
      document.querySelector('#user-fonts li')?.textContent?.includes('hei: Noto Sans CJK SC'),
    );
    const pdf = join(work, 'local.pdf');
    writeFileSync(pdf, await convertInPage('report.pdf', ['pdf'], ['cn']));
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toContain('NotoSansCJKsc-Regular');
    await page.click('#user-fonts li button');
    await page.waitForFunction(() => document.querySelectorAll('#user-fonts li').length === 0);
  }, 120_000);

  it('says so where the browser cannot list installed fonts, and keeps the file picker', async () => {
    const other = await session.context.newPage();
    try {
      // A browser without the API (Firefox, Safari): the method removed before the page's script runs.
      await other.addInitScript(() => {
        delete (Window.prototype as { queryLocalFonts?: unknown }).queryLocalFonts;
        delete (window as { queryLocalFonts?: unknown }).queryLocalFonts;
      });
      await other.goto(`${session.origin}/?lang=en`);
      expect(await other.isHidden('#local-fonts-button')).toBe(true);
      expect(await other.textContent('#local-fonts-note')).toBe(
        'This browser cannot read installed fonts (Chrome and Edge can): pick a font file.',
      );
      expect(await other.isHidden('#font-file')).toBe(true);
      expect(await other.textContent('label:has(#font-file)')).toBe('Pick a font file…');
    } finally {
      await other.close();
    }
  });
});
