// pdfmake for the worker, built from its patched `js/` files (see vite.config.ts): the class its
// browser entry makes, without that entry's core-js polyfills and file-saver (the worker needs
// neither: it only asks for the document's bytes).

import helvetica from 'pdfkit-data/Helvetica.afm?raw';
import base from 'pdfmake-js/base.js';
import OutputDocument from 'pdfmake-js/OutputDocument.js';

class WorkerPdfmake extends base {
  _transformToDocument(doc) {
    return new OutputDocument(doc);
  }
}

const pdfmake = new WorkerPdfmake();
// pdfkit opens every document in Helvetica, whose metrics it reads from `data/` (`__dirname` is ''
// in this bundle: vite.config.ts); wenshu sets no text in it.
pdfmake.virtualfs.writeFileSync('data/Helvetica.afm', helvetica, 'utf8');

export default pdfmake;
