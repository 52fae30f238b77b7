import { FlowWriter } from '../../books/pdf/flow-writer.ts';
import { drawFormHeader } from '../../books/pdf/form-header.ts';
import { LEGAL_PORTRAIT } from '../../books/pdf/page-layout.ts';
import { checkCount, checkDate, checkMetres, checkRequired } from './form-check.ts';
import { drawSignatures, inOrder, newFormDocument, saveForm, TEXT_SIZE, TITLE_SIZE, titleRule } from './form-pdf.ts';
import { BLANK, filled, metres, placeAndDate } from './form-text.ts';
import type { HandoverRecordForm } from './form-types.ts';

const GEOMETRY = LEGAL_PORTRAIT;

function checkHandoverRecord(r: HandoverRecordForm): void {
  checkRequired(r.agency, 'tên cơ quan');
  checkDate(r.date, 'biên bản giao nhận');
  if (r.paper) {
    checkCount(r.paper.boxes, 'tổng số hộp (cặp)');
    checkCount(r.paper.files, 'tổng số hồ sơ giấy');
    checkMetres(r.paper.shelfMetres, 'số mét giá');
  }
  if (r.electronic) {
    checkCount(r.electronic.files, 'tổng số hồ sơ điện tử');
    checkCount(r.electronic.fileCount, 'tổng số tệp tin');
  }
}

const count = (n: number | undefined): string => (n === undefined ? BLANK : String(n));

// "BÊN GIAO: (tên cá nhân, đơn vị giao nộp hồ sơ, tài liệu)": the unit that hands over, else the
// person; the form's own words when neither is known, for the hand to fill in.
function giverLine(giver: HandoverRecordForm['giver']): string {
  return giver.unit?.trim() || giver.name?.trim() || '(tên cá nhân, đơn vị giao nộp hồ sơ, tài liệu)';
}

// The numbered content of the biên bản, line by line as Appendix V V sets it; `indent` in steps
// of 1 cm (the points a) and b) and their dashes stand in one step).
export function handoverRecordLines(r: HandoverRecordForm): { readonly text: string; readonly indent: number; readonly bold?: boolean }[] {
  const catalogue = r.catalogueNote?.trim() ? ` (${r.catalogueNote.trim()})` : '';
  return [
    { text: 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;', indent: 0 },
    { text: `Căn cứ ${r.basis?.trim() || `${BLANK} (Danh mục hồ sơ năm ${BLANK}, Kế hoạch thu thập tài liệu ${BLANK})`},`, indent: 0 },
    { text: 'Chúng tôi gồm:', indent: 0 },
    { text: `BÊN GIAO: ${giverLine(r.giver)}`, indent: 0, bold: true },
    { text: `Ông (bà): ${filled(r.giver.name)}`, indent: 0 },
    { text: `Chức vụ công tác: ${filled(r.giver.title)}`, indent: 0 },
    { text: 'BÊN NHẬN: Lưu trữ cơ quan', indent: 0, bold: true },
    { text: `Ông (bà): ${filled(r.receiver.name)}`, indent: 0 },
    { text: `Chức vụ công tác: ${filled(r.receiver.title)}`, indent: 0 },
    { text: 'Thống nhất lập biên bản giao nhận tài liệu với những nội dung như sau:', indent: 0 },
    { text: `1. Tên khối tài liệu giao nộp: ${filled(r.blockName)}`, indent: 0 },
    { text: `2. Thời gian của hồ sơ, tài liệu: ${filled(r.timeSpan)}`, indent: 0 },
    { text: '3. Số lượng tài liệu:', indent: 0 },
    { text: 'a) Đối với hồ sơ, tài liệu giấy', indent: 1 },
    { text: `- Tổng số hộp (cặp): ${count(r.paper?.boxes)}`, indent: 1 },
    {
      text: `- Tổng số hồ sơ (đơn vị bảo quản): ${count(r.paper?.files)}. Quy ra mét giá: ${r.paper ? metres(r.paper.shelfMetres) : BLANK} mét.`,
      indent: 1,
    },
    { text: 'b) Đối với hồ sơ, tài liệu điện tử', indent: 1 },
    { text: `- Tổng số hồ sơ: ${count(r.electronic?.files)}`, indent: 1 },
    { text: `- Tổng số tệp tin trong hồ sơ: ${count(r.electronic?.fileCount)}`, indent: 1 },
    { text: `4. Tình trạng tài liệu giao nộp: ${filled(r.condition)}`, indent: 0 },
    { text: `5. Mục lục hồ sơ, tài liệu nộp lưu kèm theo${catalogue}.`, indent: 0 },
    { text: 'Biên bản này được lập thành hai bản; bên giao giữ một bản, bên nhận giữ một bản./.', indent: 0 },
  ];
}

const INDENT = 28; // 1 cm, the indent of Appendix I Part I II.6.e

// Decree 30 Appendix V V, the biên bản giao nhận hồ sơ, tài liệu: the header with the place and
// date, the title, the numbered content, and the two representatives' signatures.
export async function renderHandoverRecordPdf(r: HandoverRecordForm, now: Date, fontsDir?: string): Promise<Uint8Array> {
  checkHandoverRecord(r);
  const form = await newFormDocument(fontsDir);
  const w = new FlowWriter(form.doc, form.fonts, GEOMETRY);
  drawFormHeader(w, { ...r, placeDate: placeAndDate(r.place, r.date) });
  w.paragraph('BIÊN BẢN', 'bold', TITLE_SIZE, { centre: true });
  w.paragraph('Giao nhận hồ sơ, tài liệu', 'bold', TITLE_SIZE, { centre: true });
  titleRule(w);
  for (const line of handoverRecordLines(r)) {
    w.paragraph(line.text, line.bold ? 'bold' : 'regular', TEXT_SIZE, { indent: line.indent * INDENT, gap: 1 });
  }
  const signed = (name: string | null) => (name ? [{ text: name, style: 'bold' as const }] : []);
  drawSignatures(w, [
    { above: [{ text: 'ĐẠI DIỆN BÊN GIAO', style: 'bold' }, { text: '(Ký và ghi rõ họ và tên)', style: 'italic' }], below: signed(r.giver.name) },
    { above: [{ text: 'ĐẠI DIỆN BÊN NHẬN', style: 'bold' }, { text: '(Ký và ghi rõ họ và tên)', style: 'italic' }], below: signed(r.receiver.name) },
  ]);
  w.finish();

  return saveForm(form, inOrder(w.pages), GEOMETRY, {
    title: `Biên bản giao nhận hồ sơ, tài liệu - ${r.agency}`,
    author: r.agency,
    subject: r.blockName ?? undefined,
    now,
  });
}
