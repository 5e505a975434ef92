import type { Document } from '@wenshu/parser';
import { parse, structure, toText } from '@wenshu/parser';
import { describe, expect, it } from 'vitest';
import {
  CODE_MINIMUM,
  COMPUTING_EVIDENCE,
  COMPUTING_WORDS,
  chooseVocabulary,
  convertText,
  decideEdition,
  EVERY_SUBJECT_WORDS,
  toTraditional,
} from '../src/index.js';
import { openccConfig, openccConverter } from '../src/lib/opencc-data.js';
import { describeCorpus, listCorpus, readCorpus } from './corpus.js';

const opencc = openccConverter('cn', 'twp');
const twPhrases = new Map(
  String(openccConfig('s2twp').conversionChain[1]?.[0] ?? '')
    .split('|')
    .map((line) => line.split(' ') as [string, string]),
);

/** The Markdown `source` as a document, as the command line reads it. */
function documentOf(source: string): Document {
  return structure(parse(source)).document;
}

describe('issue 14: the Taiwan edition of a government text', () => {
  const sentence = '优抚对象和救助保障对象要精简文件和会议，优化程序，推进项目建设。';

  it('keeps 對象, 文件, 程序, 項目, 優化 as a Taiwan editor writes them', () => {
    expect(convertText(sentence, { variant: 'twp' })).toBe(
      '優撫對象和救助保障對象要精簡文件和會議，優化程序，推進項目建設。',
    );
  });

  it('gives OpenCC’s computing words when forced to `it` (what OpenCC itself does)', () => {
    expect(convertText(sentence, { variant: 'twp', vocabulary: 'it' })).toBe(opencc(sentence));
    expect(opencc(sentence)).toBe('優撫物件和救助保障物件要精簡檔案和會議，最佳化程式，推進專案建設。');
  });

  it('keeps legal procedure and documents: 法定程序, 证明文件, 统一社会信用代码, 循环经济', () => {
    const cases: [string, string][] = [
      ['依照法定程序', '依照法定程序'],
      ['伪造证明文件', '偽造證明文件'],
      ['统一社会信用代码', '統一社會信用代碼'],
      ['发展循环经济', '發展循環經濟'],
      ['各类型企业', '各類型企業'],
      ['城乡社区', '城鄉社區'],
    ];
    for (const [text, expected] of cases) {
      expect(convertText(text, { variant: 'twp' }), text).toBe(expected);
      expect(opencc(text), `OpenCC still gets ${text} wrong`).not.toBe(expected);
    }
  });

  it('still converts the words whose Taiwan form differs in every subject', () => {
    const cases: [string, string][] = [
      ['软件和硬件', '軟體和硬體'],
      ['鼠标', '滑鼠'],
      ['出租车', '計程車'],
      ['网络', '網路'],
      ['信息技术', '資訊科技'],
      ['知识产权', '智慧財產權'],
      ['意大利', '義大利'],
      ['自行车', '腳踏車'],
      ['面向对象', '物件導向'], // a computing term as a whole: longer than 对象, so it wins
    ];
    for (const [text, expected] of cases) {
      expect(convertText(text, { variant: 'twp', vocabulary: 'general' }), text).toBe(expected);
    }
  });

  it('changes nothing in the other editions, which have no Taiwan phrase table', () => {
    for (const variant of ['t', 'tw', 'hk'] as const) {
      expect(convertText(sentence, { variant, vocabulary: 'it' })).toBe(convertText(sentence, { variant }));
    }
  });
});

describe.each(COMPUTING_WORDS)('computing word $simplified', (entry) => {
  it(`is in OpenCC's Taiwan table as ${entry.standard} → ${entry.it} (${entry.reason})`, () => {
    expect(twPhrases.get(entry.standard)).toBe(entry.it);
    expect(convertText(entry.simplified, { variant: 't', overrides: false })).toBe(entry.standard);
  });

  it('converts to the computing word with `it` and keeps its general form with `general`', () => {
    expect(convertText(entry.simplified, { variant: 'twp', vocabulary: 'it' })).toBe(entry.it);
    // The general form is standard Traditional in Taiwan's character forms (集羣 → 集群).
    expect(convertText(entry.simplified, { variant: 'twp', vocabulary: 'general' })).toBe(
      convertText(entry.simplified, { variant: 'tw' }),
    );
  });

  it('is no evidence of computing (it occurs in any subject)', () => {
    expect(COMPUTING_EVIDENCE.some((term) => term === entry.simplified)).toBe(false);
  });
});

describe.each(EVERY_SUBJECT_WORDS)('every-subject word $simplified', (entry) => {
  it(`is ${entry.taiwan} in Taiwan's general text too (${entry.reason})`, () => {
    expect(twPhrases.get(convertText(entry.simplified, { variant: 't', overrides: false }))).toBe(entry.taiwan);
    expect(COMPUTING_WORDS.some((word) => word.simplified === entry.simplified)).toBe(false);
    const general = convertText(entry.example, { variant: 'twp', vocabulary: 'general' });
    expect(general).toContain(entry.taiwan);
    expect(general).toBe(convertText(entry.example, { variant: 'twp', vocabulary: 'it' }));
  });
});

describe('the vocabulary is decided from evidence in the text', () => {
  // A short text about programming, written for these tests.
  const computing =
    '这个程序员用编程语言写了一个软件：程序读取文件，把对象存进数据库，再由服务器返回给浏览器。' +
    '调试时在命令行查看缓存和内存，源代码放在开源的代码库里。';

  it('a text about programming gets `it`, and its words their computing forms', () => {
    const decision = chooseVocabulary(computing);
    expect(decision.vocabulary).toBe('it');
    expect(decision.evidence.map((found) => found.word)).toContain('软件');
    expect(convertText(computing, { variant: 'twp' })).toContain('程式讀取檔案，把物件存進資料庫');
  });

  it('a government sentence gets `general`, with the evidence in the summary', () => {
    const decision = chooseVocabulary('推进项目建设，优化营商环境，加强软件产业。');
    expect(decision.vocabulary).toBe('general');
    expect(decision.evidence).toEqual([{ word: '软件', count: 1 }]);
    expect(decision.summary).toMatch(/general vocabulary.*1 computing word/);
  });

  it(`${CODE_MINIMUM} pieces of code make a document about computing`, () => {
    const source = '程序如下：\n\n```js\nrun()\n```\n\n调用 `run` 和 `stop`，优化项目。\n';
    const decision = decideEdition(documentOf(source));
    expect(decision.vocabulary.code).toBe(3);
    expect(decision.vocabulary.vocabulary).toBe('it');
    expect(toText(toTraditional(documentOf(source), { variant: 'twp' }))).toContain('最佳化專案');
  });

  it('a forced choice wins over the evidence, and says so', () => {
    const forced = chooseVocabulary(computing, 0, 'general');
    expect(forced.vocabulary).toBe('general');
    expect(forced.how).toBe('forced');
    expect(convertText(computing, { variant: 'twp', vocabulary: 'general' })).toContain('程序讀取文件，把對象存進');
    const doc = documentOf('优化项目。');
    expect(toText(toTraditional(doc, { variant: 'twp', vocabulary: 'it' }))).toBe('最佳化專案。');
  });
});

describeCorpus('government and legal reports of the corpus get the general vocabulary', () => {
  const files = [
    ...listCorpus('reports', '.txt').map((name) => ['reports', name]),
    ...listCorpus('reports', '.md').map((name) => ['reports', name]),
    ['seed', 'weifang-2023-departments.md'],
  ] as [string, string][];
  it(`${files.length} reports`, () => {
    expect(files.length).toBeGreaterThan(5);
    for (const parts of files) {
      const decision = decideEdition(documentOf(readCorpus(...parts)));
      expect(decision.vocabulary.vocabulary, `${parts.join('/')}: ${decision.vocabulary.summary}`).toBe('general');
    }
  });

  it('the 2024 government work report keeps 優化 and 對象 (OpenCC: 最佳化 and 物件)', () => {
    const text = readCorpus('reports', 'gwr-2024-national-wikisource.txt');
    const edition = toText(toTraditional(documentOf(text), { variant: 'twp' }));
    const raw = opencc(text);
    const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
    expect(count(raw, '最佳化')).toBeGreaterThan(20);
    expect(count(edition, '最佳化')).toBe(0);
    expect(count(edition, '優化')).toBe(count(text, '优化'));
    expect(count(edition, '物件')).toBe(0);
  });
});
