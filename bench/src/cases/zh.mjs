/**
 * Traditional editions (twp, the Taiwan edition with phrases): our `toTraditional` on the parsed
 * document, against opencc-js converting the document's plain text (`toText`) and against the
 * OpenCC C++ command on the Markdown file. Parsing is setup, not timed: these rows time conversion.
 */
/** @type {import('./index.mjs').BenchCase[]} */
export const zhCases = [
  {
    name: 'opencc-js-text',
    description: 'opencc-js Converter({ from: cn, to: twp }) on the document text (toText)',
    input: 'seed',
    async setup(input) {
      const OpenCC = await import('opencc-js');
      const { parse, structure, toText } = await import('@wenshu/parser');
      const convert = OpenCC.Converter({ from: 'cn', to: 'twp' });
      return { convert, text: toText(structure(parse(input.text)).document) };
    },
    run: ({ convert, text }) => convert(text),
    check(result, input) {
      if (typeof result !== 'string' || result.length < input.text.length / 2) throw new Error('no converted text');
    },
  },
  {
    name: 'wenshu-zh-twp',
    description: '@wenshu/zh toTraditional(document, { variant: twp }): text mapped back onto the nodes',
    input: 'seed',
    baseline: 'opencc-js-text',
    target: { scale: 100, maxRatio: 1.3, source: 'issue "Traditional-Chinese editions"' },
    async setup(input) {
      const { parse, structure } = await import('@wenshu/parser');
      const { toTraditional } = await import('@wenshu/zh');
      return { toTraditional, document: structure(parse(input.text)).document };
    },
    run: ({ toTraditional, document }) => toTraditional(document, { variant: 'twp' }),
    check(document) {
      if (document?.meta?.lang !== 'zh-TW') throw new Error('not a Taiwan edition');
    },
  },
  {
    name: 'opencc-cli-twp',
    description: 'opencc 1.1 C++ command -c s2twp on the Markdown file, a fresh process',
    input: 'seed',
    baseline: 'wenshu-zh-twp',
    install: { program: 'opencc', debian: 'opencc' },
    // Debian's opencc finds its configurations by file name.
    command: (input) => ['opencc', '-c', 's2twp.json', '-i', input.path, '-o', 'out.txt'],
  },
];
