import { ADMINISTRATIVE_TYPES, COPY_TYPES } from '../../shared/domain/document-types.ts';
import { AppError } from '../../shared/errors.ts';

// The typed content of an edXML package (QCVN 102:2016, see edxml.md). Dates here are ISO
// (`yyyy-MM-dd`, date-times `yyyy-MM-ddTHH:mm:ss` in Vietnam local time, no zone); the
// `yyyy/MM/dd` forms exist only on the wire. A date the sender wrote in no form we know is null.
export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

export type IsoDate = string;
export type IsoDateTime = string;

export interface Organization {
  readonly organId: string;
  readonly organizationInCharge: string;
  readonly organName: string;
  readonly organAdd: string;
  readonly email: string;
  readonly telephone: string;
  readonly fax: string;
  readonly website: string;
}

export interface DocumentCode {
  readonly codeNumber: string;
  readonly codeNotation: string;
}

export interface PromulgationInfo {
  readonly place: string;
  readonly date: IsoDate | null;
}

export interface DocumentTypeInfo {
  readonly type: number;
  readonly typeDetail: number;
  readonly typeName: string;
}

export interface SignerInfo {
  readonly competence: string;
  readonly position: string;
  readonly fullName: string;
}

// Priority: 0 Thường, 1 Khẩn, 2 Thượng khẩn, 3 Hỏa tốc, 4 Hỏa tốc hẹn giờ.
export interface OtherInfo {
  readonly priority: number;
  readonly sphereOfPromulgation: string;
  readonly typerNotation: string;
  readonly promulgationAmount: number;
  readonly pageAmount: number;
  readonly direction: boolean;
  readonly appendixes: readonly string[];
}

// The document a package or a status answers. `code` is "number/notation" in one string.
export interface ResponseFor {
  readonly organId: string;
  readonly code: string;
  readonly promulgationDate: IsoDate | null;
  readonly documentId: string;
}

export interface DocumentHeader {
  readonly from: Organization;
  readonly to: readonly Organization[];
  readonly documentId: string;
  readonly code: DocumentCode;
  readonly promulgation: PromulgationInfo;
  readonly documentType: DocumentTypeInfo;
  readonly subject: string;
  readonly content: string;
  readonly signer: SignerInfo;
  readonly dueDate: IsoDate | null;
  readonly otherInfo: OtherInfo;
  readonly responseFor: readonly ResponseFor[];
  readonly steeringType: number;
  readonly toPlaces: readonly string[];
}

export interface StaffInfo {
  readonly department: string;
  readonly staff: string;
  readonly email: string;
  readonly mobile: string;
}

// BussinessDocType on the wire (sic): 0 new, 1 revoke/recall, 2 update, 3 replace.
export const BUSINESS_DOC_TYPES = { new: 0, revoke: 1, update: 2, replace: 3 } as const;
export type BusinessKind = keyof typeof BUSINESS_DOC_TYPES;
export type BusinessDocType = (typeof BUSINESS_DOC_TYPES)[BusinessKind];

export function businessKindOf(type: BusinessDocType): BusinessKind {
  const kinds: readonly BusinessKind[] = ['new', 'revoke', 'update', 'replace'];
  return kinds[type] as BusinessKind;
}

// ReceiverType 0: the recipient is removed from the document; 1: added.
export interface Receiver {
  readonly organId: string;
  readonly receiverType: 0 | 1;
}

export interface BusinessDocumentInfo {
  readonly documentInfo: boolean;
  readonly documentReceiver: boolean;
  readonly receiverList: readonly Receiver[];
}

export interface ReplacementInfo {
  readonly documentId: string;
  readonly organIds: readonly string[];
}

// documentId: the document the operation concerns; the official revocation and replacement
// samples leave it out (null), naming the documents in ResponseFor / ReplacementInfoList.
export interface Business {
  readonly documentId: string | null;
  readonly businessDocType: BusinessDocType;
  readonly reason: string;
  readonly paper: boolean;
  readonly documentInfo: BusinessDocumentInfo | null;
  readonly replacementInfoList: readonly ReplacementInfo[];
  readonly staffInfo: StaffInfo | null;
}

export interface TraceHeader {
  readonly organId: string;
  readonly timestamp: IsoDateTime | null;
}

export interface TraceHeaderList {
  readonly business: Business | null;
  readonly traceHeaders: readonly TraceHeader[];
}

export interface StatusHeader {
  readonly from: Organization;
  readonly responseFor: ResponseFor;
  readonly staffInfo: StaffInfo;
  // Always two digits ("01"…"16").
  readonly statusCode: string;
  readonly description: string;
  readonly timestamp: IsoDateTime | null;
}

// One edXML:Reference of the manifest; contentId without the `cid:` prefix.
export interface ManifestReference {
  readonly contentId: string;
  readonly contentType: string;
  readonly description: string;
  readonly attachmentName: string;
}

// ISO date → the DocumentId of edxml.md: `<From OrganId>,<yyyy/MM/dd>,<CodeNumber>/<CodeNotation>`.
export function documentIdOf(fromOrganId: string, isoDate: IsoDate, codeNumber: string, codeNotation: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new AppError('INVALID_INPUT', `Ngày ban hành không hợp lệ: ${isoDate}.`, `documentIdOf: not an ISO date: ${isoDate}`);
  return `${fromOrganId},${m[1]}/${m[2]}/${m[3]},${codeNumber}/${codeNotation}`;
}

// DocumentType/Type: the 1-based position in the 29 types of Decree 30 Art. 7 (Công văn = 18),
// TypeDetail 0. A copy type or a type of ours outside the list has no position: 0.
export function edxmlDocumentType(typeKey: string): DocumentTypeInfo | null {
  const t = ADMINISTRATIVE_TYPES.find((x) => x.key === typeKey) ?? COPY_TYPES.find((x) => x.key === typeKey);
  return t ? { type: t.edxmlCode, typeDetail: 0, typeName: t.name } : null;
}

// The type key of an incoming DocumentType/Type code, when it names one of the 29 types.
export function typeKeyOfEdxmlCode(type: number): string | null {
  return ADMINISTRATIVE_TYPES.find((x) => x.edxmlCode === type)?.key ?? null;
}
