import type { Warning } from '@wenshu/parser';
import { printMessage } from './messages.js';

/** `file:line:column: warning: message`, the form editors and CI logs link to. */
export function formatWarning(file: string, warning: Warning): string {
  const at = warning.position ? `:${warning.position.start.line}:${warning.position.start.column}` : '';
  return `${file}${at}: warning: ${warning.message}`;
}

/**
 * Warnings with the same message, counted: the first of each with how many more there are. One
 * file once printed 2,940 identical nesting warnings; now it prints one line, at the first place,
 * ending "… and 2,939 more like this". `--json` still lists every one.
 */
export function countRepeats<W extends { message: string }>(warnings: readonly W[]): { warning: W; more: number }[] {
  const byMessage = new Map<string, { warning: W; more: number }>();
  for (const warning of warnings) {
    const seen = byMessage.get(warning.message);
    if (seen) seen.more++;
    else byMessage.set(warning.message, { warning, more: 0 });
  }
  return [...byMessage.values()];
}

/** The line of a counted warning: the warning, and how many more like it there are. */
export function withRepeats(line: string, more: number): string {
  return more === 0 ? line : `${line} … and ${more.toLocaleString('en')} more like this`;
}

export function printWarnings(file: string, warnings: readonly Warning[]): void {
  for (const { warning, more } of countRepeats(warnings)) printMessage(withRepeats(formatWarning(file, warning), more));
}

/** A file result's warning (`--json`'s shape) in the `file:line:column: warning:` form. */
export function formatFileWarning(file: string, warning: { message: string; line?: number; column?: number }): string {
  const at =
    warning.line !== undefined ? `:${warning.line}${warning.column !== undefined ? `:${warning.column}` : ''}` : '';
  return `${file}${at}: warning: ${warning.message}`;
}
