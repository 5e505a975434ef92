/**
 * A font file that cannot be used, and why. In a module of its own, without fontkit, so that the
 * package's public types do not need fontkit's (which need the DOM lib).
 */
export class FontFileError extends Error {
  readonly file: string;

  constructor(file: string, reason: string) {
    super(`font ${file}: ${reason}`);
    this.name = 'FontFileError';
    this.file = file;
  }
}
