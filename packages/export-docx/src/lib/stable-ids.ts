/**
 * docx 9.15 numbers some things with counters that live as long as the process (drawing ids
 * `wp:docPr/@id`, bookmark ids and the `_Toc…` names of the table of contents) and names hyperlink
 * relationships with random ids (nanoid). The second document a process writes therefore differs
 * from the first. Here those ids are numbered again from the start of each package, in document
 * order, so the same input always gives the same bytes.
 *
 * The story parts are rewritten as text, tag by tag, rather than parsed: the document part of a
 * long report runs to tens of megabytes, and only a few kinds of tag carry these ids. Text between
 * tags never contains `<` (docx escapes it), so every match that starts with `<` is a tag.
 */

import { type Parts, partText } from './parts.js';
import { elements, parseXml, serializeXml } from './xml.js';

/** Story parts in a fixed order: the body, then notes, headers and footers by name. */
function storyParts(parts: Parts): string[] {
  const others = [...parts.keys()]
    .filter((name) => /^word\/(footnotes|endnotes|header\d*|footer\d*)\.xml$/.test(name))
    .sort();
  return ['word/document.xml', ...others].filter((name) => parts.has(name));
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * The tags that carry ids, and the text of field instructions (which name `_Toc…` bookmarks):
 * drawing and bookmark tags, any tag with `w:anchor` or `r:id`, and `w:instrText` with its text.
 */
const CARRIERS =
  /<(?:wp:docPr|w:bookmarkStart|w:bookmarkEnd)\s[^>]*>|<[^>]*\s(?:w:anchor|r:id)="[^>]*>|<w:instrText\b[^>]*>[^<]*/g;
const ATTRIBUTE = /(\s)([\w:]+)="([^"]*)"/g;

/** Renumbers the relationships of `part` whose ids are not `rIdN`; returns old id → new id. */
function renumberRelationships(parts: Parts, part: string): Map<string, string> {
  const renames = new Map<string, string>();
  const relsName = relsOf(part);
  const relsText = partText(parts, relsName);
  if (relsText === undefined) return renames;
  const rels = parseXml(relsText);
  const relationships = elements(rels, 'Relationship');
  const used = new Set(relationships.map((r) => r.attributes.Id));
  let next = relationships.length;
  for (const rel of relationships) {
    const id = rel.attributes.Id;
    if (!id || /^rId\d+$/.test(id)) continue;
    let renamed: string;
    do renamed = `rId${++next}`;
    while (used.has(renamed));
    used.add(renamed);
    renames.set(id, renamed);
    rel.attributes.Id = renamed;
  }
  if (renames.size > 0) parts.set(relsName, serializeXml(rels));
  return renames;
}

export function stabilizeIds(parts: Parts): void {
  let drawing = 0;
  let bookmark = 0;
  const bookmarkIds = new Map<string, string>();
  const tocNames = new Map<string, string>();
  const tocName = (name: string) => {
    if (!/^_Toc\d+$/.test(name)) return name;
    let renamed = tocNames.get(name);
    if (!renamed) {
      renamed = `_Toc${tocNames.size + 1}`;
      tocNames.set(name, renamed);
    }
    return renamed;
  };

  for (const part of storyParts(parts)) {
    const relRenames = renumberRelationships(parts, part);
    const xml = partText(parts, part) as string;
    const rewritten = xml.replace(CARRIERS, (match) => {
      if (match.startsWith('<w:instrText')) {
        const close = match.indexOf('>') + 1;
        return match.slice(0, close) + match.slice(close).replace(/_Toc\d+/g, (name) => tocName(name));
      }
      const name = match.slice(1, match.search(/[\s/>]/));
      const isBookmark = name === 'w:bookmarkStart' || name === 'w:bookmarkEnd';
      return match.replace(ATTRIBUTE, (attribute, space: string, key: string, value: string) => {
        let renamed = value;
        if (name === 'wp:docPr' && key === 'id') renamed = String(++drawing);
        else if (isBookmark && key === 'w:id') {
          renamed = bookmarkIds.get(`${part}#${value}`) ?? String(++bookmark);
          bookmarkIds.set(`${part}#${value}`, renamed);
        } else if ((isBookmark && key === 'w:name') || key === 'w:anchor') renamed = tocName(value);
        else if (key === 'r:id') renamed = relRenames.get(value) ?? value;
        return renamed === value ? attribute : `${space}${key}="${renamed}"`;
      });
    });
    parts.set(part, rewritten);
  }
}
