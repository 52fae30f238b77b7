import { ZipFile } from 'yazl';
import { NS } from './edxml-fixtures.ts';

// Hand-made packages for the reader's tests: a minimal document package whose parts a test
// replaces one at a time, so that each hostile file differs from a good one in one place only.
export interface Parts {
  readonly prolog?: string;
  readonly root?: string;
  readonly header?: string;
  readonly trace?: string;
  readonly manifest?: string;
  readonly attachments?: string;
}

export const HEADER = `<edXML:MessageHeader>
        <edXML:From><edXML:OrganId>000.46.24.H44</edXML:OrganId><edXML:OrganName>UBND xã Hòa Tiến</edXML:OrganName></edXML:From>
        <edXML:To><edXML:OrganId>000.47.24.H44</edXML:OrganId></edXML:To>
        <edXML:DocumentId>000.46.24.H44,2026/03/05,12/UBND-VP</edXML:DocumentId>
        <edXML:Code><edXML:CodeNumber>12</edXML:CodeNumber><edXML:CodeNotation>UBND-VP</edXML:CodeNotation></edXML:Code>
        <edXML:PromulgationInfo><edXML:Place>Hòa Tiến</edXML:Place><edXML:PromulgationDate>2026/03/05</edXML:PromulgationDate></edXML:PromulgationInfo>
        <edXML:DocumentType><edXML:Type>18</edXML:Type><edXML:TypeDetail>0</edXML:TypeDetail><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>
        <edXML:Subject>V/v tổng hợp số liệu</edXML:Subject>
        <edXML:SteeringType>1</edXML:SteeringType>
      </edXML:MessageHeader>`;

export const TRACE = `<edXML:TraceHeaderList>
        <edXML:TraceHeader><edXML:OrganId>000.46.24.H44</edXML:OrganId><edXML:Timestamp>2026/03/05 09:00:00</edXML:Timestamp></edXML:TraceHeader>
        <edXML:Bussiness><edXML:BussinessDocType>0</edXML:BussinessDocType></edXML:Bussiness>
      </edXML:TraceHeaderList>`;

export function reference(contentId: string, name: string, contentType = 'application/pdf'): string {
  return `<edXML:Reference><edXML:ContentId>${contentId}</edXML:ContentId><edXML:ContentType>${contentType}</edXML:ContentType><edXML:Description>${name}</edXML:Description><edXML:AttachmentName>${name}</edXML:AttachmentName></edXML:Reference>`;
}

export function attachment(contentId: string, name: string, base64: string, contentType = 'application/pdf'): string {
  return `<Attachment><ContentId>${contentId}</ContentId><AttachmentName>${name}</AttachmentName><Description>${name}</Description><ContentType>${contentType}</ContentType><edXML:ContentTransferEncoded xmlns:edXML="${NS}">${base64}</edXML:ContentTransferEncoded></Attachment>`;
}

export const PDF_BYTES = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const PDF_B64 = PDF_BYTES.toString('base64');

export function handMade(parts: Parts = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
${parts.prolog ?? ''}${parts.root ?? `<edXML xmlns="${NS}">`}
  <edXML:edXMLEnvelope xmlns:edXML="${NS}">
    <edXML:edXMLHeader>
      ${parts.header ?? HEADER}
      ${parts.trace ?? TRACE}
    </edXML:edXMLHeader>
    <edXML:edXMLBody>
      <edXML:edXMLManifest version="1.0">${parts.manifest ?? reference('cid:1', 'cong-van.pdf')}</edXML:edXMLManifest>
    </edXML:edXMLBody>
  </edXML:edXMLEnvelope>
  <AttachmentEncoded>${parts.attachments ?? attachment('cid:1', 'cong-van.pdf', PDF_B64)}</AttachmentEncoded>
</edXML>
`;
}

// A zip made by yazl (the project's zip writer for tests), as bytes.
export function zipOf(entries: ReadonlyArray<readonly [name: string, data: Buffer]>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name, { compress: true });
  zip.end();
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    zip.outputStream.on('data', (d: Buffer) => parts.push(d));
    zip.outputStream.on('end', () => resolve(Buffer.concat(parts)));
    zip.outputStream.on('error', reject);
  });
}
