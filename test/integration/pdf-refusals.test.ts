import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSignatures } from '../../src/main/pdf/read-signatures.ts';
import { signPdf, type SignPdfOptions } from '../../src/main/pdf/sign-pdf.ts';
import { addTextStamps } from '../../src/main/pdf/stamp-text.ts';
import { AppError } from '../../src/shared/errors.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { pdfLibSample } from '../support/pdf-samples.ts';

// Inputs we must refuse, and failures half-way through signing: a clear error, the input
// untouched, and nothing left behind in the output folder.
let dir: string;
let good: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-refusals-'));
  good = await pdfLibSample(join(dir, 'good.pdf'), { objectStreams: false });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function options(input: string, output: string, sign: SignPdfOptions['sign'] = async () => new Uint8Array([0x30, 0])): SignPdfOptions {
  return { input, output, appearance: null, signingTime: new Date(), sign };
}

// Runs `attempt` with the output in an empty folder and checks the folder stays empty.
async function refusedWithNothingWritten(input: string, attempt: (output: string) => Promise<unknown>, code: AppError['code'], message?: RegExp): Promise<AppError> {
  const out = mkdtempSync(join(dir, 'out-'));
  const before = readFileSync(input);
  const error = await expectAppErrorAsync(() => attempt(join(out, 'signed.pdf')), code, message);
  expect(readdirSync(out)).toEqual([]);
  expect(readFileSync(input).equals(before)).toBe(true);
  return error;
}

describe('inputs that are refused', () => {
  it('refuses an encrypted PDF with a message saying so', async () => {
    const encrypted = join(dir, 'encrypted.pdf');
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', good, encrypted]);
    await refusedWithNothingWritten(encrypted, (out) => signPdf(options(encrypted, out)), 'PDF_UNSUPPORTED', /mã hóa/);
    await expectAppErrorAsync(() => readSignatures(encrypted), 'PDF_UNSUPPORTED', /mã hóa/);
  });

  it('refuses a truncated PDF (its last trailer is gone)', async () => {
    const bytes = readFileSync(good);
    for (const keep of [0.3, 0.9, bytes.length - 3]) {
      const truncated = join(dir, `truncated-${keep}.pdf`);
      writeFileSync(truncated, bytes.subarray(0, keep < 1 ? Math.floor(bytes.length * keep) : keep));
      await refusedWithNothingWritten(truncated, (out) => signPdf(options(truncated, out)), 'PDF_UNSUPPORTED', /cắt cụt|hỏng/);
    }
  });

  it('refuses garbage, an empty file, and a PDF whose xref points at the wrong bytes', async () => {
    const garbage = join(dir, 'garbage.pdf');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)));
    await refusedWithNothingWritten(garbage, (out) => signPdf(options(garbage, out)), 'PDF_UNSUPPORTED');
    const empty = join(dir, 'empty.pdf');
    writeFileSync(empty, '');
    await refusedWithNothingWritten(empty, (out) => signPdf(options(empty, out)), 'PDF_UNSUPPORTED');
    const shifted = join(dir, 'shifted.pdf');
    const text = readFileSync(good).toString('latin1');
    writeFileSync(shifted, Buffer.from(text.replace('%PDF-1.7', '%PDF-1.7\n% an inserted comment shifts every object'), 'latin1'));
    await refusedWithNothingWritten(shifted, (out) => signPdf(options(shifted, out)), 'PDF_UNSUPPORTED');
  });

  it('refuses a /Prev chain that loops instead of following it forever', async () => {
    const text = readFileSync(good).toString('latin1');
    const startxref = Number(/startxref\s+(\d+)/.exec(text)?.[1]);
    const looped = join(dir, 'loop.pdf');
    writeFileSync(looped, Buffer.from(text.replace(/trailer\s*<</, `trailer\n<</Prev ${startxref} `), 'latin1'));
    const error = await refusedWithNothingWritten(looped, (out) => signPdf(options(looped, out)), 'PDF_UNSUPPORTED');
    expect(error.message).toMatch(/Prev loop/);
  });

  it('refuses a deeply nested object instead of overflowing the stack', async () => {
    const text = readFileSync(good).toString('latin1');
    const nested = join(dir, 'nested.pdf');
    writeFileSync(nested, Buffer.from(text.replace('/Type /Catalog', `/Type /Catalog /Deep ${'['.repeat(5000)}${']'.repeat(5000)}`), 'latin1'));
    await refusedWithNothingWritten(nested, (out) => signPdf(options(nested, out)), 'PDF_UNSUPPORTED');
  });

  it('refuses a chain of object streams whose /Length each sits in the next one instead of overflowing the stack', async () => {
    // Object stream i keeps the /Length of stream i - 1; reading the catalog (in stream 0) would
    // nest one read per stream.
    const count = 5000;
    const parts: string[] = ['%PDF-1.7\n'];
    let size = parts[0]!.length;
    const offsets: number[] = [];
    let previousLength = 0;
    for (let i = 0; i < count; i++) {
      const member = i === 0 ? '1 0 ' : `${20_000 + i} 0 `;
      const data = member + (i === 0 ? '<< /Type /Catalog >>' : String(previousLength));
      const length = i < count - 1 ? `${20_001 + i} 0 R` : String(data.length);
      const object = `${1000 + i} 0 obj\n<< /Type /ObjStm /N 1 /First ${member.length} /Length ${length} >>\nstream\n${data}\nendstream\nendobj\n`;
      offsets.push(size);
      parts.push(object);
      size += object.length;
      previousLength = data.length;
    }
    const xrefNum = 30_000;
    const row = (type: number, a: number, b: number): Buffer => {
      const r = Buffer.alloc(7);
      r[0] = type;
      r.writeUInt32BE(a, 1);
      r.writeUInt16BE(b, 5);
      return r;
    };
    const rows = [row(2, 1000, 0), ...offsets.map((o) => row(1, o, 0)), ...offsets.slice(1).map((_, i) => row(2, 1001 + i, 0)), row(1, size, 0)];
    const table = Buffer.concat(rows);
    const head = `${xrefNum} 0 obj\n<< /Type /XRef /Size ${xrefNum + 1} /Root 1 0 R /W [1 4 2] /Index [1 1 1000 ${count} 20001 ${count - 1} ${xrefNum} 1] /Length ${table.length} >>\nstream\n`;
    const chained = join(dir, 'length-chain.pdf');
    writeFileSync(chained, Buffer.concat([Buffer.from(parts.join('') + head, 'latin1'), table, Buffer.from(`\nendstream\nendobj\nstartxref\n${size}\n%%EOF\n`, 'latin1')]));
    await refusedWithNothingWritten(chained, (out) => signPdf(options(chained, out)), 'PDF_UNSUPPORTED');
  });

  it('refuses a missing input and a page that does not exist', async () => {
    await refusedWithNothingWritten(good, (out) => signPdf(options(join(dir, 'nope.pdf'), out)), 'FILE_MISSING');
    await refusedWithNothingWritten(good, (out) => signPdf({ ...options(good, out), appearance: { page: 5, rect: [0, 0, 10, 10] } }), 'INVALID_INPUT', /Trang 6/);
    await refusedWithNothingWritten(good, (out) => addTextStamps({ input: good, output: out, stamps: [{ page: 9, x: 1, y: 1, text: 'Số: 1', size: 10 }] }), 'INVALID_INPUT');
  });
});

describe('failures while signing', () => {
  it('passes the signer error through and leaves nothing behind when the token is removed', async () => {
    const removed = new AppError('TOKEN_UNAVAILABLE', 'Thiết bị ký đã bị rút ra.', 'CKR_DEVICE_REMOVED');
    const error = await refusedWithNothingWritten(good, (out) => signPdf(options(good, out, async () => Promise.reject(removed))), 'TOKEN_UNAVAILABLE');
    expect(error).toBe(removed);
  });

  it('fails with SIGNING_FAILED when the CMS is larger than the room reserved', async () => {
    const error = await refusedWithNothingWritten(good, (out) => signPdf({ ...options(good, out, async () => new Uint8Array(2000)), contentsBytes: 1000 }), 'SIGNING_FAILED');
    expect(error.data).toEqual({ cmsBytes: 2000, contentsBytes: 1000 });
  });

  it('keeps an existing output file when signing fails', async () => {
    const out = join(dir, 'existing');
    mkdirSync(out);
    writeFileSync(join(out, 'signed.pdf'), 'previous');
    await expect(signPdf(options(good, join(out, 'signed.pdf'), async () => Promise.reject(new Error('boom'))))).rejects.toThrow('boom');
    expect(readdirSync(out)).toEqual(['signed.pdf']);
    expect(readFileSync(join(out, 'signed.pdf'), 'utf8')).toBe('previous');
  });
});
