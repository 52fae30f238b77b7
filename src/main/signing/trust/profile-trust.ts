import type { VerificationReport } from '../../../shared/api/schemas/verification.ts';
import type { RegistryContext } from '../../registry/context.ts';
import { signingSettingsOf } from '../signing-settings.ts';
import { verifyPdf } from '../verify/verify-pdf.ts';
import { cachedCrls } from './crl-cache.ts';
import { loadCrlFiles } from './crl-files.ts';
import { noteSignerCertificates } from './crl-sources.ts';
import { loadProfileTrustList } from './profile-trust-list.ts';
import { shippedTrustListDir } from './shipped-trust-list.ts';
import { loadTrustAnchors } from './trust-anchors.ts';
import { type LoadedTrustList, loadTrustList } from './trust-list.ts';
import { type TrustMaterial, trustMaterial } from './trust-material.ts';

// The administrator's own folders (signing settings): certificates taken as anchors, and the
// CAs' revocation lists (.crl) copied there.
export function trustDirsOf(ctx: RegistryContext): string[] {
  return [...signingSettingsOf(ctx).trustAnchorDirs];
}

// The program's list is read and checked once per folder: it does not change while the program
// runs, and a sync that receives hundreds of documents verifies each against it.
const programLists = new Map<string, LoadedTrustList>();
export function programTrustList(resourcesDir?: string): LoadedTrustList {
  const dir = shippedTrustListDir(resourcesDir);
  let list = programLists.get(dir);
  if (!list) programLists.set(dir, (list = loadTrustList(dir)));
  return list;
}

// Everything a profile trusts: the program's list, the profile's own additions, the folders.
export function profileTrust(ctx: RegistryContext, resourcesDir?: string): TrustMaterial {
  const folders = loadTrustAnchors(trustDirsOf(ctx));
  const material = trustMaterial(
    [
      { origin: 'program', list: programTrustList(resourcesDir) },
      { origin: 'profile', list: loadProfileTrustList(ctx) },
    ],
    folders.certificates,
  );
  return { ...material, problems: [...material.problems, ...folders.problems.map((x) => `${x.file}: ${x.detail}`)] };
}

// The revocation lists a profile has: those the administrator copied into its folders, and
// those fetched from the distribution points and cached (crl-cache.ts).
export function profileCrls(ctx: RegistryContext): Uint8Array[] {
  return [...loadCrlFiles(trustDirsOf(ctx)), ...cachedCrls(ctx)];
}

// Verifies a stored PDF against what the profile trusts. The distribution points of a trusted
// signer are recorded, so the next refresh fetches the CRL that covers it.
export async function verifyWithProfileTrust(ctx: RegistryContext, path: string, fileName: string, resourcesDir?: string): Promise<VerificationReport> {
  const trust = profileTrust(ctx, resourcesDir);
  return verifyPdf(path, {
    anchors: trust.anchors,
    intermediates: trust.intermediates,
    timestamping: trust.timestamping,
    trustProblems: trust.problems,
    crls: profileCrls(ctx),
    fileName,
    onTrustedPath: (ders) => noteSignerCertificates(ctx, ders),
  });
}
