import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { certificatesInFile } from './certificate-files.ts';

// The trust anchors the verifier builds paths to (the Vietnamese national root CA, the
// Government CA root, whatever the administrator adds), read from folders of certificate files.
// One bad file is reported and skipped: it must not take every other anchor down with it.

export interface TrustAnchorLoad {
  readonly certificates: Uint8Array[];
  readonly problems: { file: string; detail: string }[];
}

const CERTIFICATE_EXTENSIONS = new Set(['.pem', '.crt', '.cer', '.der', '.p7b', '.p7c']);
// A certificate bundle of a few hundred roots is well under this; a larger file is not one.
const MAX_FILE_BYTES = 1024 * 1024;

export function loadTrustAnchors(dirs: readonly string[]): TrustAnchorLoad {
  const certificates: Uint8Array[] = [];
  const problems: TrustAnchorLoad['problems'] = [];
  const seen = new Set<string>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      problems.push({ file: dir, detail: `folder not readable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    for (const name of names.filter((n) => CERTIFICATE_EXTENSIONS.has(extname(n).toLowerCase()))) {
      const file = join(dir, name);
      try {
        const stat = statSync(file);
        if (!stat.isFile()) continue;
        if (stat.size > MAX_FILE_BYTES) throw new Error(`${stat.size} bytes, more than the ${MAX_FILE_BYTES}-byte limit for a certificate file`);
        for (const der of certificatesInFile(readFileSync(file))) {
          const key = Buffer.from(der).toString('base64');
          if (seen.has(key)) continue;
          seen.add(key);
          certificates.push(der);
        }
      } catch (e) {
        problems.push({ file, detail: `not a certificate: ${(e as Error).message}` });
      }
    }
  }
  return { certificates, problems };
}
