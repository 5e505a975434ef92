import type { Document } from '@wenshu/parser';

/** `cn` is the document as written; the others are OpenCC variants of @wenshu/zh. */
export const EDITIONS = ['cn', 't', 'tw', 'twp', 'hk'] as const;
export type Edition = (typeof EDITIONS)[number];

export function isEdition(name: string): name is Edition {
  return (EDITIONS as readonly string[]).includes(name);
}

/** The part an edition adds to an output's name: `report.tw.docx`; nothing for `cn`. */
export function editionSuffix(edition: Edition): string {
  return edition === 'cn' ? '' : `.${edition}`;
}

/** The Taiwan phrase edition's vocabulary, or `auto` (decided from the text). */
export const ZH_VOCABULARIES = ['auto', 'general', 'it'] as const;
export type ZhVocabulary = (typeof ZH_VOCABULARIES)[number];

/** How Traditional editions are made: a user dictionary, protected terms, the Taiwan vocabulary. */
export interface ZhOptions {
  dictionary?: [string, string][];
  protect?: string[];
  vocabulary?: ZhVocabulary;
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
export async function editionOf(document: Document, edition: Edition, options: ZhOptions = {}): Promise<EditionResult> {
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
