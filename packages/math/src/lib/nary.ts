/**
 * Word's n-ary operators (∑, ∏, ∫, ⋃ …; ECMA-376 Part 1 §22.1.2.70 nary) hold their operand in `m:e`.
 * mathml2omml fills `m:e` from an `mrow` that directly follows the operator, as MathJax and pandoc write
 * it; Temml writes the operator inside an `mrow` of its own and the operand as loose siblings after it, so
 * Word and LibreOffice showed an empty placeholder box after every sum and integral.
 *
 * `groupNaryOperands` reshapes Temml's tree into the form mathml2omml expects: the operator's lone `mrow`
 * is unwrapped, and the siblings after it are grouped into an `mrow`, up to (not including) the first
 * relation, `+`, `−`, comma or semicolon outside brackets — the extent a reader gives `\sum_i a_i + b`.
 */
import type { MathElement, MathNode } from './mathml-tree.js';
import { textOf } from './mathml-tree.js';
import { RELATIONS } from './operators.js';

/** mathml2omml's own test for an n-ary character (its NARY_REGEXP). */
const NARY = /^(?:[\u220f-\u2211]|[\u2229-\u2233]|[\u22c0-\u22c3])$/;
const SCRIPTED = new Set(['munderover', 'munder', 'mover', 'msubsup', 'msub', 'msup']);
const OPEN = new Set(['(', '[', '{', '⟨']);
const CLOSE = new Set([')', ']', '}', '⟩']);
const ENDS = new Set([...RELATIONS, '+', '−', '-', '±', ',', ';', '&lt;', '&gt;']);

function isNary(node: MathNode): boolean {
  if (typeof node === 'string') return false;
  if (node.name === 'mo') return NARY.test(textOf(node).trim());
  const base = node.children.find((child) => typeof child !== 'string');
  return (
    SCRIPTED.has(node.name) &&
    base !== undefined &&
    typeof base !== 'string' &&
    base.name === 'mo' &&
    NARY.test(textOf(base).trim())
  );
}

/** An `mrow` holding only an n-ary operator is the operator. */
function unwrap(node: MathNode): MathNode {
  if (typeof node === 'string' || node.name !== 'mrow') return node;
  const elements = node.children.filter((child) => typeof child !== 'string');
  return elements.length === 1 && isNary(elements[0] as MathNode) ? (elements[0] as MathNode) : node;
}

function operatorText(node: MathNode): string | undefined {
  return typeof node !== 'string' && node.name === 'mo' ? textOf(node).trim() : undefined;
}

/** Elements whose children are arguments by position (base, script, numerator): never regrouped. */
const POSITIONAL = new Set([...SCRIPTED, 'mfrac', 'mroot', 'mmultiscripts']);

/** One row's children with each n-ary operator's operand grouped into an `mrow` after it. */
function groupRow(row: readonly MathNode[]): MathNode[] {
  const children = row.map(unwrap);
  const out: MathNode[] = [];
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as MathNode;
    out.push(child);
    if (!isNary(child)) continue;
    let end = index + 1;
    let depth = 0;
    for (; end < children.length; end++) {
      const text = operatorText(children[end] as MathNode);
      if (text === undefined) continue;
      if (depth === 0 && ENDS.has(text)) break;
      if (OPEN.has(text)) depth++;
      else if (CLOSE.has(text)) depth = Math.max(0, depth - 1);
    }
    if (end === index + 1) continue;
    // A following n-ary operator (∑∑, ∫∫) is part of the operand, and gets its own in turn.
    out.push({ name: 'mrow', attributes: '', children: groupRow(children.slice(index + 1, end)) });
    index = end - 1;
  }
  return out;
}

/** Groups the operand of every n-ary operator in the tree, depth first. Mutates and returns `node`. */
export function groupNaryOperands(node: MathElement): MathElement {
  for (const child of node.children) if (typeof child !== 'string') groupNaryOperands(child);
  if (!POSITIONAL.has(node.name)) node.children = groupRow(node.children);
  return node;
}
