import { writeTransaction } from '../../db/connection.ts';
import { statement } from '../../db/statements.ts';
import { timestamp } from '../../registry/clock.ts';
import { type ChainCertificate, issued, readCertificate, readCertificates } from '../verify/trust-certificate.ts';
import type { CrlContext } from './crl-cache.ts';
import type { CrlCandidate } from './crl-check.ts';
import { crlPointsOf } from './crl-points.ts';

// Which distribution points a refresh asks, and whose key must have signed each answer: the
// points of the trust list's certificates (given by the caller), and those of signer certificates
// the verifier saw (noted here, in crl_sources, since a document's certificate is not kept
// anywhere else). A point is only asked when the issuer of a certificate naming it is known: a
// list that cannot be checked is not worth fetching.

export interface CrlSource {
  readonly url: string;
  // Empty when no certificate naming the point has a known issuer.
  readonly candidates: readonly CrlCandidate[];
}

// Signer certificates come from documents anyone can send: their points are bounded in number.
const MAX_NOTED_POINTS = 1000;

// Records the distribution points of the signer certificates among `ders` (the signer's
// certificate and the certificates of its path: those the signature carries and the trust list's)
// whose issuer is among them, its signature checked, so that later refreshes fetch their lists.
// Called by the verifier for chains it found trusted; answers how many points were new or changed.
export function noteSignerCertificates(ctx: CrlContext, ders: readonly Uint8Array[]): number {
  const certificates = readCertificates(ders);
  const notes: { url: string; certificate: ChainCertificate; issuer: ChainCertificate }[] = [];
  for (const certificate of certificates) {
    const points = crlPointsOf(certificate.info);
    if (points.length === 0) continue;
    const issuer = certificates.find((c) => c !== certificate && issued(c, certificate));
    if (!issuer) continue;
    for (const point of points) notes.push({ url: point.url, certificate, issuer });
  }
  // Verifying is a read: the write lock is taken only when a point is new or its certificates changed.
  const known = (note: (typeof notes)[number]) => {
    const row = statement(ctx.db, 'SELECT certificate, issuer FROM crl_sources WHERE url = ?').get(note.url) as { certificate: Buffer; issuer: Buffer } | undefined;
    return row ? row.certificate.equals(note.certificate.der) && row.issuer.equals(note.issuer.der) : false;
  };
  if (notes.every(known)) return 0;
  return writeTransaction(ctx.db, () => {
    let changed = 0;
    const at = timestamp(ctx.clock);
    let count = statement(ctx.db, 'SELECT count(*) FROM crl_sources').pluck().get() as number;
    for (const note of notes) {
      if (known(note)) continue;
      const exists = statement(ctx.db, 'SELECT 1 FROM crl_sources WHERE url = ?').pluck().get(note.url) !== undefined;
      if (!exists && count >= MAX_NOTED_POINTS) continue;
      // The newest certificate seen wins: after a CA renews its key, its lists verify with the new one.
      statement(
        ctx.db,
        'INSERT INTO crl_sources (url, certificate, issuer, noted_at) VALUES (?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET certificate = excluded.certificate, issuer = excluded.issuer, noted_at = excluded.noted_at',
      ).run(note.url, Buffer.from(note.certificate.der), Buffer.from(note.issuer.der), at);
      if (!exists) count++;
      changed++;
    }
    return changed;
  });
}

interface NotedSource {
  readonly url: string;
  readonly certificate: ChainCertificate;
  readonly issuer: ChainCertificate;
}

function notedSources(ctx: CrlContext): NotedSource[] {
  const rows = statement(ctx.db, 'SELECT url, certificate, issuer FROM crl_sources ORDER BY url').all() as Array<{ url: string; certificate: Buffer; issuer: Buffer }>;
  const out: NotedSource[] = [];
  for (const row of rows) {
    try {
      out.push({ url: row.url, certificate: readCertificate(new Uint8Array(row.certificate)), issuer: readCertificate(new Uint8Array(row.issuer)) });
    } catch {
      // A row that no longer parses names nothing a refresh could check.
      continue;
    }
  }
  return out;
}

// Every point to ask, each with the certificates that make its answer checkable. The issuer of a
// trust-list certificate is looked for among the trust list and the noted issuers; a root that
// names its own list issued itself.
export function crlSourcesFor(ctx: CrlContext, certificatesDer: readonly Uint8Array[]): CrlSource[] {
  const given = readCertificates(certificatesDer);
  const noted = notedSources(ctx);
  const pool = [...given, ...noted.map((n) => n.issuer)];
  const byUrl = new Map<string, CrlCandidate[]>();
  const add = (url: string, candidate: CrlCandidate | null): void => {
    const list = byUrl.get(url) ?? [];
    if (candidate) list.push(candidate);
    byUrl.set(url, list);
  };
  for (const certificate of given) {
    const points = crlPointsOf(certificate.info);
    if (points.length === 0) continue;
    const issuer = pool.find((c) => issued(c, certificate)) ?? null;
    for (const point of points) add(point.url, issuer ? { certificate, issuer, crlIssuers: point.crlIssuers } : null);
  }
  for (const source of noted) {
    const point = crlPointsOf(source.certificate.info).find((p) => p.url === source.url);
    add(source.url, { certificate: source.certificate, issuer: source.issuer, crlIssuers: point?.crlIssuers ?? [] });
  }
  return [...byUrl].map(([url, candidates]) => ({ url, candidates }));
}
