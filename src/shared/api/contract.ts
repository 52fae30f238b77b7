import { z } from 'zod';
import { auditEntry, auditListInput, auditVerifyResult } from './schemas/audit.ts';
import { backupRecord, exportInput, exportResult, importInput, importReport } from './schemas/books.ts';
import { idSchema, isoDate, year } from './schemas/common.ts';
import { legalFontInfo } from './schemas/fonts.ts';
import { proposeFieldsInput, proposeFieldsResult } from './schemas/prefill.ts';
import { ocrJobInput, ocrJobState, ocrPageImage, ocrPageInput, ocrStartInput } from './schemas/ocr.ts';
import { trustImportInput, trustImportResult, trustListView, trustRemoveInput } from './schemas/trust-list.ts';
import {
  addAttachmentInput,
  attachmentContent,
  attachmentRecord,
  documentDetail,
  documentPatch,
  documentRecord,
  duplicateMatch,
  incomingInput,
  listQuery,
  listResult,
  outgoingInput,
  processingInput,
  voidInput,
} from './schemas/documents.ts';
import {
  agencyRefreshResult,
  agencySearchInput,
  agencySearchResult,
  hubProbeResult,
  hubSettingsInput,
  hubSettingsView,
} from './schemas/hub.ts';
import {
  draftPreview,
  draftPreviewInput,
  issuanceApproveInput,
  issuanceCorrectInput,
  issuanceCreateInput,
  issuanceFileRef,
  issuanceFromDraftInput,
  issuanceId,
  issuanceIssueInput,
  issuanceListInput,
  issuanceListResult,
  issuanceRecord,
  issuanceSettings,
  issuanceSettingsInput,
  issuanceVoidInput,
} from './schemas/issuance.ts';
import { agencyProfile, agencyProfileInput } from './schemas/profile.ts';
import { registerRecord, seriesInput, seriesRecord } from './schemas/series.ts';
import {
  fileRef,
  numberInput,
  placementAnswer,
  placementQuery,
  signingSettings,
  signingSettingsInput,
  signInput,
  signResult,
  tokenModule,
} from './schemas/signing.ts';
import {
  inboxAcceptInput,
  inboxDetail,
  inboxFileRef,
  inboxListInput,
  inboxListResult,
  inboxAnswerInput,
  inboxRefuseInput,
  syncRunResult,
  syncState,
  syncStateInput,
} from './schemas/sync.ts';
import { crlRefreshResult, revocationStatus } from './schemas/revocation.ts';
import { verificationReport } from './schemas/verification.ts';
import { processingHistory, processingRecordInput, slipResult, unitDeadlines, unitDeadlinesInput } from './schemas/processing.ts';
import { replyLink, replyLinkInput, replyLinks, replyListInput, replyUnlinkInput } from './schemas/replies.ts';
import { todayInput, todaySummary } from './schemas/today.ts';
import {
  copyDistributeInput,
  copyOptions,
  copyRecord,
  digitisationRecord,
  digitiseInput,
  makeElectronicCopyInput,
  makePaperCopyInput,
  secretIncomingInput,
  secretIncomingRecord,
} from './schemas/copies.ts';
import {
  approvePlanInput,
  caseFileDetail,
  caseFileListInput,
  caseFileRecord,
  createPlanInput,
  dueHandovers,
  dueHandoversInput,
  fileDocumentInput,
  handOverInput,
  handoverRecord,
  ofDocumentInput,
  planRecord,
  planYearInput,
  reopenInput,
  saveFileInput,
  saveHeadingInput,
  setNumberingInput,
} from './schemas/casefiles.ts';
import { packageReport, printContentsInput, printedForm, printHandoverInput, printPlanInput, verifyPackageInput, writePackageInput, writtenPackage } from './schemas/archive.ts';
import { incomingReport, outgoingReport, reportExportInput, reportExportResult, reportPeriod, viewsInput, viewsReport, yearlyInput, yearlyReport } from './schemas/reports.ts';
import { channelOf, isOperationName, OPERATION_NAMES, type OperationName } from './operation-names.ts';

// THE contract between the renderer and the privileged side. Every operation has one entry here
// with its input and output schema; the preload, the IPC handlers, the loopback bridge used by
// browser tests and the renderer's client are all derived from this object, so an operation
// cannot exist in one place and not the others.
interface Operation<I extends z.ZodType, O extends z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly summary: string;
}

function op<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): Operation<I, O> {
  return { input, output, summary };
}

const empty = z.strictObject({});
const byId = z.strictObject({ id: idSchema });

// 'unavailable': the background check could not run (not a sign of damage).
export const integrityState = z.enum(['unchecked', 'running', 'ok', 'failed', 'unavailable']);

export const contract = {
  'app.info': op(
    'Version, profile and database state',
    empty,
    z.object({
      version: z.string(),
      profileDir: z.string(),
      schemaVersion: z.int(),
      initialized: z.boolean(),
      today: isoDate,
      integrity: integrityState,
      integrityDetail: z.string().nullable(),
    }),
  ),
  'profile.get': op('The agency profile, or null before set-up', empty, agencyProfile.nullable()),
  'profile.save': op('Create or update the agency profile', agencyProfileInput, agencyProfile),
  'series.list': op('Number series (sổ) as configured', empty, z.array(seriesRecord)),
  'series.save': op('Create or change a number series', seriesInput, seriesRecord),
  'registers.list': op(
    'Registers per year with their number ranges',
    z.strictObject({ year: year.optional() }),
    z.array(registerRecord),
  ),
  'incoming.checkDuplicates': op(
    'Registered incoming documents that look like this one',
    z.strictObject({
      issuingAgency: z.string().max(300),
      codeNumber: z.string().max(30),
      codeNotation: z.string().max(100),
      documentIdentifier: z.string().max(200).nullable().optional(),
    }),
    z.array(duplicateMatch),
  ),
  'incoming.register': op('Register an incoming document and assign its số đến', incomingInput, documentRecord),
  'incoming.proposeFields': op('Fields read from the text of a PDF for the clerk to confirm (docs/prefill.md); a file that cannot be read gives none and says why', proposeFieldsInput, proposeFieldsResult),
  'ocr.start': op('Recognise a scan (PNG, JPEG, TIFF or scanned PDF) offline, page by page, and propose the registration fields from it (docs/ocr.md); a new scan cancels the one running', ocrStartInput, ocrJobState),
  'ocr.state': op("A recognition's progress per page, and when done its pages, text and proposed fields with the words they came from", ocrJobInput, ocrJobState),
  'ocr.cancel': op('Stop a recognition at once', ocrJobInput, ocrJobState),
  'ocr.pageImage': op('A page of the scan as an image the form can show, in the pixels the word boxes are measured in', ocrPageInput, ocrPageImage),
  'outgoing.preview': op(
    'The number and notation the next registration would get (not reserved)',
    z.strictObject({
      documentType: z.string().min(1).max(100),
      documentDate: isoDate.optional(),
      unitAbbreviation: z.string().max(20).nullable().optional(),
    }),
    z.object({
      seriesId: z.int(),
      seriesName: z.string(),
      year: z.int(),
      number: z.int(),
      codeNumber: z.string(),
      codeNotation: z.string(),
    }),
  ),
  'outgoing.register': op('Assign the next number and register an outgoing document', outgoingInput, documentRecord),
  'documents.list': op('A filtered, sorted page of a register, or a full-text search', listQuery, listResult),
  'documents.get': op('One document with its attachments', byId, documentDetail),
  'documents.update': op('Correct the metadata of a registered document', documentPatch, documentRecord),
  'documents.void': op('Void a registered document; its number is never reused', voidInput, documentRecord),
  'documents.addAttachment': op('Attach a file to a registered document', addAttachmentInput, attachmentRecord),
  'documents.readAttachment': op(
    'The content of an attached file',
    z.strictObject({ documentId: idSchema, sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    attachmentContent,
  ),
  'processing.list': op(
    'Incoming documents to handle: overdue and urgent first',
    z.strictObject({
      filter: z.enum(['open', 'overdue', 'all']).default('open'),
      offset: z.int().min(0).default(0),
      limit: z.int().min(1).max(500).default(50),
    }),
    listResult,
  ),
  'processing.update': op('Assign, set the deadline or progress of an incoming document', processingInput, documentRecord),
  'processing.history': op('The processing history of an incoming document (instructions, proposals, progress, replies) and who has it now', byId, processingHistory),
  'processing.record': op("Append to the processing history: the leader's instruction (lead, coordinating units, deadlines), a unit leader's assignment, the handler's proposal, progress or result; a correction is a new entry", processingRecordInput, processingHistory),
  'processing.unitDeadlines': op('Overdue and due-soon incoming documents per unit of their distribution', unitDeadlinesInput, unitDeadlines),
  'processing.printSlip': op('Print the phiếu giải quyết văn bản đến (Appendix IV) of an incoming document to PDF, filled from its history', byId, slipResult),
  'replies.list': op('The reply links of an incoming document, an outgoing reply or an issuance (trả lời văn bản số …)', replyListInput, replyLinks),
  'replies.link': op('Name an incoming document an outgoing document or issuance answers; an issued reply closes it at once', replyLinkInput, replyLink),
  'replies.unlink': op('Withdraw a reply link made by mistake, before the reply closed the incoming document', replyUnlinkInput, replyLink),
  'books.export': op('Print or export a register book', exportInput, exportResult),
  'books.openExport': op(
    'Open an exported file with the system viewer',
    z.strictObject({ fileName: z.string().min(1).max(255) }),
    z.object({ opened: z.boolean() }),
  ),
  'books.import': op('Import an existing register from CSV or XLSX', importInput, importReport),
  'backup.create': op('Back up the database and attachments', empty, backupRecord),
  'backup.list': op('Backups kept in the profile', empty, z.array(backupRecord)),
  'backup.restore': op(
    'Restore a backup; the current data is kept aside',
    z.strictObject({ fileName: z.string().min(1).max(255) }),
    z.object({ restoredFrom: z.string(), previousDataKeptAt: z.string() }),
  ),
  'audit.list': op('Audit log entries, newest first', auditListInput, z.array(auditEntry)),
  'audit.verify': op('Check the hash chain of the audit log', empty, auditVerifyResult),
  'signing.settings': op('Signing settings: modules, timestamp server, trust anchors, images', empty, signingSettings),
  'signing.saveSettings': op('Change the signing settings', signingSettingsInput, signingSettings),
  'token.list': op('PKCS#11 modules found (where, and whose CA when the file name tells), their tokens and certificates with keys', empty, z.array(tokenModule)),
  'signing.placement': op('Where a signature of this kind would go by default', placementQuery, placementAnswer),
  'signing.sign': op('Sign stored PDFs with a token: one login, one result per file', signInput, signResult),
  'signing.number': op('Write the number and date into an approved PDF (incremental update)', numberInput, attachmentRecord),
  'signing.verify': op('Verify every signature of a stored PDF', fileRef, verificationReport),
  'trust.refreshRevocation': op('Fetch the revocation lists (CRLs) of the trusted CAs and noted signers now; a failure keeps the list kept before', empty, crlRefreshResult),
  'trust.revocationStatus': op('The revocation lists kept for checking signatures offline, and the distribution points with none yet', empty, revocationStatus),
  'trustList.view': op('The certificates the verifier trusts: counts by role, the newest, the problems', empty, trustListView),
  'trustList.import': op('Add certificates or a newer bundle (.cer, .crt, .pem, .p7b) to the profile trust list; dryRun says what would change', trustImportInput, trustImportResult),
  'trustList.remove': op('Remove a certificate the profile added to its trust list', trustRemoveInput, trustImportResult),
  'fonts.legal': op('The font drafts, text stamps and register books are set in: Times New Roman from Windows, or Liberation Serif and why', empty, legalFontInfo),
  'issuance.settings': op('Issuance settings: whether secret documents may be drafted here', empty, issuanceSettings),
  'issuance.saveSettings': op('Change the issuance settings', issuanceSettingsInput, issuanceSettings),
  'drafts.preview': op('Render a draft with the agency profile: the PDF and its placeholders (not stored)', draftPreviewInput, draftPreview),
  'issuance.createFromDraft': op('A new draft written in the app: rendered, stored with its placeholders', issuanceFromDraftInput, issuanceRecord),
  'issuance.readFile': op('The content of one of the files of an issuance, at any step', issuanceFileRef, attachmentContent),
  'issuance.verifyFile': op('Verify the signatures of one of the files of an issuance, at any step', issuanceFileRef, verificationReport),
  'issuance.create': op('A new draft from a PDF (and its attachment PDFs), to carry through issuance', issuanceCreateInput, issuanceRecord),
  'issuance.correct': op('A draft that amends, replaces or corrects (công văn) an issued document', issuanceCorrectInput, issuanceRecord),
  'issuance.list': op('Documents in the issuance workflow, newest first', issuanceListInput, issuanceListResult),
  'issuance.get': op('One document of the workflow with its files, recipients and outbox', issuanceId, issuanceRecord),
  'issuance.submit': op('Submit a draft for approval', issuanceId, issuanceRecord),
  'issuance.approve': op("The leader's approval signature on the draft (token)", issuanceApproveInput, issuanceRecord),
  'issuance.number': op('Take the next outgoing number and date and write them into the approved PDF', issuanceId, issuanceRecord),
  'issuance.issue': op("The agency's signature on the main file and each attachment (token)", issuanceIssueInput, issuanceRecord),
  'issuance.register': op('Fill every column of the outgoing register from the document', issuanceId, issuanceRecord),
  'issuance.distribute': op('Queue for electronic sending (recipients with an organId) and list the paper ones', issuanceId, issuanceRecord),
  'issuance.void': op('Void a numbered document; its number stays in the register as void', issuanceVoidInput, issuanceRecord),
  'hub.settings': op('The connection to the national hub (never the secret) and the state of the cached agency directory', empty, hubSettingsView),
  'hub.saveSettings': op('Change the hub connection; without a secret the stored one is kept', hubSettingsInput, hubSettingsView),
  'hub.probe': op('Is the hub reachable now over the specialised network (short timeout, no retry)', empty, hubProbeResult),
  'hub.agencies': op('Search the cached agency directory by name or code, diacritics ignored', agencySearchInput, agencySearchResult),
  'hub.refreshAgencies': op('Replace the cached agency directory with the hub\'s; a failure keeps the old one', empty, agencyRefreshResult),
  'sync.run': op('Start a sync with the hub now, or join the one running; answers at once with its state', empty, syncRunResult),
  'sync.state': op('The running sync\'s progress, the last run, the network and what waits to be sent or reviewed', syncStateInput, syncState),
  'inbox.list': op('Documents the hub delivered, newest first, by state', inboxListInput, inboxListResult),
  'inbox.get': op('One delivered document with its files and their verification, and the package a request is about', byId, inboxDetail),
  'inbox.readFile': op('The content of one file of a delivered document', inboxFileRef, attachmentContent),
  'inbox.accept': op('Tiếp nhận: register the delivered document in the incoming register (status 03 to the sender)', inboxAcceptInput, documentRecord),
  'inbox.refuse': op('Từ chối tiếp nhận with a reason (status 02 to the sender)', inboxRefuseInput, inboxDetail),
  'inbox.answer': op('Answer a recall, update or replacement request: agree (15) or refuse (16)', inboxAnswerInput, inboxDetail),
  'today.summary': op("Hôm nay: what waits in the inbox, urgent documents not presented, deadlines within N working days and overdue, approved documents not sent out (Art. 18.1), the outbox and the last sync", todayInput, todaySummary),
  'copies.digitise': op('Digitise a paper document: a scanned PDF or page images, checked against Appendix I (PDF 1.4+, colour, 200 dpi) before it is kept', digitiseInput, digitisationRecord),
  'copies.options': op('The copies (sao y, sao lục, trích sao; electronic or paper) the law allows of each file of a document, with the reason when not, and the copies made', z.strictObject({ documentId: idSchema }), copyOptions),
  'copies.makeElectronic': op("An electronic copy signed with the agency's key (token) and numbered in the copies series", makeElectronicCopyInput, copyRecord),
  'copies.makePaper': op('A paper copy: the pages and the Mẫu 3.1 copy block to print, numbered in the copies series', makePaperCopyInput, copyRecord),
  'copies.distribute': op('Queue an electronic copy for the hub to its recipients', copyDistributeInput, copyRecord),
  'secretIncoming.register': op('Register a secret incoming paper document in the secret incoming series (kept out of every ordinary list)', secretIncomingInput, secretIncomingRecord),
  'secretIncoming.list': op('The secret incoming register, newest first', z.strictObject({ year: year.optional() }), z.array(secretIncomingRecord)),
  'caseFiles.plan': op("The year's file plan (danh mục hồ sơ) with its headings, files and counts, or null before it is made", planYearInput, planRecord.nullable()),
  'caseFiles.createPlan': op("Make a year's file plan from the default headings or from last year's plan (headings and files, no documents)", createPlanInput, planRecord),
  'caseFiles.setNumbering': op('Number the files across the plan or within each top heading (until the plan is approved)', setNumberingInput, planRecord),
  'caseFiles.approvePlan': op("Record the decision approving the plan (number, date, by whom); the files' numbers are fixed from then on", approvePlanInput, planRecord),
  'caseFiles.saveHeading': op('Add, rename or move a heading (đề mục) or sub-heading of a plan', saveHeadingInput, planRecord),
  'caseFiles.saveFile': op('Add a file to a plan or change it while open: title, retention, creator, heading, position', saveFileInput, caseFileRecord),
  'caseFiles.list': op('Case files by year, status, heading or words of the title or notation', caseFileListInput, z.array(caseFileRecord)),
  'caseFiles.detail': op('One case file with its documents in DocOrdinal order and their pages', byId, caseFileDetail),
  'caseFiles.ofDocument': op('The case files a document is filed in', ofDocumentInput, z.array(caseFileRecord)),
  'caseFiles.addDocument': op('File a registered document in an open case file (one document may be in several files)', fileDocumentInput, caseFileRecord),
  'caseFiles.removeDocument': op('Withdraw a document from an open case file', fileDocumentInput, caseFileRecord),
  'caseFiles.close': op('Close a file (kết thúc hồ sơ): dates, document and page totals counted from its PDFs', byId, caseFileRecord),
  'caseFiles.reopen': op('Reopen a closed file before it is handed over, with a reason', reopenInput, caseFileRecord),
  'caseFiles.handOver': op("Hand closed files of a year over to the agency archive; they are frozen from then on", handOverInput, handoverRecord),
  'caseFiles.handovers': op('The handovers to the agency archive, newest first', z.strictObject({ year: year.optional() }), z.array(handoverRecord)),
  'caseFiles.handover': op('One handover with its files', byId, handoverRecord),
  'caseFiles.dueHandovers': op('Closed files due at the agency archive within N days (30 for the reminder), overdue first', dueHandoversInput, dueHandovers),
  'archive.printPlan': op('The danh mục hồ sơ of a year (Appendix V II) as PDF or XLSX in the exports folder', printPlanInput, printedForm),
  'archive.printContents': op('The mục lục văn bản of a file (Appendix V IV) as PDF in the exports folder', printContentsInput, printedForm),
  'archive.printHandover': op('The mục lục hồ sơ nộp lưu (Appendix V III) or the biên bản giao nhận (Appendix V V) of a handover as PDF', printHandoverInput, printedForm),
  'archive.writePackage': op("A handover's electronic package (documents as PDF, metadata XML, forms, SHA-256 manifest) in the exports folder, verified at once", writePackageInput, writtenPackage),
  'archive.verifyPackage': op('Check a handover package in the exports folder as the archive will', verifyPackageInput, packageReport),
  'reports.incoming': op('Báo cáo tình hình giải quyết văn bản đến (Appendix VI V.2) of a period: by type, channel and lead unit, done on time / late, open / overdue', reportPeriod, incomingReport),
  'reports.outgoing': op('Báo cáo tình hình giải quyết văn bản đi (Appendix VI V.4) of a period: by type, channel and drafting unit, issued on time / late (Art. 18.1)', reportPeriod, outgoingReport),
  'reports.yearly': op("The year's statistics of văn thư work: incoming and outgoing by type and channel, copies made, files compiled and handed over", yearlyInput, yearlyReport),
  'reports.views': op('Views and downloads per document from the audit log (Appendix VI III.6.a)', viewsInput, viewsReport),
  'reports.export': op("A report to PDF or XLSX in the profile's exports folder", reportExportInput, reportExportResult),
  'db.check': op(
    'Full integrity check: database, audit chain, attachment files',
    empty,
    z.object({
      ok: z.boolean(),
      integrity: z.array(z.string()),
      audit: auditVerifyResult,
      files: z.object({ checked: z.int(), missing: z.array(z.string()), corrupt: z.array(z.string()) }),
    }),
  ),
} as const satisfies Record<OperationName, Operation<z.ZodType, z.ZodType>>;

export type Contract = typeof contract;
export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends OperationName> = z.output<Contract[K]['output']>;

export { channelOf, isOperationName, OPERATION_NAMES, type OperationName };
