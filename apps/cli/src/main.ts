import { Command, CommanderError, Option } from 'commander';
import { astCommand } from './commands/ast.js';
import { checkCommand } from './commands/check.js';
import { convertCommand } from './commands/convert.js';
import { outlineCommand } from './commands/outline.js';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, InputError, UsageError } from './lib/errors.js';
import { formatNames } from './lib/formats.js';
import { addPassFlags } from './lib/pass-flags.js';
import { version } from './lib/version.js';

function program(): Command {
  const root = new Command('wenshu')
    .description('文书 wenshu: Chinese reports in Markdown → Word, PDF, Excel, and Traditional-Chinese editions')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run wenshu --help for usage)')
    .exitOverride();
  addPassFlags(
    root
      .command('ast')
      .description('print the document tree (AST) of a report as JSON')
      .argument('<file>', 'a Markdown (.md) or plain-text (.txt) report')
      .option('--raw', 'the tree as parsed, before the report passes')
      .option('--compact', 'one line of JSON instead of indented'),
  ).action(astCommand);
  addPassFlags(
    root
      .command('outline')
      .description("print the report's outline: title, page markers, sections and items")
      .argument('<file>', 'a Markdown (.md) or plain-text (.txt) report')
      .option('--json', 'the outline as JSON (the documented contract)'),
  ).action(outlineCommand);
  addPassFlags(
    root
      .command('check')
      .description('list the repairs made and what still looks wrong; exit 1 when anything is suspect')
      .argument('<file>', 'a Markdown (.md) or plain-text (.txt) report')
      .option('--json', 'the result as JSON'),
  ).action(checkCommand);
  addPassFlags(
    root
      .command('convert')
      .description('convert reports to office files')
      .argument('<files...>', 'Markdown (.md) or plain-text (.txt) reports')
      .option('-t, --to <formats>', `output formats, comma-separated (${formatNames.join(', ')})`, 'docx')
      .option('--theme <name|file>', 'report (default), gov (GB/T 9704), or a theme JSON file', 'report')
      .option('-d, --out-dir <dir>', "where to write (default: each input's folder)")
      .option('--toc', 'add a table of contents (DOCX, PDF)')
      .addOption(
        new Option('--sheet-lang <lang>', 'language of Excel sheet and column names')
          .choices(['zh', 'en'])
          .default('zh'),
      ),
  ).action(convertCommand);
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
      process.stderr.write(`wenshu: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof InputError) {
      process.stderr.write(`wenshu: ${error.message}\n`);
      return EXIT_INPUT;
    }
    throw error;
  }
}
