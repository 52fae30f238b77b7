import { rmSync } from 'node:fs';
import type { SignatureKind } from '../../shared/domain/signature-kinds.ts';
import type { StoredBlob } from '../files/blob-store.ts';
import type { Rect } from '../pdf/sign-pdf.ts';
import type { Profile } from '../profile/open-profile.ts';
import type { ProgramResources } from '../program/resources.ts';
import { type TokenAccess, withTokenSigner } from '../signing/token-signer.ts';

// The token of a workflow step and the program's resources (fonts, shipped trust anchors).
export interface StepSigning {
  readonly access: TokenAccess;
  readonly resources: ProgramResources;
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

// The signatures of one workflow step with one login. A step is all or nothing: if any file
// fails (token pulled out, PDF refused…) the files signed before it are discarded and the step
// does not commit, so the clerk repeats the whole step. Outputs are durable in the store when
// this returns.
export async function signWithToken(p: Profile, signing: StepSigning, jobs: readonly SignJob[]): Promise<SignedOutput[]> {
  const outputs: string[] = [];
  try {
    return await withTokenSigner(p, signing.access, signing.resources, [...new Set(jobs.map((j) => j.kind))], async (signer) => {
      const signed: Array<Omit<SignedOutput, 'blob'> & { path: string }> = [];
      for (const job of jobs) {
        const output = p.blobs.scratchPath(`sign-${job.kind}`);
        outputs.push(output);
        const result = await signer.sign({ ...job, output });
        signed.push({ path: output, level: result.level, fieldName: result.fieldName, timestampProblem: result.timestampProblem });
      }
      return signed.map((s) => ({ blob: p.blobs.adoptFile(s.path), level: s.level, fieldName: s.fieldName, timestampProblem: s.timestampProblem }));
    });
  } finally {
    for (const output of outputs) rmSync(output, { force: true });
  }
}
