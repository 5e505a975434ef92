/**
 * The faces one render uses, as pdfmake font families: one family per face (wenshu picks faces
 * itself, so pdfmake's bold/italics variants are never asked for). The faces' bytes go into
 * pdfmake's virtual file system once per process, so pdfkit neither reads the files again nor
 * needs the local access policy to allow them.
 */
import pdfmake from 'pdfmake';
import type { FontFamilies, FontFile } from '../pdf/definition.js';
import type { FaceIds } from '../text/set.js';
import type { Face } from './face.js';

const virtualNames = new Map<Face, string>();

function virtualName(face: Face): string {
  let name = virtualNames.get(face);
  if (!name) {
    name = `wenshu-font-${virtualNames.size}`;
    pdfmake.virtualfs.writeFileSync(name, face.bytes);
    virtualNames.set(face, name);
  }
  return name;
}

export class FontRegistry implements FaceIds {
  readonly #ids = new Map<Face, string>();

  id(face: Face): string {
    let id = this.#ids.get(face);
    if (!id) {
      id = `f${this.#ids.size}`;
      this.#ids.set(face, id);
    }
    return id;
  }

  /**
   * The families for `pdfmake.setFonts`, built fresh for each render: pdfkit replaces the file name
   * in a collection's `[file, face]` pair by the file's bytes (PDFDocument.provideFont), so a
   * definition cannot be used twice.
   */
  families(): FontFamilies {
    const out: FontFamilies = {};
    for (const [face, id] of this.#ids) {
      const name = virtualName(face);
      const file = (): FontFile => (face.inCollection ? [name, face.postscriptName] : name);
      out[id] = { normal: file(), bold: file(), italics: file(), bolditalics: file() };
    }
    return out;
  }
}
