import { basename, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { vietnamFileStamp } from '../../shared/domain/dates.ts';
import { writeTransaction } from '../db/connection.ts';
import { writeFileDurably } from '../files/durable-fs.ts';
import type { Profile } from '../profile/open-profile.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';

// The Appendix V forms and the electronic handover package (docs/archive-forms.md,
// docs/handover-package.md). Each lands in the profile's exports folder, as the register books
// and the phiếu do, and each printing is in the audit log (a use of the record, Appendix VI
// III.6.a). pdf-lib and the forms load on first use.

function saveExport(p: Profile, fileName: string, bytes: Uint8Array, audit: { action: string; entityType: string; entityId: number }) {
  const path = join(p.paths.exports, fileName);
  writeFileDurably(path, bytes, `${path}.tmp`);
  writeTransaction(p.db, () => p.audit.append({ ...audit, details: { fileName, bytes: bytes.length } }));
  return { fileName, path, bytes: bytes.length };
}

// A package folder the renderer names: a plain name of a folder this app writes, in the exports.
const PACKAGE_FOLDER = /^nop-luu-\d{4}-\d+-\d{8}-\d{6}$/;

function packageDir(p: Profile, folderName: string): string {
  if (basename(folderName) !== folderName || !PACKAGE_FOLDER.test(folderName)) {
    throw new AppError('INVALID_INPUT', 'Tên thư mục gói nộp lưu không hợp lệ.', `not a package folder name: ${folderName}`);
  }
  return join(p.paths.exports, folderName);
}

export function createArchiveHandlers({ ready, resources }: Pick<HandlerDeps, 'ready' | 'resources'>): HandlersOf<'archive'> {
  return {
    'archive.printPlan': async (input) => {
      const p = ready();
      const { planForm } = await import('../archive/case-file-forms.ts');
      const form = planForm(p, input.year);
      const stamp = vietnamFileStamp(p.clock.now());
      const { renderFilePlanPdf } = await import('../archive/forms/file-plan-pdf.ts');
      const { renderFilePlanXlsx } = await import('../archive/forms/file-plan-xlsx.ts');
      const bytes = input.format === 'xlsx' ? await renderFilePlanXlsx(form) : await renderFilePlanPdf(form, p.clock.now(), resources.fonts);
      return saveExport(p, `danh-muc-ho-so-${input.year}-${stamp}.${input.format}`, bytes, { action: 'archive.printPlan', entityType: 'file_plan', entityId: input.year });
    },
    'archive.printContents': async (input) => {
      const p = ready();
      const { contentsForm } = await import('../archive/case-file-forms.ts');
      const { renderFileContentsPdf } = await import('../archive/forms/file-contents-pdf.ts');
      const form = await contentsForm(p, input.caseFileId);
      const bytes = await renderFileContentsPdf(form, p.clock.now(), resources.fonts);
      const name = `muc-luc-van-ban-${form.year}-${form.notation.replace(/[^0-9A-Za-z.-]+/g, '-')}-${vietnamFileStamp(p.clock.now())}.pdf`;
      return saveExport(p, name, bytes, { action: 'archive.printContents', entityType: 'case_file', entityId: input.caseFileId });
    },
    'archive.printHandover': async (input) => {
      const p = ready();
      const forms = await import('../archive/case-file-forms.ts');
      const stamp = vietnamFileStamp(p.clock.now());
      if (input.form === 'list') {
        const { renderHandoverListPdf } = await import('../archive/forms/handover-list-pdf.ts');
        const bytes = await renderHandoverListPdf(forms.handoverListForm(p, input.handoverId), p.clock.now(), resources.fonts);
        return saveExport(p, `muc-luc-ho-so-nop-luu-${input.handoverId}-${stamp}.pdf`, bytes, { action: 'archive.printHandover', entityType: 'handover', entityId: input.handoverId });
      }
      const { renderHandoverRecordPdf } = await import('../archive/forms/handover-record-pdf.ts');
      const bytes = await renderHandoverRecordPdf(forms.handoverRecordForm(p, input.handoverId), p.clock.now(), resources.fonts);
      return saveExport(p, `bien-ban-giao-nhan-${input.handoverId}-${stamp}.pdf`, bytes, { action: 'archive.printHandover', entityType: 'handover', entityId: input.handoverId });
    },
    'archive.writePackage': async (input) => {
      const p = ready();
      const { getHandover } = await import('../casefiles/handover.ts');
      const { writePackageOfHandover } = await import('../archive/handover-package.ts');
      const folderName = `nop-luu-${getHandover(p, input.handoverId).year}-${input.handoverId}-${vietnamFileStamp(p.clock.now())}`;
      const dir = join(p.paths.exports, folderName);
      const written = await writePackageOfHandover(p, input.handoverId, dir, resources.fonts);
      return {
        folderName,
        path: dir,
        manifestSha256: written.manifestSha256,
        fileCount: written.fileCount,
        documentCount: written.documentCount,
        verification: { ...written.verification, problems: [...written.verification.problems] },
      };
    },
    'archive.verifyPackage': async (input) => {
      const p = ready();
      const { verifyHandoverPackage } = await import('../archive/package/verify-package.ts');
      const report = await verifyHandoverPackage(packageDir(p, input.folderName));
      writeTransaction(p.db, () => p.audit.append({ action: 'archive.verifyPackage', entityType: 'package', entityId: input.folderName, details: { ok: report.ok, problems: report.problems.length } }));
      return { ...report, problems: [...report.problems] };
    },
  };
}
