import type { Warning } from '@wenshu/parser';

/** `file:line:column: warning: message`, the form editors and CI logs link to. */
export function formatWarning(file: string, warning: Warning): string {
  const at = warning.position ? `:${warning.position.start.line}:${warning.position.start.column}` : '';
  return `${file}${at}: warning: ${warning.message}`;
}

export function printWarnings(file: string, warnings: readonly Warning[]): void {
  for (const warning of warnings) process.stderr.write(`${formatWarning(file, warning)}\n`);
}
