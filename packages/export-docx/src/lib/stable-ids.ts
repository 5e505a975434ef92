/**
 * docx 9.15 numbers some things with counters that live as long as the process (drawing ids
 * `wp:docPr/@id`, bookmark ids and the `_Toc…` names of the table of contents) and names hyperlink
 * relationships with random ids (nanoid). The second document a process writes therefore differs
 * from the first. Here those ids are numbered again from the start of each package, in document
 * order, so the same input always gives the same bytes.
 */
import { strFromU8, strToU8 } from 'fflate';
import { elements, parseXml, serializeXml, type XmlElement } from './xml.js';

function walk(node: XmlElement, visit: (el: XmlElement) => void): void {
  const stack: XmlElement[] = [node];
  while (stack.length > 0) {
    const el = stack.pop() as XmlElement;
    visit(el);
    const kids = elements(el);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as XmlElement);
  }
}

/** Story parts in a fixed order: the body, then notes, headers and footers by name. */
function storyParts(files: Record<string, Uint8Array>): string[] {
  const others = Object.keys(files)
    .filter((name) => /^word\/(footnotes|endnotes|header\d*|footer\d*)\.xml$/.test(name))
    .sort();
  return ['word/document.xml', ...others].filter((name) => files[name]);
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

export function stabilizeIds(files: Record<string, Uint8Array>): void {
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

  for (const part of storyParts(files)) {
    const root = parseXml(strFromU8(files[part] as Uint8Array));

    // Relationship ids that are not rIdN: renumber them within the part's relationships.
    const relsName = relsOf(part);
    const relRenames = new Map<string, string>();
    const relsBytes = files[relsName];
    if (relsBytes) {
      const rels = parseXml(strFromU8(relsBytes));
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
        relRenames.set(id, renamed);
        rel.attributes.Id = renamed;
      }
      if (relRenames.size > 0) files[relsName] = strToU8(serializeXml(rels));
    }

    walk(root, (el) => {
      if (el.name === 'wp:docPr') el.attributes.id = String(++drawing);
      if (el.name === 'w:bookmarkStart' || el.name === 'w:bookmarkEnd') {
        const id = el.attributes['w:id'];
        if (id !== undefined) {
          let renamed = bookmarkIds.get(`${part}#${id}`);
          if (!renamed) {
            renamed = String(++bookmark);
            bookmarkIds.set(`${part}#${id}`, renamed);
          }
          el.attributes['w:id'] = renamed;
        }
        const name = el.attributes['w:name'];
        if (name !== undefined) el.attributes['w:name'] = tocName(name);
      }
      const anchor = el.attributes['w:anchor'];
      if (anchor !== undefined) el.attributes['w:anchor'] = tocName(anchor);
      const rid = el.attributes['r:id'];
      if (rid !== undefined && relRenames.has(rid)) el.attributes['r:id'] = relRenames.get(rid) as string;
      if (el.name === 'w:instrText') {
        el.children = el.children.map((child) =>
          typeof child === 'string' ? child.replace(/_Toc\d+/g, (name) => tocName(name)) : child,
        );
      }
    });
    files[part] = strToU8(serializeXml(root));
  }
}
