import { createRequire } from 'node:module';

/** wenshu's version, from the command's package.json. */
export const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
