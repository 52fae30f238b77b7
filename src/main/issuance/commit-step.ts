import type { RevisionKind } from '../registry/file-revisions.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import type { StoredBlob } from '../files/blob-store.ts';
import { getIssuance, type Issuance, type IssuanceFileRow } from './issuance-repo.ts';
import { requireNext, type Step } from './states.ts';

const ACTIONS: Readonly<Record<Step, string>> = {
  submitted: 'issuance.submit',
  approved: 'issuance.approve',
  numbered: 'issuance.number',
  issued: 'issuance.issue',
  registered: 'issuance.register',
  distributed: 'issuance.distribute',
};

export interface StepWork {
  readonly details: Record<string, unknown>;
  // Set by the numbering step: the register row created in this same transaction.
  readonly documentId?: number;
}

// One durable step: inside one write transaction the state is read again (another window or
// the CLI may have moved it meanwhile), the step is checked to be the next one, its work is
// done, the state moves and the audit entry is written. Anything thrown rolls all of it back.
export function commitStep(ctx: RegistryContext, id: number, step: Step, work: (issuance: Issuance, at: string) => StepWork): void {
  writeTransaction(ctx.db, () => {
    const issuance = getIssuance(ctx, id);
    requireNext(id, issuance.state, step);
    const at = timestamp(ctx.clock);
    const done = work(issuance, at);
    statement(ctx.db, 'UPDATE issuances SET state = ?, document_id = coalesce(document_id, ?), updated_at = ? WHERE id = ?').run(step, done.documentId ?? null, at, id);
    ctx.audit.append({ action: ACTIONS[step], entityType: 'issuance', entityId: id, details: { from: issuance.state, to: step, ...done.details } });
  });
}

// A file a step made, listed with the issuance (inside the step's transaction).
export function addIssuanceFile(
  ctx: RegistryContext,
  row: { issuanceId: number; blob: StoredBlob; name: string; role: IssuanceFileRow['role']; step: IssuanceFileRow['step']; revisionOf: number | null; at: string },
): void {
  statement(ctx.db, 'INSERT OR IGNORE INTO files (sha256, size, created_at) VALUES (?, ?, ?)').run(row.blob.sha256, row.blob.size, row.at);
  statement(ctx.db, 'INSERT INTO issuance_files (issuance_id, sha256, name, role, step, revision_of, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    row.issuanceId,
    row.blob.sha256,
    row.name,
    row.role,
    row.step,
    row.revisionOf,
    row.at,
  );
}

// The same file as a stored file of the register row, with the step that made it, as the
// signing operations record theirs (document_files.revision_of / revision_kind).
export function linkDocumentFile(
  ctx: RegistryContext,
  row: { documentId: number; sha256: string; name: string; revisionOf: string | null; kind: RevisionKind | null; at: string },
): void {
  statement(ctx.db, 'INSERT INTO document_files (document_id, sha256, name, added_at, revision_of, revision_kind) VALUES (?, ?, ?, ?, ?, ?)').run(
    row.documentId,
    row.sha256,
    row.name,
    row.at,
    row.revisionOf,
    row.kind,
  );
}
