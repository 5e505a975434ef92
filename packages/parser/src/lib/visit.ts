import type { Nodes, Parents } from '../ast.js';

/** Return `SKIP` from a visitor to leave a node's children unvisited, `EXIT` to stop the walk. */
export const SKIP = 'skip';
export const EXIT = 'exit';

export type Visitor = (
  node: Nodes,
  parent: Parents | undefined,
  index: number | undefined,
  // biome-ignore lint/suspicious/noConfusingVoidType: visitors usually return nothing
) => void | typeof SKIP | typeof EXIT;

/**
 * Visits every node in document order (pre-order), with its parent and index. Iterative, so any
 * depth is safe. A document's footnote definitions are visited after its body, with the document
 * as parent and their index in `document.footnotes`.
 */
export function visit(tree: Nodes, visitor: Visitor): void {
  const stack: { node: Nodes; parent: Parents | undefined; index: number | undefined }[] = [
    { node: tree, parent: undefined, index: undefined },
  ];
  while (stack.length > 0) {
    const { node, parent, index } = stack.pop() as (typeof stack)[number];
    const result = visitor(node, parent, index);
    if (result === EXIT) return;
    if (result === SKIP || !('children' in node)) continue;
    const children: Nodes[] = node.type === 'document' ? [...node.children, ...node.footnotes] : node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({
        node: children[i] as Nodes,
        parent: node,
        index: node.type === 'document' && i >= node.children.length ? i - node.children.length : i,
      });
    }
  }
}
