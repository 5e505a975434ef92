/**
 * Whole HTML inputs (`parseHtml`): saved pages and clipboard HTML collected from public sources
 * (`fixtures/html/SOURCES.md`), each with a golden digest regenerated with `UPDATE=1`, and
 * assertions a regression would break; then small cases for each rule the reader follows.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type BlockContent,
  type Document,
  decodeHtml,
  type Heading,
  type Nodes,
  outline,
  parseHtml,
  structure,
  type Table,
  toText,
  visit,
  type Warning,
} from '../src/index.js';

const fixtures = fileURLToPath(new URL('./fixtures/html', import.meta.url));

function read(html: string): { doc: Document; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const doc = parseHtml(html, { onWarning: (warning) => warnings.push(warning) });
  return { doc, warnings };
}

function fixture(name: string): { doc: Document; warnings: Warning[] } {
  return read(readFileSync(join(fixtures, name), 'utf8'));
}

function shape<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'position' ? undefined : v)));
}

function blocks(html: string): BlockContent[] {
  return shape(parseHtml(html).children);
}

function all<T extends Nodes['type']>(doc: Document, type: T): Extract<Nodes, { type: T }>[] {
  const out: Extract<Nodes, { type: T }>[] = [];
  visit(doc, (node) => {
    if (node.type === type) out.push(node as Extract<Nodes, { type: T }>);
  });
  return out;
}

/** One line per block: what a reader of the golden file checks at a glance. */
function digest(doc: Document): string[] {
  return doc.children.map((block) => {
    const kind =
      block.type === 'heading'
        ? `h${block.depth}`
        : block.type === 'code'
          ? `code:${block.lang ?? ''}`
          : block.type === 'table'
            ? `table:${block.children.length}x${block.children[0]?.children.length ?? 0}`
            : block.type;
    return `${kind} ${toText(block).replace(/\s+/g, ' ').trim().slice(0, 60)}`;
  });
}

/* ------------------------------------------------------------------------------------------------
 * Golden digests of the collected material
 * --------------------------------------------------------------------------------------------- */

describe('collected pages and clipboard HTML (UPDATE=1 rewrites the .golden.json files)', () => {
  const names = readdirSync(fixtures).filter((name) => name.endsWith('.html'));
  it('there are fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
  });
  for (const name of names) {
    it(name, () => {
      const bytes = new Uint8Array(readFileSync(join(fixtures, name)));
      const warnings: Warning[] = [];
      const doc = parseHtml(decodeHtml(bytes, { fileName: name }).text, { onWarning: (w) => warnings.push(w) });
      const { document, fixes } = structure(doc);
      const { title, sections, elements } = outline(document, fixes);
      const actual = {
        blocks: digest(doc),
        outline: { title, sections, elements },
        warnings: warnings.map((w) => `${w.position?.start.line ?? '-'} ${w.code} ${w.message}`),
      };
      const golden = join(fixtures, name.replace(/\.html$/, '.golden.json'));
      if (process.env.UPDATE === '1') writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`);
      if (!existsSync(golden)) throw new Error(`${golden} is missing: run the tests with UPDATE=1`);
      expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});

describe('what each collected input must keep', () => {
  it('Word (a Chinese report pasted from Word): ordinal headings, two tables, PM2.5 as a subscript', () => {
    const { doc } = fixture('word-heze-air-report.html');
    const headings = doc.children.filter((block): block is Heading => block.type === 'heading');
    expect(headings.map((heading) => toText(heading))).toEqual([
      '菏泽市环境空气质量日分析报告',
      '一、 冬防目标完成情况',
      '二、全年目标完成情况',
      '三、昨日空气质量情况',
    ]);
    const tables = all(doc, 'table');
    expect(tables).toHaveLength(2);
    expect(toText(tables[1] as Table).split('\n')).toHaveLength(3);
    const subscripts = all(doc, 'subscript').map((node) => toText(node));
    expect(subscripts).toContain('2.5');
    // Word's empty `<o:p>` and its 7 pt padding leave nothing behind.
    expect(toText(doc)).not.toMatch(/\u00a0|o:p/);
    const { document } = structure(doc);
    const ordinals = document.children.flatMap((block) =>
      block.type === 'heading' && block.ordinal ? [block.ordinal.marker] : [],
    );
    expect(ordinals).toEqual(['一、', '二、', '三、']);
  });

  it('Word numbered list paragraphs keep their ordinals as text, without the padding', () => {
    const { doc } = fixture('word-nested-numbered-list.html');
    expect(doc.children.map((block) => toText(block))).toEqual([
      '1.A1',
      '2.B1',
      'a.C2',
      '1.D4',
      'b.E2',
      'i.F3',
      '3.G1',
    ]);
  });

  it('Word bulleted paragraphs become a list', () => {
    const { doc } = fixture('word-bullet-lists.html');
    const lists = doc.children.filter((block) => block.type === 'list');
    expect(lists.length).toBeGreaterThan(0);
    expect(toText(lists[0] as BlockContent)).toMatch(/^Bullet 1/);
    // The bullet glyph itself (Symbol's `·`) is not text.
    expect(toText(doc)).not.toMatch(/[·§Ø]/);
  });

  it('Google Docs\' <b style="font-weight:normal"> wrapper is not bold, and the copied end-of-line <br> is dropped', () => {
    const { doc } = fixture('google-docs-bold-wrapper.html');
    expect(shape(doc.children)).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'Hello world' }] }]);
  });

  it('Google Docs nested lists nest', () => {
    const { doc } = fixture('google-docs-nested-lists.html');
    const [list] = doc.children;
    expect(list?.type).toBe('list');
    const depth = (node: Nodes): number =>
      'children' in node
        ? Math.max(0, ...(node.children as Nodes[]).map((child) => depth(child) + (child.type === 'list' ? 1 : 0)))
        : 0;
    expect(depth(list as Nodes)).toBeGreaterThanOrEqual(3);
  });

  it('DeepSeek: headings, lists, and the code block without its banner', () => {
    const { doc, warnings } = fixture('deepseek-usage-guide.html');
    expect(doc.children.filter((block) => block.type === 'heading')).toHaveLength(12);
    const code = all(doc, 'code');
    expect(code.map((node) => node.value)).toEqual([
      'composer require natilosir/image-resizer',
      'php vendor/natilosir/image-resizer/move-to-plugins.php',
    ]);
    expect(warnings).toEqual([]);
  });

  it('a saved news page: its main content with its title, the navigation and search form gone', () => {
    const { doc, warnings } = fixture('news-gmw-2017.html');
    const first = doc.children.find((block) => block.type === 'heading');
    expect(toText(first as Heading)).toBe('宇航员在太空中喝酒会怎么样？后果很严重');
    expect(warnings.some((w) => w.code === 'html-dropped' && /main content/.test(w.message))).toBe(true);
    expect(toText(doc)).toContain('国际空间站上的宇航员不允许喝酒');
    // Scripts, styles and the page's forms leave no text.
    expect(toText(doc)).not.toMatch(/function\s*\(|\{\s*[a-z-]+\s*:/);
  });

  it('a saved page whose title is a <div>: the title is found from <title> and becomes the heading', () => {
    const { doc, warnings } = fixture('news-youth-lianghui-2017.html');
    const [first] = doc.children;
    expect(first?.type).toBe('heading');
    expect(toText(first as Heading)).toBe('海外留学生看两会：出国前后关注点大不同');
    expect(warnings.some((w) => /page chrome <form id="search_form">/.test(w.message))).toBe(true);
    expect(toText(doc)).toContain('两会成为了解国情的窗口');
  });

  it('MathJax 3 formulas without TeX keep their characters, with one warning', () => {
    const { doc, warnings } = fixture('mathjax3-mathml.html');
    expect(toText(doc)).toContain('ax2+bx+c=0');
    expect(warnings.filter((w) => /without TeX/.test(w.message))).toHaveLength(1);
  });

  it('a page in GB2312 by its <meta http-equiv> decodes by the declaration', () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'charset-gb2312-heze-air-report.html')));
    const decoded = decodeHtml(bytes);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.declared).toBe('gb2312');
    expect(decoded.text).toContain('菏泽市环境空气质量日分析报告');
    expect(decoded.text).toContain('µg/m');
  });
});

/* ------------------------------------------------------------------------------------------------
 * Rules, one case each
 * --------------------------------------------------------------------------------------------- */

const KATEX_INLINE =
  '<span class="katex"><span class="katex-mathml"><math><semantics><mrow><msub><mi>x</mi><mn>1</mn></msub></mrow><annotation encoding="application/x-tex">x_1</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="mord">x1</span></span></span>';
const KATEX_DISPLAY =
  '<span class="katex-display"><span class="katex"><span class="katex-mathml"><math display="block"><semantics><mrow><mi>E</mi></mrow><annotation encoding="application/x-tex">E = mc^2</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">E=mc2</span></span></span>';

describe('formulas', () => {
  it('KaTeX: display math alone in its paragraph is a math block, inline math is inlineMath', () => {
    expect(blocks(`<p>${KATEX_DISPLAY}</p><p>设${KATEX_INLINE}为首项</p>`)).toEqual([
      { type: 'math', value: 'E = mc^2' },
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: '设' },
          { type: 'inlineMath', value: 'x_1' },
          { type: 'text', value: '为首项' },
        ],
      },
    ]);
  });

  it('MathJax 2 keeps the TeX in <script type="math/tex">; its rendered copy goes', () => {
    const html =
      '<p>面积<span class="MathJax_Preview">S</span><span class="MathJax">S=πr²</span><script type="math/tex">S=\\pi r^2</script>。</p><div class="MathJax_Display">…</div><script type="math/tex; mode=display">\\sum_i x_i</script>';
    expect(blocks(html)).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: '面积' },
          { type: 'inlineMath', value: 'S=\\pi r^2' },
          { type: 'text', value: '。' },
        ],
      },
      { type: 'math', value: '\\sum_i x_i' },
    ]);
  });

  it('MathML with an alttext keeps it as TeX', () => {
    expect(blocks('<p><math alttext="a^2"><msup><mi>a</mi><mn>2</mn></msup></math></p>')).toEqual([
      { type: 'paragraph', children: [{ type: 'inlineMath', value: 'a^2' }] },
    ]);
  });
});

describe('code blocks of AI chat pages', () => {
  it('ChatGPT: the language bar and copy button inside <pre> go; the language comes from the code', () => {
    const html =
      '<div class="markdown prose"><pre><div class="bg-black"><div class="flex"><span>python</span><button>Copy code</button></div><div class="p-4"><code class="!whitespace-pre hljs language-python"><span class="hljs-built_in">print</span>(1)\n</code></div></div></pre></div>';
    expect(blocks(html)).toEqual([{ type: 'code', lang: 'python', meta: null, value: 'print(1)' }]);
  });

  it('DeepSeek: the banner around <pre> goes; its label is the language', () => {
    const html =
      '<div class="md-code-block"><div class="md-code-block-banner-wrap"><div class="md-code-block-banner"><span class="d813de27">bash</span><div><div role="button">复制</div><div role="button">下载</div></div></div></div><pre>ls -l</pre></div><p>然后运行。</p>';
    expect(blocks(html)).toEqual([
      { type: 'code', lang: 'bash', meta: null, value: 'ls -l' },
      { type: 'paragraph', children: [{ type: 'text', value: '然后运行。' }] },
    ]);
  });

  it('a short paragraph before a code block is not taken for its frame', () => {
    const html = '<div><p>Run:</p><pre><code>make</code></pre></div>';
    expect(blocks(html)).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'Run:' }] },
      { type: 'code', lang: null, meta: null, value: 'make' },
    ]);
  });
});

describe('what a reader never sees, and page chrome', () => {
  it('hidden elements, buttons and scripts leave no text; hidden text is counted in one warning', () => {
    const { doc, warnings } = read(
      '<p>正文<span hidden>藏</span><span style="display: none">藏</span><span aria-hidden="true">藏</span><button>复制</button><script>x()</script></p>',
    );
    expect(shape(doc.children)).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: '正文' }] }]);
    expect(warnings.map((w) => w.message)).toEqual([
      '3 hidden elements with text dropped (a reader of the page never sees them)',
    ]);
  });

  it("an AI chat page's reasoning is not the answer: it goes, with a warning", () => {
    const { doc, warnings } = read(
      '<div class="ds-message"><div class="ds-think-content"><p>用户问的是……</p></div><div class="ds-markdown"><p>答案。</p></div></div><div data-testid="think_block_collapse"><p>思考中</p></div>',
    );
    expect(toText(doc)).toBe('答案。');
    expect(warnings.map((w) => w.message)).toEqual([
      'page chrome the AI\'s reasoning <div class="ds-think-content"> dropped (7 characters)',
      "page chrome the AI's reasoning <div> dropped (3 characters)",
    ]);
  });

  it("a page's <nav>, <aside> and its own <header>/<footer> go with warnings; an article's header stays", () => {
    const { doc, warnings } = read(
      '<html><body><header>网站名</header><nav>首页</nav><article><header><h1>标题</h1></header><p>正文。</p></article><aside>相关</aside><footer>版权</footer></body></html>',
    );
    expect(doc.children.map((block) => toText(block))).toEqual(['标题', '正文。']);
    expect(warnings.map((w) => w.message)).toEqual([
      "page chrome the page's <header> dropped (3 characters)",
      'page chrome <nav> dropped (2 characters)',
      'page chrome <aside> dropped (2 characters)',
      "page chrome the page's <footer> dropped (2 characters)",
    ]);
  });

  it('a whole page is read from <main> when it has one; a clipboard fragment is read whole', () => {
    const filler = '这是正文。'.repeat(100);
    const page = `<html><body><div>侧栏文字很多很多${'链'.repeat(50)}</div><main><p>${filler}</p></main></body></html>`;
    expect(read(page).doc.children.map((block) => toText(block))).toEqual([filler]);
    const clipboard = `<html><body><!--StartFragment--><div>侧栏</div><main><p>${filler}</p></main><!--EndFragment--></body></html>`;
    expect(read(clipboard).doc.children).toHaveLength(2);
  });
});

describe('main content, carefully', () => {
  const filler = (text: string) => `<p>${text.repeat(60)}</p>`;

  it('a table of figures holding most of a page is part of its content, not all of it', () => {
    const rows = `<tr><td>${'数据'.repeat(20)}</td><td>${'数值'.repeat(20)}</td></tr>`.repeat(20);
    const page = `<html><body><div><p>说明文字在表格之前。</p><table>${rows}</table><p>表格之后的结语。</p></div></body></html>`;
    const texts = read(page).doc.children.map((block) => block.type);
    expect(texts).toEqual(['paragraph', 'table', 'paragraph']);
  });

  it('an old page set in a layout table: the content cell is found', () => {
    const page = `<html><body><table><tr><td><p>导航</p><p>首页</p></td><td>${filler('正文很长。')}${filler('第二段。')}</td></tr></table></body></html>`;
    const { doc } = read(page);
    expect(doc.children).toHaveLength(2);
    expect(toText(doc)).not.toContain('导航');
  });

  it('a Word document saved as a web page is read whole', () => {
    const body = `<div class=WordSection1><p>开头一句。</p><div>${'<p>正文内容，正文内容。</p>'.repeat(60)}</div></div>`;
    const word = `<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta name=Generator content="Microsoft Word 15"></head><body>${body}</body></html>`;
    expect(toText(read(word).doc.children[0] as BlockContent)).toBe('开头一句。');
    // The same page from anywhere else is searched for its main content.
    expect(toText(read(`<html><body>${body}</body></html>`).doc.children[0] as BlockContent)).toBe(
      '正文内容，正文内容。',
    );
  });
});

describe('office clipboard', () => {
  it('Word bullets nest by their mso-list level', () => {
    const para = (level: number, text: string) =>
      `<p class=MsoListParagraph style='mso-list:l0 level${level} lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>${text}<o:p></o:p></p>`;
    const html = `<html><body><!--StartFragment-->${para(1, '甲')}${para(2, '乙')}${para(1, '丙')}<!--EndFragment--></body></html>`;
    const item = (text: string, more: BlockContent[] = []) => ({
      type: 'listItem',
      checked: null,
      spread: false,
      children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }, ...more],
    });
    expect(blocks(html)).toEqual([
      {
        type: 'list',
        ordered: false,
        start: null,
        spread: false,
        children: [
          item('甲', [{ type: 'list', ordered: false, start: null, spread: false, children: [item('乙')] } as never]),
          item('丙'),
        ],
      },
    ]);
  });

  it('Google Docs spans: font-weight 700 is strong, italic is emphasis, vertical-align super is superscript', () => {
    const html =
      '<b style="font-weight:normal;" id="docs-internal-guid-1"><p><span style="font-weight:700">粗</span><span style="font-style:italic">斜</span>m<span style="vertical-align:super">2</span></p></b>';
    expect(blocks(html)).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'strong', children: [{ type: 'text', value: '粗' }] },
          { type: 'emphasis', children: [{ type: 'text', value: '斜' }] },
          { type: 'text', value: 'm' },
          { type: 'superscript', children: [{ type: 'text', value: '2' }] },
        ],
      },
    ]);
  });

  it("office programs' own elements (<o:p>, <w:sdt>, <st1:chsdate>) are unwrapped without a warning; other unknown ones warn once", () => {
    const { doc, warnings } = read(
      '<p><w:sdt>内容控件</w:sdt><st1:chsdate Year="2024">2024年</st1:chsdate><o:p></o:p><blink>闪</blink><blink>烁</blink></p>',
    );
    expect(toText(doc)).toBe('内容控件2024年闪烁');
    expect(warnings.map((w) => w.message)).toEqual(['unsupported HTML element <blink> removed, its text kept']);
  });

  it("Windows' clipboard header is blanked: positions stay those of the input", () => {
    const html = 'Version:0.9\nStartHTML:0000000105\nEndHTML:0000000180\n<html><body>\n<h2>标题</h2></body></html>';
    const [heading] = parseHtml(html).children;
    expect(heading?.type).toBe('heading');
    expect(heading?.position?.start).toEqual({ line: 5, column: 1, offset: html.indexOf('<h2>') });
  });
});

describe('text, tables and the rest', () => {
  it('whitespace collapses as a browser shows it; a line break between Chinese characters is nothing', () => {
    expect(blocks('<p>  第一\n  第二 and\n  three&nbsp;&nbsp;four </p>')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: '第一第二 and three four' }] },
    ]);
  });

  it('tables keep their spans and header; images are placeholders; javascript: links are text', () => {
    const { doc, warnings } = read(
      '<table><tr><th colspan="2">表头</th></tr><tr><td rowspan="2">甲</td><td>乙</td></tr><tr><td>丙</td></tr></table><p><img src="a.png" alt="图一"><a href="javascript:void(0)">链接</a></p>',
    );
    const table = doc.children[0] as Table;
    expect(table.headerRows).toBe(1);
    expect(table.children.map((row) => row.children.map((cell) => [cell.rowSpan, cell.colSpan]))).toEqual([
      [[1, 2]],
      [
        [2, 1],
        [1, 1],
      ],
      [[1, 1]],
    ]);
    expect(shape(doc.children[1])).toEqual({
      type: 'paragraph',
      children: [
        { type: 'image', url: 'a.png', title: null, alt: '图一' },
        { type: 'text', value: '链接' },
      ],
    });
    expect(warnings.map((w) => w.code)).toEqual(['unsafe-url']);
  });

  it('positions are lines and columns of the input', () => {
    const html = '<html>\n<body>\n  <p>甲</p>\n  <h3>乙</h3>\n</body></html>';
    const [paragraph, heading] = parseHtml(html).children;
    expect(paragraph?.position?.start).toMatchObject({ line: 3, column: 3 });
    expect(heading?.position?.end).toMatchObject({ line: 4, column: 13 });
  });

  it('comments vanish silently, but one never closed says that it hid the rest', () => {
    expect(read('<p>前<!--[if gte mso 9]>x<![endif]--></p>').warnings).toEqual([]);
    const { doc, warnings } = read('<p>前</p><!-- <p>后</p>');
    expect(toText(doc)).toBe('前');
    expect(warnings.map((w) => w.message)).toEqual(['HTML comment never closed: it and everything after it dropped']);
  });

  it('empty input and a page with nothing to read give an empty document', () => {
    expect(parseHtml('').children).toEqual([]);
    expect(parseHtml('<html><head><title>t</title></head><body><script>1</script></body></html>').children).toEqual([]);
  });

  it('nesting fifty thousand elements deep is read (flattened with a warning), not a crash or a hang', () => {
    const html = `<html><body>${'<div><span>'.repeat(50000)}深处${'</span></div>'.repeat(50000)}<p>后文</p></body></html>`;
    const { doc, warnings } = read(html);
    expect(toText(doc)).toContain('深处');
    expect(toText(doc)).toContain('后文');
    expect(warnings.some((w) => w.code === 'too-deep')).toBe(true);
  });

  it('a UTF-8 page that still declares GB2312 is read as UTF-8', () => {
    const bytes = new TextEncoder().encode('<meta charset="gb2312"><p>报告</p>');
    expect(decodeHtml(bytes)).toMatchObject({ encoding: 'utf-8', text: '<meta charset="gb2312"><p>报告</p>' });
  });
});
