import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestIdentity } from './test-pki.ts';

// An NSS database for pdfsig: it trusts the test root (so pdfsig can say "Signature is Valid" and
// check the chain), and optionally holds a signer's key imported from PKCS#12 so pdfsig can add
// its own signatures (a peer signer's output to read and sign after).
export interface NssDb {
  readonly dir: string;
  // The nickname of the imported signer, when there is one.
  readonly nick: string | undefined;
}

export function createNssDb(dir: string, trusted: TestIdentity, signer?: TestIdentity): NssDb {
  mkdirSync(dir, { recursive: true });
  const db = `sql:${dir}`;
  execFileSync('certutil', ['-N', '-d', db, '--empty-password']);
  const rootPem = join(dir, 'root.pem');
  writeFileSync(rootPem, trusted.pem);
  execFileSync('certutil', ['-A', '-d', db, '-n', 'test-root', '-t', 'CT,C,C', '-i', rootPem]);
  if (!signer) return { dir, nick: undefined };
  const keyPem = join(dir, 'signer-key.pem');
  const certPem = join(dir, 'signer.pem');
  const p12 = join(dir, 'signer.p12');
  writeFileSync(keyPem, signer.privateKeyPem, { mode: 0o600 });
  writeFileSync(certPem, signer.pem);
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', keyPem, '-in', certPem, '-certfile', rootPem, '-name', 'signer', '-out', p12, '-passout', 'pass:test']);
  execFileSync('pk12util', ['-i', p12, '-d', db, '-W', 'test'], { stdio: 'ignore' });
  return { dir, nick: 'signer' };
}

export interface PdfsigSignature {
  readonly fieldName: string;
  // False for an empty signature field, which pdfsig lists as "not signed".
  readonly signed: boolean;
  readonly valid: boolean;
  readonly validation: string;
  readonly totalDocumentSigned: boolean;
  readonly certificateValidation: string;
}

// `pdfsig -nssdir` on a file, parsed per signature.
export function pdfsigReport(nss: NssDb, path: string): PdfsigSignature[] {
  let out: string;
  try {
    out = execFileSync('pdfsig', ['-nssdir', `sql:${nss.dir}`, path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? '');
  }
  return out
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => {
      const validation = /Signature Validation: (.*)/.exec(block)?.[1]?.trim() ?? '';
      return {
        fieldName: /Signature Field Name: (.*)/.exec(block)?.[1]?.trim() ?? '',
        signed: !/The signature form field is not signed/.test(block),
        valid: validation === 'Signature is Valid.',
        validation,
        totalDocumentSigned: /Total document signed/.test(block) && !/not total document signed/i.test(block),
        certificateValidation: /Certificate Validation: (.*)/.exec(block)?.[1]?.trim() ?? '',
      };
    });
}

export function pdfsigAddSignature(nss: NssDb, input: string, output: string): string {
  if (!nss.nick) throw new Error('this NSS database has no signer');
  execFileSync('pdfsig', ['-nssdir', `sql:${nss.dir}`, '-add-signature', '-nick', nss.nick, input, output], { stdio: 'ignore' });
  return output;
}
