import type { z } from 'zod';
import type { todayDocument } from '../../../shared/api/schemas/today.ts';
import { PRIORITIES } from '../../../shared/domain/priority.ts';
import type { ProcessingStatus } from '../../../shared/domain/processing.ts';

// The few columns of a document that a line of Hôm nay shows (not DOCUMENT_COLUMNS, whose
// attachment count and series join each line would pay for nothing).
export const TODAY_DOCUMENT_COLUMNS = `d.id, d.year, d.number, d.register_date AS registerDate, d.code_number AS codeNumber,
  d.code_notation AS codeNotation, d.subject, d.issuing_agency AS issuingAgency, d.priority, d.processing_status AS processingStatus`;

export type TodayDocumentRow = Omit<z.infer<typeof todayDocument>, 'priority' | 'processingStatus'> & {
  priority: number;
  processingStatus: ProcessingStatus | null;
};

export function toTodayDocument(r: TodayDocumentRow): z.infer<typeof todayDocument> {
  return {
    id: r.id,
    year: r.year,
    number: r.number,
    registerDate: r.registerDate,
    codeNumber: r.codeNumber,
    codeNotation: r.codeNotation,
    subject: r.subject,
    issuingAgency: r.issuingAgency,
    priority: PRIORITIES[r.priority] ?? 'thuong',
    processingStatus: r.processingStatus,
  };
}
