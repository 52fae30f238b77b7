import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { childrenOf, readTlv } from '../../src/main/signing/verify/der.ts';
import type { TestIdentity } from './test-pki.ts';

// A CA's revocation list of tens of thousands of entries, as a real CA publishes it, made by
// `openssl ca -gencrl` from an index of revoked serials (with `include` among them), and a CMS
// with that CRL planted in its `crls` field, as Viettel-CA's signing tools write it.

export function largeCrl(ca: TestIdentity, entries: number, include: readonly string[], work: string): Uint8Array {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
  const lines: string[] = [];
  for (let i = 0; i < entries; i++) lines.push(`R\t${day(365)}\t${day(-1 - (i % 300))},keyCompromise\t${(0x1000000000 + i * 7919).toString(16).toUpperCase()}\tunknown\t/CN=revoked ${i}`);
  for (const serial of include) lines.push(`R\t${day(365)}\t${day(-2)}\t${serial.toUpperCase()}\tunknown\t/CN=listed`);
  writeFileSync(join(work, 'index.txt'), `${lines.join('\n')}\n`);
  writeFileSync(join(work, 'crlnumber'), '1000\n');
  writeFileSync(join(work, 'ca-key.pem'), ca.privateKeyPem, { mode: 0o600 });
  writeFileSync(join(work, 'ca.pem'), ca.pem);
  writeFileSync(
    join(work, 'ca.cnf'),
    ['[ca]', 'default_ca = test', '[test]', `database = ${join(work, 'index.txt')}`, `crlnumber = ${join(work, 'crlnumber')}`, 'default_md = sha256', 'default_crl_days = 30', 'crl_extensions = crl_ext', '[crl_ext]', 'authorityKeyIdentifier = keyid'].join('\n'),
  );
  execFileSync('openssl', ['ca', '-gencrl', '-batch', '-config', join(work, 'ca.cnf'), '-keyfile', join(work, 'ca-key.pem'), '-cert', join(work, 'ca.pem'), '-out', join(work, 'large.crl.pem')], { stdio: 'ignore' });
  execFileSync('openssl', ['crl', '-in', join(work, 'large.crl.pem'), '-outform', 'DER', '-out', join(work, 'large.crl')]);
  return readFileSync(join(work, 'large.crl'));
}

function header(tag: number, length: number): Buffer {
  if (length < 0x80) return Buffer.from([tag, length]);
  const octets: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) octets.unshift(n % 256);
  return Buffer.from([tag, 0x80 | octets.length, ...octets]);
}

const wrap = (tag: number, content: Buffer) => Buffer.concat([header(tag, content.length), content]);

// The DER CMS with `crl` in SignedData.crls ([1] IMPLICIT, before the signerInfos).
export function withEmbeddedCrl(cms: Uint8Array, crl: Uint8Array): Uint8Array {
  const bytes = Buffer.from(cms);
  const contentInfo = readTlv(bytes, 0);
  const [oid, explicit] = childrenOf(bytes, contentInfo);
  const signedData = childrenOf(bytes, explicit!)[0]!;
  const fields = childrenOf(bytes, signedData);
  const signerInfos = fields.at(-1)!;
  const inner = Buffer.concat([bytes.subarray(signedData.contentStart, signerInfos.start), wrap(0xa1, Buffer.from(crl)), bytes.subarray(signerInfos.start, signerInfos.end)]);
  return wrap(0x30, Buffer.concat([bytes.subarray(oid!.start, oid!.end), wrap(0xa0, wrap(0x30, inner))]));
}
