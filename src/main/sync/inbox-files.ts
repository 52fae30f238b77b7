import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadAttachment } from '../edxml/read-package.ts';
import type { Profile } from '../profile/open-profile.ts';
import { verifyWithProfileTrust } from '../signing/trust/profile-trust.ts';
import type { VerificationReport } from '../../shared/api/schemas/verification.ts';

export type FileVerdict = 'valid' | 'indeterminate' | 'invalid' | 'unsigned' | 'not-pdf';

export interface CheckedAttachment {
  readonly attachment: ReadAttachment;
  readonly verdict: FileVerdict;
  readonly report: VerificationReport | null;
}

function isPdf(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(1024);
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).includes('%PDF-');
  } finally {
    closeSync(fd);
  }
}

// Incoming files are hostile until verified: every PDF's signatures are checked with the signing
// issue's verifier, against the profile's trust anchors, before the clerk sees the package.
export async function checkAttachments(p: Profile, attachments: readonly ReadAttachment[], resourcesDir?: string): Promise<CheckedAttachment[]> {
  const checked: CheckedAttachment[] = [];
  for (const attachment of attachments) {
    if (!isPdf(attachment.storedPath)) {
      checked.push({ attachment, verdict: 'not-pdf', report: null });
      continue;
    }
    const report = await verifyWithProfileTrust(p, attachment.storedPath, attachment.name, resourcesDir);
    checked.push({ attachment, verdict: report.verdict, report });
  }
  return checked;
}

// The package's verdict is its worst signed PDF's; with no signature at all, 'unsigned'.
export function packageVerdict(files: readonly CheckedAttachment[]): Exclude<FileVerdict, 'not-pdf'> {
  const verdicts = new Set(files.map((f) => f.verdict));
  if (verdicts.has('invalid')) return 'invalid';
  if (verdicts.has('indeterminate')) return 'indeterminate';
  if (verdicts.has('valid')) return 'valid';
  return 'unsigned';
}

// Where a hub package is downloaded: one name per docId (the client resumes a partial download
// of the same docId), never the docId itself, which is the hub's and could hold anything.
export function downloadPath(p: Profile, messageType: 'edoc' | 'status', docId: string): string {
  return join(p.paths.tmp, `hub-${messageType}-${createHash('sha256').update(docId).digest('hex').slice(0, 32)}.edxml`);
}
