// UI labels (docs/glossary.md) for the fields named in validation messages, so the clerk reads
// "Trích yếu: không được để trống" rather than a property path.
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Tên',
  parentName: 'Cơ quan chủ quản',
  organId: 'Mã định danh',
  abbreviation: 'Chữ viết tắt',
  placeName: 'Địa danh',
  address: 'Địa chỉ',
  units: 'Đơn vị',
  issuingAgency: 'Cơ quan ban hành',
  codeNumber: 'Số',
  codeNotation: 'Ký hiệu',
  documentDate: 'Ngày văn bản',
  documentType: 'Loại văn bản',
  subject: 'Trích yếu',
  priority: 'Độ khẩn',
  dueDate: 'Hạn xử lý',
  recipientUnit: 'Đơn vị hoặc người nhận',
  recipientsText: 'Nơi nhận',
  notes: 'Ghi chú',
  signerName: 'Người ký',
  signerPosition: 'Chức vụ người ký',
  signerCompetence: 'Thẩm quyền ký',
  arrivalDate: 'Ngày đến',
  documentIdentifier: 'Mã văn bản',
  pageCount: 'Số trang',
  copies: 'Số lượng bản',
  transferDate: 'Ngày chuyển',
  receivedBy: 'Ký nhận',
  attachments: 'Tệp đính kèm',
  unitAbbreviation: 'Đơn vị soạn thảo',
  reason: 'Lý do',
  assigneeUnit: 'Đơn vị xử lý',
  assigneePerson: 'Người xử lý',
  replyNotation: 'Số, ký hiệu văn bản trả lời',
  status: 'Trạng thái',
  year: 'Năm',
  from: 'Từ ngày',
  to: 'Đến ngày',
  kind: 'Loại sổ',
  format: 'Định dạng',
  documentTypes: 'Loại văn bản của sổ',
  issuerAbbreviation: 'Chữ viết tắt cơ quan ban hành',
};

export function fieldLabel(path: ReadonlyArray<PropertyKey>): string {
  const named = [...path].reverse().find((p): p is string => typeof p === 'string' && p in FIELD_LABELS);
  const index = path.find((p) => typeof p === 'number');
  const label = named ? FIELD_LABELS[named] : path.map(String).join('.');
  return index !== undefined && named ? `${label} (dòng ${Number(index) + 1})` : (label ?? '');
}
