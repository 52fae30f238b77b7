import type {
  Business,
  BusinessDocType,
  DocumentHeader,
  ManifestReference,
  Organization,
  ResponseFor,
  StaffInfo,
  StatusHeader,
  TraceHeaderList,
} from './model.ts';
import { refusal } from './refusal.ts';
import { parseWireDate, parseWireDateTime } from './wire-format.ts';
import { at, child, childrenNamed, textOf, type XNode } from './xnode.ts';

// The typed header of a package from its tree, tolerant as edxml.md asks: any order of
// children, empty or missing optional elements, unknown elements ignored, `Status` in place of
// MessageHeader, dd/MM/yyyy dates, single-digit status codes, `Business` spelt either way.
function int(text: string, fallback: number): number {
  return /^[+-]?\d{1,9}$/.test(text) ? Number(text) : fallback;
}

function bool(text: string): boolean {
  return /^(true|1)$/i.test(text);
}

function badHeader(messageVi: string, detail: string): Error {
  return refusal('BAD_HEADER', messageVi, detail);
}

export function organization(n: XNode | undefined): Organization {
  return {
    organId: textOf(n, 'OrganId'),
    organizationInCharge: textOf(n, 'OrganizationInCharge'),
    organName: textOf(n, 'OrganName'),
    organAdd: textOf(n, 'OrganAdd'),
    email: textOf(n, 'Email'),
    telephone: textOf(n, 'Telephone'),
    fax: textOf(n, 'Fax'),
    website: textOf(n, 'Website'),
  };
}

function responseFor(n: XNode): ResponseFor {
  return {
    organId: textOf(n, 'OrganId'),
    code: textOf(n, 'Code'),
    promulgationDate: parseWireDate(textOf(n, 'PromulgationDate')),
    documentId: textOf(n, 'DocumentId'),
  };
}

function staffInfo(n: XNode | undefined): StaffInfo {
  return { department: textOf(n, 'Department'), staff: textOf(n, 'Staff'), email: textOf(n, 'Email'), mobile: textOf(n, 'Mobile') };
}

function requireFrom(header: XNode): XNode {
  const from = child(header, 'From');
  if (!from || textOf(from, 'OrganId') === '') throw badHeader('thiếu mã định danh đơn vị gửi (From/OrganId).', 'missing From/OrganId');
  return from;
}

export function documentHeader(h: XNode): DocumentHeader {
  const code = child(h, 'Code');
  const promulgation = child(h, 'PromulgationInfo');
  const type = child(h, 'DocumentType');
  const signer = child(h, 'SignerInfo');
  const other = child(h, 'OtherInfo');
  return {
    from: organization(requireFrom(h)),
    to: childrenNamed(h, 'To').map(organization),
    documentId: textOf(h, 'DocumentId'),
    code: { codeNumber: textOf(code, 'CodeNumber'), codeNotation: textOf(code, 'CodeNotation') },
    promulgation: { place: textOf(promulgation, 'Place'), date: parseWireDate(textOf(promulgation, 'PromulgationDate')) },
    documentType: { type: int(textOf(type, 'Type'), 0), typeDetail: int(textOf(type, 'TypeDetail'), 0), typeName: textOf(type, 'TypeName') },
    subject: textOf(h, 'Subject'),
    content: textOf(h, 'Content'),
    signer: { competence: textOf(signer, 'Competence'), position: textOf(signer, 'Position'), fullName: textOf(signer, 'FullName') },
    dueDate: parseWireDate(textOf(h, 'DueDate')),
    otherInfo: {
      priority: int(textOf(other, 'Priority'), 0),
      sphereOfPromulgation: textOf(other, 'SphereOfPromulgation'),
      typerNotation: textOf(other, 'TyperNotation'),
      promulgationAmount: int(textOf(other, 'PromulgationAmount'), 0),
      pageAmount: int(textOf(other, 'PageAmount'), 0),
      direction: bool(textOf(other, 'Direction')),
      appendixes: childrenNamed(child(other, 'Appendixes'), 'Appendix').map((a) => a.text.trim()),
    },
    responseFor: childrenNamed(h, 'ResponseFor').map(responseFor),
    steeringType: int(textOf(h, 'SteeringType'), 1),
    toPlaces: childrenNamed(child(h, 'ToPlaces'), 'Place').map((p) => p.text.trim()),
  };
}

export function statusHeader(h: XNode): StatusHeader {
  const code = textOf(h, 'StatusCode');
  if (!/^\d{1,2}$/.test(code)) throw badHeader(`mã trạng thái "${code.slice(0, 20)}" không hợp lệ.`, `bad StatusCode ${JSON.stringify(code.slice(0, 20))}`);
  const rf = child(h, 'ResponseFor');
  if (!rf) throw badHeader('gói trạng thái thiếu thông tin văn bản được phản hồi (ResponseFor).', 'status without ResponseFor');
  return {
    from: organization(requireFrom(h)),
    responseFor: responseFor(rf),
    staffInfo: staffInfo(child(h, 'StaffInfo')),
    statusCode: code.padStart(2, '0'),
    description: textOf(h, 'Description'),
    timestamp: parseWireDateTime(textOf(h, 'Timestamp')),
  };
}

function business(b: XNode): Business {
  const typeText = textOf(b, 'BussinessDocType', 'BusinessDocType');
  if (!/^[0-3]$/.test(typeText)) {
    throw badHeader(`loại nghiệp vụ "${typeText.slice(0, 20)}" không được hỗ trợ.`, `BussinessDocType ${JSON.stringify(typeText.slice(0, 20))}`);
  }
  const info = child(b, 'BussinessDocumentInfo', 'BusinessDocumentInfo');
  const receivers = childrenNamed(child(info, 'ReceiverList'), 'Receiver').map((r) => {
    const t = textOf(r, 'ReceiverType');
    if (t !== '0' && t !== '1') throw badHeader('loại đơn vị nhận cập nhật không hợp lệ.', `ReceiverType ${JSON.stringify(t.slice(0, 20))}`);
    return { organId: textOf(r, 'OrganId'), receiverType: t === '1' ? (1 as const) : (0 as const) };
  });
  const staff = child(b, 'StaffInfo');
  return {
    documentId: child(b, 'DocumentId') ? textOf(b, 'DocumentId') : null,
    businessDocType: Number(typeText) as BusinessDocType,
    reason: textOf(b, 'BussinessDocReason', 'BusinessDocReason'),
    paper: bool(textOf(b, 'Paper')),
    documentInfo: info
      ? { documentInfo: bool(textOf(info, 'DocumentInfo')), documentReceiver: bool(textOf(info, 'DocumentReceiver')), receiverList: receivers }
      : null,
    replacementInfoList: childrenNamed(child(b, 'ReplacementInfoList'), 'ReplacementInfo').map((r) => ({
      documentId: textOf(r, 'DocumentId'),
      organIds: childrenNamed(child(r, 'OrganIdList'), 'OrganId').map((o) => o.text.trim()),
    })),
    staffInfo: staff ? staffInfo(staff) : null,
  };
}

// Bussiness and TraceHeader in whatever order the producer wrote them.
export function traceHeaderList(list: XNode | undefined): TraceHeaderList {
  const b = child(list, 'Bussiness', 'Business');
  return {
    business: b ? business(b) : null,
    traceHeaders: childrenNamed(list, 'TraceHeader').map((t) => ({
      organId: textOf(t, 'OrganId'),
      timestamp: parseWireDateTime(textOf(t, 'Timestamp')),
    })),
  };
}

// `cid:` on either side or neither, angle brackets as in MIME.
export function normalContentId(raw: string): string {
  return raw.trim().replace(/^cid:/i, '').replace(/^<(.*)>$/, '$1').trim();
}

export function manifest(root: XNode): ManifestReference[] {
  const m = at(root, 'edXMLEnvelope', 'edXMLBody', 'edXMLManifest');
  return childrenNamed(m, 'Reference').map((r) => ({
    contentId: normalContentId(textOf(r, 'ContentId')),
    contentType: textOf(r, 'ContentType'),
    description: textOf(r, 'Description'),
    // Untrimmed, so that the reader can refuse a name ending in a space.
    attachmentName: child(r, 'AttachmentName')?.text ?? '',
  }));
}

export type HeaderOf =
  | { readonly kind: 'document'; readonly header: DocumentHeader; readonly trace: TraceHeaderList }
  | { readonly kind: 'status'; readonly header: StatusHeader; readonly trace: TraceHeaderList };

export function headerOf(root: XNode): HeaderOf {
  const envelopeHeader = at(root, 'edXMLEnvelope', 'edXMLHeader');
  const h = child(envelopeHeader, 'MessageHeader', 'Status');
  if (!h) throw badHeader('thiếu phần đầu gói tin (MessageHeader).', 'no edXMLEnvelope/edXMLHeader/MessageHeader');
  const trace = traceHeaderList(child(envelopeHeader, 'TraceHeaderList'));
  if (h.name === 'Status' || child(h, 'StatusCode')) return { kind: 'status', header: statusHeader(h), trace };
  return { kind: 'document', header: documentHeader(h), trace };
}
