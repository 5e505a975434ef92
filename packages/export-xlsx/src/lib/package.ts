/**
 * Makes the package reproducible. exceljs's zip (archiver) stamps every entry with the current
 * time; here its entries are zipped again by `@wenshu/zip` in a fixed order with one fixed time.
 * exceljs writes its entries stored (uncompressed), so reading them back is a copy.
 */
import { zipPackage } from '@wenshu/zip';
import { unzipSync } from 'fflate';

export function finishPackage(zip: Uint8Array, date: Date): Uint8Array {
  return zipPackage(new Map(Object.entries(unzipSync(zip))), date.getTime());
}
