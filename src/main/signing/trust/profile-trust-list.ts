import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import type { TrustImportResult } from '../../../shared/api/schemas/trust-list.ts';
import { writeTransaction } from '../../db/connection.ts';
import { statement } from '../../db/statements.ts';
import { timestamp } from '../../registry/clock.ts';
import type { RegistryContext } from '../../registry/context.ts';
import { roleOf, TRUST_ROLES } from './certificate-role.ts';
import { certificatesInFile } from './certificate-files.ts';
import { checkedEntry, type LoadedTrustList, sha256Hex, type TrustListEntry } from './trust-list.ts';

// The certificates a profile trusts besides the program's list: those the clerk added, or a newer
// bundle imported (a .p7b from the national root CA). Kept in the database (`settings`, key
// 'trust-list') so that a backup carries them and a change is one audited transaction.

const stored = z.object({
  certificates: z.array(
    z.object({
      role: z.enum(TRUST_ROLES),
      sha256: z.string(),
      derBase64: z.string(),
      addedAt: z.string(),
      // The file it came from, as the clerk named it.
      from: z.string(),
    }),
  ),
});
type Stored = z.infer<typeof stored>;

function read(ctx: RegistryContext): Stored {
  const raw = statement(ctx.db, "SELECT value FROM settings WHERE key = 'trust-list'").pluck().get() as string | undefined;
  return stored.parse(raw ? JSON.parse(raw) : { certificates: [] });
}

// The profile's list, each certificate checked again as the program's are: a row changed behind
// the program's back is left out and said so.
export function loadProfileTrustList(ctx: RegistryContext): LoadedTrustList {
  const entries: TrustListEntry[] = [];
  const problems: string[] = [];
  for (const c of read(ctx).certificates) {
    try {
      entries.push(checkedEntry(new Uint8Array(Buffer.from(c.derBase64, 'base64')), c));
    } catch (e) {
      problems.push(`profile trust list: ${c.sha256} (${c.from}) left out: ${(e as Error).message}`);
    }
  }
  return { name: null, published: null, entries, problems };
}

export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

type CertificateSummary = TrustImportResult['added'][number];

function summaryOf(der: Uint8Array, role: TrustListEntry['role']): CertificateSummary {
  const c = new X509Certificate(der);
  return { sha256: sha256Hex(der), role, subject: c.subject.replace(/\n/g, ', '), notBefore: new Date(c.validFrom).toISOString(), notAfter: new Date(c.validTo).toISOString() };
}

// Reads the files as the clerk chose them: every certificate that is a root, an intermediate or a
// timestamping certificate is taken; a person's certificate or an unreadable file is refused with
// its reason, and the others still count.
function candidates(files: readonly ImportFile[]): { found: { der: Uint8Array; role: TrustListEntry['role']; from: string }[]; refused: TrustImportResult['refused'][number][] } {
  const found: { der: Uint8Array; role: TrustListEntry['role']; from: string }[] = [];
  const refused: TrustImportResult['refused'][number][] = [];
  for (const file of files) {
    let ders: Uint8Array[];
    try {
      ders = certificatesInFile(file.bytes);
    } catch (e) {
      refused.push({ file: file.name, subject: null, messageVi: 'Tệp không chứa chứng thư số đọc được (.cer, .crt, .pem, .p7b).', detail: (e as Error).message });
      continue;
    }
    for (const der of ders) {
      const certificate = new X509Certificate(der);
      const role = roleOf(certificate);
      const subject = certificate.subject.replace(/\n/g, ', ');
      if (role) found.push({ der, role, from: file.name });
      else refused.push({ file: file.name, subject, messageVi: 'Đây là chứng thư của người ký, không phải của tổ chức cấp chứng thư: không thêm vào danh sách tin cậy.', detail: 'not a CA or timestamping certificate' });
    }
  }
  return { found, refused };
}

// Adds the certificates in `files` to the profile's list, or with `replace` makes them the whole
// of it; `dryRun` only says what would change. `program` is the program's own list, whose
// certificates are never copied into the profile.
export function importTrustCertificates(
  ctx: RegistryContext,
  files: readonly ImportFile[],
  options: { readonly replace: boolean; readonly dryRun: boolean; readonly program: readonly TrustListEntry[] },
): TrustImportResult {
  const current = read(ctx);
  const { found, refused } = candidates(files);
  const programHashes = new Set(options.program.map((e) => e.sha256));
  const kept = options.replace ? [] : current.certificates;
  const keptHashes = new Set(kept.map((c) => c.sha256));
  const at = timestamp(ctx.clock);
  const additions: Stored['certificates'] = [];
  let unchanged = 0;
  for (const f of found) {
    const sha256 = sha256Hex(f.der);
    if (programHashes.has(sha256) || keptHashes.has(sha256) || additions.some((a) => a.sha256 === sha256)) {
      unchanged++;
      continue;
    }
    // A replacing import keeps what was there already: it is unchanged, not removed and re-added.
    const before = current.certificates.find((c) => c.sha256 === sha256);
    if (before) unchanged++;
    additions.push(before ?? { role: f.role, sha256, derBase64: Buffer.from(f.der).toString('base64'), addedAt: at, from: f.from });
  }
  const next = [...kept, ...additions];
  const nextHashes = new Set(next.map((c) => c.sha256));
  const removed = current.certificates.filter((c) => !nextHashes.has(c.sha256));
  const currentHashes = new Set(current.certificates.map((c) => c.sha256));
  const result: TrustImportResult = {
    added: additions.filter((a) => !currentHashes.has(a.sha256)).map((a) => summaryOf(Buffer.from(a.derBase64, 'base64'), a.role)),
    removed: removed.map((c) => summaryOf(Buffer.from(c.derBase64, 'base64'), c.role)),
    unchanged,
    refused,
    applied: false,
  };
  if (options.dryRun || (result.added.length === 0 && result.removed.length === 0)) return result;
  save(ctx, { certificates: next }, { action: 'trust.import', added: result.added.map((a) => a.sha256), removed: result.removed.map((r) => r.sha256) });
  return { ...result, applied: true };
}

export function removeTrustCertificate(ctx: RegistryContext, sha256: string): CertificateSummary | null {
  const current = read(ctx);
  const gone = current.certificates.find((c) => c.sha256 === sha256);
  if (!gone) return null;
  save(ctx, { certificates: current.certificates.filter((c) => c !== gone) }, { action: 'trust.remove', added: [], removed: [sha256] });
  return summaryOf(Buffer.from(gone.derBase64, 'base64'), gone.role);
}

function save(ctx: RegistryContext, next: Stored, change: { action: string; added: string[]; removed: string[] }): void {
  writeTransaction(ctx.db, () => {
    const at = timestamp(ctx.clock);
    statement(ctx.db, "INSERT INTO settings (key, value, updated_at) VALUES ('trust-list', ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at").run(
      JSON.stringify(next),
      at,
    );
    ctx.audit.append({ action: change.action, entityType: 'settings', entityId: 'trust-list', details: { added: change.added, removed: change.removed } });
  });
}
