/**
 * Raw HTML in Markdown: the supported elements become nodes, the rest vanishes or is unwrapped with
 * a warning that carries its position, and the Markdown around and inside HTML is never lost.
 */
import { describe, expect, it } from 'vitest';
import { type BlockContent, type Document, parse, type Table, toText, type Warning } from '../src/index.js';

function read(markdown: string): { doc: Document; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const doc = parse(markdown, { onWarning: (warning) => warnings.push(warning) });
  return { doc, warnings };
}

function shape<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'position' ? undefined : v)));
}

function blocks(markdown: string): BlockContent[] {
  return shape(parse(markdown).children);
}

describe('inline elements', () => {
  const wrappers: [string, string][] = [
    ['u', 'underline'],
    ['ins', 'underline'],
    ['del', 'delete'],
    ['s', 'delete'],
    ['strike', 'delete'],
    ['strong', 'strong'],
    ['b', 'strong'],
    ['em', 'emphasis'],
    ['i', 'emphasis'],
    ['mark', 'mark'],
    ['sub', 'subscript'],
    ['sup', 'superscript'],
  ];
  for (const [tag, type] of wrappers) {
    it(`<${tag}> is ${type}`, () => {
      expect(blocks(`前<${tag}>文字</${tag}>后`)).toEqual([
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: '前' },
            { type, children: [{ type: 'text', value: '文字' }] },
            { type: 'text', value: '后' },
          ],
        },
      ]);
    });
  }

  it('<code>, <a>, <img>, <br>; <span> and <small> keep their content without a node', () => {
    const { doc, warnings } = read(
      '<code>a<i>b</i>c</code> <a href="https://a.cn" title="甲">链接</a> <img src="p.png" alt="图" title="乙"> 一<br>二 <span class="x">跨</span><small>小</small>',
    );
    expect(shape(doc.children)).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'inlineCode', value: 'abc' },
          { type: 'text', value: ' ' },
          { type: 'link', url: 'https://a.cn', title: '甲', children: [{ type: 'text', value: '链接' }] },
          { type: 'text', value: ' ' },
          { type: 'image', url: 'p.png', title: '乙', alt: '图' },
          { type: 'text', value: ' 一' },
          { type: 'break' },
          { type: 'text', value: '二 跨小' },
        ],
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('tags pair across Markdown: emphasis inside <sub>, <u> around a link', () => {
    expect(blocks('H<sub>*2*</sub>O 与 <u>[站](https://a.cn)</u>')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'H' },
          { type: 'subscript', children: [{ type: 'emphasis', children: [{ type: 'text', value: '2' }] }] },
          { type: 'text', value: 'O 与 ' },
          {
            type: 'underline',
            children: [{ type: 'link', url: 'https://a.cn', title: null, children: [{ type: 'text', value: '站' }] }],
          },
        ],
      },
    ]);
  });

  it('character references in HTML are decoded', () => {
    expect(toText(parse('<b>AT&amp;T &lt;甲&gt; &#x4E2D;</b>'))).toBe('AT&T <甲> 中');
  });

  it('an image with an unsafe source keeps its alt text', () => {
    const { doc, warnings } = read('<img src="javascript:alert(1)" alt="图一">');
    expect(toText(doc)).toBe('图一');
    expect(warnings.map((warning) => warning.code)).toEqual(['unsafe-url']);
  });
});

describe('block elements', () => {
  it('p, div, br, img, hr, ul, ol, li, blockquote, pre, h1–h6', () => {
    const { doc, warnings } = read(
      [
        '<div>',
        '<h2>标题</h2>',
        '<p>第一段<br>换行</p>',
        '<p><img src="a.png" alt="图"></p>',
        '<hr>',
        '<ul><li>甲</li><li><p>乙</p><ol start="3"><li>丙</li></ol></li></ul>',
        '<blockquote><p>引文</p></blockquote>',
        '<pre><code class="language-js">let a = 1 &lt; 2;\n</code></pre>',
        '</div>',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(shape(doc.children)).toEqual([
      { type: 'heading', depth: 2, children: [{ type: 'text', value: '标题' }] },
      {
        type: 'paragraph',
        children: [{ type: 'text', value: '第一段' }, { type: 'break' }, { type: 'text', value: '换行' }],
      },
      { type: 'paragraph', children: [{ type: 'image', url: 'a.png', title: null, alt: '图' }] },
      { type: 'thematicBreak' },
      {
        type: 'list',
        ordered: false,
        start: null,
        spread: false,
        children: [
          {
            type: 'listItem',
            checked: null,
            spread: false,
            children: [{ type: 'paragraph', children: [{ type: 'text', value: '甲' }] }],
          },
          {
            type: 'listItem',
            checked: null,
            spread: false,
            children: [
              { type: 'paragraph', children: [{ type: 'text', value: '乙' }] },
              {
                type: 'list',
                ordered: true,
                start: 3,
                spread: false,
                children: [
                  {
                    type: 'listItem',
                    checked: null,
                    spread: false,
                    children: [{ type: 'paragraph', children: [{ type: 'text', value: '丙' }] }],
                  },
                ],
              },
            ],
          },
        ],
      },
      { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: '引文' }] }] },
      { type: 'code', lang: 'js', meta: null, value: 'let a = 1 < 2;' },
    ]);
  });

  it('inline HTML inside a block stays on its line: 正文<font>红字</font> is one paragraph', () => {
    const { doc, warnings } = read('<div>正文<font color="red">红字</font></div>');
    expect(shape(doc.children)).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: '正文红字' }] }]);
    expect(warnings.map((warning) => warning.code)).toEqual(['html-unknown']);
  });

  it('block-level elements without a node of their own still separate blocks', () => {
    expect(blocks('<section>甲</section><section>乙</section>')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: '甲' }] },
      { type: 'paragraph', children: [{ type: 'text', value: '乙' }] },
    ]);
  });

  it('Markdown between HTML tags is kept, and pairs with them', () => {
    expect(blocks('<div>\n\n**粗体**段落\n\n</div>\n\n<em>\n\n段一\n\n段二\n\n</em>')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'strong', children: [{ type: 'text', value: '粗体' }] },
          { type: 'text', value: '段落' },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', value: '段一' }] },
      { type: 'paragraph', children: [{ type: 'text', value: '段二' }] },
    ]);
    // A paragraph inside <pre> is part of the preformatted text.
    expect(toText(parse('<table><tr><td>\n<pre>\n**Hello**,\n\n_world_.\n</pre>\n</td></tr></table>'))).toBe(
      '**Hello**,\nworld.',
    );
  });
});

describe('tables', () => {
  it('rowspan, colspan, thead, th and caption give spans, header rows and a caption', () => {
    const table = parse(
      [
        '<table><caption>表1</caption>',
        '<thead><tr><th rowspan="2">地区</th><th colspan="2">增长</th></tr><tr><th>甲</th><th>乙</th></tr></thead>',
        '<tbody><tr><td>潍坊</td><td align="right">1</td><td style="text-align:center">2</td></tr></tbody>',
        '</table>',
      ].join('\n'),
    ).children[0] as Table;
    expect(table.type).toBe('table');
    expect(table.headerRows).toBe(2);
    expect(shape(table.caption)).toEqual([{ type: 'text', value: '表1' }]);
    const grid = table.children.map((row) =>
      row.children.map((cell) => [toText(cell), cell.rowSpan, cell.colSpan, cell.header, cell.align ?? null]),
    );
    expect(grid).toEqual([
      [
        ['地区', 2, 1, true, null],
        ['增长', 1, 2, true, null],
      ],
      [
        ['甲', 1, 1, true, null],
        ['乙', 1, 1, true, null],
      ],
      [
        ['潍坊', 1, 1, false, null],
        ['1', 1, 1, false, 'right'],
        ['2', 1, 1, false, 'center'],
      ],
    ]);
  });

  it('leading rows of <th> are the header without <thead>; rowspan="0" spans to the end', () => {
    const table = parse(
      '<table><tr><th>甲</th></tr><tr><td rowspan="0">乙</td></tr><tr><td>丙</td></tr><tr><td colspan="x">丁</td></tr></table>',
    ).children[0] as Table;
    expect(table.headerRows).toBe(1);
    expect(table.children[1]?.children[0]?.rowSpan).toBe(3);
    expect(table.children[3]?.children[0]?.colSpan).toBe(1);
  });

  it('paragraphs in a cell are kept as lines; a list in a cell keeps its items', () => {
    const table = parse('<table><tr><td><p>一</p><p>二</p><ul><li>甲</li><li>乙</li></ul></td></tr></table>')
      .children[0] as Table;
    expect(shape(table.children[0]?.children[0]?.children)).toEqual([
      { type: 'text', value: '一' },
      { type: 'break' },
      { type: 'text', value: '二' },
      { type: 'break' },
      { type: 'text', value: '甲' },
      { type: 'break' },
      { type: 'text', value: '乙' },
    ]);
  });
});

describe('what vanishes, with a warning at the right line', () => {
  it('<script>, <style>, comments and unknown elements', () => {
    const { doc, warnings } = read(
      [
        '第一段',
        '',
        '<script>alert("x")</script>',
        '',
        '第二段<!-- 注释 -->有<blink>闪烁</blink>',
        '',
        '<style>',
        'p { color: red }',
        '</style>',
        '',
        '> 引用',
        '> <div>',
        '> <!-- 引用里的注释 -->',
        '> </div>',
        '',
        '<template><p>模板</p></template><noscript>无脚本</noscript><iframe src="x"></iframe>',
      ].join('\n'),
    );
    expect(toText(doc)).toBe('第一段\n第二段有闪烁\n引用');
    const found = warnings.map((warning) => [
      warning.code,
      warning.position?.start.line,
      warning.position?.start.column,
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['html-dropped', 3, 1],
        ['html-comment', 5, 4],
        ['html-unknown', 5, 16],
        ['html-dropped', 7, 1],
        ['html-comment', 13, 3],
        ['html-dropped', 16, 1],
        ['html-dropped', 16, 31],
        ['html-dropped', 16, 55],
      ]),
    );
    expect(found).toHaveLength(8);
  });

  it('Markdown inside an element that is dropped survives it', () => {
    const { doc } = read('<object>\n\n**保留**\n\n</object>');
    expect(toText(doc)).toBe('保留');
  });

  it('raw-text elements left open (title, textarea, xmp, plaintext) do not swallow the Markdown after them', () => {
    const { doc } = read('甲<title>标题 **粗体** 乙<textarea>丙 *斜体*\n\n<xmp>\n\n**段落**\n\n<plaintext>\n\n末段');
    const text = toText(doc);
    for (const word of ['甲', '粗体', '乙', '斜体', '段落', '末段']) expect(text).toContain(word);
    expect(text).not.toContain('wenshu-slot');
  });

  it('an unterminated tag or attribute does not swallow the next paragraph', () => {
    expect(toText(parse('<div class="没有结束\n\n下一段'))).toBe('下一段');
    expect(toText(parse('<div\n\n下一段'))).toBe('下一段');
  });

  it('Markdown that HTML cannot hold (inside <select>) is moved after it, with a warning', () => {
    const { doc, warnings } = read('<select>\n\n**选项外的文字**\n\n</select>');
    expect(toText(doc)).toBe('选项外的文字');
    expect(warnings.some((warning) => warning.message.includes('moved after'))).toBe(true);
  });
});
