import { basename } from 'node:path';
import { agencyHeader } from '../casefiles/agency-header.ts';
import { getHandover } from '../casefiles/handover.ts';
import { filedDocumentParts, fileMetadata } from '../casefiles/metadata.ts';
import { recordPackage } from '../casefiles/package-fingerprint.ts';
import type { RegistryContext } from '../registry/context.ts';
import { contentsForm, handoverListForm, handoverRecordForm } from './case-file-forms.ts';
import { renderFileContentsPdf } from './forms/file-contents-pdf.ts';
import { renderHandoverListPdf } from './forms/handover-list-pdf.ts';
import { renderHandoverRecordPdf } from './forms/handover-record-pdf.ts';
import { type PackageReport, verifyHandoverPackage } from './package/verify-package.ts';
import { type PackageFile, type WrittenHandoverPackage, writeHandoverPackage } from './package/write-package.ts';

export const HANDOVER_LIST_PDF = 'muc-luc-ho-so.pdf';
export const HANDOVER_RECORD_PDF = 'bien-ban-giao-nhan.pdf';
export const FILE_CONTENTS_PDF = 'muc-luc-van-ban.pdf';

// The electronic handover package of one handover (docs/handover-package.md): every document of
// every file as stored (its PDFs as they stand, checked intact), the metadata of each, the forms
// of Appendix V, written whole into `dir`, then verified as the archive will verify it. The
// forms carry the handover's own date, so a second package of the same handover says the same.
export async function writePackageOfHandover(
  ctx: RegistryContext,
  handoverId: number,
  dir: string,
  fontsDir?: string,
): Promise<WrittenHandoverPackage & { readonly verification: PackageReport }> {
  const handover = getHandover(ctx, handoverId);
  const agency = agencyHeader(ctx);
  const when = new Date(handover.createdAt);
  const files: PackageFile[] = [];
  for (const f of handover.files) {
    const parts = await filedDocumentParts(ctx, f.id);
    files.push({
      metadata: await fileMetadata(ctx, f.id),
      documents: parts.map((d) => ({ metadata: d.metadata, pdfPaths: d.pdfs.map((pdf) => ctx.blobs.pathOfIntact(pdf)) })),
      forms: [{ name: FILE_CONTENTS_PDF, bytes: await renderFileContentsPdf(await contentsForm(ctx, f.id), when, fontsDir) }],
    });
  }
  const written = writeHandoverPackage(dir, {
    organId: agency.organId,
    organName: agency.name,
    year: handover.year,
    createdAt: handover.createdAt,
    files,
    forms: [
      { name: HANDOVER_LIST_PDF, bytes: await renderHandoverListPdf(handoverListForm(ctx, handoverId), when, fontsDir) },
      { name: HANDOVER_RECORD_PDF, bytes: await renderHandoverRecordPdf(handoverRecordForm(ctx, handoverId), when, fontsDir) },
    ],
  });
  recordPackage(ctx, handoverId, written.manifestSha256, basename(dir));
  return { ...written, verification: await verifyHandoverPackage(dir) };
}
