import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesAfter } from '../../src/main/pdf/changes-after.ts';
import { readSignatures } from '../../src/main/pdf/read-signatures.ts';
import { signPdf } from '../../src/main/pdf/sign-pdf.ts';
import { addTextStamps } from '../../src/main/pdf/stamp-text.ts';
import { buildPadesCms } from '../../src/main/signing/cms/build-cms.ts';
import { createNssDb, pdfsigReport, type NssDb } from '../support/nss.ts';
import { appendPageContentRevision, pdfLibSample, qpdfCheck } from '../support/pdf-samples.ts';
import { softwareSigner } from '../support/software-signer.ts';
import { createTestPki, type TestPki } from '../support/test-pki.ts';

// The Decree 30 sequence on one document: the leader's approval signature, the number and date
// written in afterwards, then the agency's signature; every signature must stay valid.
let dir: string;
let pki: TestPki;
let nss: NssDb;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-workflow-'));
  pki = await createTestPki();
  nss = createNssDb(join(dir, 'nss'), pki.root);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  { xref: 'classic xref table', objectStreams: false },
  { xref: 'xref stream', objectStreams: true },
])('approval → number and date → agency ($xref)', ({ objectStreams }) => {
  it('keeps the approval signature valid, and reports the later revisions as allowed', async () => {
    const draft = await pdfLibSample(join(dir, `draft-${objectStreams}.pdf`), { objectStreams });
    const approved = join(dir, `approved-${objectStreams}.pdf`);
    const numbered = join(dir, `numbered-${objectStreams}.pdf`);
    const issued = join(dir, `issued-${objectStreams}.pdf`);
    const leader = softwareSigner(pki.leader, [pki.root]);
    const agency = softwareSigner(pki.agency, [pki.root]);

    await signPdf({ input: draft, output: approved, appearance: { page: 1, rect: [300, 150, 450, 200], lines: [{ text: 'Chủ tịch', size: 11 }] }, signingTime: new Date(), sign: (d) => buildPadesCms(leader, d) });
    await addTextStamps({
      input: approved,
      output: numbered,
      stamps: [
        { page: 0, x: 100, y: 700, text: 'Số: 15/UBND-VP', size: 13 },
        { page: 0, x: 330, y: 700, text: 'Tân Phú, ngày 04 tháng 3 năm 2025', size: 13 },
      ],
    });
    expect(readFileSync(numbered).subarray(0, readFileSync(approved).length).equals(readFileSync(approved))).toBe(true);
    const afterStamp = pdfsigReport(nss, numbered);
    expect(afterStamp).toHaveLength(1);
    expect(afterStamp[0]?.validation).toBe('Signature is Valid.');
    expect(afterStamp[0]?.totalDocumentSigned).toBe(false);

    await signPdf({ input: numbered, output: issued, appearance: { page: 1, rect: [280, 120, 380, 220], lines: [{ text: 'UBND xã Tân Phú', size: 9 }] }, signingTime: new Date(), sign: (d) => buildPadesCms(agency, d) });
    expect(qpdfCheck(issued)).toMatch(/No syntax or stream encoding errors/);
    const report = pdfsigReport(nss, issued);
    expect(report.map((s) => s.validation)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    expect(report.map((s) => s.totalDocumentSigned)).toEqual([false, true]);

    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', issued, '-'], { encoding: 'utf8' });
    expect(text).toContain('Số: 15/UBND-VP');
    expect(text).toContain('Tân Phú, ngày 04 tháng 3 năm 2025');

    const [approval, issuing] = await readSignatures(issued);
    expect(approval?.page).toBe(1);
    const changes = await changesAfter(issued, approval?.revisionEnd as number);
    expect(changes.revisionsAfter).toBe(2);
    expect(changes.modified, JSON.stringify(changes.changes)).toBe(false);
    expect(changes.changes.map((c) => c.kind)).toEqual(expect.arrayContaining(['annotation', 'signature', 'acroform']));
    expect(await changesAfter(issued, issuing?.revisionEnd as number)).toEqual({ revisionsAfter: 0, modified: false, changes: [] });
  });
});

describe('changes after signing that a signature does not permit', () => {
  it('reports a revision replacing the page content as modified after signing', async () => {
    const draft = await pdfLibSample(join(dir, 'tamper-draft.pdf'), { objectStreams: true });
    const signed = join(dir, 'tamper-signed.pdf');
    const leader = softwareSigner(pki.leader, [pki.root]);
    await signPdf({ input: draft, output: signed, appearance: null, signingTime: new Date(), sign: (d) => buildPadesCms(leader, d) });
    const tampered = appendPageContentRevision(signed, join(dir, 'tampered.pdf'));
    const [signature] = await readSignatures(tampered);
    expect(signature?.coversWholeFile).toBe(false);
    const changes = await changesAfter(tampered, signature?.revisionEnd as number);
    expect(changes.modified).toBe(true);
    expect(changes.changes).toContainEqual(expect.objectContaining({ kind: 'page-content', allowed: false }));
    // pdfsig still calls the signed bytes valid: only the revision diff shows the tampering.
    expect(pdfsigReport(nss, tampered)[0]?.validation).toBe('Signature is Valid.');
  });
});
