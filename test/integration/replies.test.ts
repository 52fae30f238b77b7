import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueIssuance } from '../../src/main/issuance/issue-step.ts';
import { numberIssuance } from '../../src/main/issuance/number-step.ts';
import { registerIssuance } from '../../src/main/issuance/register-step.ts';
import { getDocument } from '../../src/main/registry/documents.ts';
import { processingHistory } from '../../src/main/registry/processing-record.ts';
import { linkReply, listReplies, unlinkReply } from '../../src/main/registry/replies.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { replyLinkInput, type ReplyLinkInput } from '../../src/shared/api/schemas/replies.ts';
import { expectAppError } from '../support/app-error.ts';
import { addIncoming, addOutgoing } from '../support/documents.ts';
import { issueDocument, softwareToken } from '../support/issued-document.ts';
import { fixedClock, newProfile, tempDir } from '../support/temp-profile.ts';
import { createTestPki, type TestPki } from '../support/test-pki.ts';

// Replies on a real profile (SQLite, the real issuance steps with a software key): linking,
// withdrawing, and the reply's issue closing the incoming documents it answers.
describe('replies (trả lời văn bản số …)', () => {
  let t: ReturnType<typeof newProfile>;
  let p: Profile;
  let pki: TestPki;
  // Registered first: the register takes no later number with an earlier date.
  let early: ReturnType<typeof addOutgoing>;
  const scratch = tempDir('vanthu-replies-');
  const link = (input: ReplyLinkInput) => linkReply(p, replyLinkInput.parse(input));

  beforeAll(async () => {
    t = newProfile(fixedClock('2026-03-10T02:00:00Z'));
    p = t.profile;
    pki = await createTestPki();
    early = addOutgoing(p, { documentDate: '2026-03-08', subject: 'Cũ' });
  });
  afterAll(() => {
    t.cleanup();
    scratch.cleanup();
  });

  it('closes two incoming documents when the issuance that answers them is registered, in the register and the history', async () => {
    const a = addIncoming(p, { arrivalDate: '2026-03-09' });
    const b = addIncoming(p, { arrivalDate: '2026-03-09', issuingAgency: 'Sở Nội vụ' });
    const draft = await issueDocument(p, pki, scratch.dir, { subject: 'Trả lời về công tác văn thư' }, 'approved');
    // Named on the draft, before it has a number or a register row.
    link({ incomingId: a.id, issuanceId: draft.id });
    await numberIssuance(p, draft.id);
    const numbered = await issueIssuance(p, draft.id, softwareToken(pki.agency, [pki.root]));
    const outgoingId = numbered.documentId as number;
    // Named from the register row of a workflow document: kept on its issuance all the same.
    const second = link({ incomingId: b.id, outgoingId });
    expect(second.reply).toMatchObject({ issuanceId: draft.id, documentId: outgoingId, issuanceState: 'issued' });
    expect(getDocument(p, a.id).processingStatus).toBe('pending');

    await registerIssuance(p, draft.id);
    const reply = getDocument(p, outgoingId);
    for (const doc of [a, b]) {
      const h = processingHistory(p, doc.id);
      expect(h.document).toMatchObject({ processingStatus: 'done', replyNotation: `${reply.codeNumber}/${reply.codeNotation}` });
      expect(h.entries.at(-1)).toMatchObject({ kind: 'reply', status: 'done', replyDocumentId: outgoingId, givenOn: reply.documentDate, author: 'Nguyễn Văn An' });
    }
    // The Sổ đi has no column for it: the notes name both.
    expect(reply.notes).toContain(`Trả lời văn bản số ${a.codeNumber}/${a.codeNotation} ngày 01/03/2026 của Ủy ban nhân dân tỉnh Quảng Nam; số ${b.codeNumber}`);
    const links = listReplies(p, { documentId: outgoingId }).links;
    expect(links.map((l) => [l.incoming.id, l.closedEntryId !== null])).toEqual([[a.id, true], [b.id, true]]);
    expect(listReplies(p, { documentId: a.id }).links[0]?.reply.numberNotation).toBe(`${reply.codeNumber}/${reply.codeNotation}`);
    const audit = p.audit.list({ entityType: 'document', entityId: String(a.id), limit: 10 }).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['reply.link', 'processing.reply']));
    // Closed for good: the link cannot be withdrawn any more.
    expectAppError(() => unlinkReply(p, links[0]!.id), 'CONFLICT');
  });

  it('closes at once when a directly registered outgoing document is linked', () => {
    const q = addIncoming(p, { arrivalDate: '2026-03-09' });
    const out = addOutgoing(p, { documentType: 'Công văn', subject: 'V/v trả lời', unitAbbreviation: 'VP', documentDate: '2026-03-10' });
    const l = link({ incomingId: q.id, outgoingId: out.id });
    expect(l.closedEntryId).not.toBeNull();
    expect(getDocument(p, q.id)).toMatchObject({ processingStatus: 'done', replyNotation: `${out.codeNumber}/${out.codeNotation}` });
  });

  it('withdraws a link made by mistake so the register step leaves that document open, and refuses what cannot answer', async () => {
    const q = addIncoming(p, { arrivalDate: '2026-03-09' });
    const draft = await issueDocument(p, pki, scratch.dir, { subject: 'Nhầm' }, 'approved');
    const l = link({ incomingId: q.id, issuanceId: draft.id });
    expectAppError(() => link({ incomingId: q.id, issuanceId: draft.id }), 'CONFLICT');
    expect(unlinkReply(p, l.id).removedAt).not.toBeNull();
    expectAppError(() => unlinkReply(p, l.id), 'CONFLICT');
    expect(listReplies(p, { issuanceId: draft.id }).links).toEqual([]);
    await numberIssuance(p, draft.id);
    await issueIssuance(p, draft.id, softwareToken(pki.agency, [pki.root]));
    await registerIssuance(p, draft.id);
    expect(getDocument(p, q.id).processingStatus).toBe('pending');

    // An outgoing document is not answered; an incoming one does not answer.
    const out = addOutgoing(p, { documentDate: '2026-03-10' });
    expectAppError(() => link({ incomingId: out.id, outgoingId: out.id }), 'INVALID_INPUT');
    expectAppError(() => link({ incomingId: q.id, outgoingId: q.id }), 'INVALID_INPUT');
    // A reply dated before the arrival answers something else.
    expectAppError(() => link({ incomingId: q.id, outgoingId: early.id }), 'INVALID_INPUT');
    expect(() => replyLinkInput.parse({ incomingId: q.id })).toThrow();
  });
});
