import type { DocumentDetail } from '../../../shared/api/schemas/documents.ts';
import { priorityLabel } from '../../../shared/domain/priority.ts';
import { processingStatusLabel } from '../../../shared/domain/processing.ts';
import { showDate, showDateTime } from '../../util/dates.ts';
import { DOCUMENT_STATUS_LABELS } from '../../util/labels.ts';
import { numberNotation } from '../../../shared/domain/notation.ts';

type Row = readonly [label: string, value: string | number | null | undefined];

function rowsFor(d: DocumentDetail): Row[] {
  const common: Row[] = [
    ['Số, ký hiệu', numberNotation(d)],
    ['Ngày văn bản', showDate(d.documentDate)],
    ['Loại văn bản', d.documentTypeName],
    ['Trích yếu', d.subject],
  ];
  const incoming: Row[] = [
    ['Số đến', `${d.number}/${d.year}`],
    ['Ngày đến', showDate(d.registerDate)],
    ['Giờ đến', d.arrivalAt ? showDateTime(d.arrivalAt) : null],
    ['Cơ quan ban hành', d.issuingAgency],
    ...common,
    ['Người ký', [d.signerName, d.signerPosition].filter(Boolean).join(', ')],
    ['Đơn vị hoặc người nhận', d.recipientUnit],
    ['Mã văn bản', d.documentIdentifier],
  ];
  const outgoing: Row[] = [
    ...common,
    ['Sổ', `${d.seriesName} năm ${d.year}`],
    ['Người ký', [d.signerCompetence, d.signerPosition, d.signerName].filter(Boolean).join(' ')],
    ['Nơi nhận', d.recipientsText],
    ['Đơn vị, người nhận bản lưu', d.recipientUnit],
  ];
  return [
    ...(d.direction === 'incoming' ? incoming : outgoing),
    ['Độ khẩn', priorityLabel(d.priority)],
    ['Hạn xử lý', showDate(d.dueDate)],
    ['Số trang', d.pageCount],
    ['Số lượng bản', d.copies],
    ['Ngày chuyển', showDate(d.transferDate)],
    ['Ký nhận', d.receivedBy],
    ['Ghi chú', d.notes],
    ['Trạng thái', DOCUMENT_STATUS_LABELS[d.status]],
    ['Lý do hủy', d.voidReason],
    ['Tiến độ giải quyết', d.processingStatus ? processingStatusLabel(d.processingStatus) : null],
    ['Vào sổ lúc', showDateTime(d.createdAt)],
  ];
}

// Every field of the register row, empty ones left out.
export function DocumentFields({ doc }: { readonly doc: DocumentDetail }) {
  return (
    <dl className="fields">
      {rowsFor(doc)
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([label, value]) => (
          <div key={label} className="fields__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
