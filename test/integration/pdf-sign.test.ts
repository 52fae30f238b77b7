import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { degrees, PDFDocument, PDFName } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesAfter } from '../../src/main/pdf/changes-after.ts';
import { listPages } from '../../src/main/pdf/page-tree.ts';
import { readPageSizes } from '../../src/main/pdf/page-sizes.ts';
import { PdfReader } from '../../src/main/pdf/pdf-reader.ts';
import type { PdfName } from '../../src/main/pdf/pdf-values.ts';
import { digestByteRange, readSignatures } from '../../src/main/pdf/read-signatures.ts';
import { signPdf } from '../../src/main/pdf/sign-pdf.ts';
import { buildPadesCms } from '../../src/main/signing/cms/build-cms.ts';
import { createNssDb, pdfsigAddSignature, pdfsigReport, type NssDb } from '../support/nss.ts';
import { appendInfoRevision, chromiumSample, pdfLibSample, qpdfCheck, qpdfVariant } from '../support/pdf-samples.ts';
import { softwareSigner } from '../support/software-signer.ts';
import { createTestPki, type TestPki } from '../support/test-pki.ts';

// Signing PDFs from every kind of producer we meet, checked by independent tools: qpdf for the
// structure, pdfsig for the signatures, pdftotext for the appearance text.
let dir: string;
let pki: TestPki;
let nss: NssDb;
const samples = new Map<string, string>();

function bluePng(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const ink = Math.abs(y - height / 2 - (x % 10) + 5) < 3;
      png.data[i] = 0;
      png.data[i + 1] = 0;
      png.data[i + 2] = 200;
      png.data[i + 3] = ink ? 255 : 0;
    }
  }
  return PNG.sync.write(png);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-sign-'));
  pki = await createTestPki();
  nss = createNssDb(join(dir, 'nss'), pki.root, pki.agency);
  const classic = await pdfLibSample(join(dir, 'pdflib-classic.pdf'), { objectStreams: false });
  samples.set('pdf-lib, classic xref', classic);
  samples.set('pdf-lib, object streams', await pdfLibSample(join(dir, 'pdflib-objstm.pdf'), { objectStreams: true }));
  samples.set('qpdf object streams', qpdfVariant(classic, join(dir, 'qpdf-objstm.pdf'), ['--object-streams=generate']));
  samples.set('qpdf QDF', qpdfVariant(classic, join(dir, 'qpdf-qdf.pdf'), ['--qdf']));
  samples.set('qpdf linearized', qpdfVariant(classic, join(dir, 'qpdf-linear.pdf'), ['--linearize']));
  samples.set('incremental update', appendInfoRevision(classic, join(dir, 'incremental.pdf')));
  samples.set('Chromium print-to-PDF', chromiumSample(dir));
  samples.set('signed by pdfsig', pdfsigAddSignature(nss, classic, join(dir, 'pdfsig-signed.pdf')));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function sign(input: string, output: string, options: { image?: boolean; ec?: boolean } = {}): ReturnType<typeof signPdf> {
  const signer = options.ec ? softwareSigner(pki.ecLeader, [pki.root]) : softwareSigner(pki.leader, [pki.root]);
  return signPdf({
    input,
    output,
    appearance: {
      page: 0,
      rect: [350, 100, 530, 190],
      ...(options.image ? { image: { png: bluePng(120, 40) } } : {}),
      lines: [{ text: 'Ký bởi: Nguyễn Văn Ánh', size: 10 }, { text: 'Ủy ban nhân dân xã Tân Phú', size: 9 }],
    },
    signingTime: new Date('2025-03-04T01:02:03Z'),
    reason: 'Phê duyệt văn bản',
    location: 'Tân Phú',
    name: 'Nguyễn Văn Ánh',
    sign: (digest) => buildPadesCms(signer, digest),
  });
}

describe('signing sample PDFs', () => {
  const names = [
    'pdf-lib, classic xref',
    'pdf-lib, object streams',
    'qpdf object streams',
    'qpdf QDF',
    'qpdf linearized',
    'incremental update',
    'Chromium print-to-PDF',
    'signed by pdfsig',
  ];
  for (const name of names) {
    it(`${name}: qpdf --check passes, pdfsig finds every signature valid, ours covers the file`, async () => {
      const input = samples.get(name) as string;
      const before = readFileSync(input);
      const output = join(dir, `${name.replace(/\W+/g, '-')}.signed.pdf`);
      const result = await sign(input, output, { image: true });

      expect(readFileSync(input).equals(before)).toBe(true);
      const signed = readFileSync(output);
      expect(signed.subarray(0, before.length).equals(before), 'earlier bytes are never rewritten').toBe(true);
      expect(result.bytes).toBe(signed.length);
      expect(qpdfCheck(output)).toMatch(/No syntax or stream encoding errors/);

      const report = pdfsigReport(nss, output);
      const expected = name === 'signed by pdfsig' ? 2 : 1;
      expect(report).toHaveLength(expected);
      for (const s of report) expect(s.validation).toBe('Signature is Valid.');
      expect(report.at(-1)?.fieldName).toBe(result.fieldName);
      expect(report.at(-1)?.totalDocumentSigned).toBe(true);
      expect(report.at(-1)?.certificateValidation).toBe('Certificate is Trusted.');

      const signatures = await readSignatures(output);
      expect(signatures).toHaveLength(expected);
      const ours = signatures.at(-1);
      expect(ours).toMatchObject({
        fieldName: result.fieldName,
        filter: 'Adobe.PPKLite',
        subFilter: 'ETSI.CAdES.detached',
        byteRange: [...result.byteRange],
        signingTime: "D:20250304080203+07'00'",
        reason: 'Phê duyệt văn bản',
        location: 'Tân Phú',
        name: 'Nguyễn Văn Ánh',
        page: 0,
        coversWholeFile: true,
        byteRangeProblem: null,
        revisionEnd: signed.length,
      });
      expect(ours?.contents[0]).toBe(0x30);
      expect((await changesAfter(output, signed.length)).revisionsAfter).toBe(0);
      if (expected === 2) {
        const first = signatures[0];
        expect(first?.coversWholeFile).toBe(false);
        expect(first?.byteRangeProblem).toBeNull();
        const after = await changesAfter(output, first?.revisionEnd as number);
        expect(after.revisionsAfter).toBe(1);
        expect(after.modified, JSON.stringify(after.changes)).toBe(false);
      }
      // Signing changes no page: the signed file reads with the input's page sizes.
      const pages = await readPageSizes(output);
      expect(pages).toEqual(await readPageSizes(input));
      // pdf-lib's two A4 pages, or Chromium's one page in its default paper size.
      const a4 = { width: 595.28, height: 841.89, rotate: 0 };
      if (name === 'Chromium print-to-PDF') expect(pages).toHaveLength(1);
      else expect(pages).toEqual([a4, a4]);
    });
  }

  it('draws the image with its transparency as a soft mask, inside the widget rectangle', async () => {
    const output = join(dir, 'image.signed.pdf');
    await sign(samples.get('pdf-lib, classic xref') as string, output, { image: true });
    const reader = PdfReader.open(output);
    try {
      const page = listPages(reader)[0];
      const widget = reader.dict(reader.array(page?.dict.get('Annots'))?.[0]);
      expect(widget?.get('Rect')).toEqual([350, 100, 530, 190]);
      expect(widget?.get('F')).toBe(132);
      const ap = reader.dict(reader.dict(widget?.get('AP'))?.get('N'));
      expect(ap?.get('BBox')).toEqual([0, 0, 180, 90]);
      const image = reader.dict(reader.dict(reader.dict(ap?.get('Resources'))?.get('XObject'))?.get('Im0'));
      expect(image?.get('Width')).toBe(120);
      const mask = reader.dict(image?.get('SMask'));
      expect((mask?.get('ColorSpace') as PdfName | undefined)?.name).toBe('DeviceGray');
    } finally {
      reader.close();
    }
  });

  it('reads page sizes through inheritance, with the crop box and rotation', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    const second = doc.addPage([842, 595]);
    second.setCropBox(10, 20, 400, 300); // x, y, width, height
    second.setRotation(degrees(-90));
    doc.catalog.Pages().set(PDFName.of('MediaBox'), doc.context.obj([0, 0, 100, 200]));
    const path = join(dir, 'sizes.pdf');
    writeFileSync(path, await doc.save({ useObjectStreams: false }));
    const sizes = await readPageSizes(path);
    expect(sizes).toEqual([
      { width: 595, height: 842, rotate: 0 },
      { width: 400, height: 300, rotate: 270 },
    ]);
    // Without its own /MediaBox, page 1 inherits the page tree root's (same length, offsets kept).
    const inherited = join(dir, 'inherited.pdf');
    const text = readFileSync(path).toString('latin1').replace('/MediaBox [ 0 0 595 842 ]', '/Unknown1 [ 0 0 595 842 ]');
    writeFileSync(inherited, Buffer.from(text, 'latin1'));
    expect((await readPageSizes(inherited))[0]).toEqual({ width: 100, height: 200, rotate: 0 });
  });

  it('writes Vietnamese appearance text that pdftotext extracts', async () => {
    const output = join(dir, 'text.signed.pdf');
    await sign(samples.get('pdf-lib, object streams') as string, output);
    const text = execFileSync('pdftotext', [output, '-'], { encoding: 'utf8' });
    expect(text).toContain('Ký bởi: Nguyễn Văn Ánh');
    expect(text).toContain('Ủy ban nhân dân xã Tân Phú');
  });

  it('signs with an EC key, and the digest of the byte range matches what was signed', async () => {
    const output = join(dir, 'ec.signed.pdf');
    let signedDigest: Uint8Array | undefined;
    const signer = softwareSigner(pki.ecLeader, [pki.root]);
    const result = await signPdf({
      input: samples.get('pdf-lib, classic xref') as string,
      output,
      appearance: null,
      signingTime: new Date(),
      sign: (digest) => {
        signedDigest = digest;
        return buildPadesCms(signer, digest);
      },
    });
    expect(Buffer.from(await digestByteRange(output, result.byteRange)).equals(Buffer.from(signedDigest as Uint8Array))).toBe(true);
    const bytes = readFileSync(output);
    const covered = Buffer.concat([bytes.subarray(0, result.byteRange[1]), bytes.subarray(result.byteRange[2])]);
    expect(Buffer.from(await digestByteRange(output, result.byteRange, 'sha1')).toString('hex')).toBe(createHash('sha1').update(covered).digest('hex'));
    await expect(digestByteRange(output, result.byteRange, 'md5')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(digestByteRange(output, [0, bytes.length + 1])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const [report] = pdfsigReport(nss, output);
    expect(report?.validation).toBe('Signature is Valid.');
    expect(report?.totalDocumentSigned).toBe(true);
    const [signature] = await readSignatures(output);
    expect(signature?.page).toBe(0);
  });

  it('names fields uniquely and refuses a field name already taken', async () => {
    const first = join(dir, 'names-1.pdf');
    const second = join(dir, 'names-2.pdf');
    const a = await sign(samples.get('pdf-lib, classic xref') as string, first);
    const b = await sign(first, second);
    expect([a.fieldName, b.fieldName]).toEqual(['Signature1', 'Signature2']);
    await expect(
      signPdf({ input: second, output: join(dir, 'names-3.pdf'), fieldName: 'Signature1', appearance: null, signingTime: new Date(), sign: async () => new Uint8Array([0x30, 0]) }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('reports a forged /ByteRange whose gap is not the /Contents string', async () => {
    const output = join(dir, 'forge.signed.pdf');
    const result = await sign(samples.get('pdf-lib, classic xref') as string, output);
    const bytes = readFileSync(output);
    const text = bytes.toString('latin1');
    const original = `/ByteRange [${result.byteRange.join(' ')}`;
    const at = text.indexOf(original);
    // The one /ByteRange of the file, written just before the /Contents string that is its gap.
    expect(text.lastIndexOf(original)).toBe(at);
    expect(text.slice(at, result.byteRange[1])).toMatch(/^\/ByteRange \[\d+ \d+ \d+ \d+ *\] \/Contents $/);
    const forged = `/ByteRange [${[0, result.byteRange[1] - 10, result.byteRange[2], result.byteRange[3]].join(' ')}`.padEnd(original.length, ' ');
    const forgedPath = join(dir, 'forged.pdf');
    const copy = Buffer.from(bytes);
    copy.write(forged, at, 'latin1');
    writeFileSync(forgedPath, copy);
    const [signature] = await readSignatures(forgedPath);
    expect(signature?.byteRangeProblem).toMatch(/not a hex string|not the \/Contents/);
  });
});
