import { AST_VERSION, type Document } from '../ast.js';

/** The document as JSON text. The tree holds only JSON values, so nothing is lost. */
export function serialize(document: Document, space?: number): string {
  return JSON.stringify(document, null, space);
}

/** Thrown when JSON is not a wenshu document of a version this code reads. */
export class AstVersionError extends Error {
  override name = 'AstVersionError';
}

/** JSON text → document, checking that it is one and that its version is the one we read. */
export function deserialize(json: string): Document {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'document') {
    throw new AstVersionError('not a wenshu document: the root has no "type": "document"');
  }
  const version = (value as { version?: unknown }).version;
  if (version !== AST_VERSION) {
    throw new AstVersionError(
      `unsupported AST version ${JSON.stringify(version)}: this wenshu reads version ${AST_VERSION}`,
    );
  }
  const document = value as Document;
  if (!Array.isArray(document.children) || !Array.isArray(document.footnotes) || typeof document.meta !== 'object') {
    throw new AstVersionError('not a wenshu document: children, footnotes or meta missing');
  }
  return document;
}
