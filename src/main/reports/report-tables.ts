import type { IncomingLine, IncomingReport, OutgoingLine, OutgoingReport, ViewsReport, YearlyReport } from '../../shared/api/schemas/reports.ts';
import { formatVietnameseDate } from '../../shared/domain/dates.ts';
import { INCOMING_STATE_LABELS, INCOMING_STATES, OUTGOING_STATE_LABELS, OUTGOING_STATES } from '../../shared/domain/report-rules.ts';

// A report laid out as the printed form and the spreadsheet show it: a title, the period, one
// table with numbered columns (as the register books of Appendix IV number theirs) and a heading
// row for each breakdown. The PDF and XLSX writers only draw this.
export interface ReportColumn {
  readonly title: string;
  // Part of the printed width, and width in characters in a spreadsheet.
  readonly share: number;
  readonly chars: number;
  // Counts (and the ordinal), right-aligned where text is not.
  readonly numeric: boolean;
}

export type ReportValue = string | number;

export interface ReportSection {
  readonly heading: string;
  readonly rows: ReadonlyArray<readonly ReportValue[]>;
}

export interface ReportTable {
  readonly agencyName: string;
  readonly parentAgencyName: string | null;
  readonly asOf: string;
  readonly title: string;
  readonly lines: readonly string[];
  readonly sheetName: string;
  readonly columns: readonly ReportColumn[];
  readonly sections: readonly ReportSection[];
}

const ORDINAL = { title: 'STT', share: 4, chars: 6, numeric: true };
const count = (title: string): ReportColumn => ({ title, share: 9, chars: 14, numeric: true });
const text = (title: string, share: number, chars: number): ReportColumn => ({ title, share, chars, numeric: false });
const roman = ['I', 'II', 'III', 'IV', 'V'];
const period = (r: { from: string; to: string }): string => `Từ ngày ${formatVietnameseDate(r.from)} đến ngày ${formatVietnameseDate(r.to)}`;
const asOfLine = (asOf: string): string => `Tình hình giải quyết tính đến ngày ${formatVietnameseDate(asOf)}`;

function sections<L>(parts: ReadonlyArray<readonly [string, readonly L[]]>, cells: (l: L) => ReportValue[]): ReportSection[] {
  return parts.map(([heading, lines], i) => ({ heading: `${roman[i]}. ${heading}`, rows: lines.map((l, k) => [k + 1, ...cells(l)]) }));
}

export function incomingTable(r: IncomingReport): ReportTable {
  const cells = (l: IncomingLine): ReportValue[] => [l.label, l.total, ...INCOMING_STATES.map((s) => l[s])];
  return {
    agencyName: r.agencyName,
    parentAgencyName: r.parentAgencyName,
    asOf: r.asOf,
    title: 'BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN',
    lines: [period(r), asOfLine(r.asOf), `Tổng số văn bản đến: ${r.totals.total}${r.voided > 0 ? ` (không tính ${r.voided} văn bản đã hủy)` : ''}`],
    sheetName: 'Giải quyết văn bản đến',
    columns: [ORDINAL, text('Nội dung', 30, 40), count('Tổng số'), ...INCOMING_STATES.map((s) => count(INCOMING_STATE_LABELS[s]))],
    sections: [
      ...sections(
        [
          ['Theo loại văn bản', r.byType],
          ['Theo hình thức tiếp nhận', r.byChannel],
          ['Theo đơn vị chủ trì giải quyết', r.byUnit],
        ],
        cells,
      ),
      { heading: 'Tổng cộng', rows: [['', 'Tổng số', r.totals.total, ...INCOMING_STATES.map((s) => r.totals[s])]] },
    ],
  };
}

export function outgoingTable(r: OutgoingReport): ReportTable {
  const cells = (l: OutgoingLine): ReportValue[] => [l.label, l.total, ...OUTGOING_STATES.map((s) => l[s])];
  return {
    agencyName: r.agencyName,
    parentAgencyName: r.parentAgencyName,
    asOf: r.asOf,
    title: 'BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐI',
    lines: [period(r), `Tình hình phát hành tính đến ngày ${formatVietnameseDate(r.asOf)}`, `Tổng số văn bản đi: ${r.totals.total}${r.voided > 0 ? ` (không tính ${r.voided} văn bản đã hủy)` : ''}`],
    sheetName: 'Giải quyết văn bản đi',
    columns: [ORDINAL, text('Nội dung', 26, 40), count('Tổng số'), ...OUTGOING_STATES.map((s) => count(OUTGOING_STATE_LABELS[s]))],
    sections: [
      ...sections(
        [
          ['Theo loại văn bản', r.byType],
          ['Theo hình thức gửi', r.byChannel],
          ['Theo đơn vị soạn thảo', r.byUnit],
        ],
        cells,
      ),
      { heading: 'Tổng cộng', rows: [['', 'Tổng số', r.totals.total, ...OUTGOING_STATES.map((s) => r.totals[s])]] },
    ],
  };
}

export function yearlyTable(r: YearlyReport): ReportTable {
  const byType = (l: YearlyReport['outgoing']['byType'][number]): ReportValue[] => [l.label, l.total, l.hub, l.paper, l.unsent];
  const files = r.caseFiles;
  return {
    agencyName: r.agencyName,
    parentAgencyName: r.parentAgencyName,
    asOf: r.asOf,
    title: `THỐNG KÊ CÔNG TÁC VĂN THƯ NĂM ${r.year}`,
    lines: [`Số liệu tính đến ngày ${formatVietnameseDate(r.asOf)}`],
    sheetName: `Thống kê năm ${r.year}`,
    columns: [ORDINAL, text('Nội dung', 36, 44), count('Tổng số'), count('Điện tử (qua trục liên thông)'), count('Giấy'), count('Chưa gửi')],
    sections: [
      ...sections(
        [
          ['Văn bản đến', r.incoming.byType],
          ['Văn bản đi', r.outgoing.byType],
        ],
        byType,
      ),
      { heading: 'III. Bản sao văn bản', rows: r.copies.byKind.map((c, k) => [k + 1, c.label, c.total, c.electronic, c.paper, '']) },
      {
        heading: 'IV. Hồ sơ',
        rows: [
          [1, `Hồ sơ đã lập (danh mục hồ sơ năm ${r.year})`, files.compiled, '', '', ''],
          [2, 'Trong đó đã kết thúc', files.closed, '', '', ''],
          [3, `Hồ sơ đã nộp lưu trong năm ${r.year}`, files.handedOver, '', '', ''],
        ],
      },
      {
        heading: 'Tổng cộng',
        rows: [
          ['', 'Văn bản đến', r.incoming.total, r.incoming.hub, r.incoming.paper, ''],
          ['', 'Văn bản đi', r.outgoing.total, r.outgoing.hub, r.outgoing.paper, r.outgoing.unsent],
          ['', 'Bản sao', r.copies.total, r.copies.byKind.reduce((n, c) => n + c.electronic, 0), r.copies.byKind.reduce((n, c) => n + c.paper, 0), ''],
        ],
      },
    ],
  };
}

export function viewsTable(r: ViewsReport): ReportTable {
  // An incoming document by its số đến (its number and notation are the sender's); an outgoing
  // one's number and notation are in the next column.
  const kind = (d: ViewsReport['rows'][number]): string => (d.direction === 'incoming' ? `Đến số ${d.number}/${d.year}` : `Đi năm ${d.year}`);
  return {
    agencyName: r.agencyName,
    parentAgencyName: r.parentAgencyName,
    asOf: r.asOf,
    title: 'THỐNG KÊ LƯỢT XEM, TẢI VĂN BẢN',
    lines: [period(r), `${r.totals.documents} văn bản, ${r.totals.views} lượt xem, ${r.totals.downloads} lượt mở, tải tệp`],
    sheetName: 'Lượt xem văn bản',
    columns: [ORDINAL, text('Văn bản', 16, 24), text('Số, ký hiệu', 14, 20), text('Trích yếu', 40, 60), count('Lượt xem'), count('Lượt mở, tải tệp')],
    sections: [{ heading: 'Văn bản được xem, tải nhiều nhất', rows: r.rows.map((d, k) => [k + 1, kind(d), d.numberNotation, d.subject, d.views, d.downloads]) }],
  };
}
