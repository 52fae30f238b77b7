import { basename, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { vietnamFileStamp } from '../../shared/domain/dates.ts';
import { writeTransaction } from '../db/connection.ts';
import type { FormRequest } from '../archive/print-form.ts';
import type { Profile } from '../profile/open-profile.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';

// The Appendix V forms and the electronic handover package (docs/archive-forms.md,
// docs/handover-package.md). Each lands in the profile's exports folder, as the register books
// and the phiếu do, and each printing is in the audit log (a use of the record, Appendix VI
// III.6.a). pdf-lib and the forms load on first use.

// A package folder the renderer names: a plain name of a folder this app writes, in the exports.
const PACKAGE_FOLDER = /^nop-luu-\d{4}-\d+-\d{8}-\d{6}$/;

function packageDir(p: Profile, folderName: string): string {
  if (basename(folderName) !== folderName || !PACKAGE_FOLDER.test(folderName)) {
    throw new AppError('INVALID_INPUT', 'Tên thư mục gói nộp lưu không hợp lệ.', `not a package folder name: ${folderName}`);
  }
  return join(p.paths.exports, folderName);
}

export function createArchiveHandlers({ ready, resources }: Pick<HandlerDeps, 'ready' | 'resources'>): HandlersOf<'archive'> {
  const print = async (request: FormRequest) => {
    const p = ready();
    const { printForm, savePrintedForm } = await import('../archive/print-form.ts');
    const printed = await printForm(p, request, p.clock.now(), resources.fonts);
    const saved = savePrintedForm(p, join(p.paths.exports, printed.fileName), printed);
    return { fileName: printed.fileName, ...saved };
  };
  return {
    'archive.printPlan': (input) => print({ form: 'plan', year: input.year, format: input.format }),
    'archive.printContents': (input) => print({ form: 'contents', caseFileId: input.caseFileId }),
    'archive.printHandover': (input) => print({ form: input.form === 'list' ? 'handover-list' : 'handover-record', handoverId: input.handoverId }),
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
