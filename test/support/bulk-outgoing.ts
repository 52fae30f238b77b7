import { writeTransaction } from '../../src/main/db/connection.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { timestamp } from '../../src/main/registry/clock.ts';
import { registerOutgoing } from '../../src/main/registry/outgoing.ts';
import { queueDocumentSend } from '../../src/main/outbox/send-queue.ts';
import { outgoingInput } from '../../src/shared/api/schemas/documents.ts';

// Many documents ready to send without carrying each through the signing steps: every one is a
// real outgoing register row (its own number) queued for `organId` exactly as distribution
// queues it, and carries the signed files of one document that did go through the workflow.
export function queueManyLike(p: Profile, signedDocumentId: number, organId: string, recipientName: string, count: number): number[] {
  const files = p.db
    .prepare("SELECT sha256, name, revision_of, revision_kind FROM document_files WHERE document_id = ? AND revision_kind IN ('agency', 'attachment') ORDER BY id")
    .all(signedDocumentId) as Array<{ sha256: string; name: string; revision_of: string | null; revision_kind: string }>;
  const ids: number[] = [];
  for (let i = 1; i <= count; i++) {
    writeTransaction(p.db, () => {
      const doc = registerOutgoing(p, outgoingInput.parse({ documentType: 'Quyết định', subject: `Văn bản thử số ${i} gửi ${recipientName}`, signerName: 'Nguyễn Văn An' }));
      const at = timestamp(p.clock);
      const link = p.db.prepare('INSERT INTO document_files (document_id, sha256, name, revision_of, revision_kind, added_at) VALUES (?, ?, ?, ?, ?, ?)');
      for (const f of files) link.run(doc.id, f.sha256, f.name, f.revision_of, f.revision_kind, at);
      p.db.prepare('INSERT INTO outbox (document_id, recipient_name, organ_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(doc.id, recipientName, organId, at, at);
      queueDocumentSend(p, doc.id, 0, at);
      ids.push(doc.id);
    });
  }
  return ids;
}
