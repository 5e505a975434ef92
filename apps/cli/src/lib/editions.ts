import { type Document, hasNonXmlCharacter } from '@wenshu/parser';
import { UsageError } from './errors.js';

/** `cn` is the document as written; the others are OpenCC variants of @wenshu/zh. */
export const EDITIONS = ['cn', 't', 'tw', 'twp', 'hk'] as const;
export type Edition = (typeof EDITIONS)[number];

function isEdition(name: string): name is Edition {
  return (EDITIONS as readonly string[]).includes(name);
}

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

/** The part an edition adds to an output's name: `report.tw.docx`; nothing for `cn`. */
export function editionSuffix(edition: Edition): string {
  return edition === 'cn' ? '' : `.${edition}`;
}

/** `--zh-vocabulary`: the Taiwan phrase edition's vocabulary, or `auto` (decided from the text). */
export const ZH_VOCABULARIES = ['auto', 'general', 'it'] as const;
export type ZhVocabulary = (typeof ZH_VOCABULARIES)[number];

export interface ZhOptions {
  dictionary?: [string, string][];
  protect?: string[];
  vocabulary?: ZhVocabulary;
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

/** An edition's document, and what was decided in making it (for the warnings and `check`). */
export interface EditionResult {
  document: Document;
  notes: string[];
}

/**
 * The document of an edition; @wenshu/zh is loaded only when a Traditional edition is asked for.
 * The Taiwan phrase edition (`twp`) notes the vocabulary it used and why, and any edition of a
 * source already in Traditional characters says that what is Traditional was kept.
 */
export async function editionOf(document: Document, edition: Edition, options: ZhOptions): Promise<EditionResult> {
  if (edition === 'cn') return { document, notes: [] };
  const { decideEdition, toTraditional } = await import('@wenshu/zh');
  const decision = decideEdition(document, options);
  const notes: string[] = [];
  if (edition === 'twp') {
    const force = decision.vocabulary.how === 'auto' ? '; force with --zh-vocabulary general|it' : '';
    notes.push(`${edition} edition: ${decision.vocabulary.summary}${force}`);
  }
  if (decision.sourceScript === 'traditional') {
    notes.push(
      `${edition} edition: the source is mostly Traditional; words already in Traditional characters are kept`,
    );
  }
  const converted = toTraditional(document, {
    variant: edition,
    ...options,
    vocabulary: decision.vocabulary.vocabulary,
    sourceScript: decision.sourceScript,
  });
  return { document: converted, notes };
}
