import { describe, expect, it } from 'vitest';
import type { Parts } from '../src/lib/parts.js';
import { stabilizeIds } from '../src/lib/stable-ids.js';

const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

describe('stabilizeIds', () => {
  it('numbers drawings, bookmarks, TOC names and random relationship ids from the start, in document order', () => {
    const parts: Parts = new Map([
      [
        'word/document.xml',
        [
          '<w:document><w:body>',
          '<w:p><w:hyperlink w:anchor="_Toc840"><w:r><w:t>目录 w:anchor="_Toc840" r:id="xK3"</w:t></w:r></w:hyperlink></w:p>',
          '<w:p><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc840 \\h </w:instrText></w:r></w:p>',
          '<w:p><w:bookmarkStart w:id="77" w:name="_Toc840"/><w:r><w:t>一、总体情况</w:t></w:r><w:bookmarkEnd w:id="77"/></w:p>',
          '<w:p><w:bookmarkStart w:id="78" w:name="_Toc839"/><w:bookmarkEnd w:id="78"/></w:p>',
          '<w:p><w:r><w:drawing><wp:inline><wp:docPr id="41" name="图"/></wp:inline></w:drawing></w:r></w:p>',
          '<w:p><w:hyperlink r:id="xK3"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>',
          '</w:body></w:document>',
        ].join(''),
      ],
      [
        'word/_rels/document.xml.rels',
        `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="styles" Target="styles.xml"/><Relationship Id="xK3" Type="hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>`,
      ],
      [
        'word/footnotes.xml',
        '<w:footnotes><w:bookmarkStart w:id="77" w:name="note"/><w:bookmarkEnd w:id="77"/></w:footnotes>',
      ],
    ]);
    stabilizeIds(parts);
    const document = parts.get('word/document.xml') as string;
    expect(document).toContain('<w:hyperlink w:anchor="_Toc1">');
    expect(document).toContain('PAGEREF _Toc1 \\h');
    expect(document).toContain('<w:bookmarkStart w:id="1" w:name="_Toc1"/>');
    expect(document).toContain('<w:bookmarkEnd w:id="1"/>');
    expect(document).toContain('<w:bookmarkStart w:id="2" w:name="_Toc2"/><w:bookmarkEnd w:id="2"/>');
    expect(document).toContain('<wp:docPr id="1" name="图"/>');
    expect(document).toContain('<w:hyperlink r:id="rId3">');
    // Text is text, even when it looks like an attribute.
    expect(document).toContain('<w:t>目录 w:anchor="_Toc840" r:id="xK3"</w:t>');
    expect(parts.get('word/_rels/document.xml.rels')).toContain('Id="rId3"');
    expect(parts.get('word/_rels/document.xml.rels')).not.toContain('xK3');
    // Bookmark ids are unique across the package: the footnote's bookmark comes after the body's.
    expect(parts.get('word/footnotes.xml')).toBe(
      '<w:footnotes><w:bookmarkStart w:id="3" w:name="note"/><w:bookmarkEnd w:id="3"/></w:footnotes>',
    );
  });

  it('leaves a part without such ids as it was', () => {
    const xml = '<w:document><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>';
    const parts: Parts = new Map([['word/document.xml', xml]]);
    stabilizeIds(parts);
    expect(parts.get('word/document.xml')).toBe(xml);
  });
});
