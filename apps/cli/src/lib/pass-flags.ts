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
    option: 'tableCaptions',
    byDefault: true,
    help: 'leave a paragraph above a table that names it (表1 …) a paragraph, not the table caption',
  },
  {
    option: 'punctuation',
    byDefault: false,
    // The theme decides when neither flag is given (`gov` prints full-width marks): both flags exist.
    themed: true,
    help: 'turn half-width ,;:?!() between Chinese characters into full-width (the default of the gov theme)',
  },
] as const satisfies readonly {
  option: keyof StructureOptions;
  byDefault: boolean;
  themed?: boolean;
  help: string;
}[];

export type PassName = (typeof PASS_SWITCHES)[number]['option'];

/** The values Commander gives the pass flags (a `--no-x` flag's is `true` unless it is given). */
export type PassFlags = Partial<Record<PassName, boolean>>;

const flagName = (option: string) => option.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

export function addPassFlags(command: Command): Command {
  for (const switchable of PASS_SWITCHES) {
    const { option, byDefault, help } = switchable;
    command.option(`--${byDefault ? 'no-' : ''}${flagName(option)}`, help);
    if ('themed' in switchable) command.option(`--no-${flagName(option)}`, 'keep the text as written');
  }
  return command;
}

/**
 * The passes' options: only what differs from a pass's default is handed on, and a themed pass's
 * flag whichever way it is given (absent, the theme decides: see `themedPasses` of @wenshu/convert).
 */
export function passOptions(flags: PassFlags): StructureOptions {
  const options: StructureOptions = {};
  for (const switchable of PASS_SWITCHES) {
    const { option, byDefault } = switchable;
    const value = flags[option];
    if (value === !byDefault || ('themed' in switchable && value !== undefined)) options[option] = value;
  }
  return options;
}
