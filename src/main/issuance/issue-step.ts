import type { IssuanceRecord } from '../../shared/api/schemas/issuance.ts';
import type { Rect } from '../pdf/sign-pdf.ts';
import type { Profile } from '../profile/open-profile.ts';
import { revisionName } from '../registry/file-revisions.ts';
import { addIssuanceFile, commitStep, linkDocumentFile } from './commit-step.ts';
import { getIssuance, issuanceFiles, issuanceRecord, mainFileAt } from './issuance-repo.ts';
import { requireNext } from './states.ts';
import { type StepSigning, signWithToken } from './token-signing.ts';
import { numberNotation } from '../../shared/domain/notation.ts';

// Ký phát hành: the agency's signature (red seal) on the numbered main file and, with the same
// login, on each separate attachment file (the "Số: …; dd/MM/yyyy; HH:mm:ss" line, Appendix I
// II.8). All files or none: the step commits once every signature is made.
export async function issueIssuance(p: Profile, id: number, signing: StepSigning, placement?: { page: number; rect: Rect } | null): Promise<IssuanceRecord> {
  const issuance = getIssuance(p, id);
  requireNext(id, issuance.state, 'issued');
  const numbered = mainFileAt(p, id, 'numbered');
  const attachments = issuanceFiles(p, id).filter((f) => f.role === 'attachment' && f.step === 'draft');
  const mainNumber = numberNotation(issuance);
  const seal = issuance.placeholders?.seal ?? null;
  const signed = await signWithToken(p, signing, [
    { input: p.blobs.pathOfIntact(numbered), kind: 'agency', placement: placement ?? (seal ? { page: seal.page, rect: seal.rect } : null) },
    ...attachments.map((a) => ({ input: p.blobs.pathOfIntact(a), kind: 'attachment' as const, numberNotation: mainNumber })),
  ]);
  const documentId = issuance.documentId as number;
  commitStep(p, id, 'issued', (_, at) => {
    const sources = [numbered, ...attachments];
    sources.forEach((source, i) => {
      const out = signed[i];
      if (!out) throw new Error(`no signature for ${source.name}`);
      const kind = i === 0 ? 'agency' : 'attachment';
      const name = revisionName(source.name, kind);
      addIssuanceFile(p, { issuanceId: id, blob: out.blob, name, role: source.role, step: 'issued', revisionOf: source.id, at });
      linkDocumentFile(p, { documentId, sha256: out.blob.sha256, name, revisionOf: source.sha256, kind, at });
    });
    return {
      details: {
        certificate: signing.access.certificateId,
        files: sources.map((s, i) => ({ from: s.sha256, sha256: signed[i]?.blob.sha256, level: signed[i]?.level })),
      },
    };
  });
  return issuanceRecord(p, id);
}
