import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { NotReadError, readRegularFile, readStreamBounded } from '../src/lib/read-bounded.js';

const scratch = mkdtempSync(join(tmpdir(), 'wenshu-read-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('readRegularFile', () => {
  it('reads a regular file whole, up to the limit', async () => {
    const file = join(scratch, 'r.md');
    writeFileSync(file, '# 标题\n\n正文。\n');
    const bytes = await readRegularFile(file, 1024);
    expect(Buffer.from(bytes).toString('utf8')).toBe('# 标题\n\n正文。\n');
  });

  it('stops at the limit a file that has more bytes than its size said (as a file growing while read)', async () => {
    // /proc files are regular files whose size is 0 and whose content is not: the case of a file
    // that grew after its size was checked, without a race in the test.
    const read = readRegularFile('/proc/self/maps', 16);
    await expect(read).rejects.toBeInstanceOf(NotReadError);
    await expect(read).rejects.toThrow('grew while it was read, to more than the 16 bytes limit');
  });

  it('refuses a character device without reading it', async () => {
    await expect(readRegularFile('/dev/zero', 16)).rejects.toThrow('is a character device, not a regular file');
  });
});

describe('readStreamBounded', () => {
  it('gives all of a stream within the limit', async () => {
    const bytes = await readStreamBounded(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), 4);
    expect(Buffer.from(bytes ?? []).toString()).toBe('abcd');
  });

  it('gives up on an endless stream as soon as it passes the limit', async () => {
    let chunks = 0;
    const endless = new Readable({
      read() {
        chunks++;
        this.push(Buffer.alloc(1024, 0x61));
      },
    });
    expect(await readStreamBounded(endless, 10_000)).toBeUndefined();
    expect(chunks).toBeLessThan(100);
    expect(endless.destroyed).toBe(true);
  });
});
