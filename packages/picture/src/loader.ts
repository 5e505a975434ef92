/**
 * How an exporter gets a picture's bytes: a loader it is given, so that the exporters themselves
 * read no file. On Node, `pictureLoader(policy)` of `@wenshu/picture/node` reads local files under
 * the picture policy; in a browser, a page may hand in the files the user dropped. Without a loader,
 * local pictures are placeholders; remote ones never load (the export stays offline and
 * reproducible); `data:` URLs are decoded by the exporter and never reach a loader.
 */

/** Why a picture is not read: stable codes, the same in every exporter's warnings. */
export type PictureRefusalCode = 'image-remote' | 'image-outside' | 'image-missing';

export interface PictureRefusal {
  code: PictureRefusalCode;
  reason: string;
}

/** A picture's bytes, or why there are none. */
export type PictureRead = { ok: true; bytes: Uint8Array } | ({ ok: false } & PictureRefusal);

/** Reads the picture a document names by `url` (never a `data:` URL). */
export type PictureLoader = (url: string) => Promise<PictureRead>;

/**
 * The part of the policy that needs no file system: a remote URL (any `scheme:` but `file:`, and
 * not a Windows drive `C:\`) is never fetched, and an empty source names nothing.
 */
export function refuseRemotePicture(url: string): PictureRefusal | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^file:/i.test(url) && !/^[a-z]:[\\/]/i.test(url)) {
    return { code: 'image-remote', reason: 'remote pictures are not fetched' };
  }
  if (url.trim() === '') return { code: 'image-missing', reason: 'it has no source' };
  return undefined;
}

/** The loader of an exporter given none: no file is read. */
export const withoutLocalPictures: PictureLoader = async (url) => {
  const refusal = refuseRemotePicture(url) ?? {
    code: 'image-missing',
    reason: 'local pictures are not read here (no picture loader given)',
  };
  return { ok: false, ...refusal };
};
