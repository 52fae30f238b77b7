import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentMetadata, FileMetadata } from '../../src/main/casefiles/metadata.ts';
import { verifyHandoverPackage } from '../../src/main/archive/package/verify-package.ts';
import { type HandoverPackageInput, writeHandoverPackage } from '../../src/main/archive/package/write-package.ts';
import { expectAppError } from '../support/app-error.ts';
import { draftPdf } from '../support/draft-pdf.ts';
import { tempDir } from '../support/temp-profile.ts';

const ORGAN = '000.46.24.H17';
const code = (notation: string) => ({ organId: ORGAN, fileCatalog: 2026, fileNotation: notation });

function fileMeta(notation: string, title: string, docTotal: number, pageTotal: number): FileMetadata {
  return {
    fileCode: code(notation),
    title,
    maintenance: 'Vĩnh viễn',
    rights: 'Công khai',
    creator: 'Trần Thị Bình',
    language: 'Tiếng Việt',
    startDate: '2026-01-05',
    endDate: '2026-11-20',
    docTotal,
    pageTotal,
    description: '',
  };
}

function outgoing(notation: string, ordinal: number, issuedDate: string, pageAmount: number): DocumentMetadata {
  return {
    direction: 'outgoing',
    fileCode: code(notation),
    docOrdinal: ordinal,
    typeName: 'Quyết định',
    codeNumber: String(ordinal),
    codeNotation: 'QĐ-UBND',
    issuedDate,
    organName: 'Ủy ban nhân dân xã Hòa Tiến',
    subject: `Về việc phê duyệt kế hoạch số ${ordinal} & <mục> "tiếp"`,
    language: 'Tiếng Việt',
    pageAmount,
    description: '',
    signer: { position: 'Chủ tịch', fullName: 'Lê Văn Hùng' },
    to: [{ organId: '000.00.12.H17', organName: 'Sở Y tế thành phố Đà Nẵng' }],
    priority: 0,
    issuedAmount: 3,
    dueDate: null,
  };
}

function incoming(notation: string, ordinal: number, issuedDate: string, pageAmount: number): DocumentMetadata {
  return {
    direction: 'incoming',
    fileCode: code(notation),
    docOrdinal: ordinal,
    typeName: 'Công văn',
    codeNumber: '45',
    codeNotation: 'SNV-CCVC',
    issuedDate,
    organName: 'Sở Nội vụ thành phố Đà Nẵng',
    subject: 'Về việc báo cáo số lượng cán bộ',
    language: 'Tiếng Việt',
    pageAmount,
    description: '',
    arrivalDate: issuedDate,
    arrivalNumber: 12,
    signer: { position: 'Giám đốc', fullName: 'Phạm Minh Tâm' },
    priority: 1,
    toPlaces: 'Văn phòng',
    traceHeaderList: 'Chủ tịch: giao Văn phòng chủ trì.',
    dueDate: '2026-03-20',
  };
}

// The electronic handover package (Appendix VI III.4.g, III.5.c; Appendix V): written whole or
// not at all, checked by `sha256sum -c` as an archive without VanThu would, and by the verifier,
// which finds every kind of damage planted here.
describe('handover package', () => {
  const t = tempDir('vanthu-package-');
  let input: HandoverPackageInput;

  beforeAll(async () => {
    const one = await draftPdf(join(t.dir, 'one.pdf'));
    const two = await draftPdf(join(t.dir, 'two.pdf'), { pages: 2 });
    input = {
      organId: ORGAN,
      organName: 'Ủy ban nhân dân xã Hòa Tiến',
      year: 2026,
      createdAt: '2027-03-02T08:00:00+07:00',
      forms: [{ name: 'muc-luc-ho-so.pdf', bytes: readFileSync(one) }],
      files: [
        {
          metadata: fileMeta('01.VP', 'Hồ sơ kế hoạch công tác năm 2026', 2, 4),
          documents: [
            { metadata: incoming('01.VP', 1, '2026-01-05', 1), pdfPaths: [one] },
            { metadata: outgoing('01.VP', 2, '2026-02-10', 3), pdfPaths: [two, one] },
          ],
          forms: [{ name: 'muc-luc-van-ban.pdf', bytes: readFileSync(one) }],
        },
        { metadata: fileMeta('02.VP', 'Hồ sơ hội nghị tiếp xúc cử tri', 1, 0), documents: [{ metadata: outgoing('02.VP', 1, '2026-05-01', 0), pdfPaths: [] }], forms: [] },
      ],
    };
  });
  afterAll(() => t.cleanup());

  const fresh = (name: string) => {
    const dir = join(t.dir, name);
    writeHandoverPackage(dir, input);
    return dir;
  };

  it('writes every document as PDF with its metadata, in the file’s order, and a manifest sha256sum accepts', async () => {
    const dir = fresh('goi-1');
    const written = readdirSync(dir, { recursive: true }).map(String).sort();
    expect(written).toEqual([
      '01.VP',
      '01.VP/001.pdf',
      '01.VP/001.xml',
      '01.VP/002-02.pdf',
      '01.VP/002.pdf',
      '01.VP/002.xml',
      '01.VP/ho-so.xml',
      '01.VP/muc-luc-van-ban.pdf',
      '02.VP',
      '02.VP/001.xml',
      '02.VP/ho-so.xml',
      'MANIFEST.sha256',
      'muc-luc-ho-so.pdf',
      'package.xml',
    ]);
    // An archive without VanThu checks the package with coreutils.
    expect(execFileSync('sha256sum', ['-c', '--strict', 'MANIFEST.sha256'], { cwd: dir, encoding: 'utf8' })).not.toMatch(/FAILED/);
    const xml = readFileSync(join(dir, '01.VP/002.xml'), 'utf8');
    expect(xml).toContain('<FileCode>\n    <OrganId>000.46.24.H17</OrganId>\n    <FileCatalog>2026</FileCatalog>\n    <FileNotation>01.VP</FileNotation>');
    expect(xml).toContain('<Subject>Về việc phê duyệt kế hoạch số 2 &amp; &lt;mục&gt; &quot;tiếp&quot;</Subject>');
    // Independent reading of the metadata: xmllint-free, Python's parser.
    const parsed = execFileSync('python3', ['-c', 'import sys,xml.etree.ElementTree as E; r=E.parse(sys.argv[1]).getroot(); print(r.tag, r.find("DocOrdinal").text, r.find("SignerInfo/FullName").text)', join(dir, '01.VP/002.xml')], { encoding: 'utf8' });
    expect(parsed.trim()).toBe('OutgoingDocument 2 Lê Văn Hùng');
    const report = await verifyHandoverPackage(dir);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, files: 2, documents: 3, checkedFiles: 11 });
  });

  it('refuses a folder that exists and leaves nothing behind when a write fails', () => {
    const dir = join(t.dir, 'goi-1');
    expectAppError(() => writeHandoverPackage(dir, input), 'CONFLICT', /Thư mục goi-1 đã có/);
    const broken = { ...input, files: [{ ...input.files[0]!, documents: [{ metadata: input.files[0]!.documents[0]!.metadata, pdfPaths: [join(t.dir, 'missing.pdf')] }] }] };
    expect(() => writeHandoverPackage(join(t.dir, 'goi-hong'), broken)).toThrow();
    expect(existsSync(join(t.dir, 'goi-hong'))).toBe(false);
    expect(readdirSync(t.dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  const problemsOf = async (dir: string) => (await verifyHandoverPackage(dir)).problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.messageVi}`);

  it('finds a changed byte, a lost file and a stray one', async () => {
    const dir = fresh('goi-2');
    appendFileSync(join(dir, '01.VP/001.pdf'), '%');
    rmSync(join(dir, '02.VP/001.xml'));
    writeFileSync(join(dir, '01.VP/ghi-chu.txt'), 'thêm sau');
    const problems = await problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        '01.VP/001.pdf: mã băm SHA-256 không khớp: tệp đã bị thay đổi hoặc hỏng.',
        '02.VP/001.xml: có trong bảng băm nhưng không có trong gói (tệp bị mất).',
        '01.VP/ghi-chu.txt: có trong gói nhưng không có trong bảng băm (tệp lạ hoặc được thêm sau).',
      ]),
    );
    expect((await verifyHandoverPackage(dir)).ok).toBe(false);
  });

  it('refuses links, paths out of the package and a missing manifest', async () => {
    const dir = fresh('goi-3');
    symlinkSync('/etc/passwd', join(dir, '01.VP/003.pdf'));
    appendFileSync(join(dir, 'MANIFEST.sha256'), `${'0'.repeat(64)}  ../../etc/passwd\n`);
    const problems = await problemsOf(dir);
    expect(problems).toEqual(expect.arrayContaining(['01.VP/003.pdf: là liên kết tượng trưng: gói nộp lưu không được chứa liên kết.', expect.stringMatching(/^MANIFEST\.sha256:12: .*ra ngoài gói/)]));
    rmSync(join(dir, 'MANIFEST.sha256'));
    expect(await problemsOf(dir)).toEqual(['MANIFEST.sha256: không có bảng băm SHA-256 của gói: đây không phải gói nộp lưu hoàn chỉnh.']);
  });

  it('finds documents out of date order, wrong totals and page counts, even with a manifest made to match', async () => {
    const bad: HandoverPackageInput = {
      ...input,
      files: [
        {
          metadata: fileMeta('01.VP', 'Hồ sơ kế hoạch công tác năm 2026', 3, 9),
          documents: [
            { metadata: incoming('01.VP', 1, '2026-03-05', 1), pdfPaths: [input.files[0]!.documents[0]!.pdfPaths[0]!] },
            { metadata: { ...outgoing('02.VP', 2, '2026-02-10', 5) }, pdfPaths: [input.files[0]!.documents[1]!.pdfPaths[0]!] },
          ],
          forms: [],
        },
      ],
    };
    const dir = join(t.dir, 'goi-4');
    writeHandoverPackage(dir, bad);
    const problems = await problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        '01.VP/002.xml: mã hồ sơ của văn bản (000.46.24.H17.2026.02.VP) khác mã hồ sơ 000.46.24.H17.2026.01.VP.',
        '01.VP/002.xml: văn bản ngày 2026-02-10 đứng sau văn bản ngày 2026-03-05: hồ sơ phải theo trình tự thời gian.',
        '01.VP/002.xml: số trang ghi 5 nhưng các tệp PDF có 2 trang.',
        '01.VP/ho-so.xml: tổng số văn bản ghi 3 nhưng hồ sơ có 2.',
        '01.VP/ho-so.xml: tổng số trang ghi 9 nhưng đếm được 3.',
      ]),
    );
  });

  it('refuses metadata that is not plain XML, and warns of a field longer than the Appendix allows', async () => {
    const dir = fresh('goi-5');
    const doctype = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><File>&a;</File>';
    writeFileSync(join(dir, '02.VP/ho-so.xml'), doctype);
    const long = readFileSync(join(dir, '01.VP/001.xml'), 'utf8').replace('Về việc báo cáo số lượng cán bộ', 'x'.repeat(501));
    writeFileSync(join(dir, '01.VP/001.xml'), long);
    // The manifest re-made to match: the checks below the hashes still run.
    const lines = readFileSync(join(dir, 'MANIFEST.sha256'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const path = l.slice(66);
        return `${execFileSync('sha256sum', [join(dir, path)], { encoding: 'utf8' }).slice(0, 64)}  ${path}`;
      });
    writeFileSync(join(dir, 'MANIFEST.sha256'), `${lines.join('\n')}\n`);
    const report = await verifyHandoverPackage(dir);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { path: '02.VP/ho-so.xml', messageVi: 'không phải XML hợp lệ (a DTD).', severity: 'error' },
        { path: '01.VP/001.xml', messageVi: 'Subject dài 501 ký tự, quá 500 ký tự theo Phụ lục VI.', severity: 'warning' },
      ]),
    );
  });
});
