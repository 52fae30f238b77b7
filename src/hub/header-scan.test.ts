import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeaderScanner, type PackageHeader } from './header-scan.ts';

const SAMPLES = join(import.meta.dirname, '..', '..', '..', 'shared', 'edxml-samples');

function scan(bytes: Buffer, chunkSize: number): PackageHeader {
  const s = new HeaderScanner();
  for (let i = 0; i < bytes.length && !s.done; i += chunkSize) s.write(bytes.subarray(i, i + chunkSize));
  return s.result();
}

describe('HeaderScanner', () => {
  const doc = readFileSync(join(SAMPLES, 'vnpt-edoc_new.edxml'));

  it('finds the routing fields and the byte offset of </TraceHeaderList> whatever the chunking', () => {
    const expected = doc.indexOf('</edXML:TraceHeaderList>');
    for (const size of [1, 2, 3, 7, 4096, 65536]) {
      const h = scan(doc, size);
      expect(h.trace, `chunk ${size}`).toEqual({ offset: expected, prefix: 'edXML', wrapList: false });
      expect(h.fromOrganId).toBe('000.00.00.A80');
      expect(h.toOrganIds).toEqual(['28.22.H17']);
      expect(h.notation).toBe('74fass22/VPCP-TTĐT');
      expect(h.title).toBe('V/v kết nối, liên thông phần mềm quản lý văn bản');
    }
  });

  it('places a new TraceHeaderList after the MessageHeader of a document that has none', () => {
    const text = doc.toString('utf8');
    const stripped = Buffer.from(text.replace(/<edXML:TraceHeaderList>[\s\S]*?<\/edXML:TraceHeaderList>/, ''), 'utf8');
    const end = stripped.indexOf('</edXML:MessageHeader>') + '</edXML:MessageHeader>'.length;
    expect(scan(stripped, 5).trace).toEqual({ offset: end, prefix: 'edXML', wrapList: true });
  });

  it('reads a status package: ResponseFor routes it, no TraceHeader goes in', () => {
    const h = scan(readFileSync(join(SAMPLES, 'vnpt-status_acceptance_03.edxml')), 3);
    expect(h.responseForOrganIds.length).toBe(1);
    expect(h.title).toBe('03');
    expect(h.trace).toBeNull();
  });

  it('refuses a DOCTYPE, invalid UTF-8 and a truncated header', () => {
    const withDoctype = Buffer.from(doc.toString('utf8').replace('<edXML ', '<!DOCTYPE edXML SYSTEM "http://x/y.dtd">\n<edXML '), 'utf8');
    expect(() => scan(withDoctype, 1024)).toThrow(/DOCTYPE/);
    const badUtf8 = Buffer.concat([doc.subarray(0, 500), Buffer.from([0xc3, 0x28]), doc.subarray(502)]);
    expect(() => scan(badUtf8, 1024)).toThrow(/UTF-8/);
    expect(() => scan(doc.subarray(0, 3000), 1024)).toThrow(/edXMLHeader/);
  });
});
