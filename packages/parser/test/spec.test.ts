/**
 * Every example in SPEC.md is a test: a ```markdown block is parsed and must equal the ```json block
 * that follows it (an array: the document's children; an object: the whole document). A
 * ```markdown report block also goes through the report passes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as parser from '../src/index.js';

interface Example {
  line: number;
  markdown: string;
  report: boolean;
  json: unknown;
}

function examples(): Example[] {
  const spec = readFileSync(fileURLToPath(new URL('../SPEC.md', import.meta.url)), 'utf8');
  const fence = /^(`{3,})(markdown|json)( report)?\n([\s\S]*?)\n\1$/gm;
  const found: Example[] = [];
  let pending: Omit<Example, 'json'> | undefined;
  for (const match of spec.matchAll(fence)) {
    const [, , kind, report, body = ''] = match;
    const line = spec.slice(0, match.index).split('\n').length;
    if (kind === 'markdown') {
      pending = { line, markdown: body, report: report !== undefined };
    } else if (pending) {
      found.push({ ...pending, json: JSON.parse(body) });
      pending = undefined;
    }
  }
  return found;
}

function withoutPositions(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'position' ? undefined : v)));
}

describe('SPEC.md examples', () => {
  const all = examples();

  it('has examples for every node type', () => {
    expect(all.length).toBeGreaterThan(0);
    const text = JSON.stringify(all.map((example) => example.json));
    const types: parser.NodeType[] = [
      'document',
      'paragraph',
      'heading',
      'item',
      'blockquote',
      'list',
      'listItem',
      'code',
      'math',
      'thematicBreak',
      'pageBreak',
      'table',
      'tableRow',
      'tableCell',
      'footnoteDefinition',
      'text',
      'emphasis',
      'strong',
      'delete',
      'underline',
      'mark',
      'subscript',
      'superscript',
      'inlineCode',
      'inlineMath',
      'link',
      'image',
      'break',
      'footnoteReference',
    ];
    for (const type of types) expect(text, `an example with a ${type} node`).toContain(`"type":"${type}"`);
  });

  for (const example of all) {
    it(`SPEC.md line ${example.line}: ${example.markdown.split('\n')[0]}`, () => {
      let document = parser.parse(example.markdown);
      if (example.report) document = parser.structure(document).document;
      const actual = withoutPositions(Array.isArray(example.json) ? document.children : document);
      expect(actual).toEqual(example.json);
    });
  }
});
