import { describe, expect, it } from 'vitest';
import { Alignment, composeAlignments, splitOutput } from '../src/lib/alignment.js';

function alignmentOf(chunks: [string, string][], source: string): Alignment {
  const alignment = new Alignment();
  let offset = 0;
  for (const [from, to] of chunks) {
    expect(source.slice(offset, offset + from.length)).toBe(from);
    alignment.push(from.length, to, [...from].length === [...to].length);
    offset += from.length;
  }
  return alignment;
}

describe('cutting a converted text back into pieces', () => {
  it('a cut on a chunk edge stays on that edge', () => {
    const source = '老挝人民';
    const alignment = alignmentOf(
      [
        ['老挝', '寮國'],
        ['人民', '人民'],
      ],
      source,
    );
    expect(splitOutput(source, alignment, [2])).toEqual(['寮國', '人民']);
  });

  it('inside a chunk that keeps its length, character k maps to character k', () => {
    const source = '鼠标';
    expect(splitOutput(source, alignmentOf([['鼠标', '滑鼠']], source), [1])).toEqual(['滑', '鼠']);
  });

  it('inside a chunk that changes length, the chunk goes to the piece where it starts', () => {
    const source = '访问老挝人民民主共和国';
    const alignment = alignmentOf(
      [
        ['访问', '訪問'],
        ['老挝人民民主共和国', '寮人民民主共和國'],
      ],
      source,
    );
    expect(splitOutput(source, alignment, [2, 4, 6])).toEqual(['訪問', '寮人民民主共和國', '', '']);
  });

  it('counts characters, not code units, beyond U+FFFF', () => {
    const source = '𠀀a𠀁b';
    const alignment = alignmentOf([['𠀀a𠀁b', 'x𠀂yz']], source);
    // Character 1 of the source (after 𠀀) is character 1 of the output (after x).
    expect(splitOutput(source, alignment, [2, 5])).toEqual(['x', '𠀂y', 'z']);
  });

  it('merges neighbouring chunks that keep their length, not those that change it', () => {
    const source = '甲乙丙丁戊';
    const alignment = alignmentOf(
      [
        ['甲', '1'],
        ['乙', '2'],
        ['丙丁', '3'],
        ['戊', '4'],
      ],
      source,
    );
    expect(alignment.outputs).toEqual(['12', '3', '4']);
    expect(alignment.sourceLengths).toEqual([2, 2, 1]);
  });
});

describe('composing two stages', () => {
  it('a later phrase spanning earlier chunks merges them; other chunks stay apart', () => {
    const source = 'abcd';
    const first = new Alignment();
    for (const [from, to] of [
      ['a', 'A'],
      ['b', 'B'],
      ['c', 'C'],
      ['d', 'D'],
    ] as const) {
      first.push(from.length, to, false); // unmerged, so the second stage can cut between them
    }
    const second = new Alignment();
    second.push(1, 'α', false);
    second.push(2, 'βγδ', false); // 'BC' became three characters
    second.push(1, 'ε', false);
    const composed = composeAlignments(source, first, second);
    expect(composed.outputs).toEqual(['α', 'βγδ', 'ε']);
    expect(composed.sourceLengths).toEqual([1, 2, 1]);
    expect(splitOutput(source, composed, [2])).toEqual(['αβγδ', 'ε']);
  });
});
