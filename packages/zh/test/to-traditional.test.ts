import type { Document, Item, Paragraph, PhrasingContent, Table } from '@wenshu/parser';
import { toText } from '@wenshu/parser';
import { describe, expect, it } from 'vitest';
import { convertText, toTraditional, VARIANTS, type Variant } from '../src/index.js';

// Trees are built by hand, so that these tests say what the conversion does whatever the parser
// makes of a given Markdown text.
const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (...children: PhrasingContent[]): PhrasingContent => ({ type: 'strong', children });
const emphasis = (...children: PhrasingContent[]): PhrasingContent => ({ type: 'emphasis', children });
const strike = (...children: PhrasingContent[]): PhrasingContent => ({ type: 'delete', children });
const sub = (...children: PhrasingContent[]): PhrasingContent => ({ type: 'subscript', children });
const sup = (...children: PhrasingContent[]): PhrasingContent => ({ type: 'superscript', children });
const link = (url: string, ...children: PhrasingContent[]): PhrasingContent => ({
  type: 'link',
  url,
  title: null,
  children,
});

function documentOf(...children: Document['children']): Document {
  return { type: 'document', version: 1, meta: {}, children, footnotes: [] };
}

/** The inline nodes of a one-paragraph document's edition. */
function inlineOf(nodes: PhrasingContent[], variant: Variant): PhrasingContent[] {
  const doc = toTraditional(documentOf({ type: 'paragraph', children: nodes }), { variant, quotes: 'keep' });
  return (doc.children[0] as Paragraph).children;
}

/** Each inline node's text. */
function textsOf(nodes: PhrasingContent[]): string[] {
  return nodes.map((node) => toText(node));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('phrases across inline boundaries', () => {
  it('**鼠**标: the strong node keeps one character, the whole reads as OpenCC gives 鼠标', () => {
    const expected: Record<Variant, string[]> = {
      t: ['鼠', '標'],
      tw: ['鼠', '標'],
      twp: ['滑', '鼠'],
      hk: ['鼠', '標'],
    };
    for (const variant of VARIANTS) {
      const nodes = inlineOf([strong(text('鼠')), text('标')], variant);
      expect(nodes.map((node) => node.type)).toEqual(['strong', 'text']);
      expect(textsOf(nodes), variant).toEqual(expected[variant]);
      expect(textsOf(nodes).join('')).toBe(convertText('鼠标', { variant }));
    }
  });

  it('[软](u)件: the link text and the text after it convert as 软件; the URL does not change', () => {
    for (const variant of VARIANTS) {
      const nodes = inlineOf([link('http://例子.cn/软件', text('软')), text('件')], variant);
      expect(textsOf(nodes), variant).toEqual(variant === 'twp' ? ['軟', '體'] : ['軟', '件']);
      expect(nodes[0]).toMatchObject({ type: 'link', url: 'http://例子.cn/软件' });
    }
  });

  it('软<sub>x</sub>件: a subscript is a line of its own, so 软 and 件 do not form 软件', () => {
    for (const variant of VARIANTS) {
      const nodes = inlineOf([text('软'), sub(text('x')), text('件')], variant);
      expect(nodes.map((node) => node.type)).toEqual(['text', 'subscript', 'text']);
      expect(textsOf(nodes), variant).toEqual(['軟', 'x', '件']);
    }
    // Without the subscript the two characters are the Taiwan word 軟體.
    expect(convertText('软件', { variant: 'twp' })).toBe('軟體');
  });

  it('a subscript or superscript is converted on its own, never joined with the line around it', () => {
    // OpenCC reads 鼠标 as one word (滑鼠 for Taiwan); a superscript 标 is not part of that word.
    expect(textsOf(inlineOf([text('鼠'), sup(text('标'))], 'twp'))).toEqual(['鼠', '標']);
    expect(textsOf(inlineOf([text('PM'), sub(text('2.5')), text('浓度')], 't'))).toEqual(['PM', '2.5', '濃度']);
    expect(textsOf(inlineOf([text('软'), sup(strong(text('件')))], 'twp'))).toEqual(['軟', '件']);
  });

  it('a phrase that changes length across a boundary goes wholly to the node where it starts', () => {
    expect(convertText('老挝人民民主共和国', { variant: 'twp' })).toBe('寮人民民主共和國');
    expect(textsOf(inlineOf([strong(text('老挝')), text('人民民主共和国')], 'twp'))).toEqual(['寮人民民主共和國', '']);
    expect(textsOf(inlineOf([text('访问'), emphasis(text('老挝人民')), text('民主共和国')], 'twp'))).toEqual([
      '訪問',
      '寮人民民主共和國',
      '',
    ]);
  });

  it('nested formatting and several boundaries inside one phrase', () => {
    expect(textsOf(inlineOf([emphasis(text('打')), strike(text('印')), strong(text('机'))], 'twp'))).toEqual([
      '印',
      '表',
      '機',
    ]);
    expect(textsOf(inlineOf([emphasis(text('打')), strike(text('印')), strong(text('机'))], 't'))).toEqual([
      '打',
      '印',
      '機',
    ]);
  });

  it('code, math and footnote references end a phrase and are never converted', () => {
    expect(textsOf(inlineOf([text('软'), { type: 'inlineCode', value: '件' }, text('件')], 'twp'))).toEqual([
      '軟',
      '件',
      '件',
    ]);
    expect(textsOf(inlineOf([text('软'), { type: 'inlineMath', value: '件' }, text('件')], 'twp'))).toEqual([
      '軟',
      '件',
      '件',
    ]);
    const doc = toTraditional(
      {
        ...documentOf({
          type: 'paragraph',
          children: [text('软'), { type: 'footnoteReference', identifier: '软件', number: 1 }, text('件')],
        }),
        footnotes: [
          {
            type: 'footnoteDefinition',
            identifier: '软件',
            label: '软件',
            number: 1,
            children: [{ type: 'paragraph', children: [text('软件说明')] }],
          },
        ],
      },
      { variant: 'twp' },
    );
    expect(textsOf((doc.children[0] as Paragraph).children)).toEqual(['軟', '1', '件']);
    expect((doc.children[0] as Paragraph).children[1]).toMatchObject({ identifier: '软件' });
    expect(doc.footnotes[0]).toMatchObject({ identifier: '软件', label: '软件' });
    expect(toText(doc.footnotes[0] as never)).toBe('軟體說明');
  });
});

describe('the rest of the document', () => {
  it('code and math blocks stay as they are', () => {
    const source = documentOf(
      { type: 'code', lang: 'js', meta: null, value: '// 软件\nconst 信息 = 1;' },
      { type: 'math', value: '\\text{信息}' },
    );
    const doc = toTraditional(source, { variant: 'twp' });
    expect(doc.children[0]).toMatchObject({ type: 'code', value: '// 软件\nconst 信息 = 1;', lang: 'js' });
    expect(doc.children[1]).toMatchObject({ type: 'math', value: '\\text{信息}' });
  });

  it('image alt and link and image titles are converted; URLs are not', () => {
    const image: PhrasingContent = { type: 'image', url: '图/软件.png', title: '软件标题', alt: '软件界面' };
    const titled: PhrasingContent = { type: 'link', url: 'http://信息.cn', title: '信息网', children: [text('信息')] };
    const [convertedImage, convertedLink] = inlineOf([image, titled], 'twp');
    expect(convertedImage).toMatchObject({ alt: '軟體介面', title: '軟體標題', url: '图/软件.png' });
    expect(convertedLink).toMatchObject({ title: '資訊網', url: 'http://信息.cn', children: [text('資訊')] });
  });

  it('meta.title converts and meta.lang names the edition', () => {
    const source: Document = {
      ...documentOf({ type: 'paragraph', children: [text('正文')] }),
      meta: { title: '软件信息', lang: 'zh-CN', frontMatter: { title: '软件信息', author: '张三' } },
    };
    const lang = { t: 'zh-Hant', tw: 'zh-TW', twp: 'zh-TW', hk: 'zh-HK' };
    for (const variant of VARIANTS) {
      const doc = toTraditional(source, { variant });
      expect(doc.meta.lang).toBe(lang[variant]);
      expect(doc.meta.title).toBe(convertText('软件信息', { variant }));
      expect(doc.meta.frontMatter).toEqual({ title: '软件信息', author: '张三' });
    }
  });

  it("an item's marker, run-in title and body read as one text", () => {
    const item: Item = {
      type: 'item',
      ordinal: { level: 3, number: 1, marker: '第一节', style: 'section' },
      title: [{ type: 'text', value: '软' }],
      children: [{ type: 'text', value: '件开发。' }],
    };
    const doc = toTraditional(documentOf(item), { variant: 'twp' });
    const converted = doc.children[0] as Item;
    expect(converted.ordinal).toEqual({ level: 3, number: 1, marker: '第一節', style: 'section' });
    expect(textsOf(converted.title ?? [])).toEqual(['軟']);
    expect(textsOf(converted.children)).toEqual(['體開發。']);
  });

  it("a heading's ordinal marker converts like its text", () => {
    const doc = toTraditional(
      documentOf({
        type: 'heading',
        depth: 2,
        ordinal: { level: 2, number: 1, marker: '第一节', style: 'section' },
        children: [text('第一节 总则')],
      }),
      { variant: 'tw' },
    );
    expect(doc.children[0]).toMatchObject({
      ordinal: { marker: '第一節', number: 1 },
      children: [text('第一節 總則')],
    });
  });

  it('table cells and captions are texts of their own', () => {
    const table: Table = {
      type: 'table',
      align: [null, null],
      headerRows: 1,
      caption: [{ type: 'text', value: '软件信息' }],
      children: [
        {
          type: 'tableRow',
          children: [
            { type: 'tableCell', header: true, rowSpan: 1, colSpan: 1, children: [{ type: 'text', value: '软' }] },
            { type: 'tableCell', header: true, rowSpan: 1, colSpan: 1, children: [{ type: 'text', value: '件' }] },
          ],
        },
      ],
    };
    const doc = toTraditional(documentOf(table), { variant: 'twp' });
    const converted = doc.children[0] as Table;
    expect(textsOf(converted.caption ?? [])).toEqual(['軟體資訊']);
    expect(converted.children[0]?.children.map((cell) => toText(cell))).toEqual(['軟', '件']);
  });

  it('lists, block quotes and headings convert; the input document is not modified', () => {
    const source = deepFreeze(
      documentOf(
        { type: 'heading', depth: 1, children: [text('信息')] },
        { type: 'blockquote', children: [{ type: 'paragraph', children: [text('软件')] }] },
        {
          type: 'list',
          ordered: false,
          start: null,
          spread: false,
          children: [
            {
              type: 'listItem',
              checked: true,
              spread: false,
              children: [
                { type: 'paragraph', children: [text('鼠标')] },
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
                      children: [{ type: 'paragraph', children: [text('打印机')] }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ),
    );
    const before = JSON.stringify(source);
    const doc = toTraditional(source, { variant: 'twp' });
    expect(JSON.stringify(source)).toBe(before);
    expect(toText(doc)).toBe('資訊\n軟體\n滑鼠\n印表機');
    expect(doc.children[2]).toMatchObject({ type: 'list', children: [{ checked: true }] });
  });

  it('the result shares no node with the input', () => {
    const source = documentOf(
      { type: 'paragraph', children: [text('软件'), strong(text('信息')), { type: 'inlineCode', value: '代码' }] },
      { type: 'thematicBreak' },
    );
    const nodes = new Set<object>();
    const collect = (value: unknown, into: Set<object>) => {
      if (value && typeof value === 'object' && 'type' in value) into.add(value);
      if (value && typeof value === 'object') for (const child of Object.values(value)) collect(child, into);
    };
    collect(source, nodes);
    const converted = new Set<object>();
    collect(toTraditional(source, { variant: 't' }) as Document, converted);
    expect([...converted].filter((node) => nodes.has(node))).toEqual([]);
  });
});

describe('quotation marks', () => {
  it('Taiwan and Hong Kong editions use corner brackets, nesting kept', () => {
    expect(convertText('他说：“我们‘一定’要赢。”', { variant: 'tw' })).toBe('他說：「我們『一定』要贏。」');
    expect(convertText('他说：“我们‘一定’要赢。”', { variant: 'twp' })).toBe('他說：「我們『一定』要贏。」');
    expect(convertText('他说：“我们‘一定’要赢。”', { variant: 'hk' })).toBe('他説：「我們『一定』要贏。」');
    expect(convertText('“软件”', { variant: 't' })).toBe('“軟件”');
  });

  it("quotes: 'keep' keeps them, 'corner' forces them", () => {
    expect(convertText('“软件”', { variant: 'twp', quotes: 'keep' })).toBe('“軟體”');
    expect(convertText('“软件”', { variant: 't', quotes: 'corner' })).toBe('「軟件」');
  });

  it('an apostrophe between Latin letters stays', () => {
    expect(convertText('“People’s Daily”（人民日报）', { variant: 'tw' })).toBe('「People’s Daily」（人民日報）');
  });

  it('quotes around formatted text convert in the document too', () => {
    const doc = toTraditional(
      documentOf({ type: 'paragraph', children: [text('“'), strong(text('软件')), text('”')] }),
      {
        variant: 'twp',
      },
    );
    expect(textsOf((doc.children[0] as Paragraph).children)).toEqual(['「', '軟體', '」']);
  });
});
