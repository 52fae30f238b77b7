import type { TrustRole } from './certificate-role.ts';
import type { LoadedTrustList, TrustListEntry } from './trust-list.ts';

// What the verifier trusts, sorted by what each certificate may do: anchors end a path (the
// roots, and whatever the administrator's own folders hold, as before the trust list existed);
// intermediates fill the gap when a signature carries only the signer's certificate, as the
// government's signing tools write it; timestamping certificates let a token be checked when the
// TSA left its certificate out.
export interface TrustMaterial {
  readonly anchors: readonly Uint8Array[];
  readonly intermediates: readonly Uint8Array[];
  readonly timestamping: readonly Uint8Array[];
  readonly problems: readonly string[];
  readonly entries: readonly (TrustListEntry & { readonly origin: TrustOrigin })[];
}

export type TrustOrigin = 'program' | 'profile' | 'folder';

export function trustMaterial(lists: readonly { readonly origin: TrustOrigin; readonly list: LoadedTrustList }[], folderAnchors: readonly Uint8Array[] = []): TrustMaterial {
  const seen = new Set<string>();
  const entries: TrustMaterial['entries'][number][] = [];
  for (const { origin, list } of lists) {
    for (const entry of list.entries) {
      if (seen.has(entry.sha256)) continue;
      seen.add(entry.sha256);
      entries.push({ ...entry, origin });
    }
  }
  const of = (role: TrustRole) => entries.filter((e) => e.role === role).map((e) => e.der);
  return {
    anchors: [...of('root'), ...folderAnchors],
    intermediates: of('intermediate'),
    timestamping: of('timestamping'),
    problems: lists.flatMap(({ list }) => list.problems),
    entries,
  };
}
