/**
 * Markdown → AST: our `parse` against raw mdast-util-from-markdown configured with exactly the
 * micromark and mdast extensions that @wenshu/parser uses (`markdownExtensions`). The difference
 * between the two rows is the cost of our own layer (mdast → wenshu AST, HTML, positions).
 */

/** @type {import('./index.mjs').BenchCase[]} */
export const parserCases = [
  {
    name: 'mdast-from-markdown',
    description: 'mdast-util-from-markdown with the extensions of @wenshu/parser (markdownExtensions)',
    input: 'seed',
    async setup(input) {
      const { fromMarkdown } = await import('mdast-util-from-markdown');
      const { markdownExtensions } = await import('@wenshu/parser');
      return { fromMarkdown, options: markdownExtensions, text: input.text };
    },
    run: ({ fromMarkdown, options, text }) => fromMarkdown(text, options),
    check(root, input) {
      if (root?.type !== 'root' || root.children.length < input.scale) throw new Error('no mdast tree');
    },
  },
  {
    name: 'wenshu-parse',
    description: '@wenshu/parser parse(): Markdown → mdast → wenshu Document',
    input: 'seed',
    baseline: 'mdast-from-markdown',
    target: { scale: 100, maxRatio: 1.5, source: 'issue "Benchmarks"' },
    async setup(input) {
      const { parse } = await import('@wenshu/parser');
      return { parse, text: input.text };
    },
    run: ({ parse, text }) => parse(text),
    check(document, input) {
      if (document?.type !== 'document' || document.children.length < input.scale) {
        throw new Error('no wenshu Document');
      }
    },
  },
];
