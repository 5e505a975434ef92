import { describe, expect, it } from 'vitest';
import { documentFrame, parse } from '../src/index.js';

describe('documentFrame: the 版头 and 版记 from front matter', () => {
  it('reads the keys, lists the signers and adds 印发 to the date', () => {
    const doc = parse(
      [
        '---',
        'copyNumber: 000123',
        'issuer: 青山市文化和旅游局文件',
        'docNumber: 青文旅发〔2025〕7号',
        'signer: [王某某, 李某某]',
        'printedBy: 青山市文化和旅游局办公室',
        'printedDate: 2025年3月18日',
        'title: 不是版头',
        '---',
        '',
        '正文。',
      ].join('\n'),
    );
    expect(documentFrame(doc)).toEqual({
      // YAML reads 000123 as the number 123: quote it to keep the zeros.
      copyNumber: '123',
      issuer: '青山市文化和旅游局文件',
      docNumber: '青文旅发〔2025〕7号',
      signers: ['王某某', '李某某'],
      printedBy: '青山市文化和旅游局办公室',
      printedDate: '2025年3月18日印发',
    });
  });

  it('is undefined without front matter or without any of its keys', () => {
    expect(documentFrame(parse('正文。'))).toBeUndefined();
    expect(documentFrame(parse('---\ntitle: 报告\n---\n\n正文。'))).toBeUndefined();
  });
});
