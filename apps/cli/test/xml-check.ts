/** A strict XML 1.0 check of the parts the command writes, shared by the tests that read them. */
import { SaxesParser } from 'saxes';

/** The errors a strict XML parser finds in one part; none for a well-formed part. */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => errors.push(error.message));
  parser.write(xml).close();
  return errors;
}
