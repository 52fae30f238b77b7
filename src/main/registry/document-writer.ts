import type { Priority } from '../../shared/domain/priority.ts';
import { priorityCode } from '../../shared/domain/priority.ts';
import type { ProcessingStatus } from '../../shared/domain/processing.ts';
import { AppError } from '../../shared/errors.ts';
import { timestamp } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { indexDocument } from './search-index.ts';
import { statement } from '../db/statements.ts';
import { numberNotation } from '../../shared/domain/notation.ts';

export interface NewDocument {
  readonly registerId: number;
  readonly direction: 'incoming' | 'outgoing';
  readonly year: number;
  readonly number: number;
  readonly registerDate: string;
  readonly arrivalAt: string | null;
  readonly codeNumber: string;
  readonly codeNotation: string;
  readonly documentDate: string;
  readonly documentType: string;
  readonly documentTypeName: string;
  readonly subject: string;
  readonly issuingAgency: string;
  readonly signerName: string | null;
  readonly signerPosition: string | null;
  readonly signerCompetence: string | null;
  readonly recipientsText: string | null;
  readonly recipientUnit: string | null;
  readonly copies: number | null;
  readonly pageCount: number | null;
  readonly transferDate: string | null;
  readonly receivedBy: string | null;
  readonly notes: string | null;
  readonly priority: Priority;
  readonly dueDate: string | null;
  readonly documentIdentifier: string | null;
  readonly duplicateKey: string | null;
  readonly status: 'active' | 'void';
  readonly voidReason: string | null;
  readonly processingStatus: ProcessingStatus | null;
}

// The one INSERT of a register row, used by registration and import alike, together with its
// search-index row. Must run inside a write transaction.
export function insertDocument(ctx: RegistryContext, d: NewDocument): number {
  const at = timestamp(ctx.clock);
  try {
    const info = statement(
      ctx.db,
        `INSERT INTO documents (register_id, direction, year, number, register_date, arrival_at, code_number,
           code_notation, document_date, document_type, document_type_name, subject, issuing_agency, signer_name,
           signer_position, signer_competence, recipients_text, recipient_unit, copies, page_count, transfer_date,
           received_by, notes, priority, due_date, document_identifier, duplicate_key, status, void_reason,
           voided_at, processing_status, created_at, updated_at)
         VALUES (@registerId, @direction, @year, @number, @registerDate, @arrivalAt, @codeNumber, @codeNotation,
           @documentDate, @documentType, @documentTypeName, @subject, @issuingAgency, @signerName, @signerPosition,
           @signerCompetence, @recipientsText, @recipientUnit, @copies, @pageCount, @transferDate, @receivedBy,
           @notes, @priority, @dueDate, @documentIdentifier, @duplicateKey, @status, @voidReason, @voidedAt,
           @processingStatus, @at, @at)`,
    ).run({
        ...d,
        priority: priorityCode(d.priority),
        voidedAt: d.status === 'void' ? at : null,
        at,
      });
    const id = Number(info.lastInsertRowid);
    indexDocument(ctx.db, id, d);
    return id;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AppError(
        'CONFLICT',
        `Số, ký hiệu "${numberNotation(d)}" hoặc số ${d.number} đã có trong sổ năm ${d.year}.`,
        `unique constraint: ${(e as Error).message}`,
      );
    }
    throw e;
  }
}

// The last entry of a register: numbers continue from it, and dates may not go back before it.
export function lastEntry(ctx: RegistryContext, registerId: number): { number: number; registerDate: string } | null {
  const row = statement(ctx.db, 'SELECT number, register_date FROM documents WHERE register_id = ? ORDER BY number DESC LIMIT 1').get(registerId) as { number: number; register_date: string } | undefined;
  return row ? { number: row.number, registerDate: row.register_date } : null;
}
