/**
 * Robustness: every CommonMark and GFM spec example and every report of the shared corpus renders
 * to a PDF without an exception. The examples are parsed one by one and set in batches (one
 * document per hundred examples) to keep the suite fast.
 */
import { readdirSync } from 'node:fs';
import { AST_VERSION, type Document, parse, parsePlainText, structure } from '@wenshu/parser';
import { presetTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { toPdf } from '../src/node.js';
import { corpusPath, describeCorpus, readCorpus } from './corpus.js';
import { pdfInfo, writePdf } from './pdf.js';

interface Example {
  markdown: string;
  example: number;
}

const BATCH = 100;

function merge(docs: readonly Document[]): Document {
  return {
    type: 'document',
    version: AST_VERSION,
    meta: {},
    children: docs.flatMap((d) => d.children),
    footnotes: docs.flatMap((d) => d.footnotes),
  };
}

describeCorpus('spec examples render', () => {
  for (const file of ['commonmark/spec.json', 'commonmark/gfm/gfm-spec.json', 'commonmark/gfm/extensions.json']) {
    describe(file, () => {
      const examples = JSON.parse(readCorpus(...file.split('/'))) as Example[];
      for (let start = 0; start < examples.length; start += BATCH) {
        const batch = examples.slice(start, start + BATCH);
        const first = batch[0]?.example;
        const last = batch.at(-1)?.example;
        it(`examples ${first}–${last}`, async () => {
          const docs = batch.map((example) => parse(example.markdown, { onWarning: () => {} }));
          const bytes = await toPdf(merge(docs), { systemFonts: false, onWarning: () => {} });
          expect(Number(pdfInfo(writePdf(bytes, 'spec')).Pages)).toBeGreaterThan(0);
        }, 120_000);
      }
    });
  }
});

describeCorpus('corpus reports render', () => {
  const files = readdirSync(corpusPath('reports')).filter((name) => /\.(md|txt)$/.test(name));
  it('are there', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const name of files) {
    it(name, async () => {
      const text = readCorpus('reports', name);
      const parsed = name.endsWith('.md') ? parse(text, { onWarning: () => {} }) : parsePlainText(text);
      const { document } = structure(parsed);
      for (const theme of ['report', 'gov'] as const) {
        const bytes = await toPdf(document, { theme: presetTheme(theme), onWarning: () => {} });
        expect(Number(pdfInfo(writePdf(bytes, 'report')).Pages)).toBeGreaterThan(0);
      }
    }, 300_000);
  }
});
