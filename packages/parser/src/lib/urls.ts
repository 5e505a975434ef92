/**
 * URL safety. Documents come from outside: a link or image must not carry script, and a link in a
 * Word or PDF file must not be a way to run something on the reader's machine. `ms-msdt:` started
 * the Follina exploit (CVE-2022-30190) from a Word file; `file:` and a network path (`\\host\share`,
 * `//host/share`) open local or remote files, and Windows sends the user's credentials to a remote
 * share when it is opened (CVE-2023-23397 and its kind). So a link keeps its target only when it is
 * `http:`, `https:`, `mailto:`, `tel:` or relative (a path or `#fragment`); any other scheme becomes
 * the link's text with a warning. One rule (`linkRefusal`), used by the parser on every link it
 * reads and by the exporters on every link they write (a tree need not come from `parse`).
 *
 * Images: `javascript:` and `vbscript:` are dropped; `data:` only survives as an image
 * (`data:image/...`), which is how OCR tools inline small pictures. Which pictures are read is the
 * exporters' and the command's business (they fetch nothing remote).
 */

/** The schemes a link may have. */
export const LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel'];

/**
 * The URL as a browser or Word reads it: without leading C0 controls and spaces, and without tabs
 * and line breaks anywhere (WHATWG URL, "remove all ASCII tab or newline"), so `java\tscript:` is
 * javascript too.
 */
function cleaned(url: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to strip control characters
  return url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
}

function schemeOf(url: string): string | null {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned(url));
  return match?.[1] ? match[1].toLowerCase() : null;
}

export type UrlKind = 'link' | 'image';

/**
 * Why a link may not keep its target (`"a file: link"`, `"a network path"`), or `undefined` when it
 * may: `http:`, `https:`, `mailto:`, `tel:`, a relative path, a `#fragment`.
 */
export function linkRefusal(url: string): string | undefined {
  const clean = cleaned(url);
  // `\\host\share`, `//host/share` and their mixtures: Windows opens them as network paths (a
  // document has no base URL, so `//host` is not a web address here).
  if (/^[\\/]{2}/.test(clean)) return 'a network path';
  // `\Windows\…` is a path from the root of the current drive (and `\\host` in Markdown, whose
  // backslash escape leaves one backslash, is what the writer meant as a network path).
  if (clean.startsWith('\\')) return 'a local file path';
  const scheme = schemeOf(clean);
  if (scheme === null || LINK_SCHEMES.includes(scheme)) return undefined;
  // `C:\Windows\…` reads as the scheme `c`.
  if (/^[a-z]:[\\/]/i.test(clean)) return 'a local file path';
  return `a ${scheme}: link`;
}

/** Whether a URL may appear in the AST as a link target or an image source. */
export function isSafeUrl(url: string, kind: UrlKind): boolean {
  if (kind === 'link') return linkRefusal(url) === undefined;
  const scheme = schemeOf(url);
  if (scheme === 'javascript' || scheme === 'vbscript') return false;
  if (scheme === 'data') return /^\s*data:image\//i.test(url) && !/^\s*data:image\/svg/i.test(url);
  return true;
}

/** The warning for a link whose target was not kept. */
export function linkRefusalMessage(url: string, reason: string): string {
  return `link to ${url.slice(0, 80)} kept as text: ${reason} (only http, https, mailto, tel and relative links stay links)`;
}
