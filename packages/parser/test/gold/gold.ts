/**
 * The gold corpus (`test/fixtures/real/`): real documents with hand-checked gold files that say
 * what a careful reader sees in each. The format is described in `test/fixtures/real/README.md`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode } from '../../src/index.js';

export const REAL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/real');
/** Documents read and gold-written whose reading still fails the floors: scored apart (see its README). */
export const CANDIDATES_DIR = resolve(REAL_DIR, '../real-candidates');

/** The shared corpus's folder (`../shared` beside the checkout), which `# source:` lines name files in. */
export const SHARED_DIR = resolve(REAL_DIR, '../../../../../../shared');

export interface GoldHeading {
  level: number;
  text: string;
}

export interface GoldItem {
  marker: string;
  /** `120`, or `120-1` for an inserted article 之一. */
  number: string;
  /** The run-in title, `null` when the item has none. */
  title: string | null;
}

export interface GoldJoin {
  /** The 1-based line on which the first part ends. */
  line: number;
  before: string;
  after: string;
}

export const ELEMENT_KINDS = [
  'subtitle',
  'byline',
  'addressee',
  'salutation',
  'signature',
  'date',
  'page-marker',
  'boundary',
  'attachments',
  'note',
] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

export interface GoldElement {
  kind: ElementKind;
  text: string;
}

export interface Gold {
  title: string | null;
  headings: GoldHeading[];
  items: GoldItem[];
  joins: GoldJoin[];
  elements: GoldElement[];
}

/** A document of the gold corpus with its gold. */
export interface GoldDocument {
  /** `genre/name`. */
  id: string;
  genre: string;
  /** The document's path. */
  path: string;
  gold: Gold;
  /** The gold file's path, for messages. */
  goldPath: string;
  /** Whether the document is one of the shared corpus (present only beside the checkout). */
  shared: boolean;
}

export class GoldError extends Error {}

/** Reads a gold file; throws a `GoldError` naming the line for anything that is not in the format. */
export function parseGold(text: string, name = 'gold'): Gold {
  const gold: Gold = { title: null, headings: [], items: [], joins: [], elements: [] };
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const fields = line.split('\t');
    const fail = (problem: string) => {
      throw new GoldError(`${name}:${index + 1}: ${problem}: ${JSON.stringify(line)}`);
    };
    const expect = (count: number) => {
      if (fields.length !== count) fail(`expected ${count} TAB-separated fields, found ${fields.length}`);
    };
    const nonEmpty = (value: string | undefined) => {
      if (!value || value.trim() === '') fail('empty field');
      return value as string;
    };
    switch (fields[0]) {
      case 'title':
        expect(2);
        if (gold.title !== null) fail('a second title');
        gold.title = nonEmpty(fields[1]);
        break;
      case 'heading': {
        expect(3);
        const level = Number(fields[1]);
        if (!Number.isInteger(level) || level < 1) fail('level is not a whole number ≥ 1');
        gold.headings.push({ level, text: nonEmpty(fields[2]) });
        break;
      }
      case 'item': {
        expect(4);
        const number = nonEmpty(fields[2]);
        if (!/^\d+(?:-\d+)?$/.test(number)) fail('number is not `N` or `N-M`');
        const title = nonEmpty(fields[3]);
        gold.items.push({ marker: nonEmpty(fields[1]), number, title: title === '-' ? null : title });
        break;
      }
      case 'join': {
        expect(4);
        const at = Number(fields[1]);
        if (!Number.isInteger(at) || at < 1) fail('line is not a whole number ≥ 1');
        gold.joins.push({ line: at, before: nonEmpty(fields[2]), after: nonEmpty(fields[3]) });
        break;
      }
      case 'element': {
        expect(3);
        const kind = fields[1] as ElementKind;
        if (!ELEMENT_KINDS.includes(kind)) fail(`unknown element kind (one of ${ELEMENT_KINDS.join(', ')})`);
        gold.elements.push({ kind, text: nonEmpty(fields[2]) });
        break;
      }
      default:
        fail('unknown fact');
    }
  });
  return gold;
}

/** The comment `# <key>: <value>` of a gold file, or `null`. */
function comment(text: string, key: string): string | null {
  const match = new RegExp(`^#\\s*${key}:\\s*(.+?)\\s*$`, 'm').exec(text);
  return match ? (match[1] as string) : null;
}

/**
 * Every document of the gold corpus, by genre folder. Gold files in `shared/` describe documents of
 * the shared corpus (`# source: corpus/…` and `# genre: …` comments); they are left out when the
 * shared corpus is absent.
 */
export function loadGoldCorpus(dir = REAL_DIR): GoldDocument[] {
  const documents: GoldDocument[] = [];
  for (const folder of readdirSync(dir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const folderPath = join(dir, folder.name);
    for (const file of readdirSync(folderPath).sort()) {
      if (!file.endsWith('.gold.tsv')) continue;
      const goldPath = join(folderPath, file);
      const text = readFileSync(goldPath, 'utf8');
      const stem = basename(file, '.gold.tsv');
      let path: string | undefined;
      let genre = folder.name;
      const source = comment(text, 'source');
      if (source) {
        path = resolve(SHARED_DIR, source);
        genre = comment(text, 'genre') ?? genre;
        if (!existsSync(path)) continue;
      } else {
        path = ['.md', '.txt', '.markdown'].map((extension) => join(folderPath, stem + extension)).find(existsSync);
        if (!path) throw new GoldError(`${goldPath}: no document ${stem}.md or ${stem}.txt beside it`);
      }
      documents.push({
        id: `${genre}/${stem}`,
        genre,
        path,
        gold: parseGold(text, goldPath),
        goldPath,
        shared: !!source,
      });
    }
  }
  return documents;
}

/** The document's text, decoded from whatever encoding it is stored in. */
export function readDocumentText(path: string): string {
  return decode(new Uint8Array(readFileSync(path))).text;
}
