/**
 * Issue 18: a link keeps its target only when it is http, https, mailto, tel or relative (one rule,
 * `linkRefusal` of @wenshu/parser). A tree that did not come from `parse` may hold others: they are
 * written as their text, with a warning, and the PDF has no URI action for them.
 */
import type { Document, Link } from '@wenshu/parser';
import { linkRefusal, linkRefusalMessage } from '@wenshu/parser';
import { describe, expect, it } from 'vitest';
import { type PdfWarning, toPdf } from '../src/node.js';
import { compact, pdfText, writePdf } from './pdf.js';

describe('links', () => {
  it('to file:, ms-msdt:, network paths and other schemes are text; http and mailto stay links', async () => {
    const refused = ['ms-msdt:/id PCWDiagnostic', 'file:///etc/passwd', '\\\\host\\share', 'smb://host/x'];
    const kept = ['https://www.gov.cn/', 'mailto:a@b.cn'];
    const link = (url: string, i: number): Link => ({
      type: 'link',
      url,
      title: null,
      children: [{ type: 'text', value: `链接${i + 1}` }],
      position: { start: { line: i + 1, column: 1, offset: 0 }, end: { line: i + 1, column: 9, offset: 8 } },
    });
    const document: Document = {
      type: 'document',
      version: 1,
      meta: {},
      children: [{ type: 'paragraph', children: [...refused, ...kept].map(link) }],
      footnotes: [],
    };
    const warnings: PdfWarning[] = [];
    const bytes = await toPdf(document, { onWarning: (warning) => warnings.push(warning) });
    const raw = Buffer.from(bytes).toString('latin1');
    const uris = [...raw.matchAll(/\/URI \(([^)]*)\)/g)].map((match) => match[1]);
    expect(uris.sort()).toEqual(['https://www.gov.cn/', 'mailto:a@b.cn']);
    expect(compact(pdfText(writePdf(bytes, 'links')))).toContain('链接1链接2链接3链接4链接5链接6');
    expect(warnings).toEqual(
      refused.map((url, i) =>
        expect.objectContaining({ line: i + 1, message: linkRefusalMessage(url, linkRefusal(url) ?? '') }),
      ),
    );
  }, 60_000);
});
