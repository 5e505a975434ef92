import { Command, CommanderError, Option } from 'commander';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, InputError, UsageError } from './lib/errors.js';
import { formatNames } from './lib/formats.js';
import { printMessage, safeForTerminal } from './lib/messages.js';
import { addPassFlags } from './lib/pass-flags.js';
import { VERSION_FLAGS, version } from './lib/version.js';

/**
 * A command's action, its module imported when the command runs: `wenshu --help` loads none of the
 * parser and exporters, and `wenshu convert` only what the main thread needs.
 */
function lazy<A extends unknown[]>(load: () => Promise<(...args: A) => unknown>): (...args: A) => Promise<void> {
  return async (...args) => {
    await (await load())(...args);
  };
}

/** Commander's way to repeat an option: each value is appended. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function program(): Command {
  const root = new Command('wenshu')
    .description('文书 wenshu: Chinese reports in Markdown → Word, PDF, Excel, and Traditional-Chinese editions')
    .version(version, VERSION_FLAGS.join(', '), 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run wenshu --help for usage)')
    // Commander quotes what it was given (`unknown option '…'`): escaped, like every other message.
    // Set before the commands are added, which inherit it.
    .configureOutput({
      writeErr: (text) => process.stderr.write(text.split('\n').map(safeForTerminal).join('\n')),
    })
    .exitOverride();
  addPassFlags(
    root
      .command('ast')
      .description('print the document tree (AST) of a report as JSON')
      .argument('<file>', 'a Markdown (.md), plain-text (.txt) or HTML (.html, .htm) report')
      .option('--raw', 'the tree as parsed, before the report passes')
      .option('--compact', 'one line of JSON instead of indented'),
  ).action(lazy(async () => (await import('./commands/ast.js')).astCommand));
  addPassFlags(
    root
      .command('outline')
      .description("print the report's outline: title, page markers, sections and items")
      .argument('<file>', 'a Markdown (.md), plain-text (.txt) or HTML (.html, .htm) report')
      .option('--json', 'the outline as JSON (the documented contract)'),
  ).action(lazy(async () => (await import('./commands/outline.js')).outlineCommand));
  addPassFlags(
    root
      .command('check')
      .description('list the repairs made and what still looks wrong; exit 1 when anything is suspect')
      .argument('<file>', 'a Markdown (.md), plain-text (.txt) or HTML (.html, .htm) report')
      .option('--json', 'the result as JSON'),
  ).action(lazy(async () => (await import('./commands/check.js')).checkCommand));
  addPassFlags(
    root
      .command('convert')
      .description('convert reports to office files')
      .argument(
        '<inputs...>',
        'reports (.md, .markdown, .txt, .html, .htm), folders of them, patterns (quoted or not), or - for stdin (HTML when it begins as HTML does)',
      )
      .addOption(
        new Option(
          '--from <kind>',
          'read every input as md, txt or html, whatever its name (default: by extension; stdin: html when it begins as HTML does)',
        ).choices(['md', 'txt', 'html']),
      )
      .option('-t, --to <formats>', `output formats, comma-separated (${formatNames.join(', ')}; default docx)`)
      .option('--theme <name|file>', 'report (default), gov (GB/T 9704), or a theme JSON file')
      .option('-d, --out-dir <dir>', "where to write, keeping a folder input's subfolders (default: beside each input)")
      .option('-o, --output <file>', 'the output file for one input and one format; - for stdout')
      .option('--toc', 'add a table of contents (DOCX, PDF)')
      .option(
        '--reference-docx <file>',
        'a Word document or template whose styles (by name) and page setup the DOCX takes',
      )
      .addOption(
        new Option('--sheet-lang <lang>', 'language of Excel sheet and column names (default zh)').choices([
          'zh',
          'en',
        ]),
      )
      .option('-j, --jobs <n>', 'files converted at once, in worker threads (default: the number of CPUs)')
      .option('-f, --force', 'replace existing outputs even when they are read-only')
      .option('--max-size <MB>', 'refuse inputs larger than this (default 200)')
      .option(
        '--timeout <seconds>',
        'stop an input that takes longer than this, and go on with the others (default: none)',
      )
      .option(
        '--max-memory <MB>',
        "the heap each conversion thread may use; an input that needs more fails (default: V8's)",
      )
      .option('--allow-outside', "read pictures from outside the input's folder too")
      .option('--json', 'print the results (per input: outputs, warnings, error, time) as JSON on stdout')
      .option('-q, --quiet', 'no progress bar, no per-file lines, no summary: only warnings and errors')
      .option('-w, --watch', 'convert again whenever an input changes, until Ctrl-C')
      .addOption(
        new Option('--zh <variant>', 'write the Traditional edition instead: report.tw.docx').choices([
          't',
          'tw',
          'twp',
          'hk',
        ]),
      )
      .option('--editions <list>', 'write several editions from one parse, e.g. cn,tw,hk (cn: as written)')
      .option('--zh-dict <file>', 'user dictionary for editions: lines of 简体<TAB>繁體, before OpenCC')
      .option('--zh-protect <file>', 'terms never converted in editions, one per line')
      .addOption(
        new Option(
          '--zh-vocabulary <vocabulary>',
          'twp: general keeps 对象, 文件, 程序, 项目, 优化; it gives 物件, 檔案, 程式, 專案, 最佳化 (default auto: from the text)',
        ).choices(['auto', 'general', 'it']),
      )
      .option(
        '--font <role=file>',
        'a font file for the PDF: song, hei, kai, fang, title or mono (repeatable)',
        collect,
        [],
      )
      .option(
        '--no-system-fonts',
        'set the PDF in the files given and the bundled faces only, never an installed one: the same PDF on every machine',
      ),
  ).action(lazy(async () => (await import('./commands/convert.js')).convertCommand));
  root
    .command('fonts')
    .description('show the font file, face and glyph count each PDF font role uses on this machine')
    .option('--font <role=file>', 'a font file to use for a role, as in convert (repeatable)', collect, [])
    .option('--lang <tag>', 'for a Traditional edition: zh-TW, zh-HK, zh-Hant')
    .option('--json', 'the list as JSON')
    .action(lazy(async () => (await import('./commands/fonts.js')).fontsCommand));
  for (const command of root.commands) command.exitOverride();
  return root;
}

/** Runs the command line; returns the exit code (0 done, 1 bad input, 2 bad usage). */
export async function run(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message; help and version are not failures.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      printMessage(`wenshu: ${error.message}`);
      return EXIT_USAGE;
    }
    if (error instanceof InputError) {
      printMessage(`wenshu: ${error.message}`);
      return EXIT_INPUT;
    }
    throw error;
  }
}
