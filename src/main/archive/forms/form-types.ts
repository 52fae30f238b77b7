// The typed inputs of the four Appendix V forms of Decree 30 (docs/archive-forms.md). They carry
// what the case-files tables hold (migration 0011: file_plans, plan_headings, case_files,
// case_file_documents, handovers), already read and put in order by the caller; the totals the
// forms print are counted here from these lists, so they cannot disagree with the rows.
// Dates are ISO `YYYY-MM-DD`; a field that is null prints the form's dotted blank, to be written
// by hand.

export interface FormAgency {
  readonly parentAgency: string | null; // cơ quan chủ quản
  readonly agency: string; // cơ quan, tổ chức (or, on the mục lục nộp lưu, the unit handing over)
}

// null = vĩnh viễn (case_files.retention_years), else the number of years.
export type RetentionYears = number | null;

// ---- II. Danh mục hồ sơ ----

export interface PlanDecision {
  readonly number: string | null; // "15/QĐ-UBND"
  readonly date: string | null;
  readonly by: string | null; // "Chủ tịch Ủy ban nhân dân xã Hòa Tiến"
}

export interface PlanFile {
  readonly notation: string; // "01.VP"
  readonly title: string;
  readonly retentionYears: RetentionYears;
  readonly creator: string; // người lập hồ sơ
  readonly note: string | null;
}

export interface PlanSubHeading {
  readonly ordinal: number; // Arabic, within its top heading
  readonly title: string;
  readonly files: readonly PlanFile[];
}

export interface PlanHeading {
  readonly ordinal: number; // printed in Roman numerals
  readonly title: string;
  // Files placed on the top heading itself, printed before its sub-headings.
  readonly files: readonly PlanFile[];
  readonly subHeadings: readonly PlanSubHeading[];
}

export interface FilePlanForm extends FormAgency {
  readonly year: number;
  readonly decision: PlanDecision | null;
  readonly headings: readonly PlanHeading[];
}

// ---- III. Mục lục hồ sơ, tài liệu nộp lưu ----

export interface HandoverFile {
  readonly ordinal: number; // số TT
  readonly notation: string;
  readonly title: string;
  readonly startDate: string | null; // thời gian tài liệu: the earliest and latest document
  readonly endDate: string | null;
  readonly retentionYears: RetentionYears;
  readonly pageCount: number | null; // số tờ / số trang
  readonly note: string | null;
}

export interface Signatory {
  readonly name: string | null;
  readonly title: string | null; // chức vụ
}

export interface HandoverListForm extends FormAgency {
  readonly year: number;
  // The bold line under the title: the unit (phông, khối) whose files these are.
  readonly unitName: string | null;
  readonly files: readonly HandoverFile[];
  readonly place: string; // "Xã Hòa Tiến"
  readonly date: string | null;
  readonly preparer: Signatory; // người lập
}

// ---- IV. Mục lục văn bản, tài liệu trong hồ sơ ----

export interface FileDocumentEntry {
  readonly ordinal: number; // STT = DocOrdinal
  readonly numberNotation: string | null; // "15/QĐ-UBND"; null for a record without one
  readonly date: string | null;
  readonly documentType: string; // "Quyết định"
  readonly subject: string;
  readonly author: string; // tác giả: the issuing agency
  readonly pageFrom: number | null; // tờ số / trang số, from–to in the file
  readonly pageTo: number | null;
  readonly note: string | null;
}

export interface FileContentsForm {
  readonly notation: string; // số, ký hiệu hồ sơ
  readonly year: number;
  // The file's title and the agency: not on the form (the file's cover has them), in the PDF's
  // information.
  readonly title: string | null;
  readonly agency: string;
  readonly documents: readonly FileDocumentEntry[];
}

// ---- V. Biên bản giao nhận hồ sơ, tài liệu ----

export interface PaperQuantity {
  readonly boxes: number; // hộp (cặp)
  readonly files: number; // hồ sơ (đơn vị bảo quản)
  readonly shelfMetres: number; // mét giá
}

export interface ElectronicQuantity {
  readonly files: number;
  readonly fileCount: number; // tệp tin trong hồ sơ
}

export interface HandoverRecordForm extends FormAgency {
  readonly place: string;
  readonly date: string | null;
  // "Danh mục hồ sơ năm 2026" — the part after "Căn cứ".
  readonly basis: string | null;
  readonly giver: Signatory & { readonly unit: string | null };
  readonly receiver: Signatory;
  readonly blockName: string | null; // tên khối tài liệu giao nộp
  readonly timeSpan: string | null; // thời gian của hồ sơ, tài liệu, e.g. "2026"
  readonly paper: PaperQuantity | null;
  readonly electronic: ElectronicQuantity | null;
  readonly condition: string | null; // tình trạng tài liệu giao nộp
  // Said after line 5 ("Mục lục hồ sơ, tài liệu nộp lưu kèm theo"), e.g. "gồm 03 trang".
  readonly catalogueNote: string | null;
}
