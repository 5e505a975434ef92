import { UsageError } from '../lib/errors.js';
import { parseFonts } from './convert.js';

export interface FontsOptions {
  font?: string[];
  lang?: string;
  json?: boolean;
}

/** `wenshu fonts`: which file and face each PDF font role uses here, and how many glyphs it has. */
export async function fontsCommand(options: FontsOptions): Promise<void> {
  const { listFonts } = await import('@wenshu/export-pdf');
  const fonts = parseFonts(options.font ?? []);
  let rows: ReturnType<typeof listFonts>;
  try {
    rows = listFonts({ fonts, ...(options.lang ? { lang: options.lang } : {}) });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const lines = rows.map((row) =>
    [
      `${row.role} (${row.name}) ${row.weight}`.padEnd(22),
      `${row.face} · ${row.glyphs} glyphs · ${row.source}`,
      `\n    ${row.file}`,
      row.note ? `\n    ${row.note}` : '',
    ].join(''),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}
