import type { DocumentRecord, DuplicateMatch, IncomingData } from '../../shared/api/schemas/documents.ts';
import { formatVietnameseDate, vietnamDateTime, yearOf } from '../../shared/domain/dates.ts';
import { resolveType } from '../../shared/domain/document-types.ts';
import { checkRegisterDates } from '../../shared/domain/date-rules.ts';
import { duplicateKey } from '../../shared/domain/duplicates.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { linkFiles, type StagedFile, stageBase64 } from './attachments.ts';
import { today } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { getDocument } from './documents.ts';
import { insertDocument, lastEntry } from './document-writer.ts';
import { registerIdFor, seriesForIncoming } from './series-repo.ts';
import { statement } from '../db/statements.ts';
import { numberNotation } from '../../shared/domain/notation.ts';

export function findDuplicates(
  ctx: RegistryContext,
  q: { issuingAgency: string; codeNumber: string; codeNotation: string; documentIdentifier?: string | null | undefined },
): DuplicateMatch[] {
  const key = duplicateKey(q.issuingAgency, q.codeNumber, q.codeNotation);
  const rows = statement(
    ctx.db,
      `SELECT id, year, number, code_number, code_notation, issuing_agency, document_date, subject, status,
              CASE WHEN duplicate_key = @key THEN 'same-number-notation-agency' ELSE 'same-document-identifier' END AS reason
       FROM documents
       WHERE direction = 'incoming' AND (duplicate_key = @key OR (@identifier IS NOT NULL AND document_identifier = @identifier))
       ORDER BY id LIMIT 20`,
  ).all({ key, identifier: q.documentIdentifier?.trim() || null }) as Array<{
    id: number;
    year: number;
    number: number;
    code_number: string;
    code_notation: string;
    issuing_agency: string;
    document_date: string;
    subject: string;
    status: 'active' | 'void';
    reason: DuplicateMatch['reason'];
  }>;
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    number: r.number,
    codeNumber: r.code_number,
    codeNotation: r.code_notation,
    issuingAgency: r.issuing_agency,
    documentDate: r.document_date,
    subject: r.subject,
    reason: r.reason,
    status: r.status,
  }));
}

function checkDates(data: IncomingData, arrivalDate: string, todayIso: string): void {
  if (arrivalDate > todayIso) {
    throw new AppError('INVALID_INPUT', 'Ngày đến không được sau hôm nay.', `arrival date ${arrivalDate} is in the future`, {
      issues: [{ path: 'arrivalDate', message: 'không được sau hôm nay' }],
    });
  }
  checkRegisterDates({ direction: 'incoming', registerDate: arrivalDate, ...data });
}

// Registers an incoming document: số đến is the next number of the year's incoming register, in
// order of arrival (nd30-rules §2), assigned inside the committing transaction so that numbers are
// gapless and unique however many windows or processes register at once. The function returns
// only after the commit, and the commit is durable (synchronous=FULL).
export function registerIncoming(ctx: RegistryContext, data: IncomingData, extraFiles: readonly StagedFile[] = []): DocumentRecord {
  const todayIso = today(ctx.clock);
  const arrivalDate = data.arrivalDate ?? todayIso;
  checkDates(data, arrivalDate, todayIso);
  const type = resolveType(data.documentType);
  const staged = [...extraFiles, ...data.attachments.map((a) => stageBase64(ctx, a))];
  const id = writeTransaction(ctx.db, () => {
    if (!data.allowDuplicate) {
      const duplicates = findDuplicates(ctx, data);
      if (duplicates.length > 0) {
        throw new AppError(
          'DUPLICATE_SUSPECTED',
          `Văn bản này có thể đã được vào sổ: ${duplicates
            .map((d) => `số đến ${d.number}/${d.year} (${numberNotation(d)})`)
            .join(', ')}. Hãy kiểm tra lại; nếu đúng là văn bản khác, xác nhận vào sổ (nút "Vẫn vào sổ", hoặc tham số --allow-duplicate).`,
          `suspected duplicate of documents ${duplicates.map((d) => d.id).join(', ')}`,
          { duplicates },
        );
      }
    }
    const year = yearOf(arrivalDate);
    const registerId = registerIdFor(ctx, seriesForIncoming(ctx).id, year);
    const last = lastEntry(ctx, registerId);
    if (last && arrivalDate < last.registerDate) {
      throw new AppError(
        'INVALID_INPUT',
        `Ngày đến không được trước ngày đến của văn bản số ${last.number} (${formatVietnameseDate(last.registerDate)}): số đến được cấp theo thứ tự đến.`,
        `arrival date ${arrivalDate} before last entry ${last.number} on ${last.registerDate}`,
        { issues: [{ path: 'arrivalDate', message: `không được trước ${formatVietnameseDate(last.registerDate)}` }] },
      );
    }
    const number = (last?.number ?? 0) + 1;
    const docId = insertDocument(ctx, {
      registerId,
      direction: 'incoming',
      year,
      number,
      registerDate: arrivalDate,
      arrivalAt: arrivalDate === todayIso ? vietnamDateTime(ctx.clock.now()) : null,
      codeNumber: data.codeNumber,
      codeNotation: data.codeNotation,
      documentDate: data.documentDate,
      documentType: type.key,
      documentTypeName: type.name,
      subject: data.subject,
      issuingAgency: data.issuingAgency,
      signerName: data.signerName,
      signerPosition: data.signerPosition,
      signerCompetence: null,
      recipientsText: null,
      recipientUnit: data.recipientUnit,
      copies: data.copies,
      pageCount: data.pageCount,
      transferDate: data.transferDate,
      receivedBy: data.receivedBy,
      notes: data.notes,
      priority: data.priority,
      dueDate: data.dueDate,
      documentIdentifier: data.documentIdentifier,
      duplicateKey: duplicateKey(data.issuingAgency, data.codeNumber, data.codeNotation),
      status: 'active',
      voidReason: null,
      processingStatus: 'pending',
    });
    linkFiles(ctx, docId, staged);
    ctx.audit.append({
      action: 'incoming.register',
      entityType: 'document',
      entityId: docId,
      details: {
        year,
        arrivalNumber: number,
        codeNumber: data.codeNumber,
        codeNotation: data.codeNotation,
        issuingAgency: data.issuingAgency,
        subject: data.subject,
        allowDuplicate: data.allowDuplicate,
        files: staged.map((f) => ({ name: f.name, sha256: f.sha256 })),
      },
    });
    return docId;
  });
  return getDocument(ctx, id);
}
