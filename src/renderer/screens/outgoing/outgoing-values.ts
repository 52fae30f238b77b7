import type { InputOf } from '../../../shared/api/contract.ts';
import type { Priority } from '../../../shared/domain/priority.ts';
import { readCount, readDates } from '../../forms/dates-payload.ts';
import type { Upload } from '../../util/files.ts';

export const OUTGOING_FIELDS = [
  'documentType',
  'unitAbbreviation',
  'subject',
  'documentDate',
  'signerCompetence',
  'signerPosition',
  'signerName',
  'recipientsText',
  'recipientUnit',
  'copies',
  'pageCount',
  'transferDate',
  'receivedBy',
  'priority',
  'dueDate',
  'notes',
] as const;

export type OutgoingValues = Record<(typeof OUTGOING_FIELDS)[number], string>;

// Ngày văn bản starts empty: the server then takes its own today (Vietnam time), so a window left
// open over New Year does not number a document in last year's register.
export function emptyOutgoing(): OutgoingValues {
  return {
    documentType: 'cong-van',
    unitAbbreviation: '',
    subject: '',
    documentDate: '',
    signerCompetence: '',
    signerPosition: '',
    signerName: '',
    recipientsText: '',
    recipientUnit: '',
    copies: '',
    pageCount: '',
    transferDate: '',
    receivedBy: '',
    priority: 'thuong',
    dueDate: '',
    notes: '',
  };
}

export const OUTGOING_DATE_FIELDS = ['documentDate', 'transferDate', 'dueDate'] as const;

export function toOutgoingInput(v: OutgoingValues, attachments: Upload[]): InputOf<'outgoing.register'> {
  const { dates } = readDates(v, OUTGOING_DATE_FIELDS);
  return {
    documentType: v.documentType,
    unitAbbreviation: v.unitAbbreviation,
    subject: v.subject,
    documentDate: dates.documentDate,
    signerCompetence: v.signerCompetence,
    signerPosition: v.signerPosition,
    signerName: v.signerName,
    recipientsText: v.recipientsText,
    recipientUnit: v.recipientUnit,
    copies: readCount(v.copies) as number | null,
    pageCount: readCount(v.pageCount) as number | null,
    transferDate: dates.transferDate,
    receivedBy: v.receivedBy,
    priority: v.priority as Priority,
    dueDate: dates.dueDate,
    notes: v.notes,
    attachments,
  };
}
