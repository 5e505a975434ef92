import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { ZH_VOCABULARIES } from './editions.js';
import { UsageError } from './errors.js';
import { PASS_SWITCHES, type PassName } from './pass-flags.js';

/** The passes a configuration may switch: those of the pass flags. */
const passes = z.strictObject(
  Object.fromEntries(PASS_SWITCHES.map(({ option }) => [option, z.boolean()])) as Record<PassName, z.ZodBoolean>,
);

/** The options `wenshu.config.json` (or package.json's `wenshu` key) may set; the flags' names. */
const schema = z.strictObject({
  to: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  theme: z.string().min(1),
  outDir: z.string().min(1),
  toc: z.boolean(),
  sheetLang: z.enum(['zh', 'en']),
  jobs: z.number().int().min(1),
  maxSize: z.number().positive(),
  timeout: z.number().positive(),
  maxMemory: z.number().int().positive(),
  allowOutside: z.boolean(),
  quiet: z.boolean(),
  editions: z.string().min(1),
  zhVocabulary: z.enum(ZH_VOCABULARIES),
  fonts: z.partialRecord(z.enum(['song', 'hei', 'kai', 'fang', 'title', 'mono']), z.string().min(1)),
  systemFonts: z.boolean(),
  passes: passes.partial(),
});

export type Config = Partial<z.infer<typeof schema>>;

export interface LoadedConfig {
  /** The file it came from. */
  file: string;
  config: Config;
}

export const CONFIG_FILE = 'wenshu.config.json';

/**
 * The nearest `wenshu.config.json`, or `package.json` with a `wenshu` key, from `cwd` upward.
 * Paths in it (`outDir`, a theme file) are relative to its folder. An invalid file is a usage error
 * naming the file and the key.
 */
export function loadConfig(cwd = process.cwd()): LoadedConfig | undefined {
  let folder = resolve(cwd);
  for (;;) {
    const own = join(folder, CONFIG_FILE);
    if (existsSync(own)) return parseConfig(own, readJson(own));
    const pkg = join(folder, 'package.json');
    if (existsSync(pkg)) {
      const json = readJson(pkg);
      if (json !== null && typeof json === 'object' && 'wenshu' in json) {
        return parseConfig(`${pkg} ("wenshu" key)`, (json as { wenshu: unknown }).wenshu, folder);
      }
    }
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

function readJson(file: string): unknown {
  try {
    // Windows editors (Notepad) save UTF-8 with a byte order mark, which JSON.parse refuses.
    return JSON.parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

function parseConfig(file: string, value: unknown, folder = dirname(file)): LoadedConfig {
  const parsed = schema.partial().safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.');
      return key === '' ? issue.message : `"${key}": ${issue.message}`;
    });
    throw new UsageError(`${file}: ${problems.join('; ')}`);
  }
  const config: Config = parsed.data;
  if (config.outDir !== undefined && !isAbsolute(config.outDir)) config.outDir = resolve(folder, config.outDir);
  if (config.theme !== undefined && /[\\/]|\.json$/i.test(config.theme) && !isAbsolute(config.theme)) {
    config.theme = resolve(folder, config.theme);
  }
  return { file, config };
}
