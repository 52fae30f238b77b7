import type { InputOf } from '../../../shared/api/contract.ts';
import type { Priority } from '../../../shared/domain/priority.ts';
import { readCount, readDates } from '../../forms/dates-payload.ts';
import { showDate } from '../../util/dates.ts';

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

export function emptyOutgoing(todayIso: string): OutgoingValues {
  return {
    documentType: 'cong-van',
    unitAbbreviation: '',
    subject: '',
    documentDate: showDate(todayIso),
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

const DATE_FIELDS = ['documentDate', 'transferDate', 'dueDate'] as const;

export function toOutgoingInput(
  v: OutgoingValues,
  attachments: Array<{ name: string; dataBase64: string }>,
): { input: InputOf<'outgoing.register'>; badDates: string[] } {
  const { dates, badDates } = readDates(v, DATE_FIELDS);
  return {
    input: {
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
    },
    badDates,
  };
}
