import type { StructureOptions } from '@wenshu/parser';
import type { Command } from 'commander';

/** The flags that switch report passes, shared by every command that reads a report. */
export interface PassFlags {
  ordinals?: boolean;
  runInTitles?: boolean;
  pageMarkers?: boolean;
  brokenParagraphs?: boolean;
  cjkLineBreaks?: boolean;
  layoutCharacters?: boolean;
  punctuation?: boolean;
}

export function addPassFlags(command: Command): Command {
  return command
    .option('--no-ordinals', 'do not read Chinese ordinals (一、（一）1.（1）第一条)')
    .option('--no-run-in-titles', 'do not split items into run-in title and body')
    .option('--no-page-markers', 'leave page-jump markers such as (上接7版) in the text')
    .option('--no-broken-paragraphs', 'do not join paragraphs split mid-sentence')
    .option('--no-cjk-line-breaks', 'keep line breaks between Chinese characters as spaces')
    .option('--no-layout-characters', 'keep full-width-space indents and zero-width characters')
    .option('--punctuation', 'turn half-width ,;:?!() between Chinese characters into full-width');
}

/** Commander sets a `--no-x` flag's value to `true` by default, which is what the passes want. */
export function passOptions(flags: PassFlags): StructureOptions {
  const options: StructureOptions = {};
  if (flags.ordinals === false) options.ordinals = false;
  if (flags.runInTitles === false) options.runInTitles = false;
  if (flags.pageMarkers === false) options.pageMarkers = false;
  if (flags.brokenParagraphs === false) options.brokenParagraphs = false;
  if (flags.cjkLineBreaks === false) options.cjkLineBreaks = false;
  if (flags.layoutCharacters === false) options.layoutCharacters = false;
  if (flags.punctuation === true) options.punctuation = true;
  return options;
}
