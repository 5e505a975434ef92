import { EDITIONS, type Edition, isEdition, type ZhOptions } from '@wenshu/convert';
import { hasNonXmlCharacter } from '@wenshu/parser';
import { UsageError } from './errors.js';

// Editions, how they are named and made are the library's (@wenshu/convert); reading the flags and
// the dictionary files is the command's.
export {
  EDITIONS,
  type Edition,
  editionSuffix,
  ZH_VOCABULARIES,
  type ZhOptions,
  type ZhVocabulary,
} from '@wenshu/convert';

/** `--zh tw` → `[tw]`; `--editions cn,tw,hk` → all three; neither → `[cn]`. */
export function parseEditions(zh: string | undefined, editions: string | undefined): Edition[] {
  if (zh !== undefined && editions !== undefined) throw new UsageError('give either --zh or --editions, not both');
  const list = (editions ?? zh ?? 'cn')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (list.length === 0) throw new UsageError(`--editions needs at least one of ${EDITIONS.join(', ')}`);
  for (const name of list) {
    if (!isEdition(name)) throw new UsageError(`unknown edition "${name}" (known: ${EDITIONS.join(', ')})`);
  }
  return [...new Set(list)] as Edition[];
}

/** The user dictionary and protected terms (`--zh-dict`, `--zh-protect`); a bad file is a usage error. */
export async function loadZhOptions(dictionaryFile?: string, protectFile?: string): Promise<ZhOptions> {
  if (dictionaryFile === undefined && protectFile === undefined) return {};
  const zh = await import('@wenshu/zh');
  let options: ZhOptions;
  try {
    options = {
      ...(dictionaryFile !== undefined ? { dictionary: await zh.loadDictionary(dictionaryFile) } : {}),
      ...(protectFile !== undefined ? { protect: await zh.loadProtectedTerms(protectFile) } : {}),
    };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // The parser keeps such characters out of the document; a dictionary's replacement would put them
  // back into the Traditional edition, after the parser (see the parser's xml-characters.ts).
  const entry = options.dictionary?.findIndex((pair) => pair.some(hasNonXmlCharacter)) ?? -1;
  if (entry >= 0) {
    throw new UsageError(
      `${dictionaryFile}: entry ${entry + 1} holds a character Word and Excel files cannot hold (a control character, U+FFFE or U+FFFF)`,
    );
  }
  return options;
}
