/**
 * What stands in for a picture that is not shown, and how messages name a picture: the same in
 * every format and every message, so a reader of the DOCX, the PDF and the XLSX sees one text.
 */

/**
 * `[图片：alt]`; the file's name when the picture has no alt text; `[图片]` when it has neither.
 * `word` is the document's word for a picture (`圖片` in a Traditional document).
 */
export function picturePlaceholder(alt: string, url: string, word = '图片'): string {
  const label = alt.trim() || (/^data:/i.test(url) ? '' : (url.split(/[?#]/)[0] ?? '').split(/[/\\]/).pop()?.trim());
  return label ? `[${word}：${label}]` : `[${word}]`;
}

/** A picture's URL for a message: a `data:` URL (often tens of kilobytes) is named by its media type only. */
export function pictureName(url: string): string {
  if (/^data:/i.test(url)) return `${url.slice(0, url.indexOf(',') + 1 || 40).slice(0, 40)}…`;
  if (url.trim() === '') return '(no source)';
  return url;
}
