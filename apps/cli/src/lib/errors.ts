/**
 * A problem with one input file: reported with the file's name, exit code 1. The library's class (its
 * light `errors` entry: every command loads this module), so that an error it throws is one of these.
 */
export { InputError } from '@wenshu/convert/errors';

/** A problem with how the command was called: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;
