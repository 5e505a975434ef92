/**
 * Where the 署名 (signature) and the 成文日期 (date) under it stand, GB/T 9704-2012 7.3.5.2 (a 公文
 * without a seal): the signature right-spaced two characters, the date on the next line with its
 * first character two characters to the right of the signature's first; when the date is the
 * longer of the two, the date is right-spaced two characters and the signature moves in to keep
 * that offset. A sealed 公文 (7.3.5.1): the date right-spaced four characters and the signature
 * centred over it, two empty lines above the signature for the seal (its top within a line of the
 * body, the pair at its centre and below). Both exporters place the pair with these right indents,
 * so Word and PDF agree.
 */

/** The width of `text` in em of the body size, as a CJK face sets it: wide characters 1, others ½. */
export function textEm(text: string): number {
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (/\s/.test(char)) continue;
    em += code >= 0x2e80 || (code >= 0x2010 && code <= 0x201f) || code === 0x2026 ? 1 : 0.5;
  }
  return em;
}

/** Right indents (in characters, i.e. em) of a signature of width `signatureEm` and its date of `dateEm`. */
export function signatureIndents(
  signatureEm: number,
  dateEm: number,
  sealed = false,
): { signature: number; date: number } {
  // Sealed: the date 4 em from the right, the signature centred over it (never past the margin).
  if (sealed)
    return { signature: Math.max(0, SEALED_DATE_RIGHT_EM + (dateEm - signatureEm) / 2), date: SEALED_DATE_RIGHT_EM };
  // The date starts 2 em right of the signature's start: date end = signature start + 2 + dateEm.
  const signature = Math.max(2, 4 + dateEm - signatureEm);
  return { signature, date: signature + signatureEm - 2 - dateEm };
}

/** A sealed 公文's date stands four characters from the right (7.3.5.1: 成文日期右空四字). */
export const SEALED_DATE_RIGHT_EM = 4;

/** Empty lines above a sealed 公文's first signature: the seal's room (7.3.5.1). */
export const SEAL_SPACE_LINES = 2;

/** The right indent of a signature or date that stands alone (no partner to align with): two characters. */
export const SIGNATURE_RIGHT_EM = 2;

/** `附件：` is three characters: the attachments' names after the first are indented by it (7.3.4). */
export const ATTACHMENT_LABEL_EM = 3;

/** Each date among `blocks` with the signatures right above it (one or more), in order. */
function* closings<T>(
  blocks: readonly T[],
  element: (block: T) => string | undefined,
): Generator<{ signatures: T[]; date: T }> {
  for (let at = 1; at < blocks.length; at++) {
    const date = blocks[at] as T;
    if (element(date) !== 'date') continue;
    let top = at;
    while (top > 0 && element(blocks[top - 1] as T) === 'signature') top--;
    if (top < at) yield { signatures: blocks.slice(top, at), date };
  }
}

/**
 * The right indents (em) of the signatures and dates among `blocks`: the signatures right above a
 * date (one body, or several signing together, 7.3.5.2: 依次向下编排) are placed with it by
 * `signatureIndents` as one block as wide as the widest — their first characters in one column
 * (sealed: each centred over the date); a signature or date alone gets none here (its style's two
 * characters apply). Generic over the block type, so each exporter passes its own reading of a
 * block's element and text.
 */
export function frameRightIndents<T>(
  blocks: readonly T[],
  element: (block: T) => string | undefined,
  text: (block: T) => string,
  sealed = false,
): Map<T, number> {
  const out = new Map<T, number>();
  for (const { signatures, date } of closings(blocks, element)) {
    // A signature of two lines (a long name) is as wide as its longest line.
    const widths = signatures.map((signature) => Math.max(...text(signature).split('\n').map(textEm)));
    const widest = Math.max(...widths);
    const indents = signatureIndents(widest, textEm(text(date)), sealed);
    signatures.forEach((signature, index) => {
      const narrower = widest - (widths[index] as number);
      out.set(signature, indents.signature + (sealed ? narrower / 2 : narrower));
    });
    out.set(date, indents.date);
  }
  return out;
}

/**
 * The signatures that open a closing (the first of one or more bodies signing, under the body or
 * the 附件说明): above these a sealed 公文 leaves the seal's room.
 */
export function closingSignatures<T>(blocks: readonly T[], element: (block: T) => string | undefined): Set<T> {
  const out = new Set<T>();
  blocks.forEach((block, at) => {
    const before = at > 0 ? element(blocks[at - 1] as T) : undefined;
    if (element(block) === 'signature' && before !== 'signature') out.add(block);
  });
  return out;
}

/** Centre to centre of two seals side by side, in em: a seal is 4.2 cm across (about 7.4 em of 16 pt) and none may touch. */
export const SEAL_PITCH_EM = 10;
/** From one row of sealed names to the next, in lines: a seal is about four lines tall and rows of seals may not touch. */
export const SEAL_ROW_LINES = 5;

/** One row of names signing under their seals: the names and the right indent (em) of each name's centre. */
export interface SealedRow<T> {
  names: T[];
  centresEm: number[];
}

/**
 * A sealed 公文 that several bodies sign (7.3.5.1: 各发文机关署名按照发文机关顺序整齐排列…印章一一对应…
 * 最后一个印章…下压发文机关署名和成文日期，印章之间排列整齐、互不相交或相切，每排印章两端不得超出版心):
 * the names in rows of two, in order, each row's right name centred over the date (where the date is
 * four characters from the right), its left name a seal's pitch to the left; a last row of one holds
 * the last name over the date. Keyed by the first name of each row; empty for one signature (which
 * `frameRightIndents` places) or when not sealed.
 */
export function sealedSignatureRows<T>(
  blocks: readonly T[],
  element: (block: T) => string | undefined,
  text: (block: T) => string,
): Map<T, SealedRow<T>> {
  const out = new Map<T, SealedRow<T>>();
  for (const { signatures: names, date } of closings(blocks, element)) {
    if (names.length < 2) continue;
    const right = SEALED_DATE_RIGHT_EM + textEm(text(date)) / 2;
    for (let first = 0; first < names.length; first += 2) {
      const row = names.slice(first, first + 2);
      const centresEm = row.length === 2 ? [right + SEAL_PITCH_EM, right] : [right];
      out.set(row[0] as T, { names: row, centresEm });
    }
  }
  return out;
}

/**
 * How the closing of a text is set, decided once for both exporters from the blocks' elements and
 * texts: the right indents of signatures and dates (`frameRightIndents`), the signatures with the
 * seal's room above them, the signatures stacked under another (no blank line between, 7.3.5.2),
 * and, sealed, the rows of names side by side (`sealedSignatureRows`) and the names set in a row
 * of another.
 */
export interface ClosingLayout<T> {
  rightEm: Map<T, number>;
  sealSpace: Set<T>;
  stacked: Set<T>;
  sealedRows: Map<T, SealedRow<T>>;
  inSealedRow: Set<T>;
}

export function emptyClosingLayout<T>(): ClosingLayout<T> {
  return {
    rightEm: new Map(),
    sealSpace: new Set(),
    stacked: new Set(),
    sealedRows: new Map(),
    inSealedRow: new Set(),
  };
}

/** Adds the closing layout of one list of sibling blocks to `layout` (exporters call it for each list they render). */
export function addClosingLayout<T>(
  layout: ClosingLayout<T>,
  blocks: readonly T[],
  element: (block: T) => string | undefined,
  text: (block: T) => string,
  sealed: boolean,
): void {
  for (const [block, em] of frameRightIndents(blocks, element, text, sealed)) layout.rightEm.set(block, em);
  blocks.forEach((block, at) => {
    if (element(block) === 'signature' && at > 0 && element(blocks[at - 1] as T) === 'signature') {
      layout.stacked.add(block);
    }
  });
  if (!sealed) return;
  for (const block of closingSignatures(blocks, element)) layout.sealSpace.add(block);
  for (const [first, row] of sealedSignatureRows(blocks, element, text)) {
    layout.sealedRows.set(first, row);
    for (const name of row.names.slice(1)) layout.inSealedRow.add(name);
  }
}
