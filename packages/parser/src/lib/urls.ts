/**
 * URL safety. Documents come from outside: a link or image must not carry script.
 * `javascript:` and `vbscript:` are always dropped; `data:` only survives as an image
 * (`data:image/...`), which is how OCR tools inline small pictures.
 */

// Browsers ignore leading C0 controls and spaces and tabs/newlines inside the scheme
// (WHATWG URL, "remove all ASCII tab or newline"), so `java\tscript:` is javascript too.
function schemeOf(url: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to strip control characters
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match?.[1] ? match[1].toLowerCase() : null;
}

export type UrlKind = 'link' | 'image';

/** Whether a URL may appear in the AST as a link target or an image source. */
export function isSafeUrl(url: string, kind: UrlKind): boolean {
  const scheme = schemeOf(url);
  if (scheme === 'javascript' || scheme === 'vbscript') return false;
  if (scheme === 'data') {
    return kind === 'image' && /^\s*data:image\//i.test(url) && !/^\s*data:image\/svg/i.test(url);
  }
  return true;
}
