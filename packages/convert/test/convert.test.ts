import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { convert as coreConvert, InputError, outputName, targetsOf } from '../src/index.js';
import { convert, convertFile } from '../src/node.js';

const example = resolve(import.meta.dirname, '../../../examples/report.md');
const epoch = 1_700_000_000;
const part = (bytes: Uint8Array, name: string) => strFromU8(unzipSync(bytes)[name] as Uint8Array);

/** A 1 × 1 PNG. */
const png = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
  0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49,
  0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d,
  0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

// Conversions load OpenCC and the exporters on first use: seconds on a loaded machine.
describe('convert', { timeout: 60_000 }, () => {
  it('writes every format in every edition, editions first, named after the input', async () => {
    const result = await coreConvert('# 报告\n\n一、总体情况\n\n1.软件升级。全年完成。\n', {
      fileName: 'dir/week.md',
      to: ['docx', 'xlsx'],
      zh: ['cn', 'twp'],
      sourceDateEpoch: epoch,
    });
    expect(result.outputs.map((o) => o.name)).toEqual(['week.docx', 'week.xlsx', 'week.twp.docx', 'week.twp.xlsx']);
    expect(part(result.outputs[0]?.bytes as Uint8Array, 'word/document.xml')).toContain('软件升级');
    expect(part(result.outputs[2]?.bytes as Uint8Array, 'word/document.xml')).toContain('軟體升級');
    // The Taiwan phrase edition says which vocabulary it took: a warning with a code, like every other.
    expect(result.warnings.map((w) => w.code)).toEqual(['zh-edition']);
    expect(result.document.children[0]?.type).toBe('heading');
  });

  it('bytes and text give the same outputs; the same date gives the same bytes', async () => {
    const text = readFileSync(example, 'utf8');
    const options = { fileName: 'report.md', to: 'xlsx', sourceDateEpoch: epoch } as const;
    const fromText = await coreConvert(text, options);
    const fromBytes = await coreConvert(new TextEncoder().encode(text.replace(/\n/g, '\r\n')), options);
    expect(fromBytes.outputs[0]?.bytes).toEqual(fromText.outputs[0]?.bytes);
  });

  it('the theme decides the punctuation pass unless the passes say', async () => {
    const text = '# 题\n\n上海,北京;广州(南方)。\n';
    const body = async (options: Parameters<typeof coreConvert>[1]) =>
      part(
        (await coreConvert(text, { sourceDateEpoch: epoch, ...options })).outputs[0]?.bytes as Uint8Array,
        'word/document.xml',
      );
    expect(await body({ theme: 'report' })).toContain('上海,北京');
    expect(await body({ theme: 'gov' })).toContain('上海，北京；广州（南方）');
    expect(await body({ theme: 'gov', passes: { punctuation: false } })).toContain('上海,北京');
  });

  it('a .txt name is read as plain text, without Markdown marks', async () => {
    const text = '工作报告\n\n一、**总体**情况\n\n正文。\n';
    const plain = await coreConvert(text, { fileName: 'a.txt', sourceDateEpoch: epoch });
    expect(part(plain.outputs[0]?.bytes as Uint8Array, 'word/document.xml')).toContain('**总体**');
  });

  it('bad input is an InputError naming it', async () => {
    await expect(coreConvert('  \n', { fileName: 'blank.md' })).rejects.toThrow(
      new InputError('blank.md', 'is empty: there is no text to convert'),
    );
    await expect(coreConvert(png, { fileName: 'photo.md' })).rejects.toBeInstanceOf(InputError);
    await expect(coreConvert('# 题\n', { to: 'doc' as never })).rejects.toThrow('unknown format doc');
  });

  it('pictures: none read by the core without a loader; the loader’s bytes otherwise', async () => {
    const text = '# 题\n\n![图](a.png)\n';
    const none = await coreConvert(text, { sourceDateEpoch: epoch });
    expect(none.warnings.map((w) => [w.code, w.line])).toEqual([['image-missing', 3]]);
    expect(part(none.outputs[0]?.bytes as Uint8Array, 'word/document.xml')).toContain('[图片：图]');
    const asked: string[] = [];
    const given = await coreConvert(text, {
      sourceDateEpoch: epoch,
      loadPicture: async (url) => {
        asked.push(url);
        return { ok: true, bytes: png };
      },
    });
    expect(given.warnings).toEqual([]);
    expect(Object.keys(unzipSync(given.outputs[0]?.bytes as Uint8Array)).some((n) => n.startsWith('word/media/'))).toBe(
      true,
    );
    // Once to vet it, once by the exporter.
    expect(asked).toEqual(['a.png', 'a.png']);
  });

  it('on Node: pictures from the input’s folder, never from outside it; a theme file; convertFile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenshu-convert-'));
    writeFileSync(join(dir, 'in.png'), png);
    writeFileSync(join(dir, 'theme.json'), JSON.stringify({ extends: 'gov', body: { sizePt: '小三' } }));
    const report = join(dir, 'r.md');
    writeFileSync(report, '# 题\n\n![里](in.png)\n\n![外](../../etc/passwd)\n');
    const result = await convertFile(report, { theme: join(dir, 'theme.json'), sourceDateEpoch: epoch });
    expect(result.warnings.map((w) => [w.code, w.line])).toEqual([['image-outside', 5]]);
    const files = unzipSync(result.outputs[0]?.bytes as Uint8Array);
    expect(Object.keys(files).filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
    // 小三 is 15 pt: 30 half-points in the body style.
    expect(strFromU8(files['word/styles.xml'] as Uint8Array)).toContain('w:val="30"');
    const same = await convert(readFileSync(report), {
      fileName: report,
      baseDir: dir,
      theme: join(dir, 'theme.json'),
      sourceDateEpoch: epoch,
    });
    expect(same.outputs[0]?.bytes).toEqual(result.outputs[0]?.bytes);
  });

  it('each output is handed over as soon as it is rendered, with its stage named before', async () => {
    const events: string[] = [];
    await coreConvert('# 题\n\n正文。\n', {
      to: ['docx', 'xlsx'],
      zh: ['cn', 'tw'],
      onStage: (stage) => events.push(stage),
      onOutput: (output) => events.push(`→ ${output.name}`),
    });
    expect(events).toEqual([
      'parsing and repairing the report',
      'checking its pictures',
      'rendering the DOCX',
      '→ report.docx',
      'rendering the XLSX',
      '→ report.xlsx',
      'making the tw edition',
      'rendering the DOCX',
      '→ report.tw.docx',
      'rendering the XLSX',
      '→ report.tw.xlsx',
    ]);
  });

  it('names and targets', () => {
    expect(outputName('a/b/周报.final.md', { format: 'pdf', edition: 'hk' })).toBe('周报.final.hk.pdf');
    expect(outputName('.hidden', { format: 'pdf', edition: 'cn' })).toBe('.hidden.pdf');
    expect(targetsOf({})).toEqual([{ format: 'docx', edition: 'cn' }]);
    expect(targetsOf({ to: 'pdf', zh: 'tw' })).toEqual([{ format: 'pdf', edition: 'tw' }]);
  });
});
