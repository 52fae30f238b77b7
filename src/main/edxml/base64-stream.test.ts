import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Base64Stream } from './base64-stream.ts';

function decodeInPieces(text: string, cuts: number[]): Buffer {
  const s = new Base64Stream();
  const out: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    out.push(s.push(text.slice(from, cut)));
    from = cut;
  }
  out.push(s.end());
  return Buffer.concat(out);
}

function refusalReason(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return (e as { data?: unknown }).data;
  }
  return 'no error';
}

describe('Base64Stream', () => {
  it('decodes whatever the cut points, padding and line wrapping (every length mod 3)', () => {
    for (const size of [0, 1, 2, 3, 4, 5, 1000, 1001, 1002]) {
      const bytes = randomBytes(size);
      const wrapped = (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
      for (let trial = 0; trial < 20; trial++) {
        const cuts = Array.from({ length: 5 }, () => Math.floor(Math.random() * (wrapped.length + 1))).sort((a, b) => a - b);
        expect(decodeInPieces(wrapped, cuts).equals(bytes)).toBe(true);
      }
    }
  });

  it('tolerates missing padding', () => {
    expect(decodeInPieces('QUJDRA', [3]).toString()).toBe('ABCD');
  });

  it.each([
    ['a character outside the alphabet', 'QUJD!A=='],
    ['url-safe characters', 'QU-_'],
    ['data after padding', 'QQ==QUJD'],
    ['padding inside the data, split across pieces', 'QQ=|=QQ'],
    ['three padding characters', 'QQ==='],
    ['a single dangling character', 'QUJDR'],
    ['padding that does not complete a quantum', 'QUJ=='],
  ])('refuses %s', (_what, text) => {
    const pieces = text.split('|');
    const reason = refusalReason(() => {
      const s = new Base64Stream();
      for (const p of pieces) s.push(p);
      s.end();
    });
    expect(reason).toEqual({ reason: 'BAD_BASE64' });
  });
});
