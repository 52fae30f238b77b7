import type { IssuanceRecord } from '../../shared/api/schemas/issuance.ts';
import type { Rect } from '../pdf/sign-pdf.ts';
import type { Profile } from '../profile/open-profile.ts';
import { revisionName } from '../registry/file-revisions.ts';
import { addIssuanceFile, commitStep } from './commit-step.ts';
import { getIssuance, issuanceRecord, mainFileAt } from './issuance-repo.ts';
import { requireNext } from './states.ts';
import { type StepSigning, signWithToken } from './token-signing.ts';

export function submitIssuance(p: Profile, id: number): IssuanceRecord {
  commitStep(p, id, 'submitted', () => ({ details: {} }));
  return issuanceRecord(p, id);
}

// Ký duyệt: the leader's signature on the draft PDF, where the clerk puts it, else the draft's
// signature placeholder, else above the signer's name (the signing handlers' default).
export async function approveIssuance(p: Profile, id: number, signing: StepSigning, placement?: { page: number; rect: Rect } | null): Promise<IssuanceRecord> {
  const issuance = getIssuance(p, id);
  requireNext(id, issuance.state, 'approved');
  const draft = mainFileAt(p, id, 'draft');
  const slot = issuance.placeholders?.signature ?? null;
  const [signed] = await signWithToken(p, signing, [
    {
      input: p.blobs.pathOfIntact(draft),
      kind: 'approval',
      placement: placement ?? (slot ? { page: slot.page, rect: slot.rect } : null),
      anchor: issuance.signerName,
    },
  ]);
  if (!signed) throw new Error('approval produced no file');
  commitStep(p, id, 'approved', (_, at) => {
    addIssuanceFile(p, { issuanceId: id, blob: signed.blob, name: revisionName(draft.name, 'approval'), role: 'main', step: 'approved', revisionOf: draft.id, at });
    return { details: { from: draft.sha256, sha256: signed.blob.sha256, level: signed.level, field: signed.fieldName, certificate: signing.access.certificateId } };
  });
  return issuanceRecord(p, id);
}
