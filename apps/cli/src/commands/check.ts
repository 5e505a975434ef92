import { check } from '@wenshu/parser';
import { loadReport, readSource } from '../lib/input.js';
import { safeForTerminal } from '../lib/messages.js';
import { type PassFlags, passOptions } from '../lib/pass-flags.js';
import { printWarnings } from '../lib/report.js';

export interface CheckOptions extends PassFlags {
  json?: boolean;
}

/**
 * `wenshu check <file>`: the repairs the passes made and what still looks wrong. Exit 0 when
 * nothing is suspect, 1 when something is, so that it can gate a publishing pipeline.
 */
export async function checkCommand(file: string, options: CheckOptions): Promise<void> {
  const report = loadReport(await readSource(file), { passes: passOptions(options) });
  printWarnings(file, report.warnings);
  const result = check(report.document, report.fixes);
  // What a Traditional edition of this report would be made with, decided as `convert` decides it.
  const { decideEdition } = await import('@wenshu/zh');
  const decision = decideEdition(report.document);
  const editions = {
    lang: report.document.meta.lang ?? null,
    sourceScript: decision.sourceScript,
    vocabulary: decision.vocabulary,
  };
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ file, ...result, editions }, null, 2)}\n`);
  } else {
    const lines: string[] = [];
    for (const fix of result.fixes) {
      lines.push(`${file}:${fix.line}: fixed ${fix.kind}: ${clip(fix.before)} → ${clip(fix.after)}`);
    }
    for (const suspect of result.suspects) {
      lines.push(
        `${file}:${suspect.line ?? '?'}: suspect ${suspect.kind}: ${suspect.message} «${clip(suspect.excerpt)}»`,
      );
    }
    lines.push(
      `${file}: editions: source in ${decision.sourceScript} characters` +
        `${editions.lang ? ` (${editions.lang})` : ''}; twp: ${decision.vocabulary.summary}`,
    );
    lines.push(`${result.fixes.length} fixes, ${result.suspects.length} suspects`);
    process.stdout.write(`${lines.map(safeForTerminal).join('\n')}\n`);
  }
  if (result.suspects.length > 0) process.exitCode = 1;
}

function clip(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
