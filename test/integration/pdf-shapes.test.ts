import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesAfter } from '../../src/main/pdf/changes-after.ts';
import { listPages } from '../../src/main/pdf/page-tree.ts';
import { PdfReader } from '../../src/main/pdf/pdf-reader.ts';
import { PdfRef } from '../../src/main/pdf/pdf-values.ts';
import { readSignatures } from '../../src/main/pdf/read-signatures.ts';
import { signPdf } from '../../src/main/pdf/sign-pdf.ts';
import { addTextStamps } from '../../src/main/pdf/stamp-text.ts';
import { buildPadesCms } from '../../src/main/signing/cms/build-cms.ts';
import { verifyPdf } from '../../src/main/signing/verify/verify-pdf.ts';
import { createNssDb, pdfsigReport, type NssDb } from '../support/nss.ts';
import {
  deleteInfoRevision,
  directAcroFormSample,
  emptySignatureFieldSample,
  hybridSample,
  pdfLibSample,
  qpdfCheck,
  qpdfVariant,
  reusePageNumberRevision,
  withTailAfterEof,
} from '../support/pdf-samples.ts';
import { softwareSigner } from '../support/software-signer.ts';
import { tempDir } from '../support/temp-profile.ts';
import { createTestPki, type TestIdentity, type TestPki } from '../support/test-pki.ts';

// The shapes of PDF that office tools, scanners and form designers produce, each signed with a
// visible appearance and checked by three independent readers: qpdf (structure), pdfsig (poppler
// and NSS: every signature valid, the last covering the file) and our own verifyPdf.
let dir: string;
let cleanup = (): void => {};
let pki: TestPki;
let nss: NssDb;
const placeholder = readFileSync(join(import.meta.dirname, '../../resources/signing/signature-placeholder.png'));

beforeAll(async () => {
  const t = tempDir('pdf-shapes-');
  dir = t.dir;
  cleanup = t.cleanup;
  pki = await createTestPki();
  nss = createNssDb(join(dir, 'nss'), pki.root);
});

afterAll(() => cleanup());

function withReader<T>(path: string, use: (reader: PdfReader) => T): T {
  const reader = PdfReader.open(path);
  try {
    return use(reader);
  } finally {
    reader.close();
  }
}

async function sign(input: string, name: string, signer: TestIdentity = pki.leader, fieldName?: string): Promise<{ output: string; fieldName: string }> {
  const output = join(dir, `${name}.pdf`);
  const before = readFileSync(input);
  const result = await signPdf({
    input,
    output,
    ...(fieldName === undefined ? {} : { fieldName }),
    appearance: { page: 0, rect: [330, 90, 530, 190], image: { png: placeholder }, lines: [{ text: 'Ký bởi: Nguyễn Văn Ánh', size: 9 }] },
    signingTime: new Date(),
    reason: 'Phê duyệt',
    sign: (digest) => buildPadesCms(softwareSigner(signer, [pki.root]), digest),
  });
  expect(readFileSync(output).subarray(0, before.length).equals(before), 'the bytes signed over are kept').toBe(true);
  return { output, fieldName: result.fieldName };
}

// qpdf, pdfsig and verifyPdf all accept the file: `count` signatures, each valid, the last
// covering the whole file and the earlier ones covering their own revision.
async function expectValid(path: string, count: number): Promise<void> {
  expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);
  const size = readFileSync(path).length;

  const report = pdfsigReport(nss, path).filter((s) => s.signed);
  expect(report.map((s) => s.validation)).toEqual(Array<string>(count).fill('Signature is Valid.'));
  expect(report.map((s) => s.totalDocumentSigned)).toEqual([...Array<boolean>(count - 1).fill(false), true]);
  expect(report.map((s) => s.certificateValidation)).toEqual(Array<string>(count).fill('Certificate is Trusted.'));

  const ours = await readSignatures(path);
  expect(ours).toHaveLength(count);
  expect(ours.map((s) => s.byteRangeProblem)).toEqual(Array<null>(count).fill(null));
  expect(ours.at(-1)?.revisionEnd).toBe(size);
  expect(ours.map((s) => s.fieldName)).toEqual(report.map((s) => s.fieldName));

  const verification = await verifyPdf(path, { anchors: [pki.root.der] });
  expect(verification.verdict, JSON.stringify(verification.signatures, null, 1)).toBe('valid');
  expect(verification.signatures).toHaveLength(count);
  for (const s of verification.signatures) expect(s.verdict).toBe('valid');
}

describe('signing the PDF shapes offices produce', () => {
  it('a hybrid-reference file: the update trailer\'s /XRefStm lists the page the main table marks free', async () => {
    const input = hybridSample(join(dir, 'hybrid.pdf'));
    expect(qpdfCheck(input)).toMatch(/No syntax or stream encoding errors/);
    expect(execFileSync('pdftotext', [input, '-'], { encoding: 'utf8' })).toMatch(/Hybrid reference sample/);
    withReader(input, (reader) => {
      expect(reader.sections.map((s) => s.kind)).toEqual(['table', 'table']);
      // The offset of the hidden cross-reference stream, object 8.
      expect(reader.trailer.get('XRefStm')).toBe(readFileSync(input, 'latin1').indexOf('\n8 0 obj\n') + 1);
      const page = listPages(reader)[0];
      expect(page?.ref.num).toBe(3);
      expect(reader.table.get(3)).toEqual({ kind: 'compressed', stream: 6, index: 1 });
    });
    const { output } = await sign(input, 'hybrid.signed');
    await expectValid(output, 1);
  });

  it('a file that ends right after %%EOF, without a line end', async () => {
    const classic = await pdfLibSample(join(dir, 'classic-eof.pdf'), { objectStreams: false });
    const input = withTailAfterEof(classic, join(dir, 'no-eol.pdf'), '');
    expect(readFileSync(input).subarray(-5).toString('latin1')).toBe('%%EOF');
    const { output } = await sign(input, 'no-eol.signed');
    await expectValid(output, 1);
  });

  it('a scanned file with line ends, blanks and NULs after %%EOF', async () => {
    const classic = await pdfLibSample(join(dir, 'classic-nul.pdf'), { objectStreams: false });
    const input = withTailAfterEof(classic, join(dir, 'nul-tail.pdf'), `\r\n${'\0'.repeat(300)}  \t\n\0`);
    const { output } = await sign(input, 'nul-tail.signed');
    await expectValid(output, 1);
  });

  it('a file padded with more NULs after %%EOF than the last 4 KiB hold', async () => {
    const classic = await pdfLibSample(join(dir, 'classic-pad.pdf'), { objectStreams: false });
    const input = withTailAfterEof(classic, join(dir, 'nul-padded.pdf'), `\n${'\0'.repeat(64 * 1024)}`);
    const { output } = await sign(input, 'nul-padded.signed');
    await expectValid(output, 1);
  });

  it('a form whose /AcroForm is a dictionary inside the catalog', async () => {
    const input = await directAcroFormSample(join(dir, 'direct-acroform.pdf'));
    withReader(input, (reader) => expect(reader.catalog().get('AcroForm')).not.toBeInstanceOf(PdfRef));
    const first = await sign(input, 'direct-acroform.signed');
    await expectValid(first.output, 1);
    const second = await sign(first.output, 'direct-acroform.signed2', pki.agency);
    await expectValid(second.output, 2);
    // The text field is still there, and the form holds both signatures besides it.
    withReader(second.output, (reader) => {
      const form = reader.dict(reader.catalog().get('AcroForm'));
      expect(reader.array(form?.get('Fields'))).toHaveLength(3);
      expect(form?.get('SigFlags')).toBe(3);
    });
  });

  it('a document with an empty signature field: signing adds its own field and the empty one stays unsigned', async () => {
    const input = await emptySignatureFieldSample(join(dir, 'empty-field.pdf'), 'Signature1');
    expect(pdfsigReport(nss, input)).toMatchObject([{ fieldName: 'Signature1', signed: false }]);
    await expect(sign(input, 'empty-field.named', pki.leader, 'Signature1')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const { output, fieldName } = await sign(input, 'empty-field.signed');
    expect(fieldName).toBe('Signature2');
    await expectValid(output, 1);
    expect(pdfsigReport(nss, output).map((s) => [s.fieldName, s.signed])).toEqual([
      ['Signature1', false],
      ['Signature2', true],
    ]);
  });

  it('pdf-lib and qpdf object streams: the catalog and the pages are compressed, listed by an xref stream', async () => {
    const pdfLib = await pdfLibSample(join(dir, 'objstm-pdflib.pdf'), { objectStreams: true });
    const qpdf = qpdfVariant(await pdfLibSample(join(dir, 'objstm-base.pdf'), { objectStreams: false }), join(dir, 'objstm-qpdf.pdf'), ['--object-streams=generate']);
    for (const [name, input] of [
      ['pdflib', pdfLib],
      ['qpdf', qpdf],
    ] as const) {
      withReader(input, (reader) => {
        expect(reader.sections[0]?.kind).toBe('stream');
        const root = reader.trailer.get('Root') as PdfRef;
        expect(reader.table.get(root.num)?.kind).toBe('compressed');
        expect(reader.table.get(listPages(reader)[0]?.ref.num as number)?.kind).toBe('compressed');
      });
      const first = await sign(input, `objstm-${name}.signed`);
      await expectValid(first.output, 1);
      const second = await sign(first.output, `objstm-${name}.signed2`, pki.agency);
      await expectValid(second.output, 2);
    }
  });

  it('a second revision that deletes an object (a free entry), and a third that reuses its number at generation 1', async () => {
    const classic = await pdfLibSample(join(dir, 'classic-rev.pdf'), { objectStreams: false });
    const { output: deleted, deleted: infoNum } = deleteInfoRevision(classic, join(dir, 'deleted.pdf'));
    expect(qpdfCheck(deleted)).toMatch(/No syntax or stream encoding errors/);
    withReader(deleted, (reader) => {
      expect(reader.table.get(infoNum)).toEqual({ kind: 'free' });
      expect(reader.trailer.get('Info')).toBeUndefined();
    });
    const signedDeleted = await sign(deleted, 'deleted.signed');
    await expectValid(signedDeleted.output, 1);

    const reused = reusePageNumberRevision(deleted, join(dir, 'reused.pdf'), infoNum);
    expect(qpdfCheck(reused)).toMatch(/No syntax or stream encoding errors/);
    withReader(reused, (reader) => {
      expect(listPages(reader)[0]?.ref).toEqual(new PdfRef(infoNum, 1));
      expect(reader.table.get(infoNum)).toMatchObject({ kind: 'offset', gen: 1 });
    });
    const first = await sign(reused, 'reused.signed');
    await expectValid(first.output, 1);
    // The page rewritten to take the widget keeps its generation.
    withReader(first.output, (reader) => {
      expect(listPages(reader)[0]?.ref).toEqual(new PdfRef(infoNum, 1));
      expect(reader.table.get(infoNum)).toMatchObject({ kind: 'offset', gen: 1 });
      expect(reader.array(listPages(reader)[0]?.dict.get('Annots'))).toHaveLength(1);
    });
    const second = await sign(first.output, 'reused.signed2', pki.agency);
    await expectValid(second.output, 2);
  });

  it('a hybrid file: approval, then the number and date stamped, then the agency signature', async () => {
    const input = hybridSample(join(dir, 'hybrid-workflow.pdf'));
    const approval = await sign(input, 'hybrid-approved');
    const approvalEnd = readFileSync(approval.output).length;
    const stamped = join(dir, 'hybrid-stamped.pdf');
    await addTextStamps({
      input: approval.output,
      output: stamped,
      stamps: [
        { page: 0, x: 72, y: 700, text: 'Số: 12/UBND-VP', size: 13 },
        { page: 0, x: 330, y: 700, text: 'Tân Phú, ngày 04 tháng 3 năm 2025', size: 13 },
      ],
    });
    const agency = await sign(stamped, 'hybrid-issued', pki.agency);
    await expectValid(agency.output, 2);

    const changes = await changesAfter(agency.output, approvalEnd);
    expect(changes.revisionsAfter).toBe(2);
    expect(changes.modified).toBe(false);
    expect(changes.changes.filter((c) => !c.allowed)).toEqual([]);
    expect(new Set(changes.changes.map((c) => c.kind))).toEqual(new Set(['annotation', 'signature', 'acroform', 'other']));
    expect(changes.changes.filter((c) => c.description === 'new FreeText annotation')).toHaveLength(2);
    const signatures = await readSignatures(agency.output);
    expect(signatures.map((s) => s.fieldName)).toEqual([approval.fieldName, agency.fieldName]);
    expect(signatures[0]?.revisionEnd).toBe(approvalEnd);
  });
});
