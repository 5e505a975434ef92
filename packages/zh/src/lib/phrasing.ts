/**
 * Converting a block's inline content so that phrases convert across inline boundaries.
 *
 * A block's text is cut into runs: stretches a reader reads as one line of prose. Each run is
 * converted as one text and the result is cut back into its text nodes (see `alignment.ts`), so
 * `**鼠**标` converts the phrase 鼠标 and `[软](u)件` the phrase 软件.
 *
 * What a node does to the run it sits in ({@link PHRASING_ROLES}):
 * - `text`: its value is part of the run;
 * - `transparent` (emphasis, strong, delete, underline, mark, link): formatting of the same line
 *   of text; the run goes on through its children;
 * - `annotation` (subscript, superscript): a second, smaller line of text set into the first: a
 *   formula index, a unit's power, a note mark. It never continues a word of the line it sits in,
 *   so it ends the run, its content is a run of its own, and a new run starts after it:
 *   `软<sub>x</sub>件` converts 软 and 件 apart, and `鼠<sub>标</sub>` does not form 鼠标.
 * - `opaque` (inline code, inline math, image, line break, footnote reference): not text of the
 *   line; it ends the run. Code and math are never converted.
 * So the text of a converted block equals OpenCC applied to the block's text except where an
 * OpenCC phrase would span an annotation or an opaque node, which the rules above keep apart.
 */
import type { Image, Link, PhrasingContent, Text } from '@wenshu/parser';
import type { TextConverter } from './converter.js';

type PhrasingRole = 'text' | 'transparent' | 'annotation' | 'opaque';

/** A missing node type is a compile error: every inline node must say how it joins phrases. */
export const PHRASING_ROLES: { readonly [K in PhrasingContent['type']]: PhrasingRole } = {
  text: 'text',
  emphasis: 'transparent',
  strong: 'transparent',
  delete: 'transparent',
  underline: 'transparent',
  mark: 'transparent',
  link: 'transparent',
  subscript: 'annotation',
  superscript: 'annotation',
  inlineCode: 'opaque',
  inlineMath: 'opaque',
  image: 'opaque',
  break: 'opaque',
  footnoteReference: 'opaque',
};

/** Inline content of one block, with an optional string read before it (an item's marker). */
export interface BlockText {
  lead?: string;
  groups: readonly (readonly PhrasingContent[])[];
}

/** The converted lead (when given) and groups, same shapes as the input. */
export interface ConvertedBlockText {
  lead: string | undefined;
  groups: PhrasingContent[][];
}

/**
 * Converts a block's inline content: `groups` are read in order as one text (an item's title and
 * body), after `lead`. Returns new nodes; the input is not modified.
 */
export function convertBlockText(block: BlockText, converter: TextConverter): ConvertedBlockText {
  const runs = new RunCollector();
  if (block.lead !== undefined) runs.add(block.lead);
  for (const group of block.groups) collectRuns(group, runs);
  // The rebuild walks the nodes in the order they were collected, taking the converted strings
  // in turn.
  const converted = new ConvertedStrings(runs.convert(converter));
  const lead = block.lead === undefined ? undefined : converted.next();
  return { lead, groups: block.groups.map((group) => rebuild(group, converted, converter)) };
}

/** The strings of a block in reading order, grouped into runs. */
class RunCollector {
  private readonly sources: string[] = [];
  private readonly runs: number[][] = [];
  private current: number[] = [];

  add(value: string): void {
    this.current.push(this.sources.push(value) - 1);
  }

  endRun(): void {
    if (this.current.length > 0) this.runs.push(this.current);
    this.current = [];
  }

  /** Every string converted, in the order they were added. */
  convert(converter: TextConverter): string[] {
    this.endRun();
    const converted: string[] = new Array(this.sources.length);
    for (const run of this.runs) {
      const pieces = converter.convertPieces(run.map((slot) => this.sources[slot] as string));
      run.forEach((slot, index) => {
        converted[slot] = pieces[index] as string;
      });
    }
    return converted;
  }
}

class ConvertedStrings {
  private index = 0;
  constructor(private readonly strings: readonly string[]) {}
  next(): string {
    return this.strings[this.index++] as string;
  }
}

function collectRuns(nodes: readonly PhrasingContent[], runs: RunCollector): void {
  for (const node of nodes) {
    switch (PHRASING_ROLES[node.type]) {
      case 'text':
        runs.add((node as Text).value);
        break;
      case 'transparent':
        collectRuns((node as Extract<PhrasingContent, { children: unknown }>).children, runs);
        break;
      case 'annotation':
        runs.endRun();
        collectRuns((node as Extract<PhrasingContent, { children: unknown }>).children, runs);
        runs.endRun();
        break;
      case 'opaque':
        runs.endRun();
        break;
    }
  }
}

function rebuild(
  nodes: readonly PhrasingContent[],
  converted: ConvertedStrings,
  converter: TextConverter,
): PhrasingContent[] {
  return nodes.map((node): PhrasingContent => {
    switch (node.type) {
      case 'text':
        return { ...node, value: converted.next() };
      case 'link':
        return {
          ...node,
          title: convertTitle(node, converter),
          children: rebuild(node.children, converted, converter),
        };
      case 'image':
        return { ...node, alt: converter.convert(node.alt), title: convertTitle(node, converter) };
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'underline':
      case 'mark':
      case 'subscript':
      case 'superscript':
        return { ...node, children: rebuild(node.children, converted, converter) };
      case 'inlineCode':
      case 'inlineMath':
      case 'break':
      case 'footnoteReference':
        return { ...node };
      default:
        return unhandled(node);
    }
  });
}

/** A node type added to the AST without a case above is a compile error here. */
function unhandled(node: never): never {
  throw new Error(`no conversion for inline node ${JSON.stringify(node)}`);
}

// A link's or image's title is a tooltip: text of its own, converted on its own. URLs never are.
function convertTitle(node: Link | Image, converter: TextConverter): string | null {
  return node.title === null ? null : converter.convert(node.title);
}
