import type { DocumentRecord, OutgoingData } from '../../shared/api/schemas/documents.ts';
import { formatVietnameseDate, yearOf } from '../../shared/domain/dates.ts';
import { checkRegisterDates } from '../../shared/domain/date-rules.ts';
import { isIssuableType, resolveType } from '../../shared/domain/document-types.ts';
import { buildNotation, formatDocumentNumber } from '../../shared/domain/notation.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { getAgencyProfile } from './agency-repo.ts';
import { linkFiles, type StagedFile, stageBase64 } from './attachments.ts';
import { today } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { getDocument } from './documents.ts';
import { insertDocument, lastEntry } from './document-writer.ts';
import { findRegisterId, registerIdFor, seriesForOutgoingType, seriesForSecret } from './series-repo.ts';

interface NumberingRequest {
  readonly documentType: string;
  readonly documentDate: string | null;
  readonly unitAbbreviation: string | null;
  // Mật and above: numbered in the secret series (nd30-rules §2).
  readonly secret?: boolean;
}

// The secret series restarts at 01 each year like every series, so its notation carries a mark
// of its own to keep number+notation unique within the year (nd30-rules §2): 05/QĐ-UBND-M is not
// 05/QĐ-UBND. The rules leave the mark to the agency; "M" (Mật) is our choice (docs/numbering.md).
const SECRET_NOTATION_MARK = '-M';

interface Numbering {
  readonly seriesId: number;
  readonly seriesName: string;
  readonly registerId: number | null;
  readonly year: number;
  readonly number: number;
  readonly codeNumber: string;
  readonly codeNotation: string;
  readonly documentDate: string;
  readonly typeKey: string;
  readonly typeName: string;
}

function invalid(path: string, vi: string, en: string): AppError {
  return new AppError('INVALID_INPUT', vi, en, { issues: [{ path, message: vi }] });
}

// Works out the number and notation for an outgoing document (nd30-rules §1–2): the series that
// owns the type, the register of the year of issue, the next number after the last one issued in
// it (void ones included: a number is never reused), and the notation from the type, the issuer
// and, for công văn, the drafting unit. With `create` false nothing is written (preview).
function number(ctx: RegistryContext, req: NumberingRequest, create: boolean): Numbering {
  const profile = getAgencyProfile(ctx);
  if (!profile) {
    throw new AppError('PROFILE_NOT_INITIALIZED', 'Chưa khai báo thông tin cơ quan.', 'agency profile missing');
  }
  const type = resolveType(req.documentType);
  if (!type.known || !isIssuableType(type.key)) {
    throw invalid('documentType', `"${req.documentType}" không phải loại văn bản hành chính theo Nghị định 30.`, `not an issuable type: ${req.documentType}`);
  }
  const todayIso = today(ctx.clock);
  const documentDate = req.documentDate ?? todayIso;
  if (documentDate > todayIso) throw invalid('documentDate', 'Ngày văn bản không được sau hôm nay.', `document date ${documentDate} in the future`);
  const unit = req.unitAbbreviation ?? null;
  if (unit && !profile.units.some((u) => u.abbreviation === unit)) {
    throw invalid('unitAbbreviation', `Đơn vị "${unit}" chưa được khai báo trong thông tin cơ quan.`, `unknown unit ${unit}`);
  }
  if ((type.key === 'cong-van' || type.key === 'thu-cong') && !unit && profile.units.length > 0) {
    throw invalid('unitAbbreviation', 'Công văn cần đơn vị soạn thảo để ghi ký hiệu (ví dụ UBND-VP).', 'cong van without unit');
  }
  const series = req.secret ? seriesForSecret(ctx) : seriesForOutgoingType(ctx, type.key);
  const year = yearOf(documentDate);
  const registerId = create ? registerIdFor(ctx, series.id, year) : findRegisterId(ctx, series.id, year);
  const last = registerId === null ? null : lastEntry(ctx, registerId);
  if (last && documentDate < last.registerDate) {
    throw invalid(
      'documentDate',
      `Ngày văn bản không được trước ngày của số ${formatDocumentNumber(last.number)} (${formatVietnameseDate(last.registerDate)}): số được cấp theo thứ tự ban hành.`,
      `document date ${documentDate} before last number ${last.number} on ${last.registerDate}`,
    );
  }
  const n = (last?.number ?? 0) + 1;
  return {
    seriesId: series.id,
    seriesName: series.name,
    registerId,
    year,
    number: n,
    codeNumber: formatDocumentNumber(n),
    codeNotation:
      buildNotation({
        documentType: type.key,
        agencyAbbreviation: series.issuerAbbreviation ?? profile.abbreviation,
        unitAbbreviation: unit,
      }) + (req.secret ? SECRET_NOTATION_MARK : ''),
    documentDate,
    typeKey: type.key,
    typeName: type.name,
  };
}

export function previewOutgoingNumber(ctx: RegistryContext, req: NumberingRequest) {
  const n = number(ctx, req, false);
  return { seriesId: n.seriesId, seriesName: n.seriesName, year: n.year, number: n.number, codeNumber: n.codeNumber, codeNotation: n.codeNotation };
}

// The number is consumed only by the commit of this transaction: if anything fails before, no
// number is used and the next registration gets it.
export function registerOutgoing(ctx: RegistryContext, data: OutgoingData & { readonly secret?: boolean }, extraFiles: readonly StagedFile[] = []): DocumentRecord {
  const staged = [...extraFiles, ...data.attachments.map((a) => stageBase64(ctx, a))];
  const id = writeTransaction(ctx.db, () => {
    const n = number(ctx, data, true);
    checkRegisterDates({ direction: 'outgoing', registerDate: n.documentDate, documentDate: n.documentDate, transferDate: data.transferDate, dueDate: data.dueDate });
    const profile = getAgencyProfile(ctx);
    const docId = insertDocument(ctx, {
      registerId: n.registerId as number,
      direction: 'outgoing',
      year: n.year,
      number: n.number,
      registerDate: n.documentDate,
      arrivalAt: null,
      codeNumber: n.codeNumber,
      codeNotation: n.codeNotation,
      documentDate: n.documentDate,
      documentType: n.typeKey,
      documentTypeName: n.typeName,
      subject: data.subject,
      issuingAgency: profile?.name ?? '',
      signerName: data.signerName,
      signerPosition: data.signerPosition,
      signerCompetence: data.signerCompetence,
      recipientsText: data.recipientsText,
      recipientUnit: data.recipientUnit,
      copies: data.copies,
      pageCount: data.pageCount,
      transferDate: data.transferDate,
      receivedBy: data.receivedBy,
      notes: data.notes,
      priority: data.priority,
      dueDate: data.dueDate,
      documentIdentifier: null,
      duplicateKey: null,
      status: 'active',
      voidReason: null,
      processingStatus: null,
    });
    linkFiles(ctx, docId, staged);
    ctx.audit.append({
      action: 'outgoing.register',
      entityType: 'document',
      entityId: docId,
      details: {
        series: n.seriesName,
        year: n.year,
        number: n.number,
        codeNumber: n.codeNumber,
        codeNotation: n.codeNotation,
        documentDate: n.documentDate,
        subject: data.subject,
        files: staged.map((f) => ({ name: f.name, sha256: f.sha256 })),
      },
    });
    return docId;
  });
  return getDocument(ctx, id);
}
