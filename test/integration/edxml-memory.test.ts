import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';

// A ~200 MB package (one 150 MB random attachment) is written and read with bounded memory: each
// runs in its own process, whose peak RSS may grow at most 100 MB over its starting point.
const SOURCE_BYTES = 150 * 1024 * 1024;
const MAX_GROWTH_MB = 100;
let dir: string;
let sourceSha = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edxml-memory-'));
  const hash = createHash('sha256');
  const fd = openSync(join(dir, 'source.bin'), 'w');
  try {
    for (let left = SOURCE_BYTES; left > 0; left -= 1024 * 1024) {
      const chunk = randomBytes(Math.min(left, 1024 * 1024));
      hash.update(chunk);
      writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
  sourceSha = hash.digest('hex');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function child(...args: string[]): { growthMb: number; result: unknown } {
  const r = spawnSync(process.execPath, ['--expose-gc', join(ROOT, 'test', 'support', 'edxml-memory-child.ts'), ...args], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as { growthMb: number; result: unknown };
}

it('writes and reads a 200 MB package with bounded memory, the attachment intact', { timeout: 600_000 }, () => {
  const pkg = join(dir, 'big.edxml');
  const written = child('write', join(dir, 'source.bin'), pkg);
  expect(statSync(pkg).size).toBeGreaterThan(200_000_000);
  expect(written.growthMb).toBeLessThan(MAX_GROWTH_MB);

  const read = child('read', pkg, join(dir, 'out'));
  expect(read.result).toEqual([{ size: SOURCE_BYTES, sha256: sourceSha, zipped: false }]);
  expect(read.growthMb).toBeLessThan(MAX_GROWTH_MB);
  console.log(`edXML 200 MB package: writer grew ${written.growthMb.toFixed(1)} MB, reader grew ${read.growthMb.toFixed(1)} MB`);
});
