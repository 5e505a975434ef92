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
  {
    name: 'wenshu-structure',
    description: 'structure() alone on a document parsed in setup (the passes never change their input)',
    input: 'seed',
    baseline: 'wenshu-parse',
    // The passes' time as a share of parse time, each measured on its own: "add at most 30%".
    target: { scale: 100, maxRatio: 0.3, source: 'issue "Report structure": passes add at most 30% to parse time' },
    async setup(input) {
      const { parse, structure } = await import('@wenshu/parser');
      return { structure, document: parse(input.text) };
    },
    run: ({ structure, document }) => structure(document),
    check(result, input) {
      const items = result?.document?.children.filter((node) => node.type === 'item').length ?? 0;
      if (items < 57 * input.scale) throw new Error(`only ${items} items`);
    },
  },
  {
    name: 'wenshu-parse-structure',
    description: 'parse() then structure() in one run, the way the command does it',
    input: 'seed',
    baseline: 'wenshu-parse',
    async setup(input) {
      const { parse, structure } = await import('@wenshu/parser');
      return { parse, structure, text: input.text };
    },
    run: ({ parse, structure, text }) => structure(parse(text)),
    check(result, input) {
      const items = result?.document?.children.filter((node) => node.type === 'item').length ?? 0;
      if (items < 57 * input.scale) throw new Error(`only ${items} items`);
    },
  },
];
