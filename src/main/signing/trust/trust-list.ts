import { createHash, X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { z } from 'zod';
import { certificatesInFile } from './certificate-files.ts';
import { roleOf, TRUST_ROLES, type TrustRole } from './certificate-role.ts';

// The trust list shipped with the program (resources/trust): public certificates of the
// Vietnamese national roots, the Government CA and the licensed public CAs, each file named in
// manifest.json with its role and the SHA-256 of its certificate. The list is taken whole or not
// at all: a file missing, changed, of another role, or not in the manifest refuses the list, so a
// tampered installation trusts nothing rather than something planted.

export const TRUST_MANIFEST = 'manifest.json';
const MAX_FILE_BYTES = 1024 * 1024;

export const trustManifest = z.object({
  format: z.literal(1),
  name: z.string(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  certificates: z
    .array(
      z.object({
        file: z.string().min(1),
        role: z.enum(TRUST_ROLES),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        subject: z.string(),
        notAfter: z.string(),
        source: z.string().optional(),
      }),
    )
    .min(1),
});
export type TrustManifest = z.infer<typeof trustManifest>;

export interface TrustListEntry {
  readonly role: TrustRole;
  readonly der: Uint8Array;
  readonly sha256: string;
  readonly subject: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

export interface LoadedTrustList {
  readonly name: string | null;
  readonly published: string | null;
  readonly entries: readonly TrustListEntry[];
  // Why the list (or part of it) was not taken, in English for the log and the report.
  readonly problems: readonly string[];
}

export function sha256Hex(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

// One certificate checked against what its list says of it; throws with the reason.
export function checkedEntry(der: Uint8Array, expected: { role: TrustRole; sha256: string }): TrustListEntry {
  const sha256 = sha256Hex(der);
  if (sha256 !== expected.sha256) throw new Error(`SHA-256 ${sha256} differs from the listed ${expected.sha256}`);
  const certificate = new X509Certificate(der);
  const role = roleOf(certificate);
  if (role !== expected.role) throw new Error(`listed as ${expected.role} but the certificate is ${role ?? 'not a CA or timestamping certificate'}`);
  return { role, der, sha256, subject: certificate.subject.replace(/\n/g, ', '), notBefore: new Date(certificate.validFrom), notAfter: new Date(certificate.validTo) };
}

function insideList(dir: string, file: string): string {
  const path = normalize(file);
  if (isAbsolute(path) || path.split(/[\\/]/).includes('..')) throw new Error('the file name leaves the list folder');
  return join(dir, path);
}

function readEntry(dir: string, listed: TrustManifest['certificates'][number]): TrustListEntry {
  const path = insideList(dir, listed.file);
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) throw new Error(`${size} bytes, more than a certificate file holds`);
  const ders = certificatesInFile(readFileSync(path));
  if (ders.length !== 1) throw new Error(`${ders.length} certificates in one file; the manifest lists one per file`);
  return checkedEntry(ders[0]!, listed);
}

// Every file under the list folder, relative to it.
function filesUnder(dir: string, folder = ''): string[] {
  return readdirSync(join(dir, folder))
    .sort()
    .flatMap((name) => {
      const relative = folder === '' ? name : `${folder}${sep}${name}`;
      return statSync(join(dir, relative)).isDirectory() ? filesUnder(dir, relative) : [relative];
    });
}

function unlistedFiles(dir: string, files: readonly string[]): string[] {
  const listed = new Set(files.map((f) => normalize(f)));
  // The README beside the manifest says what the folder is; it is not part of the list.
  return filesUnder(dir).filter((f) => f !== TRUST_MANIFEST && f !== 'README.md' && !listed.has(normalize(f)));
}

export function loadTrustList(dir: string): LoadedTrustList {
  const refused = (detail: string): LoadedTrustList => ({ name: null, published: null, entries: [], problems: [`trust list ${dir} refused: ${detail}`] });
  let manifest: TrustManifest;
  try {
    const parsed = trustManifest.safeParse(JSON.parse(readFileSync(join(dir, TRUST_MANIFEST), 'utf8')));
    if (!parsed.success) return refused(`${TRUST_MANIFEST} is not a trust manifest: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    manifest = parsed.data;
  } catch (e) {
    return refused(`${TRUST_MANIFEST} unreadable: ${(e as Error).message}`);
  }
  const entries: TrustListEntry[] = [];
  for (const listed of manifest.certificates) {
    try {
      entries.push(readEntry(dir, listed));
    } catch (e) {
      return refused(`${listed.file}: ${(e as Error).message}`);
    }
  }
  const extra = unlistedFiles(dir, manifest.certificates.map((c) => c.file));
  if (extra.length > 0) return refused(`file(s) not in the manifest: ${extra.join(', ')}`);
  return { name: manifest.name, published: manifest.published, entries, problems: [] };
}
