import { serialize } from '@wenshu/parser';
import { loadReport, readSource } from '../lib/input.js';
import { type PassFlags, passOptions } from '../lib/pass-flags.js';
import { printWarnings } from '../lib/report.js';

export interface AstOptions extends PassFlags {
  raw?: boolean;
  compact?: boolean;
}

/** `wenshu ast <file>`: the document tree as JSON on stdout, warnings on stderr. */
export async function astCommand(file: string, options: AstOptions): Promise<void> {
  const report = loadReport(await readSource(file), { raw: options.raw === true, passes: passOptions(options) });
  printWarnings(file, report.warnings);
  process.stdout.write(`${serialize(report.document, options.compact ? undefined : 2)}\n`);
}
