import { z } from 'zod';
import { idSchema, year } from './common.ts';

// The Appendix V forms printed from the case files, and the electronic handover package
// (docs/archive-forms.md, docs/handover-package.md). Every output goes into the profile's
// exports folder, like the register books, so that the app opens or downloads it the same way.

export const printPlanInput = z.strictObject({ year, format: z.enum(['pdf', 'xlsx']).default('pdf') });
export type PrintPlanInput = z.input<typeof printPlanInput>;

export const printContentsInput = z.strictObject({ caseFileId: idSchema });
export const printHandoverInput = z.strictObject({ handoverId: idSchema, form: z.enum(['list', 'record']) });

export const printedForm = z.object({ fileName: z.string(), path: z.string(), bytes: z.int().min(0) });
export type PrintedForm = z.infer<typeof printedForm>;

export const writePackageInput = z.strictObject({ handoverId: idSchema });

export const packageProblem = z.object({ path: z.string(), messageVi: z.string(), severity: z.enum(['error', 'warning']) });
export const packageReport = z.object({
  ok: z.boolean(),
  files: z.int().min(0),
  documents: z.int().min(0),
  checkedFiles: z.int().min(0),
  problems: z.array(packageProblem),
});
export type PackageReportView = z.infer<typeof packageReport>;

export const writtenPackage = z.object({
  folderName: z.string(),
  path: z.string(),
  manifestSha256: z.string(),
  fileCount: z.int().min(0),
  documentCount: z.int().min(0),
  // The package checked again as the archive will, right after writing.
  verification: packageReport,
});

export const verifyPackageInput = z.strictObject({
  // A package folder in the profile's exports folder (what writePackage made); the CLI checks
  // any folder.
  folderName: z.string().min(1).max(200),
});
