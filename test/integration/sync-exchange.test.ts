import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProcessing } from '../../src/main/registry/processing.ts';
import { recordProcessing } from '../../src/main/registry/processing-record.ts';
import { processingRecordInput } from '../../src/shared/api/schemas/processing.ts';
import { join } from 'node:path';
import { writeStatusPackage } from '../../src/main/edxml/write-status-package.ts';
import { answerRequest } from '../../src/main/sync/answer-request.ts';
import { acceptInbox } from '../../src/main/sync/inbox-actions.ts';
import { getInbox } from '../../src/main/sync/inbox-queries.ts';
import { requestRecall } from '../../src/main/sync/request-recall.ts';
import { agencyOrganization } from '../../src/main/sync/status-package.ts';
import { expectAppError } from '../support/app-error.ts';
import { SAMPLE_AGENCY } from '../support/temp-profile.ts';
import { processingInput } from '../../src/shared/api/schemas/documents.ts';
import { issueDocument } from '../support/issued-document.ts';
import { AGENCY_B, type TwoDesks, twoDesks } from '../support/sync-desks.ts';
import { createTestPki, type TestPki } from '../support/test-pki.ts';

// Two desks and the reference hub: A's issued document reaches B exactly once, B's statuses come
// back to A, and neither a redelivery nor a send with an unknown outcome makes a duplicate.
describe('sync between two desks through the reference hub', () => {
  let env: TwoDesks;
  let pki: TestPki;

  beforeAll(async () => {
    [env, pki] = await Promise.all([twoDesks(), createTestPki()]);
  }, 120_000);
  afterAll(() => env.close());

  const issueToB = (subject: string) =>
    issueDocument(env.a.profile, pki, env.dir, { subject, recipients: [{ name: AGENCY_B.name, organId: AGENCY_B.organId }, { name: 'Hộ ông Trần Văn Bình', organId: null }] });
  const inbox = () => env.b.profile.db.prepare('SELECT id, state, subject, code_number, verdict, edxml_document_id FROM inbox ORDER BY id').all() as Array<Record<string, unknown>>;
  const outbox = (documentId: number) =>
    env.a.profile.db.prepare('SELECT organ_id, status, receive_status FROM outbox WHERE document_id = ?').all(documentId) as Array<Record<string, unknown>>;

  it('sends, receives with status 01, accepts with status 03, and A sees both', async () => {
    const doc = await issueToB('Về việc thử đồng bộ hai máy');
    const sentRun = await env.a.sync();
    expect(sentRun).toMatchObject({ outcome: 'ok', sent: 1, received: 0 });
    expect(outbox(doc.documentId!)).toEqual([{ organ_id: AGENCY_B.organId, status: 'sent', receive_status: null }]);

    const received = await env.b.sync();
    expect(received).toMatchObject({ outcome: 'ok', received: 1, statusesSent: 1 });
    const [row] = inbox();
    expect(row).toMatchObject({ state: 'received', subject: 'Về việc thử đồng bộ hai máy', code_number: doc.codeNumber });
    expect(row!.edxml_document_id).toBe(`000.46.24.H17,${doc.documentDate!.replaceAll('-', '/')},${doc.codeNumber}/${doc.codeNotation}`);
    expect((await env.a.sync()).statusesReceived).toBe(1);
    expect(outbox(doc.documentId!)[0]!.receive_status).toBe('01');

    const registered = acceptInbox(env.b.profile, row!.id as number);
    expect(registered).toMatchObject({ direction: 'incoming', codeNumber: doc.codeNumber, issuingAgency: 'Ủy ban nhân dân xã Hòa Tiến' });
    const files = env.b.profile.db.prepare('SELECT name FROM document_files WHERE document_id = ? ORDER BY id').pluck().all(registered.id) as string[];
    expect(files).toHaveLength(2);
    expect((await env.b.sync()).statusesSent).toBe(1);
    expect((await env.a.sync()).statusesReceived).toBe(1);
    expect(outbox(doc.documentId!)[0]!.receive_status).toBe('03');

    // B's leader gives it to two units (04), B works on and finishes it: 04, 05, 06 go back,
    // each once, carrying the processing history in their Description (docs/processing.md).
    const step = (status: 'assigned' | 'in_progress' | 'done') => updateProcessing(env.b.profile, processingInput.parse({ id: registered.id, status }));
    recordProcessing(
      env.b.profile,
      processingRecordInput.parse({
        kind: 'instruction',
        documentId: registered.id,
        author: 'Lê Văn Cường, Chủ tịch',
        text: 'Nghiên cứu, trả lời.',
        assignees: [
          { role: 'lead', unit: 'Phòng Kinh tế', dueDate: '2099-12-30' },
          { role: 'coordinate', unit: 'Văn phòng', dueDate: '2099-12-20' },
        ],
      }),
    );
    step('in_progress');
    step('in_progress');
    step('done');
    expect((await env.b.sync()).statusesSent).toBe(3);
    expect((await env.a.sync()).statusesReceived).toBe(3);
    expect(outbox(doc.documentId!)[0]!.receive_status).toBe('06');
    const codes = env.a.profile.db.prepare('SELECT status_code FROM hub_statuses ORDER BY id').pluck().all();
    expect(codes).toEqual(['01', '03', '04', '05', '06']);
    const described = env.a.profile.db.prepare("SELECT description FROM hub_statuses WHERE status_code = '04'").pluck().get() as string;
    expect(described).toMatch(/^Đã phân công xử lý\.\n.*Ý kiến chỉ đạo của lãnh đạo cơ quan \(Lê Văn Cường, Chủ tịch\): Chủ trì: Phòng Kinh tế \(hạn 30\/12\/2099\); Phối hợp: Văn phòng \(hạn 20\/12\/2099\); Nghiên cứu, trả lời\.$/);
    const finished = env.a.profile.db.prepare("SELECT description FROM hub_statuses WHERE status_code = '06'").pluck().get() as string;
    expect(finished.split('\n')).toHaveLength(4);
    expect(finished).toMatch(/^Đã xử lý xong\.\n.*Ý kiến chỉ đạo.*\n.*Tiến độ giải quyết: Đang xử lý\n.*Tiến độ giải quyết: Hoàn thành$/);
  });

  it('records a redelivered package once', async () => {
    await issueToB('Về việc thử giao lại');
    await env.a.sync();
    env.hub.faults.redeliverAcks = 1;
    expect((await env.b.sync()).received).toBe(1);
    const again = await env.b.sync();
    expect(again).toMatchObject({ received: 0, duplicates: 1 });
    expect(inbox().filter((r) => r.subject === 'Về việc thử giao lại')).toHaveLength(1);
  });

  it('reconciles a send whose answer was lost instead of sending it twice', async () => {
    const before = env.hub.store.packages().length;
    await issueToB('Về việc thử mất câu trả lời');
    Object.assign(env.hub.faults, { dropAfterBytes: 0, dropMode: 'once', dropOperations: ['sendEdoc'] });
    const cut = await env.a.sync();
    expect(cut.outcome).toBe('partial');
    expect(env.a.profile.db.prepare("SELECT count(*) FROM hub_sends WHERE state = 'sending'").pluck().get()).toBe(1);
    const next = await env.a.sync();
    expect(next).toMatchObject({ outcome: 'ok', reconciled: 1, sent: 0 });
    expect(env.hub.store.packages().length).toBe(before + 1);
    await env.b.sync();
    expect(inbox().filter((r) => r.subject === 'Về việc thử mất câu trả lời')).toHaveLength(1);
  });

  it('recalls a document: the request reaches B, B agrees, the registered copy is voided, A hears 15', async () => {
    const doc = await issueToB('Về việc thử thu hồi');
    await env.a.sync();
    await env.b.sync();
    const original = inbox().find((r) => r.subject === 'Về việc thử thu hồi')!;
    const registered = acceptInbox(env.b.profile, original.id as number);
    expectAppError(() => requestRecall(env.a.profile, 999_999, 'x'), 'CONFLICT');
    requestRecall(env.a.profile, doc.documentId!, 'Ban hành nhầm, sẽ ban hành văn bản khác');
    expectAppError(() => requestRecall(env.a.profile, doc.documentId!, 'Lần nữa'), 'CONFLICT', /Đã có yêu cầu thu hồi/);
    expect((await env.a.sync()).sent).toBe(1);
    expect((await env.b.sync()).received).toBe(1);
    const request = env.b.profile.db.prepare('SELECT id, state, business_type, related_inbox_id FROM inbox WHERE business_type = 1').get() as Record<string, number>;
    expect(request).toMatchObject({ state: 'received', related_inbox_id: original.id });
    answerRequest(env.b.profile, request.id!, true, 'Đồng ý thu hồi');
    expectAppError(() => answerRequest(env.b.profile, request.id!, false, 'x'), 'CONFLICT', /đã được trả lời/);
    expect(inbox().find((r) => r.id === original.id)!.state).toBe('recalled');
    expect(env.b.profile.db.prepare('SELECT status, void_reason FROM documents WHERE id = ?').get(registered.id)).toEqual({
      status: 'void',
      void_reason: 'Nơi gửi thu hồi văn bản: Đồng ý thu hồi',
    });
    expect((await env.b.sync()).statusesSent).toBe(1);
    await env.a.sync();
    expect(outbox(doc.documentId!)[0]!.receive_status).toBe('15');

    // The other form of the request: a status 13 about the document.
    const second = await issueToB('Về việc thử lấy lại bằng trạng thái');
    await env.a.sync();
    await env.b.sync();
    const file = join(env.dir, 'lay-lai.edxml');
    const target = inbox().find((r) => r.subject === 'Về việc thử lấy lại bằng trạng thái')!;
    await writeStatusPackage(
      {
        from: agencyOrganization(env.a.profile),
        responseFor: { organId: AGENCY_B.organId, code: `${second.codeNumber}/${second.codeNotation}`, promulgationDate: second.documentDate, documentId: target.edxml_document_id as string },
        staffInfo: { department: '', staff: '', email: '', mobile: '' },
        statusCode: '13',
        description: 'Xin lấy lại văn bản',
        timestamp: null,
      },
      file,
    );
    await env.a.client.sendEdoc(file, { from: SAMPLE_AGENCY.organId, messageType: 'status' });
    expect((await env.b.sync()).statusesReceived).toBe(1);
    const byStatus = env.b.profile.db.prepare('SELECT id, state, related_inbox_id FROM inbox WHERE business_type = 1 AND related_inbox_id = ?').get(target.id) as Record<string, number>;
    expect(byStatus).toMatchObject({ state: 'received', related_inbox_id: target.id });
    expect(getInbox(env.b.profile, byStatus.id!)).toMatchObject({ businessType: 'revoke', subject: 'Về việc thử lấy lại bằng trạng thái', related: { id: target.id } });
  });

  it('rides out a download cut halfway and a burst of 5xx answers', async () => {
    const doc = await issueToB('Về việc thử mạng chập chờn');
    await env.a.sync();
    Object.assign(env.hub.faults, { dropAfterBytes: 20_000, dropMode: 'once', dropOperations: ['downloadEdoc'], errorSeed: 3, errorRate: 0.3 });
    const outcomes: string[] = [];
    try {
      // A 5xx on a send leaves its outcome unknown: that run stops sending, the next reconciles.
      while (outcomes.at(-1) !== 'ok' && outcomes.length < 8) outcomes.push((await env.b.sync()).outcome);
    } finally {
      Object.assign(env.hub.faults, { dropAfterBytes: null, errorRate: 0 });
    }
    expect(outcomes.at(-1)).toBe('ok');
    expect(inbox().filter((r) => r.subject === 'Về việc thử mạng chập chờn')).toHaveLength(1);
    await env.a.sync();
    const arrived = env.a.profile.db.prepare("SELECT count(*) FROM hub_statuses s JOIN outbox o ON o.id = s.outbox_id WHERE o.document_id = ? AND s.status_code = '01'");
    expect(arrived.pluck().get(doc.documentId)).toBe(1);
  });

  it('waits quietly when the hub cannot be reached', async () => {
    const closed = env.hub.url;
    await env.hub.close();
    const offline = await env.a.sync();
    expect(offline).toMatchObject({ outcome: 'offline', sent: 0 });
    expect(offline.messageVi).toMatch(/mạng chuyên dùng: không/);
    expect(closed).toMatch(/^http:/);
  });
});
