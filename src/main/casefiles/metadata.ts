import { historyLine } from '../../shared/domain/processing-history.ts';
import { PRIORITIES } from '../../shared/domain/priority.ts';
import { retentionLabel } from '../../shared/domain/case-file-rules.ts';
import type { AttachmentRecord, DocumentRecord } from '../../shared/api/schemas/documents.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';
import { getDocument } from '../registry/documents.ts';
import { readEntries } from '../registry/processing-entries.ts';
import { agencyHeader } from './agency-header.ts';
import { caseFileRow } from './case-file-rows.ts';
import { fileDocuments } from './contents.ts';
import { currentPdfs } from './page-count.ts';

// The metadata of a file and of each of its documents in the fields of Decree 30 Appendix VI
// Part II (I outgoing, II incoming, III files), as plain values the handover package writes as
// XML (src/main/archive/package/metadata.ts has the same shapes). The values come from the
// registers as they stand; docs/case-files.md, "Metadata".

export interface FileCode {
  readonly organId: string;
  readonly fileCatalog: number;
  readonly fileNotation: string;
}

export interface FileMetadata {
  readonly fileCode: FileCode;
  readonly title: string;
  readonly maintenance: string;
  readonly rights: string;
  readonly creator: string;
  readonly language: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly docTotal: number;
  readonly pageTotal: number;
  readonly description: string;
}

interface DocumentCommon {
  readonly fileCode: FileCode;
  readonly docOrdinal: number;
  readonly typeName: string;
  readonly codeNumber: string;
  readonly codeNotation: string;
  readonly issuedDate: string;
  readonly organName: string;
  readonly subject: string;
  readonly language: string;
  readonly pageAmount: number;
  readonly description: string;
  readonly signer: { readonly position: string; readonly fullName: string };
  readonly priority: number;
  readonly dueDate: string | null;
}

export interface OutgoingMetadata extends DocumentCommon {
  readonly direction: 'outgoing';
  readonly to: readonly { readonly organId: string; readonly organName: string }[];
  readonly issuedAmount: number;
}

export interface IncomingMetadata extends DocumentCommon {
  readonly direction: 'incoming';
  readonly arrivalDate: string;
  readonly arrivalNumber: number;
  readonly toPlaces: string;
  readonly traceHeaderList: string;
}

export type DocumentMetadata = OutgoingMetadata | IncomingMetadata;

// A document of the file with its metadata and its PDFs as they stand (page-count.ts), in
// DocOrdinal order: what the package puts in the file's folder.
export interface FiledDocumentParts {
  readonly metadata: DocumentMetadata;
  readonly pdfs: readonly AttachmentRecord[];
}

export const DEFAULT_LANGUAGE = 'Tiếng Việt';
export const DEFAULT_RIGHTS = 'Công khai';

// Field 14 "Mức độ khẩn, độ mật" is one digit: the urgency as edXML numbers it (0 thường … 4).
const priorityNumber = (d: DocumentRecord): number => Math.max(0, PRIORITIES.indexOf(d.priority));

// Who the outgoing document went to: its issuance's recipients, or the register's "Nơi nhận"
// lines when it was registered directly (no identifier then).
function recipientsOf(ctx: RegistryContext, d: DocumentRecord): { organId: string; organName: string }[] {
  const fromIssuance = statement(
    ctx.db,
    `SELECT coalesce(r.organ_id, '') AS organId, r.name AS organName FROM issuance_recipients r JOIN issuances i ON i.id = r.issuance_id
     WHERE i.document_id = ? ORDER BY r.position`,
  ).all(d.id) as { organId: string; organName: string }[];
  if (fromIssuance.length > 0) return fromIssuance;
  return (d.recipientsText ?? '')
    .split('\n')
    .map((l) => l.replace(/^[-–•+\s]+/, '').replace(/[;,.\s]+$/, '').trim())
    .filter(Boolean)
    .map((organName) => ({ organId: '', organName }));
}

function documentMetadata(ctx: RegistryContext, code: FileCode, d: DocumentRecord, docOrdinal: number, pageAmount: number): DocumentMetadata {
  const common: DocumentCommon = {
    fileCode: code,
    docOrdinal,
    typeName: d.documentTypeName,
    codeNumber: d.codeNumber,
    codeNotation: d.codeNotation,
    issuedDate: d.documentDate,
    organName: d.issuingAgency,
    subject: d.subject,
    language: DEFAULT_LANGUAGE,
    pageAmount,
    description: d.notes ?? '',
    signer: { position: d.signerPosition ?? '', fullName: d.signerName ?? '' },
    priority: priorityNumber(d),
    dueDate: d.dueDate,
  };
  if (d.direction === 'outgoing') return { ...common, direction: 'outgoing', to: recipientsOf(ctx, d), issuedAmount: d.copies ?? 0 };
  return {
    ...common,
    direction: 'incoming',
    arrivalDate: d.registerDate,
    arrivalNumber: d.number,
    toPlaces: d.recipientUnit ?? '',
    traceHeaderList: readEntries(ctx, d.id).map(historyLine).join('\n'),
  };
}

function codeOf(ctx: RegistryContext, caseFileId: number): FileCode {
  const row = caseFileRow(ctx, caseFileId);
  return { organId: agencyHeader(ctx).organId, fileCatalog: row.plan_year, fileNotation: row.notation };
}

// Part II III. The totals are the closing figures once closed; of an open file, what it holds now.
export async function fileMetadata(ctx: RegistryContext, caseFileId: number): Promise<FileMetadata> {
  const row = caseFileRow(ctx, caseFileId);
  const live = row.doc_total === null ? await fileDocuments(ctx, caseFileId) : null;
  const dates = (live ?? []).map((d) => d.documentDate).sort();
  return {
    fileCode: codeOf(ctx, caseFileId),
    title: row.title,
    maintenance: retentionLabel(row.retention_years),
    rights: row.rights ?? DEFAULT_RIGHTS,
    creator: row.creator,
    language: row.language ?? DEFAULT_LANGUAGE,
    startDate: live ? (dates[0] ?? null) : row.start_date,
    endDate: live ? (dates.at(-1) ?? null) : row.end_date,
    docTotal: live ? live.length : (row.doc_total as number),
    pageTotal: live ? live.reduce((n, d) => n + d.pages, 0) : (row.page_total as number),
    description: row.description ?? '',
  };
}

// Part II I and II, one per document of the file, in DocOrdinal order, with its PDFs.
export async function filedDocumentParts(ctx: RegistryContext, caseFileId: number): Promise<FiledDocumentParts[]> {
  const code = codeOf(ctx, caseFileId);
  const out: FiledDocumentParts[] = [];
  for (const f of await fileDocuments(ctx, caseFileId)) {
    const d = getDocument(ctx, f.documentId);
    out.push({ metadata: documentMetadata(ctx, code, d, f.docOrdinal, f.pages), pdfs: currentPdfs(ctx, d.id) });
  }
  return out;
}
