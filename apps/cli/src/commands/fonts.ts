import { UsageError } from '../lib/errors.js';
import { checkFontFaces, parseFonts } from './convert.js';

export interface FontsOptions {
  font?: string[];
  lang?: string;
  json?: boolean;
}

/** `wenshu fonts`: which file and face each PDF font role uses here, and how many glyphs it has. */
export async function fontsCommand(options: FontsOptions): Promise<void> {
  // The roles' faces are Chinese: a tag of another language (or none at all) is a mistake, not zh-CN.
  if (options.lang !== undefined && !/^zh(-[A-Za-z0-9]{2,8})*$/.test(options.lang)) {
    throw new UsageError(`--lang takes a Chinese language tag (zh-CN, zh-TW, zh-HK, zh-Hant), not "${options.lang}"`);
  }
  const { listFonts } = await import('@wenshu/export-pdf');
  const fonts = parseFonts(options.font ?? []);
  await checkFontFaces(fonts);
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
