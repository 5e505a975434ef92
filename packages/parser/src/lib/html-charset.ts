/**
 * The bytes of an HTML file → text. As for every report (`decode.ts`), a byte-order mark decides,
 * then valid UTF-8; only when the bytes are not UTF-8 does the page's own declaration count
 * (`<meta charset="gb2312">`, `<meta http-equiv="Content-Type" content="text/html; charset=big5">`,
 * looked for in the first 1024 bytes, as the HTML standard's prescan does), and when it names no
 * encoding the bytes decode in, detection goes on as for any report. UTF-8 wins over a declaration
 * because pages saved again by an editor or a browser are UTF-8 whatever their `<meta>` still says.
 */
import { type Decoded, DecodeError, type DecodeOptions, decode } from '../decode.js';

export interface DecodedHtml {
  /** The text without a BOM, with CRLF and lone CR turned into LF. */
  text: string;
  /** The encoding read: one `decode` detects, or the WHATWG name of the declared one (`gbk`, `big5`). */
  encoding: string;
  bom: boolean;
  /** The label the page declared, when it was the one used. */
  declared?: string;
}

/** How far the declaration is looked for (HTML 13.2.3.2, the prescan: 1024 bytes). */
const PRESCAN_BYTES = 1024;

/** The encoding label a page declares in its first 1024 bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // Latin-1 maps each byte to one character: ASCII markup reads the same in every encoding we take.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  if (meta) return meta[1];
  return /<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)/i.exec(head)?.[1];
}

/** Decodes an HTML file: BOM, then UTF-8, then the declared charset, then detection (`decode`). */
export function decodeHtml(bytes: Uint8Array, options: DecodeOptions = {}): DecodedHtml {
  let detected: Decoded | undefined;
  let failure: DecodeError | undefined;
  try {
    detected = decode(bytes, options);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    failure = error;
  }
  if (detected && (detected.bom || detected.encoding === 'utf-8')) return detected;
  if (failure && (failure.reason === 'binary' || failure.reason === 'utf16-without-bom')) throw failure;
  const label = declaredCharset(bytes);
  if (label !== undefined) {
    const declared = decodeDeclared(bytes, label);
    if (declared !== undefined) return declared;
  }
  if (detected) return detected;
  throw failure as DecodeError;
}

function decodeDeclared(bytes: Uint8Array, label: string): DecodedHtml | undefined {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
    // The Encoding Standard decodes `gbk` (and so `gb2312`) with the gb18030 decoder; Node's ICU
    // `gbk` refuses gb18030's four-byte sequences (`µ`, `³` in a GB2312 page saved by Word).
    if (decoder.encoding === 'gbk') decoder = new TextDecoder('gb18030', { fatal: true });
  } catch {
    // A label the platform does not know: detection decides.
    return undefined;
  }
  // A page that says UTF-8 or UTF-16 but is not valid in it: detection decides (and explains).
  if (decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16')) return undefined;
  try {
    const text = decoder.decode(bytes).replace(/\r\n?/g, '\n');
    return { text, encoding: decoder.encoding, bom: false, declared: label };
  } catch {
    return undefined;
  }
}

/**
 * Whether a text is HTML by how it begins: a doctype, `<html>`, `<head>`, `<body>`, the
 * `<meta charset>` browsers put before copied HTML, or the header Windows puts before it
 * (`Version:0.9 StartHTML:…`). Used to tell HTML on standard input from Markdown.
 */
export function looksLikeHtml(text: string): boolean {
  const start = text.replace(/^[\s\ufeff]+/, '').slice(0, 200);
  return /^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s+(?:charset|http-equiv)|<!--\s*StartFragment|Version:\d+\.\d+\s+StartHTML:)/i.test(
    start,
  );
}

/** Whether a text has any HTML markup in it at all (a file named `.html` that is not is an error). */
export function hasHtmlMarkup(text: string): boolean {
  return /<(?:!doctype|!--|[A-Za-z][A-Za-z0-9:-]*(?:[\s/>]|$))/i.test(text.slice(0, 64 * 1024));
}
