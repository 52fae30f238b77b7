import { afterEach, describe, expect, it } from 'vitest';
import { processingInput } from '../../src/shared/api/schemas/documents.ts';
import { listProcessing, updateProcessing } from '../../src/main/registry/processing.ts';
import { voidDocument } from '../../src/main/registry/documents.ts';
import { expectAppError } from '../support/app-error.ts';
import { addIncoming, addOutgoing } from '../support/documents.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';

describe('processing tracking (Sổ theo dõi giải quyết)', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('surfaces overdue first, then urgent, then the nearest deadline', () => {
    const clock = fixedClock('2026-03-01T02:00:00Z');
    const t = newProfile(clock);
    cleanup = t.cleanup;
    const p = t.profile;
    const plain = addIncoming(p, { documentDate: '2026-02-20' });
    const soon = addIncoming(p, { documentDate: '2026-02-20', dueDate: '2026-03-20' });
    const willBeLate = addIncoming(p, { documentDate: '2026-02-20', dueDate: '2026-03-05' });
    const fire = addIncoming(p, { documentDate: '2026-02-20', priority: 'Hỏa tốc' });
    const urgent = addIncoming(p, { documentDate: '2026-02-20', priority: 'Khẩn', dueDate: '2026-03-30' });
    const done = addIncoming(p, { documentDate: '2026-02-20', dueDate: '2026-03-02' });
    updateProcessing(p, processingInput.parse({ id: done.id, status: 'done', replyNotation: '12/UBND-VP' }));
    clock.set('2026-03-10T02:00:00Z');
    const open = listProcessing(p, { filter: 'open', offset: 0, limit: 50 });
    expect(open.rows.map((r) => r.id)).toEqual([willBeLate.id, fire.id, urgent.id, soon.id, plain.id]);
    expect(open.rows[0]).toMatchObject({ overdue: true });
    expect(open.total).toBe(5);
    expect(listProcessing(p, { filter: 'overdue', offset: 0, limit: 50 }).rows.map((r) => r.id)).toEqual([willBeLate.id]);
    expect(listProcessing(p, { filter: 'all', offset: 0, limit: 50 }).rows.at(-1)?.id).toBe(done.id);
  });

  it('records assignment, deadline, progress and the reply, and audits the change', () => {
    const t = newProfile(fixedClock('2026-03-01T02:00:00Z'));
    cleanup = t.cleanup;
    const doc = addIncoming(t.profile, { documentDate: '2026-02-20' });
    const assigned = updateProcessing(t.profile, processingInput.parse({ id: doc.id, assigneeUnit: 'Phòng Kinh tế', assigneePerson: 'Chị Lan', dueDate: '2026-03-15' }));
    expect(assigned).toMatchObject({ processingStatus: 'assigned', assigneeUnit: 'Phòng Kinh tế', dueDate: '2026-03-15' });
    const doneDoc = updateProcessing(t.profile, processingInput.parse({ id: doc.id, status: 'done', replyNotation: '05/UBND-KT' }));
    expect(doneDoc).toMatchObject({ processingStatus: 'done', replyNotation: '05/UBND-KT', assigneePerson: 'Chị Lan' });
    const entries = t.profile.audit.list({ entityType: 'document', entityId: String(doc.id), limit: 10 });
    expect(entries.map((e) => e.action)).toEqual(['processing.update', 'processing.update', 'incoming.register']);
  });

  it('refuses outgoing and voided documents and deadlines before arrival', () => {
    const t = newProfile(fixedClock('2026-03-01T02:00:00Z'));
    cleanup = t.cleanup;
    const out = addOutgoing(t.profile);
    expectAppError(() => updateProcessing(t.profile, processingInput.parse({ id: out.id, status: 'done' })), 'INVALID_INPUT');
    const doc = addIncoming(t.profile, { documentDate: '2026-02-20' });
    expectAppError(() => updateProcessing(t.profile, processingInput.parse({ id: doc.id, dueDate: '2026-02-27' })), 'INVALID_INPUT');
    voidDocument(t.profile, doc.id, 'nhầm');
    expectAppError(() => updateProcessing(t.profile, processingInput.parse({ id: doc.id, status: 'done' })), 'CONFLICT');
  });
});
