/**
 * A bounded memo for conversions: documents repeat their formulas (a variable named in every paragraph,
 * the same estimator in every table note), and a conversion is a pure function of its input. Entries are
 * dropped oldest first past `limit`, so a long-running process (the web worker, `wenshu watch`) holds a
 * fixed amount.
 */
export function memoize<T>(limit: number, convert: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = convert(key);
    if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
    return value;
  };
}
