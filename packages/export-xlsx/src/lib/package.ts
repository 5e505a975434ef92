/**
 * Makes the package: the parts zipped by `@wenshu/zip` in a fixed order with one fixed time, so the
 * same report and source date give the same bytes.
 */
import { zipPackage } from '@wenshu/zip';

export function finishPackage(parts: ReadonlyMap<string, string>, date: Date): Uint8Array {
  return zipPackage(parts, date.getTime());
}
