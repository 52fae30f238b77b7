import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashFile, sdkHex } from './hash-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'vanthu-hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sdkHex', () => {
  it('drops the leading zero of every byte below 0x10, as Integer.toHexString does', () => {
    expect(sdkHex(new Uint8Array([0x0a, 0x00, 0xff, 0x10, 0x01]))).toBe('a0ff101');
  });
});

describe('hashFile', () => {
  it('hashes a file streamed from disk in both hex forms', async () => {
    // "abc": SHA-256 ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad.
    const path = join(dir, 'abc.edxml');
    writeFileSync(path, 'abc');
    const h = await hashFile(path);
    expect(h.hex).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // Bytes 0x01 and 0x03 lose their zero; 0x00 prints a single "0".
    expect(h.sdkHex).toBe('ba7816bf8f1cfea414140de5dae2223b0361a396177a9cb410ff61f2015ad');
    expect(h.size).toBe(3);
  });

  it('covers every byte of a file larger than one read buffer', async () => {
    const data = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    data[data.length - 1] = 8;
    const path = join(dir, 'big.edxml');
    writeFileSync(path, data);
    const h = await hashFile(path);
    expect(h.hex).toBe(createHash('sha256').update(data).digest('hex'));
    expect(h.size).toBe(data.length);
  });
});
