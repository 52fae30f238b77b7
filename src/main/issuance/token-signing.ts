import { rmSync } from 'node:fs';
import type { SignatureKind } from '../../shared/domain/signature-kinds.ts';
import { AppError } from '../../shared/errors.ts';
import type { StoredBlob } from '../files/blob-store.ts';
import type { Rect } from '../pdf/sign-pdf.ts';
import type { Profile } from '../profile/open-profile.ts';
import type { TokenClient } from '../signing/pkcs11/token-client.ts';
import { prepareSigning, signFile } from '../signing/sign-file.ts';
import { signingSettingsOf } from '../signing/signing-settings.ts';
import { loadCrlFiles } from '../signing/trust/crl-files.ts';
import { shippedAnchorsDir } from '../signing/trust/default-anchors.ts';
import { adoptOutput, tempPdf } from './stored-file.ts';

// Which token, which certificate, and the PIN for one login (never stored or logged).
export interface TokenAccess {
  readonly client: TokenClient;
  readonly modulePath: string;
  readonly tokenSerial: string;
  readonly certificateId: string;
  readonly pin: string | null;
  readonly resourcesDir?: string | undefined;
}

export interface SignJob {
  readonly input: string;
  readonly kind: SignatureKind;
  readonly placement?: { readonly page: number; readonly rect: Rect } | null;
  readonly anchor?: string | null;
  readonly numberNotation?: string | null;
}

export interface SignedOutput {
  readonly blob: StoredBlob;
  readonly level: 'B-B' | 'B-T' | 'B-LT';
  readonly fieldName: string;
  readonly timestampProblem: string | null;
}

function imageFor(p: Profile, kind: SignatureKind): Uint8Array | null {
  if (kind !== 'approval' && kind !== 'agency') return null;
  const settings = signingSettingsOf(p);
  const sha = kind === 'approval' ? settings.signatureImage : settings.sealImage;
  if (!sha || !p.blobs.has(sha)) {
    throw new AppError(
      'INVALID_INPUT',
      kind === 'approval' ? 'Chưa có ảnh chữ ký của người ký: hãy chọn ảnh trong Cài đặt ký số.' : 'Chưa có ảnh con dấu của cơ quan: hãy chọn ảnh trong Cài đặt ký số.',
      `no ${kind} image in the signing settings`,
    );
  }
  return p.blobs.read(sha);
}

// The signatures of one workflow step with one login. A step is all or nothing: if any file
// fails (token pulled out, PDF refused…) the files signed before it are discarded and the step
// does not commit, so the clerk repeats the whole step. Outputs are durable in the store when
// this returns.
export async function signWithToken(p: Profile, access: TokenAccess, jobs: readonly SignJob[]): Promise<SignedOutput[]> {
  const images = new Map(jobs.map((j) => [j.kind, imageFor(p, j.kind)]));
  const settings = signingSettingsOf(p);
  const crls = loadCrlFiles([shippedAnchorsDir(access.resourcesDir), ...settings.trustAnchorDirs]);
  const [session] = await Promise.all([access.client.openSession({ modulePath: access.modulePath, tokenSerial: access.tokenSerial, pin: access.pin }), prepareSigning()]);
  const outputs: string[] = [];
  try {
    const signer = session.signer(access.certificateId);
    const signed: Array<Omit<SignedOutput, 'blob'> & { path: string }> = [];
    for (const job of jobs) {
      const output = tempPdf(p, `sign-${job.kind}`);
      outputs.push(output);
      const result = await signFile({
        input: job.input,
        output,
        kind: job.kind,
        signer,
        signingTime: p.clock.now(),
        image: images.get(job.kind) ?? null,
        numberNotation: job.numberNotation ?? null,
        placement: job.placement ?? null,
        anchor: job.anchor ?? null,
        anchorOptional: true,
        sealMm: settings.sealMm,
        tsaUrl: settings.tsaUrl,
        crls,
      });
      signed.push({ path: output, level: result.level, fieldName: result.fieldName, timestampProblem: result.timestampProblem });
    }
    return signed.map((s) => ({ blob: adoptOutput(p, s.path), level: s.level, fieldName: s.fieldName, timestampProblem: s.timestampProblem }));
  } finally {
    for (const output of outputs) rmSync(output, { force: true });
    await session.close().catch(() => undefined);
  }
}
