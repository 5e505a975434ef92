import type { Warning } from '@wenshu/parser';
import { printMessage } from './messages.js';

/** `file:line:column: warning: message`, the form editors and CI logs link to. */
export function formatWarning(file: string, warning: Warning): string {
  const at = warning.position ? `:${warning.position.start.line}:${warning.position.start.column}` : '';
  return `${file}${at}: warning: ${warning.message}`;
}

export function printWarnings(file: string, warnings: readonly Warning[]): void {
  for (const warning of warnings) printMessage(formatWarning(file, warning));
}

/** A file result's warning (`--json`'s shape) in the `file:line:column: warning:` form. */
export function formatFileWarning(file: string, warning: { message: string; line?: number; column?: number }): string {
  const at =
    warning.line !== undefined ? `:${warning.line}${warning.column !== undefined ? `:${warning.column}` : ''}` : '';
  return `${file}${at}: warning: ${warning.message}`;
}
