import type { InputOf } from '../../../shared/api/contract.ts';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import type { Priority } from '../../../shared/domain/priority.ts';
import { readCount, readDates } from '../../forms/dates-payload.ts';
import { showDate } from '../../util/dates.ts';

// Fields a clerk may correct. For outgoing documents the number, notation, date and type are
// fixed once issued (the server refuses them), so the form does not offer them.
const INCOMING_ONLY = ['issuingAgency', 'codeNumber', 'codeNotation', 'documentDate', 'documentType', 'documentIdentifier'] as const;
const OUTGOING_ONLY = ['recipientsText'] as const;
const COMMON = ['subject', 'signerName', 'signerPosition', 'recipientUnit', 'priority', 'copies', 'pageCount', 'transferDate', 'receivedBy', 'notes'] as const;

export type EditField = (typeof INCOMING_ONLY)[number] | (typeof OUTGOING_ONLY)[number] | (typeof COMMON)[number];
export type EditValues = Record<EditField, string>;

export function editableFields(doc: DocumentRecord): readonly EditField[] {
  return doc.direction === 'incoming' ? [...INCOMING_ONLY, ...COMMON] : [...COMMON, ...OUTGOING_ONLY];
}

export function editValues(d: DocumentRecord): EditValues {
  return {
    issuingAgency: d.issuingAgency,
    codeNumber: d.codeNumber,
    codeNotation: d.codeNotation,
    documentDate: showDate(d.documentDate),
    documentType: d.documentTypeName,
    documentIdentifier: d.documentIdentifier ?? '',
    recipientsText: d.recipientsText ?? '',
    subject: d.subject,
    signerName: d.signerName ?? '',
    signerPosition: d.signerPosition ?? '',
    recipientUnit: d.recipientUnit ?? '',
    priority: d.priority,
    copies: d.copies === null ? '' : String(d.copies),
    pageCount: d.pageCount === null ? '' : String(d.pageCount),
    transferDate: showDate(d.transferDate),
    receivedBy: d.receivedBy ?? '',
    notes: d.notes ?? '',
  };
}

// Only what the clerk changed is sent, so the audit entry names exactly the corrections.
// `dateBoxes` are the changed date boxes as typed, for the wording of the server's messages.
export function toPatch(doc: DocumentRecord, v: EditValues): { patch: InputOf<'documents.update'>; dateBoxes: Record<string, string> } {
  const before = editValues(doc);
  const fields = editableFields(doc);
  const changed = fields.filter((f) => v[f] !== before[f]);
  const changedDates = (['documentDate', 'transferDate'] as const).filter((f) => changed.includes(f));
  const { dates, dateBoxes } = readDates(v, changedDates);
  const patch: Record<string, unknown> = { id: doc.id };
  for (const f of changed) {
    if (f === 'documentDate' || f === 'transferDate') patch[f] = dates[f];
    else if (f === 'copies' || f === 'pageCount') patch[f] = readCount(v[f]);
    else if (f === 'priority') patch[f] = v[f] as Priority;
    else patch[f] = v[f];
  }
  return { patch: patch as InputOf<'documents.update'>, dateBoxes };
}
