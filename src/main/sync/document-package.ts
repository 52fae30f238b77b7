import { vietnamDateTime } from '../../shared/domain/dates.ts';
import { priorityCode } from '../../shared/domain/priority.ts';
import { AppError } from '../../shared/errors.ts';
import { statement } from '../db/statements.ts';
import {
  BUSINESS_DOC_TYPES,
  type Business,
  type BusinessDocType,
  type DocumentHeader,
  documentIdOf,
  edxmlDocumentType,
  type Organization,
  type Receiver,
  type StaffInfo,
} from '../edxml/model.ts';
import type { WrittenPackage } from '../edxml/write-common.ts';
import { type OutgoingAttachment, writeDocumentPackage } from '../edxml/write-document-package.ts';
import { getAgencyProfile } from '../registry/agency-repo.ts';
import type { RegistryContext } from '../registry/context.ts';
import { getDocument } from '../registry/documents.ts';
import { signedFilesOf } from './package-files.ts';
import { electronicRecipientsOf, toPlacesOf } from './package-recipients.ts';
import { numberNotation } from '../../shared/domain/notation.ts';

export interface DocumentPackageOptions {
  // 0 new (default), 1 revoke/recall, 2 update, 3 replace.
  readonly businessType?: BusinessDocType;
  // BussinessDocReason; the official samples' wording for the type when not given.
  readonly reason?: string;
  // The clerk who sends (Bussiness/StaffInfo); empty elements when not given.
  readonly staff?: StaffInfo;
  // Update only: recipients added (1) or removed (0) by this update.
  readonly receivers?: readonly Receiver[];
}

export type BuiltDocumentPackage = WrittenPackage & {
  // The To OrganIds, in order.
  readonly recipients: string[];
  // The edXML DocumentId (`<organId>,yyyy/MM/dd,<number>/<notation>`).
  readonly documentId: string;
};

interface IssuanceFacts {
  id: number;
  secrecy: string;
  archive_text: string | null;
  draft_json: string | null;
}

const SECRECY_NAMES: Readonly<Record<string, string>> = { mat: 'Mật', 'toi-mat': 'Tối mật', 'tuyet-mat': 'Tuyệt mật' };
// The official samples' wording, for a package queued without the clerk's own reason.
const DEFAULT_REASONS: Readonly<Record<BusinessDocType, string>> = {
  0: 'Văn bản điện tử mới',
  1: 'Thu hồi văn bản điện tử',
  2: 'Cập nhật văn bản điện tử',
  3: 'Văn bản thay thế',
};
const NO_STAFF: StaffInfo = { department: '', staff: '', email: '', mobile: '' };

function issuanceOf(ctx: RegistryContext, documentId: number): IssuanceFacts | null {
  const row = statement(ctx.db, 'SELECT id, secrecy, archive_text, draft_json FROM issuances WHERE document_id = ?').get(documentId) as IssuanceFacts | undefined;
  return row ?? null;
}

// Secret if its issuance says so or it was numbered in a secret series (a register row made
// without the workflow has only the latter).
function secrecyOf(ctx: RegistryContext, documentId: number, issuance: IssuanceFacts | null): string | null {
  if (issuance && issuance.secrecy !== 'none') return issuance.secrecy;
  const secretSeries = statement(
    ctx.db,
    'SELECT s.secret FROM documents d JOIN registers r ON r.id = d.register_id JOIN series s ON s.id = r.series_id WHERE d.id = ?',
  ).get(documentId) as { secret: number } | undefined;
  return secretSeries?.secret === 1 ? 'mat' : null;
}

// Box 12's drafter code ("NVA"), kept in the rendered draft; an imported PDF has none.
function typerNotationOf(issuance: IssuanceFacts | null): string {
  if (!issuance?.draft_json) return '';
  const code = (JSON.parse(issuance.draft_json) as { drafterCode?: unknown }).drafterCode;
  return typeof code === 'string' ? code : '';
}

function organization(organId: string, name: string): Organization {
  return { organId, organizationInCharge: '', organName: name, organAdd: '', email: '', telephone: '', fax: '', website: '' };
}

function businessOf(type: BusinessDocType, documentId: string, reason: string, options: DocumentPackageOptions, to: readonly string[]): Business {
  const receivers = options.receivers ?? [];
  return {
    documentId,
    businessDocType: type,
    reason,
    paper: false,
    documentInfo: type === BUSINESS_DOC_TYPES.update ? { documentInfo: true, documentReceiver: receivers.length > 0, receiverList: receivers } : null,
    replacementInfoList: type === BUSINESS_DOC_TYPES.replace ? [{ documentId, organIds: [...to] }] : [],
    staffInfo: options.staff ?? NO_STAFF,
  };
}

function refuseSecret(documentId: number, secrecy: string): AppError {
  return new AppError(
    'FORBIDDEN',
    `Văn bản có độ mật "${SECRECY_NAMES[secrecy] ?? secrecy}" không được gửi qua trục liên thông: Luật Bảo vệ bí mật nhà nước (số 29/2018/QH14) cấm truyền đưa bí mật nhà nước qua mạng viễn thông, mạng máy tính không được bảo vệ theo quy định. Hãy gửi bản giấy theo chế độ văn bản mật.`,
    `document ${documentId} is secret (${secrecy}): never packaged for the hub (state-secrets law 29/2018/QH14, nd30-rules §6)`,
    { secrecy },
  );
}

// The edXML package of an outgoing register row (edxml.md), written durably at outPath. Every
// check (secrecy, void, recipients, the signed files and their hashes) is made before the first
// byte is written, and a failure while writing leaves nothing under outPath.
//
// Revoke (1) carries no attachment: it withdraws files the recipients already hold, and sending
// the legal original again under a recall would only be a second copy of what is being taken
// back. The official revocation sample (vnpt-edoc_revocation.edxml) repeats the full header,
// names the revoked document in a ResponseFor, has no Bussiness/DocumentId, and carries one
// (zipped .doc) attachment. We keep its header and ResponseFor, add Bussiness/DocumentId (edxml.md:
// "the document the operation concerns", as the new and update samples write it), and attach
// nothing; readers accept a package without attachments.
//
// A voided document is refused, except for a recall: taking back what was sent before the void
// is the one thing left to do with it.
export async function buildDocumentPackage(
  ctx: RegistryContext,
  documentId: number,
  outPath: string,
  options: DocumentPackageOptions = {},
): Promise<BuiltDocumentPackage> {
  const type = options.businessType ?? BUSINESS_DOC_TYPES.new;
  const doc = getDocument(ctx, documentId);
  if (doc.direction !== 'outgoing') {
    throw new AppError('INVALID_INPUT', `Văn bản mã ${documentId} là văn bản đến: chỉ văn bản đi mới gửi qua trục liên thông.`, `document ${documentId} is incoming`);
  }
  const issuance = issuanceOf(ctx, documentId);
  const secrecy = secrecyOf(ctx, documentId, issuance);
  if (secrecy !== null) throw refuseSecret(documentId, secrecy);
  const code = numberNotation(doc);
  if (doc.status === 'void' && type !== BUSINESS_DOC_TYPES.revoke) {
    throw new AppError(
      'CONFLICT',
      `Văn bản số ${code} đã bị hủy${doc.voidReason ? ` (${doc.voidReason})` : ''}: không gửi được, chỉ có thể thu hồi.`,
      `document ${documentId} is void`,
    );
  }
  const reason = options.reason?.trim() || DEFAULT_REASONS[type];
  const agency = getAgencyProfile(ctx);
  if (!agency) throw new AppError('PROFILE_NOT_INITIALIZED', 'Chưa khai báo thông tin cơ quan: không gửi được.', 'no agency profile');
  const recipients = electronicRecipientsOf(ctx, documentId, issuance?.id ?? null);
  const files = type === BUSINESS_DOC_TYPES.revoke ? null : signedFilesOf(ctx, documentId);

  const edxmlId = documentIdOf(agency.organId, doc.documentDate, doc.codeNumber, doc.codeNotation);
  const to = recipients.map((r) => r.organId);
  const header: DocumentHeader = {
    from: {
      organId: agency.organId,
      organizationInCharge: agency.parentName ?? '',
      organName: agency.name,
      organAdd: agency.address ?? '',
      email: agency.email ?? '',
      telephone: agency.phone ?? '',
      fax: '',
      website: agency.website ?? '',
    },
    to: recipients.map((r) => organization(r.organId, r.name)),
    documentId: edxmlId,
    code: { codeNumber: doc.codeNumber, codeNotation: doc.codeNotation },
    promulgation: { place: agency.placeName, date: doc.documentDate },
    documentType: edxmlDocumentType(doc.documentType) ?? { type: 0, typeDetail: 0, typeName: doc.documentTypeName },
    subject: doc.subject,
    // The official samples repeat the trích yếu here; we keep no other summary.
    content: doc.subject,
    signer: { competence: doc.signerCompetence ?? '', position: doc.signerPosition ?? '', fullName: doc.signerName ?? '' },
    dueDate: doc.dueDate,
    otherInfo: {
      // 4 (Hỏa tốc hẹn giờ) is never produced (nd30-rules §6): it goes out as Hỏa tốc.
      priority: Math.min(priorityCode(doc.priority), 3),
      sphereOfPromulgation: '',
      typerNotation: typerNotationOf(issuance),
      promulgationAmount: doc.copies ?? 0,
      pageAmount: doc.pageCount ?? 0,
      direction: false,
      appendixes: [],
    },
    responseFor:
      type === BUSINESS_DOC_TYPES.revoke ? [{ organId: agency.organId, code, promulgationDate: doc.documentDate, documentId: edxmlId }] : [],
    steeringType: 1,
    toPlaces: toPlacesOf(ctx, issuance?.id ?? null, issuance?.archive_text ?? doc.recipientUnit, doc.recipientsText),
  };
  const attachments: OutgoingAttachment[] = files
    ? [files.main, ...files.attachments].map((f, i) => ({
        contentId: String(i + 1),
        name: f.name,
        description: f.name,
        contentType: 'application/pdf',
        sourcePath: f.path,
      }))
    : [];
  const written = await writeDocumentPackage(
    {
      header,
      business: businessOf(type, edxmlId, reason, options, to),
      traceHeaders: [{ organId: agency.organId, timestamp: vietnamDateTime(ctx.clock.now()).slice(0, 19) }],
      attachments,
    },
    outPath,
  );
  return { ...written, recipients: to, documentId: edxmlId };
}
