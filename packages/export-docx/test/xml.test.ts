import { describe, expect, it } from 'vitest';
import { descendants, parseXml, serializeXml, textOf, XmlError } from '../src/lib/xml.js';

describe('parseXml', () => {
  it('reads elements, attributes, text, entities, CDATA, comments and processing instructions', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- c --><a x="1 &amp; 2" y=\'&#x4E2D;\'><?pi x?><b>t&lt;&#25991;</b><![CDATA[<raw>]]><c/></a>',
    );
    expect(root.name).toBe('a');
    expect(root.attributes).toEqual({ x: '1 & 2', y: '中' });
    expect(textOf(root)).toBe('t<文<raw>');
    expect(descendants(root, 'c')).toHaveLength(1);
  });

  it('round-trips through serializeXml', () => {
    const source = '<w:p xmlns:w="urn:w"><w:r><w:t xml:space="preserve"> a &amp; &lt;b&gt; "q"</w:t></w:r></w:p>';
    const again = parseXml(serializeXml(parseXml(source)));
    expect(again).toEqual(parseXml(source));
  });

  const bad: [string, string, RegExp][] = [
    ['mismatched end tag', '<a><b></a></b>', /does not match/],
    ['unclosed element', '<a><b></b>', /never closed/],
    ['duplicate attribute', '<a x="1" x="2"/>', /duplicate attribute/],
    ['unquoted value', '<a x=1/>', /unquoted/],
    ['undefined entity', '<a>&nbsp;</a>', /undefined entity/],
    ['bare ampersand', '<a>fish & chips</a>', /entity/],
    ['"<" in an attribute', '<a x="<"/>', /'<' in the value/],
    ['two roots', '<a/><b/>', /second root/],
    ['text after the root', '<a/>x', /outside the root/],
    ['a DTD', '<!DOCTYPE a><a/>', /document type/],
    ['a control character', '<a>\u0001</a>', /not allowed/],
    ['an end tag without a start', '</a>', /without a start tag/],
    ['no root', '<?xml version="1.0"?>', /no root/],
    ['attributes without space', '<a x="1"y="2"/>', /expected whitespace/],
  ];
  for (const [what, source, message] of bad) {
    it(`rejects ${what}`, () => {
      expect(() => parseXml(source)).toThrow(XmlError);
      expect(() => parseXml(source)).toThrow(message);
    });
  }
});
