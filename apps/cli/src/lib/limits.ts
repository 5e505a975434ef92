/** Inputs larger than this are refused unless `--max-size` raises it (200 MB). */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

const MB = 1024 * 1024;

/** Megabytes (MiB, as `--max-size` counts them) with `digits` decimals, trailing zeros dropped. */
function megabytes(bytes: number, digits: number): string {
  return (bytes / MB).toFixed(digits).replace(/\.?0+$/, '');
}

/**
 * "is 200.000001 MB, over the 200 MB limit": a size and the limit it is over, each with as many
 * decimals as it takes for the two to read differently (rounding once showed "200 MB, over the 200
 * MB limit" and "0.0 MB over the 0.0 MB limit"). Below a megabyte, or when six decimals are not
 * enough, in bytes.
 */
export function overLimit(bytes: number, maxBytes: number): string {
  if (maxBytes >= MB) {
    for (let digits = 1; digits <= 6; digits++) {
      const size = megabytes(bytes, digits);
      const limit = megabytes(maxBytes, digits);
      if (size !== limit) return `is ${size} MB, over the ${limit} MB limit (raise it with --max-size)`;
    }
  }
  const count = (n: number) => n.toLocaleString('en');
  return `is ${count(bytes)} bytes, over the limit of ${count(maxBytes)} bytes (raise it with --max-size)`;
}

/** The limit as `--max-size` counts it: "10 MB", or "1,000 bytes" below a megabyte or between whole-ish megabytes. */
function limitText(maxBytes: number): string {
  const mb = megabytes(maxBytes, 6);
  return maxBytes >= MB && Number(mb) * MB === maxBytes ? `${mb} MB` : `${maxBytes.toLocaleString('en')} bytes`;
}

/**
 * An input found over the limit while it was read, its whole size unknown (reading stopped there):
 * standard input, or a file that grew after its size was checked.
 */
export function pastLimitWhileReading(maxBytes: number, why: string): string {
  return `${why} more than the ${limitText(maxBytes)} limit: reading stopped there (raise it with --max-size)`;
}
