import { AppError } from '../../shared/errors.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';

export interface SignedFile {
  readonly sha256: string;
  readonly name: string;
  readonly size: number;
  readonly path: string;
  readonly kind: 'agency' | 'attachment';
}

interface FileRow {
  id: number;
  sha256: string;
  name: string;
  size: number;
  revision_of: string | null;
  revision_kind: string | null;
}

// The files a recipient receives: the legal original (nd30-rules §5, §7: the main file carrying
// the signer's and the agency's signatures, i.e. its newest 'agency' revision) and each separate
// attachment as last signed. Drafts, the approval-only and the numbered revisions, and unsigned
// files never leave the agency. Each file is checked against its hash before it is used, so a
// damaged store is reported instead of being sent.
export function signedFilesOf(ctx: RegistryContext, documentId: number): { main: SignedFile; attachments: SignedFile[] } {
  const rows = statement(
    ctx.db,
    `SELECT df.id, df.sha256, df.name, f.size, df.revision_of, df.revision_kind
     FROM document_files df JOIN files f ON f.sha256 = df.sha256 WHERE df.document_id = ? ORDER BY df.id`,
  ).all(documentId) as FileRow[];
  // An electronic copy (docs/copies.md) carries the agency's signature as its 'copy' revision.
  const main = rows.filter((r) => r.revision_kind === 'agency').pop() ?? rows.filter((r) => r.revision_kind === 'copy').pop();
  if (!main) {
    throw new AppError(
      'CONFLICT',
      'Văn bản chưa có bản đã ký số của cơ quan (ký phát hành): chưa gửi điện tử được.',
      `document ${documentId} has no 'agency' revision to send`,
    );
  }
  // An attachment signed again is a revision of its earlier signed version: only the last of
  // each chain is sent.
  const signed = rows.filter((r) => r.revision_kind === 'attachment' && r.sha256 !== main.sha256);
  const superseded = new Set(signed.map((r) => r.revision_of));
  const latest = signed.filter((r) => !superseded.has(r.sha256));
  const unique = latest.filter((r, i) => latest.findIndex((x) => x.sha256 === r.sha256) === i);
  return {
    main: checked(ctx, main, 'agency'),
    attachments: unique.map((r) => checked(ctx, r, 'attachment')),
  };
}

function checked(ctx: RegistryContext, row: FileRow, kind: SignedFile['kind']): SignedFile {
  return { sha256: row.sha256, name: row.name, size: row.size, path: ctx.blobs.pathOfIntact(row), kind };
}
