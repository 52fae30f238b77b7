import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';

// A handover's package was written (docs/handover-package.md): the first package's manifest
// fingerprint is kept on the handover for good; every writing, the first and any later copy, is
// in the audit log with its own fingerprint and folder.
export function recordPackage(ctx: RegistryContext, handoverId: number, manifestSha256: string, folderName: string): void {
  writeTransaction(ctx.db, () => {
    statement(ctx.db, 'UPDATE handovers SET package_sha256 = ? WHERE id = ? AND package_sha256 IS NULL').run(manifestSha256, handoverId);
    ctx.audit.append({ action: 'caseFiles.package', entityType: 'handover', entityId: handoverId, details: { manifestSha256, folderName } });
  });
}
