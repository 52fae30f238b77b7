import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackage, type ReadPackageResult } from '../../src/main/edxml/read-package.ts';
import { writeDocumentPackage } from '../../src/main/edxml/write-document-package.ts';
import { writeStatusPackage } from '../../src/main/edxml/write-status-package.ts';
import { elementPaths } from '../support/edxml-paths.ts';
import { SAMPLES } from '../support/edxml-fixtures.ts';

// The official samples of the reference library (../shared/edxml-samples): our reader reads every
// one with the values they hold, and our writer, given the same data, writes the same elements
// in the same order.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edxml-conf-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sample = (name: string) => join(SAMPLES, name);
const read = (name: string) => readPackage(sample(name), { outputDir: join(dir, 'in') });

// The attachment in every document sample: a .doc label over a zip of one entry (388 347 bytes).
// Hashes computed independently (Python zipfile) from the sample files.
const ATTACHMENT = {
  contentId: '209',
  name: '1896_QD-TTg_m_294779.doc',
  description: '1896_QD-TTg_m_294779.doc',
  declaredTypes: ['application/zip'],
  size: 388347,
  sha256: '8385739ec4a4ed36d71eabcaead629641ffc5ffff3d487ff5c34d2f821c9f36e',
  zipped: true,
};

function documentOf(r: ReadPackageResult) {
  if (r.kind !== 'document') throw new Error(`expected a document package, got ${r.kind}`);
  return r;
}

function statusOf(r: ReadPackageResult) {
  if (r.kind !== 'status') throw new Error(`expected a status package, got ${r.kind}`);
  return r;
}

describe('reading the official document samples', () => {
  it('new (BussinessDocType 0): every header field, trace header, business and attachment', async () => {
    const r = documentOf(await read('vnpt-edoc_new.edxml'));
    expect(r.header.from).toEqual({
      organId: '000.00.00.A80',
      organizationInCharge: 'UBND xã Hòa Tiến - UBND huyện Hòa Vang - Thành phố Đà Nẵng',
      organName: 'UBND xã Hòa Tiến - UBND huyện Hòa Vang - Thành phố Đà Nẵng',
      organAdd: 'Số 1 Hoàng Hoa Thám, Quận Ba Đình, Hà Nội',
      email: 'vpcp@gov.vn',
      telephone: '8043100',
      fax: '048989898789',
      website: 'vpcp.vn',
    });
    expect(r.header.to.map((t) => t.organId)).toEqual(['28.22.H17']);
    expect(r.header.documentId).toBe('000.00.00.G22,2015/09/30,7816/VPCP-TTĐT');
    expect(r.header.code).toEqual({ codeNumber: '74fass22', codeNotation: 'VPCP-TTĐT' });
    expect(r.header.promulgation).toEqual({ place: 'Hà Nội', date: '2019-01-16' });
    expect(r.header.documentType).toEqual({ type: 1, typeDetail: 0, typeName: 'Công văn' });
    expect(r.header.subject).toBe('V/v kết nối, liên thông phần mềm quản lý văn bản');
    expect(r.header.signer).toEqual({ competence: 'TL. BO TRUONG', position: 'Cuc truong cuc ung dung cong nghe thong tin', fullName: 'Nguyen Thanh Phuc' });
    expect(r.header.dueDate).toBe('2018-09-28');
    expect(r.header.otherInfo).toEqual({
      priority: 0,
      sphereOfPromulgation: 'Liên thông văn bản quốc gia',
      typerNotation: 'TVC',
      promulgationAmount: 2,
      pageAmount: 22,
      direction: false,
      appendixes: ['Công văn về việc kết nối, liên thông phần mềm quản lý văn bản'],
    });
    expect(r.header.responseFor).toEqual([]);
    expect(r.header.steeringType).toBe(1);
    expect(r.header.toPlaces).toEqual(['Cac bo va co quan ngang bo', 'Uy ban nhan dan cac tinh, TP']);
    expect(r.trace.traceHeaders).toEqual([{ organId: '000.00.00.G22', timestamp: '2018-09-28T00:00:00' }]);
    expect(r.trace.business).toEqual({
      documentId: '000.00.00.G22,2014/02/30,7806/VPCP-TTĐT',
      businessDocType: 0,
      reason: 'Văn bản điện tử mới',
      paper: false,
      documentInfo: null,
      replacementInfoList: [],
      staffInfo: { department: 'Văn thư văn phòng', staff: 'Nguyễn Thị Ngọc Trâm', email: 'vanthuvanphong@gov.vn', mobile: '84912000001' },
    });
    expect(r.manifest).toEqual([{ contentId: '209', contentType: 'application/zip', description: ATTACHMENT.name, attachmentName: ATTACHMENT.name }]);
    expect(r.attachments).toEqual([{ ...ATTACHMENT, storedPath: expect.stringMatching(/edxml-[0-9a-f-]{36}\.doc$/) }]);
  });

  it('update (2): three recipients and the receiver changes', async () => {
    const r = documentOf(await read('vnpt-edoc_update.edxml'));
    expect(r.header.from.organId).toBe('000.00.00.G22');
    expect(r.header.to.map((t) => t.organId)).toEqual(['000.00.00.H41', '000.00.00.H14', '000.00.00.G17']);
    expect(r.header.code).toEqual({ codeNumber: '7816', codeNotation: 'VPCP-TTĐT' });
    expect(r.header.promulgation.date).toBe('2018-09-28');
    expect(r.trace.business?.businessDocType).toBe(2);
    expect(r.trace.business?.reason).toBe('Cập nhật văn bản điện tử');
    expect(r.trace.business?.documentInfo).toEqual({
      documentInfo: true,
      documentReceiver: true,
      receiverList: [
        { organId: '000.00.00.H41', receiverType: 0 },
        { organId: '000.00.00.H14', receiverType: 1 },
      ],
    });
    expect(r.attachments).toMatchObject([ATTACHMENT]);
  });

  it('replacement (3): the replaced documents and their recipients', async () => {
    const r = documentOf(await read('vnpt-edoc_replacement.edxml'));
    expect(r.trace.business?.businessDocType).toBe(3);
    expect(r.trace.business?.reason).toBe('Văn bản thay thế');
    expect(r.trace.business?.replacementInfoList).toEqual([
      { documentId: '000.00.00.G22,2014/01/30,7806/VPCP-TTĐT', organIds: ['000.00.00.H41', '000.00.00.H14'] },
      { documentId: '000.00.00.G22,2014/01/30,7806/VPCP-TTĐT', organIds: ['000.00.00.H41', '000.00.00.H14'] },
    ]);
    expect(r.attachments).toMatchObject([ATTACHMENT]);
  });

  it('revocation (1): the ResponseFor of the recalled document', async () => {
    const r = documentOf(await read('vnpt-edoc_revocation.edxml'));
    expect(r.trace.business?.businessDocType).toBe(1);
    expect(r.trace.business?.reason).toBe('Thu hồi văn bản điện tử');
    expect(r.header.responseFor).toEqual([
      { organId: '000.00.00.H14', code: '267/VPCP-TTĐT', promulgationDate: '2018-09-28', documentId: '000.00.04.G14,2012/08/06,267/VPCP-TTĐT' },
    ]);
    expect(r.attachments).toMatchObject([ATTACHMENT]);
  });
});

const CODED_STATUS: ReadonlyArray<readonly [string, string, string]> = [
  ['vnpt-status_inbox_01.edxml', '01', '000.00.00.H41'],
  ['vnpt-status_rejection_02.edxml', '02', '000.00.00.H41'],
  ['vnpt-status_acceptance_03.edxml', '03', '000.00.00.H41'],
  ['vnpt-status_assignment_04.edxml', '04', '000.00.00.H41'],
  ['vnpt-status_processing_05.edxml', '05', '000.00.00.H41'],
  ['vnpt-status_finish_06.edxml', '06', '000.00.00.H41'],
  ['vnpt-status_cancellation_13.edxml', '13', '000.00.00.G22'],
  ['vnpt-status_change-acceptance_15.edxml', '15', '000.00.00.H41'],
  ['vnpt-status_change-rejection_16.edxml', '16', '000.00.00.H41'],
];

describe('reading the official status samples', () => {
  it.each(CODED_STATUS)('%s: code %s from %s', async (file, code, from) => {
    const r = statusOf(await read(file));
    expect(r.header.statusCode).toBe(code);
    expect(r.header.from.organId).toBe(from);
    expect(r.header.responseFor.documentId).toBe('000.00.00.G22,2015/09/30,7816/VPCP-TTĐT');
    expect(r.header.responseFor.code).toBe('7816/VPCP-TTĐT');
    expect(r.header.responseFor.promulgationDate).toBe('2015-09-30');
    expect(r.header.staffInfo).toEqual({ department: 'Phong hanh chinh', staff: 'Nguyen thi ngoc tram', email: 'ngoctram@nghean.vn', mobile: '84912000001' });
    expect(r.header.timestamp).toBe('2015-09-20T11:08:36');
    expect(r.attachments).toEqual([]);
  });

  it('vnpt-status.edxml: code 01 with its own staff and dates', async () => {
    const r = statusOf(await read('vnpt-status.edxml'));
    expect(r.header).toEqual({
      from: {
        organId: '000.00.00.H41',
        organizationInCharge: 'UBND Tỉnh Nghệ An',
        organName: 'UBND Tỉnh Nghệ An',
        organAdd: 'Số 03, đường Trường Thi, Thành phố Vinh, Tỉnh Nghệ An, Việt Nam',
        email: 'nghean@gov.vn',
        telephone: '0383 840418',
        fax: '0383 843049',
        website: 'www.nghean.vn',
      },
      responseFor: { organId: '000.00.00.G22', code: '7816/VPCP-TTĐT', promulgationDate: '2018-09-28', documentId: '000.00.00.G22,2015/09/30,7816/VPCP-TTĐT' },
      staffInfo: { department: 'Văn thư văn phòng', staff: 'Nguyễn Thị Ngọc Trâm', email: 'vanthuvanphong@gov.vn', mobile: '84912000001' },
      statusCode: '01',
      description: 'Văn thư - Phòng Văn thư - Lưu trữ: Đã đến - Phần mềm QLVB đã nhận nhưng văn thư chưa xử lý',
      timestamp: '2018-09-28T17:25:11',
    });
  });
});

describe('our writer against the official samples', () => {
  it.each(['vnpt-edoc_new.edxml', 'vnpt-edoc_update.edxml', 'vnpt-edoc_replacement.edxml', 'vnpt-edoc_revocation.edxml'])(
    '%s: same elements, same order, same prefixes (we write no Signature); the values read back',
    async (file) => {
      const r = documentOf(await read(file));
      const business = r.trace.business;
      if (!business) throw new Error('every document sample has a Bussiness element');
      const out = join(dir, 'ours.edxml');
      await writeDocumentPackage(
        {
          header: r.header,
          business,
          traceHeaders: r.trace.traceHeaders,
          attachments: r.attachments.map((a) => ({ contentId: a.contentId, name: a.name, description: a.description, contentType: 'application/zip', sourcePath: a.storedPath })),
        },
        out,
      );
      expect(await elementPaths(out)).toEqual(await elementPaths(sample(file), ['Signature']));
      const back = documentOf(await readPackage(out, { outputDir: join(dir, 'back') }));
      expect(back.header).toEqual(r.header);
      expect(back.trace).toEqual(r.trace);
      expect(back.attachments.map((a) => [a.contentId, a.name, a.size, a.sha256])).toEqual([[ATTACHMENT.contentId, ATTACHMENT.name, ATTACHMENT.size, ATTACHMENT.sha256]]);
    },
  );

  it.each(CODED_STATUS.map(([file]) => file))('%s: same elements in the same order', async (file) => {
    const r = statusOf(await read(file));
    const out = join(dir, 'status.edxml');
    await writeStatusPackage(r.header, out);
    expect(await elementPaths(out)).toEqual(await elementPaths(sample(file)));
    expect(statusOf(await readPackage(out, { outputDir: join(dir, 'back') })).header).toEqual(r.header);
  });

  // vnpt-status.edxml orders From's names, ResponseFor and StaffInfo as the document samples do,
  // unlike the nine per-code status samples our writer follows: same elements, other sibling order.
  it('vnpt-status.edxml: the same elements (its sibling order differs from the per-code samples)', async () => {
    const r = statusOf(await read('vnpt-status.edxml'));
    const out = join(dir, 'status.edxml');
    await writeStatusPackage(r.header, out);
    const ours = await elementPaths(out);
    const theirs = await elementPaths(sample('vnpt-status.edxml'));
    expect([...ours].sort()).toEqual([...theirs].sort());
    expect(ours).not.toEqual(theirs);
  });
});
