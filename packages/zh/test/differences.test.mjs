// The word differences the wrong-word count is made of (scripts/differences.mjs).
import { describe, expect, it } from 'vitest';
import { differences, editScript, parseReviewed } from '../scripts/differences.mjs';

/** `a` and `b` rebuilt from the edit script: what a correct script must give back. */
function replay(a, b) {
  const ac = Array.from(a);
  const bc = Array.from(b);
  let left = '';
  let right = '';
  for (const [kind, i, j] of editScript(ac, bc)) {
    if (kind !== '+') left += ac[i];
    if (kind !== '-') right += bc[j];
  }
  return [left, right];
}

describe('editScript', () => {
  it.each([
    ['abcabba', 'cbabac'],
    ['', '甲乙'],
    ['甲乙', ''],
    ['法定程式和最佳化', '法定程序和優化'],
    ['𠀀漢字𠀁', '漢字'],
  ])('walks %s into %s', (a, b) => {
    expect(replay(a, b)).toEqual([a, b]);
  });

  it('finds a shortest script (Myers): 5 edits for abcabba → cbabac', () => {
    expect(editScript(Array.from('abcabba'), Array.from('cbabac')).filter(([kind]) => kind !== '=')).toHaveLength(5);
  });
});

describe('differences', () => {
  it('gives one entry per differing word, widened to whole words', () => {
    const opencc = '優撫物件要精簡檔案和會議，最佳化程式，推進專案建設。';
    const edition = '優撫對象要精簡文件和會議，優化程序，推進項目建設。';
    expect(differences(opencc, edition).map((d) => `${d.a}/${d.b}`)).toEqual([
      '物件/對象',
      '檔案/文件',
      '最佳化/優化',
      '程式/程序',
      '專案/項目',
    ]);
  });

  it('counts a word whose characters moved as one difference (叢集 against 集群)', () => {
    expect(differences('培育產業叢集。', '培育產業集群。').map((d) => `${d.a}/${d.b}`)).toEqual(['叢集/集群']);
  });

  it('finds none in equal texts', () => {
    expect(differences('相同的文字', '相同的文字')).toEqual([]);
  });
});

describe('parseReviewed', () => {
  const tsv = '# comment\n程式\t程序\topencc\tprocedures\n釋出\t發布\tneither\tsoftware release\t發布時\n';

  it('reads verdicts, the one for a context before the general one', () => {
    const reviewed = parseReviewed(tsv, 'r.tsv');
    expect(reviewed.verdict({ a: '程式', b: '程序', context: '法定程序' })).toEqual({
      wrong: 'opencc',
      why: 'procedures',
    });
    expect(reviewed.verdict({ a: '釋出', b: '發布', context: '在構建、發布時' })?.wrong).toBe('neither');
    expect(reviewed.verdict({ a: '釋出', b: '發布', context: '成功發布' })).toBeUndefined();
    expect(reviewed.has({ a: '甲', b: '乙', context: '' })).toBe(false);
  });

  it('refuses a malformed line or a pair reviewed twice, naming the file and line', () => {
    expect(() => parseReviewed('程式\t程序\tmaybe\twhy\n', 'r.tsv')).toThrow('r.tsv:1:');
    expect(() => parseReviewed('a\tb\topencc\tx\na\tb\twenshu\ty\n', 'r.tsv')).toThrow(
      'r.tsv:2: a → b is reviewed twice',
    );
  });
});
