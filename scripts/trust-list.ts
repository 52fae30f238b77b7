// `node scripts/trust-list.ts SOURCE_DIR [NAME]`: rebuilds resources/trust, the trust list the
// program ships, from a folder of certificate files (as ../shared/trust/certs, with its
// INDEX.json naming each file's source). Each certificate's role is read from the certificate;
// a file that is not a root, an intermediate or a timestamping certificate stops the build.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { certificatesInFile } from '../src/main/signing/trust/certificate-files.ts';
import { roleOf } from '../src/main/signing/trust/certificate-role.ts';
import { sha256Hex, TRUST_MANIFEST, trustManifest, type TrustManifest } from '../src/main/signing/trust/trust-list.ts';
import { vietnamToday } from '../src/shared/domain/dates.ts';

const [source, name = 'Danh sách tin cậy Việt Nam (NEAC, Ban Cơ yếu Chính phủ, các CA công cộng)'] = process.argv.slice(2);
if (!source) throw new Error('usage: node scripts/trust-list.ts SOURCE_DIR [NAME]');
const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'trust');
const indexPath = join(source, '..', 'INDEX.json');
const sources = new Map<string, string>(
  existsSync(indexPath) ? (JSON.parse(readFileSync(indexPath, 'utf8')) as { name: string; sources: string[] }[]).map((e) => [e.name, e.sources[0] ?? '']) : [],
);

// The README stays; the certificates and the manifest are rebuilt.
rmSync(join(target, 'certs'), { recursive: true, force: true });
mkdirSync(join(target, 'certs'), { recursive: true });
const certificates: TrustManifest['certificates'] = [];
for (const file of readdirSync(source).filter((f) => /\.(pem|crt|cer|der)$/i.test(f)).sort()) {
  const ders = certificatesInFile(readFileSync(join(source, file)));
  if (ders.length !== 1) throw new Error(`${file}: ${ders.length} certificates; one per file`);
  const der = ders[0]!;
  const certificate = new X509Certificate(der);
  const role = roleOf(certificate);
  if (!role) throw new Error(`${file}: neither a root, an intermediate nor a timestamping certificate`);
  const out = `certs/${basename(file).replace(/\.[^.]+$/, '')}.pem`;
  writeFileSync(join(target, out), certificate.toString());
  const from = sources.get(basename(file).replace(/\.[^.]+$/, ''));
  certificates.push({ file: out, role, sha256: sha256Hex(der), subject: certificate.subject.replace(/\n/g, ', '), notAfter: new Date(certificate.validTo).toISOString(), ...(from ? { source: from } : {}) });
}
const manifest = trustManifest.parse({ format: 1, name, published: vietnamToday(), certificates });
writeFileSync(join(target, TRUST_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
const count = (role: string) => certificates.filter((c) => c.role === role).length;
console.log(`${certificates.length} certificates: ${count('root')} roots, ${count('intermediate')} intermediates, ${count('timestamping')} timestamping`);
