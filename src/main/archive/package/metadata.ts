import type { DocumentMetadata, FileCode, FileMetadata } from '../../casefiles/metadata.ts';

// The metadata of a handed-over file and of each of its documents (read from the registers by
// casefiles/metadata.ts) as XML elements, in the fields and the order of Decree 30 Appendix VI
// Part II (I outgoing, II incoming, III files). Element names are the
// Appendix's English abbreviations with its two misprints mended ("Organld" → OrganId,
// "Signerlnfo" → SignerInfo); docs/handover-package.md.

type Signer = DocumentMetadata['signer'];

// An element with text, or with children in order.
export type XmlElement = { readonly name: string; readonly text: string } | { readonly name: string; readonly children: readonly XmlElement[] };

const leaf = (name: string, value: string | number | null): XmlElement => ({ name, text: value === null ? '' : String(value) });

const fileCodeElement = (c: FileCode): XmlElement => ({
  name: 'FileCode',
  children: [leaf('OrganId', c.organId), leaf('FileCatalog', c.fileCatalog), leaf('FileNotation', c.fileNotation)],
});

const signerElement = (s: Signer): XmlElement => ({ name: 'SignerInfo', children: [leaf('Position', s.position), leaf('FullName', s.fullName)] });

export function fileElement(m: FileMetadata): XmlElement {
  return {
    name: 'File',
    children: [
      fileCodeElement(m.fileCode),
      leaf('Title', m.title),
      leaf('Maintenance', m.maintenance),
      leaf('Rights', m.rights),
      leaf('Creator', m.creator),
      leaf('Language', m.language),
      leaf('StartDate', m.startDate),
      leaf('EndDate', m.endDate),
      leaf('DocTotal', m.docTotal),
      leaf('PageTotal', m.pageTotal),
      leaf('Description', m.description),
    ],
  };
}

export function documentElement(m: DocumentMetadata): XmlElement {
  const head = [
    fileCodeElement(m.fileCode),
    leaf('DocOrdinal', m.docOrdinal),
    leaf('TypeName', m.typeName),
    leaf('CodeNumber', m.codeNumber),
    leaf('CodeNotation', m.codeNotation),
    leaf('IssuedDate', m.issuedDate),
    leaf('OrganName', m.organName),
    leaf('Subject', m.subject),
    leaf('Language', m.language),
    leaf('PageAmount', m.pageAmount),
    leaf('Description', m.description),
  ];
  if (m.direction === 'outgoing') {
    return {
      name: 'OutgoingDocument',
      children: [
        ...head,
        signerElement(m.signer),
        ...m.to.map((t) => ({ name: 'To', children: [leaf('OrganId', t.organId), leaf('OrganName', t.organName)] })),
        leaf('Priority', m.priority),
        leaf('IssuedAmount', m.issuedAmount),
        leaf('DueDate', m.dueDate),
      ],
    };
  }
  return {
    name: 'IncomingDocument',
    children: [
      ...head,
      leaf('ArrivalDate', m.arrivalDate),
      leaf('ArrivalNumber', m.arrivalNumber),
      signerElement(m.signer),
      leaf('Priority', m.priority),
      leaf('ToPlaces', m.toPlaces),
      leaf('TraceHeaderList', m.traceHeaderList),
      leaf('DueDate', m.dueDate),
    ],
  };
}

// The Appendix's lengths, checked by the verifier on what a package holds (and so on what we
// write): element path → the most characters allowed.
export const FIELD_LENGTHS: Readonly<Record<string, number>> = {
  'FileCode/OrganId': 13,
  'FileCode/FileCatalog': 4,
  'FileCode/FileNotation': 20,
  'File/Title': 500,
  'File/Maintenance': 30,
  'File/Rights': 30,
  'File/Creator': 30,
  'File/Language': 50,
  'File/Description': 500,
  TypeName: 100,
  CodeNumber: 11,
  CodeNotation: 30,
  OrganName: 200,
  Subject: 500,
  'OutgoingDocument/Language': 30,
  'IncomingDocument/Language': 30,
  'OutgoingDocument/Description': 500,
  'IncomingDocument/Description': 500,
  Position: 100,
  FullName: 50,
  ToPlaces: 1000,
};
