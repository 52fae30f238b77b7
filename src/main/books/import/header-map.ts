import { comparisonKey } from '../../../shared/domain/fold.ts';
import { HEADER_SCAN_ROWS, type RawCell, type RawTable } from './raw-table.ts';

// The fields an imported register row can fill, and the column headers that name them: the
// Appendix IV titles (with or without their "(1)" numbers), the titles our own export writes, a
// few names clerks commonly use, and the glossary field names. Matching ignores case,
// diacritics, spaces and punctuation ("Số, ký hiệu" = "so ky hieu" = "SO KY HIEU (4)").
const ALIASES = {
  arrivalDate: ['Ngày đến', 'arrivalDate'],
  number: ['Số đến', 'arrivalNumber', 'number'],
  issuingAgency: ['Tác giả', 'Cơ quan ban hành', 'Nơi ban hành', 'Nơi gửi', 'Cơ quan gửi', 'issuingAgency'],
  numberAndNotation: ['Số, ký hiệu', 'Số và ký hiệu', 'Số, ký hiệu văn bản', 'numberAndNotation'],
  codeNumber: ['codeNumber'],
  codeNotation: ['Ký hiệu', 'codeNotation'],
  documentDate: ['Ngày tháng văn bản', 'Ngày văn bản', 'Ngày tháng', 'Ngày ban hành', 'documentDate'],
  typeAndSubject: ['Tên loại và trích yếu', 'Tên loại và trích yếu nội dung', 'Tên loại, trích yếu', 'typeAndSubject'],
  documentType: ['Tên loại', 'Loại văn bản', 'Tên loại văn bản', 'documentType'],
  subject: ['Trích yếu', 'Trích yếu nội dung', 'subject'],
  signerName: ['Người ký', 'signerName'],
  signerPosition: ['Chức vụ người ký', 'signerPosition'],
  recipientsText: ['Nơi nhận văn bản', 'Nơi nhận', 'recipientsText'],
  recipientUnit: ['Đơn vị hoặc người nhận', 'Đơn vị, người nhận bản lưu', 'Đơn vị nhận', 'recipientUnit'],
  copies: ['Số lượng bản', 'copies'],
  pageCount: ['Số trang', 'pageCount'],
  transferDate: ['Ngày chuyển', 'transferDate'],
  receivedBy: ['Ký nhận', 'receivedBy'],
  notes: ['Ghi chú', 'notes'],
  priority: ['Độ khẩn', 'priority'],
  dueDate: ['Hạn xử lý', 'Thời hạn giải quyết', 'dueDate'],
  documentIdentifier: ['Mã văn bản', 'documentIdentifier'],
  processingStatus: ['Tiến độ giải quyết', 'processingStatus'],
} as const;

export type ImportField = keyof typeof ALIASES;

const BY_KEY = new Map<string, ImportField>(
  (Object.entries(ALIASES) as Array<[ImportField, readonly string[]]>).flatMap(([field, names]) =>
    names.map((n) => [comparisonKey(n), field] as const),
  ),
);

// "(4) Số, ký hiệu", "Số, ký hiệu (4)" and "4. Số, ký hiệu" all name the same column.
export function headerField(cell: RawCell): ImportField | null {
  if (typeof cell !== 'string') return null;
  const title = cell.replace(/\(\s*\d{1,2}\s*\)/g, '').replace(/^\s*\d{1,2}\s*[.)]\s*/, '');
  return BY_KEY.get(comparisonKey(title)) ?? null;
}

export interface HeaderMap {
  // Index of the header row in table.rows.
  readonly rowIndex: number;
  readonly columns: ReadonlyMap<ImportField, number>;
  readonly repeated: readonly string[];
  readonly unknown: readonly string[];
}

function mapRow(row: readonly RawCell[], rowIndex: number): HeaderMap {
  const columns = new Map<ImportField, number>();
  const repeated: string[] = [];
  const unknown: string[] = [];
  row.forEach((cell, i) => {
    const field = headerField(cell);
    const label = String(cell ?? '').trim();
    if (!field) {
      if (label) unknown.push(label);
    } else if (columns.has(field)) {
      repeated.push(label);
    } else {
      columns.set(field, i);
    }
  });
  return { rowIndex, columns, repeated, unknown };
}

// The header is the row, among the first few, that names the most fields we know.
export function findHeader(table: RawTable): HeaderMap | null {
  let best: HeaderMap | null = null;
  const scanned = Math.min(table.rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < scanned; i++) {
    const candidate = mapRow(table.rows[i] ?? [], i);
    if (candidate.columns.size >= 2 && (!best || candidate.columns.size > best.columns.size)) best = candidate;
  }
  return best;
}

// Each requirement is met by one of its alternatives (all columns of that alternative present).
type Requirement = { readonly label: string; readonly anyOf: ReadonlyArray<readonly ImportField[]> };

const NUMBER_AND_NOTATION: Requirement = {
  label: 'Số, ký hiệu',
  anyOf: [['numberAndNotation'], ['codeNumber', 'codeNotation']],
};
const DOCUMENT_DATE: Requirement = { label: 'Ngày tháng văn bản', anyOf: [['documentDate']] };
const TYPE_AND_SUBJECT: Requirement = { label: 'Tên loại và trích yếu', anyOf: [['typeAndSubject'], ['subject']] };

export const REQUIRED: Readonly<Record<'incoming' | 'outgoing', readonly Requirement[]>> = {
  incoming: [
    { label: 'Ngày đến', anyOf: [['arrivalDate']] },
    { label: 'Số đến', anyOf: [['number']] },
    { label: 'Tác giả', anyOf: [['issuingAgency']] },
    NUMBER_AND_NOTATION,
    DOCUMENT_DATE,
    TYPE_AND_SUBJECT,
  ],
  outgoing: [NUMBER_AND_NOTATION, DOCUMENT_DATE, TYPE_AND_SUBJECT, { label: 'Người ký', anyOf: [['signerName']] }],
};

export function missingColumns(kind: 'incoming' | 'outgoing', header: HeaderMap | null): string[] {
  return REQUIRED[kind]
    .filter((r) => !r.anyOf.some((fields) => fields.every((f) => header?.columns.has(f))))
    .map((r) => r.label);
}
