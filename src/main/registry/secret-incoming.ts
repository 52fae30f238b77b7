import type { z } from 'zod';
import type { SecretIncomingRecord, secretIncomingInput } from '../../shared/api/schemas/copies.ts';
import { formatVietnameseDate, yearOf } from '../../shared/domain/dates.ts';
import { resolveType } from '../../shared/domain/document-types.ts';
import { priorityCode } from '../../shared/domain/priority.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp, today } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { registerIdFor, seriesForSecretIncoming } from './series-repo.ts';

type SecretIncomingData = z.output<typeof secretIncomingInput>;

interface Row {
  id: number;
  series_name: string;
  year: number;
  number: number;
  arrival_date: string;
  secrecy: SecretIncomingRecord['secrecy'];
  issuing_agency: string;
  code_number: string;
  code_notation: string;
  document_date: string;
  document_type_name: string;
  subject: string;
  recipient_unit: string | null;
}

function invalid(path: string, vi: string, en: string): AppError {
  return new AppError('INVALID_INPUT', vi, en, { issues: [{ path, message: vi }] });
}

const SELECT = `SELECT si.*, s.name AS series_name FROM secret_incoming si JOIN registers r ON r.id = si.register_id JOIN series s ON s.id = r.series_id`;

function toRecord(r: Row): SecretIncomingRecord {
  return {
    id: r.id,
    seriesName: r.series_name,
    year: r.year,
    number: r.number,
    arrivalDate: r.arrival_date,
    secrecy: r.secrecy,
    issuingAgency: r.issuing_agency,
    codeNumber: r.code_number,
    codeNotation: r.code_notation,
    documentDate: r.document_date,
    documentTypeName: r.document_type_name,
    subject: r.subject,
    recipientUnit: r.recipient_unit,
  };
}

// A secret incoming paper document gets the next number of the year's secret incoming register,
// in order of arrival, in its own table (migration 0010): never in `documents`, so never in the
// ordinary lists, the search index, the books, the exports or the hub's queues. The audit entry
// names the number and the secrecy only, not the trích yếu: the audit log is shown to anyone who
// opens Nhật ký.
export function registerSecretIncoming(ctx: RegistryContext, data: SecretIncomingData): SecretIncomingRecord {
  const todayIso = today(ctx.clock);
  const arrivalDate = data.arrivalDate ?? todayIso;
  if (arrivalDate > todayIso) throw invalid('arrivalDate', 'Ngày đến không được sau hôm nay.', `arrival date ${arrivalDate} in the future`);
  if (data.documentDate > arrivalDate) throw invalid('documentDate', 'Ngày văn bản không được sau ngày đến.', `document date ${data.documentDate} after arrival ${arrivalDate}`);
  const type = resolveType(data.documentType);
  const id = writeTransaction(ctx.db, () => {
    const series = seriesForSecretIncoming(ctx);
    const year = yearOf(arrivalDate);
    const registerId = registerIdFor(ctx, series.id, year);
    const last = statement(ctx.db, 'SELECT number, arrival_date FROM secret_incoming WHERE register_id = ? ORDER BY number DESC LIMIT 1').get(registerId) as
      | { number: number; arrival_date: string }
      | undefined;
    if (last && arrivalDate < last.arrival_date) {
      throw invalid(
        'arrivalDate',
        `Ngày đến không được trước ngày đến của văn bản mật số ${last.number} (${formatVietnameseDate(last.arrival_date)}): số đến được cấp theo thứ tự đến.`,
        `arrival ${arrivalDate} before secret entry ${last.number} on ${last.arrival_date}`,
      );
    }
    const number = (last?.number ?? 0) + 1;
    const info = statement(
      ctx.db,
      `INSERT INTO secret_incoming (register_id, year, number, arrival_date, secrecy, priority, issuing_agency, code_number, code_notation,
         document_date, document_type, document_type_name, subject, recipient_unit, notes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      registerId,
      year,
      number,
      arrivalDate,
      data.secrecy,
      priorityCode(data.priority),
      data.issuingAgency,
      data.codeNumber,
      data.codeNotation,
      data.documentDate,
      type.key,
      type.name,
      data.subject,
      data.recipientUnit,
      data.notes,
      timestamp(ctx.clock),
    );
    const rowId = Number(info.lastInsertRowid);
    ctx.audit.append({ action: 'secret.incoming.register', entityType: 'secret-incoming', entityId: rowId, details: { series: series.name, year, number, secrecy: data.secrecy } });
    return rowId;
  });
  return toRecord(statement(ctx.db, `${SELECT} WHERE si.id = ?`).get(id) as Row);
}

export function listSecretIncoming(ctx: RegistryContext, year?: number): SecretIncomingRecord[] {
  return (statement(ctx.db, `${SELECT} WHERE (@year IS NULL OR si.year = @year) ORDER BY si.year DESC, si.number DESC`).all({ year: year ?? null }) as Row[]).map(toRecord);
}
