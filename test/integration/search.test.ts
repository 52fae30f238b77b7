import { afterEach, describe, expect, it } from 'vitest';
import { listQuery, type ListQuery } from '../../src/shared/api/schemas/documents.ts';
import { updateDocument, voidDocument } from '../../src/main/registry/documents.ts';
import { listDocuments } from '../../src/main/registry/listing.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { documentPatch } from '../../src/shared/api/schemas/documents.ts';
import { addIncoming, addOutgoing } from '../support/documents.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';

describe('full-text search and filters', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function setup() {
    const t = newProfile(fixedClock('2026-06-15T02:00:00Z'));
    cleanup = t.cleanup;
    const p = t.profile;
    const docs = {
      dongNai: addIncoming(p, { issuingAgency: 'Sở Nội vụ tỉnh Đồng Nai', subject: 'Về việc tuyển dụng công chức', documentType: 'Công văn', codeNotation: 'SNV-TCBC', documentDate: '2026-01-05', arrivalDate: '2026-01-06' }),
      quyetDinh: addIncoming(p, { subject: 'Về việc phê duyệt kế hoạch đào tạo', codeNumber: '15', codeNotation: 'QĐ-UBND', priority: 'Khẩn', signerName: 'Lê Văn Đức', arrivalDate: '2026-02-10', documentDate: '2026-02-01' }),
      note: addIncoming(p, { subject: 'Giấy mời họp', documentType: 'Giấy mời', codeNotation: 'GM-UBND', notes: 'Đề nghị đồng chí Đạt dự họp' }),
      outgoing: addOutgoing(p, { subject: 'Về việc báo cáo tình hình đê điều', documentType: 'Báo cáo' }),
    };
    return { p, docs };
  }

  const ids = (p: Profile, q: ListQuery) => listDocuments(p, listQuery.parse(q)).rows.map((r) => r.id);

  it('ignores diacritics, including đ → d, in text and queries', () => {
    const { p, docs } = setup();
    expect(ids(p, { direction: 'incoming', query: 'dong nai' })).toEqual([docs.dongNai.id]);
    expect(ids(p, { direction: 'incoming', query: 'ĐỒNG NAI' })).toEqual([docs.dongNai.id]);
    expect(ids(p, { direction: 'incoming', query: 'tuyen dung' })).toEqual([docs.dongNai.id]);
    expect(ids(p, { direction: 'outgoing', query: 'de dieu' })).toEqual([docs.outgoing.id]);
  });

  it('searches notation, type name, signer and notes', () => {
    const { p, docs } = setup();
    expect(ids(p, { direction: 'incoming', query: '15/qd-ubnd' })).toEqual([docs.quyetDinh.id]);
    expect(ids(p, { direction: 'incoming', query: 'le van duc' })).toEqual([docs.quyetDinh.id]);
    expect(ids(p, { direction: 'incoming', query: 'dong chi dat' })).toEqual([docs.note.id]);
    expect(ids(p, { direction: 'incoming', query: 'giay moi' })).toEqual([docs.note.id]);
  });

  it('matches the last word as a prefix while typing', () => {
    const { p, docs } = setup();
    expect(ids(p, { direction: 'incoming', query: 'tuyen dun' })).toEqual([docs.dongNai.id]);
  });

  it('treats FTS syntax in a query as plain words', () => {
    const { p } = setup();
    // Read as words, none of these is in any document: no match, and no FTS error.
    for (const query of ['"', 'NEAR(a b)', 'a OR', '*', 'subject:x', '-', "'; DROP TABLE documents; --"]) {
      expect(ids(p, { direction: 'incoming', query }), query).toEqual([]);
    }
    expect(ids(p, { direction: 'incoming', query: '"dong nai"' })).toHaveLength(1);
    expect(ids(p, { direction: 'incoming', query: 'dong -nai' })).toHaveLength(1);
    expect(ids(p, { direction: 'incoming', query: 'dong OR xyz' })).toHaveLength(0);
  });

  it('cannot be steered by private-use characters hidden in a document', () => {
    const { p } = setup();
    const forged = addIncoming(p, { subject: 'Giấy mời \uE000o \uE001\uE100 họp' });
    expect(ids(p, { direction: 'outgoing', query: 'giay moi', year: 1900 })).toEqual([]);
    expect(ids(p, { direction: 'outgoing', query: 'giay moi' })).toEqual([]);
    expect(ids(p, { direction: 'incoming', query: 'giay moi hop' })).toContain(forged.id);
  });

  it('finds a document under its corrected text only', () => {
    const { p, docs } = setup();
    updateDocument(p, documentPatch.parse({ id: docs.dongNai.id, subject: 'Về việc nâng lương' }));
    expect(ids(p, { direction: 'incoming', query: 'tuyen dung' })).toEqual([]);
    expect(ids(p, { direction: 'incoming', query: 'nang luong' })).toEqual([docs.dongNai.id]);
  });

  it('filters by type, date range, urgency and status', () => {
    const { p, docs } = setup();
    expect(ids(p, { direction: 'incoming', documentType: 'Quyết định' })).toEqual([docs.quyetDinh.id]);
    expect(ids(p, { direction: 'incoming', from: '2026-02-01', to: '2026-02-28' })).toEqual([docs.quyetDinh.id]);
    expect(ids(p, { direction: 'incoming', urgentOnly: true })).toEqual([docs.quyetDinh.id]);
    voidDocument(p, docs.note.id, 'Vào sổ nhầm');
    expect(ids(p, { direction: 'incoming', status: 'void' })).toEqual([docs.note.id]);
    expect(ids(p, { direction: 'incoming', status: 'active' })).not.toContain(docs.note.id);
  });

  it('limits a search to a year and to the register on screen', () => {
    const { p, docs } = setup();
    const old = addIncoming(p, { subject: 'Về việc tuyển dụng viên chức', arrivalDate: '2025-12-30', documentDate: '2025-12-01' });
    expect(ids(p, { direction: 'incoming', query: 'tuyen dung' })).toEqual([old.id, docs.dongNai.id]);
    expect(ids(p, { direction: 'incoming', query: 'tuyen dung', year: 2025 })).toEqual([old.id]);
    expect(ids(p, { direction: 'incoming', query: 'tuyen dung', year: 2026 })).toEqual([docs.dongNai.id]);
    expect(ids(p, { direction: 'outgoing', query: 'tuyen dung' })).toEqual([]);
    const counted = listDocuments(p, listQuery.parse({ direction: 'incoming', query: 'tuyen dung', year: 2025 }));
    expect(counted.total).toBe(1);
  });

  it('sorts the register by number both ways and pages with a total', () => {
    const { p, docs } = setup();
    expect(ids(p, { direction: 'incoming', sort: 'number', order: 'asc' })).toEqual([docs.dongNai.id, docs.quyetDinh.id, docs.note.id]);
    const page = listDocuments(p, listQuery.parse({ direction: 'incoming', limit: 1, offset: 1 }));
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.id)).toEqual([docs.quyetDinh.id]);
  });
});
