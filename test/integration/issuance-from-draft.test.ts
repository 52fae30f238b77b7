import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftInput } from '../../src/shared/api/schemas/draft.ts';
import { bridgeCall, bridgeEnvelope } from '../support/bridge.ts';
import { ROOT } from '../support/cli.ts';
import { createNssDb, pdfsigReport } from '../support/nss.ts';
import { type SigningBridge, startSigningBridge } from '../support/signing-bridge.ts';

// A draft written in the app goes through the whole workflow: the renderer's placeholders decide
// where the approval signature, the number and the date land, and the independent validator
// accepts the result.
describe('a rendered draft through issuance', () => {
  let env: SigningBridge;
  beforeAll(async () => {
    env = await startSigningBridge({ images: true });
  }, 120_000);
  afterAll(() => env.cleanup());

  const example = (name: string) => JSON.parse(readFileSync(join(ROOT, 'resources', 'drafts', 'examples', `${name}.json`), 'utf8')) as DraftInput;

  it('previews a draft without storing it, and names the field of a bad one', async () => {
    const preview = await bridgeCall(env.bridge, 'drafts.preview', { draft: example('cong-van') });
    expect(Buffer.from(preview.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // The công văn example is one page.
    expect(preview.pages).toBe(1);
    expect(preview.placeholders.signature?.rect[0]).toBeGreaterThan(595.28 / 2 - 1);
    expect((await bridgeCall(env.bridge, 'issuance.list', { offset: 0, limit: 50 })).total).toBe(0);
    const bad = await bridgeEnvelope(env.bridge, 'drafts.preview', { draft: { ...example('cong-van'), subject: '' } });
    expect(bad.ok ? null : bad.error.message).toMatch(/Trích yếu/);
  });

  it('approves, numbers and issues at the placeholders; pdfsig accepts both signatures', async () => {
    const created = await bridgeCall(env.bridge, 'issuance.createFromDraft', {
      draft: example('cong-van'),
      recipients: [{ name: 'Sở Nội vụ thành phố Đà Nẵng', organId: '000.00.12.H17' }],
      archive: 'VT, VP',
    });
    // "Số:" is on the first page of a công văn.
    expect(created.placeholders?.number).toMatchObject({ page: 0 });
    const id = created.id;
    await bridgeCall(env.bridge, 'issuance.submit', { id });
    const approved = await bridgeCall(env.bridge, 'issuance.approve', { id, ...env.token(0) });
    // Before numbering there is no register row yet: the files are read and checked through the issuance.
    const approvedFile = approved.files.filter((f) => f.step === 'approved').pop()!;
    const read = await bridgeCall(env.bridge, 'issuance.readFile', { id, sha256: approvedFile.sha256 });
    expect(Buffer.from(read.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const check = await bridgeCall(env.bridge, 'issuance.verifyFile', { id, sha256: approvedFile.sha256 });
    expect(check.signatures.map((s) => [s.reason, s.checks.integrity.status])).toEqual([['Ký duyệt', 'ok']]);
    // The test root is not among this profile's trust anchors: intact, signer not trusted.
    expect(check.verdict).toBe('indeterminate');
    const missing = await bridgeEnvelope(env.bridge, 'issuance.readFile', { id, sha256: 'f'.repeat(64) });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    const numbered = await bridgeCall(env.bridge, 'issuance.number', { id });
    await bridgeCall(env.bridge, 'issuance.issue', { id, ...env.token(1) });
    const issued = await bridgeCall(env.bridge, 'issuance.get', { id });
    expect(issued.state).toBe('issued');
    const main = issued.files.filter((f) => f.role === 'main' && f.step === 'issued').pop();
    expect(main).toMatchObject({ role: 'main', step: 'issued', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const content = await bridgeCall(env.bridge, 'documents.readAttachment', { documentId: numbered.documentId as number, sha256: main!.sha256 });
    const out = join(env.dir, 'cong-van-issued.pdf');
    writeFileSync(out, Buffer.from(content.dataBase64, 'base64'));

    expect(pdfsigReport(createNssDb(join(env.dir, 'nss'), env.pki.root), out).map((s) => s.valid)).toEqual([true, true]);
    // The number is written where the renderer left room for it, after "Số:".
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', out, '-'], { encoding: 'utf8' });
    const number = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="[\d.]+">(\d+\/UBND-VP)<\/word>/.exec(bbox);
    expect(number?.[2]).toBe(`${numbered.codeNumber}/UBND-VP`);
    expect(Number(number?.[1])).toBeCloseTo(created.placeholders!.number!.rect[0], 0);
    const qpdf = JSON.parse(execFileSync('qpdf', ['--json', out], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { qpdf: [unknown, Record<string, { value?: { '/FT'?: string; '/Rect'?: number[] } }>] };
    const widgets = Object.values(qpdf.qpdf[1]).flatMap((o) => (o.value?.['/FT'] === '/Sig' && o.value['/Rect'] ? [o.value['/Rect']] : []));
    expect(widgets).toContainEqual(created.placeholders!.signature!.rect.map((n) => expect.closeTo(n, 2)));
  });
});
