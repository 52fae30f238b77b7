import { vietnamToday } from '../../shared/domain/dates.ts';
import type { RegistryContext } from '../registry/context.ts';
import { type AgencyHeader, agencyHeader } from './agency-header.ts';
import { filedRows } from './filing.ts';
import { getHandover } from './handover.ts';
import { currentPdfs } from './page-count.ts';

// What the biên bản giao nhận (Decree 30 Appendix V V) says of a handover, as plain values; the
// forms' inputs are put together in src/main/archive/case-file-forms.ts, which also lays out the
// plan, the file contents and the handover list from the caseFiles records. Dates are YYYY-MM-DD.
export interface HandoverRecordFacts {
  readonly agency: AgencyHeader;
  // "…, ngày … tháng … năm …": the handover's day in Vietnam.
  readonly date: string;
  // "Căn cứ …": as given, else the year's plan.
  readonly basis: string;
  readonly giver: { readonly name: string; readonly title: string | null; readonly unit: string | null };
  readonly receiver: { readonly name: string; readonly title: string | null };
  // 1. Tên khối tài liệu giao nộp.
  readonly blockName: string;
  // 2. Thời gian của hồ sơ, tài liệu: the first and last documents' dates of the files.
  readonly from: string | null;
  readonly to: string | null;
  // 3.b Tổng số hồ sơ; tổng số tệp tin trong hồ sơ (their documents' PDFs as they stand, the
  // package's PDFs).
  readonly fileCount: number;
  readonly computerFileCount: number;
  // 4. Tình trạng tài liệu giao nộp.
  readonly condition: string;
}

export function handoverRecordForm(ctx: RegistryContext, handoverId: number): HandoverRecordFacts {
  const h = getHandover(ctx, handoverId);
  const agency = agencyHeader(ctx);
  const starts = h.files.map((f) => f.startDate).filter((d): d is string => d !== null).sort();
  const ends = h.files.map((f) => f.endDate).filter((d): d is string => d !== null).sort();
  let computerFileCount = 0;
  for (const f of h.files) for (const row of filedRows(ctx, f.id)) computerFileCount += currentPdfs(ctx, row.document_id).length;
  return {
    agency,
    date: vietnamToday(new Date(h.createdAt)),
    basis: h.basis ?? `Danh mục hồ sơ năm ${h.year}`,
    giver: { name: h.giverName, title: h.giverTitle, unit: h.giverUnit },
    receiver: { name: h.receiverName, title: h.receiverTitle },
    blockName: `Hồ sơ, tài liệu năm ${h.year} của ${h.giverUnit ?? agency.name}`,
    from: starts[0] ?? null,
    to: ends.at(-1) ?? null,
    fileCount: h.files.length,
    computerFileCount,
    condition: h.condition ?? '',
  };
}
