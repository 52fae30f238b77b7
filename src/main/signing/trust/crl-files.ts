import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

// Revocation lists (.crl, DER or PEM) the administrator copies next to the trust anchors: on the
// closed network they are the only revocation data there is. Unreadable files are skipped: the
// verifier and the signer say "revocation unknown" rather than fail.
const MAX_CRL_BYTES = 16 * 1024 * 1024;
const PEM_CRL = /-----BEGIN X509 CRL-----([A-Za-z0-9+/=\s]+?)-----END X509 CRL-----/g;

export function loadCrlFiles(dirs: readonly string[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (extname(name).toLowerCase() !== '.crl') continue;
      const path = join(dir, name);
      try {
        if (!statSync(path).isFile() || statSync(path).size > MAX_CRL_BYTES) continue;
        const bytes = readFileSync(path);
        const pem = [...bytes.toString('latin1').matchAll(PEM_CRL)].map((m) => Buffer.from((m[1] as string).replace(/\s+/g, ''), 'base64'));
        out.push(...(pem.length > 0 ? pem : [bytes]));
      } catch {
        continue;
      }
    }
  }
  return out;
}
