/**
 * The invariant of a Traditional edition: the text of the converted document equals the
 * converter applied to the text of the source document, for every edition, on the seed and on
 * every corpus report.
 *
 * Code and math are never converted, so both sides compare with their values masked (a masked
 * value is a run of NUL characters, which no dictionary holds: like code, it ends a phrase); a
 * separate check makes sure the edition keeps the code as written.
 */
import type { Document, Paragraph, PhrasingContent } from '@wenshu/parser';
import { parse, structure, toText, visit } from '@wenshu/parser';
import { expect, it } from 'vitest';
import { convertText, type QuoteStyle, toTraditional, VARIANTS } from '../src/index.js';
import { describeCorpus, listCorpus, readCorpus } from './corpus.js';

const CODE_TYPES = new Set(['code', 'inlineCode', 'math', 'inlineMath']);

function codeValues(doc: Document): string[] {
  const values: string[] = [];
  visit(doc, (node) => {
    if (CODE_TYPES.has(node.type)) values.push((node as { value: string }).value);
  });
  return values;
}

function maskCode(doc: Document): Document {
  return JSON.parse(JSON.stringify(doc), (_key, value) =>
    value && typeof value === 'object' && CODE_TYPES.has(value.type)
      ? { ...value, value: '\u0000'.repeat(value.value.length) }
      : value,
  ) as Document;
}

/** A plain-text report as paragraphs, each line cut into pieces of `size` characters, every other one emphasised. */
function documentFromLines(text: string, size: number): Document {
  const children: Paragraph[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const characters = Array.from(line);
    const pieces: PhrasingContent[] = [];
    for (let i = 0; i < characters.length; i += size) {
      const value = characters.slice(i, i + size).join('');
      pieces.push(
        pieces.length % 2 === 0 ? { type: 'text', value } : { type: 'emphasis', children: [{ type: 'text', value }] },
      );
    }
    children.push({ type: 'paragraph', children: pieces });
  }
  return { type: 'document', version: 1, meta: {}, children, footnotes: [] };
}

function checkInvariant(name: string, doc: Document): void {
  const masked = maskCode(doc);
  for (const variant of VARIANTS) {
    for (const quotes of ['keep', 'auto'] as QuoteStyle[]) {
      const edition = toTraditional(masked, { variant, quotes });
      expect(toText(edition), `${name} ${variant} quotes=${quotes}`).toBe(
        convertText(toText(masked), { variant, quotes }),
      );
    }
    expect(codeValues(toTraditional(doc, { variant })), `${name} ${variant}: code kept`).toEqual(codeValues(doc));
  }
}

const sources = [
  ['seed', 'weifang-2023-departments.md'],
  ...listCorpus('reports', '.md').map((name) => ['reports', name]),
  ...listCorpus('reports', '.txt').map((name) => ['reports', name]),
];

describeCorpus('text of the edition = converter(text of the source)', () => {
  for (const [folder, name] of sources as [string, string][]) {
    it(`${folder}/${name}`, () => {
      const text = readCorpus(folder, name);
      if (name.endsWith('.md')) {
        checkInvariant(name, parse(text));
      } else {
        // Pieces of 1 and 5 characters put inline boundaries inside most phrases.
        for (const size of [1, 5]) checkInvariant(`${name} pieces of ${size}`, documentFromLines(text, size));
      }
    }, 60_000);
  }

  // The report passes turn the seed's `1.标题。正文` paragraphs into items: marker, run-in title and
  // body, read as one text.
  it('seed/weifang-2023-departments.md with the report passes (items)', () => {
    const doc = structure(parse(readCorpus('seed', 'weifang-2023-departments.md'))).document;
    let items = 0;
    visit(doc, (node) => {
      if (node.type === 'item') items++;
    });
    expect(items).toBeGreaterThan(50);
    checkInvariant('structured seed', doc);
  });

  it('inline boundaries at punctuation cut the edition where OpenCC cuts it', () => {
    // No OpenCC phrase spans a full-width comma or full stop, so a node ending at one converts as
    // if it stood alone.
    const text = readCorpus('reports', 'gwr-2024-national-wikisource.txt');
    const sentences = text.split(/(?<=[，。；])/u).filter((sentence) => !sentence.includes('\n'));
    const doc: Document = {
      type: 'document',
      version: 1,
      meta: {},
      children: [
        {
          type: 'paragraph',
          children: sentences.map((value) => ({ type: 'strong', children: [{ type: 'text', value }] })),
        },
      ],
      footnotes: [],
    };
    for (const variant of VARIANTS) {
      const converted = (toTraditional(doc, { variant, quotes: 'keep' }).children[0] as Paragraph).children;
      expect(sentences.length).toBeGreaterThan(500);
      expect(converted.map((node) => toText(node))).toEqual(
        sentences.map((sentence) => convertText(sentence, { variant, quotes: 'keep' })),
      );
    }
  });
});
