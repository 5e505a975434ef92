/** A problem with one input (not a picture, empty, nested too deeply…): its message starts with the input's name. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}
