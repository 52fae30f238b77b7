import type { IsoDate } from './dates.ts';
import { nextWorkingDay } from './working-days.ts';

// The figures of the reports of Appendix VI Part I V.2 and V.4 (docs/reports.md): what counts as
// done on time, late, open and overdue, and the channels a document came or went by.

// Báo cáo tình hình giải quyết văn bản đến: the state of an incoming document on the day of the
// report (Art. 24). Done on time: completed no later than its deadline (or without a deadline);
// done late: completed after it; open: not completed, overdue once its deadline is before today.
export const INCOMING_STATES = ['doneOnTime', 'doneLate', 'openInTime', 'openOverdue'] as const;
export type IncomingState = (typeof INCOMING_STATES)[number];

export const INCOMING_STATE_LABELS: Readonly<Record<IncomingState, string>> = {
  doneOnTime: 'Đã giải quyết đúng hạn',
  doneLate: 'Đã giải quyết quá hạn',
  openInTime: 'Đang giải quyết, còn hạn',
  openOverdue: 'Đang giải quyết, quá hạn',
};

export function incomingState(doc: { readonly done: boolean; readonly dueDate: IsoDate | null; readonly doneOn: IsoDate | null }, asOf: IsoDate): IncomingState {
  if (doc.done) return doc.dueDate !== null && doc.doneOn !== null && doc.doneOn > doc.dueDate ? 'doneLate' : 'doneOnTime';
  return doc.dueDate !== null && doc.dueDate < asOf ? 'openOverdue' : 'openInTime';
}

// Báo cáo tình hình giải quyết văn bản đi, against Art. 18.1: sent out the day it was signed
// (ký duyệt), at the latest the next working day; an urgent one the same day. Only a document
// that went through the issuance workflow has a signing day; one registered directly is "not
// tracked". In the workflow and not sent yet: waiting, late once its last day has passed.
export const OUTGOING_STATES = ['onTime', 'late', 'waitingInTime', 'waitingLate', 'notTracked'] as const;
export type OutgoingState = (typeof OUTGOING_STATES)[number];

export const OUTGOING_STATE_LABELS: Readonly<Record<OutgoingState, string>> = {
  onTime: 'Phát hành đúng hạn',
  late: 'Phát hành chậm',
  waitingInTime: 'Chưa phát hành, còn hạn',
  waitingLate: 'Chưa phát hành, quá hạn',
  notTracked: 'Vào sổ trực tiếp (không theo dõi)',
};

// The last day an outgoing document signed on `signedOn` may be sent out (Art. 18.1).
export function issueBy(signedOn: IsoDate, urgent: boolean): IsoDate {
  return urgent ? signedOn : nextWorkingDay(signedOn);
}

export function outgoingState(doc: { readonly signedOn: IsoDate | null; readonly sentOn: IsoDate | null; readonly urgent: boolean }, asOf: IsoDate): OutgoingState {
  if (doc.signedOn === null) return 'notTracked';
  const last = issueBy(doc.signedOn, doc.urgent);
  if (doc.sentOn !== null) return doc.sentOn > last ? 'late' : 'onTime';
  return asOf > last ? 'waitingLate' : 'waitingInTime';
}

// Incoming: delivered by the national hub (accepted from the inbox) or registered by hand
// (paper). Outgoing: at least one recipient through the hub, none (paper), or not sent yet.
export const INCOMING_CHANNELS = ['hub', 'paper'] as const;
export type IncomingChannel = (typeof INCOMING_CHANNELS)[number];
export const OUTGOING_CHANNELS = ['hub', 'paper', 'unsent'] as const;
export type OutgoingChannel = (typeof OUTGOING_CHANNELS)[number];

export const CHANNEL_LABELS: Readonly<Record<OutgoingChannel, string>> = {
  hub: 'Qua trục liên thông',
  paper: 'Văn bản giấy',
  unsent: 'Chưa gửi',
};

export const NO_UNIT_LABEL = 'Chưa giao đơn vị';
export const NO_DRAFTING_UNIT_LABEL = 'Không ghi đơn vị soạn thảo';
