import type { InputOf, OperationName, OutputOf } from '../../shared/api/contract.ts';
import { call } from './client.ts';
import { queryClient } from './query-client.ts';

// The reads that show registered documents: any registration, correction, void or import
// changes a list, a count, a number to come or a possible duplicate.
const RECORDS = ['documents.list', 'documents.get', 'registers.list', 'processing.list', 'processing.history', 'processing.unitDeadlines', 'outgoing.preview', 'incoming.checkDuplicates', 'today.summary', 'caseFiles.detail'] as const;
const ISSUANCE = ['issuance.list', 'issuance.get', 'today.summary'] as const;
const INBOX = ['inbox.list', 'inbox.get', 'sync.state', 'today.summary'] as const;
// The case files, and the documents whose rows carry the notations of their files.
const CASE_FILES = [
  'caseFiles.plan',
  'caseFiles.list',
  'caseFiles.detail',
  'caseFiles.ofDocument',
  'caseFiles.handovers',
  'caseFiles.handover',
  'caseFiles.dueHandovers',
  'documents.list',
  'documents.get',
] as const;

// What each change makes out of date, as the reads that show it. audit.list comes with every
// one, since every change is written to the log. 'all': a restore replaces the whole data.
const CHANGES = {
  'profile.save': ['app.info', 'profile.get', 'hub.settings', 'outgoing.preview', 'drafts.preview'],
  'series.save': ['series.list', 'registers.list', 'outgoing.preview'],
  'incoming.register': RECORDS,
  'outgoing.register': RECORDS,
  'documents.update': [...RECORDS, ...ISSUANCE],
  'documents.void': [...RECORDS, ...ISSUANCE],
  'documents.addAttachment': ['documents.get'],
  'processing.update': RECORDS,
  'processing.record': RECORDS,
  'processing.printSlip': [],
  'replies.link': [...RECORDS, 'replies.list'],
  'replies.unlink': [...RECORDS, 'replies.list'],
  'books.import': RECORDS,
  'backup.create': ['backup.list'],
  'backup.restore': 'all',
  // Trust anchors change what a check says; the seal's size, where a signature goes.
  'signing.saveSettings': ['signing.settings', 'signing.verify', 'issuance.verifyFile', 'signing.placement'],
  // The trust list changes every verdict shown.
  'trustList.import': ['trustList.view', 'signing.verify', 'issuance.verifyFile'],
  'trustList.remove': ['trustList.view', 'signing.verify', 'issuance.verifyFile'],
  'signing.sign': ['documents.get'],
  'signing.number': ['documents.get'],
  'issuance.saveSettings': ['issuance.settings'],
  'issuance.createFromDraft': ISSUANCE,
  'issuance.create': ISSUANCE,
  'issuance.correct': ISSUANCE,
  'issuance.submit': ISSUANCE,
  'issuance.approve': ISSUANCE,
  'issuance.number': [...ISSUANCE, ...RECORDS],
  'issuance.issue': [...ISSUANCE, ...RECORDS],
  'issuance.register': [...ISSUANCE, ...RECORDS, 'replies.list'],
  'issuance.distribute': [...ISSUANCE, 'sync.state'],
  'issuance.void': [...ISSUANCE, ...RECORDS],
  'hub.saveSettings': ['hub.settings', 'sync.state'],
  'hub.refreshAgencies': ['hub.settings', 'hub.agencies'],
  'sync.run': ['sync.state'],
  'inbox.accept': [...INBOX, ...RECORDS],
  'inbox.refuse': INBOX,
  'inbox.answer': [...INBOX, ...RECORDS],
  'copies.digitise': ['documents.get', 'copies.options'],
  'copies.makeElectronic': [...RECORDS, 'copies.options'],
  'copies.makePaper': [...RECORDS, 'copies.options'],
  'copies.distribute': ['documents.get', 'copies.options', 'sync.state', 'today.summary'],
  'secretIncoming.register': ['secretIncoming.list', 'registers.list'],
  'caseFiles.createPlan': CASE_FILES,
  'caseFiles.setNumbering': CASE_FILES,
  'caseFiles.approvePlan': CASE_FILES,
  'caseFiles.saveHeading': CASE_FILES,
  'caseFiles.saveFile': CASE_FILES,
  'caseFiles.addDocument': CASE_FILES,
  'caseFiles.removeDocument': CASE_FILES,
  'caseFiles.close': CASE_FILES,
  'caseFiles.reopen': CASE_FILES,
  'caseFiles.handOver': CASE_FILES,
  // Printing and checking change nothing but the audit log; the package's fingerprint is kept
  // with the handover.
  'archive.printPlan': [],
  'archive.printContents': [],
  'archive.printHandover': [],
  'archive.writePackage': ['caseFiles.handover', 'caseFiles.handovers'],
  'archive.verifyPackage': [],
} as const satisfies Partial<Record<OperationName, readonly OperationName[] | 'all'>>;

export type WriteName = keyof typeof CHANGES;

// Reads the given operations again (all of them without names). A read still out was asked
// before the change and may answer from before it: it is dropped (TanStack would otherwise hand
// its answer to the new read). What a screen shows is then read again in place, and the promise
// waits for it; what no screen shows is dropped, so the next screen to show it loads it fresh
// rather than showing a copy from before the change.
export async function refresh(names?: readonly OperationName[]): Promise<void> {
  const filters = names ? names.map((name) => ({ queryKey: [name] })) : [{}];
  await Promise.all(filters.map((filter) => queryClient.cancelQueries(filter)));
  for (const filter of filters) queryClient.removeQueries({ ...filter, type: 'inactive' });
  await Promise.all(filters.map((filter) => queryClient.invalidateQueries(filter)));
}

export function refreshAfter(name: WriteName): Promise<void> {
  const reads: readonly OperationName[] | 'all' = CHANGES[name];
  return refresh(reads === 'all' ? undefined : ['audit.list', ...reads]);
}

// A change through the API, after which the screens show fresh data. Whatever the answer, what
// it touches is read again: a refusal may mean the data moved on under the screen (CONFLICT
// when another window or the CLI took the step first). The caller's confirmation then appears
// together with the data it is about.
export async function write<K extends WriteName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  try {
    return await call(name, input);
  } finally {
    await refreshAfter(name);
  }
}
