/**
 * The figures sheet: every quantity in the running text, one row each, with the section and item it
 * is in, what kind of figure it is, its value, unit, bound, scope and subject, the figure as written
 * and its sentence. Tables are not running text: their numbers are in the tables' own sheets.
 */
import { contextLength, sentenceContext } from './figure-context.js';
import { sentenceFigures, sentences } from './figures/extract.js';
import type { Figure } from './figures/types.js';
import type { Labels } from './labels.js';
import { type Cell, lazyRows, num, type SheetModel, type SheetRow, text } from './model.js';
import { columnWidth, rowHeight } from './text-width.js';
import type { Passage } from './walk.js';

/** A figure and where it stands in the document. */
export interface PlacedFigure extends Figure {
  section: string;
  /** The item's marker and run-in title (`3.青年人才队伍建设全省领先。`), `''` outside items. */
  item: string;
  /** How many figures its sentence holds. */
  inSentence: number;
}

/** The figures of every prose passage, in document order. */
export function documentFigures(passages: readonly Passage[]): PlacedFigure[] {
  const out: PlacedFigure[] = [];
  for (const passage of passages) {
    if (!passage.prose) continue;
    const item = passage.kind === 'item' ? `${passage.marker}${passage.title}` : '';
    // The run-in title is a sentence of its own (it ends with 。), so title and body read as one text.
    // Sentence by sentence as `extractFigures` reads them, to know how many figures share each.
    for (const sentence of sentences(`${passage.title}${passage.body}`)) {
      const figures = sentenceFigures(sentence);
      for (const figure of figures) out.push({ ...figure, section: passage.section, item, inSentence: figures.length });
    }
  }
  return out;
}

export function figuresSheet(figures: readonly PlacedFigure[], labels: Labels): SheetModel {
  const names = labels.figures;
  const widths = [
    columnWidth(
      figures.map((figure) => figure.section),
      10,
      24,
    ),
    columnWidth(
      figures.map((figure) => figure.item),
      10,
      30,
    ),
    columnWidth([names.kind, ...Object.values(labels.kinds)], 6, 10),
    12,
    columnWidth([names.unit, ...figures.map((figure) => figure.unit)], 6, 14),
    columnWidth([names.qualifier, ...figures.map((figure) => figure.qualifier)], 6, 12),
    columnWidth([names.scope, ...figures.map((figure) => figure.scope)], 6, 16),
    columnWidth(
      figures.map((figure) => figure.subject),
      12,
      24,
    ),
    columnWidth([names.written, ...figures.map((figure) => figure.text)], 10, 20),
    60,
  ] as const;

  const header: SheetRow = {
    cells: [
      names.section,
      names.item,
      names.kind,
      names.value,
      names.unit,
      names.qualifier,
      names.scope,
      names.subject,
      names.written,
      names.sentence,
    ].map((name) => text(name, 'header')),
  };
  const row = (figure: PlacedFigure): SheetRow => {
    // A sentence of megabytes is cut around its figure (figure-context.ts).
    const sentence = sentenceContext(figure, contextLength(figure.sentence.length, figure.inSentence));
    const cells: Cell[] = [
      text(figure.section),
      text(figure.item),
      text(labels.kinds[figure.kind], 'plain'),
      num(figure.value),
      text(figure.unit, 'plain'),
      text(figure.qualifier, 'plain'),
      text(figure.scope, 'plain'),
      text(figure.subject),
      text(figure.text),
      text(sentence),
    ];
    const height = rowHeight([
      { text: figure.section, width: widths[0] },
      { text: figure.item, width: widths[1] },
      { text: figure.subject, width: widths[7] },
      { text: figure.text, width: widths[8] },
      { text: sentence, width: widths[9] },
    ]);
    return height === undefined ? { cells } : { cells, height };
  };

  return {
    name: labels.sheets.figures,
    columns: [...widths],
    rows: lazyRows(function* () {
      yield header;
      for (const figure of figures) yield row(figure);
    }),
    rowCount: figures.length + 1,
    merges: [],
    frozenRows: 1,
    autoFilter: { top: 1, left: 1, bottom: figures.length + 1, right: widths.length },
  };
}
