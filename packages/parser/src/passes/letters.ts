/**
 * Letters and telegrams: a text addressed to someone (an addressee line, in the frame or opening a
 * document the body quotes: `原电如下：` / `国府蒋主席、…钧鉴，各报馆、各救济团体公鉴：`) closes with
 * who sends it. That signature is the text's last line when it is a name standing alone
 * (`晋冀鲁豫边区救济分会叩寒`, set right in print), or a dash and a name run onto the end of the last
 * paragraph (`…以为总社改进编辑工作的参考。——新华通讯社（新华社延安二十四日电）。`), which is cut off.
 */
import type { BlockContent, DocumentElement, Paragraph } from '../ast.js';
import { trimLayout } from './characters.js';
import { type Fix, startLine } from './fix.js';
import { dropEmpty, head, phrasingText, splitPhrasing, trimPhrasingStart } from './phrasing.js';

/** A sentence that introduces a quoted document: `原电如下：`, `全文如下：`. */
const QUOTES_BELOW = /如下[：:]$/;
/** How a telegram or letter greets whom it is sent to: `…钧鉴`, `…公鉴：`, `…台鉴：`. */
const GREETING = /[钧鈞公台惠大]鉴[：:，,]?|[钧鈞公台惠大]鑒[：:，,]?/;
/** Closing formulas that stand alone at a letter's end and sign nothing: `特此通知`, `此致`. */
const FORMULA = /^(?:特此|此致|敬礼|敬禮|顺颂|順頌|专此|專此|谨此|謹此)/;
/** `——新华通讯社`, then a dispatch line in brackets, at the end of the last paragraph. */
const DASHED_SIGNATURE = /[。！？”」](——\p{Script=Han}{2,20})([（(][^（）()]{1,30}[）)])?[。]?$/u;

/**
 * Marks the addressee of a document quoted in the body: the paragraph right after a sentence that
 * ends `如下：`, when it is an addressee line (`isAddressee`) or greets as telegrams do.
 */
export function markQuotedAddressees(
  blocks: readonly BlockContent[],
  from: number,
  lineOf: (block: BlockContent) => string | null,
  isAddressee: (line: string) => boolean,
  mark: (index: number, element: DocumentElement) => void,
): void {
  for (let at = Math.max(from, 1); at < blocks.length; at++) {
    const block = blocks[at] as BlockContent;
    const previous = blocks[at - 1] as BlockContent;
    if (block.type !== 'paragraph' || block.element || previous.type !== 'paragraph') continue;
    const before = lineOf(previous);
    const line = lineOf(block);
    if (!before || !line || !QUOTES_BELOW.test(before) || !/[：:]$/.test(line)) continue;
    if (isAddressee(line) || GREETING.test(line)) mark(at, 'addressee');
  }
}

/**
 * The signature that closes a letter: when the text has an addressee and its last block is a
 * plain paragraph, that paragraph is the signature if it is a name standing alone (`isSignature`),
 * or the dash and name at its end are cut off into one (with a dispatch line in brackets after the
 * name kept as a paragraph of its own). Returns the blocks, changed or not.
 */
export function markLetterSignature(
  blocks: BlockContent[],
  isSignature: (block: BlockContent | undefined) => boolean,
  lineOf: (block: BlockContent) => string | null,
  mark: (index: number, element: DocumentElement) => void,
  fixes: Fix[],
): void {
  const elementOf = (block: BlockContent) => (block.type === 'paragraph' ? block.element : undefined);
  const addressee = blocks.findLastIndex((block) => elementOf(block) === 'addressee');
  // A text already signed or dated after its addressee (a 公文's 署名 and 成文日期) is closed.
  const closed = blocks.slice(addressee + 1).some((block) => ['signature', 'date'].includes(elementOf(block) ?? ''));
  if (addressee === -1 || closed) return;
  const at = blocks.length - 1;
  const last = blocks[at];
  if (last?.type !== 'paragraph' || last.element) return;
  const line = lineOf(last) ?? '';
  if (isSignature(last) && !FORMULA.test(line)) {
    mark(at, 'signature');
    return;
  }
  const text = phrasingText(last.children);
  const match = DASHED_SIGNATURE.exec(trimLayout(text));
  if (!match) return;
  const signatureAt = text.lastIndexOf(match[1] as string);
  const [body, rest] = splitPhrasing(last.children, signatureAt);
  const [signature, dispatch] = splitPhrasing(rest, (match[1] as string).length);
  const parts: Paragraph[] = [
    { type: 'paragraph', children: dropEmpty(body) },
    { type: 'paragraph', element: 'signature', children: dropEmpty(signature) },
  ];
  const dispatchChildren = trimPhrasingStart(dropEmpty(dispatch), /^[\s\u3000]+/);
  if (trimLayout(phrasingText(dispatchChildren)) !== '') parts.push({ type: 'paragraph', children: dispatchChildren });
  // Every part stands on the line the paragraph ended on or started on: they came from one line.
  if (last.position) for (const part of parts) part.position = last.position;
  fixes.push({
    kind: 'element',
    line: startLine(last),
    before: head(text.slice(signatureAt), 16),
    after: `[signature] ${head(match[1] as string, 16)}`,
  });
  blocks.splice(at, 1, ...parts);
}
