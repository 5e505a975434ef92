import { type Outline, outline } from '@wenshu/parser';
import { loadReport, readSource } from '../lib/input.js';
import { type PassFlags, passOptions } from '../lib/pass-flags.js';
import { printWarnings } from '../lib/report.js';

export interface OutlineOptions extends PassFlags {
  json?: boolean;
}

/** `wenshu outline <file>`: the report's sections and items, as a tree or as the documented JSON. */
export async function outlineCommand(file: string, options: OutlineOptions): Promise<void> {
  const report = loadReport(await readSource(file), { passes: passOptions(options) });
  printWarnings(file, report.warnings);
  const result = outline(report.document, report.fixes);
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatOutline(result));
}

type Section = Outline['sections'][number];

function countItems(section: Section): number {
  return section.items.length + section.sections.reduce((sum, child) => sum + countItems(child), 0);
}

/** An indented tree: one line per section with its item count; the title and page markers on top. */
export function formatOutline(result: Outline): string {
  const lines: string[] = [];
  lines.push(result.title ?? '(untitled)');
  if (result.continuedFrom !== null) lines.push(`  continued from page ${result.continuedFrom}`);
  if (result.continuedTo !== null) lines.push(`  continues on page ${result.continuedTo}`);
  const walk = (sections: Section[], indent: string) => {
    for (const section of sections) {
      const own = section.items.length;
      const all = countItems(section);
      const count = all === own ? `${own} items` : `${own} items, ${all} with subsections`;
      lines.push(`${indent}${section.heading ?? '(before the first heading)'}  [${count}]`);
      walk(section.sections, `${indent}  `);
    }
  };
  walk(result.sections, '  ');
  const total = result.sections.reduce((sum, section) => sum + countItems(section), 0);
  lines.push(`${total} items in ${result.sections.length} top-level sections; ${result.fixes.length} fixes`);
  return `${lines.join('\n')}\n`;
}
