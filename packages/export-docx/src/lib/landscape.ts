/**
 * Landscape sections for tables too wide for the portrait page (issue 16). A handler cannot start a
 * section: Word keeps a section's page setup in the `w:sectPr` of the section's last paragraph
 * (ECMA-376 Part 1 §17.6.17), and docx writes one per entry of `sections`. So the table handler
 * puts an `OrientationMark` before and after a landscape table, and `splitSections` cuts the body
 * there into portrait and landscape sections with the same margins and footers; page numbers
 * continue across them. The marks themselves are not written.
 */
import { type FileChild, type ISectionOptions, type ISectionPropertiesOptions, PageOrientation, Paragraph } from 'docx';

export class OrientationMark extends Paragraph {
  readonly orientation: 'portrait' | 'landscape';

  constructor(orientation: 'portrait' | 'landscape') {
    super({});
    this.orientation = orientation;
  }
}

/** The landscape text width for a section's page: the page turned, the same side margins. */
export function landscapeTextWidth(properties: ISectionPropertiesOptions): number {
  const height = Number(properties.page?.size?.height ?? 16838);
  const left = Number(properties.page?.margin?.left ?? 1440);
  const right = Number(properties.page?.margin?.right ?? 1440);
  return height - left - right;
}

export function splitSections(
  body: FileChild[],
  properties: ISectionPropertiesOptions,
  footers: ISectionOptions['footers'],
): ISectionOptions[] {
  const landscape: ISectionPropertiesOptions = {
    ...properties,
    page: {
      ...properties.page,
      size: { ...properties.page?.size, orientation: PageOrientation.LANDSCAPE },
    },
  };
  const sections: ISectionOptions[] = [];
  let children: FileChild[] = [];
  let turned = false;
  const close = (end = false) => {
    // A document, like a table cell, ends with a paragraph (ECMA-376 Part 1 §17.4.66, tc): a wide
    // table at the very end ends its landscape section with one.
    if (end && children.length > 0 && !(children.at(-1) instanceof Paragraph)) children.push(new Paragraph({}));
    // An empty section would be an empty page (a document that opens with a wide table).
    if (children.length > 0) {
      sections.push({ properties: turned ? landscape : properties, ...(footers ? { footers } : {}), children });
    }
    children = [];
  };
  for (const block of body) {
    if (block instanceof OrientationMark) {
      const next = block.orientation === 'landscape';
      if (next !== turned) {
        close();
        turned = next;
      }
      continue;
    }
    children.push(block);
  }
  close(true);
  if (sections.length === 0) sections.push({ properties, ...(footers ? { footers } : {}), children: [] });
  return sections;
}
