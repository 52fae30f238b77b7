import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackage, type ReadPackageResult } from '../../src/main/edxml/read-package.ts';
import { NS } from '../support/edxml-fixtures.ts';
import { attachment, handMade, HEADER, PDF_B64, PDF_BYTES, reference, TRACE, zipOf } from '../support/edxml-handmade.ts';

// The variants edxml.md asks the reader to tolerate, each in a hand-made file.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edxml-variants-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function read(content: string | Buffer): Promise<ReadPackageResult> {
  const file = join(dir, 'variant.edxml');
  writeFileSync(file, content);
  return readPackage(file, { outputDir: join(dir, 'out') });
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('tolerated variants', () => {
  it('TraceHeaderList with Bussiness before TraceHeader, and several TraceHeaders', async () => {
    const trace = `<edXML:TraceHeaderList>
      <edXML:Bussiness><edXML:BussinessDocType>2</edXML:BussinessDocType><edXML:BussinessDocReason>Cập nhật</edXML:BussinessDocReason></edXML:Bussiness>
      <edXML:TraceHeader><edXML:OrganId>000.46.24.H44</edXML:OrganId><edXML:Timestamp>2026/03/05 09:00:00</edXML:Timestamp></edXML:TraceHeader>
      <edXML:TraceHeader><edXML:OrganId>000.00.00.G22</edXML:OrganId><edXML:Timestamp>05/03/2026 09:05:10</edXML:Timestamp></edXML:TraceHeader>
    </edXML:TraceHeaderList>`;
    const r = await read(handMade({ trace }));
    expect(r.trace.business?.businessDocType).toBe(2);
    expect(r.trace.business?.reason).toBe('Cập nhật');
    expect(r.trace.traceHeaders).toEqual([
      { organId: '000.46.24.H44', timestamp: '2026-03-05T09:00:00' },
      { organId: '000.00.00.G22', timestamp: '2026-03-05T09:05:10' },
    ]);
  });

  it.each([
    ['manifest with cid:, attachment without', 'cid:a1', 'a1'],
    ['manifest without cid:, attachment with', 'a1', 'cid:a1'],
    ['neither', 'a1', 'a1'],
  ])('matches ContentIds: %s', async (_what, inManifest, inAttachment) => {
    const r = await read(handMade({ manifest: reference(inManifest, 'cong-van.pdf'), attachments: attachment(inAttachment, 'cong-van.pdf', PDF_B64) }));
    expect(r.attachments.map((a) => [a.contentId, a.name, a.size, a.sha256])).toEqual([['a1', 'cong-van.pdf', PDF_BYTES.length, sha256(PDF_BYTES)]]);
  });

  it('a status package as a `Status` element, single-digit code, dd/MM/yyyy dates, no body', async () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="${NS}"><edXML:edXMLEnvelope xmlns:edXML="${NS}"><edXML:edXMLHeader><edXML:Status>
  <edXML:From><edXML:OrganId>000.47.24.H44</edXML:OrganId></edXML:From>
  <edXML:ResponseFor><edXML:OrganId>000.46.24.H44</edXML:OrganId><edXML:Code>12/UBND-VP</edXML:Code><edXML:PromulgationDate>05/03/2026</edXML:PromulgationDate><edXML:DocumentId>000.46.24.H44,2026/03/05,12/UBND-VP</edXML:DocumentId></edXML:ResponseFor>
  <edXML:StatusCode>3</edXML:StatusCode>
  <edXML:Timestamp>06/03/2026 08:30:00</edXML:Timestamp>
</edXML:Status></edXML:edXMLHeader></edXML:edXMLEnvelope></edXML>`;
    const r = await read(text);
    if (r.kind !== 'status') throw new Error(`expected a status package, got ${r.kind}`);
    expect(r.header.statusCode).toBe('03');
    expect(r.header.responseFor.promulgationDate).toBe('2026-03-05');
    expect(r.header.timestamp).toBe('2026-03-06T08:30:00');
    expect(r.header.staffInfo).toEqual({ department: '', staff: '', email: '', mobile: '' });
  });

  it('a PDF re-zipped by a hub and still labelled application/pdf in the manifest', async () => {
    const b64 = (await zipOf([['cong-van.pdf', PDF_BYTES]])).toString('base64');
    const r = await read(handMade({ manifest: reference('cid:1', 'cong-van.pdf', 'application/pdf'), attachments: attachment('cid:1', 'cong-van.pdf', b64, 'application/zip') }));
    expect(r.attachments).toHaveLength(1);
    const a = r.attachments[0];
    expect(a?.zipped).toBe(true);
    expect(a?.declaredTypes).toEqual(['application/pdf', 'application/zip']);
    expect(a?.sha256).toBe(sha256(PDF_BYTES));
    expect(readFileSync(a?.storedPath ?? '').equals(PDF_BYTES)).toBe(true);
  });

  it('a zip labelled as nothing in particular is detected by its bytes', async () => {
    const doc = randomBytes(10_000);
    const b64 = (await zipOf([['x.doc', doc]])).toString('base64');
    const r = await read(handMade({ manifest: reference('cid:1', 'bao-cao.doc', 'application/octet-stream'), attachments: attachment('cid:1', 'bao-cao.doc', b64, 'application/octet-stream') }));
    expect(r.attachments.map((a) => [a.zipped, a.size, a.sha256])).toEqual([[true, doc.length, sha256(doc)]]);
  });

  it('base64 wrapped at 76 columns with CRLF, many chunks long, cut anywhere by the reader', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 7);
    const wrapped = (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
    const r = await read(handMade({ attachments: attachment('cid:1', 'cong-van.pdf', `\r\n${wrapped}\r\n`) }));
    expect(r.attachments.map((a) => [a.size, a.sha256])).toEqual([[bytes.length, sha256(bytes)]]);
  });

  it('a DocumentId in any form, unknown elements (ours and foreign) ignored, entities, CDATA and a BOM', async () => {
    const header = HEADER.replace('000.46.24.H44,2026/03/05,12/UBND-VP', '3f2c1a9e-1b2c-4d5e-8f90-123456789abc')
      .replace('V/v tổng hợp số liệu', 'V/v A &amp; B &lt;2026&gt; &#272;&#x1EA0;')
      .replace('<edXML:SteeringType>', `<edXML:Extra><edXML:Deep>x</edXML:Deep></edXML:Extra><x:Foreign xmlns:x="urn:other"><x:Subject>not this</x:Subject></x:Foreign><edXML:Content><![CDATA[a <b> & c]]></edXML:Content><edXML:SteeringType>`);
    const r = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(handMade({ header }))]));
    if (r.kind !== 'document') throw new Error(`expected a document package, got ${r.kind}`);
    expect(r.header.documentId).toBe('3f2c1a9e-1b2c-4d5e-8f90-123456789abc');
    expect(r.header.subject).toBe('V/v A & B <2026> ĐẠ');
    expect(r.header.content).toBe('a <b> & c');
  });

  it('a comment and a processing instruction between elements and inside text', async () => {
    const header = HEADER.replace('V/v tổng hợp số liệu', 'V/v tổng <!-- ghi chú --> hợp<?pi x?> số liệu');
    const r = await read(handMade({ prolog: '<!-- đầu tệp -->\n', header, trace: `<!-- vết -->${TRACE}` }));
    if (r.kind !== 'document') throw new Error(`expected a document package, got ${r.kind}`);
    expect(r.header.subject).toBe('V/v tổng  hợp số liệu');
    expect(r.trace.traceHeaders).toHaveLength(1);
  });
});
