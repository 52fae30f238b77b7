import { TRUST_ROLES, type TrustListView } from '../../../shared/api/schemas/trust-list.ts';
import { commonName } from '../../../shared/domain/distinguished-name.ts';
import type { RegistryContext } from '../../registry/context.ts';
import { profileTrust, programTrustList } from './profile-trust.ts';

const ROLE_ORDER: readonly string[] = TRUST_ROLES;

// What Cài đặt → Ký số shows of the trust list: how many roots, intermediates and timestamping
// certificates, the newest of them, what expired, and why anything was left out.
export function trustListView(ctx: RegistryContext, resourcesDir?: string, now = new Date()): TrustListView {
  const program = programTrustList(resourcesDir);
  const trust = profileTrust(ctx, resourcesDir);
  const listed = trust.entries;
  const newest = listed.reduce<(typeof listed)[number] | null>((a, b) => (a === null || b.notBefore > a.notBefore ? b : a), null);
  const count = (role: string) => listed.filter((e) => e.role === role).length;
  return {
    program: { name: program.name, published: program.published, refused: program.entries.length === 0 },
    counts: { root: count('root'), intermediate: count('intermediate'), timestamping: count('timestamping'), folder: trust.anchors.length - count('root') },
    newest: newest ? { subject: newest.subject, notBefore: newest.notBefore.toISOString() } : null,
    expired: listed.filter((e) => e.notAfter < now).length,
    // Roots first, then intermediates, then timestamping certificates, each by name.
    certificates: [...listed].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || commonName(a.subject).localeCompare(commonName(b.subject), 'vi')).map((e) => ({ sha256: e.sha256, role: e.role, subject: e.subject, notBefore: e.notBefore.toISOString(), notAfter: e.notAfter.toISOString(), origin: e.origin })),
    problems: [...trust.problems],
  };
}
