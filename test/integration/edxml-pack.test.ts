import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackage } from '../../src/main/edxml/read-package.ts';
import { hashFile } from '../../src/main/files/blob-store.ts';
import { voidIssuance } from '../../src/main/issuance/void-issuance.ts';
import { saveAgencyProfile } from '../../src/main/registry/agency-repo.ts';
import { getDocument, listAttachments } from '../../src/main/registry/documents.ts';
import { buildDocumentPackage } from '../../src/main/sync/document-package.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { ADMINISTRATIVE_TYPES } from '../../src/shared/domain/document-types.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { vanthu } from '../support/cli.ts';
import { issueDocument } from '../support/issued-document.ts';
import { fixedClock, newProfile, SAMPLE_AGENCY, tempDir } from '../support/temp-profile.ts';
import { createTestPki, type TestPki } from '../support/test-pki.ts';

const AGENCY = {
  ...SAMPLE_AGENCY,
  phone: '0236 3846 123',
  email: 'ubnd.hoatien@danang.gov.vn',
  website: 'hoatien.danang.gov.vn',
};
const TO = ['000.00.12.H17', '000.47.24.H17'];

// Packages built from documents carried through the real issuance workflow (real PDFs, real
// signatures by software keys, real SQLite profile and blob store), read back by our reader.
describe('edXML document package of an outgoing document', () => {
  let pki: TestPki;
  let setup: ReturnType<typeof newProfile>;
  let scratch: ReturnType<typeof tempDir>;
  const clock = fixedClock(new Date().toISOString());
  let outCount = 0;

  // Each package in its own empty folder, so "nothing written" means an empty folder.
  function outFolder(): string {
    outCount++;
    const dir = join(scratch.dir, `out-${outCount}`);
    mkdirSync(dir);
    return dir;
  }

  beforeAll(async () => {
    pki = await createTestPki();
    setup = newProfile(clock);
    saveAgencyProfile(setup.profile, agencyProfileInput.parse(AGENCY));
    scratch = tempDir();
  }, 60_000);
  afterAll(() => {
    setup?.cleanup();
    scratch?.cleanup();
  });

  it('carries the header fields and the agency-signed files, byte for byte', async () => {
    const p = setup.profile;
    const issued = await issueDocument(p, pki, scratch.dir, { priority: 'khan' });
    const documentId = issued.documentId as number;
    const doc = getDocument(p, documentId);
    const out = join(outFolder(), 'goi.edxml');

    const built = await buildDocumentPackage(p, documentId, out, {
      staff: { department: 'Văn phòng', staff: 'Lê Thị Cúc', email: 'vanthu@hoatien.gov.vn', mobile: '0905000111' },
    });
    const [y, m, d] = doc.documentDate.split('-');
    const expectedId = `000.46.24.H17,${y}/${m}/${d},${doc.codeNumber}/QĐ-UBND`;
    expect(built).toMatchObject({ path: out, recipients: TO, documentId: expectedId });
    expect(built.sha256).toBe(hashFile(out));

    const read = await readPackage(out, { outputDir: join(scratch.dir, `read-${outCount}`) });
    if (read.kind !== 'document') throw new Error('not a document package');
    const h = read.header;
    expect(h.documentId).toBe(expectedId);
    expect(h.from).toEqual({
      organId: '000.46.24.H17',
      organizationInCharge: AGENCY.parentName,
      organName: AGENCY.name,
      organAdd: AGENCY.address,
      email: AGENCY.email,
      telephone: AGENCY.phone,
      fax: '',
      website: AGENCY.website,
    });
    expect(h.to.map((t) => [t.organId, t.organName])).toEqual([
      [TO[0], 'Sở Nội vụ thành phố Đà Nẵng'],
      [TO[1], 'Ủy ban nhân dân xã Hòa Phong'],
    ]);
    expect(h.code).toEqual({ codeNumber: doc.codeNumber, codeNotation: 'QĐ-UBND' });
    expect(h.promulgation).toEqual({ place: 'Xã Hòa Tiến', date: doc.documentDate });
    const quyetDinh = ADMINISTRATIVE_TYPES.find((t) => t.key === 'quyet-dinh')!;
    expect(h.documentType).toEqual({ type: quyetDinh.edxmlCode, typeDetail: 0, typeName: 'Quyết định' });
    expect(h.subject).toBe('Về việc thử gói tin liên thông');
    expect(h.signer).toEqual({ competence: 'TM. Ủy ban nhân dân', position: 'Chủ tịch', fullName: 'Nguyễn Văn An' });
    // Three recipients and two archive units: five copies (register-step rule); one page.
    expect(h.otherInfo).toMatchObject({ priority: 1, promulgationAmount: 5, pageAmount: 1, direction: false, sphereOfPromulgation: '' });
    expect(h.steeringType).toBe(1);
    expect(h.responseFor).toEqual([]);
    expect(h.toPlaces).toEqual(['Sở Nội vụ thành phố Đà Nẵng', 'Ủy ban nhân dân xã Hòa Phong', 'Hộ ông Trần Văn Bình', 'Lưu: VT, VP']);
    const now = new Date(clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 19);
    expect(read.trace.traceHeaders).toEqual([{ organId: '000.46.24.H17', timestamp: now }]);
    expect(read.trace.business).toMatchObject({
      documentId: expectedId,
      businessDocType: 0,
      paper: false,
      staffInfo: { department: 'Văn phòng', staff: 'Lê Thị Cúc', email: 'vanthu@hoatien.gov.vn', mobile: '0905000111' },
    });

    // The legal original (the agency revision) and the signed attachment; never the draft, the
    // approval-only or the numbered revisions.
    const files = listAttachments(p, documentId);
    const agency = files.find((f) => f.revisionKind === 'agency')!;
    const signedAttachment = files.find((f) => f.revisionKind === 'attachment')!;
    expect(read.attachments.map((a) => [a.name, a.sha256, a.zipped])).toEqual([
      [agency.name, agency.sha256, false],
      [signedAttachment.name, signedAttachment.sha256, false],
    ]);
    expect(read.manifest.map((r) => r.contentType)).toEqual(['application/pdf', 'application/pdf']);
    for (const a of read.attachments) expect(hashFile(a.storedPath)).toBe(hashFile(p.blobs.pathOf(a.sha256)));
    const notSent = files.filter((f) => f.revisionKind !== 'agency' && f.revisionKind !== 'attachment').map((f) => f.sha256);
    expect(notSent).toHaveLength(4);
    for (const sha of notSent) expect(read.attachments.map((a) => a.sha256)).not.toContain(sha);
  }, 60_000);

  it('addresses the issuance recipients with an organId before distribution', async () => {
    const p = setup.profile;
    const issued = await issueDocument(p, pki, scratch.dir, {}, 'issued');
    // 4 (Hỏa tốc hẹn giờ) exists in registers filled from older systems; it is never produced.
    p.db.prepare('UPDATE documents SET priority = 4 WHERE id = ?').run(issued.documentId);
    const out = join(outFolder(), 'goi.edxml');
    const built = await buildDocumentPackage(p, issued.documentId as number, out);
    expect(built.recipients).toEqual(TO);
    const read = await readPackage(out, { outputDir: join(scratch.dir, 'read-issued') });
    if (read.kind !== 'document') throw new Error('not a document package');
    expect(read.header.to.map((t) => t.organId)).toEqual(TO);
    // Not registered yet: no copy count or page count in the register row.
    expect(read.header.otherInfo).toMatchObject({ priority: 3, promulgationAmount: 0, pageAmount: 0 });
  }, 60_000);

  it('refuses a secret document before writing anything, citing the state-secrets law', async () => {
    const p = setup.profile;
    const issued = await issueDocument(p, pki, scratch.dir, { secrecy: 'mat' });
    const folder = outFolder();
    const error = await expectAppErrorAsync(() => buildDocumentPackage(p, issued.documentId as number, join(folder, 'mat.edxml')), 'FORBIDDEN', /29\/2018\/QH14/);
    expect(error.message).toMatch(/secret/);
    expect(readdirSync(folder)).toEqual([]);
  }, 60_000);

  it('refuses a voided document, and recalls it from the recipients it reached', async () => {
    const p = setup.profile;
    const issued = await issueDocument(p, pki, scratch.dir);
    const documentId = issued.documentId as number;
    // As if the sync had delivered to the first recipient before the document was voided.
    p.db.prepare("UPDATE outbox SET status = 'sent' WHERE document_id = ? AND organ_id = ?").run(documentId, TO[0]);
    voidIssuance(p, issued.id, 'Sai thẩm quyền ban hành');

    const folder = outFolder();
    await expectAppErrorAsync(() => buildDocumentPackage(p, documentId, join(folder, 'huy.edxml')), 'CONFLICT', /đã bị hủy/);
    expect(readdirSync(folder)).toEqual([]);

    const out = join(folder, 'thu-hoi.edxml');
    const built = await buildDocumentPackage(p, documentId, out, { businessType: 1, reason: 'Văn bản ban hành sai thẩm quyền' });
    expect(built.recipients).toEqual([TO[0]]);
    const read = await readPackage(out, { outputDir: join(scratch.dir, `read-revoke`) });
    if (read.kind !== 'document') throw new Error('not a document package');
    expect(read.header.responseFor).toEqual([
      { organId: '000.46.24.H17', code: `${read.header.code.codeNumber}/QĐ-UBND`, promulgationDate: read.header.promulgation.date, documentId: built.documentId },
    ]);
    expect(read.trace.business).toMatchObject({ documentId: built.documentId, businessDocType: 1, reason: 'Văn bản ban hành sai thẩm quyền' });
    expect(read.attachments).toEqual([]);
  }, 60_000);

  it('sends an update with the same DocumentId, the samples\' reason by default and the signed files', async () => {
    const p = setup.profile;
    const issued = await issueDocument(p, pki, scratch.dir);
    const out = join(outFolder(), 'cap-nhat.edxml');
    const built = await buildDocumentPackage(p, issued.documentId as number, out, { businessType: 2 });
    const read = await readPackage(out, { outputDir: join(scratch.dir, 'read-update') });
    if (read.kind !== 'document') throw new Error('not a document package');
    expect(read.header.documentId).toBe(built.documentId);
    expect(read.trace.business).toMatchObject({
      documentId: built.documentId,
      businessDocType: 2,
      reason: 'Cập nhật văn bản điện tử',
      documentInfo: { documentInfo: true, documentReceiver: false, receiverList: [] },
    });
    expect(read.attachments).toHaveLength(2);
  }, 60_000);

  it('refuses a document with no electronic recipient', async () => {
    const p = setup.profile;
    const issued = await issueDocument(p, pki, scratch.dir, { recipients: [{ name: 'Hộ ông Trần Văn Bình', organId: null }] });
    const folder = outFolder();
    await expectAppErrorAsync(() => buildDocumentPackage(p, issued.documentId as number, join(folder, 'x.edxml')), 'INVALID_INPUT', /mã định danh/);
    expect(readdirSync(folder)).toEqual([]);
  }, 60_000);

  it('vanthu edxml pack writes the package and prints JSON', async () => {
    const p = setup.profile;
    const issued = await issueDocument(p, pki, scratch.dir);
    const out = join(outFolder(), 'cli.edxml');
    const run = vanthu(['edxml', 'pack', '--profile', setup.dir, '--document', String(issued.documentId), '--out', out, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const json = run.json<{ path: string; bytes: number; sha256: string; recipients: string[]; documentId: string }>();
    expect(json).toMatchObject({ path: out, recipients: TO });
    expect(json.documentId).toMatch(/^000\.46\.24\.H17,\d{4}\/\d{2}\/\d{2},\d+\/QĐ-UBND$/);
    expect(existsSync(out)).toBe(true);
    expect(json.sha256).toBe(hashFile(out));
    expect(json.bytes).toBe(statSync(out).size);

    const refused = vanthu(['edxml', 'pack', '--profile', setup.dir, '--document', '999999', '--out', join(scratch.dir, 'none.edxml'), '--json']);
    // An unknown document is bad input: exit 2, NOT_FOUND naming it, and no file written.
    expect(refused.status).toBe(2);
    expect(JSON.parse(refused.stderr)).toMatchObject({ ok: false, code: 'NOT_FOUND', detail: 'document 999999 not found' });
    expect(existsSync(join(scratch.dir, 'none.edxml'))).toBe(false);
  }, 60_000);
});
