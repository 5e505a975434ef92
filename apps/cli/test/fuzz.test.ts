/**
 * Issue 18, item 6: documents made at random (with a fixed seed, so a failure is reproducible)
 * from every construct, damaged pictures, risky links and odd code points, converted to all three
 * formats by the command's own `convertFile`. Each must convert without an error, every XML part
 * of the DOCX and the XLSX must be well-formed to a strict XML parser, every picture embedded must
 * decode, every link must be one the link rule allows, and the PDF must be whole.
 * `FUZZ_SEED=n FUZZ_RUNS=m` explore further.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkRefusal } from '@wenshu/parser';
import { checkPicture } from '@wenshu/picture';
import { corruptPng, goodPng, jpegWithoutScan, truncatedPng } from '@wenshu/test-corpus/pictures';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { convertFile, type Settings } from '../src/lib/convert-file.js';
import { xmlErrors } from './xml-check.js';

const SEED = Number(process.env.FUZZ_SEED ?? 18);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/** mulberry32: a small, fast, seedable generator (public domain). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Odd code points; NUL only as a reference (`&#0;`): a file with NUL bytes is refused as binary, by design. */
const ODD = [
  '&#0;',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b[2J',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u200b',
  '\u200e',
  '\u202e',
  '\u2028',
  '\u3000',
  '\ufdd0',
  '\ufeff',
  '\ufffd',
  '\ufffe',
  '\uffff',
  '\u{1f600}',
  '\u{20000}',
  '\u{10ffff}',
  'e\u0301',
  '&#xFFFE;',
  '&#xD800;',
  '&#1;',
  '&#x1B;',
];
const WORDS = [
  '总体情况',
  '经济运行',
  '增长8.5%',
  'GDP',
  '“引号”',
  '（括号）',
  '——',
  '，',
  '。',
  '；',
  'm<sup>2</sup>',
  'PM<sub>2.5</sub>',
];
const LINKS = [
  'https://www.gov.cn/',
  'mailto:a@b.cn',
  'ms-msdt:/id x',
  'file:///etc/passwd',
  '\\\\host\\share',
  'javascript:x',
  '#节',
  'a.md',
];
const PICTURES = ['good.png', 'bad-rgba.png', 'bad-rgb.png', 'cut.png', 'noscan.jpg', 'missing.png', 'text.png'];

function documentFrom(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const phrase = () =>
    Array.from({ length: 1 + Math.floor(random() * 6) }, () => (random() < 0.3 ? pick(ODD) : pick(WORDS))).join('');
  const inline = () => {
    const r = random();
    if (r < 0.15) return `[${phrase()}](<${pick(LINKS)}>)`;
    if (r < 0.25) return `<a href="${pick(LINKS)}">${phrase()}</a>`;
    if (r < 0.35) return `![${phrase()}](${pick(PICTURES)})`;
    if (r < 0.4) return `![图](data:image/png;base64,${Buffer.from(corruptPng(6)).toString('base64')})`;
    if (r < 0.5) return `**${phrase()}**`;
    if (r < 0.55) return `\`${phrase()}\``;
    if (r < 0.6) return `${phrase()}[^${1 + Math.floor(random() * 3)}]`;
    return phrase();
  };
  const line = () => Array.from({ length: 1 + Math.floor(random() * 5) }, inline).join('');
  const blocks: string[] = [`# ${line()}`];
  const count = 5 + Math.floor(random() * 15);
  for (let i = 0; i < count; i++) {
    const r = random();
    if (r < 0.15) blocks.push(`${pick(['一、', '（一）', '1.', '（1）'])}${line()}`);
    else if (r < 0.25) blocks.push(`## ${line()}`);
    else if (r < 0.35) blocks.push(`- ${line()}\n- ${line()}\n  1. ${line()}`);
    else if (r < 0.45) blocks.push(`| ${line()} | 数 |\n|---|---:|\n| ${line()} | ${Math.floor(random() * 1000)} |`);
    else if (r < 0.5) blocks.push(`> ${line()}`);
    else if (r < 0.55) blocks.push(`\`\`\`\n${line()}\n\`\`\``);
    else if (r < 0.6)
      blocks.push(`<table><tr><td colspan="2">${line()}</td></tr><tr><td>${line()}</td><td>1</td></tr></table>`);
    else if (r < 0.65) blocks.push(`[^${1 + Math.floor(random() * 3)}]: ${line()}`);
    else blocks.push(line());
  }
  return `${blocks.join('\n\n')}\n`;
}

function decodeXml(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '',
  );
}

const settings: Settings = {
  theme: 'report',
  toc: true,
  sheetLang: 'zh',
  passes: {},
  sourceDateEpoch: 1_700_000_000,
  maxBytes: 10 * 1024 * 1024,
  allowOutside: false,
  zh: {},
  fonts: {},
  systemFonts: true,
  force: false,
};

describe(`fuzz (seed ${SEED}, ${RUNS} documents)`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'wenshu-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'good.png'), goodPng(16, 12, 6));
  writeFileSync(join(dir, 'bad-rgba.png'), corruptPng(6));
  writeFileSync(join(dir, 'bad-rgb.png'), corruptPng(2));
  writeFileSync(join(dir, 'cut.png'), truncatedPng());
  writeFileSync(join(dir, 'noscan.jpg'), jpegWithoutScan());
  writeFileSync(join(dir, 'text.png'), 'not a picture');
  const random = generator(SEED);
  const documents = Array.from({ length: RUNS }, () => documentFrom(random));

  it.each(documents.map((markdown, i) => [i, markdown] as const))(
    'document %i converts to well-formed DOCX and XLSX and a whole PDF',
    async (i, markdown) => {
      const input = join(dir, `f${i}.md`);
      writeFileSync(input, markdown);
      const targets = ['docx', 'pdf', 'xlsx'].map((format) => ({
        format,
        edition: 'cn' as const,
        path: join(dir, `f${i}.${format}`),
      }));
      const result = await convertFile({ index: i, name: `f${i}.md`, path: input, targets }, settings);
      expect(result.error, `seed ${SEED}, document ${i}`).toBeNull();
      expect(result.outputs).toEqual(targets.map((target) => target.path));
      for (const format of ['docx', 'xlsx']) {
        const parts = unzipSync(readFileSync(join(dir, `f${i}.${format}`)));
        for (const [name, bytes] of Object.entries(parts)) {
          if (/\.(xml|rels)$/.test(name)) expect(xmlErrors(strFromU8(bytes)), `${format} ${name}`).toEqual([]);
          // Every picture embedded decodes; every hyperlink is one the link rule allows.
          if (name.startsWith('word/media/')) expect(checkPicture(bytes).ok, name).toBe(true);
          if (name.endsWith('.rels')) {
            for (const [, target] of strFromU8(bytes).matchAll(/Target="([^"]*)" TargetMode="External"/g)) {
              expect(linkRefusal(decodeXml(target ?? '')), target).toBeUndefined();
            }
          }
        }
      }
      const raw = readFileSync(join(dir, `f${i}.pdf`)).toString('latin1');
      for (const [, uri] of raw.matchAll(/\/URI \(([^)]*)\)/g))
        expect(linkRefusal(decodeURI(uri ?? '')), uri).toBeUndefined();
      // pdfinfo reads the whole cross-reference table: a broken PDF is an error there.
      const info = execFileSync('pdfinfo', [join(dir, `f${i}.pdf`)], { encoding: 'utf8' });
      expect(info).toMatch(/^Pages:\s+[1-9]/m);
    },
    60_000,
  );
});
