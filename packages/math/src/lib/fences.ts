/**
 * `\left( … \right)` as Word's delimiter object (`m:d`, ECMA-376 Part 1 §22.1.2.24), whose brackets grow
 * with their content. mathml2omml has no handler for stretchy fences and writes them as plain characters,
 * so a matrix's brackets and a case distinction's brace stayed one line tall in Word.
 *
 * Temml writes `\left…\right` as an `mrow` between two `mo fence="true" stretchy="true"` (the closing one
 * empty for `\right.`). Each such row is taken out of the tree and replaced by a placeholder identifier;
 * the row's content is converted on its own (fences inside it likewise), wrapped in `m:d`, and put where
 * the placeholder's run is in mathml2omml's output.
 */
import { type MathElement, type MathNode, serializeMathml, textOf } from './mathml-tree.js';

export interface Fence {
  open: string;
  close: string;
  /** The content between the fences, as a `<math>` element of its own. */
  mathml: string;
}

const PLACEHOLDER = /\uE000(\d+)\uE001/g;

function isFence(node: MathNode | undefined, form: 'prefix' | 'postfix'): node is MathElement {
  return (
    typeof node !== 'string' &&
    node?.name === 'mo' &&
    /\sfence="true"/.test(node.attributes) &&
    /\sstretchy="true"/.test(node.attributes) &&
    new RegExp(`\\sform="${form}"`).test(node.attributes)
  );
}

/** Replaces every `\left…\right` row under `node` by a placeholder; returns the rows, by placeholder number. */
export function takeFences(node: MathElement, fences: Fence[] = []): Fence[] {
  node.children = node.children.map((child) => {
    if (typeof child === 'string') return child;
    const elements = child.children.filter((c): c is MathElement => typeof c !== 'string');
    const first = elements[0];
    const last = elements[elements.length - 1];
    if (child.name === 'mrow' && elements.length >= 2 && isFence(first, 'prefix') && isFence(last, 'postfix')) {
      const inner = elements.slice(1, -1);
      fences.push({
        open: decoded(textOf(first).trim()),
        close: decoded(textOf(last).trim()),
        mathml: `<math xmlns="http://www.w3.org/1998/Math/MathML"><mrow>${inner.map(serializeMathml).join('')}</mrow></math>`,
      });
      return { name: 'mi', attributes: '', children: [`\uE000${fences.length - 1}\uE001`] };
    }
    takeFences(child, fences);
    return child;
  });
  return fences;
}

const RUN = /<m:r>(<m:rPr>(?:(?!<\/m:rPr>)[\s\S])*<\/m:rPr>)?<m:t xml:space="preserve">([^<]*)<\/m:t><\/m:r>/g;

/** A fence's character as text (Temml's tree keeps `&lt;` as written). */
function decoded(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function attributeValue(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Puts each fence's `m:d` where its placeholder is. `inner(i)` is the OMML of fence i's content (the
 * children of its `m:oMath`). A placeholder inside a run with other text splits the run around it.
 */
export function placeFences(omml: string, fences: readonly Fence[], inner: (index: number) => string): string {
  if (fences.length === 0) return omml;
  return omml.replace(RUN, (run, properties: string | undefined, text: string) => {
    if (!text.includes('\uE000')) return run;
    const pieces: string[] = [];
    let last = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
      const before = text.slice(last, match.index);
      if (before) pieces.push(`<m:r>${properties ?? ''}<m:t xml:space="preserve">${before}</m:t></m:r>`);
      const index = Number(match[1]);
      const fence = fences[index] as Fence;
      pieces.push(
        `<m:d><m:dPr><m:begChr m:val="${attributeValue(fence.open)}"/><m:endChr m:val="${attributeValue(fence.close)}"/></m:dPr><m:e>${inner(index)}</m:e></m:d>`,
      );
      last = (match.index ?? 0) + match[0].length;
    }
    const after = text.slice(last);
    if (after) pieces.push(`<m:r>${properties ?? ''}<m:t xml:space="preserve">${after}</m:t></m:r>`);
    return pieces.join('');
  });
}
