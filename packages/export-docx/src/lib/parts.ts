/** A package's parts by path, as docx's compiler gives them: XML as text, media as bytes. */
export type Parts = Map<string, string | Uint8Array>;

const utf8 = new TextDecoder();

/** A part as text (UTF-8), or `undefined` when the package has no such part. */
export function partText(parts: Parts, name: string): string | undefined {
  const data = parts.get(name);
  return data === undefined || typeof data === 'string' ? data : utf8.decode(data);
}
