import { afterEach, describe, expect, it } from 'vitest';
import { seriesInput } from '../../src/shared/api/schemas/series.ts';
import { previewOutgoingNumber, registerOutgoing } from '../../src/main/registry/outgoing.ts';
import { updateDocument, voidDocument } from '../../src/main/registry/documents.ts';
import { documentPatch, outgoingInput } from '../../src/shared/api/schemas/documents.ts';
import { listSeries, saveSeries } from '../../src/main/registry/series-repo.ts';
import { expectAppError } from '../support/app-error.ts';
import { addOutgoing, outgoing } from '../support/documents.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';

// nd30-rules §1–2: automatic, gapless, per series, restarting on 1 January, number+notation
// unique within the year, a number consumed only when the registration commits.
describe('outgoing numbering', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function setup(at = '2026-05-10T03:00:00Z') {
    const clock = fixedClock(at);
    const t = newProfile(clock);
    cleanup = t.cleanup;
    return { ...t, clock };
  }

  it('numbers 01, 02, … in order of issue with the notation of each type', () => {
    const { profile } = setup();
    const a = addOutgoing(profile, { documentType: 'Quyết định' });
    const b = addOutgoing(profile, { documentType: 'Tờ trình' });
    const c = addOutgoing(profile, { documentType: 'Công văn', unitAbbreviation: 'VP' });
    expect([a, b, c].map((d) => `${d.codeNumber}/${d.codeNotation}`)).toEqual(['01/QĐ-UBND', '02/TTr-UBND', '03/UBND-VP']);
    expect([a, b, c].map((d) => d.number)).toEqual([1, 2, 3]);
  });

  it('goes from 09 to 10', () => {
    const { profile } = setup();
    const codes = Array.from({ length: 11 }, () => addOutgoing(profile).codeNumber);
    expect(codes.slice(8)).toEqual(['09', '10', '11']);
  });

  it('keeps a separate series for the types a series claims', () => {
    const { profile } = setup();
    saveSeries(profile, seriesInput.parse({ name: 'Sổ Quyết định', direction: 'outgoing', documentTypes: ['quyet-dinh'] }));
    const cv = addOutgoing(profile, { documentType: 'Công văn', unitAbbreviation: 'VP' });
    const qd1 = addOutgoing(profile, { documentType: 'Quyết định' });
    const tb = addOutgoing(profile, { documentType: 'Thông báo' });
    const qd2 = addOutgoing(profile, { documentType: 'Quyết định' });
    expect([cv.codeNumber, tb.codeNumber]).toEqual(['01', '02']);
    expect([qd1.codeNumber, qd2.codeNumber]).toEqual(['01', '02']);
    expect(qd1.seriesName).toBe('Sổ Quyết định');
  });

  it('refuses a scheme where one type would be numbered in two series', () => {
    const { profile } = setup();
    saveSeries(profile, seriesInput.parse({ name: 'Sổ Quyết định', direction: 'outgoing', documentTypes: ['quyet-dinh'] }));
    expect(() =>
      saveSeries(profile, seriesInput.parse({ name: 'Sổ khác', direction: 'outgoing', documentTypes: ['quyet-dinh', 'chi-thi'] })),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => saveSeries(profile, seriesInput.parse({ name: 'Sổ chung 2', direction: 'outgoing' }))).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('keeps a type in its series until 1 January once it has numbers this year', () => {
    const { profile, clock } = setup('2026-05-10T03:00:00Z');
    addOutgoing(profile, { documentType: 'Quyết định' });
    const qdSeries = seriesInput.parse({ name: 'Sổ Quyết định', direction: 'outgoing', documentTypes: ['quyet-dinh'] });
    expectAppError(() => saveSeries(profile, qdSeries), 'CONFLICT', /đã được cấp số trong năm 2026.*01\/01\/2027/);
    expect(addOutgoing(profile, { documentType: 'Quyết định' }).codeNumber).toBe('02');
    clock.set('2027-01-01T01:00:00Z');
    expect(saveSeries(profile, qdSeries).documentTypes).toEqual(['quyet-dinh']);
    expect(addOutgoing(profile, { documentType: 'Quyết định' })).toMatchObject({ codeNumber: '01', seriesName: 'Sổ Quyết định', year: 2027 });
  });

  it('keeps the three kinds of copies together in one series of their own', () => {
    const { profile } = setup();
    const copies = listSeries(profile).find((s) => s.documentTypes.includes('ban-sao-y'));
    expect([...(copies?.documentTypes ?? [])].sort()).toEqual(['ban-sao-luc', 'ban-sao-y', 'ban-trich-sao']);
    const base = { id: copies!.id, name: copies!.name, direction: 'outgoing' as const };
    expectAppError(() => saveSeries(profile, seriesInput.parse({ ...base, documentTypes: ['ban-sao-y', 'ban-trich-sao'] })), 'CONFLICT', /dùng chung một sổ riêng/);
    expectAppError(() => saveSeries(profile, seriesInput.parse({ ...base, documentTypes: ['ban-sao-y', 'ban-trich-sao', 'ban-sao-luc', 'thong-bao'] })), 'CONFLICT');
    expectAppError(() => saveSeries(profile, seriesInput.parse({ ...base, documentTypes: copies!.documentTypes, active: false })), 'CONFLICT');
  });

  it('restarts at 01 on 1 January, Vietnam time', () => {
    const { profile, clock } = setup('2026-12-31T16:59:00Z');
    expect(addOutgoing(profile).codeNumber).toBe('01');
    expect(addOutgoing(profile).codeNumber).toBe('02');
    clock.set('2026-12-31T17:00:00Z');
    const first2027 = addOutgoing(profile);
    expect(first2027).toMatchObject({ year: 2027, codeNumber: '01', documentDate: '2027-01-01' });
  });

  it('never reuses a voided number', () => {
    const { profile } = setup();
    addOutgoing(profile);
    const second = addOutgoing(profile);
    const voided = voidDocument(profile, second.id, 'Ban hành nhầm');
    expect(voided).toMatchObject({ status: 'void', voidReason: 'Ban hành nhầm', number: 2 });
    expect(addOutgoing(profile).number).toBe(3);
  });

  it('consumes no number when the registration fails', () => {
    const { profile } = setup();
    addOutgoing(profile);
    expect(() => addOutgoing(profile, { documentType: 'Công văn', unitAbbreviation: 'XYZ' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => addOutgoing(profile, { documentType: 'Nghị định' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(addOutgoing(profile).number).toBe(2);
  });

  it('never produces "Hỏa tốc hẹn giờ" (priority 4), which it only accepts from others', () => {
    const { profile } = setup();
    expect(outgoingInput.safeParse(outgoing({ priority: 4 })).success).toBe(false);
    expect(outgoingInput.parse(outgoing({ priority: 3 })).priority).toBe('hoa-toc');
    const doc = addOutgoing(profile);
    expectAppError(() => updateDocument(profile, documentPatch.parse({ id: doc.id, priority: 'hoa-toc-hen-gio' })), 'INVALID_INPUT');
  });

  it('previews without reserving', () => {
    const { profile } = setup();
    const preview = previewOutgoingNumber(profile, { documentType: 'Kế hoạch', documentDate: null, unitAbbreviation: null });
    expect(preview).toMatchObject({ number: 1, codeNumber: '01', codeNotation: 'KH-UBND' });
    expect(previewOutgoingNumber(profile, { documentType: 'Kế hoạch', documentDate: null, unitAbbreviation: null }).number).toBe(1);
    expect(addOutgoing(profile, { documentType: 'Kế hoạch' }).number).toBe(1);
  });

  it('refuses a date in the future or before the last number issued', () => {
    const { profile } = setup();
    expect(() => addOutgoing(profile, { documentDate: '2026-05-11' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    addOutgoing(profile, { documentDate: '2026-05-09' });
    expectAppError(() => addOutgoing(profile, { documentDate: '2026-05-08' }), 'INVALID_INPUT', /thứ tự ban hành/);
    expect(addOutgoing(profile, { documentDate: '2026-05-09' }).number).toBe(2);
  });

  it('asks for the drafting unit of a công văn when the agency has units', () => {
    const { profile } = setup();
    expectAppError(() => addOutgoing(profile, { documentType: 'Công văn' }), 'INVALID_INPUT', /đơn vị soạn thảo/);
  });

  it('uses the series issuer abbreviation for an advisory body', () => {
    const { profile } = setup();
    saveSeries(
      profile,
      seriesInput.parse({ name: 'Sổ Hội đồng thi đua', direction: 'outgoing', documentTypes: ['thong-bao'], issuerAbbreviation: 'HĐTĐKT' }),
    );
    expect(addOutgoing(profile, { documentType: 'Thông báo' }).codeNotation).toBe('TB-HĐTĐKT');
  });

  it('numbers secret documents in their own series from 01, with a notation that stays unique', () => {
    const { profile } = setup();
    const secret = (data: Partial<Parameters<typeof outgoing>[0]> = {}) => registerOutgoing(profile, { ...outgoingInput.parse(outgoing(data)), secret: true });
    expectAppError(() => secret(), 'CONFLICT', /sổ văn bản mật riêng/);
    const ordinary = addOutgoing(profile);
    const series = saveSeries(profile, seriesInput.parse({ name: 'Sổ văn bản mật đi', direction: 'outgoing', secret: true }));
    const a = secret();
    const b = secret({ documentType: 'Công văn', unitAbbreviation: 'VP' });
    expect([a, b].map((d) => `${d.codeNumber}/${d.codeNotation}`)).toEqual(['01/QĐ-UBND-M', '02/UBND-VP-M']);
    expect(a.seriesName).toBe('Sổ văn bản mật đi');
    expect(`${ordinary.codeNumber}/${ordinary.codeNotation}`).toBe('01/QĐ-UBND');
    expect(addOutgoing(profile).codeNumber).toBe('02');
    expect(previewOutgoingNumber(profile, { documentType: 'Quyết định', documentDate: null, unitAbbreviation: null, secret: true }).codeNumber).toBe('03');

    // The scheme: one active secret series, outgoing, claiming no types, and a series never
    // changes between secret and ordinary.
    expectAppError(() => saveSeries(profile, seriesInput.parse({ name: 'Sổ mật 2', direction: 'outgoing', secret: true })), 'CONFLICT', /một sổ văn bản mật/);
    expectAppError(() => saveSeries(profile, seriesInput.parse({ name: 'Sổ mật QĐ', direction: 'outgoing', secret: true, documentTypes: ['quyet-dinh'], active: false })), 'CONFLICT', /không chọn loại/);
    // An incoming series may be secret since issue 12: the register of secret paper documents
    // received (docs/copies.md); it does not make an outgoing secret series.
    expect(saveSeries(profile, seriesInput.parse({ name: 'Sổ đến mật', direction: 'incoming', secret: true, active: false }))).toMatchObject({ direction: 'incoming', secret: true });
    expectAppError(() => saveSeries(profile, seriesInput.parse({ id: series.id, name: series.name, direction: 'outgoing', secret: false })), 'CONFLICT', /sổ mới/);
    // Without it, the ordinary series still is complete (it is not the catch-all).
    expect(saveSeries(profile, seriesInput.parse({ id: series.id, name: series.name, direction: 'outgoing', secret: true, active: false })).active).toBe(false);
    expectAppError(() => secret(), 'CONFLICT', /sổ văn bản mật riêng/);
  });

  it('keeps the number+notation unique within the year in the database itself', () => {
    const { profile } = setup();
    const doc = addOutgoing(profile);
    expect(() =>
      profile.db
        .prepare(
          `INSERT INTO documents (register_id, direction, year, number, register_date, code_number, code_notation, document_date,
             document_type, document_type_name, subject, issuing_agency, created_at, updated_at)
           VALUES (?, 'outgoing', 2026, 99, '2026-05-10', ?, ?, '2026-05-10', 'quyet-dinh', 'Quyết định', 'x', 'y', 'now', 'now')`,
        )
        .run(doc.registerId, doc.codeNumber, doc.codeNotation),
    ).toThrow(/UNIQUE/);
  });
});
