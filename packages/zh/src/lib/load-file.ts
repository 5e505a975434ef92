/** Dictionary and protected-terms files read from disk (the Node entry); the core parses their text. */
import { readFile } from 'node:fs/promises';
import { parseDictionary, parseProtectedTerms } from './dictionary-file.js';

/** Reads and parses a dictionary file (UTF-8). */
export async function loadDictionary(path: string): Promise<[string, string][]> {
  return parseDictionary(await readFile(path, 'utf8'), path);
}

/** Reads and parses a protected-terms file (UTF-8). */
export async function loadProtectedTerms(path: string): Promise<string[]> {
  return parseProtectedTerms(await readFile(path, 'utf8'), path);
}
