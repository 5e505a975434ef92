/**
 * The about sheet: what the workbook was made from and what is in it, so a spreadsheet passed
 * around on its own still says where its numbers came from. It also lists the table sheets with
 * their full captions, which a sheet name (31 characters at most) may have had to cut.
 */
import type { Document } from '@wenshu/parser';
import type { Labels } from './labels.js';
import { num, type SheetModel, type SheetRow, text } from './model.js';
import { columnWidth } from './text-width.js';

export interface AboutFacts {
  document: Document;
  sourceFile: string | undefined;
  version: string | undefined;
  /** The generation time, as an ISO 8601 string in UTC. */
  generated: string;
  items: number;
  figures: number;
  characters: number;
  tables: { sheet: string; caption: string | null }[];
}

export function aboutSheet(facts: AboutFacts, labels: Labels): SheetModel {
  const names = labels.about;
  const meta = facts.document.meta;
  const pairs: [string, string | number][] = [
    [names.title, meta.title ?? ''],
    [names.sourceFile, facts.sourceFile ?? ''],
    [names.continuedFrom, meta.continuedFrom ?? ''],
    [names.continuedTo, meta.continuedTo ?? ''],
    [names.items, facts.items],
    [names.tables, facts.tables.length],
    [names.figures, facts.figures],
    [names.characters, facts.characters],
    [names.version, facts.version ?? ''],
    [names.generated, facts.generated],
  ];
  const rows: SheetRow[] = pairs.map(([label, value]) => ({
    cells: [text(label, 'label'), typeof value === 'number' ? num(value) : text(value, 'plain')],
  }));
  if (facts.tables.length > 0) {
    rows.push({ cells: [] });
    rows.push({ cells: [text(names.sheet, 'header'), text(names.caption, 'header')] });
    for (const table of facts.tables) {
      rows.push({ cells: [text(table.sheet, 'plain'), text(table.caption ?? '', 'plain')] });
    }
  }
  const column = (index: number) =>
    rows.map((row) => row.cells[index]?.value).filter((value): value is string => typeof value === 'string');
  return {
    name: labels.sheets.about,
    columns: [columnWidth(column(0), 12, 34), columnWidth(column(1), 20, 80)],
    rows,
    merges: [],
    frozenRows: 0,
  };
}
