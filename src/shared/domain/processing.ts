// Tiến độ giải quyết of an incoming document. The steps mirror the edXML status codes the
// recipient reports back (04 assigned, 05 processing, 06 done; edxml.md), so a later sync can
// send them without a translation table.
export const PROCESSING_STATUSES = ['pending', 'assigned', 'in_progress', 'done'] as const;
export type ProcessingStatus = (typeof PROCESSING_STATUSES)[number];

const LABELS: Record<ProcessingStatus, string> = {
  pending: 'Chưa xử lý',
  assigned: 'Đã phân công',
  in_progress: 'Đang xử lý',
  done: 'Hoàn thành',
};

export function processingStatusLabel(s: ProcessingStatus): string {
  return LABELS[s];
}

