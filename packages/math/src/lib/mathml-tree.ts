/**
 * A minimal tree for the MathML Temml writes (well-formed, double-quoted attributes, entities left as they
 * are), so that `omml.ts` can reshape it before mathml2omml reads it. Not a general XML parser.
 */
export interface MathElement {
  name: string;
  /** The attributes as written, with their leading space (` display="block"`). */
  attributes: string;
  children: MathNode[];
}
export type MathNode = MathElement | string;

const TOKEN = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;

/** Parses MathML into a root element named `#root`; throws on a tag that does not close. */
export function parseMathml(xml: string): MathElement {
  const root: MathElement = { name: '#root', attributes: '', children: [] };
  const stack: MathElement[] = [root];
  for (const match of xml.matchAll(TOKEN)) {
    const top = stack[stack.length - 1] as MathElement;
    const [, close, name, attributes, selfClose, text] = match;
    if (text !== undefined) top.children.push(text);
    else if (close) {
      if (top.name !== name) throw new Error(`MathML: </${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const element: MathElement = { name: name as string, attributes: attributes ?? '', children: [] };
      top.children.push(element);
      if (!selfClose) stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error('MathML: unclosed element');
  return root;
}

export function serializeMathml(node: MathNode): string {
  if (typeof node === 'string') return node;
  const inner = node.children.map(serializeMathml).join('');
  if (node.name === '#root') return inner;
  return `<${node.name}${node.attributes}>${inner}</${node.name}>`;
}

/** The text inside a node, entities as written. */
export function textOf(node: MathNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}
