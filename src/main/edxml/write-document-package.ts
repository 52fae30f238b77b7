import { AppError } from '../../shared/errors.ts';
import { base64OfFile } from './base64-file.ts';
import { EDXML_NS, type Business, type DocumentHeader, type ResponseFor, type StaffInfo, type TraceHeader } from './model.ts';
import { toWireDate, toWireDateTime } from './wire-format.ts';
import { checkOutgoingName, writeOrganization, writePackageFile, type WrittenPackage } from './write-common.ts';
import type { XmlWriter } from './xml-writer.ts';

// A file to send; contentId without `cid:`. PDFs go raw as `application/pdf` (edxml.md).
export interface OutgoingAttachment {
  readonly contentId: string;
  readonly name: string;
  readonly description: string;
  readonly contentType: string;
  readonly sourcePath: string;
}

export interface DocumentPackageInput {
  readonly header: DocumentHeader;
  readonly business: Business;
  readonly traceHeaders: readonly TraceHeader[];
  readonly attachments: readonly OutgoingAttachment[];
}

const CONTENT_ID = /^[A-Za-z0-9._@-]{1,100}$/;

function checkAttachments(attachments: readonly OutgoingAttachment[]): void {
  const seen = new Set<string>();
  for (const a of attachments) {
    if (!CONTENT_ID.test(a.contentId) || seen.has(a.contentId)) {
      throw new AppError('INVALID_INPUT', 'Mã tệp đính kèm (ContentId) không hợp lệ hoặc bị trùng.', `bad or duplicate contentId ${JSON.stringify(a.contentId)}`);
    }
    seen.add(a.contentId);
    checkOutgoingName(a.name);
  }
}

const wireDate = (d: string | null): string => (d === null ? '' : toWireDate(d));

// ResponseFor inside a document header: the order of the official revocation sample.
async function writeResponseFor(w: XmlWriter, r: ResponseFor): Promise<void> {
  await w.open('edXML:ResponseFor');
  await w.leaf('edXML:OrganId', r.organId);
  await w.leaf('edXML:Code', r.code);
  await w.leaf('edXML:DocumentId', r.documentId);
  await w.leaf('edXML:PromulgationDate', wireDate(r.promulgationDate));
  await w.close();
}

async function writeHeader(w: XmlWriter, h: DocumentHeader): Promise<void> {
  await w.open('edXML:MessageHeader');
  await writeOrganization(w, 'edXML:From', h.from, 'document');
  for (const to of h.to) await writeOrganization(w, 'edXML:To', to, 'document');
  await w.leaf('edXML:DocumentId', h.documentId);
  await w.open('edXML:Code');
  await w.leaf('edXML:CodeNumber', h.code.codeNumber);
  await w.leaf('edXML:CodeNotation', h.code.codeNotation);
  await w.close();
  await w.open('edXML:PromulgationInfo');
  await w.leaf('edXML:Place', h.promulgation.place);
  await w.leaf('edXML:PromulgationDate', wireDate(h.promulgation.date));
  await w.close();
  await w.open('edXML:DocumentType');
  await w.leaf('edXML:Type', h.documentType.type);
  await w.leaf('edXML:TypeDetail', h.documentType.typeDetail);
  await w.leaf('edXML:TypeName', h.documentType.typeName);
  await w.close();
  await w.leaf('edXML:Subject', h.subject);
  await w.leaf('edXML:Content', h.content);
  await w.open('edXML:SignerInfo');
  await w.leaf('edXML:Competence', h.signer.competence);
  await w.leaf('edXML:Position', h.signer.position);
  await w.leaf('edXML:FullName', h.signer.fullName);
  await w.close();
  if (h.dueDate !== null) await w.leaf('edXML:DueDate', toWireDate(h.dueDate));
  const o = h.otherInfo;
  await w.open('edXML:OtherInfo');
  await w.leaf('edXML:Priority', o.priority);
  await w.leaf('edXML:SphereOfPromulgation', o.sphereOfPromulgation);
  await w.leaf('edXML:TyperNotation', o.typerNotation);
  await w.leaf('edXML:PromulgationAmount', o.promulgationAmount);
  await w.leaf('edXML:PageAmount', o.pageAmount);
  await w.leaf('edXML:Direction', o.direction);
  if (o.appendixes.length > 0) {
    await w.open('edXML:Appendixes');
    for (const a of o.appendixes) await w.leaf('edXML:Appendix', a);
    await w.close();
  }
  await w.close();
  for (const r of h.responseFor) await writeResponseFor(w, r);
  await w.leaf('edXML:SteeringType', h.steeringType);
  await w.open('edXML:ToPlaces');
  for (const p of h.toPlaces) await w.leaf('edXML:Place', p);
  await w.close();
  await w.close();
}

// StaffInfo of Bussiness: the order of the official document samples.
async function writeStaff(w: XmlWriter, s: StaffInfo): Promise<void> {
  await w.open('edXML:StaffInfo');
  await w.leaf('edXML:Department', s.department);
  await w.leaf('edXML:Staff', s.staff);
  await w.leaf('edXML:Email', s.email);
  await w.leaf('edXML:Mobile', s.mobile);
  await w.close();
}

const bit = (b: boolean): number => (b ? 1 : 0);

async function writeBusiness(w: XmlWriter, b: Business): Promise<void> {
  await w.open('edXML:Bussiness');
  if (b.documentId !== null) await w.leaf('edXML:DocumentId', b.documentId);
  await w.leaf('edXML:BussinessDocType', b.businessDocType);
  await w.leaf('edXML:BussinessDocReason', b.reason);
  await w.leaf('edXML:Paper', bit(b.paper));
  if (b.documentInfo !== null) {
    await w.open('edXML:BussinessDocumentInfo');
    await w.leaf('edXML:DocumentInfo', bit(b.documentInfo.documentInfo));
    await w.leaf('edXML:DocumentReceiver', bit(b.documentInfo.documentReceiver));
    await w.open('edXML:ReceiverList');
    for (const r of b.documentInfo.receiverList) {
      await w.open('edXML:Receiver');
      await w.leaf('edXML:OrganId', r.organId);
      await w.leaf('edXML:ReceiverType', r.receiverType);
      await w.close();
    }
    await w.close();
    await w.close();
  }
  if (b.replacementInfoList.length > 0) {
    await w.open('edXML:ReplacementInfoList');
    for (const r of b.replacementInfoList) {
      await w.open('edXML:ReplacementInfo');
      await w.leaf('edXML:DocumentId', r.documentId);
      await w.open('edXML:OrganIdList');
      for (const id of r.organIds) await w.leaf('edXML:OrganId', id);
      await w.close();
      await w.close();
    }
    await w.close();
  }
  if (b.staffInfo !== null) await writeStaff(w, b.staffInfo);
  await w.close();
}

async function writeAttachments(w: XmlWriter, attachments: readonly OutgoingAttachment[]): Promise<void> {
  await w.open('AttachmentEncoded');
  for (const a of attachments) {
    await w.open('Attachment');
    await w.leaf('ContentId', `cid:${a.contentId}`);
    await w.leaf('AttachmentName', a.name);
    await w.leaf('Description', a.description);
    await w.leaf('ContentType', a.contentType);
    // Outside the envelope the prefix is unbound, so the samples declare it again here.
    await w.beginLeaf('edXML:ContentTransferEncoded', { 'xmlns:edXML': EDXML_NS });
    for await (const piece of base64OfFile(a.sourcePath)) await w.raw(piece);
    await w.endLeaf('edXML:ContentTransferEncoded');
    await w.close();
  }
  await w.close();
}

// A document package (new, revoke, update or replace according to business.businessDocType),
// element for element as the official samples, except the optional Signature element, which
// we never write: hubs re-serialise packages, so an XML signature would not survive transit.
export async function writeDocumentPackage(input: DocumentPackageInput, outPath: string): Promise<WrittenPackage> {
  checkAttachments(input.attachments);
  return writePackageFile(
    outPath,
    async (w) => {
      await w.open('edXML:edXMLHeader');
      await writeHeader(w, input.header);
      await w.open('edXML:TraceHeaderList');
      for (const t of input.traceHeaders) {
        await w.open('edXML:TraceHeader');
        await w.leaf('edXML:OrganId', t.organId);
        await w.leaf('edXML:Timestamp', t.timestamp === null ? '' : toWireDateTime(t.timestamp));
        await w.close();
      }
      await writeBusiness(w, input.business);
      await w.close();
      await w.close();
      await w.open('edXML:edXMLBody');
      await w.open('edXML:edXMLManifest', { version: '1.0' });
      for (const a of input.attachments) {
        await w.open('edXML:Reference');
        await w.leaf('edXML:ContentId', `cid:${a.contentId}`);
        await w.leaf('edXML:ContentType', a.contentType);
        await w.leaf('edXML:Description', a.description);
        await w.leaf('edXML:AttachmentName', a.name);
        await w.close();
      }
      await w.close();
      await w.close();
    },
    (w) => writeAttachments(w, input.attachments),
  );
}
