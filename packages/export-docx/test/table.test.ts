import { planTable, type Table, type TableCell, type TableRow, tableGrid, toText } from '@wenshu/parser';
import { describe, expect, it } from 'vitest';
import { gridWidths, layoutTable } from '../src/lib/handlers/table.js';
import { descendants, doc, element, elements, md, must, paragraphText, pStyle, render, textOf } from './docx.js';

function cell(value: string, rowSpan = 1, colSpan = 1, header = false): TableCell {
  return { type: 'tableCell', header, rowSpan, colSpan, children: [{ type: 'text', value }] };
}
function row(...cells: TableCell[]): TableRow {
  return { type: 'tableRow', children: cells };
}
function table(rows: TableRow[], headerRows = 0): Table {
  return { type: 'table', align: [], headerRows, children: rows };
}

/** Each row as Word sees it: [text, gridSpan, vMerge] per w:tc. */
async function wordGrid(t: Table) {
  const out = await render(doc([t]));
  const tbl = must(descendants(out.xml('word/document.xml'), 'w:tbl')[0]);
  return {
    out,
    tbl,
    rows: elements(tbl, 'w:tr').map((tr) =>
      elements(tr, 'w:tc').map((tc) => {
        const tcPr = must(element(tc, 'w:tcPr'));
        const span = element(tcPr, 'w:gridSpan')?.attributes['w:val'];
        const vMerge = element(tcPr, 'w:vMerge');
        return [
          descendants(tc, 'w:t').map(textOf).join(''),
          span ? Number(span) : 1,
          vMerge ? (vMerge.attributes['w:val'] ?? 'continue') : '',
        ];
      }),
    ),
  };
}

describe('layoutTable', () => {
  it('places cells after the positions taken by spans from above', () => {
    const layout = layoutTable(table([row(cell('A', 2), cell('B'), cell('C')), row(cell('D'), cell('E'))]));
    expect(layout.columns).toBe(3);
    expect(
      layout.rows.map((r) => r.map((s) => (s.kind === 'empty' ? '·' : `${s.kind}:${toText(s.placed.cell)}`))),
    ).toEqual([
      ['start:A', 'start:B', 'start:C'],
      ['continue:A', 'start:D', 'start:E'],
    ]);
  });

  it('cuts row spans at the last row and column spans at overlapping cells', () => {
    const layout = layoutTable(table([row(cell('A'), cell('B', 2)), row(cell('C', 5, 3))]));
    expect(layout.columns).toBe(2);
    const second = must(layout.rows[1]);
    expect(second.map((s) => s.kind)).toEqual(['start', 'continue']);
    expect(second[0]?.kind === 'start' && second[0].placed.colSpan).toBe(1);
    expect(second[0]?.kind === 'start' && second[0].placed.rowSpan).toBe(1);
  });

  it('fills ragged rows with empty cells', () => {
    const layout = layoutTable(table([row(cell('A'), cell('B'), cell('C')), row(cell('D'))]));
    expect(must(layout.rows[1]).map((s) => s.kind)).toEqual(['start', 'empty', 'empty']);
  });

  it('gives columns widths that fill the text width, wider for longer text', () => {
    const node = table([row(cell('序号'), cell('工作内容很长很长很长很长很长很长很长'), cell('1'))]);
    const plan = planTable(tableGrid(node), { widthPt: 450, sizePt: 10.5, floorPt: 9, paddingPt: 8, rulePt: 0.5 });
    const widths = gridWidths(must(plan.parts[0]).widthsPt, 0.5, 9000);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9000);
    expect(widths[1]).toBeGreaterThan(must(widths[0]));
    // A column of one digit still gets room for its text and padding.
    expect(must(widths[2])).toBeGreaterThan((0.6 * 10.5 + 8) * 20);
  });
});

describe('tables in Word', () => {
  it('turn rowspan and colspan into vMerge and gridSpan in the right cells', async () => {
    const { rows } = await wordGrid(
      table(
        [
          row(cell('地区', 2, 1, true), cell('指标', 1, 2, true)),
          row(cell('2022', 1, 1, true), cell('2023', 1, 1, true)),
          row(cell('潍坊'), cell('1'), cell('2')),
        ],
        2,
      ),
    );
    expect(rows).toEqual([
      [
        ['地区', 1, 'restart'],
        ['指标', 2, ''],
      ],
      [
        ['', 1, 'continue'],
        ['2022', 1, ''],
        ['2023', 1, ''],
      ],
      [
        ['潍坊', 1, ''],
        ['1', 1, ''],
        ['2', 1, ''],
      ],
    ]);
  });

  it('continue a cell spanning rows and columns with a merged cell of the same span', async () => {
    const { rows } = await wordGrid(
      table([row(cell('A', 2, 2), cell('B')), row(cell('C')), row(cell('D'), cell('E'), cell('F'))]),
    );
    expect(rows).toEqual([
      [
        ['A', 2, 'restart'],
        ['B', 1, ''],
      ],
      [
        ['', 2, 'continue'],
        ['C', 1, ''],
      ],
      [
        ['D', 1, ''],
        ['E', 1, ''],
        ['F', 1, ''],
      ],
    ]);
  });

  it('read spans from an HTML table and repeat the header row on each page', async () => {
    const source = [
      '<table>',
      '<tr><th rowspan="2">类别</th><th colspan="2">数量</th></tr>',
      '<tr><th>2022</th><th>2023</th></tr>',
      '<tr><td>耕地</td><td>161</td><td>170</td></tr>',
      '</table>',
    ].join('\n');
    const parsed = md(source);
    const t = parsed.children[0];
    expect(t?.type).toBe('table');
    const { rows, tbl } = await wordGrid(t as Table);
    expect(rows[0]).toEqual([
      ['类别', 1, 'restart'],
      ['数量', 2, ''],
    ]);
    expect(rows[1]).toEqual([
      ['', 1, 'continue'],
      ['2022', 1, ''],
      ['2023', 1, ''],
    ]);
    const headers = elements(tbl, 'w:tr').map((tr) => Boolean(descendants(tr, 'w:tblHeader')[0]));
    const headerRows = (t as Table).headerRows;
    expect(headerRows).toBeGreaterThan(0);
    expect(headers).toEqual([0, 1, 2].map((i) => i < headerRows));
  });

  it('fit the text width with a fixed grid, in the Table Grid style, aligned as the source says', async () => {
    const { tbl, out } = await wordGrid(md('| 项目 | 数值 |\n|:--|--:|\n| 耕地 | 161 |\n').children[0] as Table);
    const tblPr = must(element(tbl, 'w:tblPr'));
    expect(element(tblPr, 'w:tblStyle')?.attributes['w:val']).toBe('TableGrid');
    expect(element(tblPr, 'w:tblW')?.attributes).toMatchObject({ 'w:type': 'dxa', 'w:w': String(11906 - 1803 - 1803) });
    expect(element(tblPr, 'w:tblLayout')?.attributes['w:type']).toBe('fixed');
    const grid = elements(must(element(tbl, 'w:tblGrid')), 'w:gridCol').map((g) => Number(g.attributes['w:w']));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 1803 - 1803);
    const cells = descendants(tbl, 'w:p');
    expect(cells.map((p) => pStyle(p))).toEqual(['TableHeading', 'TableHeading', 'TableText', 'TableText']);
    const jc = cells.map((p) => descendants(p, 'w:jc')[0]?.attributes['w:val']);
    expect(jc).toEqual(['left', 'right', 'left', 'right']);
    expect(paragraphText(must(cells[3]))).toBe('161');
    expect(descendants(out.xml('word/styles.xml'), 'w:tblBorders')).toHaveLength(1);
  });

  it('write a caption above the table and keep two tables apart', async () => {
    const t = { ...table([row(cell('甲'))]), caption: [{ type: 'text' as const, value: '表1 指标' }] };
    const out = await render(doc([t, table([row(cell('乙'))])]));
    const body = must(element(out.xml('word/document.xml'), 'w:body'));
    const kinds = elements(body).map((el) => (el.name === 'w:p' ? `p:${pStyle(el)}` : el.name));
    expect(kinds).toEqual(['p:Caption', 'w:tbl', 'p:TableText', 'w:tbl', 'p:Normal', 'w:sectPr']);
  });
});
