/**
 * The part of opencc-js this package uses, typed locally: opencc-js 1.4.2 ships declarations with
 * extensionless relative imports, which do not resolve under `moduleResolution: NodeNext` (TS2834)
 * and silently turn into `any` with `skipLibCheck`. Everything crosses into typed code here.
 */
import * as untypedOpenCC from 'opencc-js';

/** A dictionary as opencc-js stores it: `"from to|from to"` or pairs. */
export type DictLike = string | readonly (readonly [string, string])[];

/** Dictionaries applied together, the first one winning on equal keys. */
export type DictGroup = readonly DictLike[];

/** One of opencc-js's built-in conversion configurations (`s2twp`, …). */
export interface OpenccConfig {
  /** Runs over the whole text first (CJK compatibility ideographs → unified ones). */
  normalizationChain?: readonly DictGroup[];
  /** Maximum-match segmentation dictionaries; absent for `s2t`. */
  segmentation?: DictGroup | DictLike;
  /** The stages, each applied to every segment in turn. */
  conversionChain: readonly DictGroup[];
}

interface OpenccModule {
  Locale: { configs: Readonly<Record<string, OpenccConfig>> };
  Converter(options: { from: string; to: string }): (text: string) => string;
}

const opencc = untypedOpenCC as unknown as OpenccModule;

/** The built-in configuration `name` (`s2t`, `s2tw`, `s2twp`, `s2hk`). */
export function openccConfig(name: string): OpenccConfig {
  const config = opencc.Locale.configs[name];
  if (!config) throw new Error(`opencc-js has no configuration "${name}"`);
  return config;
}

/** opencc-js's own converter, unchanged: the reference the tests and the benchmark compare with. */
export function openccConverter(from: string, to: string): (text: string) => string {
  return opencc.Converter({ from, to });
}

/** The `[from, to]` entries of a dictionary in file order (later entries win on equal keys). */
export function dictEntries(dict: DictLike): (readonly [string, string])[] {
  if (typeof dict !== 'string') return [...dict];
  if (dict === '') return [];
  return dict.split('|').map((line) => {
    // opencc-js reads the first two space-separated fields; so do we.
    const [from = '', to = ''] = line.split(' ');
    return [from, to] as const;
  });
}
