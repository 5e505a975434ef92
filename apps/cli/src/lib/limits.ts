/** Inputs larger than this are refused unless `--max-size` raises it (200 MB). */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
