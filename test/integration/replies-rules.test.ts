import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveIssuanceSettings } from '../../src/main/issuance/issuance-settings.ts';
import { voidIssuance } from '../../src/main/issuance/void-issuance.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { getDocument, voidDocument } from '../../src/main/registry/documents.ts';
import { listDocuments } from '../../src/main/registry/listing.ts';
import { processingHistory } from '../../src/main/registry/processing-record.ts';
import { linkReply, listReplies, unlinkReply } from '../../src/main/registry/replies.ts';
import { registerSecretIncoming } from '../../src/main/registry/secret-incoming.ts';
import { saveSeries } from '../../src/main/registry/series-repo.ts';
import { secretIncomingInput } from '../../src/shared/api/schemas/copies.ts';
import { listQuery } from '../../src/shared/api/schemas/documents.ts';
import { replyLinkInput, type ReplyLinkInput } from '../../src/shared/api/schemas/replies.ts';
import { seriesInput } from '../../src/shared/api/schemas/series.ts';
import { expectAppError } from '../support/app-error.ts';
import { addIncoming, addOutgoing } from '../support/documents.ts';
import { issueDocument, type IssueUntil } from '../support/issued-document.ts';
import { fixedClock, newProfile, tempDir } from '../support/temp-profile.ts';
import { createTestPki, type TestPki } from '../support/test-pki.ts';

// Every rule of replies.link / replies.unlink (src/main/registry/replies.ts, docs/processing.md
// Replies) on a real profile, with the real issuance steps: which replies may be named at each
// step of the workflow and what the link does then, and each refusal with its code and the
// clerk's Vietnamese message, leaving nothing written.
describe('replies: what may be linked, and when the link closes', () => {
  let t: ReturnType<typeof newProfile>;
  let p: Profile;
  let pki: TestPki;
  let early: ReturnType<typeof addOutgoing>;
  const scratch = tempDir('vanthu-replies-rules-');
  const link = (input: ReplyLinkInput) => linkReply(p, replyLinkInput.parse(input));
  const issuance = (until: IssueUntil, subject: string) => issueDocument(p, pki, scratch.dir, { subject }, until);
  const arrived = () => addIncoming(p, { arrivalDate: '2026-03-09' });
  // What a refusal must leave as it was: the links and the audit log.
  const written = () => ({
    links: p.db.prepare('SELECT count(*) FROM document_replies').pluck().get(),
    audit: p.db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
  });

  beforeAll(async () => {
    t = newProfile(fixedClock('2026-03-10T02:00:00Z'));
    p = t.profile;
    pki = await createTestPki();
    // Registered first: the register takes no later number with an earlier date.
    early = addOutgoing(p, { documentType: 'Công văn', unitAbbreviation: 'VP', documentDate: '2026-03-08', subject: 'V/v trước ngày đến' });
  });
  afterAll(() => {
    t.cleanup();
    scratch.cleanup();
  });

  it('keeps a link to a reply not yet registered open, at every step before the register step, on its issuance', async () => {
    for (const until of ['approved', 'numbered', 'issued'] as const) {
      const q = arrived();
      const draft = await issuance(until, `Trả lời, đang ở bước ${until}`);
      // Named by its issuance, or (once numbered) by its register row: kept on the issuance.
      const l = until === 'approved' ? link({ incomingId: q.id, issuanceId: draft.id }) : link({ incomingId: q.id, outgoingId: draft.documentId as number });
      expect(l, until).toMatchObject({ closedEntryId: null, reply: { issuanceId: draft.id, issuanceState: until } });
      expect(getDocument(p, q.id).processingStatus, until).toBe('pending');
      expect(processingHistory(p, q.id).entries.filter((e) => e.kind === 'reply'), until).toEqual([]);
    }
  });

  it('closes at once when the issuance is already registered or distributed, whether named by issuance or by register row', async () => {
    for (const [until, by] of [
      ['registered', 'issuance'],
      ['distributed', 'row'],
    ] as const) {
      const q = arrived();
      const reply = await issuance(until, `Trả lời sau khi ${until}`);
      const row = getDocument(p, reply.documentId as number);
      const l = by === 'issuance' ? link({ incomingId: q.id, issuanceId: reply.id }) : link({ incomingId: q.id, outgoingId: row.id });
      expect(l.reply, until).toMatchObject({ issuanceId: reply.id, documentId: row.id, issuanceState: until });
      expect(l.closedEntryId, until).not.toBeNull();
      expect(getDocument(p, q.id), until).toMatchObject({ processingStatus: 'done', replyNotation: `${row.codeNumber}/${row.codeNotation}` });
      expect(processingHistory(p, q.id).entries.at(-1), until).toMatchObject({ id: l.closedEntryId, kind: 'reply', replyDocumentId: row.id, givenOn: row.documentDate });
      // The register step wrote the Sổ đi's Ghi chú before this link: it is left as it was (the
      // follow-up book's column 6 and the history carry the link).
      expect(getDocument(p, row.id).notes, until).toBeNull();
      expectAppError(() => unlinkReply(p, l.id), 'CONFLICT', /^Văn bản trả lời đã phát hành và đã đóng việc giải quyết: không bỏ liên kết được\.$/);
    }
  });

  it('lets a second reply answer a document already closed: a second entry, and the column shows the latest', async () => {
    const q = arrived();
    const first = addOutgoing(p, { documentType: 'Công văn', unitAbbreviation: 'VP', documentDate: '2026-03-10', subject: 'V/v trả lời lần 1' });
    const second = addOutgoing(p, { documentType: 'Công văn', unitAbbreviation: 'VP', documentDate: '2026-03-10', subject: 'V/v trả lời lần 2' });
    link({ incomingId: q.id, outgoingId: first.id });
    link({ incomingId: q.id, outgoingId: second.id });
    expect(processingHistory(p, q.id).entries.filter((e) => e.kind === 'reply').map((e) => e.replyDocumentId)).toEqual([first.id, second.id]);
    expect(getDocument(p, q.id).replyNotation).toBe(`${second.codeNumber}/${second.codeNotation}`);
  });

  it('refuses a void reply: a withdrawn draft, a voided numbered issuance, a voided register row; a link made before voiding stays open', async () => {
    const q = arrived();
    const withdrawn = await issuance('approved', 'Dự thảo rút lại');
    const before = link({ incomingId: q.id, issuanceId: withdrawn.id });
    voidIssuance(p, withdrawn.id, 'Soạn lại');
    const numbered = await issuance('numbered', 'Cấp số rồi hủy');
    voidIssuance(p, numbered.id, 'Ghi sai trích yếu');
    const direct = addOutgoing(p, { documentType: 'Công văn', unitAbbreviation: 'VP', documentDate: '2026-03-10', subject: 'V/v vào sổ rồi hủy' });
    voidDocument(p, direct.id, 'Vào sổ nhầm');

    const other = arrived();
    const untouched = written();
    expectAppError(() => link({ incomingId: other.id, issuanceId: withdrawn.id }), 'CONFLICT', /^Dự thảo đã bị hủy, không thể là văn bản trả lời\.$/);
    expectAppError(() => link({ incomingId: other.id, issuanceId: numbered.id }), 'CONFLICT', /^Văn bản đi đã bị hủy, không thể là văn bản trả lời\.$/);
    expectAppError(() => link({ incomingId: other.id, outgoingId: numbered.documentId as number }), 'CONFLICT', /^Văn bản đi đã bị hủy, không thể là văn bản trả lời\.$/);
    expectAppError(() => link({ incomingId: other.id, outgoingId: direct.id }), 'CONFLICT', /^Văn bản đi đã bị hủy, không thể là văn bản trả lời\.$/);
    expect(written()).toEqual(untouched);
    // Voiding before the register step closes nothing, and the history is not rewritten.
    expect(listReplies(p, { documentId: q.id }).links).toEqual([expect.objectContaining({ id: before.id, closedEntryId: null, reply: expect.objectContaining({ issuanceState: 'void' }) })]);
    expect(getDocument(p, q.id).processingStatus).toBe('pending');
  });

  it('refuses what cannot be answered or cannot answer, twice the same pair, and a reply dated before the arrival, each in Vietnamese', async () => {
    const q = arrived();
    const voided = arrived();
    voidDocument(p, voided.id, 'Vào sổ trùng');
    const draft = await issuance('approved', 'Trả lời các văn bản đến');
    const out = addOutgoing(p, { documentType: 'Công văn', unitAbbreviation: 'VP', documentDate: '2026-03-10', subject: 'V/v trả lời' });
    link({ incomingId: q.id, issuanceId: draft.id });

    const untouched = written();
    expectAppError(() => link({ incomingId: voided.id, issuanceId: draft.id }), 'CONFLICT', /^Văn bản đến đã bị hủy, không thể ghi là văn bản được trả lời\.$/);
    expectAppError(() => link({ incomingId: out.id, issuanceId: draft.id }), 'INVALID_INPUT', /^Văn bản được trả lời phải là văn bản đến\.$/);
    expectAppError(() => link({ incomingId: q.id, outgoingId: voided.id }), 'INVALID_INPUT', /^Văn bản trả lời phải là văn bản đi\.$/);
    expectAppError(() => link({ incomingId: q.id, issuanceId: 9999 }), 'NOT_FOUND', /^Không tìm thấy dự thảo văn bản\.$/);
    expectAppError(() => link({ incomingId: 9999, issuanceId: draft.id }), 'NOT_FOUND', /^Không tìm thấy văn bản \(mã 9999\)\.$/);
    expectAppError(() => link({ incomingId: q.id, issuanceId: draft.id }), 'CONFLICT', /^Văn bản này đã được ghi là văn bản được trả lời\.$/);
    expectAppError(() => link({ incomingId: q.id, outgoingId: early.id }), 'INVALID_INPUT', /^Văn bản trả lời không được trước ngày đến của văn bản được trả lời \(09\/03\/2026\)\.$/);
    expectAppError(() => unlinkReply(p, 9999), 'NOT_FOUND', /^Không tìm thấy liên kết trả lời\.$/);
    expect(written()).toEqual(untouched);

    // Withdrawn once, then refused a second time; named again afterwards.
    const live = listReplies(p, { issuanceId: draft.id }).links[0]!;
    unlinkReply(p, live.id);
    expectAppError(() => unlinkReply(p, live.id), 'CONFLICT', /^Liên kết này đã được bỏ\.$/);
    expect(link({ incomingId: q.id, issuanceId: draft.id }).id).not.toBe(live.id);
    expect(() => replyLinkInput.parse({ incomingId: q.id, outgoingId: out.id, issuanceId: draft.id })).toThrow(/ghi văn bản đi hoặc dự thảo, một trong hai/);
  });
});

// A secret incoming paper document lives in its own table (docs/copies.md): the reply picker's
// search cannot find it and its id names no document a reply can answer, so its number never
// reaches the Sổ đi's notes or the follow-up book.
describe('replies: a secret incoming document cannot be answered by a link', () => {
  it('is not found by the picker’s search, and its id is refused as unknown', async () => {
    const t = newProfile(fixedClock('2026-03-10T02:00:00Z'));
    const scratch = tempDir('vanthu-replies-secret-');
    try {
      const p = t.profile;
      saveIssuanceSettings(p, { allowSecretDrafts: true });
      saveSeries(p, seriesInput.parse({ name: 'Sổ văn bản mật đến', direction: 'incoming', secret: true }));
      const secret = registerSecretIncoming(
        p,
        secretIncomingInput.parse({ secrecy: 'mat', issuingAgency: 'Công an thành phố Đà Nẵng', codeNumber: '12', codeNotation: 'CATP-PV01', documentDate: '2026-03-09', documentType: 'Công văn', subject: 'Phương án bảo vệ mục tiêu Zeta' }),
      );
      // A draft has no register row: the profile's documents table stays empty, so no ordinary
      // document shares the secret record's id.
      const draft = await issueDocument(p, await createTestPki(), scratch.dir, { subject: 'Trả lời' }, 'approved');
      expect(p.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
      expect(listDocuments(p, listQuery.parse({ direction: 'incoming', query: 'Zeta', status: 'active' })).rows).toEqual([]);
      expectAppError(() => linkReply(p, replyLinkInput.parse({ incomingId: secret.id, issuanceId: draft.id })), 'NOT_FOUND', new RegExp(`^Không tìm thấy văn bản \\(mã ${secret.id}\\)\\.$`));
      expect(p.db.prepare('SELECT count(*) FROM document_replies').pluck().get()).toBe(0);
    } finally {
      t.cleanup();
      scratch.cleanup();
    }
  });
});
