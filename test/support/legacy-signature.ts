import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signPdf } from '../../src/main/pdf/sign-pdf.ts';
import type { TestIdentity } from './test-pki.ts';

// PDF signatures of the shapes older and other signing tools write, made at test time with
// openssl cms: adbe.pkcs7.detached with or without signed attributes, adbe.pkcs7.sha1 (the SHA-1
// of the byte ranges encapsulated and signed), any digest, PKCS#1 v1.5 or PSS. Our own writer lays
// out the signature dictionary and the placeholder; the SubFilter is then rewritten in place (same
// length) and the CMS openssl made over the byte ranges is written into /Contents, as a signing
// tool would. pdfsig and qpdf check the result independently.

export type LegacySubFilter = 'adbe.pkcs7.detached' | 'adbe.pkcs7.sha1' | 'ETSI.CAdES.detached';

export interface LegacyShape {
  readonly subFilter: LegacySubFilter;
  readonly md: 'sha1' | 'sha256' | 'sha384' | 'sha512';
  readonly attributes: boolean;
  readonly pss?: boolean;
  // Extra bytes to reserve in /Contents (a CMS carrying a CRL).
  readonly contentsBytes?: number;
  // Changes the CMS openssl made before it is written (to plant a CRL, say).
  readonly amend?: (cms: Uint8Array) => Uint8Array;
}

const ETSI = '/ETSI.CAdES.detached';

export async function signLegacy(input: string, output: string, signer: TestIdentity, shape: LegacyShape, work: string): Promise<{ byteRange: readonly number[] }> {
  const result = await signPdf({ input, output, appearance: null, signingTime: new Date(), contentsBytes: shape.contentsBytes ?? 16 * 1024, sign: async () => new Uint8Array([0x30, 0x00]) });
  const bytes = Buffer.from(readFileSync(output));
  const [, b, c, d] = result.byteRange;
  const at = bytes.lastIndexOf(ETSI, b);
  if (at < 0) throw new Error('no SubFilter before the placeholder');
  bytes.write(`/${shape.subFilter}`.padEnd(ETSI.length, ' '), at, 'latin1');
  const signed = Buffer.concat([bytes.subarray(0, b), bytes.subarray(c, c + d)]);
  const data = join(work, 'signed-data.bin');
  writeFileSync(data, shape.subFilter === 'adbe.pkcs7.sha1' ? createHash('sha1').update(signed).digest() : signed);
  const key = join(work, 'signer-key.pem');
  const cert = join(work, 'signer.pem');
  writeFileSync(key, signer.privateKeyPem, { mode: 0o600 });
  writeFileSync(cert, signer.pem);
  const args = ['cms', '-sign', '-binary', '-in', data, '-signer', cert, '-inkey', key, '-outform', 'DER', '-md', shape.md, '-nosmimecap'];
  if (!shape.attributes) args.push('-noattr');
  if (shape.subFilter === 'adbe.pkcs7.sha1') args.push('-nodetach');
  if (shape.pss) args.push('-keyopt', 'rsa_padding_mode:pss');
  const made = new Uint8Array(execFileSync('openssl', args));
  const cms = shape.amend ? shape.amend(made) : made;
  const room = (c - b - 2) / 2;
  if (cms.length > room) throw new Error(`CMS of ${cms.length} bytes does not fit the ${room} reserved`);
  bytes.write(Buffer.from(cms).toString('hex').toUpperCase().padEnd(room * 2, '0'), b + 1, 'latin1');
  writeFileSync(output, bytes);
  return { byteRange: result.byteRange };
}

// One byte changed inside the first signed range, past the header (as verify-pdf.test.ts does):
// the content is no longer what was signed.
export function flipSignedByte(path: string, out: string): string {
  const bytes = Buffer.from(readFileSync(path));
  bytes[200] = bytes[200]! ^ 0x01;
  writeFileSync(out, bytes);
  return out;
}
