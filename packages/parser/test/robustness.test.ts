/**
 * Hostile and degenerate input: `parse` must return a sound document (its text kept, JSON-safe)
 * or fail with a clear error — never crash, overflow the stack or take quadratic time. Timeouts are
 * generous for a slow two-core machine; each test prints how long it took.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfmStrikethroughCjkFriendly } from 'micromark-extension-cjk-friendly-gfm-strikethrough';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { describe, expect, it } from 'vitest';
import { type Document, markdownExtensions, type Nodes, parse, toText, type Warning } from '../src/index.js';
import { markdownToMdast } from '../src/lib/markdown.js';
import { DENSE_CONTAINER_LINES } from '../src/lib/segments.js';
import { structure } from '../src/passes/index.js';
import { hasCorpus, readCorpus } from './corpus.js';

const TIMEOUT = 240_000;

function timed<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  console.log(`${label}: ${Math.round(performance.now() - start)} ms`);
  return result;
}

function parseWith(markdown: string, label: string): { doc: Document; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const doc = timed(label, () => parse(markdown, { onWarning: (warning) => warnings.push(warning) }));
  return { doc, warnings };
}

/** Deepest nesting of the tree, counted without recursion. */
function depthOf(root: Nodes): number {
  let deepest = 0;
  const stack: [Nodes, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Nodes, number];
    deepest = Math.max(deepest, depth);
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** What every document must be: JSON-safe (same after a round trip), and not too deep. */
function expectSound(doc: Document): void {
  const json = JSON.stringify(doc);
  expect(JSON.parse(json)).toEqual(doc);
  expect(depthOf(doc)).toBeLessThanOrEqual(200);
}

describe('deep nesting is flattened, with a warning, and the text survives', () => {
  it(
    '10,000 nested block quotes',
    () => {
      const { doc, warnings } = parseWith(`${'>'.repeat(10_000)} 最深处`, '10,000 nested >');
      expectSound(doc);
      expect(toText(doc)).toBe('最深处');
      expect(doc.children[0]?.type).toBe('blockquote');
      expect(warnings.some((warning) => warning.code === 'too-deep')).toBe(true);
      expect(warnings.every((warning) => warning.position?.start.line === 1)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    '10,000 nested block quotes, one more on each line',
    () => {
      // 1 + 2 + … + 2,000 markers: the input itself grows quadratically, so 2,000 lines here.
      const lines = Array.from({ length: 2_000 }, (_, i) => `${'>'.repeat(i + 1)} 第${i + 1}层`);
      const { doc } = parseWith(lines.join('\n'), '2,000 lines of deepening >');
      expectSound(doc);
      const text = toText(doc);
      expect(text).toContain('第1层');
      expect(text).toContain('第2000层');
    },
    TIMEOUT,
  );

  it(
    '10,000 nested list markers (bullet, ordered, mixed with quotes)',
    () => {
      for (const [marker, label] of [
        ['- ', '10,000 nested "- "'],
        ['1. ', '10,000 nested "1. "'],
        ['> * ', '5,000 × "> * "'],
      ] as const) {
        const count = marker.length > 3 ? 5_000 : 10_000;
        const { doc, warnings } = parseWith(`${marker.repeat(count)}项目`, label);
        expectSound(doc);
        expect(toText(doc)).toBe('项目');
        expect(warnings.some((warning) => warning.code === 'too-deep')).toBe(true);
      }
    },
    TIMEOUT,
  );

  it(
    'deeply nested inline: 5,000 levels of * and **, 2,000 of links',
    () => {
      const cases = [
        ['*', `${'*'.repeat(5_000)}核心${'*'.repeat(5_000)}`],
        ['**', `${'**'.repeat(5_000)}核心${'**'.repeat(5_000)}`],
        ['* and ** alternating', `${'*甲 **乙 '.repeat(2_500)}核心${' 乙** 甲*'.repeat(2_500)}`],
        // micromark's link matching is quadratic in the nesting: 2,000 levels (far beyond the
        // 64-level limit) keep the test to seconds on a loaded machine.
        ['links (2,000)', `${'[链 '.repeat(2_000)}核心${'](https://example.cn)'.repeat(2_000)}`],
        ['images in links (1,000)', `${'[!['.repeat(1_000)}核心${'](a.png)](b)'.repeat(1_000)}`],
      ] as const;
      for (const [label, markdown] of cases) {
        const { doc } = parseWith(markdown, `nested ${label}`);
        expectSound(doc);
        // An image's alt text is not shown text, so the innermost image hides 核心 there.
        if (!label.startsWith('images')) expect(toText(doc)).toContain('核心');
      }
    },
    TIMEOUT,
  );

  it(
    'deeply nested HTML: 10,000 <div> and 10,000 <span>',
    () => {
      for (const tag of ['div', 'span', 'sub', 'em']) {
        const { doc, warnings } = parseWith(
          `前文 ${`<${tag}>`.repeat(10_000)}核心${`</${tag}>`.repeat(10_000)} 后文`,
          `10,000 nested <${tag}>`,
        );
        expectSound(doc);
        expect(toText(doc)).toMatch(/前文\s*核心\s*后文/);
        expect(warnings.some((warning) => warning.code === 'too-deep')).toBe(true);
      }
    },
    TIMEOUT,
  );
});

describe('size', () => {
  /** A Chinese report paragraph with the markup reports carry: bold, `PM<sub>2.5</sub>`, Latin words. */
  function paragraphOf(length: number): string {
    const parts: string[] = [];
    let total = 0;
    for (let i = 0; total < length; i++) {
      const part =
        (i % 10 === 0 ? '细颗粒物PM<sub>2.5</sub>平均浓度同比下降，' : '') +
        (i % 2 === 0 ? '**重点任务**全面完成，' : '') +
        '全市空气质量持续改善，重点工作扎实推进，'.repeat(8) +
        'GDP增长5.2%。';
      parts.push(part);
      total += part.length;
    }
    return parts.join('');
  }

  it(
    'a 20 MB single-line paragraph, in linear time',
    () => {
      const small = paragraphOf(2_000_000);
      const large = paragraphOf(20_000_000);
      const t0 = performance.now();
      const smallDoc = parse(small);
      const t1 = performance.now();
      const largeDoc = parse(large);
      const t2 = performance.now();
      console.log(
        `2 MB paragraph: ${Math.round(t1 - t0)} ms; 20 MB paragraph: ${Math.round(t2 - t1)} ms ` +
          `(ratio ${((t2 - t1) / (t1 - t0)).toFixed(1)}; linear ≈ 10, quadratic ≈ 100)`,
      );
      expect(smallDoc.children).toHaveLength(1);
      expect(largeDoc.children).toHaveLength(1);
      const paragraph = largeDoc.children[0];
      expect(paragraph?.type).toBe('paragraph');
      const text = toText(largeDoc);
      expect(text.length).toBeGreaterThan(19_000_000);
      expect(text.endsWith('GDP增长5.2%。')).toBe(true);
      if (paragraph?.type === 'paragraph') {
        expect(paragraph.children.some((node) => node.type === 'subscript')).toBe(true);
        expect(paragraph.children.some((node) => node.type === 'strong')).toBe(true);
      }
      // Ten times the input may take at most 30 times as long: far from quadratic's hundred.
      expect(t2 - t1).toBeLessThan(30 * Math.max(t1 - t0, 200));
    },
    5 * TIMEOUT,
  );

  it(
    'a long paragraph of CJK bold phrases and single tildes stays linear',
    () => {
      // Each `**` between two letters can open and close, and so can `~~` between digits; micromark
      // walked back to the paragraph's start for every one of them. Single tildes are ranges.
      const unit = '完成**重点工作**任务，增长3~5个百分点，9~~10~~11，';
      const time = (count: number) => {
        const markdown = unit.repeat(count);
        const start = performance.now();
        const doc = parse(markdown);
        const elapsed = performance.now() - start;
        const text = toText(doc);
        const expected = '完成重点工作任务，增长3~5个百分点，91011，'.repeat(count);
        expect(text.length).toBe(expected.length);
        expect(text === expected).toBe(true);
        return elapsed;
      };
      // Five runs of `*` or `~` a unit: 19,000 units hold 95,000, under the limit of a block read as
      // text (`DENSE_DELIMITERS`, lib/dense.ts), so both are parsed.
      const small = time(1_900);
      const large = time(19_000);
      console.log(`${unit.length * 1_900} chars: ${Math.round(small)} ms; ×10: ${Math.round(large)} ms`);
      expect(large).toBeLessThan(30 * Math.max(small, 100));
    },
    TIMEOUT,
  );
});

describe('nesting spread over lines', () => {
  it(
    'a list item holding a block quote on every line stays linear (patched micromark-util-edit-map)',
    () => {
      // Each `- > a` line closes the quote of the line before inside a list item; micromark's
      // document tokenizer then re-arranged the whole event list so far, once per line.
      const time = (count: number) => {
        const markdown = '- > 引文\n'.repeat(count);
        const start = performance.now();
        const doc = parse(markdown);
        const elapsed = performance.now() - start;
        const list = doc.children[0];
        expect(list?.type).toBe('list');
        if (list?.type === 'list') {
          expect(list.children).toHaveLength(count);
          expect(list.children.every((item) => item.children[0]?.type === 'blockquote')).toBe(true);
        }
        return elapsed;
      };
      // 10,000 lines: the most one block may hold before it is read as plain text (segments.ts).
      const small = time(1_000);
      const large = time(DENSE_CONTAINER_LINES);
      console.log(`1,000 lines: ${Math.round(small)} ms; 10,000 lines: ${Math.round(large)} ms (quadratic ≈ ×100)`);
      expect(large).toBeLessThan(30 * Math.max(small, 100));
    },
    TIMEOUT,
  );

  it(
    'a block quote followed by many lazy lines stays linear (patched micromark)',
    () => {
      // Each lazy line made micromark walk back over every event of the quoted paragraph so far.
      const time = (count: number) => {
        const markdown = `> 引文\n${'续行\n'.repeat(count)}`;
        const start = performance.now();
        const doc = parse(markdown);
        const elapsed = performance.now() - start;
        expect(doc.children).toHaveLength(1);
        const quote = doc.children[0];
        expect(quote?.type).toBe('blockquote');
        expect(toText(doc).split('续行')).toHaveLength(count + 1);
        return elapsed;
      };
      // The quote's line and its lazy lines: at most 10,000 in one block are parsed (segments.ts).
      const small = time(1_000);
      const large = time(DENSE_CONTAINER_LINES - 1);
      console.log(`1,000 lazy lines: ${Math.round(small)} ms; 9,999: ${Math.round(large)} ms (quadratic ≈ ×100)`);
      expect(large).toBeLessThan(30 * Math.max(small, 100));
    },
    TIMEOUT,
  );

  it(
    'a list indented deeper on every line keeps its text, with one warning, in linear time',
    () => {
      const lines = Array.from({ length: 1_500 }, (_, depth) => `${'  '.repeat(depth)}- 第${depth + 1}层`);
      const { doc, warnings } = parseWith(`${lines.join('\n')}\n`, '1,500 levels by indentation');
      expectSound(doc);
      const text = toText(doc);
      for (const depth of [1, 32, 33, 500, 1500]) expect(text).toContain(`第${depth}层`);
      const indentation = warnings.filter((warning) => /indented more than 64 columns/.test(warning.message));
      expect(indentation).toHaveLength(1);
      expect(indentation[0]?.message).toMatch(/^1467 lines indented/);
      expect(indentation[0]?.position?.start.line).toBe(34);
    },
    TIMEOUT,
  );

  it(
    'images nested in brackets beyond the limit are read as text, with one warning, keeping their words',
    () => {
      const depth = 2_000;
      const markdown = `${'[!['.repeat(depth)}图${'](a.png)](/b)'.repeat(depth)}\n`;
      const { doc, warnings } = parseWith(markdown, `${depth} images nested in links`);
      expectSound(doc);
      // The innermost picture's description survives (as an image's alt or as text).
      expect(JSON.stringify(doc)).toContain('图');
      const images = warnings.filter((warning) => /images? nested more than 64 brackets/.test(warning.message));
      expect(images).toHaveLength(1);
      // Brackets count from the first: the 33rd `[![` has 64 brackets open before its image.
      expect(images[0]?.message).toMatch(/^1968 images/);
    },
    TIMEOUT,
  );

  it('indentation up to 64 columns is read as written', () => {
    const markdown = `- a\n${' '.repeat(62)}- b\n`;
    const warnings: Warning[] = [];
    parse(markdown, { onWarning: (warning) => warnings.push(warning) });
    expect(warnings.filter((warning) => /indented more than/.test(warning.message))).toEqual([]);
  });
});

describe('unterminated and odd input', () => {
  it(
    'a flat document of 300,000 headings is structured (no spread of them into one call)',
    () => {
      const children = Array.from({ length: 300_000 }, (_, i) => ({
        type: 'heading' as const,
        depth: 2 as const,
        children: [{ type: 'text' as const, value: `标题${i}` }],
      }));
      const doc: Document = { ...parse(''), children };
      const { document } = timed('structure, 300,000 headings', () => structure(doc));
      expect(document.children).toHaveLength(300_000);
    },
    TIMEOUT,
  );

  it('unterminated HTML keeps its text', () => {
    const cases: [string, string][] = [
      ['<table><tr><td>a', 'a'],
      ['细颗粒物PM<sub>2.5', '细颗粒物PM2.5'],
      ['前文 <span>未闭合', '前文 未闭合'],
      ['<div class="未闭合\n\n下一段 *强调*', '下一段 强调'],
    ];
    for (const [markdown, text] of cases) {
      const { doc } = parseWith(markdown, JSON.stringify(markdown));
      expectSound(doc);
      expect(toText(doc)).toBe(text);
    }
    const { doc } = parseWith('细颗粒物PM<sub>2.5', 'unclosed <sub>');
    const paragraph = doc.children[0];
    expect(paragraph?.type === 'paragraph' && paragraph.children[1]?.type).toBe('subscript');
  });

  it('an unclosed comment hides what follows (CommonMark), and says so', () => {
    const { doc, warnings } = parseWith('前文\n\n<!-- never closed\n\n后文', 'unclosed comment');
    expectSound(doc);
    expect(toText(doc)).toBe('前文');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.code).toBe('html-comment');
    expect(warnings[0]?.message).toMatch(/never closed/);
    expect(warnings[0]?.position?.start.line).toBe(3);
  });

  it('raw-text elements left open do not swallow the Markdown after them', () => {
    const { doc } = parseWith(
      '甲 <title> 乙 **粗** 丙 <textarea> 丁 *斜*\n\n<xmp>\n\n第二段\n\n<style>\n\n第三段',
      'open raw-text elements',
    );
    expectSound(doc);
    const text = toText(doc);
    expect(text).toContain('粗');
    expect(text).toContain('斜');
    expect(text).toContain('第二段');
  });

  it('a GFM table row with more cells than the header keeps them, with a warning', () => {
    const { doc, warnings } = parseWith('| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 | 3 | 4 |\n', 'wide row');
    const table = doc.children[0];
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    expect(table.children[1]?.children.map((cell) => toText(cell))).toEqual(['1', '2', '3', '4']);
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'table-cells',
        position: expect.objectContaining({ start: expect.objectContaining({ line: 3 }) }),
      }),
    ]);
  });

  it('an empty string and whitespace only give an empty document', () => {
    for (const markdown of ['', ' ', '\n\n\n', ' \t \n\u3000\n', '\r\n\r\n']) {
      const doc = parse(markdown);
      expectSound(doc);
      expect(doc.type).toBe('document');
      expect(doc.footnotes).toEqual([]);
      // A full-width space is not Markdown whitespace: it is text (an OCR indent).
      expect(toText(doc)).toBe(markdown.includes('\u3000') ? '\u3000' : '');
    }
  });

  it('NUL characters become U+FFFD (CommonMark 2.3), and nothing else is lost', () => {
    const { doc } = parseWith('甲\u0000乙 <b>\u0000</b>\n\n`\u0000`', 'NUL');
    expectSound(doc);
    expect(toText(doc)).toBe('甲\uFFFD乙 \uFFFD\n\uFFFD');
  });

  it('a byte order mark, CR line endings and lone surrogates', () => {
    const doc = parse('\uFEFF# 标题\r\r正文\uD800尾');
    expectSound(doc);
    expect(doc.children.map((node) => node.type)).toEqual(['heading', 'paragraph']);
    expect(doc.children[1]?.position?.start).toEqual({ line: 3, column: 1, offset: 6 });
  });

  it('a footnote that cites itself and one that cites another in a cycle', () => {
    const { doc } = parseWith('正文[^甲]\n\n[^甲]: 见[^乙]与[^甲]\n\n[^乙]: 见[^甲]\n', 'footnote cycle');
    expectSound(doc);
    expect(doc.footnotes.map((footnote) => [footnote.label, footnote.number])).toEqual([
      ['甲', 1],
      ['乙', 2],
    ]);
  });

  it(
    'a huge number of footnotes and references is linear',
    () => {
      const count = 10_000;
      const body = Array.from({ length: count }, (_, i) => `第${i}条[^${i}]`).join('，');
      const notes = Array.from({ length: count }, (_, i) => `[^${i}]: 注${i}`).join('\n');
      const { doc } = parseWith(`${body}\n\n${notes}\n`, `${count} footnotes`);
      expect(doc.footnotes).toHaveLength(count);
      expect(doc.footnotes[count - 1]?.number).toBe(count);
    },
    TIMEOUT,
  );
});

describe('the linear-time resolvers change nothing but the time', () => {
  // micromark with the stock extensions (and wenshu's two-tilde strikethrough), as the reference.
  const strikethrough = { singleTilde: false };
  const stock = [
    frontmatter(['yaml']),
    gfm(strikethrough),
    cjkFriendlyExtension(),
    gfmStrikethroughCjkFriendly(strikethrough),
    math(),
  ];
  const reference = (markdown: string) =>
    JSON.stringify(fromMarkdown(markdown, { extensions: stock, mdastExtensions: markdownExtensions.mdastExtensions }));
  const ours = (markdown: string) => JSON.stringify(markdownToMdast(markdown));

  it(
    'gives the same mdast, positions included, on the spec examples and on random input',
    () => {
      const inputs: string[] = [];
      if (hasCorpus) {
        for (const file of ['spec.json', 'gfm/gfm-spec.json', 'gfm/extensions.json']) {
          const examples = JSON.parse(readCorpus('commonmark', ...file.split('/'))) as { markdown: string }[];
          inputs.push(...examples.map((example) => example.markdown));
        }
      }
      const pieces = ['*', '**', '***', '_', '~', '~~', '~~~', '\\', '`', '[', '](u)', '<sub>', '</sub>', '&amp;', '&'];
      pieces.push(
        'a',
        '1',
        '中',
        '文',
        '。',
        '“',
        '”',
        ' ',
        '\n',
        '> ',
        '- ',
        '@',
        'x.cn',
        'www.',
        'http://a.b',
        '$',
        '!',
      );
      let seed = 2024;
      const random = () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed / 0x7fffffff;
      };
      for (let i = 0; i < 3_000; i++) {
        let markdown = '';
        const length = 1 + Math.floor(random() * 40);
        for (let j = 0; j < length; j++) markdown += pieces[Math.floor(random() * pieces.length)];
        inputs.push(markdown);
      }
      const differing = inputs.filter((markdown) => reference(markdown) !== ours(markdown));
      expect(differing).toEqual([]);
    },
    TIMEOUT,
  );
});
