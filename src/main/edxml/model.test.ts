import { describe, expect, it } from 'vitest';
import { documentIdOf, edxmlDocumentType, typeKeyOfEdxmlCode } from './model.ts';
import { parseWireDate, parseWireDateTime, toWireDate, toWireDateTime } from './wire-format.ts';

describe('edXML model', () => {
  it('builds the DocumentId of edxml.md from an ISO date', () => {
    expect(documentIdOf('000.00.00.G22', '2015-09-30', '7816', 'VPCP-TTĐT')).toBe('000.00.00.G22,2015/09/30,7816/VPCP-TTĐT');
    expect(() => documentIdOf('000.00.00.G22', '30/09/2015', '7816', 'VPCP-TTĐT')).toThrow();
  });

  it('maps document types to their position in Decree 30 (Công văn = 18), TypeDetail 0', () => {
    expect(edxmlDocumentType('cong-van')).toEqual({ type: 18, typeDetail: 0, typeName: 'Công văn' });
    expect(edxmlDocumentType('nghi-quyet')).toEqual({ type: 1, typeDetail: 0, typeName: 'Nghị quyết' });
    expect(edxmlDocumentType('thu-cong')).toEqual({ type: 29, typeDetail: 0, typeName: 'Thư công' });
    expect(edxmlDocumentType('luat')).toBeNull();
    expect(typeKeyOfEdxmlCode(18)).toBe('cong-van');
    expect(typeKeyOfEdxmlCode(30)).toBeNull();
  });

  it('writes yyyy/MM/dd and reads it, dd/MM/yyyy and ISO back to ISO', () => {
    expect(toWireDate('2026-03-05')).toBe('2026/03/05');
    expect(toWireDateTime('2026-03-05T07:08:09')).toBe('2026/03/05 07:08:09');
    expect(parseWireDate('2026/03/05')).toBe('2026-03-05');
    expect(parseWireDate('05/03/2026')).toBe('2026-03-05');
    expect(parseWireDate('5/3/2026')).toBe('2026-03-05');
    expect(parseWireDate('2026-03-05')).toBe('2026-03-05');
    expect(parseWireDate('2014/02/30')).toBeNull();
    expect(parseWireDate('')).toBeNull();
    expect(parseWireDateTime('2015/09/20 11:08:36')).toBe('2015-09-20T11:08:36');
    expect(parseWireDateTime('20/09/2015 11:08')).toBe('2015-09-20T11:08:00');
    expect(parseWireDateTime('2015-09-20T11:08:36')).toBe('2015-09-20T11:08:36');
    expect(parseWireDateTime('2015/09/20')).toBe('2015-09-20T00:00:00');
    expect(parseWireDateTime('2015/09/20 25:00:00')).toBeNull();
  });
});
