import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';
import { bridgeCall, bridgeEnvelope, type TestBridge } from '../support/bridge.ts';
import { type SigningBridge, startSigningBridge } from '../support/signing-bridge.ts';
import { outgoing } from '../support/documents.ts';
import { draftPdf } from '../support/draft-pdf.ts';
import { createNssDb, pdfsigReport } from '../support/nss.ts';
import { CERT_IDS, type SoftHsm } from '../support/softhsm.ts';
import type { TestPki } from '../support/test-pki.ts';

// The signing operations of the API contract, over the loopback bridge (the same dispatch,
// validation and services as the desktop app): settings, token list, approval → number →
// agency on a registered outgoing document, verification, and the failures a clerk meets.
describe('signing through the API contract', () => {
  let env: SigningBridge;
  let pki: TestPki;
  let hsm: SoftHsm;
  let bridge: TestBridge;
  let dir: string;

  beforeAll(async () => {
    env = await startSigningBridge();
    ({ pki, hsm, bridge, dir } = env);
  }, 120_000);
  afterAll(() => env.cleanup());

  const png = (name: string) => readFileSync(join(ROOT, 'resources', 'signing', name)).toString('base64');

  async function outgoingWithDraft(): Promise<{ id: number; sha256: string }> {
    const doc = await bridgeCall(bridge, 'outgoing.register', outgoing());
    const pdf = await draftPdf(join(dir, `draft-${doc.id}.pdf`), { place: 'Xã Hòa Tiến,' });
    const file = await bridgeCall(bridge, 'documents.addAttachment', { documentId: doc.id, name: 'quyet-dinh.pdf', dataBase64: readFileSync(pdf).toString('base64') });
    return { id: doc.id, sha256: file.sha256 };
  }

  it('keeps the signing settings and refuses an image that is not a PNG', async () => {
    const saved = await bridgeCall(bridge, 'signing.saveSettings', {
      modulePaths: [hsm.modulePath],
      trustAnchorDirs: [dir],
      signatureImageBase64: png('signature-placeholder.png'),
      sealImageBase64: png('seal-placeholder.png'),
    });
    expect(saved).toMatchObject({ modulePaths: [hsm.modulePath], trustAnchorDirs: [dir], hasSignatureImage: true, hasSealImage: true, tsaUrl: null });
    const bad = await bridgeEnvelope(bridge, 'signing.saveSettings', { sealImageBase64: Buffer.from('GIF89a not a png').toString('base64') });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
    expect((await bridgeCall(bridge, 'signing.settings', {})).hasSealImage).toBe(true);
  });

  it('lists the SoftHSM tokens with their certificates', async () => {
    const modules = await bridgeCall(bridge, 'token.list', {});
    const softhsm = modules.find((m) => m.status === 'loaded' && m.tokens.some((t) => t.label === 'LANH-DAO'));
    expect(softhsm?.tokens.find((t) => t.label === 'LANH-DAO')?.certificates.map((c) => c.id)).toEqual(expect.arrayContaining([CERT_IDS.rsa, CERT_IDS.ec]));
    // The settings' path: where it came from is said, and no CA is guessed for it.
    expect(softhsm).toMatchObject({ path: hsm.modulePath, source: 'user', provider: null, owner: null });
  });

  it('approves, numbers and issues a registered document; each step is a new stored file and an audit entry', async () => {
    const { id, sha256 } = await outgoingWithDraft();
    const leader = hsm.tokens[0]!;
    const agency = hsm.tokens[1]!;
    const placement = await bridgeCall(bridge, 'signing.placement', { documentId: id, sha256, kind: 'approval' });
    expect(placement.pages).toHaveLength(1);

    const approved = await bridgeCall(bridge, 'signing.sign', {
      modulePath: hsm.modulePath, tokenSerial: leader.serial, certificateId: CERT_IDS.rsa, pin: leader.pin, kind: 'approval',
      items: [{ documentId: id, sha256, placement: { page: 0, rect: [370, 215, 520, 285] } }],
    });
    expect(approved).toMatchObject({ signed: 1, failed: 0, stoppedVi: null });
    const approvedFile = approved.results[0]!.file!;
    expect(approvedFile).toMatchObject({ revisionOf: sha256, revisionKind: 'approval', name: 'quyet-dinh-ky-duyet.pdf' });

    const numbered = await bridgeCall(bridge, 'signing.number', { documentId: id, sha256: approvedFile.sha256 });
    expect(numbered.revisionKind).toBe('number');

    const issued = await bridgeCall(bridge, 'signing.sign', {
      modulePath: hsm.modulePath, tokenSerial: agency.serial, certificateId: CERT_IDS.rsa, pin: agency.pin, kind: 'agency',
      items: [{ documentId: id, sha256: numbered.sha256 }],
    });
    const issuedFile = issued.results[0]!.file!;
    expect(issuedFile.name).toBe('quyet-dinh-ky-phat-hanh.pdf');

    const detail = await bridgeCall(bridge, 'documents.get', { id });
    expect(detail.attachments.map((a) => a.revisionKind)).toEqual([null, 'approval', 'number', 'agency']);
    const audit = await bridgeCall(bridge, 'audit.list', { entityType: 'document', entityId: String(id) });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['document.file.signed', 'document.file.numbered']));

    const report = await bridgeCall(bridge, 'signing.verify', { documentId: id, sha256: issuedFile.sha256 });
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((s) => s.reason)).toEqual(['Ký duyệt', 'Ký phát hành']);
    expect(report.fileName).toBe('quyet-dinh-ky-phat-hanh.pdf');

    // The independent validator agrees.
    const content = await bridgeCall(bridge, 'documents.readAttachment', { documentId: id, sha256: issuedFile.sha256 });
    const out = join(dir, 'issued-api.pdf');
    writeFileSync(out, Buffer.from(content.dataBase64, 'base64'));
    expect(pdfsigReport(createNssDb(join(dir, 'nss-api'), pki.root), out).map((s) => s.valid)).toEqual([true, true]);
  });

  it('refuses a wrong PIN before signing anything, never echoing the PIN', async () => {
    const { id, sha256 } = await outgoingWithDraft();
    const before = (await bridgeCall(bridge, 'documents.get', { id })).attachments.length;
    const answer = await bridgeEnvelope(bridge, 'signing.sign', {
      modulePath: hsm.modulePath, tokenSerial: hsm.tokens[0]!.serial, certificateId: CERT_IDS.rsa, pin: '31415926', kind: 'approval',
      items: [{ documentId: id, sha256 }],
    });
    expect(answer.ok ? null : answer.error.code).toBe('PIN_REJECTED');
    expect(JSON.stringify(answer)).not.toContain('31415926');
    expect((await bridgeCall(bridge, 'documents.get', { id })).attachments.length).toBe(before);
  });

  it('signs a batch around a broken file, and refuses a token that has been pulled out', async () => {
    const docs = [await outgoingWithDraft(), await outgoingWithDraft(), await outgoingWithDraft()];
    const token = hsm.tokens[1]!;
    // The second file is not a PDF: it fails alone and the batch goes on.
    const broken = await bridgeCall(bridge, 'documents.addAttachment', { documentId: docs[1]!.id, name: 'hong.pdf', dataBase64: Buffer.from('%PDF-1.7 broken').toString('base64') });
    const items = [docs[0]!, { id: docs[1]!.id, sha256: broken.sha256 }, docs[2]!].map((d) => ({ documentId: d.id, sha256: d.sha256 }));
    const first = await bridgeCall(bridge, 'signing.sign', {
      modulePath: hsm.modulePath, tokenSerial: token.serial, certificateId: CERT_IDS.rsa, pin: token.pin, kind: 'attachment', items,
    });
    expect(first.results.map((r) => r.status)).toEqual(['signed', 'failed', 'signed']);
    expect(first.results[1]?.messageVi).toMatch(/PDF/);

    rmSync(token.dir, { recursive: true, force: true });
    const second = await bridgeEnvelope(bridge, 'signing.sign', {
      modulePath: hsm.modulePath, tokenSerial: token.serial, certificateId: CERT_IDS.rsa, pin: token.pin, kind: 'attachment', items,
    });
    expect(second.ok ? null : second.error.code).toBe('TOKEN_UNAVAILABLE');
  });
});
