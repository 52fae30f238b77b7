import { vietnamFileStamp } from '../../shared/domain/dates.ts';
import { writeTransaction } from '../db/connection.ts';
import { writeFileDurably } from '../files/durable-fs.ts';
import type { RegistryContext } from '../registry/context.ts';
import { contentsForm, handoverListForm, handoverRecordForm, planForm } from './case-file-forms.ts';
import { renderFileContentsPdf } from './forms/file-contents-pdf.ts';
import { renderFilePlanPdf } from './forms/file-plan-pdf.ts';
import { renderFilePlanXlsx } from './forms/file-plan-xlsx.ts';
import { renderHandoverListPdf } from './forms/handover-list-pdf.ts';
import { renderHandoverRecordPdf } from './forms/handover-record-pdf.ts';

// One Appendix V form printed from the case files, for the app (services/archive-handlers.ts)
// and the CLI (`vanthu records print`): its bytes, the name it gets in the exports folder, and
// what the audit log says of it (printing a record is a use of it, Appendix VI III.6.a).

export type FormRequest =
  | { readonly form: 'plan'; readonly year: number; readonly format: 'pdf' | 'xlsx' }
  | { readonly form: 'contents'; readonly caseFileId: number }
  | { readonly form: 'handover-list' | 'handover-record'; readonly handoverId: number };

export interface PrintedFormFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly audit: { readonly action: string; readonly entityType: string; readonly entityId: number };
}

// A notation in a file name: letters (Đ among them) and digits kept, anything a file system might
// refuse replaced by "-".
const fileNamePart = (notation: string): string => notation.normalize('NFC').replace(/[^\p{L}\p{N}.-]+/gu, '-');

export async function printForm(ctx: RegistryContext, request: FormRequest, now: Date, fontsDir?: string): Promise<PrintedFormFile> {
  const stamp = vietnamFileStamp(now);
  switch (request.form) {
    case 'plan': {
      const form = planForm(ctx, request.year);
      const bytes = request.format === 'xlsx' ? await renderFilePlanXlsx(form) : await renderFilePlanPdf(form, now, fontsDir);
      return { fileName: `danh-muc-ho-so-${request.year}-${stamp}.${request.format}`, bytes, audit: { action: 'archive.printPlan', entityType: 'file_plan', entityId: request.year } };
    }
    case 'contents': {
      const form = await contentsForm(ctx, request.caseFileId);
      return {
        fileName: `muc-luc-van-ban-${form.year}-${fileNamePart(form.notation)}-${stamp}.pdf`,
        bytes: await renderFileContentsPdf(form, now, fontsDir),
        audit: { action: 'archive.printContents', entityType: 'case_file', entityId: request.caseFileId },
      };
    }
    case 'handover-list':
      return {
        fileName: `muc-luc-ho-so-nop-luu-${request.handoverId}-${stamp}.pdf`,
        bytes: await renderHandoverListPdf(handoverListForm(ctx, request.handoverId), now, fontsDir),
        audit: { action: 'archive.printHandover', entityType: 'handover', entityId: request.handoverId },
      };
    case 'handover-record':
      return {
        fileName: `bien-ban-giao-nhan-${request.handoverId}-${stamp}.pdf`,
        bytes: await renderHandoverRecordPdf(handoverRecordForm(ctx, request.handoverId), now, fontsDir),
        audit: { action: 'archive.printHandover', entityType: 'handover', entityId: request.handoverId },
      };
  }
}

// Written whole (temp, fsync, rename) where asked, then the printing is audited with the file's
// name and size.
export function savePrintedForm(ctx: RegistryContext, path: string, printed: PrintedFormFile): { readonly path: string; readonly bytes: number } {
  writeFileDurably(path, printed.bytes, `${path}.tmp`);
  writeTransaction(ctx.db, () => ctx.audit.append({ ...printed.audit, details: { fileName: printed.fileName, path, bytes: printed.bytes.length } }));
  return { path, bytes: printed.bytes.length };
}
