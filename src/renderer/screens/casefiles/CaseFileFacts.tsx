import type { CaseFileDetail } from '../../../shared/api/schemas/casefiles.ts';
import { showDate, showDateTime } from '../../util/dates.ts';
import { STATUS_LABELS } from './casefile-words.ts';

type Row = readonly [label: string, value: string | number | null];

// The file's fields (Appendix VI Part II III), empty ones left out; the closing figures once closed.
export function CaseFileFacts({ file }: { readonly file: CaseFileDetail }) {
  const rows: Row[] = [
    ['Số và ký hiệu hồ sơ', file.notation],
    ['Mã hồ sơ', file.fileCode],
    ['Tiêu đề hồ sơ', file.title],
    ['Đề mục', file.headingTitle],
    ['Thời hạn bảo quản', file.retentionLabel],
    ['Người lập hồ sơ', file.creator],
    ['Chế độ sử dụng', file.rights],
    ['Ngôn ngữ', file.language],
    ['Mô tả', file.description],
    ['Ghi chú', file.note],
    ['Tình trạng', STATUS_LABELS[file.status]],
    ['Ngày bắt đầu', file.startDate ? showDate(file.startDate) : null],
    ['Ngày kết thúc', file.endDate ? showDate(file.endDate) : null],
    ['Tổng số văn bản', file.docTotal],
    ['Tổng số trang', file.pageTotal],
    ['Kết thúc lúc', file.closedAt ? showDateTime(file.closedAt) : null],
    ['Hạn nộp lưu', file.handedOverAt === null && file.handoverDueDate ? showDate(file.handoverDueDate) : null],
    ['Nộp lưu lúc', file.handedOverAt ? showDateTime(file.handedOverAt) : null],
  ];
  return (
    <dl className="fields" data-testid="case-file-facts">
      {rows
        .filter(([, value]) => value !== null && value !== '')
        .map(([label, value]) => (
          <div key={label} className="fields__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
