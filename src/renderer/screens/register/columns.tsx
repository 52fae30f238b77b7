import type { ReactNode } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import type { Direction } from '../../../shared/api/schemas/series.ts';
import { DocumentBadges } from '../../components/badges.tsx';
import { showDate } from '../../util/dates.ts';
import { numberNotation } from '../../../shared/domain/notation.ts';

export interface Column {
  readonly key: string;
  readonly label: string;
  // A CSS grid track; the list lays header and rows out on the same template.
  readonly width: string;
  readonly cell: (d: DocumentRecord) => ReactNode;
  // Text for the cell's tooltip when it is cut short.
  readonly title?: (d: DocumentRecord) => string;
}

const typeAndSubject: Column = {
  key: 'subject',
  label: 'Tên loại và trích yếu nội dung',
  width: 'minmax(12rem, 3fr)',
  cell: (d) => (
    <>
      <span className="cell__type">{d.documentTypeName}</span> {d.subject}
    </>
  ),
  title: (d) => `${d.documentTypeName}: ${d.subject}`,
};

// "Số và ký hiệu HS": the files the document is in (docs/case-files.md).
const caseFilesColumn: Column = {
  key: 'caseFiles',
  label: 'Hồ sơ',
  width: 'minmax(4.5rem, 0.6fr)',
  cell: (d) => d.caseFiles.join(', '),
  title: (d) => d.caseFiles.join(', '),
};

const statusColumn: Column = { key: 'status', label: 'Tình trạng', width: '8.5rem', cell: (d) => <DocumentBadges doc={d} /> };

// The important columns of the Appendix IV registers (nd30-rules §3), in the order of the
// printed book: the incoming register starts with Ngày đến, then Số đến.
const INCOMING: readonly Column[] = [
  { key: 'registerDate', label: 'Ngày đến', width: '6rem', cell: (d) => showDate(d.registerDate) },
  { key: 'number', label: 'Số đến', width: '4.5rem', cell: (d) => d.number },
  { key: 'issuingAgency', label: 'Tác giả', width: 'minmax(7rem, 1.3fr)', cell: (d) => d.issuingAgency, title: (d) => d.issuingAgency },
  { key: 'notation', label: 'Số, ký hiệu', width: 'minmax(6rem, 1fr)', cell: (d) => numberNotation(d) },
  { key: 'documentDate', label: 'Ngày văn bản', width: '6rem', cell: (d) => showDate(d.documentDate) },
  typeAndSubject,
  { key: 'recipientUnit', label: 'Đơn vị hoặc người nhận', width: 'minmax(6rem, 1fr)', cell: (d) => d.assigneeUnit ?? d.recipientUnit ?? '' },
  { key: 'dueDate', label: 'Hạn xử lý', width: '6rem', cell: (d) => showDate(d.dueDate) },
  caseFilesColumn,
  statusColumn,
];

const OUTGOING: readonly Column[] = [
  { key: 'notation', label: 'Số, ký hiệu', width: 'minmax(8rem, 1fr)', cell: (d) => numberNotation(d) },
  { key: 'documentDate', label: 'Ngày văn bản', width: '6rem', cell: (d) => showDate(d.documentDate) },
  typeAndSubject,
  { key: 'signer', label: 'Người ký', width: 'minmax(7rem, 1fr)', cell: (d) => d.signerName ?? '', title: (d) => d.signerName ?? '' },
  { key: 'recipients', label: 'Nơi nhận', width: 'minmax(7rem, 1.2fr)', cell: (d) => d.recipientsText ?? '', title: (d) => d.recipientsText ?? '' },
  { key: 'recipientUnit', label: 'Đơn vị, người nhận bản lưu', width: 'minmax(6rem, 1fr)', cell: (d) => d.recipientUnit ?? '' },
  { key: 'copies', label: 'Số lượng bản', width: '5rem', cell: (d) => d.copies ?? '' },
  caseFilesColumn,
  statusColumn,
];

export function columnsFor(direction: Direction): readonly Column[] {
  return direction === 'incoming' ? INCOMING : OUTGOING;
}

export function gridTemplate(columns: readonly Column[]): string {
  return columns.map((c) => c.width).join(' ');
}
