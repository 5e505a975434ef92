/**
 * Whitespace in HTML text as a browser shows it (CSS Text 3, `white-space: normal`): a run of
 * spaces, tabs and line breaks is one space, and a line break between two CJK characters is
 * nothing (the segment break transformation of CSS Text 3, 4.1.2: Chinese has no spaces between
 * words, so a source line break there is layout). A non-breaking space is a space here: pages and
 * Word indent with runs of them, and a report's layout is the theme's. Preformatted text (`<pre>`,
 * `<textarea>`) keeps its whitespace.
 */
import { BLOCK_ELEMENTS, type P5Node, type P5Parent, UNMAPPED_BLOCKS } from './html-elements.js';
import { isElement, type P5Text } from './html-tree.js';

const CJK = /[\u2e80-\u2fff\u3001-\u303f\u3040-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const PRESERVED = new Set(['pre', 'textarea', 'xmp', 'listing', 'plaintext']);

/** Text nodes under `root` in document order, each with the number of the block it runs in. */
function textRuns(root: P5Parent): { node: P5Text; block: number }[] {
  const out: { node: P5Text; block: number }[] = [];
  let block = 0;
  // `null` marks the end of an element: leaving a block starts another run.
  const stack: (P5Node | null)[] = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      block++;
      continue;
    }
    if (node === undefined) continue;
    if (node.nodeName === '#text' && 'value' in node) out.push({ node: node as P5Text, block });
    else if (isElement(node)) {
      if (PRESERVED.has(node.tagName)) {
        block++;
        continue;
      }
      const isBlock = BLOCK_ELEMENTS.has(node.tagName) || UNMAPPED_BLOCKS.has(node.tagName) || node.tagName === 'br';
      if (isBlock) {
        block++;
        stack.push(null);
      }
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as P5Node);
    }
  }
  return out;
}

/** Collapses whitespace in every text node under `root` outside preformatted elements. */
export function collapseWhitespace(root: P5Parent): void {
  const runs = textRuns(root);
  for (let i = 0; i < runs.length; i++) {
    const { node, block } = runs[i] as { node: P5Text; block: number };
    const before = runs[i - 1];
    const after = runs[i + 1];
    const previous = before && before.block === block ? before.node.value : '';
    const next = after && after.block === block ? after.node.value.replace(/^[\s\u00a0]+/, '') : '';
    const value = node.value.replace(/\u00a0/g, ' ');
    node.value = value.replace(/[ \t\n\r\f]+/g, (space: string, at: number) => {
      const left = at > 0 ? value[at - 1] : previous[previous.length - 1];
      // A space already ends the text before: one is enough.
      if (at === 0 && left === ' ') return '';
      const right = at + space.length < value.length ? value[at + space.length] : next[0];
      if (/[\n\r]/.test(space) && left !== undefined && right !== undefined && CJK.test(left) && CJK.test(right)) {
        return '';
      }
      return ' ';
    });
  }
}
