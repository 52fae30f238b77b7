import type { VerificationReport } from '../../../shared/api/schemas/verification.ts';
import type { RegistryContext } from '../../registry/context.ts';
import { signingSettingsOf } from '../signing-settings.ts';
import { verifyPdf } from '../verify/verify-pdf.ts';
import { loadCrlFiles } from './crl-files.ts';
import { shippedAnchorsDir } from './default-anchors.ts';
import { loadTrustAnchors } from './trust-anchors.ts';

// The folders a profile trusts: the shipped trust anchors and those in its signing settings,
// which also hold the CAs' revocation lists (.crl).
export function trustDirsOf(ctx: RegistryContext, resourcesDir?: string): string[] {
  return [shippedAnchorsDir(resourcesDir), ...signingSettingsOf(ctx).trustAnchorDirs];
}

// Verifies a stored PDF against what the profile trusts.
export async function verifyWithProfileTrust(ctx: RegistryContext, path: string, fileName: string, resourcesDir?: string): Promise<VerificationReport> {
  const dirs = trustDirsOf(ctx, resourcesDir);
  const trust = loadTrustAnchors(dirs);
  return verifyPdf(path, {
    anchors: trust.certificates,
    trustProblems: trust.problems.map((x) => `${x.file}: ${x.detail}`),
    crls: loadCrlFiles(dirs),
    fileName,
  });
}
