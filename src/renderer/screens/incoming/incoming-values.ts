import type { InputOf } from '../../../shared/api/contract.ts';
import type { Priority } from '../../../shared/domain/priority.ts';
import { readCount, readDates } from '../../forms/dates-payload.ts';
import type { Upload } from '../../util/files.ts';

export const INCOMING_FIELDS = [
  'issuingAgency',
  'codeNumber',
  'codeNotation',
  'documentDate',
  'documentType',
  'subject',
  'priority',
  'dueDate',
  'recipientUnit',
  'signerName',
  'signerPosition',
  'arrivalDate',
  'pageCount',
  'copies',
  'documentIdentifier',
  'transferDate',
  'receivedBy',
  'notes',
] as const;

export type IncomingValues = Record<(typeof INCOMING_FIELDS)[number], string>;

// Ngày đến starts empty: the server then takes its own today (Vietnam time), which stays right
// in a window left open overnight.
export function emptyIncoming(): IncomingValues {
  return {
    issuingAgency: '',
    codeNumber: '',
    codeNotation: '',
    documentDate: '',
    documentType: '',
    subject: '',
    priority: 'thuong',
    dueDate: '',
    recipientUnit: '',
    signerName: '',
    signerPosition: '',
    arrivalDate: '',
    pageCount: '',
    copies: '',
    documentIdentifier: '',
    transferDate: '',
    receivedBy: '',
    notes: '',
  };
}

export const INCOMING_DATE_FIELDS = ['documentDate', 'dueDate', 'arrivalDate', 'transferDate'] as const;

// The form's text as an incoming.register input. Counts and dates the form cannot read go as
// typed: the server's answer then names every problem at once.
export function toIncomingInput(v: IncomingValues, attachments: Upload[], allowDuplicate: boolean): InputOf<'incoming.register'> {
  const { dates } = readDates(v, INCOMING_DATE_FIELDS);
  return {
    issuingAgency: v.issuingAgency,
    codeNumber: v.codeNumber,
    codeNotation: v.codeNotation,
    documentDate: dates.documentDate ?? '',
    documentType: v.documentType,
    subject: v.subject,
    priority: v.priority as Priority,
    dueDate: dates.dueDate,
    recipientUnit: v.recipientUnit,
    signerName: v.signerName,
    signerPosition: v.signerPosition,
    arrivalDate: dates.arrivalDate,
    pageCount: readCount(v.pageCount) as number | null,
    copies: readCount(v.copies) as number | null,
    documentIdentifier: v.documentIdentifier,
    transferDate: dates.transferDate,
    receivedBy: v.receivedBy,
    notes: v.notes,
    attachments,
    allowDuplicate,
  };
}
