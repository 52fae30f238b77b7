import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRegister } from '../../src/main/books/import-register.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { listDocuments } from '../../src/main/registry/listing.ts';
import type { ImportReport } from '../../src/shared/api/schemas/books.ts';
import { listQuery } from '../../src/shared/api/schemas/documents.ts';
import { AppError } from '../../src/shared/errors.ts';
import { addIncoming, addOutgoing, auditActions, countRows } from '../fixtures/books/seed.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'books');
const INCOMING_HEADER = 'Ngày đến,Số đến,Tác giả,"Số, ký hiệu",Ngày tháng văn bản,Tên loại và trích yếu,Đơn vị hoặc người nhận,Ghi chú';
const OUTGOING_HEADER = '"Số, ký hiệu",Ngày tháng văn bản,Tên loại và trích yếu nội dung,Người ký,Nơi nhận văn bản,Số lượng bản,Ghi chú';

const csv = (...lines: string[]): Buffer => Buffer.from(lines.join('\r\n'), 'utf8');

function row(ctx: Profile, direction: 'incoming' | 'outgoing', year: number, number: number) {
  return ctx.db
    .prepare(
      `SELECT d.*, s.name AS series_name FROM documents d JOIN registers r ON r.id = d.register_id JOIN series s ON s.id = r.series_id
       WHERE d.direction = ? AND d.year = ? AND d.number = ?`,
    )
    .get(direction, year, number) as Record<string, unknown> | undefined;
}

describe('register import from CSV and XLSX', () => {
  let profile: Profile;
  let cleanup = () => {};

  beforeEach(() => {
    const t = newProfile(fixedClock('2026-03-05T02:00:00Z'));
    profile = t.profile;
    cleanup = t.cleanup;
  });
  afterEach(() => cleanup());

  const run = (kind: 'incoming' | 'outgoing', data: Uint8Array, dryRun: boolean, fileName = 'so.csv') =>
    importRegister(profile, { kind, fileName, data, dryRun });

  it("reads a clerk's own register: semicolons, title rows, numbered titles, mixed date formats", async () => {
    const data = readFileSync(join(FIXTURES, 'clerk-incoming-2025.csv'));
    const report = await run('incoming', data, false, 'so-den-2025.csv');
    expect(report).toMatchObject({ dryRun: false, totalRows: 4, validRows: 4, imported: 4, errors: [], years: [2025] });
    expect(report.warnings).toEqual([{ row: 4, field: null, message: 'Bỏ qua các cột không nhận ra: STT.' }]);

    expect(row(profile, 'incoming', 2025, 1)).toMatchObject({
      register_date: '2025-01-02',
      issuing_agency: 'UBND tỉnh Đồng Nai',
      code_number: '01',
      code_notation: 'QĐ-UBND',
      document_date: '2024-12-30',
      document_type: 'quyet-dinh',
      subject: 'về việc giao chỉ tiêu kế hoạch năm 2025',
      recipient_unit: 'Văn phòng',
      transfer_date: '2025-01-02',
      received_by: 'Lan',
      processing_status: 'done',
      status: 'active',
    });
    expect(row(profile, 'incoming', 2025, 2)).toMatchObject({ arrival_at: null, register_date: '2025-01-03', document_date: '2025-01-02', document_type: 'cong-van', priority: 1 });
    expect(row(profile, 'incoming', 2025, 3)).toMatchObject({ register_date: '2025-01-06', code_number: '7', code_notation: 'KH-CAT', document_type: 'ke-hoach' });
    // "V/v" with no type name before it is a công văn.
    expect(row(profile, 'incoming', 2025, 4)).toMatchObject({
      document_type: 'cong-van',
      subject: 'V/v đối chiếu số liệu bảo hiểm y tế; danh sách kèm theo',
      notes: 'Đã gọi điện xác nhận',
    });
  });

  it('makes imported rows searchable without diacritics and lets numbering continue after them', async () => {
    const report = await run(
      'incoming',
      csv(
        INCOMING_HEADER,
        '05/01/2026,1,UBND tỉnh Đồng Nai,12/QĐ-UBND,04/01/2026,"Quyết định\nVề việc thành lập đoàn kiểm tra",Văn phòng,',
        '06/01/2026,2,Sở Nội vụ,3/SNV-TCBC,05/01/2026,"Công văn\nV/v rà soát biên chế",,',
        '07/01/2026,7,Huyện đoàn,8/HĐ,06/01/2026,"Thông báo\nKết luận hội nghị",,',
      ),
      false,
    );
    expect(report.imported).toBe(3);
    const found = listDocuments(profile, listQuery.parse({ direction: 'incoming', query: 'dong nai doan kiem tra' }));
    expect(found.rows.map((r) => [r.number, r.codeNumber, r.codeNotation])).toEqual([[1, '12', 'QĐ-UBND']]);
    expect(listDocuments(profile, listQuery.parse({ direction: 'incoming', query: 'bien che' })).rows.map((r) => r.number)).toEqual([2]);
    const next = addIncoming(profile, { arrivalDate: '2026-03-05' });
    expect(next.number).toBe(8);
  });

  it('dry run: reports every bad row with its field and reason, and writes nothing', async () => {
    addIncoming(profile, { arrivalDate: '2026-01-02', documentDate: '2026-01-01' });
    const before = { rows: countRows(profile), audit: auditActions(profile) };
    const report = await run(
      'incoming',
      csv(
        INCOMING_HEADER,
        '05/01/2026,2,UBND tỉnh Đồng Nai,12/QĐ-UBND,04/01/2026,"Quyết định\nVề việc A",,',
        '31/02/2026,3,UBND tỉnh Đồng Nai,13/QĐ-UBND,04/01/2026,"Quyết định\nVề việc B",,',
        '06/01/2026,abc,UBND tỉnh Đồng Nai,14/QĐ-UBND,04/01/2026,"Quyết định\nVề việc C",,',
        '07/01/2026,5,,15-QĐ-UBND,08/01/2026,"Quyết định\nVề việc D",,',
        '08/01/2026,2,UBND tỉnh Đồng Nai,16/QĐ-UBND,04/01/2026,,,',
        '09/01/2026,1,UBND tỉnh Đồng Nai,17/QĐ-UBND,04/01/2026,"Quyết định\nVề việc F",,',
        '09/03/2026,6,UBND tỉnh Đồng Nai,18/QĐ-UBND,04/01/2026,"Quyết định\nVề việc G",,',
      ),
      true,
    );
    expect(report).toMatchObject({ dryRun: true, totalRows: 7, validRows: 1, imported: 0, years: [2026] });
    expect(report.errors).toEqual([
      { row: 3, field: 'arrivalDate', message: 'Ngày đến: không phải ngày hợp lệ (dd/MM/yyyy)' },
      { row: 4, field: 'number', message: 'Số đến: phải là số nguyên dương' },
      { row: 5, field: 'numberAndNotation', message: 'Số, ký hiệu: "15-QĐ-UBND" phải có dạng số/ký hiệu, ví dụ 15/QĐ-UBND' },
      { row: 5, field: 'issuingAgency', message: 'Tác giả: không được để trống' },
      { row: 5, field: 'documentDate', message: 'Ngày tháng văn bản: không được sau ngày đến' },
      { row: 6, field: 'typeAndSubject', message: 'Tên loại và trích yếu: thiếu trích yếu' },
      { row: 7, field: 'number', message: 'Số đến: số 1 năm 2026 đã có trong Sổ văn bản đến' },
      { row: 8, field: 'arrivalDate', message: 'Ngày đến: không được sau hôm nay' },
    ]);
    expect(countRows(profile)).toBe(before.rows);
    expect(auditActions(profile)).toEqual(before.audit);
  });

  it('real run with one bad row: refuses the whole file, with the report, and writes nothing', async () => {
    const before = { rows: countRows(profile), audit: auditActions(profile) };
    const data = csv(
      INCOMING_HEADER,
      '05/01/2026,1,UBND tỉnh Đồng Nai,12/QĐ-UBND,04/01/2026,"Quyết định\nVề việc A",,',
      '06/01/2026,2,UBND tỉnh Đồng Nai,13/QĐ-UBND,04/01/2026,"Quyết định\nVề việc B",,',
      '07/01/2026,2,UBND tỉnh Đồng Nai,14/QĐ-UBND,04/01/2026,"Quyết định\nVề việc C",,',
    );
    const error = await expectAppErrorAsync(() => run('incoming', data, false), 'IMPORT_INVALID', /Chưa nhập gì: 1 trong 3 dòng có lỗi/);
    const report = error.data as ImportReport;
    expect(report.errors).toEqual([{ row: 4, field: 'number', message: 'Số đến: số 2 năm 2026 trùng với dòng 3' }]);
    expect(report.imported).toBe(0);
    expect(countRows(profile)).toBe(before.rows);
    expect(auditActions(profile)).toEqual(before.audit);
  });

  it('warns, without refusing, about gaps, dates out of order and suspected duplicates', async () => {
    addIncoming(profile, { arrivalDate: '2026-01-02', documentDate: '2026-01-01', issuingAgency: 'Sở Y tế', codeNumber: '40', codeNotation: 'SYT-NV' });
    const report = await run(
      'incoming',
      csv(
        INCOMING_HEADER,
        '05/01/2026,2,Sở Y tế,040/syt-nv,04/01/2026,"Công văn\nV/v tiêm chủng",,',
        '03/01/2026,5,UBND tỉnh Đồng Nai,12/QĐ-UBND,02/01/2026,"Quyết định\nVề việc A",,',
        '06/01/2026,6,UBND tỉnh Đồng Nai,12/QĐ-UBND,02/01/2026,"Quyết định\nVề việc A",,',
      ),
      false,
    );
    expect(report.errors).toEqual([]);
    expect(report.imported).toBe(3);
    expect(report.warnings).toEqual([
      { row: 2, field: 'numberAndNotation', message: 'Số, ký hiệu: có thể trùng văn bản đã vào sổ: số đến 1/2026' },
      { row: 3, field: 'number', message: 'Số đến: sổ Sổ văn bản đến năm 2026 thiếu số 3–4 trước số 5' },
      { row: 3, field: 'number', message: 'Số đến: số 5 có ngày đến 03/01/2026, trước ngày đến của số 2 (05/01/2026)' },
      { row: 4, field: 'numberAndNotation', message: 'Số, ký hiệu: có thể trùng văn bản ở dòng 3 (cùng số, ký hiệu và tác giả)' },
    ]);
  });

  it('records one audit entry naming the file by its SHA-256, with the counts and years', async () => {
    const data = readFileSync(join(FIXTURES, 'clerk-incoming-2025.csv'));
    const before = auditActions(profile).length;
    await run('incoming', data, false, 'so-den-2025.csv');
    const entries = profile.db.prepare('SELECT action, details FROM audit_log ORDER BY seq').all() as Array<{ action: string; details: string }>;
    expect(entries).toHaveLength(before + 1);
    const entry = entries.at(-1);
    expect(entry?.action).toBe('books.import');
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({
      kind: 'incoming',
      fileName: 'so-den-2025.csv',
      sha256: createHash('sha256').update(data).digest('hex'),
      imported: 4,
      years: [2025],
      registers: [{ series: 'Sổ văn bản đến', year: 2025, rows: 4, firstNumber: 1, lastNumber: 4 }],
    });
    expect(profile.audit.verify().ok).toBe(true);
  });

  it('reads an XLSX with date cells, Excel serial dates, glossary field names and separate number/notation', async () => {
    const data = await writeExcelFile([
      [{ value: 'Sổ văn bản đến cũ' }],
      ['arrivalDate', 'arrivalNumber', 'issuingAgency', 'codeNumber', 'codeNotation', 'documentDate', 'documentType', 'subject', 'priority', 'dueDate', 'processingStatus'],
      [new Date('2024-05-02T00:00:00Z'), 1, 'Sở Giáo dục', 9, 'SGD-VP', { value: 45412, type: Number }, 'cong van', 'V/v tuyển sinh', 'Thượng khẩn', '2024-05-10', 'Đang xử lý'],
      [{ value: new Date('2024-05-03T00:00:00Z'), format: 'dd/mm/yyyy' }, 2, 'Sở Giáo dục', '10', 'SGD-VP', '30/04/2024', 'HĐ', 'Thuê xe đưa đón', null, null, null],
    ], { dateFormat: 'd mmmm yyyy' }).toBuffer();
    const report = await run('incoming', data, false, 'cu.xlsx');
    expect(report).toMatchObject({ errors: [], imported: 2, years: [2024] });
    expect(row(profile, 'incoming', 2024, 1)).toMatchObject({
      register_date: '2024-05-02',
      code_number: '9',
      document_date: '2024-04-30',
      document_type: 'cong-van',
      subject: 'V/v tuyển sinh',
      priority: 2,
      due_date: '2024-05-10',
      processing_status: 'in_progress',
    });
    // "HĐ" is Hợp đồng, not Hướng dẫn ("HD"): abbreviations are compared exactly.
    expect(row(profile, 'incoming', 2024, 2)).toMatchObject({ document_type: 'hop-dong', processing_status: 'done' });
  });

  it('imports an outgoing register: number from "Số", series by type, void rows and their reasons', async () => {
    const report = await run(
      'outgoing',
      csv(
        OUTGOING_HEADER,
        '01/QĐ-UBND,02/01/2025,"Quyết định\nVề việc kiện toàn Ban chỉ đạo",Nguyễn Văn An,"- Như trên;\n- Lưu: VT.",2,',
        '02/UBND-VP,03/01/2025,"Công văn\nV/v báo cáo tháng 12",,,,"ĐÃ HỦY: Trùng số\nKhẩn"',
        '03/UBND-VP,04/01/2025,V/v mời họp giao ban,Trần Thị Bình,,,',
        '01/SY-UBND,04/01/2025,"Bản sao y\nSao y Quyết định số 01/QĐ-UBND",Trần Thị Bình,,,',
      ),
      false,
    );
    expect(report).toMatchObject({ errors: [], imported: 4, years: [2025] });
    expect(row(profile, 'outgoing', 2025, 1)).toMatchObject({
      series_name: 'Sổ văn bản đi',
      issuing_agency: 'Ủy ban nhân dân xã Hòa Tiến',
      signer_name: 'Nguyễn Văn An',
      recipients_text: '- Như trên;\n- Lưu: VT.',
      copies: 2,
      processing_status: null,
    });
    expect(row(profile, 'outgoing', 2025, 2)).toMatchObject({ status: 'void', void_reason: 'Trùng số', priority: 1, notes: null });
    expect(row(profile, 'outgoing', 2025, 3)).toMatchObject({ document_type: 'cong-van', subject: 'V/v mời họp giao ban' });
    const copy = profile.db.prepare("SELECT s.name FROM documents d JOIN registers r ON r.id = d.register_id JOIN series s ON s.id = r.series_id WHERE d.code_notation = 'SY-UBND'").get() as { name: string };
    expect(copy.name).toBe('Sổ bản sao văn bản');
  });

  it('refuses outgoing rows whose number+notation is already issued that year, or lacks a signer or a known type', async () => {
    addOutgoing(profile, { documentDate: '2026-01-05' });
    const report = await run(
      'outgoing',
      csv(
        OUTGOING_HEADER,
        '01/QĐ-UBND,06/01/2026,"Quyết định\nVề việc A",Nguyễn Văn An,,,',
        '05/QĐ-UBND,06/01/2026,"Quyết định\nVề việc B",,,,',
        '06/TTri-UBND,06/01/2026,"Thông tri\nVề việc C",Nguyễn Văn An,,,',
        '07/QĐ-UBND,06/01/2026,"Quyết định\nVề việc D",Nguyễn Văn An,,,',
        '07/QĐ-UBND,07/01/2026,"Quyết định\nVề việc E",Nguyễn Văn An,,,',
      ),
      true,
    );
    expect(report.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [2, 'numberAndNotation', 'Số, ký hiệu: số 1 năm 2026 đã có trong Sổ văn bản đi'],
      [3, 'signerName', 'Người ký: không được để trống'],
      [4, 'typeAndSubject', 'Tên loại và trích yếu: "Thông tri" không phải loại văn bản hành chính theo Nghị định 30 (ví dụ "Quyết định", "Công văn")'],
      [6, 'numberAndNotation', 'Số, ký hiệu: số 7 năm 2026 trùng với dòng 5'],
    ]);
  });

  it('refuses an outgoing number column that disagrees with the number of "Số, ký hiệu", and stores numbers as issued', async () => {
    const header = 'number,"Số, ký hiệu",Ngày tháng văn bản,Tên loại và trích yếu nội dung,Người ký';
    const rows = ['7,01/QĐ-UBND,06/01/2026,"Quyết định\nVề việc A",An', '8,1/QĐ-UBND,07/01/2026,"Quyết định\nVề việc B",An'];
    const refused = await run('outgoing', csv(header, ...rows), true);
    expect(refused.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [2, 'numberAndNotation', 'Số, ký hiệu: số "01" khác với số 7 ở cột số; văn bản đi vào sổ theo số trong "Số, ký hiệu"'],
      [3, 'numberAndNotation', 'Số, ký hiệu: số "1" khác với số 8 ở cột số; văn bản đi vào sổ theo số trong "Số, ký hiệu"'],
    ]);
    const report = await run('outgoing', csv(header, '1,001/QĐ-UBND,06/01/2026,"Quyết định\nVề việc A",An', '12,12/UBND-VP,07/01/2026,V/v B,An'), false);
    expect(report).toMatchObject({ errors: [], imported: 2 });
    expect(row(profile, 'outgoing', 2026, 1)).toMatchObject({ code_number: '01', code_notation: 'QĐ-UBND' });
    expect(row(profile, 'outgoing', 2026, 12)).toMatchObject({ code_number: '12', code_notation: 'UBND-VP' });
  });

  it('treats "1/QĐ-UBND" and "01/QĐ-UBND" as one outgoing code, in the file and in the database', async () => {
    // A copy is numbered in its own series, so only the code can tell these rows collide.
    const copy = (code: string) => `${code},06/01/2026,"Bản sao y\nSao y Quyết định",An,,,`;
    const inFile = await run('outgoing', csv(OUTGOING_HEADER, '01/QĐ-UBND,06/01/2026,"Quyết định\nVề việc A",An,,,', copy('1/QĐ-UBND')), true);
    expect(inFile.errors).toEqual([{ row: 3, field: 'numberAndNotation', message: 'Số, ký hiệu: "01/QĐ-UBND" năm 2026 trùng với dòng 2' }]);

    addOutgoing(profile, { documentDate: '2026-01-05' });
    const registered = await run('outgoing', csv(OUTGOING_HEADER, copy('1/QĐ-UBND')), true);
    expect(registered.errors).toEqual([{ row: 2, field: 'numberAndNotation', message: 'Số, ký hiệu: "01/QĐ-UBND" năm 2026 đã được cấp trong sổ văn bản đi' }]);
    // A register imported before numbers were stored as issued may hold "1".
    profile.db.prepare("UPDATE documents SET code_number = '1' WHERE direction = 'outgoing'").run();
    const legacy = await run('outgoing', csv(OUTGOING_HEADER, copy('01/QĐ-UBND')), true);
    expect(legacy.errors.map((e) => e.message)).toEqual(['Số, ký hiệu: "01/QĐ-UBND" năm 2026 đã được cấp trong sổ văn bản đi']);
  });

  it('applies the date rules of registration to incoming rows: transfer date not before arrival', async () => {
    const header = `${INCOMING_HEADER},Ngày chuyển`;
    const report = await run(
      'incoming',
      csv(
        header,
        '05/01/2026,1,UBND tỉnh Đồng Nai,12/QĐ-UBND,04/01/2026,"Quyết định\nVề việc A",,,04/01/2026',
        '05/01/2026,2,UBND tỉnh Đồng Nai,13/QĐ-UBND,04/01/2026,"Quyết định\nVề việc B",,,05/01/2026',
      ),
      true,
    );
    expect(report.errors).toEqual([{ row: 2, field: 'transferDate', message: 'Ngày chuyển: không được trước ngày đến' }]);
  });

  it('warns about incoming rows with the same document identifier, in the file or already registered', async () => {
    addIncoming(profile, { arrivalDate: '2026-01-02', documentDate: '2026-01-01', documentIdentifier: '000.00.00.H12-260101-0001' });
    const report = await run(
      'incoming',
      csv(
        `${INCOMING_HEADER},Mã văn bản`,
        '05/01/2026,2,Sở Tài chính,5/STC-NS,04/01/2026,"Công văn\nV/v A",,,000.00.00.H12-260101-0001',
        '06/01/2026,3,Sở Nội vụ,6/SNV,04/01/2026,"Công văn\nV/v B",,,000.00.00.H13-260104-0006',
        '07/01/2026,4,Sở Nội vụ tỉnh Đồng Nai,06/SNV-VP,04/01/2026,"Công văn\nV/v B",,,000.00.00.H13-260104-0006',
      ),
      true,
    );
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([
      { row: 2, field: 'numberAndNotation', message: 'Số, ký hiệu: có thể trùng văn bản đã vào sổ: số đến 1/2026' },
      { row: 4, field: 'numberAndNotation', message: 'Số, ký hiệu: có thể trùng văn bản ở dòng 3 (cùng mã văn bản 000.00.00.H13-260104-0006)' },
    ]);
  });

  it('keeps an unknown incoming type by its name, with a warning', async () => {
    const report = await run('incoming', csv(INCOMING_HEADER, '05/01/2026,1,Ban Tuyên giáo,2/TTr-BTG,04/01/2026,"Thông tri\nVề việc học tập nghị quyết",,'), false);
    expect(report.warnings.map((w) => w.message)).toEqual(['Tên loại và trích yếu: tên loại "Thông tri" không có trong danh mục; ghi nhận là loại khác']);
    expect(row(profile, 'incoming', 2026, 1)).toMatchObject({ document_type: 'khac', document_type_name: 'Thông tri', subject: 'Về việc học tập nghị quyết' });
  });

  it('reads CSV without a byte-order mark, with a cell that looks like a formula kept as text', async () => {
    const data = csv(INCOMING_HEADER, `05/01/2026,1,UBND tỉnh Đồng Nai,12/QĐ-UBND,04/01/2026,"Quyết định\nVề việc A",,=HYPERLINK("http://x")`);
    expect(data[0]).not.toBe(0xef);
    await run('incoming', data, false);
    expect(row(profile, 'incoming', 2026, 1)?.notes).toBe('=HYPERLINK("http://x")');
  });

  it('fails on a real run as AppError, never half-way, when the register has gone missing', async () => {
    profile.db.prepare("UPDATE series SET active = 0 WHERE direction = 'incoming'").run();
    const data = csv(INCOMING_HEADER, '05/01/2026,1,UBND tỉnh Đồng Nai,12/QĐ-UBND,04/01/2026,"Quyết định\nVề việc A",,');
    await expect(run('incoming', data, false)).rejects.toBeInstanceOf(AppError);
    expect(countRows(profile)).toBe(0);
  });
});
