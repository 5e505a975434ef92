import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the package runs on the web platform', () => {
  it('imports no Node built-in and uses no Node global (the browser build bundles it)', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((match) => match[1] as string);
      for (const name of imports) expect(name, file).toMatch(/^(?:\.{1,2}\/|temml$|mathml2omml$|mathjax-full\/js\/)/);
      expect(text, file).not.toMatch(/\b(?:Buffer\.|process\.|require\()/);
    }
  });
});
