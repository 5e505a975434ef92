import type { StructureOptions } from '@wenshu/parser';
import type { Command } from 'commander';

/**
 * The report passes a user can switch, each with its flag: `--no-<pass>` for a pass that runs by
 * default, `--<pass>` for one that does not. The flags of every command that reads a report, the
 * options handed to the passes and the `passes` of wenshu.config.json all come from this list.
 */
export const PASS_SWITCHES = [
  { option: 'headings', byDefault: true, help: 'do not read short lines that head what follows as headings' },
  { option: 'ordinals', byDefault: true, help: 'do not read Chinese ordinals (一、（一）1.（1）第一条)' },
  { option: 'runInTitles', byDefault: true, help: 'do not split items into run-in title and body' },
  { option: 'pageMarkers', byDefault: true, help: 'leave page-jump markers such as (上接7版) in the text' },
  { option: 'brokenParagraphs', byDefault: true, help: 'do not join paragraphs split mid-sentence' },
  { option: 'cjkLineBreaks', byDefault: true, help: 'keep line breaks between Chinese characters as spaces' },
  { option: 'layoutCharacters', byDefault: true, help: 'keep full-width-space indents and zero-width characters' },
  {
    option: 'elements',
    byDefault: true,
    help: 'do not read subtitles, bylines, salutation, addressee, signatures and dates',
  },
  {
    option: 'punctuation',
    byDefault: false,
    help: 'turn half-width ,;:?!() between Chinese characters into full-width',
  },
] as const satisfies readonly { option: keyof StructureOptions; byDefault: boolean; help: string }[];

export type PassName = (typeof PASS_SWITCHES)[number]['option'];

/** The values Commander gives the pass flags (a `--no-x` flag's is `true` unless it is given). */
export type PassFlags = Partial<Record<PassName, boolean>>;

const flagName = (option: string) => option.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

export function addPassFlags(command: Command): Command {
  for (const { option, byDefault, help } of PASS_SWITCHES) {
    command.option(`--${byDefault ? 'no-' : ''}${flagName(option)}`, help);
  }
  return command;
}

/** The passes' options: only what differs from a pass's default is handed on. */
export function passOptions(flags: PassFlags): StructureOptions {
  const options: StructureOptions = {};
  for (const { option, byDefault } of PASS_SWITCHES) {
    if (flags[option] === !byDefault) options[option] = !byDefault;
  }
  return options;
}
