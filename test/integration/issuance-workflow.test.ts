import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/connection.ts';
import type { InputOf, OutputOf } from '../../src/shared/api/contract.ts';
import { bridgeCall, bridgeEnvelope, type TestBridge } from '../support/bridge.ts';
import { type SigningBridge, startSigningBridge } from '../support/signing-bridge.ts';
import { draftPdf } from '../support/draft-pdf.ts';
import { createNssDb, pdfsigReport } from '../support/nss.ts';
import type { TestPki } from '../support/test-pki.ts';

type Issuance = OutputOf<'issuance.get'>;

// The issuance workflow over the loopback bridge (the desktop app's dispatch, validation and
// services), with SoftHSM tokens for the leader and the agency: every transition, every
// refused one, the register row, the outbox, voiding, secrecy and corrections.
describe('issuance workflow through the API contract', () => {
  let env: SigningBridge;
  let pki: TestPki;
  let bridge: TestBridge;
  let dir: string;

  beforeAll(async () => {
    env = await startSigningBridge({ images: true, trustTestRoot: true });
    ({ pki, bridge, dir } = env);
  }, 120_000);
  afterAll(() => env.cleanup());

  let drafts = 0;
  async function create(overrides: Partial<InputOf<'issuance.create'>> = {}): Promise<Issuance> {
    drafts++;
    const main = await draftPdf(join(dir, `draft-${drafts}.pdf`), { place: 'Xã Hòa Tiến,' });
    const attachment = await draftPdf(join(dir, `phu-luc-${drafts}.pdf`), { pages: 2 });
    return bridgeCall(bridge, 'issuance.create', {
      documentType: 'Quyết định',
      subject: 'Về việc thử quy trình phát hành',
      signerName: 'Nguyễn Văn An',
      signerPosition: 'Chủ tịch',
      signerCompetence: 'TM. Ủy ban nhân dân',
      recipients: [{ name: 'Sở Nội vụ thành phố Đà Nẵng', organId: '000.00.12.H17' }, { name: 'Hộ ông Trần Văn Bình' }],
      archive: 'VT, VP',
      main: { name: 'quyet-dinh.pdf', dataBase64: readFileSync(main).toString('base64') },
      attachments: [{ name: 'phu-luc.pdf', dataBase64: readFileSync(attachment).toString('base64') }],
      ...overrides,
    });
  }

  const token = (i: 0 | 1) => env.token(i);
  const steps = {
    submit: (id: number) => bridgeCall(bridge, 'issuance.submit', { id }),
    approve: (id: number) => bridgeCall(bridge, 'issuance.approve', { id, ...token(0) }),
    number: (id: number) => bridgeCall(bridge, 'issuance.number', { id }),
    issue: (id: number) => bridgeCall(bridge, 'issuance.issue', { id, ...token(1) }),
    register: (id: number) => bridgeCall(bridge, 'issuance.register', { id }),
    distribute: (id: number) => bridgeCall(bridge, 'issuance.distribute', { id }),
  } as const;
  type StepName = keyof typeof steps;
  const ORDER: StepName[] = ['submit', 'approve', 'number', 'issue', 'register', 'distribute'];

  async function carry(id: number, until: StepName): Promise<Issuance> {
    let last = await bridgeCall(bridge, 'issuance.get', { id });
    for (const step of ORDER.slice(0, ORDER.indexOf(until) + 1)) last = await steps[step](id);
    return last;
  }

  async function refused(name: 'issuance.submit' | 'issuance.number' | 'issuance.register' | 'issuance.distribute' | 'issuance.approve' | 'issuance.issue' | 'issuance.void', input: object) {
    const answer = await bridgeEnvelope(bridge, name, input);
    if (answer.ok) throw new Error(`${name} was accepted`);
    return answer.error;
  }

  function hubSends(documentId: number) {
    const db = openDatabase(join(bridge.profileDir, 'vanthu.db'));
    try {
      return db
        .prepare('SELECT kind, business_type, state, (SELECT count(*) FROM outbox o WHERE o.send_id = s.id) AS recipients FROM hub_sends s WHERE document_id = ? ORDER BY id')
        .all(documentId);
    } finally {
      db.close();
    }
  }

  const nextNumber = async () => (await bridgeCall(bridge, 'outgoing.preview', { documentType: 'Quyết định' })).number;

  it('carries a draft through every step into the outgoing register, each step a durable state with its audit entry', async () => {
    const draft = await create();
    expect(draft).toMatchObject({ state: 'draft', source: 'import', documentId: null, codeNumber: null, secrecy: 'none' });
    expect(draft.files.map((f) => [f.role, f.step])).toEqual([['main', 'draft'], ['attachment', 'draft']]);
    const before = await nextNumber();

    expect((await steps.submit(draft.id)).state).toBe('submitted');
    const approved = await steps.approve(draft.id);
    expect(approved.state).toBe('approved');
    expect(approved.files.at(-1)).toMatchObject({ role: 'main', step: 'approved', name: 'quyet-dinh-ky-duyet.pdf' });
    // Nothing before numbering takes a number.
    expect(await nextNumber()).toBe(before);

    const numbered = await steps.number(draft.id);
    expect(numbered).toMatchObject({ state: 'numbered', codeNumber: String(before).padStart(2, '0'), codeNotation: 'QĐ-UBND' });
    expect(await nextNumber()).toBe(before + 1);

    const issued = await steps.issue(draft.id);
    expect(issued.state).toBe('issued');
    const signed = issued.files.filter((f) => f.step === 'issued');
    expect(signed.map((f) => [f.role, f.name])).toEqual([['main', 'quyet-dinh-ky-phat-hanh.pdf'], ['attachment', 'phu-luc-ky-so.pdf']]);

    const registered = await steps.register(draft.id);
    expect(registered.state).toBe('registered');
    const row = await bridgeCall(bridge, 'documents.get', { id: registered.documentId! });
    expect(row).toMatchObject({
      direction: 'outgoing',
      codeNumber: numbered.codeNumber,
      codeNotation: 'QĐ-UBND',
      documentTypeName: 'Quyết định',
      subject: 'Về việc thử quy trình phát hành',
      signerName: 'Nguyễn Văn An',
      recipientsText: '- Sở Nội vụ thành phố Đà Nẵng;\n- Hộ ông Trần Văn Bình;\n- Lưu: VT, VP.',
      recipientUnit: 'VT, VP',
      copies: 4,
      pageCount: 1,
      transferDate: row.documentDate,
      status: 'active',
    });
    expect(row.attachments.map((a) => a.revisionKind)).toEqual([null, 'approval', 'number', null, 'agency', 'attachment']);

    const distributed = await steps.distribute(draft.id);
    expect(distributed.state).toBe('distributed');
    expect(distributed.outbox).toEqual([expect.objectContaining({ recipientName: 'Sở Nội vụ thành phố Đà Nẵng', organId: '000.00.12.H17', status: 'pending' })]);
    expect(distributed.recipients.map((r) => r.channel)).toEqual(['electronic', 'paper']);
    // One hub package carries every electronic recipient, queued with the step (docs/sync.md).
    expect(hubSends(distributed.documentId!)).toEqual([{ kind: 'edoc', business_type: 0, state: 'pending', recipients: 1 }]);

    const audit = await bridgeCall(bridge, 'audit.list', { entityType: 'issuance', entityId: String(draft.id) });
    expect(audit.map((e) => e.action).reverse()).toEqual([
      'issuance.create', 'issuance.submit', 'issuance.approve', 'issuance.number', 'issuance.issue', 'issuance.register', 'issuance.distribute',
    ]);

    // The issued file carries both signatures, valid, by our verifier and by pdfsig.
    const main = signed[0]!;
    const report = await bridgeCall(bridge, 'signing.verify', { documentId: row.id, sha256: main.sha256 });
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((s) => s.reason)).toEqual(['Ký duyệt', 'Ký phát hành']);
    const content = await bridgeCall(bridge, 'documents.readAttachment', { documentId: row.id, sha256: main.sha256 });
    const out = join(dir, 'issued.pdf');
    writeFileSync(out, Buffer.from(content.dataBase64, 'base64'));
    expect(pdfsigReport(createNssDb(join(dir, 'nss'), pki.root), out).map((s) => s.valid)).toEqual([true, true]);
    const attachmentReport = await bridgeCall(bridge, 'signing.verify', { documentId: row.id, sha256: signed[1]!.sha256 });
    expect(attachmentReport.verdict).toBe('valid');
    expect(attachmentReport.signatures.map((s) => s.reason)).toEqual(['Ký tệp đính kèm']);
  });

  it('refuses a skipped step and a step done twice, changing nothing', async () => {
    const draft = await create();
    const before = await nextNumber();
    expect(await refused('issuance.number', { id: draft.id })).toMatchObject({ code: 'CONFLICT', message: 'Văn bản chưa ký duyệt: phải ký duyệt trước khi cấp số.' });
    expect(await refused('issuance.approve', { id: draft.id, ...token(0) })).toMatchObject({ code: 'CONFLICT', message: 'Văn bản chưa trình ký: phải trình ký trước khi ký duyệt.' });
    await steps.submit(draft.id);
    expect(await refused('issuance.submit', { id: draft.id })).toMatchObject({ code: 'CONFLICT', message: 'Văn bản đã trình ký rồi: mỗi bước chỉ làm một lần.' });
    expect((await refused('issuance.issue', { id: draft.id, ...token(1) })).message).toMatch(/chưa cấp số/);
    await steps.approve(draft.id);
    expect((await refused('issuance.approve', { id: draft.id, ...token(0) })).message).toBe('Văn bản đã ký duyệt rồi: mỗi bước chỉ làm một lần.');
    expect((await refused('issuance.register', { id: draft.id })).message).toMatch(/chưa ký phát hành/);
    await steps.number(draft.id);
    expect((await refused('issuance.number', { id: draft.id })).message).toBe('Văn bản đã cấp số rồi: mỗi bước chỉ làm một lần.');
    expect(await nextNumber()).toBe(before + 1);
    const after = await bridgeCall(bridge, 'issuance.get', { id: draft.id });
    expect(after.state).toBe('numbered');
    expect(after.files.filter((f) => f.step === 'approved')).toHaveLength(1);
  });

  it('voids an issued document: the number stays in the register as void, sending is cancelled, nothing follows', async () => {
    const doc = await carry((await create()).id, 'distribute');
    expect(doc.outbox.map((o) => o.status)).toEqual(['pending']);
    const voided = await bridgeCall(bridge, 'issuance.void', { id: doc.id, reason: 'Sai đối tượng áp dụng' });
    expect(voided).toMatchObject({ state: 'void', voidReason: 'Sai đối tượng áp dụng', codeNumber: doc.codeNumber });
    expect(voided.outbox.map((o) => o.status)).toEqual(['cancelled']);
    expect(hubSends(doc.documentId!)).toEqual([{ kind: 'edoc', business_type: 0, state: 'cancelled', recipients: 1 }]);
    expect(await bridgeCall(bridge, 'documents.get', { id: doc.documentId! })).toMatchObject({ status: 'void', voidReason: 'Sai đối tượng áp dụng', number: Number(doc.codeNumber) });
    expect((await refused('issuance.void', { id: doc.id, reason: 'Lần nữa' })).message).toBe('Văn bản này đã bị hủy trước đó.');
    expect((await refused('issuance.distribute', { id: doc.id })).message).toBe('Văn bản này đã bị hủy: không làm tiếp bước nào được.');
    // The voided number is never reused.
    expect(await nextNumber()).toBe(Number(doc.codeNumber) + 1);

    const early = await carry((await create()).id, 'number');
    expect((await bridgeCall(bridge, 'issuance.void', { id: early.id, reason: 'Cấp nhầm' })).state).toBe('void');
    expect((await refused('issuance.issue', { id: early.id, ...token(1) })).message).toMatch(/đã bị hủy/);
  });

  it('withdraws a draft before numbering: no number used, no register row, files and history kept', async () => {
    const draft = await carry((await create()).id, 'approve');
    const before = await nextNumber();
    const withdrawn = await bridgeCall(bridge, 'issuance.void', { id: draft.id, reason: 'Lãnh đạo không ban hành nữa' });
    expect(withdrawn).toMatchObject({ state: 'void', voidReason: 'Lãnh đạo không ban hành nữa', documentId: null, codeNumber: null });
    expect(withdrawn.files.map((f) => f.step)).toEqual(draft.files.map((f) => f.step));
    expect(await nextNumber()).toBe(before);
    expect((await refused('issuance.number', { id: draft.id })).message).toMatch(/đã bị hủy/);
    const audit = await bridgeCall(bridge, 'audit.list', { entityType: 'issuance', entityId: String(draft.id) });
    expect(audit.find((e) => e.action === 'issuance.withdraw')?.details).toMatchObject({ from: 'approved', documentId: null, reason: 'Lãnh đạo không ban hành nữa' });
  });

  it('drafts a secret document only when the profile allows it, and never queues it for electronic sending', async () => {
    const main = await draftPdf(join(dir, 'mat.pdf'), { place: 'Xã Hòa Tiến,' });
    const secretInput = {
      documentType: 'Quyết định', subject: 'Văn bản mật thử', signerName: 'Nguyễn Văn An', secrecy: 'mat' as const,
      recipients: [{ name: 'Công an thành phố Đà Nẵng', organId: '000.00.15.H17' }],
      main: { name: 'mat.pdf', dataBase64: readFileSync(main).toString('base64') },
    };
    const forbidden = await bridgeEnvelope(bridge, 'issuance.create', secretInput);
    expect(forbidden.ok ? null : forbidden.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Văn bản mật không được soạn thảo/) });
    expect((await bridgeCall(bridge, 'issuance.list', {})).rows.some((r) => r.secrecy !== 'none')).toBe(false);

    expect(await bridgeCall(bridge, 'issuance.saveSettings', { allowSecretDrafts: true })).toEqual({ allowSecretDrafts: true });
    const secret = await bridgeCall(bridge, 'issuance.create', secretInput);
    expect(secret.recipients.map((r) => r.channel)).toEqual(['paper']);
    // Numbered only in a separate secret series (nd30-rules §2), which must exist first.
    await carry(secret.id, 'approve');
    expect((await refused('issuance.number', { id: secret.id })).message).toMatch(/sổ văn bản mật riêng/);
    const ordinaryNext = await nextNumber();
    const series = await bridgeCall(bridge, 'series.save', { name: 'Sổ văn bản mật đi', direction: 'outgoing', secret: true });
    expect(series).toMatchObject({ secret: true, documentTypes: [] });
    for (const step of ['number', 'issue', 'register', 'distribute'] as const) await steps[step](secret.id);
    const distributed = await bridgeCall(bridge, 'issuance.get', { id: secret.id });
    expect(distributed).toMatchObject({ state: 'distributed', codeNumber: '01', codeNotation: 'QĐ-UBND-M' });
    const row = await bridgeCall(bridge, 'documents.get', { id: distributed.documentId! });
    expect(row.registerId).not.toBe((await bridgeCall(bridge, 'documents.get', { id: (await carry((await create()).id, 'number')).documentId! })).registerId);
    expect(await nextNumber()).toBe(ordinaryNext + 1);
    expect(distributed.state).toBe('distributed');
    expect(distributed.outbox).toEqual([]);
    expect(hubSends(distributed.documentId!)).toEqual([]);
    const audit = await bridgeCall(bridge, 'audit.list', { entityType: 'issuance', entityId: String(secret.id) });
    expect(audit.find((e) => e.action === 'issuance.distribute')?.details).toMatchObject({ electronic: [], paper: ['Công an thành phố Đà Nẵng'], secret: 'mat' });
    await bridgeCall(bridge, 'issuance.saveSettings', { allowSecretDrafts: false });
  });

  it('links an amending document and a corrective công văn to the original, noted in the register', async () => {
    const original = await carry((await create()).id, 'register');
    const main = await draftPdf(join(dir, 'dinh-chinh.pdf'), { place: 'Xã Hòa Tiến,' });
    const base = {
      subject: 'Đính chính lỗi thể thức',
      signerName: 'Nguyễn Văn An',
      recipients: [{ name: 'Sở Nội vụ thành phố Đà Nẵng', organId: '000.00.12.H17' }],
      main: { name: 'dinh-chinh.pdf', dataBase64: readFileSync(main).toString('base64') },
      originalDocumentId: original.documentId!,
    };
    const wrongType = await bridgeEnvelope(bridge, 'issuance.correct', { ...base, documentType: 'Quyết định', relation: 'corrects' });
    expect(wrongType.ok ? null : wrongType.error.message).toMatch(/đính chính bằng công văn/);
    const corrective = await bridgeCall(bridge, 'issuance.correct', { ...base, documentType: 'Công văn', unitAbbreviation: 'VP', relation: 'corrects' });
    expect(corrective).toMatchObject({ relation: 'corrects', relatedDocumentId: original.documentId, documentTypeName: 'Công văn' });
    const registered = await carry(corrective.id, 'register');
    expect(registered.codeNotation).toBe('UBND-VP');
    const row = await bridgeCall(bridge, 'documents.get', { id: registered.documentId! });
    expect(row.notes).toBe(`Đính chính văn bản số ${original.codeNumber}/QĐ-UBND ngày ${original.documentDate!.split('-').reverse().join('/')}.`);

    const amending = await bridgeCall(bridge, 'issuance.correct', { ...base, subject: 'Sửa đổi Điều 2', documentType: 'Quyết định', relation: 'amends' });
    expect(amending).toMatchObject({ relation: 'amends', relatedDocumentId: original.documentId, state: 'draft' });
  });

  it('writes the outbox rows in the same transaction as the step: one failing insert leaves neither rows nor the new state', async () => {
    const doc = await carry(
      (
        await create({
          recipients: [
            { name: 'Sở Nội vụ thành phố Đà Nẵng', organId: '000.00.12.H17' },
            { name: 'Sở Tài chính thành phố Đà Nẵng', organId: '000.00.13.H17' },
          ],
        })
      ).id,
      'register',
    );
    // Another program already queued the second recipient: the step's second insert fails.
    const db = openDatabase(join(bridge.profileDir, 'vanthu.db'));
    try {
      db.prepare("INSERT INTO outbox (document_id, recipient_name, organ_id, created_at, updated_at) VALUES (?, 'Sở Tài chính', '000.00.13.H17', 'now', 'now')").run(doc.documentId);
    } finally {
      db.close();
    }
    const failed = await bridgeEnvelope(bridge, 'issuance.distribute', { id: doc.id });
    expect(failed.ok).toBe(false);
    const after = await bridgeCall(bridge, 'issuance.get', { id: doc.id });
    expect(after.state).toBe('registered');
    expect(after.outbox).toEqual([]);
    const audit = await bridgeCall(bridge, 'audit.list', { entityType: 'issuance', entityId: String(doc.id) });
    expect(audit.map((e) => e.action)).not.toContain('issuance.distribute');
  });

  it("uses a rendered draft's placeholders for the number, the date and the approval signature", async () => {
    const doc = await create({
      placeholders: {
        number: { page: 0, rect: [200, 700, 290, 716], baseline: 703, size: 13 },
        date: { page: 0, rect: [300, 640, 560, 656], baseline: 643, size: 13 },
        signature: { page: 0, rect: [100, 400, 250, 470] },
      },
    });
    const numbered = await carry(doc.id, 'number');
    const file = numbered.files.find((f) => f.step === 'numbered')!;
    const content = await bridgeCall(bridge, 'documents.readAttachment', { documentId: numbered.documentId!, sha256: file.sha256 });
    const path = join(dir, 'placed.pdf');
    writeFileSync(path, Buffer.from(content.dataBase64, 'base64'));
    const words = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
    const xs = (text: string) => [...words.matchAll(/xMin="([\d.]+)"[^>]*>([^<]*)</g)].filter((m) => m[2] === text).map((m) => Math.round(Number(m[1])));
    expect(xs(`${numbered.codeNumber}/QĐ-UBND`)).toEqual([200]);
    // The date placeholder takes the whole "place, ngày …" line (the draft's own place is at 330).
    expect(xs('Xã')).toEqual([330, 300]);
    // The approval widget fills the signature placeholder (the image is fitted inside it).
    const objects = Object.values((JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', path], { encoding: 'utf8' })) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] }).qpdf[1]);
    const widget = objects.map((o) => o.value).find((v) => v?.['/FT'] === '/Sig');
    expect(widget?.['/Rect']).toEqual([100, 400, 250, 470]);
  });

  it('numbers gaplessly: every outgoing number of the year from 1, each once, only for numbered documents', async () => {
    const year = Number((await bridgeCall(bridge, 'app.info', {})).today.slice(0, 4));
    const rows = (await bridgeCall(bridge, 'documents.list', { direction: 'outgoing', year, sort: 'number', order: 'asc', limit: 500 })).rows;
    // A new profile numbers every ordinary type in its one outgoing series (docs/numbering.md);
    // the secret documents in their own series, also from 01.
    const names = [...new Set(rows.map((r) => r.seriesName))].sort();
    expect(names).toEqual(['Sổ văn bản mật đi', 'Sổ văn bản đi']);
    for (const name of names) {
      const numbers = rows.filter((r) => r.seriesName === name).map((r) => r.number);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
    const numberedIssuances = (await bridgeCall(bridge, 'issuance.list', { limit: 500 })).rows.filter((r) => r.documentId !== null);
    expect(numberedIssuances.length).toBe(rows.length);
  });
});
