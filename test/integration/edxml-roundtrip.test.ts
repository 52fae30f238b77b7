import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUSINESS_DOC_TYPES, documentIdOf, edxmlDocumentType, type Business } from '../../src/main/edxml/model.ts';
import { readPackage } from '../../src/main/edxml/read-package.ts';
import { writeDocumentPackage, type DocumentPackageInput } from '../../src/main/edxml/write-document-package.ts';
import { writeStatusPackage } from '../../src/main/edxml/write-status-package.ts';
import { business, documentHeader, FROM, statusHeader } from '../support/edxml-fixtures.ts';
import { PDF_BYTES } from '../support/edxml-handmade.ts';

// Writer → reader: what we send is what a recipient reads, for every business type and for
// status packages; the file on disk is the one whose size and hash the writer reports.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edxml-rt-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function input(b: Business, attachments: DocumentPackageInput['attachments']): DocumentPackageInput {
  return {
    header: documentHeader({
      documentId: documentIdOf(FROM.organId, '2026-03-05', '12', 'UBND-VP'),
      documentType: edxmlDocumentType('cong-van') ?? { type: 0, typeDetail: 0, typeName: '' },
      responseFor: [{ organId: '000.00.24.H44', code: '7/UBND', promulgationDate: '2026-02-01', documentId: '000.00.24.H44,2026/02/01,7/UBND' }],
    }),
    business: b,
    traceHeaders: [{ organId: FROM.organId, timestamp: '2026-03-05T09:15:00' }],
    attachments,
  };
}

const BUSINESSES: ReadonlyArray<readonly [string, Business]> = [
  ['new', business()],
  ['revoke', business({ businessDocType: BUSINESS_DOC_TYPES.revoke, documentId: null, reason: 'Thu hồi do sai sót' })],
  [
    'update',
    business({
      businessDocType: BUSINESS_DOC_TYPES.update,
      reason: 'Cập nhật nơi nhận',
      documentInfo: { documentInfo: false, documentReceiver: true, receiverList: [{ organId: '000.47.24.H44', receiverType: 0 }, { organId: '000.48.24.H44', receiverType: 1 }] },
    }),
  ],
  [
    'replace',
    business({
      businessDocType: BUSINESS_DOC_TYPES.replace,
      documentId: null,
      reason: 'Thay thế văn bản 10/UBND-VP',
      replacementInfoList: [{ documentId: '000.46.24.H44,2026/03/01,10/UBND-VP', organIds: ['000.47.24.H44', '000.00.24.H44'] }],
      paper: true,
    }),
  ],
];

describe('document packages', () => {
  it.each(BUSINESSES)('%s: header, trace and attachments read back exactly', async (_kind, b) => {
    const pdf = join(dir, 'cong-van.pdf');
    writeFileSync(pdf, PDF_BYTES);
    const annex = join(dir, 'phu-luc.bin');
    const annexBytes = randomBytes(100_001);
    writeFileSync(annex, annexBytes);
    const out = join(dir, 'out.edxml');
    const pkg = input(b, [
      { contentId: 'main', name: 'Công văn 12-UBND-VP.pdf', description: 'Văn bản chính', contentType: 'application/pdf', sourcePath: pdf },
      { contentId: 'annex-1', name: 'Phụ lục & số liệu.xlsx', description: 'Phụ lục <I>', contentType: 'application/xlsx', sourcePath: annex },
    ]);
    const written = await writeDocumentPackage(pkg, out);
    const file = readFileSync(out);
    expect(written).toEqual({ path: out, bytes: file.length, sha256: sha256(file) });
    expect(readdirSync(dir).sort()).toEqual(['cong-van.pdf', 'out.edxml', 'phu-luc.bin']);
    // PDFs travel raw, labelled application/pdf, on one base64 line as in the samples.
    expect(file.toString('utf8')).toContain(`<ContentType>application/pdf</ContentType>\n      <edXML:ContentTransferEncoded xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">${PDF_BYTES.toString('base64')}</edXML:ContentTransferEncoded>`);

    const r = await readPackage(out, { outputDir: join(dir, 'in') });
    if (r.kind !== 'document') throw new Error(`expected a document package, got ${r.kind}`);
    expect(r.header).toEqual(pkg.header);
    expect(r.trace).toEqual({ business: b, traceHeaders: pkg.traceHeaders });
    expect(r.attachments.map(({ storedPath: _p, ...a }) => a)).toEqual([
      { contentId: 'main', name: 'Công văn 12-UBND-VP.pdf', description: 'Văn bản chính', declaredTypes: ['application/pdf'], size: PDF_BYTES.length, sha256: sha256(PDF_BYTES), zipped: false },
      { contentId: 'annex-1', name: 'Phụ lục & số liệu.xlsx', description: 'Phụ lục <I>', declaredTypes: ['application/xlsx'], size: annexBytes.length, sha256: sha256(annexBytes), zipped: false },
    ]);
    expect(readFileSync(r.attachments[0]?.storedPath ?? '').equals(PDF_BYTES)).toBe(true);
    expect(r.attachments[0]?.storedPath).toMatch(/[/\\]edxml-[0-9a-f-]{36}\.pdf$/);
  });

  it('refuses to send an attachment name that is a path, writing nothing', async () => {
    const pdf = join(dir, 'a.pdf');
    writeFileSync(pdf, PDF_BYTES);
    const out = join(dir, 'out.edxml');
    await expect(
      writeDocumentPackage(input(business(), [{ contentId: 'a', name: '../a.pdf', description: '', contentType: 'application/pdf', sourcePath: pdf }]), out),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(readdirSync(dir)).toEqual(['a.pdf']);
  });

  it('a missing attachment file fails the write and leaves no package and no temporary file', async () => {
    const out = join(dir, 'out.edxml');
    await expect(
      writeDocumentPackage(input(business(), [{ contentId: 'a', name: 'a.pdf', description: '', contentType: 'application/pdf', sourcePath: join(dir, 'absent.pdf') }]), out),
    ).rejects.toMatchObject({ code: 'FILE_MISSING' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an existing package is replaced whole, never appended to', async () => {
    const out = join(dir, 'out.edxml');
    writeFileSync(out, 'old content that is longer than nothing');
    const written = await writeDocumentPackage(input(business(), []), out);
    expect(statSync(out).size).toBe(written.bytes);
    expect(readFileSync(out, 'utf8').startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<edXML xmlns=')).toBe(true);
  });
});

describe('status packages', () => {
  it.each(['01', '02', '03', '04', '05', '06', '13', '15', '16'])('status %s reads back exactly', async (code) => {
    const header = statusHeader({ statusCode: code, description: `Trạng thái ${code} <thử> & "kiểm tra"` });
    const out = join(dir, `status-${code}.edxml`);
    const written = await writeStatusPackage(header, out);
    expect(written.sha256).toBe(sha256(readFileSync(out)));
    const r = await readPackage(out, { outputDir: join(dir, 'in') });
    expect(r).toEqual({ kind: 'status', header, trace: { business: null, traceHeaders: [] }, manifest: [], attachments: [] });
  });

  it('refuses a status code that is not two digits', async () => {
    await expect(writeStatusPackage(statusHeader({ statusCode: '3' }), join(dir, 's.edxml'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(readdirSync(dir)).toEqual([]);
  });
});
