import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridgeServices } from '../../src/dev/bridge-server.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import type { Services } from '../../src/main/services/create-services.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/shared/api/contract.ts';
import type { Envelope } from '../../src/shared/api/envelope.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { pdfLibSample } from '../support/pdf-samples.ts';
import { fixedClock, SAMPLE_AGENCY, tempDir } from '../support/temp-profile.ts';

// The caseFiles.* operations through the one dispatcher the app and the bridge use: inputs and
// outputs checked against the contract, refusals as envelopes with the Vietnamese message.
describe('caseFiles.* through the dispatcher', () => {
  const t = tempDir('vanthu-casefiles-api-');
  const profileDir = join(t.dir, 'profile');
  let services: Services;
  const call = async <K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const e = (await services.dispatch(name, input)) as Envelope<OutputOf<K>>;
    if (!e.ok) throw new Error(`${name}: ${e.error.code} ${e.error.message}`);
    return e.value;
  };
  const refusal = async (name: OperationName, input: unknown) => {
    const e = await services.dispatch(name, input);
    if (e.ok) throw new Error(`${name} was not refused`);
    return e.error;
  };

  beforeAll(() => {
    const clock = fixedClock('2026-03-10T02:00:00Z');
    initProfile(profileDir, agencyProfileInput.parse(SAMPLE_AGENCY), { clock, actor: 'test' }).close();
    services = createBridgeServices({ profileDir, clock });
  });
  afterAll(async () => {
    await services.close();
    t.cleanup();
  });

  it('runs the plan, filing, closing and handover, and answers a frozen document with FORBIDDEN', async () => {
    expect(await call('caseFiles.plan', { year: 2026 })).toBeNull();
    const plan = await call('caseFiles.createPlan', { year: 2026, numbering: 'plan' });
    const th = plan.headings.find((h) => h.abbreviation === 'TH')!;
    const withSub = await call('caseFiles.saveHeading', { planId: plan.id, parentId: th.id, title: 'Hội nghị' });
    const sub = withSub.headings.find((h) => h.title === 'Hội nghị')!;
    expect(sub).toMatchObject({ numeral: '3', abbreviation: null });
    const file = await call('caseFiles.saveFile', { headingId: sub.id, title: 'Hồ sơ hội nghị tổng kết', retentionYears: null, creator: 'Lê Thị Hoa' });
    expect(file).toMatchObject({ notation: '01.TH', retentionLabel: 'Vĩnh viễn', fileCode: '000.46.24.H17.2026.01.TH' });
    expect((await refusal('caseFiles.saveFile', { headingId: sub.id, title: 'X', retentionYears: 0, creator: 'A' })).code).toBe('INVALID_INPUT');
    await call('caseFiles.approvePlan', { year: 2026, decisionNumber: '05/QĐ-UBND', decisionDate: '2026-01-05', decisionBy: 'Chủ tịch UBND xã' });

    const pdf = await pdfLibSample(join(t.dir, 'hai.pdf'), { objectStreams: false, pages: 2 });
    const doc = await call('incoming.register', {
      issuingAgency: 'UBND huyện',
      codeNumber: '7',
      codeNotation: 'UBND-VP',
      documentDate: '2026-03-09',
      documentType: 'Công văn',
      subject: 'Về hội nghị tổng kết',
      attachments: [{ name: 'hai.pdf', dataBase64: readFileSync(pdf).toString('base64') }],
    });
    expect(doc.caseFiles).toEqual([]);
    await call('caseFiles.addDocument', { caseFileId: file.id, documentId: doc.id });
    expect((await call('documents.get', { id: doc.id })).caseFiles).toEqual(['01.TH']);
    expect((await call('documents.list', { direction: 'incoming', caseFile: '01.TH' })).rows.map((r) => r.id)).toEqual([doc.id]);
    expect((await call('caseFiles.ofDocument', { documentId: doc.id })).map((f) => f.id)).toEqual([file.id]);
    expect((await call('caseFiles.detail', { id: file.id })).documents).toMatchObject([{ docOrdinal: 1, pages: 2, pageFrom: 1, pageTo: 2, numberNotation: '7/UBND-VP' }]);
    expect((await call('caseFiles.list', { year: 2026, query: 'tong ket' })).map((f) => f.notation)).toEqual(['01.TH']);

    expect(await call('caseFiles.close', { id: file.id })).toMatchObject({ status: 'closed', docTotal: 1, pageTotal: 2, handoverDueDate: '2027-03-10' });
    expect((await call('caseFiles.dueHandovers', { withinDays: 366 })).files.map((f) => f.file.id)).toEqual([file.id]);
    const h = await call('caseFiles.handOver', { year: 2026, fileIds: [file.id], giverName: 'Lê Thị Hoa', receiverName: 'Trần Văn Lưu' });
    expect((await call('caseFiles.handover', { id: h.id })).files.map((f) => f.status)).toEqual(['handed_over']);
    expect((await call('caseFiles.handovers', { year: 2026 })).map((x) => x.id)).toEqual([h.id]);

    const frozen = await refusal('documents.update', { id: doc.id, subject: 'Sửa' });
    expect(frozen).toMatchObject({ code: 'FORBIDDEN', data: { caseFileId: file.id, notation: '01.TH' } });
    expect(frozen.message).toMatch(/hồ sơ 01\.TH năm 2026 đã nộp lưu/);
    expect((await refusal('caseFiles.reopen', { id: file.id, reason: 'Sửa' })).code).toBe('FORBIDDEN');
    const audit = await call('audit.list', { limit: 2 });
    expect(audit.map((e) => e.action)).toEqual(['caseFile.frozen.refused', 'caseFile.frozen.refused']);
  });

  it('refuses to sign or number a file of a handed-over outgoing document before any token is asked', async () => {
    const plan = await call('caseFiles.createPlan', { year: 2025, numbering: 'plan' });
    const vp = plan.headings.find((h) => h.abbreviation === 'VP')!;
    const file = await call('caseFiles.saveFile', { headingId: vp.id, title: 'Hồ sơ công văn đi', retentionYears: 10, creator: 'Lê Thị Hoa' });
    const pdf = await pdfLibSample(join(t.dir, 'di.pdf'), { objectStreams: false, pages: 1 });
    const doc = await call('outgoing.register', {
      documentType: 'Công văn',
      subject: 'Về lịch tiếp công dân',
      unitAbbreviation: 'VP',
      signerName: 'Nguyễn Văn An',
      signerPosition: 'Chủ tịch',
      attachments: [{ name: 'di.pdf', dataBase64: readFileSync(pdf).toString('base64') }],
    });
    await call('caseFiles.approvePlan', { year: 2025, decisionNumber: '02/QĐ-UBND', decisionDate: '2025-01-06', decisionBy: 'Chủ tịch UBND xã' });
    await call('caseFiles.addDocument', { caseFileId: file.id, documentId: doc.id });
    await call('caseFiles.close', { id: file.id });
    await call('caseFiles.handOver', { year: 2025, fileIds: [file.id], giverName: 'Lê Thị Hoa', receiverName: 'Trần Văn Lưu' });
    const sha256 = (await call('documents.get', { id: doc.id })).attachments[0]?.sha256 ?? '';
    // The module named does not exist: asking the token first would fail otherwise.
    const token = { modulePath: join(t.dir, 'khong-co-module.so'), tokenSerial: '1', certificateId: 'ab', pin: '123456' };
    expect(await refusal('signing.sign', { ...token, kind: 'attachment', items: [{ documentId: doc.id, sha256 }] })).toMatchObject({ code: 'FORBIDDEN', data: { notation: file.notation } });
    expect(await refusal('signing.number', { documentId: doc.id, sha256 })).toMatchObject({ code: 'FORBIDDEN', data: { notation: file.notation } });
    expect((await call('documents.get', { id: doc.id })).attachments).toHaveLength(1);
    expect((await call('audit.list', { limit: 2 })).map((e) => e.action)).toEqual(['caseFile.frozen.refused', 'caseFile.frozen.refused']);
  });
});
