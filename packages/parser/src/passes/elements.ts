/**
 * Pass `elements`: the frame of a report or 公文 around its body, read into `paragraph.element`.
 * - Around the title, before the body: subtitles (`——2024年3月5日在…会议上`, a code's dated
 *   `…通过` lines), bylines (`国务院总理　李　强`, a paper's institutions), the salutation
 *   (`各位代表：`), the addressee (主送机关: bodies ending in `：`), a date line (`日期: 2025-09-11`
 *   above the title too). Publication metadata (`来源：河南日报`), a document number
 *   (`国发〔2019〕4号`), a rule and the title repeated may stand among them.
 * - Anywhere: a line that is only a date is a date (成文日期); the short lines right above it that
 *   name who issues it are signatures (署名), one per body when several sign.
 * - At the end: a line naming an office and its holder (`部　　長　陳威仁`) signs the text.
 * - After the body: 附件说明 (`附件：1.…` and the names numbered after it, one paragraph with a line
 *   per attachment) and 附注 (`（此件公开发布）`, in brackets under the date).
 * A heading right under the title that is a subtitle (`## ——2024年…`) becomes a subtitle paragraph.
 */
import type { BlockContent, Document, DocumentElement, Heading, Paragraph, PhrasingContent } from '../ast.js';
import { titleHeadingOf } from '../lib/document.js';
import { characterCount, trimLayout, withoutSpaces } from './characters.js';
import { type Fix, startLine } from './fix.js';
import { markLetterSignature, markQuotedAddressees } from './letters.js';
import { matchOrdinal } from './ordinal-marker.js';
import { head, phrasingText } from './phrasing.js';

const DIGITS = '[0-9０-９]';
const HAN_DIGITS = '[〇○零一二三四五六七八九十]';
const YEAR = `(?:(?:中華民國|中华民国|民國|民国)\\s*${DIGITS}{2,3}|${DIGITS}{4}|${HAN_DIGITS}{4})`;
const MONTH_DAY = `(?:${DIGITS}{1,2}|${HAN_DIGITS}{1,3})`;
/**
 * `2024年3月5日`, `二〇〇四年十一月四日`, `中華民國94年6月28日` (a year of the Republic), `2024-03-05`,
 * `2024.3.5`, alone on a line (in brackets or not, after a label such as `日期:` or `公布日期：`).
 */
const DATE_LINE = new RegExp(
  `^(?:[^\\s：:]{0,4}日期[：:]\\s*)?[（(]?(?:${YEAR}\\s*年\\s*${MONTH_DAY}\\s*月\\s*${MONTH_DAY}\\s*日|${DIGITS}{4}[-./]${DIGITS}{1,2}[-./]${DIGITS}{1,2})[）)]?$`,
);

/** The page a newspaper's text is printed on, as its database gives it: `第1版()`, `第2版(要闻)` (metadata). */
export const PRINT_PAGE = /^第\s*[0-9０-９]{1,3}\s*版\s*(?:[（(][^）)]{0,16}[）)])?$/;

/** `——2024年3月5日在…`: a subtitle opens with a dash. */
const DASH = /^[—―－-]{1,2}/;
/** `2024年3月5日在第十四届全国人民代表大会第二次会议上`: where and when a report was given. */
const DELIVERED = /在.{2,50}(?:会议|大会|會議|大會)上/;
/** A code's 题注: `1979年7月1日第五届全国人民代表大会第二次会议通过`, `根据…修正`, `2021年1月1日 施行`. */
const ENACTED =
  /^(?:[（(]?\d{4}年\d{1,2}月\d{1,2}日|根据|根據)[\s\S]*(?:通过|修正|修订|施行|公布|发布|通過|修訂|公佈|發布)/;
/** `国发〔2019〕4号`, `台內營字第1050811593號`: a document number. */
const DOCUMENT_NUMBER = /^.{1,12}[〔［[（(]\d{4}[〕］\]）)]\s*\d+\s*[号號]$|^.{1,10}字第\s*\d+\s*[号號]$/;
/** An office and the name of who holds it: `国务院总理 李强`, `海拉尔区人民政府区长　　杜联合`, `部　　長　陳威仁`. */
const OFFICE_AND_NAME =
  /^.{0,20}(?:总\s*理|總\s*理|[省市区县州部局院盟旗區縣]\s*[长長]|主\s*席|书\s*记|書\s*記|主\s*任)[\s\u3000]+\p{Script=Han}[\s\u3000]*\p{Script=Han}(?:[\s\u3000]*\p{Script=Han}){0,2}$/u;
/** A writer's credit (`本报记者 张洋`, `作者：…`); a paper's institution (`1中国科学院地理科学与资源研究所北京100101`). */
const CREDIT =
  /^(?:(?:作者|本报记者|本報記者|记者|記者)[：:／/\s].{1,80}|[（(]?(?:\d?\s*\S{0,20}(?:大学|大學|研究所|研究院|研究中心|学院|學院|实验室|實驗室|科学院|科學院|中心|智库|智庫|公司)\s?\S{0,30}\s*\d{6}\s*(?=\D|\d\D|\d?$)\d?\s*){1,3}[）)]?)$/;

/**
 * What inline TeX sets, as text: OCR writes a post code or an institution's number as math
 * (`$1 0 0 8 7 1 \textsuperscript { 2 }$`), which reads `1008712`.
 */
function texText(math: string): string {
  return math.replace(/\\[A-Za-z]+\s*\{([^{}]*)\}/g, '$1').replace(/\s+/g, '');
}
/**
 * A paper's subtitle, right under its title: `以中国科学院学生使用社会软件为例`,
 * `基于深度学习BERT模型和TVP-VAR模型`, `——兼论…`.
 */
const PAPER_SUBTITLE =
  /^(?:[—―－-]{1,2}\s*)?(?:以.{2,40}为例|以.{2,40}為例|基于.{2,60}|基於.{2,60}|兼论.{2,40}|兼論.{2,40})$/;
/** A paper's authors, each name with the numbers of its institutions: `封志明1.2.3 杨艳昭1.2.3 游珍1.2.3`. */
const AUTHORS = /^(?:\p{Script=Han}{2,4}[0-9.,，、*]+\s*){2,12}$/u;
/** `各位代表：`, `同志们：`. */
const SALUTATION = /^(?:各位|同志们|同志們|亲爱的|親愛的|尊敬的).{0,16}[：:！!]$/;
/** The bodies an addressee line names. */
const BODIES =
  /(?:政府|部委|各部|机构|機構|各省|各市|各县|各区|各區|分行|支行|中心|单位|單位|公司|委员会|委員會|厅|廳|局|院|办|辦|兵团|兵團|总部|總部|报馆|報館|团体|團體|记者|記者|分社)/;
/** What a sentence that leads on says, which an addressee never does (`…现将有关情况通报如下：`). */
const LEADS_ON = /(?:根据|依据|按照|为了|如下|现将|经研究|决定|決定|修改|通知|报告|報告)/;
/** Labelled lines of a web page or database (`来源：河南日报`, `**版本**: 现行有效`): metadata, not the frame. */
const LABELLED = /^[^\s：:]{1,8}[：:]/;

/** One body's name in an addressee line is at most this long, and the whole line this long. */
const MAX_BODY_NAME = 40;
const MAX_ADDRESSEE = 400;
/** A code's 题注 may name the act that amended it: `…通过的《中华人民共和国刑法修正案（十一）》`. */
const MAX_ENACTED = 120;
/** The longest other frame line. */
const MAX_FRAME_LINE = 60;
/** The longest signature line, and how many may sign one text. */
const MAX_SIGNATURE = 30;
const MAX_SIGNATURES = 12;
/** How far from the title the frame reaches (frame lines, metadata and a document number between). */
const FRAME_REACH = 8;

function lineOf(block: BlockContent): string | null {
  if (block.type !== 'paragraph' && block.type !== 'heading') return null;
  // Lines joined by one space (split, not a regular expression: `\s*\n` backtracks over long runs of spaces).
  // Inline TeX reads as the text it sets (an institution's post code set as math).
  const children = block.children.map((node) =>
    node.type === 'inlineMath' ? { type: 'text' as const, value: texText(node.value) } : node,
  );
  return trimLayout(
    phrasingText(children)
      .split('\n')
      .map((line) => line.trim())
      .join(' '),
  );
}

/** A paragraph that is only a picture (a paper's figure or a logo between title and authors). */
function isPictureOnly(block: BlockContent): boolean {
  return (
    block.type === 'paragraph' &&
    block.children.some((node) => node.type === 'image') &&
    block.children.every((node) => node.type === 'image' || (node.type === 'text' && node.value.trim() === ''))
  );
}

/** 主送机关: names of bodies separated by `，、；`, ending in `：`, not a sentence that leads on. */
function isAddressee(line: string): boolean {
  if (!/[：:]$/.test(line) || characterCount(line) > MAX_ADDRESSEE || /[。！？]/.test(line)) return false;
  const names = line.slice(0, -1).split(/[，、；,;]/);
  return BODIES.test(line) && !LEADS_ON.test(line) && names.every((name) => characterCount(name) <= MAX_BODY_NAME);
}

/** The frame element a line around the title is, `'number'` for a document number, `null` for anything else. */
export function frameElementOf(line: string): DocumentElement | 'number' | null {
  const length = characterCount(line);
  if (line === '' || matchOrdinal(line)) return null;
  if (SALUTATION.test(line)) return 'salutation';
  if (isAddressee(line)) return 'addressee';
  if (ENACTED.test(line) && length <= MAX_ENACTED) return 'subtitle';
  if (length > MAX_FRAME_LINE) return null;
  if (DATE_LINE.test(line)) return 'date';
  if (DOCUMENT_NUMBER.test(line)) return 'number';
  if (DASH.test(line) || DELIVERED.test(line)) return 'subtitle';
  if (OFFICE_AND_NAME.test(line) || CREDIT.test(line) || AUTHORS.test(line)) return 'byline';
  return null;
}

/** A line right under a paper's title that is its subtitle (`以…为例`, `基于…`). */
export function isPaperSubtitle(line: string): boolean {
  return characterCount(line) <= MAX_FRAME_LINE && PAPER_SUBTITLE.test(line) && !/[。；！？]/.test(line);
}

/** A line that is only a date (`2024年3月5日`, `日期: 2025-09-11`). */
export function isDateLine(line: string): boolean {
  return DATE_LINE.test(line);
}

/** A line that can sign a text: short, a name, nothing of a sentence. */
export function isSignatureLine(line: string): boolean {
  if (!line || characterCount(line) > MAX_SIGNATURE || /[。，；：:,;！？!?、“”"]/.test(line)) return false;
  return !matchOrdinal(line) && !DATE_LINE.test(line) && /\p{Script=Han}{2}/u.test(line);
}

function isSignature(block: BlockContent | undefined): boolean {
  if (block?.type !== 'paragraph' || block.element) return false;
  return isSignatureLine(lineOf(block) ?? '');
}

/** What the name of a body that signs ends with: `…专家组`, `…人民政府`, `…办公室`. */
const BODY_END =
  /(?:组|組|委员会|委員會|委|政府|部|局|院|厅|廳|办公室|辦公室|中心|公司|银行|銀行|协会|協會|学会|學會|分会|分會|署|处|處|所|站|社|会|會|行|党委|黨委|支部|办|辦)$/;

/**
 * Signature lines `from`..`to` (exclusive) where one body's name is set on two lines
 * (`湖北省巴东县官渡口镇马鬃山村` / `地质险情调查专家组`): the first names no body, the second does.
 * Joins each such pair into one signature of two lines; returns how many lines it removed.
 */
const MIN_PART_OF_NAME = 5;

function joinSignatureLines(blocks: BlockContent[], from: number, to: number): number {
  let removed = 0;
  for (let at = from; at + 1 < to - removed; at++) {
    const first = blocks[at] as Paragraph;
    const second = blocks[at + 1] as Paragraph;
    const firstLine = lineOf(first) ?? '';
    const secondLine = lineOf(second) ?? '';
    // A person's name (two to four characters) is a signature of its own.
    const long = characterCount(withoutSpaces(firstLine)) >= MIN_PART_OF_NAME;
    if (!long || BODY_END.test(withoutSpaces(firstLine)) || !BODY_END.test(withoutSpaces(secondLine))) continue;
    const joined: Paragraph = {
      type: 'paragraph',
      element: 'signature',
      children: [...first.children, { type: 'break' }, ...second.children],
    };
    if (first.position && second.position) joined.position = { start: first.position.start, end: second.position.end };
    blocks.splice(at, 2, joined);
    removed++;
  }
  return removed;
}

function asElement(block: Paragraph | Heading, element: DocumentElement): Paragraph {
  const paragraph: Paragraph = { type: 'paragraph', element, children: block.children };
  if (block.position) paragraph.position = block.position;
  return paragraph;
}

export function elementsPass(document: Document): { document: Document; fixes: Fix[] } {
  const fixes: Fix[] = [];
  const blocks = [...document.children];
  const mark = (index: number, element: DocumentElement) => {
    const block = blocks[index] as Paragraph | Heading;
    blocks[index] = asElement(block, element);
    fixes.push({
      kind: 'element',
      line: startLine(block),
      before: head(phrasingText(block.children), 16),
      after: `[${element}] ${head(phrasingText(block.children), 16)}`,
    });
  };
  // The frame around the title: lines above it and under it, before the body.
  const title = titleHeadingOf(document);
  const titleAt = title ? blocks.indexOf(title) : -1;
  const titleText = title ? withoutSpaces(phrasingText(title.children)) : null;
  let index = 0;
  let reach = FRAME_REACH;
  for (; index < blocks.length && index < reach; index++) {
    const block = blocks[index] as BlockContent;
    if (index === titleAt) {
      reach = index + 1 + FRAME_REACH;
      continue;
    }
    if (block.type === 'thematicBreak' || isPictureOnly(block)) continue;
    const line = lineOf(block);
    if (line === null || (block.type === 'paragraph' && block.element)) break;
    const element = index === titleAt + 1 && isPaperSubtitle(line) ? 'subtitle' : frameElementOf(line);
    const metadata = LABELLED.test(line) || PRINT_PAGE.test(line) || withoutSpaces(line) === titleText;
    if (element === 'number' || (element === null && metadata)) continue;
    if (element === null) {
      if (index < titleAt) continue;
      break;
    }
    // Only a subtitle may be written as a heading (`## ——2024年…`).
    if (block.type === 'heading' && element !== 'subtitle') break;
    mark(index, element);
    reach = Math.max(reach, index + 1 + FRAME_REACH);
  }
  // A code's 题注 (`2020年5月28日 …通过`) under the name of its book (`# 合同编`), past the frame.
  for (let at = Math.max(index, titleAt + 1); at < Math.min(blocks.length, titleAt + 1 + FRAME_REACH); at++) {
    const block = blocks[at] as BlockContent;
    const line = block.type === 'paragraph' && !block.element ? lineOf(block) : null;
    if (line && ENACTED.test(line) && characterCount(line) <= MAX_ENACTED) mark(at, 'subtitle');
  }
  // An attached document (`附件1`, its title) may open with an addressee of its own (`国务院：`).
  blocks.forEach((block, at) => {
    const label = blocks[at - 1];
    if (block.type !== 'heading' || label?.type !== 'heading' || label.ordinal?.style !== 'attachment') return;
    const next = blocks[at + 1];
    const line = next ? lineOf(next) : null;
    if (next?.type === 'paragraph' && !next.element && line && isAddressee(line)) mark(at + 1, 'addressee');
  });
  // Dates and who signs above them, anywhere after the frame.
  for (let at = index; at < blocks.length; at++) {
    const block = blocks[at] as BlockContent;
    if (block.type !== 'paragraph' || block.element) continue;
    const line = lineOf(block);
    if (!line || !DATE_LINE.test(line)) continue;
    mark(at, 'date');
    let top = at;
    for (let above = at - 1; above >= Math.max(index, at - MAX_SIGNATURES) && isSignature(blocks[above]); above--) {
      mark(above, 'signature');
      top = above;
    }
    at -= joinSignatureLines(blocks, top, at);
  }
  // A signature that names an office and its holder (`部　　長　陳威仁`) closes a text.
  for (let at = index; at < blocks.length; at++) {
    const block = blocks[at] as BlockContent;
    const line = lineOf(block);
    if (block.type === 'paragraph' && !block.element && line && OFFICE_AND_NAME.test(line)) mark(at, 'signature');
  }
  markQuotedAddressees(blocks, index, lineOf, isAddressee, mark);
  markLetterSignature(blocks, isSignature, lineOf, mark, fixes);
  attachmentsAndNotes(blocks, index, mark, fixes);
  markAttachedDocuments(blocks, index, fixes);
  if (fixes.length === 0) return { document, fixes };
  return { document: { ...document, children: blocks }, fixes };
}

/** Elements that close a text: after them, a heading opens a document attached to it. */
const CLOSING_ELEMENTS = new Set<DocumentElement | undefined>(['signature', 'date', 'note', 'attachments']);

/**
 * The headings that open attached documents (`attached`): every `附件1` label and the title under
 * it, and the first heading after a closing (署名, 成文日期, 附注) that no label opens, the title of a
 * document attached without one (a 印发 notice's plan). Past the frame only.
 */
function markAttachedDocuments(blocks: BlockContent[], from: number, fixes: Fix[]): void {
  let closed = false;
  for (let at = from; at < blocks.length; at++) {
    const block = blocks[at] as BlockContent;
    if (block.type === 'paragraph') {
      if (CLOSING_ELEMENTS.has(block.element)) closed = true;
      else if (block.element === undefined && trimLayout(phrasingText(block.children)) !== '') closed = false;
      continue;
    }
    if (block.type !== 'heading') continue;
    const previous = blocks[at - 1];
    const labelled = previous?.type === 'heading' && previous.attached?.role === 'label';
    let attached: Heading['attached'];
    if (block.ordinal?.style === 'attachment') attached = { role: 'label', start: true };
    else if (labelled && !block.ordinal) attached = { role: 'title', start: false };
    else if (closed && !block.ordinal) attached = { role: 'title', start: true };
    closed = false;
    if (!attached) continue;
    blocks[at] = { ...block, attached };
    fixes.push({
      kind: 'element',
      line: startLine(block),
      before: head(phrasingText(block.children), 16),
      after: `[attached ${attached.role}] ${head(phrasingText(block.children), 16)}`,
    });
  }
}

/** `附件：1.公共文化场馆开放服务标准` or `附件：开放服务标准`: the label and the first name (GB/T 9704 7.3.4). */
const ATTACHMENTS = /^附件\s*[：:]\s*\S/;
/** `2.公共文化场馆服务质量检查表`: a further attachment's name, numbered. */
const ATTACHMENT_NAME = /^([0-9０-９]{1,2})\s*[.．、]\s*\S/;
/** 附注: `（此件公开发布）`, `（联系人：…）`, one bracketed line (GB/T 9704 7.3.6). */
const NOTE = /^[（(][^（）()]{1,60}[）)]$/;
/** The longest line naming an attachment. */
const MAX_ATTACHMENT = 80;

/** A further attachment's name numbered `number`, as a run of phrasing with its number, or null. */
function attachmentName(block: BlockContent | undefined, number: number): PhrasingContent[] | null {
  if (block?.type === 'item') {
    if (block.ordinal.number !== number || block.ordinal.level !== 3) return null;
    const children = [...(block.title ?? []), ...block.children];
    const text = phrasingText(children);
    if (characterCount(text) > MAX_ATTACHMENT || /[。；！？]/.test(text)) return null;
    return [{ type: 'text', value: block.ordinal.marker }, ...children];
  }
  if (block?.type !== 'paragraph' || block.element) return null;
  const line = lineOf(block);
  const match = line ? ATTACHMENT_NAME.exec(line) : null;
  if (!line || !match || characterCount(line) > MAX_ATTACHMENT || /[。；！？]/.test(line)) return null;
  return Number((match[1] as string).replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))) === number
    ? block.children
    : null;
}

/**
 * 附件说明: a paragraph `附件：1.…` and the numbered names after it become one `attachments` paragraph
 * (a name per line: the exporters align the names under the first); 附注: a bracketed line right
 * after a date (or a signature) becomes a `note`.
 */
function attachmentsAndNotes(
  blocks: BlockContent[],
  from: number,
  mark: (index: number, element: DocumentElement) => void,
  fixes: Fix[],
): void {
  for (let at = from; at < blocks.length; at++) {
    const block = blocks[at] as BlockContent;
    if (block.type !== 'paragraph' || block.element) continue;
    const line = lineOf(block);
    if (!line) continue;
    const previous = blocks[at - 1];
    const afterDate =
      previous?.type === 'paragraph' && (previous.element === 'date' || previous.element === 'signature');
    if (afterDate && NOTE.test(line)) {
      mark(at, 'note');
      continue;
    }
    if (!ATTACHMENTS.test(line) || characterCount(line) > MAX_ATTACHMENT || /[。；！？]/.test(line)) continue;
    const children: PhrasingContent[] = [...block.children];
    let end = at + 1;
    const first = /[：:]\s*[0-9０-９]{1,2}\s*[.．、]/.test(line);
    for (let number = 2; first; number++) {
      const name = attachmentName(blocks[end], number);
      if (!name) break;
      children.push({ type: 'break' }, ...name);
      end++;
    }
    const joined: Paragraph = { type: 'paragraph', element: 'attachments', children };
    const last = blocks[end - 1] as BlockContent;
    if (block.position && last.position) joined.position = { start: block.position.start, end: last.position.end };
    fixes.push({
      kind: 'element',
      line: startLine(block),
      before: head(line, 16),
      after: `[attachments] ${end - at} ${end - at === 1 ? 'name' : 'names'}`,
    });
    blocks.splice(at, end - at, joined);
  }
}
